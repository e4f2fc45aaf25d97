#include <cstdio>
#include <cstdlib>

#include "strata/cli.h"

int main(int argc, char** argv) {
  strata::KeepAtExit();
  int code = strata::RunCli(argc, argv);
  if (strata::BackgroundWorkRunning()) {
    std::fflush(nullptr);
    std::_Exit(code);
  }
  return code;
}
