// Configuration end to end on SQLite files: the defaults file in the working
// directory, LIQUIBASE_*/STRATA_* variables, the global flags
// (--output-file, --log-level, tracking table names, --liquibase-schema-name)
// and bad configuration stopping before anything runs.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "e2e_util.h"
#include "lock_util.h"

namespace strata::test {
namespace {

// One changeset creating table t_<suffix>, where the suffix may be a
// ${property}.
std::string ChangeLog(const std::string& suffix = "a", int changesets = 1) {
  std::string y = "databaseChangeLog:\n";
  for (int i = 1; i <= changesets; ++i)
    y += "  - changeSet:\n      id: " + std::to_string(i) +
         "\n      author: cfg\n      changes:\n        - createTable:\n"
         "            tableName: t_" + suffix + (i > 1 ? std::to_string(i) : "") +
         "\n            columns:\n              - column: {name: id, type: int}\n";
  return y;
}

struct Fixture {
  std::string dir = TempDir();
  std::string db = dir + "/app.db";
  std::string url = "sqlite:" + db;
  Fixture() { WriteFile(dir, "c.yaml", ChangeLog()); }
  bool DbExists() const { return std::filesystem::exists(db); }
  std::vector<std::string> Tables() const {
    return QueryLines(*Open(url),
                      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  }
};

TEST(ConfigSqlite, LiquibasePropertiesInTheWorkingDirectory) {
  Fixture f;
  WriteFile(f.dir, "liquibase.properties",
            "# Liquibase's own file\nchangeLogFile: c.yaml\nurl = " + f.url + "\n");
  CmdResult r = RunStrata({"update"}, f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(f.Tables(), (std::vector<std::string>{"DATABASECHANGELOG|",
                                                  "DATABASECHANGELOGLOCK|", "t_a|"}));
  r = RunStrata({"status"}, f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "is up to date")) << r.out;
}

TEST(ConfigSqlite, StrataPropertiesWhenThereIsNoLiquibaseProperties) {
  Fixture f;
  WriteFile(f.dir, "strata.properties", "changelog-file=c.yaml\nurl=" + f.url + "\n");
  CmdResult r = RunStrata({"update-sql"}, f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "CREATE TABLE t_a")) << r.out;
  // liquibase.properties comes first; only one file is read.
  WriteFile(f.dir, "b.yaml", ChangeLog("b"));
  WriteFile(f.dir, "liquibase.properties", "changelog-file=b.yaml\n");
  r = RunStrata({"update-sql"}, f.dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "--url is required")) << r.err;
}

TEST(ConfigSqlite, NamedDefaultsFile) {
  Fixture f;
  WriteFile(f.dir, "sub/other.properties", "changelog-file=c.yaml\nurl=" + f.url + "\n");
  for (std::string flag : {"--defaults-file", "--defaultsFile"}) {
    CmdResult r = RunStrata({flag + "=sub/other.properties", "update-sql"}, f.dir);
    ASSERT_EQ(r.exit_code, 0) << flag << r.err;
    EXPECT_TRUE(Contains(r.out, "CREATE TABLE t_a")) << r.out;
  }
  CmdResult r = RunStrata({"update-sql"}, f.dir, {"STRATA_DEFAULTS_FILE=sub/other.properties"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "CREATE TABLE t_a")) << r.out;
}

// Liquibase 4.28 prints "Could not find defaults file missing.properties";
// Strata stops there.
TEST(ConfigSqlite, MissingNamedDefaultsFileRunsNothing) {
  Fixture f;
  CmdResult r = RunStrata({"--defaults-file=missing.properties", "--url=" + f.url,
                           "--changelog-file=c.yaml", "update"},
                          f.dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "could not find defaults file missing.properties")) << r.err;
  EXPECT_FALSE(f.DbExists());
}

TEST(ConfigSqlite, EnvironmentVariables) {
  Fixture f;
  WriteFile(f.dir, "liquibase.properties", "changelog-file=missing.yaml\nurl=sqlite:other.db\n");
  CmdResult r = RunStrata({"update"}, f.dir,
                          {"LIQUIBASE_COMMAND_CHANGELOG_FILE=c.yaml",
                           "LIQUIBASE_COMMAND_URL=sqlite:wrong.db", "STRATA_COMMAND_URL=" + f.url});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(f.DbExists());
  EXPECT_FALSE(std::filesystem::exists(f.dir + "/other.db"));
  EXPECT_FALSE(std::filesystem::exists(f.dir + "/wrong.db"));
}

TEST(ConfigSqlite, SearchPathFromTheEnvironment) {
  Fixture f;
  WriteFile(f.dir, "lib/d.yaml", ChangeLog("d"));
  CmdResult r = RunStrata({"--url=" + f.url, "--changelog-file=d.yaml", "update-sql"}, f.dir,
                          {"LIQUIBASE_SEARCH_PATH=lib"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "CREATE TABLE t_d")) << r.out;
}

// Liquibase 4.28: FOO=env liquibase update-sql -DFOO=cli with
// parameter.FOO=file creates t_env; without FOO in the environment t_cli;
// with neither t_file.
TEST(ConfigSqlite, ChangelogPropertyPrecedence) {
  Fixture f;
  WriteFile(f.dir, "p.yaml", ChangeLog("${STRATA_CFG_FOO}"));
  WriteFile(f.dir, "liquibase.properties",
            "url=" + f.url + "\nchangelog-file=p.yaml\nparameter.STRATA_CFG_FOO=file\n");
  CmdResult r = RunStrata({"update-sql", "-DSTRATA_CFG_FOO=cli"}, f.dir, {"STRATA_CFG_FOO=env"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "CREATE TABLE t_env")) << r.out;
  r = RunStrata({"update-sql", "-DSTRATA_CFG_FOO=cli"}, f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "CREATE TABLE t_cli")) << r.out;
  r = RunStrata({"update-sql"}, f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "CREATE TABLE t_file")) << r.out;
}

TEST(ConfigSqlite, OutputFile) {
  Fixture f;
  CmdResult r = RunStrata({"--url=" + f.url, "--changelog-file=c.yaml",
                           "--output-file=out/u.sql", "update-sql"},
                          f.dir);
  // The folder does not exist: nothing runs.
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "cannot write --output-file out/u.sql")) << r.err;
  std::filesystem::create_directory(f.dir + "/out");
  r = RunStrata({"--url=" + f.url, "--changelog-file=c.yaml", "--outputFile=out/u.sql",
                 "update-sql"},
                f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(ReadFile(f.dir + "/out/u.sql"), "CREATE TABLE t_a"));
  r = RunStrata({"--url=" + f.url, "--changelog-file=c.yaml", "status"}, f.dir,
                {"LIQUIBASE_OUTPUT_FILE=out/status.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(ReadFile(f.dir + "/out/status.txt"), "1 changeset has not been applied"));
  ASSERT_EQ(RunStrata({"--url=" + f.url, "--changelog-file=c.yaml", "update"}, f.dir).exit_code,
            0);
  WriteFile(f.dir, "liquibase.properties", "liquibase.outputFile=out/history.txt\n");
  r = RunStrata({"--url=" + f.url, "history"}, f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(Contains(ReadFile(f.dir + "/out/history.txt"), "c.yaml")) << r.out;
}

TEST(ConfigSqlite, LogLevelControlsStrataNotices) {
  Fixture f;
  WriteFile(f.dir, "liquibase.properties", "bogusKey=1\n");
  std::vector<std::string> args = {"--url=" + f.url, "--changelog-file=c.yaml", "update-sql"};
  CmdResult r = RunStrata(args, f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "WARNING: Potentially ignored key(s) in defaults file "
                              "liquibase.properties\n - 'bogusKey'"))
      << r.err;
  r = RunStrata(args, f.dir, {"LIQUIBASE_LOG_LEVEL=severe"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::vector<std::string> fine = args;
  fine.insert(fine.begin(), "--log-level=FINE");
  r = RunStrata(fine, f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "FINE: --url = sqlite:")) << r.err;
  EXPECT_TRUE(Contains(r.err, "(command line)")) << r.err;
  EXPECT_TRUE(Contains(r.err, "FINE: defaults file: liquibase.properties")) << r.err;
  r = RunStrata({"--log-level=LOUD", "--url=" + f.url, "update-sql"}, f.dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "'LOUD' is not a log level")) << r.err;
}

// The stale-lock notice is a WARNING log line: --log-level=OFF hides it.
TEST(ConfigSqlite, LogLevelOffHidesTheLockTakeoverNotice) {
  Fixture f;
  std::vector<std::string> args = {"--url=" + f.url, "--changelog-file=c.yaml", "update"};
  ASSERT_EQ(RunStrata(args, f.dir).exit_code, 0);
  auto take_over = [&](const std::vector<std::string>& env) {
    ASSERT_TRUE(Open(f.url)->Execute(
        "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKEDBY = 'gone (strata pid 999999)', "
        "LOCKGRANTED = CURRENT_TIMESTAMP WHERE ID = 1").ok());
    WriteFile(f.dir, "c.yaml", ChangeLog("a", static_cast<int>(env.size()) + 2));
    CmdResult r = RunStrata(args, f.dir, env);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(Contains(r.err, "WARNING: Taking over the change log lock"), env.empty())
        << r.err;
  };
  take_over({});
  take_over({"STRATA_LOG_LEVEL=OFF"});
}

// A lock row held by someone else (a Liquibase process) with a zero wait
// from the environment fails at once instead of waiting the default 5
// minutes.
TEST(ConfigSqlite, LockWaitFromTheEnvironment) {
  Fixture f;
  std::vector<std::string> args = {"--url=" + f.url, "--changelog-file=c.yaml", "update"};
  ASSERT_EQ(RunStrata(args, f.dir).exit_code, 0);
  ASSERT_TRUE(Open(f.url)->Execute(
      "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKEDBY = 'otherhost (10.0.0.1)', "
      "LOCKGRANTED = CURRENT_TIMESTAMP WHERE ID = 1").ok());
  WriteFile(f.dir, "c.yaml", ChangeLog("a", 2));
  auto start = std::chrono::steady_clock::now();
  CmdResult r = RunStrata(args, f.dir, {"LIQUIBASE_CHANGELOG_LOCK_WAIT_TIME_IN_MINUTES=0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "otherhost")) << r.err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
  r = RunStrata(args, f.dir, {"LIQUIBASE_CHANGELOG_LOCK_WAIT_TIME_IN_MINUTES=soon"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "LIQUIBASE_CHANGELOG_LOCK_WAIT_TIME_IN_MINUTES")) << r.err;
}

// Liquibase 4.28 on SQLite keeps the names as given (MyLog, MyLock).
TEST(ConfigSqlite, TrackingTableNames) {
  Fixture f;
  std::vector<std::string> env = {"LIQUIBASE_DATABASE_CHANGELOG_TABLE_NAME=MyLog",
                                  "LIQUIBASE_DATABASE_CHANGELOG_LOCK_TABLE_NAME=MyLock"};
  std::vector<std::string> args = {"--url=" + f.url, "--changelog-file=c.yaml", "update"};
  CmdResult r = RunStrata(args, f.dir, env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(f.Tables(), (std::vector<std::string>{"MyLock|", "MyLog|", "t_a|"}));
  EXPECT_EQ(QueryLines(*Open(f.url), "SELECT ID, AUTHOR FROM MyLog"),
            std::vector<std::string>{"1|cfg|"});
  r = RunStrata(args, f.dir, env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "up to date")) << r.out;
  r = RunStrata({"--url=" + f.url, "--databaseChangelogTableName=MyLog", "history"}, f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "c.yaml")) << r.out;
  r = RunStrata({"--url=" + f.url, "--database-changelog-table-name=x",
                 "--database-changelog-lock-table-name=X", "update"},
                f.dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "need a table each")) << r.err;
}

// Liquibase 4.28 fails at CREATE TABLE foo.DATABASECHANGELOG ("unknown
// database foo"); Strata says so before touching the file.
TEST(ConfigSqlite, LiquibaseSchemaNameOtherThanMainIsAnError) {
  Fixture f;
  CmdResult r = RunStrata({"--url=" + f.url, "--changelog-file=c.yaml",
                           "--liquibase-schema-name=foo", "update"},
                          f.dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "--liquibase-schema-name=foo: SQLite has no schemas")) << r.err;
  EXPECT_FALSE(f.DbExists());
  r = RunStrata({"--url=" + f.url, "--changelog-file=c.yaml", "--liquibase-schema-name=main",
                 "update"},
                f.dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(HistoryRows(f.url).size(), 1u);
}

TEST(ConfigSqlite, StrictDefaultsFileRunsNothing) {
  Fixture f;
  WriteFile(f.dir, "liquibase.properties",
            "url=" + f.url + "\nchangelog-file=c.yaml\nbogus=1\nstrict=true\n");
  CmdResult r = RunStrata({"update"}, f.dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "Strict check failed due to undefined key(s) for 'update' "
                              "command in defaults file liquibase.properties:\n - 'bogus'"))
      << r.err;
  EXPECT_FALSE(f.DbExists());
}

// Liquibase 4.28 warns about unknown LIQUIBASE_* variables (and ignores them).
TEST(ConfigSqlite, UnknownVariablesWarn) {
  Fixture f;
  CmdResult r = RunStrata({"--url=" + f.url, "--changelog-file=c.yaml", "update-sql"}, f.dir,
                          {"LIQUIBASE_URL=sqlite:x.db", "STRATA_BOGUS=1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "invalid LIQUIBASE_*/STRATA_* environment variables:\n"
                              "- LIQUIBASE_URL\n- STRATA_BOGUS"))
      << r.err;
}

TEST(ConfigSqlite, RequiredCountFromTheEnvironment) {
  Fixture f;
  WriteFile(f.dir, "c.yaml", ChangeLog("a", 2));
  std::vector<std::string> args = {"--url=" + f.url, "--changelog-file=c.yaml"};
  auto with = [&](std::string cmd) {
    std::vector<std::string> a = args;
    a.push_back(cmd);
    return a;
  };
  ASSERT_EQ(RunStrata(with("update"), f.dir).exit_code, 0);
  CmdResult r = RunStrata(with("rollback-count"), f.dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "--count is required")) << r.err;
  r = RunStrata(with("rollback-count"), f.dir, {"LIQUIBASE_COMMAND_ROLLBACK_COUNT_COUNT=1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(HistoryRows(f.url).size(), 1u);
}

}  // namespace
}  // namespace strata::test
