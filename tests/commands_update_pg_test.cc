// The plan-producing commands against the real PostgreSQL server
// (commands_update_scenarios.h).
#include "commands_update_scenarios.h"

namespace strata::test {
namespace {

TEST(CommandsUpdatePg, BadArgumentsTouchNothing) {
  STRATA_REQUIRE_PG(url);
  BadArgumentsScenario(url, TempDir());
}

TEST(CommandsUpdatePg, UpdateCount) {
  STRATA_REQUIRE_PG(url);
  UpdateCountScenario(url, CreatePgDatabase(), TempDir());
}

TEST(CommandsUpdatePg, UpdateToTag) {
  STRATA_REQUIRE_PG(url);
  UpdateToTagScenario(url, CreatePgDatabase(), TempDir());
}

TEST(CommandsUpdatePg, ChangeLogSync) {
  STRATA_REQUIRE_PG(url);
  ChangeLogSyncScenario(url, CreatePgDatabase(), CreatePgDatabase(), TempDir());
}

TEST(CommandsUpdatePg, MarkNextChangeSetRanAndSyncToTag) {
  STRATA_REQUIRE_PG(url);
  MarkNextAndSyncToTagScenario(url, CreatePgDatabase(), TempDir());
}

TEST(CommandsUpdatePg, RollbackToDate) {
  STRATA_REQUIRE_PG(url);
  RollbackToDateScenario(url, CreatePgDatabase(), TempDir());
}

TEST(CommandsUpdatePg, FutureRollbackSql) {
  STRATA_REQUIRE_PG(url);
  FutureRollbackScenario(url, TempDir());
}

TEST(CommandsUpdatePg, UpdateTestingRollback) {
  STRATA_REQUIRE_PG(url);
  UpdateTestingRollbackScenario(url, CreatePgDatabase(), TempDir());
}

TEST(CommandsUpdatePg, RollbackSqlTagVersion) {
  STRATA_REQUIRE_PG(url);
  RollbackSqlTagVersionScenario(url, TempDir());
}

}  // namespace
}  // namespace strata::test
