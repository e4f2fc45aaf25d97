// drop-all's inventory of a schema, read from the engine's catalog.
#include "strata/executor.h"
#include "strata/sql_writer.h"

namespace strata {
namespace {

// Objects an extension owns are the extension's to drop (DROP EXTENSION),
// so they are left out.
constexpr const char* kNotFromExtension =
    " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
    "WHERE d.objid = o.oid AND d.deptype = 'e')";

Result<std::vector<SchemaObject>> ListPostgres(Connection& conn,
                                               const std::string& schema) {
  SqlWriter nsp(conn.dialect());
  if (schema.empty()) nsp.Keyword("current_schema()");
  else nsp.Literal(schema);
  const std::string ns = nsp.Take();
  // One query, kind first: r/p/f tables, v views, m materialized views,
  // S sequences not owned by a column (those go with their table),
  // f/p routines, d domains, t enum/range/composite types that are not a
  // table's row type or an array type.
  std::string sql =
      "SELECT k, n, a FROM ("
      "SELECT CASE o.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'matview' "
      "WHEN 'S' THEN 'sequence' ELSE 'table' END AS k, o.relname AS n, '' AS a "
      "FROM pg_catalog.pg_class o JOIN pg_catalog.pg_namespace s ON s.oid = o.relnamespace "
      "WHERE s.nspname = " + ns +
      " AND o.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND NOT o.relispartition"
      " AND NOT (o.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
      "WHERE d.objid = o.oid AND d.classid = 'pg_catalog.pg_class'::regclass "
      "AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')))" +
      kNotFromExtension +
      " UNION ALL "
      "SELECT CASE o.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, o.proname, "
      "pg_catalog.pg_get_function_identity_arguments(o.oid) "
      "FROM pg_catalog.pg_proc o JOIN pg_catalog.pg_namespace s ON s.oid = o.pronamespace "
      "WHERE s.nspname = " + ns + " AND o.prokind IN ('f', 'p')" + kNotFromExtension +
      " UNION ALL "
      "SELECT CASE o.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, o.typname, '' "
      "FROM pg_catalog.pg_type o JOIN pg_catalog.pg_namespace s ON s.oid = o.typnamespace "
      "WHERE s.nspname = " + ns + " AND o.typtype IN ('e', 'r', 'd', 'c', 'm')"
      " AND (o.typrelid = 0 OR (SELECT c.relkind FROM pg_catalog.pg_class c "
      "WHERE c.oid = o.typrelid) = 'c')"
      " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.oid = o.typelem "
      "AND e.typarray = o.oid)" +
      kNotFromExtension + ") x ORDER BY k, n, a";
  std::vector<Row> rows;
  if (Status s = conn.Query(sql, &rows); !s.ok()) return s;
  std::string resolved = schema;
  if (resolved.empty()) resolved = conn.CurrentSchema();
  std::vector<SchemaObject> out;
  for (const Row& r : rows) {
    if (r.size() != 3 || !r[0] || !r[1]) continue;
    SchemaObject o;
    const std::string& k = *r[0];
    o.kind = k == "view"        ? SchemaObject::Kind::kView
             : k == "matview"   ? SchemaObject::Kind::kMaterializedView
             : k == "sequence"  ? SchemaObject::Kind::kSequence
             : k == "function"  ? SchemaObject::Kind::kFunction
             : k == "procedure" ? SchemaObject::Kind::kProcedure
             : k == "domain"    ? SchemaObject::Kind::kDomain
             : k == "type"      ? SchemaObject::Kind::kType
                                : SchemaObject::Kind::kTable;
    o.schema = resolved;
    o.name = *r[1];
    o.arguments = r[2].value_or("");
    out.push_back(std::move(o));
  }
  return out;
}

Result<std::vector<SchemaObject>> ListSqlite(Connection& conn) {
  std::vector<Row> rows;
  Status s = conn.Query(
      "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') "
      "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
      &rows);
  if (!s.ok()) return s;
  std::vector<SchemaObject> out;
  for (const Row& r : rows) {
    if (r.size() != 2 || !r[0] || !r[1]) continue;
    SchemaObject o;
    o.kind = *r[0] == "view" ? SchemaObject::Kind::kView : SchemaObject::Kind::kTable;
    o.name = *r[1];
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

Result<std::vector<SchemaObject>> ListSchemaObjects(Connection& conn,
                                                    const std::string& schema) {
  switch (conn.dialect().engine) {
    case Engine::kPostgres:
      return ListPostgres(conn, schema);
    case Engine::kSqlite:
      return ListSqlite(conn);
    case Engine::kMysql:
    case Engine::kMariadb:
      break;
  }
  return Status::Unsupported("drop-all is not supported on " +
                             std::string(conn.dialect().display_name));
}

}  // namespace strata
