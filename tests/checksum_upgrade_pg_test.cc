// Stored "8:" checksums on a real PostgreSQL database, as Liquibase 3.5-4.21
// left them: Strata's validate and status accept them (v8 algorithm), a
// changed changeset still fails against its v8 sum, calculate-checksum
// answers in the stored version, and update rewrites every row to the v9 sum
// Liquibase 4.28 itself upgraded the same rows to (tests/checksum_v8_oracle.h).
#include <gtest/gtest.h>

#include <filesystem>

#include "checksum_v8_oracle.h"
#include "e2e_util.h"

namespace strata::test {
namespace {

std::vector<std::string> Args(const std::string& url, std::vector<std::string> rest) {
  std::vector<std::string> a = {"--changelog-file=main.yaml", "--url=" + url};
  a.insert(a.end(), rest.begin(), rest.end());
  return a;
}

// Sets every history row's MD5SUM to its Liquibase 4.4.0 value.
void StoreV8Sums(Connection& c) {
  for (const auto& [key, sums] : V8Oracle()) {
    std::string filename = key.substr(0, key.find("::"));
    std::string id = key.substr(filename.size() + 2);
    id = id.substr(0, id.find("::"));
    ASSERT_TRUE(c.Execute(std::string("UPDATE databasechangelog SET MD5SUM = '") + sums.v8 +
                          "' WHERE FILENAME = '" + filename + "' AND ID = '" + id + "'")
                    .ok());
  }
}

std::map<std::string, std::string> StoredSums(Connection& c) {
  std::map<std::string, std::string> out;
  for (std::string line : QueryLines(c, "SELECT FILENAME || '::' || ID || '::' || AUTHOR, "
                                        "MD5SUM FROM databasechangelog")) {
    size_t bar = line.find('|');
    out[line.substr(0, bar)] = line.substr(bar + 1, line.size() - bar - 2);
  }
  return out;
}

TEST(ChecksumUpgradePg, V8RowsValidateAndUpdateRewritesThemToV9) {
  STRATA_REQUIRE_PG(url);
  std::string dir = TempDir();
  std::filesystem::copy(std::filesystem::path(STRATA_SOURCE_DIR) / "tests/data/checksum_v8", dir,
                        std::filesystem::copy_options::recursive);
  CmdResult r = RunStrata(Args(url, {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto c = Open(url);
  ASSERT_EQ(StoredSums(*c).size(), V8Oracle().size());
  StoreV8Sums(*c);

  r = RunStrata(Args(url, {"validate"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  r = RunStrata(Args(url, {"status"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("is up to date"), std::string::npos) << r.out;
  r = RunStrata(Args(url, {"calculate-checksum", "--changeset-identifier",
                           "main.yaml::t1::alice"}),
                dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "8:69f2f8d3b30f4fc9da89b7cb3c1d5c2b\n");

  // A wrong v8 sum is reported with the v8 sum the changeset has now, and
  // update fails on it.
  ASSERT_TRUE(c->Execute("UPDATE databasechangelog SET MD5SUM = "
                         "'8:00000000000000000000000000000000' WHERE ID = 's1'").ok());
  r = RunStrata(Args(url, {"validate"}), dir);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("main.yaml::s1::alice was: 8:00000000000000000000000000000000 but is "
                       "now: 8:b97f926e2acf911273abffe72e1d9024"),
            std::string::npos)
      << r.err;
  r = RunStrata(Args(url, {"update"}), dir);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(StoredSums(*c)["main.yaml::s1::alice"], "8:00000000000000000000000000000000");
  StoreV8Sums(*c);

  r = RunStrata(Args(url, {"update"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  std::map<std::string, std::string> after = StoredSums(*c);
  int upgraded = 0;
  for (const auto& [key, sums] : V8Oracle()) {
    EXPECT_EQ(after[key], sums.v9) << key;
    if (after[key] == sums.v9) ++upgraded;
  }
  printf("8: rows upgraded to Liquibase 4.28's 9: sums: %d of %zu\n", upgraded,
         V8Oracle().size());
  EXPECT_EQ(QueryLines(*c, "SELECT count(*) FROM databasechangelog WHERE EXECTYPE = 'EXECUTED'"),
            std::vector<std::string>{std::to_string(V8Oracle().size()) + "|"});
  r = RunStrata(Args(url, {"validate"}), dir);
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
}

}  // namespace
}  // namespace strata::test
