// loadData / loadUpdateData: the CSV file read into typed values, shared by
// the renderer (INSERT / upsert) and the inverse (DELETE per row).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/model.h"
#include "strata/sql_writer.h"
#include "strata/status.h"

namespace strata::detail {

// A CSV reader with Liquibase's options: `separator` and `quote` characters
// (a doubled quote inside quotes is one quote; quoted fields may span
// lines), lines starting with `comment` and blank lines skipped.
// InvalidInput naming the 1-based line for an unterminated quoted field.
Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text,
                                                       char separator,
                                                       char quote,
                                                       std::string_view comment);

// One CSV cell as it will be written.
struct LoadValue {
  enum class Kind { kNull, kString, kNumeric, kBoolean, kComputed, kBytes } kind;
  std::string text;  // kBoolean: "true"/"false"; kBytes: the raw bytes
};

struct LoadedColumn {
  std::string name;          // column in the table
  bool allow_update = true;  // loadUpdateData: part of the UPDATE SET
};

struct LoadedTable {
  std::vector<LoadedColumn> columns;          // SKIP columns left out
  std::vector<std::vector<LoadValue>> rows;   // one value per column
};

// Reads `content` with the change's separator/quotchar/comment options and
// column configs (matched by header, name or 0-based index): NUMERIC is
// checked to be a number, BOOLEAN parsed, DATE (and the SQL types datetime,
// timestamp) has ISO 'T' replaced by a space, COMPUTED kept as SQL, BLOB
// base64-decoded (as Liquibase binds it), CLOB refused, SKIP dropped; an
// empty cell or NULL is the
// column's default value when it has one, else NULL. Everything else is a
// string. Errors are InvalidInput without a location prefix.
Result<LoadedTable> ReadLoadData(const std::optional<std::string>& content,
                                 const OptString& file,
                                 const OptString& separator,
                                 const OptString& quotchar,
                                 const OptString& comment_line_starts_with,
                                 const std::vector<LoadDataColumnConfig>& columns,
                                 // For a column no config gives a type: its
                                 // loadData type from the table's definition
                                 // ("numeric", "date", ...; "" for text).
                                 const std::function<std::string(std::string_view)>&
                                     type_of_column = nullptr);

// Writes one value through the writer.
void WriteLoadValue(SqlWriter& w, const LoadValue& v);

// "a, b" -> {"a", "b"} (primaryKey lists).
std::vector<std::string> SplitNames(std::string_view list);

}  // namespace strata::detail
