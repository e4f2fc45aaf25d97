// The only place identifiers and literals are quoted, and types spelled.
#include "strata/sql_writer.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>
#include "util/strings.h"

namespace strata {
namespace {

using util::Lower;
using util::Upper;
using util::Trim;

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

const TypeRule* FindRule(const Dialect& d, std::string_view key) {
  for (const TypeRule& r : d.type_map)
    if (r.liquibase_name == key) return &r;
  return nullptr;
}

}  // namespace

bool NeedsQuoting(const Dialect& dialect, std::string_view name) {
  if (name.empty() || dialect.quote_all_identifiers) return true;
  if (std::isdigit(static_cast<unsigned char>(name.front()))) return true;
  bool upper = false, lower = false;
  for (char c : name) {
    if (!IsWordChar(c)) return true;
    upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    lower |= std::islower(static_cast<unsigned char>(c)) != 0;
  }
  if (dialect.quote_mixed_case && upper && lower) return true;
  return std::binary_search(dialect.reserved_words.begin(),
                            dialect.reserved_words.end(), Upper(name));
}

std::string QuoteIdent(const Dialect& dialect, std::string_view name) {
  if (!NeedsQuoting(dialect, name)) return std::string(name);
  const char q = dialect.identifier_quote;
  std::string out(1, q);
  for (char c : name) {
    if (c == q) out += q;
    out += c;
  }
  out += q;
  return out;
}

std::string QuoteLiteral(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string QuoteLiteral(const Dialect& dialect, std::string_view value) {
  if (!dialect.backslash_escapes) return QuoteLiteral(value);
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  out += '\'';
  return out;
}

bool IsNumber(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  size_t digits = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    size_t exp = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == t.size();
}

bool IsValidTypeName(std::string_view type) {
  type = Trim(type);
  if (type.empty() || !std::isalpha(static_cast<unsigned char>(type.front())))
    return false;
  int parens = 0;
  bool seen_params = false;
  for (size_t i = 0; i < type.size(); ++i) {
    char c = type[i];
    if (IsWordChar(c) || c == ' ') continue;
    if (c == '.' && parens == 0) continue;
    if (c == ',' && parens == 1) continue;
    if (c == '(') {
      if (parens != 0 || seen_params) return false;
      parens = 1;
      seen_params = true;
      continue;
    }
    if (c == ')') {
      // Liquibase ignores stray ")" after the parameters: "char(0))".
      if (parens == 0 && seen_params &&
          type.find_first_not_of(") ", i) == std::string_view::npos)
        return true;
      if (parens != 1) return false;
      parens = 0;
      continue;
    }
    if (c == '[' && parens == 0) {  // [] or [n]
      size_t j = i + 1;
      while (j < type.size() && std::isdigit(static_cast<unsigned char>(type[j]))) ++j;
      if (j >= type.size() || type[j] != ']') return false;
      i = j;
      continue;
    }
    return false;
  }
  return parens == 0;
}

std::string MapType(const Dialect& dialect, std::string_view liquibase_type,
                    bool auto_increment) {
  std::string_view s = Trim(liquibase_type);
  constexpr std::string_view kJava = "java.sql.types.";
  bool java = s.size() > kJava.size() && Lower(s.substr(0, kJava.size())) == kJava;
  if (java) s.remove_prefix(kJava.size());

  // head (params) tail
  std::string_view head = s, params, tail;
  bool has_params = false;
  if (size_t open = s.find('('); open != std::string_view::npos) {
    size_t close = s.find(')', open);
    if (close == std::string_view::npos) close = s.size();
    head = s.substr(0, open);
    params = s.substr(open + 1, close - open - 1);
    tail = close < s.size() ? s.substr(close + 1) : std::string_view();
    // Stray ")" after the parameters are dropped, as Liquibase does.
    if (tail.find_first_not_of(") ") == std::string_view::npos) tail = {};
    has_params = true;
  }
  std::vector<std::string_view> words = Words(head);
  if (words.empty()) return std::string(s);

  // Array types are not in Liquibase's map: the name is upper-cased as is.
  bool array = s.find('[') != std::string_view::npos;
  const TypeRule* rule = nullptr;
  size_t used = 1;
  for (size_t n = array ? 0 : words.size(); n >= 1 && !rule; --n) {
    std::string key;
    for (size_t i = 0; i < n; ++i) {
      if (i) key += ' ';
      key += Lower(words[i]);
    }
    if (java) rule = FindRule(dialect, std::string(kJava) + key);
    if (!rule) rule = FindRule(dialect, key);
    if (rule) used = n;
  }

  std::string modifiers;
  for (size_t i = used; i < words.size(); ++i) {
    modifiers += ' ';
    modifiers += words[i];
  }
  if (Trim(tail).starts_with("[")) {
    modifiers += Trim(tail);
  } else {
    for (std::string_view w : Words(tail)) {
      modifiers += ' ';
      modifiers += w;
    }
  }

  std::string out;
  std::string param_text;
  if (has_params) {
    param_text = "(";
    size_t start = 0;
    bool first = true;
    while (true) {
      size_t comma = params.find(',', start);
      std::string_view p = Trim(params.substr(start, comma == std::string_view::npos
                                                         ? std::string_view::npos
                                                         : comma - start));
      if (!first) param_text += ", ";
      param_text += p;
      first = false;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    param_text += ")";
  }

  if (!rule) {
    out = Upper(words[0]) + param_text + modifiers;
    if (auto_increment) out += dialect.identity_clause;
    return out;
  }

  out = std::string(rule->spelling);
  if (!(rule->flags & TypeRule::kDropParams)) out += param_text;
  if (rule->flags & TypeRule::kDropModifiers) {
    modifiers.clear();
  } else if (rule->flags & TypeRule::kUpperModifiers) {
    modifiers = Upper(modifiers);
  }
  out += modifiers.empty() ? std::string(rule->default_modifiers) : modifiers;
  if (auto_increment && !(rule->flags & TypeRule::kIdentity))
    out += dialect.identity_clause;
  return out;
}

SqlWriter& SqlWriter::Keyword(std::string_view text) {
  out_ += text;
  return *this;
}

SqlWriter& SqlWriter::Ident(std::string_view name) {
  out_ += QuoteIdent(dialect_, name);
  return *this;
}

SqlWriter& SqlWriter::QuotedIdent(std::string_view name) {
  const char q = dialect_.identifier_quote;
  out_ += q;
  for (char c : name) {
    if (c == q) out_ += q;
    out_ += c;
  }
  out_ += q;
  return *this;
}

SqlWriter& SqlWriter::Name(const std::optional<std::string>& schema,
                           std::string_view name) {
  if (schema && !schema->empty() && dialect_.supports_schemas) {
    Ident(*schema);
    out_ += '.';
  }
  return Ident(name);
}

SqlWriter& SqlWriter::Literal(std::string_view value) {
  out_ += QuoteLiteral(dialect_, value);
  return *this;
}

SqlWriter& SqlWriter::Type(std::string_view liquibase_type, bool auto_increment) {
  out_ += MapType(dialect_, liquibase_type, auto_increment);
  return *this;
}

SqlWriter& SqlWriter::Number(std::string_view number) {
  out_ += number;
  return *this;
}

SqlWriter& SqlWriter::Bytes(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out_ += dialect_.bytes_prefix;
  for (unsigned char b : bytes) {
    out_ += kHex[b >> 4];
    out_ += kHex[b & 0xF];
  }
  out_ += '\'';
  return *this;
}

SqlWriter& SqlWriter::RawSql(std::string_view user_sql) {
  out_ += user_sql;
  return *this;
}

}  // namespace strata
