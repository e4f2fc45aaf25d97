// PostgreSQL through libpq.

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "exec/connection_internal.h"
#include "strata/connection.h"
#include "strata/sql_writer.h"
#include "strata/dialect.h"

namespace strata::exec_detail {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

std::string TrimTrailing(std::string s) {
  while (!s.empty() &&
         (s.back() == '\n' || s.back() == ' ' || s.back() == '\r'))
    s.pop_back();
  return s;
}

// Notices (DROP ... IF EXISTS "skipping", implicit index creation) are not
// errors and would otherwise go to stderr between Strata's own output.
void IgnoreNotice(void*, const char*) {}

// The password the conninfo carries, so messages can be scrubbed of it.
std::string PasswordOf(const std::string& conninfo) {
  std::string password;
  char* err = nullptr;
  if (PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err)) {
    for (PQconninfoOption* o = opts; o->keyword; ++o)
      if (std::string_view(o->keyword) == "password" && o->val)
        password = o->val;
    PQconninfoFree(opts);
  }
  if (err) PQfreemem(err);
  return password;
}

Result<std::unique_ptr<Connection>> Open(const ConnectionSpec& spec,
                                         const char* application_name);

class PgConnection final : public Connection {
 public:
  PgConnection(PGconn* conn, ConnectionSpec spec, std::string password)
      : conn_(conn),
        spec_(std::move(spec)),
        redacted_(spec_.redacted),
        password_(std::move(password)) {
    PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
  }
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  const Dialect& dialect() const override { return PostgresDialect(); }

  Status Execute(std::string_view sql) override {
    // PQexec uses the simple query protocol: a script with several
    // statements runs as one implicit transaction unless it says otherwise.
    std::string text(sql);
    PgResult res(PQexec(conn_, text.c_str()));
    return CommandStatus(res.get(), text, 0);
  }

  // One simple-protocol message "head;\nsql\n;\ntail": `sql` starts on a
  // line of its own and ends before a newline, so a trailing "-- comment"
  // in it cannot swallow the tail. The server stops at the first error.
  Status ExecuteJoined(std::string_view head, std::string_view sql,
                       std::string_view tail) {
    std::string text;
    text.reserve(head.size() + sql.size() + tail.size() + 8);
    if (!head.empty()) text.append(head).append(";\n");
    const size_t sql_at = text.size();
    text.append(sql);
    if (!tail.empty()) text.append("\n;\n").append(tail);
    PgResult res(PQexec(conn_, text.c_str()));
    return CommandStatus(res.get(), sql, CharCount(head, sql_at));
  }

  // See exec_detail::ExecutePipelined. Statements go out in chunks, each
  // closed by a sync: libpq blocks while sending, so the server's replies to
  // one chunk must fit the socket buffers until they are read (a few dozen
  // bytes per statement). A sync inside BEGIN ... COMMIT ends no transaction.
  Status ExecutePipelined(const std::vector<std::string_view>& sqls,
                          const std::function<void()>& after_each, size_t* done,
                          bool* retry_one_by_one) {
    constexpr size_t kChunk = 256;
    *done = 0;
    *retry_one_by_one = false;
    if (PQenterPipelineMode(conn_) != 1)
      return Status::Unsupported("libpq pipeline mode is not available");
    Status failed;
    std::string text;
    for (size_t first = 0; first < sqls.size() && failed.ok(); first += kChunk) {
      const size_t end = std::min(sqls.size(), first + kChunk);
      size_t sent = first;
      for (; sent < end; ++sent) {
        text.assign(sqls[sent]);
        if (PQsendQueryParams(conn_, text.c_str(), 0, nullptr, nullptr, nullptr, nullptr,
                              0) != 1)
          break;
      }
      if (sent < end || PQpipelineSync(conn_) != 1) {
        failed = Status::Database(ErrorText(nullptr, ""));
        break;
      }
      // Each statement's results end with a null; the sync's result ends
      // the chunk. After an error the server skips the rest (ABORTED).
      for (size_t i = first; i < end; ++i) {
        bool first_result = true;
        while (PGresult* raw = PQgetResult(conn_)) {
          PgResult res(raw);
          if (!first_result) continue;
          first_result = false;
          switch (PQresultStatus(raw)) {
            case PGRES_COMMAND_OK:
            case PGRES_TUPLES_OK:
            case PGRES_EMPTY_QUERY:
              ++*done;
              after_each();
              break;
            case PGRES_PIPELINE_ABORTED:
              break;
            default:
              if (failed.ok()) {
                const char* state = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
                *retry_one_by_one = state && std::string_view(state) == "42601";
                failed = Status::Database(ErrorText(raw, sqls[i]));
              }
              break;
          }
        }
        if (PQstatus(conn_) == CONNECTION_BAD) break;
      }
      if (PQstatus(conn_) == CONNECTION_BAD) {
        if (failed.ok()) failed = Status::Database(ErrorText(nullptr, ""));
        break;
      }
      PgResult sync(PQgetResult(conn_));
      if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC) {
        if (failed.ok()) failed = Status::Database(ErrorText(sync.get(), ""));
        break;
      }
    }
    if (PQexitPipelineMode(conn_) != 1 && failed.ok())
      failed = Status::Database(ErrorText(nullptr, ""));
    return failed;
  }

  // The outcome of a simple-protocol command: errors name the position in
  // `sql`, whose first character is preceded by `chars_before` others in
  // what was sent.
  Status CommandStatus(PGresult* res, std::string_view sql, long chars_before) {
    switch (res ? PQresultStatus(res) : PGRES_FATAL_ERROR) {
      case PGRES_COMMAND_OK:
      case PGRES_TUPLES_OK:
      case PGRES_EMPTY_QUERY:
        return Status::Ok();
      case PGRES_COPY_IN:
      case PGRES_COPY_OUT:
      case PGRES_COPY_BOTH:
        Drain();
        return Status::Unsupported(
            "COPY ... FROM STDIN/TO STDOUT cannot run through strata");
      default:
        return Status::Database(ErrorText(res, sql, chars_before));
    }
  }

  Status Query(std::string_view sql, std::vector<Row>* rows) override {
    rows->clear();
    std::string text(sql);
    // The extended protocol: exactly one statement, so a stray second one
    // is an error instead of a silently discarded result.
    PgResult res(PQexecParams(conn_, text.c_str(), 0, nullptr, nullptr, nullptr,
                              nullptr, 0));
    return Collect(res.get(), text, rows);
  }

  Status QueryTable(std::string_view sql, QueryResult* result) override {
    *result = QueryResult();
    std::string text(sql);
    PgResult res(PQexecParams(conn_, text.c_str(), 0, nullptr, nullptr, nullptr,
                              nullptr, 0));
    if (Status s = Collect(res.get(), text, &result->rows); !s.ok()) return s;
    if (!res || PQresultStatus(res.get()) != PGRES_TUPLES_OK) return Status::Ok();
    constexpr Oid kBoolOid = 16, kTimestampOid = 1114;
    for (int j = 0; j < PQnfields(res.get()); ++j) {
      result->columns.emplace_back(PQfname(res.get(), j));
      result->booleans.push_back(PQftype(res.get(), j) == kBoolOid);
      result->timestamps.push_back(PQftype(res.get(), j) == kTimestampOid);
    }
    return Status::Ok();
  }

  std::string Describe() const override { return redacted_; }

  std::string UserName() const override {
    const char* user = PQuser(conn_);
    return user ? user : "";
  }

  Status UseSchema(const std::string& schema) override {
    SqlWriter w(PostgresDialect());
    w.Keyword("SET SEARCH_PATH TO ").Ident(schema).Keyword(", \"$user\", public");
    return Execute(w.str());
  }

  std::string CurrentSchema() override {
    std::vector<Row> rows;
    if (!Query("SELECT current_schema()", &rows).ok() || rows.empty() ||
        rows[0].empty() || !rows[0][0])
      return "";
    return *rows[0][0];
  }

  Result<bool> TableExists(const std::string& schema,
                           const std::string& table) override {
    // An unquoted name is stored folded to lower case, so DATABASECHANGELOG
    // finds databasechangelog; an exact match wins for quoted names.
    static constexpr char kSql[] =
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'f') "
        "AND c.relname IN ($2::text, lower($2::text)) "
        "AND n.nspname IN (COALESCE(NULLIF($1::text, ''), current_schema()), "
        "lower(COALESCE(NULLIF($1::text, ''), current_schema()))))";
    const char* values[2] = {schema.c_str(), table.c_str()};
    PgResult res(
        PQexecParams(conn_, kSql, 2, nullptr, values, nullptr, nullptr, 0));
    std::vector<Row> rows;
    if (Status s = Collect(res.get(), kSql, &rows); !s.ok()) return s;
    return !rows.empty() && rows[0].size() == 1 && rows[0][0] == "t";
  }

  Result<std::unique_ptr<ProcessLock>> NewProcessLock(
      const std::string& schema, const std::string& table) override;

  // True when nothing has arrived on this idle connection since its last
  // result. A terminated backend sends its FATAL message and closes the
  // socket, which makes it readable; so does a notice, which only costs a
  // needless check.
  bool Quiet() const {
    pollfd p{PQsocket(conn_), POLLIN, 0};
    return p.fd >= 0 && poll(&p, 1, 0) == 0;
  }

 private:
  Status Collect(PGresult* res, std::string_view sql, std::vector<Row>* rows) {
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_EMPTY_QUERY) return Status::Ok();
    if (st != PGRES_TUPLES_OK) {
      if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT ||
          st == PGRES_COPY_BOTH) {
        Drain();
        return Status::Unsupported("COPY cannot run through strata");
      }
      return Status::Database(ErrorText(res, sql));
    }
    int n = PQntuples(res), m = PQnfields(res);
    rows->reserve(n);
    for (int i = 0; i < n; ++i) {
      Row row;
      row.reserve(m);
      for (int j = 0; j < m; ++j) {
        if (PQgetisnull(res, i, j)) {
          row.emplace_back(std::nullopt);
        } else {
          row.emplace_back(
              std::string(PQgetvalue(res, i, j), PQgetlength(res, i, j)));
        }
      }
      rows->push_back(std::move(row));
    }
    return Status::Ok();
  }

  // Leaves a COPY state so that the connection stays usable.
  void Drain() {
    PQputCopyEnd(conn_, "strata does not stream COPY data");
    while (PGresult* r = PQgetResult(conn_)) PQclear(r);
  }

  // "ERROR: <primary> (SQLSTATE xxxxx) at line L, column C" and DETAIL and
  // HINT lines when the server sent them.
  // Characters (not bytes) in the first `bytes` of "head;\n": what the
  // server's error position counts before the caller's SQL starts.
  static long CharCount(std::string_view head, size_t bytes) {
    if (bytes == 0) return 0;
    long chars = 2;  // ";\n"
    for (unsigned char c : head)
      if ((c & 0xC0) != 0x80) ++chars;
    return chars;
  }

  // `chars_before`: characters the server saw before `sql` began.
  std::string ErrorText(const PGresult* res, std::string_view sql,
                        long chars_before = 0) const {
    const char* primary =
        res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    if (!primary) {
      std::string msg = res ? PQresultErrorMessage(res) : "";
      if (msg.empty()) msg = PQerrorMessage(conn_);
      msg = TrimTrailing(msg);
      if (msg.empty()) msg = "unknown error";
      return Scrub(msg + " (" + redacted_ + ")", password_);
    }
    const char* severity =
        PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
    const char* sqlstate = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    const char* position = PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION);
    const char* detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
    const char* hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
    std::string out =
        std::string(severity ? severity : "ERROR") + ": " + primary;
    if (sqlstate) out += std::string(" (SQLSTATE ") + sqlstate + ")";
    if (position) {
      long chars = std::strtol(position, nullptr, 10) - chars_before;
      if (chars > 0 && static_cast<size_t>(chars) <= sql.size())
        out += " at " + LineColumn(sql, ByteOffsetOfChar(
                                            sql, static_cast<size_t>(chars)));
    }
    if (detail) out += std::string("\nDETAIL: ") + detail;
    if (hint) out += std::string("\nHINT: ") + hint;
    return Scrub(std::move(out), password_);
  }

  PGconn* conn_;
  ConnectionSpec spec_;
  std::string redacted_;
  std::string password_;
};

// A session-level advisory lock (pg_try_advisory_lock) on a dedicated
// connection, so that it lives exactly as long as this process: the server
// drops it when the process dies. Never the transaction-level variant, which
// would keep a transaction open and make CREATE INDEX CONCURRENTLY wait for
// it forever.
class PgAdvisoryLock final : public ProcessLock {
 public:
  PgAdvisoryLock(std::unique_ptr<Connection> conn, int64_t key,
                 std::string what)
      : conn_(std::move(conn)), key_(std::to_string(key)),
        what_(std::move(what)) {}
  ~PgAdvisoryLock() override {
    if (held_) (void)conn_->Execute("SELECT pg_advisory_unlock(" + key_ + ")");
  }

  Result<bool> TryAcquire() override {
    if (held_) return true;
    std::vector<Row> rows;
    Status s = conn_->Query("SELECT pg_try_advisory_lock(" + key_ + ")", &rows);
    if (!s.ok()) return s;
    held_ = !rows.empty() && !rows[0].empty() && rows[0][0] == "t";
    return held_;
  }

  // Before every changeset: a round trip only when the lock's connection
  // has heard from the server (see Quiet), not 5,000 "SELECT 1" for 5,000
  // changesets.
  Status Check() override {
    if (static_cast<const PgConnection&>(*conn_).Quiet()) return Status::Ok();
    std::vector<Row> rows;
    Status s = conn_->Query("SELECT 1", &rows);
    if (!s.ok())
      return Status::Lock("lost the connection holding " + what_ + ": " +
                          s.message());
    return Status::Ok();
  }

  Status Execute(std::string_view sql) override { return conn_->Execute(sql); }

  std::string Describe() const override { return what_; }

 private:
  std::unique_ptr<Connection> conn_;
  std::string key_;
  std::string what_;
  bool held_ = false;
};

Result<std::unique_ptr<ProcessLock>> PgConnection::NewProcessLock(
    const std::string& schema, const std::string& table) {
  std::vector<Row> rows;
  Status s = Query("SELECT current_database(), current_schema()", &rows);
  if (!s.ok()) return s;
  if (rows.empty() || rows[0].size() != 2 || !rows[0][0])
    return Status::Database("cannot read the current database of " + redacted_);
  const std::string database = *rows[0][0];
  // Names fold as the tracking tables' own names do (unquoted: lower case).
  auto fold = [](std::string name) {
    for (char& c : name)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return name;
  };
  const std::string in_schema =
      fold(schema.empty() ? rows[0][1].value_or("public") : schema);
  const int64_t key = AdvisoryLockKey(database, in_schema, fold(table));
  Result<std::unique_ptr<Connection>> conn = Open(spec_, "strata lock");
  if (!conn.ok()) return conn.status();
  return std::unique_ptr<ProcessLock>(std::make_unique<PgAdvisoryLock>(
      std::move(*conn), key,
      "advisory lock " + std::to_string(key) + " on " + database + " (" +
          in_schema + "." + fold(table) + ")"));
}

Result<std::unique_ptr<Connection>> Open(const ConnectionSpec& spec,
                                         const char* application_name) {
  // Strata's defaults come first so that the URL's own connect_timeout,
  // application_name or client_encoding, expanded from `dbname`, win.
  std::vector<const char*> keys = {"connect_timeout", "application_name",
                                   "client_encoding"};
  std::vector<const char*> values = {"10", application_name, "UTF8"};
  if (!spec.conninfo.empty()) {
    keys.push_back("dbname");
    values.push_back(spec.conninfo.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  std::string password = PasswordOf(spec.conninfo);
  PGconn* conn =
      PQconnectdbParams(keys.data(), values.data(), /*expand_dbname=*/1);
  if (!conn) {
    return Status::Database("cannot connect to " + spec.redacted +
                            ": out of memory");
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    // libpq does not echo passwords, but a password from PGPASSWORD or a
    // service file could differ from the one in conninfo: scrub both.
    std::string msg = TrimTrailing(PQerrorMessage(conn));
    msg = Scrub(std::move(msg), password);
    if (const char* used = PQpass(conn)) msg = Scrub(std::move(msg), used);
    PQfinish(conn);
    return Status::Database("cannot connect to " + spec.redacted + ": " + msg);
  }
  std::string used = PQpass(conn) ? PQpass(conn) : "";
  return std::unique_ptr<Connection>(std::make_unique<PgConnection>(
      conn, spec, used.empty() ? password : used));
}

}  // namespace

int64_t AdvisoryLockKey(std::string_view database, std::string_view schema,
                        std::string_view table) {
  uint64_t h = 14695981039346656037ull;
  auto add = [&h](std::string_view part) {
    for (unsigned char c : part) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h *= 1099511628211ull;  // the NUL terminator (h ^= 0 is a no-op)
  };
  add("strata-lock");
  add(database);
  add(schema);
  add(table);
  return static_cast<int64_t>(h);
}

Status ExecuteJoined(Connection& conn, std::string_view head, std::string_view sql,
                     std::string_view tail) {
  if (auto* pg = dynamic_cast<PgConnection*>(&conn)) return pg->ExecuteJoined(head, sql, tail);
  if (!head.empty())
    if (Status s = conn.Execute(head); !s.ok()) return s;
  if (Status s = conn.Execute(sql); !s.ok()) return s;
  return tail.empty() ? Status::Ok() : conn.Execute(tail);
}

Status ExecutePipelined(Connection& conn, const std::vector<std::string_view>& sqls,
                        const std::function<void()>& after_each, size_t* done,
                        bool* retry_one_by_one) {
  *done = 0;
  *retry_one_by_one = false;
  if (auto* pg = dynamic_cast<PgConnection*>(&conn))
    return pg->ExecutePipelined(sqls, after_each, done, retry_one_by_one);
  return Status::Unsupported("pipelining is a PostgreSQL feature");
}

Result<std::unique_ptr<Connection>> ConnectPostgres(
    const ConnectionSpec& spec) {
  return Open(spec, "strata");
}

}  // namespace strata::exec_detail
