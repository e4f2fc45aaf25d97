// Liquibase's changeset checksum (v9) and DESCRIPTION text.
//
// Persisted format: the values computed here are stored in
// databasechangelog.MD5SUM by Liquibase and Strata alike. The algorithm must
// never change (../shared/reference/liquibase-4.28.md §4).
#pragma once

#include <string>
#include <string_view>

#include "strata/model.h"

namespace strata {

// Lower-case hex MD5 of the bytes.
std::string Md5Hex(std::string_view bytes);

// Liquibase's StringChangeLogSerializer form of a change ("createTable:[...]").
std::string SerializeChange(const Change& change);

// "9:<hex>" checksum of one change.
std::string ChangeChecksum(const Change& change);

// "9:<hex>" checksum of one modifySql visitor.
std::string SqlVisitorChecksum(const SqlVisitor& visitor);

// "9:<hex>" checksum of a changeset as Liquibase stores it in MD5SUM.
// `dbms` is the target engine ("postgresql", "sqlite"): sql and insert
// changes whose dbms attribute excludes it are skipped, and so are
// modifySql visitors whose dbms excludes it.
std::string ChangeSetChecksum(const ChangeSet& changeset, std::string_view dbms);

// DESCRIPTION column text, e.g. "createIndex indexName=i, tableName=t",
// changes joined with "; ", "empty" for none. Text longer than 250
// characters (Java UTF-16 units) keeps its first 247 and gains "...", as
// Liquibase 4.28 writes it (verified against the tool).
std::string Describe(const ChangeSet& changeset);

}  // namespace strata
