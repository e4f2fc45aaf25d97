// The command line: argv in, exit code out (0 success, 1 failure).
#pragma once

namespace strata {

int RunCli(int argc, char** argv);

}  // namespace strata
