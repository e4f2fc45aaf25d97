// Liquibase-compatible configuration (cli/config.h): key spellings,
// precedence, unknown keys, strict, secrets. Cases marked "Liquibase 4.28:"
// were run against the real tool.
#include "cli/config.h"

#include <CLI/CLI.hpp>
#include <gtest/gtest.h>

#include "test_util.h"

namespace strata::cli {
namespace {

using test::TempDir;
using test::WriteFile;

// A small app shaped like Strata's: app-level command arguments and
// globals, and two subcommands with their own options.
struct Fixture {
  CLI::App app{"test", "strata"};
  ConfigFlags flags;
  std::string url, changelog, password, search_path, log_level, missing = "PRESERVE";
  int lock_wait = 5;
  int count = -1;
  bool verbose = false;
  std::string tag;
  CLI::App* update_sql = nullptr;
  CLI::App* rollback_count = nullptr;
  CLI::App* status = nullptr;
  ConfigResult result;

  Fixture() {
    app.require_subcommand(1);
    app.add_option("--url", url);
    app.add_option("--changelog-file,--changeLogFile", changelog);
    app.add_option("--password", password);
    app.add_option("--search-path,--searchPath", search_path);
    app.add_option("--log-level,--logLevel", log_level);
    app.add_option("--missing-property-mode", missing)
        ->check(CLI::IsMember({"PRESERVE", "EMPTY", "ERROR"}));
    app.add_option("--changelog-lock-wait-time-in-minutes", lock_wait);
    AddConfigOptions(app, &flags);
    update_sql = app.add_subcommand("update-sql");
    update_sql->fallthrough();
    rollback_count = app.add_subcommand("rollback-count");
    rollback_count->fallthrough();
    rollback_count->add_option("--count,count", count)->required();
    status = app.add_subcommand("status");
    status->fallthrough();
    status->add_flag("--verbose", verbose);
    status->add_option("--tag", tag);
  }

  Status Run(std::vector<std::string> args, const Environment& env = {}) {
    DeferRequirements(app, &flags);
    std::reverse(args.begin(), args.end());
    try {
      app.parse(args);
    } catch (const CLI::ParseError& e) {
      return Status::InvalidInput(std::string("parse: ") + e.what());
    }
    return ApplyConfiguration(app, flags, env, &result);
  }

  std::string Log(LogLevel level) const {
    std::string out;
    for (const auto& [l, line] : result.log)
      if (l == level) out += line + "\n";
    return out;
  }
};

std::string File(const std::string& text) {
  return WriteFile(TempDir(), "liquibase.properties", text);
}

TEST(CanonicalKey, IgnoresCaseDashesAndUnderscores) {
  EXPECT_EQ(CanonicalKey("changeLogFile"), "changelogfile");
  EXPECT_EQ(CanonicalKey("changelog-file"), "changelogfile");
  EXPECT_EQ(CanonicalKey("CHANGELOG_FILE"), "changelogfile");
}

TEST(DefaultsFile, JavaPropertiesSyntaxWithTrimmedValues) {
  std::string path = File(
      "# comment\n"
      "! another comment\n"
      "url=sqlite:a.db   \n"
      "changelog-file: c.yaml\n"
      "username  admin\n"
      "  password = a\\\n"
      "     b\\tc\n"
      "parameter.x=\\u0041\\=\n"
      "empty=\n");
  Result<DefaultsFile> f = ReadDefaultsFile(path);
  ASSERT_TRUE(f.ok()) << f.status().message();
  std::vector<std::pair<std::string, std::string>> want = {
      {"url", "sqlite:a.db"}, {"changelog-file", "c.yaml"}, {"username", "admin"},
      {"password", "ab\tc"},  {"parameter.x", "A="},        {"empty", ""}};
  EXPECT_EQ(f->entries, want);
}

TEST(DefaultsFile, UnreadableIsAnError) {
  Result<DefaultsFile> f = ReadDefaultsFile(TempDir() + "/nope.properties");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("nope.properties"), std::string::npos);
}

TEST(Config, BareCamelKebabAndPrefixedKeys) {
  Fixture f;
  f.flags.defaults_file = File(
      "URL=sqlite:x.db\n"
      "changeLogFile=c.yaml\n"
      "liquibase.searchPath=a,b\n"
      "liquibase.command.password=pw\n"
      "changelog_lock_wait_time_in_minutes=7\n");
  ASSERT_TRUE(f.Run({"update-sql"}).ok());
  EXPECT_EQ(f.url, "sqlite:x.db");
  EXPECT_EQ(f.changelog, "c.yaml");
  EXPECT_EQ(f.search_path, "a,b");
  EXPECT_EQ(f.password, "pw");
  EXPECT_EQ(f.lock_wait, 7);
  EXPECT_EQ(f.Log(LogLevel::kWarning), "");
}

// Liquibase 4.28: liquibase.command.updateSql.changelogFile beats
// liquibase.command.changelogFile and changelog-file in the same file.
TEST(Config, CommandSpecificKeyBeatsGenericInTheFile) {
  Fixture f;
  f.flags.defaults_file = File(
      "changelog-file=bare.yaml\n"
      "liquibase.command.updateSql.changelogFile=targeted.yaml\n"
      "liquibase.command.changelogFile=generic.yaml\n");
  ASSERT_TRUE(f.Run({"update-sql"}).ok());
  EXPECT_EQ(f.changelog, "targeted.yaml");
}

TEST(Config, GenericCommandKeyBeatsBareKey) {
  Fixture f;
  f.flags.defaults_file = File(
      "liquibase.command.changelogFile=generic.yaml\n"
      "changelog-file=bare.yaml\n");
  ASSERT_TRUE(f.Run({"update-sql"}).ok());
  EXPECT_EQ(f.changelog, "generic.yaml");
}

// Liquibase 4.28: LIQUIBASE_COMMAND_CHANGELOG_FILE beats changelog-file in
// liquibase.properties; LIQUIBASE_COMMAND_UPDATE_SQL_CHANGELOG_FILE beats
// LIQUIBASE_COMMAND_CHANGELOG_FILE.
TEST(Config, EnvironmentBeatsFileAndSpecificBeatsGeneric) {
  Fixture f;
  f.flags.defaults_file = File("changelog-file=file.yaml\nurl=sqlite:file.db\n");
  ASSERT_TRUE(f.Run({"update-sql"}, {{"LIQUIBASE_COMMAND_CHANGELOG_FILE", "generic.yaml"},
                                     {"LIQUIBASE_COMMAND_UPDATE_SQL_CHANGELOG_FILE", "cmd.yaml"},
                                     {"LIQUIBASE_COMMAND_URL", "sqlite:env.db"}})
                  .ok());
  EXPECT_EQ(f.changelog, "cmd.yaml");
  EXPECT_EQ(f.url, "sqlite:env.db");
}

TEST(Config, CommandLineBeatsEverything) {
  Fixture f;
  f.flags.defaults_file = File("url=sqlite:file.db\n");
  ASSERT_TRUE(f.Run({"--url=sqlite:cli.db", "update-sql"},
                    {{"LIQUIBASE_COMMAND_URL", "sqlite:env.db"},
                     {"STRATA_COMMAND_URL", "sqlite:strata.db"}})
                  .ok());
  EXPECT_EQ(f.url, "sqlite:cli.db");
}

TEST(Config, StrataVariableBeatsLiquibaseVariable) {
  Fixture f;
  ASSERT_TRUE(f.Run({"update-sql"}, {{"LIQUIBASE_COMMAND_UPDATE_SQL_URL", "sqlite:lb.db"},
                                     {"STRATA_COMMAND_URL", "sqlite:strata.db"},
                                     {"LIQUIBASE_SEARCH_PATH", "lb"},
                                     {"STRATA_SEARCH_PATH", "strata"}})
                  .ok());
  EXPECT_EQ(f.url, "sqlite:strata.db");
  EXPECT_EQ(f.search_path, "strata");
}

// Liquibase 4.28: LIQUIBASE_URL is not a variable it knows (url is a
// command argument): it warns "invalid LIQUIBASE_* environment variables"
// and ignores it.
TEST(Config, GlobalSpellingOfACommandArgumentIsIgnoredWithAWarning) {
  Fixture f;
  ASSERT_TRUE(f.Run({"update-sql"}, {{"LIQUIBASE_URL", "sqlite:x.db"},
                                     {"LIQUIBASE_COMMAND_SEARCH_PATH", "x"}})
                  .ok());
  EXPECT_EQ(f.url, "");
  EXPECT_EQ(f.search_path, "");
  EXPECT_NE(f.Log(LogLevel::kWarning).find("- LIQUIBASE_URL"), std::string::npos);
  EXPECT_NE(f.Log(LogLevel::kWarning).find("- LIQUIBASE_COMMAND_SEARCH_PATH"),
            std::string::npos);
}

TEST(Config, KnownLiquibaseSettingsStrataLacksDoNotWarn) {
  Fixture f;
  f.flags.defaults_file = File("driver=org.postgresql.Driver\nclasspath=x.jar\n"
                               "liquibase.showBanner=false\nliquibase.command.contexts=a\n");
  ASSERT_TRUE(f.Run({"update-sql"}, {{"LIQUIBASE_SHOW_BANNER", "false"},
                                     {"LIQUIBASE_COMMAND_DIFF_REFERENCE_URL", "x"},
                                     {"LIQUIBASE_HOME", "/opt/liquibase"},
                                     {"STRATA_TEST_ANYTHING", "1"}})
                  .ok());
  EXPECT_EQ(f.Log(LogLevel::kWarning), "");
}

// Liquibase 4.28 (--log-level=WARNING): "Potentially ignored key(s) in ...
// - 'bogusKey' - 'liquibase.command.bogusArg' - 'liquibase.command.update.count'"
// for update-sql: a key for another command counts as unknown too.
TEST(Config, UnknownFileKeysWarn) {
  Fixture f;
  f.flags.defaults_file = File("bogusKey=1\nliquibase.command.bogusArg=2\n"
                               "liquibase.command.rollbackCount.count=3\nurl=sqlite:x\n");
  ASSERT_TRUE(f.Run({"update-sql"}).ok());
  EXPECT_EQ(f.Log(LogLevel::kWarning),
            "Potentially ignored key(s) in defaults file " + f.flags.defaults_file +
                "\n - 'bogusKey'\n - 'liquibase.command.bogusArg'\n"
                " - 'liquibase.command.rollbackCount.count'\n");
  EXPECT_EQ(f.url, "sqlite:x");
}

// Liquibase 4.28: strict=true in the file (or LIQUIBASE_STRICT=true) makes
// an unknown key an error, exit 1.
TEST(Config, StrictMakesUnknownKeysAnError) {
  for (bool from_env : {false, true}) {
    Fixture f;
    f.flags.defaults_file = File(std::string("bogus=1\n") + (from_env ? "" : "strict=true\n"));
    Environment env;
    if (from_env) env.push_back({"LIQUIBASE_STRICT", "true"});
    Status s = f.Run({"update-sql"}, env);
    ASSERT_FALSE(s.ok()) << from_env;
    EXPECT_NE(s.message().find("Strict check failed due to undefined key(s) for "
                               "'update-sql' command"),
              std::string::npos)
        << s.message();
    EXPECT_NE(s.message().find(" - 'bogus'"), std::string::npos) << s.message();
  }
}

TEST(Config, StrictMakesUnknownVariablesAnError) {
  Fixture f;
  Status s = f.Run({"--strict", "update-sql"}, {{"STRATA_COMMAND_URLL", "x"}});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("- STRATA_COMMAND_URLL"), std::string::npos) << s.message();
}

TEST(Config, SubcommandOptionsAndFlags) {
  Fixture f;
  ASSERT_TRUE(f.Run({"status"}, {{"LIQUIBASE_COMMAND_STATUS_VERBOSE", "true"},
                                 {"LIQUIBASE_COMMAND_TAG", "v1"}})
                  .ok());
  EXPECT_TRUE(f.verbose);
  EXPECT_EQ(f.tag, "v1");
}

// A required option given by the environment or the file satisfies it.
TEST(Config, RequiredOptionsMayComeFromConfiguration) {
  {
    Fixture f;
    ASSERT_TRUE(f.Run({"rollback-count"}, {{"LIQUIBASE_COMMAND_ROLLBACK_COUNT_COUNT", "2"}}).ok());
    EXPECT_EQ(f.count, 2);
  }
  {
    Fixture f;
    f.flags.defaults_file = File("liquibase.command.rollbackCount.count=3\n");
    ASSERT_TRUE(f.Run({"rollback-count"}).ok());
    EXPECT_EQ(f.count, 3);
  }
  {
    Fixture f;
    Status s = f.Run({"rollback-count"});
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.message(), "--count is required");
  }
}

// Liquibase skips empty values: the next source is used.
TEST(Config, EmptyValuesAreUnset) {
  Fixture f;
  f.flags.defaults_file = File("url=sqlite:file.db\n");
  ASSERT_TRUE(f.Run({"update-sql"}, {{"LIQUIBASE_COMMAND_URL", ""}}).ok());
  EXPECT_EQ(f.url, "sqlite:file.db");
}

TEST(Config, ValuesAreValidatedAndTheErrorNamesTheSource) {
  Fixture f;
  Status s = f.Run({"update-sql"}, {{"LIQUIBASE_MISSING_PROPERTY_MODE", "BOGUS"}});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("LIQUIBASE_MISSING_PROPERTY_MODE"), std::string::npos)
      << s.message();
  Fixture g;
  g.flags.defaults_file = File("changelogLockWaitTimeInMinutes=soon\n");
  s = g.Run({"update-sql"});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("changelogLockWaitTimeInMinutes"), std::string::npos)
      << s.message();
}

TEST(Config, ParametersBecomeChangelogProperties) {
  Fixture f;
  f.flags.defaults_file = File("parameter.table=t1\nparameter.Mixed.Case=v\n");
  ASSERT_TRUE(f.Run({"update-sql"}).ok());
  std::map<std::string, std::string> want = {{"table", "t1"}, {"Mixed.Case", "v"}};
  EXPECT_EQ(f.result.parameters, want);
  EXPECT_EQ(f.Log(LogLevel::kWarning), "");
}

TEST(Config, DefaultsFileFromTheEnvironment) {
  Fixture f;
  std::string path = File("url=sqlite:named.db\n");
  ASSERT_TRUE(f.Run({"update-sql"}, {{"LIQUIBASE_DEFAULTS_FILE", path}}).ok());
  EXPECT_EQ(f.url, "sqlite:named.db");
}

TEST(Config, MissingNamedDefaultsFileIsAnError) {
  Fixture f;
  f.flags.defaults_file = TempDir() + "/missing.properties";
  Status s = f.Run({"update-sql"});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("could not find defaults file"), std::string::npos);
  Fixture g;
  s = g.Run({"update-sql"}, {{"STRATA_DEFAULTS_FILE", "/nonexistent/strata.properties"}});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("STRATA_DEFAULTS_FILE"), std::string::npos);
}

// Liquibase 4.28 at FINE: "Found 'liquibase.command.password' configuration
// of '*****'". Strata logs every value and where it came from, secrets
// masked and URLs redacted.
TEST(Config, FineLogMasksSecrets) {
  Fixture f;
  f.flags.defaults_file = File("password=s3cr3t-file\n");
  ASSERT_TRUE(f.Run({"update-sql"},
                    {{"LIQUIBASE_COMMAND_URL", "postgresql://u:s3cr3t-url@h/db"}})
                  .ok());
  std::string fine = f.Log(LogLevel::kFine);
  EXPECT_EQ(fine.find("s3cr3t"), std::string::npos) << fine;
  EXPECT_NE(fine.find("--password = ***** (defaults file"), std::string::npos) << fine;
  EXPECT_NE(fine.find("--url = "), std::string::npos) << fine;
  EXPECT_NE(fine.find("(environment variable LIQUIBASE_COMMAND_URL)"), std::string::npos)
      << fine;
}

}  // namespace
}  // namespace strata::cli
