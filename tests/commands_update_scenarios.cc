// The bodies of what commands_update_scenarios.h declares, compiled once into the test helper
// library (strata_test_util) rather than into every test that uses them.
#include "commands_update_scenarios.h"

namespace strata::test {

std::string SixChangeSets(const std::string& dir) {
  WriteFile(dir, kLog, kSixChangeSets);
  return kLog;
}

std::string HistoryIds(const std::string& url) {
  std::string ids;
  for (const std::string& row : HistoryRows(url)) {
    if (!ids.empty()) ids += ' ';
    ids += row.substr(0, row.find('|'));
  }
  return ids;
}

void Replay(const std::string& url, const std::string& script) {
  auto c = Open(url);
  ASSERT_TRUE(c);
  for (const std::string& s : ScriptStatements(script))
    ASSERT_TRUE(c->Execute(s).ok()) << s;
}

void ExpectSameState(const std::string& a, const std::string& b) {
  EXPECT_EQ(Schema(a), Schema(b));
  EXPECT_EQ(HistoryRows(a), HistoryRows(b));
}

void BadArgumentsScenario(const std::string& url, const std::string& dir) {
  std::string log = SixChangeSets(dir);
  struct Case {
    std::vector<std::string> args;
    std::string expect;
  };
  std::vector<Case> cases = {
      {{"update-count"}, "--count"},
      {{"update-count", "--count=-1"}, "--count"},
      {{"update-count", "--count=two"}, "--count"},
      {{"update-count-sql"}, "--count"},
      {{"update-to-tag"}, "--tag"},
      {{"update-to-tag-sql"}, "--tag"},
      {{"changelog-sync-to-tag"}, "--tag"},
      {{"rollback-to-date"}, "--date"},
      // Liquibase 4.28: "Unknown date format to parse: yesterday." exit 1.
      {{"rollback-to-date", "--date=yesterday"}, "Unknown date format to parse: yesterday."},
      {{"rollback-to-date-sql", "--date=2024/01/01"},
       "Unknown date format to parse: 2024/01/01."},
      // Liquibase rolls 2024-13-01 over into 2025-01-01; Strata refuses it.
      {{"rollback-to-date", "--date=2024-13-01"}, "Invalid --date '2024-13-01'"},
      {{"future-rollback-count-sql"}, "--count"},
      {{"future-rollback-from-tag-sql"}, "--tag"},
      // --tag-version belongs to rollback and rollback-sql only, as in
      // Liquibase's command flags.
      {{"rollback-count", "--count=1", "--tag-version=NEWEST"}, "tag-version"},
      {{"rollback-sql", "--tag=v1.0", "--tag-version=LATEST"}, "--tag-version"},
  };
  for (const Case& c : cases) {
    CmdResult r = RunStrata(Args(url, log, c.args), dir);
    EXPECT_EQ(r.exit_code, 1) << c.args[0] << "\n" << r.out << r.err;
    EXPECT_TRUE(Contains(r.err, c.expect)) << c.args[0] << ": " << r.err;
    EXPECT_TRUE(r.out.empty() || !Contains(r.out, "INSERT")) << r.out;
    EXPECT_FALSE(HasTable(url, "databasechangelog")) << c.args[0];
    EXPECT_FALSE(HasTable(url, "person")) << c.args[0];
  }
  // future-rollback-from-tag-sql with a tag no pending changeset sets:
  // Liquibase's "No tag matching 'T' found", exit 1.
  CmdResult r = RunStrata(Args(url, log, {"future-rollback-from-tag-sql", "--tag=nosuch"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Contains(r.err, "No tag matching 'nosuch' found")) << r.err;
  EXPECT_FALSE(HasTable(url, "databasechangelog"));
}

void UpdateCountScenario(const std::string& url, const std::string& replayed,
                         const std::string& dir) {
  std::string log = SixChangeSets(dir);
  CmdResult sql = RunStrata(Args(replayed, log, {"update-count-sql", "--count=2"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_FALSE(HasTable(replayed, "databasechangelog")) << "update-count-sql wrote";
  EXPECT_FALSE(Contains(sql.out, "-- *****")) << sql.out;
  EXPECT_TRUE(Contains(sql.out, "-- Changeset changelog.yaml::2::alice\n-- add email\n"))
      << sql.out;
  EXPECT_FALSE(Contains(sql.out, "changelog.yaml::3::bob")) << sql.out;
  Replay(replayed, sql.out);

  CmdResult r = RunStrata(Args(url, log, {"updateCount", "--count", "2"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.out,
                       "\nUPDATE SUMMARY\n"
                       "Run:                          2\n"
                       "Previously run:               0\n"
                       "Filtered out:                 4\n"
                       "-------------------------------\n"
                       "Total change sets:            6\n\n\n"
                       "FILTERED CHANGE SETS SUMMARY\n"
                       "After count:                  4\n\n"))
      << r.out;
  EXPECT_EQ(HistoryIds(url), "1 2");
  ExpectSameState(url, replayed);
  auto rows = HistoryRows(url);
  // The oracle's row for changeset 2: EXECUTED, its v9 checksum, the comment.
  EXPECT_EQ(rows[1],
            "2|alice|changelog.yaml|2|EXECUTED|9:b4d3b9674cad39877b289d2461739a98|"
            "addColumn tableName=person|add email|NULL|4.28.0|NULL|NULL|");

  // The next two: ORDEREXECUTED continues; both sinks agree again.
  sql = RunStrata(Args(replayed, log, {"update-count-sql", "--count=2"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  Replay(replayed, sql.out);
  r = RunStrata(Args(url, log, {"update-count", "--count=2"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.out, "Previously run:               2\n")) << r.out;
  EXPECT_EQ(HistoryIds(url), "1 2 3 4");
  ExpectSameState(url, replayed);

  // A count past the end applies what is left.
  r = RunStrata(Args(url, log, {"update-count", "--count=10"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.out, "Run:                          2\n")) << r.out;
  EXPECT_FALSE(Contains(r.out, "FILTERED")) << r.out;
  EXPECT_FALSE(Contains(r.err, "up to date")) << r.err;
  EXPECT_EQ(HistoryIds(url), "1 2 3 4 5 6");
  // Nothing left: Liquibase 4.28 prints the summary (stdout) and says so
  // on stderr.
  r = RunStrata(Args(url, log, {"update-count", "--count=2"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.out,
                       "Run:                          0\n"
                       "Previously run:               6\n"
                       "Filtered out:                 0\n"))
      << r.out;
  EXPECT_TRUE(Contains(r.err, "Database is up to date, no changesets to execute\n")) << r.err;
}

void UpdateToTagScenario(const std::string& url, const std::string& replayed,
                         const std::string& dir) {
  std::string log = SixChangeSets(dir);
  CmdResult sql = RunStrata(Args(replayed, log, {"updateToTagSQL", "--tag=v1.0"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_FALSE(Contains(sql.out, "-- *****")) << sql.out;
  EXPECT_TRUE(Contains(sql.out, "-- Changeset changelog.yaml::3::bob\n")) << sql.out;
  EXPECT_FALSE(Contains(sql.out, "changelog.yaml::4::bob")) << sql.out;
  Replay(replayed, sql.out);

  CmdResult r = RunStrata(Args(url, log, {"update-to-tag", "--tag=v1.0"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(HistoryIds(url), "1 2 3");
  EXPECT_TRUE(Contains(HistoryRows(url)[2], "|tagDatabase||v1.0|")) << HistoryRows(url)[2];
  EXPECT_TRUE(Contains(r.out, "Filtered out:                 3\n")) << r.out;
  EXPECT_TRUE(Contains(r.out, "After tag:                    3\n")) << r.out;
  ExpectSameState(url, replayed);

  // Liquibase 4.28: a tag the history already carries means the database is
  // there; nothing runs ("Run: 0 ... After tag: 3").
  r = RunStrata(Args(url, log, {"update-to-tag", "--tag=v1.0"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.out,
                       "Run:                          0\n"
                       "Previously run:               3\n"
                       "Filtered out:                 3\n"))
      << r.out;
  EXPECT_TRUE(Contains(r.err, "Database is up to date, no changesets to execute\n")) << r.err;
  EXPECT_EQ(HistoryIds(url), "1 2 3");

  // Liquibase 4.28 with --tag=V1.0: the changelog has no such tagDatabase
  // (compared exactly: the warning), but the history's v1.0 matches
  // ignoring case, so nothing runs either.
  r = RunStrata(Args(url, log, {"update-to-tag", "--tag=V1.0"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.err, "WARNING:  The tag 'V1.0' was not found")) << r.err;
  EXPECT_EQ(HistoryIds(url), "1 2 3");

  r = RunStrata(Args(url, log, {"update-to-tag", "--tag=v2.0"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(HistoryIds(url), "1 2 3 4 5");
  EXPECT_TRUE(Contains(r.out, "Run:                          2\n")) << r.out;

  // A tag no tagDatabase sets: Liquibase warns and deploys everything.
  r = RunStrata(Args(url, log, {"update-to-tag", "--tag=nosuch"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(Contains(r.err,
                       "WARNING:  The tag 'nosuch' was not found in the changelog "
                       "'changelog.yaml'. All changesets in the changelog were deployed.\n"))
      << r.err;
  EXPECT_EQ(HistoryIds(url), "1 2 3 4 5 6");
  EXPECT_TRUE(Contains(r.out, "Filtered out:                 0\n")) << r.out;

  // changelog-sync-to-tag with such a tag: Liquibase 4.28 says nothing and
  // records everything pending (here 4..6 of the replayed database).
  r = RunStrata(Args(replayed, log, {"changelog-sync-to-tag", "--tag=nosuch"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_FALSE(Contains(r.err, "WARNING")) << r.err;
  EXPECT_EQ(HistoryIds(replayed), "1 2 3 4 5 6");
  EXPECT_FALSE(HasTable(replayed, "pet"));
}

void ChangeLogSyncScenario(const std::string& url, const std::string& replayed,
                           const std::string& updated, const std::string& dir) {
  std::string log = SixChangeSets(dir);
  CmdResult sql = RunStrata(Args(replayed, log, {"changelog-sync-sql"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_TRUE(Contains(sql.out,
                       "-- *********************************************************************\n"
                       "-- SQL to add all changesets to database history table\n"))
      << sql.out;
  EXPECT_FALSE(Contains(sql.out, "-- Changeset")) << sql.out;
  EXPECT_FALSE(Contains(sql.out, "person (")) << sql.out;
  Replay(replayed, sql.out);

  CmdResult r = RunStrata(Args(url, log, {"changeLogSync"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_FALSE(Contains(r.out, "Running")) << r.out;
  EXPECT_FALSE(HasTable(url, "person"));
  EXPECT_FALSE(HasTable(url, "pet"));
  // The rows update would write (EXECTYPE, MD5SUM, ORDEREXECUTED, TAG).
  r = RunStrata(Args(updated, log, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(HistoryRows(url), HistoryRows(updated));
  EXPECT_EQ(HistoryRows(url), HistoryRows(replayed));
  EXPECT_EQ(Schema(url), Schema(replayed));
  EXPECT_EQ(HistoryRows(url)[0],
            "1|alice|changelog.yaml|1|EXECUTED|9:935da0bd9378d4cca5e28019b4e22426|"
            "createTable tableName=person||NULL|4.28.0|NULL|NULL|");
  EXPECT_TRUE(Contains(HistoryRows(url)[4], "|5|EXECUTED|9:fc5823d0118b133cc84faa19e89623bd|"
                                            "tagDatabase||v2.0|"))
      << HistoryRows(url)[4];
  r = RunStrata(Args(url, log, {"update"}), dir);
  EXPECT_TRUE(Contains(r.out, "Database is up to date")) << r.out << r.err;
  // Nothing left to sync: nothing printed but the header, nothing written.
  sql = RunStrata(Args(url, log, {"changelog-sync-sql"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_FALSE(Contains(sql.out, "INSERT")) << sql.out;
}

void MarkNextAndSyncToTagScenario(const std::string& url, const std::string& replayed,
                                  const std::string& dir) {
  std::string log = SixChangeSets(dir);
  CmdResult sql = RunStrata(Args(replayed, log, {"markNextChangeSetRanSQL"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  // Liquibase 4.28 prints the INSERT alone: no header, no comment line.
  EXPECT_FALSE(Contains(sql.out, "-- *****")) << sql.out;
  EXPECT_FALSE(Contains(sql.out, "-- Changeset")) << sql.out;
  EXPECT_TRUE(Contains(sql.out, "VALUES ('1', 'alice', 'changelog.yaml', ")) << sql.out;
  EXPECT_FALSE(Contains(sql.out, "VALUES ('2'")) << sql.out;
  Replay(replayed, sql.out);

  CmdResult r = RunStrata(Args(url, log, {"markNextChangesetRan"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(HistoryIds(url), "1");
  EXPECT_FALSE(HasTable(url, "person"));
  EXPECT_EQ(HistoryRows(url)[0],
            "1|alice|changelog.yaml|1|EXECUTED|9:935da0bd9378d4cca5e28019b4e22426|"
            "createTable tableName=person||NULL|4.28.0|NULL|NULL|");
  ExpectSameState(url, replayed);

  // Liquibase 4.28 synced 2 and 3 here (rows 2, 3 with ORDEREXECUTED 2, 3
  // and TAG v1.0 on 3).
  sql = RunStrata(Args(replayed, log, {"changelog-sync-to-tag-sql", "--tag=v1.0"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_TRUE(Contains(sql.out, "-- SQL to add all changesets to database history table\n"))
      << sql.out;
  Replay(replayed, sql.out);
  r = RunStrata(Args(url, log, {"changelogSyncToTag", "--tag", "v1.0"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(HistoryIds(url), "1 2 3");
  EXPECT_TRUE(Contains(HistoryRows(url)[2], "3|bob|changelog.yaml|3|EXECUTED|"))
      << HistoryRows(url)[2];
  EXPECT_TRUE(Contains(HistoryRows(url)[2], "|tagDatabase||v1.0|")) << HistoryRows(url)[2];
  ExpectSameState(url, replayed);

  // update then applies 4..6 for real.
  r = RunStrata(Args(url, log, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_TRUE(HasTable(url, "pet"));
  EXPECT_FALSE(HasTable(url, "person"));
  EXPECT_EQ(HistoryIds(url), "1 2 3 4 5 6");
}

void RollbackToDateScenario(const std::string& url, const std::string& replayed,
                            const std::string& dir) {
  std::string log = SixChangeSets(dir);
  for (const std::string& u : {url, replayed}) {
    CmdResult r = RunStrata(Args(u, log, {"update"}), dir);
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    // 4..6 ran "later" than 1..3.
    auto c = Open(u);
    ASSERT_TRUE(c->Execute("UPDATE databasechangelog SET DATEEXECUTED = '2031-01-01 00:00:00' "
                           "WHERE ORDEREXECUTED > 3").ok());
    ASSERT_TRUE(c->Execute("UPDATE databasechangelog SET DATEEXECUTED = '2030-01-01 12:00:00' "
                           "WHERE ORDEREXECUTED <= 3").ok());
  }
  // Nothing after a date in the future: the header and no step.
  CmdResult sql = RunStrata(Args(url, log, {"rollback-to-date-sql", "--date=2099-01-01"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_TRUE(Contains(sql.out, "-- Rollback to 2099-01-01 Script\n")) << sql.out;
  EXPECT_FALSE(Contains(sql.out, "Rolling Back")) << sql.out;

  // Each accepted form; the header shows the date as Liquibase prints it.
  sql = RunStrata(Args(url, log, {"rollbackToDateSQL", "--date=2030-01-01T12:00:00"}), dir);
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_TRUE(Contains(sql.out, "-- Rollback to 2030-01-01 12:00:00.0 Script\n")) << sql.out;
  EXPECT_TRUE(Contains(sql.out, "-- Rolling Back ChangeSet: changelog.yaml::6::bob\n")) << sql.out;
  EXPECT_FALSE(Contains(sql.out, "changelog.yaml::3::bob")) << sql.out;
  EXPECT_LT(sql.out.find("::6::bob"), sql.out.find("::4::bob"));
  CmdResult spaced =
      RunStrata(Args(url, log, {"rollback-to-date-sql", "--date", "2030-01-01 12:00:00"}), dir);
  ASSERT_EQ(spaced.exit_code, 0) << spaced.err;
  EXPECT_EQ(ScriptStatements(spaced.out), ScriptStatements(sql.out));
  // Same second, later fraction: row 1..3 (12:00:00) are not after it.
  CmdResult earlier =
      RunStrata(Args(url, log, {"rollback-to-date-sql", "--date=2030-01-01 11:59:59.5"}), dir);
  ASSERT_EQ(earlier.exit_code, 0) << earlier.err;
  EXPECT_TRUE(Contains(earlier.out, "::1::alice")) << earlier.out;
  Replay(replayed, sql.out);

  EXPECT_EQ(HistoryIds(url), "1 2 3 4 5 6");  // the -sql variants wrote nothing
  CmdResult r = RunStrata(Args(url, log, {"rollback-to-date", "--date=2030-06-01"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(HistoryIds(url), "1 2 3");
  EXPECT_FALSE(HasTable(url, "pet"));
  EXPECT_TRUE(HasTable(url, "person"));
  ExpectSameState(url, replayed);

  // A malformed date touches nothing.
  r = RunStrata(Args(url, log, {"rollback-to-date", "--date=2030-01-01T25:00:00"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(HistoryIds(url), "1 2 3");
}

void FutureRollbackScenario(const std::string& url, const std::string& dir) {
  std::string log = SixChangeSets(dir);
  CmdResult r = RunStrata(Args(url, log, {"update-count", "--count=2"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto schema_2 = Schema(url);
  auto history_2 = HistoryRows(url);

  CmdResult all = RunStrata(Args(url, log, {"futureRollbackSQL"}), dir);
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_TRUE(Contains(all.out, "-- SQL to roll back currently unexecuted changes\n")) << all.out;
  EXPECT_TRUE(Contains(all.out, "-- Rolling Back ChangeSet: changelog.yaml::6::bob\n")) << all.out;
  EXPECT_LT(all.out.find("::6::bob"), all.out.find("::3::bob"));
  EXPECT_FALSE(Contains(all.out, "::2::alice")) << all.out;
  EXPECT_EQ(HistoryRows(url), history_2);

  CmdResult two = RunStrata(Args(url, log, {"future-rollback-count-sql", "--count=2"}), dir);
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_TRUE(Contains(two.out, "::4::bob")) << two.out;
  EXPECT_TRUE(Contains(two.out, "::3::bob")) << two.out;
  EXPECT_FALSE(Contains(two.out, "::5::bob")) << two.out;
  EXPECT_LT(two.out.find("::4::bob"), two.out.find("::3::bob"));

  CmdResult to_tag = RunStrata(Args(url, log, {"future-rollback-from-tag-sql", "--tag=v2.0"}), dir);
  ASSERT_EQ(to_tag.exit_code, 0) << to_tag.err;
  EXPECT_TRUE(Contains(to_tag.out, "::5::bob")) << to_tag.out;
  EXPECT_FALSE(Contains(to_tag.out, "::6::bob")) << to_tag.out;

  // Apply everything, then the script printed before: back to 1..2.
  r = RunStrata(Args(url, log, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  Replay(url, all.out);
  EXPECT_EQ(Schema(url), schema_2);
  EXPECT_EQ(HistoryRows(url), history_2);
}

void UpdateTestingRollbackScenario(const std::string& url, const std::string& updated,
                                   const std::string& dir) {
  std::string log = SixChangeSets(dir);
  // Some history first: the rollback must leave 1..2 alone.
  CmdResult r = RunStrata(Args(url, log, {"update-count", "--count=2"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto c = Open(url);
  ASSERT_TRUE(c->Execute("INSERT INTO person (id, name) VALUES (1, 'kept')").ok());

  r = RunStrata(Args(url, log, {"updateTestingRollback"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  // Each of 3..6 ran, was rolled back (newest first), and ran again.
  EXPECT_EQ(HistoryIds(url), "1 2 3 4 5 6");
  size_t first = r.out.find("Running Changeset changelog.yaml::6::bob");
  size_t back = r.out.find("Rolling Back ChangeSet: changelog.yaml::6::bob");
  size_t back3 = r.out.find("Rolling Back ChangeSet: changelog.yaml::3::bob");
  size_t again = r.out.find("Running Changeset changelog.yaml::6::bob", first + 1);
  ASSERT_NE(first, std::string::npos) << r.out;
  ASSERT_NE(back, std::string::npos) << r.out;
  ASSERT_NE(again, std::string::npos) << r.out;
  EXPECT_LT(first, back);
  EXPECT_LT(back, back3);
  EXPECT_LT(back3, again);
  EXPECT_FALSE(Contains(r.out, "Rolling Back ChangeSet: changelog.yaml::2::alice")) << r.out;
  EXPECT_EQ(QueryLines(*c, "SELECT name FROM person"), (std::vector<std::string>{"kept|"}));

  r = RunStrata(Args(updated, log, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  ExpectSameState(url, updated);

  // A changeset that cannot be rolled back: the update stands, the error
  // names it, exit 1.
  WriteFile(dir, kLog,
            std::string(kSixChangeSets) +
                "  - changeSet:\n      id: 7\n      author: bob\n      changes:\n"
                "        - sql: insert into pet (id) values (1)\n");
  r = RunStrata(Args(url, log, {"update-testing-rollback"}), dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Contains(r.err, "No inverse to")) << r.err;
  EXPECT_EQ(HistoryIds(url), "1 2 3 4 5 6 7");
  EXPECT_EQ(QueryLines(*c, "SELECT id FROM pet"), (std::vector<std::string>{"1|"}));
}

void RollbackSqlTagVersionScenario(const std::string& url, const std::string& dir) {
  std::string log = SixChangeSets(dir);
  ASSERT_EQ(RunStrata(Args(url, log, {"update-count", "--count=1"}), dir).exit_code, 0);
  ASSERT_EQ(RunStrata(Args(url, log, {"tag", "dup"}), dir).exit_code, 0);
  ASSERT_EQ(RunStrata(Args(url, log, {"update-count", "--count=1"}), dir).exit_code, 0);
  ASSERT_EQ(RunStrata(Args(url, log, {"tag", "dup"}), dir).exit_code, 0);
  ASSERT_EQ(RunStrata(Args(url, log, {"update"}), dir).exit_code, 0);

  CmdResult oldest = RunStrata(Args(url, log, {"rollback-sql", "--tag=dup"}), dir);
  ASSERT_EQ(oldest.exit_code, 0) << oldest.err;
  EXPECT_TRUE(Contains(oldest.out, "Rolling Back ChangeSet: changelog.yaml::2::alice"))
      << oldest.out;
  CmdResult newest =
      RunStrata(Args(url, log, {"rollback-sql", "--tag=dup", "--tag-version=NEWEST"}), dir);
  ASSERT_EQ(newest.exit_code, 0) << newest.err;
  EXPECT_TRUE(Contains(newest.out, "Rolling Back ChangeSet: changelog.yaml::3::bob"))
      << newest.out;
  EXPECT_FALSE(Contains(newest.out, "::2::alice")) << newest.out;

  CmdResult run = RunStrata(Args(url, log, {"rollback", "--tag=dup", "--tag-version=NEWEST"}), dir);
  ASSERT_EQ(run.exit_code, 0) << run.err << run.out;
  EXPECT_EQ(HistoryIds(url), "1 2");
}

}  // namespace strata::test
