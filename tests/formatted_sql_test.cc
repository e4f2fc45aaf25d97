// Formatted SQL changelogs (`--liquibase formatted sql`): parsing into the
// model, errors with file:line:col, and checksums. Every expected checksum
// below was produced by Liquibase 4.28 (offline:postgresql update-sql) for
// the same text.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "strata/checksum.h"
#include "strata/load.h"
#include "strata/render.h"
#include "test_util.h"

namespace strata {
namespace {

LoadResult Load(const std::string& text, LoadOptions options = {},
                const std::string& path = "c.sql") {
  if (options.dbms.empty()) options.dbms = "postgresql";
  return LoadChangeLogFromString(text, path, options);
}

std::vector<std::string> Errors(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.errors) out.push_back(d.ToString());
  return out;
}

ChangeSet Only(const LoadResult& r) {
  EXPECT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  EXPECT_EQ(r.changelog.changesets.size(), 1u);
  return r.changelog.changesets.at(0);
}

const Sql& OnlySql(const ChangeSet& cs) {
  EXPECT_EQ(cs.changes.size(), 1u);
  return std::get<Sql>(cs.changes.at(0));
}

std::string Checksum(const ChangeSet& cs) {
  return ChangeSetChecksum(cs, "postgresql");
}

// The error list of a changelog expected to fail.
std::vector<std::string> LoadErrors(const std::string& text,
                                    LoadOptions options = {}) {
  LoadResult r = Load(text, options);
  EXPECT_FALSE(r.ok());
  return Errors(r);
}

constexpr const char* kHeader = "--liquibase formatted sql\n";

// ---- The model ------------------------------------------------------------

TEST(FormattedSql, ReferenceExampleLoadsAsOneSqlChange) {
  LoadResult r = Load(std::string(kHeader) +
                      "\n--changeset alice:1\n"
                      "CREATE TABLE t1 (id int);\n"
                      "--rollback DROP TABLE t1;\n");
  ChangeSet cs = Only(r);
  EXPECT_EQ(cs.id, "1");
  EXPECT_EQ(cs.author, "alice");
  EXPECT_EQ(cs.file_path, "c.sql");
  EXPECT_EQ(cs.loc.ToString(), "c.sql:3:1");
  const Sql& sql = OnlySql(cs);
  EXPECT_EQ(sql.sql, "CREATE TABLE t1 (id int);");
  EXPECT_EQ(sql.split_statements, true);
  EXPECT_EQ(sql.strip_comments, true);  // the formatted SQL default
  EXPECT_FALSE(sql.end_delimiter);
  EXPECT_EQ(sql.loc.ToString(), "c.sql:4:1");
  ASSERT_TRUE(cs.rollback.specified);
  ASSERT_EQ(cs.rollback.changes.size(), 1u);
  EXPECT_EQ(std::get<Sql>(cs.rollback.changes[0]).sql, "DROP TABLE t1;");
  EXPECT_EQ(cs.rollback.loc.ToString(), "c.sql:5:1");
  // Reference §4.5; the rollback is not part of the checksum.
  EXPECT_EQ(Checksum(cs), "9:2f00c20af2b27ebb78ea9cbf168b0d9c");
  EXPECT_EQ(Describe(cs), "sql");
}

TEST(FormattedSql, PlainCommentsArePartOfTheBodyAndTheChecksum) {
  ChangeSet cs = Only(Load(std::string(kHeader) +
                                  "\n--changeset alice:2\n"
                                  "-- a plain comment that is part of the body\n"
                                  "CREATE TABLE t2 (\n"
                                  "    id int,\n"
                                  "    name varchar(50)\n"
                                  ");\n"
                                  "INSERT INTO t2 (id, name) VALUES (1, 'a');\n"));
  EXPECT_EQ(OnlySql(cs).sql,
            "-- a plain comment that is part of the body\n"
            "CREATE TABLE t2 (\n    id int,\n    name varchar(50)\n);\n"
            "INSERT INTO t2 (id, name) VALUES (1, 'a');");
  EXPECT_EQ(Checksum(cs), "9:00cffc1382e3239e672fa528fee50675");
  // stripComments (default true) drops the comment when splitting.
  EXPECT_EQ(SplitSql(OnlySql(cs)),
            (std::vector<std::string>{
                "CREATE TABLE t2 (\n    id int,\n    name varchar(50)\n)",
                "INSERT INTO t2 (id, name) VALUES (1, 'a')"}));
}

TEST(FormattedSql, PropertiesExpandInBodiesNotInCommentDirectives) {
  const ChangeSet& cs =
      Only(Load(std::string(kHeader) +
                "--property name:tbl value:gadgets\n"
                "--changeset alice:1\n"
                "--comment: makes ${tbl}\n"
                "CREATE TABLE ${tbl} (id int);\n"));
  EXPECT_EQ(OnlySql(cs).sql, "CREATE TABLE gadgets (id int);");
  EXPECT_EQ(cs.comment, "makes ${tbl}");
  EXPECT_EQ(Checksum(cs), "9:3f43e163838cf14337531fa8fe76a7ac");  // §4.5
}

TEST(FormattedSql, PlainCommentLinesAreExpanded) {
  ChangeSet cs = Only(Load(std::string(kHeader) +
                                  "--property name:x value:xv\n"
                                  "--changeset alice:1\n"
                                  "--comment: my ${x} comment\n"
                                  "CREATE TABLE ${x} (id int);\n"
                                  "-- plain ${x}\n"));
  EXPECT_EQ(OnlySql(cs).sql, "CREATE TABLE xv (id int);\n-- plain xv");
  EXPECT_EQ(Checksum(cs), "9:5ff64c5651573ce6049ae1533a71db14");
}

TEST(FormattedSql, PropertiesApplyInFileOrder) {
  // A header is expanded when read; a body when its changeset ends, so a
  // property defined inside a changeset reaches that changeset's body.
  LoadResult r = Load(std::string(kHeader) +
                      "--changeset alice:${p}\n"
                      "CREATE TABLE ${p} (id int);\n"
                      "--property name:p value:v\n"
                      "--changeset alice:${p}x context:${p}\n"
                      "select 1;\n");
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  ASSERT_EQ(r.changelog.changesets.size(), 2u);
  EXPECT_EQ(r.changelog.changesets[0].id, "${p}");
  EXPECT_EQ(OnlySql(r.changelog.changesets[0]).sql, "CREATE TABLE v (id int);");
  EXPECT_EQ(r.changelog.changesets[1].id, "vx");
  EXPECT_EQ(r.changelog.changesets[1].context, "v");
}

TEST(FormattedSql, PropertyAttributes) {
  LoadResult r = Load(std::string(kHeader) +
                      "--property value:v1 name:a\n"
                      "--property name:d value:pg dbms:postgresql\n"
                      "--property name:d value:other\n"
                      "--property name:m value:my dbms:mysql\n"
                      "--property name:q value:\"a b\"\n"
                      "--changeset alice:1\n"
                      "select '${a}', '${d}', '${m}', '${q}';\n");
  // value:(\S+): a quoted value with a space keeps only `"a`, as Liquibase.
  EXPECT_EQ(OnlySql(Only(r)).sql, "select 'v1', 'pg', '${m}', '\"a';");
}

TEST(FormattedSql, CommandLinePropertiesWin) {
  LoadOptions o;
  o.properties["tbl"] = "cli";
  EXPECT_EQ(OnlySql(Only(Load(std::string(kHeader) +
                              "--property name:tbl value:file\n"
                              "--changeset a:1\nCREATE TABLE ${tbl} (id int);\n",
                              o)))
                .sql,
            "CREATE TABLE cli (id int);");
}

TEST(FormattedSql, ChangeSetAttributes) {
  LoadResult r = Load(
      std::string(kHeader) +
      "--changeset \"alice smith\":\"id 1\" runOnChange:true runAlways:TRUE "
      "runInTransaction:false failOnError:false context:\"a or b\" "
      "labels:l1,l2 dbms:postgresql logicalFilePath:foo/bar.sql ignore:false "
      "splitStatements:false stripComments:false endDelimiter:GO\n"
      "CREATE TABLE t1 (id int);\n");
  ChangeSet cs = Only(r);
  EXPECT_EQ(cs.author, "alice smith");
  EXPECT_EQ(cs.id, "id 1");
  EXPECT_EQ(cs.run_on_change, true);
  EXPECT_EQ(cs.run_always, true);
  EXPECT_EQ(cs.run_in_transaction, false);
  EXPECT_EQ(cs.fail_on_error, false);
  EXPECT_EQ(cs.ignore, false);
  EXPECT_EQ(cs.context, "(a or b)");  // recorded as Liquibase records it
  EXPECT_EQ(cs.labels, "l1,l2");
  EXPECT_EQ(cs.dbms, "postgresql");
  EXPECT_EQ(cs.file_path, "foo/bar.sql");
  const Sql& sql = OnlySql(cs);
  EXPECT_EQ(sql.split_statements, false);
  EXPECT_EQ(sql.strip_comments, false);
  EXPECT_EQ(sql.end_delimiter, "GO");
  EXPECT_EQ(Checksum(cs), "9:2f00c20af2b27ebb78ea9cbf168b0d9c");
}

TEST(FormattedSql, AttributeNamesAreCaseInsensitiveAndUnknownOnesIgnored) {
  ChangeSet cs = Only(Load(std::string(kHeader) +
                                  "-- ChangeSet Alice:1 RUNONCHANGE:TRUE "
                                  "unknownAttr:x\nselect 1;\n"));
  EXPECT_EQ(cs.author, "Alice");
  EXPECT_EQ(cs.run_on_change, true);
}

TEST(FormattedSql, ContextFilterWinsOverContext) {
  ChangeSet cs = Only(Load(std::string(kHeader) +
                                  "--changeset a:1 context:\"a, b\" labels:x "
                                  "contextFilter:c\nselect 1;\n"));
  EXPECT_EQ(cs.context, "c");
  EXPECT_EQ(cs.labels, "x");
}

TEST(FormattedSql, LastOccurrenceOfAnAttributeWinsAsInLiquibase) {
  // Liquibase matches `.*endDelimiter:(\S*).*` over the whole line: the
  // last `endDelimiter:` wins, and rollbackEndDelimiter contains one.
  ChangeSet a = Only(Load(std::string(kHeader) +
                                 "--changeset a:1 rollbackEndDelimiter:GO\n"
                                 "select 1; select 2;\n"));
  EXPECT_EQ(OnlySql(a).end_delimiter, "GO");
  const ChangeSet& b =
      Only(Load(std::string(kHeader) +
                "--changeset a:1 endDelimiter:GO rollbackEndDelimiter:X\n"
                "select 1; select 2;\n--rollback select 3\n"));
  EXPECT_EQ(OnlySql(b).end_delimiter, "X");
  EXPECT_EQ(std::get<Sql>(b.rollback.changes.at(0)).end_delimiter, "X");
  EXPECT_EQ(Checksum(b), "9:d0ac68cf3699decff59c77fea078a7a8");
}

TEST(FormattedSql, DbmsFiltersChangeSetsAsTheYamlLoaderDoes) {
  LoadResult r = Load(std::string(kHeader) +
                      "--changeset a:1 dbms:mysql\nselect 1;\n"
                      "--changeset a:2 dbms:!mysql,h2\nselect 2;\n"
                      "--changeset a:3 dbms:postgresql,h2\nselect 3;\n");
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  ASSERT_EQ(r.changelog.changesets.size(), 1u);
  EXPECT_EQ(r.changelog.changesets[0].id, "3");
}

TEST(FormattedSql, HeaderVariantsAndLogicalFilePath) {
  EXPECT_EQ(Only(Load("\n  --  Liquibase   Formatted   SQL\n--changeset a:1\n"
                      "select 1;\n"))
                .id,
            "1");
  EXPECT_EQ(Only(Load("--liquibaseformattedsql\n--changeset a:1\nselect 1;\n")).id,
            "1");
  LoadResult r = Load(
      "--liquibase formatted sql logicalFilePath:x/y.sql\n--changeset a:1\n"
      "select 1;\n--changeset a:2 logicalFilePath:z.sql\nselect 2;\n");
  ASSERT_EQ(r.changelog.changesets.size(), 2u);
  EXPECT_EQ(r.changelog.changesets[0].file_path, "x/y.sql");
  EXPECT_EQ(r.changelog.changesets[1].file_path, "z.sql");
}

TEST(FormattedSql, ByteOrderMarkBeforeTheHeader) {
  EXPECT_EQ(Checksum(Only(Load("\xEF\xBB\xBF--liquibase formatted sql\n"
                               "--changeset alice:1\nCREATE TABLE t1 (id int);\n"))),
            "9:2f00c20af2b27ebb78ea9cbf168b0d9c");
}

TEST(FormattedSql, CrlfFilesLoadAndHashLikeLf) {
  ChangeSet cs = Only(Load("--liquibase formatted sql\r\n\r\n"
                                  "--changeset alice:1\r\n"
                                  "CREATE TABLE t1 (\r\n  id int\r\n);\r\n"
                                  "--rollback DROP TABLE t1;\r\n"));
  EXPECT_EQ(OnlySql(cs).sql, "CREATE TABLE t1 (\n  id int\n);");
  EXPECT_EQ(std::get<Sql>(cs.rollback.changes.at(0)).sql, "DROP TABLE t1;");
  EXPECT_EQ(Checksum(cs), "9:2f00c20af2b27ebb78ea9cbf168b0d9c");
}

TEST(FormattedSql, DollarQuotedFunctionWithoutSplitting) {
  ChangeSet cs = Only(Load(
      std::string(kHeader) +
      "\n--changeset bob:fn splitStatements:false\n"
      "CREATE OR REPLACE FUNCTION add_one(i integer) RETURNS integer AS $$\n"
      "BEGIN\n"
      "    -- increment\n"
      "    RETURN i + 1;\n"
      "END;\n"
      "$$ LANGUAGE plpgsql;\n"
      "--rollback DROP FUNCTION add_one(integer);\n"));
  EXPECT_EQ(Checksum(cs), "9:ccef5e614048ac1df3ac4a5e17d9e96f");
  std::vector<std::string> statements = SplitSql(OnlySql(cs));
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].rfind("CREATE OR REPLACE FUNCTION", 0), 0u);
  EXPECT_NE(statements[0].find("END;\n$$ LANGUAGE plpgsql"), std::string::npos);
}

TEST(FormattedSql, EndDelimiter) {
  const ChangeSet& cs =
      Only(Load(std::string(kHeader) +
                "--changeset alice:1 endDelimiter:GO\n"
                "CREATE TABLE t1 (id int); CREATE TABLE t3 (id int)\nGO\n"
                "CREATE TABLE t2 (id int)\n"));
  EXPECT_EQ(SplitSql(OnlySql(cs)),
            (std::vector<std::string>{
                "CREATE TABLE t1 (id int); CREATE TABLE t3 (id int)",
                "CREATE TABLE t2 (id int)"}));
}

TEST(FormattedSql, BodyEndingInSlashLineEndsStatementsOnlyAtSlashLines) {
  ChangeSet cs = Only(Load(std::string(kHeader) +
                                  "--changeset alice:1\n"
                                  "CREATE TABLE t1 (id int);\n"
                                  "CREATE TABLE t2 (id int)\n/\n"));
  const Sql& sql = OnlySql(cs);
  EXPECT_EQ(sql.end_delimiter, "/");
  // Liquibase (endDelimiter "\n/$") runs this as one statement.
  EXPECT_EQ(SplitSql(sql), (std::vector<std::string>{
                               "CREATE TABLE t1 (id int);\n"
                               "CREATE TABLE t2 (id int)"}));
  EXPECT_EQ(Checksum(cs), "9:2bb91ed4a9819ae13ca1898594df9173");
  // An explicit endDelimiter is kept.
  EXPECT_EQ(OnlySql(Only(Load(std::string(kHeader) +
                              "--changeset a:1 endDelimiter:;\nselect 1\n/\n")))
                .end_delimiter,
            ";");
}

TEST(FormattedSql, RollbackForms) {
  LoadResult r = Load(std::string(kHeader) +
                      "--changeset a:1 rollbackSplitStatements:false\n"
                      "select 1;\n"
                      "--rollback select 2;\n"
                      "--rollback -- a comment\n"
                      "--rollback select ${nope};\n"
                      "--changeset a:2\n"
                      "select 4;\n"
                      "/* liquibase rollback\n"
                      "select 5;\n"
                      "select 6; */\n"
                      "--changeset a:3\nselect 1;\n--rollback empty\n"
                      "--changeset a:4\nselect 8;\n--rollback not required\n"
                      "--changeset a:5\nselect 9;\n");
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  const auto& sets = r.changelog.changesets;
  ASSERT_EQ(sets.size(), 5u);
  const Sql& rb1 = std::get<Sql>(sets[0].rollback.changes.at(0));
  EXPECT_EQ(rb1.sql, "select 2;\n-- a comment\nselect ${nope};");
  EXPECT_EQ(rb1.split_statements, false);
  EXPECT_FALSE(rb1.strip_comments);
  const Sql& rb2 = std::get<Sql>(sets[1].rollback.changes.at(0));
  EXPECT_EQ(rb2.sql, "select 5;\nselect 6;");
  EXPECT_EQ(OnlySql(sets[1]).sql, "select 4;");
  for (size_t i : {2u, 3u}) {
    EXPECT_TRUE(sets[i].rollback.specified) << i;
    EXPECT_TRUE(sets[i].rollback.changes.empty()) << i;
  }
  EXPECT_FALSE(sets[4].rollback.specified);
  EXPECT_EQ(Checksum(sets[2]), "9:a7ca957848b7a2d82c733ec390529b49");
}

TEST(FormattedSql, RollbackWithoutTextIsBody) {
  // `--rollback` needs a space and text; alone it is a plain comment.
  const ChangeSet& cs =
      Only(Load(std::string(kHeader) + "--changeset a:1\nselect 1;\n--rollback\n"));
  EXPECT_FALSE(cs.rollback.specified);
  EXPECT_EQ(OnlySql(cs).sql, "select 1;\n--rollback");
  EXPECT_EQ(Checksum(cs), "9:82eab45f00643148164a4c7ee13bd22c");
}

TEST(FormattedSql, CommentsValidCheckSumsAndIgnoredLines) {
  ChangeSet cs = Only(Load(std::string(kHeader) +
                                  "--changeset alice:1\n"
                                  "select 1;\n"
                                  "--comment hi there\n"
                                  "--comment: second\n"
                                  "--validCheckSum: ANY\n"
                                  "--validCheckSum 9:abc\n"
                                  "--ignoreLines:2\n"
                                  "select 2;\nselect 3;\n"
                                  "select 4;\n"
                                  "--ignoreLines:start\n"
                                  "select 5;\n--changeset x:y\n"
                                  "--ignoreLines:end\n"
                                  "select 6;\n"));
  EXPECT_EQ(cs.comment, "second");
  EXPECT_EQ(cs.valid_checksums, (std::vector<std::string>{"ANY", "9:abc"}));
  EXPECT_EQ(OnlySql(cs).sql, "select 1;\nselect 4;\nselect 6;");
  EXPECT_EQ(Checksum(cs), "9:985162c43cf96f6b0bd55287155991b6");
}

TEST(FormattedSql, CommentsBeforeTheFirstChangeSetAreAllowed) {
  ChangeSet cs = Only(Load(std::string(kHeader) +
                                  "-- about this file\n\n"
                                  "/* a block\n   comment */\n"
                                  "--comment: not for any changeset\n"
                                  "--changeset a:1\nselect 1;\n"
                                  "--liquibase formatted sql\nselect 2;\n"));
  EXPECT_FALSE(cs.comment);
  // A second header line is ordinary body text.
  EXPECT_EQ(Checksum(cs), "9:294e8972c49fae54dd67d6686e5e7a91");
}

TEST(FormattedSql, FileWithoutHeaderIsOneRawChangeSet) {
  LoadResult r = Load("select ${p};\n-- c\nselect 2;\n");
  ChangeSet cs = Only(r);
  EXPECT_EQ(cs.id, "raw");
  EXPECT_EQ(cs.author, "includeAll");
  EXPECT_EQ(OnlySql(cs).sql, "select ${p};\n-- c\nselect 2;");  // not expanded
  ChangeSet plain = Only(Load("select 1;\n-- c\nselect 2;\n"));
  EXPECT_EQ(Checksum(plain), "9:76032b532d0a90a307c20d627fae2643");
}

// ---- Errors ---------------------------------------------------------------

TEST(FormattedSqlError, MalformedDirectives) {
  EXPECT_EQ(LoadErrors(std::string(kHeader) + "-changeset alice:1\nselect 1;\n"),
            (std::vector<std::string>{
                "c.sql:2:1: error: malformed directive '-changeset': "
                "directives start with '--'"}));
  std::string bad_changeset =
      ": error: malformed --changeset line: expected '--changeset "
      "author:id [attribute:value ...]'";
  EXPECT_EQ(LoadErrors(std::string(kHeader) + "--changeset alice\nselect 1;\n"),
            (std::vector<std::string>{"c.sql:2:1" + bad_changeset}));
  EXPECT_EQ(LoadErrors(std::string(kHeader) + "  --changeset alice:\nselect 1;\n"),
            (std::vector<std::string>{"c.sql:2:3" + bad_changeset}));
  EXPECT_EQ(LoadErrors(std::string(kHeader) + "--changeset\nselect 1;\n"),
            (std::vector<std::string>{"c.sql:2:1" + bad_changeset}));
  EXPECT_EQ(
      LoadErrors(std::string(kHeader) +
                 "--changeset a:1\nselect 1;\n-rollback select 2;\n"
                 "-comment: hi\n--comments: hi\n-validCheckSum: ANY\n"
                 "-ignoreLines:1\n-property name:a value:b\n"
                 "--property name:a\n--ignoreLines:x y\n"),
      (std::vector<std::string>{
          "c.sql:4:1: error: malformed directive '-rollback': directives start "
          "with '--'",
          "c.sql:5:1: error: malformed directive '-comment': directives start "
          "with '--'",
          "c.sql:6:1: error: malformed directive '--comments:': use "
          "'--comment:'",
          "c.sql:7:1: error: malformed directive '-validCheckSum': directives "
          "start with '--'",
          "c.sql:8:1: error: malformed directive '-ignoreLines': directives "
          "start with '--'",
          "c.sql:9:1: error: malformed directive '-property': directives start "
          "with '--'",
          "c.sql:10:1: error: malformed --property line: expected '--property "
          "name:<name> value:<value>'",
          "c.sql:11:1: error: malformed --ignoreLines: expected "
          "'--ignoreLines:<count>', '--ignoreLines:start' or "
          "'--ignoreLines:end'"}));
}

TEST(FormattedSqlError, SqlBeforeTheFirstChangeSet) {
  EXPECT_EQ(LoadErrors(std::string(kHeader) + "-- fine\n  select 1;\n"
                                              "/* c */ select 2;\n"
                                              "--changeset a:1\nselect 3;\n"),
            (std::vector<std::string>{
                "c.sql:3:3: error: SQL before the first '--changeset "
                "author:id' line",
                "c.sql:4:9: error: SQL before the first '--changeset "
                "author:id' line"}));
}

TEST(FormattedSqlError, ChangeSetWithoutSql) {
  EXPECT_EQ(LoadErrors(std::string(kHeader) +
                       "--changeset alice:1\n--comment: x\n\n"
                       "--changeset alice:2\nselect 2;\n"),
            (std::vector<std::string>{
                "c.sql:2:1: error: changeset '1' by 'alice' has no SQL "
                "(Liquibase: 'No SQL for changeset')"}));
  // An --ignoreLines:start without an end swallows the rest.
  EXPECT_EQ(LoadErrors(std::string(kHeader) +
                       "--changeset alice:1\n--ignoreLines:start\nselect 1;\n"),
            (std::vector<std::string>{
                "c.sql:2:1: error: changeset '1' by 'alice' has no SQL "
                "(Liquibase: 'No SQL for changeset')"}));
}

TEST(FormattedSqlError, UnsupportedFeatures) {
  EXPECT_EQ(
      LoadErrors(std::string(kHeader) +
                 "--changeset alice:1 runWith:psql\nselect 1;\n"
                 "--rollback changesetId:2 changesetAuthor:alice\n"),
      (std::vector<std::string>{
          "c.sql:2:21: error: runWith is not supported yet",
          "c.sql:4:1: error: rollback referencing another changeset is not "
          "supported yet"}));
}

// "onFail=X ... | type{attr=value, ...} | ..." for comparisons.
std::string Describe(const HeapOptional<Preconditions>& p) {
  if (!p) return "<none>";
  std::string out;
  auto opt = [&](const char* name, const OptString& v) {
    if (v) out += std::string(out.empty() ? "" : " ") + name + "=" + *v;
  };
  opt("onFail", p->on_fail);
  opt("onError", p->on_error);
  opt("onFailMessage", p->on_fail_message);
  opt("onErrorMessage", p->on_error_message);
  opt("onSqlOutput", p->on_sql_output);
  for (const Precondition& c : p->conditions) {
    out += " | " + c.type + "{";
    bool first = true;
    for (const auto& [k, v] : c.attributes) {
      out += (first ? "" : ", ") + k + "=" + v;
      first = false;
    }
    out += "}";
  }
  return out;
}

// Reference §2.4; the sql-check and table-exists parsing follows
// Liquibase's FormattedSqlChangeLogParser patterns.
TEST(FormattedSql, Preconditions) {
  LoadOptions o;
  o.properties["tbl"] = "orders";
  LoadResult r = Load(std::string(kHeader) +
                          "--changeset alice:1\n"
                          "--preconditions onFail:MARK_RAN onError:warn "
                          "onFailMessage:\"not here\" onSqlOutput:TEST\n"
                          "--precondition-sql-check expectedResult:0 select "
                          "count(*) from ${tbl}\n"
                          "--precondition-table-exists table:${tbl} schema:shop\n"
                          "--precondition-view-exists view:v\n"
                          "-- precondition-sql-check 'a b' select 'a b'\n"
                          "select 1;\n"
                          "--changeset alice:2\n"
                          "--precondition-sql-check 1 select 1\n"
                          "select 2;\n"
                          "--changeset alice:3\n"
                          "select 3;\n",
                      o);
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  ASSERT_EQ(r.changelog.changesets.size(), 3u);
  const ChangeSet& cs = r.changelog.changesets[0];
  EXPECT_EQ(Describe(cs.preconditions),
            "onFail=MARK_RAN onError=WARN onFailMessage=not here "
            "onSqlOutput=TEST"
            " | sqlCheck{expectedResult=0, sql=select count(*) from orders}"
            " | tableExists{schemaName=shop, tableName=orders}"
            " | viewExists{viewName=v}"
            " | sqlCheck{expectedResult=a b, sql=select 'a b'}");
  EXPECT_EQ(cs.preconditions->loc.ToString(), "c.sql:3:1");
  EXPECT_EQ(cs.preconditions->conditions.at(1).loc.ToString(), "c.sql:5:1");
  EXPECT_EQ(OnlySql(cs).sql, "select 1;");
  EXPECT_EQ(Describe(r.changelog.changesets[1].preconditions),
            " | sqlCheck{expectedResult=1, sql=select 1}");
  EXPECT_EQ(Describe(r.changelog.changesets[2].preconditions), "<none>");
  // Preconditions are not part of the checksum.
  EXPECT_EQ(Checksum(r.changelog.changesets[1]),
            Checksum(Only(Load(std::string(kHeader) +
                               "--changeset alice:2\nselect 2;\n"))));
}

TEST(FormattedSqlError, MalformedPreconditions) {
  EXPECT_EQ(
      LoadErrors(std::string(kHeader) +
                 "--preconditions onFail:HALT\n"
                 "--changeset alice:1\n"
                 "--preconditions onFail:SKIP onSqlOutput:x\n"
                 "--precondition-sql-check expectedResult:0\n"
                 "--precondition-row-count table:t\n"
                 "--precondition-table-exists schema:s\n"
                 "--precondition-sql-check\n"
                 "select 1;\n"),
      (std::vector<std::string>{
          "c.sql:2:1: error: preconditions must follow a '--changeset' line",
          "c.sql:4:17: error: invalid value 'SKIP' for 'onFail' (expected "
          "HALT, CONTINUE, MARK_RAN, WARN)",
          "c.sql:4:29: error: invalid value 'x' for 'onSqlOutput' (expected "
          "IGNORE, TEST, FAIL)",
          "c.sql:5:1: error: malformed --precondition-sql-check: expected "
          "'--precondition-sql-check expectedResult:<value> <sql>'",
          "c.sql:6:1: error: unknown precondition type 'row-count' (formatted "
          "SQL supports sql-check, table-exists and view-exists)",
          "c.sql:7:1: error: tableExists: missing required attribute "
          "'tableName'",
          "c.sql:8:1: error: malformed --precondition line: expected "
          "'--precondition-<type> <attributes>'"}));
}

TEST(FormattedSqlError, UndefinedPropertyInErrorMode) {
  LoadOptions o;
  o.missing_property = LoadOptions::MissingProperty::kError;
  EXPECT_EQ(LoadErrors(std::string(kHeader) +
                           "--changeset alice:1\nselect 1;\n"
                           "select ${nope};\n--rollback drop ${gone};\n",
                       o),
            (std::vector<std::string>{
                "c.sql:4:1: error: undefined property 'nope'",
                "c.sql:5:1: error: undefined property 'gone'"}));
}

TEST(FormattedSqlError, DuplicateIdentities) {
  EXPECT_EQ(LoadErrors(std::string(kHeader) +
                       "--changeset a:1\nselect 1;\n--changeset a:1\nselect 2;\n"),
            (std::vector<std::string>{
                "c.sql:4:1: error: duplicate changeset identity "
                "'c.sql::1::a' (first defined at c.sql:2:1)"}));
}

// ---- Includes -------------------------------------------------------------

TEST(FormattedSqlInclude, FromYamlAndXml) {
  std::string dir = test::TempDir();
  test::WriteFile(dir, "db/sql/one.sql",
                  std::string(kHeader) +
                      "--changeset a:1 context:c1 labels:l1\n"
                      "CREATE TABLE t1 (id int);\n");
  test::WriteFile(dir, "db/main.yaml",
                  "databaseChangeLog:\n"
                  "  - include:\n"
                  "      file: sql/one.sql\n"
                  "      relativeToChangelogFile: true\n"
                  "      context: outer\n"
                  "  - include:\n"
                  "      file: db/main.xml\n");
  test::WriteFile(dir, "db/main.xml",
                  "<databaseChangeLog "
                  "xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                  "  <include file=\"sql/two.sql\" relativeToChangelogFile=\"true\"/>\n"
                  "</databaseChangeLog>\n");
  test::WriteFile(dir, "db/sql/two.sql",
                  std::string(kHeader) + "--changeset b:2\nselect 2;\n");
  LoadOptions o;
  o.changelog_file = "db/main.yaml";
  o.search_path = {dir};
  o.dbms = "postgresql";
  LoadResult r = LoadChangeLog(o);
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  ASSERT_EQ(r.changelog.changesets.size(), 2u);
  const ChangeSet& one = r.changelog.changesets[0];
  EXPECT_EQ(one.file_path, "db/sql/one.sql");
  EXPECT_EQ(one.context, "outer AND c1");
  EXPECT_EQ(Checksum(one), "9:2f00c20af2b27ebb78ea9cbf168b0d9c");
  EXPECT_EQ(r.changelog.changesets[1].file_path, "db/sql/two.sql");
  EXPECT_EQ(r.changelog.changesets[1].id, "2");
}

}  // namespace
}  // namespace strata
