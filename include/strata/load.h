// Loading a changelog file (and everything it includes) into the model.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "strata/context_filter.h"
#include "strata/model.h"

namespace strata {

// What the user said about where and how to load.
struct LoadOptions {
  // As given on the command line (`--changelog-file`). It is resolved
  // against the search path; FILENAME is recorded relative to it.
  std::string changelog_file;
  // Folders searched for changelog_file and non-relative includes, in order.
  // Empty means the current directory.
  std::vector<std::string> search_path;
  // Properties from the command line (-Dname=value); they win over
  // changelog `property` entries (first definition wins, as in Liquibase)
  // but not over process environment variables (Liquibase 4.28 reads
  // those first: `FOO=env liquibase update -DFOO=cli` expands ${FOO} to
  // "env").
  std::map<std::string, std::string> properties;
  // `parameter.<name>=<value>` entries of the defaults file: below the
  // environment and -D, above changelog `property` entries.
  std::map<std::string, std::string> file_properties;
  // Liquibase --missing-property-mode: PRESERVE leaves `${x}` as written,
  // EMPTY replaces it with "", ERROR reports it (file:line:col).
  enum class MissingProperty { kPreserve, kEmpty, kError };
  MissingProperty missing_property = MissingProperty::kPreserve;
  // Engine name used for `dbms` filters and built-in properties
  // ("postgresql", "sqlite").
  std::string dbms;
  // --context-filter / --label-filter: duplicate identities are reported only
  // among the changesets it lets through, as Liquibase validates them
  // (fineract defines one id per context: mysql, postgresql).
  ChangeSetFilter filter;
};

// "file:line:col: error: message" ("warning:" when `warning`).
struct Diagnostic {
  SourceLocation loc;
  std::string message;
  bool warning = false;
  std::string ToString() const;
};

struct LoadResult {
  DatabaseChangeLog changelog;
  std::vector<Diagnostic> errors;  // every problem found, in file order
  // What Liquibase silently ignores and Strata ignores too, but names:
  // unknown attributes of YAML/JSON changes and their columns.
  std::vector<Diagnostic> warnings;
  bool ok() const { return errors.empty(); }
};

// Loads, expands properties, resolves includes and validates (required
// attributes, unknown attributes and change types, duplicate identities).
// Never throws.
LoadResult LoadChangeLog(const LoadOptions& options);

// Loads changelog text held in memory (tests, fuzzing). `path` is the name
// used in locations and FILENAME; includes resolve relative to the search
// path / `path` as for files.
LoadResult LoadChangeLogFromString(const std::string& text,
                                   const std::string& path,
                                   const LoadOptions& options);

}  // namespace strata
