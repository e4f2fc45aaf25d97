// The legacy v8 checksum (Liquibase 3.5-4.21) against sums the real
// Liquibase 4.4.0 wrote into databasechangelog.MD5SUM for
// tests/data/checksum_v8/ on PostgreSQL, and the v9 sums Liquibase 4.28.1
// upgraded those rows to. Stored "8:" rows must validate with these, so the
// values never change.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "strata/checksum.h"
#include "strata/load.h"
#include "checksum_v8_oracle.h"

namespace strata {
namespace {

using test::Expected;
const std::map<std::string, Expected>& Oracle() { return test::V8Oracle(); }


DatabaseChangeLog Load() {
  LoadOptions o;
  o.changelog_file = "main.yaml";
  o.search_path = {std::string(STRATA_SOURCE_DIR) + "/tests/data/checksum_v8"};
  o.dbms = "postgresql";
  LoadResult r = LoadChangeLog(o);
  for (const Diagnostic& d : r.errors) ADD_FAILURE() << d.ToString();
  return r.changelog;
}

std::string Key(const ChangeSet& cs) {
  return cs.file_path + "::" + cs.id + "::" + cs.author;
}

TEST(ChecksumV8, EveryChangesetMatchesLiquibase44) {
  DatabaseChangeLog log = Load();
  ASSERT_EQ(log.changesets.size(), Oracle().size());
  int same = 0;
  for (const ChangeSet& cs : log.changesets) {
    auto it = Oracle().find(Key(cs));
    ASSERT_NE(it, Oracle().end()) << Key(cs);
    // calculate-checksum's v8 sum is the one Liquibase 4.28 computes.
    const char* v8_428 = it->second.v8_liquibase_428 ? it->second.v8_liquibase_428 : it->second.v8;
    std::string v8 = ChangeSetChecksum(cs, "postgresql", ChecksumVersion::kV8);
    EXPECT_EQ(v8, v8_428) << Key(cs);
    // A stored v8 sum validates the unchanged changeset, whichever of the
    // two releases wrote it.
    EXPECT_TRUE(ChecksumValid(cs, "postgresql", it->second.v8)) << Key(cs);
    EXPECT_TRUE(ChecksumValid(cs, "postgresql", v8_428)) << Key(cs);
    if (ChecksumValid(cs, "postgresql", it->second.v8)) ++same;
  }
  std::printf("v8 sums written by Liquibase 4.4.0 that validate: %d of %zu\n", same,
              Oracle().size());
}

// The older v8 spelling is accepted only where it is the changeset's own:
// another changeset's sum, or a context changed since, still fails.
TEST(ChecksumV8, ContextSpellingBefore416OnlyForTheSameChangeset) {
  DatabaseChangeLog log = Load();
  ChangeSet* ms3 = nullptr;
  ChangeSet* ms1 = nullptr;
  for (ChangeSet& cs : log.changesets) {
    if (Key(cs) == "main.yaml::ms3::alice") ms3 = &cs;
    if (Key(cs) == "main.yaml::ms1::alice") ms1 = &cs;
  }
  ASSERT_TRUE(ms3 && ms1);
  const Expected& e = Oracle().at("main.yaml::ms3::alice");
  EXPECT_TRUE(MatchesStoredChecksum(*ms3, "postgresql", e.v8));
  EXPECT_TRUE(MatchesStoredChecksum(*ms3, "postgresql", e.v8_liquibase_428));
  EXPECT_FALSE(MatchesStoredChecksum(*ms1, "postgresql", e.v8));
  ms3->modify_sql[0].context = "main";
  EXPECT_FALSE(MatchesStoredChecksum(*ms3, "postgresql", e.v8));
  EXPECT_FALSE(MatchesStoredChecksum(*ms3, "postgresql", e.v8_liquibase_428));
  // Only "8:" rows have two spellings.
  EXPECT_FALSE(MatchesStoredChecksum(*ms3, "postgresql", "9:" + std::string(e.v8 + 2)));
}

TEST(ChecksumV8, UpgradedSumsAreTheV9Sums) {
  DatabaseChangeLog log = Load();
  for (const ChangeSet& cs : log.changesets) {
    const Expected& e = Oracle().at(Key(cs));
    EXPECT_EQ(ChangeSetChecksum(cs, "postgresql"), e.v9) << Key(cs);
  }
}

TEST(ChecksumV8, ChangedChangesetFailsAgainstItsV8Sum) {
  DatabaseChangeLog log = Load();
  for (ChangeSet& cs : log.changesets) {
    if (Key(cs) != "main.yaml::s1::alice") continue;
    std::get<Sql>(cs.changes[0]).sql = "CREATE TABLE a (id bigint);";
    EXPECT_FALSE(ChecksumValid(cs, "postgresql", "8:b97f926e2acf911273abffe72e1d9024"));
    // validCheckSum naming the old v8 sum, or the new sum of either version,
    // accepts it again.
    cs.valid_checksums = {"8:B97F926E2ACF911273ABFFE72E1D9024"};
    EXPECT_TRUE(ChecksumValid(cs, "postgresql", "8:b97f926e2acf911273abffe72e1d9024"));
    cs.valid_checksums = {ChangeSetChecksum(cs, "postgresql")};
    EXPECT_TRUE(ChecksumValid(cs, "postgresql", "8:b97f926e2acf911273abffe72e1d9024"));
    cs.valid_checksums = {ChangeSetChecksum(cs, "postgresql", ChecksumVersion::kV8)};
    EXPECT_TRUE(ChecksumValid(cs, "postgresql", "8:b97f926e2acf911273abffe72e1d9024"));
    cs.valid_checksums = {"ANY"};
    EXPECT_TRUE(ChecksumValid(cs, "postgresql", "8:0123"));
    return;
  }
  FAIL() << "s1 not loaded";
}

TEST(ChecksumV8, StoredVersion) {
  EXPECT_EQ(StoredChecksumVersion("9:abc"), ChecksumVersion::kV9);
  EXPECT_EQ(StoredChecksumVersion("8:abc"), ChecksumVersion::kV8);
  EXPECT_EQ(StoredChecksumVersion("7:abc"), ChecksumVersion::kV8);
  EXPECT_EQ(StoredChecksumVersion("abc"), ChecksumVersion::kV8);
  EXPECT_TRUE(SameChecksum("7:abc", "8:abc"));
  EXPECT_FALSE(SameChecksum("9:abc", "8:abc"));
  EXPECT_FALSE(SameChecksum("8:abc", "8:abd"));
}

}  // namespace
}  // namespace strata
