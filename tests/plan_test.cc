#include "strata/plan.h"

#include <gtest/gtest.h>

#include "strata/checksum.h"
#include "strata/dialect.h"

namespace strata {
namespace {

ChangeSet MakeChangeSet(std::string id, std::vector<Change> changes) {
  ChangeSet cs;
  cs.id = std::move(id);
  cs.author = "alice";
  cs.file_path = "db/changelog.yaml";
  cs.changes = std::move(changes);
  return cs;
}

Change Table(std::string name) {
  CreateTable t;
  t.table_name = std::move(name);
  ColumnConfig c;
  c.name = "id";
  c.type = "int";
  t.columns.push_back(c);
  return t;
}

Change Tag(std::string tag) {
  TagDatabase t;
  t.tag = std::move(tag);
  return t;
}

PlanContext Ctx() {
  PlanContext ctx;
  ctx.dialect = &PostgresDialect();
  ctx.render.dialect = ctx.dialect;
  ctx.deployment_id = "1234567890";
  ctx.changelog_table_exists = true;
  ctx.lock_table_exists = true;
  return ctx;
}

HistoryRow Ran(const ChangeSet& cs, int order, std::optional<std::string> tag = {}) {
  HistoryRow r;
  r.id = cs.id;
  r.author = cs.author;
  r.filename = cs.file_path;
  r.order_executed = order;
  r.exec_type = "EXECUTED";
  r.md5sum = ChangeSetChecksum(cs, "postgresql");
  r.description = Describe(cs);
  r.tag = std::move(tag);
  return r;
}

TEST(History, LooksUpIdentityCaseInsensitively) {
  ChangeSet cs = MakeChangeSet("One", {});
  History h({Ran(cs, 7)});
  EXPECT_NE(h.Find("one", "ALICE", "DB/Changelog.yaml"), nullptr);
  EXPECT_EQ(h.Find("two", "alice", "db/changelog.yaml"), nullptr);
  EXPECT_EQ(h.MaxOrderExecuted(), 7);
}

TEST(History, LooksUpIdentityByNormalizedPath) {
  // Rows written by Liquibase setups that stored the path differently.
  ChangeSet cs = MakeChangeSet("1", {});
  for (std::string stored : {"classpath:db/changelog.yaml", "/db/changelog.yaml",
                             "db\\changelog.yaml", "db/./inc/../changelog.yaml"}) {
    HistoryRow row = Ran(cs, 1);
    row.filename = stored;
    History h({row});
    EXPECT_NE(h.Find("1", "alice", "db/changelog.yaml"), nullptr) << stored;
    EXPECT_NE(h.Find("1", "alice", "classpath:/db/changelog.yaml"), nullptr) << stored;
    EXPECT_EQ(h.Find("1", "alice", "changelog.yaml"), nullptr) << stored;
  }
}

TEST(PlanUpdate, RunsOnlyPendingChangeSetsAndNumbersFromMaxPlusOne) {
  DatabaseChangeLog log;
  log.changesets.push_back(MakeChangeSet("1", {Table("a")}));
  log.changesets.push_back(MakeChangeSet("2", {Table("b")}));
  History h({Ran(log.changesets[0], 41)});
  auto plan = PlanUpdate(log, h, Ctx());
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  ASSERT_EQ(plan->steps.size(), 1u);
  EXPECT_EQ(plan->steps[0].header, "Changeset db/changelog.yaml::2::alice");
  ASSERT_EQ(plan->steps[0].statements.size(), 1u);
  EXPECT_EQ(plan->steps[0].statements[0].sql, "CREATE TABLE b (id INTEGER)");
  ASSERT_EQ(plan->steps[0].history.size(), 1u);
  EXPECT_EQ(plan->steps[0].history[0].sql,
            "INSERT INTO databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, "
            "ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, "
            "LIQUIBASE, DEPLOYMENT_ID) VALUES ('2', 'alice', 'db/changelog.yaml', NOW(), "
            "42, '" + ChangeSetChecksum(log.changesets[1], "postgresql") +
                "', 'createTable tableName=b', '', 'EXECUTED', NULL, NULL, '4.28.0', "
                "'1234567890')");
}

TEST(PlanUpdate, CreatesTrackingTablesFirstWhenMissing) {
  DatabaseChangeLog log;
  log.changesets.push_back(MakeChangeSet("1", {Tag("v1")}));
  PlanContext ctx = Ctx();
  ctx.changelog_table_exists = ctx.lock_table_exists = false;
  auto plan = PlanUpdate(log, History(), ctx);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->steps.size(), 3u);
  EXPECT_EQ(plan->steps[0].header, "Create Database Lock Table");
  EXPECT_EQ(plan->steps[1].header, "Create Database Change Log Table");
  EXPECT_EQ(plan->steps[1].history[0].sql,
            "CREATE TABLE databasechangelog (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) "
            "NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP WITHOUT TIME "
            "ZONE NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, "
            "MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG "
            "VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), "
            "DEPLOYMENT_ID VARCHAR(10))");
  // The tag is written with the row, as Liquibase does.
  EXPECT_NE(plan->steps[2].history[0].sql.find(", TAG) VALUES ("), std::string::npos);
  EXPECT_NE(plan->steps[2].history[0].sql.find(", 'v1')"), std::string::npos);
  EXPECT_EQ(plan->ChangeSetCount(), 1u);
}

TEST(PlanUpdate, NothingPendingIsAnEmptyPlanWithoutSetup) {
  DatabaseChangeLog log;
  log.changesets.push_back(MakeChangeSet("1", {Table("a")}));
  PlanContext ctx = Ctx();
  auto plan = PlanUpdate(log, History({Ran(log.changesets[0], 1)}), ctx);
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->steps.empty());
}

TEST(PlanUpdate, ChangedChecksumIsAValidationErrorWithLiquibasesText) {
  DatabaseChangeLog log;
  log.changesets.push_back(MakeChangeSet("1", {Table("a")}));
  HistoryRow row = Ran(log.changesets[0], 1);
  row.md5sum = "9:00000000000000000000000000000000";
  auto plan = PlanUpdate(log, History({row}), Ctx());
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), Status::Code::kValidation);
  EXPECT_EQ(plan.status().message(),
            "Validation Failed:\n     1 changesets check sum\n          "
            "db/changelog.yaml::1::alice was: 9:00000000000000000000000000000000 but is now: " +
                ChangeSetChecksum(log.changesets[0], "postgresql"));
}

TEST(PlanUpdate, ValidCheckSumAnyAndRunOnChangeAndRunAlways) {
  DatabaseChangeLog log;
  log.changesets.push_back(MakeChangeSet("any", {Table("a")}));
  log.changesets.back().valid_checksums = {"ANY"};
  log.changesets.push_back(MakeChangeSet("roc", {Table("b")}));
  log.changesets.back().run_on_change = true;
  log.changesets.push_back(MakeChangeSet("always", {Table("c")}));
  log.changesets.back().run_always = true;
  std::vector<HistoryRow> rows;
  for (int i = 0; i < 3; ++i) {
    rows.push_back(Ran(log.changesets[i], i + 1));
    if (i < 2) rows.back().md5sum = "9:ffffffffffffffffffffffffffffffff";
  }
  auto plan = PlanUpdate(log, History(rows), Ctx());
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  ASSERT_EQ(plan->steps.size(), 2u);
  EXPECT_EQ(plan->steps[0].changeset->id, "roc");
  EXPECT_EQ(plan->steps[1].changeset->id, "always");
  EXPECT_NE(plan->steps[0].history[0].sql.find("EXECTYPE = 'RERAN'"), std::string::npos);
  EXPECT_NE(plan->steps[0].history[0].sql.find("ORDEREXECUTED = 4"), std::string::npos);
}

TEST(PlanRollback, ToTagUndoesLaterChangeSetsAndTheTagDatabaseRow) {
  DatabaseChangeLog log;
  log.changesets.push_back(MakeChangeSet("1", {Table("a")}));
  log.changesets.push_back(MakeChangeSet("2", {Tag("v1")}));
  log.changesets.push_back(MakeChangeSet("3", {Table("b")}));
  History h({Ran(log.changesets[0], 1), Ran(log.changesets[1], 2, "v1"),
             Ran(log.changesets[2], 3)});
  auto plan = PlanRollbackToTag(log, h, "V1", TagVersion::kOldest, Ctx());
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  ASSERT_EQ(plan->steps.size(), 2u);
  EXPECT_EQ(plan->steps[0].header, "Rolling Back ChangeSet: db/changelog.yaml::3::alice");
  EXPECT_EQ(plan->steps[0].statements[0].sql, "DROP TABLE b");
  EXPECT_EQ(plan->steps[0].history[0].sql,
            "DELETE FROM databasechangelog WHERE ID = '3' AND AUTHOR = 'alice' AND "
            "FILENAME = 'db/changelog.yaml'");
  EXPECT_EQ(plan->steps[1].changeset->id, "2");
  EXPECT_TRUE(plan->steps[1].statements.empty());
}

TEST(PlanRollback, ATagSetByTheTagCommandKeepsItsRow) {
  DatabaseChangeLog log;
  log.changesets.push_back(MakeChangeSet("1", {Table("a")}));
  log.changesets.push_back(MakeChangeSet("2", {Table("b")}));
  History h({Ran(log.changesets[0], 1, "manual"), Ran(log.changesets[1], 2)});
  auto plan = PlanRollbackToTag(log, h, "manual", TagVersion::kOldest, Ctx());
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->steps.size(), 1u);
  EXPECT_EQ(plan->steps[0].changeset->id, "2");
}

TEST(PlanRollback, UnknownTagAndRowsNotInTheChangeLog) {
  DatabaseChangeLog log;
  log.changesets.push_back(MakeChangeSet("1", {Table("a")}));
  ChangeSet foreign = MakeChangeSet("x", {Table("z")});
  foreign.file_path = "elsewhere.yaml";
  History h({Ran(log.changesets[0], 1, "t"), Ran(foreign, 2)});
  auto missing = PlanRollbackToTag(log, h, "nope", TagVersion::kOldest, Ctx());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "Could not find tag 'nope' in the database");
  auto plan = PlanRollbackToTag(log, h, "t", TagVersion::kOldest, Ctx());
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->steps.empty());  // the foreign row is left alone
}

TEST(PlanRollback, CountTakesTheNewestRows) {
  DatabaseChangeLog log;
  for (int i = 1; i <= 3; ++i)
    log.changesets.push_back(MakeChangeSet(std::to_string(i), {Table("t" + std::to_string(i))}));
  History h({Ran(log.changesets[0], 1), Ran(log.changesets[1], 2), Ran(log.changesets[2], 3)});
  auto plan = PlanRollbackCount(log, h, 2, Ctx());
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->steps.size(), 2u);
  EXPECT_EQ(plan->steps[0].changeset->id, "3");
  EXPECT_EQ(plan->steps[1].changeset->id, "2");
}

TEST(FormatPlan, OneStatementPerLineEndingInSemicolonAndBlankLine) {
  DatabaseChangeLog log;
  log.changesets.push_back(MakeChangeSet("1", {Table("a")}));
  log.changesets[0].comment = "first\nsecond";
  auto plan = PlanUpdate(log, History(), Ctx());
  ASSERT_TRUE(plan.ok());
  std::string text = FormatPlan(*plan, "Update Database Script", "db/changelog.yaml", "offline:postgresql");
  EXPECT_NE(text.find("-- Changeset db/changelog.yaml::1::alice\n-- first\n-- second\n"
                      "CREATE TABLE a (id INTEGER);\n\nINSERT INTO databasechangelog"),
            std::string::npos)
      << text;
}

TEST(FormatPlan, NoDoubledSemicolonAndMultiLineOutputStaysCommented) {
  Plan plan;
  PlanStep step;
  ChangeSet cs = MakeChangeSet("1", {});
  step.changeset = &cs;
  step.header = "Changeset x";
  step.statements.push_back({"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;"});
  Statement out;
  out.sql = "line one\nDROP TABLE t";
  out.kind = Statement::Kind::kOutput;
  out.target = "STDERR";
  step.statements.push_back(out);
  plan.steps.push_back(step);
  std::string text = FormatPlan(plan, "t", "c.yaml", "offline:postgresql");
  EXPECT_NE(text.find("LANGUAGE sql;\n\n"), std::string::npos) << text;
  EXPECT_EQ(text.find(";;"), std::string::npos) << text;
  EXPECT_NE(text.find("-- output to STDERR: line one\n-- DROP TABLE t\n"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace strata
