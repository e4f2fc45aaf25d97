#include <fmt/format.h>

#include "cli/plan_command.h"

namespace strata::cli {

Status RunChangeLogSync(const GlobalOptions& o, const ChangeLogSyncOptions& c,
                        const Streams& io) {
  Result<Session> opened = OpenSession(o, kChangeLog | (c.sql_only ? kOfflineOk : 0u));
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  UpdateLimit limit;
  if (!c.tag.empty()) {
    limit.tag = c.tag;
    limit.tag_scope = UpdateLimit::TagScope::kChangeLog;
  }
  Planner planner = [&](Session& s) {
    return PlanChangeLogSync(s.changelog, s.history, s.ctx, limit);
  };
  // The same header with or without a tag, as Liquibase 4.28 writes it.
  if (c.sql_only)
    return PrintPlan(session, o, io, planner,
                     "SQL to add all changesets to database history table");
  Plan plan;
  RunSummary summary;
  return RunLocked(session, o, io, planner, &plan, &summary, /*quiet=*/true);
}

}  // namespace strata::cli
