#include "load/xml_changelog.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <type_traits>
#include <utility>

#include "load/strings.h"

namespace strata::load {

LineTable::LineTable(const std::string& text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' ||
        (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      starts_.push_back(i + 1);
  }
}

std::pair<int, int> LineTable::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t line = static_cast<size_t>(it - starts_.begin());  // >= 1
  int column = 1;
  for (size_t i = starts_[line - 1]; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return {static_cast<int>(line), column};
}

namespace {

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c));
  });
}

enum class Ns { kChangeLog, kPro, kExt, kXsi, kXml, kOther, kUndeclared };

Ns ClassifyUri(std::optional<std::string_view> uri) {
  if (!uri) return Ns::kUndeclared;
  std::string_view u = *uri;
  // http and https, with or without a trailing version path (1.x used
  // ".../dbchangelog/1.9").
  if (u.starts_with("https://")) u.remove_prefix(8);
  else if (u.starts_with("http://")) u.remove_prefix(7);
  auto in = [&](std::string_view ns) {
    ns.remove_prefix(7);  // "http://"
    return u == ns || (u.starts_with(ns) && u[ns.size()] == '/');
  };
  if (in(kDbChangeLogNamespace)) return Ns::kChangeLog;
  if (in(kProNamespace)) return Ns::kPro;
  if (in(kExtNamespace)) return Ns::kExt;
  if (*uri == "http://www.w3.org/2001/XMLSchema-instance") return Ns::kXsi;
  return Ns::kOther;
}

// The URI bound to `prefix` ("" = the default namespace) at element `n`.
std::optional<std::string_view> LookupNamespace(pugi::xml_node n,
                                                std::string_view prefix) {
  std::string attr = prefix.empty() ? "xmlns" : StrCat({"xmlns:", prefix});
  for (; n && n.type() == pugi::node_element; n = n.parent())
    if (pugi::xml_attribute a = n.attribute(attr.c_str())) return a.value();
  return std::nullopt;
}

struct QName {
  std::string_view prefix, local;
};
QName Split(std::string_view qname) {
  size_t colon = qname.find(':');
  if (colon == std::string_view::npos) return {"", qname};
  return {qname.substr(0, colon), qname.substr(colon + 1)};
}

// An element's character data (text and CDATA, in order), trimmed as
// Liquibase trims node text.
struct Body {
  std::string text;
  const char* first = nullptr;  // where the first non-blank piece starts
};

class XmlParser {
 public:
  XmlParser(const std::string& text, const FileInfo& file,
            const SearchPath& search_path, const LoadOptions& options,
            PropertyStore& properties, std::vector<Diagnostic>& errors)
      : text_(text),
        lines_(text),
        file_(file),
        b_(file, search_path, options, properties, errors) {}

  ParsedChangeLog Run();

 private:
  // Location of byte `offset` of the file, moved past blanks when `skip_ws`.
  SourceLocation At(size_t offset, bool skip_ws = false) const {
    if (skip_ws)
      while (offset < text_.size() &&
             std::isspace(static_cast<unsigned char>(text_[offset])))
        ++offset;
    auto [line, column] = lines_.At(offset);
    return SourceLocation{file_.display, line, column};
  }
  // Location of a pointer into the parsed buffer (names and values are
  // parsed in place, so their offsets are the file's).
  std::optional<SourceLocation> At(const char* p, bool skip_ws = false) const {
    if (buf_.empty() || p < buf_.data() || p >= buf_.data() + buf_.size())
      return std::nullopt;
    return At(static_cast<size_t>(p - buf_.data()), skip_ws);
  }
  SourceLocation FileLoc() const { return SourceLocation{file_.display, 0, 0}; }
  // An element: its '<'.
  SourceLocation Loc(pugi::xml_node n) const {
    if (auto l = At(n.name())) {
      if (l->column > 1) --l->column;
      return *l;
    }
    return FileLoc();
  }
  SourceLocation Loc(pugi::xml_attribute a, pugi::xml_node owner) const {
    if (auto l = At(a.name())) return *l;
    return Loc(owner);
  }
  Value AttrValue(pugi::xml_attribute a, pugi::xml_node owner) const {
    std::optional<SourceLocation> l;
    if (*a.value()) l = At(a.value());
    return Value::String(a.value(), l ? *l : Loc(a, owner));
  }
  Value BodyValue(const Body& body, pugi::xml_node owner) const {
    std::optional<SourceLocation> l = At(body.first, true);
    return Value::String(body.text, l ? *l : Loc(owner));
  }
  void Error(const SourceLocation& loc, std::string message) {
    b_.Error(loc, std::move(message));
  }

  std::optional<Body> TextOf(pugi::xml_node n) const;
  Ns ElementNs(pugi::xml_node n) const {
    std::string_view prefix = Split(n.name()).prefix;
    std::optional<std::string_view> uri = LookupNamespace(n, prefix);
    // No namespace at all: a plain changelog.
    if (!uri && prefix.empty()) return Ns::kChangeLog;
    return ClassifyUri(uri);
  }
  // Which pro-namespace elements a parent takes: none, Pro change types
  // (changeSet, rollback), or any (the nested elements of a Pro change).
  enum class ProOk { kNone, kChanges, kAll };
  // Reports an element outside the changelog namespace (and the Pro
  // elements `pro` does not allow); false if it is accepted.
  bool ReportForeign(pugi::xml_node n, ProOk pro = ProOk::kNone);

  // fn(local_name, attribute, name_location) for each ordinary attribute;
  // namespace declarations, xsi:* and xml:* are skipped, Pro/extension
  // attributes reported as not supported, others as unknown.
  template <typename Fn>
  void ForEachAttribute(pugi::xml_node n, std::string_view owner, Fn fn);
  // fn(child, local_name) for each child element in the changelog
  // namespace; others are reported. Non-blank text is reported as
  // unexpected unless `text_ok`.
  template <typename Fn>
  void ForEachChild(pugi::xml_node n, std::string_view owner, bool text_ok,
                    Fn fn, ProOk pro = ProOk::kNone);
  // An element whose only content is text (<where>, <comment>).
  std::optional<Value> TextElement(pugi::xml_node n, std::string_view name);

  // Attributes, child elements and text body of `n` into `out` through
  // S::Fields(). `add_column`: S is a column under addColumn.
  template <typename S>
  void LoadElement(pugi::xml_node n, S& out, std::string_view owner,
                   bool add_column);
  template <typename S>
  bool LoadChild(pugi::xml_node c, std::string_view name, S& out,
                 bool add_column);

  std::optional<Change> ParseChange(pugi::xml_node n, std::string_view name);
  void ParseRollback(pugi::xml_node n, Rollback& out);
  void ParseModifySql(pugi::xml_node n, ChangeSet& cs);
  std::optional<ChangeSet> ParseChangeSet(pugi::xml_node n);
  std::optional<IncludeSpec> ParseInclude(pugi::xml_node n);
  std::optional<IncludeAllSpec> ParseIncludeAll(pugi::xml_node n);
  Preconditions ParsePreconditions(pugi::xml_node n);
  std::optional<Precondition> ParsePrecondition(pugi::xml_node n,
                                                std::string_view name);
  void DefineProperty(pugi::xml_node n);

  const std::string& text_;
  LineTable lines_;
  const FileInfo& file_;
  ChangeLogBuilder b_;
  std::vector<char> buf_;  // parsed in place by pugixml
};

std::optional<Body> XmlParser::TextOf(pugi::xml_node n) const {
  Body body;
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
    if (!body.first && !IsBlank(c.value())) body.first = c.value();
    body.text += c.value();
  }
  if (!body.first) return std::nullopt;
  body.text = detail::TrimCopy(body.text);
  return body;
}

// Liquibase Pro change types, which the pro namespace may name.
bool IsProChangeName(std::string_view name) {
  bool pro = false;
  WithChangeType(name, [&](auto type) {
    pro = ProChange<typename decltype(type)::type>;
  });
  return pro;
}

bool XmlParser::ReportForeign(pugi::xml_node n, ProOk pro) {
  std::string_view qn = n.name();
  switch (ElementNs(n)) {
    case Ns::kChangeLog:
      return false;
    case Ns::kPro:
      if (pro == ProOk::kAll ||
          (pro == ProOk::kChanges && IsProChangeName(Split(qn).local)))
        return false;
      Error(Loc(n), StrCat({"Liquibase Pro element '", qn,
                            "' is not supported yet"}));
      break;
    case Ns::kExt:
      Error(Loc(n), StrCat({"Liquibase extension element '", qn,
                            "' is not supported yet"}));
      break;
    case Ns::kUndeclared:
      Error(Loc(n), StrCat({"unknown element '", qn,
                            "' (undeclared namespace prefix)"}));
      break;
    default:
      Error(Loc(n), StrCat({"unknown element '", qn, "' (namespace '",
                            *LookupNamespace(n, Split(qn).prefix), "')"}));
  }
  return true;
}

template <typename Fn>
void XmlParser::ForEachAttribute(pugi::xml_node n, std::string_view owner,
                                 Fn fn) {
  for (pugi::xml_attribute a : n.attributes()) {
    std::string_view qn = a.name();
    SourceLocation kl = Loc(a, n);
    if (qn == "xmlns" || qn.starts_with("xmlns:")) continue;
    QName q = Split(qn);
    if (q.prefix.empty()) {
      fn(q.local, a, kl);
      continue;
    }
    Ns ns = q.prefix == "xml" ? Ns::kXml : ClassifyUri(LookupNamespace(n, q.prefix));
    switch (ns) {
      case Ns::kXsi:  // xsi:schemaLocation is never fetched
      case Ns::kXml:
        break;
      case Ns::kChangeLog:
        fn(q.local, a, kl);
        break;
      case Ns::kPro:
        Error(kl, StrCat({"Liquibase Pro attribute '", qn,
                          "' is not supported yet"}));
        break;
      case Ns::kExt:
        Error(kl, StrCat({"Liquibase extension attribute '", qn,
                          "' is not supported yet"}));
        break;
      default:
        b_.UnknownAttribute(kl, qn, owner);
    }
  }
}

template <typename Fn>
void XmlParser::ForEachChild(pugi::xml_node n, std::string_view owner,
                             bool text_ok, Fn fn, ProOk pro) {
  bool text_reported = false;
  for (pugi::xml_node c : n.children()) {
    switch (c.type()) {
      case pugi::node_element:
        if (!ReportForeign(c, pro)) fn(c, Split(c.name()).local);
        break;
      case pugi::node_pcdata:
      case pugi::node_cdata:
        if (!text_ok && !text_reported && !IsBlank(c.value())) {
          text_reported = true;
          auto l = At(c.value(), true);
          Error(l ? *l : Loc(n), StrCat({"unexpected text in ", owner}));
        }
        break;
      default:
        break;
    }
  }
}

std::optional<Value> XmlParser::TextElement(pugi::xml_node n,
                                            std::string_view name) {
  ForEachAttribute(n, name, [&](std::string_view a, pugi::xml_attribute,
                                const SourceLocation& kl) {
    b_.UnknownAttribute(kl, a, name);
  });
  ForEachChild(n, name, true, [&](pugi::xml_node c, std::string_view local) {
    Error(Loc(c), StrCat({"unknown element '", local, "' in ", name}));
  });
  std::optional<Body> body = TextOf(n);
  if (!body) return Value::Null(Loc(n));
  return BodyValue(*body, n);
}

template <typename S>
bool XmlParser::LoadChild(pugi::xml_node c, std::string_view name, S& out,
                          bool add_column) {
  bool found = false;
  ForEachField<S>([&](const auto& f) {
    using M = FieldMember<decltype(f)>;
    if (found) return;
    if constexpr (kIsScalarField<M>) {
      // <where>id = 1</where>, <comment>...</comment>
      if (f.name != name) return;
      if constexpr (std::is_same_v<S, ColumnConfig>) {
        if (!add_column && IsAddColumnOnly(f.name)) return;
      }
      found = true;
      if (auto v = TextElement(c, name)) b_.Set(out.*(f.member), *v, f.name);
    } else if constexpr (OptionalStruct<M>::value) {
      // <constraints .../>
      if (f.name != name) return;
      found = true;
      typename OptionalStruct<M>::Item x;
      x.loc = Loc(c);
      LoadElement(c, x, f.name, false);
      out.*(f.member) = std::move(x);
    } else if constexpr (StructList<M>::value) {
      // <column .../> items of `columns`
      using X = typename StructList<M>::Item;
      if (f.flags & kParamList) {
        // <whereParams><param .../>...</whereParams>
        if (f.name != name) return;
        found = true;
        std::string_view item = ItemName<X>(f.name, f.flags);
        ForEachAttribute(c, name, [&](std::string_view a, pugi::xml_attribute,
                                      const SourceLocation& kl) {
          b_.UnknownAttribute(kl, a, name);
        });
        ForEachChild(c, name, false, [&](pugi::xml_node p, std::string_view local) {
          if (local != item) {
            Error(Loc(p), StrCat({"unknown element '", local, "' in ", name}));
            return;
          }
          X x;
          x.loc = Loc(p);
          LoadElement(p, x, item, false);
          (out.*(f.member)).push_back(std::move(x));
        });
        return;
      }
      if (ItemName<X>(f.name) != name) return;
      found = true;
      X x;
      x.loc = Loc(c);
      LoadElement(c, x, name, std::is_same_v<S, AddColumn>);
      (out.*(f.member)).push_back(std::move(x));
    } else {
      static_assert(sizeof(M) == 0, "XML loader: unhandled field type");
    }
  });
  return found;
}

template <typename S>
void XmlParser::LoadElement(pugi::xml_node n, S& out, std::string_view owner,
                            bool add_column) {
  ForEachAttribute(n, owner, [&](std::string_view name, pugi::xml_attribute a,
                                 const SourceLocation& kl) {
    bool found = FindField<S>(name, add_column, [&](const auto& f) {
      using M = FieldMember<decltype(f)>;
      if constexpr (kIsScalarField<M>) {
        Value v = AttrValue(a, n);
        if constexpr (std::is_same_v<S, ColumnConfig>) {
          if (b_.SetColumnValue(out, f.name, v)) return;
        }
        b_.Set(out.*(f.member), v, f.name);
      } else {
        Error(kl, StrCat({"'", f.name, "' must be given as child elements"}));
      }
    });
    if (!found) b_.UnknownAttribute(kl, name, owner);
  });
  // A Pro change's nested elements are in the pro namespace too
  // (<pro:typeAttribute>).
  ForEachChild(
      n, owner, true,
      [&](pugi::xml_node c, std::string_view name) {
        if (!LoadChild(c, name, out, add_column))
          Error(Loc(c), StrCat({"unknown element '", name, "' in ", owner}));
      },
      ElementNs(n) == Ns::kPro ? ProOk::kAll : ProOk::kNone);
  std::optional<Body> body = TextOf(n);
  if (!body) return;
  bool used = false;
  ForEachField<S>([&](const auto& f) {
    using M = FieldMember<decltype(f)>;
    if constexpr (kIsOptString<M>) {
      if (!used && (f.flags & kBody)) {
        used = true;
        b_.Set(out.*(f.member), BodyValue(*body, n), f.name);
      }
    }
  });
  if constexpr (std::is_same_v<S, ColumnConfig>) {
    // Liquibase's ColumnConfig takes its text as `value` when no value
    // attribute is given: <column name="n">text</column>.
    if (!used && !out.value) {
      used = true;
      b_.Set(out.value, BodyValue(*body, n), "value");
    }
  }
  if (!used) {
    auto l = At(body->first, true);
    Error(l ? *l : Loc(n), StrCat({"unexpected text in ", owner}));
  }
}

std::optional<Change> XmlParser::ParseChange(pugi::xml_node n,
                                             std::string_view name) {
  std::optional<Change> out;
  bool known = WithChangeType(name, [&](auto type) {
    using T = typename decltype(type)::type;
    T change;
    change.loc = Loc(n);
    LoadElement(n, change, T::kName, false);
    b_.FinishChange(change);
    out.emplace(std::in_place_type<T>, std::move(change));
  });
  if (!known) Error(Loc(n), StrCat({"unknown change type '", name, "'"}));
  return out;
}

void XmlParser::ParseRollback(pugi::xml_node n, Rollback& out) {
  if (!out.specified) out.loc = Loc(n);
  out.specified = true;
  bool reference = false;
  ForEachAttribute(n, "rollback", [&](std::string_view name,
                                      pugi::xml_attribute,
                                      const SourceLocation& kl) {
    if (!IsRollbackReference(name)) {
      b_.UnknownAttribute(kl, name, "rollback");
    } else if (!reference) {
      reference = true;
      Error(kl, "rollback referencing another changeset is not supported yet");
    }
  });
  if (reference) return;
  // Text is raw SQL; nested elements are changes; empty is a no-op.
  if (std::optional<Body> body = TextOf(n))
    b_.AddRollbackSql(out, BodyValue(*body, n));
  ForEachChild(
      n, "rollback", true,
      [&](pugi::xml_node c, std::string_view name) {
        if (auto change = ParseChange(c, name))
          out.changes.push_back(std::move(*change));
      },
      ProOk::kChanges);
}

void XmlParser::ParseModifySql(pugi::xml_node n, ChangeSet& cs) {
  ModifySqlDraft d;
  d.loc = Loc(n);
  ForEachAttribute(n, "modifySql", [&](std::string_view name, pugi::xml_attribute a,
                                       const SourceLocation& kl) {
    if (!b_.SetModifySqlAttribute(d, name, AttrValue(a, n)))
      b_.UnknownAttribute(kl, name, "modifySql");
  });
  ForEachChild(n, "modifySql", false, [&](pugi::xml_node c, std::string_view name) {
    std::vector<std::pair<std::string, Value>> attrs;
    ForEachAttribute(c, name, [&](std::string_view attr, pugi::xml_attribute a,
                                  const SourceLocation& kl) {
      Value v = AttrValue(a, c);
      v.loc = kl;
      attrs.emplace_back(std::string(attr), std::move(v));
    });
    ForEachChild(c, name, false, [&](pugi::xml_node g, std::string_view gname) {
      Error(Loc(g), StrCat({"unknown element '", gname, "' in ", name}));
    });
    if (!b_.AddSqlVisitor(d, name, attrs, Loc(c)))
      Error(Loc(c), StrCat({"unknown element '", name,
                            "' in modifySql (expected append, prepend, replace or regExpReplace)"}));
  });
  b_.FinishModifySql(cs, std::move(d));
}

std::optional<ChangeSet> XmlParser::ParseChangeSet(pugi::xml_node n) {
  ChangeSetDraft d;
  d.cs.loc = Loc(n);
  ForEachAttribute(n, "changeSet", [&](std::string_view name,
                                       pugi::xml_attribute a,
                                       const SourceLocation& kl) {
    if (!b_.SetChangeSetAttribute(d, name, AttrValue(a, n), kl))
      b_.UnknownAttribute(kl, name, "changeSet");
  });
  // Several <comment> elements are joined with newlines, as Liquibase does.
  std::optional<Value> comment;
  ForEachChild(n, "changeSet", false,
               [&](pugi::xml_node c, std::string_view name) {
                 if (name == "comment") {
                   std::optional<Value> v = TextElement(c, name);
                   if (!v || v->scalar.kind == ScalarKind::kNull) return;
                   if (!comment) {
                     comment = std::move(v);
                   } else {
                     comment->scalar.text += "\n" + v->scalar.text;
                   }
                 } else if (name == "validCheckSum") {
                   if (auto v = TextElement(c, name))
                     b_.SetChangeSetAttribute(d, name, *v, Loc(c));
                 } else if (name == "rollback") {
                   ParseRollback(c, d.cs.rollback);
                 } else if (name == "preConditions") {
                   d.cs.preconditions = ParsePreconditions(c);
                 } else if (name == "modifySql") {
                   ParseModifySql(c, d.cs);
                 } else if (IsUnsupportedChangeSetChild(name)) {
                   Error(Loc(c), StrCat({name, " is not supported yet"}));
                 } else if (auto change = ParseChange(c, name)) {
                   d.cs.changes.push_back(std::move(*change));
                 }
               },
               ProOk::kChanges);
  if (comment) b_.SetChangeSetAttribute(d, "comment", *comment, comment->loc);
  return b_.FinishChangeSet(std::move(d));
}

std::optional<IncludeSpec> XmlParser::ParseInclude(pugi::xml_node n) {
  IncludeDraft d;
  d.loc = Loc(n);
  ForEachAttribute(n, "include", [&](std::string_view name,
                                     pugi::xml_attribute a,
                                     const SourceLocation& kl) {
    if (!b_.SetIncludeAttribute(d, name, AttrValue(a, n), kl))
      b_.UnknownAttribute(kl, name, "include");
  });
  ForEachChild(n, "include", false,
               [&](pugi::xml_node c, std::string_view name) {
                 Error(Loc(c), StrCat({"unknown element '", name,
                                       "' in include"}));
               });
  return b_.FinishInclude(std::move(d));
}

Preconditions XmlParser::ParsePreconditions(pugi::xml_node n) {
  Preconditions out;
  out.loc = Loc(n);
  ForEachAttribute(n, "preConditions", [&](std::string_view name,
                                           pugi::xml_attribute a,
                                           const SourceLocation& kl) {
    if (!b_.SetPreconditionsAttribute(out, name, AttrValue(a, n)))
      b_.UnknownAttribute(kl, name, "preConditions");
  });
  ForEachChild(n, "preConditions", false,
               [&](pugi::xml_node c, std::string_view name) {
                 if (auto p = ParsePrecondition(c, name))
                   out.conditions.push_back(std::move(*p));
               });
  return out;
}

std::optional<Precondition> XmlParser::ParsePrecondition(pugi::xml_node n,
                                                         std::string_view name) {
  std::optional<Precondition> p = b_.StartPrecondition(name, Loc(n));
  if (!p) return std::nullopt;
  const PreconditionType& type = *FindPreconditionType(name);
  ForEachAttribute(n, name, [&](std::string_view a, pugi::xml_attribute attr,
                                const SourceLocation& kl) {
    b_.SetPreconditionAttribute(*p, a, AttrValue(attr, n), kl);
  });
  ForEachChild(n, name, !type.body.empty(),
               [&](pugi::xml_node c, std::string_view child) {
                 if (!type.nested) {
                   Error(Loc(c), StrCat({"unknown element '", child, "' in ", name}));
                 } else if (auto nested = ParsePrecondition(c, child)) {
                   p->nested.push_back(std::move(*nested));
                 }
               });
  if (!type.body.empty()) {
    if (std::optional<Body> body = TextOf(n))
      b_.SetPreconditionAttribute(*p, type.body, BodyValue(*body, n), Loc(n));
  }
  b_.FinishPrecondition(*p);
  return p;
}

std::optional<IncludeAllSpec> XmlParser::ParseIncludeAll(pugi::xml_node n) {
  IncludeAllDraft d;
  d.loc = Loc(n);
  ForEachAttribute(n, "includeAll", [&](std::string_view name,
                                        pugi::xml_attribute a,
                                        const SourceLocation& kl) {
    if (!b_.SetIncludeAllAttribute(d, name, AttrValue(a, n), kl))
      b_.UnknownAttribute(kl, name, "includeAll");
  });
  ForEachChild(n, "includeAll", false,
               [&](pugi::xml_node c, std::string_view name) {
                 Error(Loc(c), StrCat({"unknown element '", name,
                                       "' in includeAll"}));
               });
  return b_.FinishIncludeAll(std::move(d));
}

void XmlParser::DefineProperty(pugi::xml_node n) {
  PropertyDraft d;
  d.loc = Loc(n);
  ForEachAttribute(n, "property", [&](std::string_view name,
                                      pugi::xml_attribute a,
                                      const SourceLocation& kl) {
    if (!b_.SetPropertyAttribute(d, name, AttrValue(a, n), kl))
      b_.UnknownAttribute(kl, name, "property");
  });
  ForEachChild(n, "property", false,
               [&](pugi::xml_node c, std::string_view name) {
                 Error(Loc(c), StrCat({"unknown element '", name,
                                       "' in property"}));
               });
  b_.DefineProperty(d);
}

ParsedChangeLog XmlParser::Run() {
  ParsedChangeLog out;
  buf_.assign(text_.begin(), text_.end());
  buf_.push_back('\0');  // never part of the parsed size; keeps data() valid
  // No parse_doctype-driven DTD processing exists in pugixml: entities other
  // than the five predefined ones and character references are never
  // expanded, and nothing is fetched.
  constexpr unsigned kOptions = pugi::parse_cdata | pugi::parse_escapes |
                                pugi::parse_wconv_attribute | pugi::parse_eol |
                                pugi::parse_ws_pcdata | pugi::parse_doctype;
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_buffer_inplace(
      buf_.data(), text_.size(), kOptions, pugi::encoding_utf8);
  if (!r) {
    Error(At(r.offset < 0 ? 0 : static_cast<size_t>(r.offset)),
          r.description());
    return out;
  }
  for (pugi::xml_node c : doc.children()) {
    if (c.type() != pugi::node_doctype) continue;
    if (std::string_view(c.value()).find("<!ENTITY") != std::string_view::npos) {
      size_t at = text_.find("<!DOCTYPE");
      Error(at == std::string::npos ? FileLoc() : At(at),
            "DOCTYPE with entity declarations is not allowed (entities are "
            "never expanded)");
      return out;
    }
  }
  pugi::xml_node root = doc.document_element();
  if (Split(root.name()).local != "databaseChangeLog") {
    Error(Loc(root), StrCat({"the root element must be 'databaseChangeLog' "
                             "(found '", root.name(), "')"}));
    return out;
  }
  if (ElementNs(root) != Ns::kChangeLog) {
    auto uri = LookupNamespace(root, Split(root.name()).prefix);
    Error(Loc(root), StrCat({"databaseChangeLog must be in the namespace '",
                             kDbChangeLogNamespace, "' (found '",
                             uri ? *uri : "", "')"}));
    return out;
  }
  ForEachAttribute(root, "databaseChangeLog",
                   [&](std::string_view name, pugi::xml_attribute a,
                       const SourceLocation& kl) {
                     if (!b_.SetChangeLogAttribute(out, name, AttrValue(a, root)))
                       b_.UnknownAttribute(kl, name, "databaseChangeLog");
                   });

  // Properties first, so that every entry of this file sees them.
  for (pugi::xml_node c : root.children()) {
    if (c.type() == pugi::node_element && Split(c.name()).local == "property" &&
        ElementNs(c) == Ns::kChangeLog)
      DefineProperty(c);
  }

  ForEachChild(root, "databaseChangeLog", false,
               [&](pugi::xml_node c, std::string_view name) {
                 if (name == "changeSet") {
                   if (auto cs = ParseChangeSet(c))
                     EmitEntry(file_, out, std::move(*cs));
                 } else if (name == "include") {
                   if (auto inc = ParseInclude(c))
                     EmitEntry(file_, out, std::move(*inc));
                 } else if (name == "includeAll") {
                   if (auto inc = ParseIncludeAll(c))
                     EmitEntry(file_, out, std::move(*inc));
                 } else if (name == "preConditions") {
                   out.preconditions.push_back(ParsePreconditions(c));
                   // Liquibase's XSD allows only HALT and WARN here.
                   const Preconditions& p = out.preconditions.back();
                   for (const auto& [attr, value] : {std::pair{"onFail", &p.on_fail},
                                                     std::pair{"onError", &p.on_error}}) {
                     if (*value && **value != "HALT" && **value != "WARN")
                       Error(p.loc, StrCat({"changelog-level preConditions ", attr, "='", **value,
                                            "' is not allowed: Liquibase's XML schema accepts "
                                            "only HALT or WARN there"}));
                   }
                 } else if (name == "property") {
                   // Defined above.
                 } else if (IsUnsupportedChangeLogEntry(name)) {
                   Error(Loc(c), StrCat({name, " is not supported yet"}));
                 } else {
                   Error(Loc(c),
                         StrCat({"unknown changelog entry '", name, "'"}));
                 }
               });
  return out;
}

}  // namespace

ParsedChangeLog ParseXmlChangeLog(const std::string& text,
                                  const FileInfo& file,
                                  const SearchPath& search_path,
                                  const LoadOptions& options,
                                  PropertyStore& properties,
                                  std::vector<Diagnostic>& errors) {
  try {
    XmlParser parser(text, file, search_path, options, properties, errors);
    return parser.Run();
  } catch (const std::exception& e) {
    errors.push_back({SourceLocation{file.display, 0, 0},
                      std::string("cannot read changelog: ") + e.what()});
    return ParsedChangeLog();
  }
}

}  // namespace strata::load
