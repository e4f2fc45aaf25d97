// Liquibase-compatible configuration: the defaults file (liquibase.properties)
// and LIQUIBASE_* / STRATA_* environment variables fill in every CLI11 option
// that the command line left unset (reference §5, checked against Liquibase
// 4.28 where it was unclear; tests/config_*test.cc hold each case).
//
// Precedence for one option, first found wins:
//   1. the command line;
//   2. a STRATA_* environment variable (STRATA_X mirrors LIQUIBASE_X);
//   3. a LIQUIBASE_* environment variable;
//   4. the defaults file: --defaults-file, else STRATA_DEFAULTS_FILE or
//      LIQUIBASE_DEFAULTS_FILE, else ./liquibase.properties, else
//      ./strata.properties (a missing default file is fine, a missing named
//      one is an error);
//   5. the option's default.
// Within one source the command-specific spelling beats the generic one.
// Empty values count as unset, as in Liquibase.
//
// Spellings. Liquibase has global options and command arguments:
//   global (an app-level option whose name is one of Liquibase's global
//   options, e.g. --search-path):  LIQUIBASE_SEARCH_PATH;
//     file: liquibase.searchPath, searchPath, search-path
//   command argument (every subcommand option, and every other app-level
//   option, e.g. --url, --changelog-file, --count of rollback-count):
//     LIQUIBASE_COMMAND_ROLLBACK_COUNT_COUNT, LIQUIBASE_COMMAND_COUNT;
//     file: liquibase.command.rollbackCount.count, liquibase.command.count,
//     count
// Names match as Liquibase matches them: case-insensitively, with '-' and '_'
// ignored (changeLogFile = changelog-file = CHANGELOG_FILE). In the defaults
// file `parameter.<name>=<value>` defines a changelog property (below the
// environment and -D) and `strict` turns unknown keys from a warning into an
// error.
//
// CONVENTION for whoever adds options or subcommands in cli.cc: nothing to
// do. Register the option with its Liquibase kebab-case name first
// ("--changelog-file,--changeLogFile"); ApplyConfiguration() finds every
// option of the app and of the selected subcommand by those names.
// `->required()` keeps working (DeferRequirements moves the check after the
// configuration is applied). An option that must come from the command line
// only says `->configurable(false)`. Options whose value is a secret are the
// ones whose name contains "password": their values are never printed.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/session.h"
#include "strata/status.h"

namespace CLI {
class App;
class Option;
}

namespace strata::cli {

// NAME=value pairs, as in environ.
using Environment = std::vector<std::pair<std::string, std::string>>;
Environment ProcessEnvironment();

// "changeLogFile", "changelog-file", "CHANGELOG_FILE" -> "changelogfile".
std::string CanonicalKey(std::string_view key);

// A Java .properties file: key/value pairs in file order, values trimmed.
struct DefaultsFile {
  std::string path;  // "" when no file was read
  std::vector<std::pair<std::string, std::string>> entries;
};
Result<DefaultsFile> ReadDefaultsFile(const std::string& path);

// The options that configure the configuration: --defaults-file
// (command line only) and --strict.
struct ConfigFlags {
  std::string defaults_file;
  bool strict = false;
  std::vector<CLI::Option*> deferred_required;  // see DeferRequirements
};
void AddConfigOptions(CLI::App& app, ConfigFlags* flags);

// Call before app.parse(): CLI11 checks `required()` while parsing, before
// the configuration could supply the value; ApplyConfiguration checks it
// instead.
void DeferRequirements(CLI::App& app, ConfigFlags* flags);

// What ApplyConfiguration found besides option values.
struct ConfigResult {
  // parameter.<name> entries of the defaults file.
  std::map<std::string, std::string> parameters;
  // Lines for the log, at their level; emitted once --log-level is known.
  std::vector<std::pair<LogLevel, std::string>> log;
};

// After app.parse(): fills every option of `app` and of its selected
// subcommand that the command line left unset, from `env` and the defaults
// file, through CLI11 (so validators and transforms apply). Reports unknown
// LIQUIBASE_*/STRATA_* variables and defaults-file keys as warnings, or as
// an error under strict; checks deferred requirements. Nothing is printed
// here; errors never contain a secret value.
Status ApplyConfiguration(CLI::App& app, const ConfigFlags& flags,
                          const Environment& env, ConfigResult* result);

}  // namespace strata::cli
