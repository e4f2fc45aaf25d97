// libFuzzer target: the property expander and the .properties reader.
//
// The input is a Java .properties text, then a line "----", then a text to
// expand. Each properties entry is defined as a changelog property (global
// or local by its position) and the text is expanded under each
// --missing-property-mode. The expander must return, with output bounded by
// its own limit, whatever the definitions (cycles, self-reference,
// exponential nesting, unterminated "${").
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "load/properties.h"
#include "strata/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return -1;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t sep = input.find("\n----\n");
  std::string_view defs = input.substr(0, sep);
  std::string_view text =
      sep == std::string_view::npos ? input : input.substr(sep + 6);

  auto entries = strata::load::ParseJavaProperties(defs);
  strata::SourceLocation loc{std::make_shared<const std::string>("fuzz.yaml"), 1, 1};
  for (auto mode : {strata::LoadOptions::MissingProperty::kPreserve,
                    strata::LoadOptions::MissingProperty::kEmpty,
                    strata::LoadOptions::MissingProperty::kError}) {
    strata::LoadOptions options;
    options.missing_property = mode;
    options.dbms = "sqlite";
    strata::load::PropertyStore store(options);
    for (size_t i = 0; i < entries.size(); ++i)
      store.Define(entries[i].first, entries[i].second, i % 3 != 2,
                   static_cast<int>(i % 2));
    std::vector<strata::Diagnostic> errors;
    for (int file_id : {0, 1}) {
      std::string out = store.Expand(text, file_id, loc, errors);
      if (!strata::load::PropertyStore::NeedsExpansion(text) && out != text)
        abort();  // text without "${" is returned unchanged
    }
    for (const auto& e : errors)
      if (e.message.empty()) abort();
  }
  return 0;
}
