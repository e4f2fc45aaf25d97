// Helpers for the locking and crash tests: strata processes run in the
// background, with extra environment variables.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <utility>
#include <vector>

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

}  // namespace strata::test
