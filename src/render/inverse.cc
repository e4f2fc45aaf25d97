// Liquibase's automatic rollbacks: the change types that define
// createInverses(), each inverted the same way. Everything else needs a
// rollback block.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "strata/render.h"

namespace strata {
namespace {

// What inverting one change gives: the inverse changes, or the Liquibase
// class that has none (and why, when Liquibase would write broken SQL).
struct Inverse {
  std::vector<Change> changes;
  std::string_view no_inverse_class;  // empty when invertible
  std::string reason;
};

Inverse None(std::string_view cls, std::string reason = {}) {
  return {{}, cls, std::move(reason)};
}

Inverse Invert(const CreateTable& c) {
  DropTable d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.table_name = c.table_name;
  d.loc = c.loc;
  return {{d}, {}, {}};
}

// Liquibase: a dropDefaultValue for each column that has a default, in
// column order, then one dropColumn for all the columns.
Inverse Invert(const AddColumn& c) {
  Inverse inv;
  DropColumn drop;
  drop.catalog_name = c.catalog_name;
  drop.schema_name = c.schema_name;
  drop.table_name = c.table_name;
  drop.loc = c.loc;
  for (const ColumnConfig& col : c.columns) {
    if (col.default_value || col.default_value_numeric ||
        col.default_value_boolean || col.default_value_computed ||
        col.default_value_date || col.default_value_sequence_next) {
      DropDefaultValue dd;
      dd.catalog_name = c.catalog_name;
      dd.schema_name = c.schema_name;
      dd.table_name = c.table_name;
      dd.column_name = col.name;
      dd.column_data_type = col.type;
      dd.loc = c.loc;
      inv.changes.push_back(dd);
    }
    ColumnConfig only_name;
    only_name.name = col.name;
    only_name.loc = col.loc;
    drop.columns.push_back(only_name);
  }
  inv.changes.push_back(drop);
  return inv;
}

Inverse Invert(const RenameColumn& c) {
  RenameColumn r = c;
  r.old_column_name = c.new_column_name;
  r.new_column_name = c.old_column_name;
  return {{r}, {}, {}};
}

Inverse Invert(const RenameTable& c) {
  RenameTable r = c;
  r.old_table_name = c.new_table_name;
  r.new_table_name = c.old_table_name;
  return {{r}, {}, {}};
}

Inverse Invert(const CreateIndex& c) {
  // Liquibase would write DROP INDEX null.
  if (!c.index_name || c.index_name->empty())
    return None("liquibase.change.core.CreateIndexChange", "indexName is not set");
  DropIndex d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.index_name = c.index_name;
  d.table_name = c.table_name;
  d.loc = c.loc;
  return {{d}, {}, {}};
}

Inverse Invert(const AddForeignKeyConstraint& c) {
  DropForeignKeyConstraint d;
  d.base_table_catalog_name = c.base_table_catalog_name;
  d.base_table_schema_name = c.base_table_schema_name;
  d.base_table_name = c.base_table_name;
  d.constraint_name = c.constraint_name;
  d.loc = c.loc;
  return {{d}, {}, {}};
}

Inverse Invert(const AddUniqueConstraint& c) {
  // Liquibase would write DROP CONSTRAINT null.
  if (!c.constraint_name || c.constraint_name->empty())
    return None("liquibase.change.core.AddUniqueConstraintChange",
                "constraintName is not set");
  DropUniqueConstraint d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.table_name = c.table_name;
  d.constraint_name = c.constraint_name;
  d.unique_columns = c.column_names;
  d.loc = c.loc;
  return {{d}, {}, {}};
}

Inverse Invert(const AddNotNullConstraint& c) {
  DropNotNullConstraint d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.table_name = c.table_name;
  d.column_name = c.column_name;
  d.column_data_type = c.column_data_type;
  d.loc = c.loc;
  return {{d}, {}, {}};
}

Inverse Invert(const DropNotNullConstraint& c) {
  AddNotNullConstraint a;
  a.catalog_name = c.catalog_name;
  a.schema_name = c.schema_name;
  a.table_name = c.table_name;
  a.column_name = c.column_name;
  a.column_data_type = c.column_data_type;
  a.loc = c.loc;
  return {{a}, {}, {}};
}

Inverse Invert(const AddDefaultValue& c) {
  DropDefaultValue d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.table_name = c.table_name;
  d.column_name = c.column_name;
  d.column_data_type = c.column_data_type;
  d.loc = c.loc;
  return {{d}, {}, {}};
}

Inverse Invert(const CreateView& c) {
  DropView d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.view_name = c.view_name;
  d.loc = c.loc;
  return {{d}, {}, {}};
}

Inverse Invert(const TagDatabase&) { return {}; }
Inverse Invert(const Empty&) { return {}; }

// No createInverses() in Liquibase.
Inverse Invert(const DropTable&) { return None("liquibase.change.core.DropTableChange"); }
Inverse Invert(const DropColumn&) { return None("liquibase.change.core.DropColumnChange"); }
Inverse Invert(const DropIndex&) { return None("liquibase.change.core.DropIndexChange"); }
Inverse Invert(const DropForeignKeyConstraint&) {
  return None("liquibase.change.core.DropForeignKeyConstraintChange");
}
Inverse Invert(const DropUniqueConstraint&) {
  return None("liquibase.change.core.DropUniqueConstraintChange");
}
Inverse Invert(const DropDefaultValue&) {
  return None("liquibase.change.core.DropDefaultValueChange");
}
Inverse Invert(const DropView&) { return None("liquibase.change.core.DropViewChange"); }
Inverse Invert(const Sql&) { return None("liquibase.change.core.RawSQLChange"); }
Inverse Invert(const Insert&) { return None("liquibase.change.core.InsertDataChange"); }
Inverse Invert(const Update&) { return None("liquibase.change.core.UpdateDataChange"); }
Inverse Invert(const Delete&) { return None("liquibase.change.core.DeleteDataChange"); }

}  // namespace

Result<std::vector<Change>> RollbackChanges(const ChangeSet& changeset,
                                            const Dialect* dialect) {
  if (changeset.rollback.specified) return changeset.rollback.changes;
  std::vector<Change> out;
  for (auto it = changeset.changes.rbegin(); it != changeset.changes.rend(); ++it) {
    Inverse inv = std::visit([](const auto& c) { return Invert(c); }, *it);
    if (!inv.no_inverse_class.empty()) {
      std::string where = ChangeLocation(*it).ToString();
      if (where.empty()) where = changeset.loc.ToString();
      std::string msg = where.empty() ? std::string() : where + ": ";
      msg += changeset.Identity() + ": No inverse to " +
             std::string(inv.no_inverse_class) + " created";
      if (!inv.reason.empty()) msg += " (" + inv.reason + ")";
      return Status::Validation(std::move(msg));
    }
    for (Change& c : inv.changes) {
      bool redundant = dialect && !dialect->alter_column_default &&
                       std::holds_alternative<AddColumn>(*it) &&
                       std::holds_alternative<DropDefaultValue>(c);
      if (!redundant) out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace strata
