// What the exec stage's connection files share with each other and with
// tests/connection*_test.cc. Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strata/connection.h"
#include "strata/status.h"

namespace strata::exec_detail {

// REQUIRES: spec.kind == kPostgres.
Result<std::unique_ptr<Connection>> ConnectPostgres(const ConnectionSpec& spec);
// REQUIRES: spec.kind == kSqlite.
Result<std::unique_ptr<Connection>> ConnectSqlite(const ConnectionSpec& spec);

// The URL with the password of its user information and the value of every
// query parameter whose name contains "password" replaced by "*****". For a
// malformed URL it errs on the side of hiding too much.
std::string RedactUrl(std::string_view url);

// `text` with every occurrence of `secret` replaced by "*****". Secrets
// shorter than three characters are left alone: hiding every "a" in a
// message hides nothing and garbles the rest.
std::string Scrub(std::string text, std::string_view secret);

// "line L, column C" (1-based, columns counted in UTF-8 characters) of the
// byte at `offset` in `sql`.
std::string LineColumn(std::string_view sql, size_t offset);

// The PostgreSQL advisory lock key for the tracking table `table` in
// `schema` of `database`: 64-bit FNV-1a over "strata-lock", database, schema
// and table, each followed by a NUL byte. Strata processes of every version
// must agree on it: never changes.
int64_t AdvisoryLockKey(std::string_view database, std::string_view schema,
                        std::string_view table);

// Byte offset of the `chars`-th (1-based) UTF-8 character of `sql`, as
// PostgreSQL's error position counts them; sql.size() when past the end.
size_t ByteOffsetOfChar(std::string_view sql, size_t chars);

// Runs `head` (Strata's own SQL such as BEGIN; may be empty), then `sql`
// (anything), then `tail` (Strata's own; may be empty). On PostgreSQL one
// round trip, with error positions within `sql` when the error is there;
// elsewhere one Execute each.
Status ExecuteJoined(Connection& conn, std::string_view head, std::string_view sql,
                     std::string_view tail);

// Sends every statement of `sqls` (each one SQL command) in one round trip
// when the connection can (PostgreSQL: libpq pipeline mode, the extended
// protocol) and reads their outcomes in order, calling `after_each` after
// each success; the server skips whatever follows a failure. Returns
// Unsupported without running anything where pipelining is not available.
// `*done` counts the successes. A statement holding several commands fails
// here (the extended protocol takes one) with a syntax error, as does a
// real one: then `*retry_one_by_one` is set, and callers roll back and run
// the work one statement at a time (a real syntax error fails again there).
Status ExecutePipelined(Connection& conn, const std::vector<std::string_view>& sqls,
                        const std::function<void()>& after_each, size_t* done,
                        bool* retry_one_by_one);

}  // namespace strata::exec_detail
