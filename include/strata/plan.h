// Plans: the list of records that update, update-sql, rollback and
// rollback-sql all consume. What a dry run prints is exactly what runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "strata/context_filter.h"
#include "strata/dialect.h"
#include "strata/model.h"
#include "strata/render.h"
#include "strata/status.h"

namespace strata {

// Names and layout of the tracking tables. Persisted format, shared with
// Liquibase 4.28: the columns and their meaning never change
// (../shared/reference/liquibase-4.28.md §3).
struct TrackingTables {
  std::optional<std::string> schema;  // --liquibase-schema-name / default
  std::string changelog = "databasechangelog";
  std::string lock = "databasechangeloglock";
};

// Liquibase's names as each engine spells them: DATABASECHANGELOG folds to
// lower case on PostgreSQL and stays upper case on SQLite.
TrackingTables DefaultTrackingTables(const Dialect& dialect);

// One databasechangelog row.
struct HistoryRow {
  std::string id, author, filename;
  std::string date_executed;
  int64_t order_executed = 0;
  std::string exec_type;
  std::optional<std::string> md5sum, description, comments, tag, liquibase,
      contexts, labels, deployment_id;
};

// The history read once per command, looked up by identity. Liquibase
// compares id, author and path case-insensitively.
class History {
 public:
  History() = default;
  explicit History(std::vector<HistoryRow> rows);  // ordered as read

  // Rows ordered by DATEEXECUTED, ORDEREXECUTED.
  const std::vector<HistoryRow>& rows() const { return rows_; }
  const HistoryRow* Find(std::string_view id, std::string_view author,
                         std::string_view filename) const;
  int64_t MaxOrderExecuted() const { return max_order_; }
  bool empty() const { return rows_.empty(); }

  static std::string Key(std::string_view id, std::string_view author,
                         std::string_view filename);

 private:
  std::vector<HistoryRow> rows_;
  std::unordered_map<std::string, size_t> index_;
  int64_t max_order_ = 0;
};

// A databasechangelog INSERT/UPDATE rendered at plan time with its
// ORDEREXECUTED left open: Liquibase numbers a row when it records it, so a
// changeset skipped at run time (precondition onFail CONTINUE, a failure
// under failOnError:false) leaves no gap. head + number + tail is the SQL.
struct OrderedSql {
  std::string head, tail;
  std::string Sql(int64_t order) const { return head + std::to_string(order) + tail; }
};

// One step of a plan: a changeset's statements and the history statements
// that record it, run together (in one transaction when allowed).
struct PlanStep {
  const ChangeSet* changeset = nullptr;  // null for tracking-table setup
  // "Changeset path::id::author"; empty when the script shows no comment
  // line (changelog-sync writes the history INSERTs alone, as Liquibase).
  std::string header;
  std::vector<std::string> comments;     // extra comment lines (changeset comment)
  std::vector<Statement> statements;     // the change (or rollback) SQL
  std::vector<Statement> history;        // databasechangelog bookkeeping
  bool in_transaction = true;
  // Run outside the step's transaction, before it starts and after it ends
  // (also when it fails): PRAGMA foreign_keys OFF/ON around a SQLite table
  // rebuild (see Statement::foreign_keys_off).
  std::vector<Statement> before, after;
  // update only. The changeset's preconditions (null: none), evaluated by
  // the runner right before the step, against the database as the earlier
  // steps left it.
  const Preconditions* preconditions = nullptr;
  // ORDEREXECUTED as planned: `history` holds `record` rendered with it.
  // The runner renders `record` again when earlier steps were skipped.
  int64_t order_executed = 0;
  std::optional<OrderedSql> record;
  // The row that marks the changeset ran without running it (EXECTYPE
  // MARK_RAN, always an INSERT as in Liquibase): precondition onFail/onError
  // MARK_RAN.
  std::optional<OrderedSql> mark_ran;
  // Why the changeset's SQL could not be planned because of the database's
  // state (a SQLite table rebuild that cannot be done; not what the engine
  // cannot do at all) when its preconditions may still skip it:
  // the error stands only if the changeset runs. `statements` is then
  // incomplete. Empty for a step without preconditions (its render error
  // fails the plan).
  std::string deferred_error;
  // onValidationFail MARK_RAN and a change failed validation
  // (ChangeSet::validation_errors): `record` is its MARK_RAN row, there are
  // no statements and no preconditions, and the runner only records it.
  bool validation_failed = false;
};

struct Plan {
  std::vector<PlanStep> steps;
  // update only: the history the plan was made from (changeSetExecuted
  // preconditions consult it, plus what the run records). Not owned.
  const History* history = nullptr;
  // Changesets the plan runs (excludes setup steps).
  size_t ChangeSetCount() const;
};

// Everything a planner needs to know about the target.
struct PlanContext {
  const Dialect* dialect = nullptr;
  // render.catalog, when set, is told every statement the plan will run, in
  // order (Catalog::Apply), as it is planned.
  RenderOptions render;
  TrackingTables tables;
  bool changelog_table_exists = false;
  bool lock_table_exists = false;
  std::string deployment_id;     // 10 digits, one per command run
  std::string liquibase_version = "4.28.0";  // LIQUIBASE column
  // --context-filter / --label-filter. Changesets it leaves out are neither
  // run nor recorded, their checksums are not validated, rollback skips
  // them (without counting them), and modifySql visitors it leaves out are
  // not applied (all verified against Liquibase 4.28).
  ChangeSetFilter filter;
};

// What `update` would do: pending changesets (not in history; runAlways;
// runOnChange whose checksum changed) rendered with their history INSERT
// (or UPDATE for RERAN). Validation failures (a ran changeset whose checksum
// changed and that is neither runOnChange nor covered by validCheckSum) and
// render failures are all collected into one Status before anything runs.
Result<Plan> PlanUpdate(const DatabaseChangeLog& changelog,
                        const History& history, const PlanContext& ctx);

// Narrows the changesets a command takes, as Liquibase's count and tag
// filters do. Every changeset is still validated.
struct UpdateLimit {
  // At most this many of the changesets the command would otherwise take
  // (update-count, future-rollback-count-sql; mark-next-changeset-ran is 1).
  std::optional<int64_t> count;
  // Up to and including the changeset whose tagDatabase sets this tag
  // (compared exactly, as Liquibase's String.equals). When a history row
  // already carries the tag (compared ignoring case) nothing is taken: the
  // database is at the tag already (Liquibase 4.28's UpToTagChangeSetFilter).
  std::optional<std::string> tag;
  // Where the tag is looked for. kPending: among the changesets the command
  // would take (update-to-tag, future-rollback-from-tag-sql). kChangeLog:
  // in the changelog as written, applied or not (changelog-sync-to-tag).
  enum class TagScope { kPending, kChangeLog };
  TagScope tag_scope = TagScope::kPending;
};

// What the limit left out, for the update summary.
struct SelectionStats {
  int64_t previously_run = 0;  // not taken because history has them
  int64_t after_tag = 0;       // "After tag"
  int64_t after_count = 0;     // "After count"
  // Left out by the context/label filter or ignore:true (no history row).
  int64_t by_context = 0, by_label = 0, ignored = 0;
  bool tag_seen = false;
};

// update-count / update-to-tag (and update, with no limit).
Result<Plan> PlanUpdateLimited(const DatabaseChangeLog& changelog, const History& history,
                               const PlanContext& ctx, const UpdateLimit& limit,
                               SelectionStats* stats = nullptr);

// The deferred render errors (PlanStep::deferred_error) of the steps a
// script would still run, as one error; Ok when there are none. update-sql
// calls it once preconditions are settled; scripts that do not settle them
// print every step, so every deferred error stands.
Status DeferredRenderErrors(const Plan& plan);

// changelog-sync(-to-tag) / mark-next-changeset-ran (count 1): the
// changesets with no history row, recorded as EXECUTED (their INSERT into
// the history, TAG included) without running any of their SQL. Steps have
// no statements.
Result<Plan> PlanChangeLogSync(const DatabaseChangeLog& changelog, const History& history,
                               const PlanContext& ctx, const UpdateLimit& limit);

// future-rollback-sql / -count-sql / -from-tag-sql: the rollback of the
// changesets with no history row (limited like update-count/update-to-tag),
// newest first, each with the DELETE of the row its update would write.
// With a tag that no pending changeset sets: NotFound "No tag matching 'T'
// found". When ctx.render.catalog is set it is first told the matching
// update, then the rollback.
Result<Plan> PlanFutureRollback(const DatabaseChangeLog& changelog, const History& history,
                                const PlanContext& ctx, const UpdateLimit& limit);

// True when a tagDatabase change in the changelog sets exactly `tag`
// (update-to-tag warns and deploys everything otherwise).
bool ChangeLogSetsTag(const DatabaseChangeLog& changelog, std::string_view tag);

// Changesets update would run, in order (status). Checksum validation
// errors are reported the same way as PlanUpdate.
Result<std::vector<const ChangeSet*>> PendingChangeSets(
    const DatabaseChangeLog& changelog, const History& history,
    std::string_view dbms, const ChangeSetFilter& filter = {});

// What `rollback --tag` / `rollback-count` would do. Rows are visited
// newest first; rows whose changeset is not in the changelog are skipped
// (as Liquibase does).
enum class TagVersion { kOldest, kNewest };
Result<Plan> PlanRollbackToTag(const DatabaseChangeLog& changelog,
                               const History& history, std::string_view tag,
                               TagVersion version, const PlanContext& ctx);
Result<Plan> PlanRollbackCount(const DatabaseChangeLog& changelog,
                               const History& history, int count,
                               const PlanContext& ctx);

// rollback-to-date: every row whose DATEEXECUTED is after `after` (a
// timestamp as NormalizeRollbackDate gives it), newest first, skipping rows
// not in the changelog like the other rollbacks.
Result<Plan> PlanRollbackToDate(const DatabaseChangeLog& changelog, const History& history,
                                std::string_view after, const PlanContext& ctx);
// rollback-to-date's --date in the forms Liquibase 4.28 reads
// (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS, 'YYYY-MM-DD HH:MM:SS', optional
// fraction), written as "YYYY-MM-DD HH:MM:SS[.f…]": the wall-clock form
// DATEEXECUTED reads back in (as Liquibase compares both in one local
// time), so that rows compare as text. InvalidInput with Liquibase's
// "Unknown date format to parse: …" otherwise, and for a field out of
// range, which Liquibase's lenient parser would roll over.
Result<std::string> NormalizeRollbackDate(std::string_view text);
// DATEEXECUTED as read (any fractional digits) strictly after `after`, to
// the millisecond (Liquibase compares Date.getTime()).
bool ExecutedAfter(std::string_view date_executed, std::string_view after);

// Tracking-table SQL, through the one quoting-aware writer.
std::vector<Statement> CreateChangeLogTableSql(const PlanContext& ctx);
std::vector<Statement> CreateLockTableSql(const PlanContext& ctx);
// The lock table's one row, unlocked (the last statement of
// CreateLockTableSql): also what a lock table left empty gets, as Liquibase
// initializes one.
std::string InsertLockRowSql(const PlanContext& ctx);
std::string SelectHistorySql(const PlanContext& ctx);
// COUNT(*) and MAX(ORDEREXECUTED) of the history table.
std::string HistoryFingerprintSql(const PlanContext& ctx);
std::string AcquireLockSql(const PlanContext& ctx, std::string_view locked_by);
std::string ReleaseLockSql(const PlanContext& ctx);
std::string SelectLockSql(const PlanContext& ctx);
std::string TagSql(const PlanContext& ctx, const HistoryRow& newest,
                   std::string_view tag);

// clear-checksums: UPDATE <changelog table> SET MD5SUM = NULL.
std::string ClearChecksumsSql(const PlanContext& ctx);

// A history row whose MD5SUM is NULL (after clear-checksums) and the
// statement that stores its changeset's current checksum.
struct ChecksumRefresh {
  const HistoryRow* row = nullptr;
  std::string checksum;  // "9:..."
  Statement statement;   // UPDATE ... SET MD5SUM = ... WHERE ID/AUTHOR/FILENAME
};
// What Liquibase's update does first (upgradeChecksums): for every row with
// a NULL MD5SUM whose changeset is in `changelog`, UPDATE its MD5SUM to the
// current v9 checksum, keyed by the changeset's ID, AUTHOR and FILENAME.
std::vector<ChecksumRefresh> PlanNullChecksumRefresh(
    const DatabaseChangeLog& changelog, const History& history,
    const PlanContext& ctx);

// Database objects as drop-all sees them.
struct SchemaObject {
  enum class Kind {
    kTable, kView, kMaterializedView, kSequence, kFunction, kProcedure, kType, kDomain
  };
  Kind kind = Kind::kTable;
  std::optional<std::string> schema;
  std::string name;
  // Functions and procedures: the argument types, "(integer, text)", taken
  // verbatim from the server's catalog (pg_get_function_identity_arguments).
  std::string arguments;
};

// The statements that drop `objects`, in order: views and materialized
// views, tables (CASCADE
// where the engine has it), sequences, functions and procedures, then
// domains and types.
std::vector<Statement> DropObjectsSql(const std::vector<SchemaObject>& objects,
                                      const PlanContext& ctx);

// Writes a plan as an SQL script (update-sql / rollback-sql): a header
// comment, then per step `-- <header>`, its statements and history
// statements, each ending in ";" and a blank line.
std::string FormatPlan(const Plan& plan, std::string_view title,
                       std::string_view changelog_path,
                       std::string_view target);

// The steps alone, as FormatPlan writes them after its header: Liquibase
// 4.28 prints no header for update-count-sql, update-to-tag-sql and
// mark-next-changeset-ran-sql.
std::string FormatPlanSteps(const Plan& plan);

// 10-digit DEPLOYMENT_ID from the clock, as Liquibase makes it.
std::string NewDeploymentId();

}  // namespace strata
