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
// new change type fails here until it has an execution case. The names are
// each alternative's kName (what ChangeName returns), read from the types:
// constructing a Change of every alternative here compiled the constructors
// and destructors of all 70 into this file (20 s of the sanitized build).
TEST(EveryChangeType, CoversTheWholeChangeVariant) {
  std::multiset<std::string> variant;
  [&]<size_t... I>(std::index_sequence<I...>) {
    (variant.insert(std::string(std::variant_alternative_t<I, Change>::kName)), ...);
  }(std::make_index_sequence<std::variant_size_v<Change>>{});
  std::multiset<std::string> matrix;
  for (const ChangeTypeCase& c : EveryChangeType()) matrix.insert(c.type);
  EXPECT_EQ(variant.size(), 70u);
  EXPECT_EQ(matrix, variant);
}

// Found by the matrix: a connection that prepared against the old schema
// kept the old column count for `SELECT *` after another connection (here:
// the strata process) changed the table, because SqliteConnection::Query
// read sqlite3_column_count before the first sqlite3_step re-prepared.
TEST(EveryChangeType, SqliteQuerySeesColumnsAddedByAnotherConnection) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/t.db";
  auto reader = Open(url);
  ASSERT_TRUE(reader->Execute("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1)").ok());
  EXPECT_EQ(QueryLines(*reader, "SELECT * FROM t"), (std::vector<std::string>{"1|"}));
  auto writer = Open(url);
  ASSERT_TRUE(writer->Execute("ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 2").ok());
  EXPECT_EQ(QueryLines(*reader, "SELECT * FROM t"), (std::vector<std::string>{"1|2|"}));
}

}  // namespace
}  // namespace strata::test
