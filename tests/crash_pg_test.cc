// Crash safety on the real PostgreSQL server: `update` killed with SIGKILL
// at every executor checkpoint (STRATA_TEST_CRASH_AT, see executor.h), a
// lost connection in the middle of a changeset, and a runInTransaction:false
// changeset that fails part-way.
#include <gtest/gtest.h>

#include <csignal>
#include <map>
#include <set>
#include <thread>

#include "e2e_util.h"
#include "lock_util.h"

namespace strata::test {
namespace {

std::vector<std::string> Args(const std::string& url, std::vector<std::string> more) {
  std::vector<std::string> a = {"--changelog-file=c.yaml", "--url=" + url,
                                "--changelog-lock-wait-time-in-minutes=1"};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

// Two transactional changesets around one that runs outside a transaction
// (re-runnable, as such changesets should be), then a tag.
constexpr const char* kCrashChangeLog = R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: crash
      changes:
        - createTable:
            tableName: a
            columns:
              - column: {name: id, type: int}
        - sql: insert into a values (1)
  - changeSet:
      id: 2
      author: crash
      runInTransaction: false
      changes:
        - sql: create index concurrently if not exists a_id on a (id)
        - sql: create table if not exists b (id int)
  - changeSet:
      id: 3
      author: crash
      changes:
        - sql: insert into a values (3)
        - createTable:
            tableName: c
            columns:
              - column: {name: id, type: int}
  - changeSet:
      id: 4
      author: crash
      changes:
        - tagDatabase: {tag: v1}
)";

bool Exists(Connection& c, const std::string& sql) {
  std::vector<Row> rows;
  Status s = c.Query(sql, &rows);
  EXPECT_TRUE(s.ok()) << sql << ": " << s.message();
  return s.ok() && !rows.empty() && rows[0][0] == "t";
}

struct Effects {
  bool table_a, row_1, index_a_id, table_b, row_3, table_c;
};

Effects Look(Connection& c) {
  Effects e{};
  e.table_a = Exists(c, "SELECT to_regclass('a') IS NOT NULL");
  e.row_1 = e.table_a && Exists(c, "SELECT EXISTS (SELECT 1 FROM a WHERE id = 1)");
  e.index_a_id = Exists(c, "SELECT to_regclass('a_id') IS NOT NULL");
  e.table_b = Exists(c, "SELECT to_regclass('b') IS NOT NULL");
  e.row_3 = e.table_a && Exists(c, "SELECT EXISTS (SELECT 1 FROM a WHERE id = 3)");
  e.table_c = Exists(c, "SELECT to_regclass('c') IS NOT NULL");
  return e;
}

std::set<std::string> Recorded(Connection& c) {
  std::set<std::string> ids;
  if (!Exists(c, "SELECT to_regclass('databasechangelog') IS NOT NULL")) return ids;
  for (const std::string& line : QueryLines(c, "SELECT ID FROM databasechangelog"))
    ids.insert(line.substr(0, line.size() - 1));
  return ids;
}

// What a crash may leave: every recorded changeset applied in full, every
// transactional changeset either applied and recorded or neither.
void ExpectConsistent(const std::string& url, long point) {
  auto c = Open(url);
  Effects e = Look(*c);
  std::set<std::string> rec = Recorded(*c);
  SCOPED_TRACE("kill point " + std::to_string(point));
  EXPECT_EQ(e.table_a, e.row_1) << "changeset 1 half applied";
  EXPECT_EQ(e.table_a, rec.count("1") == 1) << "changeset 1 applied XOR recorded";
  EXPECT_EQ(e.row_3, e.table_c) << "changeset 3 half applied";
  EXPECT_EQ(e.table_c, rec.count("3") == 1) << "changeset 3 applied XOR recorded";
  if (rec.count("2")) {
    EXPECT_TRUE(e.index_a_id && e.table_b) << "changeset 2 recorded, not applied";
  }
  if (rec.count("3")) {
    EXPECT_EQ(rec.count("2"), 1u) << "recorded out of order";
  }
  if (rec.count("4")) {
    EXPECT_EQ(rec.count("3"), 1u) << "recorded out of order";
  }
}

// The lock table's row as "LOCKED|", none when the table does not exist
// (killed before creating it) or is empty (killed before its INSERT).
std::vector<std::string> LockRows(const std::string& url) {
  auto c = Open(url);
  if (!Exists(*c, "SELECT to_regclass('databasechangeloglock') IS NOT NULL")) return {};
  return QueryLines(*c, "SELECT LOCKED FROM databasechangeloglock");
}

// Whether a kill at `where` leaves the lock row set: only between taking
// and releasing it.
bool HoldsRow(const std::string& where) {
  return where != "process lock held" && where != "tracking table statement run" &&
         where != "lock row released";
}

TEST(CrashPg, KilledAtEveryCheckpointUpdateRecovers) {
  STRATA_REQUIRE_PG(reference_url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", kCrashChangeLog);
  CmdResult clean = RunStrata(Args(reference_url, {"update"}), dir);
  ASSERT_EQ(clean.exit_code, 0) << clean.err << clean.out;
  const std::vector<std::string> want_schema = Schema(reference_url);
  const size_t want_rows = HistoryRows(reference_url).size();
  ASSERT_EQ(want_rows, 4u);

  // Each kill starts from an empty database, so the first points fall
  // while the tracking tables are being created.
  std::map<std::string, int> kinds;
  for (long point = 1; point < 200; ++point) {
    std::string url = CreatePgDatabase();
    CmdResult killed = RunStrataEnv(Args(url, {"update"}), dir,
                                    {{"STRATA_TEST_CRASH_AT", std::to_string(point)}});
    if (killed.exit_code == 0) break;  // past the last checkpoint
    ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err << killed.out;
    const std::string where = KilledAt(killed.err);
    ASSERT_FALSE(where.empty()) << killed.err;
    ++kinds[where];
    SCOPED_TRACE("kill point " + std::to_string(point) + ": " + where);
    ExpectConsistent(url, point);
    // The killed process left its lock row behind while it held it.
    const bool held = HoldsRow(where);
    EXPECT_EQ(LockRows(url) == std::vector<std::string>{"t|"}, held);

    CmdResult next = RunStrata(Args(url, {"update"}), dir);
    ASSERT_EQ(next.exit_code, 0) << "after kill point " << point << ":\n"
                                 << next.err << next.out;
    // Taken over, or (killed after its last commit) released as stale.
    EXPECT_EQ(Contains(next.err, " the change log lock left by "), held) << next.err;
    EXPECT_EQ(Schema(url), want_schema);
    EXPECT_EQ(HistoryRows(url).size(), want_rows);
    EXPECT_EQ(QueryLines(*Open(url), "SELECT count(*) FROM a"),
              (std::vector<std::string>{"2|"}));
    EXPECT_EQ(LockRows(url), (std::vector<std::string>{"f|"}));
    if (HasFailure()) break;
  }
  printf("kill -9 of update tried at %s executor checkpoints\n", KillReport(kinds).c_str());
  // Every kind of point was reached: the tracking tables (lock table
  // CREATE, DELETE, INSERT; history table CREATE), the lock, transactional
  // changesets and the runInTransaction:false one.
  ExpectEveryKillPointKindReached(kinds, /*tracking_statements=*/4);
}

// Rolled back newest first: 5 (transactional), 4 (runInTransaction:false,
// its rollback cannot run in a transaction), 3 (two statements). The tag is
// set by changeset 1 with another change, so that its row stays (a changeset
// that only tags is rolled back too, as in Liquibase 4.28) and a rollback
// run again after a complete one has nothing to do.
constexpr const char* kRollbackChangeLog = R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: crash
      changes:
        - createTable:
            tableName: a
            columns:
              - column: {name: id, type: int}
        - tagDatabase: {tag: v1}
  - changeSet:
      id: 3
      author: crash
      changes:
        - createTable:
            tableName: b
            columns:
              - column: {name: id, type: int}
        - sql: insert into a values (3)
      rollback:
        - sql: delete from a where id = 3
        - dropTable: {tableName: b}
  - changeSet:
      id: 4
      author: crash
      runInTransaction: false
      changes:
        - sql: create index concurrently if not exists a_id on a (id)
      rollback:
        - sql: drop index concurrently if exists a_id
  - changeSet:
      id: 5
      author: crash
      changes:
        - createTable:
            tableName: c
            columns:
              - column: {name: id, type: int}
)";

TEST(CrashPg, RollbackKilledAtEveryCheckpointRecovers) {
  STRATA_REQUIRE_PG(reference_url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", kRollbackChangeLog);
  CmdResult r = RunStrata(Args(reference_url, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  r = RunStrata(Args(reference_url, {"rollback", "--tag=v1"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  const std::vector<std::string> want_schema = Schema(reference_url);
  ASSERT_EQ(HistoryRows(reference_url).size(), 1u);

  std::map<std::string, int> kinds;
  for (long point = 1; point < 100; ++point) {
    std::string url = CreatePgDatabase();
    r = RunStrata(Args(url, {"update"}), dir);
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    CmdResult killed = RunStrataEnv(Args(url, {"rollback", "--tag=v1"}), dir,
                                    {{"STRATA_TEST_CRASH_AT", std::to_string(point)}});
    if (killed.exit_code == 0) break;  // past the last checkpoint
    ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err << killed.out;
    const std::string where = KilledAt(killed.err);
    ASSERT_FALSE(where.empty()) << killed.err;
    ++kinds[where];
    SCOPED_TRACE("kill point " + std::to_string(point) + ": " + where);
    {
      auto c = Open(url);
      std::set<std::string> rec = Recorded(*c);
      const bool b = Exists(*c, "SELECT to_regclass('b') IS NOT NULL");
      const bool row_3 = Exists(*c, "SELECT EXISTS (SELECT 1 FROM a WHERE id = 3)");
      const bool index = Exists(*c, "SELECT to_regclass('a_id') IS NOT NULL");
      const bool table_c = Exists(*c, "SELECT to_regclass('c') IS NOT NULL");
      EXPECT_EQ(rec.count("1"), 1u);
      // Transactional rollbacks: undone and unrecorded together.
      EXPECT_EQ(table_c, rec.count("5") == 1) << "changeset 5 undone XOR unrecorded";
      EXPECT_EQ(b, row_3) << "changeset 3 half undone";
      EXPECT_EQ(b, rec.count("3") == 1) << "changeset 3 undone XOR unrecorded";
      // The non-transactional one is unrecorded only once undone.
      if (!rec.count("4")) {
        EXPECT_FALSE(index) << "changeset 4 unrecorded, not undone";
        EXPECT_EQ(rec.count("5"), 0u) << "undone out of order";
      }
      if (!rec.count("3")) {
        EXPECT_EQ(rec.count("4"), 0u) << "undone out of order";
      }
    }
    const bool held = HoldsRow(where);
    EXPECT_EQ(LockRows(url) == std::vector<std::string>{"t|"}, held);

    CmdResult next = RunStrata(Args(url, {"rollback", "--tag=v1"}), dir);
    ASSERT_EQ(next.exit_code, 0) << next.err << next.out;
    EXPECT_EQ(Contains(next.err, " the change log lock left by "), held) << next.err;
    EXPECT_EQ(Schema(url), want_schema);
    EXPECT_EQ(QueryLines(*Open(url), "SELECT ID FROM databasechangelog ORDER BY ORDEREXECUTED"),
              (std::vector<std::string>{"1|"}));
    EXPECT_EQ(QueryLines(*Open(url), "SELECT count(*) FROM a"),
              (std::vector<std::string>{"0|"}));
    EXPECT_EQ(LockRows(url), (std::vector<std::string>{"f|"}));
    if (HasFailure()) break;
  }
  printf("kill -9 of rollback --tag tried at %s executor checkpoints\n",
         KillReport(kinds).c_str());
  ExpectEveryKillPointKindReached(kinds, /*tracking_statements=*/0);
}

TEST(CrashPg, LostConnectionMidChangesetFailsCleanlyAndUpdateFinishes) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: crash
      changes:
        - createTable:
            tableName: a
            columns:
              - column: {name: id, type: int}
  - changeSet:
      id: 2
      author: crash
      changes:
        - sql: insert into a values (2)
        - sql: select pg_sleep(${sleep})
  - changeSet:
      id: 3
      author: crash
      changes:
        - sql: insert into a values (3)
)");
  Child child = Spawn(Args(url, {"-Dsleep=60", "update"}), dir);
  auto watch = Open(url);
  std::string killed;
  for (int i = 0; i < 600 && killed.empty(); ++i) {
    std::vector<Row> rows;
    ASSERT_TRUE(watch->Query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND query LIKE '%select pg_sleep%' AND pid <> pg_backend_pid()",
        &rows).ok());
    if (!rows.empty()) killed = "yes";
    else std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_FALSE(killed.empty()) << "the changeset never started";
  CmdResult r = Wait(child);
  EXPECT_EQ(r.exit_code, 1) << r.err << r.out;
  EXPECT_TRUE(Contains(r.err, "the connection to " + url + " was lost")) << r.err;
  EXPECT_TRUE(Contains(r.err, "c.yaml::2::crash")) << r.err;
  // Changeset 1 stays, changeset 2 is neither applied nor recorded, and the
  // lock row was released over the lock's own connection.
  EXPECT_EQ(QueryLines(*watch, "SELECT id FROM a"), (std::vector<std::string>{}));
  EXPECT_EQ(QueryLines(*watch, "SELECT ID FROM databasechangelog"),
            (std::vector<std::string>{"1|"}));
  EXPECT_EQ(QueryLines(*watch, "SELECT LOCKED FROM databasechangeloglock"),
            (std::vector<std::string>{"f|"}));

  r = RunStrata(Args(url, {"-Dsleep=0", "update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(QueryLines(*watch, "SELECT id FROM a ORDER BY id"),
            (std::vector<std::string>{"2|", "3|"}));
  EXPECT_EQ(HistoryRows(url).size(), 3u);
}

TEST(CrashPg, LostLockConnectionStopsTheRun) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: crash
      changes:
        - sql: select pg_sleep(${sleep})
  - changeSet:
      id: 2
      author: crash
      changes:
        - sql: create table after_loss (id int)
)");
  Child child = Spawn(Args(url, {"-Dsleep=60", "update"}), dir);
  auto watch = Open(url);
  bool sleeping = false;
  for (int i = 0; i < 600 && !sleeping; ++i) {
    std::vector<Row> rows;
    ASSERT_TRUE(watch->Query(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND query LIKE '%select pg_sleep%' AND pid <> pg_backend_pid()", &rows).ok());
    sleeping = rows[0][0] == "1";
    if (!sleeping) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(sleeping);
  // Another process could now take the advisory lock: the run must stop
  // before its next changeset. Then let the sleeping changeset finish.
  ASSERT_TRUE(watch->Execute(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
      "WHERE datname = current_database() AND application_name = 'strata lock'").ok());
  ASSERT_TRUE(watch->Execute(
      "SELECT pg_cancel_backend(pid) FROM pg_stat_activity "
      "WHERE datname = current_database() AND query LIKE '%select pg_sleep%' AND pid <> pg_backend_pid()").ok());
  CmdResult r = Wait(child);
  EXPECT_EQ(r.exit_code, 1) << r.err << r.out;
  EXPECT_FALSE(HasTable(url, "after_loss"));
  r = RunStrata(Args(url, {"-Dsleep=0", "update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(HasTable(url, "after_loss"));
}

TEST(CrashPg, NonTransactionalChangesetFailingPartWayNamesWhatRan) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: crash
      runInTransaction: false
      changes:
        - sql: create table first_one (id int)
        - sql: create table second_one (id int)
        - sql: insert into no_such_table values (1)
        - sql: create table never_run (id int)
)");
  CmdResult r = RunStrata(Args(url, {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "c.yaml::1::crash")) << r.err;
  EXPECT_TRUE(Contains(r.err, "runInTransaction: false) failed part-way: 2 of its 4 "
                              "statements had run")) << r.err;
  EXPECT_TRUE(Contains(r.err, "Already run:\n    1. create table first_one (id int)\n"
                              "    2. create table second_one (id int)\n"
                              "  Failed:\n    3. insert into no_such_table values (1)\n"))
      << r.err;
  EXPECT_TRUE(Contains(r.err, "relation \"no_such_table\" does not exist")) << r.err;
  EXPECT_TRUE(HasTable(url, "first_one"));
  EXPECT_TRUE(HasTable(url, "second_one"));
  EXPECT_FALSE(HasTable(url, "never_run"));
  EXPECT_TRUE(HistoryRows(url).empty());
  EXPECT_EQ(QueryLines(*Open(url), "SELECT LOCKED FROM databasechangeloglock"),
            (std::vector<std::string>{"f|"}));
}

}  // namespace
}  // namespace strata::test
