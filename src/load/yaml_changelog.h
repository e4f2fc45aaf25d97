// Parsing one YAML or JSON changelog file into changesets and include
// requests. Includes are not followed here; loader.cc resolves them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "load/paths.h"
#include "load/properties.h"
#include "strata/load.h"
#include "strata/model.h"

namespace strata::load {

struct IncludeSpec {
  std::string file;
  bool relative_to_changelog_file = false;
  bool error_if_missing = true;
  OptString context;  // contextFilter wins
  OptString labels;
  bool ignore = false;
  SourceLocation loc;
};

struct ParsedChangeLog {
  OptString logical_file_path;
  OptString context;  // changelog-level context/contextFilter
  OptString object_quoting_strategy;
  // In document order. ChangeSet.file_path is not set yet.
  std::vector<std::variant<ChangeSet, IncludeSpec>> entries;
};

struct FileInfo {
  std::shared_ptr<const std::string> display;  // shared by every location
  ResolvedFile resolved;
  int id = 0;  // for file-local properties
};

// Parses `text`: pre-scans its `property` entries into `properties`, then
// converts every entry with `${}` expanded. Problems go to `errors`; never
// throws.
ParsedChangeLog ParseYamlChangeLog(const std::string& text,
                                   const FileInfo& file,
                                   const SearchPath& search_path,
                                   const LoadOptions& options,
                                   PropertyStore& properties,
                                   std::vector<Diagnostic>& errors);

// Liquibase's dbms list match: "all", "none", "!x" negation, comma list;
// an empty list matches. Case-insensitive.
bool DbmsMatches(std::string_view list, std::string_view dbms);

}  // namespace strata::load
