// Change -> SQL statements. One function per change type, chosen by one
// exhaustive visitor. Spellings follow Liquibase 4.28.0's update-sql output;
// what differs between engines is read from the Dialect.
#include "strata/render.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "render/load_data.h"
#include "render/rebuild.h"
#include "render/render_pro.h"
#include "strata/sql_writer.h"
#include "util/strings.h"
#include "util/status_macros.h"

namespace strata {
namespace {

using util::Lower;
using util::Upper;
using util::Trim;

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
  void EmitAction(Statement::Kind kind, std::string message,
                  std::string target = {}) {
    Statement st;
    st.sql = std::move(message);
    st.kind = kind;
    st.target = std::move(target);
    out.push_back(std::move(st));
  }
  std::string_view name() const { return name_; }
  const OptString& default_schema() const { return options_.default_schema; }
  Catalog* catalog() const { return options_.catalog; }

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
  // What Liquibase 4.28 skips where the engine cannot do it (its statement's
  // skipOnUnsupported: createSequence, alterSequence, dropSequence): nothing
  // runs, a warning says so, and the changeset is recorded as run.
  Status Skip(std::string_view why) {
    EmitAction(Statement::Kind::kOutput,
               "WARNING: " + Prefix() + std::string(name_) + " is not supported on " +
                   std::string(d_.display_name) + " (" + std::string(why) +
                   "): it runs nothing, as in Liquibase 4.28",
               "STDERR");
    return Status::Ok();
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
      // CURRENT_TIMESTAMP(3) -> NOW(3); a precision of 0 is NOW().
      std::string p = Precision(lower);
      std::string_view fn = d_.now_function;
      if (d_.now_takes_precision && !p.empty() && p != "0" && fn.ends_with("()")) {
        fn.remove_suffix(1);
        w.Keyword(fn).Keyword(p).Keyword(")");
      } else {
        w.Keyword(fn);
      }
      return;
    }
    w.RawSql(text);
  }

  // "current_timestamp(3)" -> "3"; "" when there is no all-digit precision.
  static std::string Precision(std::string_view fn) {
    size_t open = fn.find('('), close = fn.rfind(')');
    if (open == std::string_view::npos || close != fn.size() - 1) return "";
    std::string_view p = Trim(fn.substr(open + 1, close - open - 1));
    if (p.empty()) return "";
    for (char c : p)
      if (!std::isdigit(static_cast<unsigned char>(c))) return "";
    return std::string(p);
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

  // Text converted by the column's type, as Liquibase converts
  // defaultNullValue: a BIT or BOOLEAN column takes the dialect's boolean
  // literal; any other type (or none) a string literal.
  Status TextAsType(SqlWriter& w, const std::string& text, const OptString& type,
                    std::string_view attr) const {
    BooleanKind kind = type ? BooleanTypeKind(*type) : BooleanKind::kNone;
    if (kind == BooleanKind::kNone) {
      w.Literal(text);
      return Status::Ok();
    }
    std::string v = Lower(Trim(text));
    bool truth;
    if (v == "true" || v == "t" || v == "1") {
      truth = true;
    } else if (v == "false" || v == "f" || v == "0") {
      truth = false;
    } else {
      return Invalid(std::string(attr) + " '" + text +
                     "' is not a boolean value for column type '" + *type +
                     "' (expected true, false, t, f, 1 or 0)");
    }
    if (kind == BooleanKind::kBit) {
      w.Keyword(truth ? d_.bit_text_true : d_.bit_text_false);
    } else {
      w.Keyword(truth ? d_.boolean_text_true : d_.boolean_text_false);
    }
    return Status::Ok();
  }

  // Liquibase's BooleanType covers bit, bit(n), boolean, bool (not bit varying).
  enum class BooleanKind { kNone, kBit, kBoolean };
  static BooleanKind BooleanTypeKind(std::string_view type) {
    std::string t = Lower(Trim(type));
    if (t.starts_with("java.sql.types.")) t = t.substr(15);
    size_t end = 0;
    while (end < t.size() && (std::isalnum(static_cast<unsigned char>(t[end])) || t[end] == '_'))
      ++end;
    std::string head = t.substr(0, end);
    std::string rest(Trim(std::string_view(t).substr(end)));
    if (head == "bit") return rest.starts_with("varying") ? BooleanKind::kNone : BooleanKind::kBit;
    if (head == "boolean" || head == "bool") return BooleanKind::kBoolean;
    return BooleanKind::kNone;
  }

  void Bool(SqlWriter& w, bool b) const {
    w.Keyword(b ? d_.boolean_true : d_.boolean_false);
  }

  // nextval('[schema.]seq')
  Status SequenceNext(SqlWriter& w, const std::string& sequence) const {
    if (!d_.supports_sequences) return Unsupported("the engine has no sequences");
    OptString s;
    STRATA_RETURN_IF_ERROR(Schema(std::nullopt, &s));
    if (d_.next_value_for) {
      w.Keyword("NEXT VALUE FOR ").Name(s, sequence);
      return Status::Ok();
    }
    SqlWriter name = W();
    name.Name(s, sequence);
    w.Keyword("nextval(").Literal(name.str()).Keyword(")");
    return Status::Ok();
  }

  // " WHERE <where>" with Liquibase's whereParams placeholders filled
  // (UpdateGenerator.replacePredicatePlaceholders): scanning the trimmed
  // text, each `:name` takes the next param that has a name, written as an
  // identifier, and each `:value` or `?` the next param's value, written as
  // a literal of its kind. Liquibase leaves a placeholder with nothing left
  // to fill in the SQL; Strata reports `:name`/`:value` as an error and, as
  // Liquibase, leaves a spare `?` (it may be part of the user's SQL).
  Status Where(SqlWriter& w, const OptString& where,
               const Columns& params) const {
    if (!where || Trim(*where).empty()) return Status::Ok();
    w.Keyword(" WHERE ");
    if (params.empty()) {
      w.RawSql(*where);
      return Status::Ok();
    }
    std::string_view text = Trim(*where);
    size_t next_name = 0, next_value = 0, done = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      std::string_view rest = text.substr(i);
      bool is_name = rest.starts_with(":name");
      bool is_value = rest.starts_with(":value") || rest[0] == '?';
      if (!is_name && !is_value) continue;
      if (is_name) {
        while (next_name < params.size() &&
               (!params[next_name].name || params[next_name].name->empty()))
          ++next_name;
        if (next_name == params.size())
          return Invalid(
              "where has more :name placeholders than whereParams with a name");
        w.RawSql(text.substr(done, i - done));
        w.Ident(*params[next_name++].name);
        i += 4;
      } else {
        size_t len = rest[0] == '?' ? 1 : 6;
        if (next_value == params.size()) {
          if (len == 1) continue;
          return Invalid(
              "where has more :value/? placeholders than whereParams");
        }
        const ColumnConfig& p = params[next_value++];
        if (!HasValue(p))
          return Invalid("whereParams param " + std::to_string(next_value) +
                         " has no value");
        w.RawSql(text.substr(done, i - done));
        STRATA_RETURN_IF_ERROR(Value(w, p));
        i += len - 1;
      }
      done = i + 1;
    }
    w.RawSql(text.substr(done));
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
      if (!d_.sequence_current_value)
        return Unsupported("valueSequenceCurrent: the current value of a sequence cannot be read");
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

  // Liquibase's BooleanType names (boolean, bool, bit), whose numeric
  // default is written as a boolean: Liquibase 4.28 on PostgreSQL renders
  // type="boolean" defaultValueNumeric="0" as DEFAULT FALSE, "1" as TRUE and
  // any other number as FALSE (verified with offline update-sql; fineract's
  // m_appuser.password_never_expires).
  static bool IsBooleanType(const OptString& type) {
    if (!type) return false;
    std::string name = util::Lower(Trim(type->substr(0, type->find('('))));
    if (name.starts_with("java.sql.types.")) name = name.substr(15);
    return name == "boolean" || name == "bool" || name == "bit" || name == "java.lang.boolean";
  }
  static bool NumericIsOne(const std::string& text) {
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    return end != text.c_str() && v == 1.0;
  }

  static bool HasDefault(const ColumnConfig& c) {
    return c.default_value || c.default_value_numeric ||
           c.default_value_boolean || c.default_value_computed ||
           c.default_value_date || c.default_value_sequence_next;
  }

  // " DEFAULT x" when the column has a default. In createTable, where the
  // dialect allows it, a computed "GENERATED ALWAYS ..." is the column's
  // generation clause and has no DEFAULT (Liquibase's exact-prefix rule).
  Status Default(SqlWriter& w, const ColumnConfig& c, bool create_table = false) const {
    if (!HasDefault(c)) return Status::Ok();
    if (create_table && d_.generated_always_without_default && c.default_value_computed &&
        c.default_value_computed->starts_with("GENERATED ALWAYS ")) {
      w.Keyword(" ").RawSql(*c.default_value_computed);
      return Status::Ok();
    }
    w.Keyword(" DEFAULT ");
    if (c.default_value) {
      w.Literal(*c.default_value);
    } else if (c.default_value_numeric && IsBooleanType(c.type)) {
      Bool(w, NumericIsOne(c.default_value_numeric->text));
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
    // Inline remarks were written with the column or table itself.
    if (!d_.supports_remarks || d_.inline_remarks) return Status::Ok();
    SqlWriter w = W();
    w.Keyword("COMMENT ON ").Keyword(what).Keyword(" ");
    STRATA_RETURN_IF_ERROR(Qualified(w, schema, table, "tableName"));
    if (column) w.Keyword(".").Ident(*column);
    w.Keyword(" IS ").Literal(remarks);
    Emit(w);
    return Status::Ok();
  }

  // " COMMENT 'text'" after a column, where remarks are inline.
  void InlineRemarks(SqlWriter& w, const OptString& remarks) const {
    if (remarks && d_.supports_remarks && d_.inline_remarks)
      w.Keyword(" COMMENT ").Literal(*remarks);
  }

  // DEFERRABLE / INITIALLY DEFERRED on a foreign key; an error where the
  // engine has no deferred constraints (as Liquibase: "deferrable is not
  // allowed on mysql").
  Status Deferrable(SqlWriter& w, const OptBool& deferrable,
                    const OptBool& initially_deferred) const {
    if (!d_.supports_deferrable) {
      if (IsTrue(deferrable) || IsTrue(initially_deferred))
        return Unsupported("foreign keys cannot be deferrable (deferrable, initiallyDeferred)");
      return Status::Ok();
    }
    if (IsTrue(deferrable)) w.Keyword(" DEFERRABLE");
    if (IsTrue(initially_deferred)) w.Keyword(" INITIALLY DEFERRED");
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

  // The change as a table rebuild (SQLite): `edit` turns the table's
  // current definition into the new one. `before_edit`, when given, first
  // applies what earlier statements of this same change do (mergeColumns'
  // ADD). An engine that cannot rebuild tables answers Unsupported(`why`).
  using Edit = std::function<Status(TableDefinition&)>;
  Status Rebuild(const OptString& schema, const OptString& table,
                 std::string_view why, const Edit& edit,
                 const Edit& before_edit = nullptr) {
    if (!d_.rebuilds_tables) return Unsupported(why);
    STRATA_RETURN_IF_ERROR(Require(table, "tableName"));
    OptString s;
    STRATA_RETURN_IF_ERROR(Schema(schema, &s));
    Result<TableDefinition> current = Status::NotFound("no catalog");
    if (options_.catalog) current = options_.catalog->Table(s, *table);
    if (!current.ok()) {
      std::string why_not = options_.catalog && current.status().code() != Status::Code::kNotFound
                                ? ": " + current.status().message()
                                : " to Strata";
      return Status::InvalidInput(
          Prefix() + std::string(name_) + ": table '" + *table + "' is unknown" +
          why_not + "; " + std::string(d_.display_name) +
          " cannot make this change in place, and rebuilding the table needs "
          "its current definition (create it in the database or earlier in "
          "the changelog)");
    }
    TableDefinition before = std::move(*current);
    if (before_edit) STRATA_RETURN_IF_ERROR(before_edit(before));
    TableDefinition after = before;
    STRATA_RETURN_IF_ERROR(edit(after));
    std::string where = Prefix();
    if (!where.empty()) where.resize(where.size() - 2);  // no ": "
    where += where.empty() ? std::string(name_) : " " + std::string(name_);
    return detail::RebuildTableSql(d_, before, after, where, &out);
  }

  // `column` of `t`, or an error naming the table.
  Result<CatalogColumn*> ColumnOf(TableDefinition& t, const std::string& column) const {
    CatalogColumn* c = t.Column(column);
    if (!c) return Invalid("table '" + t.name + "' has no column '" + column + "'");
    return c;
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
    STRATA_RETURN_IF_ERROR(r.Default(w, col, /*create_table=*/true));
    if (is_pk || (k && k->nullable && !*k->nullable)) w.Keyword(" NOT NULL");
    else if (d.explicit_null) w.Keyword(" NULL");
    r.InlineRemarks(w, col.remarks);
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
    STRATA_RETURN_IF_ERROR(r.Deferrable(w, k.deferrable, k.initially_deferred));
  }
  for (const ColumnConfig& col : c.columns) {
    if (!col.constraints || !IsTrue(col.constraints->unique)) continue;
    w.Keyword(", ");
    if (col.constraints->unique_constraint_name)
      w.Keyword("CONSTRAINT ").Ident(*col.constraints->unique_constraint_name).Keyword(" ");
    w.Keyword("UNIQUE (").Ident(*col.name).Keyword(")");
  }
  w.Keyword(")");
  if (c.remarks && d.inline_remarks) w.Keyword(" COMMENT=").Literal(*c.remarks);
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
  // With add_columns_in_one_alter, every "ADD c ..." goes into one ALTER
  // TABLE and the constraint statements follow it; else each column is its
  // own ALTER TABLE followed by its constraints.
  std::vector<std::string> adds;
  std::vector<Statement> constraints;
  auto flush = [&] {
    if (adds.empty()) return Status::Ok();
    SqlWriter w = r.W();
    STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
    for (size_t i = 0; i < adds.size(); ++i) w.Keyword(i ? ", " : "").Keyword(adds[i]);
    // Liquibase ends an inline COMMENT with a blank, kept between columns.
    std::string sql = w.Take();
    while (sql.ends_with(' ')) sql.pop_back();
    r.out.push_back({std::move(sql)});
    for (Statement& st : constraints) r.out.push_back(std::move(st));
    adds.clear();
    constraints.clear();
    return Status::Ok();
  };
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
    w.Keyword("ADD ").Ident(*col.name).Keyword(" ").Type(*col.type, ai);
    if (ai) Renderer::IdentityOptions(w, col);
    STRATA_RETURN_IF_ERROR(r.Default(w, col));
    // With a value, NOT NULL waits until the rows are updated (PostgreSQL);
    // SQLite has a default to satisfy it (checked above).
    if (is_pk || (not_null && (!has_value || !d.alter_column_nullability)))
      w.Keyword(" NOT NULL");
    else if (d.explicit_null) w.Keyword(" NULL");
    if (is_pk) w.Keyword(" PRIMARY KEY");
    if (col.remarks && d.inline_remarks) {
      r.InlineRemarks(w, col.remarks);
      w.Keyword(" ");
    }
    adds.push_back(w.Take());
    if (unique) {
      SqlWriter u = r.W();
      STRATA_RETURN_IF_ERROR(r.AlterTable(u, c.schema_name, c.table_name));
      u.Keyword("ADD ");
      if (k->unique_constraint_name)
        u.Keyword("CONSTRAINT ").Ident(*k->unique_constraint_name).Keyword(" ");
      u.Keyword("UNIQUE (").Ident(*col.name).Keyword(")");
      constraints.push_back({u.Take()});
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
      STRATA_RETURN_IF_ERROR(r.Deferrable(f, k->deferrable, k->initially_deferred));
      constraints.push_back({f.Take()});
    }
    if (!d.add_columns_in_one_alter) STRATA_RETURN_IF_ERROR(flush());
  }
  STRATA_RETURN_IF_ERROR(flush());
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
      if (d.modify_column_restates_type) {
        w.Keyword("MODIFY ").Ident(*col.name).Keyword(" ").Type(*col.type).Keyword(" NOT NULL");
      } else {
        w.Keyword("ALTER COLUMN  ").Ident(*col.name).Keyword(" SET NOT NULL");
      }
      r.Emit(w);
    }
  }
  return Status::Ok();
}

// True when `expr` names `name` as an identifier (bare or quoted).
bool MentionsName(std::string_view expr, std::string_view name) {
  size_t i = 0;
  while (i < expr.size()) {
    char ch = expr[i];
    if (ch == '\'') {  // a string literal: skip it
      for (++i; i < expr.size(); ++i)
        if (expr[i] == '\'' && !(i + 1 < expr.size() && expr[i + 1] == '\'' && ++i)) break;
      ++i;
      continue;
    }
    if (ch == '"' || ch == '`' || ch == '[') {
      char close = ch == '[' ? ']' : ch;
      size_t end = expr.find(close, i + 1);
      if (end == std::string_view::npos) end = expr.size();
      if (SameName(expr.substr(i + 1, end - i - 1), name)) return true;
      i = end + 1;
      continue;
    }
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_') {
      size_t start = i;
      while (i < expr.size() &&
             (std::isalnum(static_cast<unsigned char>(expr[i])) || expr[i] == '_' || expr[i] == '$'))
        ++i;
      if (SameName(expr.substr(start, i - start), name)) return true;
      continue;
    }
    ++i;
  }
  return false;
}

bool Contains(const std::vector<std::string>& names, std::string_view name) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return SameName(n, name); });
}

// SQLite's ALTER TABLE DROP COLUMN refuses a column that is part of the
// primary key, a UNIQUE or FOREIGN KEY constraint, an index or a CHECK:
// such columns are dropped by a rebuild that drops those with them, as
// PostgreSQL's DROP COLUMN does. `add` (mergeColumns) is a column added by
// an earlier statement of the same change. Without the table in the
// catalog, the native statement is written and the engine decides.
Status DropColumns(Renderer& r, const OptString& schema, const OptString& table,
                   const std::vector<std::string>& names,
                   const std::optional<CatalogColumn>& add, bool* rebuilt) {
  *rebuilt = false;
  if (!r.d().rebuilds_tables || !r.catalog()) return Status::Ok();
  STRATA_RETURN_IF_ERROR(r.Require(table, "tableName"));
  OptString s;
  STRATA_RETURN_IF_ERROR(r.Schema(schema, &s));
  Result<TableDefinition> t = r.catalog()->Table(s, *table);
  if (!t.ok()) return Status::Ok();
  bool needed = false;
  for (const std::string& n : names) {
    const CatalogColumn* col = t->Column(n);
    if (!col) continue;
    needed = needed || col->primary_key > 0;
    for (const CatalogUnique& u : t->uniques) needed = needed || Contains(u.columns, n);
    for (const CatalogForeignKey& k : t->foreign_keys) needed = needed || Contains(k.columns, n);
    for (const CatalogIndex& i : t->indexes) needed = needed || Contains(i.columns, n);
    for (const CatalogCheck& k : t->checks) needed = needed || MentionsName(k.expression_sql, n);
  }
  if (!needed) return Status::Ok();
  *rebuilt = true;
  return r.Rebuild(
      schema, table, "",
      [&](TableDefinition& d) -> Status {
        for (const std::string& n : names) {
          if (!d.Column(n)) return r.Invalid("table '" + d.name + "' has no column '" + n + "'");
          if (d.Column(n)->primary_key > 0) {
            for (CatalogColumn& col : d.columns) {
              col.primary_key = 0;
              col.autoincrement = false;
            }
            d.primary_key_name.reset();
          }
          std::erase_if(d.columns, [&](const CatalogColumn& col) { return SameName(col.name, n); });
          std::erase_if(d.uniques, [&](const CatalogUnique& u) { return Contains(u.columns, n); });
          std::erase_if(d.foreign_keys,
                        [&](const CatalogForeignKey& k) { return Contains(k.columns, n); });
          std::erase_if(d.indexes, [&](const CatalogIndex& i) { return Contains(i.columns, n); });
          std::erase_if(d.checks,
                        [&](const CatalogCheck& k) { return MentionsName(k.expression_sql, n); });
        }
        return Status::Ok();
      },
      [&](TableDefinition& d) -> Status {
        if (add) d.columns.push_back(*add);
        return Status::Ok();
      });
}

Status Render(Renderer& r, const DropColumn& c) {
  std::vector<std::string> names;
  if (c.column_name) names.push_back(*c.column_name);
  for (const ColumnConfig& col : c.columns)
    if (col.name) names.push_back(*col.name);
  if (names.empty()) return r.Invalid("columnName or columns is required");
  bool rebuilt = false;
  STRATA_RETURN_IF_ERROR(
      DropColumns(r, c.schema_name, c.table_name, names, std::nullopt, &rebuilt));
  if (rebuilt) return Status::Ok();
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
  if (r.d().modify_column_restates_type) {
    STRATA_RETURN_IF_ERROR(r.Require(c.column_data_type, "columnDataType"));
    w.Keyword("CHANGE ").Ident(*c.old_column_name).Keyword(" ").Ident(*c.new_column_name)
        .Keyword(" ").Type(*c.column_data_type);
  } else {
    w.Keyword("RENAME COLUMN ").Ident(*c.old_column_name).Keyword(" TO ").Ident(*c.new_column_name);
  }
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const RenameTable& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.new_table_name, "newTableName"));
  SqlWriter w = r.W();
  w.Keyword("ALTER TABLE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.old_table_name, "oldTableName"));
  if (r.d().rename_table_qualified) {
    w.Keyword(" RENAME ");
    STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.new_table_name, "newTableName"));
  } else {
    w.Keyword(" RENAME TO ").Ident(*c.new_table_name);
  }
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
  if (r.d().drop_index_on_table) {
    w.Keyword(" ON ");
    STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  }
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const AddForeignKeyConstraint& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.constraint_name, "constraintName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.base_column_names, "baseColumnNames"));
  STRATA_RETURN_IF_ERROR(r.Require(c.referenced_column_names, "referencedColumnNames"));
  STRATA_RETURN_IF_ERROR(r.Require(c.referenced_table_name, "referencedTableName"));
  if (!r.d().alter_add_constraint) {
    OptString ref_schema;
    STRATA_RETURN_IF_ERROR(r.Schema(c.referenced_table_schema_name, &ref_schema));
    return r.Rebuild(
        c.base_table_schema_name, c.base_table_name,
        "ALTER TABLE cannot add constraints; declare the foreign key in "
        "createTable (references/foreignKeyName)",
        [&](TableDefinition& t) -> Status {
          CatalogForeignKey k;
          k.name = c.constraint_name;
          k.columns = SplitList(*c.base_column_names);
          for (const std::string& col : k.columns)
            if (!t.Column(col))
              return r.Invalid("table '" + t.name + "' has no column '" + col + "'");
          k.referenced_table = *c.referenced_table_name;
          k.referenced_columns = SplitList(*c.referenced_column_names);
          auto action = [&](const OptString& v, std::string* out) -> Status {
            if (!v) return Status::Ok();
            std::string a = Upper(Trim(*v));
            for (std::string_view ok : {"CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"})
              if (a == ok) {
                *out = a;
                return Status::Ok();
              }
            return r.Invalid("'" + *v + "' is not a foreign-key action");
          };
          STRATA_RETURN_IF_ERROR(action(c.on_update, &k.on_update));
          STRATA_RETURN_IF_ERROR(action(c.on_delete, &k.on_delete));
          if (!c.on_delete && IsTrue(c.delete_cascade)) k.on_delete = "CASCADE";
          k.deferrable = IsTrue(c.deferrable);
          k.initially_deferred = IsTrue(c.initially_deferred);
          for (const CatalogForeignKey& e : t.foreign_keys)
            if (e.name && SameName(*e.name, *c.constraint_name))
              return r.Invalid("table '" + t.name + "' already has a foreign key named '" +
                               *c.constraint_name + "'");
          t.foreign_keys.push_back(std::move(k));
          return Status::Ok();
        });
  }
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
  STRATA_RETURN_IF_ERROR(r.Deferrable(w, c.deferrable, c.initially_deferred));
  if (c.validate && !*c.validate) w.Keyword(" NOT VALID");
  r.Emit(w);
  return Status::Ok();
}

Status DropConstraint(Renderer& r, const OptString& schema, const OptString& table,
                      const OptString& constraint,
                      std::string_view drop = "DROP CONSTRAINT ") {
  if (!r.d().alter_drop_constraint)
    return r.Unsupported(
        "ALTER TABLE cannot drop constraints; the table would have to be rebuilt");
  STRATA_RETURN_IF_ERROR(r.Require(constraint, "constraintName"));
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, schema, table));
  w.Keyword(drop).Ident(*constraint);
  r.Emit(w);
  return Status::Ok();
}

// Removes the constraint named `name` from `list`; an error when none is.
template <typename T>
Status RemoveNamed(Renderer& r, std::vector<T>* list, const OptString& name,
                   std::string_view what, const std::string& table) {
  STRATA_RETURN_IF_ERROR(r.Require(name, "constraintName"));
  auto it = std::find_if(list->begin(), list->end(), [&](const T& k) {
    return k.name && SameName(*k.name, *name);
  });
  if (it == list->end())
    return r.Invalid("table '" + table + "' has no " + std::string(what) + " named '" +
                     *name + "'");
  list->erase(it);
  return Status::Ok();
}

Status Render(Renderer& r, const DropForeignKeyConstraint& c) {
  if (!r.d().alter_drop_constraint)
    return r.Rebuild(c.base_table_schema_name, c.base_table_name, "",
                     [&](TableDefinition& t) {
                       return RemoveNamed(r, &t.foreign_keys, c.constraint_name,
                                          "foreign key", t.name);
                     });
  return DropConstraint(r, c.base_table_schema_name, c.base_table_name, c.constraint_name,
                        r.d().drop_foreign_key);
}

Status Render(Renderer& r, const AddUniqueConstraint& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.column_names, "columnNames"));
  const bool for_index = c.for_index_name && !c.for_index_name->empty();
  // Checked before the rebuild so that no engine drops the index silently.
  if (for_index && !r.d().unique_using_index)
    return r.Unsupported("forIndexName: the engine cannot make a unique constraint of an "
                         "existing index");
  if (!r.d().alter_add_constraint)
    return r.Rebuild(
        c.schema_name, c.table_name,
        "ALTER TABLE cannot add constraints; declare the column unique in "
        "createTable or use createIndex with unique: true",
        [&](TableDefinition& t) -> Status {
          CatalogUnique u;
          if (c.constraint_name && !c.constraint_name->empty()) u.name = c.constraint_name;
          u.columns = SplitList(*c.column_names);
          for (const std::string& col : u.columns)
            if (!t.Column(col))
              return r.Invalid("table '" + t.name + "' has no column '" + col + "'");
          t.uniques.push_back(std::move(u));
          return Status::Ok();
        });
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  w.Keyword("ADD ");
  if (c.constraint_name && !c.constraint_name->empty())
    w.Keyword("CONSTRAINT ").Ident(*c.constraint_name).Keyword(" ");
  if (for_index) {
    // The index's columns are the constraint's; PostgreSQL takes no list.
    w.Keyword("UNIQUE USING INDEX ").Ident(*c.for_index_name);
  } else {
    w.Keyword("UNIQUE (");
    Renderer::IdentList(w, *c.column_names);
    w.Keyword(")");
  }
  // Without deferred constraints Liquibase leaves both out, as here.
  if (r.d().supports_deferrable) {
    if (IsTrue(c.deferrable)) w.Keyword(" DEFERRABLE");
    if (IsTrue(c.initially_deferred)) w.Keyword(" INITIALLY DEFERRED");
  }
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const DropUniqueConstraint& c) {
  if (!r.d().alter_drop_constraint)
    return r.Rebuild(c.schema_name, c.table_name, "", [&](TableDefinition& t) {
      return RemoveNamed(r, &t.uniques, c.constraint_name, "unique constraint", t.name);
    });
  return DropConstraint(r, c.schema_name, c.table_name, c.constraint_name,
                        r.d().drop_unique_constraint);
}

Status Render(Renderer& r, const AddNotNullConstraint& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  const bool rebuild = !r.d().alter_column_nullability;
  if (rebuild && !r.d().rebuilds_tables)
    return r.Unsupported(
        "ALTER TABLE cannot change a column's nullability; declare nullable: "
        "false in createTable");
  if (c.default_null_value) {
    SqlWriter u = r.W();
    u.Keyword("UPDATE ");
    STRATA_RETURN_IF_ERROR(r.Qualified(u, c.schema_name, c.table_name, "tableName"));
    u.Keyword(" SET ").Ident(*c.column_name).Keyword(" = ");
    STRATA_RETURN_IF_ERROR(r.TextAsType(u, *c.default_null_value, c.column_data_type,
                                        "defaultNullValue"));
    u.Keyword(" WHERE ").Ident(*c.column_name).Keyword(" IS NULL");
    r.Emit(u);
  }
  if (rebuild)
    return r.Rebuild(c.schema_name, c.table_name, "", [&](TableDefinition& t) -> Status {
      Result<CatalogColumn*> col = r.ColumnOf(t, *c.column_name);
      if (!col.ok()) return col.status();
      (*col)->not_null = true;
      return Status::Ok();
    });
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  if (r.d().modify_column_restates_type) {
    STRATA_RETURN_IF_ERROR(r.Require(c.column_data_type, "columnDataType"));
    w.Keyword("MODIFY ").Ident(*c.column_name).Keyword(" ").Type(*c.column_data_type)
        .Keyword(" NOT NULL");
  } else {
    w.Keyword("ALTER COLUMN  ").Ident(*c.column_name).Keyword(" SET NOT NULL");
  }
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const DropNotNullConstraint& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  if (!r.d().alter_column_nullability)
    return r.Rebuild(c.schema_name, c.table_name,
                     "ALTER TABLE cannot change a column's nullability",
                     [&](TableDefinition& t) -> Status {
                       Result<CatalogColumn*> col = r.ColumnOf(t, *c.column_name);
                       if (!col.ok()) return col.status();
                       (*col)->not_null = false;
                       return Status::Ok();
                     });
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  if (r.d().modify_column_restates_type) {
    STRATA_RETURN_IF_ERROR(r.Require(c.column_data_type, "columnDataType"));
    w.Keyword("MODIFY ").Ident(*c.column_name).Keyword(" ").Type(*c.column_data_type)
        .Keyword(" NULL");
  } else {
    w.Keyword("ALTER COLUMN  ").Ident(*c.column_name).Keyword(" DROP NOT NULL");
  }
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const AddDefaultValue& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  if (!r.d().alter_column_default) {
    SqlWriter v = r.W();
    if (c.default_value) {
      v.Literal(*c.default_value);
    } else if (c.default_value_numeric) {
      v.Number(*c.default_value_numeric);
    } else if (c.default_value_boolean) {
      r.Bool(v, *c.default_value_boolean);
    } else if (c.default_value_computed) {
      r.Computed(v, *c.default_value_computed);
    } else if (c.default_value_date) {
      r.Date(v, *c.default_value_date);
    } else if (c.default_value_sequence_next) {
      STRATA_RETURN_IF_ERROR(r.SequenceNext(v, *c.default_value_sequence_next));
    } else {
      v.Keyword("NULL");
    }
    std::string value = v.Take();
    return r.Rebuild(c.schema_name, c.table_name,
                     "ALTER TABLE cannot change a column's default; declare the "
                     "default in createTable or addColumn",
                     [&](TableDefinition& t) -> Status {
                       Result<CatalogColumn*> col = r.ColumnOf(t, *c.column_name);
                       if (!col.ok()) return col.status();
                       (*col)->default_sql = value;
                       return Status::Ok();
                     });
  }
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  w.Keyword(r.d().set_default_prefix).Ident(*c.column_name).Keyword(" SET DEFAULT ");
  if (c.default_value) {
    w.Literal(*c.default_value);
  } else if (c.default_value_numeric) {
    w.Number(*c.default_value_numeric);
  } else if (c.default_value_boolean) {
    r.Bool(w, *c.default_value_boolean);
  } else if (c.default_value_computed && r.d().parenthesize_computed_default) {
    w.Keyword("(").RawSql(Trim(*c.default_value_computed)).Keyword(")");
  } else if (c.default_value_computed) {
    r.Computed(w, *c.default_value_computed);
  } else if (c.default_value_date) {
    r.Date(w, *c.default_value_date);
  } else if (c.default_value_sequence_next) {
    STRATA_RETURN_IF_ERROR(r.SequenceNext(w, *c.default_value_sequence_next));
    r.Emit(w);
    // NEXT VALUE FOR sequences have no owner column.
    if (r.d().next_value_for) return Status::Ok();
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
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  if (!r.d().alter_column_default)
    return r.Rebuild(c.schema_name, c.table_name,
                     "ALTER TABLE cannot change a column's default",
                     [&](TableDefinition& t) -> Status {
                       Result<CatalogColumn*> col = r.ColumnOf(t, *c.column_name);
                       if (!col.ok()) return col.status();
                       (*col)->default_sql.reset();
                       return Status::Ok();
                     });
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  w.Keyword(r.d().drop_default_prefix).Ident(*c.column_name).Keyword(" DROP DEFAULT");
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
  STRATA_RETURN_IF_ERROR(r.Where(w, c.where, c.where_params));
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const Delete& c) {
  SqlWriter w = r.W();
  w.Keyword("DELETE FROM ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  STRATA_RETURN_IF_ERROR(r.Where(w, c.where, c.where_params));
  r.Emit(w);
  return Status::Ok();
}

// Recorded in the history table by the plan; no SQL of its own.
Status Render(Renderer&, const TagDatabase&) { return Status::Ok(); }
Status Render(Renderer&, const Empty&) { return Status::Ok(); }

// ---- Sequences, keys, lookups ---------------------------------------------

// A type written as the user spelled it (sequence AS types), checked to be a
// type name.
Status RawType(Renderer& r, SqlWriter& w, const std::string& type) {
  if (!IsValidTypeName(type))
    return r.Invalid("'" + type + "' is not a type name");
  w.RawSql(type);
  return Status::Ok();
}

Status Render(Renderer& r, const AddAutoIncrement& c) {
  if (r.d().modify_column_restates_type) {  // MySQL: MODIFY c type AUTO_INCREMENT
    STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
    STRATA_RETURN_IF_ERROR(r.Require(c.column_data_type, "columnDataType"));
    SqlWriter w = r.W();
    STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
    w.Keyword("MODIFY ").Ident(*c.column_name).Keyword(" ").Type(*c.column_data_type, true);
    r.Emit(w);
    if (c.start_with) {
      SqlWriter s = r.W();
      STRATA_RETURN_IF_ERROR(r.AlterTable(s, c.schema_name, c.table_name));
      s.Keyword("AUTO_INCREMENT=").Number(c.start_with->text);
      r.Emit(s);
    }
    return Status::Ok();
  }
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  if (!r.d().supports_sequences || !r.d().alter_column_default) {
    // SQLite: the column becomes INTEGER PRIMARY KEY AUTOINCREMENT, which
    // needs it to be the table's only primary-key column already.
    if (c.increment_by && c.increment_by->text != "1")
      return r.Unsupported("AUTOINCREMENT always increments by 1");
    STRATA_RETURN_IF_ERROR(r.Rebuild(
        c.schema_name, c.table_name,
        "a column cannot be made auto-increment after the table exists; "
        "declare it autoIncrement in createTable (INTEGER PRIMARY KEY "
        "AUTOINCREMENT)",
        [&](TableDefinition& t) -> Status {
          Result<CatalogColumn*> col = r.ColumnOf(t, *c.column_name);
          if (!col.ok()) return col.status();
          int keys = 0;
          for (const CatalogColumn& k : t.columns) keys += k.primary_key > 0;
          if ((*col)->primary_key == 0 || keys != 1)
            return r.Unsupported("autoIncrement column '" + *c.column_name +
                                 "' must be the table's only primary-key column "
                                 "(INTEGER PRIMARY KEY AUTOINCREMENT); add the "
                                 "primary key first");
          (*col)->type = MapType(r.d(), "int");
          (*col)->autoincrement = true;
          return Status::Ok();
        }));
    if (c.start_with) {
      // The next id is startWith unless the table already holds larger ones.
      SqlWriter del = r.W();
      del.Keyword("DELETE FROM sqlite_sequence WHERE name = ").Literal(*c.table_name);
      r.Emit(del);
      SqlWriter ins = r.W();
      ins.Keyword("INSERT INTO sqlite_sequence (name, seq) SELECT ")
          .Literal(*c.table_name).Keyword(", max(").Number(c.start_with->text)
          .Keyword(" - 1, coalesce(max(").Ident(*c.column_name).Keyword("), 0)) FROM ")
          .Ident(*c.table_name);
      r.Emit(ins);
    }
    return Status::Ok();
  }
  STRATA_RETURN_IF_ERROR(r.Require(c.table_name, "tableName"));
  OptString schema;
  STRATA_RETURN_IF_ERROR(r.Schema(c.schema_name, &schema));
  std::string seq = *c.table_name + "_" + *c.column_name + "_seq";
  SqlWriter cs = r.W();
  cs.Keyword("CREATE SEQUENCE  IF NOT EXISTS ").Name(schema, seq);
  if (c.start_with) cs.Keyword(" START WITH ").Number(c.start_with->text);
  if (c.increment_by) cs.Keyword(" INCREMENT BY ").Number(c.increment_by->text);
  r.Emit(cs);
  SqlWriter nn = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(nn, c.schema_name, c.table_name));
  nn.Keyword("ALTER COLUMN  ").Ident(*c.column_name).Keyword(" SET NOT NULL");
  r.Emit(nn);
  SqlWriter name = r.W();
  name.Name(schema, seq);
  SqlWriter def = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(def, c.schema_name, c.table_name));
  def.Keyword("ALTER COLUMN  ").Ident(*c.column_name).Keyword(" SET DEFAULT nextval(")
      .Literal(name.str()).Keyword(")");
  r.Emit(def);
  SqlWriter own = r.W();
  own.Keyword("ALTER SEQUENCE ").Name(schema, seq).Keyword(" OWNED BY ");
  STRATA_RETURN_IF_ERROR(r.Qualified(own, c.schema_name, c.table_name, "tableName"));
  own.Keyword(".").Ident(*c.column_name);
  r.Emit(own);
  return Status::Ok();
}

Status Render(Renderer& r, const AddLookupTable& c) {
  if (!r.d().alter_add_constraint || !r.d().alter_column_nullability)
    return r.Unsupported(
        "ALTER TABLE cannot add the lookup table's primary key and foreign "
        "key; create the table with createTable and load it with sql");
  STRATA_RETURN_IF_ERROR(r.Require(c.existing_column_name, "existingColumnName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.new_column_name, "newColumnName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.new_table_name, "newTableName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.existing_table_name, "existingTableName"));
  SqlWriter ct = r.W();
  ct.Keyword("CREATE TABLE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(ct, c.new_table_schema_name, c.new_table_name, "newTableName"));
  ct.Keyword(" AS SELECT DISTINCT ").Ident(*c.existing_column_name).Keyword(" AS ")
      .Ident(*c.new_column_name).Keyword(" FROM ");
  STRATA_RETURN_IF_ERROR(r.Qualified(ct, c.existing_table_schema_name, c.existing_table_name,
                                     "existingTableName"));
  ct.Keyword(" WHERE ").Ident(*c.existing_column_name).Keyword(" IS NOT NULL");
  r.Emit(ct);
  SqlWriter nn = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(nn, c.new_table_schema_name, c.new_table_name));
  if (r.d().modify_column_restates_type) {
    STRATA_RETURN_IF_ERROR(r.Require(c.new_column_data_type, "newColumnDataType"));
    if (!IsValidTypeName(*c.new_column_data_type))
      return r.Invalid("newColumnDataType '" + *c.new_column_data_type + "' is not a type name");
    nn.Keyword("MODIFY ").Ident(*c.new_column_name).Keyword(" ")
        .Type(*c.new_column_data_type).Keyword(" NOT NULL");
  } else {
    nn.Keyword("ALTER COLUMN  ").Ident(*c.new_column_name).Keyword(" SET NOT NULL");
  }
  r.Emit(nn);
  SqlWriter pk = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(pk, c.new_table_schema_name, c.new_table_name));
  pk.Keyword("ADD PRIMARY KEY (").Ident(*c.new_column_name).Keyword(")");
  r.Emit(pk);
  SqlWriter fk = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(fk, c.existing_table_schema_name, c.existing_table_name));
  fk.Keyword("ADD CONSTRAINT ").Ident(c.FinalConstraintName()).Keyword(" FOREIGN KEY (")
      .Ident(*c.existing_column_name).Keyword(") REFERENCES ");
  STRATA_RETURN_IF_ERROR(r.Qualified(fk, c.new_table_schema_name, c.new_table_name, "newTableName"));
  fk.Keyword(" (").Ident(*c.new_column_name).Keyword(")");
  r.Emit(fk);
  return Status::Ok();
}

Status Render(Renderer& r, const AddPrimaryKey& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.column_names, "columnNames"));
  if (!r.d().alter_add_constraint)
    return r.Rebuild(
        c.schema_name, c.table_name,
        "ALTER TABLE cannot add a primary key; declare primaryKey: true in createTable",
        [&](TableDefinition& t) -> Status {
          if (t.HasPrimaryKey())
            return r.Invalid("table '" + t.name + "' already has a primary key");
          int position = 0;
          for (const std::string& name : SplitList(*c.column_names)) {
            Result<CatalogColumn*> col = r.ColumnOf(t, name);
            if (!col.ok()) return col.status();
            (*col)->primary_key = ++position;
            (*col)->not_null = true;  // as createTable declares key columns
          }
          t.primary_key_name.reset();
          if (c.constraint_name && !c.constraint_name->empty())
            t.primary_key_name = c.constraint_name;
          return Status::Ok();
        });
  // MySQL's primary key is always named PRIMARY.
  bool named = c.constraint_name && !c.constraint_name->empty() &&
               !r.d().drop_primary_key_unnamed;
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  w.Keyword("ADD ");
  if (named) w.Keyword("CONSTRAINT ").Ident(*c.constraint_name).Keyword(" ");
  w.Keyword("PRIMARY KEY (");
  Renderer::IdentList(w, *c.column_names);
  w.Keyword(")");
  if (c.tablespace && !c.tablespace->empty())
    w.Keyword(" USING INDEX TABLESPACE ").Ident(*c.tablespace);
  r.Emit(w);
  if (IsTrue(c.clustered) && named) {
    SqlWriter cl = r.W();
    cl.Keyword("CLUSTER ");
    STRATA_RETURN_IF_ERROR(r.Qualified(cl, c.schema_name, c.table_name, "tableName"));
    cl.Keyword(" USING ").Ident(*c.constraint_name);
    r.Emit(cl);
  }
  return Status::Ok();
}

// Without constraintName, Liquibase looks the primary key's name up when
// the statement runs; the block below is its text. With no schema known,
// the table's schema is the session's current one.
Status Render(Renderer& r, const DropPrimaryKey& c) {
  if (!r.d().alter_drop_constraint)
    return r.Rebuild(
        c.schema_name, c.table_name,
        "ALTER TABLE cannot drop a primary key; the table would have to be rebuilt",
        [&](TableDefinition& t) -> Status {
          if (!t.HasPrimaryKey())
            return r.Invalid("table '" + t.name + "' has no primary key");
          if (c.constraint_name && !c.constraint_name->empty() && t.primary_key_name &&
              !SameName(*c.constraint_name, *t.primary_key_name))
            return r.Invalid("the primary key of table '" + t.name + "' is named '" +
                             *t.primary_key_name + "', not '" + *c.constraint_name + "'");
          for (CatalogColumn& col : t.columns) {
            col.primary_key = 0;
            col.autoincrement = false;
          }
          t.primary_key_name.reset();
          return Status::Ok();
        });
  if (r.d().drop_primary_key_unnamed) {
    SqlWriter w = r.W();
    STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
    w.Keyword("DROP PRIMARY KEY");
    r.Emit(w);
    return Status::Ok();
  }
  if (c.constraint_name && !c.constraint_name->empty())
    return DropConstraint(r, c.schema_name, c.table_name, c.constraint_name);
  STRATA_RETURN_IF_ERROR(r.Require(c.table_name, "tableName"));
  OptString schema;
  STRATA_RETURN_IF_ERROR(r.Schema(c.schema_name, &schema));
  SqlWriter table = r.W();
  table.Name(schema, *c.table_name);
  SqlWriter w = r.W();
  w.Keyword("DO $$ DECLARE constraint_name varchar;\nBEGIN\n"
            "  SELECT tc.CONSTRAINT_NAME into strict constraint_name\n"
            "    FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc\n"
            "    WHERE CONSTRAINT_TYPE = 'PRIMARY KEY'\n"
            "      AND TABLE_NAME = ")
      .Literal(*c.table_name)
      .Keyword(" AND TABLE_SCHEMA = ");
  if (schema) {
    w.Literal(*schema);
  } else {
    w.Keyword("current_schema()");
  }
  w.Keyword(";\n    EXECUTE ")
      .Literal("alter table " + table.str() + " drop constraint \"")
      .Keyword(" || constraint_name || '\"';\nEND $$");
  r.Emit(w);
  return Status::Ok();
}

// Liquibase finds the foreign keys in a snapshot; Strata looks them up when
// the statement runs, so update-sql shows what will run.
Status Render(Renderer& r, const DropAllForeignKeyConstraints& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.base_table_name, "baseTableName"));
  OptString schema;
  STRATA_RETURN_IF_ERROR(r.Schema(c.base_table_schema_name, &schema));
  if (!r.d().alter_drop_constraint) {
    // SQLite: nothing to do for a table without foreign keys (Liquibase 4.28
    // runs nothing there too), else the table rebuilt without them (where
    // Liquibase fails: it has no SQLite statement to drop one).
    if (r.catalog()) {
      Result<TableDefinition> t = r.catalog()->Table(schema, *c.base_table_name);
      if (t.ok() && t->foreign_keys.empty()) return Status::Ok();
    }
    return r.Rebuild(c.base_table_schema_name, c.base_table_name,
                     "ALTER TABLE cannot drop constraints; the table would have to be rebuilt",
                     [](TableDefinition& t) {
                       t.foreign_keys.clear();
                       return Status::Ok();
                     });
  }
  // With a snapshot of the database (offline:<db>?snapshot=FILE; the only
  // catalog outside SQLite), one DROP per foreign key it lists, as Liquibase
  // writes them from its snapshot.
  if (r.catalog()) {
    Result<TableDefinition> t = r.catalog()->Table(schema, *c.base_table_name);
    if (!t.ok() && t.status().code() != Status::Code::kNotFound) return t.status();
    if (t.ok()) {
      for (const CatalogForeignKey& fk : t->foreign_keys) {
        if (!fk.name) continue;
        DropForeignKeyConstraint drop;
        drop.base_table_catalog_name = c.base_table_catalog_name;
        drop.base_table_schema_name = c.base_table_schema_name;
        drop.base_table_name = c.base_table_name;
        drop.constraint_name = *fk.name;
        drop.loc = c.loc;
        STRATA_RETURN_IF_ERROR(Render(r, drop));
      }
    }
    return Status::Ok();
  }
  if (!r.d().upsert_as_plpgsql_block)
    return r.Unsupported(
        "the table's foreign keys must be known: Strata needs a snapshot "
        "(offline:<db>?snapshot=FILE) to list them");
  SqlWriter table = r.W();
  table.Name(schema, *c.base_table_name);
  SqlWriter w = r.W();
  w.Keyword("DO $$ DECLARE r record;\nBEGIN\n"
            "  FOR r IN SELECT con.conname FROM pg_catalog.pg_constraint con\n"
            "    WHERE con.contype = 'f' AND con.conrelid = ")
      .Literal(table.str())
      .Keyword("::regclass\n  LOOP\n    EXECUTE ")
      .Literal("alter table " + table.str() + " drop constraint ")
      .Keyword(" || quote_ident(r.conname);\n  END LOOP;\nEND $$");
  r.Emit(w);
  return Status::Ok();
}

// RENAME TABLE [schema.]old TO [schema.]new, for views and sequences.
Status RenameTable(Renderer& r, const OptString& schema, const OptString& old_name,
                   const OptString& new_name, std::string_view attr) {
  SqlWriter w = r.W();
  w.Keyword("RENAME TABLE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, schema, old_name, attr));
  w.Keyword(" TO ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, schema, new_name, "new name"));
  r.Emit(w);
  return Status::Ok();
}

// " AS type START WITH ... CYCLE" shared by create/alterSequence.
template <typename S>
Status SequenceOptions(Renderer& r, SqlWriter& w, const S& c, const OptNumeric& start,
                       bool no_cycle) {
  if (c.data_type && !c.data_type->empty()) {
    if (!r.d().sequence_data_type)
      return r.Unsupported("dataType: sequences have no data type here");
    w.Keyword(" AS ");
    STRATA_RETURN_IF_ERROR(RawType(r, w, *c.data_type));
  }
  const bool start_late = r.d().sequence_start_after_bounds;
  if (start && !start_late) w.Keyword(" START WITH ").Number(start->text);
  if (c.increment_by) w.Keyword(" INCREMENT BY ").Number(c.increment_by->text);
  if (c.min_value) w.Keyword(" MINVALUE ").Number(c.min_value->text);
  if (c.max_value) w.Keyword(" MAXVALUE ").Number(c.max_value->text);
  if (start && start_late) w.Keyword(" START WITH ").Number(start->text);
  if (c.cache_size) w.Keyword(" CACHE ").Number(c.cache_size->text);
  if (c.cycle && *c.cycle) w.Keyword(" CYCLE");
  if (c.cycle && !*c.cycle && no_cycle) w.Keyword(r.d().no_cycle);
  return Status::Ok();
}

Status Render(Renderer& r, const CreateSequence& c) {
  if (!r.d().supports_sequences) return r.Skip("the engine has no sequences");
  SqlWriter w = r.W();
  w.Keyword(r.d().create_sequence);
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.sequence_name, "sequenceName"));
  STRATA_RETURN_IF_ERROR(SequenceOptions(r, w, c, c.start_value, false));
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const AlterSequence& c) {
  if (!r.d().supports_sequences) return r.Skip("the engine has no sequences");
  SqlWriter w = r.W();
  w.Keyword("ALTER SEQUENCE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.sequence_name, "sequenceName"));
  STRATA_RETURN_IF_ERROR(SequenceOptions(r, w, c, std::nullopt, true));
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const DropSequence& c) {
  if (!r.d().supports_sequences) return r.Skip("the engine has no sequences");
  SqlWriter w = r.W();
  w.Keyword("DROP SEQUENCE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.sequence_name, "sequenceName"));
  if (r.d().drop_sequence_cascade) w.Keyword(" CASCADE");
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const RenameSequence& c) {
  if (!r.d().supports_sequences) return r.Unsupported("the engine has no sequences");
  STRATA_RETURN_IF_ERROR(r.Require(c.new_sequence_name, "newSequenceName"));
  if (r.d().rename_via_rename_table)
    return RenameTable(r, c.schema_name, c.old_sequence_name, c.new_sequence_name,
                       "oldSequenceName");
  SqlWriter w = r.W();
  w.Keyword("ALTER SEQUENCE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.old_sequence_name, "oldSequenceName"));
  w.Keyword(" RENAME TO ").Ident(*c.new_sequence_name);
  r.Emit(w);
  return Status::Ok();
}

// ---- Procedures, views, columns, remarks ----------------------------------

Status Render(Renderer& r, const CreateProcedure& c) {
  if (!r.DbmsMatches(c.dbms)) return Status::Ok();
  if (!r.d().supports_procedures) return r.Unsupported("the engine has no stored procedures");
  if (IsTrue(c.replace_if_exists))
    return r.Invalid(std::string("replaceIfExists is not allowed on ") +
                     std::string(r.d().name) + " (write CREATE OR REPLACE in the text)");
  if (!c.procedure_text || Trim(*c.procedure_text).empty())
    return r.Invalid("procedureText or path is required");
  SqlWriter w = r.W();
  w.RawSql(Trim(*c.procedure_text));
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const DropProcedure& c) {
  if (!r.d().supports_procedures) return r.Unsupported("the engine has no stored procedures");
  SqlWriter w = r.W();
  w.Keyword("DROP PROCEDURE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.procedure_name, "procedureName"));
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const RenameView& c) {
  if (!r.d().rename_view)
    return r.Unsupported("a view cannot be renamed; drop it and create it again");
  STRATA_RETURN_IF_ERROR(r.Require(c.new_view_name, "newViewName"));
  if (r.d().rename_via_rename_table)
    return RenameTable(r, c.schema_name, c.old_view_name, c.new_view_name, "oldViewName");
  SqlWriter w = r.W();
  w.Keyword("ALTER TABLE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.old_view_name, "oldViewName"));
  w.Keyword(" RENAME TO ").Ident(*c.new_view_name);
  r.Emit(w);
  return Status::Ok();
}

// Liquibase writes 'null' as the separator when joinString is not given;
// Strata does the same so that both tools leave the same data.
Status Render(Renderer& r, const MergeColumns& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.column1_name, "column1Name"));
  STRATA_RETURN_IF_ERROR(r.Require(c.column2_name, "column2Name"));
  STRATA_RETURN_IF_ERROR(r.Require(c.final_column_name, "finalColumnName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.final_column_type, "finalColumnType"));
  if (!IsValidTypeName(*c.final_column_type))
    return r.Invalid("finalColumnType '" + *c.final_column_type + "' is not a type name");
  SqlWriter add = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(add, c.schema_name, c.table_name));
  add.Keyword("ADD ").Ident(*c.final_column_name).Keyword(" ").Type(*c.final_column_type);
  if (r.d().explicit_null) add.Keyword(" NULL");
  r.Emit(add);
  SqlWriter up = r.W();
  up.Keyword("UPDATE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(up, c.schema_name, c.table_name, "tableName"));
  up.Keyword(" SET ").Ident(*c.final_column_name).Keyword(" = ");
  const std::string join = c.join_string.value_or("null");
  if (r.d().concat_ws) {
    up.Keyword("CONCAT_WS(").Literal(join).Keyword(", ").Ident(*c.column1_name)
        .Keyword(", ").Ident(*c.column2_name).Keyword(")");
  } else {
    up.Ident(*c.column1_name).Keyword(" || ").Literal(join).Keyword(" || ")
        .Ident(*c.column2_name);
  }
  r.Emit(up);
  CatalogColumn added;
  added.name = *c.final_column_name;
  added.type = MapType(r.d(), *c.final_column_type);
  bool rebuilt = false;
  STRATA_RETURN_IF_ERROR(DropColumns(r, c.schema_name, c.table_name,
                                     {*c.column1_name, *c.column2_name}, added, &rebuilt));
  if (rebuilt) return Status::Ok();
  for (const std::string* col : {&*c.column1_name, &*c.column2_name}) {
    SqlWriter drop = r.W();
    STRATA_RETURN_IF_ERROR(r.AlterTable(drop, c.schema_name, c.table_name));
    drop.Keyword("DROP COLUMN ").Ident(*col);
    r.Emit(drop);
  }
  return Status::Ok();
}

Status Render(Renderer& r, const ModifyDataType& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.new_data_type, "newDataType"));
  if (!IsValidTypeName(*c.new_data_type))
    return r.Invalid("newDataType '" + *c.new_data_type + "' is not a type name");
  if (!r.d().alter_column_type)
    return r.Rebuild(c.schema_name, c.table_name,
                     "ALTER TABLE cannot change a column's type; the table "
                     "would have to be rebuilt",
                     [&](TableDefinition& t) -> Status {
                       Result<CatalogColumn*> col = r.ColumnOf(t, *c.column_name);
                       if (!col.ok()) return col.status();
                       std::string type = MapType(r.d(), *c.new_data_type);
                       if ((*col)->autoincrement && !SameName(type, "INTEGER"))
                         return r.Unsupported("column '" + *c.column_name +
                                              "' is AUTOINCREMENT and must stay INTEGER");
                       (*col)->type = type;
                       return Status::Ok();
                     });
  SqlWriter w = r.W();
  STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
  if (r.d().modify_column_restates_type) {
    w.Keyword("MODIFY ").Ident(*c.column_name).Keyword(" ").Type(*c.new_data_type);
  } else {
    w.Keyword("ALTER COLUMN ").Ident(*c.column_name).Keyword(" TYPE ").Type(*c.new_data_type)
        .Keyword(" USING (").Ident(*c.column_name).Keyword("::").Type(*c.new_data_type)
        .Keyword(")");
  }
  r.Emit(w);
  return Status::Ok();
}

Status Render(Renderer& r, const SetColumnRemarks& c) {
  if (!r.d().supports_remarks) return r.Unsupported("the engine has no column comments");
  STRATA_RETURN_IF_ERROR(r.Require(c.table_name, "tableName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.column_name, "columnName"));
  if (r.d().inline_remarks) {
    // The column is restated; Liquibase: "columnDataType is required for
    // setColumnRemarks on mysql".
    STRATA_RETURN_IF_ERROR(r.Require(c.column_data_type, "columnDataType"));
    if (!IsValidTypeName(*c.column_data_type))
      return r.Invalid("columnDataType '" + *c.column_data_type + "' is not a type name");
    SqlWriter w = r.W();
    STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
    w.Keyword("MODIFY COLUMN ").Ident(*c.column_name).Keyword(" ").Type(*c.column_data_type)
        .Keyword(" COMMENT ").Literal(c.remarks.value_or(""));
    r.Emit(w);
    return Status::Ok();
  }
  return r.CommentOn("COLUMN", c.schema_name, *c.table_name, &*c.column_name,
                     c.remarks.value_or(""));
}

Status Render(Renderer& r, const SetTableRemarks& c) {
  if (!r.d().supports_remarks) return r.Unsupported("the engine has no table comments");
  STRATA_RETURN_IF_ERROR(r.Require(c.table_name, "tableName"));
  if (r.d().inline_remarks) {
    SqlWriter w = r.W();
    STRATA_RETURN_IF_ERROR(r.AlterTable(w, c.schema_name, c.table_name));
    w.Keyword("COMMENT = ").Literal(c.remarks.value_or(""));
    r.Emit(w);
    return Status::Ok();
  }
  return r.CommentOn("TABLE", c.schema_name, *c.table_name, nullptr,
                     c.remarks.value_or(""));
}

// ---- Data from files --------------------------------------------------------

// The loadData type Liquibase gives a database column type it reads from
// the database: numbers unquoted, dates and date-times normalized, booleans
// as the engine's literal; "" (text) for the rest.
std::string LoadTypeOf(std::string_view sql_type) {
  std::string t = Lower(Trim(sql_type));
  std::string head = t.substr(0, t.find('('));
  while (!head.empty() && head.back() == ' ') head.pop_back();
  static constexpr std::string_view kNumbers[] = {
      "int", "int2", "int4", "int8", "integer", "bigint", "smallint", "tinyint", "mediumint",
      "serial", "serial2", "serial4", "serial8", "bigserial", "smallserial", "numeric",
      "decimal", "number", "float", "float4", "float8", "real", "double", "double precision"};
  for (std::string_view n : kNumbers)
    if (head == n) return "numeric";
  if (head == "bool" || head == "boolean") return "boolean";
  if (head == "date") return "date";
  if (head.starts_with("timestamp") || head == "datetime" || head == "datetime2") return "datetime";
  if (head == "uuid") return "uuid";
  return "";
}

template <typename L>
Result<detail::LoadedTable> ReadCsv(Renderer& r, const L& c) {
  std::function<std::string(std::string_view)> type_of;
  std::optional<TableDefinition> table;
  if (r.catalog() && c.table_name) {
    OptString schema;
    STRATA_RETURN_IF_ERROR(r.Schema(c.schema_name, &schema));
    Result<TableDefinition> t = r.catalog()->Table(schema, *c.table_name);
    if (t.ok()) table = std::move(*t);
  }
  if (table) {
    type_of = [&table](std::string_view column) {
      const CatalogColumn* col = table->Column(column);
      return col ? LoadTypeOf(col->type) : std::string();
    };
  }
  auto t = detail::ReadLoadData(c.content, c.file, c.separator, c.quotchar,
                                c.comment_line_starts_with, c.columns, type_of);
  if (!t.ok()) return r.Invalid(t.status().message());
  return t;
}

// "(a, b, c)"
void ColumnList(SqlWriter& w, const detail::LoadedTable& t) {
  w.Keyword("(");
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) w.Keyword(", ");
    w.Ident(t.columns[i].name);
  }
  w.Keyword(")");
}

void ValueList(SqlWriter& w, const std::vector<detail::LoadValue>& row) {
  w.Keyword("(");
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) w.Keyword(", ");
    detail::WriteLoadValue(w, row[i]);
  }
  w.Keyword(")");
}

Status Render(Renderer& r, const LoadData& c) {
  auto t = ReadCsv(r, c);
  if (!t.ok()) return t.status();
  size_t batch = static_cast<size_t>(std::max(1, r.d().insert_batch_rows));
  for (size_t start = 0; start < t->rows.size(); start += batch) {
    SqlWriter w = r.W();
    w.Keyword("INSERT INTO ");
    STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
    w.Keyword(" ");
    ColumnList(w, *t);
    w.Keyword(" VALUES ");
    for (size_t i = start; i < std::min(t->rows.size(), start + batch); ++i) {
      if (i != start) w.Keyword(",");
      ValueList(w, t->rows[i]);
    }
    r.Emit(w);
  }
  return Status::Ok();
}

Status Render(Renderer& r, const LoadUpdateData& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.primary_key, "primaryKey"));
  auto t = ReadCsv(r, c);
  if (!t.ok()) return t.status();
  std::vector<std::string> pk = detail::SplitNames(*c.primary_key);
  std::vector<size_t> key_index;
  for (const std::string& k : pk) {
    size_t i = 0;
    while (i < t->columns.size() && t->columns[i].name != k) ++i;
    if (i == t->columns.size())
      return r.Invalid("primary key column '" + k + "' is not in " + c.file.value_or(""));
    key_index.push_back(i);
  }
  // UPDATE SET lists the other columns sorted by name, as Liquibase does.
  std::vector<size_t> set_index;
  for (size_t i = 0; i < t->columns.size(); ++i) {
    bool is_key = std::find(key_index.begin(), key_index.end(), i) != key_index.end();
    if (!is_key && t->columns[i].allow_update) set_index.push_back(i);
  }
  std::sort(set_index.begin(), set_index.end(), [&](size_t a, size_t b) {
    return t->columns[a].name < t->columns[b].name;
  });
  const bool only_update = IsTrue(c.only_update);
  for (const auto& row : t->rows) {
    auto where = [&](SqlWriter& w) {
      for (size_t k = 0; k < key_index.size(); ++k) {
        w.Keyword(k ? " AND " : " WHERE ").Ident(t->columns[key_index[k]].name).Keyword(" = ");
        detail::WriteLoadValue(w, row[key_index[k]]);
      }
    };
    auto update = [&](SqlWriter& w) -> Status {
      w.Keyword("UPDATE ");
      STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
      w.Keyword(" SET ");
      for (size_t k = 0; k < set_index.size(); ++k) {
        if (k) w.Keyword(", ");
        w.Ident(t->columns[set_index[k]].name).Keyword(" = ");
        detail::WriteLoadValue(w, row[set_index[k]]);
      }
      where(w);
      return Status::Ok();
    };
    auto insert = [&](SqlWriter& w, std::string_view verb = "INSERT INTO ") -> Status {
      w.Keyword(verb);
      STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
      w.Keyword(" ");
      ColumnList(w, *t);
      w.Keyword(" VALUES ");
      ValueList(w, row);
      return Status::Ok();
    };
    if (set_index.empty() && only_update) continue;
    SqlWriter w = r.W();
    if (r.d().upsert_as_plpgsql_block) {
      SqlWriter body = r.W();
      if (!set_index.empty()) {
        STRATA_RETURN_IF_ERROR(update(body));
        body.Keyword(";\n");
      }
      if (!only_update) {
        if (!set_index.empty()) {
          body.Keyword("IF not found THEN\n");
        } else {
          // Nothing to update: insert unless the key exists.
          body.Keyword("PERFORM 1 FROM ");
          STRATA_RETURN_IF_ERROR(r.Qualified(body, c.schema_name, c.table_name, "tableName"));
          where(body);
          body.Keyword(";\nIF not found THEN\n");
        }
        STRATA_RETURN_IF_ERROR(insert(body));
        body.Keyword(";\nEND IF;\n");
      }
      // $$ quoting unless a value holds "$$".
      std::string tag = "$$";
      for (int n = 1; body.str().find(tag) != std::string::npos; ++n)
        tag = "$strata" + std::to_string(n) + "$";
      w.Keyword("DO\n").Keyword(tag).Keyword("\nBEGIN\n").Keyword(body.str())
          .Keyword("END;\n").Keyword(tag).Keyword("\nLANGUAGE plpgsql");
    } else if (only_update) {
      STRATA_RETURN_IF_ERROR(update(w));
    } else if (r.d().upsert_insert_or_replace) {
      // Liquibase's SQLite upsert: the old row is deleted, the new inserted.
      STRATA_RETURN_IF_ERROR(insert(w, "INSERT OR REPLACE INTO "));
    } else if (r.d().upsert_on_duplicate_key) {
      // MySQL/MariaDB, spelled as Liquibase does: the new values, in file
      // order, "a = 'x',b = 'y'"; with nothing to update the key is set to
      // itself, so an existing row is left alone.
      STRATA_RETURN_IF_ERROR(insert(w));
      w.Keyword("\nON DUPLICATE KEY UPDATE ");
      std::vector<size_t> order = set_index;
      std::sort(order.begin(), order.end());
      if (order.empty()) {
        w.Ident(t->columns[key_index[0]].name).Keyword(" = ").Ident(t->columns[key_index[0]].name);
      }
      for (size_t k = 0; k < order.size(); ++k) {
        if (k) w.Keyword(",");
        w.Ident(t->columns[order[k]].name).Keyword(" = ");
        detail::WriteLoadValue(w, row[order[k]]);
      }
    } else {
      STRATA_RETURN_IF_ERROR(insert(w));
      w.Keyword(" ON CONFLICT (");
      for (size_t k = 0; k < key_index.size(); ++k) {
        if (k) w.Keyword(", ");
        w.Ident(t->columns[key_index[k]].name);
      }
      w.Keyword(")");
      if (set_index.empty()) {
        w.Keyword(" DO NOTHING");
      } else {
        w.Keyword(" DO UPDATE SET ");
        for (size_t k = 0; k < set_index.size(); ++k) {
          if (k) w.Keyword(", ");
          w.Ident(t->columns[set_index[k]].name).Keyword(" = excluded.")
              .Ident(t->columns[set_index[k]].name);
        }
      }
    }
    r.Emit(w);
  }
  return Status::Ok();
}

Status Render(Renderer& r, const SqlFile& c) {
  if (!r.DbmsMatches(c.dbms)) return Status::Ok();
  if (!c.sql) return r.Invalid("the file '" + c.path.value_or("") + "' was not read");
  Sql body;
  body.sql = c.expanded_sql ? c.expanded_sql : c.sql;
  body.end_delimiter = c.end_delimiter;
  body.split_statements = c.split_statements;
  body.strip_comments = c.strip_comments;
  for (const std::string& s : SplitSql(body)) {
    SqlWriter w = r.W();
    w.RawSql(s);
    r.Emit(w);
  }
  return Status::Ok();
}

// ---- Control flow and programs ----------------------------------------------

Status Render(Renderer& r, const Output& c) {
  r.EmitAction(Statement::Kind::kOutput, c.message.value_or(""),
               Upper(c.target.value_or("STDERR")));
  return Status::Ok();
}

Status Render(Renderer& r, const Stop& c) {
  r.EmitAction(Statement::Kind::kStop,
               c.message.value_or(std::string(Stop::kDefaultMessage)));
  return Status::Ok();
}

// The os.name Java reports on this platform, which Liquibase compares with
// executeCommand's `os` list.
std::string_view JavaOsName() {
#if defined(__linux__)
  return "Linux";
#elif defined(__APPLE__)
  return "Mac OS X";
#elif defined(__FreeBSD__)
  return "FreeBSD";
#else
  return "";
#endif
}

// Liquibase's timeout: a whole number followed by s, m or h (seconds when
// there is no unit), spaces allowed around both.
std::optional<int> ParseCommandTimeout(std::string_view text) {
  std::string_view t = Trim(text);
  size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  if (digits == 0 || digits > 9) return std::nullopt;
  long value = std::stol(std::string(t.substr(0, digits)));
  std::string_view unit = Trim(t.substr(digits));
  long scale = 1;
  if (unit.empty() || unit == "s" || unit == "S") scale = 1;
  else if (unit == "m" || unit == "M") scale = 60;
  else if (unit == "h" || unit == "H") scale = 3600;
  else return std::nullopt;
  if (value * scale > 365L * 24 * 3600) return std::nullopt;
  return static_cast<int>(value * scale);
}

// Runs an operating-system command at this point of the changeset. Like
// Liquibase, a command whose `os` list does not name this platform is skipped.
Status Render(Renderer& r, const ExecuteCommand& c) {
  STRATA_RETURN_IF_ERROR(r.Require(c.executable, "executable"));
  if (c.os && !Trim(*c.os).empty()) {
    bool match = false;
    for (const std::string& os : SplitList(*c.os)) match |= os == JavaOsName();
    if (!match) return Status::Ok();
  }
  Statement st;
  st.kind = Statement::Kind::kCommand;
  st.argv.push_back(*c.executable);
  st.sql = *c.executable;
  for (const CommandArg& a : c.args) {
    st.argv.push_back(a.value.value_or(""));
    st.sql += " " + st.argv.back();
  }
  if (c.timeout && !Trim(*c.timeout).empty()) {
    std::optional<int> seconds = ParseCommandTimeout(*c.timeout);
    if (!seconds)
      return r.Invalid("timeout '" + *c.timeout +
                       "' is not a duration such as 30, 30s, 5m or 1h");
    st.timeout_seconds = *seconds;
  }
  r.out.push_back(std::move(st));
  return Status::Ok();
}

Status Render(Renderer& r, const CustomChange&) {
  return r.Unsupported("customChange needs a Java class, which Strata cannot run");
}

// Liquibase Pro change types: src/render/render_pro.cc.
template <ProChange T>
Status Render(Renderer& r, const T& c) {
  render_pro::Context ctx{r.d(), r.default_schema(),
                          [&r](const OptString& dbms) { return r.DbmsMatches(dbms); }};
  return render_pro::Render(c, ctx, &r.out);
}

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
