// Interop with the real Liquibase 4.28.1 on SQLite files, both directions
// (tests/interop_scenarios.h says what is proven; changesets marked
// dbms: postgresql are filtered out by both tools here), and the
// databasechangeloglock row excluding one tool while the other runs.
#include <chrono>
#include <thread>

#include "interop_scenarios.h"

namespace strata::test {
namespace {

TEST(InteropSqlite, BothDirectionsRollbackChecksumsAndUpdateSql) {
  STRATA_REQUIRE_LIQUIBASE(liquibase);
  std::string dbs = TempDir();
  Interop t(liquibase, TempDir());
  InteropCounts n;
  RunInterop(t, SqliteInteropDb(dbs + "/one.db"), SqliteInteropDb(dbs + "/two.db"),
             SqliteInteropDb(dbs + "/three.db"), &n);
  PrintCounts("sqlite", n, t);
  EXPECT_GT(n.checksums_compared, 25);
  EXPECT_EQ(n.checksums_identical, n.checksums_compared);
  EXPECT_EQ(n.rows_identical, n.rows_compared);
  EXPECT_EQ(n.statements_identical, n.statements_compared);
  // What Liquibase 4.28 cannot do on SQLite (its update-sql refuses it or
  // writes a broken table rebuild, or SQLite has no such object) is kept to
  // PostgreSQL by the fixtures; PrintCounts lists it. This floor catches a
  // fixture losing a change type.
  EXPECT_GE(n.change_types.size(), 19u);
  EXPECT_EQ(n.statements_set_aside, 0);
  for (const char* format : {"yaml", "xml", "json", "sql"})
    EXPECT_GT(n.changesets_per_format[format], 1) << format;
}

// Three changesets; the first blocks (an executeCommand polling for the file
// `gate`, which the test creates) while its runner holds the changelog lock.
std::string GatedChangeLog(const std::string& gate) {
  std::string y = "databaseChangeLog:\n";
  for (int i = 1; i <= 3; ++i) {
    y += "  - changeSet:\n      id: g" + std::to_string(i) +
         "\n      author: lock\n      changes:\n";
    if (i == 1)
      y += "        - executeCommand: {executable: /bin/sh, args: [{arg: {value: \"-c\"}}, "
           "{arg: {value: \"while [ ! -e '" + gate + "' ]; do sleep 0.1; done\"}}]}\n";
    y += "        - createTable: {tableName: g" + std::to_string(i) +
         ", columns: [{column: {name: id, type: int}}]}\n";
  }
  return y;
}

// "LOCKED|LOCKEDBY|" of the lock row, read through a fresh connection (so
// the test holds no SQLite lock between reads); "" before the table exists.
std::string LockRow(const std::string& url) {
  auto c = Open(url);
  if (!c) return "";
  std::vector<Row> rows;
  if (!c->Query("SELECT LOCKED, LOCKEDBY FROM DATABASECHANGELOGLOCK", &rows).ok() ||
      rows.empty())
    return "";
  return (rows[0][0] ? *rows[0][0] : "NULL") + "|" + (rows[0][1] ? *rows[0][1] : "NULL") + "|";
}

// One tool holds databasechangeloglock while blocked in g1; the other is
// started against the same file and must wait (Liquibase says so in its
// log; Strata, which starts in milliseconds, is given two seconds) without
// taking the lock or running anything, then find nothing left to run once
// the holder is done. Each changeset runs once.
void LockRace(const std::string& liquibase, bool liquibase_holds) {
  std::string dir = TempDir();
  const std::string gate = dir + "/gate";
  WriteFile(dir, "c.yaml", GatedChangeLog(gate));
  InteropDb db = SqliteInteropDb(dir + "/race.db");
  std::vector<std::string> lb_args = {"--show-banner=false", "--changelog-file=c.yaml",
                                      "--log-level=INFO"};
  lb_args.insert(lb_args.end(), db.lb_conn.begin(), db.lb_conn.end());
  lb_args.insert(lb_args.end(), {"--changelog-lock-wait-time-in-minutes=5",
                                 "--changelog-lock-poll-rate=1", "update"});
  std::vector<std::string> strata_args = {"--changelog-file=c.yaml", "--url=" + db.url,
                                          "--changelog-lock-wait-time-in-minutes=5", "update"};
  Child holder = liquibase_holds ? Spawn(lb_args, dir, {}, liquibase) : Spawn(strata_args, dir);
  ASSERT_TRUE(WaitFor(600, [&] { return LockRow(db.url).rfind("1|", 0) == 0 || Exited(holder); }));
  ASSERT_FALSE(Exited(holder)) << Show(Wait(holder));
  const std::string holder_row = LockRow(db.url);
  EXPECT_EQ(holder_row.find("(strata pid ") == std::string::npos, liquibase_holds) << holder_row;

  Child waiter = liquibase_holds ? Spawn(strata_args, dir) : Spawn(lb_args, dir, {}, liquibase);
  if (liquibase_holds) {
    std::this_thread::sleep_for(std::chrono::seconds(2));
  } else {
    // Liquibase logs this before each poll of the row.
    EXPECT_TRUE(WaitFor(600, [&] {
      return ReadFile(waiter.err_path).find("Waiting for changelog lock") != std::string::npos ||
             Exited(waiter);
    })) << ReadFile(waiter.err_path);
  }
  EXPECT_FALSE(Exited(waiter)) << "the waiter did not wait: " << Show(Wait(waiter));
  EXPECT_EQ(LockRow(db.url), holder_row) << "the lock changed hands while the holder ran";
  EXPECT_EQ(QueryLines(*Open(db.url), "SELECT count(*) FROM DATABASECHANGELOG"),
            std::vector<std::string>{"0|"});

  WriteFile(dir, "gate", "");
  CmdResult h = Wait(holder);
  CmdResult w = Wait(waiter);
  EXPECT_EQ(h.exit_code, 0) << Show(h);
  EXPECT_EQ(w.exit_code, 0) << Show(w);
  EXPECT_EQ(QueryLines(*Open(db.url), "SELECT count(*), count(DISTINCT ID) FROM DATABASECHANGELOG"),
            std::vector<std::string>{"3|3|"});
  EXPECT_EQ(LockRow(db.url), "0|NULL|");
  printf("[sqlite] %s held the lock (%s); %s waited and then ran nothing\n",
         liquibase_holds ? "Liquibase" : "Strata", holder_row.c_str(),
         liquibase_holds ? "Strata" : "Liquibase");
  fflush(stdout);
}

TEST(InteropSqlite, LiquibaseLockMakesStrataWait) {
  STRATA_REQUIRE_LIQUIBASE(liquibase);
  LockRace(liquibase, /*liquibase_holds=*/true);
}

TEST(InteropSqlite, StrataLockMakesLiquibaseWait) {
  STRATA_REQUIRE_LIQUIBASE(liquibase);
  LockRace(liquibase, /*liquibase_holds=*/false);
}

}  // namespace
}  // namespace strata::test
