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

}  // namespace
}  // namespace strata
