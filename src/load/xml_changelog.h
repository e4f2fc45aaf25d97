// Parsing one XML changelog file (pugixml) into changesets and include
// requests, through the same ChangeLogBuilder as YAML. Includes are not
// followed here; loader.cc resolves them.
//
// Safety: nothing is ever fetched (xsi:schemaLocation is ignored, there is
// no DTD or external entity support), and a DOCTYPE declaring entities is
// an error, so entity expansion cannot blow up.
#pragma once

#include <string>
#include <vector>

#include "load/changelog_builder.h"
#include "load/paths.h"
#include "load/properties.h"
#include "strata/load.h"

namespace strata::load {

// The Liquibase changelog namespace, and the Pro and extension namespaces
// whose elements are reported as not supported.
inline constexpr std::string_view kDbChangeLogNamespace =
    "http://www.liquibase.org/xml/ns/dbchangelog";
inline constexpr std::string_view kProNamespace =
    "http://www.liquibase.org/xml/ns/pro";
inline constexpr std::string_view kExtNamespace =
    "http://www.liquibase.org/xml/ns/dbchangelog-ext";

// Same contract as ParseYamlChangeLog.
ParsedChangeLog ParseXmlChangeLog(const std::string& text,
                                  const FileInfo& file,
                                  const SearchPath& search_path,
                                  const LoadOptions& options,
                                  PropertyStore& properties,
                                  std::vector<Diagnostic>& errors);

// 1-based line and column (in characters) of byte offsets into one text.
class LineTable {
 public:
  explicit LineTable(const std::string& text);
  // REQUIRES: offset <= text.size().
  std::pair<int, int> At(size_t offset) const;

 private:
  const std::string& text_;
  std::vector<size_t> starts_;  // byte offset of each line's first byte
};

}  // namespace strata::load
