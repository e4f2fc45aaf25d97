// What every command shares: the global options, loading the changelog,
// opening the database and the plan context.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "strata/catalog.h"
#include "strata/connection.h"
#include "strata/load.h"
#include "strata/model.h"
#include "strata/plan.h"
#include "strata/status.h"

namespace strata::cli {

struct GlobalOptions {
  std::string changelog_file;
  std::string url;
  std::string username;
  std::string password;
  std::string default_schema;
  std::vector<std::string> search_path;
  std::vector<std::string> defines;  // -Dname=value
  std::string missing_property_mode = "PRESERVE";
  int lock_wait_minutes = 5;
};

// An opened target. `conn` is null for offline URLs.
struct Session {
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
// and connects, in that order, so that bad input never reaches a database.
// Reads the history when connected.
Result<Session> OpenSession(const GlobalOptions& options, unsigned needs);

// The database as Liquibase names it in messages: "<user>@<url>", the URL
// as given (password masked). REQUIRES: session.conn.
std::string UserAtUrl(const Session& session);

// Output streams; tests may redirect them.
struct Streams {
  std::FILE* out = stdout;
  std::FILE* err = stderr;
};

}  // namespace strata::cli
