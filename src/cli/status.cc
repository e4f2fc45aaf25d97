#include <fmt/format.h>

#include "cli/commands.h"

namespace strata::cli {

Status RunStatus(const GlobalOptions& o, bool verbose, const Streams& io) {
  Result<Session> opened = OpenSession(o, kChangeLog);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  auto pending = PendingChangeSets(session.changelog, session.history,
                                   session.ctx.dialect->name, session.ctx.filter);
  if (!pending.ok()) return pending.status();
  if (pending->empty()) {
    fmt::print(io.out, "{} is up to date\n", session.spec.redacted);
    return Status::Ok();
  }
  fmt::print(io.out, "{} changeset{} {} not been applied to {}\n", pending->size(),
             pending->size() == 1 ? "" : "s", pending->size() == 1 ? "has" : "have",
             session.spec.redacted);
  if (verbose)
    for (const ChangeSet* cs : *pending) fmt::print(io.out, "     {}\n", cs->Identity());
  return Status::Ok();
}

}  // namespace strata::cli
