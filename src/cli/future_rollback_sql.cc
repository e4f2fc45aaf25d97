#include <fmt/format.h>

#include "cli/plan_command.h"

namespace strata::cli {

Status RunFutureRollbackSql(const GlobalOptions& o, const FutureRollbackOptions& f,
                            const Streams& io) {
  Result<Session> opened = OpenSession(o, kChangeLog | kOfflineOk);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  UpdateLimit limit;
  if (f.count >= 0) limit.count = f.count;
  if (!f.tag.empty()) limit.tag = f.tag;
  Planner planner = [&](Session& s) {
    return PlanFutureRollback(s.changelog, s.history, s.ctx, limit);
  };
  return PrintPlan(session, o, io, planner, "SQL to roll back currently unexecuted changes");
}

}  // namespace strata::cli
