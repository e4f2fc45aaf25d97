// Engines as data: what differs between PostgreSQL and SQLite is described
// here once, and renderers read it instead of testing which engine they are
// rendering for (../shared/STYLE.md, "Dialects are data first").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "strata/status.h"

namespace strata {

enum class Engine { kPostgres, kSqlite };

struct Dialect {
  Engine engine;
  std::string_view name;            // Liquibase's dbms name: "postgresql"
  bool transactional_ddl;           // DDL commits with the history row
  bool supports_schemas;            // names may be schema-qualified
  bool folds_to_lower;              // unquoted names fold to lower case (PG)
  std::string_view now_function;    // DATEEXECUTED value: NOW()
  std::string_view boolean_true;    // TRUE / 1
  std::string_view boolean_false;   // FALSE / 0
  // What ALTER TABLE can do in place. A change that needs more is an
  // explicit error before anything runs.
  bool alter_add_constraint;        // ADD CONSTRAINT (FK, UNIQUE)
  bool alter_column_nullability;    // SET/DROP NOT NULL
  bool alter_column_default;        // SET/DROP DEFAULT
  bool alter_drop_constraint;
  bool drop_index_is_schema_qualified;
};

const Dialect& PostgresDialect();
const Dialect& SqliteDialect();
const Dialect& DialectFor(Engine engine);
// "postgresql"/"postgres"/"sqlite" -> dialect; NotFound for anything else.
Result<const Dialect*> DialectByName(std::string_view name);

}  // namespace strata
