// Running plans against a live database: the history read, the changelog
// lock and the per-changeset transactions.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "strata/catalog.h"
#include "strata/connection.h"
#include "strata/plan.h"
#include "strata/status.h"

namespace strata {

// Fills ctx->changelog_table_exists / lock_table_exists and reads the
// history (one query) when the table exists.
Status ReadHistory(Connection& conn, PlanContext* ctx, History* history);

// True when the history on the server still matches `history` (same row
// count and highest ORDEREXECUTED): a cheap check, under the lock, that no
// other process applied or rolled back anything since `history` was read,
// so the command reads the whole history only once.
Result<bool> HistoryUnchanged(Connection& conn, const PlanContext& ctx,
                              const History& history);

// Creates the tracking tables that do not exist yet (the plan's setup
// steps), each in autocommit; a table created meanwhile by another process
// is not an error.
Status EnsureTrackingTables(Connection& conn, PlanContext* ctx);

// The schema catalog the renderer consults for `dialect`'s engine
// (catalog.h): for SQLite, an in-memory database holding a copy of `live`'s
// schema (empty when `live` is null: offline:sqlite) that replays what the
// plan applies to it. Null (no error) for engines without one yet. One
// catalog serves one plan: planning again needs a new one.
Result<std::unique_ptr<Catalog>> NewCatalog(const Dialect& dialect, Connection* live);

// Progress lines ("Running Changeset: …") and notices go through this.
using Reporter = std::function<void(const std::string&)>;

// The changelog lock, two layers deep:
//  1. Strata's ProcessLock (connection.h), polled every second: among Strata
//     processes it is the lock, and the server or the kernel drops it when
//     its process dies.
//  2. Liquibase's databasechangeloglock row ID=1, flipped to LOCKED=TRUE by a
//     conditional UPDATE, so that Liquibase and Strata exclude each other.
//     LOCKEDBY is "<host> (strata pid <pid>)". A row written by Strata while
//     this process holds the process lock belongs to a dead process: it is
//     taken over, with a notice. Any other row (Liquibase's) is live and
//     waited for.
// Both waits share one deadline, `wait_seconds` from the call; then the
// error is Liquibase's "Could not acquire change log lock.  Currently locked
// by X since Y". The tracking tables are created (EnsureTrackingTables)
// under the process lock, before the row is taken.
class ChangeLogLock {
 public:
  static Result<std::unique_ptr<ChangeLogLock>> Acquire(Connection& conn,
                                                        PlanContext* ctx,
                                                        int wait_seconds,
                                                        const Reporter& notice);
  // Fails when the lock may have been lost (the process lock's connection
  // is gone); RunPlan calls it before every changeset.
  Status Check() { return process_lock_->Check(); }
  // Releases the row (over the process lock's connection when the main one
  // is gone), then the process lock.
  ~ChangeLogLock();
  ChangeLogLock(const ChangeLogLock&) = delete;
  ChangeLogLock& operator=(const ChangeLogLock&) = delete;

 private:
  ChangeLogLock(Connection& conn, std::unique_ptr<ProcessLock> process_lock,
                std::string release_sql)
      : conn_(conn),
        process_lock_(std::move(process_lock)),
        release_sql_(std::move(release_sql)) {}
  Connection& conn_;
  std::unique_ptr<ProcessLock> process_lock_;
  std::string release_sql_;
};

// The lock row as list-locks shows it.
struct LockState {
  bool table_exists = false;
  bool locked = false;
  std::string locked_by, granted;
  bool by_strata = false;      // LOCKEDBY is "<host> (strata pid <pid>)"
  bool holder_gone = false;    // by_strata and its process lock is free
};
Result<LockState> InspectLock(Connection& conn, const PlanContext& ctx);

// Clears a row left by a dead Strata process (as Acquire would take it
// over) without taking the lock, with a notice: `update` calls it when
// nothing is pending, so that a process killed after its last commit does
// not leave Liquibase waiting. A live holder's row is left alone.
// REQUIRES: ReadHistory filled ctx.lock_table_exists.
Status ClearStaleLock(Connection& conn, const PlanContext& ctx,
                      const Reporter& notice);

// release-locks: clears the row whoever holds it, as Liquibase does.
Status ForceReleaseLock(Connection& conn, const PlanContext& ctx);

// drop-all's inventory of `schema` (empty: the connection's current one):
// PostgreSQL tables, views, materialized views, sequences not owned by a
// column, functions, procedures, domains and types, leaving out what an
// extension owns; SQLite's tables and views (sqlite_* excluded). The
// tracking tables are included.
Result<std::vector<SchemaObject>> ListSchemaObjects(Connection& conn,
                                                    const std::string& schema);

struct RunSummary {
  int run = 0;             // recorded: executed, or marked ran (MARK_RAN)
  int failed_ignored = 0;  // failOnError:false changesets that failed
  int marked_ran = 0;      // precondition MARK_RAN (also counted in `run`)
  int skipped = 0;         // precondition CONTINUE: not run, not recorded
};

// Executes `plan` step by step. Where the engine has transactional DDL and
// the changeset allows it, a step's statements and its history statements
// commit in one transaction; a failing step is rolled back whole and the
// run stops (earlier steps stay applied and recorded). A changeset with
// failOnError:false that fails is reported, not recorded, and skipped.
// `lock`, when given, is checked before every changeset. A step's `before`
// statements run ahead of its transaction and its `after` statements once
// it has ended, whatever happened (PRAGMA foreign_keys around a SQLite
// rebuild); a kCheck statement that returns any row fails the step.
//
// A runInTransaction:false changeset that fails part-way is reported with
// the statements that had already run and the one that failed.
//
// Test-only fault injection: with the environment variable
// STRATA_TEST_CRASH_AT=<n> the process raises SIGKILL at its n-th
// checkpoint, counted across the whole command, after writing
// "strata: killed at checkpoint <n>: <where>" to stderr. Checkpoints: the
// process lock held (ChangeLogLock::Acquire), after each tracking-table
// statement (EnsureTrackingTables), the lock row taken; per step (update's
// and rollback's alike) before its transaction, after each statement,
// after each history statement, after COMMIT (a runInTransaction:false
// step: before it, after each statement and history statement); the lock
// row released (~ChangeLogLock). Compiled in, inert unless the variable is
// set; tests/crash_pg_test.cc and tests/lock_sqlite_test.cc use it.
Status RunPlan(Connection& conn, const Plan& plan, const Reporter& report,
               RunSummary* summary, ChangeLogLock* lock = nullptr);

}  // namespace strata
