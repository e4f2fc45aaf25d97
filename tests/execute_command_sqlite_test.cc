// executeCommand end to end on a real SQLite file: the command runs inside
// its changeset, a failure or timeout fails the changeset, update-sql only
// shows it, and an `os` list without this platform skips it as Liquibase does.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "e2e_util.h"
#include "test_util.h"

namespace strata::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Args(const std::string& dir, std::vector<std::string> rest) {
  std::vector<std::string> a = {"--changelog-file=c.xml", "--url=sqlite:" + dir + "/t.db"};
  a.insert(a.end(), rest.begin(), rest.end());
  return a;
}

// One changeset: a table, then the command (its <executeCommand> element
// given whole).
std::string ChangeLog(const std::string& command) {
  return R"(<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="t">
    <createTable tableName="before_cmd"><column name="id" type="int"/></createTable>
    )" + command + R"(
  </changeSet>
</databaseChangeLog>
)";
}

TEST(ExecuteCommandSqlite, RunsInsideItsChangesetAndIsRecorded) {
  std::string dir = TempDir();
  WriteFile(dir, "c.xml", ChangeLog(R"(<executeCommand executable="/bin/sh" timeout="30s">
      <arg value="-c"/><arg value="echo ran with $0 > marker.txt; echo to-stdout"/>
    </executeCommand>)"));
  CmdResult r = RunStrata(Args(dir, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir + "/marker.txt"), "ran with /bin/sh\n");
  // The command's standard output goes to stderr: stdout stays Strata's.
  EXPECT_EQ(r.out.find("to-stdout"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("to-stdout"), std::string::npos) << r.err;
  EXPECT_EQ(HistoryRows("sqlite:" + dir + "/t.db").size(), 1u);
}

TEST(ExecuteCommandSqlite, UpdateSqlShowsTheCommandWithoutRunningIt) {
  std::string dir = TempDir();
  WriteFile(dir, "c.xml", ChangeLog(R"(<executeCommand executable="/bin/sh" timeout="2m">
      <arg value="-c"/><arg value="touch marker.txt"/>
    </executeCommand>)"));
  CmdResult r = RunStrata(Args(dir, {"update-sql"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("-- executeCommand (timeout 120s): /bin/sh -c touch marker.txt\n"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(dir + "/marker.txt"));
}

TEST(ExecuteCommandSqlite, AFailingCommandFailsTheChangesetAndUndoesIt) {
  std::string dir = TempDir();
  WriteFile(dir, "c.xml", ChangeLog(R"(<executeCommand executable="/bin/sh">
      <arg value="-c"/><arg value="exit 3"/>
    </executeCommand>)"));
  CmdResult r = RunStrata(Args(dir, {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("executeCommand '/bin/sh -c exit 3' exited with status 3"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("c.xml::1::t"), std::string::npos) << r.err;
  // SQLite DDL is transactional: the table of the same changeset is gone too.
  EXPECT_EQ(Schema("sqlite:" + dir + "/t.db"), std::vector<std::string>{});
  EXPECT_TRUE(HistoryRows("sqlite:" + dir + "/t.db").empty());
}

TEST(ExecuteCommandSqlite, AMissingProgramIsAClearError) {
  std::string dir = TempDir();
  WriteFile(dir, "c.xml", ChangeLog(R"(<executeCommand executable="no-such-program-strata"/>)"));
  CmdResult r = RunStrata(Args(dir, {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("could not start 'no-such-program-strata'"), std::string::npos)
      << r.err;
}

TEST(ExecuteCommandSqlite, ACommandPastItsTimeoutIsKilled) {
  std::string dir = TempDir();
  WriteFile(dir, "c.xml", ChangeLog(R"(<executeCommand executable="/bin/sh" timeout="1">
      <arg value="-c"/><arg value="sleep 30; touch marker.txt"/>
    </executeCommand>)"));
  auto start = std::chrono::steady_clock::now();
  CmdResult r = RunStrata(Args(dir, {"update"}), dir);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("timed out after 1 s and was killed"), std::string::npos) << r.err;
  // Killed with its process group: the shell's sleep did not outlive it.
  EXPECT_LT(took, std::chrono::seconds(20));
  EXPECT_FALSE(fs::exists(dir + "/marker.txt"));
  EXPECT_TRUE(HistoryRows("sqlite:" + dir + "/t.db").empty());
}

TEST(ExecuteCommandSqlite, AnOsListWithoutThisPlatformSkipsTheCommand) {
  std::string dir = TempDir();
  WriteFile(dir, "c.xml", ChangeLog(R"(<executeCommand executable="/bin/sh" os="Windows 10, Mac OS X">
      <arg value="-c"/><arg value="touch marker.txt"/>
    </executeCommand>)"));
  CmdResult r = RunStrata(Args(dir, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/marker.txt"));
  EXPECT_EQ(HistoryRows("sqlite:" + dir + "/t.db").size(), 1u);

  std::string linux_dir = TempDir();
  WriteFile(linux_dir, "c.xml",
            ChangeLog(R"(<executeCommand executable="/bin/sh" os="Windows 10, Linux">
      <arg value="-c"/><arg value="touch marker.txt"/>
    </executeCommand>)"));
  r = RunStrata(Args(linux_dir, {"update"}), linux_dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(linux_dir + "/marker.txt"));
}

TEST(ExecuteCommandSqlite, AnUnreadableTimeoutStopsBeforeAnythingRuns) {
  std::string dir = TempDir();
  WriteFile(dir, "c.xml", ChangeLog(R"(<executeCommand executable="/bin/true" timeout="soon"/>)"));
  CmdResult r = RunStrata(Args(dir, {"update"}), dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("c.xml:4:5: executeCommand: timeout 'soon' is not a duration"),
            std::string::npos)
      << r.err;
  auto c = Open("sqlite:" + dir + "/t.db");
  EXPECT_EQ(QueryLines(*c, "SELECT name FROM sqlite_master"), std::vector<std::string>{});
}

}  // namespace
}  // namespace strata::test
