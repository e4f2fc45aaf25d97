// Liquibase Pro triggers on a real SQLite file: createTrigger and
// dropTrigger run through the strata binary, the trigger fires, rollback
// removes it; what SQLite has not (enable/disable/rename trigger,
// functions, check constraints by ALTER) fails before anything runs.
#include "e2e_scenarios.h"

namespace strata::test {
namespace {

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
        - createTable:
            tableName: audit
            columns:
              - column: {name: post_id, type: int}
        - tagDatabase: {tag: base}
)y";

TEST(ProChangeTypesSqlite, TriggersApplyFireAndRollBack) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/t.db";
  WriteFile(dir, "c.yaml", kSetup);
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> before = Schema(url);

  WriteFile(dir, "trg.sql",
            "CREATE TRIGGER posts_audit AFTER INSERT ON posts\n"
            "BEGIN\n  INSERT INTO audit (post_id) VALUES (NEW.id);\nEND;\n");
  WriteFile(dir, "c.yaml", std::string(kSetup) + R"y(
  - changeSet: {id: trg, author: t, changes: [{createTrigger: {triggerName: posts_audit, tableName: posts, path: trg.sql, relativeToChangelogFile: true}}]}
  - changeSet: {id: data, author: t, changes: [{sql: "INSERT INTO posts (id, title) VALUES (5, 'x')"}], rollback: "DELETE FROM posts"}
)y");
  r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(url);
  EXPECT_EQ(QueryLines(*c, "SELECT post_id FROM audit"), (std::vector<std::string>{"5|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT name FROM sqlite_master WHERE type = 'trigger'"),
            (std::vector<std::string>{"posts_audit|"}));

  // Automatic rollback: createTrigger -> dropTrigger.
  CmdResult sql = RunStrata(Args(url, "c.yaml", {"rollback-sql", "--tag=base"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_NE(sql.out.find("DROP TRIGGER posts_audit;"), std::string::npos) << sql.out;
  r = RunStrata(Args(url, "c.yaml", {"rollback", "--tag=base"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Schema(url), before);
}

TEST(ProChangeTypesSqlite, DropTriggerDropsIt) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/t.db";
  WriteFile(dir, "c.yaml", std::string(kSetup) + R"y(
  - changeSet:
      id: trg
      author: t
      changes:
        - createTrigger:
            triggerName: posts_audit
            triggerBody: "CREATE TRIGGER posts_audit AFTER INSERT ON posts BEGIN INSERT INTO audit (post_id) VALUES (NEW.id); END"
  - changeSet: {id: drop, author: t, changes: [{dropTrigger: {triggerName: posts_audit}}]}
)y");
  CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(url);
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"),
            (std::vector<std::string>{"0|"}));
  r = RunStrata(Args(url, "c.yaml", {"rollback-count", "--count=1"}), dir);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("No inverse to "
                       "com.datical.liquibase.ext.storedlogic.trigger.change.DropTriggerChange"),
            std::string::npos)
      << r.err;
}

TEST(ProChangeTypesSqlite, WhatSqliteHasNotFailsBeforeAnythingRuns) {
  const char* cases[][2] = {
      {"{enableTrigger: {triggerName: tr, tableName: posts}}",
       "enableTrigger is not supported on SQLite: the engine cannot enable or disable a trigger"},
      {"{disableTrigger: {triggerName: tr, tableName: posts}}",
       "disableTrigger is not supported on SQLite"},
      {"{renameTrigger: {oldTriggerName: tr, newTriggerName: tr2, tableName: posts}}",
       "renameTrigger is not supported on SQLite: the engine cannot rename a trigger"},
      {"{createFunction: {functionName: f, functionBody: x}}",
       "createFunction is not supported on SQLite: the engine has no stored functions"},
      {"{addCheckConstraint: {tableName: posts, constraintName: c, constraintBody: id > 0}}",
       "addCheckConstraint is not supported on SQLite: a check constraint cannot be added to an "
       "existing table"},
      {"{createCompositeType: {typeName: t, typeAttributes: [{typeAttribute: {name: a, type: "
       "int}}]}}",
       "createCompositeType is not supported on SQLite: the engine has no composite types"},
  };
  for (const auto& [change, message] : cases) {
    std::string dir = TempDir();
    std::string url = "sqlite:" + dir + "/t.db";
    WriteFile(dir, "c.yaml", std::string(kSetup) +
                                 "  - changeSet: {id: x, author: t, changes: [" + change + "]}\n");
    CmdResult r = RunStrata(Args(url, "c.yaml", {"update"}), dir);
    EXPECT_NE(r.exit_code, 0) << change;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("c.yaml:16:"), std::string::npos) << r.err;
    EXPECT_FALSE(HasTable(url, "posts")) << change;
  }
}

}  // namespace
}  // namespace strata::test
