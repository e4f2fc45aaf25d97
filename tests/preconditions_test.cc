// The pure parts of preconditions: what each onFail/onError/onSqlOutput
// choice does, the messages, how the planner carries a block and its
// MARK_RAN row, and how the loader resolves changeLogPropertyDefined.
#include "strata/preconditions.h"

#include <gtest/gtest.h>

#include "strata/dialect.h"
#include "strata/load.h"
#include "strata/plan.h"

namespace strata {
namespace {

using Outcome = PreconditionCheck::Outcome;

Preconditions Block(OptString on_fail, OptString on_error = std::nullopt) {
  Preconditions p;
  p.on_fail = std::move(on_fail);
  p.on_error = std::move(on_error);
  p.loc = SourceLocation{std::make_shared<const std::string>("a.yaml"), 7, 7};
  return p;
}

TEST(Preconditions, ActionForEachOption) {
  EXPECT_EQ(ActionFor(Block(std::nullopt), Outcome::kPass), PreconditionAction::kRun);
  EXPECT_EQ(ActionFor(Block(std::nullopt), Outcome::kFail), PreconditionAction::kHalt);
  EXPECT_EQ(ActionFor(Block(std::nullopt), Outcome::kError), PreconditionAction::kHalt);
  EXPECT_EQ(ActionFor(Block("CONTINUE"), Outcome::kFail), PreconditionAction::kSkip);
  EXPECT_EQ(ActionFor(Block("MARK_RAN"), Outcome::kFail), PreconditionAction::kMarkRan);
  EXPECT_EQ(ActionFor(Block("WARN"), Outcome::kFail), PreconditionAction::kRun);
  // onFail does not cover errors, nor onError failures.
  EXPECT_EQ(ActionFor(Block("MARK_RAN"), Outcome::kError), PreconditionAction::kHalt);
  EXPECT_EQ(ActionFor(Block(std::nullopt, "MARK_RAN"), Outcome::kError), PreconditionAction::kMarkRan);
  EXPECT_EQ(ActionFor(Block(std::nullopt, "CONTINUE"), Outcome::kError), PreconditionAction::kSkip);
  EXPECT_EQ(ActionFor(Block(std::nullopt, "WARN"), Outcome::kError), PreconditionAction::kRun);
  EXPECT_EQ(ActionFor(Block(std::nullopt, "MARK_RAN"), Outcome::kFail), PreconditionAction::kHalt);
}

TEST(Preconditions, SqlOutputMode) {
  Preconditions p;
  EXPECT_EQ(SqlOutputModeOf(p), SqlOutputMode::kIgnore);
  p.on_sql_output = "TEST";
  EXPECT_EQ(SqlOutputModeOf(p), SqlOutputMode::kTest);
  p.on_sql_output = "FAIL";
  EXPECT_EQ(SqlOutputModeOf(p), SqlOutputMode::kFail);
}

TEST(Preconditions, FailureMessageNamesChangesetLocationAndCondition) {
  ChangeSet cs;
  cs.id = "1";
  cs.author = "a";
  cs.file_path = "db/a.yaml";
  Preconditions p = Block(std::nullopt);
  p.on_fail_message = "run the setup first";
  PreconditionCheck check{Outcome::kFail,
                          "a.yaml:8:11: tableExists: table foo does not exist"};
  EXPECT_EQ(PreconditionFailure(p, &cs, check),
            "run the setup first\n"
            "Preconditions Failed in changeset db/a.yaml::1::a (a.yaml:7:7):\n"
            "  a.yaml:8:11: tableExists: table foo does not exist");
  check.outcome = Outcome::kError;
  EXPECT_EQ(PreconditionFailure(p, &cs, check).rfind("Preconditions Error in changeset", 0), 0u);
  EXPECT_EQ(PreconditionWarning(Block("WARN"), &cs, PreconditionCheck{Outcome::kFail, "x"}),
            "WARNING: Executing db/a.yaml::1::a despite precondition failure due to "
            "onFail='WARN' (a.yaml:7:7):\n  x");
}

TEST(Preconditions, OrderedSqlFillsTheNumber) {
  OrderedSql s{"INSERT ... NOW(), ", ", '9:abc')"};
  EXPECT_EQ(s.Sql(12), "INSERT ... NOW(), 12, '9:abc')");
}

// The planner hands the block to the runner with both history rows
// rendered: the EXECUTED row (also in `history`, what update-sql prints)
// and the MARK_RAN row, same checksum, tag kept.
TEST(Preconditions, PlanCarriesTheBlockAndTheMarkRanRow) {
  LoadResult r = LoadChangeLogFromString(
      "databaseChangeLog:\n"
      "  - changeSet:\n      id: 1\n      author: a\n"
      "      preConditions:\n        - onFail: MARK_RAN\n"
      "        - tableExists: {tableName: t}\n"
      "      changes:\n        - tagDatabase: {tag: v1}\n"
      "  - changeSet:\n      id: 2\n      author: a\n"
      "      changes:\n        - sql: select 1\n",
      "a.yaml", {});
  ASSERT_TRUE(r.ok());
  PlanContext ctx;
  ctx.dialect = &PostgresDialect();
  ctx.render.dialect = ctx.dialect;
  ctx.deployment_id = "1234567890";
  ctx.changelog_table_exists = ctx.lock_table_exists = true;
  History history;
  Result<Plan> plan = PlanUpdate(r.changelog, history, ctx);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  ASSERT_EQ(plan->steps.size(), 2u);
  const PlanStep& guarded = plan->steps[0];
  ASSERT_NE(guarded.preconditions, nullptr);
  EXPECT_EQ(guarded.preconditions->on_fail, "MARK_RAN");
  EXPECT_EQ(plan->history, &history);
  ASSERT_TRUE(guarded.record && guarded.mark_ran);
  EXPECT_EQ(guarded.order_executed, 1);
  ASSERT_EQ(guarded.history.size(), 1u);
  EXPECT_EQ(guarded.history[0].sql, guarded.record->Sql(1));
  const std::string marked = guarded.mark_ran->Sql(1);
  EXPECT_NE(marked.find("'MARK_RAN'"), std::string::npos) << marked;
  EXPECT_NE(marked.find(", 'v1')"), std::string::npos) << marked;  // TAG
  std::string executed = guarded.record->Sql(1);
  executed.replace(executed.find("'EXECUTED'"), 10, "'MARK_RAN'");
  EXPECT_EQ(executed, marked);
  EXPECT_EQ(plan->steps[1].preconditions, nullptr);
  EXPECT_FALSE(plan->steps[1].mark_ran);
  EXPECT_EQ(plan->steps[1].order_executed, 2);
}

// changeLogPropertyDefined reads the properties the loader knew: -D,
// changelog properties defined before the condition.
TEST(Preconditions, LoaderResolvesChangeLogProperties) {
  LoadOptions o;
  o.properties["from_cli"] = "x";
  LoadResult r = LoadChangeLogFromString(
      "databaseChangeLog:\n"
      "  - property: {name: p1, value: v1}\n"
      "  - changeSet:\n      id: 1\n      author: a\n"
      "      preConditions:\n"
      "        - changeLogPropertyDefined: {property: p1}\n"
      "        - changeLogPropertyDefined: {property: from_cli, value: x}\n"
      "        - changeLogPropertyDefined: {property: undefined_here}\n"
      "      changes:\n        - sql: select 1\n",
      "a.yaml", o);
  ASSERT_TRUE(r.ok());
  const auto& c = r.changelog.changesets.at(0).preconditions->conditions;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].property_value, "v1");
  EXPECT_EQ(c[1].property_value, "x");
  EXPECT_EQ(c[2].property_value, std::nullopt);
}

}  // namespace
}  // namespace strata
