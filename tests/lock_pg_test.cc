// The changelog lock on the real PostgreSQL server: the session advisory
// lock beside Liquibase's databasechangeloglock row, takeover of a row left
// by a dead Strata process, waiting for a live holder, list-locks and
// release-locks, and concurrent updates (with the real Liquibase named by
// STRATA_LIQUIBASE, which tools/test sets, when present; the
// liquibase-interop tests require it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "e2e_util.h"
#include "exec/connection_internal.h"
#include "lock_util.h"

namespace strata::test {
namespace {

// The Liquibase launcher tools/test fetches (tools/lib/liquibase.sh), or "".
std::string LiquibaseLauncher() {
  const char* bin = std::getenv("STRATA_LIQUIBASE");
  return bin && std::filesystem::is_regular_file(bin) ? bin : "";
}

std::vector<std::string> Args(const std::string& url, std::vector<std::string> more) {
  std::vector<std::string> a = {"--changelog-file=c.yaml", "--url=" + url};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

// `n` changesets, each creating a table and inserting one row; the first
// few sleep a little so that concurrent runs overlap.
std::string ChangeLog(int n, double sleep = 0) {
  std::string y = "databaseChangeLog:\n";
  for (int i = 1; i <= n; ++i) {
    y += "  - changeSet:\n      id: " + std::to_string(i) +
         "\n      author: lock\n      changes:\n"
         "        - createTable:\n            tableName: t" + std::to_string(i) +
         "\n            columns:\n              - column: {name: id, type: int}\n"
         "        - sql: insert into t" + std::to_string(i) + " values (" +
         std::to_string(i) + ")\n";
    if (sleep > 0 && i <= 3)
      y += "        - sql: select pg_sleep(" + std::to_string(sleep) + ")\n";
    y += "      rollback: drop table t" + std::to_string(i) + "\n";
  }
  return y;
}

void SetRow(const std::string& url, const std::string& by) {
  ASSERT_TRUE(Open(url)->Execute(
      "UPDATE databasechangeloglock SET LOCKED = TRUE, LOCKEDBY = '" + by +
      "', LOCKGRANTED = NOW() WHERE ID = 1").ok());
}

std::string RowLockedBy(const std::string& url) {
  auto lines = QueryLines(*Open(url), "SELECT LOCKED, LOCKEDBY FROM databasechangeloglock");
  return lines.empty() ? "" : lines[0];
}

TEST(LockPg, AdvisoryLockKeyNeverChanges) {
  // Strata processes of every version must agree on the key.
  EXPECT_EQ(exec_detail::AdvisoryLockKey("lockman", "public", "databasechangelog"),
            -3666179774112002091LL);
  EXPECT_NE(exec_detail::AdvisoryLockKey("a", "public", "databasechangelog"),
            exec_detail::AdvisoryLockKey("b", "public", "databasechangelog"));
  EXPECT_NE(exec_detail::AdvisoryLockKey("a", "x", "databasechangelog"),
            exec_detail::AdvisoryLockKey("a", "y", "databasechangelog"));
  // The parts are NUL-separated: ("ab", "c") is not ("a", "bc").
  EXPECT_NE(exec_detail::AdvisoryLockKey("ab", "c", "t"),
            exec_detail::AdvisoryLockKey("a", "bc", "t"));
}

TEST(LockPg, RowLeftByDeadStrataIsTakenOver) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", ChangeLog(1));
  ASSERT_EQ(RunStrata(Args(url, {"update"}), dir).exit_code, 0);
  SetRow(url, "deadhost (strata pid 999999)");

  CmdResult list = RunStrata(Args(url, {"list-locks"}), dir);
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_TRUE(Contains(list.out, " - deadhost (strata pid 999999) at ")) << list.out;
  EXPECT_TRUE(Contains(list.out, "stale")) << list.out;

  WriteFile(dir, "c.yaml", ChangeLog(2));
  CmdResult r = RunStrata(
      Args(url, {"--changelog-lock-wait-time-in-minutes=0", "update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.err, "Taking over the change log lock left by "
                              "deadhost (strata pid 999999) since "))
      << r.err;
  EXPECT_EQ(RowLockedBy(url), "f|NULL|");
  EXPECT_EQ(HistoryRows(url).size(), 2u);
}

TEST(LockPg, LiveStrataHolderIsWaitedForAndNamed) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", ChangeLog(1));
  ASSERT_EQ(RunStrata(Args(url, {"update"}), dir).exit_code, 0);
  WriteFile(dir, "c.yaml", ChangeLog(2));

  // This test plays the live Strata process: it holds the advisory lock
  // and the row names it.
  auto holder = Open(url);
  std::vector<Row> rows;
  ASSERT_TRUE(holder->Query("SELECT current_database()", &rows).ok());
  const int64_t key =
      exec_detail::AdvisoryLockKey(*rows[0][0], "public", "databasechangelog");
  ASSERT_TRUE(holder->Query("SELECT pg_advisory_lock(" + std::to_string(key) + ")",
                            &rows).ok());
  SetRow(url, "livehost (strata pid 1)");

  CmdResult r = RunStrata(
      Args(url, {"--changelog-lock-wait-time-in-minutes=0", "update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "Could not acquire change log lock.  Currently "
                              "locked by livehost (strata pid 1) since "))
      << r.err;
  EXPECT_EQ(RowLockedBy(url), "t|livehost (strata pid 1)|");
  CmdResult list = RunStrata(Args(url, {"list-locks"}), dir);
  EXPECT_FALSE(Contains(list.out, "stale")) << list.out;

  // The holder dies: its advisory lock goes with its session.
  holder.reset();
  r = RunStrata(Args(url, {"--changelog-lock-wait-time-in-minutes=1", "update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.err, "Taking over the change log lock left by livehost")) << r.err;
  EXPECT_EQ(HistoryRows(url).size(), 2u);
}

TEST(LockPg, LiquibaseRowIsLiveForUpdateRollbackAndTag) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", ChangeLog(1));
  ASSERT_EQ(RunStrata(Args(url, {"update"}), dir).exit_code, 0);
  WriteFile(dir, "c.yaml", ChangeLog(2));
  SetRow(url, "lbhost (10.1.2.3)");
  for (std::vector<std::string> cmd :
       {std::vector<std::string>{"update"}, {"rollback-count", "--count=1"},
        {"tag", "v9"}}) {
    std::vector<std::string> a = Args(url, {"--changelog-lock-wait-time-in-minutes=0"});
    a.insert(a.end(), cmd.begin(), cmd.end());
    CmdResult r = RunStrata(a, dir);
    EXPECT_EQ(r.exit_code, 1) << cmd[0];
    EXPECT_TRUE(Contains(r.err, "Could not acquire change log lock.  Currently "
                                "locked by lbhost (10.1.2.3) since "))
        << cmd[0] << ": " << r.err;
  }
  EXPECT_EQ(HistoryRows(url).size(), 1u);
  EXPECT_EQ(RowLockedBy(url), "t|lbhost (10.1.2.3)|");
}

TEST(LockPg, WaitsForALiveHolderToFinish) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", ChangeLog(1));
  ASSERT_EQ(RunStrata(Args(url, {"update"}), dir).exit_code, 0);
  WriteFile(dir, "c.yaml", ChangeLog(2));
  SetRow(url, "lbhost (10.1.2.3)");
  Child c = Spawn(Args(url, {"--changelog-lock-wait-time-in-minutes=1", "update"}), dir);
  // Once the waiting process holds its advisory lock, it is polling the row.
  auto watch = Open(url);
  bool waiting = false;
  for (int i = 0; i < 600 && !waiting; ++i) {
    std::vector<Row> rows;
    ASSERT_TRUE(watch->Query(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        &rows).ok());
    waiting = rows[0][0] == "1";
    if (!waiting) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(waiting);
  EXPECT_EQ(HistoryRows(url).size(), 1u);  // it waits rather than runs
  ASSERT_TRUE(watch->Execute("UPDATE databasechangeloglock SET LOCKED = FALSE, "
                             "LOCKEDBY = NULL, LOCKGRANTED = NULL").ok());
  CmdResult r = Wait(c);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_FALSE(Contains(r.err, "Taking over")) << r.err;
  EXPECT_EQ(HistoryRows(url).size(), 2u);
  EXPECT_EQ(RowLockedBy(url), "f|NULL|");
}

TEST(LockPg, ListAndReleaseLocks) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", ChangeLog(1));
  ASSERT_EQ(RunStrata(Args(url, {"update"}), dir).exit_code, 0);
  CmdResult r = RunStrata({"--url=" + url, "list-locks"}, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Database change log locks for " + url + "\n - No locks\n");
  SetRow(url, "lbhost (10.1.2.3)");
  r = RunStrata({"--url=" + url, "listLocks"}, dir);
  EXPECT_TRUE(Contains(r.out, " - lbhost (10.1.2.3) at ")) << r.out;
  EXPECT_TRUE(Contains(r.out, "NOTE:  The lock time displayed is based on the "
                              "database's configured time")) << r.out;
  r = RunStrata({"--url=" + url, "release-locks"}, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "Successfully released all database change log locks for '" +
                       url + "'\n");
  EXPECT_EQ(RowLockedBy(url), "f|NULL|");
}

// "postgresql://user@host:port/db" -> jdbc URL and user for Liquibase.
std::pair<std::string, std::string> JdbcUrl(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string user = "postgres";
  if (auto at = rest.find('@'); at != std::string::npos) {
    user = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  if (auto q = rest.find('?'); q != std::string::npos) rest.resize(q);
  if (auto colon = user.find(':'); colon != std::string::npos) user.resize(colon);
  return {"jdbc:postgresql://" + rest, user};
}

TEST(LockPg, ConcurrentUpdatesApplyEachChangesetOnce) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  constexpr int kChangeSets = 8, kProcesses = 4;
  WriteFile(dir, "c.yaml", ChangeLog(kChangeSets, 0.5));

  std::optional<Child> liquibase;
  const std::string launcher = LiquibaseLauncher();
  if (!launcher.empty()) {
    auto [jdbc, user] = JdbcUrl(url);
    liquibase = Spawn({"--show-banner=false", "--changelog-file=c.yaml",
                       "--url=" + jdbc, "--username=" + user,
                       "--changelog-lock-wait-time-in-minutes=2",
                       "--changelog-lock-poll-rate=1", "update"},
                      dir, {}, launcher);
    // Start the Strata processes once Liquibase is connected, so that it
    // really races them (the JVM takes seconds to start).
    auto watch = Open(url);
    for (int i = 0; i < 1200; ++i) {
      std::vector<Row> rows;
      ASSERT_TRUE(watch->Query(
          "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
          "AND pid <> pg_backend_pid()", &rows).ok());
      if (rows[0][0] != "0" || Exited(*liquibase)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    printf("Liquibase %s joins the race\n", launcher.c_str());
    fflush(stdout);  // before fork() copies the buffer
  } else {
    printf("STRATA_LIQUIBASE is not set (tools/test sets it): the Liquibase race is skipped\n");
    fflush(stdout);
  }
  // Half the Strata processes race Liquibase from its first connection; the
  // other half start once Liquibase holds the row (or is done), so that they
  // really wait for a live Liquibase.
  std::vector<Child> children;
  auto start = [&](int n) {
    for (int i = 0; i < n; ++i)
      children.push_back(
          Spawn(Args(url, {"--changelog-lock-wait-time-in-minutes=2", "update"}), dir));
  };
  start(kProcesses / 2);
  if (liquibase) {
    auto watch = Open(url);
    for (int i = 0; i < 3000; ++i) {
      std::vector<Row> rows;
      if (watch->Query("SELECT LOCKEDBY FROM databasechangeloglock WHERE LOCKED",
                       &rows).ok() &&
          !rows.empty() && rows[0][0] && !Contains(*rows[0][0], "(strata pid ")) {
        printf("Liquibase holds the lock: %s\n", rows[0][0]->c_str());
        fflush(stdout);  // before fork() copies the buffer
        break;
      }
      if (Exited(*liquibase)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  start(kProcesses - kProcesses / 2);
  for (Child& c : children) {
    CmdResult r = Wait(c);
    EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
    EXPECT_FALSE(Contains(r.err, "lock left by")) << r.err;  // nobody died
  }
  if (liquibase) {
    CmdResult r = Wait(*liquibase);
    EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
    // Liquibase's UPDATE SUMMARY: "Run:   N".
    const std::string all = r.out + r.err;
    size_t at = all.find("\nRun:");
    int ran = at == std::string::npos ? -1 : std::atoi(all.c_str() + at + 5);
    printf("Liquibase ran %d of the %d changesets\n", ran, kChangeSets);
  }

  auto c = Open(url);
  EXPECT_EQ(QueryLines(*c, "SELECT count(*), count(DISTINCT ID) FROM databasechangelog"),
            (std::vector<std::string>{std::to_string(kChangeSets) + "|" +
                                      std::to_string(kChangeSets) + "|"}));
  for (int i = 1; i <= kChangeSets; ++i)
    EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM t" + std::to_string(i)),
              (std::vector<std::string>{"1|"}))
        << "t" << i;
  EXPECT_EQ(RowLockedBy(url), "f|NULL|");
}

}  // namespace
}  // namespace strata::test
