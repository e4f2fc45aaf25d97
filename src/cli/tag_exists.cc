// tag-exists, as Liquibase 4.28: the answer is a message on stderr and the
// exit code is 0 either way.
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.h"

namespace strata::cli {

Status RunTagExists(const GlobalOptions& o, const std::string& tag,
                    const Streams& io) {
  if (tag.empty()) return Status::InvalidInput("tag-exists needs --tag=<tag>");
  // Read-only: no lock, and no tracking tables created when absent (unlike
  // Liquibase, which creates them first).
  Result<Session> opened = OpenSession(o, 0);
  if (!opened.ok()) return opened.status();
  const Session& session = *opened;
  // Liquibase asks COUNT(*) ... WHERE TAG = ?: an exact comparison.
  const auto& rows = session.history.rows();
  bool exists = std::any_of(rows.begin(), rows.end(),
                            [&](const HistoryRow& r) { return r.tag && *r.tag == tag; });
  if (exists)
    fmt::print(io.err, "The tag '{}' already exists in '{}'.\n", tag, UserAtUrl(session));
  else
    fmt::print(io.err, "The tag '{}' does NOT exist in '{}'.\n", tag, UserAtUrl(session));
  return Status::Ok();
}

}  // namespace strata::cli
