// Changeset attribute and context/label filter scenarios, run by
// changeset_semantics_pg_test and changeset_semantics_sqlite_test against a
// real database. Expected behaviour was settled with Liquibase 4.28 on
// PostgreSQL (its SQLite driver is unusable here; offline:sqlite update-sql
// was used for SQLite's SQL). `url` is a fresh, empty database.
#pragma once

#include <string>
#include <vector>

#include "e2e_util.h"

namespace strata::test::semantics {

std::vector<std::string> Args(const std::string& url, const std::string& changelog,
                              std::vector<std::string> rest);

// "ID|EXECTYPE|CONTEXTS|LABELS|" in execution order.
std::vector<std::string> Rows(const std::string& url);

std::vector<std::string> Ids(const std::string& url);

std::string Sel(const std::string& id, const std::string& attrs);

using V = std::vector<std::string>;

// Contexts inherited from an include are AND-ed with the changeset's, each
// part matched on its own; labels likewise; update-sql, update, status,
// rollback-count and the summary all see the same filter.
void ContextFilterScenario(const std::string& url, const std::string& dir);

// Invalid expressions stop everything before the database is touched.
void InvalidFilterScenario(const std::string& url, const std::string& dir);

// One identity defined once per context (as fineract does for mysql and
// postgresql) is a duplicate only when both pass the filter; the one that
// passes is the one run and rolled back.
void DuplicateIdPerContextScenario(const std::string& url, const std::string& dir);

// modifySql visitors with a context or labels apply only when they match.
void ModifySqlFilterScenario(const std::string& url, const std::string& dir);

// dbms: comma lists, !negation, all/none; others are dropped at parse time.
void DbmsScenario(const std::string& url, const std::string& dir, const std::string& me,
                  const std::string& other);

// runAlways reruns every update, runOnChange when its checksum changed;
// both update their row (EXECTYPE RERAN, new MD5SUM and ORDEREXECUTED).
void RerunScenario(const std::string& url, const std::string& dir);

// runInTransaction: false runs statements the engine refuses inside a
// transaction (`sql` is e.g. CREATE INDEX CONCURRENTLY, VACUUM).
void RunInTransactionScenario(const std::string& url, const std::string& dir,
                              const std::string& sql);

// failOnError: false: the error is reported, the changeset is not recorded
// (and is tried again next time), and the update carries on.
void FailOnErrorScenario(const std::string& url, const std::string& dir);

// validCheckSum: a changed changeset is accepted when it lists ANY / 1:any
// or the old or new sum; otherwise validation fails and nothing runs.
void ValidCheckSumScenario(const std::string& url, const std::string& dir);

// ignore: true is neither run nor recorded and counts as filtered out.
void IgnoreScenario(const std::string& url, const std::string& dir);

// logicalFilePath (changelog and changeset level) is the recorded FILENAME
// and the identity: moving the file does not rerun anything.
void LogicalFilePathScenario(const std::string& url, const std::string& dir);

// runOrder first/last (honoured by Liquibase 4.28 open source): a stable
// partition of the whole include tree.
void RunOrderScenario(const std::string& url, const std::string& dir);

// objectQuotingStrategy changes how the changeset's identifiers are quoted;
// `expected` are the CREATE TABLE statements Liquibase 4.28 prints for
// LEGACY, QUOTE_ALL_OBJECTS and QUOTE_ONLY_RESERVED_WORDS.
void QuotingScenario(const std::string& url, const std::string& dir,
                     const std::vector<std::string>& expected);

// onValidationFail (settled with Liquibase 4.28 on SQLite, whose status,
// validate, update, second update and checksum messages these mirror;
// Liquibase differs only in creating the tracking tables before a HALT
// validation failure, which Strata reports at load time): under MARK_RAN
// a changeset whose change fails validation (createTable without columns,
// addColumn without any column) is recorded MARK_RAN with its usual
// checksum, without running; update-sql prints its row without a header;
// the next update leaves it alone and a changed checksum still fails
// validation. Under HALT (the default) the error stops everything first.
void ValidationFailScenario(const std::string& url, const std::string& dir);

// `created` is a note: it changes neither what runs nor the checksum.
void CreatedScenario(const std::string& url, const std::string& dir);

}  // namespace strata::test::semantics
