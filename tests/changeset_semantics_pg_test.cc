// Changeset attributes and context/label filters on the real PostgreSQL
// server (scenarios in changeset_semantics.h). The real-world changelogs
// (jhipster-sample-app and four more) are in realworld_pg_test.cc.
#include <gtest/gtest.h>

#include "changeset_semantics.h"

namespace strata::test::semantics {
namespace {

TEST(ChangeSetSemanticsPg, ContextFilter) {
  STRATA_REQUIRE_PG(url);
  ContextFilterScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, InvalidFilter) {
  STRATA_REQUIRE_PG(url);
  InvalidFilterScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, DuplicateIdPerContext) {
  STRATA_REQUIRE_PG(url);
  DuplicateIdPerContextScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, ModifySqlFilter) {
  STRATA_REQUIRE_PG(url);
  ModifySqlFilterScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, OnValidationFail) {
  STRATA_REQUIRE_PG(url);
  ValidationFailScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, Created) {
  STRATA_REQUIRE_PG(url);
  CreatedScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, Dbms) {
  STRATA_REQUIRE_PG(url);
  DbmsScenario(url, TempDir(), "postgresql", "sqlite");
}

TEST(ChangeSetSemanticsPg, RunAlwaysAndRunOnChange) {
  STRATA_REQUIRE_PG(url);
  RerunScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, RunInTransactionFalse) {
  STRATA_REQUIRE_PG(url);
  RunInTransactionScenario(url, TempDir(), "CREATE INDEX CONCURRENTLY things_v ON things (v)");
}

TEST(ChangeSetSemanticsPg, FailOnErrorFalse) {
  STRATA_REQUIRE_PG(url);
  FailOnErrorScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, ValidCheckSum) {
  STRATA_REQUIRE_PG(url);
  ValidCheckSumScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, Ignore) {
  STRATA_REQUIRE_PG(url);
  IgnoreScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, LogicalFilePath) {
  STRATA_REQUIRE_PG(url);
  LogicalFilePathScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, RunOrder) {
  STRATA_REQUIRE_PG(url);
  RunOrderScenario(url, TempDir());
}

TEST(ChangeSetSemanticsPg, ObjectQuotingStrategy) {
  STRATA_REQUIRE_PG(url);
  QuotingScenario(url, TempDir(),
                  {"CREATE TABLE \"MyTable1\" (id INTEGER, \"user\" VARCHAR(10), \"Name\" VARCHAR(10))",
                   "CREATE TABLE \"MyTable2\" (\"id\" INTEGER, \"user\" VARCHAR(10), \"Name\" "
                   "VARCHAR(10))",
                   "CREATE TABLE MyTable3 (id INTEGER, \"user\" VARCHAR(10), Name VARCHAR(10))"});
  // Mixed case quoted is case-sensitive, unquoted folds to lower case.
  EXPECT_TRUE(HasTable(url, "MyTable2"));
  EXPECT_TRUE(HasTable(url, "mytable3"));
}

}  // namespace
}  // namespace strata::test::semantics
