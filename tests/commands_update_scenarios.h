// The plan-producing commands (update-count, update-to-tag,
// update-testing-rollback, changelog-sync(-to-tag), mark-next-changeset-ran,
// rollback-to-date, future-rollback-*), run by commands_update_pg_test and
// commands_update_sqlite_test against real databases. Each `url` is a
// fresh, empty database; `dir` the working folder.
//
// Expected outputs and rows were settled against Liquibase 4.28.0 on
// PostgreSQL with the changelog below (kSixChangeSets); the oracle's facts
// are quoted where a test depends on them.
#pragma once

#include "e2e_scenarios.h"

namespace strata::test {

// 1 createTable person, 2 addColumn email (with a comment), 3 tagDatabase
// v1.0, 4 createTable pet, 5 tagDatabase v2.0, 6 addColumn pet.name.
constexpr const char* kSixChangeSets =
    "databaseChangeLog:\n"
    "  - changeSet:\n      id: 1\n      author: alice\n      changes:\n"
    "        - createTable:\n            tableName: person\n            columns:\n"
    "              - column: {name: id, type: int}\n"
    "              - column: {name: name, type: varchar(50)}\n"
    "  - changeSet:\n      id: 2\n      author: alice\n      comment: add email\n"
    "      changes:\n        - addColumn:\n            tableName: person\n"
    "            columns:\n              - column: {name: email, type: varchar(255)}\n"
    "  - changeSet:\n      id: 3\n      author: bob\n      changes:\n"
    "        - tagDatabase: {tag: v1.0}\n"
    "  - changeSet:\n      id: 4\n      author: bob\n      changes:\n"
    "        - createTable:\n            tableName: pet\n            columns:\n"
    "              - column: {name: id, type: int}\n"
    "  - changeSet:\n      id: 5\n      author: bob\n      changes:\n"
    "        - tagDatabase: {tag: v2.0}\n"
    "  - changeSet:\n      id: 6\n      author: bob\n      changes:\n"
    "        - addColumn:\n            tableName: pet\n            columns:\n"
    "              - column: {name: name, type: varchar(20)}\n";

constexpr const char* kLog = "changelog.yaml";

std::string SixChangeSets(const std::string& dir);

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The IDs of the history rows, in order ("1 2 3").
std::string HistoryIds(const std::string& url);

// Runs a script's statements on `url`.
void Replay(const std::string& url, const std::string& script);

// What a command changed, and how a -sql script replayed elsewhere compares.
void ExpectSameState(const std::string& a, const std::string& b);

// Bad arguments: exit 1, a message naming the problem, nothing created.
void BadArgumentsScenario(const std::string& url, const std::string& dir);

// update-count: the first N pending changesets, Liquibase's summary with
// "After count"; update-count-sql prints exactly that plan, with no header
// block (Liquibase 4.28 writes none for update-count-sql).
void UpdateCountScenario(const std::string& url, const std::string& replayed,
                         const std::string& dir);

// update-to-tag: up to and including the tagDatabase changeset.
void UpdateToTagScenario(const std::string& url, const std::string& replayed,
                         const std::string& dir);

// changelog-sync: every pending changeset recorded as EXECUTED, its SQL
// not run; the -sql variant is the INSERTs under Liquibase's header, no
// per-changeset comment lines.
void ChangeLogSyncScenario(const std::string& url, const std::string& replayed,
                           const std::string& updated, const std::string& dir);

// mark-next-changeset-ran, then changelog-sync-to-tag; the oracle's rows.
void MarkNextAndSyncToTagScenario(const std::string& url, const std::string& replayed,
                                  const std::string& dir);

// rollback-to-date: rows whose DATEEXECUTED is after the date, newest
// first; the -sql variant prints exactly that, under "Rollback to D Script".
void RollbackToDateScenario(const std::string& url, const std::string& replayed,
                            const std::string& dir);

// future-rollback-sql: the rollback of what is not applied yet, newest
// first. Replayed after the matching update it restores the schema.
void FutureRollbackScenario(const std::string& url, const std::string& dir);

// update-testing-rollback: update, roll back exactly that, update again.
void UpdateTestingRollbackScenario(const std::string& url, const std::string& updated,
                                   const std::string& dir);

// rollback-sql accepts --tag-version like rollback: OLDEST (default) and
// NEWEST occurrence of a tag set twice by the tag command.
void RollbackSqlTagVersionScenario(const std::string& url, const std::string& dir);

}  // namespace strata::test
