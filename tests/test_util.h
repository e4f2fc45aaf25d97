// Helpers shared by the tests: temp folders, running the strata binary,
// and the throwaway PostgreSQL server that tools/test starts.
#pragma once

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "strata/connection.h"

namespace strata::test {

// A fresh empty folder under $TMPDIR, removed at process exit.
std::string TempDir();
// Writes `content` to dir/name (creating sub-folders); returns the path.
std::string WriteFile(const std::string& dir, const std::string& name,
                      const std::string& content);
std::string ReadFile(const std::string& path);

struct CmdResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the built `strata` binary with `args` in `cwd`, with `env`
// (NAME=value entries) added to this process's environment.
CmdResult RunStrata(const std::vector<std::string>& args,
                    const std::string& cwd = ".",
                    const std::vector<std::string>& env = {});
// RunStrata with two hooks: `in_child` runs in the forked child just before
// the exec (resource limits, say), and `usage`, when given, receives the
// child's resource usage.
CmdResult RunStrataWith(const std::vector<std::string>& args, const std::string& cwd,
                        const std::vector<std::string>& env,
                        const std::function<void()>& in_child, rusage* usage);

// The PostgreSQL server URL from STRATA_TEST_PG_URL, or nullopt. Tests call
// RequirePg(), which skips when no server is configured, and fails instead
// when CI=true.
std::optional<std::string> PgUrl();

// A string unique to this process and call ("1234_0_5678").
std::string Unique();

// Creates a fresh database on the test server and returns its URL.
// Inline so that only the tests that use PostgreSQL link the exec stage.
inline std::string CreatePgDatabase() {
  std::string base = *PgUrl();
  auto spec = ParseUrl(base, "", "");
  if (!spec.ok()) {
    fprintf(stderr, "bad STRATA_TEST_PG_URL: %s\n", spec.status().message().c_str());
    abort();
  }
  auto conn = Connect(*spec);
  if (!conn.ok()) {
    fprintf(stderr, "cannot reach test server: %s\n",
            conn.status().message().c_str());
    abort();
  }
  std::string name = "t_" + Unique();
  Status s = (*conn)->Execute("CREATE DATABASE " + name);
  if (!s.ok()) {
    fprintf(stderr, "%s\n", s.message().c_str());
    abort();
  }
  // Replace the database part of postgresql://host:port/db?params.
  auto q = base.find('?');
  std::string params = q == std::string::npos ? "" : base.substr(q);
  std::string head = base.substr(0, q);
  return head.substr(0, head.rfind('/')) + "/" + name + params;
}

}  // namespace strata::test

// Use at the top of a PostgreSQL test: gives `pg_url` or skips/fails.
#define STRATA_REQUIRE_PG(var)                                               \
  auto var##_opt = ::strata::test::PgUrl();                                  \
  if (!var##_opt) {                                                          \
    const char* ci = std::getenv("CI");                                      \
    if (ci && std::string(ci) == "true")                                     \
      FAIL() << "CI=true but STRATA_TEST_PG_URL names no reachable server";  \
    GTEST_SKIP() << "STRATA_TEST_PG_URL not set; run tools/test";            \
  }                                                                          \
  std::string var = ::strata::test::CreatePgDatabase()
