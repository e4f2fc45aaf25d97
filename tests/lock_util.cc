// The bodies of what lock_util.h declares, compiled once into the test helper
// library (strata_test_util) rather than into every test that uses them.
#include "lock_util.h"

namespace strata::test {

Child Spawn(const std::vector<std::string>& args, const std::string& cwd,
            const std::vector<std::pair<std::string, std::string>>& env,
            const std::string& program) {
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

CmdResult Wait(const Child& c) {
  int status = 0;
  waitpid(c.pid, &status, 0);
  CmdResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(c.out_path);
  r.err = ReadFile(c.err_path);
  return r;
}

bool Exited(const Child& c) {
  siginfo_t info{};
  return waitid(P_PID, c.pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
         info.si_pid == c.pid;
}

std::string KilledAt(const std::string& err) {
  const std::string mark = "strata: killed at checkpoint ";
  size_t at = err.rfind(mark);
  if (at == std::string::npos) return "";
  size_t colon = err.find(": ", at + mark.size());
  size_t end = err.find('\n', at);
  if (colon == std::string::npos || end == std::string::npos || colon > end) return "";
  return err.substr(colon + 2, end - colon - 2);
}

std::string KillReport(const std::map<std::string, int>& by_kind) {
  int total = 0;
  std::string kinds;
  for (const auto& [where, n] : by_kind) {
    total += n;
    kinds += (kinds.empty() ? "" : "; ") + std::to_string(n) + " x " + where;
  }
  return std::to_string(total) + " (" + kinds + ")";
}

void ExpectEveryKillPointKindReached(std::map<std::string, int> by_kind,
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

}  // namespace strata::test
