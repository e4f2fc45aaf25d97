// libFuzzer target: the input is one formatted SQL changelog.
#include "fuzz_loader.h"
#include "load/formatted_sql.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return strata::fuzz::FuzzChangeLog(strata::load::ParseFormattedSqlChangeLog, "fuzz.sql", data, size);
}
