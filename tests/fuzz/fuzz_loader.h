// Shared body of the changelog-loader fuzz targets (tests/fuzz/*_fuzz.cc).
//
// Each target parses the input as one changelog of its format through the
// same reader the loader uses, then checks what the loader would check next
// (context and label expressions of every changeset and include, the
// identity of each changeset). Includes, includeAll and resources are
// recorded but never followed, so a run touches no file: the fuzzer cannot
// wander the file system through `includeAll: {path: /}`. The hostile-input
// tests cover following them.
//
// The contract under test: whatever the bytes, parsing returns (bounded time
// and memory), never crashes, never trips ASan/UBSan, and every error it
// reports carries a message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "load/changelog_builder.h"
#include "load/paths.h"
#include "load/properties.h"
#include "strata/context_filter.h"
#include "strata/load.h"

namespace strata::fuzz {

// Inputs above this size are skipped: the loader reads whole files, and a
// large input only slows the fuzzer without reaching new code.
inline constexpr size_t kMaxInput = 256 * 1024;

// Parses `data` as the changelog `name` with `parse` and checks what the
// loader would check next (above). Returns -1 for inputs over kMaxInput, else
// 0; aborts when an error carries no message. Compiled once (fuzz_loader.cc)
// for all the changelog targets.
int FuzzChangeLog(load::ParseChangeLogFn parse, const char* name,
                  const uint8_t* data, size_t size);

}  // namespace strata::fuzz
