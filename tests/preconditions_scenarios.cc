// The bodies of what preconditions_scenarios.h declares, compiled once into the test helper
// library (strata_test_util) rather than into every test that uses them.
#include "preconditions_scenarios.h"

namespace strata::test::pre {

std::vector<std::string> Args(const std::string& url, const std::string& changelog,
                              std::vector<std::string> more) {
  std::vector<std::string> args = {"--url=" + url, "--changelog-file=" + changelog};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::string Guarded(const std::string& id, const std::vector<std::string>& options,
                    const std::vector<std::string>& conditions,
                    const std::string& sql) {
  std::string out = "  - changeSet:\n      id: " + id + "\n      author: a\n      preConditions:\n";
  for (const std::string& o : options) out += "        - " + o + "\n";
  for (const std::string& c : conditions) out += "        - " + c + "\n";
  out += "      changes:\n        - sql: \"" + sql + "\"\n";
  return out;
}

std::string Plain(const std::string& id, const std::string& sql) {
  return "  - changeSet:\n      id: " + id + "\n      author: a\n      changes:\n        - sql: \"" +
         sql + "\"\n";
}

std::map<std::string, std::string> Rows(const std::string& url,
                                        const std::string& table) {
  std::map<std::string, std::string> out;
  auto c = Open(url);
  if (!c) return out;
  std::vector<Row> rows;
  Status s = c->Query("SELECT ID, EXECTYPE, ORDEREXECUTED FROM " + table, &rows);
  EXPECT_TRUE(s.ok()) << s.message();
  for (const Row& r : rows) out[r[0].value_or("")] = r[1].value_or("") + " " + r[2].value_or("");
  return out;
}

std::vector<std::string> Values(const std::string& url, const std::string& sql) {
  auto c = Open(url);
  if (!c) return {};
  return QueryLines(*c, sql);
}

void ModesScenario(const std::string& url, const std::string& dir) {
  std::string log = "databaseChangeLog:\n" + Plain("0", "create table t (id int)") +
                    Guarded("1", {"onFail: MARK_RAN"}, {"tableExists: {tableName: nosuch}"},
                            "insert into t values (1)") +
                    Guarded("2", {"onFail: CONTINUE"}, {"tableExists: {tableName: later}"},
                            "insert into t values (2)") +
                    Guarded("3", {"onFail: WARN"}, {"tableExists: {tableName: nosuch}"},
                            "insert into t values (3)") +
                    "  - changeSet:\n      id: 4\n      author: a\n      failOnError: false\n"
                    "      changes:\n        - sql: insert into nosuch values (1)\n" +
                    Plain("5", "create table later (id int)") +
                    Guarded("6", {"onError: MARK_RAN"},
                            {"sqlCheck: {expectedResult: '1', sql: select count(*) from nosuch_x}"},
                            "insert into t values (6)") +
                    Guarded("7", {"onError: CONTINUE"},
                            {"sqlCheck: {expectedResult: '1', sql: select count(*) from nosuch_x}"},
                            "insert into t values (7)") +
                    Guarded("8", {"onError: WARN"},
                            {"sqlCheck: {expectedResult: '1', sql: select count(*) from nosuch_x}"},
                            "insert into t values (8)");
  WriteFile(dir, "modes.yaml", log);
  CmdResult r = RunStrata(Args(url, "modes.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Contains(r.out + r.err, "WARNING: Executing modes.yaml::3::a despite precondition failure"))
      << r.out << r.err;
  std::map<std::string, std::string> expected = {
      {"0", "EXECUTED 1"}, {"1", "MARK_RAN 2"}, {"3", "EXECUTED 3"},
      {"5", "EXECUTED 4"}, {"6", "MARK_RAN 5"}, {"8", "EXECUTED 6"}};
  EXPECT_EQ(Rows(url), expected);
  EXPECT_EQ(Values(url, "SELECT id FROM t ORDER BY id"), (std::vector<std::string>{"3|", "8|"}));

  // Second run: 2 (CONTINUE) now passes and gets the next number; 4 and 7
  // fail again and leave no gap.
  r = RunStrata(Args(url, "modes.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  expected["2"] = "EXECUTED 7";
  EXPECT_EQ(Rows(url), expected);
  EXPECT_EQ(Values(url, "SELECT id FROM t ORDER BY id"),
            (std::vector<std::string>{"2|", "3|", "8|"}));
}

void HaltScenario(const std::string& url, const std::string& dir) {
  std::string log = "databaseChangeLog:\n" + Plain("0", "create table t (id int)") +
                    "  - changeSet:\n      id: 1\n      author: a\n      preConditions:\n"
                    "        - onFailMessage: the table nosuch is needed\n"
                    "        - tableExists:\n            tableName: nosuch\n"
                    "      changes:\n        - sql: insert into t values (1)\n" +
                    Plain("2", "create table after_halt (id int)");
  WriteFile(dir, "halt.yaml", log);
  CmdResult r = RunStrata(Args(url, "halt.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Contains(r.err, "the table nosuch is needed")) << r.err;
  EXPECT_TRUE(Contains(r.err, "Preconditions Failed in changeset halt.yaml::1::a")) << r.err;
  EXPECT_TRUE(Contains(r.err, "halt.yaml:12:11: tableExists: table nosuch does not exist")) << r.err;
  EXPECT_EQ(Rows(url), (std::map<std::string, std::string>{{"0", "EXECUTED 1"}}));
  EXPECT_TRUE(Values(url, "SELECT id FROM t").empty());
  EXPECT_FALSE(HasTable(url, "after_halt"));

  // onError HALT: a condition that cannot be checked.
  WriteFile(dir, "halt_error.yaml",
            "databaseChangeLog:\n" +
                Guarded("1", {}, {"sqlCheck: {expectedResult: '0', sql: select * from nosuch}"},
                        "create table never (id int)"));
  r = RunStrata(Args(url, "halt_error.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Contains(r.err, "Preconditions Error in changeset halt_error.yaml::1::a")) << r.err;
  EXPECT_TRUE(Contains(r.err, "halt_error.yaml:6:11: sqlCheck: ")) << r.err;
  EXPECT_FALSE(HasTable(url, "never"));
}

void NestedScenario(const std::string& url, const std::string& dir) {
  const std::string mr = "onFail: MARK_RAN";
  std::string log =
      "databaseChangeLog:\n" + Plain("0", "create table t (id int)") +
      Guarded("or_true", {mr}, {"or: [{tableExists: {tableName: nosuch}}, {tableExists: {tableName: t}}]"}) +
      Guarded("or_false", {mr}, {"or: [{tableExists: {tableName: nosuch}}, {tableExists: {tableName: nosuch2}}]"}) +
      Guarded("and_true", {mr}, {"and: [{tableExists: {tableName: t}}, {columnExists: {tableName: t, columnName: id}}]"}) +
      Guarded("and_false", {mr}, {"and: [{tableExists: {tableName: nosuch}}, {tableExists: {tableName: t}}]"}) +
      Guarded("not_true", {mr}, {"not: [{tableExists: {tableName: nosuch}}, {tableExists: {tableName: nosuch2}}]"}) +
      Guarded("not_false", {mr}, {"not: [{tableExists: {tableName: nosuch}}, {tableExists: {tableName: t}}]"}) +
      Guarded("implicit_and", {mr}, {"tableExists: {tableName: t}", "tableExists: {tableName: nosuch}"}) +
      Guarded("deep", {mr}, {"not: [{or: [{and: [{tableExists: {tableName: t}}, {tableExists: {tableName: nosuch}}]}]}]"});
  WriteFile(dir, "nested.yaml", log);
  CmdResult r = RunStrata(Args(url, "nested.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::map<std::string, std::string> rows = Rows(url);
  auto type = [&](const std::string& id) { return rows[id].substr(0, rows[id].find(' ')); };
  EXPECT_EQ(type("or_true"), "EXECUTED");
  EXPECT_EQ(type("or_false"), "MARK_RAN");
  EXPECT_EQ(type("and_true"), "EXECUTED");
  EXPECT_EQ(type("and_false"), "MARK_RAN");
  EXPECT_EQ(type("not_true"), "EXECUTED");
  EXPECT_EQ(type("not_false"), "MARK_RAN");
  EXPECT_EQ(type("implicit_and"), "MARK_RAN");
  EXPECT_EQ(type("deep"), "EXECUTED");
}

void ChangeLogLevelScenario(const std::string& url, const std::string& dir) {
  const std::string body = Plain("1", "create table t1 (id int)");
  for (const char* mode : {"HALT", "CONTINUE", "MARK_RAN"}) {
    WriteFile(dir, "cl.yaml",
              std::string("databaseChangeLog:\n  - preConditions:\n      - onFail: ") + mode +
                  "\n      - tableExists: {tableName: nosuch}\n" + body);
    CmdResult r = RunStrata(Args(url, "cl.yaml", {"update"}), dir);
    EXPECT_EQ(r.exit_code, 1) << mode << r.out << r.err;
    EXPECT_TRUE(Contains(r.err, "Validation Failed:\n     1 preconditions failed")) << r.err;
    EXPECT_TRUE(Contains(r.err, "cl.yaml:4:9: tableExists: table nosuch does not exist")) << r.err;
    EXPECT_FALSE(HasTable(url, "t1")) << mode;
    // status and validate check them as update does (Liquibase 4.28: the
    // same "Validation Failed" error, exit 1).
    for (const char* command : {"status", "validate"}) {
      r = RunStrata(Args(url, "cl.yaml", {command}), dir);
      EXPECT_EQ(r.exit_code, 1) << command << mode << r.out << r.err;
      EXPECT_TRUE(Contains(r.err, "Validation Failed:\n     1 preconditions failed"))
          << command << r.err;
      EXPECT_TRUE(Contains(r.err, "cl.yaml:4:9: tableExists: table nosuch does not exist"))
          << command << r.err;
    }
  }
  WriteFile(dir, "cl.yaml",
            "databaseChangeLog:\n  - preConditions:\n      - onFail: WARN\n"
            "      - tableExists: {tableName: nosuch}\n" + body);
  CmdResult r = RunStrata(Args(url, "cl.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Contains(r.err, "WARNING: Executing the changelog despite precondition failure"))
      << r.err;
  EXPECT_TRUE(HasTable(url, "t1"));
  for (const char* command : {"status", "validate"}) {
    r = RunStrata(Args(url, "cl.yaml", {command}), dir);
    EXPECT_EQ(r.exit_code, 0) << command << r.out << r.err;
    EXPECT_TRUE(Contains(r.err, "WARNING: Executing the changelog despite precondition failure"))
        << command << r.err;
  }

  // Nothing pending: still checked.
  WriteFile(dir, "cl.yaml",
            "databaseChangeLog:\n  - preConditions:\n      - tableExists: {tableName: nosuch}\n" +
                body);
  r = RunStrata(Args(url, "cl.yaml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Contains(r.err, "Validation Failed")) << r.err;
}

void PropertyDefinedLaterScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "later.yaml",
            "databaseChangeLog:\n" +
                Guarded("global", {"onFail: MARK_RAN"},
                        {"changeLogPropertyDefined: {property: later}"}) +
                Guarded("global_value", {"onFail: MARK_RAN"},
                        {"changeLogPropertyDefined: {property: later, value: v1}"}) +
                Guarded("wrong_value", {"onFail: MARK_RAN"},
                        {"changeLogPropertyDefined: {property: later, value: v2}"}) +
                Guarded("local", {"onFail: MARK_RAN"},
                        {"changeLogPropertyDefined: {property: later_local}"}) +
                Guarded("from_include", {"onFail: MARK_RAN"},
                        {"changeLogPropertyDefined: {property: included}"}) +
                Guarded("other_files_local", {"onFail: MARK_RAN"},
                        {"changeLogPropertyDefined: {property: inc_local}"}) +
                "  - property: {name: later, value: v1}\n"
                "  - property: {name: later_local, value: v2, global: false}\n"
                "  - include: {file: inc.yaml, relativeToChangelogFile: true}\n");
  WriteFile(dir, "inc.yaml",
            "databaseChangeLog:\n  - property: {name: included, value: v3}\n"
            "  - property: {name: inc_local, value: v4, global: false}\n");
  CmdResult r = RunStrata(Args(url, "later.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::map<std::string, std::string> rows = Rows(url);
  EXPECT_EQ(rows["global"], "EXECUTED 1");
  EXPECT_EQ(rows["global_value"], "EXECUTED 2");
  EXPECT_EQ(rows["wrong_value"], "MARK_RAN 3");
  EXPECT_EQ(rows["local"], "EXECUTED 4");
  EXPECT_EQ(rows["from_include"], "EXECUTED 5");
  EXPECT_EQ(rows["other_files_local"], "MARK_RAN 6");
}

void UpdateSqlScenario(const std::string& url, const std::string& offline,
                       const std::string& dir) {
  WriteFile(dir, "sql.yaml", "databaseChangeLog:\n" + Plain("0", "create table t (id int)"));
  ASSERT_EQ(RunStrata(Args(url, "sql.yaml", {"update"}), dir).exit_code, 0);
  std::string log =
      "databaseChangeLog:\n" + Plain("0", "create table t (id int)") +
      Guarded("1", {"onFail: MARK_RAN", "onSqlOutput: TEST"}, {"tableExists: {tableName: nosuch}"},
              "insert into t values (1)") +
      "  - changeSet:\n      id: 2\n      author: a\n      comment: hello\n"
      "      preConditions:\n        - onFail: CONTINUE\n        - onUpdateSQL: TEST\n"
      "        - tableExists: {tableName: nosuch}\n"
      "      changes:\n        - sql: insert into t values (2)\n" +
      Guarded("3", {}, {"tableExists: {tableName: nosuch}"}, "insert into t values (3)") +
      Guarded("4", {"onFail: MARK_RAN", "onSqlOutput: TEST"}, {"tableExists: {tableName: t}"},
              "insert into t values (4)") +
      Plain("5", "insert into t values (5)");
  WriteFile(dir, "sql.yaml", log);
  CmdResult r = RunStrata(Args(url, "sql.yaml", {"update-sql"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string& s = r.out;
  EXPECT_FALSE(Contains(s, "insert into t values (1)")) << s;
  EXPECT_TRUE(Contains(s, "VALUES ('1', 'a', 'sql.yaml', ")) << s;
  EXPECT_FALSE(Contains(s, "create table t")) << s;  // changeset 0 ran before
  EXPECT_TRUE(Contains(s, "CURRENT_TIMESTAMP, 2, '9:") || Contains(s, "NOW(), 2, '9:")) << s;
  EXPECT_TRUE(Contains(s, "'MARK_RAN'")) << s;
  EXPECT_TRUE(Contains(s, "-- Changeset sql.yaml::2::a\n-- hello\n-- Changeset sql.yaml::3::a\n"))
      << s;
  EXPECT_FALSE(Contains(s, "insert into t values (2)")) << s;
  EXPECT_TRUE(Contains(s, "insert into t values (3)")) << s;  // IGNORE
  EXPECT_TRUE(Contains(s, "insert into t values (4)")) << s;  // TEST, passes
  size_t five = s.find("VALUES ('5', 'a'");
  ASSERT_NE(five, std::string::npos) << s;
  EXPECT_TRUE(Contains(s.substr(five), ", 5, '9:")) << s;  // 1, 3, 4 then 5: no gap for 2
  EXPECT_EQ(Rows(url).size(), 1u);                         // nothing ran
  EXPECT_TRUE(Values(url, "SELECT id FROM t").empty());

  // FAIL: HALT stops update-sql; MARK_RAN prints the MARK_RAN row.
  WriteFile(dir, "fail.yaml",
            "databaseChangeLog:\n" + Guarded("1", {"onSqlOutput: FAIL"},
                                             {"tableExists: {tableName: t}"}, "select 1"));
  r = RunStrata(Args(url, "fail.yaml", {"update-sql"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(Contains(r.err, "Unexpected precondition in updateSQL mode with onUpdateSQL value: FAIL"))
      << r.err;
  WriteFile(dir, "fail.yaml",
            "databaseChangeLog:\n" + Guarded("1", {"onSqlOutput: FAIL", "onFail: MARK_RAN"},
                                             {"tableExists: {tableName: t}"}, "select 42"));
  r = RunStrata(Args(url, "fail.yaml", {"update-sql"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "'MARK_RAN'")) << r.out;
  EXPECT_FALSE(Contains(r.out, "select 42")) << r.out;

  // Offline: TEST needs a database; IGNORE does not.
  r = RunStrata(Args(offline, "sql.yaml", {"update-sql"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(Contains(r.err, "sql.yaml:10:7: error: preConditions with onSqlOutput TEST need a database"))
      << r.err;
  WriteFile(dir, "ignore.yaml",
            "databaseChangeLog:\n" + Guarded("1", {}, {"tableExists: {tableName: nosuch}"},
                                             "insert into t values (1)"));
  r = RunStrata(Args(offline, "ignore.yaml", {"update-sql"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "insert into t values (1)")) << r.out;
}

void LiveCatalogScenario(const std::string& url, const std::string& dir) {
  std::string log = "databaseChangeLog:\n" + Plain("0", "create table made (id int)") +
                    Guarded("1", {}, {"tableExists: {tableName: made}",
                                      "columnExists: {tableName: made, columnName: id}",
                                      "tableIsEmpty: {tableName: made}",
                                      "changeSetExecuted: {id: '0', author: a, changeLogFile: live.yaml}"},
                            "insert into made values (1)") +
                    Guarded("2", {}, {"rowCount: {tableName: made, expectedRows: 1}",
                                      "changeSetExecuted: {id: '1', author: a}"});
  WriteFile(dir, "live.yaml", log);
  CmdResult r = RunStrata(Args(url, "live.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(Rows(url), (std::map<std::string, std::string>{
                           {"0", "EXECUTED 1"}, {"1", "EXECUTED 2"}, {"2", "EXECUTED 3"}}));
}

void RollbackScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "rb.yaml",
            "databaseChangeLog:\n" + Plain("0", "create table r (id int)") +
                "  - changeSet:\n      id: 1\n      author: a\n      preConditions:\n"
                "        - tableIsEmpty: {tableName: r}\n"
                "      changes:\n        - sql: insert into r values (1)\n"
                "      rollback:\n        - sql: delete from r\n");
  ASSERT_EQ(RunStrata(Args(url, "rb.yaml", {"update"}), dir).exit_code, 0);
  CmdResult r = RunStrata(Args(url, "rb.yaml", {"rollback-count", "--count=1"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Values(url, "SELECT id FROM r").empty());
  EXPECT_EQ(Rows(url).size(), 1u);
}

void XmlScenario(const std::string& url, const std::string& dir) {
  WriteFile(dir, "x.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
            "  <changeSet id=\"0\" author=\"a\"><sql>create table t (id int)</sql></changeSet>\n"
            "  <changeSet id=\"1\" author=\"a\">\n"
            "    <preConditions onFail=\"MARK_RAN\">\n"
            "      <not><tableExists tableName=\"t\"/></not>\n"
            "    </preConditions>\n"
            "    <tagDatabase tag=\"v1\"/>\n"
            "  </changeSet>\n"
            "  <changeSet id=\"2\" author=\"a\">\n"
            "    <preConditions onFail=\"MARK_RAN\">\n"
            "      <sqlCheck expectedResult=\"0\">select count(*) from t</sqlCheck>\n"
            "      <or><columnExists tableName=\"t\" columnName=\"nope\"/>"
            "<columnExists tableName=\"t\" columnName=\"id\"/></or>\n"
            "    </preConditions>\n"
            "    <sql>insert into t values (2)</sql>\n"
            "  </changeSet>\n"
            "</databaseChangeLog>\n");
  CmdResult r = RunStrata(Args(url, "x.xml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(Rows(url), (std::map<std::string, std::string>{
                           {"0", "EXECUTED 1"}, {"1", "MARK_RAN 2"}, {"2", "EXECUTED 3"}}));
  std::vector<std::string> tag = Values(
      url, "SELECT TAG, DESCRIPTION, MD5SUM FROM databasechangelog WHERE ID = '1'");
  ASSERT_EQ(tag.size(), 1u);
  EXPECT_EQ(tag[0].substr(0, 15), "v1|tagDatabase|");
  EXPECT_EQ(tag[0].substr(15, 2), "9:");
  EXPECT_EQ(Values(url, "SELECT id FROM t"), (std::vector<std::string>{"2|"}));

  // Liquibase's XSD allows only HALT and WARN on changelog-level blocks.
  WriteFile(dir, "bad.xml",
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
            "  <preConditions onFail=\"CONTINUE\"><tableExists tableName=\"t\"/></preConditions>\n"
            "  <changeSet id=\"1\" author=\"a\"><preConditions>"
            "<customPrecondition className=\"com.example.Check\"/></preConditions>"
            "<sql>create table never (id int)</sql></changeSet>\n"
            "</databaseChangeLog>\n");
  r = RunStrata(Args(url, "bad.xml", {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "bad.xml:2:3: error: changelog-level preConditions onFail='CONTINUE'"))
      << r.err;
  EXPECT_TRUE(Contains(r.err, "bad.xml:3:47: error: customPrecondition names a Java class")) << r.err;
  EXPECT_FALSE(HasTable(url, "never"));
}

}  // namespace strata::test::pre
