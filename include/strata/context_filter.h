// Context and label filters: which changesets (and modifySql visitors) run
// under --context-filter / --label-filter, as Liquibase 4.28 decides it.
//
// Two kinds of text meet here:
//   * an expression: a changeset's context (or contextFilter), an include's
//     context, a modifySql context, and the --label-filter value. Comma and
//     `or` are disjunction, `and` conjunction (binding tighter), `!x` and
//     `not x` negation, parentheses group; `@x` means x must be given
//     explicitly (an empty list does not satisfy it). Case-insensitive.
//   * a list: the --context-filter value and a changeset's labels, comma
//     separated, trimmed, lower-cased; matched literally.
// With no list given every plain expression matches; `@x` does not.
//
// Evaluation follows Liquibase's ExpressionMatcher text rewriting (verified
// against 4.28, see tests/context_filter_test.cc), including its quirks:
// `(@x)` matches an empty list. Texts it cannot parse (an unbalanced or
// empty parenthesis, a comma inside parentheses) are errors there and here;
// Strata also rejects what Liquibase would silently read as a never-matching
// name containing a blank ("a and", "and a", "a b", a lone "!").
//
// This header has no third-party dependencies.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/model.h"
#include "strata/status.h"

namespace strata {

// "" when `expression` can be evaluated, else why not ("unbalanced
// parenthesis in context expression '(a'"). `what` names the text in the
// message: "context", "label filter".
std::string CheckFilterExpression(std::string_view expression,
                                  std::string_view what = "context");

// Liquibase's ContextExpression/LabelExpression.matches: `expression`
// (split on top-level commas, any part matching) against `items` (lower-case).
// REQUIRES: CheckFilterExpression(expression) == "".
bool MatchesFilterExpression(std::string_view expression,
                             const std::vector<std::string>& items);

// Liquibase's Contexts/Labels list parsing: backslashes removed, split on
// commas, trimmed, lower-cased, empty items dropped, duplicates removed.
std::vector<std::string> ParseFilterList(std::string_view list);

// Why a changeset is left out.
enum class FilterVerdict { kRun, kContextMismatch, kLabelMismatch };

// What the user asked for on the command line. Default: no filter, every
// changeset without an `@` context runs.
class ChangeSetFilter {
 public:
  ChangeSetFilter() = default;

  // `contexts`: --context-filter (a list); `labels`: --label-filter (an
  // expression). Either may be empty (not given). An invalid label
  // expression is an InvalidInput error.
  static Result<ChangeSetFilter> Make(std::string_view contexts,
                                      std::string_view labels);

  // The changeset's own context and every inherited one must match the
  // contexts; the label expression must match its own labels and each
  // inherited label list (Liquibase's ContextChangeSetFilter and
  // LabelChangeSetFilter).
  FilterVerdict Check(const ChangeSet& cs) const;
  bool Accepts(const ChangeSet& cs) const { return Check(cs) == FilterVerdict::kRun; }

  // modifySql: a visitor whose context or labels do not match is dropped.
  bool Applies(const SqlVisitor& visitor) const;

  const std::vector<std::string>& contexts() const { return contexts_; }
  const std::string& label_expression() const { return labels_; }

 private:
  bool ContextMatches(const std::string& expression) const;
  bool LabelsMatch(const std::string& label_list) const;

  std::vector<std::string> contexts_;  // lower-cased
  std::string labels_;                 // the expression, backslashes removed
};

}  // namespace strata
