// Preconditions evaluated on real SQLite files (scenarios in
// preconditions_scenarios.h; every precondition type true and false here).
#include "preconditions_scenarios.h"

namespace strata::test::pre {
namespace {

std::string Url(const std::string& dir) { return "sqlite:" + dir + "/app.db"; }

TEST(PreconditionsSqlite, OnFailAndOnErrorModes) {
  std::string dir = TempDir();
  ModesScenario(Url(dir), dir);
}

TEST(PreconditionsSqlite, HaltStopsWithTheLocation) {
  std::string dir = TempDir();
  HaltScenario(Url(dir), dir);
}

TEST(PreconditionsSqlite, NestedAndOrNot) {
  std::string dir = TempDir();
  NestedScenario(Url(dir), dir);
}

TEST(PreconditionsSqlite, ChangeLogLevel) {
  std::string dir = TempDir();
  ChangeLogLevelScenario(Url(dir), dir);
}

TEST(PreconditionsSqlite, PropertyDefinedLater) {
  std::string dir = TempDir();
  PropertyDefinedLaterScenario(Url(dir), dir);
}

TEST(PreconditionsSqlite, UpdateSql) {
  std::string dir = TempDir();
  UpdateSqlScenario(Url(dir), "offline:sqlite", dir);
}

TEST(PreconditionsSqlite, SeeEarlierChangesetsOfTheSameUpdate) {
  std::string dir = TempDir();
  LiveCatalogScenario(Url(dir), dir);
}

TEST(PreconditionsSqlite, RollbackIgnoresPreconditions) {
  std::string dir = TempDir();
  RollbackScenario(Url(dir), dir);
}

TEST(PreconditionsSqlite, XmlForm) {
  std::string dir = TempDir();
  XmlScenario(Url(dir), dir);
}

// Every type, once holding and once not: a holding block runs the changeset
// (EXECUTED), a failing one marks it ran (MARK_RAN). SQLite keeps
// constraint names only in the CREATE TABLE text.
TEST(PreconditionsSqlite, EveryTypeTrueAndFalse) {
  std::string dir = TempDir();
  const std::string mr = "onFail: MARK_RAN";
  struct Case {
    std::string id, condition;
    bool holds;
  };
  std::vector<Case> cases = {
      {"table_t", "tableExists: {tableName: T}", true},
      {"table_f", "tableExists: {tableName: nosuch}", false},
      {"table_view", "tableExists: {tableName: vw}", false},
      {"table_schema", "tableExists: {tableName: t, schemaName: main}", true},
      {"view_t", "viewExists: {viewName: vw}", true},
      {"view_f", "viewExists: {viewName: t}", false},
      {"column_t", "columnExists: {tableName: t, columnName: NAME}", true},
      {"column_f", "columnExists: {tableName: t, columnName: nope}", false},
      {"column_view", "columnExists: {tableName: vw, columnName: x}", true},
      {"index_name_t", "indexExists: {tableName: t, indexName: T_V_IDX}", true},
      {"index_name_f", "indexExists: {indexName: nosuch}", false},
      {"index_cols_t", "indexExists: {tableName: t, columnNames: 'v, name'}", true},
      {"index_cols_order", "indexExists: {tableName: t, columnNames: 'name, v'}", false},
      {"index_cols_prefix", "indexExists: {tableName: t, columnNames: v}", false},
      {"pk_table_t", "primaryKeyExists: {tableName: t}", true},
      {"pk_table_f", "primaryKeyExists: {tableName: empty_t}", false},
      {"pk_name_t", "primaryKeyExists: {primaryKeyName: t_pkey}", true},
      {"pk_name_other_table", "primaryKeyExists: {primaryKeyName: t_pkey, tableName: child}", false},
      {"fk_name_t", "foreignKeyConstraintExists: {foreignKeyName: fk_child_t}", true},
      {"fk_table_t", "foreignKeyConstraintExists: {foreignKeyTableName: child, foreignKeyName: FK_CHILD_T}", true},
      {"fk_table_f", "foreignKeyConstraintExists: {foreignKeyTableName: t, foreignKeyName: fk_child_t}", false},
      {"unique_cols_t", "uniqueConstraintExists: {tableName: t, columnNames: name}", true},
      {"unique_name_t", "uniqueConstraintExists: {tableName: t, constraintName: t_name_key}", true},
      {"unique_cols_f", "uniqueConstraintExists: {tableName: t, columnNames: v}", false},
      {"sequence_f", "sequenceExists: {sequenceName: seq1}", false},
      {"empty_t", "tableIsEmpty: {tableName: empty_t}", true},
      {"empty_f", "tableIsEmpty: {tableName: t}", false},
      {"rows_t", "rowCount: {tableName: t, expectedRows: 2}", true},
      {"rows_f", "rowCount: {tableName: t, expectedRows: 3}", false},
      {"sql_t", "sqlCheck: {expectedResult: '2', sql: 'select count(*) from t'}", true},
      {"sql_text_t", "sqlCheck: {expectedResult: a, sql: 'select name from t where id = 1'}", true},
      {"sql_f", "sqlCheck: {expectedResult: '3', sql: 'select count(*) from t'}", false},
      {"sql_null", "sqlCheck: {expectedResult: '', sql: 'select null'}", false},
      {"dbms_t", "dbms: {type: 'mysql, sqlite'}", true},
      {"dbms_f", "dbms: {type: postgresql}", false},
      {"dbms_not", "dbms: {type: '!sqlite'}", false},
      {"running_f", "runningAs: {username: someone}", false},
      {"executed_t", "changeSetExecuted: {id: '0', author: A, changeLogFile: EVERY.yaml}", true},
      {"executed_f", "changeSetExecuted: {id: '0', author: b, changeLogFile: every.yaml}", false},
      {"property_t", "changeLogPropertyDefined: {property: p1}", true},
      {"property_value_t", "changeLogPropertyDefined: {property: p1, value: v1}", true},
      {"property_value_f", "changeLogPropertyDefined: {property: p1, value: v2}", false},
      {"property_f", "changeLogPropertyDefined: {property: p2}", false},
      {"quoting_t", "expectedQuotingStrategy: {strategy: LEGACY}", true},
      {"quoting_f", "expectedQuotingStrategy: {strategy: QUOTE_ALL_OBJECTS}", false},
  };
  std::string log =
      "databaseChangeLog:\n  - property: {name: p1, value: v1}\n" +
      Plain("0",
            "create table t (id int constraint t_pkey primary key, name varchar(20) constraint "
            "t_name_key unique, v int); create index t_v_idx on t (v, name); create table "
            "child (id int, tid int constraint fk_child_t references t(id)); create view vw as "
            "select 1 as x; insert into t values (1, 'a', 1), (2, 'b', 2); create table "
            "empty_t (id int)");
  for (const Case& c : cases) log += Guarded(c.id, {mr}, {c.condition});
  WriteFile(dir, "every.yaml", log);
  CmdResult r = RunStrata(Args(Url(dir), "every.yaml", {"update"}), dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::map<std::string, std::string> rows = Rows(Url(dir));
  for (const Case& c : cases) {
    const std::string& row = rows[c.id];
    EXPECT_EQ(row.substr(0, row.find(' ')), c.holds ? "EXECUTED" : "MARK_RAN") << c.id << ": " << c.condition;
  }
}

}  // namespace
}  // namespace strata::test::pre
