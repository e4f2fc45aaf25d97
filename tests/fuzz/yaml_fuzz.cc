// libFuzzer target: the input is one YAML changelog.
#include "fuzz_loader.h"
#include "load/yaml_changelog.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return strata::fuzz::FuzzChangeLog(strata::load::ParseYamlChangeLog, "fuzz.yaml", data, size);
}
