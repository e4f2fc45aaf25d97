// Scenarios run by both e2e_sqlite_test and e2e_pg_test against a real
// database. `url` is a fresh, empty database; `dir` the working folder.
#pragma once

#include "e2e_util.h"

namespace strata::test {

std::vector<std::string> Args(const std::string& url,
                              const std::string& changelog,
                              std::vector<std::string> rest);

constexpr const char* kExample = "changelogs/example/changelog.yaml";

inline std::string IncludeBlock() {
  return "  - include:\n      file: release-1.1.yaml\n      relativeToChangelogFile: true\n";
}

// update → status → rollback --tag → update, comparing schema and history
// with a database that was only ever brought to the tag.
void LifecycleScenario(const std::string& url, const std::string& dir);

// update-sql prints exactly what update runs: running its statements on a
// fresh database gives the schema and history update gives.
void UpdateSqlEqualsUpdateScenario(const std::string& url_a,
                                   const std::string& url_b,
                                   const std::string& dir);

// Bad input: an error naming file:line:col, exit 1, nothing created.
void BadInputScenario(const std::string& url, const std::string& dir);

// A changeset that fails at run time: the earlier ones stay applied and
// recorded, the failed one is neither applied nor recorded.
void RuntimeFailureScenario(const std::string& url, const std::string& dir);

// A changeset with no inverse and no rollback block: Liquibase's error,
// and nothing is rolled back.
void NoRollbackScenario(const std::string& url, const std::string& dir);

}  // namespace strata::test
