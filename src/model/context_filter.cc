#include "strata/context_filter.h"

#include <algorithm>
#include <cctype>
#include "util/strings.h"

namespace strata {
namespace {

using util::IEquals;
using util::Lower;

bool IsSpace(char c) {
  // Java's \s.
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

// Java String.split(",") followed by trim, empty parts dropped.
std::vector<std::string> SplitCommas(std::string_view s) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    std::string part = Trim(s.substr(start, comma - start));
    if (!part.empty()) parts.push_back(std::move(part));
    start = comma + 1;
  }
  return parts;
}

// Java's s.split("\\s+" + word + "\\s+"): leftmost matches, the trailing
// blanks greedy; trailing empty strings dropped.
std::vector<std::string> SplitOnWord(const std::string& s, std::string_view word) {
  std::vector<std::string> parts;
  size_t piece = 0, i = 0;
  while (i < s.size()) {
    if (!IsSpace(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsSpace(s[j])) ++j;
    if (s.compare(j, word.size(), word) == 0 && j + word.size() < s.size() &&
        IsSpace(s[j + word.size()])) {
      size_t k = j + word.size();
      while (k < s.size() && IsSpace(s[k])) ++k;
      parts.push_back(s.substr(piece, i - piece));
      piece = i = k;
      continue;
    }
    i = j;
  }
  parts.push_back(s.substr(piece));
  while (parts.size() > 1 && parts.back().empty()) parts.pop_back();
  return parts;
}

// Liquibase 4.28's ExpressionMatcher.matches on lower-cased text: groups
// are evaluated innermost first and replaced by :TRUE/:FALSE, then `or`,
// then `and`, then a leading `!`/`not `/`@!`, then `@`.
bool Evaluate(std::string expr, const std::vector<std::string>& items) {
  expr = Trim(expr);
  if (expr == ":TRUE") return true;
  if (expr == ":FALSE") return false;
  while (expr.find('(') != std::string::npos) {
    size_t open = std::string::npos, close = std::string::npos;
    for (size_t i = expr.find('('); i != std::string::npos; i = expr.find('(', i + 1)) {
      size_t j = i + 1;
      while (j < expr.size() && expr[j] != '(' && expr[j] != ')') ++j;
      if (j < expr.size() && expr[j] == ')' && j > i + 1) {
        open = i;
        close = j;
        break;
      }
    }
    if (open == std::string::npos) return false;  // excluded by CheckFilterExpression
    bool inner = Evaluate(expr.substr(open + 1, close - open - 1), items);
    expr = expr.substr(0, open) + (inner ? " :TRUE " : " :FALSE ") + expr.substr(close + 1);
  }
  if (auto ors = SplitOnWord(expr, "or"); ors.size() > 1) {
    return std::any_of(ors.begin(), ors.end(),
                       [&](const std::string& p) { return Evaluate(p, items); });
  }
  if (auto ands = SplitOnWord(expr, "and"); ands.size() > 1) {
    return std::all_of(ands.begin(), ands.end(),
                       [&](const std::string& p) { return Evaluate(p, items); });
  }
  bool negated = false;
  if (!expr.empty() && expr[0] == '!') {
    negated = true;
    expr = Trim(std::string_view(expr).substr(1));
  } else if (expr.rfind("not ", 0) == 0) {
    negated = true;
    expr = Trim(std::string_view(expr).substr(4));
  } else if (expr.size() > 1 && expr[0] == '@') {
    // "@!x" / "@ not x"
    size_t i = 1;
    while (i < expr.size() && IsSpace(expr[i])) ++i;
    size_t skip = expr.compare(i, 1, "!") == 0 ? 1 : expr.compare(i, 4, "not ") == 0 ? 4 : 0;
    if (skip && i + skip < expr.size()) {
      negated = true;
      expr = Trim(std::string_view(expr).substr(i + skip));
    }
  }
  bool required = false;
  if (!expr.empty() && expr[0] == '@') {
    required = true;
    expr = Trim(std::string_view(expr).substr(1));
  }
  if (!required && items.empty()) return true;
  // A rewritten group keeps its blanks (" :TRUE "); Liquibase trims here.
  if (Trim(expr) == ":TRUE") return !negated;
  if (Trim(expr) == ":FALSE") return negated;
  for (const std::string& item : items)
    if (IEquals(item, expr)) return !negated;
  return negated;
}

// Validation grammar (Strata's, stricter than Liquibase's rewriting):
//   or := and ('or' and)* ; and := unary ('and' unary)* ;
//   unary := ('!' | 'not' | '@')* (NAME | '(' or ')')
class Checker {
 public:
  explicit Checker(std::string_view text) : text_(text) { Tokenize(); }

  std::string Run() {
    if (!error_.empty()) return error_;
    if (tokens_.empty()) return "is empty";
    Or();
    if (error_.empty() && pos_ < tokens_.size())
      error_ = tokens_[pos_] == ")" ? "has an unbalanced ')'"
                                    : "has '" + tokens_[pos_] + "' where an operator (and, or) belongs";
    return error_;
  }

 private:
  void Tokenize() {
    size_t i = 0;
    while (i < text_.size()) {
      char c = text_[i];
      if (IsSpace(c)) {
        ++i;
      } else if (c == '(' || c == ')' || c == '!' || c == '@') {
        tokens_.emplace_back(1, c);
        ++i;
      } else {
        size_t j = i;
        while (j < text_.size() && !IsSpace(text_[j]) && text_[j] != '(' && text_[j] != ')')
          ++j;
        tokens_.push_back(Lower(text_.substr(i, j - i)));
        i = j;
      }
    }
  }
  bool At(std::string_view t) const { return pos_ < tokens_.size() && tokens_[pos_] == t; }
  void Or() {
    And();
    while (error_.empty() && At("or")) {
      ++pos_;
      And();
    }
  }
  void And() {
    Unary();
    while (error_.empty() && At("and")) {
      ++pos_;
      Unary();
    }
  }
  void Unary() {
    while (At("!") || At("not") || At("@")) ++pos_;
    if (pos_ >= tokens_.size()) {
      error_ = "ends where a name or '(' belongs";
    } else if (At("(")) {
      ++pos_;
      if (At(")")) {
        error_ = "has an empty '()'";
        return;
      }
      Or();
      if (!error_.empty()) return;
      if (!At(")")) {
        error_ = "has an unbalanced '('";
        return;
      }
      ++pos_;
    } else if (At(")") || At("and") || At("or")) {
      error_ = "has '" + tokens_[pos_] + "' where a name or '(' belongs";
    } else {
      ++pos_;
    }
  }

  std::string_view text_;
  std::vector<std::string> tokens_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

std::string CheckFilterExpression(std::string_view expression, std::string_view what) {
  std::string_view why;
  std::string detail;
  // Liquibase splits on every comma before it reads parentheses, so a comma
  // inside them cannot be parsed ("Cannot parse expression (a").
  int depth = 0;
  for (char c : expression) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth > 0) {
      why = "has a comma inside parentheses (write 'or')";
      break;
    }
  }
  if (why.empty()) {
    for (const std::string& part : SplitCommas(expression)) {
      detail = Checker(part).Run();
      if (!detail.empty()) break;
    }
  }
  if (why.empty() && detail.empty()) return "";
  return std::string(what) + " expression '" + std::string(expression) + "' " +
         (why.empty() ? detail : std::string(why));
}

bool MatchesFilterExpression(std::string_view expression,
                             const std::vector<std::string>& items) {
  std::vector<std::string> parts = SplitCommas(Lower(expression));
  if (parts.empty()) return true;
  return std::any_of(parts.begin(), parts.end(),
                     [&](const std::string& p) { return Evaluate(p, items); });
}

std::vector<std::string> ParseFilterList(std::string_view list) {
  std::string text;
  for (char c : list)
    if (c != '\\') text += c;
  std::vector<std::string> out;
  for (std::string& item : SplitCommas(Lower(text)))
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(std::move(item));
  return out;
}

Result<ChangeSetFilter> ChangeSetFilter::Make(std::string_view contexts,
                                              std::string_view labels) {
  ChangeSetFilter f;
  f.contexts_ = ParseFilterList(contexts);
  for (char c : labels)
    if (c != '\\') f.labels_ += c;
  f.labels_ = Trim(f.labels_);
  if (std::string why = CheckFilterExpression(f.labels_, "--label-filter"); !why.empty() &&
      !f.labels_.empty())
    return Status::InvalidInput(why);
  return f;
}

bool ChangeSetFilter::ContextMatches(const std::string& expression) const {
  return MatchesFilterExpression(expression, contexts_);
}

bool ChangeSetFilter::LabelsMatch(const std::string& label_list) const {
  if (labels_.empty()) return true;
  return MatchesFilterExpression(labels_, ParseFilterList(label_list));
}

FilterVerdict ChangeSetFilter::Check(const ChangeSet& cs) const {
  if (!cs.filter_contexts.empty()) {
    for (const std::string& c : cs.filter_contexts)
      if (!ContextMatches(c)) return FilterVerdict::kContextMismatch;
  } else if (cs.context && !ContextMatches(*cs.context)) {
    return FilterVerdict::kContextMismatch;
  }
  if (!cs.filter_labels.empty()) {
    for (const std::string& l : cs.filter_labels)
      if (!LabelsMatch(l)) return FilterVerdict::kLabelMismatch;
  } else if (!LabelsMatch(cs.labels.value_or(""))) {
    return FilterVerdict::kLabelMismatch;
  }
  return FilterVerdict::kRun;
}

bool ChangeSetFilter::Applies(const SqlVisitor& visitor) const {
  if (visitor.context && !ContextMatches(*visitor.context)) return false;
  if (visitor.labels && !LabelsMatch(*visitor.labels)) return false;
  return true;
}

}  // namespace strata
