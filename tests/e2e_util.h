// End-to-end helpers: run the strata binary against a real database and
// look at the result through an independent query path.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "strata/connection.h"
#include "test_util.h"

namespace strata::test {

std::unique_ptr<Connection> Open(const std::string& url);

std::vector<std::string> QueryLines(Connection& c, const std::string& sql);

// The user schema (tracking tables excluded) as sorted text lines.
std::vector<std::string> Schema(const std::string& url);

// ID|AUTHOR|FILENAME|EXECTYPE|MD5SUM|DESCRIPTION|TAG in history order.
std::vector<std::string> HistoryRows(const std::string& url);

bool HasTable(const std::string& url, const std::string& table);

// Copies the example changelog folder into `dir`/changelogs/example.
void CopyExample(const std::string& dir);

// Splits an update-sql / rollback-sql script into its statements.
std::vector<std::string> ScriptStatements(const std::string& script);

}  // namespace strata::test
