// libFuzzer target: the input is one XML changelog.
#include "fuzz_loader.h"
#include "load/xml_changelog.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return strata::fuzz::FuzzChangeLog(strata::load::ParseXmlChangeLog, "fuzz.xml", data, size);
}
