// validate, as Liquibase 4.28: "No validation errors found." on stderr and
// exit 0, or the errors and exit 1.
#include <fmt/format.h>

#include <future>
#include <system_error>

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
  // Both this and the rendering below only read the changelog, so the sums
  // are taken on a second core meanwhile (issue 7); the errors keep their
  // order.
  auto sums = [&] {
    return PendingChangeSets(session.changelog, session.history,
                             session.ctx.dialect->name, session.ctx.filter);
  };
  std::future<decltype(sums())> pending_sums;
  try {
    pending_sums = std::async(std::launch::async, sums);
  } catch (const std::system_error&) {
    pending_sums = std::async(std::launch::deferred, sums);  // no thread: afterwards
  }
  // Rendering every changeset and its rollback for this engine finds what
  // the engine cannot do before anything runs.
  std::vector<std::string> errors;
  for (const ChangeSet& cs : session.changelog.changesets) {
    if (!session.ctx.filter.Accepts(cs)) continue;  // as Liquibase: not validated
    // onValidationFail MARK_RAN took its errors: it is marked ran, not run.
    if (!cs.validation_errors.empty()) continue;
    std::vector<Statement> sink;
    for (const Change& c : cs.changes) {
      Status s = RenderChange(c, session.ctx.render, &sink);
      // A rebuild the database's state prevents waits for the changeset's
      // preconditions, as update does; they may skip it.
      if (!s.ok() && cs.preconditions && s.code() != Status::Code::kUnsupported) continue;
      if (!s.ok()) errors.push_back(s.message());
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
  auto pending = pending_sums.get();
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
