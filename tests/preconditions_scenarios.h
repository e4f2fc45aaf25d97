// Precondition scenarios run against every engine (preconditions_pg_test.cc,
// preconditions_sqlite_test.cc). The expected behaviour of each was settled
// with the real Liquibase 4.28 on PostgreSQL; the facts are noted beside
// each scenario.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "e2e_util.h"
#include "test_util.h"

namespace strata::test::pre {

std::vector<std::string> Args(const std::string& url, const std::string& changelog,
                              std::vector<std::string> more);

// A YAML changeset guarded by a preConditions block: `options` are its
// "onFail: X" lines, `conditions` its list items in flow style
// ("tableExists: {tableName: t}").
std::string Guarded(const std::string& id, const std::vector<std::string>& options,
                    const std::vector<std::string>& conditions,
                    const std::string& sql = "select 1");

std::string Plain(const std::string& id, const std::string& sql);

// id -> "EXECTYPE ORDEREXECUTED".
std::map<std::string, std::string> Rows(const std::string& url,
                                        const std::string& table = "databasechangelog");

std::vector<std::string> Values(const std::string& url, const std::string& sql);

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// onFail/onError modes in one update, then a second update. Oracle facts:
// MARK_RAN writes a MARK_RAN row and runs nothing of the changeset;
// CONTINUE writes nothing and the changeset is tried again next update;
// WARN runs it; ORDEREXECUTED has no gap for CONTINUE nor for a
// failOnError:false failure; sqlCheck on a missing table is an error
// (onError), not a failure.
void ModesScenario(const std::string& url, const std::string& dir);

// HALT (the default): exit 1, the message names the changeset, the
// condition's file:line:col and type, onFailMessage first; nothing of the
// changeset nor after it runs.
void HaltScenario(const std::string& url, const std::string& dir);

// and/or/not. Oracle: `not` over several conditions fails when any holds;
// `or` passes when one does; `and` needs all.
void NestedScenario(const std::string& url, const std::string& dir);

// Changelog-level blocks. Oracle: a failure (HALT, and in YAML also
// CONTINUE/MARK_RAN) is "Validation Failed: 1 preconditions failed" and
// nothing runs, also when nothing is pending; WARN warns and runs.
void ChangeLogLevelScenario(const std::string& url, const std::string& dir);

// changeLogPropertyDefined sees properties defined after it: global ones
// anywhere in the changelog, local ones later in the same file (Liquibase
// 4.28 ran global, global_value and local; a local property of another
// file stays undefined).
void PropertyDefinedLaterScenario(const std::string& url, const std::string& dir);

// update-sql. Oracle: IGNORE (default) prints the changeset as if its
// preconditions passed; TEST evaluates them against the database as it is:
// MARK_RAN prints the header and the MARK_RAN row only, CONTINUE the header
// and comment only, and ORDEREXECUTED runs on without a gap; FAIL counts as
// a failure, so onFail decides (HALT: error; MARK_RAN: the MARK_RAN row).
void UpdateSqlScenario(const std::string& url, const std::string& offline,
                       const std::string& dir);

// Preconditions see what earlier changesets of the same update did.
void LiveCatalogScenario(const std::string& url, const std::string& dir);

// Oracle: rollback does not evaluate changeset preconditions.
void RollbackScenario(const std::string& url, const std::string& dir);

// The XML form: the same evaluation; MARK_RAN rows keep their checksum and
// a tagDatabase changeset marked ran still sets TAG (oracle).
void XmlScenario(const std::string& url, const std::string& dir);

}  // namespace strata::test::pre
