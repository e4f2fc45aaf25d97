// Interop with the real Liquibase 4.28.1, in both directions, run by
// interop_pg_test and interop_sqlite_test (CTest label liquibase-interop).
//
// The changelogs are tests/data/interop: first.yaml includes one file per
// format (YAML, XML, JSON, formatted SQL; with a sqlFile body, views, a
// loadData CSV, modifySql, property expansion and dbms-filtered changes and
// changesets) and the tag `half`; all.yaml adds a second such set.
//
//   db1: Liquibase updates first.yaml; Strata's validate passes and its
//        status lists what Liquibase's status lists; Strata updates all.yaml;
//        Liquibase's validate passes and its status shows nothing pending.
//   db2: the reverse: Strata first, Liquibase continues, both validate.
//   Then every history row Liquibase wrote in one database is compared with
//   the row Strata wrote for the same changeset in the other (checksum,
//   description, comments, tag, contexts, labels, exectype, order), and
//   Strata's calculate-checksum is compared with every sum Liquibase wrote.
//   Then Liquibase rolls db1 back to `half` and Strata rolls db2 back to it:
//   both have the schema and rows db1 had after the first half.
//   db3: update-sql of both tools for an empty database: the same
//        statements in the same order once comments, the lock statements
//        and deployment ids are set aside.
// InteropOptions run the same scenario on other changelogs (the SQLite
// "online" ones in tests/data/interop/sqlite_online), without db3, with
// another schema reader, and with named known differences of Liquibase's
// own result set aside and counted.
//
// Liquibase is found through STRATA_LIQUIBASE (tools/test sets it with
// tools/lib/liquibase.sh); without it the tests skip, or fail under CI=true.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "e2e_util.h"
#include "lock_util.h"
#include "test_util.h"

namespace strata::test {

// The Liquibase launcher named by STRATA_LIQUIBASE, if it is executable.
std::optional<std::string> LiquibaseBin();

// Gives `var` the Liquibase launcher, or skips (fails under CI=true).
#define STRATA_REQUIRE_LIQUIBASE(var)                                          \
  auto var##_opt = ::strata::test::LiquibaseBin();                             \
  if (!var##_opt) {                                                            \
    const char* ci = std::getenv("CI");                                        \
    if (ci && std::string(ci) == "true")                                       \
      FAIL() << "CI=true but STRATA_LIQUIBASE names no Liquibase launcher "    \
                "(tools/test fetches it with tools/lib/liquibase.sh)";         \
    GTEST_SKIP() << "STRATA_LIQUIBASE is not set (tools/test sets it): the "   \
                    "Liquibase interop tests are skipped";                     \
  }                                                                            \
  std::string var = *var##_opt

// One database as both tools address it.
struct InteropDb {
  std::string url;                    // Strata's --url
  std::vector<std::string> lb_conn;   // Liquibase's --url (and --username)
};

// "postgresql://user@host:port/db?..." as Liquibase's JDBC arguments.
InteropDb PgInteropDb(const std::string& url);

inline InteropDb SqliteInteropDb(const std::string& path) {
  return {"sqlite:" + path, {"--url=jdbc:sqlite:" + path}};
}

// Liquibase 4.28's open-source change types (liquibase-4.28.md §1).
const std::vector<std::string>& CoreChangeTypes();

// Counts reported at the end of a run.
struct InteropCounts {
  int checksums_compared = 0, checksums_identical = 0;
  int rows_compared = 0, rows_identical = 0;
  int statements_compared = 0, statements_identical = 0;
  // Strata statements with no Liquibase counterpart by design (see
  // SetAside), compared by kind instead.
  int statements_set_aside = 0;
  // Schema lines set aside by name (InteropOptions::known).
  std::map<std::string, int> set_aside;
  // The change types the history rows name (their DESCRIPTION), and how
  // many changesets each changelog format contributed, after the full run.
  std::set<std::string> change_types;
  std::map<std::string, int> changesets_per_format;
};

// The core change types named by the DESCRIPTION column ("createTable
// tableName=t; addAutoIncrement columnName=id, ...") of `url`'s history,
// and the changesets per format (FILENAME's extension).
void CoveredByHistory(const std::string& url, InteropCounts* n);

// The core change types `n` did not see, in the list's order.
std::vector<std::string> MissingChangeTypes(const InteropCounts& n);

class Interop {
 public:
  Interop(std::string liquibase, std::string dir)
      : liquibase_(std::move(liquibase)), dir_(std::move(dir)) {
    std::filesystem::copy(std::filesystem::path(STRATA_SOURCE_DIR) / "tests" / "data" / "interop",
                          dir_, std::filesystem::copy_options::recursive |
                                    std::filesystem::copy_options::overwrite_existing);
  }

  CmdResult Liquibase(const InteropDb& db, const std::string& changelog,
                      std::vector<std::string> command) {
    std::vector<std::string> args = {"--show-banner=false", "--changelog-file=" + changelog};
    args.insert(args.end(), db.lb_conn.begin(), db.lb_conn.end());
    args.insert(args.end(), command.begin(), command.end());
    ++liquibase_runs_;
    return Wait(Spawn(args, dir_, {}, liquibase_));
  }

  CmdResult Strata(const InteropDb& db, const std::string& changelog,
                   std::vector<std::string> command) {
    std::vector<std::string> args = {"--changelog-file=" + changelog, "--url=" + db.url};
    args.insert(args.end(), command.begin(), command.end());
    return RunStrata(args, dir_);
  }

  int liquibase_runs() const { return liquibase_runs_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string liquibase_;
  std::string dir_;
  int liquibase_runs_ = 0;
};

inline std::string Show(const CmdResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err;
}

// The changeset identities `status --verbose` lists as pending
// ("     a.yaml::a1::alice"), in order, and its count line's number.
struct Pending {
  int count = -1;
  std::vector<std::string> ids;
  bool up_to_date = false;
};
Pending ParseStatus(const std::string& text);

// The user schema (e2e_util.h's Schema) with double quotes dropped: SQLite
// keeps the DDL text as written, and a table renamed by Liquibase reads
// CREATE TABLE "xt2" where Strata's reads CREATE TABLE xt2.
std::vector<std::string> SchemaOf(const std::string& url);

// Every user table's rows, sorted, as "table: cells" lines.
std::vector<std::string> TableRows(const std::string& url);

// History rows by "FILENAME::ID::AUTHOR": the columns both tools must write
// alike (not DATEEXECUTED, DEPLOYMENT_ID or the LIQUIBASE version).
std::map<std::string, std::string> HistoryByIdentity(const std::string& url);

// update-sql output as comparable statements: comment lines, blank lines,
// SET SEARCH_PATH and the lock-table statements (LOCKEDBY names the host)
// dropped; deployment ids and the Liquibase version in history INSERTs
// replaced by placeholders.
std::vector<std::string> ComparableStatements(const std::string& script);

// `statements` without Strata's dropAllForeignKeyConstraints lookup (a DO
// block that finds the table's foreign keys when it runs), counted in
// `n`: Liquibase lists the keys from a snapshot, and for a fresh database
// its update-sql prints nothing there (`update` on a live one drops the same
// keys, which the schema comparisons check).
std::vector<std::string> SetAside(std::vector<std::string> statements, InteropCounts* n);

// A SQLite file's user schema as the engine sees it, not as the DDL text
// reads: each table's columns (PRAGMA table_info: name, type, NOT NULL,
// default, key position), whether it is AUTOINCREMENT, its foreign keys and
// indexes, and each view's and trigger's text. Liquibase's table rebuild
// writes a fresh CREATE TABLE where Strata's ALTER TABLE ADD COLUMN appends
// to the stored one: the same table, different text.
std::vector<std::string> SqliteStructure(const std::string& url);

// A way Liquibase 4.28's own result differs that a comparison sets aside:
// a schema line, on either side, matching `line`, counted under `name`.
struct KnownDifference {
  std::string name;
  std::string line;  // a regular expression
};

struct InteropOptions {
  std::string first = "first.yaml";  // the first half, ending with tag-half
  std::string all = "all.yaml";      // both halves
  // db3: update-sql of both tools for an empty database, compared.
  bool update_sql = true;
  std::vector<std::string> (*schema)(const std::string& url) = SchemaOf;
  std::vector<KnownDifference> known;
};

// `actual` has the lines of `expected`, but for lines (on either side) a
// known difference names; those are counted in `n`.
void ExpectSameSchema(const std::vector<std::string>& expected,
                      const std::vector<std::string>& actual, const std::string& what,
                      const InteropOptions& o, InteropCounts* n);

// The whole run; `db1`..`db3` are empty databases of one engine (db3 is
// used only with `o.update_sql`).
void RunInterop(Interop& t, const InteropDb& db1, const InteropDb& db2,
                const InteropDb& db3, InteropCounts* n, const InteropOptions& o = {});

void PrintCounts(const char* engine, const InteropCounts& n, const Interop& t);

}  // namespace strata::test
