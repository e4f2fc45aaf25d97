// Parsing one YAML or JSON changelog file into changesets and include
// requests. Includes are not followed here; loader.cc resolves them.
#pragma once

#include <string>
#include <vector>

#include "load/changelog_builder.h"
#include "load/paths.h"
#include "load/properties.h"
#include "strata/load.h"

namespace strata::load {

// Parses `text`: pre-scans its `property` entries into `properties`, then
// converts every entry with `${}` expanded. Problems go to `errors`; never
// throws.
ParsedChangeLog ParseYamlChangeLog(const std::string& text,
                                   const FileInfo& file,
                                   const SearchPath& search_path,
                                   const LoadOptions& options,
                                   PropertyStore& properties,
                                   std::vector<Diagnostic>& errors);

}  // namespace strata::load
