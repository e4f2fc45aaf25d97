#include "strata/executor.h"

#include "exec/command.h"
#include "exec/connection_internal.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <csignal>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "exec/command.h"
#include "strata/preconditions.h"
#include "strata/sql_writer.h"
#include "util/strings.h"

namespace strata {
namespace {

std::optional<std::string> Col(const Row& r, size_t i) {
  return i < r.size() ? r[i] : std::nullopt;
}

// STRATA_TEST_CRASH_AT: see RunPlan in executor.h. `where` is written to
// stderr just before the kill, so that a test can tell which kinds of point
// its kills reached.
void Checkpoint(const char* where) {
  static const long target = [] {
    const char* v = std::getenv("STRATA_TEST_CRASH_AT");
    return v ? std::strtol(v, nullptr, 10) : 0L;
  }();
  if (target <= 0) return;
  static long count = 0;
  if (++count != target) return;
  std::string line = fmt::format("strata: killed at checkpoint {}: {}\n", count, where);
  std::fflush(stdout);
  std::fflush(stderr);
  (void)!write(STDERR_FILENO, line.data(), line.size());
  std::raise(SIGKILL);
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
      Checkpoint("tracking table statement run");
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

namespace {

using Clock = std::chrono::steady_clock;

// "<host> (strata pid <digits>)": how a row written by Strata is told from
// Liquibase's "<host> (<ip>)".
bool WrittenByStrata(std::string_view locked_by) {
  constexpr std::string_view kMark = " (strata pid ";
  size_t at = locked_by.rfind(kMark);
  if (at == std::string_view::npos || locked_by.back() != ')') return false;
  std::string_view pid =
      locked_by.substr(at + kMark.size(),
                       locked_by.size() - 1 - (at + kMark.size()));
  return !pid.empty() &&
         pid.find_first_not_of("0123456789") == std::string_view::npos;
}

struct LockRow {
  bool exists = false;
  bool locked = false;
  std::optional<std::string> locked_by, granted;
};

Result<LockRow> ReadLockRow(Connection& conn, const PlanContext& ctx) {
  std::vector<Row> rows;
  Status s = conn.Query(SelectLockSql(ctx), &rows);
  if (!s.ok()) return s;
  LockRow row;
  if (rows.empty()) return row;
  row.exists = true;
  std::string locked = Col(rows[0], 0).value_or("");
  row.locked = locked == "t" || locked == "1" || locked == "true" ||
               locked == "TRUE";
  row.locked_by = Col(rows[0], 1);
  row.granted = Col(rows[0], 2);
  return row;
}

Status LockError(const LockRow& row, std::string_view fallback_holder) {
  std::string by = row.locked && row.locked_by ? *row.locked_by
                                               : std::string(fallback_holder);
  std::string since = row.locked && row.granted ? *row.granted : "UNKNOWN";
  return Status::Lock(fmt::format(
      "Could not acquire change log lock.  Currently locked by {} since {}", by,
      since));
}

// The UPDATE that takes over a stale row: only the row exactly as it was
// read, so that a concurrent release or acquisition wins.
std::string TakeOverSql(const PlanContext& ctx, std::string_view stale_owner,
                        std::string_view new_owner) {
  SqlWriter w(*ctx.dialect);
  w.Keyword("UPDATE ").Name(ctx.tables.schema, ctx.tables.lock)
      .Keyword(" SET LOCKEDBY = ").Literal(new_owner)
      .Keyword(", LOCKGRANTED = ").Keyword(ctx.dialect->now_function)
      .Keyword(" WHERE ID = 1 AND LOCKED = ").Keyword(ctx.dialect->boolean_true)
      .Keyword(" AND LOCKEDBY = ").Literal(stale_owner)
      .Keyword(" RETURNING ID");
  return w.Take();
}

// Releases only a row this process holds: after a takeover by someone else
// (which needs this process dead or its lock connection lost) it must not
// clear their lock.
std::string ReleaseOwnSql(const PlanContext& ctx, std::string_view owner) {
  SqlWriter w(*ctx.dialect);
  w.Keyword("UPDATE ").Name(ctx.tables.schema, ctx.tables.lock)
      .Keyword(" SET LOCKED = ").Keyword(ctx.dialect->boolean_false)
      .Keyword(", LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1 AND LOCKEDBY = ")
      .Literal(owner);
  return w.Take();
}

}  // namespace

Result<std::unique_ptr<ChangeLogLock>> ChangeLogLock::Acquire(
    Connection& conn, PlanContext* ctx, int wait_seconds,
    const Reporter& notice) {
  const auto deadline = Clock::now() + std::chrono::seconds(std::max(0, wait_seconds));
  auto wait_more = [&deadline] {
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::min<Clock::duration>(
        std::chrono::seconds(1), deadline - Clock::now()));
    return true;
  };

  Result<std::unique_ptr<ProcessLock>> process_lock = conn.NewProcessLock(
      ctx->tables.schema.value_or(""), ctx->tables.changelog);
  if (!process_lock.ok()) return process_lock.status();
  for (;;) {
    Result<bool> held = (*process_lock)->TryAcquire();
    if (!held.ok()) return held.status();
    if (*held) break;
    if (!wait_more()) {
      // Another Strata process is at work; its row names it (unless it is
      // still creating the tables or waiting for Liquibase's row).
      LockRow row;
      if (ctx->lock_table_exists) {
        Result<LockRow> read = ReadLockRow(conn, *ctx);
        if (read.ok()) row = *read;
      }
      return LockError(row, "another Strata process (" +
                                (*process_lock)->Describe() + ")");
    }
  }

  Checkpoint("process lock held");
  Status s = EnsureTrackingTables(conn, ctx);
  if (!s.ok()) return s;

  const std::string owner = LockOwner();
  const std::string acquire = AcquireLockSql(*ctx, owner);
  for (;;) {
    std::vector<Row> rows;
    s = conn.Query(acquire, &rows);
    if (!s.ok()) return s;
    if (!rows.empty()) break;
    Result<LockRow> row = ReadLockRow(conn, *ctx);
    if (!row.ok()) return row.status();
    if (!row->exists) {
      // A process killed between creating the table and inserting its row
      // left it empty: Liquibase inserts the row then, and so does Strata.
      // Should the insert lose a race, the row is there to be read again.
      s = conn.Execute(InsertLockRowSql(*ctx));
      if (!s.ok()) {
        Result<LockRow> again = ReadLockRow(conn, *ctx);
        if (!again.ok() || !again->exists) return s;
      }
      continue;
    }
    if (row->locked && row->locked_by && WrittenByStrata(*row->locked_by)) {
      // Every Strata process holds the process lock while its row is set,
      // and this process holds it now: the row's writer is gone.
      s = conn.Query(TakeOverSql(*ctx, *row->locked_by, owner), &rows);
      if (!s.ok()) return s;
      if (!rows.empty()) {
        notice(fmt::format(
            "Taking over the change log lock left by {} since {}: that Strata "
            "process is gone ({} was free)",
            *row->locked_by, row->granted.value_or("UNKNOWN"),
            (*process_lock)->Describe()));
        break;
      }
      continue;  // the row changed meanwhile: look again
    }
    if (!wait_more()) return LockError(*row, "UNKNOWN");
  }
  Checkpoint("lock row taken");
  return std::unique_ptr<ChangeLogLock>(new ChangeLogLock(
      conn, std::move(*process_lock), ReleaseOwnSql(*ctx, owner)));
}

ChangeLogLock::~ChangeLogLock() {
  // When the main connection was lost, the lock's own connection can still
  // clear the row; if both are gone, the next run takes the row over.
  if (!conn_.Execute(release_sql_).ok()) (void)process_lock_->Execute(release_sql_);
  Checkpoint("lock row released");
}

Result<LockState> InspectLock(Connection& conn, const PlanContext& ctx) {
  LockState state;
  Result<bool> exists = conn.TableExists(ctx.tables.schema.value_or(""), ctx.tables.lock);
  if (!exists.ok()) return exists.status();
  state.table_exists = *exists;
  if (!*exists) return state;
  Result<LockRow> row = ReadLockRow(conn, ctx);
  if (!row.ok()) return row.status();
  state.locked = row->locked;
  state.locked_by = row->locked_by.value_or("");
  state.granted = row->granted.value_or("");
  state.by_strata = row->locked && WrittenByStrata(state.locked_by);
  if (state.by_strata) {
    Result<std::unique_ptr<ProcessLock>> probe =
        conn.NewProcessLock(ctx.tables.schema.value_or(""), ctx.tables.changelog);
    if (!probe.ok()) return probe.status();
    Result<bool> free = (*probe)->TryAcquire();  // released with `probe`
    if (!free.ok()) return free.status();
    state.holder_gone = *free;
  }
  return state;
}

Status ClearStaleLock(Connection& conn, const PlanContext& ctx,
                      const Reporter& notice) {
  if (!ctx.lock_table_exists) return Status::Ok();
  Result<LockRow> row = ReadLockRow(conn, ctx);
  if (!row.ok()) return row.status();
  if (!row->locked || !row->locked_by || !WrittenByStrata(*row->locked_by))
    return Status::Ok();
  Result<std::unique_ptr<ProcessLock>> probe =
      conn.NewProcessLock(ctx.tables.schema.value_or(""), ctx.tables.changelog);
  if (!probe.ok()) return probe.status();
  Result<bool> free = (*probe)->TryAcquire();
  if (!free.ok()) return free.status();
  if (!*free) return Status::Ok();  // a live Strata process holds it
  // Held while the row is cleared: no Strata process can set it meanwhile,
  // and the condition leaves a row Liquibase just took alone.
  SqlWriter w(*ctx.dialect);
  w.Keyword("UPDATE ").Name(ctx.tables.schema, ctx.tables.lock)
      .Keyword(" SET LOCKED = ").Keyword(ctx.dialect->boolean_false)
      .Keyword(", LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1 AND LOCKEDBY = ")
      .Literal(*row->locked_by);
  Status s = conn.Execute(w.str());
  if (!s.ok()) return s;
  notice(fmt::format(
      "Released the change log lock left by {} since {}: that Strata process is "
      "gone ({} was free)",
      *row->locked_by, row->granted.value_or("UNKNOWN"), (*probe)->Describe()));
  return Status::Ok();
}

Status ForceReleaseLock(Connection& conn, const PlanContext& ctx) {
  Result<bool> exists = conn.TableExists(ctx.tables.schema.value_or(""), ctx.tables.lock);
  if (!exists.ok()) return exists.status();
  if (!*exists) return Status::Ok();
  return conn.Execute(ReleaseLockSql(ctx));
}

namespace {

// Runs `stmts`, counting into *done; on failure *failed is the index of the
// statement that failed.
Status RunStatements(Connection& conn, const std::vector<Statement>& stmts,
                     size_t* done, const char* checkpoint, size_t from = 0) {
  for (size_t i = from; i < stmts.size(); ++i) {
    const Statement& st = stmts[i];
    if (st.kind == Statement::Kind::kOutput) {
      // output change: shown, not executed. STDOUT goes to stdout, every
      // other target (STDERR, INFO, WARN, ...) to stderr.
      std::FILE* to = st.target == "STDOUT" ? stdout : stderr;
      std::fprintf(to, "%s\n", st.sql.c_str());
      std::fflush(to);
      ++*done;
      continue;
    }
    if (st.kind == Statement::Kind::kCommand) {
      Status s = detail::RunCommand(st.argv, st.timeout_seconds);
      if (!s.ok()) return s;
      ++*done;
      continue;
    }
    if (st.kind == Statement::Kind::kStop) {
      return Status::Database(
          "liquibase.change.core.StopChange$StopChangeException: " + st.sql);
    }
    if (st.kind == Statement::Kind::kCheck) {
      std::vector<Row> rows;
      Status s = conn.Query(st.sql, &rows);
      if (!s.ok()) return s;
      if (!rows.empty()) {
        std::string shown;
        for (size_t i = 0; i < rows.size() && i < 5; ++i) {
          shown += "\n    ";
          for (size_t c = 0; c < rows[i].size(); ++c)
            shown += (c ? " | " : "") + rows[i][c].value_or("NULL");
        }
        return Status::Database(fmt::format("{} returned {} row{}:{}", st.sql, rows.size(),
                                            rows.size() == 1 ? "" : "s", shown));
      }
      ++*done;
      Checkpoint(checkpoint);
      continue;
    }
    Status s = conn.Execute(st.sql);
    if (!s.ok()) return s;
    ++*done;
    Checkpoint(checkpoint);
  }
  return Status::Ok();
}

// Whether a changeset's transaction can go to the server in one pipeline:
// plain SQL only (checks, output and commands run here), and no COPY, which
// pipeline mode refuses ("copy" anywhere, even in a name, keeps the usual
// path: slower, never wrong).
bool Pipelinable(const std::vector<Statement>& statements,
                 const std::vector<Statement>& history) {
  auto plain = [](const std::vector<Statement>& v) {
    for (const Statement& st : v) {
      if (st.kind != Statement::Kind::kSql) return false;
      if (util::IContains(st.sql, "copy")) return false;
    }
    return true;
  };
  return plain(statements) && plain(history);
}

// A statement for a message: trimmed, indented under its number.
std::string Quote(size_t n, const std::string& sql) {
  std::string out = fmt::format("    {}. ", n);
  for (char c : sql) {
    out += c;
    if (c == '\n') out += "       ";
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

}  // namespace

Status RunPlan(Connection& conn, const Plan& plan, const Reporter& report,
               RunSummary* summary, ChangeLogLock* lock) {
  static constexpr const char* kInTx = "changeset: statement run in its transaction";
  static constexpr const char* kHistoryInTx = "changeset: history statement run, before COMMIT";
  const bool transactional = conn.dialect().transactional_ddl;
  // Steps that ran but were not recorded (precondition CONTINUE, a failure
  // under failOnError:false): Liquibase numbers ORDEREXECUTED as it records
  // rows, so every later row is numbered that much lower than planned.
  int64_t unrecorded = 0;
  std::unordered_set<std::string> recorded;  // History::Key of rows written
  PreconditionScope scope;
  scope.executed = [&](std::string_view id, std::string_view author, std::string_view file) {
    return (plan.history && plan.history->Find(id, author, file)) ||
           recorded.count(History::Key(id, author, file)) > 0;
  };
  for (const PlanStep& step : plan.steps) {
    if (!step.changeset) {
      // Setup steps are applied by EnsureTrackingTables under the lock.
      continue;
    }
    if (lock) {
      Status held = lock->Check();
      if (!held.ok()) return held;
    }
    const ChangeSet& cs = *step.changeset;
    report(step.header.rfind("Rolling Back", 0) == 0 ? step.header
                                                      : "Running " + step.header);
    const bool in_tx = transactional && step.in_transaction;
    std::vector<Statement> history = step.history;
    if (step.record && unrecorded)
      history = {Statement{step.record->Sql(step.order_executed - unrecorded)}};
    const std::vector<Statement>* statements = &step.statements;
    static const std::vector<Statement> kNone;
    if (step.validation_failed) {
      std::string why;
      for (const std::string& e : cs.validation_errors) why += "\n  " + e;
      report(fmt::format("Marking {} as ran without running it: it failed validation "
                         "(onValidationFail='MARK_RAN'):{}",
                         cs.Identity(), why));
      statements = &kNone;
      ++summary->marked_ran;
    } else if (step.preconditions) {
      scope.changeset = &cs;
      PreconditionCheck check = CheckPreconditions(conn, *step.preconditions, scope);
      switch (ActionFor(*step.preconditions, check.outcome)) {
        case PreconditionAction::kHalt:
          return Status::Validation(PreconditionFailure(*step.preconditions, &cs, check));
        case PreconditionAction::kSkip:
          report(fmt::format("Continuing past {} despite precondition {} ({}='CONTINUE'); it is "
                             "not recorded and runs again next update:\n  {}",
                             cs.Identity(),
                             check.outcome == PreconditionCheck::Outcome::kFail ? "failure" : "error",
                             check.outcome == PreconditionCheck::Outcome::kFail ? "onFail" : "onError",
                             check.message));
          ++unrecorded;
          ++summary->skipped;
          continue;
        case PreconditionAction::kMarkRan:
          report(fmt::format("Marking {} as ran despite precondition {} ({}='MARK_RAN'):\n  {}",
                             cs.Identity(),
                             check.outcome == PreconditionCheck::Outcome::kFail ? "failure" : "error",
                             check.outcome == PreconditionCheck::Outcome::kFail ? "onFail" : "onError",
                             check.message));
          statements = &kNone;
          history = {Statement{step.mark_ran->Sql(step.order_executed - unrecorded)}};
          ++summary->marked_ran;
          break;
        case PreconditionAction::kRun:
          if (check.outcome != PreconditionCheck::Outcome::kPass)
            report(PreconditionWarning(*step.preconditions, &cs, check));
          break;
      }
    }
    // Its preconditions let it run, so what could not be planned stands.
    if (statements != &kNone && !step.deferred_error.empty())
      return Status::Unsupported(step.deferred_error);
    const bool marking = statements == &kNone;
    size_t done = 0;
    Status s;
    Checkpoint(in_tx ? "changeset: before its transaction"
                     : "changeset (no transaction): before its first statement");
    // before/after run outside the transaction (PRAGMA foreign_keys has no
    // effect inside one); `after` runs whatever happened.
    if (!marking) {
      for (const Statement& b : step.before) {
        if (s.ok()) s = conn.Execute(b.sql);
      }
    }
    bool pipelined = false;
    if (s.ok() && in_tx && Pipelinable(*statements, history)) {
      // One round trip for the whole changeset where the server allows it
      // (PostgreSQL pipeline mode): BEGIN, its statements, its history rows,
      // COMMIT. Anything else takes the path below.
      std::vector<std::string_view> batch;
      batch.reserve(statements->size() + history.size() + 2);
      batch.push_back("BEGIN");
      for (const Statement& st : *statements) batch.push_back(st.sql);
      for (const Statement& st : history) batch.push_back(st.sql);
      batch.push_back("COMMIT");
      size_t ran = 0;  // BEGIN included
      bool retry = false;
      Status ps = exec_detail::ExecutePipelined(
          conn, batch,
          [&] {
            // Kill points as on the path below: after each statement and
            // history row, and once the transaction has committed.
            if (ran <= 1) return;
            if (ran == batch.size())
              Checkpoint("changeset: after COMMIT");
            else
              Checkpoint(ran <= 1 + statements->size() ? kInTx : kHistoryInTx);
          },
          &ran, &retry);
      if (ps.ok()) {
        done = batch.size() - 2;
        pipelined = true;
      } else if (ps.code() != Status::Code::kUnsupported) {
        (void)conn.Execute("ROLLBACK");
        if (!retry) {
          // BEGIN and the statements before the failed one succeeded.
          done = ran > 0 ? ran - 1 : 0;
          s = ps;
          pipelined = true;
        }
        // else: a statement of several commands (or a syntax error): run
        // the changeset again one statement at a time, which reports the
        // error exactly where it is.
      }
    }
    if (!s.ok() || pipelined) {
      // nothing of the step ran, or the pipeline settled it (committed, or
      // failed and rolled back)
    } else if (in_tx) {
      // Round trips are most of the cost of a small changeset: BEGIN travels
      // with the first statement and COMMIT with the last history statement
      // when they are plain SQL (PostgreSQL; SQLite runs them one by one).
      using Kind = Statement::Kind;
      const bool begin_joined = !statements->empty() && (*statements)[0].kind == Kind::kSql;
      const bool commit_joined = !history.empty() && history.back().kind == Kind::kSql;
      if (begin_joined) {
        s = exec_detail::ExecuteJoined(conn, "BEGIN", (*statements)[0].sql, "");
        if (s.ok()) {
          ++done;
          Checkpoint(kInTx);
        }
      } else {
        s = conn.Execute("BEGIN");
      }
      if (s.ok()) s = RunStatements(conn, *statements, &done, kInTx, begin_joined ? 1 : 0);
      if (commit_joined) {
        std::vector<Statement> before_last(history.begin(), history.end() - 1);
        if (s.ok()) s = RunStatements(conn, before_last, &done, kHistoryInTx);
        if (s.ok()) s = exec_detail::ExecuteJoined(conn, "", history.back().sql, "COMMIT");
        if (s.ok()) ++done;
      } else {
        if (s.ok()) s = RunStatements(conn, history, &done, kHistoryInTx);
        if (s.ok()) s = conn.Execute("COMMIT");
      }
      if (!s.ok()) (void)conn.Execute("ROLLBACK");
      if (s.ok()) Checkpoint("changeset: after COMMIT");
    } else {
      s = RunStatements(conn, *statements, &done,
                        "changeset (no transaction): statement run");
      if (s.ok())
        s = RunStatements(conn, history, &done, "changeset (no transaction): history statement run");
    }
    if (!marking) {
      for (const Statement& a : step.after) {
        Status restored = conn.Execute(a.sql);
        if (s.ok() && !restored.ok()) s = restored;
      }
    }
    if (s.ok()) {
      ++summary->run;
      recorded.insert(History::Key(cs.id, cs.author, cs.file_path));
      continue;
    }
    // A lost connection explains the failure better than the statement.
    std::vector<Row> probe;
    if (!conn.Query("SELECT 1", &probe).ok())
      s = Status::Database(fmt::format("the connection to {} was lost: {}",
                                       conn.Describe(), s.message()));
    std::string where = fmt::format("{} ({})", cs.Identity(), cs.loc.ToString());
    const std::vector<Statement>& part = done < statements->size() ? *statements : history;
    const size_t index = done < statements->size() ? done : done - statements->size();
    const std::string failed_sql = index < part.size() ? part[index].sql : "";
    if (!cs.fail_on_error.value_or(true)) {
      report(fmt::format("Changeset {} failed, continuing because failOnError is false: {}\n  in statement: {}",
                         where, s.message(), failed_sql));
      ++summary->failed_ignored;
      ++unrecorded;
      continue;
    }
    if (in_tx) {
      return Status::Database(fmt::format(
          "Changeset {} failed and was rolled back; nothing of it was applied or "
          "recorded:\n  {}{}", where, s.message(),
          failed_sql.empty() ? "" : "\n  in statement: " + failed_sql));
    }
    std::string ran;
    for (size_t i = 0; i < done && i < statements->size(); ++i)
      ran += "\n" + Quote(i + 1, (*statements)[i].sql);
    return Status::Database(fmt::format(
        "Changeset {} (runInTransaction: false) failed part-way: {} of its {} "
        "statements had run and stay applied; the changeset is not recorded.\n"
        "  Already run:{}\n"
        "  Failed:\n{}\n"
        "  {}\n"
        "Repair the database (undo or finish what ran, or make the changeset "
        "safe to re-run), then run update again.",
        where, std::min(done, statements->size()), statements->size(),
        ran.empty() ? " none" : ran,
        done < statements->size() ? Quote(done + 1, failed_sql)
                                       : "    (history) " + failed_sql,
        s.message()));
  }
  return Status::Ok();
}

}  // namespace strata
