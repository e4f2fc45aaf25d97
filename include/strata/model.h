// The typed changeset tree every loader produces and every later stage reads.
//
// Change types are plain structs in one std::variant. Each struct lists its
// Liquibase attributes once, in Fields(): the loader uses the table to accept
// (and reject unknown) attributes, the checksum uses it for Liquibase's
// generic serialization, the description uses it for DESCRIPTION. Every
// attribute the user wrote is kept, even when it does not change the SQL,
// because the Liquibase checksum covers it.
//
// This header has no third-party dependencies.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace strata {

// 1-based position in a changelog file. line == 0 means "no position".
struct SourceLocation {
  std::shared_ptr<const std::string> file;  // path as shown to the user
  int line = 0;
  int column = 0;

  // "file:line:col", "file" or "" depending on what is known.
  std::string ToString() const;
};

// A number exactly as Liquibase's serializer prints it. The loader
// canonicalises: YAML 1.50 (a double) becomes "1.5", XML "1.50" stays "1.50".
struct Numeric {
  std::string text;
  bool operator==(const Numeric& o) const { return text == o.text; }
};

// Field flags.
enum : unsigned {
  kRequired = 1u << 0,    // loader reports a missing attribute
  kNoChecksum = 1u << 1,  // excluded from Liquibase's v9 generic serialization
  kBody = 1u << 2,        // may be given as the element's text body
  // A list Liquibase leaves null until one is given: when empty it is left
  // out of the v9 serialization instead of printed as `name=[]`.
  kNullWhenEmpty = 1u << 3,
  // Liquibase's whereParams shape: XML wraps the items in an element named
  // after the field (<whereParams><param .../></whereParams>) and the items
  // are `param`, in XML and YAML alike.
  kParamList = 1u << 4,
};

// One attribute of a struct: its Liquibase name, the member and flags.
template <typename Owner, typename T>
struct Field {
  std::string_view name;
  T Owner::*member;
  unsigned flags;
};

template <typename Owner, typename T>
constexpr Field<Owner, T> F(std::string_view name, T Owner::*member,
                            unsigned flags = 0) {
  return {name, member, flags};
}

// Calls fn(field) for every entry in S::Fields().
template <typename S, typename Fn>
constexpr void ForEachField(Fn&& fn) {
  std::apply([&](const auto&... f) { (fn(f), ...); }, S::Fields());
}

// std::optional's interface for a value kept on the heap: a member that is
// rarely set costs a pointer instead of its size. ColumnConfig's
// constraints (504 bytes) and ChangeSet's preconditions (296 bytes) were
// most of the model's memory for a 100,000-changeset changelog (tools/bench);
// next came ColumnConfig's two dozen optional strings and numbers (40 bytes
// each, nearly all unset), see RareString.
template <typename T>
class HeapOptional {
 public:
  HeapOptional() = default;
  HeapOptional(std::nullopt_t) {}  // NOLINT: as std::optional
  HeapOptional(T value) : p_(std::make_unique<T>(std::move(value))) {}  // NOLINT
  // As std::optional<T> converts, both ways.
  template <typename U>
    requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::decay_t<U>, T> &&
             !std::is_same_v<std::decay_t<U>, HeapOptional> &&
             !std::is_same_v<std::decay_t<U>, std::nullopt_t> &&
             !std::is_same_v<std::decay_t<U>, std::optional<T>>)
  HeapOptional(U&& value)  // NOLINT
      : p_(std::make_unique<T>(std::forward<U>(value))) {}
  HeapOptional(const std::optional<T>& o)  // NOLINT
      : p_(o ? std::make_unique<T>(*o) : nullptr) {}
  HeapOptional(std::optional<T>&& o)  // NOLINT
      : p_(o ? std::make_unique<T>(std::move(*o)) : nullptr) {}
  operator std::optional<T>() const {  // NOLINT
    return p_ ? std::optional<T>(*p_) : std::nullopt;
  }
  HeapOptional(const HeapOptional& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  HeapOptional(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(const HeapOptional& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  HeapOptional& operator=(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(std::nullopt_t) {
    p_.reset();
    return *this;
  }
  template <typename... Args>
  T& emplace(Args&&... args) {
    p_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *p_;
  }
  void reset() { p_.reset(); }
  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return p_ != nullptr; }
  // REQUIRES: has_value().
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }
  template <typename U>
  T value_or(U&& fallback) const {
    return p_ ? *p_ : static_cast<T>(std::forward<U>(fallback));
  }

  friend bool operator==(const HeapOptional& a, const HeapOptional& b) {
    return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
  }
  friend bool operator==(const HeapOptional& a, std::nullopt_t) { return !a.has_value(); }
  friend bool operator==(const HeapOptional& a, const std::optional<T>& b) {
    return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
  }
  // Not std::optional's `o == value` template, which would compare an empty
  // std::optional with an empty HeapOptional as unequal.
  friend bool operator==(const std::optional<T>& a, const HeapOptional& b) { return b == a; }
  template <typename U>
    requires(!std::is_same_v<U, HeapOptional> && !std::is_same_v<U, std::nullopt_t> &&
             !std::is_same_v<U, std::optional<T>> &&
             requires(const T& t, const U& u) { t == u; })
  friend bool operator==(const HeapOptional& a, const U& b) {
    return a.has_value() && *a == b;
  }

 private:
  std::unique_ptr<T> p_;
};

using OptString = std::optional<std::string>;
using OptBool = std::optional<bool>;
using OptNumeric = std::optional<Numeric>;
// For fields that are nearly always unset: 8 bytes instead of 40, and a
// heap block when set. Same interface as OptString / OptNumeric.
using RareString = HeapOptional<std::string>;
using RareNumeric = HeapOptional<Numeric>;
// Field types by what they hold, whichever of the two forms they take.
template <typename T>
inline constexpr bool kIsOptString =
    std::is_same_v<T, OptString> || std::is_same_v<T, RareString>;
template <typename T>
inline constexpr bool kIsOptNumeric =
    std::is_same_v<T, OptNumeric> || std::is_same_v<T, RareNumeric>;

// Liquibase ConstraintsConfig.
struct ConstraintsConfig {
  OptBool nullable;
  OptString not_null_constraint_name;
  OptBool primary_key;
  OptString primary_key_name;
  OptString primary_key_tablespace;
  OptBool unique;
  OptString unique_constraint_name;
  OptString references;
  OptString referenced_table_catalog_name;
  OptString referenced_table_schema_name;
  OptString referenced_table_name;
  OptString referenced_column_names;
  OptString foreign_key_name;
  OptBool delete_cascade;
  OptBool deferrable;
  OptBool initially_deferred;
  OptString check_constraint;
  OptBool validate_nullable;
  OptBool validate_unique;
  OptBool validate_primary_key;
  OptBool validate_foreign_key;
  SourceLocation loc;

  static constexpr auto Fields() {
    using C = ConstraintsConfig;
    return std::make_tuple(
        F("nullable", &C::nullable),
        F("notNullConstraintName", &C::not_null_constraint_name),
        F("primaryKey", &C::primary_key),
        F("primaryKeyName", &C::primary_key_name),
        F("primaryKeyTablespace", &C::primary_key_tablespace),
        F("unique", &C::unique),
        F("uniqueConstraintName", &C::unique_constraint_name),
        F("references", &C::references),
        F("referencedTableCatalogName", &C::referenced_table_catalog_name),
        F("referencedTableSchemaName", &C::referenced_table_schema_name),
        F("referencedTableName", &C::referenced_table_name),
        F("referencedColumnNames", &C::referenced_column_names),
        F("foreignKeyName", &C::foreign_key_name),
        F("deleteCascade", &C::delete_cascade),
        F("deferrable", &C::deferrable),
        F("initiallyDeferred", &C::initially_deferred),
        F("checkConstraint", &C::check_constraint),
        F("validateNullable", &C::validate_nullable),
        F("validateUnique", &C::validate_unique),
        F("validatePrimaryKey", &C::validate_primary_key),
        F("validateForeignKey", &C::validate_foreign_key));
  }
};

// Liquibase ColumnConfig plus AddColumnConfig's position attributes (used
// only under addColumn; the loader rejects them elsewhere).
// Every column of a 100,000-changeset changelog is in memory at once: the
// fields most columns leave unset are Rare* (8 bytes each; 1,040 -> 432
// bytes a column, tools/bench).
struct ColumnConfig {
  OptString name;
  OptBool computed;
  OptString type;
  OptString value;
  RareNumeric value_numeric;
  RareString value_date;
  OptBool value_boolean;
  RareString value_computed;
  RareString value_sequence_next;
  RareString value_sequence_current;
  RareString value_blob_file;
  RareString value_clob_file;
  RareString encoding;
  RareString default_value;
  RareNumeric default_value_numeric;
  RareString default_value_date;
  OptBool default_value_boolean;
  RareString default_value_computed;
  RareString default_value_sequence_next;
  RareString default_value_constraint_name;
  OptBool auto_increment;
  RareNumeric start_with;
  RareNumeric increment_by;
  RareString generation_type;
  OptBool default_on_null;
  RareString remarks;
  OptBool descending;
  HeapOptional<ConstraintsConfig> constraints;
  // AddColumnConfig only.
  RareString after_column;
  RareString before_column;
  RareNumeric position;
  SourceLocation loc;

  static constexpr auto Fields() {
    using C = ColumnConfig;
    return std::make_tuple(
        F("name", &C::name), F("computed", &C::computed), F("type", &C::type),
        F("value", &C::value), F("valueNumeric", &C::value_numeric),
        F("valueDate", &C::value_date), F("valueBoolean", &C::value_boolean),
        F("valueComputed", &C::value_computed),
        F("valueSequenceNext", &C::value_sequence_next),
        F("valueSequenceCurrent", &C::value_sequence_current),
        F("valueBlobFile", &C::value_blob_file),
        F("valueClobFile", &C::value_clob_file), F("encoding", &C::encoding),
        F("defaultValue", &C::default_value),
        F("defaultValueNumeric", &C::default_value_numeric),
        F("defaultValueDate", &C::default_value_date),
        F("defaultValueBoolean", &C::default_value_boolean),
        F("defaultValueComputed", &C::default_value_computed),
        F("defaultValueSequenceNext", &C::default_value_sequence_next),
        F("defaultValueConstraintName", &C::default_value_constraint_name),
        F("autoIncrement", &C::auto_increment),
        F("startWith", &C::start_with), F("incrementBy", &C::increment_by),
        F("generationType", &C::generation_type),
        F("defaultOnNull", &C::default_on_null), F("remarks", &C::remarks),
        F("descending", &C::descending), F("constraints", &C::constraints),
        F("afterColumn", &C::after_column),
        F("beforeColumn", &C::before_column), F("position", &C::position));
  }
};

using Columns = std::vector<ColumnConfig>;

// ---- Change types -------------------------------------------------------
// Each: static kName (Liquibase's change name), the attributes, loc, Fields().

struct CreateTable {
  static constexpr std::string_view kName = "createTable";
  OptString catalog_name, schema_name, table_name, tablespace, remarks,
      table_type;
  OptBool if_not_exists;
  Columns columns;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CreateTable;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("tablespace", &C::tablespace), F("remarks", &C::remarks),
        F("tableType", &C::table_type),
        F("ifNotExists", &C::if_not_exists, kNoChecksum),
        F("columns", &C::columns, kRequired));
  }
};

struct DropTable {
  static constexpr std::string_view kName = "dropTable";
  OptString catalog_name, schema_name, table_name;
  OptBool cascade_constraints;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropTable;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("cascadeConstraints", &C::cascade_constraints));
  }
};

struct AddColumn {
  static constexpr std::string_view kName = "addColumn";
  OptString catalog_name, schema_name, table_name;
  Columns columns;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AddColumn;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("columns", &C::columns, kRequired));
  }
};

// Either column_name or columns must be given (the loader checks).
struct DropColumn {
  static constexpr std::string_view kName = "dropColumn";
  OptString catalog_name, schema_name, table_name, column_name;
  Columns columns;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropColumn;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("columnName", &C::column_name),
                           F("columns", &C::columns, kNullWhenEmpty));
  }
};

struct RenameColumn {
  static constexpr std::string_view kName = "renameColumn";
  OptString catalog_name, schema_name, table_name, old_column_name,
      new_column_name, column_data_type, remarks;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = RenameColumn;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("oldColumnName", &C::old_column_name, kRequired),
        F("newColumnName", &C::new_column_name, kRequired),
        F("columnDataType", &C::column_data_type), F("remarks", &C::remarks));
  }
};

struct RenameTable {
  static constexpr std::string_view kName = "renameTable";
  OptString catalog_name, schema_name, old_table_name, new_table_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = RenameTable;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("oldTableName", &C::old_table_name, kRequired),
                           F("newTableName", &C::new_table_name, kRequired));
  }
};

struct CreateIndex {
  static constexpr std::string_view kName = "createIndex";
  OptString catalog_name, schema_name, table_name, index_name, tablespace,
      associated_with;
  OptBool unique, clustered;
  Columns columns;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CreateIndex;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("indexName", &C::index_name), F("tablespace", &C::tablespace),
        F("associatedWith", &C::associated_with, kNoChecksum),
        F("unique", &C::unique), F("clustered", &C::clustered),
        F("columns", &C::columns, kRequired));
  }
};

struct DropIndex {
  static constexpr std::string_view kName = "dropIndex";
  OptString catalog_name, schema_name, index_name, table_name,
      associated_with;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropIndex;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("indexName", &C::index_name, kRequired),
                           F("tableName", &C::table_name),
                           F("associatedWith", &C::associated_with,
                             kNoChecksum));
  }
};

struct AddForeignKeyConstraint {
  static constexpr std::string_view kName = "addForeignKeyConstraint";
  OptString base_table_catalog_name, base_table_schema_name, base_table_name,
      base_column_names, constraint_name, referenced_table_catalog_name,
      referenced_table_schema_name, referenced_table_name,
      referenced_column_names, on_delete, on_update;
  OptBool deferrable, initially_deferred, delete_cascade,
      references_unique_column, validate;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AddForeignKeyConstraint;
    return std::make_tuple(
        F("baseTableCatalogName", &C::base_table_catalog_name),
        F("baseTableSchemaName", &C::base_table_schema_name),
        F("baseTableName", &C::base_table_name, kRequired),
        F("baseColumnNames", &C::base_column_names, kRequired),
        F("constraintName", &C::constraint_name, kRequired),
        F("referencedTableCatalogName", &C::referenced_table_catalog_name),
        F("referencedTableSchemaName", &C::referenced_table_schema_name),
        F("referencedTableName", &C::referenced_table_name, kRequired),
        F("referencedColumnNames", &C::referenced_column_names, kRequired),
        F("onDelete", &C::on_delete), F("onUpdate", &C::on_update),
        F("deferrable", &C::deferrable),
        F("initiallyDeferred", &C::initially_deferred),
        F("deleteCascade", &C::delete_cascade),
        F("referencesUniqueColumn", &C::references_unique_column),
        F("validate", &C::validate));
  }
};

struct DropForeignKeyConstraint {
  static constexpr std::string_view kName = "dropForeignKeyConstraint";
  OptString base_table_catalog_name, base_table_schema_name, base_table_name,
      constraint_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropForeignKeyConstraint;
    return std::make_tuple(
        F("baseTableCatalogName", &C::base_table_catalog_name),
        F("baseTableSchemaName", &C::base_table_schema_name),
        F("baseTableName", &C::base_table_name, kRequired),
        F("constraintName", &C::constraint_name, kRequired));
  }
};

struct AddUniqueConstraint {
  static constexpr std::string_view kName = "addUniqueConstraint";
  OptString catalog_name, schema_name, table_name, column_names,
      constraint_name, tablespace, for_index_catalog_name,
      for_index_schema_name, for_index_name;
  OptBool deferrable, initially_deferred, disabled, clustered, validate;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AddUniqueConstraint;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("columnNames", &C::column_names, kRequired),
        F("constraintName", &C::constraint_name),
        F("tablespace", &C::tablespace),
        F("forIndexCatalogName", &C::for_index_catalog_name),
        F("forIndexSchemaName", &C::for_index_schema_name),
        F("forIndexName", &C::for_index_name),
        F("deferrable", &C::deferrable),
        F("initiallyDeferred", &C::initially_deferred),
        F("disabled", &C::disabled), F("clustered", &C::clustered),
        F("validate", &C::validate));
  }
};

struct DropUniqueConstraint {
  static constexpr std::string_view kName = "dropUniqueConstraint";
  OptString catalog_name, schema_name, table_name, constraint_name,
      unique_columns;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropUniqueConstraint;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("constraintName", &C::constraint_name, kRequired),
                           F("uniqueColumns", &C::unique_columns));
  }
};

struct AddNotNullConstraint {
  static constexpr std::string_view kName = "addNotNullConstraint";
  OptString catalog_name, schema_name, table_name, column_name,
      column_data_type, constraint_name, default_null_value;
  OptBool validate;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AddNotNullConstraint;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("columnName", &C::column_name, kRequired),
        F("columnDataType", &C::column_data_type),
        F("constraintName", &C::constraint_name),
        F("defaultNullValue", &C::default_null_value),
        F("validate", &C::validate));
  }
};

struct DropNotNullConstraint {
  static constexpr std::string_view kName = "dropNotNullConstraint";
  OptString catalog_name, schema_name, table_name, column_name,
      column_data_type, constraint_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropNotNullConstraint;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("columnName", &C::column_name, kRequired),
        F("columnDataType", &C::column_data_type),
        F("constraintName", &C::constraint_name));
  }
};

// Exactly one of the default_value* attributes is expected.
struct AddDefaultValue {
  static constexpr std::string_view kName = "addDefaultValue";
  OptString catalog_name, schema_name, table_name, column_name,
      column_data_type, default_value, default_value_numeric,
      default_value_date, default_value_computed,
      default_value_sequence_next, default_value_constraint_name;
  OptBool default_value_boolean;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AddDefaultValue;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("columnName", &C::column_name, kRequired),
        F("columnDataType", &C::column_data_type),
        F("defaultValue", &C::default_value),
        // A Java String in Liquibase (not a Number), hence OptString.
        F("defaultValueNumeric", &C::default_value_numeric),
        F("defaultValueDate", &C::default_value_date),
        F("defaultValueBoolean", &C::default_value_boolean),
        F("defaultValueComputed", &C::default_value_computed),
        F("defaultValueSequenceNext", &C::default_value_sequence_next),
        F("defaultValueConstraintName", &C::default_value_constraint_name));
  }
};

struct DropDefaultValue {
  static constexpr std::string_view kName = "dropDefaultValue";
  OptString catalog_name, schema_name, table_name, column_name,
      column_data_type;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropDefaultValue;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("columnName", &C::column_name, kRequired),
                           F("columnDataType", &C::column_data_type));
  }
};

struct CreateView {
  static constexpr std::string_view kName = "createView";
  OptString catalog_name, schema_name, view_name, select_query, remarks, path,
      encoding;
  OptBool replace_if_exists, full_definition, relative_to_changelog_file;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CreateView;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("viewName", &C::view_name, kRequired),
        F("selectQuery", &C::select_query, kBody | kNoChecksum),
        F("replaceIfExists", &C::replace_if_exists),
        F("fullDefinition", &C::full_definition), F("remarks", &C::remarks),
        F("path", &C::path, kNoChecksum),
        F("encoding", &C::encoding, kNoChecksum),
        F("relativeToChangelogFile", &C::relative_to_changelog_file,
          kNoChecksum));
  }
};

struct DropView {
  static constexpr std::string_view kName = "dropView";
  OptString catalog_name, schema_name, view_name;
  OptBool if_exists;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropView;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("viewName", &C::view_name, kRequired),
                           F("ifExists", &C::if_exists));
  }
};

// Raw SQL. Its checksum is special (whitespace-stripped body), see checksum.h.
struct Sql {
  static constexpr std::string_view kName = "sql";
  OptString sql, comment, dbms, end_delimiter;
  OptBool split_statements, strip_comments;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = Sql;
    return std::make_tuple(F("sql", &C::sql, kRequired | kBody),
                           F("comment", &C::comment), F("dbms", &C::dbms),
                           F("endDelimiter", &C::end_delimiter),
                           F("splitStatements", &C::split_statements),
                           F("stripComments", &C::strip_comments));
  }
};

struct Insert {
  static constexpr std::string_view kName = "insert";
  OptString catalog_name, schema_name, table_name, dbms;
  Columns columns;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = Insert;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("dbms", &C::dbms),
                           F("columns", &C::columns, kRequired));
  }
};

struct Update {
  static constexpr std::string_view kName = "update";
  OptString catalog_name, schema_name, table_name, where;
  Columns columns;
  // Fill the where text's placeholders: each `:name` takes the next named
  // param's name, each `:value` or `?` the next param's value. Liquibase
  // 4.28 leaves them out of the checksum (verified against its MD5SUM).
  Columns where_params;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = Update;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("where", &C::where),
                           F("columns", &C::columns, kRequired),
                           F("whereParams", &C::where_params,
                             kNoChecksum | kParamList));
  }
};

struct Delete {
  static constexpr std::string_view kName = "delete";
  OptString catalog_name, schema_name, table_name, where;
  Columns where_params;  // as Update::where_params
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = Delete;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("where", &C::where),
                           F("whereParams", &C::where_params,
                             kNoChecksum | kParamList));
  }
};

struct TagDatabase {
  static constexpr std::string_view kName = "tagDatabase";
  OptString tag;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = TagDatabase;
    return std::make_tuple(F("tag", &C::tag, kRequired));
  }
};

// No-op; what `rollback: empty` and an empty rollback block mean.
struct Empty {
  static constexpr std::string_view kName = "empty";
  SourceLocation loc;
  static constexpr auto Fields() { return std::tuple<>(); }
};

// ---- Sequences, keys, lookups ------------------------------------------

struct AddAutoIncrement {
  static constexpr std::string_view kName = "addAutoIncrement";
  OptString catalog_name, schema_name, table_name, column_name,
      column_data_type, generation_type;
  OptNumeric start_with, increment_by;
  OptBool default_on_null;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AddAutoIncrement;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("columnName", &C::column_name, kRequired),
        F("columnDataType", &C::column_data_type),
        F("startWith", &C::start_with), F("incrementBy", &C::increment_by),
        F("defaultOnNull", &C::default_on_null),
        F("generationType", &C::generation_type));
  }
};

struct AddLookupTable {
  static constexpr std::string_view kName = "addLookupTable";
  OptString existing_table_catalog_name, existing_table_schema_name,
      existing_table_name, existing_column_name, new_table_catalog_name,
      new_table_schema_name, new_table_name, new_column_name,
      new_column_data_type, constraint_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AddLookupTable;
    return std::make_tuple(
        F("existingTableCatalogName", &C::existing_table_catalog_name),
        F("existingTableSchemaName", &C::existing_table_schema_name),
        F("existingTableName", &C::existing_table_name, kRequired),
        F("existingColumnName", &C::existing_column_name, kRequired),
        F("newTableCatalogName", &C::new_table_catalog_name),
        F("newTableSchemaName", &C::new_table_schema_name),
        F("newTableName", &C::new_table_name, kRequired),
        F("newColumnName", &C::new_column_name, kRequired),
        F("newColumnDataType", &C::new_column_data_type),
        F("constraintName", &C::constraint_name));
  }
  // FK_<EXISTING>_<NEW> (upper case) unless constraintName is given.
  std::string FinalConstraintName() const;
};

struct AddPrimaryKey {
  static constexpr std::string_view kName = "addPrimaryKey";
  OptString catalog_name, schema_name, table_name, column_names,
      constraint_name, tablespace, for_index_catalog_name,
      for_index_schema_name, for_index_name;
  OptBool clustered, validate;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AddPrimaryKey;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("columnNames", &C::column_names, kRequired),
        F("constraintName", &C::constraint_name),
        F("tablespace", &C::tablespace), F("clustered", &C::clustered),
        F("forIndexCatalogName", &C::for_index_catalog_name),
        F("forIndexSchemaName", &C::for_index_schema_name),
        F("forIndexName", &C::for_index_name), F("validate", &C::validate));
  }
};

struct DropPrimaryKey {
  static constexpr std::string_view kName = "dropPrimaryKey";
  OptString catalog_name, schema_name, table_name, constraint_name;
  OptBool drop_index;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropPrimaryKey;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("constraintName", &C::constraint_name),
                           F("dropIndex", &C::drop_index));
  }
};

struct DropAllForeignKeyConstraints {
  static constexpr std::string_view kName = "dropAllForeignKeyConstraints";
  OptString base_table_catalog_name, base_table_schema_name, base_table_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropAllForeignKeyConstraints;
    return std::make_tuple(
        F("baseTableCatalogName", &C::base_table_catalog_name),
        F("baseTableSchemaName", &C::base_table_schema_name),
        F("baseTableName", &C::base_table_name, kRequired));
  }
};

struct CreateSequence {
  static constexpr std::string_view kName = "createSequence";
  OptString catalog_name, schema_name, sequence_name, data_type;
  OptNumeric start_value, increment_by, min_value, max_value, cache_size;
  OptBool cycle, ordered;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CreateSequence;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("sequenceName", &C::sequence_name, kRequired),
        F("startValue", &C::start_value), F("incrementBy", &C::increment_by),
        F("minValue", &C::min_value), F("maxValue", &C::max_value),
        F("cacheSize", &C::cache_size), F("cycle", &C::cycle),
        F("ordered", &C::ordered), F("dataType", &C::data_type));
  }
};

struct AlterSequence {
  static constexpr std::string_view kName = "alterSequence";
  OptString catalog_name, schema_name, sequence_name, data_type;
  OptNumeric increment_by, min_value, max_value, cache_size;
  OptBool cycle, ordered;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AlterSequence;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("sequenceName", &C::sequence_name, kRequired),
        F("incrementBy", &C::increment_by), F("minValue", &C::min_value),
        F("maxValue", &C::max_value), F("cacheSize", &C::cache_size),
        F("cycle", &C::cycle), F("ordered", &C::ordered),
        F("dataType", &C::data_type));
  }
};

struct DropSequence {
  static constexpr std::string_view kName = "dropSequence";
  OptString catalog_name, schema_name, sequence_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropSequence;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("sequenceName", &C::sequence_name, kRequired));
  }
};

struct RenameSequence {
  static constexpr std::string_view kName = "renameSequence";
  OptString catalog_name, schema_name, old_sequence_name, new_sequence_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = RenameSequence;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("oldSequenceName", &C::old_sequence_name, kRequired),
        F("newSequenceName", &C::new_sequence_name, kRequired));
  }
};

// ---- Procedures, views, columns, remarks --------------------------------

// procedureText or path must be given (the loader checks); with path, the
// loader reads the file (property-expanded) into procedure_text.
struct CreateProcedure {
  static constexpr std::string_view kName = "createProcedure";
  OptString catalog_name, schema_name, procedure_name, procedure_text, dbms,
      path, encoding, comments;
  OptBool relative_to_changelog_file, replace_if_exists;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CreateProcedure;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("procedureName", &C::procedure_name),
        F("procedureText", &C::procedure_text, kBody | kNoChecksum),
        F("dbms", &C::dbms, kNoChecksum), F("path", &C::path, kNoChecksum),
        F("encoding", &C::encoding, kNoChecksum),
        F("comments", &C::comments, kNoChecksum),
        F("relativeToChangelogFile", &C::relative_to_changelog_file,
          kNoChecksum),
        F("replaceIfExists", &C::replace_if_exists));
  }
};

struct DropProcedure {
  static constexpr std::string_view kName = "dropProcedure";
  OptString catalog_name, schema_name, procedure_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropProcedure;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("procedureName", &C::procedure_name, kRequired));
  }
};

struct RenameView {
  static constexpr std::string_view kName = "renameView";
  OptString catalog_name, schema_name, old_view_name, new_view_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = RenameView;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("oldViewName", &C::old_view_name, kRequired),
                           F("newViewName", &C::new_view_name, kRequired));
  }
};

struct MergeColumns {
  static constexpr std::string_view kName = "mergeColumns";
  OptString catalog_name, schema_name, table_name, column1_name, join_string,
      column2_name, final_column_name, final_column_type;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = MergeColumns;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("column1Name", &C::column1_name, kRequired),
        F("joinString", &C::join_string),
        F("column2Name", &C::column2_name, kRequired),
        F("finalColumnName", &C::final_column_name, kRequired),
        F("finalColumnType", &C::final_column_type, kRequired));
  }
};

struct ModifyDataType {
  static constexpr std::string_view kName = "modifyDataType";
  OptString catalog_name, schema_name, table_name, column_name, new_data_type;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = ModifyDataType;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("columnName", &C::column_name, kRequired),
                           F("newDataType", &C::new_data_type, kRequired));
  }
};

struct SetColumnRemarks {
  static constexpr std::string_view kName = "setColumnRemarks";
  OptString catalog_name, schema_name, table_name, column_name, remarks,
      column_data_type, column_parent_type;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = SetColumnRemarks;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("columnName", &C::column_name, kRequired), F("remarks", &C::remarks),
        F("columnDataType", &C::column_data_type),
        F("columnParentType", &C::column_parent_type));
  }
};

struct SetTableRemarks {
  static constexpr std::string_view kName = "setTableRemarks";
  OptString catalog_name, schema_name, table_name, remarks;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = SetTableRemarks;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("remarks", &C::remarks));
  }
};

// ---- Data from files ----------------------------------------------------

// Liquibase LoadDataColumnConfig: how one CSV column is loaded. `type` is
// one of BOOLEAN, NUMERIC, DATE, STRING, COMPUTED, SEQUENCE, BLOB, CLOB,
// SKIP, UUID, OTHER, UNKNOWN (case-insensitive). `index` is 0-based.
struct LoadDataColumnConfig {
  static constexpr std::string_view kItemName = "column";
  OptString name, header, type, default_value, default_value_date,
      default_value_computed;
  OptNumeric index, default_value_numeric;
  OptBool allow_update, default_value_boolean;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = LoadDataColumnConfig;
    return std::make_tuple(
        F("name", &C::name), F("header", &C::header), F("index", &C::index),
        F("type", &C::type), F("allowUpdate", &C::allow_update),
        F("defaultValue", &C::default_value),
        F("defaultValueNumeric", &C::default_value_numeric),
        F("defaultValueDate", &C::default_value_date),
        F("defaultValueBoolean", &C::default_value_boolean),
        F("defaultValueComputed", &C::default_value_computed));
  }
};

// loadData and loadUpdateData. The checksum covers tableName and the CSV
// content only (reference §4.3). `content` is the file as read by the
// loader (not a Liquibase attribute).
struct LoadData {
  static constexpr std::string_view kName = "loadData";
  OptString catalog_name, schema_name, table_name, file, encoding, separator,
      quotchar, comment_line_starts_with;
  OptBool relative_to_changelog_file, use_prepared_statements;
  std::vector<LoadDataColumnConfig> columns;
  std::optional<std::string> content;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = LoadData;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("file", &C::file, kRequired),
        F("relativeToChangelogFile", &C::relative_to_changelog_file),
        F("encoding", &C::encoding), F("separator", &C::separator),
        F("quotchar", &C::quotchar),
        F("commentLineStartsWith", &C::comment_line_starts_with),
        F("usePreparedStatements", &C::use_prepared_statements),
        F("columns", &C::columns, kNullWhenEmpty));
  }
};

struct LoadUpdateData {
  static constexpr std::string_view kName = "loadUpdateData";
  OptString catalog_name, schema_name, table_name, file, encoding, separator,
      quotchar, comment_line_starts_with, primary_key;
  OptBool relative_to_changelog_file, use_prepared_statements, only_update;
  std::vector<LoadDataColumnConfig> columns;
  std::optional<std::string> content;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = LoadUpdateData;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("file", &C::file, kRequired),
        F("primaryKey", &C::primary_key, kRequired),
        F("onlyUpdate", &C::only_update),
        F("relativeToChangelogFile", &C::relative_to_changelog_file),
        F("encoding", &C::encoding), F("separator", &C::separator),
        F("quotchar", &C::quotchar),
        F("commentLineStartsWith", &C::comment_line_starts_with),
        F("usePreparedStatements", &C::use_prepared_statements),
        F("columns", &C::columns, kNullWhenEmpty));
  }
};

// SQL read from a file. Its checksum is the file content as read, without
// property expansion (§4.3); `sql` holds that content (filled by the
// loader), and rendering expands properties into `expanded_sql`.
struct SqlFile {
  static constexpr std::string_view kName = "sqlFile";
  OptString path, encoding, dbms, end_delimiter;
  OptBool relative_to_changelog_file, split_statements, strip_comments,
      ignore_original_split_statements;
  std::optional<std::string> sql;           // file content, unexpanded
  std::optional<std::string> expanded_sql;  // with ${properties} expanded
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = SqlFile;
    return std::make_tuple(
        F("path", &C::path, kRequired),
        F("relativeToChangelogFile", &C::relative_to_changelog_file),
        F("encoding", &C::encoding), F("dbms", &C::dbms),
        F("endDelimiter", &C::end_delimiter),
        F("splitStatements", &C::split_statements),
        F("stripComments", &C::strip_comments),
        F("ignoreOriginalSplitStatements",
          &C::ignore_original_split_statements));
  }
};

// ---- Control flow and programs ------------------------------------------

// Shows `message` when the changeset runs (target STDERR unless given).
struct Output {
  static constexpr std::string_view kName = "output";
  OptString message, target;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = Output;
    return std::make_tuple(F("message", &C::message, kBody),
                           F("target", &C::target));
  }
};

// Stops update with an error when reached.
struct Stop {
  static constexpr std::string_view kName = "stop";
  OptString message;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = Stop;
    return std::make_tuple(F("message", &C::message, kBody));
  }
  static constexpr std::string_view kDefaultMessage =
      "Stop command in changelog file";
};

// One `arg` of executeCommand.
struct CommandArg {
  static constexpr std::string_view kItemName = "arg";
  OptString value;
  SourceLocation loc;
  static constexpr auto Fields() {
    return std::make_tuple(F("value", &CommandArg::value));
  }
};

// Only executable and timeout are part of the checksum (§4.2).
struct ExecuteCommand {
  static constexpr std::string_view kName = "executeCommand";
  OptString executable, os, timeout;
  std::vector<CommandArg> args;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = ExecuteCommand;
    return std::make_tuple(F("executable", &C::executable, kRequired),
                           F("os", &C::os, kNoChecksum),
                           F("timeout", &C::timeout),
                           F("args", &C::args, kNoChecksum));
  }
};

// A Java class implementing liquibase.change.custom.CustomChange, with its
// `param` name/value pairs (any other attribute in YAML).
struct CustomChange {
  static constexpr std::string_view kName = "customChange";
  OptString class_name;
  std::vector<std::pair<std::string, std::string>> params;
  SourceLocation loc;
  static constexpr auto Fields() {
    return std::make_tuple(F("class", &CustomChange::class_name, kRequired));
  }
};

// ---- Liquibase Pro change types (free in Strata) ------------------------
// Pro types declare kPro: XML takes them in the pro namespace
// (http://www.liquibase.org/xml/ns/pro) as well as the changelog one, YAML
// and JSON by their plain names. Attribute names are Liquibase Pro's.

struct AddCheckConstraint {
  static constexpr std::string_view kName = "addCheckConstraint";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, table_name, constraint_name,
      constraint_body;
  OptBool disabled, validate;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AddCheckConstraint;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name, kRequired),
        F("constraintName", &C::constraint_name, kRequired),
        F("constraintBody", &C::constraint_body, kRequired | kBody),
        F("disabled", &C::disabled), F("validate", &C::validate));
  }
};

// drop/enable/disableCheckConstraint share their attributes.
template <int kKind>
struct CheckConstraintRef {
  static constexpr std::string_view kName =
      kKind == 0 ? "dropCheckConstraint"
                 : kKind == 1 ? "enableCheckConstraint" : "disableCheckConstraint";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, table_name, constraint_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CheckConstraintRef;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("tableName", &C::table_name, kRequired),
                           F("constraintName", &C::constraint_name, kRequired));
  }
};
using DropCheckConstraint = CheckConstraintRef<0>;
using EnableCheckConstraint = CheckConstraintRef<1>;
using DisableCheckConstraint = CheckConstraintRef<2>;

// Stored logic whose text is given inline or read from `path` (the loader
// reads the file, property-expanded, into the body as for createProcedure).
// As createProcedure, the body and file attributes are outside the generic
// checksum; the body is hashed separately (checksum.cc).
struct CreateFunction {
  static constexpr std::string_view kName = "createFunction";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, function_name, function_body, dbms,
      path, encoding, comments;
  OptBool relative_to_changelog_file, replace_if_exists;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CreateFunction;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("functionName", &C::function_name, kRequired),
        F("functionBody", &C::function_body, kBody | kNoChecksum),
        F("dbms", &C::dbms, kNoChecksum), F("path", &C::path, kNoChecksum),
        F("encoding", &C::encoding, kNoChecksum),
        F("comments", &C::comments, kNoChecksum),
        F("relativeToChangelogFile", &C::relative_to_changelog_file,
          kNoChecksum),
        F("replaceIfExists", &C::replace_if_exists));
  }
};

struct DropFunction {
  static constexpr std::string_view kName = "dropFunction";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, function_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropFunction;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("functionName", &C::function_name, kRequired));
  }
};

struct CreateTrigger {
  static constexpr std::string_view kName = "createTrigger";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, trigger_name, table_name, scope,
      trigger_body, dbms, path, encoding, comments;
  OptBool disabled, relative_to_changelog_file, replace_if_exists;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CreateTrigger;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("triggerName", &C::trigger_name, kRequired),
        F("tableName", &C::table_name), F("scope", &C::scope),
        F("disabled", &C::disabled),
        F("triggerBody", &C::trigger_body, kBody | kNoChecksum),
        F("dbms", &C::dbms, kNoChecksum), F("path", &C::path, kNoChecksum),
        F("encoding", &C::encoding, kNoChecksum),
        F("comments", &C::comments, kNoChecksum),
        F("relativeToChangelogFile", &C::relative_to_changelog_file,
          kNoChecksum),
        F("replaceIfExists", &C::replace_if_exists));
  }
};

// drop/enable/disableTrigger share their attributes.
template <int kKind>
struct TriggerRef {
  static constexpr std::string_view kName =
      kKind == 0 ? "dropTrigger" : kKind == 1 ? "enableTrigger" : "disableTrigger";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, trigger_name, table_name, scope;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = TriggerRef;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("triggerName", &C::trigger_name, kRequired),
                           F("tableName", &C::table_name),
                           F("scope", &C::scope));
  }
};
using DropTrigger = TriggerRef<0>;
using EnableTrigger = TriggerRef<1>;
using DisableTrigger = TriggerRef<2>;

struct RenameTrigger {
  static constexpr std::string_view kName = "renameTrigger";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, table_name, old_trigger_name,
      new_trigger_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = RenameTrigger;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("tableName", &C::table_name),
        F("oldTriggerName", &C::old_trigger_name, kRequired),
        F("newTriggerName", &C::new_trigger_name, kRequired));
  }
};

struct CreateSynonym {
  static constexpr std::string_view kName = "createSynonym";
  static constexpr bool kPro = true;
  OptString object_catalog_name, object_schema_name, object_name, object_type,
      synonym_catalog_name, synonym_schema_name, synonym_name;
  OptBool is_private, replace_if_exists;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CreateSynonym;
    return std::make_tuple(
        F("objectCatalogName", &C::object_catalog_name),
        F("objectSchemaName", &C::object_schema_name),
        F("objectName", &C::object_name, kRequired),
        F("objectType", &C::object_type), F("private", &C::is_private),
        F("replaceIfExists", &C::replace_if_exists),
        F("synonymCatalogName", &C::synonym_catalog_name),
        F("synonymSchemaName", &C::synonym_schema_name),
        F("synonymName", &C::synonym_name, kRequired));
  }
};

struct DropSynonym {
  static constexpr std::string_view kName = "dropSynonym";
  static constexpr bool kPro = true;
  OptString object_type, synonym_catalog_name, synonym_schema_name,
      synonym_name;
  OptBool is_private;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropSynonym;
    return std::make_tuple(
        F("objectType", &C::object_type), F("private", &C::is_private),
        F("synonymCatalogName", &C::synonym_catalog_name),
        F("synonymSchemaName", &C::synonym_schema_name),
        F("synonymName", &C::synonym_name, kRequired));
  }
};

// createPackage (kBody = false) and createPackageBody (true): Liquibase runs
// the text as written on every engine.
template <bool kIsBody>
struct CreatePackageOf {
  static constexpr std::string_view kName =
      kIsBody ? "createPackageBody" : "createPackage";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, package_name, package_text, dbms, path,
      encoding, comments;
  OptBool relative_to_changelog_file, replace_if_exists;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CreatePackageOf;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F(kIsBody ? "packageBodyName" : "packageName", &C::package_name,
          kRequired),
        F(kIsBody ? "packageBodyText" : "packageText", &C::package_text,
          kBody | kNoChecksum),
        F("dbms", &C::dbms, kNoChecksum), F("path", &C::path, kNoChecksum),
        F("encoding", &C::encoding, kNoChecksum),
        F("comments", &C::comments, kNoChecksum),
        F("relativeToChangelogFile", &C::relative_to_changelog_file,
          kNoChecksum),
        F("replaceIfExists", &C::replace_if_exists));
  }
};
using CreatePackage = CreatePackageOf<false>;
using CreatePackageBody = CreatePackageOf<true>;

template <bool kIsBody>
struct DropPackageOf {
  static constexpr std::string_view kName =
      kIsBody ? "dropPackageBody" : "dropPackage";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, package_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropPackageOf;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F(kIsBody ? "packageBodyName" : "packageName", &C::package_name,
          kRequired));
  }
};
using DropPackage = DropPackageOf<false>;
using DropPackageBody = DropPackageOf<true>;

// PostgreSQL composite types (CREATE TYPE t AS (...)). `type` is SQL as the
// user wrote it; onCreate/onUpdate/onDelete are CASCADE or RESTRICT.
struct TypeAttribute {
  OptString name, type, collation;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = TypeAttribute;
    return std::make_tuple(F("name", &C::name, kRequired),
                           F("type", &C::type, kRequired),
                           F("collation", &C::collation));
  }
};

struct CreateCompositeType {
  static constexpr std::string_view kName = "createCompositeType";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, type_name;
  std::vector<TypeAttribute> type_attributes;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = CreateCompositeType;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("typeName", &C::type_name, kRequired),
                           F("typeAttributes", &C::type_attributes, kRequired));
  }
};

struct DropCompositeType {
  static constexpr std::string_view kName = "dropCompositeType";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, type_name, on_delete;
  OptBool if_exists;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropCompositeType;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("typeName", &C::type_name, kRequired), F("ifExists", &C::if_exists),
        F("onDelete", &C::on_delete));
  }
};

struct AddTypeAttribute {
  static constexpr std::string_view kItemName = "addAttribute";
  OptString name, type, collation, on_create;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AddTypeAttribute;
    return std::make_tuple(F("name", &C::name, kRequired),
                           F("type", &C::type, kRequired),
                           F("collation", &C::collation),
                           F("onCreate", &C::on_create));
  }
};

struct AlterTypeAttribute {
  static constexpr std::string_view kItemName = "alterAttribute";
  OptString name, new_type, collation, on_update;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AlterTypeAttribute;
    return std::make_tuple(F("name", &C::name, kRequired),
                           F("newType", &C::new_type, kRequired),
                           F("collation", &C::collation),
                           F("onUpdate", &C::on_update));
  }
};

struct DropTypeAttribute {
  static constexpr std::string_view kItemName = "dropAttribute";
  OptString name, on_delete;
  OptBool if_exists;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = DropTypeAttribute;
    return std::make_tuple(F("name", &C::name, kRequired),
                           F("ifExists", &C::if_exists),
                           F("onDelete", &C::on_delete));
  }
};

// One ALTER TYPE: the additions, then the alterations, then the drops.
struct AlterCompositeTypeAttributes {
  static constexpr std::string_view kName = "alterCompositeTypeAttributes";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, type_name;
  std::vector<AddTypeAttribute> add_attributes;
  std::vector<AlterTypeAttribute> alter_attributes;
  std::vector<DropTypeAttribute> drop_attributes;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = AlterCompositeTypeAttributes;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("typeName", &C::type_name, kRequired),
        F("addAttributes", &C::add_attributes, kNullWhenEmpty),
        F("alterAttributes", &C::alter_attributes, kNullWhenEmpty),
        F("dropAttributes", &C::drop_attributes, kNullWhenEmpty));
  }
};

struct ChangeCompositeTypeOwner {
  static constexpr std::string_view kName = "changeCompositeTypeOwner";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, type_name, new_owner;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = ChangeCompositeTypeOwner;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("typeName", &C::type_name, kRequired),
                           F("newOwner", &C::new_owner, kRequired));
  }
};

struct RenameCompositeType {
  static constexpr std::string_view kName = "renameCompositeType";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, old_type_name, new_type_name;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = RenameCompositeType;
    return std::make_tuple(F("catalogName", &C::catalog_name),
                           F("schemaName", &C::schema_name),
                           F("oldTypeName", &C::old_type_name, kRequired),
                           F("newTypeName", &C::new_type_name, kRequired));
  }
};

struct RenameCompositeTypeAttribute {
  static constexpr std::string_view kName = "renameCompositeTypeAttribute";
  static constexpr bool kPro = true;
  OptString catalog_name, schema_name, type_name, old_attribute_name,
      new_attribute_name, on_update;
  SourceLocation loc;
  static constexpr auto Fields() {
    using C = RenameCompositeTypeAttribute;
    return std::make_tuple(
        F("catalogName", &C::catalog_name), F("schemaName", &C::schema_name),
        F("typeName", &C::type_name, kRequired),
        F("oldAttributeName", &C::old_attribute_name, kRequired),
        F("newAttributeName", &C::new_attribute_name, kRequired),
        F("onUpdate", &C::on_update));
  }
};

// True for the Liquibase Pro change types above.
template <typename T>
concept ProChange = requires { T::kPro; };

// Adding a type here breaks the build until every operation handles it.
using Change =
    std::variant<CreateTable, DropTable, AddColumn, DropColumn, RenameColumn,
                 RenameTable, CreateIndex, DropIndex, AddForeignKeyConstraint,
                 DropForeignKeyConstraint, AddUniqueConstraint,
                 DropUniqueConstraint,
                 AddNotNullConstraint, DropNotNullConstraint, AddDefaultValue,
                 DropDefaultValue, CreateView, DropView, Sql, Insert, Update,
                 Delete, TagDatabase, Empty, AddAutoIncrement, AddLookupTable,
                 AddPrimaryKey, DropPrimaryKey, DropAllForeignKeyConstraints,
                 CreateSequence, AlterSequence, DropSequence, RenameSequence,
                 CreateProcedure, DropProcedure, RenameView, MergeColumns,
                 ModifyDataType, SetColumnRemarks, SetTableRemarks, Output,
                 Stop, LoadData, LoadUpdateData, SqlFile, ExecuteCommand,
                 CustomChange,
                 // Liquibase Pro
                 AddCheckConstraint, DropCheckConstraint, EnableCheckConstraint,
                 DisableCheckConstraint, CreateFunction, DropFunction,
                 CreateTrigger, DropTrigger, EnableTrigger, DisableTrigger,
                 RenameTrigger, CreateSynonym, DropSynonym, CreatePackage,
                 CreatePackageBody, DropPackage, DropPackageBody,
                 CreateCompositeType, DropCompositeType,
                 AlterCompositeTypeAttributes, ChangeCompositeTypeOwner,
                 RenameCompositeType, RenameCompositeTypeAttribute>;

std::string_view ChangeName(const Change& change);
const SourceLocation& ChangeLocation(const Change& change);

// A changeset's rollback as written. `specified` false means none was
// written (automatic rollback applies); specified with no changes means an
// explicit no-op rollback. Raw SQL rollbacks are held as Sql changes.
struct Rollback {
  bool specified = false;
  std::vector<Change> changes;
  SourceLocation loc;
};

// One precondition as written; the exec stage evaluates it
// (strata/preconditions.h). `and`, `or` and `not` hold `nested`; every other
// type holds its attributes by Liquibase name (sqlCheck's SQL is "sql").
struct Precondition {
  std::string type;  // Liquibase's name: "tableExists", "sqlCheck", ...
  std::map<std::string, std::string> attributes;
  std::vector<Precondition> nested;
  SourceLocation loc;
  // changeLogPropertyDefined: the property's value as seen from this file
  // once the whole changelog is loaded (-D, environment, every global
  // changelog property and this file's local ones, wherever defined);
  // unset when undefined. Properties exist only while loading.
  OptString property_value;
};

// A preConditions block: every condition must hold (an implicit `and`).
// The on* options keep Liquibase's spelling (HALT, CONTINUE, MARK_RAN,
// WARN; IGNORE, TEST, FAIL); unset means Liquibase's default.
struct Preconditions {
  OptString on_fail, on_error, on_fail_message, on_error_message;
  OptString on_sql_output;  // onUpdateSQL is an alias
  std::vector<Precondition> conditions;
  SourceLocation loc;
};

// One modifySql visitor (Liquibase SqlVisitor): rewrites each SQL statement
// the changeset's changes render, in the order written. `dbms`, `context`
// and `labels` come from its <modifySql> block and are not part of the
// checksum; `kind`, `apply_to_rollback`, `value`, `replace` and `with` are.
struct SqlVisitor {
  enum class Kind { kAppend, kPrepend, kReplace, kRegExpReplace };
  Kind kind = Kind::kAppend;
  OptString value;    // append, prepend
  OptString replace;  // replace (text), regExpReplace (Java regex)
  OptString with;     // replace, regExpReplace ($n refers to a group)
  bool apply_to_rollback = false;
  OptString dbms;  // comma list; the visitor applies when it names the engine or "all"
  OptString context;
  OptString labels;
  SourceLocation loc;

  // Liquibase's name: "append", "prepend", "replace", "regExpReplace".
  std::string_view Name() const;
  // Liquibase's dbms list match for engine `dbms` ("postgresql"): none
  // given, "all", the name, or only "!other" negations; names are
  // case-sensitive. Context and labels are ChangeSetFilter::Applies's
  // (strata/context_filter.h).
  bool AppliesTo(std::string_view dbms) const;
};

// "" when `pattern` and `replacement` (Java Matcher syntax: $n, \x) can be
// applied by ApplySqlVisitor, else why not. Patterns are read as ECMAScript
// regular expressions, which agree with Java's for the common syntax; Java-only
// syntax (inline flags, possessive quantifiers, lookbehind) is refused here.
std::string CheckJavaRegex(std::string_view pattern, std::string_view replacement);

// `sql` rewritten by one visitor as Liquibase does: append/prepend
// concatenate, replace is Java String.replace (every occurrence, literal),
// regExpReplace is Java String.replaceAll.
// REQUIRES: the visitor's fields are set and, for regExpReplace,
// CheckJavaRegex(replace, with) is "".
std::string ApplySqlVisitor(const SqlVisitor& visitor, const std::string& sql);

struct ChangeSet {
  std::string id;
  std::string author;
  // FILENAME as recorded in databasechangelog: logicalFilePath when given,
  // else the changelog path relative to the search path, normalised.
  std::string file_path;
  // Rare*: 100,000 changesets are in memory at once (tools/bench).
  RareString logical_file_path;
  RareString comment;
  OptString context;  // contextFilter wins over context
  OptString labels;
  // What --context-filter / --label-filter test, each part on its own: the
  // context expressions and label lists inherited from enclosing includes,
  // includeAlls and changelog roots, then the changeset's own (Liquibase's
  // inheritable filters). `context`/`labels` hold the combined text recorded
  // in CONTEXTS/LABELS. Filled by the loader; empty means use those.
  std::vector<std::string> filter_contexts;
  std::vector<std::string> filter_labels;
  RareString dbms;
  RareString created;
  RareString run_order;
  RareString object_quoting_strategy;
  RareString on_validation_fail;
  OptBool run_on_change;
  OptBool run_always;
  OptBool run_in_transaction;
  OptBool fail_on_error;
  OptBool ignore;
  std::vector<std::string> valid_checksums;
  HeapOptional<Preconditions> preconditions;
  std::vector<Change> changes;
  Rollback rollback;
  std::vector<SqlVisitor> modify_sql;
  // With onValidationFail MARK_RAN, the change validation errors found in
  // this changeset ("file:line:col: message"), which the loader would
  // otherwise report: update records such a changeset MARK_RAN without
  // running it (Liquibase 4.28). Always empty under HALT.
  std::vector<std::string> validation_errors;
  SourceLocation loc;

  // Defined in model.cc: each copy or destruction of a changeset walks every
  // alternative of Change, and instantiating that in every file that copies
  // one made the test sources compile three times slower.
  ChangeSet();
  ChangeSet(const ChangeSet&);
  ChangeSet(ChangeSet&&) noexcept;
  ChangeSet& operator=(const ChangeSet&);
  ChangeSet& operator=(ChangeSet&&) noexcept;
  ~ChangeSet();

  bool RunInTransaction() const { return run_in_transaction.value_or(true); }
  // "path::id::author", Liquibase's way of naming a changeset.
  std::string Identity() const { return file_path + "::" + id + "::" + author; }
};

// The whole changelog after includes are resolved, in execution order.
struct DatabaseChangeLog {
  std::string root_file;  // the path given on the command line
  // Changelog-level preConditions of every file, in load order; all are
  // checked before any changeset runs.
  std::vector<Preconditions> preconditions;
  std::vector<ChangeSet> changesets;
};

}  // namespace strata
