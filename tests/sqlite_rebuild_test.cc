// SQLite's table rebuild as rendered SQL, and the scratch catalog it reads
// table definitions from (src/render/rebuild.cc, src/exec/sqlite_catalog.cc).
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "strata/catalog.h"
#include "strata/dialect.h"
#include "strata/executor.h"
#include "strata/render.h"

namespace strata {
namespace {

SourceLocation Loc() {
  SourceLocation l;
  l.file = std::make_shared<const std::string>("c.yaml");
  l.line = 4;
  l.column = 11;
  return l;
}

std::unique_ptr<Catalog> CatalogWith(const std::vector<std::string>& ddl) {
  auto c = NewCatalog(SqliteDialect(), nullptr);
  EXPECT_TRUE(c.ok() && *c);
  for (const std::string& s : ddl) EXPECT_TRUE((*c)->Apply(s).ok()) << s;
  return std::move(*c);
}

Result<std::vector<Statement>> RenderWith(Change change, Catalog* catalog) {
  std::visit([](auto& x) { x.loc = Loc(); }, change);
  RenderOptions o;
  o.dialect = &SqliteDialect();
  o.catalog = catalog;
  std::vector<Statement> out;
  Status s = RenderChange(change, o, &out);
  if (!s.ok()) return s;
  return out;
}

std::string Text(const std::vector<Statement>& st) {
  std::string out;
  for (const Statement& s : st) out += s.sql + (s.kind == Statement::Kind::kCheck ? "  -- check\n" : "\n");
  return out;
}

const std::vector<std::string> kSchema = {
    "CREATE TABLE team (id INTEGER NOT NULL, CONSTRAINT PK_TEAM PRIMARY KEY (id))",
    "CREATE TABLE person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY AUTOINCREMENT NOT NULL, "
    "team_id INTEGER, email VARCHAR(255) COLLATE NOCASE NOT NULL, n INT DEFAULT (1 + 2), "
    "CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE "
    "DEFERRABLE INITIALLY DEFERRED, CONSTRAINT uq_email UNIQUE (email), "
    "CONSTRAINT ck_n CHECK (n > 0))",
    "CREATE INDEX ix_team ON person(team_id)",
    "CREATE TRIGGER tr AFTER INSERT ON person BEGIN SELECT 1; END",
};

TEST(SqliteCatalog, ReadsTheWholeDefinition) {
  auto catalog = CatalogWith(kSchema);
  auto t = catalog->Table(std::nullopt, "PERSON");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->name, "person");
  ASSERT_EQ(t->columns.size(), 4u);
  EXPECT_EQ(t->columns[0].primary_key, 1);
  EXPECT_TRUE(t->columns[0].autoincrement);
  EXPECT_EQ(t->primary_key_name, "PK_PERSON");
  EXPECT_EQ(t->columns[2].type, "VARCHAR(255)");
  EXPECT_TRUE(t->columns[2].not_null);
  EXPECT_EQ(t->columns[2].collation, "NOCASE");
  EXPECT_EQ(t->columns[3].default_sql, "1 + 2");
  ASSERT_EQ(t->foreign_keys.size(), 1u);
  const CatalogForeignKey& fk = t->foreign_keys[0];
  EXPECT_EQ(fk.name, "fk_person_team");
  EXPECT_EQ(fk.columns, std::vector<std::string>{"team_id"});
  EXPECT_EQ(fk.referenced_table, "team");
  EXPECT_EQ(fk.on_delete, "CASCADE");
  EXPECT_TRUE(fk.deferrable);
  EXPECT_TRUE(fk.initially_deferred);
  ASSERT_EQ(t->uniques.size(), 1u);
  EXPECT_EQ(t->uniques[0].name, "uq_email");
  ASSERT_EQ(t->checks.size(), 1u);
  EXPECT_EQ(t->checks[0].name, "ck_n");
  EXPECT_EQ(t->checks[0].expression_sql, "n > 0");
  ASSERT_EQ(t->indexes.size(), 1u);
  EXPECT_EQ(t->indexes[0].columns, std::vector<std::string>{"team_id"});
  ASSERT_EQ(t->triggers.size(), 1u);
  EXPECT_EQ(t->triggers[0].name, "tr");
  auto team = catalog->Table(std::nullopt, "team");
  ASSERT_TRUE(team.ok());
  EXPECT_EQ(team->referenced_by, std::vector<std::string>{"person"});
  EXPECT_EQ(catalog->Table(std::nullopt, "nope").status().code(), Status::Code::kNotFound);
}

TEST(SqliteRebuild, AddDefaultValueRebuildsWithEverythingKept) {
  auto catalog = CatalogWith(kSchema);
  AddDefaultValue c;
  c.table_name = "person";
  c.column_name = "team_id";
  c.default_value_numeric = "7";
  auto st = RenderWith(c, catalog.get());
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(Text(*st),
            "CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY "
            "AUTOINCREMENT NOT NULL, team_id INTEGER DEFAULT 7, email VARCHAR(255) COLLATE "
            "NOCASE NOT NULL, n INT DEFAULT (1 + 2), CONSTRAINT uq_email UNIQUE (email), "
            "CONSTRAINT fk_person_team FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE "
            "CASCADE DEFERRABLE INITIALLY DEFERRED, CONSTRAINT ck_n CHECK (n > 0))\n"
            "INSERT INTO strata_new_person (id, team_id, email, n) SELECT id, team_id, email, n "
            "FROM person\n"
            "DELETE FROM sqlite_sequence WHERE name = 'strata_new_person'\n"
            "INSERT INTO sqlite_sequence (name, seq) SELECT 'strata_new_person', seq FROM "
            "sqlite_sequence WHERE name = 'person'\n"
            "DROP TABLE person\n"
            "PRAGMA legacy_alter_table = ON\n"
            "ALTER TABLE strata_new_person RENAME TO person\n"
            "PRAGMA legacy_alter_table = OFF\n"
            "CREATE INDEX ix_team ON person(team_id)\n"
            "CREATE TRIGGER tr AFTER INSERT ON person BEGIN SELECT 1; END\n"
            "PRAGMA foreign_key_check(person)  -- check\n");
  for (const Statement& s : *st) EXPECT_TRUE(s.foreign_keys_off) << s.sql;
}

TEST(SqliteRebuild, ParentTableChecksItsChildren) {
  auto catalog = CatalogWith(kSchema);
  DropPrimaryKey c;
  c.table_name = "team";
  auto st = RenderWith(c, catalog.get());
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ((*st)[0].sql, "CREATE TABLE strata_new_team (id INTEGER NOT NULL)");
  EXPECT_EQ(st->back().sql, "PRAGMA foreign_key_check(person)");
  EXPECT_EQ(st->back().kind, Statement::Kind::kCheck);
}

TEST(SqliteRebuild, EachChangeEditsTheDefinition) {
  auto catalog = CatalogWith(kSchema);
  auto first = [&](Change c) {
    auto st = RenderWith(std::move(c), catalog.get());
    EXPECT_TRUE(st.ok()) << st.status().message();
    return st.ok() && !st->empty() ? (*st)[0].sql : std::string();
  };
  const std::string head =
      "CREATE TABLE strata_new_person (id INTEGER CONSTRAINT PK_PERSON PRIMARY KEY "
      "AUTOINCREMENT NOT NULL, ";
  DropDefaultValue ddv;
  ddv.table_name = "person";
  ddv.column_name = "N";
  EXPECT_NE(first(ddv).find(", n INT, "), std::string::npos) << first(ddv);
  AddNotNullConstraint nn;
  nn.table_name = "person";
  nn.column_name = "team_id";
  EXPECT_TRUE(first(nn).starts_with(head + "team_id INTEGER NOT NULL, ")) << first(nn);
  nn.default_null_value = "1";
  EXPECT_EQ(first(nn), "UPDATE person SET team_id = '1' WHERE team_id IS NULL");
  DropNotNullConstraint dnn;
  dnn.table_name = "person";
  dnn.column_name = "email";
  EXPECT_NE(first(dnn).find("email VARCHAR(255) COLLATE NOCASE, "), std::string::npos);
  DropForeignKeyConstraint dfk;
  dfk.base_table_name = "person";
  dfk.constraint_name = "FK_PERSON_TEAM";
  EXPECT_EQ(first(dfk).find("FOREIGN KEY"), std::string::npos) << first(dfk);
  AddForeignKeyConstraint fk;
  fk.base_table_name = "person";
  fk.base_column_names = "n";
  fk.constraint_name = "fk_n";
  fk.referenced_table_name = "team";
  fk.referenced_column_names = "id";
  fk.on_delete = "set null";
  EXPECT_NE(first(fk).find(", CONSTRAINT fk_n FOREIGN KEY (n) REFERENCES team(id) ON DELETE "
                           "SET NULL, CONSTRAINT ck_n"),
            std::string::npos)
      << first(fk);
  AddUniqueConstraint uq;
  uq.table_name = "person";
  uq.column_names = "team_id, n";
  uq.constraint_name = "uq2";
  EXPECT_NE(first(uq).find("CONSTRAINT uq_email UNIQUE (email), CONSTRAINT uq2 UNIQUE "
                           "(team_id, n), "),
            std::string::npos);
  DropUniqueConstraint du;
  du.table_name = "person";
  du.constraint_name = "uq_email";
  EXPECT_EQ(first(du).find("UNIQUE"), std::string::npos);
  ModifyDataType md;
  md.table_name = "person";
  md.column_name = "n";
  md.new_data_type = "bigint";
  EXPECT_NE(first(md).find(", n BIGINT DEFAULT (1 + 2), "), std::string::npos) << first(md);
  AddPrimaryKey pk;
  pk.table_name = "team";
  pk.column_names = "id";
  auto st = RenderWith(pk, catalog.get());
  EXPECT_NE(st.status().message().find("table 'team' already has a primary key"),
            std::string::npos);
}

TEST(SqliteRebuild, AddPrimaryKeyThenAutoIncrement) {
  auto catalog = CatalogWith({"CREATE TABLE t (id INT, v TEXT)"});
  AddPrimaryKey pk;
  pk.table_name = "t";
  pk.column_names = "id";
  pk.constraint_name = "pk_t";
  auto st = RenderWith(pk, catalog.get());
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ((*st)[0].sql,
            "CREATE TABLE strata_new_t (id INT NOT NULL, v TEXT, CONSTRAINT pk_t PRIMARY KEY (id))");
  for (const Statement& s : *st) {
    if (s.kind == Statement::Kind::kSql) {
      ASSERT_TRUE(catalog->Apply(s.sql).ok()) << s.sql;
    }
  }
  AddAutoIncrement ai;
  ai.table_name = "t";
  ai.column_name = "id";
  ai.start_with = Numeric{"100"};
  st = RenderWith(ai, catalog.get());
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ((*st)[0].sql,
            "CREATE TABLE strata_new_t (id INTEGER CONSTRAINT pk_t PRIMARY KEY AUTOINCREMENT "
            "NOT NULL, v TEXT)");
  EXPECT_EQ(st->back().sql,
            "INSERT INTO sqlite_sequence (name, seq) SELECT 't', max(100 - 1, "
            "coalesce(max(id), 0)) FROM t");
}

TEST(SqliteRebuild, DropColumnIsNativeUnlessTheColumnIsConstrained) {
  auto catalog = CatalogWith(kSchema);
  DropColumn plain;
  plain.table_name = "person";
  plain.column_name = "n";  // only in its own CHECK: that needs the rebuild too
  auto st = RenderWith(plain, catalog.get());
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ((*st)[0].sql.find("CHECK"), std::string::npos) << (*st)[0].sql;
  EXPECT_TRUE((*st)[0].sql.starts_with("CREATE TABLE strata_new_person"));

  auto simple = CatalogWith({"CREATE TABLE t (a INT, b INT)"});
  DropColumn b;
  b.table_name = "t";
  b.column_name = "b";
  st = RenderWith(b, simple.get());
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(Text(*st), "ALTER TABLE t DROP COLUMN b\n");

  DropColumn indexed;
  indexed.table_name = "person";
  indexed.column_name = "team_id";
  st = RenderWith(indexed, catalog.get());
  ASSERT_TRUE(st.ok()) << st.status().message();
  std::string sql = Text(*st);
  EXPECT_EQ(sql.find("FOREIGN KEY"), std::string::npos);  // the FK on it goes
  EXPECT_EQ(sql.find("ix_team"), std::string::npos);      // and its index
  EXPECT_NE(sql.find("CREATE TRIGGER tr"), std::string::npos);
  EXPECT_NE(sql.find("INSERT INTO strata_new_person (id, email, n) SELECT id, email, n"),
            std::string::npos);
}

TEST(SqliteRebuild, MergeColumnsCopiesTheNewColumn) {
  auto catalog = CatalogWith({"CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE, b TEXT)"});
  MergeColumns m;
  m.table_name = "t";
  m.column1_name = "a";
  m.column2_name = "b";
  m.final_column_name = "ab";
  m.final_column_type = "varchar(50)";
  m.join_string = " ";
  auto st = RenderWith(m, catalog.get());
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ((*st)[0].sql, "ALTER TABLE t ADD ab VARCHAR(50)");
  EXPECT_EQ((*st)[2].sql, "CREATE TABLE strata_new_t (id INTEGER, ab VARCHAR(50), PRIMARY KEY (id))");
  EXPECT_EQ((*st)[3].sql, "INSERT INTO strata_new_t (id, ab) SELECT id, ab FROM t");
}

TEST(SqliteRebuild, ErrorsNameTheTableAndTheChange) {
  auto catalog = CatalogWith(kSchema);
  AddDefaultValue c;
  c.table_name = "ghost";
  c.column_name = "x";
  c.default_value = "v";
  auto st = RenderWith(c, catalog.get());
  EXPECT_EQ(st.status().code(), Status::Code::kInvalidInput);
  EXPECT_TRUE(st.status().message().starts_with(
      "c.yaml:4:11: addDefaultValue: table 'ghost' is unknown to Strata; SQLite cannot make "
      "this change in place"))
      << st.status().message();
  st = RenderWith(c, nullptr);  // no catalog at all
  EXPECT_NE(st.status().message().find("table 'ghost' is unknown"), std::string::npos);

  c.table_name = "person";
  c.column_name = "nope";
  st = RenderWith(c, catalog.get());
  EXPECT_EQ(st.status().message(), "c.yaml:4:11: addDefaultValue: table 'person' has no column 'nope'");

  DropForeignKeyConstraint dfk;
  dfk.base_table_name = "person";
  dfk.constraint_name = "fk_x";
  st = RenderWith(dfk, catalog.get());
  EXPECT_EQ(st.status().message(),
            "c.yaml:4:11: dropForeignKeyConstraint: table 'person' has no foreign key named 'fk_x'");

  // A statement the scratch copy could not replay: later lookups say so
  // rather than answer from a schema that may be wrong.
  EXPECT_FALSE(catalog->Apply("ALTER TABLE ghost ADD c INT").ok());
  EXPECT_TRUE(catalog->Apply("INSERT INTO ghost VALUES (1)").ok() == false);
  c.column_name = "n";
  st = RenderWith(c, catalog.get());
  EXPECT_NE(st.status().message().find(
                "an earlier statement of the plan failed on a scratch copy of the schema "
                "(ALTER TABLE ghost ADD c INT: no such table: ghost)"),
            std::string::npos)
      << st.status().message();
}

TEST(SqliteCatalog, ReplayingNeverWritesFiles) {
  auto catalog = CatalogWith({"CREATE TABLE t (a INT)"});
  std::string path = ::testing::TempDir() + "/strata_catalog_vacuum.db";
  std::remove(path.c_str());
  EXPECT_FALSE(catalog->Apply("VACUUM INTO '" + path + "'").ok());
  EXPECT_FALSE(catalog->Apply("ATTACH '" + path + "' AS o").ok());
  std::FILE* f = std::fopen(path.c_str(), "r");
  EXPECT_EQ(f, nullptr);
  if (f) std::fclose(f);
}

}  // namespace
}  // namespace strata
