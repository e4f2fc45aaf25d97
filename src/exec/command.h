// Running executeCommand's operating-system commands.
#pragma once

#include <string>
#include <vector>

#include "strata/status.h"

namespace strata::detail {

// Runs argv[0] (looked up on PATH when it has no '/') with the remaining
// arguments and waits for it. The command's standard output and error both
// go to Strata's standard error, so that `strata update`'s stdout stays
// clean. With timeout_seconds > 0 a command still running then is killed
// with its whole process group.
// REQUIRES: !argv.empty()
// Ok when it exits with status 0; otherwise an error naming the command and
// its exit status, signal or timeout.
Status RunCommand(const std::vector<std::string>& argv, int timeout_seconds);

}  // namespace strata::detail
