// The bodies of what changeset_semantics.h declares, compiled once into the test helper
// library (strata_test_util) rather than into every test that uses them.
#include "changeset_semantics.h"

namespace strata::test::semantics {

std::vector<std::string> Args(const std::string& url, const std::string& changelog,
                              std::vector<std::string> rest) {
  std::vector<std::string> a = {"--changelog-file=" + changelog, "--url=" + url};
  a.insert(a.end(), rest.begin(), rest.end());
  return a;
}

std::vector<std::string> Rows(const std::string& url) {
  auto c = Open(url);
  if (!c) return {};
  auto exists = c->TableExists("", "databasechangelog");
  if (!exists.ok() || !*exists) return {};
  return QueryLines(*c,
                    "SELECT ID, EXECTYPE, CONTEXTS, LABELS FROM databasechangelog "
                    "ORDER BY ORDEREXECUTED");
}

std::vector<std::string> Ids(const std::string& url) {
  std::vector<std::string> ids;
  for (const std::string& r : Rows(url)) ids.push_back(r.substr(0, r.find('|')));
  return ids;
}

std::string Sel(const std::string& id, const std::string& attrs) {
  return "  - changeSet:\n      id: " + id + "\n      author: t\n" + attrs +
         "      changes:\n        - sql: select 1\n      rollback: select 2\n";
}

void ContextFilterScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "main.yaml",
            "databaseChangeLog:\n" + Sel("plain", "") + Sel("ctx_a", "      context: a\n") +
                Sel("ctx_b", "      context: b\n") + Sel("not_a", "      context: \"!a\"\n") +
                Sel("req_a", "      context: \"@a\"\n") +
                Sel("lbl_x", "      labels: x\n") +
                "  - include:\n      file: inc.yaml\n      relativeToChangelogFile: true\n"
                "      context: b\n      labels: y\n");
  WriteFile(dir, "inc.yaml",
            "databaseChangeLog:\n" + Sel("inc_plain", "") +
                Sel("inc_a_or_c", "      context: a or c\n      labels: z\n"));

  CmdResult r = RunStrata(Args(url, "main.yaml", {"update-sql", "--contexts=a"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* id : {"::plain::", "::ctx_a::", "::req_a::", "::lbl_x::"})
    EXPECT_NE(r.out.find(id), std::string::npos) << id << r.out;
  for (const char* id : {"::ctx_b::", "::not_a::", "::inc_plain::", "::inc_a_or_c::"})
    EXPECT_EQ(r.out.find(id), std::string::npos) << id << r.out;

  r = RunStrata(Args(url, "main.yaml", {"update", "--context-filter=a"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Rows(url), (V{"plain|EXECUTED|NULL|NULL|", "ctx_a|EXECUTED|a|NULL|",
                          "req_a|EXECUTED|@a|NULL|", "lbl_x|EXECUTED|NULL|x|"}));
  EXPECT_NE(r.out.find("Run:                          4\n"
                       "Previously run:               0\n"
                       "Filtered out:                 4\n"
                       "-------------------------------\n"
                       "Total change sets:            8\n\n\n"
                       "FILTERED CHANGE SETS SUMMARY\n"
                       "Context mismatch:             4\n"),
            std::string::npos)
      << r.out;

  // The include's "b" and the changeset's "a or c" must both match.
  r = RunStrata(Args(url, "main.yaml", {"status", "--verbose", "--contexts=c"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 changeset has not been applied"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("main.yaml::not_a::t"), std::string::npos) << r.out;
  r = RunStrata(Args(url, "main.yaml", {"update", "--contexts=b,c", "--label-filter=!z"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), (V{"plain", "ctx_a", "req_a", "lbl_x", "ctx_b", "not_a", "inc_plain"}));
  EXPECT_NE(r.out.find("Label mismatch:               1\n"), std::string::npos) << r.out;
  r = RunStrata(Args(url, "main.yaml", {"update", "--contexts=b,c", "--labels=y or z"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Recorded as Liquibase records them: inherited first, AND-ed.
  EXPECT_EQ(Rows(url).back(), "inc_a_or_c|EXECUTED|b AND (a or c)|y,z|");

  // rollback-count passes over changesets the filter leaves out without
  // counting them (Liquibase 4.28: rollback-count 1 --contexts=a skipped
  // the newer filtered rows and rolled back the newest matching one).
  r = RunStrata(Args(url, "main.yaml", {"rollback-count", "--count=1", "--contexts=a"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), (V{"plain", "ctx_a", "req_a", "ctx_b", "not_a", "inc_plain", "inc_a_or_c"}));
  r = RunStrata(Args(url, "main.yaml", {"rollback-count-sql", "--count=1", "--contexts=a"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("main.yaml::req_a::t"), std::string::npos) << r.out;

  // A filtered-out changeset's checksum is not validated (Liquibase 4.28).
  std::string main = ReadFile(dir + "/main.yaml");
  std::string changed = main;
  changed.replace(changed.find("context: b\n      changes:\n        - sql: select 1"),
                  std::string("context: b\n      changes:\n        - sql: select 1").size(),
                  "context: b\n      changes:\n        - sql: select 2");
  WriteFile(dir, "main.yaml", changed);
  r = RunStrata(Args(url, "main.yaml", {"update", "--contexts=a"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = RunStrata(Args(url, "main.yaml", {"update", "--contexts=b"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("main.yaml::ctx_b::t was: 9:"), std::string::npos) << r.err;
  WriteFile(dir, "main.yaml", main);
}

void InvalidFilterScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "ok.yaml", "databaseChangeLog:\n" + Sel("a", ""));
  CmdResult r = RunStrata(Args(url, "ok.yaml", {"update", "--label-filter=(x"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--label-filter expression '(x' has an unbalanced '('"), std::string::npos)
      << r.err;
  WriteFile(dir, "bad.yaml",
            "databaseChangeLog:\n" + Sel("a", "") + Sel("b", "      context: \"(a, c) and b\"\n"));
  r = RunStrata(Args(url, "bad.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.yaml:8:5: error: context expression '(a, c) and b' has a comma "
                       "inside parentheses"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(HasTable(url, "databasechangelog"));
}

void DuplicateIdPerContextScenario(const std::string& url, const std::string& dir) {
  auto cs = [](const std::string& ctx, const std::string& table) {
    return "  - changeSet:\n      id: same\n      author: t\n      context: " + ctx +
           "\n      changes:\n        - createTable: {tableName: " + table +
           ", columns: [{column: {name: id, type: int}}]}\n";
  };
  WriteFile(dir, "dup.yaml", "databaseChangeLog:\n" + cs("mysql", "t_my") + cs("pg", "t_pg"));
  CmdResult r = RunStrata(Args(url, "dup.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("dup.yaml:8:5: error: duplicate changeset identity 'dup.yaml::same::t'"),
            std::string::npos)
      << r.err;
  r = RunStrata(Args(url, "dup.yaml", {"update", "--contexts=pg"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(HasTable(url, "t_pg"));
  EXPECT_FALSE(HasTable(url, "t_my"));
  EXPECT_EQ(Rows(url), V{"same|EXECUTED|pg|NULL|"});
  r = RunStrata(Args(url, "dup.yaml", {"rollback-count", "--count=1", "--contexts=pg"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(HasTable(url, "t_pg"));
  EXPECT_EQ(Rows(url), V{});
}

void ModifySqlFilterScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "ms.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
            "  <changeSet id=\"m1\" author=\"t\">\n"
            "    <sql>select 1</sql>\n"
            "    <modifySql context=\"b\"><append value=\" /* ctx b */\"/></modifySql>\n"
            "    <modifySql labels=\"x\"><append value=\" /* lbl x */\"/></modifySql>\n"
            "    <modifySql context=\"@b\"><append value=\" /* ctx @b */\"/></modifySql>\n"
            "    <modifySql context=\"!b\"><append value=\" /* ctx !b */\"/></modifySql>\n"
            "  </changeSet>\n"
            "</databaseChangeLog>\n");
  auto sql = [&](std::vector<std::string> flags) {
    flags.insert(flags.begin(), "update-sql");
    CmdResult r = RunStrata(Args(url, "ms.xml", flags), dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    size_t at = r.out.find("select 1");
    return at == std::string::npos ? std::string() : r.out.substr(at, r.out.find(';', at) - at);
  };
  // Each line is Liquibase 4.28's update-sql output for the same flags.
  EXPECT_EQ(sql({}), "select 1 /* ctx b */ /* lbl x */ /* ctx !b */");
  EXPECT_EQ(sql({"--contexts=a"}), "select 1 /* lbl x */ /* ctx !b */");
  EXPECT_EQ(sql({"--contexts=b"}), "select 1 /* ctx b */ /* lbl x */ /* ctx @b */");
  EXPECT_EQ(sql({"--labels=y"}), "select 1 /* ctx b */ /* ctx !b */");
  CmdResult r = RunStrata(Args(url, "ms.xml", {"update", "--contexts=b", "--labels=x"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), V{"m1"});
}

void DbmsScenario(const std::string& url, const std::string& dir, const std::string& me,
                  const std::string& other) {
  WriteFile(dir, "dbms.yaml",
            "databaseChangeLog:\n" + Sel("mine", "      dbms: " + me + "\n") +
                Sel("other", "      dbms: " + other + "\n") +
                Sel("not_mine", "      dbms: \"!" + me + "\"\n") +
                Sel("not_other", "      dbms: \"!" + other + "\"\n") +
                Sel("all", "      dbms: all\n") + Sel("none", "      dbms: none\n") +
                Sel("list", "      dbms: \"mysql, " + me + "\"\n"));
  CmdResult r = RunStrata(Args(url, "dbms.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), (V{"mine", "not_other", "all", "list"}));
  EXPECT_NE(r.out.find("Total change sets:            4"), std::string::npos) << r.out;
}

void RerunScenario(const std::string& url, const std::string& dir) {
  auto write = [&](const std::string& value) {
    WriteFile(dir, "rr.yaml",
              "databaseChangeLog:\n"
              "  - changeSet:\n      id: t\n      author: t\n      changes:\n"
              "        - createTable: {tableName: hits, columns: [{column: {name: v, type: "
              "varchar(20)}}]}\n"
              "  - changeSet:\n      id: always\n      author: t\n      runAlways: true\n"
              "      changes:\n        - insert: {tableName: hits, columns: [{column: {name: v, "
              "value: always}}]}\n"
              "  - changeSet:\n      id: onchange\n      author: t\n      runOnChange: true\n"
              "      changes:\n        - insert: {tableName: hits, columns: [{column: {name: v, "
              "value: " + value + "}}]}\n");
  };
  write("v1");
  ASSERT_EQ(RunStrata(Args(url, "rr.yaml", {"update"}), dir).exit_code, 0);
  ASSERT_EQ(RunStrata(Args(url, "rr.yaml", {"update"}), dir).exit_code, 0);
  EXPECT_EQ(Rows(url), (V{"t|EXECUTED|NULL|NULL|", "onchange|EXECUTED|NULL|NULL|",
                          "always|RERAN|NULL|NULL|"}));
  write("v2");
  CmdResult r = RunStrata(Args(url, "rr.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Rows(url), (V{"t|EXECUTED|NULL|NULL|", "always|RERAN|NULL|NULL|",
                          "onchange|RERAN|NULL|NULL|"}));
  auto c = Open(url);
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c, "SELECT v, COUNT(*) FROM hits GROUP BY v ORDER BY v"),
            (V{"always|3|", "v1|1|", "v2|1|"}));
}

void RunInTransactionScenario(const std::string& url, const std::string& dir,
                              const std::string& sql) {
  auto write = [&](const char* in_tx) {
    WriteFile(dir, "tx.yaml",
              "databaseChangeLog:\n"
              "  - changeSet:\n      id: t\n      author: t\n      changes:\n"
              "        - createTable: {tableName: things, columns: [{column: {name: v, type: "
              "int}}]}\n"
              "  - changeSet:\n      id: outside\n      author: t\n      runInTransaction: " +
                  std::string(in_tx) + "\n      changes:\n        - sql: \"" + sql + "\"\n");
  };
  write("true");
  CmdResult r = RunStrata(Args(url, "tx.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(Ids(url), V{"t"});
  write("false");
  r = RunStrata(Args(url, "tx.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), (V{"t", "outside"}));
}

void FailOnErrorScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "foe.yaml",
            "databaseChangeLog:\n" + Sel("before", "") +
                "  - changeSet:\n      id: broken\n      author: t\n      failOnError: false\n"
                "      changes:\n        - sql: select * from no_such_table\n" +
                Sel("after", ""));
  CmdResult r = RunStrata(Args(url, "foe.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE((r.out + r.err).find("no_such_table"), std::string::npos) << r.out << r.err;
  EXPECT_EQ(Ids(url), (V{"before", "after"}));
  r = RunStrata(Args(url, "foe.yaml", {"status", "--verbose"}), dir);
  EXPECT_NE(r.out.find("foe.yaml::broken::t"), std::string::npos) << r.out;
}

void ValidCheckSumScenario(const std::string& url, const std::string& dir) {
  auto write = [&](const std::string& sql, const std::string& valid, bool extra) {
    WriteFile(dir, "vc.yaml",
              "databaseChangeLog:\n  - changeSet:\n      id: c\n      author: t\n" + valid +
                  "      changes:\n        - sql: " + sql + "\n" + (extra ? Sel("extra", "") : ""));
  };
  write("select 1", "", false);
  ASSERT_EQ(RunStrata(Args(url, "vc.yaml", {"update"}), dir).exit_code, 0);
  write("select 2", "", true);
  CmdResult r = RunStrata(Args(url, "vc.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("vc.yaml::c::t was: 9:"), std::string::npos) << r.err;
  EXPECT_EQ(Ids(url), V{"c"});
  for (const char* any : {"ANY", "1:any"}) {
    write("select 2", std::string("      validCheckSum: \"") + any + "\"\n", false);
    r = RunStrata(Args(url, "vc.yaml", {"update"}), dir);
    EXPECT_EQ(r.exit_code, 0) << any << r.err;
  }
  auto c = Open(url);
  ASSERT_TRUE(c);
  std::string old_sum = QueryLines(*c, "SELECT MD5SUM FROM databasechangelog")[0];
  old_sum.pop_back();
  write("select 3", "      validCheckSum: " + old_sum + "\n", true);
  r = RunStrata(Args(url, "vc.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), (V{"c", "extra"}));
}

void IgnoreScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "ig.yaml",
            "databaseChangeLog:\n"
            "  - changeSet:\n      id: ignored\n      author: t\n      ignore: true\n"
            "      changes:\n        - sql: select * from no_such_table\n" +
                Sel("kept", ""));
  CmdResult r = RunStrata(Args(url, "ig.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), V{"kept"});
  EXPECT_NE(r.out.find("Filtered out:                 1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Ignored:                      1\n"), std::string::npos) << r.out;
}

void LogicalFilePathScenario(const std::string& url, const std::string& dir) {
  std::string text =
      "databaseChangeLog:\n  - logicalFilePath: \\db/logical.yaml\n" + Sel("a", "") +
      Sel("b", "      logicalFilePath: /other/path.yaml\n");
  WriteFile(dir, "first/lfp.yaml", text);
  CmdResult r = RunStrata(Args(url, "first/lfp.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(url);
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c, "SELECT ID, FILENAME FROM databasechangelog ORDER BY ORDEREXECUTED"),
            (V{"a|db/logical.yaml|", "b|other/path.yaml|"}));
  WriteFile(dir, "moved/lfp.yaml", text);
  r = RunStrata(Args(url, "moved/lfp.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), (V{"a", "b"}));
}

void RunOrderScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "ro.yaml",
            "databaseChangeLog:\n" + Sel("a1", "      runOrder: last\n") + Sel("a2", "") +
                Sel("a3", "      runOrder: first\n") +
                "  - include: {file: inc.yaml, relativeToChangelogFile: true}\n" +
                Sel("a4", "      runOrder: first\n") + Sel("a5", ""));
  WriteFile(dir, "inc.yaml",
            "databaseChangeLog:\n" + Sel("b1", "") + Sel("b2", "      runOrder: last\n") +
                Sel("b3", "      runOrder: first\n"));
  CmdResult r = RunStrata(Args(url, "ro.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), (V{"a3", "b3", "a4", "a2", "b1", "a5", "a1", "b2"}));
  WriteFile(dir, "bad.yaml", "databaseChangeLog:\n" + Sel("x", "      runOrder: First\n"));
  r = RunStrata(Args(url, "bad.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.yaml:2:5: error: Unknown runOrder: First"), std::string::npos)
      << r.err;
}

void QuotingScenario(const std::string& url, const std::string& dir,
                     const std::vector<std::string>& expected) {
  std::string text = "databaseChangeLog:\n";
  int i = 0;
  for (const char* s : {"LEGACY", "QUOTE_ALL_OBJECTS", "QUOTE_ONLY_RESERVED_WORDS"}) {
    std::string n = std::to_string(++i);
    text += "  - changeSet:\n      id: q" + n + "\n      author: t\n      objectQuotingStrategy: " +
            s + "\n      changes:\n        - createTable:\n            tableName: MyTable" + n +
            "\n            columns:\n              - column: {name: id, type: int}\n"
            "              - column: {name: user, type: varchar(10)}\n"
            "              - column: {name: Name, type: varchar(10)}\n";
  }
  WriteFile(dir, "q.yaml", text);
  CmdResult r = RunStrata(Args(url, "q.yaml", {"update-sql"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& e : expected) EXPECT_NE(r.out.find(e), std::string::npos) << e << r.out;
  r = RunStrata(Args(url, "q.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), (V{"q1", "q2", "q3"}));
  WriteFile(dir, "bad.yaml",
            "databaseChangeLog:\n" + Sel("x", "      objectQuotingStrategy: quote_all_objects\n"));
  r = RunStrata(Args(url, "bad.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("unknown objectQuotingStrategy 'quote_all_objects'"), std::string::npos)
      << r.err;
}

void ValidationFailScenario(const std::string& url, const std::string& dir) {
  const std::string ok1 =
      "  - changeSet:\n      id: ok1\n      author: t\n      changes:\n"
      "        - createTable:\n            tableName: t1\n            columns:\n"
      "              - column: {name: id, type: int}\n";
  const std::string bad_attr =
      "  - changeSet:\n      id: bad_attr\n      author: t\n      onValidationFail: MARK_RAN\n"
      "      changes:\n        - addColumn:\n            tableName: t1\n";
  const std::string ok2 =
      "  - changeSet:\n      id: ok2\n      author: t\n      changes:\n"
      "        - createTable:\n            tableName: t3\n            columns:\n"
      "              - column: {name: id, type: int}\n";
  auto bad_mr = [](const std::string& columns) {
    return "  - changeSet:\n      id: bad_mr\n      author: t\n      onValidationFail: MARK_RAN\n"
           "      changes:\n        - createTable:\n            tableName: t2\n" +
           columns;
  };
  WriteFile(dir, "ovf.yaml", "databaseChangeLog:\n" + ok1 + bad_mr("") + bad_attr + ok2);

  CmdResult r = RunStrata(Args(url, "ovf.yaml", {"validate"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("No validation errors found."), std::string::npos) << r.err;
  r = RunStrata(Args(url, "ovf.yaml", {"status", "--verbose"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("4 changesets have not been applied"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ovf.yaml::bad_mr::t"), std::string::npos) << r.out;

  r = RunStrata(Args(url, "ovf.yaml", {"update-sql"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("-- Changeset ovf.yaml::ok1::t\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("-- Changeset ovf.yaml::bad_mr::t"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("CREATE TABLE t2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("'9:c1fd670afda5936f14623c87e8e19847', 'createTable tableName=t2', '', "
                       "'MARK_RAN'"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(HasTable(url, "t1"));

  r = RunStrata(Args(url, "ovf.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Run:                          4\n"), std::string::npos) << r.out;
  EXPECT_NE((r.out + r.err).find("ovf.yaml::bad_mr::t as ran without running it: it failed "
                                 "validation"),
            std::string::npos)
      << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("ovf.yaml:15:11: createTable: missing required attribute "
                                 "'columns'"),
            std::string::npos)
      << r.out << r.err;
  auto c = Open(url);
  ASSERT_TRUE(c);
  // The sums Liquibase 4.28 stored for the same changesets.
  EXPECT_EQ(QueryLines(*c, "SELECT ID, EXECTYPE, MD5SUM FROM databasechangelog "
                           "ORDER BY ORDEREXECUTED"),
            (V{"ok1|EXECUTED|9:53bc068be4af2c1880398b77cb5f84f4|",
               "bad_mr|MARK_RAN|9:c1fd670afda5936f14623c87e8e19847|",
               "bad_attr|MARK_RAN|9:2bbd55a5d2ac2449e3a11f597824b2cf|",
               "ok2|EXECUTED|9:6017a8ae34afecc54db4671474978e8f|"}));
  EXPECT_TRUE(HasTable(url, "t1"));
  EXPECT_FALSE(HasTable(url, "t2"));
  EXPECT_TRUE(HasTable(url, "t3"));

  r = RunStrata(Args(url, "ovf.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Database is up to date"), std::string::npos) << r.out;
  EXPECT_EQ(Ids(url), (V{"ok1", "bad_mr", "bad_attr", "ok2"}));

  // Rolling back such a changeset only deletes its row: nothing of it ran
  // (Liquibase would DROP TABLE t2, which was never created).
  r = RunStrata(Args(url, "ovf.yaml", {"rollback-count-sql", "--count=3"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("DROP TABLE t3"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("DROP TABLE t2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("-- Rolling Back ChangeSet: ovf.yaml::bad_mr::t\nDELETE FROM "),
            std::string::npos)
      << r.out;
  r = RunStrata(Args(url, "ovf.yaml", {"rollback-count", "--count=3"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Ids(url), V{"ok1"});
  EXPECT_FALSE(HasTable(url, "t3"));
  r = RunStrata(Args(url, "ovf.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Rows(url), (V{"ok1|EXECUTED|NULL|NULL|", "bad_mr|MARK_RAN|NULL|NULL|",
                          "bad_attr|MARK_RAN|NULL|NULL|", "ok2|EXECUTED|NULL|NULL|"}));

  // Fixed afterwards, its checksum no longer matches the MARK_RAN row.
  WriteFile(dir, "ovf.yaml",
            "databaseChangeLog:\n" + ok1 +
                bad_mr("            columns:\n              - column: {name: id, type: int}\n") +
                bad_attr + ok2);
  r = RunStrata(Args(url, "ovf.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("ovf.yaml::bad_mr::t was: 9:c1fd670afda5936f14623c87e8e19847 but is now: "
                       "9:62edd8e1d3029a3981b54d0160e2b204"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(HasTable(url, "t2"));

  // HALT: the load error names the change; nothing runs.
  WriteFile(dir, "halt.yaml",
            "databaseChangeLog:\n" + Sel("h_ok", "") +
                "  - changeSet:\n      id: h_bad\n      author: t\n      onValidationFail: HALT\n"
                "      changes:\n        - createTable:\n            tableName: h2\n");
  r = RunStrata(Args(url, "halt.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("halt.yaml:13:11: error: createTable: missing required attribute "
                       "'columns'"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Ids(url), (V{"ok1", "bad_mr", "bad_attr", "ok2"}));
  r = RunStrata(Args(url, "halt.yaml", {"validate"}), dir);
  EXPECT_EQ(r.exit_code, 1);
}

void CreatedScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "cr.yaml",
            "databaseChangeLog:\n" + Sel("plain", "") +
                Sel("noted", "      created: \"2024-05-16 19:00\"\n"));
  CmdResult r = RunStrata(Args(url, "cr.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(url);
  ASSERT_TRUE(c);
  std::vector<std::string> sums =
      QueryLines(*c, "SELECT MD5SUM FROM databasechangelog ORDER BY ORDEREXECUTED");
  ASSERT_EQ(sums.size(), 2u);
  EXPECT_EQ(sums[0], sums[1]);
}

}  // namespace strata::test::semantics
