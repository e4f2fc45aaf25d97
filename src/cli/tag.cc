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
  auto lock = ChangeLogLock::Acquire(*session.conn, session.ctx, o.lock_wait_minutes * 60);
  if (!lock.ok()) return lock.status();
  Status s = ReadHistory(*session.conn, &session.ctx, &session.history);
  if (!s.ok()) return s;
  s = session.conn->Execute(TagSql(session.ctx, session.history.rows().back(), tag));
  if (!s.ok()) return s;
  fmt::print(io.err, "Successfully tagged '{}'\n", tag);
  return Status::Ok();
}

}  // namespace strata::cli
