// XML changelogs: what loads, to which model, and every error with its
// exact file:line:col.
#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "load/xml_changelog.h"
#include "strata/checksum.h"
#include "strata/load.h"
#include "test_util.h"

namespace strata {
namespace {

const char* kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog "
    "http://unreachable.invalid/dbchangelog-latest.xsd\">\n";  // lines 1-4

// A changelog: kHead, `body`, the closing tag. `body` starts on line 5.
std::string Doc(const std::string& body) {
  return kHead + body + "</databaseChangeLog>\n";
}

LoadResult Load(const std::string& xml, const std::string& path = "c.xml",
                const LoadOptions& options = {}) {
  return LoadChangeLogFromString(xml, path, options);
}

std::vector<std::string> Errors(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.errors) out.push_back(d.ToString());
  return out;
}

using Strings = std::vector<std::string>;

template <typename T>
const T& Only(const LoadResult& r) {
  EXPECT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  EXPECT_EQ(r.changelog.changesets.size(), 1u);
  EXPECT_EQ(r.changelog.changesets.at(0).changes.size(), 1u);
  return std::get<T>(r.changelog.changesets.at(0).changes.at(0));
}

// ---- Success cases ----------------------------------------------------------

TEST(XmlLoad, CreateTableWithLocations) {
  LoadResult r = Load(Doc(
      "  <changeSet id=\"1\" author=\"alice\">\n"              // 5
      "    <createTable tableName=\"person\" remarks=\"é\">\n"  // 6
      "      <column name=\"id\" type=\"int\" autoIncrement=\"true\">\n"
      "        <constraints primaryKey=\"true\" nullable=\"false\"/>\n"
      "      </column>\n"
      "      <column name=\"name\" type=\"varchar(50)\"/>\n"  // 10
      "    </createTable>\n"
      "  </changeSet>\n"));
  const auto& ct = Only<CreateTable>(r);
  const ChangeSet& cs = r.changelog.changesets[0];
  EXPECT_EQ(cs.id, "1");
  EXPECT_EQ(cs.author, "alice");
  EXPECT_EQ(cs.Identity(), "c.xml::1::alice");
  EXPECT_EQ(cs.loc.ToString(), "c.xml:5:3");
  EXPECT_EQ(ct.loc.ToString(), "c.xml:6:5");
  EXPECT_EQ(ct.table_name, "person");
  EXPECT_EQ(ct.remarks, "é");
  ASSERT_EQ(ct.columns.size(), 2u);
  EXPECT_EQ(ct.columns[0].loc.ToString(), "c.xml:7:7");
  EXPECT_EQ(ct.columns[0].name, "id");
  EXPECT_EQ(ct.columns[0].auto_increment, true);
  ASSERT_TRUE(ct.columns[0].constraints);
  EXPECT_EQ(ct.columns[0].constraints->loc.ToString(), "c.xml:8:9");
  EXPECT_EQ(ct.columns[0].constraints->primary_key, true);
  EXPECT_EQ(ct.columns[0].constraints->nullable, false);
  EXPECT_EQ(ct.columns[1].type, "varchar(50)");
  EXPECT_FALSE(ct.columns[1].constraints);
  EXPECT_FALSE(cs.rollback.specified);
  EXPECT_EQ(cs.loc.file.get(), ct.columns[1].loc.file.get());
}

TEST(XmlLoad, NumbersKeepTheirTextBooleansParse) {
  LoadResult r = Load(Doc(
      "  <changeSet id=\"1\" author=\"a\">\n"
      "    <insert tableName=\"t\">\n"
      "      <column name=\"p\" valueNumeric=\"1.50\"/>\n"
      "      <column name=\"q\" valueNumeric=\"007\" valueBoolean=\"TRUE\"/>\n"
      "      <column name=\"r\">text value</column>\n"
      "    </insert>\n"
      "  </changeSet>\n"));
  const auto& ins = Only<Insert>(r);
  ASSERT_EQ(ins.columns.size(), 3u);
  EXPECT_EQ(ins.columns[0].value_numeric, Numeric{"1.50"});
  EXPECT_EQ(ins.columns[1].value_numeric, Numeric{"007"});
  EXPECT_EQ(ins.columns[1].value_boolean, true);
  EXPECT_EQ(ins.columns[2].value, "text value");
}

// Liquibase 4.28 accepts fineract's valueBoolean="falsee" and
// valueNumeric="true" (verified with update-sql --url=offline:postgresql):
// valueBoolean is Java's Boolean.parseBoolean, so anything but "true" is
// FALSE; a valueNumeric that is not a number is a valueComputed, written
// raw. The MD5SUMs it recorded: "falsee" sums like "false", and
// valueNumeric="true" like valueComputed="true".
TEST(XmlLoad, LenientValueBooleanAndNumericAsLiquibase) {
  auto insert = [](const std::string& column) {
    return Doc("  <changeSet id=\"1\" author=\"a\">\n"
               "    <insert tableName=\"t\">" + column + "</insert>\n"
               "  </changeSet>\n");
  };
  LoadResult r = Load(insert("<column name=\"b\" valueBoolean=\"falsee\"/>"));
  const auto& falsee = Only<Insert>(r);
  ASSERT_EQ(falsee.columns.size(), 1u);
  EXPECT_EQ(falsee.columns[0].value_boolean, false);
  EXPECT_FALSE(falsee.columns[0].value_computed);
  EXPECT_EQ(ChangeSetChecksum(r.changelog.changesets.at(0), "postgresql"),
            "9:59cc9da77ee04d1b41162e157948d7d5");
  r = Load(insert("<column name=\"b\" valueBoolean=\"false\"/>"));
  EXPECT_EQ(ChangeSetChecksum(r.changelog.changesets.at(0), "postgresql"),
            "9:59cc9da77ee04d1b41162e157948d7d5");
  for (const char* text : {"1", "yes", "0"}) {
    r = Load(insert(std::string("<column name=\"b\" valueBoolean=\"") + text + "\"/>"));
    EXPECT_EQ(Only<Insert>(r).columns.at(0).value_boolean, false) << text;
  }
  r = Load(insert("<column name=\"b\" valueBoolean=\"TRUE\"/>"));
  EXPECT_EQ(Only<Insert>(r).columns.at(0).value_boolean, true);

  r = Load(insert("<column name=\"n\" valueNumeric=\"true\"/>"));
  const auto& numeric = Only<Insert>(r);
  ASSERT_EQ(numeric.columns.size(), 1u);
  EXPECT_FALSE(numeric.columns[0].value_numeric);
  EXPECT_EQ(numeric.columns[0].value_computed, "true");
  EXPECT_EQ(ChangeSetChecksum(r.changelog.changesets.at(0), "postgresql"),
            "9:9cdc41af1e4d589b90a4d49b2ef7b9c5");
  r = Load(insert("<column name=\"n\" valueComputed=\"true\"/>"));
  EXPECT_EQ(ChangeSetChecksum(r.changelog.changesets.at(0), "postgresql"),
            "9:9cdc41af1e4d589b90a4d49b2ef7b9c5");
  // Other boolean attributes still reject what is not true or false.
  r = Load(insert("<column name=\"n\" computed=\"falsee\"/>"));
  EXPECT_EQ(Errors(r), (Strings{"c.xml:6:54: error: invalid boolean 'falsee' for 'computed' "
                                "(expected true or false)"}));
}

TEST(XmlLoad, TextBodiesAndWhere) {
  LoadResult r = Load(Doc(
      "  <changeSet id=\"1\" author=\"a\">\n"
      "    <sql splitStatements=\"false\">\n"
      "      <comment>why</comment>\n"
      "      select 1 &lt; 2;<![CDATA[ select '<x>' ]]>\n"
      "    </sql>\n"
      "    <createView viewName=\"v\">  select id\n  from t  </createView>\n"
      "    <update tableName=\"t\">\n"
      "      <column name=\"c\" value=\"x\"/>\n"
      "      <where>id = ${id}</where>\n"
      "    </update>\n"
      "    <delete tableName=\"t\"><where>id &gt; 1</where></delete>\n"
      "  </changeSet>\n"),
      "c.xml", LoadOptions{.properties = {{"id", "7"}}});
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  const auto& ch = r.changelog.changesets.at(0).changes;
  ASSERT_EQ(ch.size(), 4u);
  const auto& sql = std::get<Sql>(ch[0]);
  EXPECT_EQ(sql.sql, "select 1 < 2; select '<x>'");
  EXPECT_EQ(sql.comment, "why");
  EXPECT_EQ(sql.split_statements, false);
  EXPECT_EQ(std::get<CreateView>(ch[1]).select_query, "select id\n  from t");
  EXPECT_EQ(std::get<Update>(ch[2]).where, "id = 7");
  EXPECT_EQ(std::get<Update>(ch[2]).columns.at(0).value, "x");
  EXPECT_EQ(std::get<Delete>(ch[3]).where, "id > 1");
}

TEST(XmlLoad, ChangeSetAttributesAndChildren) {
  LoadResult r = Load(Doc(
      "  <changeSet id=\"x\" author=\"a\" context=\"c1\" contextFilter=\"c2\"\n"
      "      labels=\"l1\" dbms=\"postgresql,sqlite\" runOnChange=\"true\"\n"
      "      runAlways=\"false\" runInTransaction=\"false\" failOnError=\"true\"\n"
      "      logicalFilePath=\"/lp/x.xml\" objectQuotingStrategy=\"QUOTE_ALL_OBJECTS\"\n"
      "      onValidationFail=\"MARK_RAN\" created=\"today\" runOrder=\"last\">\n"
      "    <comment>\n      a comment\n    </comment>\n"
      "    <comment>second</comment>\n"
      "    <validCheckSum>9:abc</validCheckSum>\n"
      "    <validCheckSum>ANY</validCheckSum>\n"
      "    <tagDatabase tag=\"v1\"/>\n"
      "  </changeSet>\n"));
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  const ChangeSet& cs = r.changelog.changesets.at(0);
  EXPECT_EQ(cs.comment, "a comment\nsecond");
  EXPECT_EQ(cs.context, "c2");
  EXPECT_EQ(cs.labels, "l1");
  EXPECT_EQ(cs.dbms, "postgresql,sqlite");
  EXPECT_EQ(cs.run_on_change, true);
  EXPECT_EQ(cs.run_always, false);
  EXPECT_FALSE(cs.RunInTransaction());
  EXPECT_EQ(cs.fail_on_error, true);
  EXPECT_EQ(cs.file_path, "lp/x.xml");
  EXPECT_EQ(cs.object_quoting_strategy, "QUOTE_ALL_OBJECTS");
  EXPECT_EQ(cs.on_validation_fail, "MARK_RAN");
  EXPECT_EQ(cs.created, "today");
  EXPECT_EQ(cs.run_order, "last");
  EXPECT_EQ(cs.valid_checksums, (Strings{"9:abc", "ANY"}));
  EXPECT_EQ(std::get<TagDatabase>(cs.changes.at(0)).tag, "v1");
}

TEST(XmlLoad, ChangelogAttributes) {
  LoadResult r = Load(
      "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
      "    logicalFilePath=\"db/main.xml\" context=\"prod\"\n"
      "    objectQuotingStrategy=\"QUOTE_ONLY_RESERVED_WORDS\">\n"
      "  <changeSet id=\"1\" author=\"a\"/>\n"
      "</databaseChangeLog>\n");
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  const ChangeSet& cs = r.changelog.changesets.at(0);
  EXPECT_EQ(cs.file_path, "db/main.xml");
  EXPECT_EQ(cs.context, "prod");
  EXPECT_EQ(cs.object_quoting_strategy, "QUOTE_ONLY_RESERVED_WORDS");
  EXPECT_TRUE(cs.changes.empty());
}

TEST(XmlLoad, RollbackForms) {
  LoadResult r = Load(Doc(
      "  <changeSet id=\"1\" author=\"a\">\n"
      "    <tagDatabase tag=\"t\"/>\n"
      "    <rollback>\n      <dropTable tableName=\"x\"/>\n"
      "      <dropView viewName=\"v\"/>\n    </rollback>\n"
      "  </changeSet>\n"
      "  <changeSet id=\"2\" author=\"a\">\n"
      "    <tagDatabase tag=\"t\"/>\n"
      "    <rollback>\n      DROP TABLE y;\n    </rollback>\n"
      "  </changeSet>\n"
      "  <changeSet id=\"3\" author=\"a\">\n"
      "    <tagDatabase tag=\"t\"/>\n"
      "    <rollback/>\n"
      "  </changeSet>\n"));
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  const auto& sets = r.changelog.changesets;
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_TRUE(sets[0].rollback.specified);
  ASSERT_EQ(sets[0].rollback.changes.size(), 2u);
  EXPECT_EQ(std::get<DropTable>(sets[0].rollback.changes[0]).table_name, "x");
  EXPECT_EQ(sets[0].rollback.loc.ToString(), "c.xml:7:5");
  ASSERT_EQ(sets[1].rollback.changes.size(), 1u);
  const auto& raw = std::get<Sql>(sets[1].rollback.changes[0]);
  EXPECT_EQ(raw.sql, "DROP TABLE y;");
  EXPECT_EQ(raw.loc.ToString(), "c.xml:15:7");
  EXPECT_TRUE(sets[2].rollback.specified);
  EXPECT_TRUE(sets[2].rollback.changes.empty());
}

TEST(XmlLoad, Preconditions) {
  LoadResult r = Load(Doc(
      "  <preConditions onFail=\"WARN\"><dbms type=\"postgresql\"/></preConditions>\n"  // 5
      "  <changeSet id=\"1\" author=\"a\">\n"
      "    <preConditions onFail=\"MARK_RAN\" onSqlOutput=\"TEST\">\n"  // 7
      "      <not><tableExists tableName=\"t\" schemaName=\"s\"/></not>\n"  // 8
      "      <sqlCheck expectedResult=\"0\">\n        select count(*) from t\n      </sqlCheck>\n"
      "    </preConditions>\n"
      "    <sql>select 1</sql>\n"
      "  </changeSet>\n"
      "  <changeSet id=\"2\" author=\"a\">\n"
      "    <preConditions><tableExist/><sqlCheck sql=\"x\"/><and/>"
      "<customPrecondition className=\"X\"/><rowCount tableName=\"t\" expectedRows=\"1\">"
      "<x/></rowCount></preConditions>\n"  // 16
      "  </changeSet>\n"));
  EXPECT_EQ(Errors(r),
            (std::vector<std::string>{
                "c.xml:16:20: error: unknown precondition 'tableExist'",
                "c.xml:16:33: error: sqlCheck: missing required attribute "
                "'expectedResult'",
                "c.xml:16:52: error: and: expected at least one nested "
                "precondition",
                "c.xml:16:58: error: customPrecondition names a Java class, "
                "which Strata cannot load",
                "c.xml:16:134: error: unknown element 'x' in rowCount",
            }));
  ASSERT_EQ(r.changelog.preconditions.size(), 1u);
  EXPECT_EQ(r.changelog.preconditions[0].on_fail, "WARN");
  EXPECT_EQ(r.changelog.preconditions[0].conditions.at(0).type, "dbms");
  const auto& p = r.changelog.changesets.at(0).preconditions;
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->loc.ToString(), "c.xml:7:5");
  EXPECT_EQ(p->on_fail, "MARK_RAN");
  EXPECT_EQ(p->on_sql_output, "TEST");
  ASSERT_EQ(p->conditions.size(), 2u);
  EXPECT_EQ(p->conditions[0].type, "not");
  ASSERT_EQ(p->conditions[0].nested.size(), 1u);
  EXPECT_EQ(p->conditions[0].nested[0].attributes,
            (std::map<std::string, std::string>{{"schemaName", "s"}, {"tableName", "t"}}));
  EXPECT_EQ(p->conditions[0].nested[0].loc.ToString(), "c.xml:8:12");
  EXPECT_EQ(p->conditions[1].attributes,
            (std::map<std::string, std::string>{
                {"expectedResult", "0"}, {"sql", "select count(*) from t"}}));
}

TEST(XmlLoad, PropertiesExpandInAttributesAndText) {
  LoadResult r = Load(Doc(
      "  <changeSet id=\"${id}\" author=\"a\">\n"
      "    <sql>insert into ${table} values (1)</sql>\n"
      "  </changeSet>\n"
      "  <property name=\"table\" value=\"t_${env}\"/>\n"
      "  <property name=\"env\" value=\"dev\"/>\n"
      "  <property name=\"id\" value=\"ignored\" dbms=\"oracle\"/>\n"
      "  <property name=\"id\" value=\"one\"/>\n"),
      "c.xml", LoadOptions{.dbms = "postgresql"});
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  const ChangeSet& cs = r.changelog.changesets.at(0);
  EXPECT_EQ(cs.id, "one");
  EXPECT_EQ(std::get<Sql>(cs.changes.at(0)).sql, "insert into t_dev values (1)");
}

TEST(XmlLoad, NamespaceForms) {
  // Prefixed changelog namespace, the 1.9-style versioned URI, https.
  for (const char* uri : {"http://www.liquibase.org/xml/ns/dbchangelog",
                          "http://www.liquibase.org/xml/ns/dbchangelog/1.9",
                          "https://www.liquibase.org/xml/ns/dbchangelog"}) {
    LoadResult r = Load(std::string("<lb:databaseChangeLog xmlns:lb=\"") + uri +
                        "\">\n"
                        "  <lb:changeSet id=\"1\" author=\"a\">"
                        "<lb:tagDatabase lb:tag=\"v\"/></lb:changeSet>\n"
                        "</lb:databaseChangeLog>\n");
    EXPECT_EQ(Only<TagDatabase>(r).tag, "v") << uri;
  }
  // No namespace at all.
  LoadResult r = Load(
      "<databaseChangeLog><changeSet id=\"1\" author=\"a\"><empty/></changeSet>"
      "</databaseChangeLog>");
  Only<Empty>(r);
}

TEST(XmlLoad, IncludesAcrossFormats) {
  std::string dir = test::TempDir();
  test::WriteFile(dir, "root.xml", Doc(
      "  <include file=\"sub/a.yaml\" relativeToChangelogFile=\"true\" "
      "context=\"ctx\"/>\n"
      "  <changeSet id=\"root\" author=\"a\"><empty/></changeSet>\n"
      "  <include file=\"missing.xml\" errorIfMissing=\"false\"/>\n"));
  test::WriteFile(dir, "sub/a.yaml",
                  "databaseChangeLog:\n"
                  "  - changeSet: {id: y, author: a, changes: [{empty: {}}]}\n"
                  "  - include: {file: b.xml, relativeToChangelogFile: true}\n");
  test::WriteFile(dir, "sub/b.xml",
                  Doc("  <changeSet id=\"x\" author=\"a\" labels=\"L\"><empty/>"
                      "</changeSet>\n"));
  LoadOptions opts;
  opts.changelog_file = "root.xml";
  opts.search_path = {dir};
  LoadResult r = LoadChangeLog(opts);
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  const auto& sets = r.changelog.changesets;
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets[0].Identity(), "sub/a.yaml::y::a");
  EXPECT_EQ(sets[0].context, "ctx");
  EXPECT_EQ(sets[1].Identity(), "sub/b.xml::x::a");
  EXPECT_EQ(sets[1].context, "ctx");
  EXPECT_EQ(sets[2].Identity(), "root.xml::root::a");
}

// Every change type of the model loads from its XML element: a type added
// to the variant works in XML without touching the reader.
TEST(XmlLoad, EveryChangeTypeHasAnElement) {
  [&]<size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          using T = std::variant_alternative_t<I, Change>;
          std::string name(T::kName);
          LoadResult r = Load(Doc("  <changeSet id=\"1\" author=\"a\">\n    <" +
                                  name + "/>\n  </changeSet>\n"));
          for (const Diagnostic& d : r.errors) {
            EXPECT_NE(d.message.find("missing required attribute"),
                      std::string::npos)
                << name << ": " << d.ToString();
            EXPECT_EQ(d.loc.ToString(), "c.xml:6:5") << name;
          }
          if (r.ok()) {
            EXPECT_EQ(r.changelog.changesets.at(0).changes.at(0).index(), I);
          }
        }(),
        ...);
  }(std::make_index_sequence<std::variant_size_v<Change>>());
}

TEST(XmlLoad, SameChecksumAsYamlForTheReferenceCreateTable) {
  LoadResult r = Load(Doc(
      "  <changeSet id=\"1\" author=\"alice\">\n"
      "    <createTable tableName=\"person\">\n"
      "      <column name=\"id\" type=\"int\" autoIncrement=\"true\">\n"
      "        <constraints primaryKey=\"true\" nullable=\"false\"/>\n"
      "      </column>\n"
      "      <column name=\"name\" type=\"varchar(50)\">\n"
      "        <constraints nullable=\"false\"/>\n"
      "      </column>\n"
      "    </createTable>\n"
      "  </changeSet>\n"));
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  EXPECT_EQ(ChangeSetChecksum(r.changelog.changesets.at(0), "postgresql"),
            "9:c7e301964fcdbeb3bc6509e62a018976");
}

// Windows files: a UTF-8 byte order mark and CRLF line ends change neither
// the values nor the reported positions.
TEST(XmlLoad, ByteOrderMarkAndCrlf) {
  LoadResult r = Load(
      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n"
      "<databaseChangeLog>\r\n"
      "  <changeSet id=\"1\" author=\"a\">\r\n"
      "    <sql>select 1;\r\nselect 2;</sql>\r\n"
      "    <dropTable tableName=\"t\" bad=\"x\"/>\r\n"
      "  </changeSet>\r\n"
      "</databaseChangeLog>\r\n");
  EXPECT_EQ(Errors(r), (Strings{"c.xml:6:30: error: unknown attribute 'bad' for dropTable"}));
  ASSERT_EQ(r.changelog.changesets.size(), 1u);
  const auto& sql = std::get<Sql>(r.changelog.changesets[0].changes.at(0));
  EXPECT_EQ(sql.sql, "select 1;\nselect 2;");
  EXPECT_EQ(sql.loc.ToString(), "c.xml:4:5");
}

TEST(XmlLoad, LineTableCountsCharacters) {
  std::string text = "ab\n\xC3\xA9x\r\ny\rz";
  load::LineTable t(text);
  EXPECT_EQ(t.At(0), (std::pair<int, int>(1, 1)));
  EXPECT_EQ(t.At(2), (std::pair<int, int>(1, 3)));
  EXPECT_EQ(t.At(5), (std::pair<int, int>(2, 2)));  // 'x' after a 2-byte 'é'
  EXPECT_EQ(t.At(8), (std::pair<int, int>(3, 1)));
  EXPECT_EQ(t.At(10), (std::pair<int, int>(4, 1)));
}

// ---- Errors -------------------------------------------------------------------

TEST(XmlLoadError, MalformedXml) {
  EXPECT_EQ(Errors(Load(Doc("  <changeSet id=\"1\" author=\"a\">\n"
                            "  </changeSt>\n"))),
            (Strings{"c.xml:6:5: error: Start-end tags mismatch"}));
  EXPECT_EQ(Errors(Load("<databaseChangeLog>\n  <changeSet id=1/>\n")),
            (Strings{"c.xml:2:17: error: Error parsing element attribute"}));
  EXPECT_EQ(Errors(Load("")),
            (Strings{"c.xml:1:1: error: No document element found"}));
}

TEST(XmlLoadError, UnknownElementsAndAttributes) {
  EXPECT_EQ(
      Errors(Load(Doc(
          "  <changeSet id=\"1\" author=\"a\" colour=\"red\">\n"        // 5
          "    <createTable tableName=\"t\" tabelspace=\"x\">\n"         // 6
          "      <column name=\"c\" type=\"int\" afterColumn=\"b\">\n"  // 7
          "        <constraints nullable=\"false\" nulable=\"x\"/>\n"    // 8
          "        <check/>\n"                                          // 9
          "      </column>\n"
          "      <colum name=\"d\"/>\n"                                 // 11
          "    </createTable>\n"
          "    <createTabel/>\n"                                        // 13
          "  </changeSet>\n"
          "  <changeset id=\"2\" author=\"a\"/>\n"                      // 15
          "  <include file=\"x.xml\" recursive=\"true\"/>\n"            // 16
          "  <property name=\"p\" valu=\"1\"/>\n"))),                   // 17
      (Strings{
          "c.xml:17:22: error: unknown attribute 'valu' for property",
          "c.xml:5:32: error: unknown attribute 'colour' for changeSet",
          "c.xml:6:32: error: unknown attribute 'tabelspace' for createTable",
          "c.xml:7:35: error: unknown attribute 'afterColumn' for column",
          "c.xml:8:39: error: unknown attribute 'nulable' for constraints",
          "c.xml:9:9: error: unknown element 'check' in column",
          "c.xml:11:7: error: unknown element 'colum' in createTable",
          "c.xml:13:5: error: unknown change type 'createTabel'",
          "c.xml:15:3: error: unknown changelog entry 'changeset'",
          "c.xml:16:25: error: unknown attribute 'recursive' for include",
          "c.xml:16:3: error: included file 'x.xml' not found",
      }));
}

TEST(XmlLoadError, MissingRequiredLikeYaml) {
  EXPECT_EQ(Errors(Load(Doc("  <changeSet author=\"a\">\n"
                            "    <createTable/>\n"
                            "    <dropColumn tableName=\"t\"/>\n"
                            "  </changeSet>\n"
                            "  <include/>\n"))),
            (Strings{
                "c.xml:6:5: error: createTable: missing required attribute "
                "'tableName'",
                "c.xml:6:5: error: createTable: missing required attribute "
                "'columns'",
                "c.xml:7:5: error: dropColumn: missing required attribute "
                "'columnName' or 'columns'",
                "c.xml:5:3: error: changeSet: missing required attribute 'id'",
                "c.xml:9:3: error: include: missing required attribute 'file'",
            }));
  // The same text as the YAML loader for the same mistake.
  LoadResult yaml = LoadChangeLogFromString(
      "databaseChangeLog:\n  - changeSet:\n      author: a\n", "c.yaml", {});
  ASSERT_EQ(yaml.errors.size(), 1u);
  EXPECT_EQ(yaml.errors[0].message, "changeSet: missing required attribute 'id'");
}

TEST(XmlLoadError, BadValues) {
  EXPECT_EQ(Errors(Load(Doc(
                "  <changeSet id=\"1\" author=\"a\" runOnChange=\"yes\">\n"
                "    <insert tableName=\"t\">"
                "<column name=\"c\" valueNumeric=\"1,5\"/></insert>\n"
                "  </changeSet>\n"))),
            (Strings{
                "c.xml:5:45: error: invalid boolean 'yes' for 'runOnChange' "
                "(expected true or false)",
                "c.xml:6:58: error: invalid number '1,5' for 'valueNumeric'",
            }));
  EXPECT_EQ(Errors(Load(Doc("  <changeSet id=\"1\" author=\"a\">\n"
                            "    <createTable tableName=\"t\" columns=\"c\"/>\n"
                            "  </changeSet>\n"))),
            (Strings{"c.xml:6:32: error: 'columns' must be given as child "
                     "elements",
                     "c.xml:6:5: error: createTable: missing required "
                     "attribute 'columns'"}));
}

TEST(XmlLoadError, UnexpectedText) {
  EXPECT_EQ(Errors(Load(Doc("  <changeSet id=\"1\" author=\"a\">\n"
                            "    <dropTable tableName=\"t\">oops</dropTable>\n"
                            "    stray\n"
                            "  </changeSet>\n"))),
            (Strings{"c.xml:6:30: error: unexpected text in dropTable",
                     "c.xml:7:5: error: unexpected text in changeSet"}));
}

TEST(XmlLoadError, NotSupportedYet) {
  EXPECT_EQ(
      Errors(Load(
          "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
          "    xmlns:pro=\"http://www.liquibase.org/xml/ns/pro\"\n"
          "    xmlns:ext=\"http://www.liquibase.org/xml/ns/dbchangelog-ext\">\n"
          "  <preConditions><dbms type=\"postgresql\"/></preConditions>\n"  // 4
          "  <changeSet id=\"1\" author=\"a\" pro:x=\"1\">\n"              // 5
          "    <preConditions/>\n"                                         // 6
          "    <pro:markUnused tableName=\"t\" columnName=\"c\"/>\n"       // 7
          "    <ext:createCompositeType/>\n"                               // 8
          "    <sql>select 1</sql>\n"
          "    <modifySql><replace replace=\"a\"/></modifySql>\n"  // 10
          "    <rollback changeSetId=\"0\" changeSetAuthor=\"a\"/>\n"       // 11
          "  </changeSet>\n"
          "  <includeAll path=\"x/\"/>\n"                                 // 13
          "  <changeSet id=\"2\" author=\"a\" runWith=\"psql\"/>\n"       // 14
          "</databaseChangeLog>\n")),
      (Strings{
          "c.xml:5:32: error: Liquibase Pro attribute 'pro:x' is not "
          "supported yet",
          "c.xml:7:5: error: Liquibase Pro element 'pro:markUnused' is "
          "not supported yet",
          "c.xml:8:5: error: Liquibase extension element "
          "'ext:createCompositeType' is not supported yet",
          "c.xml:10:16: error: modifySql replace: missing required attribute 'with'",
          "c.xml:11:15: error: rollback referencing another changeset is not "
          "supported yet",
          "c.xml:13:3: error: includeAll: directory 'x/' not found",
          "c.xml:14:32: error: runWith is not supported yet",
      }));
}

TEST(XmlLoadError, RootAndNamespace) {
  EXPECT_EQ(Errors(Load("<?xml version=\"1.0\"?>\n<changelog/>\n")),
            (Strings{"c.xml:2:1: error: the root element must be "
                     "'databaseChangeLog' (found 'changelog')"}));
  EXPECT_EQ(Errors(Load("<databaseChangeLog xmlns=\"http://example.com/ns\"/>")),
            (Strings{"c.xml:1:1: error: databaseChangeLog must be in the "
                     "namespace 'http://www.liquibase.org/xml/ns/dbchangelog' "
                     "(found 'http://example.com/ns')"}));
  EXPECT_EQ(Errors(Load(Doc("  <x:changeSet id=\"1\" author=\"a\"/>\n"
                            "  <y:changeSet xmlns:y=\"urn:other\"/>\n"))),
            (Strings{"c.xml:5:3: error: unknown element 'x:changeSet' "
                     "(undeclared namespace prefix)",
                     "c.xml:6:3: error: unknown element 'y:changeSet' "
                     "(namespace 'urn:other')"}));
}

// Entities are never expanded and nothing is fetched: a DOCTYPE declaring
// entities (billion laughs, external entities) is refused before anything
// else is looked at.
TEST(XmlLoadError, EntityDeclarationsAreRefused) {
  std::string laughs =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE databaseChangeLog [\n"
      "  <!ENTITY lol \"lol\">\n"
      "  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
      "]>\n"
      "<databaseChangeLog><changeSet id=\"&lol3;\" author=\"a\"/>"
      "</databaseChangeLog>\n";
  EXPECT_EQ(Errors(Load(laughs)),
            (Strings{"c.xml:2:1: error: DOCTYPE with entity declarations is "
                     "not allowed (entities are never expanded)"}));
  std::string xxe =
      "<!DOCTYPE d [<!ENTITY x SYSTEM \"http://unreachable.invalid/x\">]>\n"
      "<databaseChangeLog><changeSet id=\"&x;\" author=\"a\"/>"
      "</databaseChangeLog>\n";
  EXPECT_EQ(Errors(Load(xxe)),
            (Strings{"c.xml:1:1: error: DOCTYPE with entity declarations is "
                     "not allowed (entities are never expanded)"}));
  // A DOCTYPE without declarations is harmless.
  LoadResult r = Load(
      "<!DOCTYPE databaseChangeLog>\n<databaseChangeLog>"
      "<changeSet id=\"1\" author=\"a\"><empty/></changeSet></databaseChangeLog>");
  Only<Empty>(r);
}

TEST(XmlLoadError, DeepNestingIsAnErrorNotACrash) {
  std::string open, close;
  for (int i = 0; i < 100000; ++i) {
    open += "<a>";
    close += "</a>";
  }
  LoadResult r = Load(Doc("  <changeSet id=\"1\" author=\"a\">\n    <sql>" +
                          open + close + "</sql>\n  </changeSet>\n"));
  EXPECT_EQ(Errors(r), (Strings{"c.xml:6:10: error: unknown element 'a' in sql",
                                "c.xml:6:5: error: sql: missing required "
                                "attribute 'sql'"}));
}

// ---- modifySql ----------------------------------------------------------------
// Checksums from Liquibase 4.28.1 (update-sql --url=offline:postgresql, the
// MD5SUM it records), for exactly these changesets.

TEST(XmlModifySql, LoadsVisitorsAndTheirChecksums) {
  LoadResult r = Load(Doc(
      "  <changeSet id=\"1\" author=\"a\">\n"  // 5
      "    <createTable tableName=\"t1\"><column name=\"a\" type=\"int\"/></createTable>\n"
      "    <createTable tableName=\"t2\"><column name=\"a\" type=\"int\"/></createTable>\n"
      "    <modifySql dbms=\"!mysql\"><append value=\" /*neg*/\"/></modifySql>\n"
      "    <modifySql dbms=\"PostgreSQL\"><append value=\" /*upper*/\"/></modifySql>\n"
      "    <modifySql dbms=\" postgresql , mysql\"><append value=\" /*spaced*/\"/></modifySql>\n"
      "    <modifySql dbms=\"all\"><append value=\" /*all*/\"/></modifySql>\n"
      "    <modifySql context=\"foo\" labels=\"bar\"><prepend value=\"/*ctx*/ \"/>"
      "<append value=\" /*two*/\"/></modifySql>\n"
      "    <modifySql><regExpReplace replace=\"t(\\d)\" with=\"x$1\\$\"/></modifySql>\n"
      "    <modifySql><replace replace=\"a\" with=\"b\"/></modifySql>\n"
      "  </changeSet>\n"
      "  <changeSet id=\"2\" author=\"a\">\n"
      "    <sql>select 'a'; select 'aa'</sql>\n"
      "    <rollback>select 'r'</rollback>\n"
      "    <modifySql applyToRollback=\"true\"><append value=\" -- rb\"/></modifySql>\n"
      "    <modifySql applyToRollback=\"false\"><append value=\" -- norb\"/></modifySql>\n"
      "  </changeSet>\n"
      "  <changeSet id=\"3\" author=\"a\">\n"
      "    <createTable tableName=\"t3\"><column name=\"a\" type=\"int\"/></createTable>\n"
      "    <modifySql applyToRollback=\"true\"><append value=\" -- rb\"/></modifySql>\n"
      "  </changeSet>\n"));
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  const auto& sets = r.changelog.changesets;
  ASSERT_EQ(sets.size(), 3u);
  const std::vector<SqlVisitor>& v = sets[0].modify_sql;
  ASSERT_EQ(v.size(), 8u);
  EXPECT_EQ(v[0].dbms, "!mysql");
  EXPECT_EQ(v[0].loc.ToString(), "c.xml:8:30");
  EXPECT_EQ(v[4].kind, SqlVisitor::Kind::kPrepend);
  EXPECT_EQ(v[4].context, "foo");
  EXPECT_EQ(v[4].labels, "bar");
  EXPECT_EQ(v[5].value, " /*two*/");
  EXPECT_EQ(v[6].kind, SqlVisitor::Kind::kRegExpReplace);
  EXPECT_EQ(v[6].replace, "t(\\d)");
  EXPECT_EQ(v[6].with, "x$1\\$");
  EXPECT_FALSE(v[7].apply_to_rollback);
  EXPECT_TRUE(sets[1].modify_sql[0].apply_to_rollback);
  // Which visitors apply: Liquibase's case-sensitive dbms list.
  EXPECT_TRUE(v[0].AppliesTo("postgresql"));
  EXPECT_FALSE(v[0].AppliesTo("mysql"));
  EXPECT_FALSE(v[1].AppliesTo("postgresql"));
  EXPECT_TRUE(v[2].AppliesTo("postgresql"));
  EXPECT_TRUE(v[3].AppliesTo("sqlite"));
  EXPECT_EQ(ApplySqlVisitor(v[6], "CREATE TABLE t1 (a INTEGER)"), "CREATE TABLE x1$ (a INTEGER)");
  EXPECT_EQ(ApplySqlVisitor(v[7], "a, a"), "b, b");

  EXPECT_EQ(ChangeSetChecksum(sets[0], "postgresql"), "9:a4a84128d6b5d338430053d30eaa5c05");
  EXPECT_EQ(ChangeSetChecksum(sets[1], "postgresql"), "9:5e060abe682903c0154e3e2f4adb96bb");
  EXPECT_EQ(ChangeSetChecksum(sets[2], "postgresql"), "9:a5d99ea3a9f25d38c7dfb82545798991");
}

TEST(XmlModifySql, ReferenceChecksumAndDbmsFilter) {
  // ../shared/reference/liquibase-4.28.md §4.5.
  auto doc = [](const std::string& attrs) {
    return Doc("  <changeSet id=\"1\" author=\"a\">\n"
               "    <createTable tableName=\"b\"><column name=\"id\" type=\"int\"/></createTable>\n"
               "    <modifySql" + attrs + "><replace replace=\"int\" with=\"bigint\"/></modifySql>\n"
               "  </changeSet>\n");
  };
  LoadResult r = Load(doc(""));
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(Errors(r));
  const ChangeSet& cs = r.changelog.changesets.at(0);
  EXPECT_EQ(SqlVisitorChecksum(cs.modify_sql.at(0)).substr(0, 6), "9:8cc2");
  EXPECT_EQ(ChangeSetChecksum(cs, "postgresql"), "9:96f218461d4c9bf503e6a4d9912ab510");
  LoadResult mysql = Load(doc(" dbms=\"mysql\""));
  ASSERT_TRUE(mysql.ok());
  EXPECT_EQ(ChangeSetChecksum(mysql.changelog.changesets.at(0), "postgresql"),
            "9:af3e1bdea054b82b1dfdc52eef50ea57");
}

TEST(XmlModifySql, Errors) {
  EXPECT_EQ(Errors(Load(Doc(
                "  <changeSet id=\"1\" author=\"a\">\n"                        // 5
                "    <sql>select 1</sql>\n"                                     // 6
                "    <modifySql dbms=\"x\" bogus=\"1\">\n"                      // 7
                "      <append/>\n"                                             // 8
                "      <wrap value=\"x\"/>\n"                                   // 9
                "      <regExpReplace replace=\"(a\" with=\"b\"/>\n"            // 10
                "      <regExpReplace replace=\"(a)\" with=\"$2\"/>\n"          // 11
                "      <prepend value=\"x\" with=\"y\"/>\n"                     // 12
                "    </modifySql>\n"
                "    <modifySql applyToRollback=\"maybe\"/>\n"                   // 14
                "  </changeSet>\n"))),
            (Strings{
                "c.xml:7:25: error: unknown attribute 'bogus' for modifySql",
                "c.xml:8:7: error: modifySql append: missing required attribute 'value'",
                "c.xml:9:7: error: unknown element 'wrap' in modifySql (expected append, "
                "prepend, replace or regExpReplace)",
                "c.xml:10:7: error: modifySql regExpReplace: pattern '(a' is not a supported "
                "regular expression (Mismatched '(' and ')' in regular expression)",
                "c.xml:11:7: error: modifySql regExpReplace: replacement '$2' refers to group "
                "2, which the pattern does not have",
                "c.xml:12:26: error: unknown attribute 'with' for prepend",
                "c.xml:14:33: error: invalid boolean 'maybe' for 'applyToRollback' (expected "
                "true or false)",
            }));
}

}  // namespace
}  // namespace strata
