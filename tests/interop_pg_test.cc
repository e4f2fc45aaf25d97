// Interop with the real Liquibase 4.28.1 on PostgreSQL, both directions
// (tests/interop_scenarios.h says what is proven).
#include <chrono>
#include <thread>

#include "interop_scenarios.h"

namespace strata::test {
namespace {

TEST(InteropPg, BothDirectionsRollbackChecksumsAndUpdateSql) {
  STRATA_REQUIRE_LIQUIBASE(liquibase);
  STRATA_REQUIRE_PG(url1);
  std::string url2 = CreatePgDatabase();
  std::string url3 = CreatePgDatabase();
  Interop t(liquibase, TempDir());
  InteropCounts n;
  RunInterop(t, PgInteropDb(url1), PgInteropDb(url2), PgInteropDb(url3), &n);
  PrintCounts("postgresql", n, t);
  EXPECT_GT(n.checksums_compared, 50);
  EXPECT_EQ(n.checksums_identical, n.checksums_compared);
  EXPECT_EQ(n.rows_identical, n.rows_compared);
  EXPECT_EQ(n.statements_identical, n.statements_compared);
  // The one dropAllForeignKeyConstraints changeset (a.xml x9).
  EXPECT_EQ(n.statements_set_aside, 1);
  // Every core change type but customChange, which needs a Java class that
  // Strata cannot run (it refuses the changelog at load time).
  EXPECT_EQ(MissingChangeTypes(n), std::vector<std::string>{"customChange"});
  for (const char* format : {"yaml", "xml", "json", "sql"})
    EXPECT_GT(n.changesets_per_format[format], 2) << format;
}

// Three changesets; the first blocks on advisory lock `gate` (held by the
// test) while its runner holds the changelog lock.
std::string GatedChangeLog(int gate) {
  std::string y = "databaseChangeLog:\n";
  for (int i = 1; i <= 3; ++i) {
    y += "  - changeSet:\n      id: g" + std::to_string(i) +
         "\n      author: lock\n      changes:\n";
    if (i == 1)
      y += "        - sql: select pg_advisory_lock(" + std::to_string(gate) +
           ")\n        - sql: select pg_advisory_unlock(" + std::to_string(gate) + ")\n";
    y += "        - createTable: {tableName: g" + std::to_string(i) +
         ", columns: [{column: {name: id, type: int}}]}\n";
  }
  return y;
}

std::string LockedBy(Connection& c) {
  std::vector<Row> rows;
  if (!c.Query("SELECT LOCKEDBY FROM databasechangeloglock WHERE LOCKED", &rows).ok() ||
      rows.empty() || !rows[0][0])
    return "";
  return *rows[0][0];
}

// One holder runs the gated changelog and holds databasechangeloglock; the
// other tool is started against the same database and must wait until the
// holder is done, then find nothing left to run. Each changeset runs once.
void LockRace(const std::string& liquibase, const std::string& url, bool liquibase_holds) {
  std::string dir = TempDir();
  const int gate = liquibase_holds ? 7701 : 7702;
  WriteFile(dir, "c.yaml", GatedChangeLog(gate));
  InteropDb db = PgInteropDb(url);
  auto test_conn = Open(url);
  ASSERT_TRUE(test_conn->Execute("SELECT pg_advisory_lock(" + std::to_string(gate) + ")").ok());

  std::vector<std::string> lb_args = {"--show-banner=false", "--changelog-file=c.yaml"};
  lb_args.insert(lb_args.end(), db.lb_conn.begin(), db.lb_conn.end());
  lb_args.insert(lb_args.end(), {"--changelog-lock-wait-time-in-minutes=5",
                                 "--changelog-lock-poll-rate=1", "update"});
  std::vector<std::string> strata_args = {"--changelog-file=c.yaml", "--url=" + url,
                                          "--changelog-lock-wait-time-in-minutes=5", "update"};
  auto start_holder = [&] {
    return liquibase_holds ? Spawn(lb_args, dir, {}, liquibase) : Spawn(strata_args, dir);
  };
  auto start_waiter = [&] {
    return liquibase_holds ? Spawn(strata_args, dir) : Spawn(lb_args, dir, {}, liquibase);
  };
  Child holder = start_holder();
  auto watch = Open(url);
  // The holder owns the row while it is blocked in g1.
  ASSERT_TRUE(WaitFor(600, [&] { return !LockedBy(*watch).empty() || Exited(holder); }));
  ASSERT_FALSE(Exited(holder)) << Show(Wait(holder));
  std::string holder_row = LockedBy(*watch);
  EXPECT_EQ(holder_row.find("(strata pid ") == std::string::npos, liquibase_holds) << holder_row;

  auto sessions = [&] {
    std::vector<Row> rows;
    // Client sessions only: an autovacuum worker on the fresh database
    // counted at `before` and gone later would hide the waiter's arrival.
    watch->Query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                 "AND pid <> pg_backend_pid() AND backend_type = 'client backend'", &rows);
    return rows.empty() || !rows[0][0] ? 0 : std::stoi(*rows[0][0]);
  };
  const int before = sessions();
  Child waiter = start_waiter();
  // The waiter connects and polls the row; give it time to try (the JVM
  // starts slowly) without ever taking the lock.
  bool waiter_connected =
      WaitFor(600, [&] { return sessions() > before || Exited(waiter); });
  EXPECT_TRUE(waiter_connected);
  std::this_thread::sleep_for(std::chrono::seconds(4));
  EXPECT_FALSE(Exited(waiter)) << "the waiter did not wait: " << Show(Wait(waiter));
  EXPECT_EQ(LockedBy(*watch), holder_row) << "the lock changed hands while the holder ran";
  EXPECT_EQ(QueryLines(*watch, "SELECT count(*) FROM databasechangelog"),
            std::vector<std::string>{"0|"});

  ASSERT_TRUE(test_conn->Execute("SELECT pg_advisory_unlock(" + std::to_string(gate) + ")").ok());
  CmdResult h = Wait(holder);
  CmdResult w = Wait(waiter);
  EXPECT_EQ(h.exit_code, 0) << Show(h);
  EXPECT_EQ(w.exit_code, 0) << Show(w);
  EXPECT_EQ(QueryLines(*watch, "SELECT count(*), count(DISTINCT ID) FROM databasechangelog"),
            std::vector<std::string>{"3|3|"});
  EXPECT_EQ(QueryLines(*watch, "SELECT LOCKED, LOCKEDBY FROM databasechangeloglock"),
            std::vector<std::string>{"f|NULL|"});
  printf("[postgresql] %s held the lock (%s); %s waited and then ran nothing\n",
         liquibase_holds ? "Liquibase" : "Strata", holder_row.c_str(),
         liquibase_holds ? "Strata" : "Liquibase");
  fflush(stdout);
}

TEST(InteropPg, LiquibaseLockMakesStrataWait) {
  STRATA_REQUIRE_LIQUIBASE(liquibase);
  STRATA_REQUIRE_PG(url);
  LockRace(liquibase, url, /*liquibase_holds=*/true);
}

TEST(InteropPg, StrataLockMakesLiquibaseWait) {
  STRATA_REQUIRE_LIQUIBASE(liquibase);
  STRATA_REQUIRE_PG(url);
  LockRace(liquibase, url, /*liquibase_holds=*/false);
}

}  // namespace
}  // namespace strata::test
