// modifySql on real SQLite files: the visitors change what update runs,
// update-sql prints exactly those statements, visitors for other engines
// (postgresql, mysql) are left out, and rollback applies only
// applyToRollback visitors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "e2e_util.h"
#include "test_util.h"

namespace strata::test {
namespace {

std::vector<std::string> Args(const std::string& url, std::vector<std::string> rest) {
  std::vector<std::string> a = {"--changelog-file=main.xml", "--url=" + url};
  a.insert(a.end(), rest.begin(), rest.end());
  return a;
}

TEST(ModifySqlSqlite, UpdateRunsWhatUpdateSqlPrints) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/app.db";
  WriteFile(dir, "main.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
            "  <changeSet id=\"1\" author=\"a\">\n"
            "    <createTable tableName=\"widget\">\n"
            "      <column name=\"id\" type=\"int\"/>\n"
            "      <column name=\"name\" type=\"varchar(10)\"/>\n"
            "    </createTable>\n"
            "    <modifySql><replace replace=\"VARCHAR(10)\" with=\"VARCHAR(20)\"/></modifySql>\n"
            "    <modifySql dbms=\"mysql\"><append value=\" ENGINE=InnoDB\"/></modifySql>\n"
            "    <modifySql><append value=\" /* widget */\"/></modifySql>\n"
            "  </changeSet>\n"
            "  <changeSet id=\"2\" author=\"a\">\n"
            "    <insert tableName=\"widget\">\n"
            "      <column name=\"id\" valueNumeric=\"1\"/>\n"
            "      <column name=\"name\" value=\"plain\"/>\n"
            "    </insert>\n"
            "    <modifySql dbms=\"sqlite\">\n"
            "      <regExpReplace replace=\"'(\\w+)'\" with=\"upper('$1')\"/>\n"
            "    </modifySql>\n"
            "    <modifySql dbms=\"postgresql\"><append value=\" RETURNING id\"/></modifySql>\n"
            "  </changeSet>\n"
            "  <changeSet id=\"3\" author=\"a\">\n"
            "    <createTable tableName=\"gadget\"><column name=\"id\" type=\"int\"/></createTable>\n"
            "    <modifySql applyToRollback=\"true\"><replace replace=\"gadget\" with=\"gizmo\"/></modifySql>\n"
            "    <modifySql><prepend value=\"/* only forward */ \"/></modifySql>\n"
            "  </changeSet>\n"
            "</databaseChangeLog>\n");

  CmdResult printed = RunStrata(Args(url, {"update-sql"}), dir);
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  std::vector<std::string> statements = ScriptStatements(printed.out);
  auto has = [&](const std::string& s) {
    for (const std::string& st : statements)
      if (st == s) return true;
    return false;
  };
  EXPECT_TRUE(has("CREATE TABLE widget (id INTEGER, name VARCHAR(20)) /* widget */")) << printed.out;
  EXPECT_TRUE(has("INSERT INTO widget (id, name) VALUES (1, upper('plain'))")) << printed.out;
  EXPECT_TRUE(has("/* only forward */ CREATE TABLE gizmo (id INTEGER)")) << printed.out;
  EXPECT_EQ(printed.out.find("ENGINE=InnoDB"), std::string::npos);
  EXPECT_EQ(printed.out.find("RETURNING"), std::string::npos);

  CmdResult r = RunStrata(Args(url, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(url);
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c, "SELECT id, name FROM widget"), (std::vector<std::string>{"1|PLAIN|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT type FROM pragma_table_info('widget') WHERE name = 'name'"),
            (std::vector<std::string>{"VARCHAR(20)|"}));
  EXPECT_TRUE(HasTable(url, "gizmo"));
  EXPECT_FALSE(HasTable(url, "gadget"));
  r = RunStrata(Args(url, {"validate"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;

  CmdResult rb = RunStrata(Args(url, {"rollback-count-sql", "--count=1"}), dir);
  ASSERT_EQ(rb.exit_code, 0) << rb.err;
  EXPECT_NE(rb.out.find("\nDROP TABLE gizmo;"), std::string::npos) << rb.out;
  EXPECT_EQ(rb.out.find("only forward"), std::string::npos) << rb.out;
  r = RunStrata(Args(url, {"rollback-count", "--count=1"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(HasTable(url, "gizmo"));
  EXPECT_EQ(HistoryRows(url).size(), 2u);
}

}  // namespace
}  // namespace strata::test
