// The one place SQL text is assembled. Identifiers and values that come from
// a changelog pass through Ident/Name/Literal and can never leave their
// quotes; text the user wrote as SQL goes through the clearly named RawSql.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "strata/dialect.h"

namespace strata {

class SqlWriter {
 public:
  explicit SqlWriter(const Dialect& dialect) : dialect_(dialect) {}

  // Fixed SQL written by Strata itself ("ALTER TABLE ").
  SqlWriter& Keyword(std::string_view text);
  // An identifier, quoted when the dialect needs it (mixed case on
  // PostgreSQL, reserved words, characters outside [A-Za-z0-9_], a leading
  // digit) the way Liquibase's LEGACY quoting strategy does.
  SqlWriter& Ident(std::string_view name);
  // An identifier that is always quoted: names the engine compares
  // case-sensitively even unquoted-looking (collations such as "C").
  SqlWriter& QuotedIdent(std::string_view name);
  // [schema.]name; the schema is left out when empty or unsupported.
  SqlWriter& Name(const std::optional<std::string>& schema,
                  std::string_view name);
  // A string literal: 'it''s'.
  SqlWriter& Literal(std::string_view value);
  // A Liquibase type name mapped to the engine's spelling ("int" -> INTEGER).
  // REQUIRES: IsValidTypeName(liquibase_type).
  SqlWriter& Type(std::string_view liquibase_type, bool auto_increment = false);
  // A numeric literal (valueNumeric, defaultValueNumeric). Text that is not a
  // plain number is what Liquibase then treats as a function: written as
  // RawSql.
  SqlWriter& Number(std::string_view number);
  // Raw bytes as the dialect's hex literal (X'1a2b').
  SqlWriter& Bytes(std::string_view bytes);
  // SQL the user wrote (sql bodies, where clauses, computed defaults, view
  // queries). Emitted verbatim by design.
  SqlWriter& RawSql(std::string_view user_sql);

  const Dialect& dialect() const { return dialect_; }
  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  const Dialect& dialect_;
  std::string out_;
};

// Helpers shared by the writer and tests.
bool NeedsQuoting(const Dialect& dialect, std::string_view name);
std::string QuoteIdent(const Dialect& dialect, std::string_view name);
std::string QuoteLiteral(std::string_view value);
// As the dialect reads it: MySQL also doubles backslashes ('a\\b').
std::string QuoteLiteral(const Dialect& dialect, std::string_view value);
std::string MapType(const Dialect& dialect, std::string_view liquibase_type,
                    bool auto_increment = false);
// True when `type` has only type-name characters: letters, digits, `_`, `.`,
// spaces, one (...) of letters/digits/commas/spaces, and array suffixes
// `[]` or `[n]`.
bool IsValidTypeName(std::string_view type);
// True for an unsigned or signed decimal number ("5", "-1.5", "1e3").
bool IsNumber(std::string_view text);

}  // namespace strata
