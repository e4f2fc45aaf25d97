// One execution case per change type of the Change variant, run by
// every_change_type_pg_test and every_change_type_sqlite_test against a real
// engine through the strata binary:
//
//   fresh database -> `update` the setup changeset -> snapshot
//   -> `update-sql` (the script for the change, nothing runs)
//   -> `update` the change -> the case's check -> snapshot
//   -> `rollback-count 1` -> snapshot equals the one before the change
//   -> run the update-sql script by hand -> snapshot equals the one after
//      `update` (so the dry run printed exactly what update ran)
//   -> run the rollback-count-sql script (taken before the rollback) by
//      hand -> snapshot equals the one before the change again.
//
// A snapshot is the user schema (tables, columns, constraints, indexes,
// views, triggers; on PostgreSQL also sequences, routines, composite types
// and comments), every user table's rows and the databasechangelog rows.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "e2e_scenarios.h"

namespace strata::test {

enum class Outcome {
  kApplies,      // runs, checks, rolls back
  kUnsupported,  // "<type> is not supported on <engine>" before anything runs
  kLoadError,    // refused at load time with file:line:col
  kStops,        // stop: update ends with exit 1 and its message
  kRunsNothing,  // a warning that it is not supported, nothing done, the
                 // changeset recorded as run (Liquibase 4.28's sequence
                 // changes on an engine without sequences)
};

struct EngineSpec {
  Outcome outcome = Outcome::kApplies;
  // After the change this query returns exactly `expect` (rows joined with
  // '\n', each cell followed by '|', NULL as "NULL").
  const char* check = nullptr;
  const char* expect = nullptr;
  // Replace the case's setup, change and rollback items on this engine
  // (nullptr: use the case's), for types whose SQL text is the engine's own.
  const char* setup = nullptr;
  const char* change = nullptr;
  const char* rollback = nullptr;
  // A real engine bug: the test is skipped with this reason.
  const char* skip = nullptr;
};

struct ChangeTypeCase {
  const char* type;
  std::string setup;  // YAML items under the setup changeset's `changes:`
  std::string change;  // YAML items under the tested changeset's `changes:`
  // Explicit rollback items; nullptr means the automatic rollback is used.
  const char* rollback = nullptr;
  // A statement run (and undone) to probe a constraint: after the change it
  // succeeds exactly when `probe_ok_after`; after the rollback it behaves as
  // it did before the change.
  const char* probe = nullptr;
  bool probe_ok_after = false;
  // Expected on update's stderr (output, stop, load errors).
  const char* message = nullptr;
  // A file next to the changelog (CSV, SQL).
  const char* file_name = nullptr;
  const char* file_content = nullptr;
  // A file the change itself writes next to the changelog (executeCommand),
  // and what it holds; the rollback removes it.
  const char* writes_file = nullptr;
  const char* writes_content = nullptr;
  EngineSpec pg;
  EngineSpec sqlite;
};
// Every change type's case, in the Change variant's order.
const std::vector<ChangeTypeCase>& EveryChangeType();

// Runs case `c` with engine expectations `e` against the database at `url`,
// the changelog and its files written to `dir` (the steps above).
void RunChangeTypeCase(const ChangeTypeCase& c, const EngineSpec& e,
                       const std::string& url, const std::string& dir);

// Failures name the type, not the struct's bytes.
inline void PrintTo(const ChangeTypeCase& c, std::ostream* os) { *os << c.type; }

inline std::string CaseName(const ::testing::TestParamInfo<ChangeTypeCase>& info) {
  return info.param.type;
}

}  // namespace strata::test
