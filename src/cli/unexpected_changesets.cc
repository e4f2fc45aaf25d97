// unexpected-changesets, as Liquibase 4.28's UnexpectedChangesetsCommandStep:
// history rows that no changeset of the changelog matches, on stdout.
#include <fmt/format.h>

#include <unordered_set>

#include "cli/commands.h"

namespace strata::cli {

Status RunUnexpectedChangeSets(const GlobalOptions& o, bool verbose,
                               const Streams& io) {
  // Read-only: no lock, and no tracking tables created when absent (unlike
  // Liquibase, which creates them first).
  Result<Session> opened = OpenSession(o, kChangeLog);
  if (!opened.ok()) return opened.status();
  const Session& session = *opened;
  // Liquibase validates the changelog against the history first.
  auto pending = PendingChangeSets(session.changelog, session.history,
                                   session.ctx.dialect->name);
  if (!pending.ok()) return pending.status();

  std::unordered_set<std::string> expected;
  bool any_visited = false;
  for (const ChangeSet& cs : session.changelog.changesets) {
    if (cs.ignore.value_or(false)) continue;  // IgnoreChangeSetFilter
    any_visited = true;
    expected.insert(History::Key(cs.id, cs.author, cs.file_path));
  }
  std::vector<const HistoryRow*> unexpected;
  for (const HistoryRow& r : session.history.rows()) {
    if (expected.count(History::Key(r.id, r.author, r.filename))) continue;
    // Liquibase drops these rows whenever it visits any changeset.
    if (any_visited && History::Key("", "", r.filename) == "liquibase-internal::::")
      continue;
    unexpected.push_back(&r);
  }
  if (unexpected.empty()) {
    fmt::print(io.out, "{} contains no unexpected changes!\n", UserAtUrl(session));
    return Status::Ok();
  }
  fmt::print(io.out, "{} unexpected changes were found in {}\n", unexpected.size(),
             UserAtUrl(session));
  if (verbose)
    for (const HistoryRow* r : unexpected)
      fmt::print(io.out, "     {}::{}::{}\n", r->filename, r->id, r->author);
  return Status::Ok();
}

}  // namespace strata::cli
