#include "cli/config.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <sys/stat.h>

// The load stage's Java .properties reader (also used for changelog
// property files): one grammar for both.
#include "load/properties.h"
#include "strata/connection.h"

extern char** environ;

namespace strata::cli {
namespace {

// Liquibase 4.28's global options (liquibase --help), its command names and
// the union of its command arguments (liquibase <command> --help). A key or
// variable naming one of them is valid Liquibase configuration: Strata uses
// it when it has the option and otherwise ignores it without a warning, so
// that an existing liquibase.properties (driver, classpath, ...) does not
// warn.
constexpr std::string_view kLiquibaseGlobals[] = {
    "allow-duplicated-changeset-identifiers", "always-drop-instead-of-replace",
    "always-override-stored-logic-schema", "auto-reorg", "changelog-lock-poll-rate",
    "changelog-lock-wait-time-in-minutes", "changelog-parse-mode", "classpath",
    "convert-data-types", "custom-log-data-file", "custom-log-data-frequency",
    "database-changelog-lock-table-name", "database-changelog-table-name", "database-class",
    "dbclhistory-capture-extensions", "dbclhistory-capture-sql", "dbclhistory-enabled",
    "dbclhistory-severity", "ddl-lock-timeout", "defaults-file", "diff-column-order", "driver",
    "driver-properties-file", "duplicate-file-mode", "error-on-circular-include-all",
    "file-encoding", "filter-log-messages", "generate-changeset-created-values",
    "generated-changeset-ids-contains-description", "headless",
    "include-catalog-in-specification", "include-relations-for-computed-columns",
    "include-system-classpath", "license-key", "liquibase-catalog-name",
    "liquibase-schema-name", "liquibase-tablespace-name", "log-channels", "log-file",
    "log-format", "log-level", "mirror-console-messages-to-log", "mirror-output-to-console",
    "missing-property-mode", "monitor-performance", "on-missing-include-changelog",
    "output-file", "output-file-encoding", "output-line-separator", "preserve-schema-case",
    "pro-global-end-delimiter", "pro-global-end-delimiter-prioritized", "pro-license-key",
    "pro-mark-unused-not-drop", "pro-sql-inline", "pro-strict", "pro-synonyms-drop-public",
    "prompt-for-non-local-database", "property-provider-class", "psql-args", "psql-keep-temp",
    "psql-keep-temp-name", "psql-keep-temp-path", "psql-log-file", "psql-path", "psql-timeout",
    "search-path", "secure-parsing", "should-run", "should-snapshot-data", "show-banner",
    "sql-log-level", "sql-show-sql-warnings", "sqlcmd-args", "sqlcmd-catalog-name",
    "sqlcmd-keep-temp", "sqlcmd-keep-temp-name", "sqlcmd-keep-temp-overwrite",
    "sqlcmd-keep-temp-path", "sqlcmd-log-file", "sqlcmd-path", "sqlcmd-timeout",
    "sqlplus-args", "sqlplus-create-spool", "sqlplus-keep-temp-name",
    "sqlplus-keep-temp-overwrite", "sqlplus-keep-temp-path", "sqlplus-path",
    "sqlplus-sqlerror", "sqlplus-timeout", "strict", "support-property-escaping",
    "ui-service", "use-procedure-schema", "validate-xml-changelog-files",
};

constexpr std::string_view kLiquibaseCommands[] = {
    "calculate-checksum", "changelog-sync", "changelog-sync-sql", "changelog-sync-to-tag",
    "changelog-sync-to-tag-sql", "checks", "clear-checksums", "connect", "db-doc",
    "dbcl-history", "diff", "diff-changelog", "drop-all", "execute-sql", "flow",
    "future-rollback-count-sql", "future-rollback-from-tag-sql", "future-rollback-sql",
    "generate-changelog", "history", "init", "list-locks", "mark-next-changeset-ran",
    "mark-next-changeset-ran-sql", "release-locks", "rollback", "rollback-count",
    "rollback-count-sql", "rollback-one-changeset", "rollback-one-changeset-sql",
    "rollback-one-update", "rollback-one-update-sql", "rollback-sql", "rollback-to-date",
    "rollback-to-date-sql", "set-contexts", "set-labels", "snapshot", "snapshot-reference",
    "status", "tag", "tag-exists", "unexpected-changesets", "update", "update-count",
    "update-count-sql", "update-one-changeset", "update-one-changeset-sql", "update-sql",
    "update-testing-rollback", "update-to-tag", "update-to-tag-sql", "validate",
};

constexpr std::string_view kLiquibaseArguments[] = {
    "add-row", "author", "change-exec-listener-class", "change-exec-listener-properties-file",
    "changelog-file", "changeset-author", "changeset-id", "changeset-identifier",
    "changeset-path", "context-filter", "contexts", "count", "data-output-directory", "date",
    "dbms", "default-catalog-name", "default-schema-name", "delimiter", "deployment-id",
    "diff-types", "drift-severity", "drift-severity-changed", "drift-severity-missing",
    "drift-severity-unexpected", "driver", "driver-properties-file", "drop-dbclhistory",
    "exclude-objects", "flow-file", "flow-file-strict-parsing", "flow-shell-interpreter",
    "flow-shell-keep-temp-files", "force", "force-replace", "format", "include-catalog",
    "include-objects", "include-schema", "include-tablespace", "label-filter", "labels",
    "output-default-catalog", "output-default-schema", "output-directory", "output-schemas",
    "overwrite-output-file", "password", "reference-default-catalog-name",
    "reference-default-schema-name", "reference-driver", "reference-driver-properties-file",
    "reference-liquibase-catalog-name", "reference-liquibase-schema-name",
    "reference-password", "reference-schemas", "reference-url", "reference-username",
    "replace-if-exists-types", "report-enabled", "report-name", "report-path",
    "require-force", "rollback-on-error", "rollback-script", "run-on-change-types", "schemas",
    "set-as", "show-summary", "show-summary-output", "skip-object-sorting",
    "snapshot-filters", "snapshot-format", "sql", "sql-file", "tag", "tag-version", "url",
    "use-or-replace-option", "username", "verbose",
};

constexpr std::string_view kMask = "*****";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == prefix;
}

// Lower-cased words of `s` split at any of `separators`; empty words dropped.
std::vector<std::string> Words(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  std::string word;
  for (char c : s) {
    if (separators.find(c) != std::string_view::npos) {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string Joined(const std::vector<std::string>& words, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < words.size(); ++i) out += words[i];
  return out;
}

bool IsSecret(const std::string& canonical) {
  return canonical.find("password") != std::string::npos;
}

// A LIQUIBASE_* or STRATA_* variable, split into words after the prefix
// (and after COMMAND_ for command arguments).
struct EnvEntry {
  std::string name, value;
  bool strata = false;
  bool command = false;
  std::vector<std::string> words;
};

// A defaults-file entry, its key split at '.' into canonical segments.
struct FileEntry {
  std::string key, value;
  std::vector<std::string> segments;
};

// The selected (sub)command chain, as Liquibase names it in keys:
// "update-sql" -> canonical "updatesql", env words {"update", "sql"}.
struct Command {
  std::string display;  // "update-sql"
  std::string canonical;
  std::vector<std::string> words;
};

// An option to fill and how Liquibase spells it.
struct Target {
  CLI::Option* option;
  std::set<std::string> names;  // canonical long names
  bool global;                  // a Liquibase global (else a command argument)
};

struct Found {
  std::string value;
  std::string where;
};

std::set<std::string> CanonicalNames(const CLI::Option& opt) {
  std::set<std::string> out;
  for (const std::string& n : opt.get_lnames()) out.insert(CanonicalKey(n));
  return out;
}

const std::set<std::string>& LiquibaseGlobals() {
  static const std::set<std::string> globals = [] {
    std::set<std::string> s;
    for (std::string_view g : kLiquibaseGlobals) s.insert(CanonicalKey(g));
    return s;
  }();
  return globals;
}

// Options that configuration may fill: named, configurable, not help or
// version.
bool Configurable(const CLI::Option& opt) {
  if (!opt.get_configurable() || opt.get_lnames().empty()) return false;
  for (const std::string& n : opt.get_lnames())
    if (n == "help" || n == "help-all" || n == "version") return false;
  return true;
}

std::vector<CLI::App*> SelectedChain(CLI::App& app) {
  std::vector<CLI::App*> chain;
  CLI::App* at = &app;
  while (true) {
    std::vector<CLI::App*> subs = at->get_subcommands();
    if (subs.empty()) break;
    at = subs.front();
    chain.push_back(at);
  }
  return chain;
}

// The value of `target` from the environment: STRATA_* before LIQUIBASE_*,
// the command-specific spelling before the generic one.
std::optional<Found> FromEnvironment(const Target& target, const Command& cmd,
                                     const std::vector<EnvEntry>& env) {
  for (bool strata : {true, false}) {
    auto match = [&](auto&& pred) -> std::optional<Found> {
      for (const EnvEntry& e : env)
        if (e.strata == strata && !e.value.empty() && pred(e))
          return Found{e.value, "environment variable " + e.name};
      return std::nullopt;
    };
    std::optional<Found> f;
    if (target.global) {
      f = match([&](const EnvEntry& e) {
        return !e.command && target.names.count(Joined(e.words));
      });
    } else {
      f = match([&](const EnvEntry& e) {
        if (!e.command || cmd.words.empty() || e.words.size() <= cmd.words.size() ||
            !std::equal(cmd.words.begin(), cmd.words.end(), e.words.begin()))
          return false;
        return target.names.count(Joined(e.words, cmd.words.size())) > 0;
      });
      if (!f)
        f = match([&](const EnvEntry& e) {
          return e.command && target.names.count(Joined(e.words));
        });
    }
    if (f) return f;
  }
  return std::nullopt;
}

// The value of `target` from the defaults file: `liquibase.command.<cmd>.
// <arg>` before `liquibase.command.<arg>` before `<arg>` (globals:
// `liquibase.<name>` or `<name>`). Of equal keys the last wins, as in
// java.util.Properties.
std::optional<Found> FromFile(const Target& target, const Command& cmd,
                              const std::vector<FileEntry>& file,
                              const std::string& path) {
  auto match = [&](auto&& pred) -> std::optional<Found> {
    for (auto it = file.rbegin(); it != file.rend(); ++it)
      if (!it->value.empty() && pred(it->segments))
        return Found{it->value, fmt::format("defaults file {} key '{}'", path, it->key)};
    return std::nullopt;
  };
  auto is = [](const std::vector<std::string>& s, size_t n, size_t i, std::string_view v) {
    return s.size() == n && s[i] == v;
  };
  std::optional<Found> f;
  if (target.global) {
    f = match([&](const std::vector<std::string>& s) {
      return is(s, 2, 0, "liquibase") && target.names.count(s[1]);
    });
  } else {
    if (!cmd.canonical.empty())
      f = match([&](const std::vector<std::string>& s) {
        return is(s, 4, 0, "liquibase") && s[1] == "command" && s[2] == cmd.canonical &&
               target.names.count(s[3]);
      });
    if (!f)
      f = match([&](const std::vector<std::string>& s) {
        return is(s, 3, 0, "liquibase") && s[1] == "command" && target.names.count(s[2]);
      });
  }
  if (!f)
    f = match([&](const std::vector<std::string>& s) {
      return s.size() == 1 && target.names.count(s[0]);
    });
  return f;
}

// Shown at FINE: secrets masked, URLs redacted.
std::string Shown(const CLI::Option& opt, const std::set<std::string>& names) {
  std::vector<std::string> values = opt.results();
  bool secret = false, url = false;
  for (const std::string& n : names) {
    secret = secret || IsSecret(n);
    url = url || n.find("url") != std::string::npos;
  }
  if (secret) return std::string(kMask);
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += ",";
    if (url) {
      Result<ConnectionSpec> spec = ParseUrl(v, "", "");
      out += spec.ok() ? spec->redacted : "(not shown: not a valid URL)";
    } else {
      out += v;
    }
  }
  return out;
}

// Applies `value` to `opt` as CLI11 applies a command-line value.
Status ApplyValue(CLI::Option* opt, const Found& found, bool secret) {
  try {
    if (opt->get_expected_min() == 0) {
      opt->add_result(opt->get_flag_value(opt->get_lnames().front(), found.value));
    } else {
      opt->add_result(found.value);
    }
    opt->run_callback();
  } catch (const CLI::Error& e) {
    return Status::InvalidInput(
        fmt::format("{}: {}", found.where,
                    secret ? "not a valid value for " + opt->get_name() : std::string(e.what())));
  }
  return Status::Ok();
}

}  // namespace

std::string CanonicalKey(std::string_view key) {
  std::string out;
  for (char c : key)
    if (c != '-' && c != '_')
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Environment ProcessEnvironment() {
  Environment out;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    size_t eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    out.emplace_back(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return out;
}

}  // namespace strata::cli

namespace strata::cli {
namespace {

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// What Liquibase would accept as configuration, for the unknown-key checks.
struct KnownNames {
  std::set<std::string> globals;
  std::set<std::string> current_args;  // app arguments + the selected command's
  std::set<std::string> all_args;      // ... + every command's
  std::vector<std::vector<std::string>> commands;  // as env words
};

KnownNames Known(CLI::App& app, const std::vector<Target>& targets) {
  KnownNames k;
  k.globals = LiquibaseGlobals();
  for (std::string_view a : kLiquibaseArguments) k.current_args.insert(CanonicalKey(a));
  for (const Target& t : targets)
    if (!t.global) k.current_args.insert(t.names.begin(), t.names.end());
  k.all_args = k.current_args;
  for (std::string_view c : kLiquibaseCommands) k.commands.push_back(Words(c, "-"));
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    k.commands.push_back(Words(sub->get_name(), "-_"));
    for (CLI::Option* opt : sub->get_options())
      for (const std::string& n : CanonicalNames(*opt)) k.all_args.insert(n);
  }
  return k;
}

bool KnownFileKey(const std::vector<std::string>& s, const Command& cmd, const KnownNames& k) {
  if (s.size() == 1) return k.current_args.count(s[0]) || k.globals.count(s[0]);
  if (s[0] != "liquibase") return false;
  if (s.size() == 2) return k.globals.count(s[1]) > 0;
  if (s[1] != "command") return false;
  if (s.size() == 3) return k.all_args.count(s[2]) > 0;
  // A key for another command is "potentially ignored" too, as in Liquibase.
  return s.size() == 4 && s[2] == cmd.canonical && k.current_args.count(s[3]);
}

bool KnownVariable(const EnvEntry& e, const KnownNames& k) {
  if (!e.command) return k.globals.count(Joined(e.words)) > 0;
  if (k.all_args.count(Joined(e.words))) return true;
  for (const std::vector<std::string>& c : k.commands)
    if (e.words.size() > c.size() && std::equal(c.begin(), c.end(), e.words.begin()) &&
        k.all_args.count(Joined(e.words, c.size())))
      return true;
  return false;
}

}  // namespace

Result<DefaultsFile> ReadDefaultsFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(fmt::format("cannot read defaults file {}", path));
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::Io(fmt::format("cannot read defaults file {}", path));
  DefaultsFile file;
  file.path = path;
  for (auto& [key, value] : load::ParseJavaProperties(text.str())) {
    // Liquibase trims every value (DefaultsFileValueProvider).
    size_t b = value.find_first_not_of(" \t\f\r\n");
    size_t e = value.find_last_not_of(" \t\f\r\n");
    file.entries.emplace_back(key, b == std::string::npos ? "" : value.substr(b, e - b + 1));
  }
  return file;
}

void AddConfigOptions(CLI::App& app, ConfigFlags* flags) {
  app.add_option("--defaults-file,--defaultsFile", flags->defaults_file,
                 "Liquibase properties file (default: liquibase.properties, then "
                 "strata.properties, in the working directory)")
      ->configurable(false);
  app.add_flag("--strict", flags->strict,
               "Unknown keys in the defaults file and unknown LIQUIBASE_*/STRATA_* "
               "variables are errors, not warnings");
}

void DeferRequirements(CLI::App& app, ConfigFlags* flags) {
  auto defer = [flags](CLI::App& a) {
    for (CLI::Option* opt : a.get_options())
      if (opt->get_required() && Configurable(*opt)) {
        opt->required(false);
        flags->deferred_required.push_back(opt);
      }
  };
  defer(app);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) defer(*sub);
}

Status ApplyConfiguration(CLI::App& app, const ConfigFlags& flags,
                          const Environment& environment, ConfigResult* result) {
  std::vector<CLI::App*> chain = SelectedChain(app);
  Command cmd;
  for (CLI::App* a : chain) {
    if (!cmd.display.empty()) cmd.display += " ";
    cmd.display += a->get_name();
    for (std::string& w : Words(a->get_name(), "-_")) cmd.words.push_back(std::move(w));
  }
  cmd.canonical = Joined(cmd.words);

  std::vector<EnvEntry> env;
  for (const auto& [name, value] : environment) {
    const bool strata = StartsWithNoCase(name, "strata_");
    if (!strata && !StartsWithNoCase(name, "liquibase_")) continue;
    const std::string lower = Lower(name);
    // Not configuration: Liquibase's launcher variables, the variables of
    // Strata's own scripts and tests (tools/test exports some of them).
    static const std::set<std::string> kTooling = {
        "liquibase_home",         "strata_conformance_dir", "strata_conformance_verbose", "strata_liquibase",
        "strata_liquibase_cache", "strata_pg_bindir",       "strata_require_pg",
        "strata_sanitize_tests",  "strata_update_golden"};
    if (kTooling.count(lower) || lower.rfind("liquibase_launcher_", 0) == 0 ||
        lower.rfind("strata_test_", 0) == 0 || lower.rfind("strata_load_test_", 0) == 0)
      continue;
    EnvEntry e;
    e.name = name;
    e.value = value;
    e.strata = strata;
    e.words = Words(std::string_view(name).substr(strata ? 7 : 10), "_.-");
    if (!e.words.empty() && e.words[0] == "command") {
      e.command = true;
      e.words.erase(e.words.begin());
    }
    env.push_back(std::move(e));
  }

  // The defaults file: --defaults-file, STRATA_DEFAULTS_FILE,
  // LIQUIBASE_DEFAULTS_FILE, else the first default name that exists.
  std::string path, named_by;
  if (!flags.defaults_file.empty()) {
    path = flags.defaults_file;
    named_by = "--defaults-file";
  }
  for (bool strata : {true, false})
    for (const EnvEntry& e : env)
      if (path.empty() && e.strata == strata && !e.command && !e.value.empty() &&
          Joined(e.words) == "defaultsfile") {
        path = e.value;
        named_by = e.name;
      }
  if (path.empty())
    for (const char* candidate : {"liquibase.properties", "strata.properties"})
      if (path.empty() && IsRegularFile(candidate)) path = candidate;
  if (!named_by.empty() && !IsRegularFile(path))
    return Status::InvalidInput(
        fmt::format("could not find defaults file {} (named by {})", path, named_by));
  std::vector<FileEntry> file;
  if (!path.empty()) {
    Result<DefaultsFile> read = ReadDefaultsFile(path);
    if (!read.ok()) return read.status();
    for (auto& [key, value] : read->entries) {
      if (key.rfind("parameter.", 0) == 0) {
        result->parameters[key.substr(10)] = value;
        continue;
      }
      FileEntry f{key, value, {}};
      size_t at = 0;
      while (true) {
        size_t dot = key.find('.', at);
        f.segments.push_back(CanonicalKey(key.substr(at, dot - at)));
        if (dot == std::string::npos) break;
        at = dot + 1;
      }
      file.push_back(std::move(f));
    }
    result->log.emplace_back(LogLevel::kFine, "defaults file: " + path);
  } else {
    result->log.emplace_back(LogLevel::kFine,
                             "no defaults file (no liquibase.properties or "
                             "strata.properties in the working directory)");
  }

  std::vector<Target> targets;
  for (CLI::Option* opt : app.get_options()) {
    if (!Configurable(*opt)) continue;
    Target t{opt, CanonicalNames(*opt), false};
    for (const std::string& n : t.names) t.global = t.global || LiquibaseGlobals().count(n);
    targets.push_back(std::move(t));
  }
  for (CLI::App* a : chain)
    for (CLI::Option* opt : a->get_options())
      if (Configurable(*opt)) targets.push_back({opt, CanonicalNames(*opt), false});

  std::map<const CLI::Option*, std::string> sources;
  for (const Target& t : targets) {
    if (t.option->count() > 0) continue;
    std::optional<Found> f = FromEnvironment(t, cmd, env);
    if (!f) f = FromFile(t, cmd, file, path);
    if (!f) continue;
    bool secret = std::any_of(t.names.begin(), t.names.end(), IsSecret);
    if (Status s = ApplyValue(t.option, *f, secret); !s.ok()) return s;
    sources[t.option] = f->where;
  }

  // Unknown keys and variables: warnings, or errors under strict (whose
  // value may itself have come from the file or the environment above).
  KnownNames known = Known(app, targets);
  std::set<std::string> bad_keys, bad_vars;
  for (const FileEntry& f : file)
    if (!KnownFileKey(f.segments, cmd, known)) bad_keys.insert(f.key);
  for (const EnvEntry& e : env)
    if (!KnownVariable(e, known)) bad_vars.insert(e.name);
  if (!bad_vars.empty()) {
    std::string list;
    for (const std::string& v : bad_vars) list += "\n- " + v;
    if (flags.strict)
      return Status::InvalidInput(
          "Strata detected the following invalid LIQUIBASE_*/STRATA_* environment "
          "variables:" + list +
          "\nPlease rename them and run your command again, or set "
          "liquibase.strict=FALSE or LIQUIBASE_STRICT=FALSE.");
    result->log.emplace_back(
        LogLevel::kWarning,
        "Strata detected the following invalid LIQUIBASE_*/STRATA_* environment variables:" +
            list);
  }
  if (!bad_keys.empty()) {
    std::string list;
    for (const std::string& k : bad_keys) list += "\n - '" + k + "'";
    if (flags.strict)
      return Status::InvalidInput(fmt::format(
          "Strict check failed due to undefined key(s) for '{}' command in defaults file "
          "{}:{}\nTo define keys that could apply to any command, prefix it with "
          "'liquibase.command.'\nTo disable strict checking, remove 'strict' from the file.",
          cmd.display, path, list));
    result->log.emplace_back(LogLevel::kWarning,
                             fmt::format("Potentially ignored key(s) in defaults file {}{}",
                                         path, list));
  }

  std::set<const CLI::Option*> in_scope;
  for (const Target& t : targets) in_scope.insert(t.option);
  for (CLI::Option* opt : flags.deferred_required)
    if (in_scope.count(opt) && opt->count() == 0)
      return Status::InvalidInput(fmt::format("{} is required", opt->get_name()));

  for (const Target& t : targets) {
    if (t.option->count() == 0) continue;
    auto source = sources.find(t.option);
    result->log.emplace_back(
        LogLevel::kFine,
        fmt::format("{} = {} ({})", t.option->get_name(), Shown(*t.option, t.names),
                    source == sources.end() ? "command line" : source->second));
  }
  for (const auto& [name, value] : result->parameters)
    result->log.emplace_back(LogLevel::kFine,
                             fmt::format("changelog property {} from defaults file {}", name, path));
  return Status::Ok();
}

}  // namespace strata::cli
