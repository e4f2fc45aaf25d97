#include "cli/session.h"

#include <fmt/format.h>

#include "strata/executor.h"

namespace strata::cli {

Status FreshCatalog(Session& session) {
  session.ctx.render.catalog = nullptr;
  session.catalog.reset();
  Result<std::unique_ptr<Catalog>> catalog =
      NewCatalog(*session.ctx.dialect, session.conn.get());
  if (!catalog.ok()) return catalog.status();
  session.catalog = std::move(*catalog);
  session.ctx.render.catalog = session.catalog.get();
  return Status::Ok();
}

Result<Session> OpenSession(const GlobalOptions& options, unsigned needs) {
  Session session;
  if (options.url.empty())
    return Status::InvalidInput("--url is required (e.g. --url=sqlite:app.db)");
  Result<ConnectionSpec> spec =
      ParseUrl(options.url, options.username, options.password);
  if (!spec.ok()) return spec.status();
  session.spec = *spec;
  const bool offline = spec->kind == ConnectionSpec::Kind::kOffline;
  if (offline && !(needs & kOfflineOk))
    return Status::InvalidInput(fmt::format(
        "this command needs a database; {} is an offline URL", spec->redacted));

  session.ctx.dialect = spec->dialect;
  session.ctx.tables = DefaultTrackingTables(*spec->dialect);
  session.ctx.render.dialect = spec->dialect;
  if (!options.default_schema.empty()) {
    session.ctx.render.default_schema = options.default_schema;
    session.ctx.tables.schema = options.default_schema;
  }
  session.ctx.deployment_id = NewDeploymentId();

  if (needs & kChangeLog) {
    if (options.changelog_file.empty())
      return Status::InvalidInput("--changelog-file is required");
    LoadOptions lo;
    lo.changelog_file = options.changelog_file;
    lo.search_path = options.search_path;
    lo.dbms = std::string(spec->dialect->name);
    if (options.missing_property_mode == "EMPTY")
      lo.missing_property = LoadOptions::MissingProperty::kEmpty;
    else if (options.missing_property_mode == "ERROR")
      lo.missing_property = LoadOptions::MissingProperty::kError;
    for (const std::string& d : options.defines) {
      auto eq = d.find('=');
      if (eq == std::string::npos)
        return Status::InvalidInput(fmt::format("-D{} must be -Dname=value", d));
      lo.properties.emplace(d.substr(0, eq), d.substr(eq + 1));
    }
    LoadResult loaded = LoadChangeLog(lo);
    if (!loaded.ok()) {
      std::string msg = fmt::format("{} error{} in the changelog; nothing was run:",
                                    loaded.errors.size(),
                                    loaded.errors.size() == 1 ? "" : "s");
      for (const Diagnostic& d : loaded.errors) msg += "\n" + d.ToString();
      return Status::InvalidInput(msg);
    }
    // The loader keeps preconditions in the model; until a stage
    // evaluates them, running past them would be a silent difference.
    std::vector<std::string> unevaluated;
    for (const Preconditions& p : loaded.changelog.preconditions)
      unevaluated.push_back(p.loc.ToString());
    for (const ChangeSet& cs : loaded.changelog.changesets)
      if (cs.preconditions) unevaluated.push_back(cs.preconditions->loc.ToString());
    if (!unevaluated.empty()) {
      std::string msg = "preconditions are not evaluated yet; nothing was run:";
      for (const std::string& where : unevaluated)
        msg += "\n" + where + ": error: preconditions are not supported yet";
      return Status::InvalidInput(msg);
    }
    session.changelog = std::move(loaded.changelog);
  }

  if (!offline) {
    Result<std::unique_ptr<Connection>> conn = Connect(*spec);
    if (!conn.ok()) return conn.status();
    session.conn = std::move(*conn);
    if (!options.default_schema.empty()) {
      Status s = session.conn->UseSchema(options.default_schema);
      if (!s.ok()) return s;
    }
    Status s = ReadHistory(*session.conn, &session.ctx, &session.history);
    if (!s.ok()) return s;
  }
  return session;
}

}  // namespace strata::cli
