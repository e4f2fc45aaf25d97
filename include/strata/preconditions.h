// Evaluating preConditions (Liquibase 4.28, reference §2.2) against a live
// database, and what each onFail/onError/onSqlOutput choice makes of the
// outcome. The executor calls this right before a changeset runs, so a
// precondition sees what earlier changesets of the same update did.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "strata/connection.h"
#include "strata/model.h"
#include "strata/plan.h"
#include "strata/status.h"

namespace strata {

// What checking a preConditions block concluded.
struct PreconditionCheck {
  enum class Outcome {
    kPass,
    kFail,   // a condition does not hold (onFail applies)
    kError,  // a condition could not be checked: bad SQL, a missing table
             // for rowCount (onError applies)
  };
  Outcome outcome = Outcome::kPass;
  // kFail/kError: one line per failed condition,
  // "file:line:col: tableExists: table foo does not exist".
  std::string message;
};

// What conditions consult besides the catalog.
struct PreconditionScope {
  // The changeset the block guards; null for changelog-level blocks.
  const ChangeSet* changeset = nullptr;
  // changeSetExecuted without changeLogFile, at changelog level.
  std::string changelog_file;
  // changeSetExecuted: whether id::author::file has a databasechangelog row
  // (compared case-insensitively, as Liquibase does), counting the rows this
  // run recorded so far.
  std::function<bool(std::string_view id, std::string_view author,
                     std::string_view file)>
      executed;
};

// Evaluates every condition of `block` (an implicit `and`) on `conn`.
// Unqualified names resolve in the connection's current schema (which
// --default-schema-name sets); names compare case-insensitively, as
// Liquibase's snapshot lookups do on PostgreSQL. Never fails as a Status:
// a query error is Outcome::kError.
PreconditionCheck CheckPreconditions(Connection& conn, const Preconditions& block,
                                     const PreconditionScope& scope);

// What a run does with a changeset after its preconditions were checked.
enum class PreconditionAction {
  kRun,      // passed, or failed under WARN (warn first)
  kHalt,     // HALT: the update stops with an error
  kSkip,     // CONTINUE: not run, not recorded; tried again next update
  kMarkRan,  // MARK_RAN: recorded with EXECTYPE MARK_RAN, not run
};
PreconditionAction ActionFor(const Preconditions& block, PreconditionCheck::Outcome outcome);

// The error a HALT reports: names the changeset (path::id::author, null at
// changelog level), the block's file:line:col and every failed condition;
// onFailMessage/onErrorMessage come first when given.
std::string PreconditionFailure(const Preconditions& block, const ChangeSet* changeset,
                                const PreconditionCheck& check);

// The warning WARN prints ("WARNING: Executing ... despite precondition
// failure due to onFail='WARN'", Liquibase's wording).
std::string PreconditionWarning(const Preconditions& block, const ChangeSet* changeset,
                                const PreconditionCheck& check);

// onSqlOutput (update-sql): IGNORE (default) pretends the block passes,
// TEST evaluates it, FAIL fails the command.
enum class SqlOutputMode { kIgnore, kTest, kFail };
SqlOutputMode SqlOutputModeOf(const Preconditions& block);

using PreconditionReporter = std::function<void(const std::string&)>;

// update: the changelog-level blocks, before any changeset runs. A failure
// under HALT is Liquibase's "Validation Failed: N preconditions failed"
// error; WARN reports through `warn` and goes on.
Status CheckChangeLogPreconditions(Connection& conn, const DatabaseChangeLog& changelog,
                                   const History& history, const PreconditionReporter& warn);

// update-sql: settles the preconditions of the changelog and of every step
// of `plan` as Liquibase's update-sql does, per block's onSqlOutput:
// IGNORE leaves the step as planned; TEST evaluates it against `conn` (as
// the database is now: nothing of the script has run) and FAIL counts as a
// failure; then onFail/onError apply: HALT is an error, CONTINUE keeps only
// the step's header and comments, MARK_RAN replaces its statements with the
// MARK_RAN row, WARN warns through `warn`. ORDEREXECUTED is renumbered
// without gaps. `conn` null (offline URL): TEST is an error naming the block.
Status SettlePreconditionsForScript(Connection* conn, const DatabaseChangeLog& changelog,
                                    Plan* plan, const PreconditionReporter& warn);

}  // namespace strata
