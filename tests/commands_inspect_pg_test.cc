// The inspection and maintenance commands against the real PostgreSQL
// server: history, status, validate, tag-exists, calculate-checksum,
// unexpected-changesets, clear-checksums, drop-all and execute-sql.
//
// Expected texts were settled with Liquibase 4.28.0 run on the same
// changelog and database shape (the oracle); each test says what it
// pins down. Where Strata deliberately differs (read-only commands never
// create the tracking tables; Liquibase's status, validate, tag-exists and
// unexpected-changesets do), the test says so.
#include "e2e_scenarios.h"

namespace strata::test {
namespace {

// The changelog the oracle runs used.
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
    "      context: dev\n"
    "      labels: l1\n"
    "      comment: add email\n"
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

// Checksums Liquibase 4.28 stored / printed for the changesets above.
constexpr const char* kSum2 = "9:b4d3b9674cad39877b289d2461739a98";

// postgresql://user@host:port/db -> (jdbc:postgresql://host:port/db, user),
// the URL form the oracle printed, so messages compare byte for byte.
struct Jdbc {
  std::string url, user;
};
Jdbc ToJdbc(const std::string& url) {
  std::string rest = url.substr(url.find("//") + 2);
  std::string user;
  if (size_t at = rest.find('@'); at != std::string::npos) {
    user = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (size_t colon = user.find(':'); colon != std::string::npos) user.resize(colon);
  }
  if (user.empty()) user = "postgres";
  return {"jdbc:postgresql://" + rest, user};
}

class InspectPg : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pg = PgUrl();
    if (!pg) {
      const char* ci = std::getenv("CI");
      if (ci && std::string(ci) == "true") FAIL() << "CI=true but no STRATA_TEST_PG_URL";
      GTEST_SKIP() << "STRATA_TEST_PG_URL not set; run tools/test";
    }
    url_ = CreatePgDatabase();
    jdbc_ = ToJdbc(url_);
    dir_ = TempDir();
    WriteFile(dir_, "changelog.yaml", kChangelog);
  }
  // strata --url=<jdbc url> --username=<user> [--changelog-file] <args>
  CmdResult Run(std::vector<std::string> args, bool changelog = true) {
    std::vector<std::string> a = {"--url=" + jdbc_.url, "--username=" + jdbc_.user};
    if (changelog) a.push_back("--changelog-file=changelog.yaml");
    a.insert(a.end(), args.begin(), args.end());
    return RunStrata(a, dir_);
  }
  std::string UserAtUrl() const { return jdbc_.user + "@" + jdbc_.url; }
  void Update() {
    CmdResult r = Run({"update"});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  }
  // Pins DATEEXECUTED and DEPLOYMENT_ID so history output is stable.
  void PinHistory() {
    auto c = Open(url_);
    ASSERT_TRUE(c->Execute(
        "UPDATE databasechangelog SET DEPLOYMENT_ID = '5264889542', DATEEXECUTED = "
        "CASE ID WHEN '1' THEN TIMESTAMP '2026-11-21 12:41:05.123456' "
        "WHEN '2' THEN TIMESTAMP '2026-11-21 12:41:05.170999' "
        "ELSE TIMESTAMP '2026-11-21 00:05:00' END").ok());
    ASSERT_TRUE(c->Execute("UPDATE databasechangelog SET DEPLOYMENT_ID = '5264999999' "
                           "WHERE ID = '3'").ok());
  }
  std::string url_, dir_;
  Jdbc jdbc_;
};

// Liquibase 4.28: "Liquibase History for <url>", a blank line, "No
// changesets deployed"; and history creates no table (verified: none).
TEST_F(InspectPg, HistoryOnEmptyDatabase) {
  CmdResult r = Run({"history"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Liquibase History for " + jdbc_.url + "\n\nNo changesets deployed\n");
  EXPECT_FALSE(HasTable(url_, "databasechangelog"));
  EXPECT_FALSE(HasTable(url_, "databasechangeloglock"));
}

// TABULAR: one table per deployment, a rule after every row, a blank line
// after each table; dates in Java's SHORT en-US form (oracle output).
TEST_F(InspectPg, HistoryTabularMatchesLiquibase) {
  Update();
  PinHistory();
  CmdResult r = Run({"history"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string rule =
      "+---------------+--------------------+----------------+------------------+--------------+-----+\n";
  const std::string head =
      "| Deployment ID | Update Date        | Changelog Path | Changeset Author | Changeset ID | Tag |\n";
  // Row 3 is the oldest after pinning, so its deployment comes first.
  EXPECT_EQ(r.out,
            "Liquibase History for " + jdbc_.url + "\n\n" + rule + head + rule +
                "| 5264999999    | 11/21/26, 12:05 AM | changelog.yaml | alice            | 3            | v1  |\n" +
                rule + "\n" + rule + head + rule +
                "| 5264889542    | 11/21/26, 12:41 PM | changelog.yaml | alice            | 1            |     |\n" +
                rule +
                "| 5264889542    | 11/21/26, 12:41 PM | changelog.yaml | bob              | 2            |     |\n" +
                rule + "\n");
  // --format is case-insensitive and the default is TABULAR.
  EXPECT_EQ(Run({"history", "--format=tabular"}, false).out, r.out);
}

// TEXT: "- Database updated at <date>. Applied N changeset(s)[ in <s>s],
// DeploymentId: <id>", the rows as path::id::author, a blank line. The
// run time is Java's Float.toString of (last - first) ms / 1000.
TEST_F(InspectPg, HistoryTextMatchesLiquibase) {
  Update();
  PinHistory();
  CmdResult r = Run({"history", "--format=TEXT"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Liquibase History for " + jdbc_.url + "\n\n"
            "- Database updated at 11/21/26, 12:05 AM. Applied 1 changeset(s), "
            "DeploymentId: 5264999999\n"
            "  changelog.yaml::3::alice\n\n"
            "- Database updated at 11/21/26, 12:41 PM. Applied 2 changeset(s) in 0.047s, "
            "DeploymentId: 5264889542\n"
            "  changelog.yaml::1::alice\n"
            "  changelog.yaml::2::bob\n\n");
}

// status lists the pending changesets by default (Liquibase's --verbose
// defaults to true); --verbose=false prints the count line only. Unlike
// Liquibase, no tracking table is created.
TEST_F(InspectPg, StatusMatchesLiquibase) {
  CmdResult r = Run({"status"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "3 changesets have not been applied to " + UserAtUrl() +
                       "\n     changelog.yaml::1::alice\n     changelog.yaml::2::bob\n"
                       "     changelog.yaml::3::alice\n");
  EXPECT_EQ(Run({"status", "--verbose"}).out, r.out);
  CmdResult quiet = Run({"status", "--verbose=false"});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.out, "3 changesets have not been applied to " + UserAtUrl() + "\n");
  EXPECT_FALSE(HasTable(url_, "databasechangelog"));
  EXPECT_FALSE(HasTable(url_, "databasechangeloglock"));
  Update();
  r = Run({"status"});
  EXPECT_EQ(r.out, UserAtUrl() + " is up to date\n");
}

// validate: "No validation errors found." on stderr, nothing on stdout,
// exit 0; a changed checksum is "Validation Failed:" and exit 1.
TEST_F(InspectPg, ValidateMessagesAndExitCodes) {
  CmdResult r = Run({"validate"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "No validation errors found.\n");
  Update();
  std::string changed = kChangelog;
  changed.replace(changed.find("varchar(255)"), 12, "varchar(300)");
  WriteFile(dir_, "changelog.yaml", changed);
  r = Run({"validate"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Validation Failed:\n     1 changesets check sum\n"
                       "          changelog.yaml::2::bob was: " +
                       std::string(kSum2) + " but is now: 9:"),
            std::string::npos)
      << r.err;
}

// tag-exists: Liquibase's sentence on stderr, exit 0 whether or not the tag
// exists; read-only here (Liquibase creates the tracking tables).
TEST_F(InspectPg, TagExists) {
  CmdResult r = Run({"tag-exists", "--tag=v1"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "The tag 'v1' does NOT exist in '" + UserAtUrl() + "'.\n");
  EXPECT_FALSE(HasTable(url_, "databasechangelog"));
  Update();
  r = Run({"tagExists", "--tag=v1"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "The tag 'v1' already exists in '" + UserAtUrl() + "'.\n");
  // Exact comparison, as Liquibase's WHERE TAG = ?.
  r = Run({"tag-exists", "--tag=V1"}, false);
  EXPECT_EQ(r.err, "The tag 'V1' does NOT exist in '" + UserAtUrl() + "'.\n");
  r = Run({"tag-exists"}, false);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--tag"), std::string::npos) << r.err;
}

// calculate-checksum prints the v9 sum on stderr (oracle: 9:b4d3... for
// changelog.yaml::2::bob), reads without creating tables, and rejects
// unknown, malformed and ambiguous identifiers with Liquibase's wording.
TEST_F(InspectPg, CalculateChecksum) {
  CmdResult r = Run({"calculate-checksum", "--changeset-identifier=changelog.yaml::2::bob"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, std::string(kSum2) + "\n");
  EXPECT_FALSE(HasTable(url_, "databasechangelog"));
  r = Run({"calculateCheckSum", "--changeset-id=2", "--changeset-author=BOB",
           "--changeset-path=./changelog.yaml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, std::string(kSum2) + "\n");
  // Oracle: --changeset-id=1 --changeset-author=alice --changeset-path=changelog.yaml.
  r = Run({"calculate-checksum", "--changeset-id=1", "--changeset-author=alice",
           "--changeset-path=changelog.yaml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "9:935da0bd9378d4cca5e28019b4e22426\n");
  // The same sum update stores.
  Update();
  auto c = Open(url_);
  EXPECT_EQ(QueryLines(*c, "SELECT MD5SUM FROM databasechangelog WHERE ID = '2'"),
            (std::vector<std::string>{std::string(kSum2) + "|"}));

  r = Run({"calculate-checksum", "--changeset-identifier=changelog.yaml::9::alice"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("No such changeSet identified by changeSet id: 9, author: alice, "
                       "path: changelog.yaml"),
            std::string::npos)
      << r.err;
  r = Run({"calculate-checksum", "--changeset-identifier=changelog.yaml::9"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Invalid changeSet identifier: changelog.yaml::9"), std::string::npos)
      << r.err;
  r = Run({"calculate-checksum", "--changeset-id=1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Missing argument:  '--changeset-author', '--changeset-path'."),
            std::string::npos)
      << r.err;
  r = Run({"calculate-checksum", "--changeset-identifier=changelog.yaml::1::alice",
           "--changeset-id=1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("'--changeset-identifier' cannot be provided alongside other "
                       "changeset arguments"),
            std::string::npos)
      << r.err;
}

// unexpected-changesets: rows no changeset matches; the list only with
// --verbose (Liquibase's default is false).
TEST_F(InspectPg, UnexpectedChangeSets) {
  CmdResult r = Run({"unexpected-changesets"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, UserAtUrl() + " contains no unexpected changes!\n");
  EXPECT_FALSE(HasTable(url_, "databasechangelog"));
  Update();
  auto c = Open(url_);
  ASSERT_TRUE(c->Execute(
      "INSERT INTO databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, "
      "EXECTYPE, MD5SUM, DESCRIPTION, COMMENTS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('old1', "
      "'zed', 'other.yaml', NOW(), 10, 'EXECUTED', '9:abc', 'sql', '', '4.28.0', "
      "'1234567890')").ok());
  r = Run({"unexpected-changesets"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "1 unexpected changes were found in " + UserAtUrl() + "\n");
  r = Run({"unexpectedChangeSets", "--verbose"});
  EXPECT_EQ(r.out, "1 unexpected changes were found in " + UserAtUrl() +
                       "\n     other.yaml::old1::zed\n");
}

// clear-checksums sets every MD5SUM to NULL (and, under the lock, creates
// the tracking tables on an empty database as Liquibase does); validate
// and status accept the NULLs without writing; the next update stores
// each changeset's current sum again (Liquibase's upgradeChecksums:
// UPDATE ... SET MD5SUM = ... WHERE ID/AUTHOR/FILENAME) and runs nothing.
TEST_F(InspectPg, ClearChecksumsThenUpdateRestoresThem) {
  CmdResult r = Run({"clear-checksums"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(HasTable(url_, "databasechangelog"));
  EXPECT_TRUE(HasTable(url_, "databasechangeloglock"));

  Update();
  auto c = Open(url_);
  const std::string sums = "SELECT ID, MD5SUM, EXECTYPE, DEPLOYMENT_ID FROM databasechangelog "
                           "ORDER BY ORDEREXECUTED";
  auto before = QueryLines(*c, sums);
  ASSERT_EQ(before.size(), 3u);
  r = Run({"clearCheckSums"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(QueryLines(*c, "SELECT COUNT(*) FROM databasechangelog WHERE MD5SUM IS NULL"),
            (std::vector<std::string>{"3|"}));
  r = Run({"validate"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = Run({"status", "--verbose=false"});
  EXPECT_EQ(r.out, UserAtUrl() + " is up to date\n");
  EXPECT_EQ(QueryLines(*c, "SELECT COUNT(*) FROM databasechangelog WHERE MD5SUM IS NULL"),
            (std::vector<std::string>{"3|"}));
  r = Run({"update"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(QueryLines(*c, sums), before);
  EXPECT_EQ(QueryLines(*c, "SELECT LOCKED FROM databasechangeloglock"),
            (std::vector<std::string>{"f|"}));
}

// drop-all drops tables, views, sequences, functions and types of the
// schema and the tracking tables, says "All objects dropped from
// <user>@<url>" on stderr, and leaves other schemas alone.
TEST_F(InspectPg, DropAll) {
  Update();
  auto c = Open(url_);
  ASSERT_TRUE(c->Execute(
      "CREATE VIEW v1 AS SELECT * FROM person; CREATE SEQUENCE s1; "
      "CREATE TYPE mood AS ENUM ('a'); CREATE DOMAIN posint AS int CHECK (VALUE > 0); "
      "CREATE FUNCTION f1(a int, b text) RETURNS int LANGUAGE sql AS 'select 1'; "
      "CREATE TABLE child (id serial PRIMARY KEY, m mood); "
      "CREATE TABLE \"MixedCase\" (id int); "
      "CREATE SCHEMA other; CREATE TABLE other.t (id int)").ok());

  // --require-force without --force refuses and drops nothing.
  CmdResult r = Run({"drop-all", "--require-force"}, false);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("The drop-all command may result in unrecoverable destructive changes "
                       "by dropping all the objects at database '" + jdbc_.url +
                       "'.  This message can be suppressed and the drop-all command "
                       "executed by adding the --force flag."),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(HasTable(url_, "person"));

  r = Run({"dropAll"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.err.find("INFO: The drop-all command may result in unrecoverable destructive "
                       "changes to objects at '" + jdbc_.url + "'."),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("All objects dropped from " + UserAtUrl() + "\n"), std::string::npos)
      << r.err;
  EXPECT_EQ(QueryLines(*c,
                       "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                       "UNION ALL SELECT proname FROM pg_proc WHERE pronamespace = "
                       "'public'::regnamespace UNION ALL SELECT typname FROM pg_type WHERE "
                       "typnamespace = 'public'::regnamespace"),
            std::vector<std::string>{});
  EXPECT_EQ(QueryLines(*c, "SELECT COUNT(*) FROM other.t"), (std::vector<std::string>{"0|"}));

  // --schemas names the schemas; --force satisfies --require-force.
  r = Run({"drop-all", "--schemas=other", "--require-force", "--force"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(QueryLines(*c, "SELECT COUNT(*) FROM pg_class WHERE relnamespace = "
                           "'other'::regnamespace"),
            (std::vector<std::string>{"0|"}));
}

// execute-sql: Liquibase's output (oracle): "Output of <sql>:", upper-case
// labels joined by " | " and a trailing " |", each value followed by " | ",
// NULL as null, booleans as true/false, a blank line after each statement;
// "Successfully Executed: <sql>" for the rest; a multi-line SELECT is
// executed, not printed (Java's `.` does not cross a line break).
TEST_F(InspectPg, ExecuteSql) {
  CmdResult r = Run({"execute-sql",
                     "--sql=create table q (a int, b text); insert into q values (1,'x'),"
                     "(2,null); select a, b as \"Bee\", true as t, timestamp '2026-01-02 "
                     "03:04:05' as ts from q order by a; select * from q where a > 5;\n"
                     "select\n 1 as x\ngo\nselect 2 -- a comment"},
                    false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Successfully Executed: create table q (a int, b text)\n\n"
            "Successfully Executed: insert into q values (1,'x'),(2,null)\n\n"
            "Output of select a, b as \"Bee\", true as t, timestamp '2026-01-02 03:04:05' as ts "
            "from q order by a:\n"
            "A | BEE | T | TS |\n"
            "1 | x | true | 2026-01-02 03:04:05.0 | \n"
            "2 | null | true | 2026-01-02 03:04:05.0 | \n\n"
            "Output of select * from q where a > 5:\n-- Empty Resultset --\n\n"
            "Successfully Executed: select\n 1 as x\n\n"
            "Output of select 2:\n?COLUMN? |\n2 | \n\n");
  // --delimiter replaces ';'.
  r = Run({"executeSql", "--sql=select 1 as one @ select 'a;b' as two", "--delimiter=@"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Output of select 1 as one:\nONE |\n1 | \n\n"
                   "Output of select 'a;b' as two:\nTWO |\na;b | \n\n");
  // A file.
  WriteFile(dir_, "s.sql", "insert into q values (3, 'z');\nselect count(*) as n from q;\n");
  r = Run({"execute-sql", "--sql-file=s.sql"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Successfully Executed: insert into q values (3, 'z')\n\n"
                   "Output of select count(*) as n from q:\nN |\n3 | \n\n");
  // One transaction: a failing statement undoes the earlier ones.
  r = Run({"execute-sql", "--sql=insert into q values (4, 'w'); select nope from q"}, false);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  auto c = Open(url_);
  EXPECT_EQ(QueryLines(*c, "SELECT COUNT(*) FROM q"), (std::vector<std::string>{"3|"}));
  // Neither --sql nor --sql-file.
  r = Run({"execute-sql"}, false);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--sql"), std::string::npos) << r.err;
  r = Run({"execute-sql", "--sql-file=missing.sql"}, false);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.sql"), std::string::npos) << r.err;
}

// Every new command fails with exit 1 and names the server when it cannot
// be reached.
TEST(InspectPgUnreachable, ClearErrorExitOne) {
  std::string dir = TempDir();
  WriteFile(dir, "changelog.yaml", kChangelog);
  for (std::vector<std::string> cmd :
       {std::vector<std::string>{"clear-checksums"}, {"tag-exists", "--tag=x"},
        {"calculate-checksum", "--changeset-identifier=changelog.yaml::1::alice"},
        {"unexpected-changesets"}, {"drop-all"}, {"execute-sql", "--sql=select 1"},
        {"history"}, {"status"}}) {
    std::vector<std::string> a = {"--url=postgresql://nobody@127.0.0.1:1/db",
                                  "--changelog-file=changelog.yaml"};
    a.insert(a.end(), cmd.begin(), cmd.end());
    CmdResult r = RunStrata(a, dir);
    EXPECT_EQ(r.exit_code, 1) << cmd[0];
    EXPECT_NE(r.err.find("127.0.0.1:1"), std::string::npos) << cmd[0] << ": " << r.err;
  }
}

}  // namespace
}  // namespace strata::test
