// Rendering of the Liquibase Pro change types: the rules the harness data
// does not pin down (qualification of bodies, replaceIfExists, errors).
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "strata/dialect.h"
#include "strata/render.h"

namespace strata {
namespace {

std::string Render(const Change& c, const Dialect& d,
                   std::optional<std::string> schema = std::nullopt) {
  RenderOptions o;
  o.dialect = &d;
  o.default_schema = schema;
  std::vector<Statement> out;
  Status s = RenderChange(c, o, &out);
  if (!s.ok()) return "ERROR: " + s.message();
  std::string joined;
  for (const Statement& st : out) joined += (joined.empty() ? "" : "\n") + st.sql;
  return joined;
}

TEST(RenderPro, PostgresQualifiesTheFunctionNameOnlyWhenUnqualified) {
  CreateFunction f;
  f.function_name = "f";
  f.function_body = "create function F(x int) returns int as $$ select x $$ language sql";
  EXPECT_EQ(Render(f, PostgresDialect(), "app"),
            "create function app.F(x int) returns int as $$ select x $$ language sql");
  f.function_body = "CREATE FUNCTION other.f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql";
  EXPECT_EQ(Render(f, PostgresDialect(), "app"), *f.function_body);
  // A longer name that starts with the function's is not the function.
  f.function_body = "CREATE FUNCTION f2() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql";
  EXPECT_EQ(Render(f, PostgresDialect(), "app"), *f.function_body);
  // No schema known: the text as written.
  f.function_body = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql";
  EXPECT_EQ(Render(f, PostgresDialect()), *f.function_body);
  // MySQL leaves the body alone.
  EXPECT_EQ(Render(f, MysqlDialect(), "lbcat"), *f.function_body);
}

TEST(RenderPro, ReplaceIfExistsDropsFirst) {
  CreateFunction f;
  f.function_name = "f";
  f.replace_if_exists = true;
  f.function_body = "CREATE FUNCTION f() RETURNS INT RETURN 1";
  EXPECT_EQ(Render(f, MysqlDialect(), "lbcat"),
            "DROP FUNCTION IF EXISTS f\nCREATE FUNCTION f() RETURNS INT RETURN 1");
  f.schema_name = "s";
  EXPECT_EQ(Render(f, MysqlDialect(), "lbcat"),
            "DROP FUNCTION IF EXISTS s.f\nCREATE FUNCTION f() RETURNS INT RETURN 1");

  CreateTrigger t;
  t.trigger_name = "tr";
  t.table_name = "posts";
  t.replace_if_exists = true;
  t.disabled = true;
  t.trigger_body = "CREATE TRIGGER tr BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION f()";
  EXPECT_EQ(Render(t, PostgresDialect(), "public"),
            "DROP TRIGGER IF EXISTS tr ON public.posts\n"
            "CREATE TRIGGER tr BEFORE INSERT ON public.posts FOR EACH ROW EXECUTE FUNCTION f()\n"
            "ALTER TABLE public.posts  DISABLE TRIGGER tr");
  t.table_name.reset();
  EXPECT_EQ(Render(t, PostgresDialect()),
            "ERROR: createTrigger: tableName is required on PostgreSQL with replaceIfExists or "
            "disabled");
  EXPECT_EQ(Render(t, MysqlDialect()),
            "ERROR: createTrigger is not supported on MySQL: the engine cannot create a disabled "
            "trigger");
}

TEST(RenderPro, CompositeTypeAttributesAreCheckedAndCollationsQuoted) {
  CreateCompositeType c;
  c.type_name = "Pair";
  TypeAttribute a;
  a.name = "a";
  a.type = "numeric(10, 2)";
  a.collation = "C";
  c.type_attributes = {a};
  EXPECT_EQ(Render(c, PostgresDialect()),
            "CREATE TYPE \"Pair\" AS (a numeric(10, 2) COLLATE \"C\")");
  c.type_attributes[0].type = "int); DROP TABLE x; --";
  EXPECT_EQ(Render(c, PostgresDialect()),
            "ERROR: createCompositeType: type 'int); DROP TABLE x; --' is not a type name");
  DropCompositeType d;
  d.type_name = "t";
  d.on_delete = "sideways";
  EXPECT_EQ(Render(d, PostgresDialect()),
            "ERROR: dropCompositeType: onDelete must be CASCADE or RESTRICT (got 'sideways')");
  ChangeCompositeTypeOwner o;
  o.type_name = "t";
  o.new_owner = "Alice";
  EXPECT_EQ(Render(o, PostgresDialect()), "ALTER TYPE t OWNER TO \"Alice\"");
  o.new_owner = "current_user";
  EXPECT_EQ(Render(o, PostgresDialect()), "ALTER TYPE t OWNER TO CURRENT_USER");
}

TEST(RenderPro, DbmsFiltersStoredLogic) {
  CreatePackage p;
  p.package_name = "p";
  p.package_text = "create view v as select 1";
  p.dbms = "oracle";
  EXPECT_EQ(Render(p, SqliteDialect()), "");
  p.dbms = "sqlite";
  EXPECT_EQ(Render(p, SqliteDialect()), "create view v as select 1");
}

TEST(RenderPro, AutomaticRollbacks) {
  ChangeSet cs;
  cs.id = "1";
  cs.author = "a";
  cs.file_path = "c.yaml";
  AddCheckConstraint ck;
  ck.table_name = "t";
  ck.constraint_name = "c";
  ck.constraint_body = "x > 0";
  RenameTrigger rt;
  rt.table_name = "t";
  rt.old_trigger_name = "a";
  rt.new_trigger_name = "b";
  EnableTrigger en;
  en.trigger_name = "b";
  en.table_name = "t";
  cs.changes = {ck, rt, en};
  auto inv = RollbackChanges(cs);
  ASSERT_TRUE(inv.ok()) << inv.status().message();
  std::string sql;
  for (const Change& c : *inv) sql += Render(c, PostgresDialect()) + "\n";
  EXPECT_EQ(sql,
            "ALTER TABLE t  DISABLE TRIGGER b\n"
            "ALTER TRIGGER b ON t RENAME TO a\n"
            "ALTER TABLE t DROP CONSTRAINT c\n");
  cs.changes = {ChangeCompositeTypeOwner{}};
  inv = RollbackChanges(cs);
  ASSERT_FALSE(inv.ok());
  EXPECT_NE(inv.status().message().find("No inverse to "), std::string::npos);
}

}  // namespace
}  // namespace strata
