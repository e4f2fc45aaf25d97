#include <fmt/format.h>

#include "cli/plan_command.h"

namespace strata::cli {

// One lock for all three steps, so that no other process slips in between
// the update and the rollback that undoes exactly what it applied. Like
// Liquibase, each update prints its UPDATE SUMMARY.
Status RunUpdateTestingRollback(const GlobalOptions& o, const Streams& io) {
  Result<Session> opened = OpenSession(o, kChangeLog);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  // Validate and render before taking the lock: bad input touches nothing.
  if (Status s = FreshCatalog(session); !s.ok()) return s;
  if (Result<Plan> p = PlanUpdate(session.changelog, session.history, session.ctx); !p.ok())
    return p.status();

  auto lock = TakeLock(session, o, io);
  if (!lock.ok()) return lock.status();
  bool changed = false;
  if (Status s = RefreshHistoryUnderLock(session, &changed); !s.ok()) return s;
  const size_t before = session.history.rows().size();

  // Plans against the current history, runs, and reads the history again.
  auto run = [&](const std::function<Result<Plan>()>& make, RunSummary* summary) {
    if (Status s = FreshCatalog(session); !s.ok()) return s;
    Result<Plan> plan = make();
    if (!plan.ok()) return plan.status();
    if (Status s = ExecutePlan(session, *plan, io, summary, lock->get()); !s.ok()) return s;
    return ReadHistory(*session.conn, &session.ctx, &session.history);
  };
  SelectionStats stats;
  auto update = [&] {
    return PlanUpdateLimited(session.changelog, session.history, session.ctx, UpdateLimit{},
                             &stats);
  };
  const size_t total = session.changelog.changesets.size();

  RunSummary first;
  if (Status s = run(update, &first); !s.ok()) return s;
  PrintUpdateSummary(io, first.run, stats, total);
  // As many changesets as the update added rows (a rerun runAlways
  // changeset adds none), newest first.
  const int added = static_cast<int>(session.history.rows().size() - before);
  RunSummary rolled_back;
  Status s = run(
      [&] { return PlanRollbackCount(session.changelog, session.history, added, session.ctx); },
      &rolled_back);
  if (!s.ok()) return s;
  RunSummary second;
  if (s = run(update, &second); !s.ok()) return s;
  PrintUpdateSummary(io, second.run, stats, total);
  return Status::Ok();
}

}  // namespace strata::cli
