#include "load/yaml_changelog.h"

// yaml-cpp 0.7's headers trip GCC 12's -Wdangling-pointer false positive.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>
#pragma GCC diagnostic pop

#include <array>
#include <cctype>
#include <optional>
#include <type_traits>
#include <utility>

#include "load/scalar.h"
#include "load/strings.h"

namespace strata::load {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <typename T>
inline constexpr bool kIsOptional = false;
template <typename T>
inline constexpr bool kIsOptional<std::optional<T>> = true;

bool IsMissing(const Columns& c) { return c.empty(); }
template <typename T>
bool IsMissing(const std::optional<T>& o) {
  return !o.has_value();
}

// Attributes AddColumnConfig adds to ColumnConfig.
bool IsAddColumnOnly(std::string_view name) {
  return name == "afterColumn" || name == "beforeColumn" || name == "position";
}

// What a field setter needs to know about where it is.
struct Attr {
  std::string_view name;   // attribute name as written
  std::string_view owner;  // "createTable", "column", ...
  const SourceLocation& key_loc;
  bool add_column = false;  // columns belong to addColumn
};

class Parser {
 public:
  Parser(const FileInfo& file, const SearchPath& search_path,
         const LoadOptions& options, PropertyStore& properties,
         std::vector<Diagnostic>& errors)
      : file_(file),
        search_path_(search_path),
        options_(options),
        properties_(properties),
        errors_(errors) {}

  ParsedChangeLog Run(const std::string& text);

  // Generic change loading (public so the dispatch table can name it).
  template <size_t I>
  std::optional<Change> LoadChange(const YAML::Node& key,
                                   const YAML::Node& value);

 private:
  SourceLocation Loc(const YAML::Node& n) const {
    YAML::Mark m = n.Mark();
    if (m.line < 0) return SourceLocation{file_.display, 0, 0};
    return SourceLocation{file_.display, m.line + 1, m.column + 1};
  }
  SourceLocation Loc(const YAML::Node& n, const SourceLocation& fallback) const {
    return n.Mark().line < 0 ? fallback : Loc(n);
  }
  void Error(const SourceLocation& loc, std::string message) {
    errors_.push_back({loc, std::move(message)});
  }
  std::string KeyName(const YAML::Node& key) {
    if (key.IsScalar()) return key.Scalar();
    Error(Loc(key), "expected a scalar key");
    return std::string();
  }

  // Java text of a scalar; strings get `${}` expansion. nullopt for null
  // (and, after reporting, for non-scalars).
  std::optional<std::string> Text(const YAML::Node& n, std::string_view what,
                                  const SourceLocation& fallback,
                                  bool expand = true);
  JavaScalar Resolve(const YAML::Node& n) const {
    if (n.IsNull()) return {ScalarKind::kNull, ""};
    if (n.Tag() == "?") return ResolvePlainScalar(n.Scalar());
    return {ScalarKind::kString, n.Scalar()};
  }

  void Set(OptString& dst, const YAML::Node& v, const Attr& a);
  void Set(OptBool& dst, const YAML::Node& v, const Attr& a);
  void Set(OptNumeric& dst, const YAML::Node& v, const Attr& a);
  void Set(Columns& dst, const YAML::Node& v, const Attr& a);
  void Set(std::optional<ConstraintsConfig>& dst, const YAML::Node& v,
           const Attr& a);

  template <typename S>
  void LoadAttributes(const YAML::Node& map, S& out, std::string_view owner,
                      bool add_column);
  template <typename S>
  void CheckRequired(const S& s, std::string_view owner);

  std::optional<Change> ParseChange(const YAML::Node& key,
                                    const YAML::Node& value);
  void ParseChanges(const YAML::Node& list, std::vector<Change>& out,
                    const SourceLocation& where);
  void ParseRollback(const YAML::Node& key, const YAML::Node& value,
                     Rollback& out);
  std::optional<ChangeSet> ParseChangeSet(const YAML::Node& key,
                                          const YAML::Node& value);
  std::optional<IncludeSpec> ParseInclude(const YAML::Node& key,
                                          const YAML::Node& value);
  void DefineProperty(const YAML::Node& key, const YAML::Node& value);

  const FileInfo& file_;
  const SearchPath& search_path_;
  const LoadOptions& options_;
  PropertyStore& properties_;
  std::vector<Diagnostic>& errors_;
};

std::optional<std::string> Parser::Text(const YAML::Node& n,
                                        std::string_view what,
                                        const SourceLocation& fallback,
                                        bool expand) {
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  if (!n.IsScalar()) {
    Error(Loc(n, fallback), StrCat({"'", what, "' must be a scalar value"}));
    return std::nullopt;
  }
  JavaScalar s = Resolve(n);
  if (s.kind == ScalarKind::kNull) return std::nullopt;
  if (s.kind == ScalarKind::kString && expand &&
      PropertyStore::NeedsExpansion(s.text))
    return properties_.Expand(s.text, file_.id, Loc(n, fallback), errors_);
  return std::move(s.text);
}

void Parser::Set(OptString& dst, const YAML::Node& v, const Attr& a) {
  dst = Text(v, a.name, a.key_loc);
}

void Parser::Set(OptBool& dst, const YAML::Node& v, const Attr& a) {
  if (!v.IsDefined() || v.IsNull()) {
    dst.reset();
    return;
  }
  std::optional<std::string> text = Text(v, a.name, a.key_loc);
  if (!text) return;
  std::string lower = Lower(*text);
  if (lower == "true") {
    dst = true;
  } else if (lower == "false") {
    dst = false;
  } else {
    Error(Loc(v, a.key_loc), "invalid boolean '" + *text + "' for '" +
                                 std::string(a.name) +
                                 "' (expected true or false)");
  }
}

void Parser::Set(OptNumeric& dst, const YAML::Node& v, const Attr& a) {
  if (!v.IsDefined() || v.IsNull()) {
    dst.reset();
    return;
  }
  if (!v.IsScalar()) {
    Error(Loc(v, a.key_loc),
          StrCat({"'", a.name, "' must be a scalar value"}));
    return;
  }
  JavaScalar s = Resolve(v);
  switch (s.kind) {
    case ScalarKind::kNull:
      dst.reset();
      return;
    case ScalarKind::kInt:
      dst = Numeric{s.text};
      return;
    case ScalarKind::kFloat:
      dst = Numeric{CanonicalDoubleNumeric(s.text)};
      return;
    case ScalarKind::kBool:
      break;
    case ScalarKind::kString: {
      std::string text =
          PropertyStore::NeedsExpansion(s.text)
              ? properties_.Expand(s.text, file_.id, Loc(v), errors_)
              : s.text;
      if (IsDecimalNumberText(text)) {
        dst = Numeric{text};
        return;
      }
      s.text = text;
      break;
    }
  }
  Error(Loc(v, a.key_loc), "invalid number '" + s.text + "' for '" +
                               std::string(a.name) + "'");
}

void Parser::Set(Columns& dst, const YAML::Node& v, const Attr& a) {
  dst.clear();
  if (!v.IsDefined() || v.IsNull()) return;
  auto load_one = [&](const YAML::Node& item) {
    // `- column: {...}` or a bare `- {...}`.
    YAML::Node map = item;
    SourceLocation loc = Loc(item, a.key_loc);
    if (item.IsMap() && item.size() == 1) {
      auto it = item.begin();
      if (it->first.IsScalar() && it->first.Scalar() == "column") {
        map.reset(it->second);  // rebind; operator= would overwrite `item`
        loc = Loc(it->first);
      }
    }
    ColumnConfig col;
    col.loc = loc;
    if (map.IsMap()) {
      LoadAttributes(map, col, "column", a.add_column);
    } else if (!map.IsNull()) {
      Error(Loc(map, loc), "a column must be a map of attributes");
      return;
    }
    dst.push_back(std::move(col));
  };
  if (v.IsSequence()) {
    dst.reserve(v.size());
    for (const auto& item : v) load_one(item);
  } else if (v.IsMap()) {
    load_one(v);
  } else {
    Error(Loc(v, a.key_loc),
          StrCat({"'", a.name, "' must be a list of columns"}));
  }
}

void Parser::Set(std::optional<ConstraintsConfig>& dst, const YAML::Node& v,
                 const Attr& a) {
  if (!v.IsDefined() || v.IsNull()) {
    dst.reset();
    return;
  }
  if (!v.IsMap()) {
    Error(Loc(v, a.key_loc),
          StrCat({"'", a.name, "' must be a map of attributes"}));
    return;
  }
  ConstraintsConfig c;
  c.loc = a.key_loc;
  LoadAttributes(v, c, "constraints", false);
  dst = std::move(c);
}

template <typename S>
void Parser::LoadAttributes(const YAML::Node& map, S& out,
                            std::string_view owner, bool add_column) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string key = KeyName(it->first);
    SourceLocation key_loc = Loc(it->first);
    bool found = false;
    ForEachField<S>([&](const auto& f) {
      if (found || f.name != key) return;
      if constexpr (std::is_same_v<S, ColumnConfig>) {
        if (!add_column && IsAddColumnOnly(f.name)) return;
      }
      found = true;
      Set(out.*(f.member), it->second,
          Attr{f.name, owner, key_loc, std::is_same_v<S, AddColumn>});
    });
    if (!found)
      Error(key_loc, StrCat({"unknown attribute '", key, "' for ", owner}));
  }
}

template <typename S>
void Parser::CheckRequired(const S& s, std::string_view owner) {
  ForEachField<S>([&](const auto& f) {
    if ((f.flags & kRequired) && IsMissing(s.*(f.member)))
      Error(s.loc, std::string(owner) + ": missing required attribute '" +
                       std::string(f.name) + "'");
  });
}

template <size_t I>
std::optional<Change> Parser::LoadChange(const YAML::Node& key,
                                         const YAML::Node& value) {
  using T = std::variant_alternative_t<I, Change>;
  T change;
  change.loc = Loc(key);
  if (value.IsMap()) {
    LoadAttributes(value, change, T::kName, std::is_same_v<T, AddColumn>);
  } else if (value.IsScalar()) {
    // `- sql: "select 1"`: the scalar is the body.
    bool has_body = false;
    ForEachField<T>([&](const auto& f) {
      using M = std::remove_reference_t<decltype(change.*(f.member))>;
      if constexpr (std::is_same_v<M, OptString>) {
        if (!has_body && (f.flags & kBody)) {
          has_body = true;
          Set(change.*(f.member), value, Attr{f.name, T::kName, change.loc});
        }
      }
    });
    if (!has_body)
      Error(Loc(value, change.loc),
            std::string(T::kName) + " must be a map of attributes");
  } else if (!value.IsNull()) {
    Error(Loc(value, change.loc),
          std::string(T::kName) + " must be a map of attributes");
  }
  if constexpr (std::is_same_v<T, Sql>) {
    if (change.sql) {
      change.sql = Trim(*change.sql);
      if (change.sql->empty()) change.sql.reset();
    }
  }
  CheckRequired(change, T::kName);
  if constexpr (std::is_same_v<T, DropColumn>) {
    if (!change.column_name && change.columns.empty())
      Error(change.loc,
            "dropColumn: missing required attribute 'columnName' or 'columns'");
  }
  return Change(std::in_place_index<I>, std::move(change));
}

using ChangeLoaderFn = std::optional<Change> (Parser::*)(const YAML::Node&,
                                                         const YAML::Node&);
struct ChangeEntry {
  std::string_view name;
  ChangeLoaderFn load;
};

template <size_t... I>
constexpr std::array<ChangeEntry, sizeof...(I)> MakeChangeTable(
    std::index_sequence<I...>) {
  return {ChangeEntry{std::variant_alternative_t<I, Change>::kName,
                      &Parser::LoadChange<I>}...};
}

const auto& ChangeTable() {
  static const auto table =
      MakeChangeTable(std::make_index_sequence<std::variant_size_v<Change>>());
  return table;
}

std::optional<Change> Parser::ParseChange(const YAML::Node& key,
                                          const YAML::Node& value) {
  std::string name = KeyName(key);
  for (const ChangeEntry& e : ChangeTable())
    if (e.name == name) return (this->*e.load)(key, value);
  Error(Loc(key), "unknown change type '" + name + "'");
  return std::nullopt;
}

void Parser::ParseChanges(const YAML::Node& list, std::vector<Change>& out,
                          const SourceLocation& where) {
  auto add_map = [&](const YAML::Node& map) {
    for (auto it = map.begin(); it != map.end(); ++it)
      if (auto c = ParseChange(it->first, it->second)) out.push_back(std::move(*c));
  };
  if (!list.IsDefined() || list.IsNull()) return;
  if (list.IsMap()) {
    add_map(list);
    return;
  }
  if (!list.IsSequence()) {
    Error(Loc(list, where), "expected a list of changes");
    return;
  }
  out.reserve(out.size() + list.size());
  for (const auto& item : list) {
    if (item.IsMap()) {
      add_map(item);
    } else {
      Error(Loc(item, where), "expected a change (a map such as 'createTable: {...}')");
    }
  }
}

void Parser::ParseRollback(const YAML::Node& key, const YAML::Node& value,
                           Rollback& out) {
  out.specified = true;
  out.loc = Loc(key);
  out.changes.clear();
  if (!value.IsDefined() || value.IsNull()) return;
  if (value.IsScalar()) {
    std::optional<std::string> text = Text(value, "rollback", out.loc);
    if (!text) return;
    std::string body = Trim(*text);
    if (body.empty()) return;
    Sql sql;
    sql.sql = std::move(body);
    sql.loc = Loc(value, out.loc);
    out.changes.emplace_back(std::move(sql));
    return;
  }
  if (value.IsMap()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      std::string name = it->first.IsScalar() ? it->first.Scalar() : "";
      if (name == "changeSetId" || name == "changeSetAuthor" ||
          name == "changeSetPath") {
        Error(Loc(it->first), "rollback referencing another changeset is not supported yet");
        return;
      }
    }
  }
  ParseChanges(value, out.changes, out.loc);
}

std::optional<ChangeSet> Parser::ParseChangeSet(const YAML::Node& key,
                                                const YAML::Node& value) {
  ChangeSet cs;
  cs.loc = Loc(key);
  if (!value.IsMap()) {
    Error(Loc(value, cs.loc), "changeSet must be a map of attributes");
    return std::nullopt;
  }
  OptString context, context_filter;
  bool has_id = false;
  auto set_bool = [&](OptBool& dst, const YAML::Node& v, std::string_view name,
                      const SourceLocation& loc) {
    Set(dst, v, Attr{name, "changeSet", loc});
  };
  for (auto it = value.begin(); it != value.end(); ++it) {
    std::string k = KeyName(it->first);
    YAML::Node v = it->second;  // a copy: it-> yields a temporary proxy
    SourceLocation kl = Loc(it->first);
    if (k == "id") {
      has_id = true;
      cs.id = Text(v, k, kl).value_or("");
    } else if (k == "author") {
      cs.author = Text(v, k, kl).value_or("");
    } else if (k == "comment") {
      if (auto t = Text(v, k, kl)) cs.comment = Trim(*t);
    } else if (k == "context") {
      context = Text(v, k, kl);
    } else if (k == "contextFilter") {
      context_filter = Text(v, k, kl);
    } else if (k == "labels") {
      cs.labels = Text(v, k, kl);
    } else if (k == "dbms") {
      cs.dbms = Text(v, k, kl);
    } else if (k == "runOnChange") {
      set_bool(cs.run_on_change, v, k, kl);
    } else if (k == "runAlways" || k == "alwaysRun") {
      set_bool(cs.run_always, v, k, kl);
    } else if (k == "runInTransaction") {
      set_bool(cs.run_in_transaction, v, k, kl);
    } else if (k == "failOnError") {
      set_bool(cs.fail_on_error, v, k, kl);
    } else if (k == "ignore") {
      set_bool(cs.ignore, v, k, kl);
    } else if (k == "logicalFilePath") {
      cs.logical_file_path = Text(v, k, kl);
    } else if (k == "objectQuotingStrategy") {
      cs.object_quoting_strategy = Text(v, k, kl);
    } else if (k == "onValidationFail") {
      cs.on_validation_fail = Text(v, k, kl);
    } else if (k == "created") {
      cs.created = Text(v, k, kl);
    } else if (k == "runOrder") {
      cs.run_order = Text(v, k, kl);
    } else if (k == "validCheckSum") {
      if (v.IsSequence()) {
        for (const auto& item : v)
          if (auto t = Text(item, k, kl)) cs.valid_checksums.push_back(*t);
      } else if (auto t = Text(v, k, kl)) {
        cs.valid_checksums.push_back(*t);
      }
    } else if (k == "changes") {
      ParseChanges(v, cs.changes, kl);
    } else if (k == "rollback") {
      ParseRollback(it->first, v, cs.rollback);
    } else if (k == "preConditions" || k == "modifySql" || k == "runWith" ||
               k == "runWithSpoolFile") {
      Error(kl, k + " is not supported yet");
    } else {
      Error(kl, "unknown attribute '" + k + "' for changeSet");
    }
  }
  cs.context = context_filter ? context_filter : context;
  if (!has_id) {
    Error(cs.loc, "changeSet: missing required attribute 'id'");
  } else if (cs.id.empty()) {
    Error(cs.loc, "changeSet: id must not be empty");
  }
  return cs;
}

std::optional<IncludeSpec> Parser::ParseInclude(const YAML::Node& key,
                                                const YAML::Node& value) {
  IncludeSpec inc;
  inc.loc = Loc(key);
  if (!value.IsMap()) {
    Error(Loc(value, inc.loc), "include must be a map of attributes");
    return std::nullopt;
  }
  OptString file, context, context_filter;
  for (auto it = value.begin(); it != value.end(); ++it) {
    std::string k = KeyName(it->first);
    YAML::Node v = it->second;  // a copy: it-> yields a temporary proxy
    SourceLocation kl = Loc(it->first);
    Attr a{k, "include", kl};
    OptBool b;
    if (k == "file") {
      file = Text(v, k, kl);
    } else if (k == "relativeToChangelogFile") {
      Set(b, v, a);
      inc.relative_to_changelog_file = b.value_or(false);
    } else if (k == "errorIfMissing") {
      Set(b, v, a);
      inc.error_if_missing = b.value_or(true);
    } else if (k == "ignore") {
      Set(b, v, a);
      inc.ignore = b.value_or(false);
    } else if (k == "context") {
      context = Text(v, k, kl);
    } else if (k == "contextFilter") {
      context_filter = Text(v, k, kl);
    } else if (k == "labels") {
      inc.labels = Text(v, k, kl);
    } else {
      Error(kl, "unknown attribute '" + k + "' for include");
    }
  }
  if (!file || file->empty()) {
    Error(inc.loc, "include: missing required attribute 'file'");
    return std::nullopt;
  }
  inc.file = std::move(*file);
  inc.context = context_filter ? context_filter : context;
  return inc;
}

void Parser::DefineProperty(const YAML::Node& key, const YAML::Node& value) {
  SourceLocation loc = Loc(key);
  if (!value.IsMap()) {
    Error(Loc(value, loc), "property must be a map of attributes");
    return;
  }
  OptString name, val, dbms, file;
  OptBool global, relative, error_if_missing;
  for (auto it = value.begin(); it != value.end(); ++it) {
    std::string k = KeyName(it->first);
    YAML::Node v = it->second;  // a copy: it-> yields a temporary proxy
    SourceLocation kl = Loc(it->first);
    Attr a{k, "property", kl};
    // Property entries are read before expansion, as Liquibase does.
    if (k == "name") {
      name = Text(v, k, kl, false);
    } else if (k == "value") {
      val = Text(v, k, kl, false);
    } else if (k == "dbms") {
      dbms = Text(v, k, kl, false);
    } else if (k == "file") {
      file = Text(v, k, kl, false);
    } else if (k == "global") {
      Set(global, v, a);
    } else if (k == "relativeToChangelogFile") {
      Set(relative, v, a);
    } else if (k == "errorIfMissing") {
      Set(error_if_missing, v, a);
    } else if (k == "context" || k == "contextFilter" || k == "labels" ||
               k == "target") {
      // No context/label filter is applied while loading: the property
      // is visible regardless.
    } else {
      Error(kl, "unknown attribute '" + k + "' for property");
    }
  }
  if (dbms && !options_.dbms.empty() && !DbmsMatches(*dbms, options_.dbms))
    return;
  bool is_global = global.value_or(true);
  if (name) {
    properties_.Define(*name, val.value_or(""), is_global, file_.id);
    return;
  }
  if (!file) {
    Error(loc, "property: missing required attribute 'name' or 'file'");
    return;
  }
  ResolvedFile props = relative.value_or(false)
                           ? search_path_.ResolveSibling(file_.resolved, *file)
                           : search_path_.Resolve(*file);
  std::optional<std::string> text;
  if (props.exists) text = ReadWholeFile(props.physical);
  if (!text) {
    if (error_if_missing.value_or(true))
      Error(loc, "property file '" + *file + "' not found");
    return;
  }
  for (auto& [k, v] : ParseJavaProperties(*text))
    properties_.Define(k, v, is_global, file_.id);
}

ParsedChangeLog Parser::Run(const std::string& text) {
  ParsedChangeLog out;
  SourceLocation file_loc{file_.display, 0, 0};
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own message for this is "bad file".
    SourceLocation loc = file_loc;
    if (e.mark.line >= 0) {
      loc.line = e.mark.line + 1;
      loc.column = e.mark.column + 1;
    }
    Error(loc, "YAML nested too deeply (more than " + std::to_string(e.depth() - 1) +
                   " levels)");
    return out;
  } catch (const YAML::Exception& e) {
    SourceLocation loc = file_loc;
    if (e.mark.line >= 0) {
      loc.line = e.mark.line + 1;
      loc.column = e.mark.column + 1;
    }
    Error(loc, e.msg);
    return out;
  }
  if (!root.IsMap()) {
    Error(file_loc, root.IsNull() ? "empty changelog file"
                                  : "a changelog must be a map with a "
                                    "'databaseChangeLog' key");
    return out;
  }
  YAML::Node list;
  bool found = false;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string& k = it->first.Scalar();
    if (k == "databaseChangeLog") {
      list.reset(it->second);
      found = true;
    } else if (k == "logicalFilePath") {
      out.logical_file_path = Text(it->second, k, Loc(it->first));
    }
  }
  if (!found) {
    Error(file_loc, "a changelog must be a map with a 'databaseChangeLog' key");
    return out;
  }
  if (list.IsNull()) return out;
  if (!list.IsSequence()) {
    Error(Loc(list, file_loc),
          "databaseChangeLog must be a list of entries (each starting with "
          "'- changeSet:', '- include:', ...)");
    return out;
  }

  // Properties first, so that every entry of this file sees them.
  for (const auto& item : list) {
    if (!item.IsMap()) continue;
    for (auto it = item.begin(); it != item.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == "property")
        DefineProperty(it->first, it->second);
  }

  out.entries.reserve(list.size());
  for (const auto& item : list) {
    if (!item.IsMap()) {
      Error(Loc(item, file_loc),
            "expected a changelog entry such as '- changeSet:'");
      continue;
    }
    for (auto it = item.begin(); it != item.end(); ++it) {
      std::string k = KeyName(it->first);
      YAML::Node v = it->second;  // a copy: it-> yields a temporary proxy
      SourceLocation kl = Loc(it->first);
      if (k == "changeSet") {
        if (auto cs = ParseChangeSet(it->first, v))
          out.entries.emplace_back(std::move(*cs));
      } else if (k == "include") {
        if (auto inc = ParseInclude(it->first, v))
          out.entries.emplace_back(std::move(*inc));
      } else if (k == "property") {
        // Handled above.
      } else if (k == "logicalFilePath") {
        out.logical_file_path = Text(v, k, kl);
      } else if (k == "context" || k == "contextFilter") {
        if (auto t = Text(v, k, kl);
            t && (k == "contextFilter" || !out.context))
          out.context = t;
      } else if (k == "objectQuotingStrategy") {
        out.object_quoting_strategy = Text(v, k, kl);
      } else if (k == "preConditions" || k == "includeAll" ||
                 k == "modifyChangeSets" || k == "removeChangeSetProperty") {
        Error(kl, k + " is not supported yet");
      } else {
        Error(kl, "unknown changelog entry '" + k + "'");
      }
    }
  }
  return out;
}

}  // namespace

ParsedChangeLog ParseYamlChangeLog(const std::string& text,
                                   const FileInfo& file,
                                   const SearchPath& search_path,
                                   const LoadOptions& options,
                                   PropertyStore& properties,
                                   std::vector<Diagnostic>& errors) {
  Parser parser(file, search_path, options, properties, errors);
  try {
    return parser.Run(text);
  } catch (const std::exception& e) {
    // yaml-cpp representation errors and allocation failures end up here.
    errors.push_back({SourceLocation{file.display, 0, 0},
                      std::string("cannot read changelog: ") + e.what()});
    return ParsedChangeLog();
  }
}

bool DbmsMatches(std::string_view list, std::string_view dbms) {
  std::vector<std::string> items;
  size_t i = 0;
  while (i <= list.size()) {
    size_t j = list.find(',', i);
    if (j == std::string_view::npos) j = list.size();
    std::string item = Lower(Trim(list.substr(i, j - i)));
    if (!item.empty()) items.push_back(std::move(item));
    i = j + 1;
  }
  if (items.empty()) return true;
  std::string db = Lower(dbms);
  bool any_positive = false, positive_match = false;
  for (const auto& item : items) {
    if (item == "all") return true;
  }
  for (const auto& item : items) {
    if (item == "none") return false;
  }
  for (const auto& item : items) {
    if (item[0] == '!') {
      if (Trim(item.substr(1)) == db) return false;
    } else {
      any_positive = true;
      if (item == db) positive_match = true;
    }
  }
  return !any_positive || positive_match;
}

}  // namespace strata::load
