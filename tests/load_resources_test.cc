// Files referenced by changes (sqlFile, createProcedure/createView path,
// loadData/loadUpdateData CSV) are read at load time, resolved as Liquibase
// resolves them, and hashed as Liquibase hashes them. Expected checksums
// come from Liquibase 4.28 update-sql runs on the same files.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "strata/checksum.h"
#include "strata/load.h"
#include "test_util.h"

namespace strata {
namespace {

using test::TempDir;
using test::WriteFile;

std::vector<std::string> Errors(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.errors) out.push_back(d.ToString());
  return out;
}

LoadResult LoadIn(const std::string& dir, const std::string& file) {
  LoadOptions o;
  o.changelog_file = file;
  o.search_path = {dir};
  o.dbms = "postgresql";
  return LoadChangeLog(o);
}

const char* kOracleChangelog = R"(databaseChangeLog:
  - property: {name: tbl, value: gadgets}
  - changeSet: {id: cp2, author: t, changes: [{createProcedure: {path: p.sql, relativeToChangelogFile: true, comments: hi, dbms: postgresql}}]}
  - changeSet: {id: ld1, author: t, changes: [{loadData: {tableName: t, file: db/e.csv, separator: ";", columns: [{column: {name: id, type: NUMERIC}}, {column: {name: flag, type: BOOLEAN}}, {column: {name: born, type: DATE}}, {column: {index: 4, type: NUMERIC}}, {column: {name: skipme, type: SKIP}}]}}]}
  - changeSet: {id: ld2, author: t, changes: [{loadData: {tableName: t, file: d.csv, relativeToChangelogFile: true}}]}
  - changeSet: {id: lud2, author: t, changes: [{loadUpdateData: {tableName: t, file: db/e.csv, separator: ";", primaryKey: "id", onlyUpdate: true, columns: [{column: {name: id, type: NUMERIC}}]}}]}
  - changeSet: {id: sf1, author: t, changes: [{sqlFile: {path: f.sql, relativeToChangelogFile: true}}]}
  - changeSet: {id: cv, author: t, changes: [{createView: {viewName: v1, replaceIfExists: true, path: v.sql, relativeToChangelogFile: true}}]}
)";

std::string OracleDir() {
  std::string dir = TempDir();
  WriteFile(dir, "db/changelog.yaml", kOracleChangelog);
  WriteFile(dir, "db/p.sql",
            "CREATE OR REPLACE PROCEDURE p_${tbl}()\nLANGUAGE plpgsql\nAS $$\nBEGIN\nEND\n$$");
  WriteFile(dir, "db/e.csv",
            "id;name;flag;born;n;skipme\n1;\"a;b\";true;2020-01-02;;x\n# comment\n\n"
            "2;NULL;false;2021-02-03 04:05:06;3.5;y\n");
  WriteFile(dir, "db/d.csv", "id,name\n1,a\n");
  WriteFile(dir, "db/f.sql",
            "CREATE TABLE ${tbl} (\r\n  id int\r\n);\r\n-- trailing comment\r\n");
  WriteFile(dir, "db/v.sql", "select   id\n    from widgets");
  return dir;
}

TEST(LoadResources, ReadsFilesAndMatchesLiquibaseChecksums) {
  LoadResult r = LoadIn(OracleDir(), "db/changelog.yaml");
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  std::map<std::string, std::string> sums;
  for (const ChangeSet& cs : r.changelog.changesets)
    sums[cs.id] = ChangeSetChecksum(cs, "postgresql");
  EXPECT_EQ(sums["cp2"], "9:df690fbee3a31ea8a8fd3dc60f9b1540");
  EXPECT_EQ(sums["ld1"], "9:5b1831d281fef9de7d5d98893749f8eb");
  EXPECT_EQ(sums["ld2"], "9:7a79b7e0ff89f90b01b10d2377db310a");
  EXPECT_EQ(sums["lud2"], "9:5b1831d281fef9de7d5d98893749f8eb");
  EXPECT_EQ(sums["sf1"], "9:daa251b546f70f5b7f9686718927f5ad");
  EXPECT_EQ(sums["cv"], "9:a509a4b7af4d8acdaeadb6082087901e");

  const auto& cs = r.changelog.changesets;
  // createProcedure text is property-expanded; sqlFile keeps both forms.
  EXPECT_EQ(std::get<CreateProcedure>(cs[0].changes[0]).procedure_text,
            "CREATE OR REPLACE PROCEDURE p_gadgets()\nLANGUAGE plpgsql\nAS $$\nBEGIN\nEND\n$$");
  const auto& sf = std::get<SqlFile>(cs[4].changes[0]);
  EXPECT_EQ(sf.sql, "CREATE TABLE ${tbl} (\r\n  id int\r\n);\r\n-- trailing comment\r\n");
  EXPECT_EQ(sf.expanded_sql,
            "CREATE TABLE gadgets (\r\n  id int\r\n);\r\n-- trailing comment\r\n");
  const auto& ld = std::get<LoadData>(cs[1].changes[0]);
  ASSERT_EQ(ld.columns.size(), 5u);
  EXPECT_EQ(ld.columns[3].index, Numeric{"4"});
  EXPECT_EQ(ld.columns[4].type, "SKIP");
  EXPECT_EQ(ld.content.value_or("").substr(0, 6), "id;nam");
}

TEST(LoadResources, MissingFilesAreReportedAtTheChange) {
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: t
      changes:
        - sqlFile: {path: nope.sql}
        - loadData: {tableName: t, file: data/none.csv, relativeToChangelogFile: true}
        - createProcedure: {path: p.sql}
      rollback:
        - createView: {viewName: v, path: v.sql}
)");
  LoadResult r = LoadIn(dir, "c.yaml");
  EXPECT_EQ(Errors(r),
            (std::vector<std::string>{
                dir + "/c.yaml:6:11: error: sqlFile: file 'nope.sql' not found",
                dir + "/c.yaml:7:11: error: loadData: file 'data/none.csv' not found "
                      "(relative to " + dir + "/c.yaml)",
                dir + "/c.yaml:8:11: error: createProcedure: file 'p.sql' not found",
                dir + "/c.yaml:10:11: error: createView: file 'v.sql' not found"}));
}

TEST(LoadResources, JavaClassesCannotRun) {
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: t
      changes:
        - executeCommand: {executable: /bin/true, os: Linux, args: [{arg: {value: "-x"}}]}
        - customChange: {class: com.example.Foo}
        - createProcedure: {procedureName: p}
)");
  LoadResult r = LoadIn(dir, "c.yaml");
  EXPECT_EQ(Errors(r),
            (std::vector<std::string>{
                dir + "/c.yaml:7:11: error: customChange 'com.example.Foo' cannot run: it "
                      "needs a Java class, and Strata does not run Java",
                dir + "/c.yaml:8:11: error: createProcedure: missing required attribute "
                      "'procedureText' or 'path'"}));
}

}  // namespace
}  // namespace strata
