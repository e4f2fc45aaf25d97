// drop-all, as Liquibase 4.28's DropAllCommandStep: a notice (or, with
// --require-force and no --force, a refusal), the lock, every object of
// each schema dropped, then the tracking tables; "All objects dropped from
// <user>@<url>" on stderr.
#include <fmt/format.h>

#include "cli/commands.h"
#include "strata/executor.h"

namespace strata::cli {

Status RunDropAll(const GlobalOptions& o, const DropAllOptions& d,
                  const Streams& io) {
  Result<Session> opened = OpenSession(o, 0);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  if (!d.require_force) {
    fmt::print(io.err,
               "INFO: The drop-all command may result in unrecoverable destructive "
               "changes to objects at '{}'.\nTo protect against unwanted drops, set "
               "--requireForce=true, which will require a --force=true flag on the "
               "command.\nLearn more at https://docs.liquibase.com/dropall.\n\n",
               session.spec.redacted);
  } else if (!d.force) {
    return Status::InvalidInput(fmt::format(
        "The drop-all command may result in unrecoverable destructive changes by "
        "dropping all the objects at database '{}'.  This message can be suppressed "
        "and the drop-all command executed by adding the --force flag.",
        session.spec.redacted));
  }
  std::vector<std::string> schemas = d.schemas;
  if (schemas.empty()) schemas.push_back(session.ctx.tables.schema.value_or(""));
  Connection& conn = *session.conn;
  const Dialect& dialect = *session.ctx.dialect;
  for (const std::string& schema : schemas)
    if (!dialect.supports_schemas && !schema.empty() && schema != dialect.implicit_schema)
      return Status::InvalidInput(fmt::format("{} has no schema '{}'; use {}",
                                              dialect.display_name, schema,
                                              dialect.implicit_schema));
  auto lock = TakeLock(session, o, io);
  if (!lock.ok()) return lock.status();

  std::vector<Statement> drops;
  for (const std::string& schema : schemas) {
    Result<std::vector<SchemaObject>> objects = ListSchemaObjects(conn, schema);
    if (!objects.ok()) return objects.status();
    for (Statement& st : DropObjectsSql(*objects, session.ctx)) drops.push_back(std::move(st));
  }
  // Liquibase then drops the tracking tables wherever they are, also when
  // --schemas named other schemas.
  for (const std::string& table : {session.ctx.tables.changelog, session.ctx.tables.lock}) {
    SchemaObject t;
    t.schema = session.ctx.tables.schema;
    t.name = table;
    for (Statement& st : DropObjectsSql({t}, session.ctx)) drops.push_back(std::move(st));
  }
  if (!dialect.foreign_keys_off_sql.empty())
    if (Status s = conn.Execute(dialect.foreign_keys_off_sql); !s.ok()) return s;
  Status failed;
  for (const Statement& st : drops) {
    failed = conn.Execute(st.sql);
    if (!failed.ok()) break;
  }
  if (!dialect.foreign_keys_on_sql.empty()) (void)conn.Execute(dialect.foreign_keys_on_sql);
  if (!failed.ok()) {
    return Status::Database(fmt::format(
        "Error occurred during dropAll: {}\nIt is possible that not all objects were "
        "dropped.",
        failed.message()));
  }
  fmt::print(io.err, "All objects dropped from {}\n", UserAtUrl(session));
  return Status::Ok();
}

}  // namespace strata::cli
