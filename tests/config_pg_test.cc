// Configuration against the real PostgreSQL server: the tracking tables in
// another schema (--liquibase-schema-name) and under other names, and
// passwords from every source never printed.
#include <gtest/gtest.h>

#include "e2e_util.h"
#include "lock_util.h"

namespace strata::test {
namespace {

constexpr char kChangeLog[] = R"(databaseChangeLog:
  - changeSet:
      id: 1
      author: cfg
      changes:
        - createTable:
            tableName: t_one
            columns:
              - column: {name: id, type: int}
  - changeSet:
      id: 2
      author: cfg
      changes:
        - createTable:
            tableName: t_two
            columns:
              - column: {name: id, type: int}
)";

struct Fixture {
  std::string url;
  std::string dir = TempDir();
  explicit Fixture(std::string u) : url(std::move(u)) { WriteFile(dir, "c.yaml", kChangeLog); }
  CmdResult Run(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {"--url=" + url, "--changelog-file=c.yaml"});
    return RunStrata(args, dir, env);
  }
  std::vector<std::string> Query(const std::string& sql) { return QueryLines(*Open(url), sql); }
  std::vector<std::string> Tables(const std::string& schema) {
    return Query("SELECT table_name FROM information_schema.tables WHERE table_schema = '" +
                 schema + "' ORDER BY table_name");
  }
};

// Liquibase 4.28 with --liquibase-schema-name=lbs creates lbs.databasechangelog
// and lbs.databasechangeloglock and the changes in public; --liquibase-schema-
// name=LBS finds lbs (folded like an unquoted name).
TEST(ConfigPg, TrackingTablesInTheLiquibaseSchema) {
  STRATA_REQUIRE_PG(url);
  Fixture f(url);
  ASSERT_TRUE(Open(url)->Execute("CREATE SCHEMA lbs").ok());
  CmdResult r = f.Run({"update"}, {"LIQUIBASE_LIQUIBASE_SCHEMA_NAME=lbs"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(f.Tables("lbs"),
            (std::vector<std::string>{"databasechangelog|", "databasechangeloglock|"}));
  EXPECT_EQ(f.Tables("public"), (std::vector<std::string>{"t_one|", "t_two|"}));
  EXPECT_EQ(f.Query("SELECT ID FROM lbs.databasechangelog ORDER BY ORDEREXECUTED"),
            (std::vector<std::string>{"1|", "2|"}));
  EXPECT_EQ(f.Query("SELECT LOCKED FROM lbs.databasechangeloglock"),
            (std::vector<std::string>{"f|"}));

  // Every reader of the history and the lock follows the option.
  r = f.Run({"--liquibaseSchemaName=LBS", "status"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "is up to date")) << r.out;
  r = f.Run({"--liquibase-schema-name=lbs", "history"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "c.yaml")) << r.out;
  r = f.Run({"--liquibase-schema-name=lbs", "update"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "up to date")) << r.out;
  r = f.Run({"--liquibase-schema-name=lbs", "tag", "v1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(f.Query("SELECT ID, TAG FROM lbs.databasechangelog ORDER BY ORDEREXECUTED"),
            (std::vector<std::string>{"1|NULL|", "2|v1|"}));
  r = f.Run({"--liquibase-schema-name=lbs", "rollback-count", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(f.Query("SELECT ID FROM lbs.databasechangelog"), (std::vector<std::string>{"1|"}));
  EXPECT_EQ(f.Tables("public"), (std::vector<std::string>{"t_one|"}));
  r = f.Run({"--liquibase-schema-name=lbs", "list-locks"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Without the option, public has no history: everything is pending.
  r = f.Run({"status"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "2 changesets have not been applied")) << r.out;
}

TEST(ConfigPg, LiquibaseSchemaApartFromTheDefaultSchema) {
  STRATA_REQUIRE_PG(url);
  Fixture f(url);
  ASSERT_TRUE(Open(url)->Execute("CREATE SCHEMA app; CREATE SCHEMA lbs").ok());
  WriteFile(f.dir, "liquibase.properties",
            "liquibase.liquibaseSchemaName=lbs\ndefault-schema-name=app\n");
  CmdResult r = f.Run({"update"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(f.Tables("app"), (std::vector<std::string>{"t_one|", "t_two|"}));
  EXPECT_EQ(f.Tables("lbs"),
            (std::vector<std::string>{"databasechangelog|", "databasechangeloglock|"}));
  EXPECT_EQ(f.Tables("public"), std::vector<std::string>{});
}

// Liquibase 4.28 fails with 'schema "lbs" does not exist'; nothing of the
// changelog runs.
TEST(ConfigPg, MissingLiquibaseSchemaFailsBeforeAnyChange) {
  STRATA_REQUIRE_PG(url);
  Fixture f(url);
  CmdResult r = f.Run({"--liquibase-schema-name=nope", "update"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "nope")) << r.err;
  EXPECT_EQ(f.Tables("public"), std::vector<std::string>{});
}

// Liquibase 4.28: --database-changelog-table-name=MyLog
// --database-changelog-lock-table-name=MyLock gives public.mylog and
// public.mylock (constraint mylock_pkey) on PostgreSQL.
TEST(ConfigPg, TrackingTableNamesFoldToLowerCase) {
  STRATA_REQUIRE_PG(url);
  Fixture f(url);
  WriteFile(f.dir, "liquibase.properties",
            "liquibase.databaseChangelogTableName=MyLog\n"
            "liquibase.database-changelog-lock-table-name=MyLock\n");
  CmdResult r = f.Run({"update"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(f.Tables("public"),
            (std::vector<std::string>{"mylock|", "mylog|", "t_one|", "t_two|"}));
  EXPECT_EQ(f.Query("SELECT conname FROM pg_constraint WHERE conrelid = 'mylock'::regclass"),
            std::vector<std::string>{"mylock_pkey|"});
  EXPECT_EQ(f.Query("SELECT ID FROM mylog ORDER BY ORDEREXECUTED"),
            (std::vector<std::string>{"1|", "2|"}));
  r = f.Run({"status"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "is up to date")) << r.out;
  // A new name from the environment: its table does not exist yet.
  r = f.Run({"update-sql"}, {"STRATA_DATABASE_CHANGELOG_TABLE_NAME=other"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "CREATE TABLE other (")) << r.out;
}

// The URL with a password in its user information, for `base` of the form
// postgresql://user@host:port/db.
std::string WithPassword(const std::string& base, const std::string& password) {
  size_t at = base.find('@');
  return base.substr(0, at) + ":" + password + base.substr(at);
}

// The server's address with a port nothing listens on.
std::string Unreachable(const std::string& base) {
  size_t at = base.find('@');
  size_t slash = base.find('/', at);
  size_t colon = base.rfind(':', slash);
  return base.substr(0, colon) + ":1" + base.substr(slash);
}

// jdbc:postgresql://host:port/db?user=U&password=P for the same target.
std::string Jdbc(const std::string& base, const std::string& password) {
  size_t scheme = base.find("://") + 3;
  size_t at = base.find('@');
  std::string user = base.substr(scheme, at - scheme);
  std::string rest = base.substr(at + 1);
  return "jdbc:postgresql://" + rest.substr(0, rest.find('?')) + "?user=" + user +
         "&password=" + password;
}

// Each way of giving a password, against a server that accepts the
// connection (whose trust authentication ignores the password), one that
// is unreachable and a database that does not exist, at --log-level FINE:
// the password appears nowhere in the output.
TEST(ConfigPg, PasswordsAreNeverPrinted) {
  STRATA_REQUIRE_PG(url);
  const std::string secret = "Pw-s3cr3t-9f2";
  std::string dir = TempDir();
  WriteFile(dir, "c.yaml", kChangeLog);
  std::string missing_db = url.substr(0, url.rfind('/')) + "/no_such_db_cfg";
  struct Source {
    std::string name;
    std::vector<std::string> args, env;
    std::string file;
  };
  for (const std::string& target : {url, Unreachable(url), missing_db}) {
    std::vector<Source> sources = {
        {"flag", {"--url=" + target, "--password=" + secret}, {}, ""},
        {"LIQUIBASE_COMMAND_PASSWORD",
         {"--url=" + target},
         {"LIQUIBASE_COMMAND_PASSWORD=" + secret},
         ""},
        {"STRATA_COMMAND_UPDATE_PASSWORD",
         {},
         {"STRATA_COMMAND_UPDATE_PASSWORD=" + secret, "STRATA_COMMAND_URL=" + target},
         ""},
        {"defaults file", {}, {}, "url=" + target + "\npassword=" + secret + "\n"},
        {"URL", {"--url=" + WithPassword(target, secret)}, {}, ""},
        {"URL in the defaults file",
         {},
         {},
         "liquibase.command.url=" + WithPassword(target, secret) + "\n"},
        {"jdbc URL parameter",
         {"--url=" + Jdbc(target, secret)},
         {},
         ""},
    };
    for (const Source& s : sources) {
      std::filesystem::remove(dir + "/liquibase.properties");
      if (!s.file.empty()) WriteFile(dir, "liquibase.properties", s.file);
      std::vector<std::string> args = {"--log-level=FINE", "--changelog-file=c.yaml"};
      args.insert(args.end(), s.args.begin(), s.args.end());
      args.push_back("update");
      CmdResult r = RunStrata(args, dir, s.env);
      std::string what = s.name + " against " + target;
      if (target == url) {
        EXPECT_EQ(r.exit_code, 0) << what << "\n" << r.err;
        EXPECT_TRUE(Contains(r.err, "FINE: ")) << what << "\n" << r.err;
        ASSERT_EQ(RunStrata({"--url=" + url, "--changelog-file=c.yaml", "rollback-count", "2"},
                            dir)
                      .exit_code,
                  0);
      } else {
        EXPECT_EQ(r.exit_code, 1) << what << "\n" << r.err;
        EXPECT_TRUE(Contains(r.err, "Error: ")) << what << "\n" << r.err;
      }
      EXPECT_FALSE(Contains(r.err, secret)) << what << "\n" << r.err;
      EXPECT_FALSE(Contains(r.out, secret)) << what << "\n" << r.out;
    }
  }
}

// Changelog parameters from a named defaults file (parameter.*), -D and the
// environment, with Liquibase 4.28's precedence (environment, then -D, then
// the file, as ConfigSqlite.ChangelogPropertyPrecedence settles), applied by
// update on the server; --output-file and LIQUIBASE_OUTPUT_FILE take what
// update-sql and status print.
TEST(ConfigPg, ParametersAndOutputFile) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteFile(dir, "p.yaml",
            "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: cfg\n      changes:\n"
            "        - createTable:\n            tableName: t_${STRATA_CFG_PG}\n"
            "            columns:\n              - column: {name: id, type: int}\n");
  WriteFile(dir, "conf/pg.properties",
            "url=" + url + "\nchangelog-file=p.yaml\nparameter.STRATA_CFG_PG=file\n");
  CmdResult r = RunStrata({"--defaults-file=conf/pg.properties", "--output-file=u.sql", "update-sql",
                           "-DSTRATA_CFG_PG=cli"},
                          dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(ReadFile(dir + "/u.sql"), "CREATE TABLE t_cli")) << ReadFile(dir + "/u.sql");
  r = RunStrata({"status"}, dir,
                {"LIQUIBASE_OUTPUT_FILE=status.txt", "STRATA_DEFAULTS_FILE=conf/pg.properties"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(ReadFile(dir + "/status.txt"), "1 changeset has not been applied"));
  r = RunStrata({"--defaultsFile=conf/pg.properties", "update", "-DSTRATA_CFG_PG=cli"}, dir,
                {"STRATA_CFG_PG=env"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(HasTable(url, "t_env"));
  EXPECT_FALSE(HasTable(url, "t_cli"));
  // The checksum covers the expanded change: another value is a changed
  // changeset, which fails validation instead of creating t_file.
  r = RunStrata({"--defaults-file=conf/pg.properties", "update"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "p.yaml::1::cfg was: 9:")) << r.err;
  EXPECT_FALSE(HasTable(url, "t_file"));
}

}  // namespace
}  // namespace strata::test
