// One function per command: a plain Run…(options) that tests can call
// without argv. Each returns a Status; RunCli maps it to the exit code.
#pragma once

#include <string>

#include "cli/session.h"
#include "strata/executor.h"

namespace strata::cli {

// update / update-sql
Status RunUpdate(const GlobalOptions& o, bool sql_only, const Streams& io);

// status [--verbose]
Status RunStatus(const GlobalOptions& o, bool verbose, const Streams& io);

// history [--format TABULAR|TEXT]
Status RunHistory(const GlobalOptions& o, const std::string& format,
                  const Streams& io);

// tag <name>
Status RunTag(const GlobalOptions& o, const std::string& tag, const Streams& io);

// rollback / rollback-sql (by tag) and rollback-count / rollback-count-sql.
struct RollbackOptions {
  std::string tag;        // by tag when non-empty
  int count = -1;         // by count when >= 0
  std::string tag_version = "OLDEST";
  bool sql_only = false;
};
Status RunRollback(const GlobalOptions& o, const RollbackOptions& r,
                   const Streams& io);

// validate
Status RunValidate(const GlobalOptions& o, const Streams& io);

// list-locks / release-locks
Status RunListLocks(const GlobalOptions& o, const Streams& io);
Status RunReleaseLocks(const GlobalOptions& o, const Streams& io);

// Takes the changelog lock for a command that changes the database; its
// notices (a stale lock taken over) go to io.err.
Result<std::unique_ptr<ChangeLogLock>> TakeLock(Session& session,
                                                const GlobalOptions& o,
                                                const Streams& io);

// Called right after TakeLock: re-reads the history only when another
// process changed it since OpenSession read it (a COUNT/MAX check), so a
// command reads the whole history once. Sets *changed accordingly.
Status RefreshHistoryUnderLock(Session& session, bool* changed);

// Shared by update and rollback: runs `plan` under `lock`.
// Progress lines go to io.out.
Status ExecutePlan(Session& session, const Plan& plan, const Streams& io,
                   RunSummary* summary, ChangeLogLock* lock);

}  // namespace strata::cli
