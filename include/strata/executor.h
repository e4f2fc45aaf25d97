// Running plans against a live database: the history read, the changelog
// lock and the per-changeset transactions.
#pragma once

#include <functional>
#include <string>

#include "strata/connection.h"
#include "strata/plan.h"
#include "strata/status.h"

namespace strata {

// Fills ctx->changelog_table_exists / lock_table_exists and reads the
// history (one query) when the table exists.
Status ReadHistory(Connection& conn, PlanContext* ctx, History* history);

// Creates the tracking tables that do not exist yet (the plan's setup
// steps), each in autocommit; a table created meanwhile by another process
// is not an error.
Status EnsureTrackingTables(Connection& conn, PlanContext* ctx);

// Liquibase's databasechangeloglock protocol: the row ID=1 is flipped to
// LOCKED=TRUE with a conditional UPDATE; polled every second for up to
// `wait_seconds`. Released by the destructor.
class ChangeLogLock {
 public:
  static Result<std::unique_ptr<ChangeLogLock>> Acquire(Connection& conn,
                                                        const PlanContext& ctx,
                                                        int wait_seconds);
  ~ChangeLogLock();
  ChangeLogLock(const ChangeLogLock&) = delete;
  ChangeLogLock& operator=(const ChangeLogLock&) = delete;

 private:
  ChangeLogLock(Connection& conn, std::string release_sql)
      : conn_(conn), release_sql_(std::move(release_sql)) {}
  Connection& conn_;
  std::string release_sql_;
};

// Progress lines ("Running Changeset: …") go through this.
using Reporter = std::function<void(const std::string&)>;

struct RunSummary {
  int run = 0;
  int failed_ignored = 0;  // failOnError:false changesets that failed
};

// Executes `plan` step by step. Where the engine has transactional DDL and
// the changeset allows it, a step's statements and its history statements
// commit in one transaction; a failing step is rolled back whole and the
// run stops (earlier steps stay applied and recorded). A changeset with
// failOnError:false that fails is reported, not recorded, and skipped.
Status RunPlan(Connection& conn, const Plan& plan, const Reporter& report,
               RunSummary* summary);

}  // namespace strata
