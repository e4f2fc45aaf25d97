// SQLite's table rebuild: see rebuild.h. The new definition is written
// through the SqlWriter; what the catalog read back from the engine (declared
// types, default and CHECK expressions, the CREATE INDEX/TRIGGER statements)
// is SQL the database already holds and goes through RawSql.
#include "render/rebuild.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "strata/sql_writer.h"

namespace strata::detail {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A default that may follow DEFAULT as it is; anything else (a function
// call, an expression) is parenthesized, as SQLite requires.
bool PlainDefault(std::string_view v) {
  if (v.empty()) return false;
  if (v.front() == '(' && v.back() == ')') return true;
  if (v.front() == '\'' && v.back() == '\'' && v.size() >= 2) return true;
  if ((v.front() == 'x' || v.front() == 'X') && v.size() >= 3 && v[1] == '\'' &&
      v.back() == '\'')
    return true;
  std::string_view n = v;
  if (n.front() == '-' || n.front() == '+') n.remove_prefix(1);
  if (IsNumber(n)) return true;
  std::string u = Upper(v);
  return u == "NULL" || u == "TRUE" || u == "FALSE" || u == "CURRENT_TIME" ||
         u == "CURRENT_DATE" || u == "CURRENT_TIMESTAMP";
}

void IdentList(SqlWriter& w, const std::vector<std::string>& names) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) w.Keyword(", ");
    w.Ident(names[i]);
  }
}

void ConstraintName(SqlWriter& w, const std::optional<std::string>& name) {
  if (name && !name->empty()) w.Keyword("CONSTRAINT ").Ident(*name).Keyword(" ");
}

// A foreign-key action the catalog read back; only the fixed set is written.
bool Action(SqlWriter& w, std::string_view clause, const std::string& action) {
  std::string a = Upper(action);
  if (a.empty() || a == "NO ACTION") return true;
  for (std::string_view ok : {"CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT"}) {
    if (a == ok) {
      w.Keyword(clause).Keyword(ok);
      return true;
    }
  }
  return false;
}

}  // namespace

Status RebuildTableSql(const Dialect& d, const TableDefinition& before,
                       const TableDefinition& after, const std::string& where,
                       std::vector<Statement>* out) {
  auto invalid = [&](const std::string& why) {
    return Status::InvalidInput(where + ": cannot rebuild table '" + after.name +
                                "': " + why);
  };
  if (after.columns.empty()) return invalid("it would have no columns left");
  for (const CatalogColumn& c : before.columns)
    if (c.generated)
      return invalid("column '" + c.name +
                     "' is a generated column, which Strata cannot copy yet");

  std::vector<const CatalogColumn*> pk;
  for (const CatalogColumn& c : after.columns)
    if (c.primary_key > 0) pk.push_back(&c);
  std::sort(pk.begin(), pk.end(), [](const CatalogColumn* a, const CatalogColumn* b) {
    return a->primary_key < b->primary_key;
  });
  bool inline_pk = pk.size() == 1 && pk[0]->autoincrement;
  for (const CatalogColumn& c : after.columns)
    if (c.autoincrement && !inline_pk)
      return invalid("AUTOINCREMENT column '" + c.name +
                     "' must be the table's only primary-key column");

  const std::string tmp = "strata_new_" + after.name;
  std::vector<Statement> st;
  auto emit = [&](SqlWriter& w, Statement::Kind kind = Statement::Kind::kSql) {
    Statement s;
    s.sql = w.Take();
    s.kind = kind;
    s.foreign_keys_off = true;
    st.push_back(std::move(s));
  };

  SqlWriter ct(d);
  ct.Keyword("CREATE TABLE ").Ident(tmp).Keyword(" (");
  for (size_t i = 0; i < after.columns.size(); ++i) {
    const CatalogColumn& c = after.columns[i];
    if (i) ct.Keyword(", ");
    ct.Ident(c.name);
    if (!c.type.empty()) ct.Keyword(" ").RawSql(c.type);
    if (inline_pk && c.primary_key > 0) {
      ct.Keyword(" ");
      ConstraintName(ct, after.primary_key_name);
      ct.Keyword("PRIMARY KEY AUTOINCREMENT");
    }
    if (c.collation) ct.Keyword(" COLLATE ").Ident(*c.collation);
    if (c.default_sql) {
      ct.Keyword(" DEFAULT ");
      if (PlainDefault(*c.default_sql)) {
        ct.RawSql(*c.default_sql);
      } else {
        ct.Keyword("(").RawSql(*c.default_sql).Keyword(")");
      }
    }
    if (c.not_null) ct.Keyword(" NOT NULL");
  }
  if (!pk.empty() && !inline_pk) {
    ct.Keyword(", ");
    ConstraintName(ct, after.primary_key_name);
    ct.Keyword("PRIMARY KEY (");
    for (size_t i = 0; i < pk.size(); ++i) {
      if (i) ct.Keyword(", ");
      ct.Ident(pk[i]->name);
    }
    ct.Keyword(")");
  }
  for (const CatalogUnique& u : after.uniques) {
    ct.Keyword(", ");
    ConstraintName(ct, u.name);
    ct.Keyword("UNIQUE (");
    IdentList(ct, u.columns);
    ct.Keyword(")");
  }
  for (const CatalogForeignKey& k : after.foreign_keys) {
    ct.Keyword(", ");
    ConstraintName(ct, k.name);
    ct.Keyword("FOREIGN KEY (");
    IdentList(ct, k.columns);
    ct.Keyword(") REFERENCES ").Ident(k.referenced_table);
    if (!k.referenced_columns.empty()) {
      ct.Keyword("(");
      IdentList(ct, k.referenced_columns);
      ct.Keyword(")");
    }
    if (!Action(ct, " ON UPDATE ", k.on_update) || !Action(ct, " ON DELETE ", k.on_delete))
      return invalid("foreign key with an unknown action '" + k.on_update + "'/'" +
                     k.on_delete + "'");
    if (k.deferrable) ct.Keyword(" DEFERRABLE");
    if (k.initially_deferred) ct.Keyword(" INITIALLY DEFERRED");
  }
  for (const CatalogCheck& k : after.checks) {
    ct.Keyword(", ");
    ConstraintName(ct, k.name);
    ct.Keyword("CHECK (").RawSql(k.expression_sql).Keyword(")");
  }
  ct.Keyword(")");
  if (!after.table_options.empty()) ct.Keyword(" ").RawSql(after.table_options);
  emit(ct);

  std::vector<std::string> copied;
  for (const CatalogColumn& c : after.columns) {
    const CatalogColumn* old = before.Column(c.name);
    if (old && !old->generated) copied.push_back(c.name);
  }
  if (!copied.empty()) {
    SqlWriter cp(d);
    cp.Keyword("INSERT INTO ").Ident(tmp).Keyword(" (");
    IdentList(cp, copied);
    cp.Keyword(") SELECT ");
    IdentList(cp, copied);
    cp.Keyword(" FROM ").Ident(before.name);
    emit(cp);
  }

  // The AUTOINCREMENT counter survives the rebuild: ids of deleted rows are
  // not handed out again.
  auto autoinc = [](const TableDefinition& t) {
    return std::any_of(t.columns.begin(), t.columns.end(),
                       [](const CatalogColumn& c) { return c.autoincrement; });
  };
  if (autoinc(before) && autoinc(after)) {
    SqlWriter del(d);
    del.Keyword("DELETE FROM sqlite_sequence WHERE name = ").Literal(tmp);
    emit(del);
    SqlWriter ins(d);
    ins.Keyword("INSERT INTO sqlite_sequence (name, seq) SELECT ").Literal(tmp)
        .Keyword(", seq FROM sqlite_sequence WHERE name = ").Literal(before.name);
    emit(ins);
  }

  SqlWriter drop(d);
  drop.Keyword("DROP TABLE ").Ident(before.name);
  emit(drop);
  SqlWriter legacy_on(d);
  legacy_on.Keyword("PRAGMA legacy_alter_table = ON");
  emit(legacy_on);
  SqlWriter rename(d);
  rename.Keyword("ALTER TABLE ").Ident(tmp).Keyword(" RENAME TO ").Ident(after.name);
  emit(rename);
  SqlWriter legacy_off(d);
  legacy_off.Keyword("PRAGMA legacy_alter_table = OFF");
  emit(legacy_off);
  for (const CatalogIndex& i : after.indexes) {
    SqlWriter w(d);
    w.RawSql(i.create_sql);
    emit(w);
  }
  for (const CatalogTrigger& t : after.triggers) {
    SqlWriter w(d);
    w.RawSql(t.create_sql);
    emit(w);
  }
  SqlWriter check(d);
  check.Keyword("PRAGMA foreign_key_check(").Ident(after.name).Keyword(")");
  emit(check, Statement::Kind::kCheck);
  for (const std::string& child : after.referenced_by) {
    if (SameName(child, after.name)) continue;
    SqlWriter w(d);
    w.Keyword("PRAGMA foreign_key_check(").Ident(child).Keyword(")");
    emit(w, Statement::Kind::kCheck);
  }
  for (Statement& s : st) out->push_back(std::move(s));
  return Status::Ok();
}

}  // namespace strata::detail
