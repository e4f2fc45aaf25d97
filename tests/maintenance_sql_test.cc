// SQL of the maintenance commands (plan stage): clear-checksums, the
// checksum refresh update runs after it, and drop-all's DROP statements.
#include <gtest/gtest.h>

#include "strata/checksum.h"
#include "strata/dialect.h"
#include "strata/plan.h"

namespace strata {
namespace {

PlanContext Ctx(const Dialect& d) {
  PlanContext ctx;
  ctx.dialect = &d;
  ctx.render.dialect = &d;
  ctx.tables = DefaultTrackingTables(d);
  return ctx;
}

ChangeSet Tagged(std::string id, std::string author, std::string tag) {
  ChangeSet cs;
  cs.id = std::move(id);
  cs.author = std::move(author);
  cs.file_path = "db/changelog.yaml";
  TagDatabase t;
  t.tag = std::move(tag);
  cs.changes.push_back(t);
  return cs;
}

TEST(MaintenanceSql, ClearChecksums) {
  EXPECT_EQ(ClearChecksumsSql(Ctx(PostgresDialect())),
            "UPDATE databasechangelog SET MD5SUM = NULL");
  PlanContext app = Ctx(PostgresDialect());
  app.tables.schema = "app";
  EXPECT_EQ(ClearChecksumsSql(app), "UPDATE app.databasechangelog SET MD5SUM = NULL");
  EXPECT_EQ(ClearChecksumsSql(Ctx(SqliteDialect())),
            "UPDATE DATABASECHANGELOG SET MD5SUM = NULL");
}

// Only NULL sums of changesets still in the changelog are refreshed, with
// the changeset's own spelling in the WHERE clause (the row matched
// case-insensitively); the sum is the v9 sum update would store
// (9:38bb... is Liquibase's for tagDatabase v1.0, reference §4.5).
TEST(MaintenanceSql, NullChecksumRefresh) {
  DatabaseChangeLog log;
  log.changesets.push_back(Tagged("1", "Alice", "v1.0"));
  log.changesets.push_back(Tagged("2", "bob", "v2"));
  log.changesets.push_back(Tagged("3", "o'neil", "v3"));
  std::vector<HistoryRow> rows(4);
  rows[0].id = "1";
  rows[0].author = "alice";  // case differs from the changelog
  rows[0].filename = "db/changelog.yaml";
  rows[1].id = "2";
  rows[1].author = "bob";
  rows[1].filename = "db/changelog.yaml";
  rows[1].md5sum = "9:0123";  // not cleared: left alone
  rows[2].id = "3";
  rows[2].author = "o'neil";
  rows[2].filename = "db/changelog.yaml";
  rows[3].id = "gone";
  rows[3].author = "x";
  rows[3].filename = "other.yaml";  // no changeset: left NULL
  History history(rows);
  auto refresh = PlanNullChecksumRefresh(log, history, Ctx(PostgresDialect()));
  ASSERT_EQ(refresh.size(), 2u);
  EXPECT_EQ(refresh[0].checksum, "9:38bb4793a6a4fbb48375b4027cd6f472");
  EXPECT_EQ(refresh[0].statement.sql,
            "UPDATE databasechangelog SET MD5SUM = '9:38bb4793a6a4fbb48375b4027cd6f472' "
            "WHERE ID = '1' AND AUTHOR = 'Alice' AND FILENAME = 'db/changelog.yaml'");
  EXPECT_EQ(refresh[1].row, &history.rows()[2]);
  EXPECT_NE(refresh[1].statement.sql.find("AUTHOR = 'o''neil'"), std::string::npos)
      << refresh[1].statement.sql;
  EXPECT_TRUE(PlanNullChecksumRefresh(log, History(), Ctx(PostgresDialect())).empty());
}

// Views first, then tables (CASCADE on PostgreSQL), sequences, routines
// with their argument list, domains, types; every name through the writer.
TEST(MaintenanceSql, DropObjectsInDependencyOrder) {
  using K = SchemaObject::Kind;
  auto obj = [](K kind, std::string name, std::string args = "") {
    SchemaObject o;
    o.kind = kind;
    o.schema = "public";
    o.name = std::move(name);
    o.arguments = std::move(args);
    return o;
  };
  std::vector<SchemaObject> objects = {
      obj(K::kType, "mood"),       obj(K::kTable, "Person"),
      obj(K::kFunction, "f1", "a integer, b text"),
      obj(K::kSequence, "s1"),     obj(K::kView, "v1"),
      obj(K::kDomain, "posint"),   obj(K::kMaterializedView, "mv"),
      obj(K::kProcedure, "p1")};
  std::vector<std::string> sql;
  for (const Statement& s : DropObjectsSql(objects, Ctx(PostgresDialect()))) sql.push_back(s.sql);
  EXPECT_EQ(sql, (std::vector<std::string>{
                     "DROP VIEW IF EXISTS public.v1 CASCADE",
                     "DROP MATERIALIZED VIEW IF EXISTS public.mv CASCADE",
                     "DROP TABLE IF EXISTS public.\"Person\" CASCADE",
                     "DROP SEQUENCE IF EXISTS public.s1 CASCADE",
                     "DROP FUNCTION IF EXISTS public.f1(a integer, b text) CASCADE",
                     "DROP PROCEDURE IF EXISTS public.p1() CASCADE",
                     "DROP DOMAIN IF EXISTS public.posint CASCADE",
                     "DROP TYPE IF EXISTS public.mood CASCADE"}));

  SchemaObject t;
  t.name = "order";
  SchemaObject v;
  v.kind = K::kView;
  v.name = "v";
  sql.clear();
  for (const Statement& s : DropObjectsSql({t, v}, Ctx(SqliteDialect()))) sql.push_back(s.sql);
  EXPECT_EQ(sql, (std::vector<std::string>{"DROP VIEW IF EXISTS v",
                                           "DROP TABLE IF EXISTS \"order\""}));
}

}  // namespace
}  // namespace strata
