// The SQLite connection against a real database file.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "strata/connection.h"
#include "test_util.h"

namespace strata {
namespace {

std::unique_ptr<Connection> Open(const std::string& url) {
  auto spec = ParseUrl(url, "", "");
  EXPECT_TRUE(spec.ok()) << spec.status().message();
  if (!spec.ok()) return nullptr;
  auto conn = Connect(*spec);
  EXPECT_TRUE(conn.ok()) << conn.status().message();
  return conn.ok() ? std::move(*conn) : nullptr;
}

class SqliteConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::TempDir();
    url_ = "sqlite:" + dir_ + "/test.db";
    conn_ = Open(url_);
    ASSERT_NE(conn_, nullptr);
  }
  std::string dir_;
  std::string url_;
  std::unique_ptr<Connection> conn_;
};

TEST_F(SqliteConnectionTest, DescribesItself) {
  EXPECT_EQ(conn_->Describe(), url_);
  EXPECT_EQ(conn_->dialect().engine, Engine::kSqlite);
  EXPECT_EQ(conn_->CurrentSchema(), "");
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/test.db"));
}

TEST_F(SqliteConnectionTest, ExecuteAndQueryWithNulls) {
  ASSERT_TRUE(conn_
                  ->Execute("CREATE TABLE person (id INTEGER PRIMARY KEY, "
                            "name VARCHAR(50), note TEXT)")
                  .ok());
  ASSERT_TRUE(
      conn_->Execute("INSERT INTO person VALUES (1, 'Ann', NULL)").ok());
  ASSERT_TRUE(
      conn_->Execute("INSERT INTO person VALUES (2, 'Bo''b', 'x')").ok());
  std::vector<Row> rows;
  Status s =
      conn_->Query("SELECT id, name, note FROM person ORDER BY id", &rows);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (Row{"1", "Ann", std::nullopt}));
  EXPECT_EQ(rows[1], (Row{"2", "Bo'b", "x"}));

  // Query replaces what `rows` held.
  ASSERT_TRUE(conn_->Query("SELECT count(*) FROM person WHERE 0", &rows).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{"0"}}));
  ASSERT_TRUE(conn_->Query("SELECT * FROM person WHERE 0", &rows).ok());
  EXPECT_TRUE(rows.empty());
}

TEST_F(SqliteConnectionTest, ExecuteRunsEveryStatementOfAScript) {
  Status s = conn_->Execute(
      "-- a script\n"
      "CREATE TABLE a (x INT);\n"
      "INSERT INTO a VALUES (1);  INSERT INTO a VALUES (2);\n"
      ";;\n"
      "/* trailing comment */\n");
  ASSERT_TRUE(s.ok()) << s.message();
  std::vector<Row> rows;
  ASSERT_TRUE(conn_->Query("SELECT sum(x) FROM a", &rows).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{"3"}}));
  EXPECT_TRUE(conn_->Execute("").ok());
  EXPECT_TRUE(conn_->Execute("  -- nothing\n").ok());
  // A statement that returns rows runs to completion.
  EXPECT_TRUE(conn_->Execute("SELECT * FROM a").ok());
}

TEST_F(SqliteConnectionTest, ScriptStopsAtFirstError) {
  Status s = conn_->Execute(
      "CREATE TABLE b (x INT);\nINSERT INTO nope VALUES (1);\nCREATE TABLE c "
      "(x INT);");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("no such table: nope"), std::string::npos)
      << s.message();
  EXPECT_TRUE(*conn_->TableExists("", "b"));
  EXPECT_FALSE(*conn_->TableExists("", "c"));
}

TEST_F(SqliteConnectionTest, Errors) {
  Status s = conn_->Execute("SELEC 1");
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("syntax error"), std::string::npos) << s.message();
  // Positions count from the start of the whole script.
  s = conn_->Execute("SELECT 1;\nSELECT 2;\n  SELECT * FRM x;");
  EXPECT_NE(s.message().find("near \"FRM\": syntax error at line 3, column 12"),
            std::string::npos)
      << s.message();

  ASSERT_TRUE(conn_->Execute("CREATE TABLE u (id INT PRIMARY KEY)").ok());
  ASSERT_TRUE(conn_->Execute("INSERT INTO u VALUES (1)").ok());
  s = conn_->Execute("INSERT INTO u VALUES (1)");
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("UNIQUE constraint failed: u.id"),
            std::string::npos)
      << s.message();

  std::vector<Row> rows{{"stale"}};
  s = conn_->Query("SELECT * FROM missing", &rows);
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("no such table: missing"), std::string::npos);

  s = conn_->Query("SELECT 1; SELECT 2", &rows);
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(conn_->Query("SELECT 1;  -- fine\n", &rows).ok());
}

TEST_F(SqliteConnectionTest, ForeignKeysAreEnforced) {
  ASSERT_TRUE(conn_->Execute("CREATE TABLE p (id INT PRIMARY KEY)").ok());
  ASSERT_TRUE(
      conn_->Execute("CREATE TABLE ch (pid INT REFERENCES p(id))").ok());
  Status s = conn_->Execute("INSERT INTO ch VALUES (42)");
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("FOREIGN KEY constraint failed"),
            std::string::npos)
      << s.message();
}

TEST_F(SqliteConnectionTest, TableExistsIsCaseInsensitiveAndBound) {
  ASSERT_TRUE(conn_->Execute("CREATE TABLE databasechangelog (id TEXT)").ok());
  EXPECT_TRUE(*conn_->TableExists("", "databasechangelog"));
  EXPECT_TRUE(*conn_->TableExists("", "DATABASECHANGELOG"));
  EXPECT_TRUE(*conn_->TableExists("public", "DatabaseChangeLog"));
  EXPECT_FALSE(*conn_->TableExists("", "databasechangeloglock"));
  EXPECT_FALSE(*conn_->TableExists("", "x' OR '1'='1"));
  ASSERT_TRUE(conn_->Execute("CREATE VIEW v AS SELECT 1").ok());
  EXPECT_FALSE(*conn_->TableExists("", "v"));
}

TEST_F(SqliteConnectionTest, SecondConnectionSeesCommittedData) {
  ASSERT_TRUE(
      conn_->Execute("CREATE TABLE t (x INT); INSERT INTO t VALUES (7)").ok());
  auto other = Open(url_);
  ASSERT_NE(other, nullptr);
  std::vector<Row> rows;
  ASSERT_TRUE(other->Query("SELECT x FROM t", &rows).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{"7"}}));
}

TEST(SqliteConnectTest, RelativePathIsRelativeToTheWorkingDirectory) {
  std::string dir = test::TempDir();
  std::string old = std::filesystem::current_path().string();
  ASSERT_EQ(chdir(dir.c_str()), 0);
  auto conn = Open("jdbc:sqlite:rel.db");
  ASSERT_EQ(chdir(old.c_str()), 0);
  ASSERT_NE(conn, nullptr);
  EXPECT_TRUE(std::filesystem::exists(dir + "/rel.db"));
}

TEST(SqliteConnectTest, OpenFailures) {
  std::string dir = test::TempDir();
  auto spec = ParseUrl("sqlite:" + dir + "/no/such/dir/x.db", "", "");
  ASSERT_TRUE(spec.ok());
  auto conn = Connect(*spec);
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.status().code(), Status::Code::kDatabase);
  EXPECT_EQ(conn.status().message().rfind("cannot open sqlite:" + dir, 0), 0u)
      << conn.status().message();

  std::string text =
      test::WriteFile(dir, "notes.txt",
                      "this is not a database file, but it is long "
                      "enough to have a header that SQLite reads.\n");
  spec = ParseUrl("sqlite:" + text, "", "");
  ASSERT_TRUE(spec.ok());
  conn = Connect(*spec);
  ASSERT_FALSE(conn.ok());
  EXPECT_NE(conn.status().message().find("not a database"), std::string::npos)
      << conn.status().message();
}

}  // namespace
}  // namespace strata
