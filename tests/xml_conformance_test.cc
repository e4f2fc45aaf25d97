// Loads every XML changelog of the Liquibase test harness (generic,
// postgresql, sqlite) and reports how many load, with the failures grouped
// by reason. Change types not in the model yet and Liquibase Pro /
// extension / not-yet-supported features are expected failures and only
// counted; any other error (or a crash) fails the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "strata/load.h"

namespace strata {
namespace {

namespace fs = std::filesystem;

const char* kHarness =
    "/work/shared/conformance/liquibase-test-harness/change/changelogs";

// The reason an error is expected, or "" when it is not.
std::string ExpectedReason(const std::string& message) {
  if (message.starts_with("unknown change type")) return "change type not in the model yet";
  if (message.starts_with("Liquibase Pro")) return "Liquibase Pro";
  if (message.starts_with("Liquibase extension")) return "Liquibase extension";
  if (message.find("is not supported yet") != std::string::npos)
    return "feature not supported yet";
  return "";
}

TEST(XmlConformance, HarnessChangelogsLoad) {
  std::vector<fs::path> files;
  for (const char* dir : {"generic", "postgresql", "sqlite"}) {
    fs::path p = fs::path(kHarness) / dir;
    if (!fs::is_directory(p)) continue;
    for (const auto& e : fs::directory_iterator(p))
      if (e.path().extension() == ".xml") files.push_back(e.path());
  }
  if (files.empty()) GTEST_SKIP() << "test harness changelogs not available";
  std::sort(files.begin(), files.end());

  size_t loaded = 0;
  std::map<std::string, std::vector<std::string>> expected;  // reason -> files
  for (const fs::path& f : files) {
    LoadOptions opts;
    opts.changelog_file = f.filename().string();
    opts.search_path = {f.parent_path().string()};
    opts.dbms = f.parent_path().filename() == "sqlite" ? "sqlite" : "postgresql";
    LoadResult r = LoadChangeLog(opts);
    std::string name = f.parent_path().filename().string() + "/" + f.filename().string();
    if (r.ok()) {
      ++loaded;
      EXPECT_FALSE(r.changelog.changesets.empty()) << name;
      continue;
    }
    std::string reason;
    for (const Diagnostic& d : r.errors) {
      std::string why = ExpectedReason(d.message);
      EXPECT_NE(why, "") << name << ": unexpected error: " << d.ToString();
      if (reason.empty()) reason = why;
    }
    expected[reason].push_back(name + " (" + r.errors[0].message + ")");
  }
  std::printf("XML harness changelogs: %zu of %zu load\n", loaded, files.size());
  for (const auto& [reason, names] : expected) {
    std::printf("  %zu fail: %s\n", names.size(), reason.c_str());
    for (const auto& n : names) std::printf("      %s\n", n.c_str());
  }
  EXPECT_GT(loaded, files.size() / 2);
}

}  // namespace
}  // namespace strata
