// The plan-producing commands against real SQLite files
// (commands_update_scenarios.h).
#include "commands_update_scenarios.h"

namespace strata::test {
namespace {

std::string Db(const std::string& dir, const std::string& name) {
  return "sqlite:" + dir + "/" + name + ".db";
}

TEST(CommandsUpdateSqlite, BadArgumentsTouchNothing) {
  std::string dir = TempDir();
  BadArgumentsScenario(Db(dir, "a"), dir);
}

TEST(CommandsUpdateSqlite, UpdateCount) {
  std::string dir = TempDir();
  UpdateCountScenario(Db(dir, "a"), Db(dir, "b"), dir);
}

TEST(CommandsUpdateSqlite, UpdateToTag) {
  std::string dir = TempDir();
  UpdateToTagScenario(Db(dir, "a"), Db(dir, "b"), dir);
}

TEST(CommandsUpdateSqlite, ChangeLogSync) {
  std::string dir = TempDir();
  ChangeLogSyncScenario(Db(dir, "a"), Db(dir, "b"), Db(dir, "c"), dir);
}

TEST(CommandsUpdateSqlite, MarkNextChangeSetRanAndSyncToTag) {
  std::string dir = TempDir();
  MarkNextAndSyncToTagScenario(Db(dir, "a"), Db(dir, "b"), dir);
}

TEST(CommandsUpdateSqlite, RollbackToDate) {
  std::string dir = TempDir();
  RollbackToDateScenario(Db(dir, "a"), Db(dir, "b"), dir);
}

TEST(CommandsUpdateSqlite, FutureRollbackSql) {
  std::string dir = TempDir();
  FutureRollbackScenario(Db(dir, "a"), dir);
}

TEST(CommandsUpdateSqlite, UpdateTestingRollback) {
  std::string dir = TempDir();
  UpdateTestingRollbackScenario(Db(dir, "a"), Db(dir, "b"), dir);
}

TEST(CommandsUpdateSqlite, RollbackSqlTagVersion) {
  std::string dir = TempDir();
  RollbackSqlTagVersionScenario(Db(dir, "a"), dir);
}

// Offline: the -sql variants plan against an empty history.
TEST(CommandsUpdateSqlite, OfflineSqlVariants) {
  std::string dir = TempDir();
  std::string log = SixChangeSets(dir);
  CmdResult r = RunStrata(Args("offline:sqlite", log, {"update-count-sql", "--count=1"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "CREATE TABLE person")) << r.out;
  EXPECT_FALSE(Contains(r.out, "::2::alice")) << r.out;
  r = RunStrata(Args("offline:sqlite", log, {"future-rollback-sql"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(r.out.find("::6::bob"), r.out.find("::1::alice")) << r.out;
  // Executing commands and rollback-to-date need a database.
  r = RunStrata(Args("offline:sqlite", log, {"update-count", "--count=1"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  r = RunStrata(Args("offline:sqlite", log, {"rollback-to-date-sql", "--date=2024-01-01"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out;
}

}  // namespace
}  // namespace strata::test
