#include "render/load_data.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include "util/strings.h"

namespace strata::detail {
namespace {

using util::Lower;
using util::Trim;

// Liquibase's base64 test for BLOB cells: groups of four from [A-Za-z0-9+/],
// the last padded with '='. The decoded bytes, or nullopt for other text.
std::optional<std::string> DecodeBase64(std::string_view s) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  if (s.empty() || s.size() % 4 != 0) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < s.size(); i += 4) {
    bool last = i + 4 == s.size();
    int pad = 0;
    unsigned bits = 0;
    for (size_t k = 0; k < 4; ++k) {
      char c = s[i + k];
      if (c == '=' && last && k >= 2 && (k == 3 || s[i + 3] == '=')) {
        ++pad;
        bits <<= 6;
        continue;
      }
      int v = value(c);
      if (v < 0 || pad) return std::nullopt;
      bits = (bits << 6) | static_cast<unsigned>(v);
    }
    out += static_cast<char>((bits >> 16) & 0xFF);
    if (pad < 2) out += static_cast<char>((bits >> 8) & 0xFF);
    if (pad < 1) out += static_cast<char>(bits & 0xFF);
  }
  return out;
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

// A column type that is not one of loadData's own (NUMERIC, DATE, ...) but a
// date-time SQL type: Liquibase writes its ISO values as it writes DATE ones.
// Other SQL type names (int, number, varchar) leave the value a string.
bool IsDateTimeTypeName(std::string_view lower_type) {
  std::string_view head = lower_type.substr(0, lower_type.find_first_of("( "));
  return head == "datetime" || head == "timestamp";
}

}  // namespace

std::vector<std::string> SplitNames(std::string_view list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view item = Trim(list.substr(start, comma - start));
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text,
                                                       char separator,
                                                       char quote,
                                                       std::string_view comment) {
  std::vector<std::vector<std::string>> rows;
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    std::string_view line = text.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsBlank(line) || (!comment.empty() && line.starts_with(comment))) {
      pos = eol == std::string_view::npos ? text.size() : eol + 1;
      continue;
    }
    // Parse one record starting at pos; quoted fields may span lines.
    int start_line = line_no;
    std::vector<std::string> fields;
    std::string field;
    bool in_quotes = false, quoted = false;
    size_t i = pos;
    for (;; ++i) {
      if (i >= text.size()) {
        if (in_quotes)
          return Status::InvalidInput("line " + std::to_string(start_line) +
                                      ": unterminated quoted field");
        break;
      }
      char c = text[i];
      if (in_quotes) {
        if (c == quote) {
          if (i + 1 < text.size() && text[i + 1] == quote) {
            field += quote;
            ++i;
          } else {
            in_quotes = false;
          }
        } else {
          if (c == '\n') ++line_no;
          if (c != '\r') field += c;
        }
        continue;
      }
      if (c == '\n') break;
      if (c == '\r') continue;
      if (c == quote && !quoted && Trim(field).empty()) {
        field.clear();
        in_quotes = quoted = true;
      } else if (c == separator) {
        fields.push_back(std::move(field));
        field.clear();
        quoted = false;
      } else if (!(quoted && !in_quotes)) {
        field += c;
      }
    }
    fields.push_back(std::move(field));
    rows.push_back(std::move(fields));
    pos = i >= text.size() ? text.size() : i + 1;
  }
  return rows;
}

Result<LoadedTable> ReadLoadData(const std::optional<std::string>& content,
                                 const OptString& file,
                                 const OptString& separator,
                                 const OptString& quotchar,
                                 const OptString& comment_line_starts_with,
                                 const std::vector<LoadDataColumnConfig>& configs,
                                 const std::function<std::string(std::string_view)>&
                                     type_of_column) {
  std::string name = file.value_or("");
  if (!content)
    return Status::InvalidInput("the file '" + name + "' was not read");
  std::string sep = separator.value_or(",");
  std::string quote = quotchar.value_or("\"");
  if (sep.size() != 1 || quote.size() != 1)
    return Status::InvalidInput("separator and quotchar must be one character");
  std::string comment = comment_line_starts_with.value_or("#");
  auto parsed = ParseCsv(*content, sep[0], quote[0], comment);
  if (!parsed.ok())
    return Status::InvalidInput(name + ": " + parsed.status().message());
  std::vector<std::vector<std::string>>& rows = *parsed;
  if (rows.empty()) return Status::InvalidInput(name + ": the file has no header row");
  const std::vector<std::string>& header = rows.front();

  struct Source {
    size_t index;
    const LoadDataColumnConfig* config;
    LoadedColumn column;
  };
  std::vector<Source> sources;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h(Trim(header[i]));
    const LoadDataColumnConfig* config = nullptr;
    for (const LoadDataColumnConfig& c : configs) {
      bool by_index = c.index && c.index->text == std::to_string(i);
      bool by_header = c.header && *c.header == h;
      bool by_name = !c.header && c.name && *c.name == h;
      if (by_index || by_header || by_name) {
        config = &c;
        break;
      }
    }
    if (config && config->type && Lower(*config->type) == "skip") continue;
    LoadedColumn col;
    col.name = config && config->name ? *config->name : h;
    col.allow_update = !(config && config->allow_update && !*config->allow_update);
    if (col.name.empty())
      return Status::InvalidInput(name + ": column " + std::to_string(i + 1) +
                                  " has no name");
    sources.push_back({i, config, std::move(col)});
  }

  LoadedTable out;
  for (const Source& s : sources) out.columns.push_back(s.column);
  for (size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& cells = rows[r];
    if (cells.size() != header.size())
      return Status::InvalidInput(
          name + ": row " + std::to_string(r) + " has " + std::to_string(cells.size()) +
          " values but the header has " + std::to_string(header.size()));
    std::vector<LoadValue> values;
    for (const Source& s : sources) {
      const std::string& cell = cells[s.index];
      const LoadDataColumnConfig* c = s.config;
      std::string type = c && c->type ? Lower(*c->type) : "";
      // Liquibase takes a column's type from the database when the
      // changelog gives none (offline: from the snapshot=FILE).
      if (!(c && c->type) && type_of_column) type = type_of_column(s.column.name);
      if (cell.empty() || Lower(cell) == "null") {
        if (c && c->default_value) {
          values.push_back({LoadValue::Kind::kString, *c->default_value});
        } else if (c && c->default_value_numeric) {
          values.push_back({LoadValue::Kind::kNumeric, c->default_value_numeric->text});
        } else if (c && c->default_value_boolean) {
          values.push_back({LoadValue::Kind::kBoolean,
                            *c->default_value_boolean ? "true" : "false"});
        } else if (c && c->default_value_computed) {
          values.push_back({LoadValue::Kind::kComputed, *c->default_value_computed});
        } else if (c && c->default_value_date) {
          values.push_back({LoadValue::Kind::kString, *c->default_value_date});
        } else {
          values.push_back({LoadValue::Kind::kNull, ""});
        }
        continue;
      }
      if (type == "numeric") {
        if (!IsNumber(Trim(cell)))
          return Status::InvalidInput(name + ": row " + std::to_string(r) + ", column '" +
                                      s.column.name + "': '" + cell +
                                      "' is not a number");
        values.push_back({LoadValue::Kind::kNumeric, std::string(Trim(cell))});
      } else if (type == "boolean") {
        std::string b = Lower(Trim(cell));
        if (b == "true" || b == "t" || b == "1" || b == "yes" || b == "y") {
          values.push_back({LoadValue::Kind::kBoolean, "true"});
        } else if (b == "false" || b == "f" || b == "0" || b == "no" || b == "n") {
          values.push_back({LoadValue::Kind::kBoolean, "false"});
        } else {
          return Status::InvalidInput(name + ": row " + std::to_string(r) + ", column '" +
                                      s.column.name + "': '" + cell +
                                      "' is not a boolean");
        }
      } else if (type == "date" || IsDateTimeTypeName(type)) {
        std::string v = cell;
        if (v.size() > 10 && v[10] == 'T' && std::isdigit(static_cast<unsigned char>(v[0])))
          v[10] = ' ';
        values.push_back({LoadValue::Kind::kString, v});
      } else if (type == "computed") {
        values.push_back({LoadValue::Kind::kComputed, cell});
      } else if (type == "blob") {
        // Liquibase binds a base64 cell's decoded bytes; any other cell
        // names a file to read.
        std::optional<std::string> bytes = DecodeBase64(Trim(cell));
        if (!bytes)
          return Status::InvalidInput(name + ": row " + std::to_string(r) + ", column '" +
                                      s.column.name +
                                      "': BLOB values must be base64 (file names are not "
                                      "supported yet)");
        values.push_back({LoadValue::Kind::kBytes, std::move(*bytes)});
      } else if (type == "clob" || type == "sequence") {
        // CLOB cells name a file to load; Liquibase's update-sql refuses
        // them too ("prepared statements are required").
        return Status::InvalidInput(name + ": column '" + s.column.name + "': type " +
                                    *c->type + " is not supported yet");
      } else {
        values.push_back({LoadValue::Kind::kString, cell});
      }
    }
    out.rows.push_back(std::move(values));
  }
  return out;
}

void WriteLoadValue(SqlWriter& w, const LoadValue& v) {
  switch (v.kind) {
    case LoadValue::Kind::kNull:
      w.Keyword("NULL");
      return;
    case LoadValue::Kind::kString:
      w.Literal(v.text);
      return;
    case LoadValue::Kind::kNumeric:
      w.Number(v.text);
      return;
    case LoadValue::Kind::kBoolean:
      w.Keyword(v.text == "true" ? w.dialect().boolean_true : w.dialect().boolean_false);
      return;
    case LoadValue::Kind::kComputed: {
      // Liquibase spells the current-time functions the engine's way, as
      // for valueComputed ("now()" -> NOW()).
      std::string lower = Lower(Trim(v.text));
      if (lower.starts_with("current_timestamp") || lower.starts_with("current_datetime") ||
          lower == Lower(w.dialect().now_function)) {
        w.Keyword(w.dialect().now_function);
      } else {
        w.RawSql(v.text);
      }
      return;
    }
    case LoadValue::Kind::kBytes:
      w.Bytes(v.text);
      return;
  }
}

}  // namespace strata::detail
