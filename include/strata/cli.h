// The command line: argv in, exit code out (0 success, 1 failure).
#pragma once

namespace strata {

int RunCli(int argc, char** argv);

// True while work RunCli started on another thread is still going: a
// database being opened for a command that failed before it needed it
// (strata opens a server while the changelog loads). main() then ends the
// process with _Exit, so that no static destructor runs under that thread.
bool BackgroundWorkRunning();

}  // namespace strata
