// What the renderer may ask about the target's schema: a table's current
// definition. Engine-neutral; the exec stage implements it per engine (for
// SQLite, a scratch in-memory copy of the schema that replays every
// statement the plan will run, so a change later in one run sees the tables
// created earlier in it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/status.h"

namespace strata {

struct CatalogColumn {
  std::string name;
  std::string type;  // as declared ("VARCHAR(255)"); may be empty
  bool not_null = false;
  // The default expression as the engine stores it ("'x'", "0",
  // "CURRENT_TIMESTAMP", "(julianday('now'))").
  std::optional<std::string> default_sql;
  int primary_key = 0;  // 1-based position in the primary key; 0: not in it
  bool autoincrement = false;
  std::optional<std::string> collation;  // COLLATE name, when declared
  bool generated = false;                // GENERATED ALWAYS AS (...)
};

struct CatalogForeignKey {
  std::optional<std::string> name;
  std::vector<std::string> columns;
  std::string referenced_table;
  std::vector<std::string> referenced_columns;  // empty: the parent's key
  std::string on_update, on_delete;             // "" = NO ACTION
  bool deferrable = false;
  bool initially_deferred = false;
};

struct CatalogUnique {
  std::optional<std::string> name;
  std::vector<std::string> columns;
};

struct CatalogCheck {
  std::optional<std::string> name;
  std::string expression_sql;  // the text inside CHECK ( ... )
};

// An index created with CREATE INDEX (not one backing a constraint).
struct CatalogIndex {
  std::string name;
  bool unique = false;
  std::vector<std::string> columns;  // "" for an expression
  std::string create_sql;
};

struct CatalogTrigger {
  std::string name;
  std::string create_sql;
};

struct TableDefinition {
  std::optional<std::string> schema;
  std::string name;
  std::vector<CatalogColumn> columns;  // in table order
  std::optional<std::string> primary_key_name;
  std::vector<CatalogUnique> uniques;
  std::vector<CatalogForeignKey> foreign_keys;
  std::vector<CatalogCheck> checks;
  std::vector<CatalogIndex> indexes;
  std::vector<CatalogTrigger> triggers;
  // Other tables with a foreign key to this one.
  std::vector<std::string> referenced_by;
  std::string create_sql;  // the CREATE TABLE statement as stored
  // Table options the definition cannot express (WITHOUT ROWID, STRICT):
  // kept verbatim after the closing parenthesis.
  std::string table_options;

  // The column named `name` (case-insensitive), or null.
  const CatalogColumn* Column(std::string_view name) const;
  CatalogColumn* Column(std::string_view name);
  bool HasPrimaryKey() const;
};

// Case-insensitive ASCII comparison, as SQLite and Liquibase compare names.
bool SameName(std::string_view a, std::string_view b);

class Catalog {
 public:
  virtual ~Catalog() = default;
  // The table's definition as it will be when the statements applied so far
  // have run. Status::NotFound when the catalog does not know the table.
  virtual Result<TableDefinition> Table(const std::optional<std::string>& schema,
                                        std::string_view name) = 0;
  // Records that `sql` will run next (the planner calls it for every
  // statement of the plan, in order). A statement the catalog cannot replay
  // makes later lookups fail with its message rather than answer from a
  // schema that may be wrong.
  virtual Status Apply(std::string_view sql) = 0;
};

// A catalog of fixed definitions: a snapshot of a database Strata cannot
// reach (offline:<db>?snapshot=FILE). Like Liquibase's offline snapshot it
// describes the database before the run and does not follow the plan.
class StaticCatalog : public Catalog {
 public:
  explicit StaticCatalog(std::vector<TableDefinition> tables) : tables_(std::move(tables)) {}
  // A table without a schema in the snapshot matches any requested schema;
  // names compare case-insensitively.
  Result<TableDefinition> Table(const std::optional<std::string>& schema,
                                std::string_view name) override;
  Status Apply(std::string_view) override { return Status::Ok(); }

 private:
  std::vector<TableDefinition> tables_;
};

}  // namespace strata
