#include "strata/executor.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace strata {
namespace {

std::optional<std::string> Col(const Row& r, size_t i) {
  return i < r.size() ? r[i] : std::nullopt;
}

std::string LockOwner() {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = 0;
  return fmt::format("{} (strata pid {})", host[0] ? host : "unknown", getpid());
}

}  // namespace

Status ReadHistory(Connection& conn, PlanContext* ctx, History* history) {
  std::string schema = ctx->tables.schema.value_or("");
  Result<bool> lock = conn.TableExists(schema, ctx->tables.lock);
  if (!lock.ok()) return lock.status();
  ctx->lock_table_exists = *lock;
  Result<bool> log = conn.TableExists(schema, ctx->tables.changelog);
  if (!log.ok()) return log.status();
  ctx->changelog_table_exists = *log;
  if (!*log) {
    *history = History();
    return Status::Ok();
  }
  std::vector<Row> rows;
  Status s = conn.Query(SelectHistorySql(*ctx), &rows);
  if (!s.ok()) return s;
  std::vector<HistoryRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    HistoryRow h;
    h.id = Col(r, 0).value_or("");
    h.author = Col(r, 1).value_or("");
    h.filename = Col(r, 2).value_or("");
    h.date_executed = Col(r, 3).value_or("");
    h.order_executed = std::stoll(Col(r, 4).value_or("0"));
    h.exec_type = Col(r, 5).value_or("");
    h.md5sum = Col(r, 6);
    h.description = Col(r, 7);
    h.comments = Col(r, 8);
    h.tag = Col(r, 9);
    h.liquibase = Col(r, 10);
    h.contexts = Col(r, 11);
    h.labels = Col(r, 12);
    h.deployment_id = Col(r, 13);
    out.push_back(std::move(h));
  }
  *history = History(std::move(out));
  return Status::Ok();
}

Status EnsureTrackingTables(Connection& conn, PlanContext* ctx) {
  std::string schema = ctx->tables.schema.value_or("");
  auto create = [&](const std::string& table,
                    const std::vector<Statement>& stmts, bool* exists) -> Status {
    if (*exists) return Status::Ok();
    for (const Statement& st : stmts) {
      Status s = conn.Execute(st.sql);
      if (!s.ok()) {
        // Another process may have created it first.
        Result<bool> now = conn.TableExists(schema, table);
        if (now.ok() && *now) break;
        return s;
      }
    }
    *exists = true;
    return Status::Ok();
  };
  Status s = create(ctx->tables.lock, CreateLockTableSql(*ctx),
                    &ctx->lock_table_exists);
  if (!s.ok()) return s;
  return create(ctx->tables.changelog, CreateChangeLogTableSql(*ctx),
                &ctx->changelog_table_exists);
}

Result<std::unique_ptr<ChangeLogLock>> ChangeLogLock::Acquire(
    Connection& conn, const PlanContext& ctx, int wait_seconds) {
  const std::string acquire = AcquireLockSql(ctx, LockOwner());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
  for (;;) {
    std::vector<Row> rows;
    Status s = conn.Query(acquire, &rows);
    if (!s.ok()) return s;
    if (!rows.empty())
      return std::unique_ptr<ChangeLogLock>(new ChangeLogLock(conn, ReleaseLockSql(ctx)));
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  std::vector<Row> holder;
  Status s = conn.Query(SelectLockSql(ctx), &holder);
  std::string by = "UNKNOWN", since = "UNKNOWN";
  if (s.ok() && !holder.empty()) {
    by = Col(holder[0], 1).value_or("UNKNOWN");
    since = Col(holder[0], 2).value_or("UNKNOWN");
  }
  return Status::Lock(fmt::format(
      "Could not acquire change log lock.  Currently locked by {} since {}", by,
      since));
}

ChangeLogLock::~ChangeLogLock() { (void)conn_.Execute(release_sql_); }

namespace {

Status RunStatements(Connection& conn, const std::vector<Statement>& stmts,
                     const PlanStep& step, size_t* done) {
  for (const Statement& st : stmts) {
    Status s = conn.Execute(st.sql);
    if (!s.ok()) {
      return Status::Database(fmt::format("{}\n  in statement: {}", s.message(), st.sql));
    }
    ++*done;
  }
  (void)step;
  return Status::Ok();
}

}  // namespace

Status RunPlan(Connection& conn, const Plan& plan, const Reporter& report,
               RunSummary* summary) {
  const bool transactional = conn.dialect().transactional_ddl;
  for (const PlanStep& step : plan.steps) {
    if (!step.changeset) {
      // Setup steps are applied by EnsureTrackingTables before locking.
      continue;
    }
    const ChangeSet& cs = *step.changeset;
    report(step.header.rfind("Rolling Back", 0) == 0 ? step.header
                                                      : "Running " + step.header);
    const bool in_tx = transactional && step.in_transaction;
    size_t done = 0;
    Status s;
    if (in_tx) {
      s = conn.Execute("BEGIN");
      if (s.ok()) s = RunStatements(conn, step.statements, step, &done);
      if (s.ok()) s = RunStatements(conn, step.history, step, &done);
      if (s.ok()) s = conn.Execute("COMMIT");
      if (!s.ok()) (void)conn.Execute("ROLLBACK");
    } else {
      s = RunStatements(conn, step.statements, step, &done);
      if (s.ok()) s = RunStatements(conn, step.history, step, &done);
    }
    if (s.ok()) {
      ++summary->run;
      continue;
    }
    std::string where = fmt::format("{} ({})", cs.Identity(), cs.loc.ToString());
    if (!cs.fail_on_error.value_or(true)) {
      report(fmt::format("Changeset {} failed, continuing because failOnError is false: {}",
                         where, s.message()));
      ++summary->failed_ignored;
      continue;
    }
    if (in_tx) {
      return Status::Database(fmt::format(
          "Changeset {} failed and was rolled back; nothing of it was applied or "
          "recorded:\n  {}", where, s.message()));
    }
    return Status::Database(fmt::format(
        "Changeset {} failed outside a transaction after {} of {} statements had "
        "run; repair the database and run again:\n  {}",
        where, done, step.statements.size() + step.history.size(), s.message()));
  }
  return Status::Ok();
}

}  // namespace strata
