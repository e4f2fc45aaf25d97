// Rendering changes into engine SQL, and Liquibase's automatic rollbacks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "strata/catalog.h"
#include "strata/dialect.h"
#include "strata/model.h"
#include "strata/status.h"

namespace strata {

struct RenderOptions {
  const Dialect* dialect = nullptr;
  // --default-schema-name: qualifies names that have no schemaName.
  std::optional<std::string> default_schema;
  // The target's schema as it will be when the change runs. Needed where
  // the engine rebuilds a table (SQLite); null: such a change is an error.
  Catalog* catalog = nullptr;
};

// One statement to run, without a trailing delimiter, or (output, stop) an
// action the runner takes instead of executing SQL. Scripts print actions
// as comments.
struct Statement {
  std::string sql;  // kOutput / kStop: the message; kCommand: the command line
  enum class Kind {
    kSql,     // executed
    kOutput,  // `sql` is shown on `target` (STDERR, STDOUT, ...), not run
    kStop,    // the run stops here with `sql` as the error message
    kCheck,   // a query run for its rows: any row fails the changeset
              // (PRAGMA foreign_key_check); scripts print it as SQL
    kCommand,  // executeCommand: `argv` is run; `sql` is its display form
  };
  Kind kind = Kind::kSql;
  std::string target;  // kOutput only
  std::vector<std::string> argv;  // kCommand: executable, then its arguments
  int timeout_seconds = 0;        // kCommand: 0 = wait as long as it takes
  // The statement must run with foreign-key enforcement off: SQLite's table
  // rebuild drops the old table, and with enforcement on that DROP deletes
  // (or cascades into) the child rows. SQLite ignores PRAGMA foreign_keys
  // inside a transaction, so the plan turns enforcement off before the
  // changeset's transaction and on after it (PlanStep::before/after), and
  // the rebuild checks the keys itself (kCheck) before COMMIT.
  bool foreign_keys_off = false;
};

// Appends the statements for `change`, in execution order. A change the
// engine cannot do is Status::Unsupported naming the change and its
// file:line:col; nothing is appended then.
Status RenderChange(const Change& change, const RenderOptions& options,
                    std::vector<Statement>* out);

// The changes that undo `changeset`: its rollback block when one was
// written, else the inverses of its changes in reverse order (exactly the
// change types Liquibase inverts). A changeset with a change that has no
// inverse and no rollback block is Status::Validation with Liquibase's
// message ("No inverse to ... created").
// With `dialect` given, the inverse of addColumn leaves out the
// dropDefaultValue Liquibase puts before dropColumn when the engine cannot
// drop a default (SQLite): dropping the column drops its default too.
Result<std::vector<Change>> RollbackChanges(const ChangeSet& changeset,
                                            const Dialect* dialect = nullptr);

// Splits a sql change body as Liquibase does (splitStatements,
// endDelimiter, stripComments). Exposed for tests.
std::vector<std::string> SplitSql(const Sql& sql);

}  // namespace strata
