// SQLite's table rebuild ("Making Other Kinds Of Table Schema Changes",
// https://www.sqlite.org/lang_altertable.html#otheralter), used for what
// its ALTER TABLE cannot do. Internal to the render stage.
#pragma once

#include <vector>

#include "strata/catalog.h"
#include "strata/dialect.h"
#include "strata/render.h"
#include "strata/status.h"

namespace strata::detail {

// Appends the statements that turn table `before` (as it is when they run)
// into `after`, keeping its rows:
//   CREATE TABLE strata_new_<t> (<after>)
//   INSERT INTO strata_new_<t> (cols) SELECT cols FROM <t>   -- same-named columns
//   [carry the AUTOINCREMENT counter over in sqlite_sequence]
//   DROP TABLE <t>
//   PRAGMA legacy_alter_table = ON; ALTER TABLE strata_new_<t> RENAME TO <t>;
//   PRAGMA legacy_alter_table = OFF
//   <after.indexes>, <after.triggers> (their CREATE statements as stored)
//   PRAGMA foreign_key_check(<t>) and (<child>) for every referencing table
// Every statement is marked foreign_keys_off. legacy_alter_table keeps the
// RENAME from re-checking (and failing on) views and triggers elsewhere that
// name <t> while it does not exist: they refer to the new table afterwards,
// as they did to the old one.
// Invalid definitions (no columns, generated columns) are errors naming
// `where` ("file:line:col: change").
Status RebuildTableSql(const Dialect& dialect, const TableDefinition& before,
                       const TableDefinition& after, const std::string& where,
                       std::vector<Statement>* out);

}  // namespace strata::detail
