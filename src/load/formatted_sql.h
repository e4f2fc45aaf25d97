// Parsing one formatted SQL changelog (`--liquibase formatted sql`) into
// changesets, as Liquibase 4.28's FormattedSqlChangeLogParser reads it
// (reference §2.4). Each `--changeset author:id` becomes one ChangeSet with
// one Sql change (splitStatements and stripComments default to true here).
// The header is the first non-blank line matching
// `--\s*liquibase\s*formatted.*` (case-insensitive). A .sql changelog
// without it is one raw changeset, id "raw", author "includeAll", holding
// the whole file unexpanded, as Liquibase loads it.
#pragma once

#include <string>
#include <vector>

#include "load/changelog_builder.h"
#include "load/paths.h"
#include "load/properties.h"
#include "strata/load.h"

namespace strata::load {

// Same contract as ParseYamlChangeLog: `--property` lines are defined in
// file order (a changeset's header is expanded when read, its body and
// rollback when the changeset ends, as in Liquibase); problems go to
// `errors` with file:line:col; never throws.
ParsedChangeLog ParseFormattedSqlChangeLog(const std::string& text,
                                           const FileInfo& file,
                                           const SearchPath& search_path,
                                           const LoadOptions& options,
                                           PropertyStore& properties,
                                           std::vector<Diagnostic>& errors);

}  // namespace strata::load
