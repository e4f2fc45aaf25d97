// One connection interface over libpq and sqlite3. Nothing above the exec
// stage includes libpq-fe.h or sqlite3.h.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/dialect.h"
#include "strata/status.h"

namespace strata {

// A lock that the server or the operating system drops by itself when the
// process holding it dies: a session-level advisory lock on a connection of
// its own (PostgreSQL), flock on "<db>-strata.lock" (SQLite). Strata holds it
// for a whole command on top of Liquibase's databasechangeloglock row, so
// that a row left behind by a killed Strata process can be told from a live
// one. Released by the destructor.
class ProcessLock {
 public:
  virtual ~ProcessLock() = default;
  // One non-blocking attempt; true once held.
  virtual Result<bool> TryAcquire() = 0;
  // REQUIRES: TryAcquire() returned true. Fails when the lock may have been
  // lost (PostgreSQL: its connection is gone).
  virtual Status Check() = 0;
  // Runs `sql` over the lock's own connection where it has one (PostgreSQL),
  // so the lock row can be released after the main connection was lost.
  virtual Status Execute(std::string_view sql) = 0;
  // What is locked, for messages ("advisory lock 123 on db" / a path).
  virtual std::string Describe() const = 0;
};

using Row = std::vector<std::optional<std::string>>;

// A query's result with its column labels, for commands that print it
// (execute-sql). `booleans[i]` / `timestamps[i]` say the engine typed column
// i as a boolean / a timestamp without time zone, whose text forms differ
// between engines and JDBC.
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<bool> booleans, timestamps;
  std::vector<Row> rows;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual const Dialect& dialect() const = 0;
  // Runs one statement (or several for Exec of a script on SQLite).
  virtual Status Execute(std::string_view sql) = 0;
  // Runs a query; every value as text, NULL as nullopt.
  virtual Status Query(std::string_view sql, std::vector<Row>* rows) = 0;
  // Runs one statement and keeps its column labels (QueryResult).
  virtual Status QueryTable(std::string_view sql, QueryResult* result) = 0;
  // The URL with any password removed, for messages.
  virtual std::string Describe() const = 0;
  // The user the server knows this session as (PostgreSQL), or "" where the
  // engine has no users (SQLite).
  virtual std::string UserName() const = 0;
  // Current schema (PostgreSQL) or "" (SQLite).
  virtual std::string CurrentSchema() = 0;
  // --default-schema-name: unqualified names in user SQL resolve there
  // (PostgreSQL search_path, as Liquibase sets it). SQLite accepts only
  // "main".
  virtual Status UseSchema(const std::string& schema) = 0;
  // Whether a table exists in `schema` (empty: the current one).
  virtual Result<bool> TableExists(const std::string& schema,
                                   const std::string& table) = 0;
  // The process lock guarding the tracking tables `table` in `schema`
  // (empty: the current one) of this database. Not acquired yet.
  virtual Result<std::unique_ptr<ProcessLock>> NewProcessLock(
      const std::string& schema, const std::string& table) = 0;
};

// A parsed --url.
struct ConnectionSpec {
  enum class Kind { kPostgres, kSqlite, kOffline };
  Kind kind = Kind::kOffline;
  const Dialect* dialect = nullptr;
  std::string conninfo;   // libpq URI / keyword string (PostgreSQL)
  std::string path;       // file (SQLite)
  std::string redacted;   // URL safe to print
  // offline:<db>?snapshot=FILE: a Liquibase JSON snapshot describing the
  // database (column types for loadData, foreign keys, ...).
  std::string snapshot;
};

// Parses postgresql://…, postgres://…, jdbc:postgresql://host:port/db?…,
// sqlite:PATH, jdbc:sqlite:PATH, offline:postgresql, offline:sqlite,
// offline:mysql, offline:mariadb; mysql:// and jdbc:mysql: are rejected
// (execution on MySQL is not supported yet).
// username/password override what the URL says.
Result<ConnectionSpec> ParseUrl(const std::string& url,
                                const std::string& username,
                                const std::string& password);

// Opens the connection. Errors name the redacted URL, never the password.
Result<std::unique_ptr<Connection>> Connect(const ConnectionSpec& spec);

}  // namespace strata
