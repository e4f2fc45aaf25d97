// Every change type of the Change variant on a real SQLite file: one test per
// type (the matrix is in every_change_type.h).
#include "every_change_type.h"

#include <set>
#include <utility>
#include <variant>

#include "strata/model.h"

namespace strata::test {
namespace {

class EveryChangeTypeSqlite : public ::testing::TestWithParam<ChangeTypeCase> {};

TEST_P(EveryChangeTypeSqlite, AppliesChecksRollsBackAndMatchesUpdateSql) {
  std::string dir = TempDir();
  RunChangeTypeCase(GetParam(), GetParam().sqlite, "sqlite:" + dir + "/t.db", dir);
}

INSTANTIATE_TEST_SUITE_P(, EveryChangeTypeSqlite, ::testing::ValuesIn(EveryChangeType()),
                         CaseName);

// The matrix names every alternative of the Change variant exactly once, so a
// new change type fails here until it has an execution case.
TEST(EveryChangeType, CoversTheWholeChangeVariant) {
  std::multiset<std::string> variant;
  [&]<size_t... I>(std::index_sequence<I...>) {
    (variant.insert(std::string(ChangeName(Change(std::in_place_index<I>)))), ...);
  }(std::make_index_sequence<std::variant_size_v<Change>>{});
  std::multiset<std::string> matrix;
  for (const ChangeTypeCase& c : EveryChangeType()) matrix.insert(c.type);
  EXPECT_EQ(variant.size(), 47u);
  EXPECT_EQ(matrix, variant);
}

}  // namespace
}  // namespace strata::test
