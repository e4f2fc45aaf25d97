// Liquibase's automatic rollbacks: the change types that define
// createInverses(), each inverted the same way. Everything else needs a
// rollback block.
#include <string>
#include <type_traits>
#include <string_view>
#include <variant>
#include <vector>

#include "render/load_data.h"
#include "strata/render.h"
#include "strata/sql_writer.h"

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

// Liquibase drops the foreign key, then the lookup table.
Inverse Invert(const AddLookupTable& c) {
  DropForeignKeyConstraint fk;
  fk.base_table_catalog_name = c.existing_table_catalog_name;
  fk.base_table_schema_name = c.existing_table_schema_name;
  fk.base_table_name = c.existing_table_name;
  fk.constraint_name = c.FinalConstraintName();
  fk.loc = c.loc;
  DropTable table;
  table.catalog_name = c.new_table_catalog_name;
  table.schema_name = c.new_table_schema_name;
  table.table_name = c.new_table_name;
  table.loc = c.loc;
  return {{fk, table}, {}, {}};
}

// dropIndex is false when the key was built on an existing index.
Inverse Invert(const AddPrimaryKey& c) {
  DropPrimaryKey d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.table_name = c.table_name;
  d.constraint_name = c.constraint_name;
  if (c.for_index_name) d.drop_index = false;
  d.loc = c.loc;
  return {{d}, {}, {}};
}

Inverse Invert(const CreateSequence& c) {
  DropSequence d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.sequence_name = c.sequence_name;
  d.loc = c.loc;
  return {{d}, {}, {}};
}

Inverse Invert(const RenameSequence& c) {
  RenameSequence r = c;
  r.old_sequence_name = c.new_sequence_name;
  r.new_sequence_name = c.old_sequence_name;
  return {{r}, {}, {}};
}

Inverse Invert(const RenameView& c) {
  RenameView r = c;
  r.old_view_name = c.new_view_name;
  r.new_view_name = c.old_view_name;
  return {{r}, {}, {}};
}

// One DELETE per CSV row, by primary key (Liquibase's
// generateRollbackStatements; supportsRollback() says false but rollback
// works). The where clause is written with PostgreSQL quoting when no
// dialect is given.
Inverse InvertLoadUpdateData(const LoadUpdateData& c, const Dialect* dialect) {
  const Dialect& d = dialect ? *dialect : PostgresDialect();
  auto table = detail::ReadLoadData(c.content, c.file, c.separator, c.quotchar,
                                    c.comment_line_starts_with, c.columns);
  if (!table.ok())
    return None("liquibase.change.core.LoadUpdateDataChange", table.status().message());
  std::vector<std::string> pk = detail::SplitNames(c.primary_key.value_or(""));
  std::vector<size_t> key_index;
  for (const std::string& k : pk) {
    size_t i = 0;
    while (i < table->columns.size() && table->columns[i].name != k) ++i;
    if (i == table->columns.size())
      return None("liquibase.change.core.LoadUpdateDataChange",
                  "primary key column '" + k + "' is not in the file");
    key_index.push_back(i);
  }
  Inverse inv;
  for (const auto& row : table->rows) {
    SqlWriter w(d);
    for (size_t k = 0; k < key_index.size(); ++k) {
      if (k) w.Keyword(" AND ");
      w.Ident(table->columns[key_index[k]].name).Keyword(" = ");
      detail::WriteLoadValue(w, row[key_index[k]]);
    }
    Delete del;
    del.catalog_name = c.catalog_name;
    del.schema_name = c.schema_name;
    del.table_name = c.table_name;
    del.where = w.Take();
    del.loc = c.loc;
    inv.changes.push_back(std::move(del));
  }
  return inv;
}

Inverse Invert(const Output&) { return {}; }

Inverse Invert(const AddAutoIncrement&) {
  return None("liquibase.change.core.AddAutoIncrementChange");
}
Inverse Invert(const DropPrimaryKey&) { return None("liquibase.change.core.DropPrimaryKeyChange"); }
Inverse Invert(const DropAllForeignKeyConstraints&) {
  return None("liquibase.change.core.DropAllForeignKeyConstraintsChange");
}
Inverse Invert(const AlterSequence&) { return None("liquibase.change.core.AlterSequenceChange"); }
Inverse Invert(const DropSequence&) { return None("liquibase.change.core.DropSequenceChange"); }
Inverse Invert(const CreateProcedure&) {
  return None("liquibase.change.core.CreateProcedureChange");
}
Inverse Invert(const DropProcedure&) { return None("liquibase.change.core.DropProcedureChange"); }
Inverse Invert(const MergeColumns&) { return None("liquibase.change.core.MergeColumnChange"); }
Inverse Invert(const ModifyDataType&) {
  return None("liquibase.change.core.ModifyDataTypeChange");
}
Inverse Invert(const SetColumnRemarks&) {
  return None("liquibase.change.core.SetColumnRemarksChange");
}
Inverse Invert(const SetTableRemarks&) {
  return None("liquibase.change.core.SetTableRemarksChange");
}
Inverse Invert(const LoadData&) { return None("liquibase.change.core.LoadDataChange"); }
Inverse Invert(const SqlFile&) { return None("liquibase.change.core.SQLFileChange"); }
Inverse Invert(const Stop&) { return None("liquibase.change.core.StopChange"); }
Inverse Invert(const ExecuteCommand&) {
  return None("liquibase.change.core.ExecuteShellCommandChange");
}
Inverse Invert(const CustomChange&) {
  return None("liquibase.change.custom.CustomChangeWrapper");
}

// ---- Liquibase Pro change types ----------------------------------------------

Inverse Invert(const AddCheckConstraint& c) {
  DropCheckConstraint d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.table_name = c.table_name;
  d.constraint_name = c.constraint_name;
  d.loc = c.loc;
  return {{d}, {}, {}};
}
Inverse Invert(const DropCheckConstraint&) {
  return None("com.datical.liquibase.ext.storedlogic.checkconstraint.change."
              "DropCheckConstraintChange");
}
// enable <-> disable: the same attributes, the other kind.
template <int kTo, int kFrom>
Inverse Toggle(const CheckConstraintRef<kFrom>& c) {
  CheckConstraintRef<kTo> t;
  t.catalog_name = c.catalog_name;
  t.schema_name = c.schema_name;
  t.table_name = c.table_name;
  t.constraint_name = c.constraint_name;
  t.loc = c.loc;
  return {{t}, {}, {}};
}
template <int kTo, int kFrom>
Inverse Toggle(const TriggerRef<kFrom>& c) {
  TriggerRef<kTo> t;
  t.catalog_name = c.catalog_name;
  t.schema_name = c.schema_name;
  t.trigger_name = c.trigger_name;
  t.table_name = c.table_name;
  t.scope = c.scope;
  t.loc = c.loc;
  return {{t}, {}, {}};
}
Inverse Invert(const EnableCheckConstraint& c) { return Toggle<2>(c); }
Inverse Invert(const DisableCheckConstraint& c) { return Toggle<1>(c); }
Inverse Invert(const EnableTrigger& c) { return Toggle<2>(c); }
Inverse Invert(const DisableTrigger& c) { return Toggle<1>(c); }

Inverse Invert(const CreateFunction& c) {
  DropFunction d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.function_name = c.function_name;
  d.loc = c.loc;
  return {{d}, {}, {}};
}
Inverse Invert(const DropFunction&) {
  return None("com.datical.liquibase.ext.storedlogic.function.change.DropFunctionChange");
}
Inverse Invert(const CreateTrigger& c) {
  DropTrigger d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.trigger_name = c.trigger_name;
  d.table_name = c.table_name;
  d.scope = c.scope;
  d.loc = c.loc;
  return {{d}, {}, {}};
}
Inverse Invert(const DropTrigger&) {
  return None("com.datical.liquibase.ext.storedlogic.trigger.change.DropTriggerChange");
}
Inverse Invert(const RenameTrigger& c) {
  RenameTrigger r = c;
  r.old_trigger_name = c.new_trigger_name;
  r.new_trigger_name = c.old_trigger_name;
  return {{r}, {}, {}};
}
Inverse Invert(const CreateSynonym& c) {
  DropSynonym d;
  d.object_type = c.object_type;
  d.is_private = c.is_private;
  d.synonym_catalog_name = c.synonym_catalog_name;
  d.synonym_schema_name = c.synonym_schema_name;
  d.synonym_name = c.synonym_name;
  d.loc = c.loc;
  return {{d}, {}, {}};
}
Inverse Invert(const DropSynonym&) {
  return None("com.datical.liquibase.ext.appdba.synonym.change.DropSynonymChange");
}
// Package text is run as written, so what it creates is unknown.
Inverse Invert(const CreatePackage&) {
  return None("com.datical.liquibase.ext.storedlogic.databasepackage.change."
              "CreatePackageChange");
}
Inverse Invert(const CreatePackageBody&) {
  return None("com.datical.liquibase.ext.storedlogic.databasepackage.change."
              "CreatePackageBodyChange");
}
Inverse Invert(const DropPackage&) {
  return None("com.datical.liquibase.ext.storedlogic.databasepackage.change."
              "DropPackageChange");
}
Inverse Invert(const DropPackageBody&) {
  return None("com.datical.liquibase.ext.storedlogic.databasepackage.change."
              "DropPackageBodyChange");
}
Inverse Invert(const CreateCompositeType& c) {
  DropCompositeType d;
  d.catalog_name = c.catalog_name;
  d.schema_name = c.schema_name;
  d.type_name = c.type_name;
  d.loc = c.loc;
  return {{d}, {}, {}};
}
Inverse Invert(const DropCompositeType&) {
  return None("com.datical.liquibase.ext.compositetype.change.DropCompositeTypeChange");
}
// The attributes' old types and the old owner are not in the changelog.
Inverse Invert(const AlterCompositeTypeAttributes&) {
  return None("com.datical.liquibase.ext.compositetype.change."
              "AlterCompositeTypeAttributesChange");
}
Inverse Invert(const ChangeCompositeTypeOwner&) {
  return None("com.datical.liquibase.ext.compositetype.change.ChangeCompositeTypeOwnerChange");
}
Inverse Invert(const RenameCompositeType& c) {
  RenameCompositeType r = c;
  r.old_type_name = c.new_type_name;
  r.new_type_name = c.old_type_name;
  return {{r}, {}, {}};
}
Inverse Invert(const RenameCompositeTypeAttribute& c) {
  RenameCompositeTypeAttribute r = c;
  r.old_attribute_name = c.new_attribute_name;
  r.new_attribute_name = c.old_attribute_name;
  return {{r}, {}, {}};
}

}  // namespace

Result<std::vector<Change>> RollbackChanges(const ChangeSet& changeset,
                                            const Dialect* dialect) {
  if (changeset.rollback.specified) return changeset.rollback.changes;
  std::vector<Change> out;
  for (auto it = changeset.changes.rbegin(); it != changeset.changes.rend(); ++it) {
    Inverse inv = std::visit(
        [&](const auto& c) {
          if constexpr (std::is_same_v<std::decay_t<decltype(c)>, LoadUpdateData>) {
            return InvertLoadUpdateData(c, dialect);
          } else {
            return Invert(c);
          }
        },
        *it);
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
