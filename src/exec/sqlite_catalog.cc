// The SQLite catalog: a scratch in-memory database that starts as a copy of
// the live database's schema (no rows) and replays every statement the
// plan will run, so that a table's definition can be read at any point of
// the plan. Definitions come from the engine (PRAGMA table_xinfo,
// index_info, sqlite_master) and, for what no pragma reports (constraint
// names, CHECK expressions, COLLATE, AUTOINCREMENT, DEFERRABLE), from the
// stored CREATE TABLE text, read with a small tokenizer.
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/catalog.h"
#include "strata/connection.h"
#include "strata/executor.h"

namespace strata {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// ---- A tokenizer for stored CREATE TABLE text -------------------------------

struct Token {
  enum class Kind { kWord, kQuoted, kString, kPunct } kind;
  std::string value;  // identifier without quotes; punctuation character
  size_t begin = 0, end = 0;
  bool Is(std::string_view keyword) const {
    return kind == Kind::kWord && SameName(value, keyword);
  }
  bool IsPunct(char c) const { return kind == Kind::kPunct && value[0] == c; }
  bool IsName() const { return kind == Kind::kWord || kind == Kind::kQuoted || kind == Kind::kString; }
};

std::vector<Token> Tokenize(std::string_view sql) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      size_t e = sql.find("*/", i + 2);
      i = e == std::string_view::npos ? sql.size() : e + 2;
    } else if (c == '"' || c == '`' || c == '[' || c == '\'') {
      char close = c == '[' ? ']' : c;
      std::string v;
      size_t j = i + 1;
      for (; j < sql.size(); ++j) {
        if (sql[j] == close) {
          if (close != ']' && j + 1 < sql.size() && sql[j + 1] == close) {
            v += close;
            ++j;
            continue;
          }
          break;
        }
        v += sql[j];
      }
      out.push_back({c == '\'' ? Token::Kind::kString : Token::Kind::kQuoted, v, i,
                     std::min(j + 1, sql.size())});
      i = j + 1;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
               static_cast<unsigned char>(c) >= 0x80) {
      size_t j = i;
      while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) ||
                                sql[j] == '_' || sql[j] == '$' || sql[j] == '.' ||
                                static_cast<unsigned char>(sql[j]) >= 0x80))
        ++j;
      out.push_back({Token::Kind::kWord, std::string(sql.substr(i, j - i)), i, j});
      i = j;
    } else {
      out.push_back({Token::Kind::kPunct, std::string(1, c), i, i + 1});
      ++i;
    }
  }
  return out;
}

// What the stored CREATE TABLE says beyond the pragmas.
struct Parsed {
  std::optional<std::string> pk_name;
  std::vector<CatalogUnique> uniques;
  std::vector<CatalogForeignKey> foreign_keys;
  std::vector<CatalogCheck> checks;
  std::vector<std::pair<std::string, std::string>> collations;  // column, name
  std::vector<std::string> autoincrement;                      // columns
  std::string table_options;
};

class Parser {
 public:
  Parser(std::string_view sql) : sql_(sql), t_(Tokenize(sql)) {}

  Parsed Run() {
    Parsed p;
    size_t open = 0;
    while (open < t_.size() && !t_[open].IsPunct('(')) ++open;
    if (open == t_.size()) return p;
    size_t close = Matching(open);
    if (close < t_.size() && t_[close].end < sql_.size()) {
      std::string_view rest = sql_.substr(t_[close].end);
      size_t b = rest.find_first_not_of(" \t\r\n");
      size_t e = rest.find_last_not_of(" \t\r\n;");
      if (b != std::string_view::npos && e != std::string_view::npos && e >= b)
        p.table_options = std::string(rest.substr(b, e - b + 1));
    }
    size_t start = open + 1;
    int depth = 0;
    for (size_t i = open + 1; i <= close && i < t_.size(); ++i) {
      if (t_[i].IsPunct('(')) ++depth;
      if (t_[i].IsPunct(')')) --depth;
      if ((depth == 0 && t_[i].IsPunct(',')) || i == close) {
        if (i > start) Element(start, i, &p);
        start = i + 1;
      }
    }
    return p;
  }

 private:
  size_t Matching(size_t open) const {
    int depth = 0;
    for (size_t i = open; i < t_.size(); ++i) {
      if (t_[i].IsPunct('(')) ++depth;
      if (t_[i].IsPunct(')') && --depth == 0) return i;
    }
    return t_.size();
  }

  // Raw text between the parentheses opening at token `open`.
  std::string Inside(size_t open, size_t* after) const {
    size_t close = Matching(open);
    *after = close + 1;
    if (close >= t_.size()) return {};
    return std::string(sql_.substr(t_[open].end, t_[close].begin - t_[open].end));
  }

  // "(a, b COLLATE x DESC)" -> {"a", "b"}
  std::vector<std::string> Names(size_t open, size_t* after) const {
    std::vector<std::string> names;
    size_t close = Matching(open);
    *after = close + 1;
    bool expect = true;
    for (size_t i = open + 1; i < close && i < t_.size(); ++i) {
      if (t_[i].IsPunct(',')) {
        expect = true;
      } else if (expect && t_[i].IsName()) {
        names.push_back(t_[i].value);
        expect = false;
      }
    }
    return names;
  }

  // REFERENCES t [(cols)] [ON DELETE|UPDATE action] [MATCH x] [[NOT] DEFERRABLE [INITIALLY ...]]
  size_t References(size_t i, size_t end, CatalogForeignKey* k) const {
    ++i;  // REFERENCES
    if (i < end) k->referenced_table = t_[i++].value;
    if (i < end && t_[i].IsPunct('(')) k->referenced_columns = Names(i, &i);
    while (i < end) {
      if (t_[i].Is("ON") && i + 2 < end + 1) {
        std::string* target = t_[i + 1].Is("DELETE") ? &k->on_delete : &k->on_update;
        i += 2;
        if (i < end && (t_[i].Is("SET") || t_[i].Is("NO")) && i + 1 < end) {
          *target = Upper(t_[i].value) + " " + Upper(t_[i + 1].value);
          i += 2;
        } else if (i < end) {
          *target = Upper(t_[i++].value);
        }
      } else if (t_[i].Is("MATCH")) {
        i += 2;
      } else if (t_[i].Is("NOT") && i + 1 < end && t_[i + 1].Is("DEFERRABLE")) {
        i += 2;
        if (i < end && t_[i].Is("INITIALLY")) i += 2;
      } else if (t_[i].Is("DEFERRABLE")) {
        k->deferrable = true;
        ++i;
        if (i + 1 < end && t_[i].Is("INITIALLY")) {
          k->initially_deferred = t_[i + 1].Is("DEFERRED");
          i += 2;
        }
      } else {
        break;
      }
    }
    return i;
  }

  void Element(size_t b, size_t e, Parsed* p) {
    std::optional<std::string> name;
    size_t i = b;
    bool table_constraint = t_[b].Is("CONSTRAINT") || t_[b].Is("PRIMARY") ||
                            t_[b].Is("UNIQUE") || t_[b].Is("CHECK") || t_[b].Is("FOREIGN");
    std::string column;
    if (!table_constraint) {
      column = t_[b].value;
      ++i;
    }
    while (i < e) {
      const Token& k = t_[i];
      if (k.Is("CONSTRAINT") && i + 1 < e) {
        name = t_[i + 1].value;
        i += 2;
        continue;
      }
      if (k.Is("PRIMARY")) {
        p->pk_name = name;
        i += 2;  // PRIMARY KEY
        if (table_constraint && i < e && t_[i].IsPunct('(')) Names(i, &i);
        while (i < e && !t_[i].Is("CONSTRAINT") && !t_[i].Is("AUTOINCREMENT") &&
               (t_[i].Is("ASC") || t_[i].Is("DESC") || t_[i].Is("ON") ||
                t_[i].Is("CONFLICT") || t_[i].Is("ROLLBACK") || t_[i].Is("ABORT") ||
                t_[i].Is("FAIL") || t_[i].Is("IGNORE") || t_[i].Is("REPLACE")))
          ++i;
        if (i < e && t_[i].Is("AUTOINCREMENT")) {
          p->autoincrement.push_back(column);
          ++i;
        }
      } else if (k.Is("UNIQUE")) {
        CatalogUnique u;
        u.name = name;
        ++i;
        if (table_constraint && i < e && t_[i].IsPunct('(')) {
          u.columns = Names(i, &i);
        } else {
          u.columns = {column};
        }
        p->uniques.push_back(std::move(u));
      } else if (k.Is("CHECK") && i + 1 < e && t_[i + 1].IsPunct('(')) {
        CatalogCheck c;
        c.name = name;
        c.expression_sql = Inside(i + 1, &i);
        p->checks.push_back(std::move(c));
      } else if (k.Is("FOREIGN") && i + 2 < e && t_[i + 2].IsPunct('(')) {
        CatalogForeignKey f;
        f.name = name;
        f.columns = Names(i + 2, &i);
        if (i < e && t_[i].Is("REFERENCES")) i = References(i, e, &f);
        p->foreign_keys.push_back(std::move(f));
      } else if (k.Is("REFERENCES")) {
        CatalogForeignKey f;
        f.name = name;
        f.columns = {column};
        i = References(i, e, &f);
        p->foreign_keys.push_back(std::move(f));
      } else if (k.Is("COLLATE") && i + 1 < e) {
        p->collations.emplace_back(column, t_[i + 1].value);
        i += 2;
      } else if ((k.Is("DEFAULT") || k.Is("AS")) && i + 1 < e) {
        ++i;
        if (t_[i].IsPunct('(')) {
          i = Matching(i) + 1;
        } else {
          if ((t_[i].IsPunct('-') || t_[i].IsPunct('+')) && i + 1 < e) ++i;
          ++i;
        }
      } else {
        ++i;
        continue;  // NOT NULL, types, conflict clauses: the pragmas tell
      }
      name.reset();
    }
  }

  std::string_view sql_;
  std::vector<Token> t_;
};

// ---- The scratch database ---------------------------------------------------

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

// Statements that change only rows: a failed replay of one leaves the
// schema as it was.
bool DataOnly(std::string_view sql) {
  std::vector<Token> t = Tokenize(sql);
  if (t.empty()) return true;
  for (std::string_view k : {"INSERT", "UPDATE", "DELETE", "SELECT", "WITH", "REPLACE", "VALUES"})
    if (t[0].Is(k)) return true;
  return false;
}

class SqliteCatalog final : public Catalog {
 public:
  explicit SqliteCatalog(sqlite3* db) : db_(db) {}
  ~SqliteCatalog() override { sqlite3_close_v2(db_); }

  Status Exec(std::string_view sql) {
    char* err = nullptr;
    std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) == SQLITE_OK) return Status::Ok();
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::Database(msg);
  }

  Status Apply(std::string_view sql) override {
    Status s = Exec(sql);
    if (!s.ok() && !DataOnly(sql) && !poisoned_)
      poisoned_ = "an earlier statement of the plan failed on a scratch copy of the schema (" +
                  std::string(sql) + ": " + s.message() + ")";
    return s;
  }

  Result<TableDefinition> Table(const std::optional<std::string>& /*schema*/,
                                std::string_view name) override {
    if (poisoned_) return Status::InvalidInput(*poisoned_);
    std::vector<std::vector<std::optional<std::string>>> rows;
    Status s = Query("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name = ?1 "
                     "COLLATE NOCASE",
                     {std::string(name)}, &rows);
    if (!s.ok()) return s;
    if (rows.empty() || !rows[0][1]) return Status::NotFound("no table " + std::string(name));
    TableDefinition t;
    t.name = *rows[0][0];
    t.create_sql = *rows[0][1];
    Parsed p = Parser(t.create_sql).Run();

    s = Query("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1)",
              {t.name}, &rows);
    if (!s.ok()) return s;
    for (const auto& r : rows) {
      CatalogColumn c;
      c.name = r[0].value_or("");
      c.type = r[1].value_or("");
      c.not_null = r[2].value_or("0") != "0";
      c.default_sql = r[3];
      c.primary_key = std::stoi(r[4].value_or("0"));
      c.generated = r[5].value_or("0") == "2" || r[5].value_or("0") == "3";
      for (const auto& [col, coll] : p.collations)
        if (SameName(col, c.name)) c.collation = coll;
      for (const std::string& col : p.autoincrement)
        if (SameName(col, c.name)) c.autoincrement = true;
      t.columns.push_back(std::move(c));
    }
    t.primary_key_name = p.pk_name;
    t.uniques = std::move(p.uniques);
    t.foreign_keys = std::move(p.foreign_keys);
    t.checks = std::move(p.checks);
    t.table_options = std::move(p.table_options);

    s = Query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 "
              "COLLATE NOCASE AND sql IS NOT NULL ORDER BY rowid",
              {t.name}, &rows);
    if (!s.ok()) return s;
    for (const auto& r : rows) {
      CatalogIndex i;
      i.name = r[0].value_or("");
      i.create_sql = r[1].value_or("");
      std::vector<Token> tok = Tokenize(i.create_sql);
      i.unique = tok.size() > 1 && tok[1].Is("UNIQUE");
      std::vector<std::vector<std::optional<std::string>>> cols;
      s = Query("SELECT name FROM pragma_index_info(?1) ORDER BY seqno", {i.name}, &cols);
      if (!s.ok()) return s;
      for (const auto& c : cols) i.columns.push_back(c[0].value_or(""));
      t.indexes.push_back(std::move(i));
    }
    s = Query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 "
              "COLLATE NOCASE ORDER BY rowid",
              {t.name}, &rows);
    if (!s.ok()) return s;
    for (const auto& r : rows) t.triggers.push_back({r[0].value_or(""), r[1].value_or("")});
    s = Query("SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
              "WHERE m.type = 'table' AND f.\"table\" = ?1 COLLATE NOCASE ORDER BY m.name",
              {t.name}, &rows);
    if (!s.ok()) return s;
    for (const auto& r : rows) t.referenced_by.push_back(r[0].value_or(""));
    return t;
  }

 private:
  Status Query(const char* sql, const std::vector<std::string>& args,
               std::vector<std::vector<std::optional<std::string>>>* rows) {
    rows->clear();
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &raw, nullptr) != SQLITE_OK)
      return Status::Database(sqlite3_errmsg(db_));
    Stmt stmt(raw);
    for (size_t i = 0; i < args.size(); ++i)
      sqlite3_bind_text(stmt.get(), static_cast<int>(i + 1), args[i].data(),
                        static_cast<int>(args[i].size()), SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      std::vector<std::optional<std::string>> row;
      for (int c = 0; c < sqlite3_column_count(stmt.get()); ++c) {
        if (sqlite3_column_type(stmt.get(), c) == SQLITE_NULL) {
          row.emplace_back();
        } else {
          row.emplace_back(std::string(
              reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), c)),
              sqlite3_column_bytes(stmt.get(), c)));
        }
      }
      rows->push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) return Status::Database(sqlite3_errmsg(db_));
    return Status::Ok();
  }

  sqlite3* db_;
  std::optional<std::string> poisoned_;
};

}  // namespace

Result<std::unique_ptr<Catalog>> NewCatalog(const Dialect& dialect, Connection* live) {
  if (dialect.engine != Engine::kSqlite) return std::unique_ptr<Catalog>();
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    sqlite3_close_v2(db);
    return Status::Database("cannot open a scratch SQLite database");
  }
  // Planning never writes anywhere: replaying a user's ATTACH or VACUUM
  // INTO must not touch a file (both need an attached slot).
  sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
  auto catalog = std::make_unique<SqliteCatalog>(db);
  if (live) {
    // Tables first, then what refers to them; each kind in creation order.
    std::vector<Row> rows;
    Status s = live->Query(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 "
        "WHEN 'view' THEN 2 ELSE 3 END, rowid",
        &rows);
    if (!s.ok()) return s;
    for (const Row& r : rows) {
      s = catalog->Exec(*r[0]);
      if (!s.ok())
        return Status::Database("cannot copy the schema of " + live->Describe() +
                                " into a scratch database: " + s.message() + ": " + *r[0]);
    }
  }
  return std::unique_ptr<Catalog>(std::move(catalog));
}

}  // namespace strata
