// The DESCRIPTION column (reference §3): Liquibase's ChangeSet.getDescription.
//
// Persisted format: written to databasechangelog.DESCRIPTION; never changes.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "strata/checksum.h"
#include "util/strings.h"

namespace strata {
namespace {

using util::Lower;

// Liquibase's DESCRIPTION limit (verified with 4.28, offline update-sql and
// live rows alike): longer text keeps its first 247 characters and gains
// "...", 250 in all.
constexpr size_t kDescriptionLimit = 250;
constexpr std::string_view kEllipsis = "...";

// AbstractChange.getDescription lists the parameters whose lower-cased name
// ends with "name" and mentions neither "schema" nor "catalog", plus "path".
bool Describes(std::string_view field) {
  if (field == "path") return true;
  std::string lower = Lower(field);
  return lower.ends_with("name") && lower.find("schema") == std::string::npos &&
         lower.find("catalog") == std::string::npos;
}

// Only string parameters end in "name" in the model; lists, booleans and
// numbers never describe a change.
template <typename T>
void Param(std::string_view name, const T& v, std::vector<std::string>* out) {
  if constexpr (kIsOptString<T>) {
    if (v && Describes(name)) {
      std::string param(name);
      param += '=';
      param += *v;
      out->push_back(std::move(param));
    }
  }
}

std::string DescribeChange(const Change& change) {
  return std::visit(
      [](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        std::vector<std::string> params;
        ForEachField<T>(
            [&](const auto& f) { Param(f.name, c.*(f.member), &params); });
        std::sort(params.begin(), params.end());
        params.erase(std::unique(params.begin(), params.end()), params.end());
        std::string out(T::kName);
        for (size_t i = 0; i < params.size(); ++i) {
          out += i == 0 ? " " : ", ";
          out += params[i];
        }
        return out;
      },
      change);
}

// Java counts UTF-16 code units; walk the UTF-8 text and return the byte
// length of its first `units` units, never splitting a character (Java
// could split a surrogate pair there; Strata keeps the pair out instead).
size_t PrefixBytes(std::string_view s, size_t units, size_t* total_units) {
  size_t bytes = 0, counted = 0, cut = std::string_view::npos;
  while (bytes < s.size()) {
    unsigned char lead = static_cast<unsigned char>(s[bytes]);
    size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    size_t width = len == 4 ? 2 : 1;
    if (cut == std::string_view::npos && counted + width > units) cut = bytes;
    counted += width;
    bytes += len;
  }
  *total_units = counted;
  return cut == std::string_view::npos ? s.size() : std::min(cut, s.size());
}

}  // namespace

std::string Describe(const ChangeSet& changeset) {
  if (changeset.changes.empty()) return "empty";
  std::string out;
  for (const Change& change : changeset.changes) {
    if (!out.empty()) out += "; ";
    out += DescribeChange(change);
  }
  size_t total = 0;
  size_t keep = PrefixBytes(out, kDescriptionLimit - kEllipsis.size(), &total);
  if (total > kDescriptionLimit) {
    out.resize(keep);
    out += kEllipsis;
  }
  return out;
}

}  // namespace strata
