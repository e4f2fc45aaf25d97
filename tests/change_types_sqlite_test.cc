// The change types added for issue 3 on a real SQLite file: the ones SQLite
// can do are applied through the strata binary (and rolled back where
// Liquibase can); the others fail before anything runs, naming the change,
// its file:line:col and the reason.
#include "e2e_scenarios.h"

namespace strata::test {
namespace {

const char* kSetup = R"y(databaseChangeLog:
  - changeSet:
      id: setup
      author: t
      changes:
        - createTable:
            tableName: authors
            columns:
              - column: {name: id, type: int, constraints: {primaryKey: true}}
              - column: {name: first_name, type: varchar(20)}
              - column: {name: last_name, type: varchar(20)}
        - createTable:
            tableName: posts
            columns:
              - column: {name: id, type: int}
              - column: {name: title, type: varchar(20)}
              - column: {name: flag, type: boolean}
        - insert: {tableName: authors, columns: [{column: {name: id, valueNumeric: 1}}, {column: {name: first_name, value: Ada}}, {column: {name: last_name, value: Lovelace}}]}
        - tagDatabase: {tag: base}
)y";

TEST(ChangeTypesSqlite, SupportedTypesApplyAndRollBack) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/t.db";
  WriteFile(dir, "authors.csv", "id;first_name;last_name\n1;Adam;Gods\n7;Noah;Lamekhs\n");
  WriteFile(dir, "c.yaml", kSetup);
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> before = Schema(url);

  WriteFile(dir, "c.yaml", std::string(kSetup) + R"y(
  - changeSet: {id: upsert, author: t, changes: [{loadUpdateData: {tableName: authors, file: authors.csv, primaryKey: id, separator: ";"}}]}
  - changeSet: {id: hello, author: t, changes: [{output: {message: hi there}}]}
)y");
  r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("hi there"), std::string::npos) << r.err;
  auto c = Open(url);
  EXPECT_EQ(QueryLines(*c, "SELECT id, first_name, last_name FROM authors ORDER BY id"),
            (std::vector<std::string>{"1|Adam|Gods|", "7|Noah|Lamekhs|"}));
  r = RunStrata(Args(url, "c.yaml", {"rollback", "--tag=base"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Schema(url), before);
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM authors"), (std::vector<std::string>{"0|"}));
}

TEST(ChangeTypesSqlite, DataFilesAndMerges) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/t.db";
  WriteFile(dir, "posts.csv", "id,title,flag\n1,\"a, b\",true\n2,,false\n");
  WriteFile(dir, "f.sql", "insert into posts (id, title) values (3, '${t}');\n");
  WriteFile(dir, "c.yaml", std::string(kSetup) + R"y(
  - property: {name: t, value: three}
  - changeSet: {id: load, author: t, changes: [{loadData: {tableName: posts, file: posts.csv, columns: [{column: {name: id, type: NUMERIC}}, {column: {name: flag, type: BOOLEAN}}]}}]}
  - changeSet: {id: file, author: t, changes: [{sqlFile: {path: f.sql}}]}
  - changeSet: {id: merge, author: t, changes: [{mergeColumns: {tableName: authors, column1Name: first_name, column2Name: last_name, finalColumnName: full_name, finalColumnType: varchar(50), joinString: " "}}]}
  - changeSet: {id: procedure, author: t, changes: [{createProcedure: {dbms: postgresql, procedureText: "CREATE PROCEDURE p() LANGUAGE sql AS $$ $$"}}]}
)y");
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(url);
  EXPECT_EQ(QueryLines(*c, "SELECT id, title, flag FROM posts ORDER BY id"),
            (std::vector<std::string>{"1|a, b|1|", "2|NULL|0|", "3|three|NULL|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT full_name FROM authors"),
            (std::vector<std::string>{"Ada Lovelace|"}));
}

// dropAllForeignKeyConstraints of a table without foreign keys runs nothing,
// as in Liquibase 4.28 (which runs it on SQLite only then); with keys, the
// table is rebuilt without them (every_change_type.h).
TEST(ChangeTypesSqlite, DropAllForeignKeysOfATableWithoutAnyRunsNothing) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/t.db";
  WriteFile(dir, "c.yaml", std::string(kSetup) +
                               "  - changeSet: {id: dafk, author: t, changes: "
                               "[{dropAllForeignKeyConstraints: {baseTableName: posts}}]}\n");
  CmdResult sql = RunStrata(Args(url, "c.yaml", {"update-sql"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  std::string tail = sql.out.substr(sql.out.find("-- Changeset c.yaml::dafk::t"));
  for (const char* rebuild : {"CREATE TABLE", "DROP TABLE", "PRAGMA"})
    EXPECT_EQ(tail.find(rebuild), std::string::npos) << tail;
  EXPECT_NE(tail.find("INSERT INTO DATABASECHANGELOG"), std::string::npos) << tail;
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(QueryLines(*Open(url), "SELECT EXECTYPE FROM DATABASECHANGELOG WHERE ID = 'dafk'"),
            std::vector<std::string>{"EXECUTED|"});
}

TEST(ChangeTypesSqlite, UnsupportedTypesFailBeforeAnythingRuns) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/t.db";
  WriteFile(dir, "c.yaml", std::string(kSetup) + R"y(
  - changeSet:
      id: unsupported
      author: t
      changes:
        - addAutoIncrement: {tableName: posts, columnName: id}
        - addLookupTable: {existingTableName: posts, existingColumnName: title, newTableName: titles, newColumnName: title}
        - addPrimaryKey: {tableName: posts, columnNames: id}
        - dropPrimaryKey: {tableName: authors}
        - dropAllForeignKeyConstraints: {baseTableName: posts}
        - createSequence: {sequenceName: s}
        - alterSequence: {sequenceName: s, incrementBy: 2}
        - dropSequence: {sequenceName: s}
        - renameSequence: {oldSequenceName: s, newSequenceName: s2}
        - createProcedure: {procedureText: "select 1"}
        - dropProcedure: {procedureName: p}
        - renameView: {oldViewName: v, newViewName: w}
        - modifyDataType: {tableName: posts, columnName: id, newDataType: bigint}
        - setColumnRemarks: {tableName: posts, columnName: id, remarks: r}
        - setTableRemarks: {tableName: posts, remarks: r}
)y");
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  // addPrimaryKey, dropPrimaryKey, modifyDataType and
  // dropAllForeignKeyConstraints rebuild the table
  // (sqlite_rebuild_sqlite_test.cc, every_change_type.h); addAutoIncrement
  // needs posts.id to be its primary key first.
  for (auto [line, name] : std::vector<std::pair<int, const char*>>{
           {25, "addAutoIncrement"}, {26, "addLookupTable"},
           {33, "renameSequence"},
           {34, "createProcedure"}, {35, "dropProcedure"}, {36, "renameView"},
           {38, "setColumnRemarks"}, {39, "setTableRemarks"}}) {
    std::string expected =
        "c.yaml:" + std::to_string(line) + ":11: " + name + " is not supported on SQLite: ";
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  }
  // createSequence, alterSequence and dropSequence run nothing, with a
  // warning, as in Liquibase 4.28 (every_change_type.h).
  for (const char* name : {"addPrimaryKey", "dropPrimaryKey", "modifyDataType",
                           "dropAllForeignKeyConstraints", "createSequence", "alterSequence",
                           "dropSequence"})
    EXPECT_EQ(r.err.find(std::string(name) + " is not supported"), std::string::npos) << r.err;
  EXPECT_FALSE(HasTable(url, "authors"));  // nothing ran, not even setup
}

}  // namespace
}  // namespace strata::test
