// The changelog lock on SQLite: flock on "<db>-strata.lock" beside
// Liquibase's DATABASECHANGELOGLOCK row, takeover of a row left by a dead
// Strata process, a live holder named after the wait, and concurrent updates
// on one file.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>

#include "e2e_util.h"
#include "lock_util.h"

namespace strata::test {
namespace {

std::vector<std::string> Args(const std::string& url, std::vector<std::string> more) {
  std::vector<std::string> a = {"--changelog-file=c.yaml", "--url=" + url};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

std::string ChangeLog(int n) {
  std::string y = "databaseChangeLog:\n";
  for (int i = 1; i <= n; ++i)
    y += "  - changeSet:\n      id: " + std::to_string(i) +
         "\n      author: lock\n      changes:\n"
         "        - createTable:\n            tableName: t" + std::to_string(i) +
         "\n            columns:\n              - column: {name: id, type: int}\n"
         "        - sql: insert into t" + std::to_string(i) + " values (" +
         std::to_string(i) + ")\n";
  return y;
}

void SetRow(const std::string& url, const std::string& by) {
  ASSERT_TRUE(Open(url)->Execute(
      "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKEDBY = '" + by +
      "', LOCKGRANTED = CURRENT_TIMESTAMP WHERE ID = 1").ok());
}

std::string RowLockedBy(const std::string& url) {
  auto lines = QueryLines(*Open(url), "SELECT LOCKED, LOCKEDBY FROM DATABASECHANGELOGLOCK");
  return lines.empty() ? "" : lines[0];
}

struct Fixture {
  std::string dir = TempDir();
  std::string db = dir + "/app.db";
  std::string url = "sqlite:" + db;
};

TEST(LockSqlite, RowLeftByDeadStrataIsTakenOver) {
  Fixture f;
  WriteFile(f.dir, "c.yaml", ChangeLog(1));
  ASSERT_EQ(RunStrata(Args(f.url, {"update"}), f.dir).exit_code, 0);
  SetRow(f.url, "deadhost (strata pid 999999)");
  CmdResult list = RunStrata(Args(f.url, {"list-locks"}), f.dir);
  EXPECT_TRUE(Contains(list.out, " - deadhost (strata pid 999999) at ")) << list.out;
  EXPECT_TRUE(Contains(list.out, "stale")) << list.out;

  WriteFile(f.dir, "c.yaml", ChangeLog(2));
  CmdResult r = RunStrata(
      Args(f.url, {"--changelog-lock-wait-time-in-minutes=0", "update"}), f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.err, "Taking over the change log lock left by "
                              "deadhost (strata pid 999999) since "))
      << r.err;
  EXPECT_EQ(RowLockedBy(f.url), "0|NULL|");
  EXPECT_EQ(HistoryRows(f.url).size(), 2u);
}

TEST(LockSqlite, LiveHolderOfTheFileLockIsNamedThenTakenOverWhenGone) {
  Fixture f;
  WriteFile(f.dir, "c.yaml", ChangeLog(1));
  ASSERT_EQ(RunStrata(Args(f.url, {"update"}), f.dir).exit_code, 0);
  WriteFile(f.dir, "c.yaml", ChangeLog(2));
  // This test plays the live Strata process.
  int fd = open((f.db + "-strata.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
  SetRow(f.url, "livehost (strata pid 1)");
  CmdResult r = RunStrata(
      Args(f.url, {"--changelog-lock-wait-time-in-minutes=0", "update"}), f.dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "Could not acquire change log lock.  Currently "
                              "locked by livehost (strata pid 1) since "))
      << r.err;
  EXPECT_EQ(HistoryRows(f.url).size(), 1u);
  close(fd);  // the holder dies
  r = RunStrata(Args(f.url, {"--changelog-lock-wait-time-in-minutes=0", "update"}), f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.err, "Taking over the change log lock left by livehost")) << r.err;
  EXPECT_EQ(HistoryRows(f.url).size(), 2u);
}

TEST(LockSqlite, LiquibaseRowIsLive) {
  Fixture f;
  WriteFile(f.dir, "c.yaml", ChangeLog(1));
  ASSERT_EQ(RunStrata(Args(f.url, {"update"}), f.dir).exit_code, 0);
  WriteFile(f.dir, "c.yaml", ChangeLog(2));
  SetRow(f.url, "lbhost (10.1.2.3)");
  CmdResult r = RunStrata(
      Args(f.url, {"--changelog-lock-wait-time-in-minutes=0", "update"}), f.dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "Could not acquire change log lock.  Currently "
                              "locked by lbhost (10.1.2.3) since "))
      << r.err;
  EXPECT_EQ(RowLockedBy(f.url), "1|lbhost (10.1.2.3)|");
  r = RunStrata({"--url=" + f.url, "release-locks"}, f.dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = RunStrata({"--url=" + f.url, "list-locks"}, f.dir);
  EXPECT_EQ(r.out, "Database change log locks for " + f.url + "\n - No locks\n");
  r = RunStrata(Args(f.url, {"--changelog-lock-wait-time-in-minutes=0", "update"}), f.dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(HistoryRows(f.url).size(), 2u);
}

TEST(LockSqlite, ConcurrentUpdatesApplyEachChangesetOnce) {
  Fixture f;
  constexpr int kChangeSets = 12, kProcesses = 4;
  WriteFile(f.dir, "c.yaml", ChangeLog(kChangeSets));
  std::vector<Child> children;
  for (int i = 0; i < kProcesses; ++i)
    children.push_back(
        Spawn(Args(f.url, {"--changelog-lock-wait-time-in-minutes=1", "update"}), f.dir));
  for (Child& c : children) {
    CmdResult r = Wait(c);
    EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  }
  auto c = Open(f.url);
  EXPECT_EQ(QueryLines(*c, "SELECT count(*), count(DISTINCT ID) FROM DATABASECHANGELOG"),
            (std::vector<std::string>{std::to_string(kChangeSets) + "|" +
                                      std::to_string(kChangeSets) + "|"}));
  for (int i = 1; i <= kChangeSets; ++i)
    EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM t" + std::to_string(i)),
              (std::vector<std::string>{"1|"}));
  EXPECT_EQ(RowLockedBy(f.url), "0|NULL|");
}

}  // namespace
}  // namespace strata::test
