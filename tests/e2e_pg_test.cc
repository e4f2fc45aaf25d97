// The end-to-end slice against the real PostgreSQL server tools/test starts.
#include "e2e_scenarios.h"

namespace strata::test {
namespace {

TEST(E2ePg, UpdateStatusRollbackUpdate) {
  STRATA_REQUIRE_PG(url);
  LifecycleScenario(url, TempDir());
}

TEST(E2ePg, UpdateSqlIsWhatUpdateRuns) {
  STRATA_REQUIRE_PG(url_a);
  std::string url_b = CreatePgDatabase();
  UpdateSqlEqualsUpdateScenario(url_a, url_b, TempDir());
}

TEST(E2ePg, BadInputTouchesNothing) {
  STRATA_REQUIRE_PG(url);
  BadInputScenario(url, TempDir());
}

TEST(E2ePg, FailedChangesetIsNeitherAppliedNorRecorded) {
  STRATA_REQUIRE_PG(url);
  RuntimeFailureScenario(url, TempDir());
}

TEST(E2ePg, MissingRollbackIsAnError) {
  STRATA_REQUIRE_PG(url);
  NoRollbackScenario(url, TempDir());
}

TEST(E2ePg, DefaultSchemaHoldsObjectsTrackingTablesAndUserSql) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  ASSERT_TRUE(Open(url)->Execute("CREATE SCHEMA app").ok());
  WriteFile(dir, "s.yaml",
            "databaseChangeLog:\n"
            "  - changeSet:\n      id: 1\n      author: a\n      changes:\n"
            "        - createTable:\n            tableName: item\n"
            "            columns:\n              - column: {name: id, type: int}\n"
            "        - sql: insert into item values (7)\n");
  CmdResult r = RunStrata(Args(url, "s.yaml", {"--default-schema-name=app", "update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto c = Open(url);
  EXPECT_EQ(QueryLines(*c, "SELECT id FROM app.item"), (std::vector<std::string>{"7|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT ID FROM app.databasechangelog"),
            (std::vector<std::string>{"1|"}));
  EXPECT_FALSE(HasTable(url, "databasechangelog"));  // not in public
  r = RunStrata(Args(url, "s.yaml", {"--default-schema-name=app", "status"}), dir);
  EXPECT_NE(r.out.find("is up to date"), std::string::npos) << r.out << r.err;
}

TEST(E2ePg, UnreachableServerFailsWithoutLeakingThePassword) {
  std::string dir = TempDir();
  CopyExample(dir);
  CmdResult r = RunStrata(
      Args("postgresql://bob:s3cr3t-pw@127.0.0.1:1/db", kExample,
           {"--password=an0ther-s3cret", "update"}),
      dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("127.0.0.1:1"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("s3cr3t-pw"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("an0ther-s3cret"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("an0ther-s3cret"), std::string::npos) << r.out;
}

TEST(E2ePg, UpdateSqlMatchesLiquibaseForTheReferenceChangelog) {
  // ../shared/reference/liquibase-4.28-output/update-sql.pg.sql: the
  // statements Liquibase 4.28 printed for example-changelog.yaml.
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  std::string ref = std::string(STRATA_SOURCE_DIR) + "/../shared/reference/liquibase-4.28-output/";
  if (!std::filesystem::exists(ref + "example-changelog.yaml"))
    GTEST_SKIP() << "reference folder missing: " << ref;
  WriteFile(dir, "changelog.yaml", ReadFile(ref + "example-changelog.yaml"));
  CmdResult r = RunStrata(Args(url, "changelog.yaml", {"--default-schema-name=public", "update-sql"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto ours = ScriptStatements(r.out);
  std::vector<std::string> theirs;
  for (const auto& s : ScriptStatements(ReadFile(ref + "update-sql.pg.sql"))) {
    if (s.rfind("SET SEARCH_PATH", 0) == 0 || s.find("databasechangeloglock") != std::string::npos)
      continue;
    theirs.push_back(s);
  }
  std::vector<std::string> ours_filtered;
  for (const auto& s : ours)
    if (s.find("databasechangeloglock") == std::string::npos) ours_filtered.push_back(s);
  ASSERT_EQ(ours_filtered.size(), theirs.size()) << r.out;
  for (size_t i = 0; i < theirs.size(); ++i) {
    std::string a = ours_filtered[i], b = theirs[i];
    // NOW(), the deployment id and the column order of the history insert
    // are the only run-dependent parts.
    auto strip_dep = [](std::string s) {
      auto p = s.find("'4.28.0', '");
      if (p != std::string::npos) s.replace(p + 11, 10, "DEPLOYMENT");
      return s;
    };
    EXPECT_EQ(strip_dep(a), strip_dep(b));
  }
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A changeset's transaction goes to the server in one pipeline (BEGIN, its
// statements, its history row, COMMIT). What the extended protocol refuses
// (several commands in one statement) runs one statement at a time instead;
// a failure anywhere, in more statements than one pipeline chunk holds,
// names the statement and leaves nothing of the changeset.
TEST(E2ePg, PipelinedChangesetsRunFallBackAndFailWhole) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  std::string many, failing;
  for (int i = 1; i <= 600; ++i) many += "insert into p values (" + std::to_string(i) + ");\n";
  for (int i = 1; i <= 600; ++i)
    failing += i == 400 ? "insert into p values ('four hundred');\n"
                        : "insert into q values (" + std::to_string(i) + ");\n";
  auto block = [](const std::string& sql) {
    std::string out;
    size_t start = 0;
    while (start < sql.size()) {
      size_t nl = sql.find('\n', start);
      out += "            " + sql.substr(start, nl - start) + "\n";
      start = nl + 1;
    }
    return out;
  };
  WriteFile(dir, "p.yaml",
            "databaseChangeLog:\n"
            "  - changeSet:\n      id: table\n      author: a\n      changes:\n"
            "        - sql: create table p (id int primary key)\n"
            "        - sql: create table q (id int)\n"
            "  - changeSet:\n      id: many\n      author: a\n      changes:\n"
            "        - sql: |\n" + block(many) +
            "  - changeSet:\n      id: multi\n      author: a\n      changes:\n"
            "        - sql:\n            splitStatements: false\n"
            "            sql: insert into p values (1001); insert into p values (1002)\n"
            "  - changeSet:\n      id: deferred\n      author: a\n      changes:\n"
            "        - sql: create table r (id int references p deferrable initially deferred)\n"
            "  - changeSet:\n      id: late\n      author: a\n      changes:\n"
            "        - sql: insert into r values (99999)\n"
            "        - sql: insert into q values (0)\n");
  CmdResult r = RunStrata(Args(url, "p.yaml", {"update"}), dir);
  // The deferred foreign key fails at COMMIT, the last statement sent.
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Contains(r.err, "p.yaml::late::a")) << r.err;
  EXPECT_TRUE(Contains(r.err, "nothing of it was applied or recorded")) << r.err;
  EXPECT_TRUE(Contains(r.err, "foreign key")) << r.err;
  auto c = Open(url);
  EXPECT_EQ(QueryLines(*c, "SELECT count(*), min(id), max(id) FROM p"),
            (std::vector<std::string>{"602|1|1002|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM q"), (std::vector<std::string>{"0|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT ID FROM databasechangelog ORDER BY ORDEREXECUTED"),
            (std::vector<std::string>{"table|", "many|", "multi|", "deferred|"}));

  WriteFile(dir, "f.yaml",
            "databaseChangeLog:\n"
            "  - changeSet:\n      id: failing\n      author: a\n      changes:\n"
            "        - sql: |\n" + block(failing));
  r = RunStrata(Args(url, "f.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Contains(r.err, "in statement: insert into p values ('four hundred')")) << r.err;
  EXPECT_TRUE(Contains(r.err, "invalid input syntax for type integer")) << r.err;
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM q"), (std::vector<std::string>{"0|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM databasechangelog"),
            (std::vector<std::string>{"4|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT LOCKED FROM databasechangeloglock"),
            (std::vector<std::string>{"f|"}));
}

}  // namespace
}  // namespace strata::test
