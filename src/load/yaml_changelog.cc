#include "load/yaml_changelog.h"

// yaml-cpp 0.7's headers trip GCC 12's -Wdangling-pointer false positive.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>
#pragma GCC diagnostic pop

#include <algorithm>
#include <array>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>

#include "load/scalar.h"
#include "load/strings.h"
#include "load/yaml_tree.h"

namespace strata::load {
namespace {

// An include/includeAll/change value: a map of attributes, or (as
// Liquibase's ParsedNode merges the entries of a list of maps into one
// node) a non-empty list of such maps, as in `- include:\n    - file: a.yml`.
bool IsAttributeMaps(const yaml::Node& value) {
  if (value.IsMap()) return true;
  if (!value.IsSequence() || value.size() == 0) return false;
  for (const auto& item : value)
    if (!item.IsMap()) return false;
  return true;
}

template <typename Fn>
void ForEachAttributeMap(const yaml::Node& value, Fn fn) {
  if (value.IsMap()) {
    fn(value);
    return;
  }
  for (const auto& item : value) fn(item);
}

// The includes of `list` whose file is a plain literal (no `${}`, not
// ignored), as ParseInclude would read them; anything unusual is left out.
std::vector<IncludeHint> IncludeHints(const yaml::Node& list) {
  std::vector<IncludeHint> out;
  for (const auto& item : list) {
    if (!item.IsMap() || item.size() != 1) continue;
    auto entry = item.begin();
    if (!entry->first.IsScalar() || entry->first.Scalar() != "include" ||
        !entry->second.IsMap())
      continue;
    IncludeHint hint;
    bool ok = true;
    for (const auto& attr : entry->second) {
      const std::string& k = attr.first.Scalar();
      const yaml::Node& v = attr.second;
      if (k == "file" && v.IsScalar() && v.Scalar().find("${") == std::string::npos) {
        hint.file = v.Scalar();
      } else if (k == "relativeToChangelogFile" && v.IsScalar() &&
                 (v.Scalar() == "true" || v.Scalar() == "false")) {
        hint.relative_to_changelog_file = v.Scalar() == "true";
      } else if (k == "ignore" || k == "file" || k == "relativeToChangelogFile") {
        ok = false;
      }
    }
    if (ok && !hint.file.empty()) out.push_back(std::move(hint));
  }
  return out;
}

class Parser {
 public:
  Parser(const FileInfo& file, const SearchPath& search_path,
         const LoadOptions& options, PropertyStore& properties,
         std::vector<Diagnostic>& errors)
      : file_(file), b_(file, search_path, options, properties, errors) {}

  ParsedChangeLog Run(const std::string& text);

 private:
  // Run as it always was: the whole tree first, then its entries.
  ParsedChangeLog RunWhole(const std::string& text);
  // Run with the tree built on a second thread while the entries already
  // complete are converted here; nullopt when this text needs RunWhole
  // (malformed YAML, a property or include entry, a root-level
  // logicalFilePath): everything this run did is undone then.
  std::optional<ParsedChangeLog> RunStreaming(const std::string& text);
  // One entry of the databaseChangeLog list. False (nothing done) for an
  // entry that needs the whole list first when `streaming`.
  bool Entry(const yaml::Node& item, ParsedChangeLog& out, bool streaming);
  void Emit(ParsedChangeLog& out, ChangeLogEntry&& entry) {
    if (keep_entries_) {
      out.entries.push_back(std::move(entry));
      kept_at_.push_back({b_.ErrorCount(), file_.warnings ? file_.warnings->size() : 0});
    } else {
      EmitEntry(file_, out, std::move(entry));
    }
  }

  SourceLocation Loc(const yaml::Node& n) const {
    yaml::Mark m = n.Mark();
    if (m.line < 0) return SourceLocation{file_.display, 0, 0};
    return SourceLocation{file_.display, m.line + 1, m.column + 1};
  }
  SourceLocation Loc(const yaml::Node& n, const SourceLocation& fallback) const {
    return n.Mark().line < 0 ? fallback : Loc(n);
  }
  void Error(const SourceLocation& loc, std::string message) {
    b_.Error(loc, std::move(message));
  }
  std::string KeyName(const yaml::Node& key) {
    if (key.IsScalar()) return key.Scalar();
    Error(Loc(key), "expected a scalar key");
    return std::string();
  }

  // `n` as a builder Value located at n (else `fallback`); null for an
  // absent or null node; nullopt (reported) for a map or a list.
  std::optional<Value> ScalarValue(const yaml::Node& n, std::string_view what,
                                   const SourceLocation& fallback);
  JavaScalar Resolve(const yaml::Node& n) const {
    if (n.IsNull()) return {ScalarKind::kNull, ""};
    if (n.Tag() == "?") return ResolvePlainScalar(n.Scalar());
    return {ScalarKind::kString, n.Scalar()};
  }

  // One field from a YAML value: scalars through the builder, structs and
  // lists of structs (columns, constraints) read here through their tables.
  // `add_column`: the owner is addColumn (its columns take position
  // attributes).
  template <typename M>
  void SetField(M& dst, const yaml::Node& v, std::string_view name,
                const SourceLocation& key_loc, bool add_column,
                unsigned flags = 0);
  template <typename S>
  void LoadAttributes(const yaml::Node& map, S& out, std::string_view owner,
                      bool add_column);
  // The attributes of a changeSet / include / property entry.
  template <typename Draft, size_t N, typename SetFn>
  void LoadEntryAttributes(const yaml::Node& map, Draft& d,
                           const AttributeSpec (&table)[N],
                           std::string_view owner, SetFn set);

  template <typename T>
  Change LoadChange(const yaml::Node& key, const yaml::Node& value);
  std::optional<Change> ParseChange(const yaml::Node& key,
                                    const yaml::Node& value);
  void ParseChanges(const yaml::Node& list, std::vector<Change>& out,
                    const SourceLocation& where);
  void ParseRollback(const yaml::Node& key, const yaml::Node& value,
                     Rollback& out);
  std::optional<ChangeSet> ParseChangeSet(const yaml::Node& key,
                                          const yaml::Node& value);
  void ParseModifySql(const yaml::Node& value, const SourceLocation& where, ChangeSet& cs);
  std::optional<IncludeSpec> ParseInclude(const yaml::Node& key,
                                          const yaml::Node& value);
  std::optional<IncludeAllSpec> ParseIncludeAll(const yaml::Node& key,
                                                const yaml::Node& value);
  // A preConditions block: a list of single-key maps (or one map) holding
  // its options (`- onFail: MARK_RAN`) and its preconditions.
  Preconditions ParsePreconditions(const yaml::Node& key,
                                   const yaml::Node& value);
  // The preconditions in `value` (a list of single-key maps, or a map)
  // into `out`; `block` non-null: the keys may also be its options.
  void ParsePreconditionList(const yaml::Node& value,
                             const SourceLocation& where,
                             std::vector<Precondition>& out,
                             Preconditions* block);
  void DefineProperty(const yaml::Node& key, const yaml::Node& value);

  const FileInfo& file_;
  ChangeLogBuilder b_;
  bool keep_entries_ = false;  // RunStreaming: Emit keeps entries in the log
  // For each kept entry, how many errors and warnings there were when it
  // was read: where the loader's own for it belong.
  struct KeptAt {
    size_t errors, warnings;
  };
  std::vector<KeptAt> kept_at_;
};

std::optional<Value> Parser::ScalarValue(const yaml::Node& n,
                                         std::string_view what,
                                         const SourceLocation& fallback) {
  if (!n.IsDefined()) return Value::Null(fallback);
  if (n.IsNull()) return Value::Null(Loc(n, fallback));
  if (!n.IsScalar()) {
    Error(Loc(n, fallback), StrCat({"'", what, "' must be a scalar value"}));
    return std::nullopt;
  }
  return Value{Resolve(n), Loc(n, fallback)};
}

template <typename M>
void Parser::SetField(M& dst, const yaml::Node& v, std::string_view name,
                      const SourceLocation& key_loc, bool add_column,
                      unsigned flags) {
  if constexpr (kIsScalarField<M>) {
    if (auto val = ScalarValue(v, name, key_loc)) b_.Set(dst, *val, name);
  } else if constexpr (OptionalStruct<M>::value) {
    using X = typename OptionalStruct<M>::Item;
    if (!v.IsDefined() || v.IsNull()) {
      dst.reset();
      return;
    }
    if (!v.IsMap()) {
      Error(Loc(v, key_loc), StrCat({"'", name, "' must be a map of attributes"}));
      return;
    }
    X x;
    x.loc = key_loc;
    LoadAttributes(v, x, name, false);
    dst = std::move(x);
  } else if constexpr (StructList<M>::value) {
    using X = typename StructList<M>::Item;
    std::string_view item_name = ItemName<X>(name, flags);
    dst.clear();
    if (!v.IsDefined() || v.IsNull()) return;
    auto load_one = [&](const yaml::Node& item) {
      // `- column: {...}` or a bare `- {...}`.
      yaml::Node map = item;
      SourceLocation loc = Loc(item, key_loc);
      if (item.IsMap() && item.size() == 1) {
        auto it = item.begin();
        if (it->first.IsScalar() && it->first.Scalar() == item_name) {
          map.reset(it->second);  // rebind; operator= would overwrite `item`
          loc = Loc(it->first);
        } else if (it->first.IsScalar() && it->second.IsMap()) {
          // `- dropNotNullConstraint: {...}` among columns: Liquibase reads
          // only the `column` entries of the list and skips this one.
          b_.Warning(Loc(it->first),
                     StrCat({"'", it->first.Scalar(), "' in ", name, " is not a ", item_name,
                             " and is ignored, as Liquibase does"}));
          return;
        }
      }
      X x;
      x.loc = loc;
      if (map.IsMap()) {
        LoadAttributes(map, x, item_name, add_column);
      } else if (!map.IsNull()) {
        Error(Loc(map, loc),
              StrCat({"a ", item_name, " must be a map of attributes"}));
        return;
      }
      dst.push_back(std::move(x));
    };
    if (v.IsSequence()) {
      dst.reserve(v.size());
      for (const auto& item : v) load_one(item);
    } else if (v.IsMap()) {
      load_one(v);
    } else {
      Error(Loc(v, key_loc), StrCat({"'", name, "' must be a list of ", name}));
    }
  } else {
    static_assert(sizeof(M) == 0, "YAML loader: unhandled field type");
  }
}

template <typename S>
void Parser::LoadAttributes(const yaml::Node& map, S& out,
                            std::string_view owner, bool add_column) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string key = KeyName(it->first);
    SourceLocation key_loc = Loc(it->first);
    yaml::Node v = it->second;  // a copy: it-> yields a temporary proxy
    bool found = FindField<S>(key, add_column, [&](const auto& f) {
      if constexpr (std::is_same_v<S, ColumnConfig>) {
        if (v.IsScalar() && (f.name == "valueBoolean" || f.name == "valueNumeric")) {
          if (auto val = ScalarValue(v, f.name, key_loc);
              val && b_.SetColumnValue(out, f.name, *val))
            return;
        }
      }
      SetField(out.*(f.member), v, f.name, key_loc,
               std::is_same_v<S, AddColumn>, f.flags);
    });
    if (!found) b_.IgnoredAttribute(key_loc, key, owner);
  }
}

template <typename Draft, size_t N, typename SetFn>
void Parser::LoadEntryAttributes(const yaml::Node& map, Draft& d,
                                 const AttributeSpec (&table)[N],
                                 std::string_view owner, SetFn set) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string k = KeyName(it->first);
    yaml::Node v = it->second;  // a copy: it-> yields a temporary proxy
    SourceLocation kl = Loc(it->first);
    if (!IsAttribute(table, k)) {
      b_.UnknownAttribute(kl, k, owner);
    } else if (auto val = ScalarValue(v, k, kl)) {
      (b_.*set)(d, k, *val, kl);
    }
  }
}

template <typename T>
Change Parser::LoadChange(const yaml::Node& key, const yaml::Node& value) {
  T change;
  change.loc = Loc(key);
  if (IsAttributeMaps(value)) {
    // A map, or a list of maps whose entries Liquibase merges
    // (`- sql:\n    - sql: select 1`).
    ForEachAttributeMap(value, [&](const yaml::Node& m) {
      LoadAttributes(m, change, T::kName, std::is_same_v<T, AddColumn>);
    });
  } else if (value.IsScalar()) {
    // `- sql: "select 1"`: the scalar is the body.
    bool has_body = false;
    ForEachField<T>([&](const auto& f) {
      using M = FieldMember<decltype(f)>;
      if constexpr (kIsOptString<M>) {
        if (!has_body && (f.flags & kBody)) {
          has_body = true;
          if (auto val = ScalarValue(value, f.name, change.loc))
            b_.Set(change.*(f.member), *val, f.name);
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
  b_.FinishChange(change);
  return Change(std::in_place_type<T>, std::move(change));
}

std::optional<Change> Parser::ParseChange(const yaml::Node& key,
                                          const yaml::Node& value) {
  std::string name = KeyName(key);
  std::optional<Change> out;
  bool known = WithChangeType(name, [&](auto type) {
    out = LoadChange<typename decltype(type)::type>(key, value);
  });
  if (!known) Error(Loc(key), "unknown change type '" + name + "'");
  return out;
}

void Parser::ParseChanges(const yaml::Node& list, std::vector<Change>& out,
                          const SourceLocation& where) {
  auto add_map = [&](const yaml::Node& map) {
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
    } else if (item.IsScalar() && WithChangeType(item.Scalar(), [](auto) {})) {
      // A bare change name ("- empty"): that change with no attributes, as
      // Liquibase reads it.
      if (auto c = ParseChange(item, yaml::Node::Null()))
        out.push_back(std::move(*c));
    } else {
      Error(Loc(item, where), "expected a change (a map such as 'createTable: {...}')");
    }
  }
}

void Parser::ParseRollback(const yaml::Node& key, const yaml::Node& value,
                           Rollback& out) {
  out.specified = true;
  out.loc = Loc(key);
  out.changes.clear();
  if (!value.IsDefined() || value.IsNull()) return;
  if (value.IsScalar()) {
    if (auto text = ScalarValue(value, "rollback", out.loc))
      b_.AddRollbackSql(out, *text);
    return;
  }
  if (value.IsMap()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (it->first.IsScalar() && IsRollbackReference(it->first.Scalar())) {
        Error(Loc(it->first), "rollback referencing another changeset is not supported yet");
        return;
      }
    }
  }
  ParseChanges(value, out.changes, out.loc);
}

// As Liquibase reads it: a map, or a list of maps merged into one block,
// holding the block's attributes and visitor entries (`append: {value: x}`).
void Parser::ParseModifySql(const yaml::Node& value, const SourceLocation& where,
                            ChangeSet& cs) {
  ModifySqlDraft d;
  d.loc = where;
  std::vector<yaml::Node> maps;
  if (value.IsMap()) {
    maps.push_back(value);
  } else if (value.IsSequence()) {
    for (const auto& item : value) {
      if (item.IsMap()) {
        maps.push_back(item);
      } else {
        Error(Loc(item, where), "modifySql entries must be maps");
      }
    }
  } else {
    Error(Loc(value, where), "modifySql must be a map or a list of maps");
    return;
  }
  for (const yaml::Node& map : maps) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      std::string k = KeyName(it->first);
      yaml::Node v = it->second;
      SourceLocation kl = Loc(it->first);
      if (v.IsMap()) {
        std::vector<std::pair<std::string, Value>> attrs;
        for (auto a = v.begin(); a != v.end(); ++a) {
          std::string name = KeyName(a->first);
          if (auto val = ScalarValue(a->second, name, Loc(a->first))) {
            val->loc = Loc(a->first);
            attrs.emplace_back(std::move(name), std::move(*val));
          }
        }
        if (!b_.AddSqlVisitor(d, k, attrs, kl))
          Error(kl, "unknown modifySql entry '" + k +
                        "' (expected append, prepend, replace or regExpReplace)");
      } else if (auto val = ScalarValue(v, k, kl)) {
        if (!b_.SetModifySqlAttribute(d, k, *val)) b_.UnknownAttribute(kl, k, "modifySql");
      }
    }
  }
  b_.FinishModifySql(cs, std::move(d));
}

std::optional<ChangeSet> Parser::ParseChangeSet(const yaml::Node& key,
                                                const yaml::Node& value) {
  ChangeSetDraft d;
  d.cs.loc = Loc(key);
  if (!value.IsMap()) {
    Error(Loc(value, d.cs.loc), "changeSet must be a map of attributes");
    return std::nullopt;
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    std::string k = KeyName(it->first);
    yaml::Node v = it->second;  // a copy: it-> yields a temporary proxy
    SourceLocation kl = Loc(it->first);
    if (k == "changes") {
      ParseChanges(v, d.cs.changes, kl);
    } else if (k == "preConditions") {
      d.cs.preconditions = ParsePreconditions(it->first, v);
    } else if (k == "rollback") {
      ParseRollback(it->first, v, d.cs.rollback);
    } else if (k == "modifySql") {
      ParseModifySql(v, kl, d.cs);
    } else if (IsUnsupportedChangeSetChild(k)) {
      Error(kl, k + " is not supported yet");
    } else if (!IsAttribute(kChangeSetAttributes, k)) {
      b_.UnknownAttribute(kl, k, "changeSet");
    } else if (k == "validCheckSum" && v.IsSequence()) {
      for (const auto& item : v)
        if (auto val = ScalarValue(item, k, kl))
          b_.SetChangeSetAttribute(d, k, *val, kl);
    } else if (auto val = ScalarValue(v, k, kl)) {
      b_.SetChangeSetAttribute(d, k, *val, kl);
    }
  }
  return b_.FinishChangeSet(std::move(d));
}

std::optional<IncludeSpec> Parser::ParseInclude(const yaml::Node& key,
                                                const yaml::Node& value) {
  IncludeDraft d;
  d.loc = Loc(key);
  if (!IsAttributeMaps(value)) {
    Error(Loc(value, d.loc), "include must be a map of attributes");
    return std::nullopt;
  }
  ForEachAttributeMap(value, [&](const yaml::Node& m) {
    LoadEntryAttributes(m, d, kIncludeAttributes, "include",
                        &ChangeLogBuilder::SetIncludeAttribute);
  });
  return b_.FinishInclude(std::move(d));
}

Preconditions Parser::ParsePreconditions(const yaml::Node& key,
                                         const yaml::Node& value) {
  Preconditions out;
  out.loc = Loc(key);
  ParsePreconditionList(value, out.loc, out.conditions, &out);
  return out;
}

void Parser::ParsePreconditionList(const yaml::Node& value,
                                   const SourceLocation& where,
                                   std::vector<Precondition>& out,
                                   Preconditions* block) {
  auto one = [&](const std::string& k, const yaml::Node& v,
                 const SourceLocation& kl) {
    if (block && IsAttribute(kPreconditionsAttributes, k)) {
      if (auto val = ScalarValue(v, k, kl))
        b_.SetPreconditionsAttribute(*block, k, *val);
      return;
    }
    std::optional<Precondition> p = b_.StartPrecondition(k, kl);
    if (!p) return;
    const PreconditionType& type = *FindPreconditionType(k);
    if (type.nested) {
      ParsePreconditionList(v, kl, p->nested, nullptr);
    } else if (v.IsMap()) {
      for (auto it = v.begin(); it != v.end(); ++it) {
        std::string a = KeyName(it->first);
        SourceLocation al = Loc(it->first);
        if (auto val = ScalarValue(it->second, a, al))
          b_.SetPreconditionAttribute(*p, a, *val, al);
      }
    } else if (v.IsScalar() && !type.body.empty()) {
      if (auto val = ScalarValue(v, type.body, kl))
        b_.SetPreconditionAttribute(*p, type.body, *val, kl);
    } else if (v.IsDefined() && !v.IsNull()) {
      Error(Loc(v, kl), StrCat({"'", k, "' must be a map of attributes"}));
      return;
    }
    b_.FinishPrecondition(*p);
    out.push_back(std::move(*p));
  };
  auto map = [&](const yaml::Node& m) {
    for (auto it = m.begin(); it != m.end(); ++it)
      one(KeyName(it->first), yaml::Node(it->second), Loc(it->first));
  };
  if (value.IsSequence()) {
    for (const auto& item : value) {
      if (item.IsMap()) {
        map(item);
      } else {
        Error(Loc(item, where), "expected a precondition such as '- tableExists:'");
      }
    }
  } else if (value.IsMap()) {
    map(value);
  } else if (value.IsDefined() && !value.IsNull()) {
    Error(Loc(value, where), "preconditions must be a list such as '- tableExists:'");
  }
}

std::optional<IncludeAllSpec> Parser::ParseIncludeAll(const yaml::Node& key,
                                                      const yaml::Node& value) {
  IncludeAllDraft d;
  d.loc = Loc(key);
  if (!IsAttributeMaps(value)) {
    Error(Loc(value, d.loc), "includeAll must be a map of attributes");
    return std::nullopt;
  }
  ForEachAttributeMap(value, [&](const yaml::Node& m) {
    LoadEntryAttributes(m, d, kIncludeAllAttributes, "includeAll",
                        &ChangeLogBuilder::SetIncludeAllAttribute);
  });
  return b_.FinishIncludeAll(std::move(d));
}

void Parser::DefineProperty(const yaml::Node& key, const yaml::Node& value) {
  PropertyDraft d;
  d.loc = Loc(key);
  if (!value.IsMap()) {
    Error(Loc(value, d.loc), "property must be a map of attributes");
    return;
  }
  LoadEntryAttributes(value, d, kPropertyAttributes, "property",
                      &ChangeLogBuilder::SetPropertyAttribute);
  b_.DefineProperty(d);
}

ParsedChangeLog Parser::RunWhole(const std::string& text) {
  ParsedChangeLog out;
  SourceLocation file_loc{file_.display, 0, 0};
  // libyaml builds the tree; yaml-cpp reads only what libyaml rejects, so
  // that malformed files get the messages they always had (and anything
  // yaml-cpp alone accepts still loads).
  yaml::Document doc;
  std::string problem;
  yaml::Mark problem_at;
  try {
    if (!file_.parsed && !doc.Parse(text, &problem, &problem_at)) doc.LoadWithYamlCpp(text);
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
  yaml::Node root = file_.parsed ? file_.parsed->root() : doc.root();
  if (!root.IsMap()) {
    Error(file_loc, root.IsNull() ? "empty changelog file"
                                  : "a changelog must be a map with a "
                                    "'databaseChangeLog' key");
    return out;
  }
  yaml::Node list;
  bool found = false;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string& k = it->first.Scalar();
    if (k == "databaseChangeLog") {
      list.reset(it->second);
      found = true;
    } else if (k == "logicalFilePath") {
      if (auto v = ScalarValue(it->second, k, Loc(it->first)))
        b_.SetChangeLogAttribute(out, k, *v);
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

  if (file_.on_include_hints) file_.on_include_hints(IncludeHints(list));

  // Properties first, so that every entry of this file sees them.
  for (const auto& item : list) {
    if (!item.IsMap()) continue;
    for (auto it = item.begin(); it != item.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == "property")
        DefineProperty(it->first, it->second);
  }

  // (The loader takes entries as they come: nothing is kept here then.)
  if (!file_.on_entry) out.entries.reserve(list.size());
  for (const auto& item : list) Entry(item, out, false);
  return out;
}

bool Parser::Entry(const yaml::Node& item, ParsedChangeLog& out, bool streaming) {
  SourceLocation file_loc{file_.display, 0, 0};
  if (!item.IsMap()) {
    Error(Loc(item, file_loc), "expected a changelog entry such as '- changeSet:'");
    return true;
  }
  if (streaming) {
    // Properties apply to the whole file, an included file's properties to
    // the entries after it, and the loader reads the changelog attributes
    // read so far with each entry: all need the list taken as RunWhole does.
    for (auto it = item.begin(); it != item.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string& k = it->first.Scalar();
      if (k == "property" || k == "include" || k == "includeAll" ||
          IsAttribute(kChangeLogAttributes, k))
        return false;
    }
  }
  for (auto it = item.begin(); it != item.end(); ++it) {
    std::string k = KeyName(it->first);
    yaml::Node v = it->second;  // a copy: it-> yields a temporary proxy
    SourceLocation kl = Loc(it->first);
    if (k == "changeSet") {
      if (auto cs = ParseChangeSet(it->first, v)) Emit(out, std::move(*cs));
    } else if (k == "include") {
      if (auto inc = ParseInclude(it->first, v)) Emit(out, std::move(*inc));
    } else if (k == "includeAll") {
      if (auto inc = ParseIncludeAll(it->first, v)) Emit(out, std::move(*inc));
    } else if (k == "preConditions") {
      out.preconditions.push_back(ParsePreconditions(it->first, v));
    } else if (k == "property") {
      // Handled first (RunWhole).
    } else if (IsAttribute(kChangeLogAttributes, k)) {
      if (auto val = ScalarValue(v, k, kl)) b_.SetChangeLogAttribute(out, k, *val);
    } else if (IsUnsupportedChangeLogEntry(k)) {
      Error(kl, k + " is not supported yet");
    } else {
      Error(kl, "unknown changelog entry '" + k + "'");
    }
  }
  return true;
}

namespace {

// The databaseChangeLog items a parsing thread has finished, for the
// thread converting them.
class ItemQueue {
 public:
  void Push(const yaml::NodeData* item) {
    std::lock_guard<std::mutex> lock(mu_);
    items_.push_back(item);
    // Woken for a batch, not for every item: a wake-up costs more than
    // converting an entry.
    if (waiting_ && items_.size() >= kBatch) cv_.notify_one();
  }
  void Finish(bool parsed) {
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
    parsed_ = parsed;
    cv_.notify_one();
  }
  // The next item; null once the parse has ended and every item was taken.
  const yaml::NodeData* Next() {
    if (taken_.empty()) {
      std::unique_lock<std::mutex> lock(mu_);
      while (items_.empty() && !done_) {
        waiting_ = true;
        cv_.wait(lock);
        waiting_ = false;
      }
      taken_.swap(items_);  // all at once: one lock per batch
    }
    if (taken_.empty()) return nullptr;
    const yaml::NodeData* item = taken_.front();
    taken_.pop_front();
    return item;
  }
  // REQUIRES: Next() returned null.
  bool parsed() const { return parsed_; }

 private:
  static constexpr size_t kBatch = 64;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<const yaml::NodeData*> items_;
  bool waiting_ = false;
  bool done_ = false;
  bool parsed_ = false;
  std::deque<const yaml::NodeData*> taken_;  // this thread's
};

// Below this size the second thread costs more than it saves.
constexpr size_t kStreamFrom = 256 * 1024;

}  // namespace

std::optional<ParsedChangeLog> Parser::RunStreaming(const std::string& text) {
  yaml::Document doc;
  ItemQueue queue;
  std::string problem;
  yaml::Mark problem_at;
  std::thread parser;
  try {
    parser = std::thread([&] {
      bool parsed = false;
      try {
        parsed = doc.Parse(text, &problem, &problem_at,
                           [&](const yaml::NodeData* item) { queue.Push(item); });
      } catch (const std::exception&) {
        // Out of memory: RunWhole tries again and says so.
      }
      queue.Finish(parsed);
    });
  } catch (const std::system_error&) {
    return std::nullopt;  // no thread to be had
  }
  struct Joiner {
    std::thread& t;
    ~Joiner() {
      if (t.joinable()) t.join();
    }
  } joiner{parser};

  const size_t errors_before = b_.ErrorCount();
  const size_t warnings_before = file_.warnings ? file_.warnings->size() : 0;
  ParsedChangeLog out;
  keep_entries_ = true;
  bool whole = true;
  while (const yaml::NodeData* item = queue.Next())
    if (whole && !Entry(yaml::Node(item), out, true)) whole = false;
  keep_entries_ = false;
  parser.join();
  // What RunWhole would have taken from the root: a map whose one
  // databaseChangeLog key holds the list streamed (or nothing: no entries),
  // and no logicalFilePath.
  if (whole && queue.parsed() && doc.root().IsMap()) {
    int lists = 0;
    for (auto it = doc.root().begin(); it != doc.root().end(); ++it) {
      if (!it->first.IsScalar()) continue;
      if (it->first.Scalar() == "databaseChangeLog") {
        ++lists;
        if (!it->second.IsSequence() && !it->second.IsNull()) whole = false;
      }
      if (it->first.Scalar() == "logicalFilePath") whole = false;
    }
    if (whole && lists == 1) {
      if (!out.entries.empty() && file_.on_entry) {
        // The loader takes them now, in order. What it reports for one
        // (a resource it cannot read, say) goes where RunWhole, which hands
        // each over as soon as it is read, would have put it.
        std::vector<ChangeLogEntry> entries = std::move(out.entries);
        out.entries.clear();
        std::vector<Diagnostic>& errors = b_.Errors();
        size_t moved_errors = 0, moved_warnings = 0;
        auto into_place = [](std::vector<Diagnostic>& list, size_t before, size_t at) {
          std::rotate(list.begin() + static_cast<std::ptrdiff_t>(at),
                      list.begin() + static_cast<std::ptrdiff_t>(before), list.end());
        };
        for (size_t i = 0; i < entries.size(); ++i) {
          const size_t errors_before = errors.size();
          const size_t warnings_before = file_.warnings ? file_.warnings->size() : 0;
          file_.on_entry(std::move(entries[i]), out);
          into_place(errors, errors_before, kept_at_[i].errors + moved_errors);
          moved_errors += errors.size() - errors_before;
          if (file_.warnings) {
            into_place(*file_.warnings, warnings_before, kept_at_[i].warnings + moved_warnings);
            moved_warnings += file_.warnings->size() - warnings_before;
          }
        }
      }
      kept_at_.clear();
      return out;
    }
  }
  b_.TruncateErrors(errors_before);
  if (file_.warnings) file_.warnings->resize(warnings_before);
  kept_at_.clear();
  return std::nullopt;
}

ParsedChangeLog Parser::Run(const std::string& text) {
  // A big file with no include or property entry (looked for in the text:
  // cheaper than a wasted RunStreaming) is parsed on two threads; a file the
  // read-ahead thread parsed already, or any other, as a whole.
  if (!file_.parsed && text.size() >= kStreamFrom && text.find("include") == std::string::npos &&
      text.find("property") == std::string::npos)
    if (std::optional<ParsedChangeLog> out = RunStreaming(text)) return std::move(*out);
  return RunWhole(text);
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

}  // namespace strata::load
