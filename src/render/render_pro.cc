// The Liquibase Pro change types, rendered the way Liquibase Pro 4.28
// renders them (the harness's expected SQL). What an engine has is read from
// Dialect::pro; an object an engine does not have is an Unsupported error.
#include "render/render_pro.h"

#include <cctype>
#include <string>
#include <string_view>
#include <tuple>

#include "strata/sql_writer.h"
#include "util/strings.h"
#include "util/status_macros.h"

namespace strata::render_pro {
namespace {

using util::Lower;
using util::Trim;

bool IsTrue(const OptBool& b) { return b.value_or(false); }
bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) & 0x80);
}

// One change's rendering: its location and name for messages.
class Pro {
 public:
  template <typename T>
  Pro(const T& c, const Context& ctx, Out* out)
      : ctx_(ctx), out_(out), loc_(c.loc), name_(T::kName) {}

  const Dialect& d() const { return ctx_.dialect; }
  const Dialect::ProObjects& pro() const { return ctx_.dialect.pro; }
  SqlWriter W() const { return SqlWriter(ctx_.dialect); }
  void Emit(SqlWriter& w) { out_->push_back({w.Take()}); }
  void EmitRaw(std::string_view sql) {
    SqlWriter w = W();
    w.RawSql(sql);
    Emit(w);
  }
  bool DbmsMatches(const OptString& dbms) const { return ctx_.dbms_matches(dbms); }

  std::string Prefix() const {
    std::string where = loc_.ToString();
    return where.empty() ? std::string() : where + ": ";
  }
  Status Unsupported(std::string_view why) const {
    return Status::Unsupported(Prefix() + std::string(name_) + " is not supported on " +
                               std::string(d().display_name) + ": " + std::string(why));
  }
  Status Invalid(std::string_view why) const {
    return Status::InvalidInput(Prefix() + std::string(name_) + ": " + std::string(why));
  }
  Status Require(const OptString& v, std::string_view attr) const {
    if (v && !v->empty()) return Status::Ok();
    return Invalid(std::string(attr) + " is required");
  }

  // The schema a name is qualified with: the change's, else the default.
  Status Schema(const OptString& given, OptString* schema) const {
    bool has = given && !given->empty();
    if (!d().supports_schemas) {
      if (has && Lower(*given) != d().implicit_schema)
        return Unsupported("schema-qualified names are not supported (schema '" + *given +
                           "'); only '" + std::string(d().implicit_schema) + "' exists");
      schema->reset();
      return Status::Ok();
    }
    *schema = has ? given : ctx_.default_schema;
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

  // [schema.]name qualified only by a schemaName the change gives, never by
  // the default schema (Liquibase's replaceIfExists drops).
  Status ExplicitlyQualified(SqlWriter& w, const OptString& schema, const OptString& name,
                             std::string_view attr) const {
    if (schema && !schema->empty()) return Qualified(w, schema, name, attr);
    STRATA_RETURN_IF_ERROR(Require(name, attr));
    w.Ident(*name);
    return Status::Ok();
  }

  // " CASCADE" / " RESTRICT" / "" for onCreate, onUpdate, onDelete.
  Status Behavior(SqlWriter& w, const OptString& v, std::string_view attr) const {
    if (!v || Trim(*v).empty()) return Status::Ok();
    std::string b = Lower(Trim(*v));
    if (b == "cascade") {
      w.Keyword(" CASCADE");
    } else if (b == "restrict") {
      w.Keyword(" RESTRICT");
    } else {
      return Invalid(std::string(attr) + " must be CASCADE or RESTRICT (got '" + *v + "')");
    }
    return Status::Ok();
  }

  // A composite-type attribute's type as the user wrote it, and COLLATE.
  Status AttributeType(SqlWriter& w, const OptString& type, std::string_view attr,
                       const OptString& collation) const {
    STRATA_RETURN_IF_ERROR(Require(type, attr));
    if (!IsValidTypeName(*type))
      return Invalid(std::string(attr) + " '" + *type + "' is not a type name");
    w.RawSql(*type);
    if (collation && !collation->empty()) w.Keyword(" COLLATE ").QuotedIdent(*collation);
    return Status::Ok();
  }

  // The statement body of stored logic: given, not blank.
  Status Body(const OptString& body, std::string_view attr, std::string_view* text) const {
    if (!body || Trim(*body).empty()) return Invalid(std::string(attr) + " or path is required");
    *text = Trim(*body);
    return Status::Ok();
  }

 private:
  const Context& ctx_;
  Out* out_;
  const SourceLocation& loc_;
  std::string_view name_;
};

// Liquibase Pro on PostgreSQL writes `schema.` before the first `name`
// that follows `keyword` (FUNCTION f -> FUNCTION public.f, ON t -> ON
// public.t) when the text does not qualify it already. Matching is
// case-insensitive and on whole words; the text is otherwise unchanged.
std::string QualifyAfter(std::string_view text, std::string_view keyword,
                         std::string_view name, const OptString& schema,
                         const Dialect& d) {
  if (!schema || schema->empty() || name.empty()) return std::string(text);
  std::string lower = Lower(text);
  std::string kw = Lower(keyword), nm = Lower(name);
  for (size_t at = lower.find(kw); at != std::string::npos; at = lower.find(kw, at + 1)) {
    if (at > 0 && IsIdentChar(lower[at - 1])) continue;
    size_t p = at + kw.size();
    if (p >= lower.size() || !std::isspace(static_cast<unsigned char>(lower[p]))) continue;
    while (p < lower.size() && std::isspace(static_cast<unsigned char>(lower[p]))) ++p;
    if (lower.compare(p, nm.size(), nm) != 0) return std::string(text);
    size_t end = p + nm.size();
    if (end < lower.size() && (IsIdentChar(lower[end]) || lower[end] == '.'))
      return std::string(text);
    SqlWriter w(d);
    w.Ident(*schema);
    std::string out(text.substr(0, p));
    out += w.str();
    out += '.';
    out += text.substr(p);
    return out;
  }
  return std::string(text);
}

// ALTER TABLE [schema.]t  ENABLE|DISABLE TRIGGER x (two spaces, as
// Liquibase Pro writes it).
Status ToggleTrigger(Pro& r, const OptString& schema, const OptString& table,
                     const OptString& trigger, bool enable) {
  if (!r.pro().toggle_triggers)
    return r.Unsupported("the engine cannot enable or disable a trigger");
  SqlWriter w = r.W();
  w.Keyword("ALTER TABLE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, schema, table, "tableName"));
  w.Keyword(enable ? "  ENABLE TRIGGER " : "  DISABLE TRIGGER ");
  STRATA_RETURN_IF_ERROR(r.Require(trigger, "triggerName"));
  w.Ident(*trigger);
  r.Emit(w);
  return Status::Ok();
}

// DROP TRIGGER x ON [schema.]t (PostgreSQL) or DROP TRIGGER [schema.]x;
// `replacing` (createTrigger's replaceIfExists) adds IF EXISTS and
// qualifies x only with an explicit schemaName.
Status DropTriggerSql(Pro& r, const OptString& schema, const OptString& table,
                      const OptString& trigger, bool replacing) {
  bool if_exists = replacing;
  SqlWriter w = r.W();
  w.Keyword(if_exists ? "DROP TRIGGER IF EXISTS " : "DROP TRIGGER ");
  if (r.pro().trigger_on_table) {
    STRATA_RETURN_IF_ERROR(r.Require(trigger, "triggerName"));
    w.Ident(*trigger).Keyword(" ON ");
    STRATA_RETURN_IF_ERROR(r.Qualified(w, schema, table, "tableName"));
  } else {
    STRATA_RETURN_IF_ERROR(replacing ? r.ExplicitlyQualified(w, schema, trigger, "triggerName")
                                     : r.Qualified(w, schema, trigger, "triggerName"));
  }
  r.Emit(w);
  return Status::Ok();
}

template <typename T>
Status CheckConstraintToggle(const T& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  return r.Unsupported("the engine cannot disable or enable a check constraint");
}

template <typename T>
Status CreatePackageSql(const T& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.DbmsMatches(c.dbms)) return Status::Ok();
  if (IsTrue(c.replace_if_exists))
    return r.Invalid("replaceIfExists is not allowed on " + std::string(r.d().name) +
                     " (write CREATE OR REPLACE in the text)");
  std::string_view text;
  STRATA_RETURN_IF_ERROR(r.Body(c.package_text, std::get<3>(T::Fields()).name, &text));
  r.EmitRaw(text);
  return Status::Ok();
}

}  // namespace

// ---- Check constraints ------------------------------------------------------

Status Render(const AddCheckConstraint& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().alter_check_constraints)
    return r.Unsupported("a check constraint cannot be added to an existing table");
  if (IsTrue(c.disabled))
    return r.Unsupported("the engine cannot create a disabled check constraint");
  bool not_valid = c.validate && !*c.validate;
  if (not_valid && !r.pro().check_not_valid)
    return r.Unsupported("validate=\"false\": the engine always checks existing rows");
  std::string_view body;
  if (!c.constraint_body || Trim(*c.constraint_body).empty())
    return r.Invalid("constraintBody is required");
  body = Trim(*c.constraint_body);
  STRATA_RETURN_IF_ERROR(r.Require(c.constraint_name, "constraintName"));
  SqlWriter w = r.W();
  w.Keyword("ALTER TABLE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  w.Keyword(" ADD CONSTRAINT ").Ident(*c.constraint_name).Keyword(" CHECK (");
  w.RawSql(body).Keyword(")");
  if (not_valid) w.Keyword(" NOT VALID");
  r.Emit(w);
  return Status::Ok();
}

Status Render(const DropCheckConstraint& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().alter_check_constraints)
    return r.Unsupported("a check constraint cannot be dropped from an existing table");
  STRATA_RETURN_IF_ERROR(r.Require(c.constraint_name, "constraintName"));
  SqlWriter w = r.W();
  w.Keyword("ALTER TABLE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  w.Keyword(" DROP CONSTRAINT ").Ident(*c.constraint_name);
  r.Emit(w);
  return Status::Ok();
}

Status Render(const EnableCheckConstraint& c, const Context& ctx, Out* out) {
  return CheckConstraintToggle(c, ctx, out);
}

Status Render(const DisableCheckConstraint& c, const Context& ctx, Out* out) {
  return CheckConstraintToggle(c, ctx, out);
}

// ---- Functions --------------------------------------------------------------

Status Render(const CreateFunction& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.DbmsMatches(c.dbms)) return Status::Ok();
  if (!r.pro().functions) return r.Unsupported("the engine has no stored functions");
  std::string_view text;
  STRATA_RETURN_IF_ERROR(r.Body(c.function_body, "functionBody", &text));
  STRATA_RETURN_IF_ERROR(r.Require(c.function_name, "functionName"));
  if (IsTrue(c.replace_if_exists)) {
    // Only a schemaName the change gives qualifies this name, as Liquibase.
    SqlWriter w = r.W();
    w.Keyword("DROP FUNCTION IF EXISTS ");
    STRATA_RETURN_IF_ERROR(r.ExplicitlyQualified(w, c.schema_name, c.function_name,
                                                 "functionName"));
    r.Emit(w);
  }
  if (r.pro().qualify_stored_logic_bodies) {
    OptString schema;
    STRATA_RETURN_IF_ERROR(r.Schema(c.schema_name, &schema));
    r.EmitRaw(QualifyAfter(text, "FUNCTION", *c.function_name, schema, r.d()));
  } else {
    r.EmitRaw(text);
  }
  return Status::Ok();
}

Status Render(const DropFunction& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().functions) return r.Unsupported("the engine has no stored functions");
  SqlWriter w = r.W();
  w.Keyword("DROP FUNCTION ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.function_name, "functionName"));
  r.Emit(w);
  return Status::Ok();
}

// ---- Triggers ---------------------------------------------------------------

Status Render(const CreateTrigger& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.DbmsMatches(c.dbms)) return Status::Ok();
  if (!r.pro().triggers) return r.Unsupported("the engine has no triggers");
  std::string_view text;
  STRATA_RETURN_IF_ERROR(r.Body(c.trigger_body, "triggerBody", &text));
  STRATA_RETURN_IF_ERROR(r.Require(c.trigger_name, "triggerName"));
  bool has_table = c.table_name && !c.table_name->empty();
  if (r.pro().trigger_on_table && !has_table &&
      (IsTrue(c.replace_if_exists) || IsTrue(c.disabled)))
    return r.Invalid("tableName is required on " + std::string(r.d().display_name) +
                     " with replaceIfExists or disabled");
  if (IsTrue(c.disabled) && !r.pro().toggle_triggers)
    return r.Unsupported("the engine cannot create a disabled trigger");
  if (IsTrue(c.replace_if_exists))
    STRATA_RETURN_IF_ERROR(DropTriggerSql(r, c.schema_name, c.table_name, c.trigger_name, true));
  if (r.pro().qualify_stored_logic_bodies && has_table) {
    OptString schema;
    STRATA_RETURN_IF_ERROR(r.Schema(c.schema_name, &schema));
    r.EmitRaw(QualifyAfter(text, "ON", *c.table_name, schema, r.d()));
  } else {
    r.EmitRaw(text);
  }
  if (IsTrue(c.disabled))
    return ToggleTrigger(r, c.schema_name, c.table_name, c.trigger_name, false);
  return Status::Ok();
}

Status Render(const DropTrigger& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().triggers) return r.Unsupported("the engine has no triggers");
  return DropTriggerSql(r, c.schema_name, c.table_name, c.trigger_name, false);
}

Status Render(const EnableTrigger& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  return ToggleTrigger(r, c.schema_name, c.table_name, c.trigger_name, true);
}

Status Render(const DisableTrigger& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  return ToggleTrigger(r, c.schema_name, c.table_name, c.trigger_name, false);
}

Status Render(const RenameTrigger& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().rename_triggers) return r.Unsupported("the engine cannot rename a trigger");
  STRATA_RETURN_IF_ERROR(r.Require(c.old_trigger_name, "oldTriggerName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.new_trigger_name, "newTriggerName"));
  SqlWriter w = r.W();
  w.Keyword("ALTER TRIGGER ").Ident(*c.old_trigger_name).Keyword(" ON ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.table_name, "tableName"));
  w.Keyword(" RENAME TO ").Ident(*c.new_trigger_name);
  r.Emit(w);
  return Status::Ok();
}

// ---- Synonyms and packages --------------------------------------------------

Status Render(const CreateSynonym& c, const Context& ctx, Out* out) {
  return Pro(c, ctx, out).Unsupported("the engine has no synonyms");
}

Status Render(const DropSynonym& c, const Context& ctx, Out* out) {
  return Pro(c, ctx, out).Unsupported("the engine has no synonyms");
}

// Liquibase runs package text as written on every engine (the harness
// expects it on PostgreSQL, MySQL, MariaDB and SQLite alike).
Status Render(const CreatePackage& c, const Context& ctx, Out* out) {
  return CreatePackageSql(c, ctx, out);
}

Status Render(const CreatePackageBody& c, const Context& ctx, Out* out) {
  return CreatePackageSql(c, ctx, out);
}

Status Render(const DropPackage& c, const Context& ctx, Out* out) {
  return Pro(c, ctx, out).Unsupported("the engine has no packages");
}

Status Render(const DropPackageBody& c, const Context& ctx, Out* out) {
  return Pro(c, ctx, out).Unsupported("the engine has no packages");
}

// ---- Composite types --------------------------------------------------------

Status Render(const CreateCompositeType& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().composite_types) return r.Unsupported("the engine has no composite types");
  if (c.type_attributes.empty()) return r.Invalid("typeAttributes is required");
  SqlWriter w = r.W();
  w.Keyword("CREATE TYPE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.type_name, "typeName"));
  w.Keyword(" AS (");
  for (size_t i = 0; i < c.type_attributes.size(); ++i) {
    const TypeAttribute& a = c.type_attributes[i];
    if (i) w.Keyword(", ");
    STRATA_RETURN_IF_ERROR(r.Require(a.name, "typeAttribute name"));
    w.Ident(*a.name).Keyword(" ");
    STRATA_RETURN_IF_ERROR(r.AttributeType(w, a.type, "type", a.collation));
  }
  w.Keyword(")");
  r.Emit(w);
  return Status::Ok();
}

Status Render(const DropCompositeType& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().composite_types) return r.Unsupported("the engine has no composite types");
  SqlWriter w = r.W();
  w.Keyword(IsTrue(c.if_exists) ? "DROP TYPE IF EXISTS " : "DROP TYPE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.type_name, "typeName"));
  STRATA_RETURN_IF_ERROR(r.Behavior(w, c.on_delete, "onDelete"));
  r.Emit(w);
  return Status::Ok();
}

Status Render(const AlterCompositeTypeAttributes& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().composite_types) return r.Unsupported("the engine has no composite types");
  if (c.add_attributes.empty() && c.alter_attributes.empty() && c.drop_attributes.empty())
    return r.Invalid("at least one addAttribute, alterAttribute or dropAttribute is required");
  SqlWriter w = r.W();
  w.Keyword("ALTER TYPE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.type_name, "typeName"));
  bool first = true;
  auto sep = [&] {
    w.Keyword(first ? " " : ", ");
    first = false;
  };
  for (const AddTypeAttribute& a : c.add_attributes) {
    sep();
    STRATA_RETURN_IF_ERROR(r.Require(a.name, "addAttribute name"));
    w.Keyword("ADD ATTRIBUTE ").Ident(*a.name).Keyword(" ");
    STRATA_RETURN_IF_ERROR(r.AttributeType(w, a.type, "type", a.collation));
    STRATA_RETURN_IF_ERROR(r.Behavior(w, a.on_create, "onCreate"));
  }
  for (const AlterTypeAttribute& a : c.alter_attributes) {
    sep();
    STRATA_RETURN_IF_ERROR(r.Require(a.name, "alterAttribute name"));
    w.Keyword("ALTER ATTRIBUTE ").Ident(*a.name).Keyword(" SET DATA TYPE ");
    STRATA_RETURN_IF_ERROR(r.AttributeType(w, a.new_type, "newType", a.collation));
    STRATA_RETURN_IF_ERROR(r.Behavior(w, a.on_update, "onUpdate"));
  }
  for (const DropTypeAttribute& a : c.drop_attributes) {
    sep();
    STRATA_RETURN_IF_ERROR(r.Require(a.name, "dropAttribute name"));
    w.Keyword(IsTrue(a.if_exists) ? "DROP ATTRIBUTE IF EXISTS " : "DROP ATTRIBUTE ");
    w.Ident(*a.name);
    STRATA_RETURN_IF_ERROR(r.Behavior(w, a.on_delete, "onDelete"));
  }
  r.Emit(w);
  return Status::Ok();
}

Status Render(const ChangeCompositeTypeOwner& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().composite_types) return r.Unsupported("the engine has no composite types");
  STRATA_RETURN_IF_ERROR(r.Require(c.new_owner, "newOwner"));
  SqlWriter w = r.W();
  w.Keyword("ALTER TYPE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.type_name, "typeName"));
  w.Keyword(" OWNER TO ");
  // PostgreSQL's role specifications are keywords, not role names.
  std::string owner = Lower(Trim(*c.new_owner));
  if (owner == "current_user" || owner == "session_user" || owner == "current_role") {
    for (char& ch : owner) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    w.Keyword(owner);
  } else {
    w.Ident(*c.new_owner);
  }
  r.Emit(w);
  return Status::Ok();
}

Status Render(const RenameCompositeType& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().composite_types) return r.Unsupported("the engine has no composite types");
  STRATA_RETURN_IF_ERROR(r.Require(c.new_type_name, "newTypeName"));
  SqlWriter w = r.W();
  w.Keyword("ALTER TYPE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.old_type_name, "oldTypeName"));
  w.Keyword(" RENAME TO ").Ident(*c.new_type_name);
  r.Emit(w);
  return Status::Ok();
}

Status Render(const RenameCompositeTypeAttribute& c, const Context& ctx, Out* out) {
  Pro r(c, ctx, out);
  if (!r.pro().composite_types) return r.Unsupported("the engine has no composite types");
  STRATA_RETURN_IF_ERROR(r.Require(c.old_attribute_name, "oldAttributeName"));
  STRATA_RETURN_IF_ERROR(r.Require(c.new_attribute_name, "newAttributeName"));
  SqlWriter w = r.W();
  w.Keyword("ALTER TYPE ");
  STRATA_RETURN_IF_ERROR(r.Qualified(w, c.schema_name, c.type_name, "typeName"));
  w.Keyword(" RENAME ATTRIBUTE ").Ident(*c.old_attribute_name).Keyword(" TO ");
  w.Ident(*c.new_attribute_name);
  STRATA_RETURN_IF_ERROR(r.Behavior(w, c.on_update, "onUpdate"));
  r.Emit(w);
  return Status::Ok();
}

}  // namespace strata::render_pro
