// Liquibase's changeset checksum (v9, and the legacy v8) and DESCRIPTION text.
//
// Persisted format: the values computed here are stored in
// databasechangelog.MD5SUM by Liquibase and Strata alike. The algorithm must
// never change (../shared/reference/liquibase-4.28.md §4).
#pragma once

#include <string>
#include <string_view>

#include "strata/model.h"

namespace strata {

// Liquibase's checksum algorithms. v9 is what Liquibase 4.22+ and Strata
// write; v8 is what Liquibase 3.5-4.21 wrote: such rows are validated with
// v8 and upgraded to v9 by update, as Liquibase 4.28 does.
enum class ChecksumVersion { kV8 = 8, kV9 = 9 };

// The algorithm a stored MD5SUM was computed with: its "<n>:" prefix, where
// every version below 9 (and a sum without prefix, version 1) runs the v8
// code path, as in Liquibase.
ChecksumVersion StoredChecksumVersion(std::string_view stored);

// True when `stored` and `computed` are the same sum. Sums of versions 7 and
// below are compared by their hex digits only, since v8 computes them.
bool SameChecksum(std::string_view stored, std::string_view computed);

// Lower-case hex MD5 of the bytes.
std::string Md5Hex(std::string_view bytes);

// Liquibase's StringChangeLogSerializer form of a change ("createTable:[...]").
// v8 also serializes the fields v9 leaves out (createView's selectQuery and
// path, createProcedure's procedureText, dbms, path and comments, ...).
std::string SerializeChange(const Change& change,
                            ChecksumVersion version = ChecksumVersion::kV9);

// "<version>:<hex>" checksum of one change.
std::string ChangeChecksum(const Change& change,
                           ChecksumVersion version = ChecksumVersion::kV9);

// "<version>:<hex>" checksum of one modifySql visitor.
std::string SqlVisitorChecksum(const SqlVisitor& visitor,
                               ChecksumVersion version = ChecksumVersion::kV9);

// "<version>:<hex>" checksum of a changeset as Liquibase stores it in
// MD5SUM. `dbms` is the target engine ("postgresql", "sqlite"): with v9,
// sql, sqlFile, createProcedure and insert changes whose dbms attribute
// excludes it are skipped (v8 hashes them all); with both, modifySql
// visitors whose dbms excludes it are skipped.
std::string ChangeSetChecksum(const ChangeSet& changeset, std::string_view dbms,
                              ChecksumVersion version = ChecksumVersion::kV9);

// Whether `stored` is the changeset's sum under the stored sum's algorithm
// version. An "8:" sum of a changeset whose modifySql has a context matches
// either spelling of v8: the one Liquibase 4.16-4.28 compute, or the one
// Liquibase 3.5-4.15 wrote (which 4.28 itself rejects).
bool MatchesStoredChecksum(const ChangeSet& changeset, std::string_view dbms,
                           std::string_view stored);

// Liquibase's ChangeSet.isCheckSumValid for a non-NULL stored MD5SUM: the
// stored sum matches (MatchesStoredChecksum), or one of its validCheckSums is
// ANY or names the stored sum, the current sum of the stored sum's version
// or the current v9 sum.
bool ChecksumValid(const ChangeSet& changeset, std::string_view dbms,
                   std::string_view stored);

// DESCRIPTION column text, e.g. "createIndex indexName=i, tableName=t",
// changes joined with "; ", "empty" for none. Text longer than 250
// characters (Java UTF-16 units) keeps its first 247 and gains "...", as
// Liquibase 4.28 writes it (verified against the tool).
std::string Describe(const ChangeSet& changeset);

}  // namespace strata
