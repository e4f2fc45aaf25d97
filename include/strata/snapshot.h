// A database snapshot read from a file: what `offline:<db>?snapshot=FILE`
// tells Strata about a database it cannot connect to. The file is
// Liquibase's JSON snapshot (`liquibase snapshot --snapshot-format=json`),
// so a team's existing offline setup works unchanged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "strata/status.h"

namespace strata {

struct SnapshotColumn {
  std::string name;
  std::string type;  // "varchar(20)", "numeric(10, 2)", "int4", "timestamp"
  int jdbc_type = 0;  // java.sql.Types code (4 INTEGER, 93 TIMESTAMP, ...); 0 unknown
  bool nullable = true;
  std::optional<std::string> default_value;
  bool default_is_function = false;  // CURRENT_TIMESTAMP, nextval(...), ...
};

struct SnapshotForeignKey {
  std::string name;
  std::vector<std::string> columns;
  std::optional<std::string> referenced_schema;
  std::string referenced_table;
  std::vector<std::string> referenced_columns;
};

struct SnapshotTable {
  std::optional<std::string> schema;
  std::string name;
  std::vector<SnapshotColumn> columns;  // in table order
  std::optional<std::string> primary_key_name;
  std::vector<std::string> primary_key;  // column names, in key order
  std::vector<SnapshotForeignKey> foreign_keys;
};

struct DatabaseSnapshot {
  std::string database;  // Liquibase's short name: "postgresql", "mysql", ...
  std::vector<SnapshotTable> tables;
};

// Reads a Liquibase JSON snapshot. Errors name the file (and the object
// that is wrong); never throws.
Result<DatabaseSnapshot> LoadSnapshotFile(const std::string& path);
Result<DatabaseSnapshot> LoadSnapshotText(const std::string& text, const std::string& path);

}  // namespace strata
