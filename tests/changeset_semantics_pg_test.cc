// Changeset attributes and context/label filters on the real PostgreSQL
// server (scenarios in changeset_semantics.h), and the jhipster-sample-app
// changelog run with its documented contexts, compared row by row with what
// Liquibase 4.28 recorded (../shared/realworld/expected).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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

// The shared real-world folder: STRATA_SOURCE_DIR/../shared/realworld, or
// "" (the test then skips, or fails when CI=true).
std::string RealWorld() {
  namespace fs = std::filesystem;
  fs::path p = fs::path(STRATA_SOURCE_DIR) / ".." / "shared" / "realworld";
  return fs::exists(p / "jhipster-sample-app") ? p.string() : "";
}

// "id|author|filename|exectype|md5sum|contexts|labels|" from the TSV,
// NULL for an empty field.
std::vector<std::string> ExpectedRows(const std::string& tsv) {
  std::ifstream in(tsv);
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::string> out;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    while (f.size() < 12) f.push_back("");
    auto v = [&](size_t i) { return f[i].empty() ? std::string("NULL") : f[i]; };
    out.push_back(v(1) + "|" + v(2) + "|" + v(3) + "|" + v(4) + "|" + v(5) + "|" + v(10) + "|" +
                  v(11) + "|");
  }
  return out;
}

void JHipster(const std::string& contexts, const std::string& expected_tsv) {
  std::string rw = RealWorld();
  if (rw.empty()) {
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true") FAIL() << "CI=true but ../shared/realworld is missing";
    GTEST_SKIP() << "../shared/realworld not found next to the source tree";
  }
  STRATA_REQUIRE_PG(url);
  std::string dir = rw + "/jhipster-sample-app";
  CmdResult r = RunStrata({"--url=" + url, "--search-path=src/main/resources",
                           "--changelog-file=config/liquibase/master.xml", "update",
                           "--contexts=" + contexts},
                          dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto c = Open(url);
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c,
                       "SELECT ID, AUTHOR, FILENAME, EXECTYPE, MD5SUM, CONTEXTS, LABELS "
                       "FROM databasechangelog ORDER BY ORDEREXECUTED"),
            ExpectedRows(rw + "/expected/" + expected_tsv));
  r = RunStrata({"--url=" + url, "--search-path=src/main/resources",
                 "--changelog-file=config/liquibase/master.xml", "update",
                 "--contexts=" + contexts},
                dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("no changesets to execute"), std::string::npos) << r.out;
}

TEST(ChangeSetSemanticsPg, JHipsterDevFaker) {
  JHipster("dev,faker", "jhipster-sample-app.databasechangelog.tsv");
}

TEST(ChangeSetSemanticsPg, JHipsterProd) {
  JHipster("prod", "jhipster-sample-app.prod.databasechangelog.tsv");
}

}  // namespace
}  // namespace strata::test::semantics
