// Liquibase's StringChangeLogSerializer, driven by each struct's Fields().
//
// Persisted format: the output is hashed into databasechangelog.MD5SUM; its
// shape (indentation, quoting, ordering) never changes.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "checksum/text.h"
#include "strata/checksum.h"

namespace strata {
namespace {

std::string Indent(int level) { return std::string(4 * level, ' '); }

template <typename T>
inline constexpr bool kIsList = false;
template <typename T>
inline constexpr bool kIsList<std::vector<T>> = true;

template <typename S>
std::string Object(const S& obj, int indent, ChecksumVersion v);

template <typename Item>
std::string ListOf(const std::vector<Item>& items, int indent, ChecksumVersion v) {
  std::string out = "[\n";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ",\n";
    out += Indent(indent + 1) + Object(items[i], indent + 2, v);
  }
  out += '\n';
  out += Indent(indent);
  out += ']';
  return out;
}

void Scalar(std::string_view name, std::string_view value, int indent,
            std::vector<std::string>* out) {
  std::string line = Indent(indent);
  line += name;
  line += "=\"";
  line += value;
  line += '"';
  out->push_back(std::move(line));
}

// OptString or RareString alike.
template <typename T>
  requires kIsOptString<T>
void Entry(std::string_view name, const T& v, int indent, ChecksumVersion,
           std::vector<std::string>* out) {
  if (v) Scalar(name, *v, indent, out);
}
void Entry(std::string_view name, const OptBool& v, int indent, ChecksumVersion,
           std::vector<std::string>* out) {
  if (v) Scalar(name, *v ? "true" : "false", indent, out);
}
// OptNumeric or RareNumeric alike.
template <typename T>
  requires kIsOptNumeric<T>
void Entry(std::string_view name, const T& v, int indent, ChecksumVersion,
           std::vector<std::string>* out) {
  if (v) Scalar(name, v->text, indent, out);
}
// A nested object carries no field name.
void Entry(std::string_view, const HeapOptional<ConstraintsConfig>& v,
           int indent, ChecksumVersion version, std::vector<std::string>* out) {
  if (v) out->push_back(Indent(indent) + Object(*v, indent + 1, version));
}
template <typename Item>
void Entry(std::string_view name, const std::vector<Item>& v, int indent,
           ChecksumVersion version, std::vector<std::string>* out) {
  std::string line = Indent(indent);
  line += name;
  line += '=';
  line += v.empty() ? std::string("[]") : ListOf(v, indent, version);
  out->push_back(std::move(line));
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isdigit(c) != 0;
  });
}

// Liquibase keeps ColumnConfig dates as java.util.Date values and prints
// them back through ISODateFormat: "yyyy-MM-dd", "HH:mm:ss", or
// "yyyy-MM-ddTHH:mm:ss" plus the fraction without trailing zeros. Returns
// nullopt for text it cannot parse as a date: Liquibase then stores it as a
// computed value (valueComputed / defaultValueComputed) instead.
std::optional<std::string> CanonicalDate(std::string_view s) {
  auto is_date = [](std::string_view d) {
    return d.size() == 10 && AllDigits(d.substr(0, 4)) && d[4] == '-' &&
           AllDigits(d.substr(5, 2)) && d[7] == '-' &&
           AllDigits(d.substr(8, 2));
  };
  auto is_time = [](std::string_view t) {
    return t.size() == 8 && AllDigits(t.substr(0, 2)) && t[2] == ':' &&
           AllDigits(t.substr(3, 2)) && t[5] == ':' &&
           AllDigits(t.substr(6, 2));
  };
  if (is_time(s) || is_date(s)) return std::string(s);
  if (s.size() < 19 || !is_date(s.substr(0, 10)) ||
      (s[10] != 'T' && s[10] != ' ') || !is_time(s.substr(11, 8))) {
    return std::nullopt;
  }
  std::string out =
      std::string(s.substr(0, 10)) + "T" + std::string(s.substr(11, 8));
  if (s.size() == 19) return out;
  std::string_view frac = s.substr(19);
  if (frac.size() < 2 || frac[0] != '.' || frac.size() > 10 ||
      !AllDigits(frac.substr(1))) {
    return std::nullopt;  // time zones and other forms: not modelled
  }
  frac.remove_prefix(1);
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
  if (!frac.empty()) out += "." + std::string(frac);
  return out;
}

void CanonicalizeDate(RareString* date, RareString* computed) {
  if (!date->has_value()) return;
  if (auto canonical = CanonicalDate(**date)) {
    *date = std::move(*canonical);
  } else {
    if (!*computed) *computed = std::move(*date);
    date->reset();
  }
}

// The changes whose kNoChecksum fields (body, path, encoding,
// relativeToChangelogFile; createProcedure's dbms and comments) are left
// out by v9 only: Liquibase 4.22 added those exclusions, and the v8
// algorithm serializes them.
template <typename S>
inline constexpr bool kV9OnlyExclusions =
    std::is_same_v<S, CreateView> || std::is_same_v<S, CreateProcedure> ||
    std::is_same_v<S, CreateFunction> || std::is_same_v<S, CreateTrigger> ||
    std::is_same_v<S, CreatePackage> || std::is_same_v<S, CreatePackageBody>;

template <typename S>
bool Serialized(unsigned flags, ChecksumVersion v) {
  if (!(flags & kNoChecksum)) return true;
  return v == ChecksumVersion::kV8 && kV9OnlyExclusions<S>;
}

template <typename S>
std::vector<std::string> Entries(const S& obj, int indent, ChecksumVersion v) {
  std::vector<std::string> out;
  ForEachField<S>([&](const auto& f) {
    if (!Serialized<S>(f.flags, v)) return;
    std::string_view name = f.name;
    // Liquibase before 4.22 serialized createProcedure's text under its
    // older property name (verified against Liquibase 4.4.0's sums).
    if constexpr (std::is_same_v<S, CreateProcedure>)
      if (v == ChecksumVersion::kV8 && name == "procedureText") name = "procedureBody";
    const auto& value = obj.*(f.member);
    if constexpr (kIsList<std::decay_t<decltype(value)>>) {
      if ((f.flags & kNullWhenEmpty) && value.empty()) return;
    }
    Entry(name, value, indent, v, &out);
  });
  return out;
}

std::vector<std::string> Entries(const ColumnConfig& col, int indent, ChecksumVersion v) {
  // Copied only when a date is to be canonicalized (nearly never).
  std::optional<ColumnConfig> canonical;
  if (col.value_date || col.default_value_date) {
    canonical = col;
    CanonicalizeDate(&canonical->value_date, &canonical->value_computed);
    CanonicalizeDate(&canonical->default_value_date, &canonical->default_value_computed);
  }
  const ColumnConfig& c = canonical ? *canonical : col;
  std::vector<std::string> out;
  ForEachField<ColumnConfig>([&](const auto& f) {
    if (!Serialized<ColumnConfig>(f.flags, v)) return;
    Entry(f.name, c.*(f.member), indent, v, &out);
  });
  return out;
}

// "[" + sorted entries one per line + "]"; Liquibase collects the entries
// in a TreeSet, so they are sorted (Java String order, which is byte order
// here because entries differ first in their ASCII names) and unique.
template <typename S>
std::string Object(const S& obj, int indent, ChecksumVersion v) {
  std::vector<std::string> entries = Entries(obj, indent, v);
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  std::string out = "[";
  if (!entries.empty()) {
    out += '\n';
    for (size_t i = 0; i < entries.size(); ++i) {
      if (i > 0) out += '\n';
      out += entries[i];
    }
    out += '\n';
  }
  out += Indent(indent - 1) + "]";
  return out;
}

// createIndex's columns as Liquibase 4.28 hashes them: a column's type,
// value, defaultValue and remarks do not count, while name, descending,
// defaultValueComputed, defaultValueNumeric and defaultValueBoolean do
// (verified with offline update-sql, XML and YAML, one attribute at a time;
// gravitee-apim types its index columns, fineract gives some a
// defaultValueComputed="NULL"). Attributes not measured are kept.
CreateIndex ChecksumView(const CreateIndex& c) {
  CreateIndex view = c;
  for (ColumnConfig& col : view.columns) {
    col.type.reset();
    col.value.reset();
    col.default_value.reset();
    col.remarks.reset();
  }
  return view;
}

}  // namespace

std::string SerializeChange(const Change& change, ChecksumVersion version) {
  std::string out = std::visit(
      [version](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, CreateIndex>) {
          // Measured on 4.28 (v9) only; v8 keeps every attribute.
          if (version == ChecksumVersion::kV9) {
            return std::string(T::kName) + ":" + Object(ChecksumView(c), 1, version);
          }
        }
        return std::string(T::kName) + ":" + Object(c, 1, version);
      },
      change);
  return detail::NormalizeLineEndings(out);
}

}  // namespace strata
