// SQLite through the sqlite3 C API.

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "exec/connection_internal.h"
#include "strata/connection.h"
#include "strata/dialect.h"

namespace strata::exec_detail {
namespace {

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

// flock on "<db>-strata.lock" beside the database file. A sidecar rather
// than the database file itself: closing any descriptor of the database
// file would drop SQLite's own POSIX locks on it in this process. The kernel
// releases the flock when the process dies.
class SqliteFileLock final : public ProcessLock {
 public:
  explicit SqliteFileLock(std::string path) : path_(std::move(path)) {}
  ~SqliteFileLock() override {
    if (fd_ >= 0) close(fd_);  // also releases the flock
  }

  Result<bool> TryAcquire() override {
    if (held_) return true;
    if (fd_ < 0) {
      fd_ = open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
      if (fd_ < 0)
        return Status::Io("cannot open the lock file " + path_ + ": " +
                          std::strerror(errno));
    }
    if (flock(fd_, LOCK_EX | LOCK_NB) == 0) return held_ = true;
    if (errno == EWOULDBLOCK || errno == EINTR) return false;
    return Status::Io("cannot lock " + path_ + ": " + std::strerror(errno));
  }

  Status Check() override { return Status::Ok(); }
  Status Execute(std::string_view) override {
    return Status::Unsupported("the SQLite file lock has no connection");
  }
  std::string Describe() const override { return "file lock " + path_; }

 private:
  std::string path_;
  int fd_ = -1;
  bool held_ = false;
};

// Nothing to lock: no other process can open the same in-memory database.
class NoProcessLock final : public ProcessLock {
 public:
  Result<bool> TryAcquire() override { return true; }
  Status Check() override { return Status::Ok(); }
  Status Execute(std::string_view) override {
    return Status::Unsupported("no lock connection");
  }
  std::string Describe() const override { return "no process lock"; }
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::string redacted)
      : db_(db), redacted_(std::move(redacted)) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  const Dialect& dialect() const override { return SqliteDialect(); }

  // Runs every statement in `sql` in order, stopping at the first error.
  Status Execute(std::string_view sql) override {
    size_t pos = 0;
    while (pos < sql.size()) {
      Stmt stmt;
      size_t used = 0;
      if (Status s = Prepare(sql, pos, &stmt, &used); !s.ok()) return s;
      if (!stmt) {  // only whitespace, comments or ';' were left
        if (used == 0) break;
        pos += used;
        continue;
      }
      int rc;
      while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      }
      if (rc != SQLITE_DONE) return Error(sql, pos);
      pos += used;
    }
    return Status::Ok();
  }

  Status Query(std::string_view sql, std::vector<Row>* rows) override {
    return Run(sql, rows, nullptr);
  }

  // SQLite types values, not columns: no column is reported as a boolean or
  // a timestamp.
  Status QueryTable(std::string_view sql, QueryResult* result) override {
    *result = QueryResult();
    if (Status s = Run(sql, &result->rows, &result->columns); !s.ok()) return s;
    result->booleans.assign(result->columns.size(), false);
    result->timestamps.assign(result->columns.size(), false);
    return Status::Ok();
  }

  std::string UserName() const override { return ""; }

 private:
  // Query, and the column labels when `columns` is given.
  Status Run(std::string_view sql, std::vector<Row>* rows,
             std::vector<std::string>* columns) {
    rows->clear();
    Stmt stmt;
    size_t used = 0;
    if (Status s = Prepare(sql, 0, &stmt, &used); !s.ok()) return s;
    if (!stmt) return Status::Ok();
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      // Read per row, after the step: a step may re-prepare the statement
      // against a schema another connection changed, and the count read
      // before it would be the old one.
      int count = sqlite3_column_count(stmt.get());
      Row row;
      row.reserve(count);
      for (int i = 0; i < count; ++i) {
        if (sqlite3_column_type(stmt.get(), i) == SQLITE_NULL) {
          row.emplace_back(std::nullopt);
        } else {
          const unsigned char* text = sqlite3_column_text(stmt.get(), i);
          int n = sqlite3_column_bytes(stmt.get(), i);
          row.emplace_back(std::string(reinterpret_cast<const char*>(text), n));
        }
      }
      rows->push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) return Error(sql, 0);
    if (columns) {
      for (int i = 0; i < sqlite3_column_count(stmt.get()); ++i) {
        const char* name = sqlite3_column_name(stmt.get(), i);
        columns->emplace_back(name ? name : "");
      }
    }
    // A second statement after the first would be silently ignored; say so.
    Stmt extra;
    size_t rest = 0;
    for (size_t pos = used; pos < sql.size(); pos += rest) {
      if (Status s = Prepare(sql, pos, &extra, &rest); !s.ok()) return s;
      if (extra)
        return Status::InvalidInput(
            "Query runs one statement; found more in: " + std::string(sql));
      if (rest == 0) break;
    }
    return Status::Ok();
  }

 public:
  std::string Describe() const override { return redacted_; }

  std::string CurrentSchema() override { return ""; }

  Status UseSchema(const std::string& schema) override {
    if (schema.empty() || schema == "main") return Status::Ok();
    return Status::InvalidInput("SQLite has no schema '" + schema +
                                "'; leave --default-schema-name out or use main");
  }

  // SQLite has no schemas (Dialect::supports_schemas is false): `schema` is
  // ignored and the main database searched. SQLite names are
  // case-insensitive, so the comparison is too.
  Result<bool> TableExists(const std::string& /*schema*/,
                           const std::string& table) override {
    static constexpr char kSql[] =
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1 "
        "COLLATE NOCASE";
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_, kSql, -1, &raw, nullptr) != SQLITE_OK)
      return Error(kSql, 0);
    Stmt stmt(raw);
    sqlite3_bind_text(stmt.get(), 1, table.data(),
                      static_cast<int>(table.size()), SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Error(kSql, 0);
  }

  // One lock per database file, whatever the table names: SQLite has one
  // writer at a time anyway.
  Result<std::unique_ptr<ProcessLock>> NewProcessLock(
      const std::string& /*schema*/, const std::string& /*table*/) override {
    const char* file = sqlite3_db_filename(db_, "main");
    if (!file || !*file)
      return std::unique_ptr<ProcessLock>(std::make_unique<NoProcessLock>());
    return std::unique_ptr<ProcessLock>(
        std::make_unique<SqliteFileLock>(std::string(file) + "-strata.lock"));
  }

 private:
  // Prepares the first statement of sql[pos..]; `used` is how many bytes it
  // (and any leading whitespace) took. A null `stmt` means nothing to run.
  Status Prepare(std::string_view sql, size_t pos, Stmt* stmt, size_t* used) {
    const char* start = sql.data() + pos;
    const char* tail = nullptr;
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db_, start, static_cast<int>(sql.size() - pos),
                                &raw, &tail);
    stmt->reset(raw);
    if (rc != SQLITE_OK) return Error(sql, pos);
    *used = tail ? static_cast<size_t>(tail - start) : sql.size() - pos;
    return Status::Ok();
  }

  // The engine's message, and where in `sql` it points when SQLite knows
  // (offsets are relative to the statement that started at `pos`).
  Status Error(std::string_view sql, size_t pos) {
    std::string msg = sqlite3_errmsg(db_);
#if SQLITE_VERSION_NUMBER >= 3038000
    int offset = sqlite3_error_offset(db_);
    if (offset >= 0) msg += " at " + LineColumn(sql, pos + offset);
#else
    (void)sql;
    (void)pos;
#endif
    return Status::Database(msg);
  }

  sqlite3* db_;
  std::string redacted_;
};

}  // namespace

Result<std::unique_ptr<Connection>> ConnectSqlite(const ConnectionSpec& spec) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(spec.path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  auto fail = [&](const std::string& why) -> Status {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::Database("cannot open " + spec.redacted + ": " +
                            (why.empty() ? msg : why + ": " + msg));
  };
  if (rc != SQLITE_OK) return fail("");
  sqlite3_busy_timeout(db, 5000);
  if (sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr) !=
      SQLITE_OK)
    return fail("");
  // SQLite opens lazily; reading the schema now turns "not a database" into
  // a connection error rather than the first statement's.
  if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr,
                   nullptr) != SQLITE_OK)
    return fail("");
  return std::unique_ptr<Connection>(
      std::make_unique<SqliteConnection>(db, spec.redacted));
}

}  // namespace strata::exec_detail
