// Change -> SQL statements. One function per change type, chosen by one
// exhaustive visitor. Spellings follow Liquibase 4.28.0's update-sql output;
// what differs between engines is read from the Dialect.
#include "strata/render.h"

#include <cctype>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "strata/sql_writer.h"

namespace strata {
namespace {

#define STRATA_RETURN_IF_ERROR(expr)   \
  do {                                 \
    ::strata::Status _st = (expr);     \
    if (!_st.ok()) return _st;         \
  } while (0)

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "a, b,c" -> {"a", "b", "c"}
std::vector<std::string> SplitList(std::string_view list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view item = Trim(list.substr(start, comma - start));
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

bool IsTrue(const OptBool& b) { return b.value_or(false); }

// Everything one change's rendering needs.
class Renderer {
 public:
  Renderer(const Change& change, const RenderOptions& options)
      : d_(*options.dialect),
        options_(options),
        loc_(ChangeLocation(change)),
        name_(ChangeName(change)) {}

  std::vector<Statement> out;

  const Dialect& d() const { return d_; }
  SqlWriter W() const { return SqlWriter(d_); }
  void Emit(SqlWriter& w) { out.push_back({w.Take()}); }

  std::string Prefix() const {
    std::string where = loc_.ToString();
    return where.empty() ? std::string() : where + ": ";
  }
  Status Unsupported(std::string_view why) const {
    return Status::Unsupported(Prefix() + std::string(name_) +
                               " is not supported on " +
                               std::string(d_.display_name) + ": " +
                               std::string(why));
  }
  Status Invalid(std::string_view why) const {
    return Status::InvalidInput(Prefix() + std::string(name_) + ": " +
                                std::string(why));
  }
  Status Require(const OptString& v, std::string_view attr) const {
    if (v && !v->empty()) return Status::Ok();
    return Invalid(std::string(attr) + " is required");
  }

  // The schema a name is qualified with: the change's, else the default.
  Status Schema(const OptString& given, OptString* schema) const {
    bool has = given && !given->empty();
    if (!d_.supports_schemas) {
      if (has && Lower(*given) != d_.implicit_schema)
        return Unsupported("schema-qualified names are not supported (schema '" +
                           *given + "'); only '" +
                           std::string(d_.implicit_schema) + "' exists");
      schema->reset();
      return Status::Ok();
    }
    *schema = has ? given : options_.default_schema;
    return Status::Ok();
  }

  // [schema.]name
  Status Qualified(SqlWriter& w, const OptString& schema, const OptString& name,
                   std::string_view attr) const {
    STRATA_RETURN_IF_ERROR(Require(name, attr));
    OptString s;
    STRATA_RETURN_IF_ERROR(Schema(schema, &s));
    w.Name(s, *name);
    return Status::Ok();
  }

  // "a, b" -> a, b (quoted as needed)
  static void IdentList(SqlWriter& w, std::string_view list) {
    bool first = true;
    for (const std::string& c : SplitList(list)) {
      if (!first) w.Keyword(", ");
      w.Ident(c);
      first = false;
    }
  }

  // A computed value. Liquibase replaces the engine's current-time function
  // and CURRENT_TIMESTAMP-like spellings with the engine's own.
  void Computed(SqlWriter& w, std::string_view text) const {
    std::string lower = Lower(Trim(text));
    if (lower.starts_with("current_timestamp") ||
        lower.starts_with("current_datetime") ||
        lower == Lower(d_.now_function)) {
      w.Keyword(d_.now_function);
      return;
    }
    w.RawSql(text);
  }

  // A date/time value: ISO text becomes a literal with 'T' as a space, as
  // Liquibase prints it; anything else is what Liquibase takes as a function.
  void Date(SqlWriter& w, std::string_view text) const {
    bool iso = !text.empty() && std::isdigit(static_cast<unsigned char>(text[0]));
    for (char c : text)
      if (!std::isdigit(static_cast<unsigned char>(c)) &&
          std::string_view("-:. T+Z").find(c) == std::string_view::npos)
        iso = false;
    if (!iso) return Computed(w, text);
    std::string v(text);
    for (char& c : v)
      if (c == 'T') c = ' ';
    w.Literal(v);
  }

  void Bool(SqlWriter& w, bool b) const {
    w.Keyword(b ? d_.boolean_true : d_.boolean_false);
  }

  // nextval('[schema.]seq')
  Status SequenceNext(SqlWriter& w, const std::string& sequence) const {
    if (!d_.supports_sequences) return Unsupported("the engine has no sequences");
    OptString s;
    STRATA_RETURN_IF_ERROR(Schema(std::nullopt, &s));
    SqlWriter name = W();
    name.Name(s, sequence);
    w.Keyword("nextval(").Literal(name.str()).Keyword(")");
    return Status::Ok();
  }

  static bool HasValue(const ColumnConfig& c) {
    return c.value || c.value_numeric || c.value_boolean || c.value_computed ||
           c.value_date || c.value_sequence_next || c.value_sequence_current ||
           c.value_blob_file || c.value_clob_file;
  }

  Status Value(SqlWriter& w, const ColumnConfig& c) const {
    if (c.value) {
      w.Literal(*c.value);
    } else if (c.value_numeric) {
      w.Number(c.value_numeric->text);
    } else if (c.value_boolean) {
      Bool(w, *c.value_boolean);
    } else if (c.value_computed) {
      Computed(w, *c.value_computed);
    } else if (c.value_date) {
      Date(w, *c.value_date);
    } else if (c.value_sequence_next) {
      return SequenceNext(w, *c.value_sequence_next);
    } else if (c.value_sequence_current) {
      if (!d_.supports_sequences) return Unsupported("the engine has no sequences");
      OptString s;
      STRATA_RETURN_IF_ERROR(Schema(std::nullopt, &s));
      SqlWriter name = W();
      name.Name(s, *c.value_sequence_current);
      w.Keyword("currval(").Literal(name.str()).Keyword(")");
    } else if (c.value_blob_file || c.value_clob_file) {
      return Invalid("valueBlobFile/valueClobFile are not supported");
    } else {
      w.Keyword("NULL");
    }
    return Status::Ok();
  }

  static bool HasDefault(const ColumnConfig& c) {
    return c.default_value || c.default_value_numeric ||
           c.default_value_boolean || c.default_value_computed ||
           c.default_value_date || c.default_value_sequence_next;
  }

  // " DEFAULT x" when the column has a default.
  Status Default(SqlWriter& w, const ColumnConfig& c) const {
    if (!HasDefault(c)) return Status::Ok();
    w.Keyword(" DEFAULT ");
    if (c.default_value) {
      w.Literal(*c.default_value);
    } else if (c.default_value_numeric) {
      w.Number(c.default_value_numeric->text);
    } else if (c.default_value_boolean) {
      Bool(w, *c.default_value_boolean);
    } else if (c.default_value_computed) {
      Computed(w, *c.default_value_computed);
    } else if (c.default_value_date) {
      Date(w, *c.default_value_date);
    } else {
      return SequenceNext(w, *c.default_value_sequence_next);
    }
    return Status::Ok();
  }

  Status CheckType(const ColumnConfig& c) const {
    if (!c.type || c.type->empty())
      return Invalid("column '" + c.name.value_or("") + "' has no type");
    if (!IsValidTypeName(*c.type))
      return Invalid("column '" + c.name.value_or("") + "' has type '" +
                     *c.type + "', which is not a type name");
    return Status::Ok();
  }

  // " (START WITH n INCREMENT BY m)" for an identity column.
  static void IdentityOptions(SqlWriter& w, const ColumnConfig& c) {
    if (!c.start_with && !c.increment_by) return;
    w.Keyword(" (");
    if (c.start_with) w.Keyword("START WITH ").Number(c.start_with->text);
    if (c.start_with && c.increment_by) w.Keyword(" ");
    if (c.increment_by) w.Keyword("INCREMENT BY ").Number(c.increment_by->text);
    w.Keyword(")");
  }

  // REFERENCES target: referencedTableName + referencedColumnNames, or
  // references="[schema.]table(col, ...)".
  struct FkTarget {
    OptString schema;
    std::string table;
    std::string columns;
  };
  Status ForeignKeyTarget(const ConstraintsConfig& k, FkTarget* t) const {
    if (k.referenced_table_name) {
      if (!k.referenced_column_names)
        return Invalid("referencedColumnNames is required with referencedTableName");
      t->schema = k.referenced_table_schema_name;
      t->table = *k.referenced_table_name;
      t->columns = *k.referenced_column_names;
      return Status::Ok();
    }
    std::string_view ref = Trim(*k.references);
    size_t open = ref.find('(');
    if (open == std::string_view::npos || ref.back() != ')')
      return Invalid("references '" + std::string(ref) +
                     "' must look like table(column)");
    std::string_view table = Trim(ref.substr(0, open));
    if (size_t dot = table.find('.'); dot != std::string_view::npos) {
      t->schema = std::string(table.substr(0, dot));
      table = table.substr(dot + 1);
    }
    t->table = std::string(table);
    t->columns = std::string(ref.substr(open + 1, ref.size() - open - 2));
    return Status::Ok();
  }

  // "REFERENCES [schema.]t(cols)"; `space` adds the blank Liquibase writes
  // before "(" in ALTER TABLE ... ADD CONSTRAINT.
  Status References(SqlWriter& w, const FkTarget& t, bool space) const {
    w.Keyword(" REFERENCES ");
    STRATA_RETURN_IF_ERROR(Qualified(w, t.schema, t.table, "referencedTableName"));
    w.Keyword(space ? " (" : "(");
    IdentList(w, t.columns);
    w.Keyword(")");
    return Status::Ok();
  }

  static bool HasForeignKey(const ColumnConfig& c) {
    return c.constraints &&
           (c.constraints->references || c.constraints->referenced_table_name);
  }

  Status CommentOn(std::string_view what, const OptString& schema,
                   const std::string& table, const std::string* column,
                   const std::string& remarks) {
    if (!d_.supports_remarks) return Status::Ok();
    SqlWriter w = W();
    w.Keyword("COMMENT ON ").Keyword(what).Keyword(" ");
    STRATA_RETURN_IF_ERROR(Qualified(w, schema, table, "tableName"));
    if (column) w.Keyword(".").Ident(*column);
    w.Keyword(" IS ").Literal(remarks);
    Emit(w);
    return Status::Ok();
  }

  // "ALTER TABLE [schema.]t "
  Status AlterTable(SqlWriter& w, const OptString& schema,
                    const OptString& table) const {
    w.Keyword("ALTER TABLE ");
    STRATA_RETURN_IF_ERROR(Qualified(w, schema, table, "tableName"));
    w.Keyword(" ");
    return Status::Ok();
  }

  bool DbmsMatches(const OptString& dbms) const {
    if (!dbms || Trim(*dbms).empty()) return true;
    bool any_positive = false, matched = false;
    for (const std::string& item : SplitList(*dbms)) {
      std::string v = Lower(item);
      if (v == "none") return false;
      if (v.starts_with("!")) {
        if (Trim(v.substr(1)) == d_.name) return false;
        continue;
      }
      any_positive = true;
      if (v == "all" || v == d_.name) matched = true;
    }
    return matched || !any_positive;
  }

 private:
  const Dialect& d_;
  const RenderOptions& options_;
  const SourceLocation& loc_;
  std::string_view name_;
};

// ---- One function per change type ---------------------------------------

Status Render(Renderer& r, const CreateTable& c) {
  const Dialect& d = r.d();
  STRATA_RETURN_IF_ERROR(r.Require(c.table_name, "tableName"));
  if (c.columns.empty()) return r.Invalid("columns are required");

  std::vector<const ColumnConfig*> pk;
  std::string pk_name;
  for (const ColumnConfig& col : c.columns) {
    if (col.constraints && IsTrue(col.constraints->primary_key)) {
      pk.push_back(&col);
      if (pk_name.empty() && col.constraints->primary_key_name)
        pk_name = *col.constraints->primary_key_name;
    }
  }
  if (pk_name.empty()) pk_name = DefaultPrimaryKeyName(d, *c.table_name);
  bool inline_pk = false;

  SqlWriter w = r.W();
  w.Keyword(IsTrue(c.if_not_exists) ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  w.Keyword(" (");
  bool first = true;
  for (const ColumnConfig& col : c.columns) {
    STRATA_RETURN_IF_ERROR(r.Require(col.name, "column name"));
    STRATA_RETURN_IF_ERROR(r.CheckType(col));
    const ConstraintsConfig* k = col.constraints ? &*col.constraints : nullptr;
    bool is_pk = k && IsTrue(k->primary_key);
    bool ai = IsTrue(col.auto_increment);
    if (!first) w.Keyword(", ");
    first = false;
    w.Ident(*col.name).Keyword(" ");
    if (ai && d.inline_autoincrement_primary_key) {
      if (!is_pk || pk.size() != 1)
        return r.Unsupported(
            "autoIncrement column '" + *col.name +
            "' must be the table's only primary-key column (INTEGER PRIMARY "
            "KEY AUTOINCREMENT)");
      w.Type("int").Keyword(" CONSTRAINT ").Ident(pk_name).Keyword(
          " PRIMARY KEY AUTOINCREMENT");
      inline_pk = true;
    } else {
      w.Type(*col.type, ai);
      if (ai) Renderer::IdentityOptions(w, col);
    }
    STRATA_RETURN_IF_ERROR(r.Default(w, col));
    if (is_pk || (k && k->nullable && !*k->nullable)) w.Keyword(" NOT NULL");
  }
  if (!pk.empty() && !inline_pk) {
    w.Keyword(", CONSTRAINT ").Ident(pk_name).Keyword(" PRIMARY KEY (");
    for (size_t i = 0; i < pk.size(); ++i) {
      if (i) w.Keyword(", ");
      w.Ident(*pk[i]->name);
    }
    w.Keyword(")");
  }
  for (const ColumnConfig& col : c.columns) {
    if (!Renderer::HasForeignKey(col)) continue;
    const ConstraintsConfig& k = *col.constraints;
    Renderer::FkTarget t;
    STRATA_RETURN_IF_ERROR(r.ForeignKeyTarget(k, &t));
    w.Keyword(", ");
    if (k.foreign_key_name) w.Keyword("CONSTRAINT ").Ident(*k.foreign_key_name).Keyword(" ");
    w.Keyword("FOREIGN KEY (").Ident(*col.name).Keyword(")");
    STRATA_RETURN_IF_ERROR(r.References(w, t, false));
    if (IsTrue(k.delete_cascade)) w.Keyword(" ON DELETE CASCADE");
    if (IsTrue(k.deferrable)) w.Keyword(" DEFERRABLE");
    if (IsTrue(k.initially_deferred)) w.Keyword(" INITIALLY DEFERRED");
  }
  for (const ColumnConfig& col : c.columns) {
    if (!col.constraints || !IsTrue(col.constraints->unique)) continue;
    w.Keyword(", ");
    if (col.constraints->unique_constraint_name)
      w.Keyword("CONSTRAINT ").Ident(*col.constraints->unique_constraint_name).Keyword(" ");
    w.Keyword("UNIQUE (").Ident(*col.name).Keyword(")");
  }
  w.Keyword(")");
  r.Emit(w);

  if (c.remarks)
    STRATA_RETURN_IF_ERROR(r.CommentOn("TABLE", c.schema_name, *c.table_name,
                                       nullptr, *c.remarks));
  for (const ColumnConfig& col : c.columns)
    if (col.remarks)
      STRATA_RETURN_IF_ERROR(r.CommentOn("COLUMN", c.schema_name, *c.table_name,
                                         &*col.name, *col.remarks));
  return Status::Ok();
}

Status Render(Renderer& r, const DropTable& c) {
  SqlWriter w = r.W();
  w.Keyword("DROP TABLE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  if (IsTrue(c.cascade_constraints) && r.d().drop_table_cascade) w.Keyword(" CASCADE");
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const AddColumn& c) {
  const Dialect& d = r.d();
  if (c.columns.empty()) return r.Invalid("columns are required");
  std::vector<Statement> later;  // constraint ADDs follow each column
  for (const ColumnConfig& col : c.columns) {
    STRATA_RETURN_IF_ERROR(r.Require(col.name, "column name"));
    STRATA_RETURN_IF_ERROR(r.CheckType(col));
    const ConstraintsConfig* k = col.constraints ? &*col.constraints : nullptr;
    bool is_pk = k && IsTrue(k->primary_key);
    bool not_null = k && k->nullable && !*k->nullable;
    bool unique = k && IsTrue(k->unique);
    bool has_value = Renderer::HasValue(col);
    bool ai = IsTrue(col.auto_increment);
    if (!d.alter_add_column_full) {
      std::string why;
      if (is_pk) why = "ALTER TABLE ADD COLUMN cannot add a PRIMARY KEY column";
      else if (unique) why = "ALTER TABLE ADD COLUMN cannot add a UNIQUE column; add the column, then createIndex with unique: true";
      else if (Renderer::HasForeignKey(col)) why = "ALTER TABLE cannot add constraints; declare the foreign key in createTable (references/foreignKeyName)";
      else if (ai) why = "autoIncrement needs INTEGER PRIMARY KEY AUTOINCREMENT, declared in createTable";
      else if (col.default_value_computed || col.default_value_sequence_next) why = "ALTER TABLE ADD COLUMN needs a constant default";
      else if (not_null && !Renderer::HasDefault(col)) why = "ALTER TABLE ADD COLUMN cannot add a NOT NULL column without a default value";
      if (!why.empty())
        return r.Unsupported("column '" + *col.name + "': " + why);
    }
    SqlWriter w = r.W();
    STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
    w.Keyword("ADD ").Ident(*col.name).Keyword(" ").Type(*col.type, ai);
    if (ai) Renderer::IdentityOptions(w, col);
    STRATA_RETURN_IF_ERROR(r.Default(w, col));
    // With a value, NOT NULL waits until the rows are updated (PostgreSQL);
    // SQLite has a default to satisfy it (checked above).
    if (is_pk || (not_null && (!has_value || !d.alter_column_nullability)))
      w.Keyword(" NOT NULL");
    if (is_pk) w.Keyword(" PRIMARY KEY");
    r.Emit(w);
    if (unique) {
      SqlWriter u = r.W();
      STRATA_RETURN_IF_ERROR(r.AlterTable(u, c.schema_name, c.table_name));
      u.Keyword("ADD ");
      if (k->unique_constraint_name)
        u.Keyword("CONSTRAINT ").Ident(*k->unique_constraint_name).Keyword(" ");
      u.Keyword("UNIQUE (").Ident(*col.name).Keyword(")");
      r.Emit(u);
    }
    if (Renderer::HasForeignKey(col)) {
      Renderer::FkTarget t;
      STRATA_RETURN_IF_ERROR(r.ForeignKeyTarget(*k, &t));
      SqlWriter f = r.W();
      STRATA_RETURN_IF_ERROR(r.AlterTable(f, c.schema_name, c.table_name));
      f.Keyword("ADD ");
      if (k->foreign_key_name)
        f.Keyword("CONSTRAINT ").Ident(*k->foreign_key_name).Keyword(" ");
      f.Keyword("FOREIGN KEY (").Ident(*col.name).Keyword(")");
      STRATA_RETURN_IF_ERROR(r.References(f, t, true));
      if (IsTrue(k->delete_cascade)) f.Keyword(" ON DELETE CASCADE");
      if (IsTrue(k->deferrable)) f.Keyword(" DEFERRABLE");
      if (IsTrue(k->initially_deferred)) f.Keyword(" INITIALLY DEFERRED");
      r.Emit(f);
    }
  }
  for (const ColumnConfig& col : c.columns) {
    if (col.remarks)
      STRATA_RETURN_IF_ERROR(r.CommentOn("COLUMN", c.schema_name, *c.table_name,
                                         &*col.name, *col.remarks));
  }
  for (const ColumnConfig& col : c.columns) {
    if (!Renderer::HasValue(col)) continue;
    SqlWriter w = r.W();
    w.Keyword("UPDATE ");
    STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
    w.Keyword(" SET ").Ident(*col.name).Keyword(" = ");
    STRATA_RETURN_IF_ERROR(r.Value(w, col));
    r.Emit(w);
  }
  if (d.alter_column_nullability) {
    for (const ColumnConfig& col : c.columns) {
      const auto& k = col.constraints;
      if (!Renderer::HasValue(col) || !k || !k->nullable || *k->nullable) continue;
      if (IsTrue(k->primary_key)) continue;
      SqlWriter w = r.W();
      STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
      w.Keyword("ALTER COLUMN  ").Ident(*col.name).Keyword(" SET NOT NULL");
      r.Emit(w);
    }
  }
  return Status::Ok();
}

Status Render(Renderer& r, const DropColumn& c) {
  std::vector<std::string> names;
  if (c.column_name) names.push_back(*c.column_name);
  for (const ColumnConfig& col : c.columns)
    if (col.name) names.push_back(*col.name);
  if (names.empty()) return r.Invalid("columnName or columns is required");
  for (const std::string& n : names) {
    SqlWriter w = r.W();
    STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
    w.Keyword("DROP COLUMN ").Ident(n);
    r.Emit(w);
  }
  return Status::Ok();
}

Status Render(Renderer& r, const RenameColumn& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.old_column_name, "oldColumnName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.new_column_name, "newColumnName"));
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  w.Keyword("RENAME COLUMN ").Ident(*c.old_column_name).Keyword(" TO ").Ident(*c.new_column_name);
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const RenameTable& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.new_table_name, "newTableName"));
  SqlWriter w = r.W();
  w.Keyword("ALTER TABLE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.old_table_name, "oldTableName"));
  w.Keyword(" RENAME TO ").Ident(*c.new_table_name);
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const CreateIndex& c) {
  if (c.columns.empty()) return r.Invalid("columns are required");
  bool named = c.index_name && !c.index_name->empty();
  if (!named && !r.d().supports_schemas)  // only PostgreSQL names it itself
    return r.Unsupported("indexName is required");
  SqlWriter w = r.W();
  w.Keyword(IsTrue(c.unique) ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
  if (named) w.Ident(*c.index_name).Keyword(" ");
  w.Keyword("ON ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  w.Keyword("(");
  bool first = true;
  for (const ColumnConfig& col : c.columns) {
    STRATA_RETURN_IF_ERROR(r.Require(col.name, "column name"));
    if (!first) w.Keyword(", ");
    first = false;
    if (IsTrue(col.computed)) {
      w.RawSql(*col.name);
    } else {
      w.Ident(*col.name);
    }
    if (IsTrue(col.descending)) w.Keyword(" DESC");
  }
  w.Keyword(")");
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const DropIndex& c) {
  SqlWriter w = r.W();
  w.Keyword("DROP INDEX ");
  if (r.d().drop_index_is_schema_qualified) {
    STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.index_name, "indexName"));
  } else {
    STRATA_RETURN_IF_ERROR(r.Require(c.index_name, "indexName"));
    OptString unused;
    STRATA_RETURN_IF_ERROR(r.Schema(c.schema_name, &unused));
    w.Ident(*c.index_name);
  }
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const AddForeignKeyConstraint& c) {
  if (!r.d().alter_add_constraint)
    return r.Unsupported(
        "ALTER TABLE cannot add constraints; declare the foreign key in "
        "createTable (references/foreignKeyName)");
  STRATA_RETURN_IF_ERROR(r.Require(c.constraint_name, "constraintName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.base_column_names, "baseColumnNames"));
  STRATA_RETURN_IF_ERROR(r.Require(c.referenced_column_names, "referencedColumnNames"));
  STRATA_RETURN_IF_ERROR(r.Require(c.referenced_table_name, "referencedTableName"));
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.base_table_schema_name, c.base_table_name));
  w.Keyword("ADD CONSTRAINT ").Ident(*c.constraint_name).Keyword(" FOREIGN KEY (");
  Renderer::IdentList(w, *c.base_column_names);
  w.Keyword(")");
  Renderer::FkTarget t{c.referenced_table_schema_name, *c.referenced_table_name,
                       *c.referenced_column_names};
  STRATA_RETURN_IF_ERROR(r.References(w, t, true));
  // ON UPDATE / ON DELETE take a fixed set of actions; anything else would
  // be user text in a keyword position.
  auto action = [&](const OptString& v, std::string_view clause) -> Status {
    if (!v) return Status::Ok();
    std::string a = Upper(Trim(*v));
    for (std::string_view ok : {"CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"}) {
      if (a == ok) {
        w.Keyword(clause).Keyword(ok);
        return Status::Ok();
      }
    }
    return r.Invalid("'" + *v + "' is not a foreign-key action");
  };
  STRATA_RETURN_IF_ERROR(action(c.on_update, " ON UPDATE "));
  if (c.on_delete) {
    STRATA_RETURN_IF_ERROR(action(c.on_delete, " ON DELETE "));
  } else if (IsTrue(c.delete_cascade)) {
    w.Keyword(" ON DELETE CASCADE");
  }
  if (IsTrue(c.deferrable)) w.Keyword(" DEFERRABLE");
  if (IsTrue(c.initially_deferred)) w.Keyword(" INITIALLY DEFERRED");
  if (c.validate && !*c.validate) w.Keyword(" NOT VALID");
  r.Emit(w);
  return Status::Ok();
}

Status DropConstraint(Renderer& r, const OptString& schema, const OptString& table,
                      const OptString& constraint) {
  if (!r.d().alter_drop_constraint)
    return r.Unsupported(
        "ALTER TABLE cannot drop constraints; the table would have to be rebuilt");
  STRATA_RETURN_IF_ERROR(r.Require(constraint, "constraintName"));
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, schema, table));
  w.Keyword("DROP CONSTRAINT ").Ident(*constraint);
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const DropForeignKeyConstraint& c) {
  return DropConstraint(r, c.base_table_schema_name, c.base_table_name, c.constraint_name);
}

Status Render(Renderer& r, const AddUniqueConstraint& c) {
  if (!r.d().alter_add_constraint)
    return r.Unsupported(
        "ALTER TABLE cannot add constraints; declare the column unique in "
        "createTable or use createIndex with unique: true");
  STRATA_RETURN_IF_ERROR(r.Require(c.column_names, "columnNames"));
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  w.Keyword("ADD ");
  if (c.constraint_name && !c.constraint_name->empty())
    w.Keyword("CONSTRAINT ").Ident(*c.constraint_name).Keyword(" ");
  w.Keyword("UNIQUE (");
  Renderer::IdentList(w, *c.column_names);
  w.Keyword(")");
  if (IsTrue(c.deferrable)) w.Keyword(" DEFERRABLE");
  if (IsTrue(c.initially_deferred)) w.Keyword(" INITIALLY DEFERRED");
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const DropUniqueConstraint& c) {
  return DropConstraint(r, c.schema_name, c.table_name, c.constraint_name);
}

Status Render(Renderer& r, const AddNotNullConstraint& c) {
  if (!r.d().alter_column_nullability)
    return r.Unsupported(
        "ALTER TABLE cannot change a column's nullability; declare nullable: "
        "false in createTable");
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  if (c.default_null_value) {
    SqlWriter u = r.W();
    u.Keyword("UPDATE ");
    STRATA_RETURN_IF_ERROR(r.Qualified(u, c.schema_name, c.table_name, "tableName"));
    u.Keyword(" SET ").Ident(*c.column_name).Keyword(" = ").Literal(*c.default_null_value);
    u.Keyword(" WHERE ").Ident(*c.column_name).Keyword(" IS NULL");
    r.Emit(u);
  }
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  w.Keyword("ALTER COLUMN  ").Ident(*c.column_name).Keyword(" SET NOT NULL");
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const DropNotNullConstraint& c) {
  if (!r.d().alter_column_nullability)
    return r.Unsupported("ALTER TABLE cannot change a column's nullability");
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  w.Keyword("ALTER COLUMN  ").Ident(*c.column_name).Keyword(" DROP NOT NULL");
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const AddDefaultValue& c) {
  if (!r.d().alter_column_default)
    return r.Unsupported(
        "ALTER TABLE cannot change a column's default; declare the default in "
        "createTable or addColumn");
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  w.Keyword("ALTER COLUMN  ").Ident(*c.column_name).Keyword(" SET DEFAULT ");
  if (c.default_value) {
    w.Literal(*c.default_value);
  } else if (c.default_value_numeric) {
    w.Number(*c.default_value_numeric);
  } else if (c.default_value_boolean) {
    r.Bool(w, *c.default_value_boolean);
  } else if (c.default_value_computed) {
    r.Computed(w, *c.default_value_computed);
  } else if (c.default_value_date) {
    r.Date(w, *c.default_value_date);
  } else if (c.default_value_sequence_next) {
    STRATA_RETURN_IF_ERROR(r.SequenceNext(w, *c.default_value_sequence_next));
    r.Emit(w);
    // The sequence belongs to the column from now on, as Liquibase does.
    OptString schema;
    STRATA_RETURN_IF_ERROR(r.Schema(std::nullopt, &schema));
    SqlWriter o = r.W();
    o.Keyword("ALTER SEQUENCE ").Name(schema, *c.default_value_sequence_next);
    o.Keyword(" OWNED BY ");
    STRATA_RETURN_IF_ERROR(r.Qualified(o, c.schema_name, c.table_name, "tableName"));
    o.Keyword(".").Ident(*c.column_name);
    r.Emit(o);
    return Status::Ok();
  } else {
    w.Keyword("NULL");
  }
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const DropDefaultValue& c) {
  if (!r.d().alter_column_default)
    return r.Unsupported("ALTER TABLE cannot change a column's default");
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  w.Keyword("ALTER COLUMN ").Ident(*c.column_name).Keyword(" DROP DEFAULT");
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const CreateView& c) {
  if (!c.select_query || Trim(*c.select_query).empty())
    return r.Invalid("selectQuery is required");
  std::string_view query = Trim(*c.select_query);
  if (IsTrue(c.full_definition)) {
    SqlWriter w = r.W();
    w.RawSql(query);
    r.Emit(w);
    return Status::Ok();
  }
  bool replace = IsTrue(c.replace_if_exists);
  if (replace && !r.d().create_or_replace_view) {
    // No CREATE OR REPLACE VIEW: drop it first (Liquibase writes DROP VIEW,
    // which fails when the view does not exist yet).
    SqlWriter dw = r.W();
    dw.Keyword("DROP VIEW IF EXISTS ");
    STRATA_RETURN_IF_ERROR(r.Qualified(dw, c.schema_name, c.view_name, "viewName"));
    r.Emit(dw);
    replace = false;
  }
  SqlWriter w = r.W();
  w.Keyword(replace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.view_name, "viewName"));
  w.Keyword(" AS ").RawSql(query);
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const DropView& c) {
  SqlWriter w = r.W();
  w.Keyword(IsTrue(c.if_exists) ? "DROP VIEW IF EXISTS " : "DROP VIEW ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.view_name, "viewName"));
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const Sql& c) {
  if (!r.DbmsMatches(c.dbms)) return Status::Ok();
  for (const std::string& s : SplitSql(c)) {
    SqlWriter w = r.W();
    w.RawSql(s);
    r.Emit(w);
  }
  return Status::Ok();
}

Status Render(Renderer& r, const Insert& c) {
  if (!r.DbmsMatches(c.dbms)) return Status::Ok();
  if (c.columns.empty()) return r.Invalid("columns are required");
  SqlWriter w = r.W();
  w.Keyword("INSERT INTO ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  w.Keyword(" (");
  for (size_t i = 0; i < c.columns.size(); ++i) {
    STRATA_RETURN_IF_ERROR(r.Require(c.columns[i].name, "column name"));
    if (i) w.Keyword(", ");
    w.Ident(*c.columns[i].name);
  }
  w.Keyword(") VALUES (");
  for (size_t i = 0; i < c.columns.size(); ++i) {
    if (i) w.Keyword(", ");
    STRATA_RETURN_IF_ERROR(r.Value(w, c.columns[i]));
  }
  w.Keyword(")");
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const Update& c) {
  if (c.columns.empty()) return r.Invalid("columns are required");
  SqlWriter w = r.W();
  w.Keyword("UPDATE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  w.Keyword(" SET ");
  for (size_t i = 0; i < c.columns.size(); ++i) {
    STRATA_RETURN_IF_ERROR(r.Require(c.columns[i].name, "column name"));
    if (i) w.Keyword(", ");
    w.Ident(*c.columns[i].name).Keyword(" = ");
    STRATA_RETURN_IF_ERROR(r.Value(w, c.columns[i]));
  }
  if (c.where && !Trim(*c.where).empty()) w.Keyword(" WHERE ").RawSql(*c.where);
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const Delete& c) {
  SqlWriter w = r.W();
  w.Keyword("DELETE FROM ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  if (c.where && !Trim(*c.where).empty()) w.Keyword(" WHERE ").RawSql(*c.where);
  r.Emit(w);
  return Status::Ok();
}

// Recorded in the history table by the plan; no SQL of its own.
Status Render(Renderer&, const TagDatabase&) { return Status::Ok(); }
Status Render(Renderer&, const Empty&) { return Status::Ok(); }

}  // namespace

Status RenderChange(const Change& change, const RenderOptions& options,
                    std::vector<Statement>* out) {
  if (options.dialect == nullptr)
    return Status::InvalidInput("RenderChange: no dialect given");
  Renderer r(change, options);
  // Exhaustive: a change type without a Render overload does not compile.
  Status s = std::visit([&](const auto& c) { return Render(r, c); }, change);
  if (!s.ok()) return s;
  for (Statement& st : r.out) out->push_back(std::move(st));
  return Status::Ok();
}

}  // namespace strata
