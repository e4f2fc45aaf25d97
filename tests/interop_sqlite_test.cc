// Interop with the real Liquibase 4.28.1 on SQLite files, both directions
// (tests/interop_scenarios.h says what is proven; changesets marked
// dbms: postgresql are filtered out by both tools here).
#include "interop_scenarios.h"

namespace strata::test {
namespace {

TEST(InteropSqlite, BothDirectionsRollbackChecksumsAndUpdateSql) {
  STRATA_REQUIRE_LIQUIBASE(liquibase);
  std::string dbs = TempDir();
  Interop t(liquibase, TempDir());
  InteropCounts n;
  RunInterop(t, SqliteInteropDb(dbs + "/one.db"), SqliteInteropDb(dbs + "/two.db"),
             SqliteInteropDb(dbs + "/three.db"), &n);
  PrintCounts("sqlite", n, t);
  EXPECT_GT(n.checksums_compared, 25);
  EXPECT_EQ(n.checksums_identical, n.checksums_compared);
  EXPECT_EQ(n.rows_identical, n.rows_compared);
  EXPECT_EQ(n.statements_identical, n.statements_compared);
  // What Liquibase 4.28 cannot do on SQLite (its update-sql refuses it or
  // writes a broken table rebuild, or SQLite has no such object) is kept to
  // PostgreSQL by the fixtures; PrintCounts lists it. This floor catches a
  // fixture losing a change type.
  EXPECT_GE(n.change_types.size(), 19u);
  EXPECT_EQ(n.statements_set_aside, 0);
  for (const char* format : {"yaml", "xml", "json", "sql"})
    EXPECT_GT(n.changesets_per_format[format], 1) << format;
}

}  // namespace
}  // namespace strata::test
