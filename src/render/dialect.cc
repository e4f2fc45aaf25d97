// The two engines as data. Spellings were checked against Liquibase 4.28.0
// (`update-sql --url=offline:postgresql|sqlite`) and the test-harness expected
// SQL; where Liquibase emits SQL the engine rejects, the value here is the
// valid spelling and the comment says so.
#include <algorithm>
#include <array>
#include <iterator>
#include <cctype>
#include <string>
#include <string_view>

#include "strata/dialect.h"

namespace strata {
namespace {

using T = TypeRule;

// Liquibase PostgresDatabase's reserved words (sorted, upper case).
constexpr std::string_view kPostgresReserved[] = {
    "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC",
    "ASYMMETRIC", "AUTHORIZATION", "BINARY", "BOTH", "CASE", "CAST", "CHECK",
    "COLLATE", "COLLATION", "COLUMN", "CONCURRENTLY", "CONSTRAINT", "CREATE",
    "CROSS", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE",
    "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER",
    "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END",
    "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FREEZE", "FROM", "FULL",
    "GRANT", "GROUP", "HAVING", "ILIKE", "IN", "INITIALLY", "INNER",
    "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LATERAL", "LEADING", "LEFT",
    "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NOT",
    "NOTNULL", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER",
    "OVERLAPS", "PLACING", "PRIMARY", "REFERENCES", "RETURNING", "RIGHT",
    "SELECT", "SESSION_USER", "SIMILAR", "SOME", "SYMMETRIC", "TABLE",
    "TABLESAMPLE", "THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE",
    "USER", "USING", "VARIADIC", "VERBOSE", "WHEN", "WHERE", "WINDOW",
    "WITH"};

// Liquibase quotes no keyword on SQLite, so `CREATE TABLE t (order INT)`
// fails there. These are the SQLite 3.40 keywords that fail as a bare table,
// column, index, view or constraint name in the statements Strata writes
// (found by trying every keyword in each position); the rest stay bare as
// Liquibase writes them.
constexpr std::string_view kSqliteReserved[] = {
    "ADD", "ALL", "ALTER", "AND", "AS", "AUTOINCREMENT", "BETWEEN", "CASE",
    "CAST", "CHECK", "COLLATE", "COMMIT", "CONSTRAINT", "CREATE",
    "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DEFAULT",
    "DEFERRABLE", "DELETE", "DISTINCT", "DROP", "ELSE", "ESCAPE", "EXCEPT",
    "EXISTS", "FOREIGN", "FROM", "GROUP", "HAVING", "IF", "IN", "INDEX",
    "INSERT", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LIMIT", "NOT",
    "NOTHING", "NOTNULL", "NULL", "ON", "OR", "ORDER", "PRIMARY", "RAISE",
    "REFERENCES", "RETURNING", "SELECT", "SET", "TABLE", "THEN", "TO",
    "TRANSACTION", "UNION", "UNIQUE", "UPDATE", "USING", "VALUES", "WHEN",
    "WHERE"};

// Liquibase MySQLDatabase's reserved words (read from the 4.28 class file;
// sorted, upper case). MariaDBDatabase extends it.
constexpr std::string_view kMysqlReserved[] = {
    "ACCESSIBLE", "ADD", "ADMIN", "ALL", "ALTER", "ANALYZE", "AND", "AS",
    "ASC", "ASENSITIVE", "AUTO_INCREMENT", "BEFORE", "BETWEEN", "BIGINT",
    "BINARY", "BLOB", "BOTH", "BUCKETS", "BY", "CALL", "CASCADE", "CASE",
    "CHANGE", "CHAR", "CHARACTER", "CHECK", "CLONE", "COLLATE", "COLUMN",
    "COMPONENT", "CONDITION", "CONSTRAINT", "CONTINUE", "CONVERT", "CREATE",
    "CROSS", "CUBE", "CUME_DIST", "CURRENT_DATE", "CURRENT_TIME",
    "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATABASE", "DATABASES",
    "DAY_HOUR", "DAY_MICROSECOND", "DAY_MINUTE", "DAY_SECOND", "DEC",
    "DECIMAL", "DECLARE", "DEFAULT", "DEFINITION", "DELAYED", "DELETE",
    "DENSE_RANK", "DESC", "DESCRIBE", "DESCRIPTION", "DETERMINISTIC",
    "DISTINCT", "DISTINCTROW", "DIV", "DOUBLE", "DROP", "DUAL", "EACH",
    "ELSE", "ELSEIF", "EMPTY", "ENCLOSED", "ESCAPED", "EXCEPT", "EXCLUDE",
    "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FETCH", "FIRST_VALUE", "FLOAT",
    "FLOAT4", "FLOAT8", "FOLLOWING", "FOR", "FORCE", "FOREIGN", "FROM",
    "FULLTEXT", "GENERATED", "GEOMCOLLECTION", "GET",
    "GET_MASTER_PUBLIC_KEY", "GRANT", "GROUP", "GROUPING", "GROUPS",
    "HAVING", "HIGH_PRIORITY", "HISTOGRAM", "HISTORY", "HOUR_MICROSECOND",
    "HOUR_MINUTE", "HOUR_SECOND", "IF", "IGNORE", "IN", "INDEX", "INFILE",
    "INNER", "INOUT", "INSENSITIVE", "INSERT", "INT", "INT1", "INT2",
    "INT3", "INT4", "INT8", "INTEGER", "INTERVAL", "INTO", "INVISIBLE",
    "IS", "ITERATE", "JOIN", "JSON_TABLE", "KEY", "KEYS", "KILL", "LAG",
    "LAST_VALUE", "LEAD", "LEADING", "LEAVE", "LEFT", "LIKE", "LIMIT",
    "LINEAR", "LINES", "LOAD", "LOCALTIME", "LOCALTIMESTAMP", "LOCK",
    "LOCKED", "LONG", "LONGBLOB", "LONGTEXT", "LOOP", "LOW_PRIORITY",
    "MASTER_PUBLIC_KEY_PATH", "MASTER_SSL_VERIFY_SERVER_CERT", "MATCH",
    "MAXVALUE", "MEDIUMBLOB", "MEDIUMINT", "MEDIUMTEXT", "MIDDLEINT",
    "MINUTE_MICROSECOND", "MINUTE_SECOND", "MOD", "MODIFIES", "NATURAL",
    "NESTED", "NOT", "NOWAIT", "NO_WRITE_TO_BINLOG", "NTH_VALUE", "NTILE",
    "NULL", "NULLS", "NUMERIC", "OF", "ON", "OPTIMIZE", "OPTIMIZER_COSTS",
    "OPTION", "OPTIONALLY", "OR", "ORDER", "ORDINALITY", "ORGANIZATION",
    "OTHERS", "OUT", "OUTER", "OUTFILE", "OVER", "PARTITION", "PATH",
    "PERCENT_RANK", "PERSIST", "PERSIST_ONLY", "PRECEDING", "PRECISION",
    "PRIMARY", "PROCEDURE", "PROCESS", "PURGE", "RANGE", "RANK", "READ",
    "READS", "READ_WRITE", "REAL", "RECURSIVE", "REFERENCE", "REFERENCES",
    "REGEXP", "RELEASE", "REMOTE", "RENAME", "REPEAT", "REPLACE", "REQUIRE",
    "RESIGNAL", "RESOURCE", "RESPECT", "RESTART", "RESTRICT", "RETURN",
    "REUSE", "REVOKE", "RIGHT", "RLIKE", "ROLE", "ROW_NUMBER", "SCHEMA",
    "SCHEMAS", "SECOND_MICROSECOND", "SELECT", "SENSITIVE", "SEPARATOR",
    "SET", "SHOW", "SIGNAL", "SKIP", "SMALLINT", "SPATIAL", "SPECIFIC",
    "SQL", "SQLEXCEPTION", "SQLSTATE", "SQLWARNING", "SQL_BIG_RESULT",
    "SQL_CALC_FOUND_ROWS", "SQL_SMALL_RESULT", "SRID", "SSL", "STARTING",
    "STORED", "STRAIGHT_JOIN", "SYSTEM", "TABLE", "TERMINATED", "THEN",
    "THREAD_PRIORITY", "TIES", "TINYBLOB", "TINYINT", "TINYTEXT", "TO",
    "TRAILING", "TRIGGER", "TRUE", "UNBOUNDED", "UNDO", "UNION", "UNIQUE",
    "UNLOCK", "UNSIGNED", "UPDATE", "USAGE", "USE", "USING", "UTC_DATE",
    "UTC_TIME", "UTC_TIMESTAMP", "VALUES", "VARBINARY", "VARCHAR",
    "VARCHARACTER", "VARYING", "VCPU", "VIRTUAL", "VISIBLE", "WHEN",
    "WHERE", "WHILE", "WINDOW", "WITH", "WRITE", "XOR", "YEAR_MONTH",
    "ZEROFILL"};

// Liquibase 4.28 MySQL type spellings (harness expected SQL, `update-sql
// --url=offline:mysql`).
constexpr std::array kMysqlTypes = {
    // Display widths are dropped (int(11) -> INT); tinyint(1) keeps its.
    T{"int", "INT", T::kDropParams},
    T{"integer", "INT", T::kDropParams},
    T{"int4", "INT", T::kDropParams},
    T{"bigint", "BIGINT", T::kDropParams},
    T{"int8", "BIGINT", T::kDropParams},
    T{"smallint", "SMALLINT", T::kDropParams},
    T{"int2", "SMALLINT", T::kDropParams},
    T{"tinyint", "TINYINT"},
    T{"mediumint", "MEDIUMINT", T::kDropParams},
    T{"serial", "INT", T::kIdentity},
    T{"bigserial", "BIGINT", T::kIdentity},
    T{"varchar", "VARCHAR"},
    T{"character varying", "VARCHAR"},
    T{"varchar2", "VARCHAR"},
    T{"nvarchar", "NVARCHAR"},
    T{"char", "CHAR"},
    T{"character", "CHAR"},
    T{"nchar", "NCHAR"},
    T{"text", "TEXT", T::kDropParams},
    T{"clob", "LONGTEXT", T::kDropParams},
    T{"nclob", "LONGTEXT", T::kDropParams},
    T{"longtext", "LONGTEXT", T::kDropParams},
    T{"mediumtext", "MEDIUMTEXT", T::kDropParams},
    T{"tinytext", "TINYTEXT", T::kDropParams},
    // The harness's expected SQL (Liquibase BooleanType on MySQL).
    T{"boolean", "TINYINT", T::kDropParams},
    T{"bool", "TINYINT", T::kDropParams},
    T{"bit", "BIT"},
    // blob keeps its name (4.28: blob(100) -> BLOB); the JDBC names widen.
    T{"blob", "BLOB", T::kDropParams},
    T{"longblob", "LONGBLOB", T::kDropParams},
    T{"longvarbinary", "LONGBLOB", T::kDropParams},
    T{"image", "LONGBLOB", T::kDropParams},
    T{"mediumblob", "MEDIUMBLOB", T::kDropParams},
    T{"tinyblob", "TINYBLOB", T::kDropParams},
    T{"binary", "BINARY"},
    T{"varbinary", "VARBINARY"},
    T{"uuid", "char(36)", T::kDropParams},
    T{"uniqueidentifier", "char(36)", T::kDropParams},
    T{"decimal", "DECIMAL"},
    T{"numeric", "numeric"},
    T{"number", "numeric"},
    T{"double", "DOUBLE"},
    T{"double precision", "DOUBLE PRECISION"},
    T{"float", "FLOAT"},
    T{"real", "REAL"},
    T{"date", "date"},
    T{"datetime", "datetime"},
    T{"timestamp", "timestamp"},
    // Liquibase drops time's fractional precision (time(3) -> time) but
    // keeps datetime(n) and timestamp(n).
    T{"time", "time", T::kDropParams},
};

// MariaDB: MySQL's spellings but boolean, which is TINYINT(1) there.
// Liquibase 4.28 MariaDB type spellings (harness expected SQL, `update-sql
// --url=offline:mysql`).
constexpr std::array kMariadbTypes = {
    T{"int", "INT", T::kDropParams},
    T{"integer", "INT", T::kDropParams},
    T{"int4", "INT", T::kDropParams},
    T{"bigint", "BIGINT", T::kDropParams},
    T{"int8", "BIGINT", T::kDropParams},
    T{"smallint", "SMALLINT", T::kDropParams},
    T{"int2", "SMALLINT", T::kDropParams},
    T{"tinyint", "TINYINT"},
    T{"mediumint", "MEDIUMINT", T::kDropParams},
    T{"serial", "INT", T::kIdentity},
    T{"bigserial", "BIGINT", T::kIdentity},
    T{"varchar", "VARCHAR"},
    T{"character varying", "VARCHAR"},
    T{"varchar2", "VARCHAR"},
    T{"nvarchar", "NVARCHAR"},
    T{"char", "CHAR"},
    T{"character", "CHAR"},
    T{"nchar", "NCHAR"},
    T{"text", "TEXT", T::kDropParams},
    T{"clob", "LONGTEXT", T::kDropParams},
    T{"nclob", "LONGTEXT", T::kDropParams},
    T{"longtext", "LONGTEXT", T::kDropParams},
    T{"mediumtext", "MEDIUMTEXT", T::kDropParams},
    T{"tinytext", "TINYTEXT", T::kDropParams},
    T{"boolean", "TINYINT(1)", T::kDropParams},
    T{"bool", "TINYINT(1)", T::kDropParams},
    T{"bit", "BIT"},
    // blob keeps its name (4.28: blob(100) -> BLOB); the JDBC names widen.
    T{"blob", "BLOB", T::kDropParams},
    T{"longblob", "LONGBLOB", T::kDropParams},
    T{"longvarbinary", "LONGBLOB", T::kDropParams},
    T{"image", "LONGBLOB", T::kDropParams},
    T{"mediumblob", "MEDIUMBLOB", T::kDropParams},
    T{"tinyblob", "TINYBLOB", T::kDropParams},
    T{"binary", "BINARY"},
    T{"varbinary", "VARBINARY"},
    T{"uuid", "char(36)", T::kDropParams},
    T{"uniqueidentifier", "char(36)", T::kDropParams},
    T{"decimal", "DECIMAL"},
    T{"numeric", "numeric"},
    T{"number", "numeric"},
    T{"double", "DOUBLE"},
    T{"double precision", "DOUBLE PRECISION"},
    T{"float", "FLOAT"},
    T{"real", "REAL"},
    T{"date", "date"},
    T{"datetime", "datetime"},
    T{"timestamp", "timestamp"},
    T{"time", "time", T::kDropParams},
};

// java.sql.Types.X is looked up as "java.sql.types.x", then as "x".
constexpr std::array kPostgresTypes = {
    T{"int", "INTEGER", T::kDropModifiers},
    T{"integer", "INTEGER", T::kDropModifiers},
    T{"int4", "INTEGER", T::kDropModifiers},
    T{"bigint", "BIGINT"},
    T{"int8", "BIGINT"},
    T{"smallint", "SMALLINT"},
    T{"int2", "SMALLINT"},
    T{"tinyint", "SMALLINT", T::kDropParams},
    T{"serial", "INTEGER GENERATED BY DEFAULT AS IDENTITY", T::kIdentity},
    T{"serial4", "INTEGER GENERATED BY DEFAULT AS IDENTITY", T::kIdentity},
    T{"bigserial", "BIGINT GENERATED BY DEFAULT AS IDENTITY", T::kIdentity},
    T{"serial8", "BIGINT GENERATED BY DEFAULT AS IDENTITY", T::kIdentity},
    T{"smallserial", "SMALLINT GENERATED BY DEFAULT AS IDENTITY",
      T::kIdentity},
    T{"varchar", "VARCHAR"},
    T{"character varying", "VARCHAR"},
    T{"national character varying", "VARCHAR"},
    T{"nvarchar", "VARCHAR"},
    T{"varchar2", "VARCHAR"},
    T{"nvarchar2", "VARCHAR"},
    T{"char", "CHAR"},
    T{"character", "CHAR"},
    T{"bpchar", "CHAR"},
    T{"nchar", "NCHAR"},
    T{"text", "TEXT", T::kDropParams},
    T{"clob", "TEXT", T::kDropParams},
    T{"nclob", "TEXT", T::kDropParams},
    T{"longtext", "TEXT", T::kDropParams},
    T{"mediumtext", "TEXT", T::kDropParams},
    T{"tinytext", "TEXT", T::kDropParams},
    T{"ntext", "TEXT", T::kDropParams},
    T{"longvarchar", "TEXT", T::kDropParams},
    T{"longnvarchar", "TEXT", T::kDropParams},
    T{"boolean", "BOOLEAN"},
    T{"bool", "BOOLEAN"},
    // Liquibase writes JAVA.SQL.TYPES.BIT for java.sql.Types.BIT.
    T{"bit", "BIT"},
    T{"bit varying", "BIT VARYING"},
    // Liquibase maps blob to OID (a large-object reference), not BYTEA; the
    // MySQL sizes are BYTEA (verified with 4.28 offline update-sql:
    // LONGBLOB, MEDIUMBLOB, TINYBLOB -> BYTEA).
    T{"blob", "OID", T::kDropParams},
    T{"longblob", "BYTEA", T::kDropParams},
    T{"mediumblob", "BYTEA", T::kDropParams},
    T{"tinyblob", "BYTEA", T::kDropParams},
    T{"bytea", "BYTEA", T::kDropParams},
    T{"binary", "BYTEA", T::kDropParams},
    T{"varbinary", "BYTEA", T::kDropParams},
    T{"longvarbinary", "BYTEA", T::kDropParams},
    T{"image", "BYTEA", T::kDropParams},
    T{"uuid", "UUID"},
    T{"uniqueidentifier", "UUID"},
    T{"decimal", "DECIMAL"},
    T{"numeric", "numeric"},
    T{"number", "numeric"},
    T{"currency", "DECIMAL", T::kDropParams},
    T{"money", "DECIMAL", T::kDropParams},
    T{"double", "DOUBLE PRECISION", T::kDropParams},
    T{"double precision", "DOUBLE PRECISION", T::kDropParams},
    T{"float", "FLOAT"},
    T{"real", "REAL"},
    T{"date", "date"},
    T{"datetime", "TIMESTAMP", 0, " WITHOUT TIME ZONE"},
    T{"timestamp", "TIMESTAMP", 0, " WITHOUT TIME ZONE"},
    T{"smalldatetime", "TIMESTAMP", 0, " WITHOUT TIME ZONE"},
    T{"time", "time", T::kUpperModifiers, " WITHOUT TIME ZONE"},
    // A java.sql.Types row wins over the plain name's row.
    T{"java.sql.types.real", "FLOAT"},
};

constexpr std::array kSqliteTypes = {
    T{"int", "INTEGER", T::kDropModifiers},
    T{"integer", "INTEGER", T::kDropModifiers},
    T{"int4", "INTEGER", T::kDropModifiers},
    T{"bigint", "BIGINT"},
    T{"int8", "BIGINT"},
    T{"smallint", "SMALLINT"},
    T{"tinyint", "TINYINT"},
    // Liquibase writes INTEGER AUTOINCREMENT, which SQLite rejects; the
    // renderer declares auto-increment structurally instead.
    T{"serial", "INTEGER"},
    T{"bigserial", "BIGINT"},
    T{"varchar", "VARCHAR"},
    T{"character varying", "VARCHAR"},
    T{"nvarchar", "NVARCHAR"},
    T{"char", "CHAR"},
    T{"character", "CHAR"},
    T{"nchar", "NCHAR"},
    T{"text", "TEXT", T::kDropParams},
    T{"clob", "TEXT", T::kDropParams},
    T{"nclob", "TEXT", T::kDropParams},
    T{"longtext", "TEXT", T::kDropParams},
    T{"mediumtext", "TEXT", T::kDropParams},
    T{"tinytext", "TEXT", T::kDropParams},
    T{"ntext", "TEXT", T::kDropParams},
    T{"longvarchar", "TEXT", T::kDropParams},
    T{"longnvarchar", "TEXT", T::kDropParams},
    T{"xml", "TEXT", T::kDropParams},
    T{"uuid", "TEXT", T::kDropParams},
    T{"boolean", "BOOLEAN"},
    T{"bool", "BOOLEAN"},
    T{"bit", "BOOLEAN"},
    T{"bit varying", "BIT VARYING"},
    T{"blob", "BLOB"},
    T{"longblob", "BLOB"},
    T{"binary", "BLOB"},
    T{"varbinary", "BLOB"},
    T{"longvarbinary", "BLOB"},
    T{"image", "BLOB"},
    T{"decimal", "DECIMAL"},
    T{"numeric", "NUMBER"},
    T{"number", "NUMBER"},
    T{"currency", "REAL", T::kDropParams},
    T{"money", "REAL", T::kDropParams},
    T{"double", "DOUBLE"},
    T{"float", "FLOAT"},
    T{"real", "FLOAT"},
    T{"date", "date"},
    T{"datetime", "TEXT", T::kDropParams | T::kDropModifiers},
    T{"timestamp", "TEXT", T::kDropParams | T::kDropModifiers},
    T{"smalldatetime", "TEXT", T::kDropParams | T::kDropModifiers},
    T{"time", "time"},
};

constexpr Dialect kPostgres = {
    .engine = Engine::kPostgres,
    .name = "postgresql",
    .transactional_ddl = true,
    .supports_schemas = true,
    .folds_to_lower = true,
    .now_function = "NOW()",
    .boolean_true = "TRUE",
    .boolean_false = "FALSE",
    .alter_add_constraint = true,
    .alter_column_nullability = true,
    .alter_column_default = true,
    .alter_drop_constraint = true,
    .drop_index_is_schema_qualified = true,
    .quote_mixed_case = true,
    .reserved_words = kPostgresReserved,
    .type_map = kPostgresTypes,
    .identity_clause = " GENERATED BY DEFAULT AS IDENTITY",
    .inline_autoincrement_primary_key = false,
    .pk_name_prefix = "",
    .pk_name_suffix = "_pkey",
    .pk_name_upper = false,
    .create_or_replace_view = true,
    .drop_table_cascade = true,
    .supports_sequences = true,
    .supports_remarks = true,
    .alter_add_column_full = true,
    .supports_procedures = true,
    .alter_column_type = true,
    .rename_view = true,
    // Liquibase's InsertSetGenerator flushes after more than 50 rows.
    .insert_batch_rows = 51,
    .upsert_as_plpgsql_block = true,
    .implicit_schema = "",
    .display_name = "PostgreSQL",
    .pro = {.alter_check_constraints = true,
            .check_not_valid = true,
            .functions = true,
            .triggers = true,
            .trigger_on_table = true,
            .toggle_triggers = true,
            .rename_triggers = true,
            .qualify_stored_logic_bodies = true,
            .composite_types = true},
    .bytes_prefix = "'\\x",
    .bit_text_true = "B'1'",
    .bit_text_false = "B'0'",
    // Liquibase converts the text to TRUE and writes it as a string.
    .boolean_text_true = "'TRUE'",
    .boolean_text_false = "'FALSE'",
    .generated_always_without_default = true,
    .unique_using_index = true,
};

constexpr Dialect kSqlite = {
    .engine = Engine::kSqlite,
    .name = "sqlite",
    .transactional_ddl = true,
    .supports_schemas = false,
    .folds_to_lower = false,
    .now_function = "CURRENT_TIMESTAMP",
    .boolean_true = "1",
    .boolean_false = "0",
    .alter_add_constraint = false,
    .alter_column_nullability = false,
    .alter_column_default = false,
    .alter_drop_constraint = false,
    .drop_index_is_schema_qualified = false,
    .quote_mixed_case = false,
    .reserved_words = kSqliteReserved,
    .type_map = kSqliteTypes,
    .identity_clause = "",
    .inline_autoincrement_primary_key = true,
    .pk_name_prefix = "PK_",
    .pk_name_suffix = "",
    .pk_name_upper = true,
    .create_or_replace_view = false,
    .drop_table_cascade = false,
    .supports_sequences = false,
    // Liquibase drops remarks on SQLite; the engine has no comments.
    .supports_remarks = false,
    .alter_add_column_full = false,
    .supports_procedures = false,
    .alter_column_type = false,
    .rename_view = false,
    .insert_batch_rows = 1,
    .upsert_as_plpgsql_block = false,
    .implicit_schema = "main",
    .display_name = "SQLite",
    .rebuilds_tables = true,
    .foreign_keys_off_sql = "PRAGMA foreign_keys = OFF",
    .foreign_keys_on_sql = "PRAGMA foreign_keys = ON",
    .reset_alter_sql = "PRAGMA legacy_alter_table = OFF",
    // Check constraints need a table rebuild on SQLite.
    .pro = {.triggers = true},
    .upsert_insert_or_replace = true,
};

// MariaDB is MySQL plus sequences (10.3+) and its own boolean spelling.
constexpr Dialect MakeMysql(Engine engine, std::string_view name,
                            std::string_view display,
                            std::span<const TypeRule> types, bool sequences) {
  return Dialect{
      .engine = engine,
      .name = name,
      // Every DDL statement commits implicitly.
      .transactional_ddl = false,
      .supports_schemas = true,
      .folds_to_lower = false,
      .now_function = "NOW()",
      .boolean_true = "1",
      .boolean_false = "0",
      .alter_add_constraint = true,
      .alter_column_nullability = true,
      .alter_column_default = true,
      .alter_drop_constraint = true,
      .drop_index_is_schema_qualified = false,
      .quote_mixed_case = false,
      .reserved_words = kMysqlReserved,
      .type_map = types,
      .identity_clause = " AUTO_INCREMENT",
      .inline_autoincrement_primary_key = false,
      .pk_name_prefix = "PK_",
      .pk_name_suffix = "",
      .pk_name_upper = true,
      .create_or_replace_view = false,
      .drop_table_cascade = false,
      .supports_sequences = sequences,
      // Remarks are spelled inline (inline_remarks below), not COMMENT ON.
      .supports_remarks = true,
      .alter_add_column_full = true,
      .supports_procedures = true,
      .alter_column_type = true,
      .rename_view = true,
      .insert_batch_rows = 51,
      .upsert_as_plpgsql_block = false,
      .implicit_schema = "",
      .display_name = display,
      .identifier_quote = '`',
      .explicit_null = true,
      .drop_index_on_table = true,
      .rename_table_qualified = true,
      .drop_foreign_key = "DROP FOREIGN KEY ",
      .drop_unique_constraint = "DROP KEY ",
      .set_default_prefix = "ALTER ",
      .drop_default_prefix = "ALTER ",
      .modify_column_restates_type = true,
      .drop_primary_key_unnamed = true,
      .pro = {.alter_check_constraints = true, .functions = true, .triggers = true},
      .inline_remarks = true,
      // Liquibase leaves DEFERRABLE out of unique constraints and rejects it
      // on foreign keys ("deferrable is not allowed on mysql").
      .supports_deferrable = false,
      .add_columns_in_one_alter = true,
      .now_takes_precision = true,
      .parenthesize_computed_default = true,
      // RENAME TABLE renames views too; MariaDB's ALTER SEQUENCE cannot
      // rename (Liquibase writes ALTER SEQUENCE s RENAME TO t, which MariaDB
      // rejects), RENAME TABLE renames sequences.
      .rename_via_rename_table = true,
      .concat_ws = true,
      .backslash_escapes = true,
      .create_sequence = "CREATE SEQUENCE ",
      .no_cycle = " NOCYCLE",
      .drop_sequence_cascade = false,
      // Liquibase: "dataType is not allowed on mariadb"; "current value
      // function for a sequence is not configured for database MariaDB".
      .sequence_data_type = false,
      .sequence_current_value = false,
      .next_value_for = true,
      .sequence_start_after_bounds = true,
      .upsert_on_duplicate_key = true,
  };
}

constexpr Dialect kMysql = MakeMysql(Engine::kMysql, "mysql", "MySQL", kMysqlTypes, false);
constexpr Dialect kMariadb = MakeMysql(Engine::kMariadb, "mariadb", "MariaDB", kMariadbTypes, true);

static_assert(std::is_sorted(std::begin(kPostgresReserved),
                             std::end(kPostgresReserved)));
static_assert(std::is_sorted(std::begin(kSqliteReserved),
                             std::end(kSqliteReserved)));
static_assert(std::is_sorted(std::begin(kMysqlReserved),
                             std::end(kMysqlReserved)));

}  // namespace

const Dialect& PostgresDialect() { return kPostgres; }
const Dialect& SqliteDialect() { return kSqlite; }
const Dialect& MysqlDialect() { return kMysql; }
const Dialect& MariadbDialect() { return kMariadb; }

const Dialect& DialectFor(Engine engine) {
  switch (engine) {
    case Engine::kPostgres:
      return kPostgres;
    case Engine::kSqlite:
      return kSqlite;
    case Engine::kMysql:
      return kMysql;
    case Engine::kMariadb:
      return kMariadb;
  }
  return kPostgres;
}

Result<const Dialect*> DialectByName(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "postgresql" || lower == "postgres") return &kPostgres;
  if (lower == "sqlite") return &kSqlite;
  if (lower == "mysql") return &kMysql;
  if (lower == "mariadb") return &kMariadb;
  return Status::NotFound("unknown database type '" + std::string(name) +
                          "' (expected postgresql, sqlite, mysql or mariadb)");
}

std::string DefaultPrimaryKeyName(const Dialect& dialect, std::string_view table) {
  std::string name(table);
  if (dialect.pk_name_upper)
    for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return std::string(dialect.pk_name_prefix) + name + std::string(dialect.pk_name_suffix);
}

}  // namespace strata
