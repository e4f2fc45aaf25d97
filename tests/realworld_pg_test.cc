// The real-world drop-in proof (issue 5): the changelogs of five open-source
// projects in ../shared/realworld, run through the strata binary with the
// commands their READMEs give for Liquibase 4.28, on a fresh database of the
// PostgreSQL test server. The DATABASECHANGELOG rows must equal, column for
// column, what Liquibase recorded (../shared/realworld/expected/*.tsv); a
// second update runs nothing; the rollbacks the READMEs document succeed or
// fail as they do with Liquibase.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "e2e_util.h"

namespace strata::test {
namespace {

// The shared real-world folder: STRATA_SOURCE_DIR/../shared/realworld, or
// "" when it is missing.
std::string RealWorld() {
  namespace fs = std::filesystem;
  fs::path p = fs::path(STRATA_SOURCE_DIR) / ".." / "shared" / "realworld";
  return fs::exists(p / "expected") ? p.string() : "";
}

#define STRATA_REQUIRE_REALWORLD(var)                                          \
  std::string var = RealWorld();                                               \
  if (var.empty()) {                                                           \
    const char* ci = std::getenv("CI");                                        \
    if (ci && std::string(ci) == "true")                                       \
      FAIL() << "CI=true but ../shared/realworld is missing";                  \
    GTEST_SKIP() << "../shared/realworld not found next to the source tree";   \
  }

constexpr const char* kColumns[] = {"orderexecuted", "id",          "author",
                                    "filename",      "exectype",    "md5sum",
                                    "description",   "comments",    "tag",
                                    "liquibase",     "contexts",    "labels"};
constexpr size_t kColumnCount = std::size(kColumns);

using Cells = std::vector<std::optional<std::string>>;

// The expected TSV: a header, then one row per line; an empty field is
// NULL and `""` is the empty string.
std::vector<Cells> ExpectedRows(const std::string& tsv) {
  std::ifstream in(tsv);
  EXPECT_TRUE(in) << "cannot read " << tsv;
  std::string line;
  std::getline(in, line);
  std::vector<Cells> out;
  while (std::getline(in, line)) {
    Cells row;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      std::string cell = line.substr(start, tab == std::string::npos ? tab : tab - start);
      if (cell.empty()) {
        row.push_back(std::nullopt);
      } else if (cell == "\"\"") {
        row.push_back(std::string());
      } else {
        row.push_back(cell);
      }
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    row.resize(kColumnCount);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<Cells> ActualRows(const std::string& url) {
  auto c = Open(url);
  if (!c) return {};
  // Aliased: ORDER BY must see the integer column, not its text.
  std::string sql = "SELECT CAST(orderexecuted AS VARCHAR) AS oe";
  for (size_t i = 1; i < kColumnCount; ++i) sql += std::string(", ") + kColumns[i];
  sql += " FROM databasechangelog ORDER BY orderexecuted";
  std::vector<Row> rows;
  Status s = c->Query(sql, &rows);
  EXPECT_TRUE(s.ok()) << s.message();
  return std::vector<Cells>(rows.begin(), rows.end());
}

size_t RowCount(const std::string& url) { return ActualRows(url).size(); }

std::string Show(const std::optional<std::string>& v) {
  return v ? "'" + *v + "'" : "NULL";
}

// Compares the history with expected/<tsv> column for column, prints
// "<project>: rows compared N / identical M" and fails on every difference
// (the first 20 are listed).
void CompareHistory(const std::string& project, const std::string& url,
                    const std::string& tsv) {
  std::vector<Cells> expected = ExpectedRows(tsv);
  std::vector<Cells> actual = ActualRows(url);
  size_t n = std::max(expected.size(), actual.size());
  size_t identical = 0, listed = 0;
  std::ostringstream diffs;
  for (size_t r = 0; r < n; ++r) {
    if (r >= expected.size() || r >= actual.size()) {
      if (listed++ < 20)
        diffs << "row " << r + 1 << ": "
              << (r >= actual.size() ? "missing in strata's history" : "not expected") << "\n";
      continue;
    }
    bool same = true;
    for (size_t c = 0; c < kColumnCount; ++c) {
      if (expected[r][c] == actual[r][c]) continue;
      same = false;
      if (listed++ < 20)
        diffs << "row " << r + 1 << " (" << Show(expected[r][1]) << ") " << kColumns[c]
              << ": expected " << Show(expected[r][c]) << ", strata wrote "
              << Show(actual[r][c]) << "\n";
    }
    if (same) ++identical;
  }
  std::printf("%s: rows compared %zu / identical %zu (expected %zu, strata %zu)\n",
              project.c_str(), n, identical, expected.size(), actual.size());
  std::fflush(stdout);
  EXPECT_EQ(identical, expected.size()) << project << ":\n" << diffs.str();
  EXPECT_EQ(actual.size(), expected.size());
}

struct Project {
  std::string dir;  // under realworld/
  std::vector<std::string> common;  // --search-path, --changelog-file
};

CmdResult Strata(const std::string& rw, const Project& p, const std::string& url,
                 std::vector<std::string> args) {
  std::vector<std::string> all = {"--url=" + url};
  all.insert(all.end(), p.common.begin(), p.common.end());
  all.insert(all.end(), args.begin(), args.end());
  return RunStrata(all, rw + "/" + p.dir);
}

// A second update with `args` applies nothing and leaves `rows` rows.
void ExpectNothingToRun(const std::string& rw, const Project& p, const std::string& url,
                        const std::vector<std::string>& args, size_t rows) {
  CmdResult r = Strata(rw, p, url, args);
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("no changesets to execute"), std::string::npos) << r.out;
  EXPECT_EQ(RowCount(url), rows);
}

// rollback command `args` exits with `exit_code` and leaves `rows` rows;
// a failure names the change type without an inverse. A deliberate
// difference: Liquibase rolls back the changesets before the one without an
// inverse and then fails, leaving them rolled back; Strata computes every
// inverse first and, when one is missing, fails before touching the
// database, so the history is unchanged.
void ExpectRollback(const std::string& rw, const Project& p, const std::string& url,
                    const std::vector<std::string>& args, int exit_code, size_t rows,
                    const std::string& failing_change = "") {
  CmdResult r = Strata(rw, p, url, args);
  EXPECT_EQ(r.exit_code, exit_code) << args[0] << "\n" << r.err << r.out;
  if (!failing_change.empty()) {
    EXPECT_NE((r.err + r.out).find(failing_change), std::string::npos) << r.err << r.out;
  }
  EXPECT_EQ(RowCount(url), rows) << args[0];
}

const Project kTraccar = {"traccar",
                          {"--search-path=.", "--changelog-file=schema/changelog-master.xml"}};

TEST(RealWorldPg, Traccar) {
  STRATA_REQUIRE_REALWORLD(rw);
  STRATA_REQUIRE_PG(url);
  CmdResult r = Strata(rw, kTraccar, url, {"update"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  CompareHistory("traccar", url, rw + "/expected/traccar.databasechangelog.tsv");
  ExpectNothingToRun(rw, kTraccar, url, {"update"}, 34);
  // The last changeset holds only modifyDataType, which has no inverse.
  ExpectRollback(rw, kTraccar, url, {"rollback-count", "--count=1"}, 1, 34, "No inverse to liquibase.change.core.ModifyDataTypeChange");
}

const Project kFineract = {
    "fineract",
    {"--search-path=fineract-provider/src/main/resources,fineract-loan/src/main/resources,"
     "fineract-investor/src/main/resources",
     "--changelog-file=db/changelog/db.changelog-master.xml"}};
const std::string kFineractRun2 = "--contexts=tenant_db,custom_changelog,postgresql";

TEST(RealWorldPg, Fineract) {
  STRATA_REQUIRE_REALWORLD(rw);
  STRATA_REQUIRE_PG(url);
  CmdResult r = Strata(rw, kFineract, url,
                       {"update", "--contexts=tenant_db,custom_changelog,initial_switch,postgresql"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(RowCount(url), 1019u);
  r = Strata(rw, kFineract, url, {"update", kFineractRun2});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  CompareHistory("fineract", url, rw + "/expected/fineract.databasechangelog.tsv");
  ExpectNothingToRun(rw, kFineract, url, {"update", kFineractRun2}, 1413);
  ExpectRollback(rw, kFineract, url, {"rollback-count", "--count=3", kFineractRun2}, 0, 1410);
  r = Strata(rw, kFineract, url, {"update", kFineractRun2});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(RowCount(url), 1413u);
  // The 4th is an insert: no inverse, nothing rolled back.
  ExpectRollback(rw, kFineract, url, {"rollback-count", "--count=4", kFineractRun2}, 1, 1413,
                 "No inverse to liquibase.change.core.InsertDataChange");
}

const Project kGravitee = {
    "gravitee-apim",
    {"--search-path=gravitee-apim-repository/gravitee-apim-repository-jdbc/src/main/resources",
     "--changelog-file=liquibase/master.yml"}};

TEST(RealWorldPg, GraviteeApim) {
  STRATA_REQUIRE_REALWORLD(rw);
  STRATA_REQUIRE_PG(url);
  const std::vector<std::string> params = {"-Dgravitee_prefix=", "-Dgravitee_rate_limit_prefix="};
  auto with = [&](std::vector<std::string> a) {
    a.insert(a.end(), params.begin(), params.end());
    return a;
  };
  CmdResult r = Strata(rw, kGravitee, url, with({"update"}));
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  CompareHistory("gravitee-apim", url, rw + "/expected/gravitee-apim.databasechangelog.tsv");
  ExpectNothingToRun(rw, kGravitee, url, with({"update"}), 225);
  ExpectRollback(rw, kGravitee, url, with({"rollback-count", "--count=8"}), 0, 217);
  r = Strata(rw, kGravitee, url, with({"update"}));
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(RowCount(url), 225u);
  // The 9th is an update change: no inverse, nothing rolled back.
  ExpectRollback(rw, kGravitee, url, with({"rollback-count", "--count=9"}), 1, 225,
                 "No inverse to liquibase.change.core.UpdateDataChange");
}

const Project kOperaton = {
    "operaton",
    {"--search-path=engine/src/main/resources",
     "--changelog-file=org/operaton/bpm/engine/db/liquibase/operaton-changelog.xml"}};

TEST(RealWorldPg, Operaton) {
  STRATA_REQUIRE_REALWORLD(rw);
  STRATA_REQUIRE_PG(url);
  CmdResult r = Strata(rw, kOperaton, url, {"update"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  CompareHistory("operaton", url, rw + "/expected/operaton.databasechangelog.tsv");
  ExpectNothingToRun(rw, kOperaton, url, {"update"}, 19);
  // The tag's own changeset is rolled back; update re-applies it.
  ExpectRollback(rw, kOperaton, url, {"rollback", "--tag=7.25.0"}, 0, 18);
  r = Strata(rw, kOperaton, url, {"update"});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(RowCount(url), 19u);
  ExpectRollback(rw, kOperaton, url, {"rollback-count", "--count=1"}, 0, 18);
  r = Strata(rw, kOperaton, url, {"update"});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  // 7.24-to-7.25 is a sqlFile: no inverse, nothing rolled back.
  ExpectRollback(rw, kOperaton, url, {"rollback", "--tag=7.24.0"}, 1, 19,
                 "No inverse to liquibase.change.core.SQLFileChange");
}

const Project kJHipster = {
    "jhipster-sample-app",
    {"--search-path=src/main/resources", "--changelog-file=config/liquibase/master.xml"}};

void JHipster(const std::string& contexts, const std::string& tsv, size_t rows,
              int rollback_ok, const std::string& failing_change) {
  STRATA_REQUIRE_REALWORLD(rw);
  STRATA_REQUIRE_PG(url);
  const std::string ctx = "--contexts=" + contexts;
  CmdResult r = Strata(rw, kJHipster, url, {"update", ctx});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  CompareHistory("jhipster-sample-app (" + contexts + ")", url, rw + "/expected/" + tsv);
  ExpectNothingToRun(rw, kJHipster, url, {"update", ctx}, rows);
  ExpectRollback(rw, kJHipster, url,
                 {"rollback-count", "--count=" + std::to_string(rollback_ok), ctx}, 0,
                 rows - rollback_ok);
  r = Strata(rw, kJHipster, url, {"update", ctx});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(RowCount(url), rows);
  ExpectRollback(rw, kJHipster, url,
                 {"rollback-count", "--count=" + std::to_string(rollback_ok + 1), ctx}, 1,
                 rows, failing_change);
}

TEST(RealWorldPg, JHipsterDevFaker) {
  JHipster("dev,faker", "jhipster-sample-app.databasechangelog.tsv", 11, 2,
           "No inverse to liquibase.change.core.LoadDataChange");
}

TEST(RealWorldPg, JHipsterProd) {
  JHipster("prod", "jhipster-sample-app.prod.databasechangelog.tsv", 8, 3,
           "No inverse to liquibase.change.core.DropDefaultValueChange");
}

}  // namespace
}  // namespace strata::test
