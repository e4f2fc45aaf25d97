#include <fmt/format.h>

#include "cli/commands.h"

namespace strata::cli {

Status RunTag(const GlobalOptions& o, const std::string& tag, const Streams& io) {
  if (tag.empty()) return Status::InvalidInput("tag needs a tag name (tag <name> or --tag=<name>)");
  Result<Session> opened = OpenSession(o, 0);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  if (session.history.empty())
    return Status::NotFound("Cannot tag an empty database: no changeset has been applied");
  auto lock = TakeLock(session, o, io);
  if (!lock.ok()) return lock.status();
  bool changed = false;
  Status s = RefreshHistoryUnderLock(session, &changed);
  if (!s.ok()) return s;
  if (session.history.empty())  // rolled back while we waited for the lock
    return Status::NotFound("Cannot tag an empty database: no changeset has been applied");
  s = session.conn->Execute(TagSql(session.ctx, session.history.rows().back(), tag));
  if (!s.ok()) return s;
  fmt::print(io.err, "Successfully tagged '{}'\n", tag);
  return Status::Ok();
}

}  // namespace strata::cli
