// Every change type of the Change variant on a real PostgreSQL server: one
// test per type (the matrix is in every_change_type.h).
#include "every_change_type.h"

namespace strata::test {
namespace {

class EveryChangeTypePg : public ::testing::TestWithParam<ChangeTypeCase> {};

TEST_P(EveryChangeTypePg, AppliesChecksRollsBackAndMatchesUpdateSql) {
  STRATA_REQUIRE_PG(url);
  RunChangeTypeCase(GetParam(), GetParam().pg, url, TempDir());
}

INSTANTIATE_TEST_SUITE_P(, EveryChangeTypePg, ::testing::ValuesIn(EveryChangeType()), CaseName);

}  // namespace
}  // namespace strata::test
