// Helpers for the locking and crash tests: strata processes run in the
// background, with extra environment variables.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"

namespace strata::test {

struct Child {
  pid_t pid = -1;
  std::string out_path, err_path;
};

// Starts `program` (the strata binary when empty) with `args` in `cwd`;
// `env` entries are added to the child's environment.
inline Child Spawn(const std::vector<std::string>& args, const std::string& cwd,
                   const std::vector<std::pair<std::string, std::string>>& env = {},
                   const std::string& program = "") {
  std::string dir = TempDir();
  Child c{-1, dir + "/out", dir + "/err"};
  std::string bin = program.empty() ? STRATA_BINARY : program;
  std::vector<std::string> copy = args;
  copy.insert(copy.begin(), bin);
  c.pid = fork();
  if (c.pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    if (!freopen(c.out_path.c_str(), "w", stdout)) _exit(127);
    if (!freopen(c.err_path.c_str(), "w", stderr)) _exit(127);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> argv;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return c;
}

// Waits for `c`; a signal shows as exit code 128 + signal (137: SIGKILL).
inline CmdResult Wait(const Child& c) {
  int status = 0;
  waitpid(c.pid, &status, 0);
  CmdResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(c.out_path);
  r.err = ReadFile(c.err_path);
  return r;
}

// Whether `c` has exited, without reaping it (Wait still works).
inline bool Exited(const Child& c) {
  siginfo_t info{};
  return waitid(P_PID, c.pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
         info.si_pid == c.pid;
}

inline CmdResult RunStrataEnv(const std::vector<std::string>& args,
                              const std::string& cwd,
                              const std::vector<std::pair<std::string, std::string>>& env) {
  return Wait(Spawn(args, cwd, env));
}

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Where a STRATA_TEST_CRASH_AT kill struck, from the line strata writes to
// stderr just before it ("strata: killed at checkpoint <n>: <where>"); ""
// when there is none.
inline std::string KilledAt(const std::string& err) {
  const std::string mark = "strata: killed at checkpoint ";
  size_t at = err.rfind(mark);
  if (at == std::string::npos) return "";
  size_t colon = err.find(": ", at + mark.size());
  size_t end = err.find('\n', at);
  if (colon == std::string::npos || end == std::string::npos || colon > end) return "";
  return err.substr(colon + 2, end - colon - 2);
}

// "N (3 x where, 1 x other, ...)" for a test's report of its kill points.
inline std::string KillReport(const std::map<std::string, int>& by_kind) {
  int total = 0;
  std::string kinds;
  for (const auto& [where, n] : by_kind) {
    total += n;
    kinds += (kinds.empty() ? "" : "; ") + std::to_string(n) + " x " + where;
  }
  return std::to_string(total) + " (" + kinds + ")";
}

// Every kind of checkpoint a run passes was reached by some kill (by_kind
// counts the kills per kind): the lock, transactional changesets, a
// runInTransaction:false one, and `tracking_statements` statements creating
// the tracking tables (4 from an empty database: lock table CREATE, DELETE,
// INSERT; history table CREATE).
inline void ExpectEveryKillPointKindReached(std::map<std::string, int> by_kind,
                                            int tracking_statements) {
  EXPECT_EQ(by_kind["tracking table statement run"], tracking_statements);
  for (const char* kind :
       {"process lock held", "lock row taken", "changeset: before its transaction",
        "changeset: statement run in its transaction", "changeset: after COMMIT",
        "changeset (no transaction): before its first statement",
        "changeset (no transaction): statement run",
        "changeset (no transaction): history statement run", "lock row released"})
    EXPECT_GT(by_kind[kind], 0) << kind;
}

// Polls `pred` every 50 ms for up to `seconds`.
template <typename Pred>
bool WaitFor(double seconds, Pred pred) {
  for (int i = 0; i < seconds * 20; ++i) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return pred();
}

}  // namespace strata::test
