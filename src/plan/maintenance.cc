// SQL for the maintenance commands: the checksum refresh update runs after
// clear-checksums, and drop-all's DROP statements.
#include <fmt/format.h>

#include "strata/checksum.h"
#include "strata/plan.h"
#include "strata/sql_writer.h"

namespace strata {

std::vector<ChecksumRefresh> PlanNullChecksumRefresh(
    const DatabaseChangeLog& changelog, const History& history,
    const PlanContext& ctx) {
  std::vector<ChecksumRefresh> out;
  if (history.empty()) return out;
  for (const ChangeSet& cs : changelog.changesets) {
    const HistoryRow* row = history.Find(cs.id, cs.author, cs.file_path);
    if (!row) continue;
    // Also rows of an older algorithm version ("8:") that still validate:
    // Liquibase 4.28's update rewrites them to the v9 sum ("Upgrading
    // checksum for Changeset ..."); those that fail are left for validation.
    if (row->md5sum &&
        (StoredChecksumVersion(*row->md5sum) == ChecksumVersion::kV9 ||
         !ChecksumValid(cs, ctx.dialect->name, *row->md5sum)))
      continue;
    ChecksumRefresh r;
    r.row = row;
    r.checksum = ChangeSetChecksum(cs, ctx.dialect->name);
    // Keyed by the changeset's own spelling, as Liquibase's
    // UpdateChangeSetChecksumStatement is.
    SqlWriter w(*ctx.dialect);
    w.Keyword("UPDATE ").Name(ctx.tables.schema, ctx.tables.changelog)
        .Keyword(" SET MD5SUM = ").Literal(r.checksum)
        .Keyword(" WHERE ID = ").Literal(cs.id)
        .Keyword(" AND AUTHOR = ").Literal(cs.author)
        .Keyword(" AND FILENAME = ").Literal(cs.file_path);
    r.statement = Statement{w.Take()};
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

int DropOrder(SchemaObject::Kind kind) {
  switch (kind) {
    case SchemaObject::Kind::kView: return 0;
    case SchemaObject::Kind::kMaterializedView: return 0;
    case SchemaObject::Kind::kTable: return 1;
    case SchemaObject::Kind::kSequence: return 2;
    case SchemaObject::Kind::kFunction: return 3;
    case SchemaObject::Kind::kProcedure: return 3;
    case SchemaObject::Kind::kDomain: return 4;
    case SchemaObject::Kind::kType: return 5;
  }
  return 6;
}

const char* DropKeyword(SchemaObject::Kind kind) {
  switch (kind) {
    case SchemaObject::Kind::kView: return "DROP VIEW ";
    case SchemaObject::Kind::kMaterializedView: return "DROP MATERIALIZED VIEW ";
    case SchemaObject::Kind::kTable: return "DROP TABLE ";
    case SchemaObject::Kind::kSequence: return "DROP SEQUENCE ";
    case SchemaObject::Kind::kFunction: return "DROP FUNCTION ";
    case SchemaObject::Kind::kProcedure: return "DROP PROCEDURE ";
    case SchemaObject::Kind::kDomain: return "DROP DOMAIN ";
    case SchemaObject::Kind::kType: return "DROP TYPE ";
  }
  return "DROP TABLE ";
}

}  // namespace

std::vector<Statement> DropObjectsSql(const std::vector<SchemaObject>& objects,
                                      const PlanContext& ctx) {
  const bool cascade = ctx.dialect->engine == Engine::kPostgres;
  std::vector<Statement> out;
  for (int order = 0; order <= 5; ++order) {
    for (const SchemaObject& o : objects) {
      if (DropOrder(o.kind) != order) continue;
      SqlWriter w(*ctx.dialect);
      // IF EXISTS: a CASCADE earlier in the list (a table taking its view
      // or owned sequence along) may already have dropped it.
      w.Keyword(DropKeyword(o.kind)).Keyword("IF EXISTS ").Name(o.schema, o.name);
      if (o.kind == SchemaObject::Kind::kFunction ||
          o.kind == SchemaObject::Kind::kProcedure)
        w.Keyword("(").RawSql(o.arguments).Keyword(")");
      if (cascade) w.Keyword(" CASCADE");
      out.push_back({w.Take()});
    }
  }
  return out;
}

}  // namespace strata
