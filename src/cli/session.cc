#include "cli/session.h"

#include <fmt/format.h>

#include <atomic>
#include <cctype>
#include <future>
#include <mutex>
#include <system_error>
#include <thread>

#include "strata/executor.h"
#include "strata/snapshot.h"
#include "strata/sql_writer.h"

namespace strata::cli {

namespace {

// Liquibase's JSON snapshot as catalog definitions.
std::vector<TableDefinition> Definitions(const DatabaseSnapshot& snapshot) {
  std::vector<TableDefinition> out;
  for (const SnapshotTable& t : snapshot.tables) {
    TableDefinition d;
    d.schema = t.schema;
    d.name = t.name;
    d.primary_key_name = t.primary_key_name;
    for (const SnapshotColumn& c : t.columns) {
      CatalogColumn col;
      col.name = c.name;
      col.type = c.type;
      col.not_null = !c.nullable;
      col.default_sql = c.default_value;
      for (size_t i = 0; i < t.primary_key.size(); ++i)
        if (SameName(t.primary_key[i], c.name)) col.primary_key = static_cast<int>(i + 1);
      d.columns.push_back(std::move(col));
    }
    for (const SnapshotForeignKey& k : t.foreign_keys) {
      CatalogForeignKey fk;
      fk.name = k.name;
      fk.columns = k.columns;
      fk.referenced_table = k.referenced_table;
      fk.referenced_columns = k.referenced_columns;
      d.foreign_keys.push_back(std::move(fk));
    }
    out.push_back(std::move(d));
  }
  return out;
}

// A type name as a snapshot gives it ("varchar(50)", "double precision",
// "numeric(10, 2)"): anything else is refused rather than written as SQL.
bool PlainTypeName(std::string_view t) {
  size_t i = 0;
  auto alpha = [&](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
  if (t.empty() || !alpha(t[0])) return false;
  while (i < t.size() && (alpha(t[i]) || std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == ' '))
    ++i;
  if (i == t.size()) return true;
  if (t[i] != '(' || t.back() != ')') return false;
  for (char c : t.substr(i + 1, t.size() - i - 2))
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ',' && c != ' ') return false;
  return true;
}

// CREATE TABLE for a snapshot table (names, types, NOT NULL, primary key),
// to seed SQLite's planning catalog.
Result<std::string> CreateTableSql(const Dialect& dialect, const TableDefinition& t,
                                   const std::string& file) {
  SqlWriter w(dialect);
  w.Keyword("CREATE TABLE ").Ident(t.name).Keyword(" (");
  std::vector<std::string> key(t.columns.size());
  size_t keys = 0;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const CatalogColumn& c = t.columns[i];
    if (!PlainTypeName(c.type))
      return Status::InvalidInput("snapshot " + file + ": column " + t.name + "." + c.name +
                                  " has type '" + c.type + "', which is not a type name");
    if (i) w.Keyword(", ");
    w.Ident(c.name).Keyword(" ").RawSql(c.type);
    if (c.not_null) w.Keyword(" NOT NULL");
    if (c.primary_key > 0 && static_cast<size_t>(c.primary_key) <= key.size()) {
      key[c.primary_key - 1] = c.name;
      ++keys;
    }
  }
  if (keys) {
    w.Keyword(", PRIMARY KEY (");
    for (size_t k = 0; k < keys; ++k) {
      if (k) w.Keyword(", ");
      w.Ident(key[k]);
    }
    w.Keyword(")");
  }
  w.Keyword(")");
  return w.Take();
}

// Liquibase folds the tracking table and schema names the way the engine
// folds unquoted names: --database-changelog-table-name=MyLog is mylog on
// PostgreSQL and MyLog on SQLite (checked against Liquibase 4.28).
std::string Lower(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}
std::string FoldName(const Dialect& dialect, const std::string& name) {
  return dialect.folds_to_lower ? Lower(name) : name;
}

// The tracking tables as the options name them. SQLite has no schemas: only
// "main" is accepted (Liquibase 4.28 fails later, at CREATE TABLE
// foo.DATABASECHANGELOG, with "unknown database foo").
Status SetTrackingTables(const GlobalOptions& options, const Dialect& dialect,
                         TrackingTables* tables) {
  *tables = DefaultTrackingTables(dialect);
  if (!options.default_schema.empty()) tables->schema = options.default_schema;
  if (!options.liquibase_schema.empty()) {
    if (!dialect.supports_schemas && Lower(options.liquibase_schema) != dialect.implicit_schema)
      return Status::InvalidInput(fmt::format(
          "--liquibase-schema-name={}: {} has no schemas; leave it out or use {}",
          options.liquibase_schema, dialect.display_name, dialect.implicit_schema));
    tables->schema = FoldName(dialect, options.liquibase_schema);
  }
  if (!options.changelog_table.empty())
    tables->changelog = FoldName(dialect, options.changelog_table);
  if (!options.lock_table.empty()) tables->lock = FoldName(dialect, options.lock_table);
  if (Lower(tables->changelog) == Lower(tables->lock))
    return Status::InvalidInput(fmt::format(
        "--database-changelog-table-name and --database-changelog-lock-table-name "
        "both name {}; the history and the lock need a table each",
        tables->changelog));
  return Status::Ok();
}

// What opening the target gives: the connection and its history.
struct Opened {
  Status status = Status::Ok();
  std::unique_ptr<Connection> conn;
  History history;
  bool lock_table_exists = false;
  bool changelog_table_exists = false;
};

Opened OpenDatabase(const ConnectionSpec& spec, const std::string& default_schema,
                    PlanContext ctx) {
  Opened out;
  Result<std::unique_ptr<Connection>> conn = Connect(spec);
  if (!conn.ok()) {
    out.status = conn.status();
    return out;
  }
  if (!default_schema.empty())
    if (Status s = (*conn)->UseSchema(default_schema); !s.ok()) {
      out.status = s;
      return out;
    }
  out.status = ReadHistory(**conn, &ctx, &out.history);
  out.conn = std::move(*conn);
  out.lock_table_exists = ctx.lock_table_exists;
  out.changelog_table_exists = ctx.changelog_table_exists;
  return out;
}

std::atomic<int> background_opens{0};

// OpenDatabase on a thread of its own, so that a server's connection set-up
// and history read overlap the changelog's loading (a status or no-op update
// of 5,000 changesets spends a fifth of its time waiting on those). Get()
// joins. When the load fails the opening is abandoned: the thread finishes
// (and closes its connection) on its own; main() then ends the process
// without running static destructors under it (BackgroundWorkRunning).
class BackgroundOpen {
 public:
  BackgroundOpen(const ConnectionSpec& spec, std::string default_schema,
                 const PlanContext& ctx) {
    std::packaged_task<Opened()> task(
        [spec, schema = std::move(default_schema), ctx] {
          return OpenDatabase(spec, schema, ctx);
        });
    result_ = task.get_future();
    ++background_opens;
    try {
      thread_ = std::thread([task = std::move(task)]() mutable {
        task();
        task = std::packaged_task<Opened()>();  // an abandoned result closes here
        --background_opens;
      });
    } catch (...) {
      --background_opens;
      throw;
    }
  }
  BackgroundOpen(const BackgroundOpen&) = delete;
  BackgroundOpen& operator=(const BackgroundOpen&) = delete;
  ~BackgroundOpen() {
    if (thread_.joinable()) thread_.detach();
  }
  Opened Get() {
    thread_.join();
    return result_.get();
  }

 private:
  std::future<Opened> result_;
  std::thread thread_;
};

std::atomic<bool> keep_at_exit{false};

}  // namespace

Session::~Session() {
  if (!keep_at_exit.load(std::memory_order_relaxed)) return;
  if (changelog.changesets.empty() && history.rows().empty()) return;  // moved from
  // Never freed, and reachable from here (a leak checker does not count it).
  struct Kept {
    std::mutex mu;
    std::vector<DatabaseChangeLog> changelogs;
    std::vector<History> histories;
  };
  static Kept* const kept = new Kept;
  std::lock_guard<std::mutex> lock(kept->mu);
  kept->changelogs.push_back(std::move(changelog));
  kept->histories.push_back(std::move(history));
}

LogLevel ParseLogLevel(std::string_view name) {
  if (name == "OFF") return LogLevel::kOff;
  if (name == "SEVERE") return LogLevel::kSevere;
  if (name == "INFO") return LogLevel::kInfo;
  if (name == "FINE") return LogLevel::kFine;
  return LogLevel::kWarning;
}

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kOff: return "OFF";
    case LogLevel::kSevere: return "SEVERE";
    case LogLevel::kWarning: return "WARNING";
    case LogLevel::kInfo: return "INFO";
    case LogLevel::kFine: return "FINE";
  }
  return "WARNING";
}

void Streams::Log(LogLevel level, std::string_view message) const {
  if (!Logs(level)) return;
  fmt::print(err, "{}: {}\n", LogLevelName(level), message);
  std::fflush(err);
}

Status FreshCatalog(Session& session) {
  session.ctx.render.catalog = nullptr;
  session.catalog.reset();
  if (!session.spec.snapshot.empty()) {
    Result<DatabaseSnapshot> snapshot = LoadSnapshotFile(session.spec.snapshot);
    if (!snapshot.ok()) return snapshot.status();
    if (session.ctx.dialect->rebuilds_tables) {
      // SQLite's catalog follows the plan (the table rebuild needs that):
      // it starts from the snapshot's tables instead of an empty schema.
      Result<std::unique_ptr<Catalog>> catalog = NewCatalog(*session.ctx.dialect, nullptr);
      if (!catalog.ok()) return catalog.status();
      for (const TableDefinition& t : Definitions(*snapshot)) {
        Result<std::string> sql = CreateTableSql(*session.ctx.dialect, t, session.spec.snapshot);
        if (!sql.ok()) return sql.status();
        if (Status s = (*catalog)->Apply(*sql); !s.ok()) return s;
      }
      session.catalog = std::move(*catalog);
      session.ctx.render.catalog = session.catalog.get();
      return Status::Ok();
    }
    session.catalog = std::make_unique<StaticCatalog>(Definitions(*snapshot));
    session.ctx.render.catalog = session.catalog.get();
    return Status::Ok();
  }
  Result<std::unique_ptr<Catalog>> catalog =
      NewCatalog(*session.ctx.dialect, session.conn.get());
  if (!catalog.ok()) return catalog.status();
  session.catalog = std::move(*catalog);
  session.ctx.render.catalog = session.catalog.get();
  return Status::Ok();
}

std::string UserAtUrl(const Session& session) {
  // sqlite-jdbc reports no user name, which Liquibase prints as "null".
  std::string user = session.conn ? session.conn->UserName() : "";
  return (user.empty() ? "null" : user) + "@" + session.spec.redacted;
}

Result<Session> OpenSession(const GlobalOptions& options, unsigned needs) {
  Session session;
  if (options.url.empty())
    return Status::InvalidInput("--url is required (e.g. --url=sqlite:app.db)");
  Result<ConnectionSpec> spec =
      ParseUrl(options.url, options.username, options.password);
  if (!spec.ok()) return spec.status();
  session.spec = *spec;
  const bool offline = spec->kind == ConnectionSpec::Kind::kOffline;
  if (offline && !(needs & kOfflineOk))
    return Status::InvalidInput(fmt::format(
        "this command needs a database; {} is an offline URL", spec->redacted));

  session.ctx.dialect = spec->dialect;
  session.ctx.render.dialect = spec->dialect;
  if (Status s = SetTrackingTables(options, *spec->dialect, &session.ctx.tables); !s.ok())
    return s;
  if (!options.default_schema.empty())
    session.ctx.render.default_schema = options.default_schema;
  session.ctx.deployment_id = NewDeploymentId();
  Result<ChangeSetFilter> filter =
      ChangeSetFilter::Make(options.context_filter, options.label_filter);
  if (!filter.ok()) return filter.status();
  session.ctx.filter = std::move(*filter);

  // A server is opened while the changelog loads; the load's errors still
  // come first, and nothing runs before both are done. (A SQLite file is
  // opened after: opening creates it, which a bad changelog must not.)
  std::optional<BackgroundOpen> opening;
  if (spec->kind == ConnectionSpec::Kind::kPostgres && (needs & kChangeLog)) {
    try {
      opening.emplace(*spec, options.default_schema, session.ctx);
    } catch (const std::system_error&) {
      opening.reset();  // no thread to be had: opened after the load
    }
  }

  if (needs & kChangeLog) {
    if (options.changelog_file.empty())
      return Status::InvalidInput("--changelog-file is required");
    LoadOptions lo;
    lo.changelog_file = options.changelog_file;
    lo.search_path = options.search_path;
    lo.dbms = std::string(spec->dialect->name);
    lo.filter = session.ctx.filter;
    if (options.missing_property_mode == "EMPTY")
      lo.missing_property = LoadOptions::MissingProperty::kEmpty;
    else if (options.missing_property_mode == "ERROR")
      lo.missing_property = LoadOptions::MissingProperty::kError;
    for (const std::string& d : options.defines) {
      auto eq = d.find('=');
      if (eq == std::string::npos)
        return Status::InvalidInput(fmt::format("-D{} must be -Dname=value", d));
      lo.properties.emplace(d.substr(0, eq), d.substr(eq + 1));
    }
    lo.file_properties = options.parameters;
    LoadResult loaded = LoadChangeLog(lo);
    for (const Diagnostic& d : loaded.warnings) fmt::print(stderr, "{}\n", d.ToString());
    if (!loaded.ok()) {
      std::string msg = fmt::format("{} error{} in the changelog; nothing was run:",
                                    loaded.errors.size(),
                                    loaded.errors.size() == 1 ? "" : "s");
      for (const Diagnostic& d : loaded.errors) msg += "\n" + d.ToString();
      return Status::InvalidInput(msg);
    }
    session.changelog = std::move(loaded.changelog);
  }

  if (!offline) {
    Opened db = opening ? opening->Get()
                        : OpenDatabase(*spec, options.default_schema, session.ctx);
    session.conn = std::move(db.conn);
    if (!db.status.ok()) return db.status;
    session.history = std::move(db.history);
    session.ctx.lock_table_exists = db.lock_table_exists;
    session.ctx.changelog_table_exists = db.changelog_table_exists;
  }
  return session;
}

}  // namespace strata::cli

namespace strata {
bool BackgroundWorkRunning() { return cli::background_opens.load() > 0; }
void KeepAtExit() { cli::keep_at_exit = true; }
}  // namespace strata
