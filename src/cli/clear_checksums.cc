// clear-checksums, as Liquibase 4.28: MD5SUM set to NULL on every row;
// the next update stores the current sums (RefreshNullChecksums).
#include <fmt/format.h>

#include "cli/commands.h"
#include "strata/executor.h"

namespace strata::cli {

Status RunClearChecksums(const GlobalOptions& o, const Streams& io) {
  Result<Session> opened = OpenSession(o, 0);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  // A write: under the lock, which also creates the tracking tables when
  // absent, as Liquibase's history service init does.
  auto lock = TakeLock(session, o, io);
  if (!lock.ok()) return lock.status();
  return session.conn->Execute(ClearChecksumsSql(session.ctx));
}

Status RefreshNullChecksums(Session& session, const GlobalOptions& o,
                            const Streams& io) {
  if (!session.conn) return Status::Ok();
  if (PlanNullChecksumRefresh(session.changelog, session.history, session.ctx).empty())
    return Status::Ok();
  auto lock = TakeLock(session, o, io);
  if (!lock.ok()) return lock.status();
  bool changed = false;
  if (Status s = RefreshHistoryUnderLock(session, &changed); !s.ok()) return s;
  for (const ChecksumRefresh& r :
       PlanNullChecksumRefresh(session.changelog, session.history, session.ctx)) {
    if (Status s = session.conn->Execute(r.statement.sql); !s.ok()) return s;
  }
  // The history as it now stands, for the planning that follows.
  return ReadHistory(*session.conn, &session.ctx, &session.history);
}

}  // namespace strata::cli
