// execute-sql, as Liquibase 4.28's ExecuteSqlCommandStep: the text is split
// as a sql change with stripComments is (`;`, or lines holding only GO or /,
// or --delimiter); a statement that reads "select <...>" on one line is run
// as a query and its rows printed, any other statement is executed. All of
// it runs in one transaction, and the output is printed once it committed.
#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "strata/render.h"

namespace strata::cli {
namespace {

// Java's sqlString.toLowerCase().matches("\\s*select .*"): "select" and a
// space, then no line break (`.` stops at one).
bool IsSelect(std::string_view sql) {
  size_t i = 0;
  while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
  std::string_view rest = sql.substr(i);
  if (rest.size() < 7) return false;
  for (size_t k = 0; k < 6; ++k)
    if (std::tolower(static_cast<unsigned char>(rest[k])) != "select"[k]) return false;
  if (rest[6] != ' ') return false;
  return rest.find_first_of("\r\n") == std::string_view::npos;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// A value as Java's toString of the JDBC object prints it.
std::string JavaText(const std::optional<std::string>& v, bool boolean, bool timestamp) {
  if (!v) return "null";
  if (boolean) return *v == "t" ? "true" : *v == "f" ? "false" : *v;
  // java.sql.Timestamp always shows a fraction.
  if (timestamp && v->find('.') == std::string::npos && v->size() == 19) return *v + ".0";
  return *v;
}

// Liquibase's handleSelect: "Output of <sql>:", then the column labels
// (upper case, duplicates once: a map per row) and one line per row.
std::string FormatRows(const std::string& sql, const QueryResult& r) {
  std::string out = "Output of " + sql + ":\n";
  if (r.rows.empty()) return out + "-- Empty Resultset --\n";
  // Label -> the last column with it (a later put replaces the value but
  // keeps the first position).
  std::vector<std::string> keys;
  std::vector<size_t> source;
  for (size_t i = 0; i < r.columns.size(); ++i) {
    std::string key = Upper(r.columns[i]);
    size_t k = 0;
    while (k < keys.size() && keys[k] != key) ++k;
    if (k == keys.size()) {
      keys.push_back(key);
      source.push_back(i);
    } else {
      source[k] = i;
    }
  }
  for (size_t k = 0; k < keys.size(); ++k) out += (k ? " | " : "") + keys[k];
  out += " |\n";
  for (const Row& row : r.rows) {
    for (size_t k = 0; k < keys.size(); ++k) {
      size_t i = source[k];
      out += JavaText(i < row.size() ? row[i] : std::nullopt, r.booleans[i], r.timestamps[i]);
      out += " | ";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

Status RunExecuteSql(const GlobalOptions& o, const ExecuteSqlOptions& e,
                     const Streams& io) {
  Sql text;
  if (e.sql_file) {  // Liquibase reads the file when both are given
    std::ifstream in(*e.sql_file, std::ios::binary);
    if (!in) return Status::NotFound("The file " + *e.sql_file + " was not found");
    std::ostringstream buf;
    buf << in.rdbuf();
    text.sql = buf.str();
  } else if (e.sql) {
    text.sql = *e.sql;
  } else {
    return Status::InvalidInput("execute-sql needs --sql=<statements> or --sql-file=<file>");
  }
  text.strip_comments = true;
  text.split_statements = true;
  if (e.delimiter && !e.delimiter->empty()) text.end_delimiter = *e.delimiter;
  std::vector<std::string> statements = SplitSql(text);

  Result<Session> opened = OpenSession(o, 0);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  // Liquibase runs it under the changelog lock.
  auto lock = TakeLock(session, o, io);
  if (!lock.ok()) return lock.status();

  // One transaction, committed at the end, as Liquibase's connection
  // (autocommit off) does.
  Connection& conn = *session.conn;
  if (Status s = conn.Execute("BEGIN"); !s.ok()) return s;
  std::string out;
  for (const std::string& sql : statements) {
    Status s;
    if (IsSelect(sql)) {
      QueryResult rows;
      s = conn.QueryTable(sql, &rows);
      if (s.ok()) out += FormatRows(sql, rows);
    } else {
      s = conn.Execute(sql);
      if (s.ok()) out += "Successfully Executed: " + sql + "\n";
    }
    if (!s.ok()) {
      (void)conn.Execute("ROLLBACK");
      return s;
    }
    out += "\n";
  }
  if (Status s = conn.Execute("COMMIT"); !s.ok()) return s;
  fmt::print(io.out, "{}", out);
  return Status::Ok();
}

}  // namespace strata::cli
