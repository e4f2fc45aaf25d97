// status, as Liquibase 4.28's StatusCommandStep: a count line naming
// <user>@<url>, then (unless --verbose=false) each pending changeset, on
// stdout; exit 0 whether or not anything is pending.
#include <fmt/format.h>

#include "cli/commands.h"
#include "strata/preconditions.h"

namespace strata::cli {

Status RunStatus(const GlobalOptions& o, bool verbose, const Streams& io) {
  // Read-only: no lock, and no tracking tables created when absent (unlike
  // Liquibase, which creates them first).
  Result<Session> opened = OpenSession(o, kChangeLog);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  // Changelog-level preconditions are checked as update checks them: a
  // failure is Liquibase's "Validation Failed: N preconditions failed",
  // exit 1 (verified with 4.28).
  if (Status pre = CheckChangeLogPreconditions(
          *session.conn, session.changelog, session.history,
          [&](const std::string& line) { fmt::print(io.err, "{}\n", line); });
      !pre.ok())
    return pre;
  auto pending = PendingChangeSets(session.changelog, session.history,
                                   session.ctx.dialect->name, session.ctx.filter);
  if (!pending.ok()) return pending.status();
  std::string out;
  if (pending->empty()) {
    out = fmt::format("{} is up to date\n", UserAtUrl(session));
  } else {
    out = fmt::format("{} {} not been applied to {}\n", pending->size(),
                      pending->size() == 1 ? "changeset has" : "changesets have",
                      UserAtUrl(session));
    if (verbose)
      for (const ChangeSet* cs : *pending) out += fmt::format("     {}\n", cs->Identity());
  }
  fmt::print(io.out, "{}", out);
  return Status::Ok();
}

}  // namespace strata::cli
