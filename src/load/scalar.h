// YAML scalars as Liquibase sees them: SnakeYAML's YAML 1.1 resolver turns
// plain scalars into Java Booleans, Integers/Longs/BigIntegers and Doubles,
// and Liquibase then uses their Java toString() text. These helpers
// reproduce that text, because it ends up in checksums and FILENAME rows.
#pragma once

#include <string>
#include <string_view>

namespace strata::load {

enum class ScalarKind { kNull, kBool, kInt, kFloat, kString };

struct JavaScalar {
  ScalarKind kind = ScalarKind::kString;
  // Java toString() of the resolved value ("true", "42", "1.5", "1.0E10");
  // for kString the text as written; empty for kNull.
  std::string text;
};

// Resolves a plain (unquoted, untagged) YAML scalar the way SnakeYAML's
// default YAML 1.1 resolver does: null (~, null, empty), bool (true/false,
// yes/no, on/off in three casings), int (decimal, 0x, 0b, octal 0..,
// sexagesimal, with '_'), float (decimal, exponent, .inf, .nan, sexagesimal).
// Anything else is a string.
JavaScalar ResolvePlainScalar(std::string_view s);

// Java's Double.toString(d): shortest round-trip digits, plain notation for
// 1e-3 <= |d| < 1e7 ("1.5", "2.0"), else "1.0E10" / "1.5E-5".
std::string JavaDoubleToString(double d);

// Canonical text for a Numeric attribute given as a YAML double:
// Double.toString with trailing fractional zeros and a bare '.' removed
// ("2.0" -> "2", "1.50" -> "1.5"); exponent forms are kept as Java prints them.
std::string CanonicalDoubleNumeric(std::string_view java_double_text);

// True for decimal number text: [-+]?(digits[.digits]|.digits)([eE][-+]?digits)?
bool IsDecimalNumberText(std::string_view s);

}  // namespace strata::load
