// validate, as Liquibase 4.28: "No validation errors found." on stderr and
// exit 0, or the errors and exit 1.
#include <fmt/format.h>

#include <future>
#include <optional>
#include <system_error>
#include <vector>

#include "cli/commands.h"
#include "strata/preconditions.h"

namespace strata::cli {

Status RunValidate(const GlobalOptions& o, const Streams& io) {
  Result<Session> opened = OpenSession(o, kChangeLog | kOfflineOk);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  // Every changeset's checksum, against the history's where there is one.
  // Offline the history is empty, but the sums are still computed: validate
  // --url=offline:... is the whole load, validate and checksum (tools/bench).
  // Reads only the changelog, the history and the filter (never changed
  // below), so it may run beside the rendering.
  auto sums = [&changelog = session.changelog, &history = session.history,
               dbms = session.ctx.dialect->name, &filter = session.ctx.filter] {
    return PendingChangeSets(changelog, history, dbms, filter);
  };
  using Pending = decltype(sums());
  const auto& sets = session.changelog.changesets;
  // What update would run, by position in the changelog.
  std::vector<bool> to_run(sets.size(), false);
  bool pending_ok = true;
  std::optional<Pending> pending_now;
  std::future<Pending> pending_later;
  if (session.history.rows().empty()) {
    // Nothing has run (offline, or a fresh database): update would run
    // every changeset the filter accepts and that is not ignored (the
    // planner's Decide), and no sum can fail. The sums only read the
    // changelog, so they are taken on a second core while this renders
    // (issue 7); errors keep their order.
    for (size_t i = 0; i < sets.size(); ++i)
      to_run[i] = !sets[i].ignore.value_or(false) && session.ctx.filter.Accepts(sets[i]);
    try {
      pending_later = std::async(std::launch::async, sums);
    } catch (const std::system_error&) {
      pending_later = std::async(std::launch::deferred, sums);  // no thread: afterwards
    }
  } else {
    pending_now = sums();
    pending_ok = pending_now->ok();
    if (pending_ok)
      for (const ChangeSet* cs : **pending_now) to_run[static_cast<size_t>(cs - sets.data())] = true;
  }
  // An engine that rebuilds tables (SQLite) renders against a scratch copy
  // of the schema that follows the changesets update would run, as update
  // does: addDefaultValue after the createTable of the same run finds it.
  if (session.ctx.dialect->rebuilds_tables)
    if (Status s = FreshCatalog(session); !s.ok()) return s;
  // Rendering every changeset for this engine finds what the engine cannot
  // do before anything runs.
  std::vector<std::string> errors;
  for (const ChangeSet& cs : session.changelog.changesets) {
    if (!session.ctx.filter.Accepts(cs)) continue;  // as Liquibase: not validated
    // onValidationFail MARK_RAN took its errors: it is marked ran, not run.
    if (!cs.validation_errors.empty()) continue;
    // A changeset that ran (and will not run again) changed a schema that
    // has moved on since: only what the engine cannot do at all is an
    // error for it, not what its table rebuild would find in today's schema.
    bool ran = pending_ok && !to_run[static_cast<size_t>(&cs - sets.data())];
    RenderOptions options = session.ctx.render;
    if (ran) options.catalog = nullptr;
    std::vector<Statement> sink;
    for (const Change& c : cs.changes) {
      size_t from = sink.size();
      Status s = RenderChange(c, options, &sink);
      bool state = s.code() != Status::Code::kUnsupported;
      if (!s.ok() && ran && state) continue;
      // A rebuild the database's state prevents waits for the changeset's
      // preconditions, as update does; they may skip it.
      if (!s.ok() && cs.preconditions && state) continue;
      if (!s.ok()) {
        errors.push_back(s.message());
        continue;
      }
      if (options.catalog)
        for (size_t i = from; i < sink.size(); ++i)
          if (sink[i].kind == Statement::Kind::kSql)
            (void)options.catalog->Apply(sink[i].sql);  // failures poison lookups
    }
  }
  if (session.conn) {
    // Changelog-level preconditions, as update checks them (Liquibase 4.28
    // validate fails with "N preconditions failed"); offline there is no
    // database to check them against.
    Status pre = CheckChangeLogPreconditions(
        *session.conn, session.changelog, session.history,
        [&](const std::string& line) { fmt::print(io.err, "{}\n", line); });
    if (!pre.ok()) errors.push_back(pre.message());
  }
  Pending pending = pending_now ? std::move(*pending_now) : pending_later.get();
  if (!pending.ok()) errors.push_back(pending.status().message());
  if (!errors.empty()) {
    std::string msg;
    for (const auto& e : errors) {
      // Checksum failures already read "Validation Failed:\n...".
      if (msg.empty() && e.rfind("Validation Failed:", 0) != 0) msg = "Validation Failed:";
      msg += (msg.empty() ? "" : "\n") + e;
    }
    return Status::Validation(msg);
  }
  fmt::print(io.err, "No validation errors found.\n");
  return Status::Ok();
}

}  // namespace strata::cli
