// Formatted SQL changelogs end to end on the real PostgreSQL server:
// included from YAML, a PL/pgSQL function with a $$ body, applied by the
// strata binary and rolled back to a tag. The MD5SUM, DESCRIPTION,
// COMMENTS, CONTEXTS and LABELS expected below are what Liquibase 4.28
// writes for the same files.
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
  WriteFile(dir, "sql/2.sql",
            "--liquibase formatted sql\n"
            "--property name:who value:cy\n"
            "\n"
            "--changeset bob:fn splitStatements:false\n"
            "--comment: a PL/pgSQL function\n"
            "CREATE OR REPLACE FUNCTION add_one(i integer) RETURNS integer AS $$\n"
            "BEGIN\n"
            "    -- increment\n"
            "    RETURN i + 1;\n"
            "END;\n"
            "$$ LANGUAGE plpgsql;\n"
            "--rollback DROP FUNCTION add_one(integer);\n"
            "\n"
            "--changeset bob:use context:\"prod or test\" labels:seed\n"
            "INSERT INTO person (id, name) VALUES (add_one(2), '${who}');\n"
            "--rollback DELETE FROM person WHERE id = 3;\n");
}

std::vector<std::string> Functions(const std::string& url) {
  auto c = Open(url);
  if (!c) return {};
  return QueryLines(*c,
                    "SELECT proname FROM pg_proc WHERE pronamespace = "
                    "current_schema()::regnamespace ORDER BY 1");
}

TEST(FormattedSqlPg, UpdateStatusRollbackToTag) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteChangeLogs(dir);

  CmdResult r = RunStrata(Args(url, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      HistoryRows(url),
      (std::vector<std::string>{
          "1|alice|sql/1.sql|1|EXECUTED|9:afcdb2cf38c62d29a25f1a454deb1822|sql||NULL|4.28.0|NULL|NULL|",
          "2|alice|sql/1.sql|2|EXECUTED|9:65866b6f8607b3841c04755b9f017890|sql||NULL|4.28.0|NULL|NULL|",
          "tag-v1|alice|main.yaml|3|EXECUTED|9:635ff1e577e13420abaf0552fb77ab20|tagDatabase||v1|4.28.0|NULL|NULL|",
          "fn|bob|sql/2.sql|4|EXECUTED|9:ccef5e614048ac1df3ac4a5e17d9e96f|sql|a PL/pgSQL function|NULL|4.28.0|NULL|NULL|",
          "use|bob|sql/2.sql|5|EXECUTED|9:e4602f4f69e72debec179106864ff898|sql||NULL|4.28.0|(prod or test)|seed|",
      }));
  EXPECT_EQ(Functions(url), (std::vector<std::string>{"add_one|"}));
  auto c = Open(url);
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c, "SELECT add_one(41)"), (std::vector<std::string>{"42|"}));
  EXPECT_EQ(QueryLines(*c, "SELECT id, name FROM person ORDER BY id"),
            (std::vector<std::string>{"1|ann|", "2|bob|", "3|cy|"}));

  r = RunStrata(Args(url, {"status", "--verbose"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("is up to date"), std::string::npos) << r.out;
  r = RunStrata(Args(url, {"validate"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;

  // The tagDatabase changeset that made the tag is rolled back too.
  r = RunStrata(Args(url, {"rollback", "--tag=v1"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> history = HistoryRows(url);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].rfind("2|alice|sql/1.sql|2|EXECUTED|", 0), 0u) << history[1];
  EXPECT_TRUE(Functions(url).empty());
  EXPECT_EQ(QueryLines(*c, "SELECT id FROM person ORDER BY id"),
            (std::vector<std::string>{"1|", "2|"}));
  std::vector<std::string> schema = Schema(url);
  EXPECT_EQ(schema,
            (std::vector<std::string>{
                "column person|id|integer|NULL|32|0|NO|NULL|NO|",
                "column person|name|character varying|50|NULL|NULL|NO|NULL|NO|",
                "constraint person|person_pkey|PRIMARY KEY (id)|",
                "index person_pkey|CREATE UNIQUE INDEX person_pkey ON public.person "
                "USING btree (id)|",
            }));

  r = RunStrata(Args(url, {"rollback-count", "--count=2"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(HistoryRows(url).empty());
  EXPECT_TRUE(Schema(url).empty());

  r = RunStrata(Args(url, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(HistoryRows(url).size(), 5u);
  EXPECT_EQ(Functions(url), (std::vector<std::string>{"add_one|"}));
}

// update-sql prints what update then runs: the function arrives whole.
TEST(FormattedSqlPg, UpdateSqlKeepsTheFunctionBodyWhole) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  WriteChangeLogs(dir);
  CmdResult r = RunStrata(Args(url, {"update-sql"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("CREATE OR REPLACE FUNCTION add_one(i integer) RETURNS "
                       "integer AS $$\nBEGIN\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("INSERT INTO person (id, name) VALUES (add_one(2), 'cy')"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(HasTable(url, "person"));
}

}  // namespace
}  // namespace strata::test
