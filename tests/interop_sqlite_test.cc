// Interop with the real Liquibase 4.28.1 on SQLite files, both directions
// (tests/interop_scenarios.h says what is proven; changesets marked
// dbms: postgresql are filtered out by both tools here), and the
// databasechangeloglock row excluding one tool while the other runs.
#include <chrono>
#include <map>
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

// Why each core change type outside both SQLite fixtures is out of Liquibase
// 4.28's reach on SQLite, as measured with its `update` on a SQLite file.
const std::map<std::string, std::string>& LiquibaseCannotOnSqlite() {
  static const auto* reasons = [] {
    auto* m = new std::map<std::string, std::string>;
    for (const char* t : {"addPrimaryKey", "addUniqueConstraint", "addNotNullConstraint",
                          "addForeignKeyConstraint", "dropDefaultValue", "dropUniqueConstraint",
                          "dropForeignKeyConstraint", "dropNotNullConstraint", "modifyDataType",
                          "setColumnRemarks", "setTableRemarks", "renameSequence",
                          "dropProcedure"})
      (*m)[t] = "its validate: \"" + std::string(t) + " is not supported on sqlite\"";
    (*m)["addLookupTable"] =
        "its validate: \"Unable to create generator chain for AddPrimaryKeyStatement\"";
    (*m)["renameView"] = "fails when run: `RENAME v1 TO v2`, a syntax error";
    (*m)["dropPrimaryKey"] = "fails when run: a NullPointerException";
    (*m)["createProcedure"] = "fails when run: \"Cannot find generators\"";
    (*m)["customChange"] = "needs a Java class (Strata refuses it at load time)";
    return m;
  }();
  return *reasons;
}

// The change types Liquibase 4.28 applies to a SQLite file with `update` but
// not in `update-sql` (tests/data/interop/sqlite_online: addColumn,
// mergeColumns, addDefaultValue, addAutoIncrement, dropColumn,
// dropAllForeignKeyConstraints of a table without foreign keys, which it
// runs and fails for a table with one; createSequence, alterSequence and
// dropSequence, which it runs as nothing at all, "not supported on sqlite,
// but createSequence will still execute"), proven as above but for update-sql:
// Liquibase refuses it for them ("requires access to up to date database
// metadata"), which the test checks once. Then every core change type must
// be covered by one of the two SQLite runs or have a reason above.
TEST(InteropSqlite, OnlineOnlyChangeTypesBothDirectionsRollbackAndChecksums) {
  STRATA_REQUIRE_LIQUIBASE(liquibase);
  std::string dbs = TempDir();
  Interop t(liquibase, TempDir());
  InteropOptions o;
  o.first = "sqlite_online/first.yaml";
  o.all = "sqlite_online/all.yaml";
  o.update_sql = false;
  o.schema = SqliteStructure;
  // Liquibase 4.28's dropColumn change on SQLite rebuilds the table with the
  // column still in it (its rollback of addColumn drops t1's and t3's).
  const std::string kept = "Liquibase 4.28's SQLite dropColumn keeps the column";
  o.known = {{kept, R"(^column notes\|body\|)"}};
  InteropDb db1 = SqliteInteropDb(dbs + "/one.db"), db2 = SqliteInteropDb(dbs + "/two.db");
  InteropCounts n;
  RunInterop(t, db1, db2, db1, &n, o);
  // Point 5 cannot hold here: Liquibase's update-sql refuses these.
  CmdResult lb_sql = t.Liquibase(SqliteInteropDb(dbs + "/three.db"), o.all, {"update-sql"});
  EXPECT_NE(lb_sql.exit_code, 0) << Show(lb_sql);
  EXPECT_NE((lb_sql.out + lb_sql.err).find("requires access to up to date database metadata"),
            std::string::npos) << Show(lb_sql);
  printf("[sqlite-online] update-sql not compared: Liquibase 4.28 refuses it for these change "
         "types on SQLite (exit %d, \"requires access to up to date database metadata\")\n",
         lb_sql.exit_code);
  PrintCounts("sqlite-online", n, t);
  EXPECT_EQ(n.checksums_compared, 13);
  EXPECT_EQ(n.checksums_identical, n.checksums_compared);
  EXPECT_EQ(n.rows_identical, n.rows_compared);
  for (const char* type : {"addColumn", "mergeColumns", "addDefaultValue", "addAutoIncrement",
                           "dropColumn", "dropAllForeignKeyConstraints", "createSequence",
                           "alterSequence", "dropSequence"})
    EXPECT_TRUE(n.change_types.count(type)) << type;
  // The difference is there and set aside, never silently: notes.body in
  // db1 (Liquibase's first half) against db2 after the first half, after
  // both, and after Strata's rollback of db2.
  EXPECT_EQ(n.set_aside[kept], 3);
  for (const char* format : {"yaml", "xml", "json"})
    EXPECT_GT(n.changesets_per_format[format], 0) << format;

  // The main fixture's change types on SQLite (what the test above proves),
  // read from the history of a Strata-only update.
  InteropDb main = SqliteInteropDb(dbs + "/main.db");
  CmdResult r = t.Strata(main, "all.yaml", {"update"});
  ASSERT_EQ(r.exit_code, 0) << Show(r);
  InteropCounts both;
  CoveredByHistory(main.url, &both);
  both.change_types.insert(n.change_types.begin(), n.change_types.end());
  std::string left_out;
  for (const std::string& type : MissingChangeTypes(both)) {
    auto reason = LiquibaseCannotOnSqlite().find(type);
    if (reason == LiquibaseCannotOnSqlite().end()) {
      ADD_FAILURE() << type << " is covered by neither SQLite fixture and has no reason";
      continue;
    }
    left_out += "\n  " + type + ": " + reason->second;
  }
  for (const auto& [type, reason] : LiquibaseCannotOnSqlite())
    EXPECT_FALSE(both.change_types.count(type)) << type << " is covered; drop its reason";
  printf("[sqlite] change types covered by the two SQLite interop runs: %zu of %zu; out of "
         "Liquibase 4.28's reach on SQLite:%s\n",
         both.change_types.size(), CoreChangeTypes().size(), left_out.c_str());
  fflush(stdout);
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
