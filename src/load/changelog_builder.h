// The format-independent half of changelog parsing. The YAML and XML readers
// walk their own syntax and hand (name, value, location) triples to a
// ChangeLogBuilder, which sets model fields through the Fields() tables,
// checks required and unknown attributes, and handles changeSet, include,
// property, rollback and changelog-level attributes the same way for every
// format. Structured values (columns, constraints) stay with the readers,
// which build them through the same field tables.
#pragma once

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "load/paths.h"
#include "load/properties.h"
#include "load/scalar.h"
#include "strata/load.h"
#include "strata/model.h"

namespace strata::load {

namespace yaml {
class Document;
}

// An include a YAML file names with a literal path (no `${}`), seen in its
// tree before any entry is converted: the loader reads and parses such
// files ahead on a second thread. Only a guess: the include entry itself,
// converted later, decides what is loaded.
struct IncludeHint {
  std::string file;
  bool relative_to_changelog_file = false;
};

struct IncludeSpec {
  std::string file;
  bool relative_to_changelog_file = false;
  bool error_if_missing = true;
  OptString context;  // contextFilter wins
  OptString labels;
  bool ignore = false;
  SourceLocation loc;
};

// An includeAll entry: every changelog file under `path`, in path order.
struct IncludeAllSpec {
  std::string path;
  bool relative_to_changelog_file = false;
  bool error_if_missing_or_empty = true;
  OptString context;  // contextFilter wins
  OptString labels;
  bool ignore = false;
  // Depth of a file below `path`: 1 for a file directly in it.
  int min_depth = 0;
  int max_depth = std::numeric_limits<int>::max();
  OptString ends_with_filter;
  SourceLocation loc;
};

using ChangeLogEntry = std::variant<ChangeSet, IncludeSpec, IncludeAllSpec>;

struct ParsedChangeLog {
  OptString logical_file_path;
  OptString context;  // changelog-level context/contextFilter
  OptString object_quoting_strategy;
  std::vector<Preconditions> preconditions;  // changelog-level
  // In document order. ChangeSet.file_path is not set yet.
  std::vector<ChangeLogEntry> entries;
};

struct FileInfo {
  std::shared_ptr<const std::string> display;  // shared by every location
  ResolvedFile resolved;
  int id = 0;  // for file-local properties
  // When set, takes each entry as soon as it is read (with the changelog
  // read so far), instead of ParsedChangeLog::entries: the loader then
  // loads an include before the entries after it are expanded, so that
  // the properties it defines reach them, as in Liquibase.
  std::function<void(ChangeLogEntry&&, const ParsedChangeLog&)> on_entry;
  // Where warnings go (LoadResult::warnings); null: dropped.
  std::vector<Diagnostic>* warnings = nullptr;
  // YAML only. `parsed`: the tree of this file's text, already built (and
  // its text checked) on the loader's second thread; the parser reads it
  // instead of the text. `on_include_hints`: takes the file's literal
  // includes, in order, once its tree is built.
  const yaml::Document* parsed = nullptr;
  std::function<void(std::vector<IncludeHint>)> on_include_hints;
};

inline void EmitEntry(const FileInfo& file, ParsedChangeLog& log,
                      ChangeLogEntry&& entry) {
  if (file.on_entry) {
    file.on_entry(std::move(entry), log);
  } else {
    log.entries.push_back(std::move(entry));
  }
}

// The signature every format's parser has: parses `text`, pre-scanning its
// `property` entries into `properties`, then converts every entry with `${}`
// expanded. Problems go to `errors`; never throws.
using ParseChangeLogFn = ParsedChangeLog (*)(const std::string& text,
                                             const FileInfo& file,
                                             const SearchPath& search_path,
                                             const LoadOptions& options,
                                             PropertyStore& properties,
                                             std::vector<Diagnostic>& errors);

// A scalar as a format gives it: YAML resolves plain scalars to Java types,
// XML attribute values and text bodies are always strings.
struct Value {
  JavaScalar scalar;  // kind kNull: null / absent
  SourceLocation loc;

  static Value Null(SourceLocation loc) {
    return {{ScalarKind::kNull, ""}, std::move(loc)};
  }
  static Value String(std::string text, SourceLocation loc) {
    return {{ScalarKind::kString, std::move(text)}, std::move(loc)};
  }
};

// The item name of a list field of X items, in XML the child element and in
// YAML the optional wrapper key of each item: `param` for a kParamList
// field, X::kItemName when X declares one, else the field name without its
// plural 's' ("columns" -> "column").
template <typename X>
std::string_view ItemName(std::string_view list_field, unsigned flags = 0) {
  if (flags & kParamList) return "param";
  if constexpr (requires { X::kItemName; }) {
    return X::kItemName;
  } else {
    if (!list_field.empty() && list_field.back() == 's')
      list_field.remove_suffix(1);
    return list_field;
  }
}

// Field types that take a single scalar value.
template <typename T>
inline constexpr bool kIsScalarField =
    kIsOptString<T> || std::is_same_v<T, OptBool> || kIsOptNumeric<T>;

// Structs with a Fields() table (ColumnConfig, ConstraintsConfig, ...).
template <typename T>
concept HasFields = requires { T::Fields(); };

// std::vector<X> / std::optional<X> of a struct with Fields().
template <typename T>
struct StructList : std::false_type {};
template <HasFields X>
struct StructList<std::vector<X>> : std::true_type {
  using Item = X;
};
template <typename T>
struct OptionalStruct : std::false_type {};
template <HasFields X>
struct OptionalStruct<std::optional<X>> : std::true_type {
  using Item = X;
};
template <HasFields X>
struct OptionalStruct<HeapOptional<X>> : std::true_type {
  using Item = X;
};

// The member type a Field points at: FieldMember<decltype(f)>.
template <typename F>
struct FieldTraits;
template <typename Owner, typename T>
struct FieldTraits<Field<Owner, T>> {
  using Member = T;
};
template <typename F>
using FieldMember = typename FieldTraits<std::remove_cvref_t<F>>::Member;

// Attributes AddColumnConfig adds to ColumnConfig.
inline bool IsAddColumnOnly(std::string_view name) {
  return name == "afterColumn" || name == "beforeColumn" || name == "position";
}

// Calls fn(field) for the field of S named `name` and returns true, or
// returns false when S has none. ColumnConfig's AddColumnConfig-only fields
// exist only when `add_column`.
template <typename S, typename Fn>
bool FindField(std::string_view name, bool add_column, Fn&& fn) {
  bool found = false;
  ForEachField<S>([&](const auto& f) {
    if (found || f.name != name) return;
    if constexpr (std::is_same_v<S, ColumnConfig>) {
      if (!add_column && IsAddColumnOnly(f.name)) return;
    }
    found = true;
    fn(f);
  });
  return found;
}

namespace detail {
template <size_t I, typename Fn>
bool TryChangeType(std::string_view name, Fn& fn) {
  using T = std::variant_alternative_t<I, Change>;
  if (T::kName != name) return false;
  fn(std::type_identity<T>());
  return true;
}
// A fold over a function template rather than over a lambda: clang 14 (the
// fuzz build's compiler) crashes instantiating a lambda expanded in a fold
// inside a generic lambda.
template <typename Fn, size_t... I>
bool WithChangeTypeIn(std::string_view name, Fn& fn, std::index_sequence<I...>) {
  return (TryChangeType<I>(name, fn) || ...);
}
}  // namespace detail

// Calls fn(std::type_identity<T>()) for the change type T whose kName is
// `name`; false when there is none.
template <typename Fn>
bool WithChangeType(std::string_view name, Fn&& fn) {
  return detail::WithChangeTypeIn(name, fn,
                                  std::make_index_sequence<std::variant_size_v<Change>>());
}

// The fixed attribute sets of changelog entries, for readers (unknown
// names are errors) and for the schema generators.
enum class AttrKind { kString, kBoolean, kInteger };
struct AttributeSpec {
  std::string_view name;
  AttrKind kind = AttrKind::kString;
  bool required = false;
  // XML writes it as a child element with a text body (<comment>),
  // YAML/JSON as a key.
  bool xml_child = false;
  // Repeatable (YAML: a scalar or a list of scalars).
  bool repeated = false;
};

inline constexpr AttributeSpec kChangeSetAttributes[] = {
    {"id", AttrKind::kString, true},
    {"author"},  // empty or missing is an error only under --strict
    {"context"},
    {"contextFilter"},
    {"labels"},
    {"dbms"},
    {"runOnChange", AttrKind::kBoolean},
    {"runAlways", AttrKind::kBoolean},
    {"alwaysRun", AttrKind::kBoolean},
    {"runInTransaction", AttrKind::kBoolean},
    {"failOnError", AttrKind::kBoolean},
    {"ignore", AttrKind::kBoolean},
    {"logicalFilePath"},
    {"objectQuotingStrategy"},
    {"onValidationFail"},
    {"created"},
    {"runOrder"},
    {"runWith"},
    {"runWithSpoolFile"},
    {"comment", AttrKind::kString, false, true},
    {"validCheckSum", AttrKind::kString, false, true, true},
};

inline constexpr AttributeSpec kIncludeAttributes[] = {
    {"file", AttrKind::kString, true},
    {"relativeToChangelogFile", AttrKind::kBoolean},
    {"errorIfMissing", AttrKind::kBoolean},
    {"ignore", AttrKind::kBoolean},
    {"context"},
    {"contextFilter"},
    {"labels"},
};

inline constexpr AttributeSpec kIncludeAllAttributes[] = {
    {"path", AttrKind::kString, true},
    {"relativeToChangelogFile", AttrKind::kBoolean},
    {"errorIfMissingOrEmpty", AttrKind::kBoolean},
    {"ignore", AttrKind::kBoolean},
    {"context"},
    {"contextFilter"},
    {"labels"},
    {"minDepth", AttrKind::kInteger},
    {"maxDepth", AttrKind::kInteger},
    {"endsWithFilter"},
    // Java class names: recognised so that the error says why.
    {"filter"},
    {"resourceFilter"},
    {"resourceComparator"},
};

inline constexpr AttributeSpec kPropertyAttributes[] = {
    {"name"},
    {"value"},
    {"file"},
    {"dbms"},
    {"global", AttrKind::kBoolean},
    {"relativeToChangelogFile", AttrKind::kBoolean},
    {"errorIfMissing", AttrKind::kBoolean},
    {"context"},
    {"contextFilter"},
    {"labels"},
    {"target"},
};

inline constexpr AttributeSpec kModifySqlAttributes[] = {
    {"dbms"},
    {"context"},
    {"contextFilter"},
    {"labels"},
    {"applyToRollback", AttrKind::kBoolean},
};

inline constexpr AttributeSpec kChangeLogAttributes[] = {
    {"logicalFilePath"},
    {"context"},
    {"contextFilter"},
    {"objectQuotingStrategy"},
};

template <size_t N>
bool IsAttribute(const AttributeSpec (&table)[N], std::string_view name) {
  for (const AttributeSpec& a : table)
    if (a.name == name) return true;
  return false;
}

inline constexpr AttributeSpec kPreconditionsAttributes[] = {
    {"onFail"},         {"onError"},     {"onFailMessage"},
    {"onErrorMessage"}, {"onSqlOutput"}, {"onUpdateSQL"},
};

// The precondition types of Liquibase 4.28 (open source) and their
// attributes. `nested`: and / or / not, which hold other preconditions.
// `body`: the attribute an XML text body or a YAML scalar value sets.
struct PreconditionType {
  std::string_view name;
  std::array<std::string_view, 5> attributes;  // unused slots are empty
  std::array<std::string_view, 2> required;
  bool nested = false;
  std::string_view body;
};
inline constexpr PreconditionType kPreconditionTypes[] = {
    {"and", {}, {}, true},
    {"or", {}, {}, true},
    {"not", {}, {}, true},
    {"dbms", {"type"}, {"type"}},
    {"runningAs", {"username"}, {"username"}},
    {"changeSetExecuted", {"id", "author", "changeLogFile"}, {"id", "author"}},
    {"columnExists",
     {"catalogName", "schemaName", "tableName", "columnName"},
     {"tableName", "columnName"}},
    {"tableExists", {"catalogName", "schemaName", "tableName"}, {"tableName"}},
    {"viewExists", {"catalogName", "schemaName", "viewName"}, {"viewName"}},
    {"tableIsEmpty", {"catalogName", "schemaName", "tableName"}, {"tableName"}},
    {"rowCount",
     {"catalogName", "schemaName", "tableName", "expectedRows"},
     {"tableName", "expectedRows"}},
    {"foreignKeyConstraintExists",
     {"catalogName", "schemaName", "foreignKeyTableName", "foreignKeyName"},
     {"foreignKeyName"}},
    {"indexExists",
     {"catalogName", "schemaName", "tableName", "columnNames", "indexName"}},
    {"sequenceExists", {"catalogName", "schemaName", "sequenceName"}, {"sequenceName"}},
    {"primaryKeyExists",
     {"catalogName", "schemaName", "primaryKeyName", "tableName"}},
    {"uniqueConstraintExists",
     {"catalogName", "schemaName", "tableName", "columnNames", "constraintName"},
     {"tableName"}},
    {"sqlCheck", {"expectedResult", "sql"}, {"expectedResult", "sql"}, false, "sql"},
    {"changeLogPropertyDefined", {"property", "value"}, {"property"}},
    {"expectedQuotingStrategy", {"strategy"}, {"strategy"}},
};

inline const PreconditionType* FindPreconditionType(std::string_view name) {
  for (const PreconditionType& t : kPreconditionTypes)
    if (t.name == name) return &t;
  return nullptr;
}

// Rollback attributes that name another changeset (not supported yet).
inline bool IsRollbackReference(std::string_view name) {
  return name == "changeSetId" || name == "changeSetAuthor" ||
         name == "changeSetPath";
}

// changeSet children no format supports yet ("<name> is not supported yet").
inline bool IsUnsupportedChangeSetChild(std::string_view name) {
  (void)name;
  return false;
}

// A modifySql block being read: its attributes apply to every visitor in it.
struct ModifySqlDraft {
  SourceLocation loc;
  OptString dbms, context, context_filter, labels;
  OptBool apply_to_rollback;
  std::vector<SqlVisitor> visitors;
};

// Changelog entries no format supports yet.
inline bool IsUnsupportedChangeLogEntry(std::string_view name) {
  return name == "modifyChangeSets" || name == "removeChangeSetProperty";
}

// A changeSet being read.
struct ChangeSetDraft {
  ChangeSet cs;
  OptString context, context_filter;
  bool has_id = false;
};

// An include being read.
struct IncludeDraft {
  SourceLocation loc;
  OptString file, context, context_filter, labels;
  OptBool relative_to_changelog_file, error_if_missing, ignore;
};

// An includeAll being read.
struct IncludeAllDraft {
  SourceLocation loc;
  OptString path, context, context_filter, labels, ends_with_filter;
  OptBool relative_to_changelog_file, error_if_missing_or_empty, ignore;
  std::optional<int> min_depth, max_depth;
};

// A property entry being read (values are kept unexpanded, as Liquibase
// reads them).
struct PropertyDraft {
  SourceLocation loc;
  OptString name, value, dbms, file, context, labels;
  OptBool global, relative_to_changelog_file, error_if_missing;
};

class ChangeLogBuilder {
 public:
  ChangeLogBuilder(const FileInfo& file, const SearchPath& search_path,
                   const LoadOptions& options, PropertyStore& properties,
                   std::vector<Diagnostic>& errors)
      : file_(file),
        search_path_(search_path),
        options_(options),
        properties_(properties),
        errors_(errors) {}

  const FileInfo& file() const { return file_; }
  // For a parse that is undone and done again (yaml_changelog.cc's
  // RunStreaming): the errors reported so far, and dropping the later ones.
  size_t ErrorCount() const { return errors_.size(); }
  std::vector<Diagnostic>& Errors() { return errors_; }
  void TruncateErrors(size_t count) {
    if (errors_.size() > count)
      errors_.erase(errors_.begin() + static_cast<std::ptrdiff_t>(count), errors_.end());
    change_errors_.clear();
    change_error_at_.clear();
  }
  void Error(const SourceLocation& loc, std::string message) {
    errors_.push_back({loc, std::move(message)});
  }
  void UnknownAttribute(const SourceLocation& loc, std::string_view name,
                        std::string_view owner);
  // An attribute Liquibase's YAML/JSON parser skips (it reads only the
  // fields a change or column has): a warning, not an error.
  void IgnoredAttribute(const SourceLocation& loc, std::string_view name,
                        std::string_view owner);
  void Warning(const SourceLocation& loc, std::string message) {
    if (file_.warnings) file_.warnings->push_back({loc, std::move(message), true});
  }
  // A change validation error (a missing required attribute): held until
  // FinishChangeSet knows the changeset's onValidationFail, which either
  // reports it or keeps it on the changeset (MARK_RAN).
  void ChangeError(const SourceLocation& loc, std::string message) {
    change_errors_.push_back({loc, std::move(message)});
    change_error_at_.push_back(errors_.size());
  }
  // Reports the held change validation errors where they were raised, so
  // that errors stay in file order. Called by FinishChangeSet (after
  // taking them under MARK_RAN) and the destructor.
  void FlushChangeErrors() {
    for (size_t i = change_errors_.size(); i-- > 0;) {
      size_t at = std::min(change_error_at_[i], errors_.size());
      errors_.insert(errors_.begin() + static_cast<std::ptrdiff_t>(at),
                     std::move(change_errors_[i]));
    }
    change_errors_.clear();
    change_error_at_.clear();
  }
  ~ChangeLogBuilder() { FlushChangeErrors(); }

  // The Java text of a value; strings get `${}` expansion unless `expand`
  // is false. nullopt for null.
  std::optional<std::string> Text(const Value& v, bool expand = true);

  // Scalar field setters; `name` is the attribute name for messages.
  void Set(OptString& dst, const Value& v, std::string_view name);
  void Set(OptBool& dst, const Value& v, std::string_view name);
  void Set(OptNumeric& dst, const Value& v, std::string_view name);
  // As the std::optional forms (a value that does not convert leaves dst
  // as it was).
  template <typename T>
  void Set(HeapOptional<T>& dst, const Value& v, std::string_view name) {
    std::optional<T> o = dst;
    Set(o, v, name);
    dst = std::move(o);
  }
  // A column's valueBoolean / valueNumeric given as text, read as Liquibase
  // 4.28 reads them (verified with its update-sql and checksums): any
  // valueBoolean text but "true" (any case) is false, as Java's
  // Boolean.parseBoolean, so "falsee" is FALSE; a valueNumeric text that
  // does not start like a number is a valueComputed (raw SQL, and serialized
  // as valueComputed for the checksum), so valueNumeric="true" writes `true`.
  // Returns false for any other field or value kind, which then goes through
  // Set().
  bool SetColumnValue(ColumnConfig& c, std::string_view name, const Value& v);

  // Reports every kRequired field of `s` that is missing, at s.loc.
  template <typename S>
  void CheckRequired(const S& s, std::string_view owner);
  // After all attributes of a change are set: Liquibase's normalisation
  // (sql is trimmed) and the required-attribute checks.
  template <typename T>
  void FinishChange(T& change);

  // changeSet attributes (and the text of XML's comment / validCheckSum
  // children). False when `name` is not a changeSet attribute.
  bool SetChangeSetAttribute(ChangeSetDraft& d, std::string_view name,
                             const Value& v, const SourceLocation& key_loc);
  // Resolves context/contextFilter and checks the id.
  ChangeSet FinishChangeSet(ChangeSetDraft&& d);

  // modifySql: attributes (dbms, context, contextFilter, labels,
  // applyToRollback; false when `name` is none of them), then each visitor
  // element (append, prepend, replace, regExpReplace; false when `kind` is
  // none of them) with its (attribute, value) pairs, then Finish, which
  // appends the visitors to `cs` with the block's attributes.
  bool SetModifySqlAttribute(ModifySqlDraft& d, std::string_view name, const Value& v);
  bool AddSqlVisitor(ModifySqlDraft& d, std::string_view kind,
                     const std::vector<std::pair<std::string, Value>>& attrs,
                     const SourceLocation& loc);
  void FinishModifySql(ChangeSet& cs, ModifySqlDraft&& d);

  // A rollback given as text: raw SQL, trimmed; blank text adds nothing.
  void AddRollbackSql(Rollback& rollback, const Value& text);

  bool SetIncludeAttribute(IncludeDraft& d, std::string_view name,
                           const Value& v, const SourceLocation& key_loc);
  std::optional<IncludeSpec> FinishInclude(IncludeDraft&& d);

  bool SetIncludeAllAttribute(IncludeAllDraft& d, std::string_view name,
                              const Value& v, const SourceLocation& key_loc);
  std::optional<IncludeAllSpec> FinishIncludeAll(IncludeAllDraft&& d);

  bool SetPropertyAttribute(PropertyDraft& d, std::string_view name,
                            const Value& v, const SourceLocation& key_loc);
  // Defines the property (or reads its properties file) unless its dbms
  // excludes the target engine.
  void DefineProperty(const PropertyDraft& d);

  // preConditions attributes (onFail, ...). False when `name` is none.
  bool SetPreconditionsAttribute(Preconditions& p, std::string_view name,
                                 const Value& v);
  // The precondition of type `name` at `loc`, or nullopt (reported) when
  // no such type exists.
  std::optional<Precondition> StartPrecondition(std::string_view name,
                                                const SourceLocation& loc);
  // One attribute of `p`; unknown names are reported.
  void SetPreconditionAttribute(Precondition& p, std::string_view name,
                                const Value& v, const SourceLocation& key_loc);
  // Reports missing required attributes and empty and/or/not.
  // Checks required attributes; resolves changeLogPropertyDefined's property.
  void FinishPrecondition(Precondition& p);

  // logicalFilePath, context, contextFilter (wins), objectQuotingStrategy.
  bool SetChangeLogAttribute(ParsedChangeLog& log, std::string_view name,
                             const Value& v);

 private:
  const FileInfo& file_;
  const SearchPath& search_path_;
  const LoadOptions& options_;
  PropertyStore& properties_;
  std::vector<Diagnostic>& errors_;
  std::vector<Diagnostic> change_errors_;
  std::vector<size_t> change_error_at_;  // errors_.size() when each was raised
};

// Liquibase's dbms list match: "all", "none", "!x" negation, comma list;
// an empty list matches. Case-insensitive.
bool DbmsMatches(std::string_view list, std::string_view dbms);

// ---- templates --------------------------------------------------------------

namespace detail {
template <typename T>
bool IsMissing(const std::vector<T>& v) {
  return v.empty();
}
template <typename T>
bool IsMissing(const std::optional<T>& o) {
  return !o.has_value();
}
template <typename T>
bool IsMissing(const HeapOptional<T>& o) {
  return !o.has_value();
}
std::string TrimCopy(std::string_view s);
}  // namespace detail

template <typename S>
void ChangeLogBuilder::CheckRequired(const S& s, std::string_view owner) {
  ForEachField<S>([&](const auto& f) {
    if ((f.flags & kRequired) && detail::IsMissing(s.*(f.member)))
      ChangeError(s.loc, std::string(owner) + ": missing required attribute '" +
                             std::string(f.name) + "'");
  });
}

template <typename T>
void ChangeLogBuilder::FinishChange(T& change) {
  if constexpr (std::is_same_v<T, Sql>) {
    if (change.sql) {
      change.sql = detail::TrimCopy(*change.sql);
      if (change.sql->empty()) change.sql.reset();
    }
  }
  CheckRequired(change, T::kName);
  if constexpr (std::is_same_v<T, DropColumn>) {
    if (!change.column_name && change.columns.empty())
      ChangeError(change.loc,
                  "dropColumn: missing required attribute 'columnName' or 'columns'");
  }
}

}  // namespace strata::load
