// list-locks and release-locks, with Liquibase's output.

#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.h"
#include "strata/executor.h"

namespace strata::cli {
namespace {

// "2026-11-21 07:25:21.123" -> "Nov 21, 2026, 7:25:21 AM", as Liquibase
// prints LOCKGRANTED; anything else is shown as it is.
std::string LiquibaseDate(const std::string& ts) {
  int y, mo, d, h, mi, s;
  if (std::sscanf(ts.c_str(), "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6 ||
      mo < 1 || mo > 12)
    return ts;
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr",
                                            "May", "Jun", "Jul", "Aug",
                                            "Sep", "Oct", "Nov", "Dec"};
  int h12 = h % 12 == 0 ? 12 : h % 12;
  return fmt::format("{} {}, {}, {}:{:02}:{:02} {}", kMonths[mo - 1], d, y, h12,
                     mi, s, h < 12 ? "AM" : "PM");
}

}  // namespace

Status RunListLocks(const GlobalOptions& o, const Streams& io) {
  Result<Session> opened = OpenSession(o, 0);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  Result<LockState> state = InspectLock(*session.conn, session.ctx);
  if (!state.ok()) return state.status();
  fmt::print(io.out, "Database change log locks for {}\n", session.spec.redacted);
  if (!state->locked) {
    fmt::print(io.out, " - No locks\n");
    return Status::Ok();
  }
  fmt::print(io.out, " - {} at {}\n", state->locked_by, LiquibaseDate(state->granted));
  if (state->holder_gone)
    fmt::print(io.out,
               "   (stale: that Strata process is gone; the next update, rollback "
               "or tag takes the lock over)\n");
  fmt::print(io.out, "NOTE:  The lock time displayed is based on the database's "
                     "configured time\n");
  return Status::Ok();
}

Status RunReleaseLocks(const GlobalOptions& o, const Streams& io) {
  Result<Session> opened = OpenSession(o, 0);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  Status s = ForceReleaseLock(*session.conn, session.ctx);
  if (!s.ok()) return s;
  fmt::print(io.err, "Successfully released all database change log locks for '{}'\n",
             session.spec.redacted);
  return Status::Ok();
}

}  // namespace strata::cli
