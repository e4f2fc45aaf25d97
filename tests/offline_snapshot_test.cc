// offline:<db>?snapshot=FILE end to end: Liquibase's JSON snapshot tells
// update-sql the column types loadData needs and the foreign keys
// dropAllForeignKeyConstraints drops.
#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace strata::test {
namespace {

std::string Snapshot(const std::string& name) {
  return std::string(STRATA_SOURCE_DIR) + "/tests/data/snapshot/" + name;
}

const char* kChangeLog = R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: t
      changes:
        - loadData: {tableName: p, file: p.csv, relativeToChangelogFile: true}
        - dropAllForeignKeyConstraints: {baseTableName: c}
)";

TEST(OfflineSnapshot, TypesLoadDataAndListsForeignKeys) {
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", kChangeLog);
  WriteFile(dir, "p.csv", "id,code,amount\n1,007,12.50\n");
  CmdResult r = RunStrata({"--changelog-file=c.yaml",
                           "--url=offline:postgresql?snapshot=" + Snapshot("postgresql-fk.json"),
                           "--default-schema-name=public", "update-sql"},
                          dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // id int4 and amount numeric(10,2) unquoted; code varchar keeps its zeros.
  EXPECT_NE(r.out.find("INSERT INTO public.p (id, code, amount) VALUES (1, '007', 12.50);"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("ALTER TABLE public.c DROP CONSTRAINT fk_c_p;"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("DO $$"), std::string::npos) << r.out;

  // Without the snapshot: Liquibase's offline quoting and PostgreSQL's DO block.
  r = RunStrata({"--changelog-file=c.yaml", "--url=offline:postgresql",
                 "--default-schema-name=public", "update-sql"},
                dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("VALUES ('1', '007', '12.50');"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("DO $$"), std::string::npos) << r.out;
}

TEST(OfflineSnapshot, MysqlNeedsTheSnapshotToDropAllForeignKeys) {
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: t
      changes:
        - dropAllForeignKeyConstraints: {baseTableName: c}
)");
  CmdResult r = RunStrata({"--changelog-file=c.yaml", "--url=offline:mysql", "update-sql"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("c.yaml:6:11: dropAllForeignKeyConstraints is not supported on MySQL: "
                       "the table's foreign keys must be known"),
            std::string::npos)
      << r.err;
}

TEST(OfflineSnapshot, SqliteStartsItsCatalogFromTheSnapshot) {
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: t
      changes:
        - loadData: {tableName: posts, file: p.csv, relativeToChangelogFile: true}
        - addDefaultValue: {tableName: posts, columnName: title, defaultValue: untitled}
)");
  WriteFile(dir, "p.csv", "id,author_id,title,description,content,inserted_date\n"
                          "6,1,T,D,C,2000-01-01T10:00:00\n");
  CmdResult r = RunStrata({"--changelog-file=c.yaml",
                           "--url=offline:sqlite?snapshot=" + Snapshot("sqlite-harness-fixtures.json"),
                           "update-sql"},
                          dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("VALUES (6, 1, 'T', 'D', 'C', '2000-01-01 10:00:00');"), std::string::npos)
      << r.out;
  // Typed from the snapshot (date: ISO T written as a space); the rebuild
  // knows the snapshot's table.
  EXPECT_NE(r.out.find("title varchar(255) DEFAULT 'untitled' NOT NULL"), std::string::npos)
      << r.out;
}

TEST(OfflineSnapshot, ABadSnapshotIsAClearError) {
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", kChangeLog);
  WriteFile(dir, "p.csv", "id\n1\n");
  WriteFile(dir, "s.json", R"({"snapshot": {"objects": {
    "liquibase.structure.core.Column": [{"column": {"name": "x", "snapshotId": "c1",
       "type": {"typeName": "int); DROP TABLE t; --"}}}],
    "liquibase.structure.core.Table": [{"table": {"name": "p", "snapshotId": "t1",
       "columns": ["liquibase.structure.core.Column#c1"]}}]}}})");
  CmdResult r = RunStrata(
      {"--changelog-file=c.yaml", "--url=offline:sqlite?snapshot=s.json", "update-sql"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("snapshot s.json: column p.x has type 'int); DROP TABLE t; --', which is "
                       "not a type name"),
            std::string::npos)
      << r.err;
  r = RunStrata(
      {"--changelog-file=c.yaml", "--url=offline:postgresql?snapshot=none.json", "update-sql"},
      dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("snapshot file none.json cannot be read"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace strata::test
