// Splitting a sql change's body into statements, as Liquibase does: on `;`
// (or endDelimiter), and on lines holding only GO or /, never inside quotes
// or comments. Unlike Liquibase, dollar-quoted bodies ($$ ... $$, $tag$ ...
// $tag$) are never split either: Liquibase cuts a PL/pgSQL body at its first
// `;`, which PostgreSQL then rejects.
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/render.h"
#include "util/strings.h"

namespace strata {
namespace {

using util::Trim;
using util::IEquals;

bool IsWord(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool AtLineStart(std::string_view s, size_t i) { return i == 0 || s[i - 1] == '\n'; }

// Length of a line that holds only `word` (GO, /) starting at i, through its
// end of line; 0 when there is none.
size_t StandaloneLine(std::string_view s, size_t i, std::string_view word) {
  if (!AtLineStart(s, i) || !IEquals(s.substr(i, word.size()), word)) return 0;
  size_t j = i + word.size();
  while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
  if (j < s.size() && s[j] != '\n') return 0;
  return j - i;
}

// The dollar-quote tag starting at i ("$$", "$body$"), or "".
std::string_view DollarTag(std::string_view s, size_t i) {
  if (s[i] != '$') return {};
  if (i > 0 && IsWord(s[i - 1])) return {};  // identifier like a$b
  size_t j = i + 1;
  if (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) return {};  // $1
  while (j < s.size() && IsWord(s[j])) ++j;
  if (j < s.size() && s[j] == '$') return s.substr(i, j - i + 1);
  return {};
}

// Length of the delimiter at i (0 when there is none).
size_t DelimiterAt(std::string_view s, size_t i, const std::optional<std::string>& end) {
  if (!end || end->empty()) {
    if (s[i] == ';') return 1;
    if (size_t n = StandaloneLine(s, i, "go")) return n;
    if (size_t n = StandaloneLine(s, i, "/")) return n;
    return 0;
  }
  std::string_view d = *end;
  if (d == "/") return StandaloneLine(s, i, "/");
  if (!IEquals(s.substr(i, d.size()), d)) return 0;
  bool word = true;
  for (char c : d) word = word && IsWord(c);
  if (word) {  // a word delimiter (GO) only as a whole word
    if (i > 0 && IsWord(s[i - 1])) return 0;
    if (i + d.size() < s.size() && IsWord(s[i + d.size()])) return 0;
  }
  return d.size();
}

bool OnlyComments(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      ++i;
    } else if (s.substr(i, 2) == "--") {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (s.substr(i, 2) == "/*") {
      size_t e = s.find("*/", i + 2);
      i = e == std::string_view::npos ? s.size() : e + 2;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string> SplitSql(const Sql& sql) {
  std::string_view body = sql.sql ? std::string_view(*sql.sql) : std::string_view();
  bool split = sql.split_statements.value_or(true);
  bool strip = sql.strip_comments.value_or(false);

  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string_view t = Trim(cur);
    // A statement that is only comments runs nothing (and libpq reports it
    // as an empty query), so it is dropped.
    if (!t.empty() && !OnlyComments(t)) out.emplace_back(t);
    cur.clear();
  };

  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == '\'' || c == '"') {  // 'it''s' and "a""b": doubling re-enters
      size_t e = body.find(c, i + 1);
      if (e == std::string_view::npos) e = body.size() - 1;
      cur.append(body.substr(i, e - i + 1));
      i = e + 1;
      continue;
    }
    if (body.substr(i, 2) == "--") {
      size_t e = body.find('\n', i);
      if (e == std::string_view::npos) e = body.size();
      if (!strip) cur.append(body.substr(i, e - i));
      i = e;
      continue;
    }
    if (body.substr(i, 2) == "/*") {
      size_t e = body.find("*/", i + 2);
      e = e == std::string_view::npos ? body.size() : e + 2;
      if (!strip) cur.append(body.substr(i, e - i));
      i = e;
      continue;
    }
    if (std::string_view tag = DollarTag(body, i); !tag.empty()) {
      size_t e = body.find(tag, i + tag.size());
      e = e == std::string_view::npos ? body.size() : e + tag.size();
      cur.append(body.substr(i, e - i));
      i = e;
      continue;
    }
    if (split) {
      if (size_t n = DelimiterAt(body, i, sql.end_delimiter)) {
        flush();
        i += n;
        continue;
      }
    }
    cur += c;
    ++i;
  }
  // Unsplit, Liquibase still drops an explicit endDelimiter that ends the
  // body (formatted SQL `splitStatements:false endDelimiter:/` runs on
  // PostgreSQL with Liquibase 4.4 and 4.28 alike).
  if (!split && sql.end_delimiter && !sql.end_delimiter->empty()) {
    std::string_view t = Trim(cur);
    const std::string& d = *sql.end_delimiter;
    if (t.size() >= d.size() && t.substr(t.size() - d.size()) == d)
      cur = std::string(t.substr(0, t.size() - d.size()));
  }
  flush();
  return out;
}

}  // namespace strata
