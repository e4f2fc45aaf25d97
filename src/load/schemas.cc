#include "load/schemas.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeindex>
#include <utility>
#include <variant>
#include <vector>

#include "load/changelog_builder.h"
#include "load/strings.h"
#include "load/xml_changelog.h"

namespace strata::load {
namespace {

// What the loader accepts for booleans (any case of true/false) and
// numbers (IsDecimalNumberText), plus `${property}` references.
// In XML Schema regex syntax, where '$' is an ordinary character (JSON
// Schema's ECMA syntax needs it escaped: EcmaPattern).
constexpr std::string_view kBooleanPattern =
    "[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|.*$\\{[^}]+\\}.*";
constexpr std::string_view kNumericPattern =
    "[+\\-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?|.*$\\{[^}]+\\}.*";

// An anchored ECMA-262 regex (JSON Schema) from an XML Schema pattern.
std::string EcmaPattern(std::string_view xsd) {
  std::string out = "^(";
  for (char c : xsd) {
    if (c == '$') out += '\\';
    out += c;
  }
  return out + ")$";
}

// Scalar fields that XML also commonly writes as text child elements
// (<where>, <comment>), as Liquibase's own XSD allows. The XML reader takes
// any scalar field as a child; the schema lists only these, to keep
// editors' completion lists short.
bool IsTextChildElement(std::string_view name) {
  return name == "where" || name == "comment";
}

enum class Kind { kString, kBoolean, kNumeric };

template <typename M>
constexpr Kind KindOf() {
  if constexpr (std::is_same_v<M, OptBool>) return Kind::kBoolean;
  if constexpr (kIsOptNumeric<M>) return Kind::kNumeric;
  return Kind::kString;
}

Kind KindOf(AttrKind k) {
  switch (k) {
    case AttrKind::kBoolean: return Kind::kBoolean;
    case AttrKind::kInteger: return Kind::kNumeric;
    case AttrKind::kString: break;
  }
  return Kind::kString;
}

template <typename S>
constexpr bool HasBody() {
  bool body = false;
  ForEachField<S>([&](const auto& f) {
    if constexpr (kIsOptString<FieldMember<decltype(f)>>)
      body = body || (f.flags & kBody);
  });
  return body;
}

// Liquibase's ColumnConfig takes its XML text as `value`.
template <typename S>
constexpr bool IsMixed() {
  return HasBody<S>() || std::is_same_v<S, ColumnConfig>;
}

template <typename S>
bool SkipField(std::string_view name, bool add_column) {
  return std::is_same_v<S, ColumnConfig> && !add_column &&
         IsAddColumnOnly(name);
}

std::string Capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// Named types for nested structs: "<item>Type", or "<owner><Item>Type" when
// a different struct (or the addColumn variant of ColumnConfig) already took
// that name.
class TypeNames {
 public:
  template <typename X>
  std::pair<std::string, bool> Name(std::string_view item, std::string_view owner,
                                    bool add_column) {
    auto key = std::make_pair(std::type_index(typeid(X)), add_column);
    if (auto it = names_.find(key); it != names_.end()) return {it->second, false};
    std::string name = StrCat({item, "Type"});
    if (taken_.count(name)) name = StrCat({owner, Capitalized(item), "Type"});
    taken_.insert(name);
    names_.emplace(key, name);
    return {name, true};
  }

 private:
  std::map<std::pair<std::type_index, bool>, std::string> names_;
  std::set<std::string> taken_;
};

// ---- XML Schema -----------------------------------------------------------

class XsdWriter {
 public:
  std::string Run();
  // The pro namespace: Liquibase Pro's change types, as Liquibase's own
  // liquibase-pro XSD declares them beside dbchangelog's.
  std::string RunPro();

 private:
  static std::string AttrType(Kind k) {
    switch (k) {
      case Kind::kBoolean:
        return "booleanExp";
      case Kind::kNumeric:
        return "numericExp";
      case Kind::kString:
        break;
    }
    return "xsd:string";
  }
  static void Attribute(std::string& out, int indent, std::string_view name,
                        Kind kind, bool required) {
    out.append(indent, ' ');
    out += StrCat({"<xsd:attribute name=\"", name, "\" type=\"", AttrType(kind),
                   "\"", required ? " use=\"required\"" : "", "/>\n"});
  }

  // <xsd:complexType> for S: its child elements, then its attributes.
  template <typename S>
  std::string ComplexType(std::string_view owner, bool add_column,
                          std::string_view type_name, int indent);
  template <typename X>
  std::string NestedType(std::string_view item, std::string_view owner,
                         bool add_column);

  TypeNames names_;
  std::string nested_;  // named types, in order of first use
};

template <typename X>
std::string XsdWriter::NestedType(std::string_view item, std::string_view owner,
                                  bool add_column) {
  auto [name, fresh] = names_.Name<X>(item, owner, add_column);
  if (fresh) {
    std::string type = ComplexType<X>(item, add_column, name, 2);
    nested_ += type;
  }
  return name;
}

template <typename S>
std::string XsdWriter::ComplexType(std::string_view owner, bool add_column,
                                   std::string_view type_name, int indent) {
  std::string children, attributes;
  int in = indent + 2;
  ForEachField<S>([&](const auto& f) {
    using M = FieldMember<decltype(f)>;
    if (SkipField<S>(f.name, add_column)) return;
    if constexpr (kIsScalarField<M>) {
      if (f.flags & kBody) return;  // the element's text
      Attribute(attributes, in, f.name, KindOf<M>(),
                (f.flags & kRequired) != 0);
      if (IsTextChildElement(f.name)) {
        children.append(in + 2, ' ');
        children += StrCat({"<xsd:element name=\"", f.name,
                            "\" type=\"xsd:string\"/>\n"});
      }
    } else if constexpr (OptionalStruct<M>::value) {
      std::string t = NestedType<typename OptionalStruct<M>::Item>(f.name, owner, false);
      children.append(in + 2, ' ');
      children += StrCat({"<xsd:element name=\"", f.name, "\" type=\"", t, "\"/>\n"});
    } else if constexpr (StructList<M>::value) {
      using X = typename StructList<M>::Item;
      std::string_view item = ItemName<X>(f.name, f.flags);
      std::string t = NestedType<X>(item, owner, std::is_same_v<S, AddColumn>);
      if (f.flags & kParamList) {
        // <whereParams><param .../>...</whereParams>
        std::string pad(in + 2, ' ');
        children += StrCat({pad, "<xsd:element name=\"", f.name, "\">\n", pad,
                            "  <xsd:complexType>\n", pad, "    <xsd:sequence>\n",
                            pad, "      <xsd:element name=\"", item, "\" type=\"", t,
                            "\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>\n", pad,
                            "    </xsd:sequence>\n", pad, "  </xsd:complexType>\n",
                            pad, "</xsd:element>\n"});
        return;
      }
      children.append(in + 2, ' ');
      children += StrCat({"<xsd:element name=\"", item, "\" type=\"", t, "\"/>\n"});
    } else {
      static_assert(sizeof(M) == 0, "schema generator: unhandled field type");
    }
  });
  std::string out(indent, ' ');
  out += "<xsd:complexType";
  if (!type_name.empty()) out += StrCat({" name=\"", type_name, "\""});
  if (IsMixed<S>()) out += " mixed=\"true\"";
  if (children.empty() && attributes.empty()) return out + "/>\n";
  out += ">\n";
  if (!children.empty()) {
    out.append(in, ' ');
    out += "<xsd:choice minOccurs=\"0\" maxOccurs=\"unbounded\">\n";
    out += children;
    out.append(in, ' ');
    out += "</xsd:choice>\n";
  }
  out += attributes;
  out.append(indent, ' ');
  out += "</xsd:complexType>\n";
  return out;
}

template <size_t N>
void EntryAttributes(std::string& out, const AttributeSpec (&table)[N],
                     int indent, bool xml_children) {
  for (const AttributeSpec& a : table) {
    if (a.xml_child != xml_children) continue;
    out.append(indent, ' ');
    if (xml_children) {
      out += StrCat({"<xsd:element name=\"", a.name, "\" type=\"xsd:string\"/>\n"});
    } else {
      out += StrCat({"<xsd:attribute name=\"", a.name, "\" type=\"",
                     a.kind == AttrKind::kBoolean   ? "booleanExp"
                     : a.kind == AttrKind::kInteger ? "numericExp"
                                                    : "xsd:string",
                     "\"", a.required ? " use=\"required\"" : "", "/>\n"});
    }
  }
}

std::string XsdWriter::Run() {
  std::string changes, group;
  [&]<size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = std::variant_alternative_t<I, Change>;
          if constexpr (ProChange<T>) return;
          changes += StrCat({"  <xsd:element name=\"", T::kName, "\">\n"});
          changes += ComplexType<T>(T::kName, false, "", 4);
          changes += "  </xsd:element>\n";
          group += StrCat({"      <xsd:element ref=\"", T::kName, "\"/>\n"});
        }(),
        ...);
  }(std::make_index_sequence<std::variant_size_v<Change>>());

  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<!-- Strata's schema for Liquibase 4.28 XML changelogs.\n"
         "     Generated from the model (src/load/schemas.cc); do not edit.\n"
         "     Regenerate: STRATA_UPDATE_GOLDEN=1 build/schema_test -->\n";
  out += StrCat({"<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"\n"
                 "    targetNamespace=\"", kDbChangeLogNamespace, "\"\n"
                 "    xmlns=\"", kDbChangeLogNamespace, "\"\n"
                 "    elementFormDefault=\"qualified\">\n\n"});
  out += StrCat({"  <xsd:simpleType name=\"booleanExp\">\n"
                 "    <xsd:restriction base=\"xsd:string\">\n"
                 "      <xsd:pattern value=\"", kBooleanPattern, "\"/>\n"
                 "    </xsd:restriction>\n"
                 "  </xsd:simpleType>\n"
                 "  <xsd:simpleType name=\"numericExp\">\n"
                 "    <xsd:restriction base=\"xsd:string\">\n"
                 "      <xsd:pattern value=\"", kNumericPattern, "\"/>\n"
                 "    </xsd:restriction>\n"
                 "  </xsd:simpleType>\n\n"});

  out += "  <xsd:element name=\"databaseChangeLog\">\n"
         "    <xsd:complexType>\n"
         "      <xsd:choice minOccurs=\"0\" maxOccurs=\"unbounded\">\n"
         "        <xsd:element ref=\"changeSet\"/>\n"
         "        <xsd:element ref=\"include\"/>\n"
         "        <xsd:element ref=\"includeAll\"/>\n"
         "        <xsd:element ref=\"preConditions\"/>\n"
         "        <xsd:element ref=\"property\"/>\n"
         "      </xsd:choice>\n";
  EntryAttributes(out, kChangeLogAttributes, 6, false);
  out += "    </xsd:complexType>\n  </xsd:element>\n\n";

  out += "  <xsd:element name=\"changeSet\">\n"
         "    <xsd:complexType>\n"
         "      <xsd:choice minOccurs=\"0\" maxOccurs=\"unbounded\">\n";
  EntryAttributes(out, kChangeSetAttributes, 8, true);
  out += "        <xsd:element ref=\"preConditions\"/>\n";
  out += "        <xsd:element ref=\"rollback\"/>\n"
         "        <xsd:element ref=\"modifySql\"/>\n"
         "        <xsd:group ref=\"changes\"/>\n"
         "        <!-- Liquibase Pro changes: liquibase-pro-4.28.xsd -->\n"
         "        <xsd:any namespace=\"##other\" processContents=\"lax\"/>\n"
         "      </xsd:choice>\n";
  EntryAttributes(out, kChangeSetAttributes, 6, false);
  out += "    </xsd:complexType>\n  </xsd:element>\n\n";

  out += "  <!-- Text is raw SQL; nested changes; empty is a no-op. -->\n"
         "  <xsd:element name=\"rollback\">\n"
         "    <xsd:complexType mixed=\"true\">\n"
         "      <xsd:choice minOccurs=\"0\" maxOccurs=\"unbounded\">\n"
         "        <xsd:group ref=\"changes\"/>\n"
         "        <xsd:any namespace=\"##other\" processContents=\"lax\"/>\n"
         "      </xsd:choice>\n"
         "    </xsd:complexType>\n  </xsd:element>\n\n";

  out += "  <!-- Rewrites each SQL statement of the changeset. -->\n"
         "  <xsd:element name=\"modifySql\">\n"
         "    <xsd:complexType>\n"
         "      <xsd:choice minOccurs=\"0\" maxOccurs=\"unbounded\">\n";
  for (std::string_view visitor : {"append", "prepend", "replace", "regExpReplace"}) {
    bool text = visitor == "append" || visitor == "prepend";
    out += StrCat({"        <xsd:element name=\"", visitor, "\">\n          <xsd:complexType>\n"});
    for (std::string_view attr : text ? std::vector<std::string_view>{"value"}
                                      : std::vector<std::string_view>{"replace", "with"})
      out += StrCat({"            <xsd:attribute name=\"", attr,
                     "\" type=\"xsd:string\" use=\"required\"/>\n"});
    out += "          </xsd:complexType>\n        </xsd:element>\n";
  }
  out += "      </xsd:choice>\n";
  EntryAttributes(out, kModifySqlAttributes, 6, false);
  out += "    </xsd:complexType>\n  </xsd:element>\n\n";

  out += "  <xsd:element name=\"include\">\n    <xsd:complexType>\n";
  EntryAttributes(out, kIncludeAttributes, 6, false);
  out += "    </xsd:complexType>\n  </xsd:element>\n\n";

  out += "  <xsd:element name=\"preConditions\">\n    <xsd:complexType>\n"
         "      <xsd:group ref=\"preconditions\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>\n";
  EntryAttributes(out, kPreconditionsAttributes, 6, false);
  out += "    </xsd:complexType>\n  </xsd:element>\n\n";
  out += "  <xsd:group name=\"preconditions\">\n    <xsd:choice>\n";
  for (const PreconditionType& t : kPreconditionTypes)
    out += StrCat({"      <xsd:element ref=\"", t.name, "\"/>\n"});
  out += "    </xsd:choice>\n  </xsd:group>\n\n";
  for (const PreconditionType& t : kPreconditionTypes) {
    out += StrCat({"  <xsd:element name=\"", t.name, "\">\n    <xsd:complexType",
                   t.body.empty() ? "" : " mixed=\"true\"", ">\n"});
    if (t.nested)
      out += "      <xsd:group ref=\"preconditions\" maxOccurs=\"unbounded\"/>\n";
    for (std::string_view a : t.attributes) {
      if (a.empty()) continue;
      bool required = a != t.body && std::find(t.required.begin(), t.required.end(), a) != t.required.end();
      out += StrCat({"      <xsd:attribute name=\"", a, "\" type=\"xsd:string\"",
                     required ? " use=\"required\"" : "", "/>\n"});
    }
    out += "    </xsd:complexType>\n  </xsd:element>\n\n";
  }

  out += "  <xsd:element name=\"includeAll\">\n    <xsd:complexType>\n";
  EntryAttributes(out, kIncludeAllAttributes, 6, false);
  out += "    </xsd:complexType>\n  </xsd:element>\n\n";

  out += "  <xsd:element name=\"property\">\n    <xsd:complexType>\n";
  EntryAttributes(out, kPropertyAttributes, 6, false);
  out += "    </xsd:complexType>\n  </xsd:element>\n\n";

  out += "  <xsd:group name=\"changes\">\n    <xsd:choice>\n";
  out += group;
  out += "    </xsd:choice>\n  </xsd:group>\n\n";
  out += changes;
  out += "\n";
  out += nested_;
  out += "</xsd:schema>\n";
  return out;
}

std::string XsdWriter::RunPro() {
  std::string changes;
  [&]<size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = std::variant_alternative_t<I, Change>;
          if constexpr (!ProChange<T>) return;
          changes += StrCat({"  <xsd:element name=\"", T::kName, "\">\n"});
          changes += ComplexType<T>(T::kName, false, "", 4);
          changes += "  </xsd:element>\n";
        }(),
        ...);
  }(std::make_index_sequence<std::variant_size_v<Change>>());
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<!-- Strata's schema for the Liquibase Pro change types (free in Strata),\n"
         "     the elements of the pro namespace in Liquibase 4.28 XML changelogs.\n"
         "     Generated from the model (src/load/schemas.cc); do not edit.\n"
         "     Regenerate: STRATA_UPDATE_GOLDEN=1 build/schema_test -->\n";
  out += StrCat({"<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"\n"
                 "    targetNamespace=\"", kProNamespace, "\"\n"
                 "    xmlns=\"", kProNamespace, "\"\n"
                 "    elementFormDefault=\"qualified\">\n\n"});
  out += StrCat({"  <xsd:simpleType name=\"booleanExp\">\n"
                 "    <xsd:restriction base=\"xsd:string\">\n"
                 "      <xsd:pattern value=\"", kBooleanPattern, "\"/>\n"
                 "    </xsd:restriction>\n"
                 "  </xsd:simpleType>\n\n"});
  out += changes;
  out += "\n";
  out += nested_;
  out += "</xsd:schema>\n";
  return out;
}

// ---- JSON Schema ------------------------------------------------------------

// A JSON string literal.
std::string Q(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A pretty-printed JSON object built member by member.
class Obj {
 public:
  Obj& Add(std::string_view key, std::string value) {
    members_.emplace_back(std::string(key), std::move(value));
    return *this;
  }
  std::string Str(int indent = 0) const {
    if (members_.empty()) return "{}";
    std::string pad(indent + 2, ' ');
    std::string out = "{\n";
    for (size_t i = 0; i < members_.size(); ++i) {
      out += pad + Q(members_[i].first) + ": " + Reindent(members_[i].second, indent + 2);
      out += i + 1 < members_.size() ? ",\n" : "\n";
    }
    return out + std::string(indent, ' ') + "}";
  }
  bool empty() const { return members_.empty(); }

 private:
  // Nested values are rendered at indent 0; shift their inner lines.
  static std::string Reindent(const std::string& v, int indent) {
    std::string out;
    for (char c : v) {
      out += c;
      if (c == '\n') out.append(indent, ' ');
    }
    return out;
  }
  std::vector<std::pair<std::string, std::string>> members_;
};

std::string Arr(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

// A multi-line JSON array of (possibly multi-line) values.
std::string List(const std::vector<std::string>& items) {
  std::string out = "[\n";
  for (size_t i = 0; i < items.size(); ++i) {
    out += "  ";
    for (char c : items[i]) {
      out += c;
      if (c == '\n') out += "  ";
    }
    out += i + 1 < items.size() ? ",\n" : "\n";
  }
  return out + "]";
}

std::string Ref(std::string_view name) {
  return Obj().Add("$ref", Q(StrCat({"#/definitions/", name}))).Str();
}

std::string ScalarSchema(Kind k) {
  switch (k) {
    case Kind::kBoolean:
      return Ref("boolean");
    case Kind::kNumeric:
      return Ref("number");
    case Kind::kString:
      break;
  }
  return Ref("scalar");
}

class JsonSchemaWriter {
 public:
  std::string Run();

 private:
  template <typename S>
  std::string StructSchema(std::string_view owner, bool add_column);
  template <typename X>
  std::string NestedRef(std::string_view item, std::string_view owner,
                        bool add_column);

  TypeNames names_;
  Obj definitions_;
  std::vector<std::pair<std::string, std::string>> nested_;
};

template <typename X>
std::string JsonSchemaWriter::NestedRef(std::string_view item,
                                        std::string_view owner,
                                        bool add_column) {
  auto [name, fresh] = names_.Name<X>(item, owner, add_column);
  if (fresh) {
    nested_.emplace_back(name, "");
    size_t slot = nested_.size() - 1;
    nested_[slot].second = StructSchema<X>(item, add_column);
  }
  return Ref(name);
}

template <typename S>
std::string JsonSchemaWriter::StructSchema(std::string_view owner,
                                           bool add_column) {
  Obj props;
  std::vector<std::string> required;
  ForEachField<S>([&](const auto& f) {
    using M = FieldMember<decltype(f)>;
    if (SkipField<S>(f.name, add_column)) return;
    if (f.flags & kRequired) required.push_back(Q(f.name));
    if constexpr (kIsScalarField<M>) {
      props.Add(f.name, ScalarSchema(KindOf<M>()));
    } else if constexpr (OptionalStruct<M>::value) {
      props.Add(f.name, NestedRef<typename OptionalStruct<M>::Item>(f.name, owner, false));
    } else if constexpr (StructList<M>::value) {
      using X = typename StructList<M>::Item;
      std::string_view item = ItemName<X>(f.name, f.flags);
      std::string ref = NestedRef<X>(item, owner, std::is_same_v<S, AddColumn>);
      // `- column: {...}` or a bare `- {...}`; a single item may stand alone.
      std::string wrapped = Obj()
                                .Add("type", Q("object"))
                                .Add("properties", Obj().Add(item, ref).Str())
                                .Add("required", Arr({Q(item)}))
                                .Add("additionalProperties", "false")
                                .Str();
      std::string one = Obj().Add("anyOf", List({wrapped, ref})).Str();
      props.Add(f.name,
                Obj().Add("anyOf", List({Obj().Add("type", Q("array")).Add("items", one).Str(), one})).Str());
    } else {
      static_assert(sizeof(M) == 0, "schema generator: unhandled field type");
    }
  });
  Obj o;
  o.Add("type", Q("object"));
  if (!props.empty()) o.Add("properties", props.Str());
  if (!required.empty()) o.Add("required", Arr(required));
  o.Add("additionalProperties", "false");
  return o.Str();
}

// The properties of a changelog entry's attribute table; `required` gets
// the required names.
template <size_t N>
Obj EntryProperties(const AttributeSpec (&table)[N],
                    std::vector<std::string>& required) {
  Obj props;
  for (const AttributeSpec& a : table) {
    std::string s = ScalarSchema(KindOf(a.kind));
    if (a.repeated)
      s = Obj().Add("anyOf", List({s, Obj().Add("type", Q("array")).Add("items", s).Str()})).Str();
    props.Add(a.name, s);
    if (a.required) required.push_back(Q(a.name));
  }
  return props;
}

std::string ObjectSchema(const Obj& props, const std::vector<std::string>& required) {
  Obj o;
  o.Add("type", Q("object")).Add("properties", props.Str());
  if (!required.empty()) o.Add("required", Arr(required));
  return o.Add("additionalProperties", "false").Str();
}

template <size_t N>
std::string EntrySchema(const AttributeSpec (&table)[N]) {
  std::vector<std::string> required;
  return ObjectSchema(EntryProperties(table, required), required);
}

std::string JsonSchemaWriter::Run() {
  std::vector<std::string> change_names;
  Obj change_props;
  std::vector<std::pair<std::string, std::string>> change_defs;
  [&]<size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = std::variant_alternative_t<I, Change>;
          std::string s = StructSchema<T>(T::kName, false);
          bool any_required = false;
          ForEachField<T>([&](const auto& f) { any_required |= (f.flags & kRequired) != 0; });
          std::vector<std::string> forms = {s};
          if (HasBody<T>()) forms.push_back(Obj().Add("type", Q("string")).Str());  // `sql: select 1`
          if (!any_required) forms.push_back(Obj().Add("type", Q("null")).Str());
          std::string def = forms.size() == 1 ? s : Obj().Add("anyOf", List(forms)).Str();
          change_defs.emplace_back(std::string(T::kName), def);
          change_props.Add(T::kName, Ref(T::kName));
        }(),
        ...);
  }(std::make_index_sequence<std::variant_size_v<Change>>());

  Obj defs;
  defs.Add("scalar", Obj()
                         .Add("description", Q("Any scalar: YAML numbers and booleans are read as their Java text."))
                         .Add("type", Arr({Q("string"), Q("number"), Q("boolean"), Q("null")}))
                         .Str());
  defs.Add("boolean", Obj()
                          .Add("anyOf", List({Obj().Add("type", Arr({Q("boolean"), Q("null")})).Str(),
                                              Obj().Add("type", Q("string")).Add("pattern", Q(EcmaPattern(kBooleanPattern))).Str()}))
                          .Str());
  defs.Add("number", Obj()
                         .Add("anyOf", List({Obj().Add("type", Arr({Q("number"), Q("null")})).Str(),
                                             Obj().Add("type", Q("string")).Add("pattern", Q(EcmaPattern(kNumericPattern))).Str()}))
                         .Str());
  defs.Add("change", Obj()
                         .Add("type", Q("object"))
                         .Add("properties", change_props.Str())
                         .Add("minProperties", "1")
                         .Add("maxProperties", "1")
                         .Add("additionalProperties", "false")
                         .Str());
  std::string changes_list = Obj().Add("type", Q("array")).Add("items", Ref("change")).Str();
  defs.Add("changes", Obj().Add("anyOf", List({changes_list, Ref("change"), Obj().Add("type", Q("null")).Str()})).Str());

  // changeSet: its attributes plus changes and rollback.
  {
    std::vector<std::string> required;
    Obj props = EntryProperties(kChangeSetAttributes, required);
    props.Add("changes", Ref("changes"));
    props.Add("preConditions", Ref("preConditions"));
    props.Add("rollback",
              Obj()
                  .Add("description", Q("Changes, raw SQL text, or empty for a no-op."))
                  .Add("anyOf", List({Obj().Add("type", Q("string")).Str(), Ref("changes")}))
                  .Str());
    // modifySql: a map, or a list of maps merged into one, of its
    // attributes and visitors.
    std::vector<std::string> none;
    Obj block = EntryProperties(kModifySqlAttributes, none);
    for (std::string_view visitor : {"append", "prepend", "replace", "regExpReplace"}) {
      std::vector<std::string> r;
      Obj one;
      bool text = visitor == "append" || visitor == "prepend";
      for (std::string_view attr : text ? std::vector<std::string_view>{"value"}
                                        : std::vector<std::string_view>{"replace", "with"}) {
        one.Add(attr, Ref("scalar"));
        r.push_back(Q(attr));
      }
      block.Add(visitor, ObjectSchema(one, r));
    }
    std::string block_schema = ObjectSchema(block, none);
    props.Add("modifySql",
              Obj()
                  .Add("description", Q("Rewrites each SQL statement of the changeset: append, "
                                        "prepend, replace, regExpReplace."))
                  .Add("anyOf", List({block_schema, Obj()
                                                        .Add("type", Q("array"))
                                                        .Add("items", block_schema)
                                                        .Str()}))
                  .Str());
    defs.Add("changeSet", ObjectSchema(props, required));
  }
  {
    // A precondition list: `- onFail: X` options (top level only) and
    // `- tableExists: {...}` items; and/or/not nest a list.
    Obj items;
    for (const PreconditionType& t : kPreconditionTypes) {
      if (t.nested) {
        items.Add(t.name, Ref("preconditionList"));
        continue;
      }
      Obj props;
      std::vector<std::string> required;
      for (std::string_view a : t.attributes)
        if (!a.empty()) props.Add(a, ScalarSchema(Kind::kString));
      for (std::string_view r : t.required)
        if (!r.empty()) required.push_back(Q(r));
      items.Add(t.name, ObjectSchema(props, required));
    }
    std::string nested_item = Obj()
                                  .Add("type", Q("object"))
                                  .Add("properties", items.Str())
                                  .Add("minProperties", "1")
                                  .Add("maxProperties", "1")
                                  .Add("additionalProperties", "false")
                                  .Str();
    for (const AttributeSpec& a : kPreconditionsAttributes)
      items.Add(a.name, ScalarSchema(Kind::kString));
    std::string top_item = Obj()
                               .Add("type", Q("object"))
                               .Add("properties", items.Str())
                               .Add("minProperties", "1")
                               .Add("maxProperties", "1")
                               .Add("additionalProperties", "false")
                               .Str();
    defs.Add("preconditionList", Obj().Add("type", Q("array")).Add("items", nested_item).Str());
    defs.Add("preConditions", Obj().Add("type", Q("array")).Add("items", top_item).Str());
  }
  defs.Add("include", EntrySchema(kIncludeAttributes));
  defs.Add("includeAll", EntrySchema(kIncludeAllAttributes));
  defs.Add("property", EntrySchema(kPropertyAttributes));
  {
    Obj entry_props;
    entry_props.Add("changeSet", Ref("changeSet"));
    entry_props.Add("preConditions", Ref("preConditions"));
    entry_props.Add("include", Ref("include"));
    entry_props.Add("includeAll", Ref("includeAll"));
    entry_props.Add("property", Ref("property"));
    for (const AttributeSpec& a : kChangeLogAttributes)
      entry_props.Add(a.name, ScalarSchema(KindOf(a.kind)));
    defs.Add("entry", Obj()
                          .Add("type", Q("object"))
                          .Add("properties", entry_props.Str())
                          .Add("minProperties", "1")
                          .Add("maxProperties", "1")
                          .Add("additionalProperties", "false")
                          .Str());
  }
  for (auto& [name, def] : change_defs) defs.Add(name, def);
  for (auto& [name, def] : nested_) defs.Add(name, def);

  return Obj()
             .Add("$schema", Q("http://json-schema.org/draft-07/schema#"))
             .Add("title", Q("Strata changelog (Liquibase 4.28 YAML/JSON)"))
             .Add("description", Q("Generated from the model (src/load/schemas.cc); do not edit. "
                                   "Regenerate: STRATA_UPDATE_GOLDEN=1 build/schema_test"))
             .Add("type", Q("object"))
             .Add("properties",
                  Obj()
                      .Add("databaseChangeLog",
                           Obj().Add("type", Arr({Q("array"), Q("null")})).Add("items", Ref("entry")).Str())
                      .Add("logicalFilePath", Ref("scalar"))
                      .Str())
             .Add("required", Arr({Q("databaseChangeLog")}))
             .Add("definitions", defs.Str())
             .Str() +
         "\n";
}

}  // namespace

std::string GenerateXsd() { return XsdWriter().Run(); }

std::string GenerateProXsd() { return XsdWriter().RunPro(); }

std::string GenerateJsonSchema() { return JsonSchemaWriter().Run(); }

}  // namespace strata::load
