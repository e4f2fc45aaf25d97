#include "cli/plan_command.h"

#include <fmt/format.h>

namespace strata::cli {

Status RunLocked(Session& session, const GlobalOptions& o, const Streams& io,
                 const Planner& planner, Plan* plan, RunSummary* summary, bool quiet) {
  if (Status s = FreshCatalog(session); !s.ok()) return s;
  Result<Plan> planned = planner(session);
  if (!planned.ok()) return planned.status();
  *plan = std::move(*planned);
  if (plan->ChangeSetCount() == 0) return Status::Ok();

  auto lock = TakeLock(session, o, io);
  if (!lock.ok()) return lock.status();
  bool changed = false;
  if (Status s = RefreshHistoryUnderLock(session, &changed); !s.ok()) return s;
  if (changed) {
    if (Status s = FreshCatalog(session); !s.ok()) return s;
    planned = planner(session);
    if (!planned.ok()) return planned.status();
    *plan = std::move(*planned);
  }
  if (!quiet) return ExecutePlan(session, *plan, io, summary, lock->get());
  // Steps without statements cannot fail part-way; nothing else reports.
  return RunPlan(*session.conn, *plan, [](const std::string&) {}, summary, lock->get());
}

Status PrintPlan(Session& session, const GlobalOptions& o, const Streams& io,
                 const Planner& planner, std::string_view title) {
  if (Status s = FreshCatalog(session); !s.ok()) return s;
  Result<Plan> plan = planner(session);
  if (!plan.ok()) return plan.status();
  // These scripts print every step as if its preconditions passed.
  if (Status deferred = DeferredRenderErrors(*plan); !deferred.ok()) return deferred;
  if (title.empty())
    fmt::print(io.out, "{}", FormatPlanSteps(*plan));
  else
    fmt::print(io.out, "{}", FormatPlan(*plan, title, o.changelog_file, session.spec.redacted));
  return Status::Ok();
}

void PrintUpdateSummary(const Streams& io, int64_t run, const SelectionStats& stats,
                        size_t total) {
  const int64_t filtered = stats.after_tag + stats.after_count + stats.by_context +
                           stats.by_label + stats.ignored;
  fmt::print(io.out,
             "\nUPDATE SUMMARY\n"
             "Run:                     {:6}\n"
             "Previously run:          {:6}\n"
             "Filtered out:            {:6}\n"
             "-------------------------------\n"
             "Total change sets:       {:6}\n\n",
             run, stats.previously_run, filtered, total);
  if (filtered == 0) return;
  fmt::print(io.out, "\nFILTERED CHANGE SETS SUMMARY\n");
  if (stats.by_context) fmt::print(io.out, "{:<18}       {:6}\n", "Context mismatch:", stats.by_context);
  if (stats.by_label) fmt::print(io.out, "{:<18}       {:6}\n", "Label mismatch:", stats.by_label);
  if (stats.ignored) fmt::print(io.out, "{:<18}       {:6}\n", "Ignored:", stats.ignored);
  if (stats.after_tag) fmt::print(io.out, "{:<18}       {:6}\n", "After tag:", stats.after_tag);
  if (stats.after_count)
    fmt::print(io.out, "{:<18}       {:6}\n", "After count:", stats.after_count);
  fmt::print(io.out, "\n");
}

Status RunLimitedUpdate(const GlobalOptions& o, const UpdateLimit& limit, bool sql_only,
                        const Streams& io) {
  Result<Session> opened = OpenSession(o, kChangeLog | (sql_only ? kOfflineOk : 0u));
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  // Liquibase checks the changelog, not the pending changesets, and then
  // deploys everything (UpdateToTagCommandStep.checkForTagExists).
  if (limit.tag && !ChangeLogSetsTag(session.changelog, *limit.tag)) {
    fmt::print(io.err,
               "WARNING:  The tag '{}' was not found in the changelog '{}'. All changesets in "
               "the changelog were deployed.\nLearn about options for undoing these changes at "
               "https://docs.liquibase.com.\n",
               *limit.tag, o.changelog_file);
  }
  SelectionStats stats;
  Planner planner = [&](Session& s) {
    return PlanUpdateLimited(s.changelog, s.history, s.ctx, limit, &stats);
  };
  // Liquibase 4.28 writes no header block for these two scripts.
  if (sql_only) return PrintPlan(session, o, io, planner, "");
  Plan plan;
  RunSummary summary;
  Status s = RunLocked(session, o, io, planner, &plan, &summary);
  if (!s.ok()) return s;
  PrintUpdateSummary(io, summary.run, stats, session.changelog.changesets.size());
  // Liquibase 4.28 adds this on stderr when the limit left nothing to run.
  if (plan.ChangeSetCount() == 0)
    fmt::print(io.err, "Database is up to date, no changesets to execute\n");
  return Status::Ok();
}

}  // namespace strata::cli
