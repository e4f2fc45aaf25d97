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

// The plan-producing commands beyond update and rollback (plan_command.h
// holds what they share). Each -sql variant prints the plan its executing
// variant runs under the changelog lock.

// update-count / update-count-sql --count N
struct UpdateCountOptions {
  int64_t count = -1;
  bool sql_only = false;
};
Status RunUpdateCount(const GlobalOptions& o, const UpdateCountOptions& u, const Streams& io);

// update-to-tag / update-to-tag-sql --tag T
struct UpdateToTagOptions {
  std::string tag;
  bool sql_only = false;
};
Status RunUpdateToTag(const GlobalOptions& o, const UpdateToTagOptions& u, const Streams& io);

// update-testing-rollback: update, roll back what it ran, update again.
Status RunUpdateTestingRollback(const GlobalOptions& o, const Streams& io);

// changelog-sync(-sql) and, with a tag, changelog-sync-to-tag(-sql).
struct ChangeLogSyncOptions {
  std::string tag;  // empty: every pending changeset
  bool sql_only = false;
};
Status RunChangeLogSync(const GlobalOptions& o, const ChangeLogSyncOptions& c,
                        const Streams& io);

// mark-next-changeset-ran(-sql)
Status RunMarkNextChangeSetRan(const GlobalOptions& o, bool sql_only, const Streams& io);

// rollback-to-date(-sql) --date D
struct RollbackToDateOptions {
  std::string date;
  bool sql_only = false;
};
Status RunRollbackToDate(const GlobalOptions& o, const RollbackToDateOptions& r,
                         const Streams& io);

// future-rollback-sql, future-rollback-count-sql --count N,
// future-rollback-from-tag-sql --tag T
struct FutureRollbackOptions {
  int64_t count = -1;  // future-rollback-count-sql when >= 0
  std::string tag;     // future-rollback-from-tag-sql when non-empty
};
Status RunFutureRollbackSql(const GlobalOptions& o, const FutureRollbackOptions& f,
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
