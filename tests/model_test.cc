#include "strata/model.h"

#include <gtest/gtest.h>

namespace strata {
namespace {

TEST(SourceLocation, FormatsFileLineColumn) {
  SourceLocation loc{std::make_shared<const std::string>("a/b.yaml"), 3, 7};
  EXPECT_EQ(loc.ToString(), "a/b.yaml:3:7");
  loc.column = 0;
  EXPECT_EQ(loc.ToString(), "a/b.yaml:3");
}

TEST(Change, NameComesFromTheStruct) {
  Change c = CreateTable{};
  EXPECT_EQ(ChangeName(c), "createTable");
  c = TagDatabase{};
  EXPECT_EQ(ChangeName(c), "tagDatabase");
}

TEST(Fields, TableListsEveryAttributeOnce) {
  int count = 0;
  bool saw_required_table = false;
  ForEachField<CreateTable>([&](const auto& f) {
    ++count;
    if (f.name == "tableName") saw_required_table = (f.flags & kRequired) != 0;
  });
  EXPECT_EQ(count, 8);
  EXPECT_TRUE(saw_required_table);
}

// RareString stands in for OptString in the model: it must read, compare
// and convert exactly as std::optional<std::string> does.
TEST(HeapOptional, BehavesAsStdOptional) {
  RareString unset;
  RareString set = std::string("x");
  OptString none, some = "x", other = "y";
  EXPECT_FALSE(unset.has_value());
  EXPECT_TRUE(set.has_value());
  EXPECT_EQ(*set, "x");
  EXPECT_EQ(set->size(), 1u);
  EXPECT_EQ(unset.value_or("d"), "d");
  EXPECT_EQ(set.value_or("d"), "x");
  // Against values, nullopt, std::optional (both ways) and itself.
  EXPECT_TRUE(set == "x");
  EXPECT_TRUE(set != "y");
  EXPECT_FALSE(unset == "x");
  EXPECT_TRUE(unset == std::nullopt);
  EXPECT_FALSE(set == std::nullopt);
  EXPECT_TRUE(unset == none);
  EXPECT_TRUE(none == unset);
  EXPECT_TRUE(set == some);
  EXPECT_TRUE(some == set);
  EXPECT_FALSE(set == other);
  EXPECT_FALSE(other == set);
  EXPECT_FALSE(none == set);
  EXPECT_FALSE(some == unset);
  EXPECT_TRUE(set == RareString("x"));
  EXPECT_FALSE(set == unset);
  EXPECT_TRUE(RareString() == unset);
  // Conversions: from and to std::optional, copies are deep.
  OptString back = set;
  EXPECT_EQ(back, "x");
  OptString back_none = unset;
  EXPECT_FALSE(back_none.has_value());
  RareString from = some;
  EXPECT_EQ(from, "x");
  RareString from_none = none;
  EXPECT_FALSE(from_none.has_value());
  RareString copy = set;
  *copy = "changed";
  EXPECT_EQ(*set, "x");
  copy = std::nullopt;
  EXPECT_FALSE(copy.has_value());
  copy.emplace("e");
  EXPECT_EQ(copy, "e");
  RareNumeric n = Numeric{"1.5"};
  EXPECT_EQ(n->text, "1.5");
  EXPECT_TRUE(n == Numeric{"1.5"});
  EXPECT_EQ(RareNumeric().value_or(Numeric{"0"}).text, "0");
}

}  // namespace
}  // namespace strata
