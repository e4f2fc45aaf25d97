#include <fmt/format.h>

#include "cli/commands.h"
#include "strata/checksum.h"

namespace strata::cli {
namespace {

// Offline there is no history: rollback-sql answers "what would this do on
// a database that this changelog brought up to date", so the history is the
// changelog itself, in order, with the tags its tagDatabase changes set.
History HistoryFromChangeLog(const DatabaseChangeLog& changelog) {
  std::vector<HistoryRow> rows;
  int64_t order = 0;
  for (const ChangeSet& cs : changelog.changesets) {
    if (cs.ignore.value_or(false)) continue;
    HistoryRow row;
    row.id = cs.id;
    row.author = cs.author;
    row.filename = cs.file_path;
    row.order_executed = ++order;
    row.exec_type = "EXECUTED";
    row.description = Describe(cs);
    for (const Change& c : cs.changes)
      if (const auto* t = std::get_if<TagDatabase>(&c)) row.tag = t->tag;
    rows.push_back(std::move(row));
  }
  return History(std::move(rows));
}

Result<Plan> MakePlan(const Session& session, const History& history,
                      const RollbackOptions& r) {
  if (!r.tag.empty()) {
    TagVersion version;
    if (r.tag_version == "OLDEST" || r.tag_version == "oldest")
      version = TagVersion::kOldest;
    else if (r.tag_version == "NEWEST" || r.tag_version == "newest")
      version = TagVersion::kNewest;
    else
      return Status::InvalidInput("--tag-version must be OLDEST or NEWEST");
    return PlanRollbackToTag(session.changelog, history, r.tag, version, session.ctx);
  }
  return PlanRollbackCount(session.changelog, history, r.count, session.ctx);
}

}  // namespace

Status RunRollback(const GlobalOptions& o, const RollbackOptions& r,
                   const Streams& io) {
  if (r.tag.empty() && r.count < 0)
    return Status::InvalidInput("rollback needs --tag=<tag> (or --count=N for rollback-count)");
  Result<Session> opened = OpenSession(o, kChangeLog | (r.sql_only ? kOfflineOk : 0u));
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  const bool offline = !session.conn;
  History offline_history;
  if (offline) offline_history = HistoryFromChangeLog(session.changelog);
  const History& history = offline ? offline_history : session.history;

  if (Status s = FreshCatalog(session); !s.ok()) return s;
  if (offline) {
    // The catalog starts as the schema the whole changelog would leave,
    // which the rollback then undoes. A change that cannot be planned
    // leaves its tables unknown, and rolling them back is then an error.
    (void)PlanUpdate(session.changelog, History(), session.ctx);
  }
  Result<Plan> plan = MakePlan(session, history, r);
  if (!plan.ok()) return plan.status();
  std::string title = !r.tag.empty()
                          ? fmt::format("Rollback to '{}' Script", r.tag)
                          : fmt::format("Rollback {} Change(s) Script", r.count);
  if (r.sql_only) {
    fmt::print(io.out, "{}",
               FormatPlan(*plan, title, o.changelog_file, session.spec.redacted));
    return Status::Ok();
  }
  if (plan->ChangeSetCount() == 0) {
    // As update does: a row left by a Strata process killed after its last
    // commit must not keep Liquibase waiting.
    Status s = ClearStaleLock(*session.conn, session.ctx, [&](const std::string& line) {
      io.Log(LogLevel::kWarning, line);
    });
    if (!s.ok()) return s;
    fmt::print(io.out, "Nothing to roll back\n");
    return Status::Ok();
  }
  auto lock = TakeLock(session, o, io);
  if (!lock.ok()) return lock.status();
  bool changed = false;
  Status s = RefreshHistoryUnderLock(session, &changed);
  if (!s.ok()) return s;
  if (changed) {
    if (Status f = FreshCatalog(session); !f.ok()) return f;
    plan = MakePlan(session, session.history, r);
    if (!plan.ok()) return plan.status();
  }
  RunSummary summary;
  s = ExecutePlan(session, *plan, io, &summary, lock->get());
  if (!s.ok()) return s;
  fmt::print(io.out, "Rolled back {} changeset{}\n", summary.run,
             summary.run == 1 ? "" : "s");
  return Status::Ok();
}

}  // namespace strata::cli
