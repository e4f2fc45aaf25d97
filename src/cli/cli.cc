#include "strata/cli.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "cli/commands.h"
#include "cli/config.h"

namespace strata {
namespace {

// Every failure exits 1, as Liquibase does; the table is here so that a
// future code has one place to go.
int ExitCode(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return 0;
    case Status::Code::kInvalidInput:
    case Status::Code::kNotFound:
    case Status::Code::kUnsupported:
    case Status::Code::kValidation:
    case Status::Code::kDatabase:
    case Status::Code::kLock:
    case Status::Code::kIo:
      return 1;
  }
  return 1;
}

// --log-level: Liquibase's level names, any case, and the aliases it
// accepts (DEBUG, WARN, ERROR) folded onto them.
CLI::Validator LogLevelName() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::string v;
        for (char c : value) v += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (v == "DEBUG" || v == "FINER" || v == "FINEST" || v == "ALL") v = "FINE";
        if (v == "WARN") v = "WARNING";
        if (v == "ERROR") v = "SEVERE";
        if (v == "CONFIG") v = "INFO";
        if (v != "OFF" && v != "SEVERE" && v != "WARNING" && v != "INFO" && v != "FINE")
          return "'" + value + "' is not a log level (OFF, SEVERE, WARNING, INFO or FINE)";
        value = v;
        return "";
      },
      "LEVEL");
}

// --count: a whole number of changesets, with a message that says so
// (CLI::NonNegativeNumber prints the range of a double).
const CLI::Validator kChangeSetCount(
    [](std::string& value) -> std::string {
      bool digits = !value.empty() &&
                    value.find_first_not_of("0123456789") == std::string::npos &&
                    value.size() <= 18;
      if (digits) return "";
      return "must be a whole number of changesets (0 or more), not '" + value + "'";
    },
    "N");

constexpr const char* kVersion =
    "Strata " STRATA_VERSION " (Liquibase 4.28 compatible changelogs, history and checksums)";

}  // namespace

int RunCli(int argc, char** argv) {
  cli::GlobalOptions o;
  CLI::App app{"Strata: database changelogs, Liquibase-compatible and fast.",
               "strata"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);
  app.add_option("--changelog-file,--changeLogFile", o.changelog_file,
                 "Changelog to apply (YAML or JSON)");
  app.add_option("--url", o.url,
                 "Database: postgresql://…, jdbc:postgresql://…, sqlite:PATH, "
                 "jdbc:sqlite:PATH, offline:postgresql, offline:sqlite");
  app.add_option("--username", o.username, "Database user (overrides the URL)");
  app.add_option("--password", o.password, "Database password (never printed)");
  app.add_option("--default-schema-name,--defaultSchemaName", o.default_schema,
                 "Schema for unqualified objects and the tracking tables");
  app.add_option("--search-path,--searchPath", o.search_path,
                 "Comma-separated folders to find changelogs in")
      ->delimiter(',');
  app.add_option("-D", o.defines, "Changelog property: -Dname=value");
  app.add_option("--missing-property-mode,--missingPropertyMode", o.missing_property_mode,
                 "PRESERVE (default), EMPTY or ERROR for undefined ${…}")
      ->transform(CLI::IsMember({"PRESERVE", "EMPTY", "ERROR"}, CLI::ignore_case));
  app.add_option("--changelog-lock-wait-time-in-minutes,--changelogLockWaitTimeInMinutes",
                 o.lock_wait_minutes, "How long to wait for the changelog lock (default 5)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--database-changelog-table-name,--databaseChangelogTableName",
                 o.changelog_table, "History table (default DATABASECHANGELOG)");
  app.add_option("--database-changelog-lock-table-name,--databaseChangelogLockTableName",
                 o.lock_table, "Lock table (default DATABASECHANGELOGLOCK)");
  app.add_option("--liquibase-schema-name,--liquibaseSchemaName", o.liquibase_schema,
                 "Schema of the history and lock tables (default: --default-schema-name)");
  app.add_option("--output-file,--outputFile", o.output_file,
                 "Write the command's output (SQL, status, history) here instead of stdout");
  app.add_option("--log-level,--logLevel", o.log_level,
                 "Strata's own notices on stderr: OFF, SEVERE, WARNING (default), INFO, FINE")
      ->transform(LogLevelName());
  app.add_option("--context-filter,--contexts", o.context_filter,
                 "Contexts to run (comma list); changesets whose context "
                 "expression does not match are left out");
  app.add_option("--label-filter,--labels", o.label_filter,
                 "Label expression (and, or, !, parentheses, @label); "
                 "changesets whose labels do not match are left out");
  // Every option above and in any subcommand also reads LIQUIBASE_*/STRATA_*
  // variables and the defaults file: see the convention in cli/config.h.
  cli::ConfigFlags config_flags;
  cli::AddConfigOptions(app, &config_flags);

  auto sub = [&app](const char* name, const char* help) {
    CLI::App* s = app.add_subcommand(name, help);
    s->fallthrough();
    return s;
  };
  CLI::App* update = sub("update", "Apply every pending changeset");
  CLI::App* update_sql = sub("update-sql", "Print the SQL update would run");
  update_sql->alias("updateSQL");
  update_sql->alias("updateSql");
  bool verbose = true;  // Liquibase's default for status
  CLI::App* status = sub("status", "List the changesets not applied yet");
  status->add_flag("--verbose", verbose,
                   "List each pending changeset (default true; --verbose=false: the count only)");
  std::string format = "TABULAR";
  CLI::App* history = sub("history", "List the applied changesets");
  history->add_option("--format", format, "TABULAR (default) or TEXT")
      ->transform(CLI::IsMember({"TABULAR", "TEXT"}, CLI::ignore_case));
  std::string tag;
  CLI::App* tag_cmd = sub("tag", "Tag the newest applied changeset");
  tag_cmd->add_option("--tag,tag", tag, "Tag name");
  cli::RollbackOptions rb;
  auto add_tag_rollback = [&](CLI::App* s) {
    s->add_option("--tag,tag", rb.tag, "Roll back everything applied after this tag");
    s->add_option("--tag-version", rb.tag_version,
                  "OLDEST (default) or NEWEST occurrence of the tag");
  };
  CLI::App* rollback = sub("rollback", "Roll back to a tag");
  add_tag_rollback(rollback);
  CLI::App* rollback_sql = sub("rollback-sql", "Print the SQL rollback would run");
  rollback_sql->alias("rollbackSQL");
  add_tag_rollback(rollback_sql);
  auto add_count = [&](CLI::App* s) {
    s->add_option("--count,count", rb.count, "How many changesets to roll back")
        ->required()
        ->check(kChangeSetCount);
  };
  CLI::App* rollback_count = sub("rollback-count", "Roll back the last N changesets");
  rollback_count->alias("rollbackCount");
  add_count(rollback_count);
  CLI::App* rollback_count_sql =
      sub("rollback-count-sql", "Print the SQL rollback-count would run");
  rollback_count_sql->alias("rollbackCountSQL");
  add_count(rollback_count_sql);
  // The plan-producing commands beyond update and rollback: each name with
  // Liquibase's legacy camelCase alias, matched ignoring case as Liquibase
  // does (changeLogSyncSQL, markNextChangeSetRanSql, ...).
  auto aliases = [](CLI::App* s, std::initializer_list<const char*> names) {
    s->ignore_case();
    for (const char* n : names) s->alias(n);
  };
  cli::UpdateCountOptions uc;
  auto add_update_count = [&](CLI::App* s) {
    s->add_option("--count,count", uc.count, "How many pending changesets to apply")
        ->required()
        ->check(kChangeSetCount);
  };
  CLI::App* update_count = sub("update-count", "Apply the next N pending changesets");
  aliases(update_count, {"updateCount"});
  add_update_count(update_count);
  CLI::App* update_count_sql =
      sub("update-count-sql", "Print the SQL update-count would run");
  aliases(update_count_sql, {"updateCountSql"});
  add_update_count(update_count_sql);
  cli::UpdateToTagOptions ut;
  auto add_update_tag = [&](CLI::App* s) {
    s->add_option("--tag,tag", ut.tag, "Apply up to and including this tagDatabase")
        ->required();
  };
  CLI::App* update_to_tag =
      sub("update-to-tag", "Apply pending changesets up to a tagDatabase changeset");
  aliases(update_to_tag, {"updateToTag"});
  add_update_tag(update_to_tag);
  CLI::App* update_to_tag_sql =
      sub("update-to-tag-sql", "Print the SQL update-to-tag would run");
  aliases(update_to_tag_sql, {"updateToTagSql"});
  add_update_tag(update_to_tag_sql);
  CLI::App* update_testing_rollback = sub(
      "update-testing-rollback", "Update, roll back what it applied, then update again");
  aliases(update_testing_rollback, {"updateTestingRollback"});
  cli::ChangeLogSyncOptions cs;
  CLI::App* changelog_sync =
      sub("changelog-sync", "Record every pending changeset as run, without running it");
  aliases(changelog_sync, {"changelogSync"});
  CLI::App* changelog_sync_sql =
      sub("changelog-sync-sql", "Print the SQL changelog-sync would run");
  aliases(changelog_sync_sql, {"changelogSyncSql"});
  auto add_sync_tag = [&](CLI::App* s) {
    s->add_option("--tag,tag", cs.tag, "Record up to and including this tagDatabase")
        ->required();
  };
  CLI::App* changelog_sync_to_tag = sub(
      "changelog-sync-to-tag", "Record pending changesets up to a tag as run, without running them");
  aliases(changelog_sync_to_tag, {"changelogSyncToTag"});
  add_sync_tag(changelog_sync_to_tag);
  CLI::App* changelog_sync_to_tag_sql =
      sub("changelog-sync-to-tag-sql", "Print the SQL changelog-sync-to-tag would run");
  aliases(changelog_sync_to_tag_sql, {"changelogSyncToTagSql"});
  add_sync_tag(changelog_sync_to_tag_sql);
  CLI::App* mark_next = sub("mark-next-changeset-ran",
                            "Record the next pending changeset as run, without running it");
  aliases(mark_next, {"markNextChangesetRan"});
  CLI::App* mark_next_sql =
      sub("mark-next-changeset-ran-sql", "Print the SQL mark-next-changeset-ran would run");
  aliases(mark_next_sql, {"markNextChangesetRanSql"});
  cli::RollbackToDateOptions rd;
  auto add_date = [&](CLI::App* s) {
    s->add_option("--date,date", rd.date,
                  "Roll back what ran after this date: YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS "
                  "or 'YYYY-MM-DD HH:MM:SS'")
        ->required();
  };
  CLI::App* rollback_to_date =
      sub("rollback-to-date", "Roll back the changesets applied after a date");
  aliases(rollback_to_date, {"rollbackToDate"});
  add_date(rollback_to_date);
  CLI::App* rollback_to_date_sql =
      sub("rollback-to-date-sql", "Print the SQL rollback-to-date would run");
  aliases(rollback_to_date_sql, {"rollbackToDateSql"});
  add_date(rollback_to_date_sql);
  cli::FutureRollbackOptions fr;
  CLI::App* future_rollback_sql =
      sub("future-rollback-sql", "Print the SQL that would roll back the pending changesets");
  aliases(future_rollback_sql, {"futureRollbackSql"});
  CLI::App* future_rollback_count_sql = sub(
      "future-rollback-count-sql", "Print the SQL that would roll back the next N pending changesets");
  aliases(future_rollback_count_sql, {"futureRollbackCountSql"});
  future_rollback_count_sql
      ->add_option("--count,count", fr.count, "How many pending changesets")
      ->required()
      ->check(kChangeSetCount);
  CLI::App* future_rollback_from_tag_sql =
      sub("future-rollback-from-tag-sql",
          "Print the SQL that would roll back the pending changesets up to a tag");
  aliases(future_rollback_from_tag_sql, {"futureRollbackFromTagSql"});
  future_rollback_from_tag_sql->add_option("--tag,tag", fr.tag, "Up to this tagDatabase")
      ->required();

  CLI::App* validate = sub("validate", "Check the changelog without running it");
  CLI::App* list_locks = sub("list-locks", "Show who holds the changelog lock");
  list_locks->alias("listLocks");
  CLI::App* release_locks = sub("release-locks", "Force-release the changelog lock");
  release_locks->alias("releaseLocks");

  // Inspection and maintenance commands (Liquibase 4.28 names and aliases).
  CLI::App* clear_checksums = sub("clear-checksums", "Set every stored checksum to NULL");
  clear_checksums->alias("clearCheckSums");
  clear_checksums->alias("clearChecksums");
  std::string exists_tag;
  CLI::App* tag_exists = sub("tag-exists", "Say whether a tag exists (exit 0 either way)");
  tag_exists->alias("tagExists");
  tag_exists->add_option("--tag,tag", exists_tag, "Tag to look for");
  cli::CalculateChecksumOptions calc;
  CLI::App* calculate = sub("calculate-checksum", "Print a changeset's checksum");
  calculate->alias("calculateCheckSum");
  calculate->alias("calculateChecksum");
  calculate->add_option("--changeset-identifier,--changesetIdentifier", calc.identifier,
                        "path::id::author");
  calculate->add_option("--changeset-id,--changesetId", calc.id, "Changeset id");
  calculate->add_option("--changeset-author,--changesetAuthor", calc.author,
                        "Changeset author");
  calculate->add_option("--changeset-path,--changesetPath", calc.path,
                        "Changelog path of the changeset");
  bool unexpected_verbose = false;
  CLI::App* unexpected = sub("unexpected-changesets",
                             "List applied changesets that are not in the changelog");
  unexpected->alias("unexpectedChangeSets");
  unexpected->alias("unexpectedChangesets");
  unexpected->add_flag("--verbose", unexpected_verbose, "List each of them");
  cli::DropAllOptions drop;
  CLI::App* drop_all = sub("drop-all", "Drop every object in the schema(s)");
  drop_all->alias("dropAll");
  drop_all->add_option("--schemas", drop.schemas, "Comma-separated schemas (default: the default schema)")
      ->delimiter(',');
  drop_all->add_flag("--force", drop.force, "Run even when --require-force is set");
  drop_all->add_flag("--require-force,--requireForce", drop.require_force,
                     "Refuse to run without --force");
  cli::ExecuteSqlOptions exec_sql;
  CLI::App* execute_sql = sub("execute-sql", "Run SQL statements and print query results");
  execute_sql->alias("executeSql");
  execute_sql->add_option("--sql", exec_sql.sql, "SQL to run");
  execute_sql->add_option("--sql-file,--sqlFile", exec_sql.sql_file, "File of SQL to run");
  execute_sql->add_option("--delimiter", exec_sql.delimiter,
                          "Statement delimiter (default: ';' and lines holding only GO or /)");

  cli::DeferRequirements(app, &config_flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }

  cli::Streams io;
  cli::ConfigResult config;
  Status s = cli::ApplyConfiguration(app, config_flags, cli::ProcessEnvironment(), &config);
  io.log_level = cli::ParseLogLevel(o.log_level);
  for (const auto& [level, line] : config.log) io.Log(level, line);
  if (!s.ok()) {
    fmt::print(stderr, "Error: {}\n", s.message());
    return ExitCode(s.code());
  }
  o.parameters = std::move(config.parameters);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> output_file(nullptr, &std::fclose);
  if (!o.output_file.empty()) {
    output_file.reset(std::fopen(o.output_file.c_str(), "w"));
    if (!output_file) {
      fmt::print(stderr, "Error: cannot write --output-file {}: {}\n", o.output_file,
                 std::strerror(errno));
      return ExitCode(Status::Code::kIo);
    }
    io.out = output_file.get();
  }
  if (update->parsed()) s = cli::RunUpdate(o, false, io);
  else if (update_sql->parsed()) s = cli::RunUpdate(o, true, io);
  else if (status->parsed()) s = cli::RunStatus(o, verbose, io);
  else if (history->parsed()) s = cli::RunHistory(o, format, io);
  else if (tag_cmd->parsed()) s = cli::RunTag(o, tag, io);
  else if (rollback->parsed() || rollback_sql->parsed()) {
    rb.sql_only = rollback_sql->parsed();
    if (rb.tag.empty()) s = Status::InvalidInput("rollback needs --tag=<tag>");
    else s = cli::RunRollback(o, rb, io);
  } else if (rollback_count->parsed() || rollback_count_sql->parsed()) {
    rb.sql_only = rollback_count_sql->parsed();
    rb.tag.clear();
    s = cli::RunRollback(o, rb, io);
  } else if (update_count->parsed() || update_count_sql->parsed()) {
    uc.sql_only = update_count_sql->parsed();
    s = cli::RunUpdateCount(o, uc, io);
  } else if (update_to_tag->parsed() || update_to_tag_sql->parsed()) {
    ut.sql_only = update_to_tag_sql->parsed();
    s = cli::RunUpdateToTag(o, ut, io);
  } else if (update_testing_rollback->parsed()) {
    s = cli::RunUpdateTestingRollback(o, io);
  } else if (changelog_sync->parsed() || changelog_sync_sql->parsed() ||
             changelog_sync_to_tag->parsed() || changelog_sync_to_tag_sql->parsed()) {
    cs.sql_only = changelog_sync_sql->parsed() || changelog_sync_to_tag_sql->parsed();
    s = cli::RunChangeLogSync(o, cs, io);
  } else if (mark_next->parsed() || mark_next_sql->parsed()) {
    s = cli::RunMarkNextChangeSetRan(o, mark_next_sql->parsed(), io);
  } else if (rollback_to_date->parsed() || rollback_to_date_sql->parsed()) {
    rd.sql_only = rollback_to_date_sql->parsed();
    s = cli::RunRollbackToDate(o, rd, io);
  } else if (future_rollback_sql->parsed() || future_rollback_count_sql->parsed() ||
             future_rollback_from_tag_sql->parsed()) {
    s = cli::RunFutureRollbackSql(o, fr, io);
  } else if (validate->parsed()) s = cli::RunValidate(o, io);
  else if (list_locks->parsed()) s = cli::RunListLocks(o, io);
  else if (release_locks->parsed()) s = cli::RunReleaseLocks(o, io);
  else if (clear_checksums->parsed()) s = cli::RunClearChecksums(o, io);
  else if (tag_exists->parsed()) s = cli::RunTagExists(o, exists_tag, io);
  else if (calculate->parsed()) s = cli::RunCalculateChecksum(o, calc, io);
  else if (unexpected->parsed()) s = cli::RunUnexpectedChangeSets(o, unexpected_verbose, io);
  else if (drop_all->parsed()) s = cli::RunDropAll(o, drop, io);
  else if (execute_sql->parsed()) s = cli::RunExecuteSql(o, exec_sql, io);

  if (!s.ok()) fmt::print(stderr, "Error: {}\n", s.message());
  if (output_file && std::fflush(output_file.get()) != 0 && s.ok()) {
    fmt::print(stderr, "Error: cannot write --output-file {}: {}\n", o.output_file,
               std::strerror(errno));
    return ExitCode(Status::Code::kIo);
  }
  return ExitCode(s.code());
}

}  // namespace strata
