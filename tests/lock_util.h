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
Child Spawn(const std::vector<std::string>& args, const std::string& cwd,
            const std::vector<std::pair<std::string, std::string>>& env = {},
            const std::string& program = "");

// Waits for `c`; a signal shows as exit code 128 + signal (137: SIGKILL).
CmdResult Wait(const Child& c);

// Whether `c` has exited, without reaping it (Wait still works).
bool Exited(const Child& c);

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
std::string KilledAt(const std::string& err);

// "N (3 x where, 1 x other, ...)" for a test's report of its kill points.
std::string KillReport(const std::map<std::string, int>& by_kind);

// Every kind of checkpoint a run passes was reached by some kill (by_kind
// counts the kills per kind): the lock, transactional changesets, a
// runInTransaction:false one, and `tracking_statements` statements creating
// the tracking tables (4 from an empty database: lock table CREATE, DELETE,
// INSERT; history table CREATE).
void ExpectEveryKillPointKindReached(std::map<std::string, int> by_kind,
                                     int tracking_statements);

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
