// The command line: argv in, exit code out (0 success, 1 failure).
#pragma once

namespace strata {

int RunCli(int argc, char** argv);

// True while work RunCli started on another thread is still going: a
// database being opened for a command that failed before it needed it
// (strata opens a server while the changelog loads). main() then ends the
// process with _Exit, so that no static destructor runs under that thread.
bool BackgroundWorkRunning();

// Called by main(), whose process ends right after RunCli: a command's
// loaded changelog and history are then kept (reachable) instead of being
// freed object by object, which took a tenth of validating 100,000
// changesets. Tests that call RunCli in-process leave it off.
void KeepAtExit();

}  // namespace strata
