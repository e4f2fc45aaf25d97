// Text primitives shared by the checksum stage: Liquibase's CheckSum.compute
// and the whitespace stripping of SQL bodies.
//
// Persisted format: these feed databasechangelog.MD5SUM and never change.
#pragma once

#include <string>
#include <string_view>

#include "strata/checksum.h"

namespace strata::detail {

// CRLF and lone CR become LF.
std::string NormalizeLineEndings(std::string_view text);

// Liquibase's CheckSum.compute(String): "<version>:" + md5 over the UTF-8
// bytes of the text after CRLF/CR -> LF and removal of U+FFFD.
//
// Liquibase also NFC-normalises the text. Strata has no Unicode tables, so
// this step is the identity: checksums agree for ASCII and already-NFC
// input (every YAML/XML file written with normal editors), and differ only
// for text holding decomposed sequences (e.g. "e" + U+0301).
std::string ComputeString(std::string_view text,
                          ChecksumVersion version = ChecksumVersion::kV9);

// "<version>:" as it starts a checksum.
std::string VersionPrefix(ChecksumVersion version);

// The bytes of `sql` with every ' ', '\t', '\n' and '\r' removed; what
// Liquibase hashes for sql/sqlFile and for view bodies (v9).
std::string StripSqlWhitespace(std::string_view sql);

// What Liquibase's v8 NormalizingStreamV8 yields: `header` followed by the
// bytes of `sql` with leading and trailing whitespace (' ', '\t', '\n',
// '\r') dropped and every inner run of it collapsed to one space.
std::string CollapseSqlWhitespaceV8(std::string_view header, std::string_view sql);

}  // namespace strata::detail
