// The inspection and maintenance commands against real SQLite files. The
// texts follow Liquibase 4.28 run through sqlite-jdbc on the same changelog
// (the oracle); see commands_inspect_pg_test.cc for the PostgreSQL side.
#include "e2e_scenarios.h"

namespace strata::test {
namespace {

constexpr const char* kChangelog =
    "databaseChangeLog:\n"
    "  - changeSet:\n"
    "      id: 1\n"
    "      author: alice\n"
    "      changes:\n"
    "        - createTable:\n"
    "            tableName: person\n"
    "            columns:\n"
    "              - column: {name: id, type: int}\n"
    "              - column: {name: name, type: varchar(50)}\n"
    "  - changeSet:\n"
    "      id: 2\n"
    "      author: bob\n"
    "      changes:\n"
    "        - addColumn:\n"
    "            tableName: person\n"
    "            columns:\n"
    "              - column: {name: email, type: varchar(255)}\n"
    "  - changeSet:\n"
    "      id: 3\n"
    "      author: alice\n"
    "      changes:\n"
    "        - tagDatabase: {tag: v1}\n";

class InspectSqlite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir();
    url_ = "sqlite:" + dir_ + "/app.db";
    WriteFile(dir_, "changelog.yaml", kChangelog);
  }
  CmdResult Run(std::vector<std::string> args) {
    std::vector<std::string> a = {"--url=" + url_, "--changelog-file=changelog.yaml"};
    a.insert(a.end(), args.begin(), args.end());
    return RunStrata(a, dir_);
  }
  // sqlite-jdbc has no user name; Liquibase prints it as "null".
  std::string UserAtUrl() const { return "null@" + url_; }
  void Update() {
    CmdResult r = Run({"update"});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  }
  std::string dir_, url_;
};

TEST_F(InspectSqlite, HistoryStatusAndValidate) {
  CmdResult r = Run({"history"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Liquibase History for " + url_ + "\n\nNo changesets deployed\n");
  r = Run({"status", "--verbose=false"});
  EXPECT_EQ(r.out, "3 changesets have not been applied to " + UserAtUrl() + "\n");
  EXPECT_FALSE(HasTable(url_, "DATABASECHANGELOG"));  // read-only
  r = Run({"validate"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "No validation errors found.\n");

  Update();
  auto c = Open(url_);
  ASSERT_TRUE(c->Execute("UPDATE DATABASECHANGELOG SET DEPLOYMENT_ID = '1111111111', "
                         "DATEEXECUTED = '2026-03-04 15:06:07.250'").ok());
  ASSERT_TRUE(c->Execute("UPDATE DATABASECHANGELOG SET DATEEXECUTED = "
                         "'2026-03-04 15:06:09.000' WHERE ID = '3'").ok());
  r = Run({"history", "--format=TEXT"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Liquibase History for " + url_ + "\n\n"
                   "- Database updated at 3/4/26, 3:06 PM. Applied 3 changeset(s) in 1.75s, "
                   "DeploymentId: 1111111111\n"
                   "  changelog.yaml::1::alice\n  changelog.yaml::2::bob\n"
                   "  changelog.yaml::3::alice\n\n");
  r = Run({"history"});
  const std::string rule =
      "+---------------+-----------------+----------------+------------------+--------------+-----+\n";
  EXPECT_EQ(r.out,
            "Liquibase History for " + url_ + "\n\n" + rule +
                "| Deployment ID | Update Date     | Changelog Path | Changeset Author | Changeset ID | Tag |\n" +
                rule +
                "| 1111111111    | 3/4/26, 3:06 PM | changelog.yaml | alice            | 1            |     |\n" +
                rule +
                "| 1111111111    | 3/4/26, 3:06 PM | changelog.yaml | bob              | 2            |     |\n" +
                rule +
                "| 1111111111    | 3/4/26, 3:06 PM | changelog.yaml | alice            | 3            | v1  |\n" +
                rule + "\n");
  r = Run({"status"});
  EXPECT_EQ(r.out, UserAtUrl() + " is up to date\n");
}

// validate with an offline URL loads, validates and checksums everything
// without a database (tools/bench measures it); errors name file:line:col.
TEST_F(InspectSqlite, ValidateOffline) {
  std::vector<std::string> offline = {"--url=offline:sqlite", "--changelog-file=changelog.yaml",
                                      "validate"};
  CmdResult r = RunStrata(offline, dir_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "No validation errors found.\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/app.db"));

  // The same identity twice: the second changeset starts at line 24.
  WriteFile(dir_, "changelog.yaml",
            std::string(kChangelog) +
                "  - changeSet:\n"
                "      id: 2\n"
                "      author: bob\n"
                "      changes:\n"
                "        - tagDatabase: {tag: v2}\n");
  r = RunStrata(offline, dir_);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("changelog.yaml:24:5"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("changelog.yaml::2::bob"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("No validation errors found."), std::string::npos) << r.err;
}

// SQLite's table rebuild (addDefaultValue, addAutoIncrement, dropColumn of
// an indexed column) needs the table's definition: validate follows the
// changesets update would run on a scratch copy of the schema, as update
// does, and does not re-check a rebuild that ran against today's schema
// (Liquibase 4.28's validate passes for all of these).
TEST_F(InspectSqlite, ValidateTableRebuilds) {
  WriteFile(dir_, "changelog.yaml",
            "databaseChangeLog:\n"
            "  - changeSet:\n"
            "      id: 1\n"
            "      author: alice\n"
            "      changes:\n"
            "        - createTable: {tableName: t, columns: [{column: {name: id, type: int, "
            "constraints: {primaryKey: true}}}, {column: {name: n, type: varchar(5)}}]}\n"
            "  - changeSet:\n"
            "      id: 2\n"
            "      author: alice\n"
            "      changes:\n"
            "        - addDefaultValue: {tableName: t, columnName: n, defaultValue: x}\n"
            "        - addAutoIncrement: {tableName: t, columnName: id, columnDataType: int}\n");
  CmdResult r = Run({"validate"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "No validation errors found.\n");
  Update();
  r = Run({"validate"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "No validation errors found.\n");

  // The schema moves on (column n goes), and a pending rebuild of a column
  // that is not there any more is still an error, with its location; the
  // addDefaultValue of n that ran is not.
  auto c = Open(url_);
  ASSERT_TRUE(c->Execute("ALTER TABLE t DROP COLUMN n").ok());
  WriteFile(dir_, "changelog.yaml",
            ReadFile(dir_ + "/changelog.yaml") +
                "  - changeSet:\n"
                "      id: 3\n"
                "      author: alice\n"
                "      changes:\n"
                "        - addDefaultValue: {tableName: t, columnName: n, defaultValue: y}\n");
  r = Run({"validate"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("changelog.yaml:17:11: addDefaultValue: table 't' has no column 'n'"),
            std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(":12:"), std::string::npos) << r.err;
}

TEST_F(InspectSqlite, TagExistsChecksumsAndUnexpected) {
  Update();
  CmdResult r = Run({"tag-exists", "--tag=v1"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "The tag 'v1' already exists in '" + UserAtUrl() + "'.\n");
  r = Run({"tag-exists", "--tag=v2"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "The tag 'v2' does NOT exist in '" + UserAtUrl() + "'.\n");

  r = Run({"calculate-checksum", "--changeset-identifier=changelog.yaml::2::bob"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "9:b4d3b9674cad39877b289d2461739a98\n");
  r = Run({"calculate-checksum", "--changeset-identifier=nope.yaml::2::bob"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("No such changeSet identified by changeSet id: 2, author: bob, path: "
                       "nope.yaml"),
            std::string::npos)
      << r.err;

  auto c = Open(url_);
  const std::string sums = "SELECT ID, MD5SUM FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED";
  auto before = QueryLines(*c, sums);
  r = Run({"clear-checksums"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(QueryLines(*c, "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE MD5SUM IS NULL"),
            (std::vector<std::string>{"3|"}));
  r = Run({"update"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(QueryLines(*c, sums), before);

  // A changeset removed from the changelog is unexpected.
  std::string two = kChangelog;
  two.resize(two.find("  - changeSet:\n      id: 3"));
  WriteFile(dir_, "changelog.yaml", two);
  r = Run({"unexpected-changesets", "--verbose"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "1 unexpected changes were found in " + UserAtUrl() +
                       "\n     changelog.yaml::3::alice\n");
}

// drop-all empties sqlite_master (tables, views, indexes, triggers and the
// tracking tables), even with rows a foreign key points at.
TEST_F(InspectSqlite, DropAll) {
  Update();
  auto c = Open(url_);
  ASSERT_TRUE(c->Execute("CREATE VIEW v1 AS SELECT * FROM person; "
                         "CREATE INDEX ix ON person(name); "
                         "CREATE TABLE parent (id INTEGER PRIMARY KEY); "
                         "CREATE TABLE kid (id INTEGER REFERENCES parent(id)); "
                         "INSERT INTO parent VALUES (1); INSERT INTO kid VALUES (1); "
                         "CREATE TRIGGER tr AFTER INSERT ON person BEGIN SELECT 1; END")
                  .ok());
  CmdResult r = Run({"drop-all"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("All objects dropped from " + UserAtUrl()), std::string::npos) << r.err;
  EXPECT_EQ(QueryLines(*c, "SELECT type, name FROM sqlite_master"), std::vector<std::string>{});
  r = Run({"drop-all", "--schemas=other"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("other"), std::string::npos) << r.err;
}

TEST_F(InspectSqlite, ExecuteSql) {
  Update();
  CmdResult r = Run({"execute-sql", "--sql=insert into person (id, name) values (1, 'ann'), "
                                    "(2, null);\nselect id, name from person order by id;\n"
                                    "select 1.5 as f where 0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Successfully Executed: insert into person (id, name) values (1, 'ann'), "
                   "(2, null)\n\n"
                   "Output of select id, name from person order by id:\nID | NAME |\n"
                   "1 | ann | \n2 | null | \n\n"
                   "Output of select 1.5 as f where 0:\n-- Empty Resultset --\n\n");
  // An empty --sql is an argument error, not an empty run.
  r = Run({"execute-sql", "--sql="});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--sql"), std::string::npos) << r.err;
  r = Run({"execute-sql", "--sql=select nope from person"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nope"), std::string::npos) << r.err;
}

TEST(InspectSqliteBadArgs, MissingArgumentsAreClearErrors) {
  std::string dir = TempDir();
  WriteFile(dir, "changelog.yaml", kChangelog);
  std::string url = "--url=sqlite:" + dir + "/x.db";
  CmdResult r = RunStrata({url, "execute-sql"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--sql"), std::string::npos) << r.err;
  r = RunStrata({url, "calculate-checksum"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Missing argument:  '--changeset-id', '--changeset-author', "
                       "'--changeset-path'."),
            std::string::npos)
      << r.err;
  r = RunStrata({url, "calculate-checksum", "--changeset-identifier=changelog.yaml::1::alice"},
                dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--changelog-file"), std::string::npos) << r.err;
  r = RunStrata({url, "drop-all", "--requireForce=true"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("adding the --force flag"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace strata::test
