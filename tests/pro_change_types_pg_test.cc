// The Liquibase Pro change types PostgreSQL has (check constraints,
// functions, triggers, composite types), applied through the strata binary
// on the real PostgreSQL server, their effect checked, rolled back, and the
// schema (with triggers, functions and types) compared with the one before.
#include <algorithm>

#include "e2e_scenarios.h"

namespace strata::test {
namespace {

// Schema() plus what the Pro types create: functions, triggers (with their
// enabled state) and composite types with their attributes.
std::vector<std::string> ProSchema(const std::string& url) {
  std::vector<std::string> lines = Schema(url);
  auto c = Open(url);
  for (const auto& l : QueryLines(*c,
           "SELECT p.proname, pg_get_function_identity_arguments(p.oid) FROM pg_proc p "
           "WHERE p.pronamespace = current_schema()::regnamespace ORDER BY 1, 2"))
    lines.push_back("function " + l);
  for (const auto& l : QueryLines(*c,
           "SELECT tgrelid::regclass::text, tgname, tgenabled FROM pg_trigger "
           "WHERE NOT tgisinternal ORDER BY 1, 2"))
    lines.push_back("trigger " + l);
  for (const auto& l : QueryLines(*c,
           "SELECT t.typname, a.attname, format_type(a.atttypid, a.atttypmod), "
           "coalesce(co.collname, '') FROM pg_type t JOIN pg_class r ON r.oid = t.typrelid "
           "JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped "
           "LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100 "
           "WHERE t.typtype = 'c' AND r.relkind = 'c' "
           "AND t.typnamespace = current_schema()::regnamespace ORDER BY 1, a.attnum"))
    lines.push_back("type " + l);
  return lines;
}

const char* kSetup = R"y(databaseChangeLog:
  - changeSet:
      id: setup
      author: t
      changes:
        - createTable:
            tableName: posts
            columns:
              - column: {name: id, type: int}
              - column: {name: title, type: varchar(20)}
              - column: {name: touched, type: int}
        - tagDatabase: {tag: base}
)y";

// Every invertible Pro type PostgreSQL has, in the order a user would write
// them; each changeset relies on automatic rollback.
const char* kPro = R"y(
  - changeSet: {id: check, author: t, changes: [{addCheckConstraint: {tableName: posts, constraintName: positive_id, constraintBody: "id > 0"}}]}
  - changeSet:
      id: fn
      author: t
      changes:
        - createFunction:
            functionName: touch
            functionBody: |
              CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
              BEGIN
                NEW.touched := coalesce(NEW.touched, 0) + 1;
                RETURN NEW;
              END;
              $$ LANGUAGE plpgsql;
  - changeSet:
      id: trg
      author: t
      changes:
        - createTrigger:
            triggerName: posts_touch
            tableName: posts
            triggerBody: "CREATE TRIGGER posts_touch BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION touch();"
  - changeSet: {id: trg_off, author: t, changes: [{disableTrigger: {triggerName: posts_touch, tableName: posts}}]}
  - changeSet: {id: trg_on, author: t, changes: [{enableTrigger: {triggerName: posts_touch, tableName: posts}}]}
  - changeSet: {id: trg_rename, author: t, changes: [{renameTrigger: {oldTriggerName: posts_touch, newTriggerName: posts_touch2, tableName: posts}}]}
  - changeSet:
      id: type
      author: t
      changes:
        - createCompositeType:
            typeName: Point3
            typeAttributes:
              - typeAttribute: {name: x, type: int}
              - typeAttribute: {name: Label, type: text, collation: C}
  - changeSet: {id: type_rename, author: t, changes: [{renameCompositeType: {oldTypeName: Point3, newTypeName: point_3d}}]}
  - changeSet: {id: attr_rename, author: t, changes: [{renameCompositeTypeAttribute: {typeName: point_3d, oldAttributeName: x, newAttributeName: x_pos}}]}
)y";

TEST(ProChangeTypesPg, InvertibleTypesApplyWorkAndRollBackToTheSameSchema) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", kSetup);
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> before = ProSchema(url);

  WriteFile(dir, "c.yaml", std::string(kSetup) + kPro);
  r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(url);
  // The trigger fires (re-enabled after the disable) under its new name.
  EXPECT_EQ(QueryLines(*c, "INSERT INTO posts (id, title) VALUES (1, 'a') RETURNING touched"),
            (std::vector<std::string>{"1|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal"),
            (std::vector<std::string>{"posts_touch2|O|"}));
  // The check constraint rejects a row.
  std::vector<Row> rows;
  Status rejected = c->Query("INSERT INTO posts (id) VALUES (-1)", &rows);
  EXPECT_FALSE(rejected.ok());
  EXPECT_NE(rejected.message().find("positive_id"), std::string::npos) << rejected.message();
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM posts WHERE id < 0"),
            (std::vector<std::string>{"0|"}));
  // The composite type, renamed, with its renamed attribute and collation.
  EXPECT_EQ(QueryLines(*c, "SELECT (ROW(3, 'p')::point_3d).x_pos"),
            (std::vector<std::string>{"3|"}));
  std::vector<std::string> after = ProSchema(url);
  EXPECT_NE(std::find(after.begin(), after.end(), "type point_3d|Label|text|C|"), after.end());
  EXPECT_NE(after, before);

  r = RunStrata(Args(url, "c.yaml", {"rollback", "--tag=base"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ProSchema(url), before);
}

TEST(ProChangeTypesPg, NonInvertibleTypesApplyAndSayWhyTheyCannotRollBack) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  std::string log = std::string(kSetup) + R"y(
  - changeSet: {id: check, author: t, changes: [{addCheckConstraint: {tableName: posts, constraintName: ck_title, constraintBody: "title <> ''", validate: false}}]}
  - changeSet: {id: check_drop, author: t, changes: [{dropCheckConstraint: {tableName: posts, constraintName: ck_title}}]}
  - changeSet:
      id: fn
      author: t
      changes:
        - createFunction: {functionName: one, path: one.sql, relativeToChangelogFile: true}
  - changeSet: {id: fn_drop, author: t, changes: [{sql: "SELECT 1"}, {dropFunction: {functionName: one}}]}
  - changeSet:
      id: types
      author: t
      changes:
        - createCompositeType:
            typeName: pair
            typeAttributes: [{typeAttribute: {name: a, type: int}}, {typeAttribute: {name: b, type: int}}]
        - alterCompositeTypeAttributes:
            typeName: pair
            addAttributes: [{addAttribute: {name: c, type: text}}]
            alterAttributes: [{alterAttribute: {name: a, newType: bigint}}]
            dropAttributes: [{dropAttribute: {name: b, ifExists: true}}]
        - changeCompositeTypeOwner: {typeName: pair, newOwner: CURRENT_USER}
  - changeSet: {id: types_drop, author: t, changes: [{dropCompositeType: {typeName: pair, ifExists: true, onDelete: CASCADE}}]}
)y";
  WriteFile(dir, "one.sql", "CREATE FUNCTION one() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;");
  WriteFile(dir, "c.yaml", log);
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update-sql"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ALTER TABLE posts ADD CONSTRAINT ck_title CHECK (title <> '') NOT VALID;"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("ALTER TYPE pair ADD ATTRIBUTE c text, ALTER ATTRIBUTE a SET DATA TYPE "
                       "bigint, DROP ATTRIBUTE IF EXISTS b;"),
            std::string::npos)
      << r.out;
  r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> schema = ProSchema(url);
  for (const std::string& l : schema) {
    EXPECT_EQ(l.find("ck_title"), std::string::npos) << l;
    EXPECT_EQ(l.find("function one"), std::string::npos) << l;
    EXPECT_EQ(l.find("type pair"), std::string::npos) << l;
  }
  auto c = Open(url);
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM databasechangelog"),
            (std::vector<std::string>{"7|"}));

  r = RunStrata(Args(url, "c.yaml", {"rollback-count", "--count=1"}), dir);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("c.yaml::types_drop::t: No inverse to "
                       "com.datical.liquibase.ext.compositetype.change.DropCompositeTypeChange "
                       "created"),
            std::string::npos)
      << r.err;
}

// What PostgreSQL cannot do is an error before anything runs.
TEST(ProChangeTypesPg, WhatPostgresqlHasNotFailsBeforeAnythingRuns) {
  STRATA_REQUIRE_PG(url);
  const char* cases[][2] = {
      {"{disableCheckConstraint: {tableName: posts, constraintName: c}}",
       "disableCheckConstraint is not supported on PostgreSQL"},
      {"{enableCheckConstraint: {tableName: posts, constraintName: c}}",
       "enableCheckConstraint is not supported on PostgreSQL"},
      {"{addCheckConstraint: {tableName: posts, constraintName: c, constraintBody: id > 0, "
       "disabled: true}}",
       "addCheckConstraint is not supported on PostgreSQL: the engine cannot create a disabled "
       "check constraint"},
      {"{createSynonym: {synonymName: s, objectName: posts}}",
       "createSynonym is not supported on PostgreSQL: the engine has no synonyms"},
      {"{dropPackage: {packageName: p}}",
       "dropPackage is not supported on PostgreSQL: the engine has no packages"},
  };
  for (const auto& [change, message] : cases) {
    std::string dir = TempDir();
    WriteFile(dir, "c.yaml", std::string(kSetup) +
                                 "  - changeSet: {id: x, author: t, changes: [" + change + "]}\n");
    CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
    EXPECT_NE(r.exit_code, 0) << change;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("c.yaml:13:"), std::string::npos) << r.err;
    EXPECT_FALSE(HasTable(url, "posts")) << change;
  }
}

}  // namespace
}  // namespace strata::test
