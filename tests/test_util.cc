#include "test_util.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>


namespace fs = std::filesystem;

namespace strata::test {
namespace {

std::vector<std::string>& DirsToRemove() {
  static auto* dirs = new std::vector<std::string>();
  return *dirs;
}

void RemoveDirs() {
  for (const auto& d : DirsToRemove()) {
    std::error_code ec;
    fs::remove_all(d, ec);
  }
}

}  // namespace

std::string Unique() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd() % 100000);
}

std::string TempDir() {
  static bool registered = (std::atexit(RemoveDirs), true);
  (void)registered;
  fs::path dir = fs::temp_directory_path() / ("strata_test_" + Unique());
  fs::create_directories(dir);
  DirsToRemove().push_back(dir.string());
  return dir.string();
}

std::string WriteFile(const std::string& dir, const std::string& name,
                      const std::string& content) {
  fs::path p = fs::path(dir) / name;
  fs::create_directories(p.parent_path());
  std::ofstream f(p, std::ios::binary);
  f << content;
  return p.string();
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

CmdResult RunStrata(const std::vector<std::string>& args,
                    const std::string& cwd, const std::vector<std::string>& env) {
  return RunStrataWith(args, cwd, env, [] {}, nullptr);
}

CmdResult RunStrataWith(const std::vector<std::string>& args, const std::string& cwd,
                        const std::vector<std::string>& env,
                        const std::function<void()>& in_child, rusage* usage) {
  std::string dir = TempDir();
  std::string out_path = dir + "/out", err_path = dir + "/err";
  CmdResult r;
  // Buffered output of this process would otherwise be written twice.
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    for (const std::string& e : env) {
      auto eq = e.find('=');
      if (eq == std::string::npos || setenv(e.substr(0, eq).c_str(), e.substr(eq + 1).c_str(), 1) != 0)
        _exit(127);
    }
    if (!freopen(out_path.c_str(), "w", stdout)) _exit(127);
    if (!freopen(err_path.c_str(), "w", stderr)) _exit(127);
    in_child();
    std::vector<char*> argv;
    std::string bin = STRATA_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  rusage ignored{};
  if (wait4(pid, &status, 0, usage ? usage : &ignored) != pid) return r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(out_path);
  r.err = ReadFile(err_path);
  return r;
}

std::optional<std::string> PgUrl() {
  const char* url = std::getenv("STRATA_TEST_PG_URL");
  if (!url || !*url) return std::nullopt;
  return std::string(url);
}

}  // namespace strata::test
