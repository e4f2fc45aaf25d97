// The changelog lock on SQLite: flock on "<db>-strata.lock" beside
// Liquibase's DATABASECHANGELOGLOCK row, takeover of a row left by a dead
// Strata process, a live holder named after the wait, concurrent updates on
// one file, and `update` killed with SIGKILL at every executor checkpoint
// (STRATA_TEST_CRASH_AT, see executor.h).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>

#include <csignal>
#include <map>
#include <set>

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

// A process killed between creating the lock table and inserting its row
// (or a user's DELETE) leaves the table empty: the row is inserted again, as
// Liquibase does, instead of waiting for a holder that does not exist.
TEST(LockSqlite, EmptyLockTableGetsItsRowBack) {
  Fixture f;
  WriteFile(f.dir, "c.yaml", ChangeLog(1));
  ASSERT_EQ(RunStrata(Args(f.url, {"update"}), f.dir).exit_code, 0);
  ASSERT_TRUE(Open(f.url)->Execute("DELETE FROM DATABASECHANGELOGLOCK").ok());
  CmdResult r = RunStrata({"--url=" + f.url, "list-locks"}, f.dir);
  EXPECT_EQ(r.out, "Database change log locks for " + f.url + "\n - No locks\n");
  WriteFile(f.dir, "c.yaml", ChangeLog(2));
  r = RunStrata(Args(f.url, {"--changelog-lock-wait-time-in-minutes=0", "update"}), f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(HistoryRows(f.url).size(), 2u);
  EXPECT_EQ(QueryLines(*Open(f.url), "SELECT ID, LOCKED, LOCKEDBY FROM DATABASECHANGELOGLOCK"),
            (std::vector<std::string>{"1|0|NULL|"}));
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

// A transactional changeset, a runInTransaction:false one (re-runnable, as
// such changesets should be), one that rebuilds table a (PRAGMA
// foreign_keys around its transaction), then a tag.
constexpr const char* kCrashChangeLog = R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: crash
      changes:
        - createTable:
            tableName: a
            columns:
              - column: {name: id, type: int}
              - column: {name: name, type: varchar(20)}
        - sql: insert into a values (1, 'one')
  - changeSet:
      id: 2
      author: crash
      runInTransaction: false
      changes:
        - sql: create table if not exists b (id int)
        - sql: create index if not exists a_id on a (id)
  - changeSet:
      id: 3
      author: crash
      changes:
        - addNotNullConstraint: {tableName: a, columnName: name, columnDataType: varchar(20)}
        - sql: insert into a values (3, 'three')
  - changeSet:
      id: 4
      author: crash
      changes:
        - tagDatabase: {tag: v1}
)";

bool One(Connection& c, const std::string& sql) {
  return QueryLines(c, sql) == std::vector<std::string>{"1|"};
}

TEST(CrashSqlite, KilledAtEveryCheckpointUpdateRecovers) {
  Fixture ref;
  WriteFile(ref.dir, "c.yaml", kCrashChangeLog);
  CmdResult clean = RunStrata(Args(ref.url, {"update"}), ref.dir);
  ASSERT_EQ(clean.exit_code, 0) << clean.err << clean.out;
  const std::vector<std::string> want_schema = Schema(ref.url);
  const std::vector<std::string> want_rows = {"1|", "2|", "3|", "4|"};
  ASSERT_EQ(QueryLines(*Open(ref.url), "SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"),
            want_rows);

  std::map<std::string, int> kinds;
  for (long point = 1; point < 200; ++point) {
    Fixture f;
    WriteFile(f.dir, "c.yaml", kCrashChangeLog);
    CmdResult killed = RunStrataEnv(Args(f.url, {"update"}), f.dir,
                                    {{"STRATA_TEST_CRASH_AT", std::to_string(point)}});
    if (killed.exit_code == 0) break;  // past the last checkpoint
    ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err << killed.out;
    const std::string where = KilledAt(killed.err);
    ASSERT_FALSE(where.empty()) << killed.err;
    ++kinds[where];
    SCOPED_TRACE("kill point " + std::to_string(point) + ": " + where);
    bool held = false;
    {
      // This connection is the first to open the file since the kill: it
      // rolls back the journal of an interrupted transaction.
      auto c = Open(f.url);
      ASSERT_TRUE(c);
      EXPECT_EQ(QueryLines(*c, "PRAGMA integrity_check"), (std::vector<std::string>{"ok|"}));
      std::set<std::string> rec;
      if (*c->TableExists("", "DATABASECHANGELOG"))
        for (const std::string& id : QueryLines(*c, "SELECT ID FROM DATABASECHANGELOG"))
          rec.insert(id.substr(0, id.size() - 1));
      const bool a = *c->TableExists("", "a");
      const bool b = *c->TableExists("", "b");
      const bool index = One(*c, "SELECT count(*) FROM sqlite_master WHERE name = 'a_id'");
      const bool row_1 = a && One(*c, "SELECT count(*) FROM a WHERE id = 1");
      const bool row_3 = a && One(*c, "SELECT count(*) FROM a WHERE id = 3");
      const bool not_null =
          a && One(*c, "SELECT \"notnull\" FROM pragma_table_info('a') WHERE name = 'name'");
      // SQLite's DDL is transactional: each transactional changeset is
      // applied and recorded, or neither.
      EXPECT_EQ(a, row_1) << "changeset 1 half applied";
      EXPECT_EQ(a, rec.count("1") == 1) << "changeset 1 applied XOR recorded";
      EXPECT_EQ(not_null, row_3) << "changeset 3 half applied";
      EXPECT_EQ(not_null, rec.count("3") == 1) << "changeset 3 applied XOR recorded";
      if (rec.count("2")) {
        EXPECT_TRUE(b && index) << "changeset 2 recorded, not applied";
      }
      if (rec.count("3")) {
        EXPECT_EQ(rec.count("2"), 1u) << "recorded out of order";
      }
      if (rec.count("4")) {
        EXPECT_EQ(rec.count("3"), 1u) << "recorded out of order";
      }
      if (*c->TableExists("", "DATABASECHANGELOGLOCK"))
        held = QueryLines(*c, "SELECT LOCKED FROM DATABASECHANGELOGLOCK") ==
               std::vector<std::string>{"1|"};
    }
    EXPECT_EQ(held, where != "process lock held" && where != "tracking table statement run" &&
                        where != "lock row released");

    CmdResult next = RunStrata(Args(f.url, {"update"}), f.dir);
    ASSERT_EQ(next.exit_code, 0) << next.err << next.out;
    EXPECT_EQ(Contains(next.err, " the change log lock left by "), held) << next.err;
    EXPECT_EQ(Schema(f.url), want_schema);
    EXPECT_EQ(QueryLines(*Open(f.url), "SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"),
              want_rows);
    EXPECT_EQ(QueryLines(*Open(f.url), "SELECT id, name FROM a ORDER BY id"),
              (std::vector<std::string>{"1|one|", "3|three|"}));
    EXPECT_EQ(RowLockedBy(f.url), "0|NULL|");
    if (HasFailure()) break;
  }
  printf("kill -9 of update tried at %s executor checkpoints\n", KillReport(kinds).c_str());
  ExpectEveryKillPointKindReached(kinds, /*tracking_statements=*/4);
}

}  // namespace
}  // namespace strata::test
