// Sums the real Liquibase wrote for tests/data/checksum_v8 on PostgreSQL:
// v8 by Liquibase 4.4.0, and the v9 sums Liquibase 4.28 upgraded those rows
// to on its next update. Shared by checksum_v8_test and
// checksum_upgrade_pg_test; the values never change.
#pragma once

#include <map>
#include <string>

namespace strata::test {

struct Expected {
  const char* v8;  // written by Liquibase 4.4.0
  const char* v9;  // the same row after Liquibase 4.28.1's update
  // The v8 sum Liquibase 4.28.1 computes, where it differs from 4.4.0's (a
  // modifySql with a context: 4.28 names the field contextFilter, 4.4.0
  // contexts, so 4.28's validate rejects 4.4.0's row; its message named
  // these). Its v9 is from the same row with MD5SUM cleared first.
  const char* v8_liquibase_428 = nullptr;
};

// filename::id::author -> sums.
inline const std::map<std::string, Expected>& V8Oracle() {
  static const auto* m = new std::map<std::string, Expected>{
      {"main.yaml::t1::alice", {"8:69f2f8d3b30f4fc9da89b7cb3c1d5c2b", "9:c7e301964fcdbeb3bc6509e62a018976"}},
      {"main.yaml::t2::alice", {"8:513a952b8d95b7cf73999e580f86e3fb", "9:a386ac72639936593274d1d0b61a2ad5"}},
      {"main.yaml::t3::alice", {"8:5aa0d7484cd5fc722b43768bd5ba136c", "9:0b81cc7d36a576cd30d070a6fd072d95"}},
      {"main.yaml::s1::alice", {"8:b97f926e2acf911273abffe72e1d9024", "9:c89e591e0fb4b4e3115b62802f20a3e5"}},
      {"main.yaml::s2::alice", {"8:acf40e78005d92ce8ce2ac276fb37b07", "9:b7c5153e5ef30ce20c495c70b2177806"}},
      {"main.yaml::s3::alice", {"8:11d0ed582b012c3ef2b644a52d2bfdf0", "9:8e40c962cef2320c2c759f3676d5b38c"}},
      {"main.yaml::tag1::alice", {"8:1d23e0aaa0556a059304fe1d52e1caa0", "9:38bb4793a6a4fbb48375b4027cd6f472"}},
      {"main.yaml::v1::alice", {"8:1d70a659ed5ded0215add30b050dc2f9", "9:6fda4b73c87578d1534e0d9d67f5b743"}},
      {"main.yaml::v2::alice", {"8:f38e15f188af9bc582e3ac1d252d809d", "9:b0da8b5b3bc9eb6e297aa4313a3c813e"}},
      {"main.yaml::ld1::alice", {"8:871e7a241b821de92c75b29c496d23ca", "9:d98aaf05671c0d0df315c6cad3164618"}},
      {"main.yaml::ms1::alice", {"8:961a42327249c87c186789fc901536c0", "9:456a8c183d71eea47ccd6bc0cc7b571b"}},
      {"main.yaml::ms2::alice", {"8:993b204f233d85a80e4ac26a888845c3", "9:350b70af2e1a40328570b2c653693b39"}},
      {"main.yaml::sf1::alice", {"8:e805368f7ec52acf5fef4fe7644e766a", "9:daa251b546f70f5b7f9686718927f5ad"}},
      {"main.yaml::ins1::alice", {"8:faf2fab617bdfa7cf0f9129affc448de", "9:7cdea41e0b16a1ed0e3c5235fe4a9db2"}},
      {"main.yaml::e1::alice", {"8:d41d8cd98f00b204e9800998ecf8427e", "9:d41d8cd98f00b204e9800998ecf8427e"}},
      {"main.yaml::ms3::alice", {"8:dbec5e820b0fb33f63dc2b49c3b2c97c", "9:b46670cd096b91583c5f94a4979d7423", "8:93547933889d7a2586f84af7c1533997"}},
      {"main.yaml::sf2::alice", {"8:93d1307b5591eb453ee9f1cb4394df03", "9:cc0aee37a779f2c73ac86843eee80cc4"}},
      {"main.yaml::p1::alice", {"8:75357dc2ef787a150ab14a5ac27eb334", "9:c4843b1ebfd402f9a8aac6324e482565"}},
      {"inc/x.xml::x1::bob", {"8:55a5c624df7fb83c27bf5fa3e8ef387e", "9:ae48a96446127035d0ac30e8f0a7dfad"}},
      {"inc/x.xml::x2::bob", {"8:008d2ff8cb8420d3c9d0982001c6ddf3", "9:c8801937350355f706b5dc53526d85fa"}},
      {"inc/x.xml::x3::bob", {"8:cc0be75620ffd3e0a3508be88f5e8843", "9:f5b5f473c8ba3618fcb98373e25800fc"}},
      {"inc/x.xml::x4::bob", {"8:4324f6fbc880c92b72aa3f1f2318b7d2", "9:e6a05dd8efa394eaa8de1f365b474b2d"}},
      {"inc/x.xml::x5::bob", {"8:9c38f44afcaa340620ae43394e6a694b", "9:a495afea95917da99b08046244dd3565"}},
      {"inc/x.xml::x6::bob", {"8:4c657692fc4e73f4fbe5c6e49c3ff5c7", "9:6505499ad3eef2ef08a49e9704808f02"}},
      {"inc/x.xml::x7::bob", {"8:078fc2ebac6e7056719e824700a389b2", "9:bc3d45f75196c5b112bbc60c539ca4ff", "8:6132edef61f70532c5e61f6d106f1256"}},
      {"inc/j.json::j1::carol", {"8:ceae784b9dad784df5195f98fe60a30e", "9:327dc2a9105e782fc48638c3cf9ff4f0"}},
      {"inc/j.json::j2::carol", {"8:4245bd6128db16563346c594937c5eb7", "9:a0a1d61d5d906384af9cb7b502f4923f"}},
      {"inc/f.sql::f1::dave", {"8:44a407e2387ee688c40319ed0171ca30", "9:2f00c20af2b27ebb78ea9cbf168b0d9c"}},
      {"inc/f.sql::f2::dave", {"8:9d67b10629f0887943c104498f3df6f8", "9:f2f7ec0deb9192640fee26844093695e"}},
      {"inc/f.sql::f3::dave", {"8:4d4d4a41a630a2c18090f907c34ec296", "9:2512187dbb9ef43715d220ded16695b6"}},
  };
  return *m;
}

}  // namespace strata::test
