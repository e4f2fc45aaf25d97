#include "exec/command.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

extern char** environ;

namespace strata::detail {

namespace {

std::string CommandLine(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& a : argv) {
    if (!out.empty()) out += ' ';
    out += a;
  }
  return out;
}

}  // namespace

Status RunCommand(const std::vector<std::string>& argv, int timeout_seconds) {
  const std::string line = CommandLine(argv);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  // stdout -> stderr; stdin from /dev/null, so a command that reads never
  // hangs the run.
  posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  // Its own process group, so a timeout kills whatever it started too.
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0)
    return Status::Database(
        fmt::format("executeCommand could not start '{}': {}", argv[0], std::strerror(rc)));

  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::seconds(timeout_seconds);
  int wstatus = 0;
  for (;;) {
    pid_t done = waitpid(pid, &wstatus, timeout_seconds > 0 ? WNOHANG : 0);
    if (done == pid) break;
    if (done < 0 && errno != EINTR)
      return Status::Database(
          fmt::format("executeCommand lost track of '{}': {}", line, std::strerror(errno)));
    if (timeout_seconds > 0 && Clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
      }
      return Status::Database(fmt::format(
          "executeCommand '{}' timed out after {} s and was killed", line, timeout_seconds));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) return Status::Ok();
  if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127)
    return Status::Database(fmt::format(
        "executeCommand '{}' exited with status 127 (command not found?)", line));
  if (WIFEXITED(wstatus))
    return Status::Database(fmt::format("executeCommand '{}' exited with status {}", line,
                                        WEXITSTATUS(wstatus)));
  return Status::Database(fmt::format("executeCommand '{}' was killed by signal {}", line,
                                      WTERMSIG(wstatus)));
}

}  // namespace strata::detail
