// What the exec stage's connection files share with each other and with
// tests/connection*_test.cc. Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

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

// The PostgreSQL advisory lock key of the tracking table `table` in `schema`
// of `database` (names as stored, lower case when unquoted): 64-bit FNV-1a
// over "strata-lock", database, schema and table, each followed by a NUL
// byte. Every Strata version must compute the same key: never changes.
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

}  // namespace strata::exec_detail
