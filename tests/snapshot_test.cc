// Reading Liquibase's JSON snapshots. The files under tests/data/snapshot/
// were written by `liquibase snapshot --snapshot-format=json` (4.28.1)
// against PostgreSQL 15: the conformance harness's fixture database, and a
// small database with a foreign key, a default and a numeric(10,2).
#include "strata/snapshot.h"

#include <gtest/gtest.h>

#include <string>

namespace strata {
namespace {

std::string Data(const std::string& name) {
  return std::string(STRATA_SOURCE_DIR) + "/tests/data/snapshot/" + name;
}

const SnapshotTable* FindTable(const DatabaseSnapshot& s, const std::string& name) {
  for (const SnapshotTable& t : s.tables)
    if (t.name == name) return &t;
  return nullptr;
}

TEST(Snapshot, ReadsTheHarnessFixtureDatabase) {
  Result<DatabaseSnapshot> s = LoadSnapshotFile(Data("postgresql-harness-fixtures.json"));
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->database, "postgresql");
  ASSERT_EQ(s->tables.size(), 2u);
  const SnapshotTable* authors = FindTable(*s, "authors");
  ASSERT_NE(authors, nullptr);
  EXPECT_EQ(authors->schema, "public");
  std::vector<std::string> names, types;
  for (const SnapshotColumn& c : authors->columns) {
    names.push_back(c.name);
    types.push_back(c.type);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"id", "first_name", "last_name", "email",
                                             "birthdate", "added"}));
  EXPECT_EQ(types, (std::vector<std::string>{"serial", "varchar(50)", "varchar(50)",
                                             "varchar(100)", "date", "timestamp"}));
  EXPECT_EQ(authors->columns[5].jdbc_type, 93);  // TIMESTAMP
  EXPECT_EQ(authors->columns[5].default_value, "CURRENT_TIMESTAMP");
  EXPECT_TRUE(authors->columns[5].default_is_function);
  EXPECT_FALSE(authors->columns[5].nullable);
  EXPECT_EQ(authors->primary_key_name, "authors_pkey");
  EXPECT_EQ(authors->primary_key, std::vector<std::string>{"id"});
  const SnapshotTable* posts = FindTable(*s, "posts");
  ASSERT_NE(posts, nullptr);
  EXPECT_TRUE(posts->foreign_keys.empty());
  EXPECT_FALSE(posts->primary_key_name.has_value());
}

TEST(Snapshot, ReadsForeignKeysDefaultsAndSizes) {
  Result<DatabaseSnapshot> s = LoadSnapshotFile(Data("postgresql-fk.json"));
  ASSERT_TRUE(s.ok()) << s.status().message();
  const SnapshotTable* p = FindTable(*s, "p");
  const SnapshotTable* c = FindTable(*s, "c");
  ASSERT_NE(p, nullptr);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(p->columns[1].type, "varchar(20)");
  EXPECT_EQ(p->columns[1].default_value, "x");
  EXPECT_FALSE(p->columns[1].default_is_function);
  EXPECT_EQ(p->columns[2].type, "numeric(10, 2)");
  ASSERT_EQ(c->foreign_keys.size(), 1u);
  const SnapshotForeignKey& fk = c->foreign_keys[0];
  EXPECT_EQ(fk.name, "fk_c_p");
  EXPECT_EQ(fk.columns, std::vector<std::string>{"pid"});
  EXPECT_EQ(fk.referenced_table, "p");
  EXPECT_EQ(fk.referenced_schema, "public");
  EXPECT_EQ(fk.referenced_columns, std::vector<std::string>{"id"});
}

TEST(Snapshot, BadFilesAreClearErrors) {
  Result<DatabaseSnapshot> r = LoadSnapshotFile(Data("no-such.json"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no-such.json cannot be read"), std::string::npos);

  r = LoadSnapshotText("{\"tables\": []}", "x.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "snapshot x.json: not a Liquibase JSON snapshot (no snapshot.objects)");

  r = LoadSnapshotText("{\"snapshot\": {\"objects\": {\n  \"a\": [ }", "y.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("snapshot y.json:2:", 0), 0u) << r.status().message();

  r = LoadSnapshotText(R"({"snapshot": {"objects": {"liquibase.structure.core.Table": [
      {"table": {"name": "t", "columns": ["liquibase.structure.core.Column#nope"], "snapshotId": "1"}}]}}})",
                       "z.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "snapshot z.json: table t names a column that is not in the file");
}

}  // namespace
}  // namespace strata
