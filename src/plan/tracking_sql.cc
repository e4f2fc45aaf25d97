// SQL for the tracking tables. Persisted format shared with Liquibase 4.28:
// table layout, column names and row semantics never change
// (../shared/reference/liquibase-4.28.md §3).
#include <fmt/format.h>

#include "strata/plan.h"
#include "strata/sql_writer.h"

namespace strata {
namespace {

SqlWriter Writer(const PlanContext& ctx) { return SqlWriter(*ctx.dialect); }

}  // namespace

TrackingTables DefaultTrackingTables(const Dialect& dialect) {
  TrackingTables t;
  if (!dialect.folds_to_lower) {
    t.changelog = "DATABASECHANGELOG";
    t.lock = "DATABASECHANGELOGLOCK";
  }
  return t;
}

std::vector<Statement> CreateChangeLogTableSql(const PlanContext& ctx) {
  SqlWriter w = Writer(ctx);
  w.Keyword("CREATE TABLE ").Name(ctx.tables.schema, ctx.tables.changelog);
  w.Keyword(" (ID ").Type("VARCHAR(255)").Keyword(" NOT NULL, AUTHOR ")
      .Type("VARCHAR(255)").Keyword(" NOT NULL, FILENAME ").Type("VARCHAR(255)")
      .Keyword(" NOT NULL, DATEEXECUTED ").Type("datetime")
      .Keyword(" NOT NULL, ORDEREXECUTED ").Type("int")
      .Keyword(" NOT NULL, EXECTYPE ").Type("VARCHAR(10)")
      .Keyword(" NOT NULL, MD5SUM ").Type("VARCHAR(35)")
      .Keyword(", DESCRIPTION ").Type("VARCHAR(255)")
      .Keyword(", COMMENTS ").Type("VARCHAR(255)")
      .Keyword(", TAG ").Type("VARCHAR(255)")
      .Keyword(", LIQUIBASE ").Type("VARCHAR(20)")
      .Keyword(", CONTEXTS ").Type("VARCHAR(255)")
      .Keyword(", LABELS ").Type("VARCHAR(255)")
      .Keyword(", DEPLOYMENT_ID ").Type("VARCHAR(10)").Keyword(")");
  return {Statement{w.Take()}};
}

std::vector<Statement> CreateLockTableSql(const PlanContext& ctx) {
  std::vector<Statement> out;
  SqlWriter w = Writer(ctx);
  w.Keyword("CREATE TABLE ").Name(ctx.tables.schema, ctx.tables.lock);
  w.Keyword(" (ID ").Type("int").Keyword(" NOT NULL, LOCKED ").Type("boolean")
      .Keyword(" NOT NULL, LOCKGRANTED ").Type("datetime")
      .Keyword(", LOCKEDBY ").Type("VARCHAR(255)").Keyword(", CONSTRAINT ")
      .Ident(DefaultPrimaryKeyName(*ctx.dialect, ctx.tables.lock)).Keyword(" PRIMARY KEY (ID))");
  out.push_back({w.Take()});
  SqlWriter d = Writer(ctx);
  d.Keyword("DELETE FROM ").Name(ctx.tables.schema, ctx.tables.lock);
  out.push_back({d.Take()});
  out.push_back({InsertLockRowSql(ctx)});
  return out;
}

std::string InsertLockRowSql(const PlanContext& ctx) {
  SqlWriter w = Writer(ctx);
  w.Keyword("INSERT INTO ").Name(ctx.tables.schema, ctx.tables.lock)
      .Keyword(" (ID, LOCKED) VALUES (1, ")
      .Keyword(ctx.dialect->boolean_false).Keyword(")");
  return w.Take();
}

std::string SelectHistorySql(const PlanContext& ctx) {
  SqlWriter w = Writer(ctx);
  w.Keyword(
       "SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, "
       "MD5SUM, DESCRIPTION, COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS, "
       "DEPLOYMENT_ID FROM ")
      .Name(ctx.tables.schema, ctx.tables.changelog)
      .Keyword(" ORDER BY DATEEXECUTED ASC, ORDEREXECUTED ASC");
  return w.Take();
}

std::string HistoryFingerprintSql(const PlanContext& ctx) {
  SqlWriter w = Writer(ctx);
  w.Keyword("SELECT COUNT(*), MAX(ORDEREXECUTED) FROM ")
      .Name(ctx.tables.schema, ctx.tables.changelog);
  return w.Take();
}

std::string AcquireLockSql(const PlanContext& ctx, std::string_view locked_by) {
  SqlWriter w = Writer(ctx);
  w.Keyword("UPDATE ").Name(ctx.tables.schema, ctx.tables.lock)
      .Keyword(" SET LOCKED = ").Keyword(ctx.dialect->boolean_true)
      .Keyword(", LOCKEDBY = ").Literal(locked_by)
      .Keyword(", LOCKGRANTED = ").Keyword(ctx.dialect->now_function)
      .Keyword(" WHERE ID = 1 AND LOCKED = ").Keyword(ctx.dialect->boolean_false)
      .Keyword(" RETURNING ID");
  return w.Take();
}

std::string ReleaseLockSql(const PlanContext& ctx) {
  SqlWriter w = Writer(ctx);
  w.Keyword("UPDATE ").Name(ctx.tables.schema, ctx.tables.lock)
      .Keyword(" SET LOCKED = ").Keyword(ctx.dialect->boolean_false)
      .Keyword(", LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1");
  return w.Take();
}

std::string SelectLockSql(const PlanContext& ctx) {
  SqlWriter w = Writer(ctx);
  w.Keyword("SELECT LOCKED, LOCKEDBY, LOCKGRANTED FROM ")
      .Name(ctx.tables.schema, ctx.tables.lock).Keyword(" WHERE ID = 1");
  return w.Take();
}

std::string TagSql(const PlanContext& ctx, const HistoryRow& newest,
                   std::string_view tag) {
  SqlWriter w = Writer(ctx);
  w.Keyword("UPDATE ").Name(ctx.tables.schema, ctx.tables.changelog)
      .Keyword(" SET TAG = ").Literal(tag)
      .Keyword(" WHERE ID = ").Literal(newest.id)
      .Keyword(" AND AUTHOR = ").Literal(newest.author)
      .Keyword(" AND FILENAME = ").Literal(newest.filename);
  return w.Take();
}

std::string ClearChecksumsSql(const PlanContext& ctx) {
  SqlWriter w = Writer(ctx);
  w.Keyword("UPDATE ").Name(ctx.tables.schema, ctx.tables.changelog)
      .Keyword(" SET MD5SUM = NULL");
  return w.Take();
}

}  // namespace strata
