// The planner functions behind update-count, update-to-tag,
// changelog-sync(-to-tag), mark-next-changeset-ran, future-rollback-* and
// rollback-to-date, without a database. The filter semantics follow
// Liquibase 4.28 (settled against it; see commands_update_scenarios.h).
#include <gtest/gtest.h>

#include "strata/checksum.h"
#include "strata/dialect.h"
#include "strata/plan.h"

namespace strata {
namespace {

ChangeSet Cs(std::string id, std::vector<Change> changes) {
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

HistoryRow Ran(const ChangeSet& cs, int order, std::optional<std::string> tag = {},
               std::string date = "2024-01-01 10:00:00.123456") {
  HistoryRow r;
  r.id = cs.id;
  r.author = cs.author;
  r.filename = cs.file_path;
  r.order_executed = order;
  r.exec_type = "EXECUTED";
  r.md5sum = ChangeSetChecksum(cs, "postgresql");
  r.description = Describe(cs);
  r.tag = std::move(tag);
  r.date_executed = std::move(date);
  return r;
}

// a, b, tag v1, c, tag v2, d
DatabaseChangeLog SixChangeSets() {
  DatabaseChangeLog log;
  log.changesets.push_back(Cs("1", {Table("a")}));
  log.changesets.push_back(Cs("2", {Table("b")}));
  log.changesets.push_back(Cs("3", {Tag("v1")}));
  log.changesets.push_back(Cs("4", {Table("c")}));
  log.changesets.push_back(Cs("5", {Tag("v2")}));
  log.changesets.push_back(Cs("6", {Table("d")}));
  return log;
}

std::string Ids(const Plan& plan) {
  std::string ids;
  for (const PlanStep& s : plan.steps) {
    if (!s.changeset) continue;
    if (!ids.empty()) ids += ' ';
    ids += s.changeset->id;
  }
  return ids;
}

TEST(PlanUpdateLimited, CountTakesTheFirstNPendingAndCountsTheRest) {
  DatabaseChangeLog log = SixChangeSets();
  History h({Ran(log.changesets[0], 1)});
  UpdateLimit limit;
  limit.count = 2;
  SelectionStats stats;
  auto plan = PlanUpdateLimited(log, h, Ctx(), limit, &stats);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(Ids(*plan), "2 3");
  EXPECT_EQ(stats.previously_run, 1);
  EXPECT_EQ(stats.after_count, 3);
  EXPECT_EQ(stats.after_tag, 0);
  // ORDEREXECUTED continues from the history's maximum.
  EXPECT_NE(plan->steps[0].history[0].sql.find("NOW(), 2, "), std::string::npos);
}

TEST(PlanUpdateLimited, ZeroCountPlansNothing) {
  DatabaseChangeLog log = SixChangeSets();
  UpdateLimit limit;
  limit.count = 0;
  auto plan = PlanUpdateLimited(log, History(), Ctx(), limit);
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->steps.empty());
}

TEST(PlanUpdateLimited, ToTagIncludesTheTagDatabaseChangeSet) {
  // Plans point into the changelog: it outlives them.
  DatabaseChangeLog log = SixChangeSets();
  UpdateLimit limit;
  limit.tag = "v1";
  SelectionStats stats;
  auto plan = PlanUpdateLimited(log, History(), Ctx(), limit, &stats);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Ids(*plan), "1 2 3");
  EXPECT_TRUE(stats.tag_seen);
  EXPECT_EQ(stats.after_tag, 3);
  // The changelog's tag is compared exactly: V1 is not v1.
  limit.tag = "V1";
  plan = PlanUpdateLimited(log, History(), Ctx(), limit, &stats);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Ids(*plan), "1 2 3 4 5 6");
  EXPECT_FALSE(stats.tag_seen);
}

TEST(PlanUpdateLimited, ATagTheHistoryHasMeansNothingMoreRuns) {
  // Liquibase 4.28: update-to-tag v1.0 with v1.0 applied ran nothing
  // ("Previously run: 3, After tag: 3"); the history's tag is compared
  // ignoring case, also when the tag command set it.
  DatabaseChangeLog log = SixChangeSets();
  History h({Ran(log.changesets[0], 1), Ran(log.changesets[1], 2, "V1")});
  UpdateLimit limit;
  limit.tag = "v1";
  SelectionStats stats;
  auto plan = PlanUpdateLimited(log, h, Ctx(), limit, &stats);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Ids(*plan), "");
  EXPECT_EQ(stats.previously_run, 2);
  EXPECT_EQ(stats.after_tag, 4);
}

TEST(PlanUpdateLimited, StillValidatesEveryChangeSet) {
  DatabaseChangeLog log = SixChangeSets();
  HistoryRow changed = Ran(log.changesets[5], 1);
  changed.md5sum = "9:00000000000000000000000000000000";
  UpdateLimit limit;
  limit.count = 1;
  auto plan = PlanUpdateLimited(log, History({changed}), Ctx(), limit);
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("db/changelog.yaml::6::alice was: 9:0000"),
            std::string::npos)
      << plan.status().message();
}

TEST(ChangeLogSetsTag, LooksAtTagDatabaseChangesExactly) {
  EXPECT_TRUE(ChangeLogSetsTag(SixChangeSets(), "v2"));
  EXPECT_FALSE(ChangeLogSetsTag(SixChangeSets(), "V2"));
  EXPECT_FALSE(ChangeLogSetsTag(SixChangeSets(), "nosuch"));
}

TEST(PlanChangeLogSync, RecordsWithoutStatementsAsUpdateWould) {
  DatabaseChangeLog log = SixChangeSets();
  History h({Ran(log.changesets[0], 4)});
  auto sync = PlanChangeLogSync(log, h, Ctx(), UpdateLimit{});
  auto update = PlanUpdate(log, h, Ctx());
  ASSERT_TRUE(sync.ok() && update.ok());
  ASSERT_EQ(sync->steps.size(), update->steps.size());
  for (size_t i = 0; i < sync->steps.size(); ++i) {
    EXPECT_TRUE(sync->steps[i].statements.empty());
    EXPECT_TRUE(sync->steps[i].header.empty());  // the script shows the INSERT alone
    // The very INSERT update writes: EXECUTED, checksum, order, TAG.
    EXPECT_EQ(sync->steps[i].history[0].sql, update->steps[i].history[0].sql);
  }
  EXPECT_NE(sync->steps[1].history[0].sql.find("'EXECUTED'"), std::string::npos);
  EXPECT_NE(sync->steps[1].history[0].sql.find(", 'v1')"), std::string::npos);
}

TEST(PlanChangeLogSync, SkipsRunAlwaysAndChangedRunOnChangeRows) {
  // NotRanChangeSetFilter: only changesets with no row at all.
  DatabaseChangeLog log;
  log.changesets.push_back(Cs("always", {Table("a")}));
  log.changesets.back().run_always = true;
  log.changesets.push_back(Cs("onchange", {Table("b")}));
  log.changesets.back().run_on_change = true;
  HistoryRow on_change = Ran(log.changesets[1], 2);
  on_change.md5sum = "9:00000000000000000000000000000000";
  History h({Ran(log.changesets[0], 1), on_change});
  auto sync = PlanChangeLogSync(log, h, Ctx(), UpdateLimit{});
  ASSERT_TRUE(sync.ok());
  EXPECT_EQ(Ids(*sync), "");
  auto update = PlanUpdate(log, h, Ctx());
  ASSERT_TRUE(update.ok());
  EXPECT_EQ(Ids(*update), "always onchange");
}

TEST(PlanChangeLogSync, MarkNextIsCountOne) {
  DatabaseChangeLog log = SixChangeSets();
  UpdateLimit limit;
  limit.count = 1;
  auto plan = PlanChangeLogSync(log, History({Ran(log.changesets[0], 1)}), Ctx(), limit);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Ids(*plan), "2");
}

TEST(PlanChangeLogSync, ToTagLooksAtTheWholeChangeLog) {
  // changelog-sync-to-tag puts the tag filter before the not-ran one: a
  // tagDatabase changeset that already ran still ends the selection.
  DatabaseChangeLog log = SixChangeSets();
  History h({Ran(log.changesets[2], 1)});  // 3 (tag v1, but row untagged) ran
  UpdateLimit limit;
  limit.tag = "v1";
  limit.tag_scope = UpdateLimit::TagScope::kChangeLog;
  auto plan = PlanChangeLogSync(log, h, Ctx(), limit);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Ids(*plan), "1 2");
  // The same tag looked for among pending changesets only is never seen.
  limit.tag_scope = UpdateLimit::TagScope::kPending;
  plan = PlanChangeLogSync(log, h, Ctx(), limit);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Ids(*plan), "1 2 4 5 6");
  // A tag nothing sets: everything pending, no error (Liquibase 4.28).
  limit.tag = "nosuch";
  limit.tag_scope = UpdateLimit::TagScope::kChangeLog;
  plan = PlanChangeLogSync(log, h, Ctx(), limit);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Ids(*plan), "1 2 4 5 6");
}

TEST(PlanFutureRollback, PendingNewestFirstWithTheirHistoryDeletes) {
  DatabaseChangeLog log = SixChangeSets();
  History h({Ran(log.changesets[0], 1), Ran(log.changesets[1], 2)});
  auto plan = PlanFutureRollback(log, h, Ctx(), UpdateLimit{});
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(Ids(*plan), "6 5 4 3");
  EXPECT_EQ(plan->steps[0].header, "Rolling Back ChangeSet: db/changelog.yaml::6::alice");
  ASSERT_EQ(plan->steps[0].statements.size(), 1u);
  EXPECT_EQ(plan->steps[0].statements[0].sql, "DROP TABLE d");
  EXPECT_EQ(plan->steps[0].history[0].sql,
            "DELETE FROM databasechangelog WHERE ID = '6' AND AUTHOR = 'alice' AND "
            "FILENAME = 'db/changelog.yaml'");

  UpdateLimit count;
  count.count = 2;
  plan = PlanFutureRollback(log, h, Ctx(), count);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Ids(*plan), "4 3");

  UpdateLimit tag;
  tag.tag = "v2";
  plan = PlanFutureRollback(log, h, Ctx(), tag);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Ids(*plan), "5 4 3");

  tag.tag = "nosuch";
  plan = PlanFutureRollback(log, h, Ctx(), tag);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().message(), "No tag matching 'nosuch' found");
}

TEST(NormalizeRollbackDate, LiquibasesThreeFormsAndFractions) {
  EXPECT_EQ(*NormalizeRollbackDate("2024-01-01"), "2024-01-01 00:00:00");
  EXPECT_EQ(*NormalizeRollbackDate("2024-01-01T10:00:00"), "2024-01-01 10:00:00");
  EXPECT_EQ(*NormalizeRollbackDate("2024-01-01 10:00:00"), "2024-01-01 10:00:00");
  EXPECT_EQ(*NormalizeRollbackDate("2024-01-01 10:00:00.25"), "2024-01-01 10:00:00.25");
  // Liquibase's parser message for what it cannot read.
  for (const char* bad : {"", "yesterday", "2024/01/01", "2024-1-1", "2024-01-01 10:00",
                          "2024-01-01x10:00:00", "2024-01-01 10:00:00.", "2024-01-01 10:00:00x",
                          "2024-01-01 10:00:00.1234567890", "10:00:00"}) {
    auto r = NormalizeRollbackDate(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().message().rfind(std::string("Unknown date format to parse: ") + bad +
                                             ". --date takes",
                                         0),
              0u)
        << r.status().message();
  }
  // What Liquibase's lenient parser would roll over is refused.
  for (const char* bad : {"2024-13-01", "2024-01-32", "2024-00-10", "2024-01-01T24:00:00",
                          "2024-01-01 10:60:00"}) {
    auto r = NormalizeRollbackDate(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.status().message().find("out of range"), std::string::npos) << bad;
  }
}

TEST(ExecutedAfter, ComparesToTheMillisecondAsLiquibase) {
  EXPECT_TRUE(ExecutedAfter("2024-01-01 10:00:00.001", "2024-01-01 10:00:00"));
  EXPECT_FALSE(ExecutedAfter("2024-01-01 10:00:00", "2024-01-01 10:00:00"));
  // Sub-millisecond digits are dropped on both sides (Date.getTime()).
  EXPECT_FALSE(ExecutedAfter("2024-01-01 10:00:00.000999", "2024-01-01 10:00:00"));
  EXPECT_FALSE(ExecutedAfter("2024-01-01 10:00:00.5", "2024-01-01 10:00:00.500"));
  EXPECT_TRUE(ExecutedAfter("2024-01-01 10:00:00.51", "2024-01-01 10:00:00.5"));
  EXPECT_TRUE(ExecutedAfter("2024-01-02 00:00:00", "2024-01-01 23:59:59.999"));
  EXPECT_FALSE(ExecutedAfter("2023-12-31 23:59:59", "2024-01-01 00:00:00"));
}

TEST(PlanRollbackToDate, RowsAfterTheDateNewestFirst) {
  DatabaseChangeLog log = SixChangeSets();
  History h({Ran(log.changesets[0], 1, {}, "2024-01-01 09:00:00"),
             Ran(log.changesets[1], 2, {}, "2024-01-01 10:00:00"),
             Ran(log.changesets[3], 3, {}, "2024-01-01 10:00:00.5"),
             Ran(log.changesets[5], 4, {}, "2024-01-02 00:00:00")});
  auto plan = PlanRollbackToDate(log, h, "2024-01-01 10:00:00", Ctx());
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(Ids(*plan), "6 4");
  plan = PlanRollbackToDate(log, h, "2025-01-01 00:00:00", Ctx());
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(Ids(*plan), "");
}

}  // namespace
}  // namespace strata
