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

using Row = std::vector<std::optional<std::string>>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual const Dialect& dialect() const = 0;
  // Runs one statement (or several for Exec of a script on SQLite).
  virtual Status Execute(std::string_view sql) = 0;
  // Runs a query; every value as text, NULL as nullopt.
  virtual Status Query(std::string_view sql, std::vector<Row>* rows) = 0;
  // The URL with any password removed, for messages.
  virtual std::string Describe() const = 0;
  // Current schema (PostgreSQL) or "" (SQLite).
  virtual std::string CurrentSchema() = 0;
  // --default-schema-name: unqualified names in user SQL resolve there
  // (PostgreSQL search_path, as Liquibase sets it). SQLite accepts only
  // "main".
  virtual Status UseSchema(const std::string& schema) = 0;
  // Whether a table exists in `schema` (empty: the current one).
  virtual Result<bool> TableExists(const std::string& schema,
                                   const std::string& table) = 0;
};

// A parsed --url.
struct ConnectionSpec {
  enum class Kind { kPostgres, kSqlite, kOffline };
  Kind kind = Kind::kOffline;
  const Dialect* dialect = nullptr;
  std::string conninfo;   // libpq URI / keyword string (PostgreSQL)
  std::string path;       // file (SQLite)
  std::string redacted;   // URL safe to print
};

// Parses postgresql://…, postgres://…, jdbc:postgresql://host:port/db?…,
// sqlite:PATH, jdbc:sqlite:PATH, offline:postgresql, offline:sqlite.
// username/password override what the URL says.
Result<ConnectionSpec> ParseUrl(const std::string& url,
                                const std::string& username,
                                const std::string& password);

// Opens the connection. Errors name the redacted URL, never the password.
Result<std::unique_ptr<Connection>> Connect(const ConnectionSpec& spec);

}  // namespace strata
