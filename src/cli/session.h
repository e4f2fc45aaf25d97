// What every command shares: the global options, loading the changelog,
// opening the database and the plan context.
#pragma once

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strata/catalog.h"
#include "strata/connection.h"
#include "strata/load.h"
#include "strata/model.h"
#include "strata/plan.h"
#include "strata/status.h"

namespace strata::cli {

// Every field may come from the command line, the environment or the
// defaults file (cli/config.h).
struct GlobalOptions {
  std::string changelog_file;
  std::string url;
  std::string username;
  std::string password;
  std::string default_schema;
  std::vector<std::string> search_path;
  std::vector<std::string> defines;  // -Dname=value
  // parameter.<name>=<value> of the defaults file (below -D and the
  // environment).
  std::map<std::string, std::string> parameters;
  std::string missing_property_mode = "PRESERVE";
  int lock_wait_minutes = 5;
  // The tracking tables: names (Liquibase's by default) and their schema
  // (--liquibase-schema-name; else --default-schema-name; else the
  // connection's current schema).
  std::string changelog_table;
  std::string lock_table;
  std::string liquibase_schema;
  // Applied by RunCli (Streams): where stdout output goes, and which of
  // Strata's own log lines reach stderr.
  std::string output_file;
  std::string log_level = "WARNING";
  // --context-filter (a context list) and --label-filter (a label
  // expression); empty: not given. See strata/context_filter.h.
  std::string context_filter;
  std::string label_filter;
};

// An opened target. `conn` is null for offline URLs.
struct Session {
  Session() = default;
  Session(Session&&) = default;
  Session& operator=(Session&&) = default;
  // Closes the connection; the changelog and history are handed to
  // KeepAtExit's keeper when it is on.
  ~Session();

  ConnectionSpec spec;
  std::unique_ptr<Connection> conn;
  PlanContext ctx;
  DatabaseChangeLog changelog;
  History history;
  // ctx.render.catalog points here; see FreshCatalog.
  std::unique_ptr<Catalog> catalog;
};

// Gives the session a new catalog of the target's current schema (before
// every plan: a catalog replays one plan's statements).
Status FreshCatalog(Session& session);

enum Needs : unsigned {
  kChangeLog = 1,      // --changelog-file is required and loaded
  kDatabase = 2,       // a live connection is required
  kOfflineOk = 4,      // an offline: URL is accepted
};

// Parses the URL, loads the changelog (printing every diagnostic to stderr)
// and connects and reads the history. A PostgreSQL server is connected to
// and read on another thread while the changelog loads (reading only); a
// changelog error is reported first, and the connection is then abandoned.
// A SQLite file is opened after the load (opening creates it).
Result<Session> OpenSession(const GlobalOptions& options, unsigned needs);

// The database as Liquibase names it in messages: "<user>@<url>", the URL
// as given (password masked). REQUIRES: session.conn.
std::string UserAtUrl(const Session& session);

// --log-level, Liquibase's names (java.util.logging).
enum class LogLevel { kOff, kSevere, kWarning, kInfo, kFine };
// "OFF", "SEVERE", "WARNING", "INFO", "FINE" (upper case: CLI11 normalizes).
LogLevel ParseLogLevel(std::string_view name);
std::string_view LogLevelName(LogLevel level);

// Output streams; tests may redirect them. Command output (SQL, status,
// history) goes to `out`; Strata's own notices are log lines on `err`,
// shown when their level is enabled. Errors are not log lines: RunCli
// always prints them.
struct Streams {
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  LogLevel log_level = LogLevel::kWarning;
  bool Logs(LogLevel level) const {
    return level != LogLevel::kOff && level <= log_level;
  }
  // "LEVEL: message" on err when `level` is enabled.
  void Log(LogLevel level, std::string_view message) const;
};

}  // namespace strata::cli
