// The bodies of what e2e_scenarios.h declares, compiled once into the test helper
// library (strata_test_util) rather than into every test that uses them.
#include "e2e_scenarios.h"

namespace strata::test {

std::vector<std::string> Args(const std::string& url,
                              const std::string& changelog,
                              std::vector<std::string> rest) {
  std::vector<std::string> a = {"--changelog-file=" + changelog, "--url=" + url};
  a.insert(a.end(), rest.begin(), rest.end());
  return a;
}

void LifecycleScenario(const std::string& url, const std::string& dir) {
  CopyExample(dir);
  std::string path = dir + "/" + kExample;
  std::string full = ReadFile(path);
  std::string v10_only = full;
  auto at = v10_only.find(IncludeBlock());
  ASSERT_NE(at, std::string::npos);
  v10_only.erase(at, IncludeBlock().size());

  // 1. Only up to v1.0.
  WriteFile(dir, kExample, v10_only);
  CmdResult r = RunStrata(Args(url, kExample, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto schema_v10 = Schema(url);
  auto history_v10 = HistoryRows(url);
  ASSERT_EQ(history_v10.size(), 5u);
  ASSERT_FALSE(schema_v10.empty());

  // 2. The whole changelog.
  WriteFile(dir, kExample, full);
  r = RunStrata(Args(url, kExample, {"status", "--verbose"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 changesets have not been applied"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("changelogs/example/release-1.1.yaml::6-seed-products::strata"),
            std::string::npos) << r.out;
  r = RunStrata(Args(url, kExample, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto schema_full = Schema(url);
  auto history_full = HistoryRows(url);
  ASSERT_EQ(history_full.size(), 8u);
  EXPECT_NE(schema_full, schema_v10);
  {
    auto c = Open(url);
    EXPECT_EQ(QueryLines(*c, "SELECT sku FROM product ORDER BY sku"),
              (std::vector<std::string>{"MUG-002|", "TEA-001|"}));
  }
  // Tags recorded on the tagDatabase rows.
  EXPECT_NE(history_full[4].find("|tagDatabase||v1.0|"), std::string::npos) << history_full[4];
  EXPECT_NE(history_full[7].find("|tagDatabase||v1.1|"), std::string::npos) << history_full[7];

  // 3. Nothing pending: status and update say so.
  r = RunStrata(Args(url, kExample, {"status", "--verbose"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("is up to date"), std::string::npos) << r.out;
  r = RunStrata(Args(url, kExample, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Database is up to date"), std::string::npos) << r.out;
  EXPECT_EQ(HistoryRows(url), history_full);

  // 4. rollback-sql shows what rollback will do, and changes nothing.
  r = RunStrata(Args(url, kExample, {"rollback-sql", "--tag=v1.0"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("-- Rolling Back ChangeSet: changelogs/example/release-1.1.yaml::6-seed-products::strata"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("DELETE FROM product WHERE sku IN ('TEA-001', 'MUG-002')"),
            std::string::npos) << r.out;
  EXPECT_EQ(HistoryRows(url), history_full);

  // 5. Roll back to v1.0: the tagDatabase changeset of v1.0 is undone too,
  //    so history has the four changesets before it.
  r = RunStrata(Args(url, kExample, {"rollback", "--tag=v1.0"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(Schema(url), schema_v10);
  auto history_back = HistoryRows(url);
  ASSERT_EQ(history_back.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(history_back[i], history_v10[i]);
  {
    auto c = Open(url);
    EXPECT_EQ(QueryLines(*c, "SELECT COUNT(*) FROM product"),
              (std::vector<std::string>{"0|"}));
  }

  // 6. Update again: the same schema as the first time.
  r = RunStrata(Args(url, kExample, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(Schema(url), schema_full);
  EXPECT_EQ(HistoryRows(url).size(), 8u);

  // 7. rollback-count 1 undoes the v1.1 tag changeset only.
  r = RunStrata(Args(url, kExample, {"rollback-count", "--count=1"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(HistoryRows(url).size(), 7u);

  // 8. The tag command tags the newest row; rollback to it is then a no-op.
  r = RunStrata(Args(url, kExample, {"tag", "manual"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(HistoryRows(url).back().find("|manual|"), std::string::npos);
  r = RunStrata(Args(url, kExample, {"rollback", "manual"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(HistoryRows(url).size(), 7u);

  // 9. history lists every applied changeset.
  r = RunStrata(Args(url, kExample, {"history"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("7-customer-phone"), std::string::npos) << r.out;
}

void UpdateSqlEqualsUpdateScenario(const std::string& url_a,
                                   const std::string& url_b,
                                   const std::string& dir) {
  CopyExample(dir);
  CmdResult sql = RunStrata(Args(url_a, kExample, {"update-sql"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_FALSE(HasTable(url_a, "databasechangelog")) << "update-sql wrote to the database";
  auto stmts = ScriptStatements(sql.out);
  ASSERT_GT(stmts.size(), 8u);
  {
    auto c = Open(url_a);
    for (const auto& s : stmts) ASSERT_TRUE(c->Execute(s).ok()) << s;
  }
  CmdResult up = RunStrata(Args(url_b, kExample, {"update"}), dir);
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_EQ(Schema(url_a), Schema(url_b));
  auto ha = HistoryRows(url_a), hb = HistoryRows(url_b);
  EXPECT_EQ(ha, hb);
  // And the database that ran the script is up to date for strata.
  CmdResult st = RunStrata(Args(url_a, kExample, {"status"}), dir);
  EXPECT_NE(st.out.find("is up to date"), std::string::npos) << st.out << st.err;
}

void BadInputScenario(const std::string& url, const std::string& dir) {
  struct Case {
    std::string name, text, expect;
  };
  std::vector<Case> cases = {
      {"malformed.yaml", "databaseChangeLog:\n  - changeSet: {id: 1, author: a\n",
       "malformed.yaml:"},
      {"unknown_change.yaml",
       "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n"
       "        - createTabel:\n            tableName: t\n",
       "unknown_change.yaml:6:"},
      // (An unknown attribute of a YAML change is a warning, as Liquibase
      // skips it; one of a changeSet stays an error.)
      {"unknown_attr.yaml",
       "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      cascade: true\n"
       "      changes:\n        - dropTable:\n            tableName: t\n",
       "unknown_attr.yaml:5:"},
      {"missing_attr.yaml",
       "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n"
       "        - dropTable:\n            schemaName: s\n",
       "missing_attr.yaml:"},
      {"duplicate.yaml",
       "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n"
       "        - sql: select 1\n  - changeSet:\n      id: 1\n      author: a\n"
       "      changes:\n        - sql: select 2\n",
       "duplicate.yaml:7:"},
      {"missing_include.yaml",
       "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n"
       "        - sql: create table should_not_exist (id int)\n"
       "  - include:\n      file: nowhere.yaml\n",
       "missing_include.yaml:7:"},
  };
  for (const Case& c : cases) {
    WriteFile(dir, c.name, c.text);
    CmdResult r = RunStrata(Args(url, c.name, {"update"}), dir);
    EXPECT_EQ(r.exit_code, 1) << c.name << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(c.expect), std::string::npos) << c.name << ": " << r.err;
    EXPECT_FALSE(HasTable(url, "databasechangelog")) << c.name;
    EXPECT_FALSE(HasTable(url, "should_not_exist")) << c.name;
  }
  // Undefined property under strict mode.
  WriteFile(dir, "strict.yaml",
            "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n"
            "        - sql: create table ${missing_table} (id int)\n");
  CmdResult r = RunStrata(Args(url, "strict.yaml", {"--missing-property-mode=ERROR", "update"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("strict.yaml:6:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing_table"), std::string::npos) << r.err;
  EXPECT_FALSE(HasTable(url, "databasechangelog"));
}

void RuntimeFailureScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "fail.yaml",
            "databaseChangeLog:\n"
            "  - changeSet:\n      id: good\n      author: a\n      changes:\n"
            "        - createTable:\n            tableName: good_table\n"
            "            columns:\n              - column: {name: id, type: int}\n"
            "  - changeSet:\n      id: bad\n      author: a\n      changes:\n"
            "        - createTable:\n            tableName: half_table\n"
            "            columns:\n              - column: {name: id, type: int}\n"
            "        - sql: insert into no_such_table values (1)\n"
            "  - changeSet:\n      id: never\n      author: a\n      changes:\n"
            "        - createTable:\n            tableName: never_table\n"
            "            columns:\n              - column: {name: id, type: int}\n");
  CmdResult r = RunStrata(Args(url, "fail.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("fail.yaml::bad::a"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no_such_table"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("in statement: insert into no_such_table values (1)"), std::string::npos)
      << r.err;
  EXPECT_TRUE(HasTable(url, "good_table"));
  EXPECT_FALSE(HasTable(url, "half_table"));
  EXPECT_FALSE(HasTable(url, "never_table"));
  auto h = HistoryRows(url);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].rfind("good|a|fail.yaml|1|EXECUTED|9:", 0), 0u) << h[0];
  // The lock was released.
  auto c = Open(url);
  auto lock = QueryLines(*c, "SELECT ID FROM databasechangeloglock WHERE LOCKED = " +
                                 std::string(c->dialect().boolean_true));
  EXPECT_TRUE(lock.empty());
}

void NoRollbackScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "norb.yaml",
            "databaseChangeLog:\n"
            "  - changeSet:\n      id: t1\n      author: a\n      changes:\n"
            "        - tagDatabase: {tag: start}\n"
            "  - changeSet:\n      id: c1\n      author: a\n      changes:\n"
            "        - createTable:\n            tableName: keep_me\n"
            "            columns:\n              - column: {name: id, type: int}\n"
            "  - changeSet:\n      id: d1\n      author: a\n      changes:\n"
            "        - sql: insert into keep_me values (1)\n");
  CmdResult r = RunStrata(Args(url, "norb.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  r = RunStrata(Args(url, "norb.yaml", {"rollback", "--tag=start"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("No inverse to"), std::string::npos) << r.err;
  EXPECT_TRUE(HasTable(url, "keep_me"));
  EXPECT_EQ(HistoryRows(url).size(), 3u);
}

}  // namespace strata::test
