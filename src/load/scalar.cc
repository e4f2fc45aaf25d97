#include "load/scalar.h"

#include "load/strings.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace strata::load {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsNullText(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// SnakeYAML's YAML 1.1 bool set.
int BoolValue(std::string_view s) {
  static constexpr std::string_view kTrue[] = {"true", "True", "TRUE", "yes",
                                               "Yes",  "YES",  "on",   "On",
                                               "ON"};
  static constexpr std::string_view kFalse[] = {"false", "False", "FALSE",
                                                "no",    "No",    "NO",
                                                "off",   "Off",   "OFF"};
  for (auto t : kTrue)
    if (s == t) return 1;
  for (auto f : kFalse)
    if (s == f) return 0;
  return -1;
}

// Digits (and '_') of `s` are all valid for `base`, with at least one digit.
bool AllDigits(std::string_view s, int base) {
  bool any = false;
  for (char c : s) {
    if (c == '_') continue;
    int v = IsDigit(c)              ? c - '0'
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                     : 99;
    if (v >= base) return false;
    any = true;
  }
  return any;
}

// Accumulates digits of `s` (skipping '_') in `base`; false on overflow.
bool Accumulate(std::string_view s, int base, unsigned __int128& value) {
  constexpr unsigned __int128 kLimit = static_cast<unsigned __int128>(1) << 64;
  for (char c : s) {
    if (c == '_') continue;
    int v = IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    value = value * base + v;
    if (value > kLimit) return false;
  }
  return true;
}

std::string U128ToString(unsigned __int128 v) {
  if (v == 0) return "0";
  std::string out;
  while (v > 0) {
    out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return out;
}

// "[1-9][0-9_]*(:[0-5]?[0-9])+" without the sign; `frac` allows a final
// ".[0-9_]*" (the float form).
bool IsSexagesimal(std::string_view s, bool frac) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view head = s.substr(0, colon);
  if (frac ? !IsDigit(head[0]) : (head[0] < '1' || head[0] > '9')) return false;
  for (char c : head)
    if (!IsDigit(c) && c != '_') return false;
  std::string_view rest = s.substr(colon);
  if (frac) {
    size_t dot = rest.find('.');
    if (dot == std::string_view::npos) return false;
    for (char c : rest.substr(dot + 1))
      if (!IsDigit(c) && c != '_') return false;
    rest = rest.substr(0, dot);
  }
  // rest = (":" [0-5]? [0-9])+
  size_t i = 0;
  while (i < rest.size()) {
    if (rest[i] != ':') return false;
    ++i;
    size_t start = i;
    while (i < rest.size() && IsDigit(rest[i])) ++i;
    size_t n = i - start;
    if (n == 0 || n > 2) return false;
    if (n == 2 && rest[start] > '5') return false;
  }
  return true;
}

// Value of "a:b:c" in base 60 (each part decimal, '_' ignored).
double SexagesimalValue(std::string_view s) {
  double value = 0;
  size_t start = 0;
  while (true) {
    size_t colon = s.find(':', start);
    std::string part(s.substr(start, colon == std::string_view::npos
                                         ? std::string_view::npos
                                         : colon - start));
    std::string clean;
    for (char c : part)
      if (c != '_') clean += c;
    value = value * 60 + std::strtod(clean.c_str(), nullptr);
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  return value;
}

bool ResolveInt(std::string_view s, std::string& text) {
  bool neg = false;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) return false;
  int base = 10;
  std::string_view digits = body;
  if (body.size() > 2 && body[0] == '0' && body[1] == 'b') {
    base = 2;
    digits = body.substr(2);
  } else if (body.size() > 2 && body[0] == '0' && body[1] == 'x') {
    base = 16;
    digits = body.substr(2);
  } else if (body.size() > 1 && body[0] == '0') {
    base = 8;
    digits = body.substr(1);
  } else if (body.find(':') != std::string_view::npos) {
    if (!IsSexagesimal(body, false)) return false;
    double v = SexagesimalValue(body);
    if (v > 9e18) return false;
    unsigned __int128 iv = static_cast<uint64_t>(v);
    text = StrCat({neg && iv != 0 ? "-" : "", U128ToString(iv)});
    return true;
  } else if (body[0] < '1' || body[0] > '9') {
    if (body != "0") return false;
  }
  if (!AllDigits(digits, base)) return false;
  if (base == 8 && digits.find_first_not_of('_') == std::string_view::npos)
    return false;
  unsigned __int128 value = 0;
  if (!Accumulate(digits, base, value)) {
    // Beyond 64 bits Java uses BigInteger; decimal text is exact as written.
    if (base != 10) {
      text = std::string(s);
      return true;
    }
    text.assign(neg ? 1 : 0, '-');
    for (char c : digits)
      if (c != '_') text += c;
    return true;
  }
  text = StrCat({neg && value != 0 ? "-" : "", U128ToString(value)});
  return true;
}

bool IsDigitsUnderscore(std::string_view s, bool need_digit_first) {
  if (s.empty()) return false;
  if (need_digit_first && !IsDigit(s[0])) return false;
  for (char c : s)
    if (!IsDigit(c) && c != '_') return false;
  return true;
}

// "[eE][-+]?[0-9]+"
bool IsExponent(std::string_view s) {
  if (s.size() < 2 || (s[0] != 'e' && s[0] != 'E')) return false;
  s.remove_prefix(1);
  if (s[0] == '-' || s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

bool ResolveFloat(std::string_view s, double& value) {
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    value = std::nan("");
    return true;
  }
  bool neg = false;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    value = neg ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (body.empty()) return false;
  bool ok = false;
  if (body.find(':') != std::string_view::npos) {
    if (!IsSexagesimal(body, true)) return false;
    value = SexagesimalValue(body);
    if (neg) value = -value;
    return true;
  }
  size_t e = body.find_first_of("eE");
  std::string_view mant = body.substr(0, e);
  std::string_view exp =
      e == std::string_view::npos ? std::string_view() : body.substr(e);
  if (!exp.empty() && !IsExponent(exp)) return false;
  size_t dot = mant.find('.');
  if (dot == std::string_view::npos) {
    // "[0-9][0-9_]*[eE][-+]?[0-9]+": exponent required.
    ok = !exp.empty() && IsDigitsUnderscore(mant, true);
  } else if (dot == 0) {
    // "\.[0-9_]+"
    ok = IsDigitsUnderscore(mant.substr(1), false);
  } else {
    // "[0-9][0-9_]*\.[0-9_]*"
    std::string_view frac = mant.substr(dot + 1);
    ok = IsDigitsUnderscore(mant.substr(0, dot), true) &&
         (frac.empty() || IsDigitsUnderscore(frac, false));
  }
  if (!ok) return false;
  std::string clean;
  for (char c : body)
    if (c != '_') clean += c;
  double v = 0;
  auto r = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (r.ec == std::errc::result_out_of_range) {
    // Java's Double.valueOf saturates to infinity / zero.
    v = std::strtod(clean.c_str(), nullptr);
  } else if (r.ec != std::errc()) {
    return false;
  }
  value = neg ? -v : v;
  return true;
}

}  // namespace

JavaScalar ResolvePlainScalar(std::string_view s) {
  JavaScalar out;
  if (IsNullText(s)) {
    out.kind = ScalarKind::kNull;
    return out;
  }
  char c = s[0];
  if (c == 'y' || c == 'Y' || c == 'n' || c == 'N' || c == 't' || c == 'T' ||
      c == 'f' || c == 'F' || c == 'o' || c == 'O') {
    int b = BoolValue(s);
    if (b >= 0) {
      out.kind = ScalarKind::kBool;
      out.text = b ? "true" : "false";
      return out;
    }
  }
  if (IsDigit(c) || c == '-' || c == '+' || c == '.') {
    if (c != '.' && ResolveInt(s, out.text)) {
      out.kind = ScalarKind::kInt;
      return out;
    }
    double d = 0;
    if (ResolveFloat(s, d)) {
      out.kind = ScalarKind::kFloat;
      out.text = JavaDoubleToString(d);
      return out;
    }
  }
  out.kind = ScalarKind::kString;
  out.text = std::string(s);
  return out;
}

std::string JavaDoubleToString(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, r.ptr - buf);  // "-1.2345e+06"
  bool neg = sci[0] == '-';
  if (neg) sci.remove_prefix(1);
  size_t e = sci.find('e');
  std::string digits;
  for (char ch : sci.substr(0, e))
    if (ch != '.') digits += ch;
  int exp = std::atoi(std::string(sci.substr(e + 1)).c_str());
  std::string out = neg ? "-" : "";
  double a = std::fabs(d);
  if (a >= 1e-3 && a < 1e7) {
    if (exp >= 0) {
      size_t int_len = static_cast<size_t>(exp) + 1;
      if (digits.size() < int_len) digits.append(int_len - digits.size(), '0');
      out += digits.substr(0, int_len);
      out += '.';
      out += digits.size() > int_len ? digits.substr(int_len) : "0";
    } else {
      out += "0.";
      out.append(static_cast<size_t>(-exp - 1), '0');
      out += digits;
    }
  } else {
    out += digits[0];
    out += '.';
    out += digits.size() > 1 ? digits.substr(1) : "0";
    out += 'E';
    out += std::to_string(exp);
  }
  return out;
}

std::string CanonicalDoubleNumeric(std::string_view text) {
  std::string out(text);
  if (out.find_first_of("EIN") != std::string::npos ||
      out.find('.') == std::string::npos)
    return out;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

bool IsDecimalNumberText(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) return IsExponent(s.substr(i));
  return i == s.size();
}

}  // namespace strata::load
