// Formatted SQL changelogs. Liquibase recognises each directive with a
// case-insensitive regular expression over the whole line; the attribute
// patterns are `.*key:(value).*`, so the *last* `key:` on a line wins and
// `rollbackEndDelimiter:x` also sets endDelimiter (both verified against
// Liquibase 4.28). This file reproduces those matches with plain string
// scanning; every Liquibase behaviour it copies was checked with the tool.
#include "load/formatted_sql.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "load/strings.h"

namespace strata::load {
namespace {

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' ||
         c == '\n';
}
bool IsWord(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
char Lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}
std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}
std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}
size_t SkipBlanks(std::string_view s, size_t i) {
  while (i < s.size() && IsBlank(s[i])) ++i;
  return i;
}
// `word` (lower case) at s[i], compared case-insensitively.
bool HasWordAt(std::string_view s, size_t i, std::string_view word) {
  if (s.size() - std::min(i, s.size()) < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (Lower(s[i + k]) != word[k]) return false;
  return true;
}
bool ParseJavaBoolean(std::string_view s) {  // Boolean.parseBoolean
  return LowerCopy(s) == "true";
}

struct Line {
  std::string_view text;
  int number;
};

// Java BufferedReader.readLine: "\n", "\r" and "\r\n" end a line.
std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t i = 0;
  int number = 1;
  while (i < text.size()) {
    size_t e = text.find_first_of("\r\n", i);
    if (e == std::string_view::npos) {
      lines.push_back({text.substr(i), number});
      break;
    }
    lines.push_back({text.substr(i, e - i), number++});
    i = e + (text[e] == '\r' && e + 1 < text.size() && text[e + 1] == '\n' ? 2 : 1);
  }
  return lines;
}

// "--\s*liquibase\s*formatted" after leading blanks.
bool IsHeader(std::string_view line) {
  size_t i = SkipBlanks(line, 0);
  if (!HasWordAt(line, i, "--")) return false;
  i = SkipBlanks(line, i + 2);
  if (!HasWordAt(line, i, "liquibase")) return false;
  i = SkipBlanks(line, i + 9);
  return HasWordAt(line, i, "formatted");
}

// How a `.*key:(value).*` pattern captures its value.
enum class ValueShape {
  kWord,            // (\w+)
  kWordOrEmpty,     // (\w*)
  kNonSpace,        // (\S*)
  kQuotedOrSpace,   // (".*"|\S*)  context / contextFilter
  kDbms,            // ([^,][\w!,]+)
};

// Length of the value of `shape` starting at s[i], or npos when it does not
// match there.
size_t ValueLength(std::string_view s, size_t i, ValueShape shape) {
  size_t j = i;
  switch (shape) {
    case ValueShape::kWord:
    case ValueShape::kWordOrEmpty:
      while (j < s.size() && IsWord(s[j])) ++j;
      if (shape == ValueShape::kWord && j == i) return std::string_view::npos;
      return j - i;
    case ValueShape::kNonSpace:
      while (j < s.size() && !IsBlank(s[j])) ++j;
      return j - i;
    case ValueShape::kQuotedOrSpace:
      if (j < s.size() && s[j] == '"') {
        size_t last = s.rfind('"');
        if (last > j) return last - i + 1;
      }
      while (j < s.size() && !IsBlank(s[j])) ++j;
      return j - i;
    case ValueShape::kDbms:
      if (j >= s.size() || s[j] == ',') return std::string_view::npos;
      ++j;
      {
        size_t k = j;
        while (k < s.size() && (IsWord(s[k]) || s[k] == '!' || s[k] == ','))
          ++k;
        if (k == j) return std::string_view::npos;
        return k - i;
      }
  }
  return std::string_view::npos;
}

struct AttrMatch {
  std::string value;
  int column = 0;  // 1-based column of `key:`
};

// Liquibase's `.*key:(shape).*`, case-insensitive: the greedy `.*` makes
// the last occurrence whose value matches win.
std::optional<AttrMatch> FindAttr(std::string_view line,
                                  std::string_view lower_line,
                                  std::string_view key, ValueShape shape) {
  std::string needle = LowerCopy(key);
  needle += ':';
  size_t pos = lower_line.size();
  while (pos > 0) {
    size_t at = lower_line.rfind(needle, pos - 1);
    if (at == std::string_view::npos) break;
    size_t v = at + needle.size();
    size_t n = ValueLength(line, v, shape);
    if (n != std::string_view::npos)
      return AttrMatch{std::string(line.substr(v, n)), static_cast<int>(at) + 1};
    if (at == 0) break;
    pos = at;
  }
  return std::nullopt;
}

// Liquibase's trimToNull(value without one leading and one trailing '"').
OptString Unquoted(const std::optional<AttrMatch>& m) {
  if (!m) return std::nullopt;
  std::string_view v = Trim(m->value);
  if (!v.empty() && v.front() == '"') v.remove_prefix(1);
  if (!v.empty() && v.back() == '"') v.remove_suffix(1);
  v = Trim(v);
  if (v.empty()) return std::nullopt;
  return std::string(v);
}

// The text after a "--"/"-" directive prefix.
struct Directive {
  int dashes = 0;     // 1 for "-x", 2 for "--x"; 0: not a dash line
  size_t start = 0;   // index of the directive word in the line
  int column = 0;     // 1-based column of the first dash
};

Directive ReadDirective(std::string_view line) {
  Directive d;
  size_t i = SkipBlanks(line, 0);
  size_t j = i;
  while (j < line.size() && line[j] == '-') ++j;
  if (j == i || j - i > 2) return d;
  d.dashes = static_cast<int>(j - i);
  d.start = SkipBlanks(line, j);
  d.column = static_cast<int>(i) + 1;
  return d;
}

// A directive keyword at s[i] that ends there (not "changesets").
bool KeywordAt(std::string_view s, size_t i, std::string_view word) {
  return HasWordAt(s, i, word) &&
         (i + word.size() >= s.size() || !IsWord(s[i + word.size()]));
}

class FormattedSqlParser {
 public:
  FormattedSqlParser(const FileInfo& file, const SearchPath& search_path,
                     const LoadOptions& options, PropertyStore& properties,
                     std::vector<Diagnostic>& errors)
      : file_(file),
        search_path_(search_path),
        options_(options),
        properties_(properties),
        errors_(errors) {}

  ParsedChangeLog Run(std::string_view text);

 private:
  // A changeset being read; its body and rollback are expanded when it ends.
  struct Draft {
    ChangeSet cs;
    std::vector<std::pair<std::string_view, SourceLocation>> body;
    std::vector<std::pair<std::string_view, SourceLocation>> rollback;
    OptString end_delimiter, rollback_end_delimiter;
    OptBool split_statements, strip_comments, rollback_split_statements;
  };

  SourceLocation Loc(int line, int column) const {
    return SourceLocation{file_.display, line, column};
  }
  void Error(const SourceLocation& loc, std::string message) {
    errors_.push_back({loc, std::move(message)});
  }
  std::string Expand(std::string_view s, const SourceLocation& loc) {
    if (!PropertyStore::NeedsExpansion(s)) return std::string(s);
    return properties_.Expand(s, file_.id, loc, errors_);
  }
  OptString ExpandOpt(OptString s, const SourceLocation& loc) {
    if (s) *s = Expand(*s, loc);
    return s;
  }

  void StartChangeSet(const Line& line, const Directive& d);
  void DefineProperty(const Line& line, const Directive& d);
  void FinishChangeSet();
  // `--preconditions onFail:X onError:X onSqlOutput:X` starts a new block.
  void StartPreconditions(const Line& line, const Directive& d);
  // `--precondition-<type> <body>` adds to the block (creating it).
  void AddPrecondition(const Line& line, const Directive& d);
  // Handles a "--" / "-" line inside or before a changeset. False: the
  // line is SQL.
  bool HandleDirective(const Line& line, const Directive& d);
  void Malformed(const Line& line, const Directive& d, std::string what) {
    Error(Loc(line.number, d.column), std::move(what));
  }
  // After a malformed changeset header its lines belong to no changeset;
  // they are skipped rather than reported again.
  void SkipBrokenChangeSet() {
    FinishChangeSet();
    in_broken_changeset_ = true;
  }

  const FileInfo& file_;
  const SearchPath& search_path_;
  const LoadOptions& options_;
  PropertyStore& properties_;
  std::vector<Diagnostic>& errors_;
  ParsedChangeLog out_;
  std::optional<Draft> draft_;
  int ignore_count_ = 0;
  bool ignoring_block_ = false;
  bool in_rollback_block_ = false;
  bool in_comment_before_first_ = false;
  bool in_broken_changeset_ = false;
};

void FormattedSqlParser::StartChangeSet(const Line& line, const Directive& d) {
  std::string_view s = line.text;
  SourceLocation loc = Loc(line.number, d.column);
  auto malformed = [&] {
    Malformed(line, d,
              "malformed --changeset line: expected '--changeset "
              "author:id [attribute:value ...]'");
    SkipBrokenChangeSet();
  };
  // `changeset\s+("[^"]+"|[^:]+):\s*("[^"]+"|\S+)`
  size_t i = d.start + 9;
  if (i >= s.size() || !IsBlank(s[i])) return malformed();
  i = SkipBlanks(s, i);
  std::string author;
  bool have_author = false;
  if (i < s.size() && s[i] == '"') {
    size_t close = s.find('"', i + 1);
    if (close != std::string_view::npos && close > i + 1 &&
        close + 1 < s.size() && s[close + 1] == ':') {
      author = std::string(s.substr(i + 1, close - i - 1));
      i = close + 1;
      have_author = true;
    }
  }
  if (!have_author) {
    size_t colon = s.find(':', i);
    if (colon == std::string_view::npos || colon == i) return malformed();
    author = std::string(s.substr(i, colon - i));
    i = colon;
  }
  i = SkipBlanks(s, i + 1);  // past ':'
  std::string id;
  if (i < s.size() && s[i] == '"') {
    size_t close = s.find('"', i + 1);
    if (close != std::string_view::npos && close > i + 1)
      id = std::string(s.substr(i + 1, close - i - 1));
  }
  if (id.empty()) {
    size_t e = i;
    while (e < s.size() && !IsBlank(s[e])) ++e;
    if (e == i) return malformed();
    id = std::string(s.substr(i, e - i));
    if (id.size() >= 2 && id.front() == '"' && id.back() == '"')
      id = id.substr(1, id.size() - 2);
  }

  FinishChangeSet();
  in_broken_changeset_ = false;
  draft_.emplace();
  ChangeSet& cs = draft_->cs;
  cs.loc = loc;
  cs.author = Expand(author, loc);
  cs.id = Expand(id, loc);

  std::string lower = LowerCopy(s);
  auto attr = [&](std::string_view key, ValueShape shape) {
    return FindAttr(s, lower, key, shape);
  };
  auto boolean = [&](std::string_view key, ValueShape shape) -> OptBool {
    if (auto m = attr(key, shape)) return ParseJavaBoolean(Expand(m->value, loc));
    return std::nullopt;
  };
  auto text = [&](std::string_view key, ValueShape shape) -> OptString {
    return ExpandOpt(Unquoted(attr(key, shape)), loc);
  };

  for (std::string_view key : {"runWith", "runWithSpoolFile"}) {
    if (auto m = attr(key, ValueShape::kNonSpace); m && !Trim(m->value).empty())
      Error(Loc(line.number, m->column), std::string(key) + " is not supported yet");
  }
  cs.run_on_change = boolean("runOnChange", ValueShape::kWord);
  cs.run_always = boolean("runAlways", ValueShape::kWord);
  cs.run_in_transaction = boolean("runInTransaction", ValueShape::kWord);
  cs.fail_on_error = boolean("failOnError", ValueShape::kWord);
  cs.ignore = boolean("ignore", ValueShape::kWordOrEmpty);
  OptString context = text("context", ValueShape::kQuotedOrSpace);
  OptString context_filter = text("contextFilter", ValueShape::kQuotedOrSpace);
  cs.context = context_filter ? context_filter : context;
  cs.labels = text("labels", ValueShape::kNonSpace);
  cs.dbms = text("dbms", ValueShape::kDbms);
  cs.logical_file_path = text("logicalFilePath", ValueShape::kNonSpace);
  draft_->split_statements = boolean("splitStatements", ValueShape::kWord);
  draft_->strip_comments = boolean("stripComments", ValueShape::kWord);
  draft_->rollback_split_statements =
      boolean("rollbackSplitStatements", ValueShape::kWord);
  draft_->end_delimiter = text("endDelimiter", ValueShape::kNonSpace);
  draft_->rollback_end_delimiter =
      text("rollbackEndDelimiter", ValueShape::kNonSpace);
}

void FormattedSqlParser::DefineProperty(const Line& line, const Directive& d) {
  std::string_view s = line.text;
  std::string lower = LowerCopy(s);
  auto attr = [&](std::string_view key, ValueShape shape) -> OptString {
    auto m = FindAttr(s, lower, key, shape);
    if (!m || m->value.empty()) return std::nullopt;
    return m->value;
  };
  // Values are kept unexpanded, as Liquibase stores them.
  OptString name = attr("name", ValueShape::kNonSpace);
  OptString value = attr("value", ValueShape::kNonSpace);
  if (!name || !value) {
    Malformed(line, d,
              "malformed --property line: expected '--property name:<name> "
              "value:<value>'");
    return;
  }
  PropertyDraft p;
  p.loc = Loc(line.number, d.column);
  p.name = std::move(name);
  p.value = std::move(value);
  p.dbms = attr("dbms", ValueShape::kNonSpace);
  if (OptString global = attr("global", ValueShape::kWord))
    p.global = ParseJavaBoolean(*global);
  // context and labels do not filter properties while loading.
  ChangeLogBuilder(file_, search_path_, options_, properties_, errors_)
      .DefineProperty(p);
}

void FormattedSqlParser::StartPreconditions(const Line& line,
                                            const Directive& d) {
  std::string_view s = line.text;
  std::string lower = LowerCopy(s);
  ChangeLogBuilder b(file_, search_path_, options_, properties_, errors_);
  Preconditions p;
  p.loc = Loc(line.number, d.column);
  // Liquibase's `.*onFail:(\w+).*` etc.; the messages are `"(.*)"`.
  for (auto [key, shape] : {std::pair{"onFail", ValueShape::kWord},
                            {"onError", ValueShape::kWord},
                            {"onUpdateSQL", ValueShape::kWord},
                            {"onSqlOutput", ValueShape::kWord},
                            {"onFailMessage", ValueShape::kQuotedOrSpace},
                            {"onErrorMessage", ValueShape::kQuotedOrSpace}}) {
    std::optional<AttrMatch> m = FindAttr(s, lower, key, shape);
    if (!m) continue;
    OptString value = shape == ValueShape::kWord ? OptString(m->value) : Unquoted(m);
    if (!value) continue;
    SourceLocation loc = Loc(line.number, m->column);
    b.SetPreconditionsAttribute(p, key, Value::String(Expand(*value, loc), loc));
  }
  draft_->cs.preconditions = std::move(p);
}

void FormattedSqlParser::AddPrecondition(const Line& line, const Directive& d) {
  // `precondition-([a-zA-Z0-9-]+) (.*)`
  std::string_view s = line.text;
  size_t name_start = d.start + 13;
  size_t i = name_start;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-'))
    ++i;
  std::string name = LowerCopy(s.substr(name_start, i - name_start));
  SourceLocation loc = Loc(line.number, d.column);
  if (name.empty() || i >= s.size() || s[i] != ' ') {
    Malformed(line, d,
              "malformed --precondition line: expected '--precondition-<type> "
              "<attributes>'");
    return;
  }
  std::string body = Expand(Trim(s.substr(i + 1)), loc);
  ChangeLogBuilder b(file_, search_path_, options_, properties_, errors_);
  Precondition p;
  p.loc = loc;
  auto set = [&](std::string_view attr, std::string value) {
    b.SetPreconditionAttribute(p, attr, Value::String(std::move(value), loc), loc);
  };
  if (name == "sql-check") {
    // `^(?:expectedResult:)?(\w+|'[^']+'|"[^"]+") (.*)`, case-insensitive.
    std::string_view rest = body;
    if (HasWordAt(rest, 0, "expectedresult:")) rest.remove_prefix(15);
    size_t e = 0;
    std::string expected;
    if (!rest.empty() && (rest[0] == '\'' || rest[0] == '"')) {
      size_t close = rest.find(rest[0], 1);
      if (close != std::string_view::npos && close > 1) {
        expected = std::string(rest.substr(1, close - 1));
        e = close + 1;
      }
    } else {
      while (e < rest.size() && IsWord(rest[e])) ++e;
      expected = std::string(rest.substr(0, e));
    }
    if (expected.empty() || e >= rest.size() || rest[e] != ' ') {
      Error(loc, "malformed --precondition-sql-check: expected "
                 "'--precondition-sql-check expectedResult:<value> <sql>'");
      return;
    }
    p.type = "sqlCheck";
    set("expectedResult", std::move(expected));
    set("sql", std::string(rest.substr(e + 1)));
  } else if (name == "table-exists" || name == "view-exists") {
    bool table = name == "table-exists";
    p.type = table ? "tableExists" : "viewExists";
    std::string lower = LowerCopy(body);
    if (auto m = FindAttr(body, lower, table ? "table" : "view", ValueShape::kWord))
      set(table ? "tableName" : "viewName", m->value);
    if (auto m = FindAttr(body, lower, "schema", ValueShape::kWord))
      set("schemaName", m->value);
  } else {
    Error(loc, "unknown precondition type '" + name +
                   "' (formatted SQL supports sql-check, table-exists and "
                   "view-exists)");
    return;
  }
  b.FinishPrecondition(p);
  if (!draft_->cs.preconditions) {
    draft_->cs.preconditions.emplace();
    draft_->cs.preconditions->loc = loc;
  }
  draft_->cs.preconditions->conditions.push_back(std::move(p));
}

void FormattedSqlParser::FinishChangeSet() {
  if (!draft_) return;
  Draft d = std::move(*draft_);
  draft_.reset();
  ChangeSet& cs = d.cs;

  std::string body;
  for (const auto& [text, loc] : d.body) {
    body += Expand(text, loc);
    body += '\n';
  }
  std::string_view trimmed = Trim(body);
  if (trimmed.empty()) {
    Error(cs.loc, "changeset '" + cs.id + "' by '" + cs.author +
                      "' has no SQL (Liquibase: 'No SQL for changeset')");
  } else {
    Sql sql;
    sql.sql = std::string(trimmed);
    sql.loc = d.body.front().second;
    for (const auto& [text, loc] : d.body) {
      if (!Trim(text).empty()) {
        sql.loc = loc;
        break;
      }
    }
    sql.split_statements = d.split_statements.value_or(true);
    sql.strip_comments = d.strip_comments.value_or(true);
    if (d.end_delimiter) {
      sql.end_delimiter = d.end_delimiter;
    } else if (trimmed.size() >= 2 &&
               trimmed.substr(trimmed.size() - 2) == "\n/") {
      // Liquibase sets endDelimiter to the regex "\n/$": statements end
      // only at a line holding "/", which is what SplitSql's "/" means.
      sql.end_delimiter = "/";
    }
    cs.changes.emplace_back(std::move(sql));
  }

  if (!d.rollback.empty()) {
    std::string text;
    for (const auto& [line, loc] : d.rollback) {
      text += line;
      text += '\n';
    }
    std::string_view rb = Trim(text);
    const SourceLocation& rb_loc = d.rollback.front().second;
    std::string lower = LowerCopy(rb);
    if (rb.empty()) {
      // Only blank --rollback lines: no rollback was written.
    } else if (lower.rfind("not required", 0) == 0 ||
               lower.rfind("empty", 0) == 0) {
      cs.rollback.specified = true;
      cs.rollback.loc = rb_loc;
    } else if (lower.find("changesetid:") != std::string::npos) {
      Error(rb_loc,
            "rollback referencing another changeset is not supported yet");
    } else {
      Sql sql;
      std::string expanded;
      for (const auto& [line, loc] : d.rollback) {
        expanded += Expand(line, loc);
        expanded += '\n';
      }
      sql.sql = std::string(Trim(expanded));
      sql.loc = rb_loc;
      sql.split_statements = d.rollback_split_statements;
      sql.end_delimiter = d.rollback_end_delimiter;
      cs.rollback.specified = true;
      cs.rollback.loc = rb_loc;
      cs.rollback.changes.emplace_back(std::move(sql));
    }
  }
  if (cs.id.empty()) Error(cs.loc, "changeSet: id must not be empty");
  out_.entries.emplace_back(std::move(cs));
}

bool FormattedSqlParser::HandleDirective(const Line& line, const Directive& d) {
  std::string_view s = line.text;
  size_t w = d.start;
  if (d.dashes == 1) {
    for (std::string_view kw : {"changeset", "property", "rollback", "comment",
                                "validchecksum", "ignorelines", "preconditions",
                                "precondition"}) {
      if (KeywordAt(s, w, kw)) {
        Malformed(line, d,
                  "malformed directive '-" + std::string(s.substr(w, kw.size())) +
                      "': directives start with '--'");
        if (kw == "changeset") SkipBrokenChangeSet();
        return true;
      }
    }
    return false;
  }
  if (KeywordAt(s, w, "changeset")) {
    StartChangeSet(line, d);
    return true;
  }
  if (KeywordAt(s, w, "property")) {
    if (w + 8 >= s.size() || !IsBlank(s[w + 8])) {
      Malformed(line, d,
                "malformed --property line: expected '--property "
                "name:<name> value:<value>'");
    } else {
      DefineProperty(line, d);
    }
    return true;
  }
  if (KeywordAt(s, w, "preconditions") || HasWordAt(s, w, "precondition-")) {
    if (!draft_) {
      if (!in_broken_changeset_)
        Malformed(line, d, "preconditions must follow a '--changeset' line");
    } else if (HasWordAt(s, w, "precondition-")) {
      AddPrecondition(line, d);
    } else {
      StartPreconditions(line, d);
    }
    return true;
  }
  if (HasWordAt(s, w, "comments:")) {
    Malformed(line, d, "malformed directive '--comments:': use '--comment:'");
    return true;
  }
  if (HasWordAt(s, w, "ignorelines")) {
    size_t v = w + 11;
    size_t e = v < s.size() && s[v] == ':' ? v + 1 : v;
    size_t k = e;
    while (k < s.size() && IsWord(s[k])) ++k;
    std::string value = LowerCopy(s.substr(e, k - e));
    bool ok = e > v && k > e && Trim(s.substr(k)).empty();
    if (ok && value == "start") {
      ignoring_block_ = true;
    } else if (ok && value == "end") {
      ignoring_block_ = false;
    } else if (ok && value.find_first_not_of("0123456789") == std::string::npos &&
               value.size() < 9) {
      ignore_count_ = std::stoi(value);
    } else {
      Malformed(line, d,
                "malformed --ignoreLines: expected '--ignoreLines:<count>', "
                "'--ignoreLines:start' or '--ignoreLines:end'");
    }
    return true;
  }
  if (!draft_) return false;  // other directives mean nothing before a changeset
  // `comment:? (.*)`, `validCheckSum:? (.*)`, `rollback (.*)`.
  auto text_after = [&](std::string_view kw, bool colon) -> std::optional<std::string_view> {
    if (!HasWordAt(s, w, kw)) return std::nullopt;
    size_t i = w + kw.size();
    if (colon && i < s.size() && s[i] == ':') ++i;
    if (i >= s.size() || s[i] != ' ') return std::nullopt;
    return s.substr(i + 1);
  };
  if (auto t = text_after("comment", true)) {
    // Not property-expanded (verified).
    draft_->cs.comment = std::string(Trim(*t));
    return true;
  }
  if (auto t = text_after("validchecksum", true)) {
    draft_->cs.valid_checksums.emplace_back(Trim(*t));
    return true;
  }
  if (auto t = text_after("rollback", false)) {
    draft_->rollback.emplace_back(*t, Loc(line.number, d.column));
    return true;
  }
  return false;
}

// "/* liquibase rollback" alone on its line.
bool IsRollbackBlockStart(std::string_view line) {
  size_t i = SkipBlanks(line, 0);
  if (!HasWordAt(line, i, "/*")) return false;
  i = SkipBlanks(line, i + 2);
  if (!HasWordAt(line, i, "liquibase")) return false;
  i = SkipBlanks(line, i + 9);
  if (!HasWordAt(line, i, "rollback")) return false;
  return Trim(line.substr(i + 8)).empty();
}

// Liquibase reads through a BOM-aware stream: a UTF-8 byte order mark is
// not text.
std::string_view WithoutBom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

ParsedChangeLog FormattedSqlParser::Run(std::string_view text) {
  text = WithoutBom(text);
  std::vector<Line> lines = SplitLines(text);
  size_t first = 0;
  while (first < lines.size() && Trim(lines[first].text).empty()) ++first;
  if (first == lines.size() || !IsHeader(lines[first].text)) {
    // Liquibase runs a plain .sql changelog as one changeset, unexpanded.
    std::string_view body = Trim(text);
    if (body.empty()) {
      Error(Loc(0, 0), "empty changelog file");
      return std::move(out_);
    }
    ChangeSet cs;
    cs.id = "raw";
    cs.author = "includeAll";
    int line = first < lines.size() ? lines[first].number : 1;
    cs.loc = Loc(line, 1);
    Sql sql;
    sql.sql = std::string(body);
    sql.loc = cs.loc;
    cs.changes.emplace_back(std::move(sql));
    out_.entries.emplace_back(std::move(cs));
    return std::move(out_);
  }
  {
    std::string_view header = lines[first].text;
    std::string lower = LowerCopy(header);
    if (auto m = FindAttr(header, lower, "logicalFilePath", ValueShape::kNonSpace);
        m && !m->value.empty())
      out_.logical_file_path =
          Expand(m->value, Loc(lines[first].number, m->column));
  }

  for (size_t n = first + 1; n < lines.size(); ++n) {
    const Line& line = lines[n];
    std::string_view s = line.text;
    if (ignore_count_ > 0) {
      --ignore_count_;
      continue;
    }
    if (in_rollback_block_) {
      size_t end = s.rfind("*/");
      if (end != std::string_view::npos && Trim(s.substr(end + 2)).empty()) {
        in_rollback_block_ = false;
        s = s.substr(0, end);
        if (Trim(s).empty()) continue;
      }
      if (draft_) draft_->rollback.emplace_back(s, Loc(line.number, 1));
      continue;
    }
    Directive d = ReadDirective(s);
    if (ignoring_block_) {
      // Only --ignoreLines:end ends the block.
      if (d.dashes == 2 && HasWordAt(s, d.start, "ignorelines")) HandleDirective(line, d);
      continue;
    }
    if (d.dashes > 0 && HandleDirective(line, d)) continue;
    if (IsRollbackBlockStart(s)) {
      in_rollback_block_ = true;
      continue;
    }
    if (draft_) {
      draft_->body.emplace_back(s, Loc(line.number, 1));
      continue;
    }
    if (in_broken_changeset_) continue;
    // Before the first changeset only comments may appear.
    size_t i = SkipBlanks(s, 0);
    if (i == s.size() || d.dashes > 0) continue;
    if (in_comment_before_first_ || HasWordAt(s, i, "/*")) {
      size_t end = s.find("*/", in_comment_before_first_ ? 0 : i + 2);
      in_comment_before_first_ = end == std::string_view::npos;
      if (end == std::string_view::npos || Trim(s.substr(end + 2)).empty())
        continue;
      i = SkipBlanks(s, end + 2);
    }
    Error(Loc(line.number, static_cast<int>(i) + 1),
          "SQL before the first '--changeset author:id' line");
  }
  if (in_rollback_block_ && draft_)
    Error(draft_->cs.loc, "unterminated '/* liquibase rollback' block");
  FinishChangeSet();
  return std::move(out_);
}

}  // namespace

ParsedChangeLog ParseFormattedSqlChangeLog(const std::string& text,
                                           const FileInfo& file,
                                           const SearchPath& search_path,
                                           const LoadOptions& options,
                                           PropertyStore& properties,
                                           std::vector<Diagnostic>& errors) {
  try {
    FormattedSqlParser parser(file, search_path, options, properties, errors);
    return parser.Run(text);
  } catch (const std::exception& e) {
    errors.push_back({SourceLocation{file.display, 0, 0},
                      std::string("cannot read changelog: ") + e.what()});
    return ParsedChangeLog();
  }
}

}  // namespace strata::load
