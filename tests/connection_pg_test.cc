// The PostgreSQL connection against the real server tools/test starts.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "strata/connection.h"
#include "test_util.h"

namespace strata {
namespace {

std::unique_ptr<Connection> Open(const std::string& url,
                                 const std::string& user = "") {
  auto spec = ParseUrl(url, user, "");
  EXPECT_TRUE(spec.ok()) << spec.status().message();
  if (!spec.ok()) return nullptr;
  auto conn = Connect(*spec);
  EXPECT_TRUE(conn.ok()) << conn.status().message();
  return conn.ok() ? std::move(*conn) : nullptr;
}

TEST(PgConnectionTest, ExecuteAndQueryWithNulls) {
  STRATA_REQUIRE_PG(url);
  auto conn = Open(url);
  ASSERT_NE(conn, nullptr);
  EXPECT_EQ(conn->dialect().engine, Engine::kPostgres);
  EXPECT_EQ(conn->Describe(), url);
  EXPECT_EQ(conn->CurrentSchema(), "public");

  ASSERT_TRUE(
      conn->Execute("CREATE TABLE person (id INT PRIMARY KEY, name TEXT, "
                    "note TEXT)")
          .ok());
  ASSERT_TRUE(conn->Execute("INSERT INTO person VALUES (1, 'Ann', NULL), "
                            "(2, 'Bo''b', '')")
                  .ok());
  std::vector<Row> rows;
  Status s =
      conn->Query("SELECT id, name, note FROM person ORDER BY id", &rows);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (Row{"1", "Ann", std::nullopt}));
  EXPECT_EQ(rows[1], (Row{"2", "Bo'b", ""}));

  ASSERT_TRUE(conn->Query("SELECT 1 WHERE false", &rows).ok());
  EXPECT_TRUE(rows.empty());
  // Text in and out is UTF-8 whatever the environment's locale says.
  ASSERT_TRUE(conn->Query("SELECT 'grüß', length('grüß')", &rows).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{"grüß", "4"}}));
}

TEST(PgConnectionTest, ExecuteRunsAScriptAndQueryRejectsOne) {
  STRATA_REQUIRE_PG(url);
  auto conn = Open(url);
  ASSERT_NE(conn, nullptr);
  Status s = conn->Execute(
      "CREATE TABLE a (x INT); INSERT INTO a VALUES (1); INSERT INTO a VALUES "
      "(2);");
  ASSERT_TRUE(s.ok()) << s.message();
  std::vector<Row> rows;
  ASSERT_TRUE(conn->Query("SELECT sum(x) FROM a", &rows).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{"3"}}));
  EXPECT_FALSE(conn->Query("SELECT 1; SELECT 2", &rows).ok());
  EXPECT_TRUE(conn->Execute("").ok());
  // Notices ("does not exist, skipping") are not errors.
  EXPECT_TRUE(conn->Execute("DROP TABLE IF EXISTS nope").ok());
}

TEST(PgConnectionTest, ErrorsCarrySqlstatePositionDetailAndHint) {
  STRATA_REQUIRE_PG(url);
  auto conn = Open(url);
  ASSERT_NE(conn, nullptr);

  Status s = conn->Execute("SELECT *\n  FROM missing_table");
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("relation \"missing_table\" does not exist"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("SQLSTATE 42P01"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("line 2, column 8"), std::string::npos)
      << s.message();

  ASSERT_TRUE(conn->Execute("CREATE TABLE u (id INT PRIMARY KEY)").ok());
  ASSERT_TRUE(conn->Execute("INSERT INTO u VALUES (1)").ok());
  s = conn->Execute("INSERT INTO u VALUES (1)");
  EXPECT_NE(s.message().find("SQLSTATE 23505"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("DETAIL: Key (id)=(1) already exists."),
            std::string::npos)
      << s.message();

  std::vector<Row> rows;
  s = conn->Query("SELECT no_such_function(1)", &rows);
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("SQLSTATE 42883"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("HINT: "), std::string::npos) << s.message();

  // The connection stays usable after errors.
  ASSERT_TRUE(conn->Query("SELECT 1", &rows).ok());
}

TEST(PgConnectionTest, TransactionsSpanCalls) {
  STRATA_REQUIRE_PG(url);
  auto conn = Open(url);
  ASSERT_NE(conn, nullptr);
  ASSERT_TRUE(conn->Execute("BEGIN").ok());
  ASSERT_TRUE(conn->Execute("CREATE TABLE t (x INT)").ok());
  ASSERT_TRUE(conn->Execute("ROLLBACK").ok());
  EXPECT_FALSE(*conn->TableExists("", "t"));
}

TEST(PgConnectionTest, TableExists) {
  STRATA_REQUIRE_PG(url);
  auto conn = Open(url);
  ASSERT_NE(conn, nullptr);
  ASSERT_TRUE(conn->Execute("CREATE TABLE databasechangelog (id TEXT)").ok());
  ASSERT_TRUE(conn->Execute("CREATE SCHEMA other").ok());
  ASSERT_TRUE(conn->Execute("CREATE TABLE other.\"MixedCase\" (id TEXT)").ok());

  EXPECT_TRUE(*conn->TableExists("", "databasechangelog"));
  EXPECT_TRUE(*conn->TableExists("", "DATABASECHANGELOG"));
  EXPECT_TRUE(*conn->TableExists("public", "databasechangelog"));
  EXPECT_TRUE(*conn->TableExists("PUBLIC", "DatabaseChangeLog"));
  EXPECT_FALSE(*conn->TableExists("other", "databasechangelog"));
  EXPECT_TRUE(*conn->TableExists("other", "MixedCase"));
  EXPECT_FALSE(*conn->TableExists("other", "mixedcase"));
  EXPECT_FALSE(*conn->TableExists("", "MixedCase"));
  EXPECT_FALSE(*conn->TableExists("", "x' OR '1'='1"));
  EXPECT_FALSE(*conn->TableExists("no_such_schema", "databasechangelog"));

  ASSERT_TRUE(conn->Execute("SET search_path = other").ok());
  EXPECT_EQ(conn->CurrentSchema(), "other");
  EXPECT_TRUE(*conn->TableExists("", "MixedCase"));
}

TEST(PgConnectionTest, JdbcFormReachesTheSameServer) {
  STRATA_REQUIRE_PG(url);
  // postgresql://user@host:port/db -> jdbc:postgresql://host:port/db?user=user
  std::string rest = url.substr(url.find("//") + 2);
  std::string user;
  if (size_t at = rest.find('@'); at != std::string::npos) {
    user = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  std::string jdbc =
      "jdbc:postgresql://" + rest.substr(0, rest.find('?')) +
      "?prepareThreshold=0&currentSchema=myschema&ApplicationName=jdbc-test";
  auto conn = Open(jdbc, user);
  ASSERT_NE(conn, nullptr);
  EXPECT_EQ(conn->Describe(), jdbc);
  std::vector<Row> rows;
  ASSERT_TRUE(conn->Query("SHOW application_name", &rows).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{"jdbc-test"}}));
  ASSERT_TRUE(conn->Query("SHOW search_path", &rows).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{"myschema"}}));
}

TEST(PgConnectionTest, DefaultsApplicationNameAndReportsBadDatabase) {
  STRATA_REQUIRE_PG(url);
  auto conn = Open(url);
  ASSERT_NE(conn, nullptr);
  std::vector<Row> rows;
  ASSERT_TRUE(conn->Query("SHOW application_name", &rows).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{"strata"}}));

  std::string head = url.substr(0, url.find('?'));
  std::string bad = head.substr(0, head.rfind('/')) + "/no_such_db_strata";
  auto spec = ParseUrl(bad, "", "pw-not-needed");
  ASSERT_TRUE(spec.ok());
  auto failed = Connect(*spec);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), Status::Code::kDatabase);
  EXPECT_NE(failed.status().message().find("no_such_db_strata"),
            std::string::npos)
      << failed.status().message();
  EXPECT_EQ(failed.status().message().find("pw-not-needed"), std::string::npos);
}

}  // namespace
}  // namespace strata
