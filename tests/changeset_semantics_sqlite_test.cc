// Changeset attributes and context/label filters on real SQLite files
// (scenarios in changeset_semantics.h).
#include <gtest/gtest.h>

#include "changeset_semantics.h"

namespace strata::test::semantics {
namespace {

struct Db {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/app.db";
};

TEST(ChangeSetSemanticsSqlite, ContextFilter) {
  Db db;
  ContextFilterScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, InvalidFilter) {
  Db db;
  InvalidFilterScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, DuplicateIdPerContext) {
  Db db;
  DuplicateIdPerContextScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, ModifySqlFilter) {
  Db db;
  ModifySqlFilterScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, OnValidationFail) {
  Db db;
  ValidationFailScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, Created) {
  Db db;
  CreatedScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, Dbms) {
  Db db;
  DbmsScenario(db.url, db.dir, "sqlite", "postgresql");
}

TEST(ChangeSetSemanticsSqlite, RunAlwaysAndRunOnChange) {
  Db db;
  RerunScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, RunInTransactionFalse) {
  Db db;
  // SQLite refuses VACUUM inside a transaction.
  RunInTransactionScenario(db.url, db.dir, "VACUUM");
}

TEST(ChangeSetSemanticsSqlite, FailOnErrorFalse) {
  Db db;
  FailOnErrorScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, ValidCheckSum) {
  Db db;
  ValidCheckSumScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, Ignore) {
  Db db;
  IgnoreScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, LogicalFilePath) {
  Db db;
  LogicalFilePathScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, RunOrder) {
  Db db;
  RunOrderScenario(db.url, db.dir);
}

TEST(ChangeSetSemanticsSqlite, ObjectQuotingStrategy) {
  Db db;
  // Liquibase 4.28 offline:sqlite update-sql: LEGACY quotes neither mixed
  // case nor `user` on SQLite.
  QuotingScenario(db.url, db.dir,
                  {"CREATE TABLE MyTable1 (id INTEGER, user VARCHAR(10), Name VARCHAR(10))",
                   "CREATE TABLE \"MyTable2\" (\"id\" INTEGER, \"user\" VARCHAR(10), \"Name\" "
                   "VARCHAR(10))",
                   "CREATE TABLE MyTable3 (id INTEGER, user VARCHAR(10), Name VARCHAR(10))"});
}

}  // namespace
}  // namespace strata::test::semantics
