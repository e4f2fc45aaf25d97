// Formatted SQL changelogs end to end on a real SQLite file: included from
// YAML, applied by the strata binary, rolled back to a tag. The MD5SUM,
// DESCRIPTION, COMMENTS, CONTEXTS and LABELS expected below are what
// Liquibase 4.28 writes for the same files.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "e2e_util.h"
#include "test_util.h"

namespace strata::test {
namespace {

std::vector<std::string> Args(const std::string& url, std::vector<std::string> rest) {
  std::vector<std::string> a = {"--changelog-file=main.yaml", "--url=" + url};
  a.insert(a.end(), rest.begin(), rest.end());
  return a;
}

void WriteChangeLogs(const std::string& dir) {
  WriteFile(dir, "main.yaml",
            "databaseChangeLog:\n"
            "  - include:\n"
            "      file: sql/1.sql\n"
            "      relativeToChangelogFile: true\n"
            "  - changeSet:\n"
            "      id: tag-v1\n"
            "      author: alice\n"
            "      changes:\n"
            "        - tagDatabase:\n"
            "            tag: v1\n"
            "  - include:\n"
            "      file: sql/2.sql\n"
            "      relativeToChangelogFile: true\n");
  WriteFile(dir, "sql/1.sql",
            "--liquibase formatted sql\n"
            "\n"
            "--changeset alice:1\n"
            "CREATE TABLE person (\n"
            "    id int PRIMARY KEY,\n"
            "    name varchar(50) NOT NULL\n"
            ");\n"
            "--rollback DROP TABLE person;\n"
            "\n"
            "--changeset alice:2\n"
            "-- seed rows\n"
            "INSERT INTO person (id, name) VALUES (1, 'ann');\n"
            "INSERT INTO person (id, name) VALUES (2, 'bob');\n"
            "--rollback DELETE FROM person WHERE id IN (1, 2);\n");
  // CRLF line endings on purpose: the checksum is the same as with LF.
  std::string two =
      "--liquibase formatted sql\n"
      "--property name:who value:cy\n"
      "\n"
      "--changeset bob:pet endDelimiter:GO\n"
      "CREATE TABLE pet (id int, owner int)\n"
      "GO\n"
      "CREATE VIEW pet_owner AS SELECT pet.id, person.name FROM pet JOIN "
      "person ON person.id = pet.owner\n"
      "GO\n"
      "/* liquibase rollback\n"
      "DROP VIEW pet_owner;\n"
      "DROP TABLE pet;\n"
      "*/\n"
      "\n"
      "--changeset bob:use context:\"prod or test\" labels:seed\n"
      "INSERT INTO person (id, name) VALUES (3, '${who}');\n"
      "INSERT INTO pet (id, owner) VALUES (1, 3);\n"
      "--rollback DELETE FROM pet;\n"
      "--rollback DELETE FROM person WHERE id = 3;\n";
  std::string crlf;
  for (char c : two) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  WriteFile(dir, "sql/2.sql", crlf);
}

TEST(FormattedSqlSqlite, UpdateStatusRollbackToTag) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/app.db";
  WriteChangeLogs(dir);

  CmdResult r = RunStrata(Args(url, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      HistoryRows(url),
      (std::vector<std::string>{
          "1|alice|sql/1.sql|1|EXECUTED|9:afcdb2cf38c62d29a25f1a454deb1822|sql||NULL|4.28.0|NULL|NULL|",
          "2|alice|sql/1.sql|2|EXECUTED|9:65866b6f8607b3841c04755b9f017890|sql||NULL|4.28.0|NULL|NULL|",
          "tag-v1|alice|main.yaml|3|EXECUTED|9:635ff1e577e13420abaf0552fb77ab20|tagDatabase||v1|4.28.0|NULL|NULL|",
          "pet|bob|sql/2.sql|4|EXECUTED|9:4a10f57bb678dd9308f77573c5bc7c52|sql||NULL|4.28.0|NULL|NULL|",
          "use|bob|sql/2.sql|5|EXECUTED|9:45d62a2a95b5f14d02f4ec807d47733a|sql||NULL|4.28.0|(prod or test)|seed|",
      }));
  auto c = Open(url);
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c, "SELECT id, name FROM pet_owner"),
            (std::vector<std::string>{"1|cy|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT id, name FROM person ORDER BY id"),
            (std::vector<std::string>{"1|ann|", "2|bob|", "3|cy|"}));

  r = RunStrata(Args(url, {"status", "--verbose"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("is up to date"), std::string::npos) << r.out;

  // As in Liquibase, the tagDatabase changeset that made the tag is rolled
  // back too; what ran before it stays.
  r = RunStrata(Args(url, {"rollback", "--tag=v1"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> history = HistoryRows(url);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].rfind("2|alice|sql/1.sql|2|EXECUTED|", 0), 0u) << history[1];
  EXPECT_FALSE(HasTable(url, "pet"));
  std::vector<std::string> schema = Schema(url);
  EXPECT_EQ(schema.size(), 1u) << ::testing::PrintToString(schema);
  EXPECT_NE(schema.at(0).find("table|person|person|"), std::string::npos);
  EXPECT_EQ(QueryLines(*c, "SELECT id FROM person ORDER BY id"),
            (std::vector<std::string>{"1|", "2|"}));

  // The rest: the seed rows, then the table.
  r = RunStrata(Args(url, {"rollback-count", "--count=2"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(HistoryRows(url).empty());
  EXPECT_TRUE(Schema(url).empty());

  // Applying again restores everything.
  r = RunStrata(Args(url, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(HistoryRows(url).size(), 5u);
}

TEST(FormattedSqlSqlite, MalformedChangelogTouchesNothing) {
  std::string dir = TempDir();
  std::string url = "sqlite:" + dir + "/app.db";
  WriteFile(dir, "main.sql",
            "--liquibase formatted sql\n"
            "--changeset a:1\nCREATE TABLE t (id int);\n"
            "-changeset a:2\nCREATE TABLE u (id int);\n");
  CmdResult r = RunStrata({"--changelog-file=main.sql", "--url=" + url, "update"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("main.sql:4:1: error: malformed directive '-changeset'"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(HasTable(url, "t"));
  EXPECT_FALSE(HasTable(url, "databasechangelog"));
}

}  // namespace
}  // namespace strata::test
