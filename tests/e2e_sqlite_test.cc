// The end-to-end slice against real SQLite files.
#include "e2e_scenarios.h"

namespace strata::test {
namespace {

std::string SqliteUrl(const std::string& dir, const std::string& name = "app.db") {
  return "sqlite:" + dir + "/" + name;
}

TEST(E2eSqlite, UpdateStatusRollbackUpdate) {
  std::string dir = TempDir();
  LifecycleScenario(SqliteUrl(dir), dir);
}

TEST(E2eSqlite, UpdateSqlIsWhatUpdateRuns) {
  std::string dir = TempDir();
  UpdateSqlEqualsUpdateScenario(SqliteUrl(dir, "a.db"), SqliteUrl(dir, "b.db"), dir);
}

TEST(E2eSqlite, BadInputTouchesNothing) {
  std::string dir = TempDir();
  BadInputScenario(SqliteUrl(dir), dir);
}

TEST(E2eSqlite, FailedChangesetIsNeitherAppliedNorRecorded) {
  std::string dir = TempDir();
  RuntimeFailureScenario(SqliteUrl(dir), dir);
}

TEST(E2eSqlite, MissingRollbackIsAnError) {
  std::string dir = TempDir();
  NoRollbackScenario(SqliteUrl(dir), dir);
}

TEST(E2eSqlite, BadInputCreatesNoDatabaseFile) {
  std::string dir = TempDir();
  WriteFile(dir, "bad.yaml", "databaseChangeLog: [\n");
  CmdResult r = RunStrata(Args(SqliteUrl(dir), "bad.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir + "/app.db"));
}

TEST(E2eSqlite, ChangeSqliteCannotDoFailsBeforeAnythingRuns) {
  std::string dir = TempDir();
  WriteFile(dir, "fk.yaml",
            "databaseChangeLog:\n"
            "  - changeSet:\n      id: 1\n      author: a\n      changes:\n"
            "        - createTable:\n            tableName: parent\n"
            "            columns:\n              - column: {name: id, type: int}\n"
            "  - changeSet:\n      id: 2\n      author: a\n      changes:\n"
            "        - renameSequence:\n            oldSequenceName: s\n"
            "            newSequenceName: t\n");
  // (What ALTER TABLE cannot do is rebuilt: sqlite_rebuild_sqlite_test.cc;
  // createSequence runs nothing, as in Liquibase: every_change_type.h.)
  CmdResult r = RunStrata(Args(SqliteUrl(dir), "fk.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.err.find("fk.yaml:14:11:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("renameSequence is not supported on SQLite"), std::string::npos) << r.err;
  EXPECT_FALSE(HasTable(SqliteUrl(dir), "parent"));
  EXPECT_FALSE(HasTable(SqliteUrl(dir), "databasechangelog"));
}

// Formatted SQL preconditions are evaluated when their changeset runs
// (they used to be refused before anything ran).
TEST(E2eSqlite, FormattedSqlPreconditionsAreEvaluated) {
  std::string dir = TempDir();
  WriteFile(dir, "pre.sql",
            "--liquibase formatted sql\n"
            "--changeset a:1\ncreate table t1 (id int);\n"
            "--changeset a:2\n"
            "--preconditions onFail:MARK_RAN\n"
            "--precondition-table-exists table:t1\n"
            "create table t2 (id int);\n"
            "--changeset a:3\n"
            "--preconditions onFail:MARK_RAN\n"
            "--precondition-sql-check expectedResult:1 select count(*) from t1\n"
            "create table t3 (id int);\n");
  CmdResult r = RunStrata(Args(SqliteUrl(dir), "pre.sql", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(HasTable(SqliteUrl(dir), "t2"));
  EXPECT_FALSE(HasTable(SqliteUrl(dir), "t3"));
  auto c = Open(SqliteUrl(dir));
  EXPECT_EQ(QueryLines(*c, "SELECT ID, EXECTYPE, ORDEREXECUTED FROM DATABASECHANGELOG ORDER BY 3"),
            (std::vector<std::string>{"1|EXECUTED|1|", "2|EXECUTED|2|", "3|MARK_RAN|3|"}));
}

TEST(E2eSqlite, OfflineUpdateSqlNeedsNoDatabase) {
  std::string dir = TempDir();
  CopyExample(dir);
  CmdResult r = RunStrata(Args("offline:sqlite", kExample, {"update-sql"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("CREATE TABLE customer"), std::string::npos) << r.out;
  r = RunStrata(Args("offline:sqlite", kExample, {"rollback-sql", "--tag=v1.0"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ALTER TABLE customer DROP COLUMN phone"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace strata::test
