#include <fmt/format.h>

#include <unordered_set>

#include "cli/commands.h"
#include "strata/executor.h"
#include "strata/preconditions.h"

namespace strata::cli {

Result<std::unique_ptr<ChangeLogLock>> TakeLock(Session& session,
                                                const GlobalOptions& o,
                                                const Streams& io) {
  return ChangeLogLock::Acquire(*session.conn, &session.ctx,
                                o.lock_wait_minutes * 60,
                                [&](const std::string& line) {
                                  io.Log(LogLevel::kWarning, line);
                                });
}

Status RefreshHistoryUnderLock(Session& session, bool* changed) {
  Result<bool> unchanged =
      HistoryUnchanged(*session.conn, session.ctx, session.history);
  if (!unchanged.ok()) return unchanged.status();
  *changed = !*unchanged;
  if (!*changed) return Status::Ok();
  return ReadHistory(*session.conn, &session.ctx, &session.history);
}

Status ExecutePlan(Session& session, const Plan& plan, const Streams& io,
                   RunSummary* summary, ChangeLogLock* lock) {
  return RunPlan(*session.conn, plan,
                 [&](const std::string& line) {
                   fmt::print(io.out, "{}\n", line);
                   std::fflush(io.out);
                 },
                 summary, lock);
}

// The rest of Liquibase's UPDATE SUMMARY: a changeset not run counts as
// previously run when it has a history row, else as filtered out by the
// first filter that left it out (contexts, labels, then ignore:true); the FILTERED
// CHANGE SETS SUMMARY follows when any was.
void PrintSummaryTail(const Session& session, const Plan& plan, const Streams& io) {
  std::unordered_set<const ChangeSet*> planned;
  for (const PlanStep& s : plan.steps)
    if (s.changeset) planned.insert(s.changeset);
  size_t previously = 0, by_context = 0, by_label = 0, ignored = 0;
  for (const ChangeSet& cs : session.changelog.changesets) {
    if (planned.count(&cs)) continue;
    FilterVerdict v = session.ctx.filter.Check(cs);
    if (session.history.Find(cs.id, cs.author, cs.file_path))
      ++previously;
    else if (v == FilterVerdict::kRun && cs.ignore.value_or(false))
      ++ignored;
    else if (v == FilterVerdict::kRun)
      ++previously;
    else if (v == FilterVerdict::kContextMismatch)
      ++by_context;
    else
      ++by_label;
  }
  fmt::print(io.out, "Previously run:          {:6}\n", previously);
  size_t filtered = by_context + by_label + ignored;
  fmt::print(io.out, "Filtered out:            {:6}\n", filtered);
  fmt::print(io.out, "-------------------------------\n");
  fmt::print(io.out, "Total change sets:       {:6}\n",
             session.changelog.changesets.size());
  if (filtered == 0) return;
  fmt::print(io.out, "\n\nFILTERED CHANGE SETS SUMMARY\n");
  if (by_context) fmt::print(io.out, "Context mismatch:        {:6}\n", by_context);
  if (by_label) fmt::print(io.out, "Label mismatch:          {:6}\n", by_label);
  if (ignored) fmt::print(io.out, "Ignored:                 {:6}\n", ignored);
}

Status RunUpdate(const GlobalOptions& o, bool sql_only, const Streams& io) {
  Result<Session> opened =
      OpenSession(o, kChangeLog | (sql_only ? kOfflineOk : 0u));
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  // Rows left without a checksum by clear-checksums get it back first.
  if (!sql_only)
    if (Status s = RefreshNullChecksums(session, o, io); !s.ok()) return s;
  if (Status s = FreshCatalog(session); !s.ok()) return s;
  Result<Plan> plan = PlanUpdate(session.changelog, session.history, session.ctx);
  if (!plan.ok()) return plan.status();

  auto warn = [&](const std::string& line) {
    fmt::print(io.err, "{}\n", line);
    std::fflush(io.err);
  };
  if (sql_only) {
    Status settled = SettlePreconditionsForScript(session.conn.get(), session.changelog,
                                                  &*plan, warn);
    if (!settled.ok()) return settled;
    if (Status deferred = DeferredRenderErrors(*plan); !deferred.ok()) return deferred;
    fmt::print(io.out, "{}",
               FormatPlan(*plan, "Update Database Script", o.changelog_file,
                          session.spec.redacted));
    return Status::Ok();
  }
  // Changelog-level preconditions hold for the whole run: checked once,
  // before the first changeset, and also when nothing is pending (Liquibase
  // validates them on every update).
  if (Status pre = CheckChangeLogPreconditions(*session.conn, session.changelog,
                                               session.history, warn);
      !pre.ok())
    return pre;
  if (plan->ChangeSetCount() == 0) {
    Status s = ClearStaleLock(*session.conn, session.ctx, [&](const std::string& line) {
      io.Log(LogLevel::kWarning, line);
    });
    if (!s.ok()) return s;
    fmt::print(io.out, "Database is up to date, no changesets to execute\n");
    return Status::Ok();
  }

  // Something is pending: take the lock (which creates the tracking tables
  // under it); plan again only if the history changed before we held it.
  auto lock = TakeLock(session, o, io);
  if (!lock.ok()) return lock.status();
  bool changed = false;
  Status s = RefreshHistoryUnderLock(session, &changed);
  if (!s.ok()) return s;
  if (changed) {
    if (Status f = FreshCatalog(session); !f.ok()) return f;
    plan = PlanUpdate(session.changelog, session.history, session.ctx);
    if (!plan.ok()) return plan.status();
  }

  RunSummary summary;
  s = ExecutePlan(session, *plan, io, &summary, lock->get());
  if (!s.ok()) return s;
  fmt::print(io.out, "\nUPDATE SUMMARY\nRun:                     {:6}\n",
             summary.run);
  if (summary.failed_ignored)
    fmt::print(io.out, "Failed (failOnError false): {:3}\n", summary.failed_ignored);
  PrintSummaryTail(session, *plan, io);
  return Status::Ok();
}

}  // namespace strata::cli
