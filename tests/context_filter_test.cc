// Context and label filter expressions. Every expected value below was
// settled with Liquibase 4.28 on PostgreSQL: one changeset per expression,
// `update --contexts=...` / `--labels=...`, and the changesets recorded in
// databasechangelog.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "strata/context_filter.h"
#include "strata/model.h"

namespace strata {
namespace {

ChangeSet WithContext(const std::string& context) {
  ChangeSet cs;
  cs.id = "x";
  cs.author = "t";
  if (!context.empty()) cs.context = context;
  return cs;
}

ChangeSet WithLabels(const std::string& labels) {
  ChangeSet cs;
  cs.id = "x";
  cs.author = "t";
  if (!labels.empty()) cs.labels = labels;
  return cs;
}

// Which of `exprs` (changeset contexts) run under --contexts=`given`.
std::vector<std::string> RunContexts(const std::vector<std::string>& exprs,
                                     const std::string& given) {
  auto f = ChangeSetFilter::Make(given, "");
  EXPECT_TRUE(f.ok()) << f.status().message();
  std::vector<std::string> ran;
  for (const std::string& e : exprs) {
    EXPECT_EQ(CheckFilterExpression(e), "") << e;
    if (f->Accepts(WithContext(e))) ran.push_back(e);
  }
  return ran;
}

std::vector<std::string> RunLabels(const std::vector<std::string>& labels,
                                   const std::string& filter) {
  auto f = ChangeSetFilter::Make("", filter);
  EXPECT_TRUE(f.ok()) << f.status().message();
  std::vector<std::string> ran;
  for (const std::string& l : labels)
    if (f->Accepts(WithLabels(l))) ran.push_back(l);
  return ran;
}

const std::vector<std::string> kContexts = {
    "",        "a",     "b",         "!a",        "a and b", "a or b",
    "a, c",    "(a or c) and !b",    "@a",        "not a",   "A",
    "@!a",     "a AND b",            "!(a or b)", "a and b, c"};

using V = std::vector<std::string>;

TEST(ContextFilter, NoContextsRunsEverythingButRequiredOnes) {
  V all = kContexts;
  all.erase(all.begin() + 8);  // "@a"
  EXPECT_EQ(RunContexts(kContexts, ""), all);
}

TEST(ContextFilter, OneContext) {
  EXPECT_EQ(RunContexts(kContexts, "a"),
            (V{"", "a", "a or b", "a, c", "(a or c) and !b", "@a", "A"}));
}

TEST(ContextFilter, TwoContexts) {
  EXPECT_EQ(RunContexts(kContexts, "a,b"),
            (V{"", "a", "b", "a and b", "a or b", "a, c", "@a", "A", "a AND b",
               "a and b, c"}));
}

TEST(ContextFilter, OtherContext) {
  EXPECT_EQ(RunContexts(kContexts, "c"),
            (V{"", "!a", "a, c", "(a or c) and !b", "not a", "@!a", "!(a or b)",
               "a and b, c"}));
}

TEST(ContextFilter, GivenListIsLiteralNotAnExpression) {
  // --contexts=@a names a context "@a"; it does not satisfy "@a" or "a".
  EXPECT_EQ(RunContexts(kContexts, "@a"), (V{"", "!a", "not a", "@!a", "!(a or b)"}));
  // --contexts=(a is not an error: a context named "(a".
  EXPECT_EQ(RunContexts({"a", "!a"}, "(a"), (V{"!a"}));
}

TEST(ContextFilter, RequiredContextsInsideExpressions) {
  const V exprs = {"@a or b", "@a and b", "b, @a", "(@a)", "@ a", "@A", "@a,@b",
                   "x and @a"};
  // "(@a)" matches an empty list: Liquibase rewrites the group to :FALSE and
  // then an empty list matches anything not required.
  EXPECT_EQ(RunContexts(exprs, ""), (V{"@a or b", "b, @a", "(@a)"}));
  EXPECT_EQ(RunContexts(exprs, "b"), (V{"@a or b", "b, @a", "@a,@b"}));
  EXPECT_EQ(RunContexts(exprs, "a"),
            (V{"@a or b", "b, @a", "(@a)", "@ a", "@A", "@a,@b"}));
  EXPECT_EQ(RunContexts(exprs, "x"), V{});
}

const V kLabels = {"", "x", "x,y", "@x", "X", "y", "@x,y"};

TEST(LabelFilter, Expressions) {
  EXPECT_EQ(RunLabels(kLabels, ""), kLabels);
  EXPECT_EQ(RunLabels(kLabels, "x"), (V{"", "x", "x,y", "X"}));
  EXPECT_EQ(RunLabels(kLabels, "X"), (V{"", "x", "x,y", "X"}));
  EXPECT_EQ(RunLabels(kLabels, "!x"), (V{"", "@x", "y", "@x,y"}));
  EXPECT_EQ(RunLabels(kLabels, "not x"), (V{"", "@x", "y", "@x,y"}));
  EXPECT_EQ(RunLabels(kLabels, "x and y"), (V{"", "x,y"}));
  EXPECT_EQ(RunLabels(kLabels, "x or z"), (V{"", "x", "x,y", "X"}));
  EXPECT_EQ(RunLabels(kLabels, "(x or z) and !y"), (V{"", "x", "X"}));
  EXPECT_EQ(RunLabels(kLabels, "y"), (V{"", "x,y", "y", "@x,y"}));
  // A required label: changesets without labels no longer match, and a
  // changeset label "@x" is just a label named "@x".
  EXPECT_EQ(RunLabels(kLabels, "@x"), (V{"x", "x,y", "X"}));
}

TEST(LabelFilter, InvalidExpressionIsAnError) {
  auto f = ChangeSetFilter::Make("", "(x");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(f.status().message(), "--label-filter expression '(x' has an unbalanced '('");
}

TEST(ContextFilter, InheritedPartsMatchEachOnTheirOwn) {
  // include context "a" + changeset "b": both must match.
  ChangeSet cs = WithContext("a AND b");
  cs.filter_contexts = {"a", "b"};
  EXPECT_FALSE(ChangeSetFilter::Make("a", "")->Accepts(cs));
  EXPECT_TRUE(ChangeSetFilter::Make("a,b", "")->Accepts(cs));
  // Labels: the expression is matched against each list separately, so
  // include labels "a" + changeset labels "b" do not satisfy "a and b".
  ChangeSet l = WithLabels("a,b");
  l.filter_labels = {"a", "b"};
  EXPECT_FALSE(ChangeSetFilter::Make("", "a and b")->Accepts(l));
  EXPECT_TRUE(ChangeSetFilter::Make("", "a or b")->Accepts(l));
  EXPECT_EQ(ChangeSetFilter::Make("", "a")->Check(l), FilterVerdict::kLabelMismatch);
  EXPECT_EQ(ChangeSetFilter::Make("z", "a")->Check(cs), FilterVerdict::kContextMismatch);
}

TEST(ContextFilter, SqlVisitors) {
  SqlVisitor b;
  b.context = "b";
  SqlVisitor req;
  req.context = "@b";
  SqlVisitor lx;
  lx.labels = "x";
  auto none = *ChangeSetFilter::Make("", "");
  EXPECT_TRUE(none.Applies(b));
  EXPECT_FALSE(none.Applies(req));
  EXPECT_TRUE(none.Applies(lx));
  auto a = *ChangeSetFilter::Make("a", "y");
  EXPECT_FALSE(a.Applies(b));
  EXPECT_FALSE(a.Applies(lx));
  auto bx = *ChangeSetFilter::Make("b", "x");
  EXPECT_TRUE(bx.Applies(b));
  EXPECT_TRUE(bx.Applies(req));
  EXPECT_TRUE(bx.Applies(lx));
}

TEST(FilterExpression, Errors) {
  // Liquibase fails on these too ("Cannot parse expression").
  EXPECT_EQ(CheckFilterExpression("(a"), "context expression '(a' has an unbalanced '('");
  EXPECT_EQ(CheckFilterExpression("()"), "context expression '()' has an empty '()'");
  EXPECT_EQ(CheckFilterExpression("(a, c) and b"),
            "context expression '(a, c) and b' has a comma inside parentheses (write 'or')");
  // Liquibase reads these as a never-matching name; Strata says why.
  EXPECT_EQ(CheckFilterExpression("a and"),
            "context expression 'a and' ends where a name or '(' belongs");
  EXPECT_EQ(CheckFilterExpression("and a"),
            "context expression 'and a' has 'and' where a name or '(' belongs");
  EXPECT_EQ(CheckFilterExpression("a b"),
            "context expression 'a b' has 'b' where an operator (and, or) belongs");
  EXPECT_EQ(CheckFilterExpression("a)"), "context expression 'a)' has an unbalanced ')'");
  EXPECT_EQ(CheckFilterExpression("!"), "context expression '!' ends where a name or '(' belongs");
  EXPECT_EQ(CheckFilterExpression("a or or b"),
            "context expression 'a or or b' has 'or' where a name or '(' belongs");
}

TEST(FilterExpression, Accepted) {
  for (const char* e : {"a", "a,,b", "a, b,", "!a", "not a", "not(a)", "!(a or b) and c",
                        "@a", "@!a", "@ not a", "a AND b OR c", "tenant_db AND (x or y)",
                        "(a and (b or c))", "v1.2-x"})
    EXPECT_EQ(CheckFilterExpression(e), "") << e;
}

TEST(FilterExpression, Evaluation) {
  const V ab = {"a", "b"};
  EXPECT_TRUE(MatchesFilterExpression("a and (b or c)", ab));
  EXPECT_FALSE(MatchesFilterExpression("a and (c or d)", ab));
  EXPECT_TRUE(MatchesFilterExpression("not (c and d)", ab));
  EXPECT_FALSE(MatchesFilterExpression("not(a)", ab));
  EXPECT_TRUE(MatchesFilterExpression("(a and (b and !c))", ab));
  EXPECT_TRUE(MatchesFilterExpression("c, a", ab));
  EXPECT_TRUE(MatchesFilterExpression("", ab));
  EXPECT_TRUE(MatchesFilterExpression("a\tand\tb", ab));
}

TEST(FilterList, Parsing) {
  EXPECT_EQ(ParseFilterList(" Tenant_DB, custom ,,x\\y, custom"),
            (V{"tenant_db", "custom", "xy"}));
  EXPECT_EQ(ParseFilterList(""), V{});
}

}  // namespace
}  // namespace strata
