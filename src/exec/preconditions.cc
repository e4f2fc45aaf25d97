#include "strata/preconditions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>
#include <vector>

#include "strata/sql_writer.h"
#include "util/strings.h"

namespace strata {
namespace {

using util::IEquals;
using util::Lower;

using Outcome = PreconditionCheck::Outcome;

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// "a, b ,c" -> {"a", "b", "c"}, as Liquibase splits columnNames.
std::vector<std::string> SplitList(std::string_view list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string item = Trim(list.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string JoinLower(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ",") + Lower(i);
  return out;
}

const std::string* Attr(const Precondition& p, const char* name) {
  auto it = p.attributes.find(name);
  if (it == p.attributes.end() || it->second.empty()) return nullptr;
  return &it->second;
}

std::string AttrOr(const Precondition& p, const char* name) {
  const std::string* v = Attr(p, name);
  return v ? *v : "";
}

// A name for messages: schema.name when a schema was given.
std::string Shown(const std::string* schema, std::string_view name) {
  return schema ? *schema + "." + std::string(name) : std::string(name);
}

// The SQL text of one catalog lookup. Every name from the changelog is a
// Literal compared case-insensitively; the lookups are engine-specific
// catalog queries, so they live here rather than in a dialect table.
class CatalogSql {
 public:
  explicit CatalogSql(const Dialect& d) : d_(d), pg_(d.engine == Engine::kPostgres) {}
  bool postgres() const { return pg_; }

  // PostgreSQL pg_class rows of `kinds` ("'r', 'p'"); SQLite sqlite_master
  // rows of `sqlite_type`.
  std::string Relation(const std::string* schema, std::string_view name,
                       std::string_view pg_kinds, std::string_view sqlite_type) const {
    SqlWriter w(d_);
    if (pg_) {
      w.Keyword("SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                "ON n.oid = c.relnamespace WHERE c.relkind IN (")
          .Keyword(pg_kinds).Keyword(")");
      Eq(w, "c.relname", name);
      PgSchema(w, schema);
    } else {
      w.Keyword("SELECT 1 FROM ");
      SqliteMaster(w, schema);
      w.Keyword(" WHERE type = ").Literal(sqlite_type);
      Eq(w, "name", name);
    }
    return w.Take();
  }

  std::string Column(const std::string* schema, std::string_view table,
                     std::string_view column) const {
    SqlWriter w(d_);
    if (pg_) {
      w.Keyword("SELECT 1 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c "
                "ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = "
                "c.relnamespace WHERE a.attnum > 0 AND NOT a.attisdropped AND "
                "c.relkind IN ('r', 'p', 'f', 'v', 'm')");
      Eq(w, "c.relname", table);
      Eq(w, "a.attname", column);
      PgSchema(w, schema);
    } else {
      w.Keyword("SELECT 1 FROM pragma_table_info(").Literal(table);
      if (schema) w.Keyword(", ").Literal(*schema);
      w.Keyword(") WHERE 1 = 1");
      Eq(w, "name", column);
    }
    return w.Take();
  }

  // PostgreSQL: one row per matching index (name, key columns lower-cased,
  // comma-joined). SQLite: one row per index name (columns read separately).
  std::string Indexes(const std::string* schema, const std::string* table,
                      const std::string* name) const {
    SqlWriter w(d_);
    if (pg_) {
      w.Keyword("SELECT ic.relname, array_to_string(ARRAY(SELECT lower(a.attname::text) "
                "FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) JOIN "
                "pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = "
                "k.attnum WHERE k.ord <= i.indnkeyatts ORDER BY k.ord), ',') FROM "
                "pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = "
                "i.indexrelid JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid JOIN "
                "pg_catalog.pg_namespace n ON n.oid = tc.relnamespace WHERE 1 = 1");
      if (table) Eq(w, "tc.relname", *table);
      if (name) Eq(w, "ic.relname", *name);
      PgSchema(w, schema);
    } else {
      w.Keyword("SELECT name FROM ");
      SqliteMaster(w, schema);
      w.Keyword(" WHERE type = 'index'");
      if (table) Eq(w, "tbl_name", *table);
      if (name) Eq(w, "name", *name);
    }
    return w.Take();
  }

  // SQLite: the key columns of index `name`, lower-cased, in order.
  std::string SqliteIndexColumns(const std::string* schema, std::string_view name) const {
    SqlWriter w(d_);
    w.Keyword("SELECT lower(name) FROM pragma_index_info(").Literal(name);
    if (schema) w.Keyword(", ").Literal(*schema);
    w.Keyword(") ORDER BY seqno");
    return w.Take();
  }

  // SQLite: unique-constraint indexes of `table` (origin 'u').
  std::string SqliteUniqueIndexes(const std::string* schema, std::string_view table) const {
    SqlWriter w(d_);
    w.Keyword("SELECT name FROM pragma_index_list(").Literal(table);
    if (schema) w.Keyword(", ").Literal(*schema);
    w.Keyword(") WHERE \"unique\" = 1 AND origin = 'u'");
    return w.Take();
  }

  // PostgreSQL: constraints of `contype` ('p', 'f', 'u'): name, table, key
  // columns lower-cased and comma-joined.
  std::string PgConstraints(char contype, const std::string* schema, const std::string* table,
                            const std::string* name) const {
    SqlWriter w(d_);
    w.Keyword("SELECT con.conname, tc.relname, array_to_string(ARRAY(SELECT "
              "lower(a.attname::text) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, "
              "ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND "
              "a.attnum = k.attnum ORDER BY k.ord), ',') FROM pg_catalog.pg_constraint con "
              "JOIN pg_catalog.pg_class tc ON tc.oid = con.conrelid JOIN "
              "pg_catalog.pg_namespace n ON n.oid = tc.relnamespace WHERE con.contype = ")
        .Literal(std::string(1, contype));
    if (table) Eq(w, "tc.relname", *table);
    if (name) Eq(w, "con.conname", *name);
    PgSchema(w, schema);
    return w.Take();
  }

  // SQLite: name and CREATE statement of tables (all, or `table`).
  std::string SqliteTables(const std::string* schema, const std::string* table) const {
    SqlWriter w(d_);
    w.Keyword("SELECT name, sql FROM ");
    SqliteMaster(w, schema);
    w.Keyword(" WHERE type = 'table'");
    if (table) Eq(w, "name", *table);
    return w.Take();
  }

  std::string SqlitePrimaryKeyColumns(const std::string* schema, std::string_view table) const {
    SqlWriter w(d_);
    w.Keyword("SELECT 1 FROM pragma_table_info(").Literal(table);
    if (schema) w.Keyword(", ").Literal(*schema);
    w.Keyword(") WHERE pk > 0");
    return w.Take();
  }

  std::string Count(const std::string* schema, std::string_view table) const {
    SqlWriter w(d_);
    w.Keyword("SELECT COUNT(*) FROM ");
    if (schema)
      w.Name(*schema, table);
    else
      w.Ident(table);
    return w.Take();
  }

 private:
  static void Eq(SqlWriter& w, std::string_view column, std::string_view value) {
    w.Keyword(" AND lower(").Keyword(column).Keyword(") = lower(").Literal(value).Keyword(")");
  }
  static void PgSchema(SqlWriter& w, const std::string* schema) {
    if (schema)
      Eq(w, "n.nspname", *schema);
    else
      w.Keyword(" AND n.nspname = current_schema()");
  }
  static void SqliteMaster(SqlWriter& w, const std::string* schema) {
    if (schema) w.Ident(*schema).Keyword(".");
    w.Keyword("sqlite_master");
  }

  const Dialect& d_;
  bool pg_;
};

// SQLite keeps constraint names only in the CREATE TABLE text: whether it
// declares `CONSTRAINT <name>` followed by `kind` (PRIMARY, FOREIGN or
// REFERENCES, UNIQUE). Identifiers may be quoted "x", `x` or [x].
bool DeclaresConstraint(std::string_view sql, std::string_view name,
                        std::initializer_list<std::string_view> kinds) {
  std::vector<std::string> tokens;
  for (size_t i = 0; i < sql.size();) {
    char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      std::string t;
      size_t j = i + 1;
      for (; j < sql.size(); ++j) {
        if (sql[j] == close) {
          if (close != ']' && j + 1 < sql.size() && sql[j + 1] == close) {
            t += close;
            ++j;
            continue;
          }
          break;
        }
        t += sql[j];
      }
      tokens.push_back("\x01" + t);  // quoted: compared as written
      i = j + 1;
    } else if (c == '\'') {
      size_t j = i + 1;
      while (j < sql.size() && !(sql[j] == '\'' && (j + 1 >= sql.size() || sql[j + 1] != '\'')))
        j += sql[j] == '\'' ? 2 : 1;
      tokens.push_back("'");
      i = j + 1;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      size_t j = i;
      while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_'))
        ++j;
      tokens.emplace_back(sql.substr(i, j - i));
      i = j;
    } else {
      tokens.emplace_back(1, c);
      ++i;
    }
  }
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (!IEquals(tokens[i], "constraint")) continue;
    std::string_view n = tokens[i + 1];
    if (!n.empty() && n[0] == '\x01') n.remove_prefix(1);
    if (!IEquals(n, name)) continue;
    for (std::string_view k : kinds)
      if (IEquals(tokens[i + 2], k)) return true;
  }
  return false;
}

class Evaluator {
 public:
  Evaluator(Connection& conn, const PreconditionScope& scope)
      : conn_(conn), scope_(scope), sql_(conn.dialect()) {}

  // One condition; failure lines are appended to *why.
  Outcome Eval(const Precondition& p, std::string* why) {
    const std::string& t = p.type;
    if (t == "and") {
      for (const Precondition& n : p.nested) {
        Outcome o = Eval(n, why);
        if (o != Outcome::kPass) return o;  // Liquibase stops at the first
      }
      return Outcome::kPass;
    }
    if (t == "or") {
      std::string failures;
      for (const Precondition& n : p.nested) {
        Outcome o = Eval(n, &failures);
        if (o == Outcome::kPass) return o;
        if (o == Outcome::kError) {
          *why += failures;
          return o;
        }
      }
      *why += failures;
      return Outcome::kFail;
    }
    if (t == "not") {
      for (const Precondition& n : p.nested) {
        std::string ignored;
        Outcome o = Eval(n, &ignored);
        if (o == Outcome::kError) {
          *why += ignored;
          return o;
        }
        if (o == Outcome::kPass) return Fail(p, why, fmt::format("{} ({}) holds", n.type, n.loc.ToString()));
      }
      return Outcome::kPass;
    }
    if (t == "dbms") return Dbms(p, why);
    if (t == "runningAs") return RunningAs(p, why);
    if (t == "changeSetExecuted") return ChangeSetExecuted(p, why);
    if (t == "tableExists") return RelationExists(p, "tableName", "table", "'r', 'p', 'f'", "table", why);
    if (t == "viewExists") return RelationExists(p, "viewName", "view", "'v'", "view", why);
    if (t == "sequenceExists") {
      if (!sql_.postgres())
        return Fail(p, why, fmt::format("sequence {} does not exist ({} has no sequences)",
                                        AttrOr(p, "sequenceName"), conn_.dialect().name));
      return RelationExists(p, "sequenceName", "sequence", "'S'", "", why);
    }
    if (t == "columnExists") return ColumnExists(p, why);
    if (t == "indexExists") return IndexExists(p, why);
    if (t == "primaryKeyExists") return ConstraintExists(p, 'p', why);
    if (t == "foreignKeyConstraintExists") return ConstraintExists(p, 'f', why);
    if (t == "uniqueConstraintExists") return ConstraintExists(p, 'u', why);
    if (t == "tableIsEmpty" || t == "rowCount") return RowCount(p, why);
    if (t == "sqlCheck") return SqlCheck(p, why);
    if (t == "changeLogPropertyDefined") return PropertyDefined(p, why);
    if (t == "expectedQuotingStrategy") return QuotingStrategy(p, why);
    return Error(p, why, "this precondition type is not supported");
  }

 private:
  static std::string Line(const Precondition& p, std::string_view msg) {
    return fmt::format("{}: {}: {}\n", p.loc.ToString(), p.type, msg);
  }
  static Outcome Fail(const Precondition& p, std::string* why, std::string_view msg) {
    *why += Line(p, msg);
    return Outcome::kFail;
  }
  static Outcome Error(const Precondition& p, std::string* why, std::string_view msg) {
    *why += Line(p, msg);
    return Outcome::kError;
  }

  Status Query(const std::string& sql, std::vector<Row>* rows) { return conn_.Query(sql, rows); }

  Outcome Dbms(const Precondition& p, std::string* why) {
    // Liquibase's dbms list: names, "all", "none", "!name" negations.
    std::string_view engine = conn_.dialect().name;
    std::vector<std::string> items = SplitList(AttrOr(p, "type"));
    bool any_positive = false, matched = false;
    for (const std::string& item : items) {
      if (!item.empty() && item[0] == '!') {
        if (IEquals(std::string_view(item).substr(1), engine))
          return Fail(p, why, fmt::format("the database is {}", engine));
        continue;
      }
      any_positive = true;
      if (IEquals(item, engine) || IEquals(item, "all")) matched = true;
    }
    if (any_positive && !matched)
      return Fail(p, why, fmt::format("the database is {}, not {}", engine, AttrOr(p, "type")));
    return Outcome::kPass;
  }

  Outcome RunningAs(const Precondition& p, std::string* why) {
    std::string user;
    if (sql_.postgres()) {
      std::vector<Row> rows;
      if (Status s = Query("SELECT current_user", &rows); !s.ok()) return Error(p, why, s.message());
      if (!rows.empty() && !rows[0].empty() && rows[0][0]) user = *rows[0][0];
    }
    if (!IEquals(user, AttrOr(p, "username")))
      return Fail(p, why, fmt::format("connected as '{}', not '{}'", user, AttrOr(p, "username")));
    return Outcome::kPass;
  }

  Outcome ChangeSetExecuted(const Precondition& p, std::string* why) {
    std::string file = AttrOr(p, "changeLogFile");
    if (file.empty())
      file = scope_.changeset ? scope_.changeset->file_path : scope_.changelog_file;
    std::string id = AttrOr(p, "id"), author = AttrOr(p, "author");
    if (!scope_.executed || !scope_.executed(id, author, file))
      return Fail(p, why, fmt::format("changeset {}::{}::{} has not been executed", file, id, author));
    return Outcome::kPass;
  }

  // Runs `sql`; kPass when it returns a row, kFail (with `missing`) when
  // not, kError when it fails.
  Outcome Found(const Precondition& p, const std::string& sql, std::string_view missing,
                std::string* why) {
    std::vector<Row> rows;
    if (Status s = Query(sql, &rows); !s.ok()) return Error(p, why, s.message());
    return rows.empty() ? Fail(p, why, missing) : Outcome::kPass;
  }

  Outcome RelationExists(const Precondition& p, const char* attr, std::string_view what,
                         std::string_view pg_kinds, std::string_view sqlite_type,
                         std::string* why) {
    const std::string* schema = Attr(p, "schemaName");
    std::string name = AttrOr(p, attr);
    return Found(p, sql_.Relation(schema, name, pg_kinds, sqlite_type),
                 fmt::format("{} {} does not exist", what, Shown(schema, name)), why);
  }

  Outcome ColumnExists(const Precondition& p, std::string* why) {
    const std::string* schema = Attr(p, "schemaName");
    std::string table = AttrOr(p, "tableName"), column = AttrOr(p, "columnName");
    return Found(p, sql_.Column(schema, table, column),
                 fmt::format("column {}.{} does not exist", Shown(schema, table), column), why);
  }

  // Liquibase's IndexComparator: with a table, a given name decides alone,
  // else the key columns must be the same, in order; without a table the
  // name must match (none given: no index matches) and so must the columns
  // when given.
  Outcome IndexExists(const Precondition& p, std::string* why) {
    const std::string* schema = Attr(p, "schemaName");
    const std::string* table = Attr(p, "tableName");
    const std::string* name = Attr(p, "indexName");
    std::vector<std::string> columns = SplitList(AttrOr(p, "columnNames"));
    const bool check_columns = !columns.empty() && !(table && name);
    if (!table && !name)
      return Fail(p, why, fmt::format("an index on ({}) without tableName or indexName never "
                                      "matches (Liquibase compares index names then)",
                                      AttrOr(p, "columnNames")));
    std::vector<Row> rows;
    if (Status s = Query(sql_.Indexes(schema, table, name), &rows); !s.ok())
      return Error(p, why, s.message());
    const std::string wanted = JoinLower(columns);
    for (const Row& r : rows) {
      if (!check_columns) return Outcome::kPass;
      std::string have;
      if (sql_.postgres()) {
        have = r.size() > 1 ? r[1].value_or("") : "";
      } else {
        std::vector<Row> cols;
        if (Status s = Query(sql_.SqliteIndexColumns(schema, r[0].value_or("")), &cols); !s.ok())
          return Error(p, why, s.message());
        for (const Row& c : cols) have += (have.empty() ? "" : ",") + c[0].value_or("");
      }
      if (have == wanted) return Outcome::kPass;
    }
    std::string what = name ? "index " + *name : "an index";
    if (check_columns) what += " on (" + AttrOr(p, "columnNames") + ")";
    if (table) what += " of table " + Shown(schema, *table);
    return Fail(p, why, what + " does not exist");
  }

  Outcome ConstraintExists(const Precondition& p, char kind, std::string* why) {
    const std::string* schema = Attr(p, "schemaName");
    const std::string* table =
        Attr(p, kind == 'f' ? "foreignKeyTableName" : "tableName");
    const std::string* name =
        Attr(p, kind == 'p' ? "primaryKeyName" : kind == 'f' ? "foreignKeyName" : "constraintName");
    // A constraint name decides alone (Liquibase's comparators).
    std::vector<std::string> columns = kind == 'u' && !name
                                           ? SplitList(AttrOr(p, "columnNames"))
                                           : std::vector<std::string>{};
    const std::string wanted = JoinLower(columns);
    std::string what = kind == 'p' ? "primary key" : kind == 'f' ? "foreign key" : "unique constraint";
    if (name) what += " " + *name;
    if (!columns.empty()) what += " on (" + AttrOr(p, "columnNames") + ")";
    if (table) what += std::string(kind == 'p' ? " of" : " on") + " table " + Shown(schema, *table);
    const std::string missing = what + " does not exist";
    if (!table && !name) return Fail(p, why, missing);

    if (sql_.postgres()) {
      std::vector<Row> rows;
      if (Status s = Query(sql_.PgConstraints(kind, schema, table, name), &rows); !s.ok())
        return Error(p, why, s.message());
      for (const Row& r : rows)
        if (columns.empty() || (r.size() > 2 && r[2].value_or("") == wanted)) return Outcome::kPass;
      return Fail(p, why, missing);
    }

    // SQLite: names live only in the CREATE TABLE text.
    std::vector<Row> tables;
    if (Status s = Query(sql_.SqliteTables(schema, table), &tables); !s.ok())
      return Error(p, why, s.message());
    for (const Row& t : tables) {
      const std::string tname = t.size() > 0 ? t[0].value_or("") : "";
      const std::string create = t.size() > 1 ? t[1].value_or("") : "";
      if (name) {
        bool declared =
            kind == 'p'   ? DeclaresConstraint(create, *name, {"primary"})
            : kind == 'f' ? DeclaresConstraint(create, *name, {"foreign", "references"})
                          : DeclaresConstraint(create, *name, {"unique"});
        if (!declared) continue;
        if (columns.empty()) return Outcome::kPass;
      }
      if (kind == 'p') {
        std::vector<Row> pk;
        if (Status s = Query(sql_.SqlitePrimaryKeyColumns(schema, tname), &pk); !s.ok())
          return Error(p, why, s.message());
        if (!pk.empty()) return Outcome::kPass;
        continue;
      }
      if (kind == 'u' && !columns.empty()) {
        std::vector<Row> idx;
        if (Status s = Query(sql_.SqliteUniqueIndexes(schema, tname), &idx); !s.ok())
          return Error(p, why, s.message());
        for (const Row& i : idx) {
          std::vector<Row> cols;
          if (Status s = Query(sql_.SqliteIndexColumns(schema, i[0].value_or("")), &cols); !s.ok())
            return Error(p, why, s.message());
          std::string have;
          for (const Row& c : cols) have += (have.empty() ? "" : ",") + c[0].value_or("");
          if (have == wanted) return Outcome::kPass;
        }
        continue;
      }
      if (name) return Outcome::kPass;
    }
    return Fail(p, why, missing);
  }

  Outcome RowCount(const Precondition& p, std::string* why) {
    const std::string* schema = Attr(p, "schemaName");
    std::string table = AttrOr(p, "tableName");
    std::vector<Row> rows;
    if (Status s = Query(sql_.Count(schema, table), &rows); !s.ok()) return Error(p, why, s.message());
    std::string count = !rows.empty() && !rows[0].empty() ? rows[0][0].value_or("0") : "0";
    if (p.type == "tableIsEmpty") {
      if (count != "0")
        return Fail(p, why, fmt::format("table {} is not empty: it has {} row{}", Shown(schema, table),
                                        count, count == "1" ? "" : "s"));
      return Outcome::kPass;
    }
    std::string expected = Trim(AttrOr(p, "expectedRows"));
    if (count != expected)
      return Fail(p, why, fmt::format("table {} has {} row{}, expected {}", Shown(schema, table), count,
                                      count == "1" ? "" : "s", expected));
    return Outcome::kPass;
  }

  // Liquibase runs the SQL with queryForObject and compares the single
  // value's text (as the engine prints it: PostgreSQL's true is "t") with
  // expectedResult, exactly (no trimming): NULL fails; no row, more than one
  // row or column is an error.
  Outcome SqlCheck(const Precondition& p, std::string* why) {
    std::string sql = Trim(AttrOr(p, "sql"));
    while (!sql.empty() && (sql.back() == ';' || std::isspace(static_cast<unsigned char>(sql.back()))))
      sql.pop_back();
    std::vector<Row> rows;
    SqlWriter w(conn_.dialect());
    w.RawSql(sql);
    if (Status s = Query(w.Take(), &rows); !s.ok()) return Error(p, why, s.message());
    if (rows.size() > 1)
      return Error(p, why, fmt::format("the query returned {} rows; it must return one value",
                                       rows.size()));
    if (!rows.empty() && rows[0].size() != 1)
      return Error(p, why, fmt::format("the query returned {} columns; it must return one value",
                                       rows[0].size()));
    if (rows.empty()) return Error(p, why, "the query returned no row; it must return one value");
    const std::string expected = AttrOr(p, "expectedResult");
    if (!rows[0][0])
      return Fail(p, why, fmt::format("the query returned no value, expected '{}'", expected));
    if (*rows[0][0] != expected)
      return Fail(p, why, fmt::format("the query returned '{}', expected '{}'", *rows[0][0], expected));
    return Outcome::kPass;
  }

  static Outcome PropertyDefined(const Precondition& p, std::string* why) {
    std::string property = AttrOr(p, "property");
    if (!p.property_value)
      return Fail(p, why, fmt::format("changelog property '{}' is not defined", property));
    auto it = p.attributes.find("value");
    if (it != p.attributes.end() && *p.property_value != it->second)
      return Fail(p, why, fmt::format("changelog property '{}' is '{}', expected '{}'", property,
                                      *p.property_value, it->second));
    return Outcome::kPass;
  }

  Outcome QuotingStrategy(const Precondition& p, std::string* why) {
    std::string strategy = "LEGACY";
    if (scope_.changeset && scope_.changeset->object_quoting_strategy)
      strategy = *scope_.changeset->object_quoting_strategy;
    if (!IEquals(strategy, AttrOr(p, "strategy")))
      return Fail(p, why, fmt::format("the object quoting strategy is {}, expected {}", strategy,
                                      AttrOr(p, "strategy")));
    return Outcome::kPass;
  }

  Connection& conn_;
  const PreconditionScope& scope_;
  CatalogSql sql_;
};

}  // namespace

PreconditionCheck CheckPreconditions(Connection& conn, const Preconditions& block,
                                     const PreconditionScope& scope) {
  Evaluator e(conn, scope);
  PreconditionCheck out;
  for (const Precondition& p : block.conditions) {
    out.outcome = e.Eval(p, &out.message);
    if (out.outcome != PreconditionCheck::Outcome::kPass) break;
  }
  while (!out.message.empty() && out.message.back() == '\n') out.message.pop_back();
  return out;
}

PreconditionAction ActionFor(const Preconditions& block, PreconditionCheck::Outcome outcome) {
  if (outcome == PreconditionCheck::Outcome::kPass) return PreconditionAction::kRun;
  const std::string& option =
      (outcome == PreconditionCheck::Outcome::kFail ? block.on_fail : block.on_error)
          .value_or("HALT");
  if (option == "CONTINUE") return PreconditionAction::kSkip;
  if (option == "MARK_RAN") return PreconditionAction::kMarkRan;
  if (option == "WARN") return PreconditionAction::kRun;
  return PreconditionAction::kHalt;
}

namespace {

std::string Indented(const std::string& lines) {
  std::string out = "  ";
  for (char c : lines) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

}  // namespace

std::string PreconditionFailure(const Preconditions& block, const ChangeSet* changeset,
                                const PreconditionCheck& check) {
  const bool failed = check.outcome == PreconditionCheck::Outcome::kFail;
  const OptString& custom = failed ? block.on_fail_message : block.on_error_message;
  std::string out;
  if (custom) out += *custom + "\n";
  out += fmt::format("Preconditions {} in {} ({}):\n{}", failed ? "Failed" : "Error",
                     changeset ? "changeset " + changeset->Identity() : std::string("the changelog"),
                     block.loc.ToString(), Indented(check.message));
  return out;
}

std::string PreconditionWarning(const Preconditions& block, const ChangeSet* changeset,
                                const PreconditionCheck& check) {
  const bool failed = check.outcome == PreconditionCheck::Outcome::kFail;
  const OptString& custom = failed ? block.on_fail_message : block.on_error_message;
  return fmt::format("WARNING: Executing {} despite precondition {} due to {}='WARN' ({}):\n{}",
                     changeset ? changeset->Identity() : std::string("the changelog"),
                     failed ? "failure" : "error", failed ? "onFail" : "onError",
                     block.loc.ToString(), Indented(custom ? *custom : check.message));
}

SqlOutputMode SqlOutputModeOf(const Preconditions& block) {
  const std::string& m = block.on_sql_output.value_or("IGNORE");
  if (m == "TEST") return SqlOutputMode::kTest;
  if (m == "FAIL") return SqlOutputMode::kFail;
  return SqlOutputMode::kIgnore;
}

}  // namespace strata

namespace strata {
namespace {

bool Failed(const PreconditionCheck& c) { return c.outcome == PreconditionCheck::Outcome::kFail; }

std::function<bool(std::string_view, std::string_view, std::string_view)> InHistory(
    const History* history) {
  return [history](std::string_view id, std::string_view author, std::string_view file) {
    return history && history->Find(id, author, file) != nullptr;
  };
}

// Liquibase's changelog-level wording ("Validation Failed: N preconditions
// failed"), with each block's location and failed conditions.
Status ChangeLogFailure(const std::vector<std::string>& failures) {
  std::string msg = fmt::format("Validation Failed:\n     {} preconditions failed", failures.size());
  for (const std::string& f : failures) {
    msg += "\n     ";
    for (char c : f) {
      msg += c;
      if (c == '\n') msg += "     ";
    }
  }
  return Status::Validation(msg);
}

std::string BlockFailure(const Preconditions& block, const PreconditionCheck& check) {
  const OptString& custom = Failed(check) ? block.on_fail_message : block.on_error_message;
  return fmt::format("{}Preconditions {} ({}):\n  {}", custom ? *custom + "\n" : "",
                     Failed(check) ? "Failed" : "Error", block.loc.ToString(), check.message);
}

// The check update-sql makes of `block`: per onSqlOutput, a pass
// (IGNORE), a failure (FAIL) or a real evaluation (TEST).
Result<PreconditionCheck> ScriptCheck(Connection* conn, const Preconditions& block,
                                      const PreconditionScope& scope) {
  PreconditionCheck check;
  switch (SqlOutputModeOf(block)) {
    case SqlOutputMode::kIgnore:
      return check;
    case SqlOutputMode::kFail:
      check.outcome = PreconditionCheck::Outcome::kFail;
      check.message = block.loc.ToString() +
                      ": preConditions: Unexpected precondition in updateSQL mode with "
                      "onUpdateSQL value: FAIL";
      return check;
    case SqlOutputMode::kTest:
      break;
  }
  if (!conn)
    return Status::InvalidInput(fmt::format(
        "{}: error: preConditions with onSqlOutput TEST need a database; an offline URL "
        "has none (use onSqlOutput IGNORE or FAIL, or a live URL)",
        block.loc.ToString()));
  return CheckPreconditions(*conn, block, scope);
}

}  // namespace

Status CheckChangeLogPreconditions(Connection& conn, const DatabaseChangeLog& changelog,
                                   const History& history, const PreconditionReporter& warn) {
  PreconditionScope scope;
  scope.changelog_file = changelog.root_file;
  scope.executed = InHistory(&history);
  std::vector<std::string> failures;
  for (const Preconditions& block : changelog.preconditions) {
    PreconditionCheck check = CheckPreconditions(conn, block, scope);
    if (check.outcome == PreconditionCheck::Outcome::kPass) continue;
    if (ActionFor(block, check.outcome) == PreconditionAction::kRun) {
      warn(PreconditionWarning(block, nullptr, check));
      continue;
    }
    failures.push_back(BlockFailure(block, check));
  }
  if (!failures.empty()) return ChangeLogFailure(failures);
  return Status::Ok();
}

Status SettlePreconditionsForScript(Connection* conn, const DatabaseChangeLog& changelog,
                                    Plan* plan, const PreconditionReporter& warn) {
  PreconditionScope scope;
  scope.changelog_file = changelog.root_file;
  std::unordered_set<std::string> recorded;
  scope.executed = [&](std::string_view id, std::string_view author, std::string_view file) {
    return (plan->history && plan->history->Find(id, author, file)) ||
           recorded.count(History::Key(id, author, file)) > 0;
  };
  std::vector<std::string> failures;
  for (const Preconditions& block : changelog.preconditions) {
    Result<PreconditionCheck> check = ScriptCheck(conn, block, scope);
    if (!check.ok()) return check.status();
    if (check->outcome == PreconditionCheck::Outcome::kPass) continue;
    if (ActionFor(block, check->outcome) == PreconditionAction::kRun) {
      warn(PreconditionWarning(block, nullptr, *check));
      continue;
    }
    failures.push_back(BlockFailure(block, *check));
  }
  if (!failures.empty()) return ChangeLogFailure(failures);

  int64_t unrecorded = 0;
  for (PlanStep& step : plan->steps) {
    if (!step.changeset) continue;
    const ChangeSet& cs = *step.changeset;
    bool recorded_step = true;
    if (step.preconditions) {
      scope.changeset = &cs;
      Result<PreconditionCheck> check = ScriptCheck(conn, *step.preconditions, scope);
      if (!check.ok()) return check.status();
      switch (ActionFor(*step.preconditions, check->outcome)) {
        case PreconditionAction::kHalt:
          return Status::Validation(PreconditionFailure(*step.preconditions, &cs, *check));
        case PreconditionAction::kSkip:
          // Liquibase prints the changeset's header and comment, nothing else.
          step.statements.clear();
          step.history.clear();
          step.before.clear();
          step.after.clear();
          step.in_transaction = true;
          step.deferred_error.clear();
          recorded_step = false;
          ++unrecorded;
          break;
        case PreconditionAction::kMarkRan:
          step.statements.clear();
          step.before.clear();
          step.after.clear();
          step.in_transaction = true;
          step.deferred_error.clear();
          step.record = step.mark_ran;
          break;
        case PreconditionAction::kRun:
          if (check->outcome != PreconditionCheck::Outcome::kPass)
            warn(PreconditionWarning(*step.preconditions, &cs, *check));
          break;
      }
      // Settled: the printed script is what update would run in this state.
      step.preconditions = nullptr;
    }
    if (recorded_step && step.record) {
      step.history = {Statement{step.record->Sql(step.order_executed - unrecorded)}};
      recorded.insert(History::Key(cs.id, cs.author, cs.file_path));
    }
  }
  return Status::Ok();
}

}  // namespace strata
