#include "cli/plan_command.h"

namespace strata::cli {

Status RunMarkNextChangeSetRan(const GlobalOptions& o, bool sql_only, const Streams& io) {
  Result<Session> opened = OpenSession(o, kChangeLog | (sql_only ? kOfflineOk : 0u));
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  UpdateLimit limit;
  limit.count = 1;
  Planner planner = [&](Session& s) {
    return PlanChangeLogSync(s.changelog, s.history, s.ctx, limit);
  };
  // Liquibase 4.28 writes the INSERT alone, no header block.
  if (sql_only) return PrintPlan(session, o, io, planner, "");
  Plan plan;
  RunSummary summary;
  return RunLocked(session, o, io, planner, &plan, &summary, /*quiet=*/true);
}

}  // namespace strata::cli
