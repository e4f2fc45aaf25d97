#include "strata/cli.h"

int main(int argc, char** argv) { return strata::RunCli(argc, argv); }
