#include "strata/cli.h"

#include <cstdio>

namespace strata {

// Placeholder until the command set lands (same session).
int RunCli(int, char**) {
  std::fputs("strata: commands not built yet\n", stderr);
  return 1;
}

}  // namespace strata
