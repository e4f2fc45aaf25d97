// One function per command: a plain Run…(options) that tests can call
// without argv. Each returns a Status; RunCli maps it to the exit code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/session.h"
#include "strata/executor.h"

namespace strata::cli {

// update / update-sql
Status RunUpdate(const GlobalOptions& o, bool sql_only, const Streams& io);

// status [--verbose[=true|false]]: Liquibase lists the pending changesets
// unless --verbose=false.
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

// clear-checksums: every MD5SUM to NULL, under the lock; update stores the
// current sums again (RefreshNullChecksums).
Status RunClearChecksums(const GlobalOptions& o, const Streams& io);

// What update does before planning, as Liquibase's upgradeChecksums does:
// rows whose MD5SUM is NULL get their changeset's current checksum, under
// the lock (taken and released here, only when there is such a row).
Status RefreshNullChecksums(Session& session, const GlobalOptions& o,
                            const Streams& io);

// tag-exists --tag: Liquibase's message on stderr, exit 0 either way.
Status RunTagExists(const GlobalOptions& o, const std::string& tag,
                    const Streams& io);

// calculate-checksum: --changeset-identifier path::id::author, or all three
// of --changeset-id, --changeset-author, --changeset-path.
struct CalculateChecksumOptions {
  std::optional<std::string> identifier, id, author, path;
};
Status RunCalculateChecksum(const GlobalOptions& o,
                            const CalculateChecksumOptions& c,
                            const Streams& io);

// unexpected-changesets [--verbose]: history rows with no changeset in the
// changelog.
Status RunUnexpectedChangeSets(const GlobalOptions& o, bool verbose,
                               const Streams& io);

// drop-all [--schemas a,b] [--force] [--require-force]
struct DropAllOptions {
  std::vector<std::string> schemas;  // empty: the default schema
  bool force = false;
  bool require_force = false;
};
Status RunDropAll(const GlobalOptions& o, const DropAllOptions& d,
                  const Streams& io);

// execute-sql --sql | --sql-file [--delimiter]
struct ExecuteSqlOptions {
  std::optional<std::string> sql, sql_file, delimiter;
};
Status RunExecuteSql(const GlobalOptions& o, const ExecuteSqlOptions& e,
                     const Streams& io);

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
