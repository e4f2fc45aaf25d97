#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <future>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include "strata/checksum.h"
#include "strata/plan.h"
#include "strata/sql_writer.h"
#include "util/strings.h"

namespace strata {
namespace {

using util::IEquals;

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// COMMENTS and DESCRIPTION are VARCHAR(255); Liquibase keeps 250.
std::string Truncate250(std::string s) {
  if (s.size() > 250) s = s.substr(0, 247) + "...";
  return s;
}

// The tag a changeset sets, if it contains tagDatabase.
std::optional<std::string> TagOf(const ChangeSet& cs) {
  std::optional<std::string> tag;
  for (const Change& c : cs.changes)
    if (const auto* t = std::get_if<TagDatabase>(&c)) tag = t->tag;
  return tag;
}

enum class Action { kSkip, kRun, kRerun };

struct Decision {
  Action action = Action::kSkip;
  std::string checksum;
};

bool Considered(const ChangeSet& cs, const ChangeSetFilter& filter) {
  return !cs.ignore.value_or(false) && filter.Accepts(cs);
}

// The checksum of every changeset Decide considers (else ""), on two
// threads for a long changelog: hashing is a fifth of a status or no-op
// update of 5,000 applied changesets.
std::vector<std::string> Checksums(const DatabaseChangeLog& changelog, std::string_view dbms,
                                   const ChangeSetFilter& filter) {
  constexpr size_t kTwoThreadsFrom = 512;
  const std::vector<ChangeSet>& all = changelog.changesets;
  std::vector<std::string> out(all.size());
  auto range = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i)
      if (Considered(all[i], filter)) out[i] = ChangeSetChecksum(all[i], dbms);
  };
  size_t half = all.size() >= kTwoThreadsFrom ? all.size() / 2 : all.size();
  std::future<void> rest;
  if (half < all.size()) {
    try {
      rest = std::async(std::launch::async, range, half, all.size());
    } catch (const std::system_error&) {
      half = all.size();  // no thread to be had: all here
    }
  }
  range(0, half);
  if (rest.valid()) rest.get();
  return out;
}

// Decides what update does with one changeset whose checksum (when
// Considered) is `checksum`; appends validation errors.
Decision Decide(const ChangeSet& cs, std::string checksum, const History& history,
                std::string_view dbms, const ChangeSetFilter& filter,
                std::vector<std::string>* errors) {
  Decision d;
  if (!Considered(cs, filter)) return d;
  d.checksum = std::move(checksum);
  const HistoryRow* row = history.Find(cs.id, cs.author, cs.file_path);
  if (!row) {
    d.action = Action::kRun;
    return d;
  }
  if (cs.run_always.value_or(false)) {
    d.action = Action::kRerun;
    return d;
  }
  if (!row->md5sum) return d;  // cleared checksum: accepted as is
  // Compared with the stored sum's own algorithm version: an unchanged
  // changeset with an "8:" row neither reruns (runOnChange) nor fails.
  ChecksumVersion stored_version = StoredChecksumVersion(*row->md5sum);
  // The usual case, settled without hashing the changeset again: a "9:" row
  // equal to its checksum (neither a rerun nor a validation failure).
  if (stored_version == ChecksumVersion::kV9 && *row->md5sum == d.checksum) return d;
  std::string current = stored_version == ChecksumVersion::kV9
                            ? d.checksum
                            : ChangeSetChecksum(cs, dbms, stored_version);
  if (cs.run_on_change.value_or(false) && !MatchesStoredChecksum(cs, dbms, *row->md5sum)) {
    d.action = Action::kRerun;
    return d;
  }
  if (!ChecksumValid(cs, dbms, *row->md5sum)) {
    errors->push_back(fmt::format("{} was: {} but is now: {}", cs.Identity(),
                                  *row->md5sum, current));
  }
  return d;
}

Status ValidationFailure(const std::vector<std::string>& errors) {
  std::string msg = fmt::format("Validation Failed:\n     {} changesets check sum",
                                errors.size());
  for (const auto& e : errors) msg += "\n          " + e;
  return Status::Validation(msg);
}

std::string NullOr(const SqlWriter& proto, const std::optional<std::string>& v) {
  SqlWriter w(proto.dialect());
  if (v) w.Literal(*v); else w.Keyword("NULL");
  return w.Take();
}

// The history INSERT of `cs` with EXECTYPE `exec_type` (EXECUTED, MARK_RAN).
OrderedSql InsertHistory(const PlanContext& ctx, const ChangeSet& cs,
                         const std::string& checksum, std::string_view exec_type) {
  SqlWriter w(*ctx.dialect);
  std::optional<std::string> tag = TagOf(cs);
  w.Keyword("INSERT INTO ").Name(ctx.tables.schema, ctx.tables.changelog)
      .Keyword(" (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, "
               "DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, "
               "DEPLOYMENT_ID");
  if (tag) w.Keyword(", TAG");
  w.Keyword(") VALUES (").Literal(cs.id).Keyword(", ").Literal(cs.author)
      .Keyword(", ").Literal(cs.file_path).Keyword(", ")
      .Keyword(ctx.dialect->now_function).Keyword(", ");
  OrderedSql out;
  out.head = w.Take();
  SqlWriter t(*ctx.dialect);
  t.Keyword(", ").Literal(checksum)
      .Keyword(", ").Literal(Describe(cs)).Keyword(", ")
      .Literal(Truncate250(Trim(cs.comment.value_or(""))))
      .Keyword(", ").Literal(exec_type).Keyword(", ")
      .Keyword(NullOr(t, cs.context)).Keyword(", ")
      .Keyword(NullOr(t, cs.labels)).Keyword(", ")
      .Literal(ctx.liquibase_version).Keyword(", ").Literal(ctx.deployment_id);
  if (tag) t.Keyword(", ").Literal(*tag);
  t.Keyword(")");
  out.tail = t.Take();
  return out;
}

OrderedSql UpdateHistoryRerun(const PlanContext& ctx, const ChangeSet& cs,
                              const HistoryRow& row, const std::string& checksum) {
  SqlWriter w(*ctx.dialect);
  w.Keyword("UPDATE ").Name(ctx.tables.schema, ctx.tables.changelog)
      .Keyword(" SET COMMENTS = ").Literal(Truncate250(Trim(cs.comment.value_or(""))))
      .Keyword(", CONTEXTS = ").Keyword(NullOr(w, cs.context))
      .Keyword(", DATEEXECUTED = ").Keyword(ctx.dialect->now_function)
      .Keyword(", DEPLOYMENT_ID = ").Literal(ctx.deployment_id)
      .Keyword(", DESCRIPTION = ").Literal(Describe(cs))
      .Keyword(", EXECTYPE = ").Literal("RERAN")
      .Keyword(", LABELS = ").Keyword(NullOr(w, cs.labels))
      .Keyword(", MD5SUM = ").Literal(checksum)
      .Keyword(", ORDEREXECUTED = ");
  OrderedSql out;
  out.head = w.Take();
  SqlWriter t(*ctx.dialect);
  t.Keyword(" WHERE ID = ").Literal(row.id)
      .Keyword(" AND AUTHOR = ").Literal(row.author)
      .Keyword(" AND FILENAME = ").Literal(row.filename);
  out.tail = t.Take();
  return out;
}

Statement DeleteHistory(const PlanContext& ctx, const HistoryRow& row) {
  SqlWriter w(*ctx.dialect);
  w.Keyword("DELETE FROM ").Name(ctx.tables.schema, ctx.tables.changelog)
      .Keyword(" WHERE ID = ").Literal(row.id)
      .Keyword(" AND AUTHOR = ").Literal(row.author)
      .Keyword(" AND FILENAME = ").Literal(row.filename);
  return {w.Take()};
}

// Tells the catalog what will run, so that later changes see its effect.
void ApplyToCatalog(const PlanContext& ctx, const std::vector<Statement>& stmts,
                    size_t from) {
  if (!ctx.render.catalog) return;
  for (size_t i = from; i < stmts.size(); ++i)
    if (stmts[i].kind == Statement::Kind::kSql)
      (void)ctx.render.catalog->Apply(stmts[i].sql);  // failures poison lookups
}

// Renders `changes` into `step`; appends "location: message" on failure,
// to `deferrable` (when given) if the database's state caused it (a table
// rebuild that cannot be done) rather than the engine's abilities.
void RenderInto(const std::vector<Change>& changes, const PlanContext& ctx,
                PlanStep* step, std::vector<std::string>* errors,
                std::vector<std::string>* deferrable = nullptr) {
  for (const Change& c : changes) {
    size_t from = step->statements.size();
    Status s = RenderChange(c, ctx.render, &step->statements);
    if (!s.ok()) {
      bool state = s.code() != Status::Code::kUnsupported;
      (deferrable && state ? deferrable : errors)->push_back(s.message());
      continue;
    }
    ApplyToCatalog(ctx, step->statements, from);
  }
  bool fk_off = std::any_of(step->statements.begin(), step->statements.end(),
                            [](const Statement& st) { return st.foreign_keys_off; });
  if (fk_off && !ctx.dialect->foreign_keys_off_sql.empty()) {
    step->before.push_back({std::string(ctx.dialect->foreign_keys_off_sql)});
    step->after.push_back({std::string(ctx.dialect->foreign_keys_on_sql)});
    if (!ctx.dialect->reset_alter_sql.empty())
      step->after.push_back({std::string(ctx.dialect->reset_alter_sql)});
  }
}

// modifySql: every SQL statement of the step from `from` on, rewritten by
// the changeset's visitors for this engine in the order written (when
// rolling back, only those with applyToRollback), as Liquibase's executor
// applies them to each generated statement.
void ApplyModifySql(const ChangeSet& cs, const PlanContext& ctx, bool rollback, size_t from,
                    PlanStep* step) {
  std::string_view dbms = ctx.dialect->name;
  for (size_t i = from; i < step->statements.size(); ++i) {
    Statement& st = step->statements[i];
    if (st.kind != Statement::Kind::kSql) continue;
    for (const SqlVisitor& v : cs.modify_sql)
      if (v.AppliesTo(dbms) && ctx.filter.Applies(v) && (!rollback || v.apply_to_rollback))
        st.sql = ApplySqlVisitor(v, st.sql);
  }
}

// objectQuotingStrategy (verified with Liquibase 4.28): QUOTE_ALL_OBJECTS
// quotes every identifier of the changeset's SQL (schema included), and
// QUOTE_ONLY_RESERVED_WORDS stops quoting mixed-case names on PostgreSQL;
// LEGACY (the default) is the dialect as it is. Tracking-table SQL is never
// affected. Returns `ctx` itself, or a copy rendering through `*storage`.
// REQUIRES: *storage outlives the returned context.
PlanContext QuotingFor(const PlanContext& ctx, const ChangeSet& cs, Dialect* storage) {
  const std::string& s = cs.object_quoting_strategy.value_or("LEGACY");
  if (s != "QUOTE_ALL_OBJECTS" && s != "QUOTE_ONLY_RESERVED_WORDS") return ctx;
  *storage = *ctx.render.dialect;
  if (s == "QUOTE_ALL_OBJECTS") storage->quote_all_identifiers = true;
  else storage->quote_mixed_case = false;
  PlanContext quoted = ctx;
  quoted.render.dialect = storage;
  return quoted;
}

std::vector<std::string> CommentLines(const ChangeSet& cs) {
  std::vector<std::string> lines;
  if (!cs.comment) return lines;
  std::string text = Trim(*cs.comment);
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t nl = text.find('\n', start);
    lines.push_back(text.substr(start, nl == std::string::npos ? nl : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return lines;
}

void AddSetupSteps(const PlanContext& ctx, Plan* plan) {
  if (!ctx.lock_table_exists) {
    PlanStep s;
    s.header = "Create Database Lock Table";
    s.history = CreateLockTableSql(ctx);
    plan->steps.push_back(std::move(s));
  }
  if (!ctx.changelog_table_exists) {
    PlanStep s;
    s.header = "Create Database Change Log Table";
    s.history = CreateChangeLogTableSql(ctx);
    plan->steps.push_back(std::move(s));
  }
}

Status RenderFailure(const std::vector<std::string>& errors) {
  std::string msg;
  for (const auto& e : errors) {
    if (!msg.empty()) msg += '\n';
    msg += e;
  }
  return Status::Unsupported(msg);
}

Plan WithSetupSteps(const PlanContext& ctx, Plan plan) {
  if (plan.steps.empty()) return plan;
  Plan with_setup;
  with_setup.history = plan.history;
  AddSetupSteps(ctx, &with_setup);
  for (auto& s : plan.steps) with_setup.steps.push_back(std::move(s));
  return with_setup;
}

// Which changesets a command considers, as Liquibase's filters pick them:
// update's ShouldRunChangeSetFilter (not ran, runAlways, runOnChange with a
// new checksum) or NotRanChangeSetFilter (no history row at all), which
// changelog-sync, mark-next-changeset-ran and future-rollback-sql use.
enum class SelectMode { kShouldRun, kNotRan };

struct Selected {
  const ChangeSet* cs;
  Decision decision;
};

struct Selection {
  std::vector<Selected> picked;
  SelectionStats stats;
};

// Every changeset is decided (so every checksum is validated); then the
// limit applies as Liquibase chains its filters: the count to the
// changesets that passed the others, the tag either among those too
// (update-to-tag, future-rollback-from-tag-sql) or, with
// UpdateLimit::TagScope::kChangeLog, to the changelog as written before
// anything else (changelog-sync-to-tag). A tag matches the tagDatabase
// of a changeset exactly (case-sensitive, like Liquibase's String.equals);
// that changeset is included, everything after it is not.
Selection Select(const DatabaseChangeLog& changelog, const History& history,
                 std::string_view dbms, const ChangeSetFilter& filter, SelectMode mode,
                 const UpdateLimit& limit, std::vector<std::string>* errors) {
  Selection out;
  // A tag already in the history (any row, compared ignoring case) means
  // the target is there: nothing more is taken (UpToTagChangeSetFilter).
  if (limit.tag)
    for (const HistoryRow& row : history.rows())
      if (row.tag && IEquals(*row.tag, *limit.tag)) out.stats.tag_seen = true;
  auto sets_tag = [&](const ChangeSet& cs) {
    std::optional<std::string> t = TagOf(cs);
    return t && *t == *limit.tag;
  };
  std::vector<std::string> checksums = Checksums(changelog, dbms, filter);
  for (size_t i = 0; i < changelog.changesets.size(); ++i) {
    const ChangeSet& cs = changelog.changesets[i];
    Decision d = Decide(cs, std::move(checksums[i]), history, dbms, filter, errors);
    if (limit.tag && limit.tag_scope == UpdateLimit::TagScope::kChangeLog) {
      if (out.stats.tag_seen) {
        ++out.stats.after_tag;
        continue;
      }
      if (sets_tag(cs)) out.stats.tag_seen = true;
    }
    bool accepted = mode == SelectMode::kShouldRun ? d.action != Action::kSkip
                                                   : d.action == Action::kRun;
    if (!accepted) {
      // Counted as Liquibase's UPDATE SUMMARY does: previously run when
      // the history has it, else by the first filter that left it out.
      FilterVerdict v = filter.Check(cs);
      if (history.Find(cs.id, cs.author, cs.file_path)) ++out.stats.previously_run;
      else if (v == FilterVerdict::kRun && cs.ignore.value_or(false)) ++out.stats.ignored;
      else if (v == FilterVerdict::kRun) ++out.stats.previously_run;
      else if (v == FilterVerdict::kContextMismatch) ++out.stats.by_context;
      else ++out.stats.by_label;
      continue;
    }
    if (limit.tag && limit.tag_scope == UpdateLimit::TagScope::kPending) {
      if (out.stats.tag_seen) {
        ++out.stats.after_tag;
        continue;
      }
      if (sets_tag(cs)) out.stats.tag_seen = true;
    }
    if (limit.count && static_cast<int64_t>(out.picked.size()) >= *limit.count) {
      ++out.stats.after_count;
      continue;
    }
    out.picked.push_back({&cs, std::move(d)});
  }
  return out;
}

// Rolls back `rows` (newest first) that exist in the changelog.
Result<Plan> PlanRollbackRows(const DatabaseChangeLog& changelog,
                              const std::vector<const HistoryRow*>& rows,
                              const PlanContext& ctx) {
  // Only changesets the filter lets through: one identity may be defined
  // once per context.
  std::unordered_map<std::string, const ChangeSet*> by_key;
  by_key.reserve(changelog.changesets.size());
  for (const ChangeSet& cs : changelog.changesets)
    if (ctx.filter.Accepts(cs)) by_key.emplace(History::Key(cs.id, cs.author, cs.file_path), &cs);

  Plan plan;
  std::vector<std::string> errors;
  for (const HistoryRow* row : rows) {
    auto it = by_key.find(History::Key(row->id, row->author, row->filename));
    if (it == by_key.end()) continue;  // not in this changelog or filtered out: left alone
    const ChangeSet& cs = *it->second;
    PlanStep step;
    step.changeset = &cs;
    step.header = "Rolling Back ChangeSet: " + cs.Identity();
    step.in_transaction = cs.RunInTransaction();
    // Marked ran because a change failed validation (onValidationFail
    // MARK_RAN): nothing of it ran, so only its row goes. Liquibase 4.28
    // renders the invalid changes' inverse instead (DROP TABLE of a table
    // that was never created), which cannot succeed.
    if (!cs.validation_errors.empty()) {
      step.history.push_back(DeleteHistory(ctx, *row));
      plan.steps.push_back(std::move(step));
      continue;
    }
    Result<std::vector<Change>> inverse = RollbackChanges(cs, ctx.dialect);
    if (!inverse.ok()) {
      errors.push_back(inverse.status().message());
      continue;
    }
    Dialect quoting;
    RenderInto(*inverse, QuotingFor(ctx, cs, &quoting), &step, &errors);
    ApplyModifySql(cs, ctx, /*rollback=*/true, 0, &step);
    step.history.push_back(DeleteHistory(ctx, *row));
    plan.steps.push_back(std::move(step));
  }
  if (!errors.empty()) return RenderFailure(errors);
  return plan;
}

}  // namespace

Status DeferredRenderErrors(const Plan& plan) {
  std::vector<std::string> errors;
  for (const PlanStep& step : plan.steps)
    if (!step.deferred_error.empty()) errors.push_back(step.deferred_error);
  if (!errors.empty()) return RenderFailure(errors);
  return Status::Ok();
}

size_t Plan::ChangeSetCount() const {
  return std::count_if(steps.begin(), steps.end(),
                       [](const PlanStep& s) { return s.changeset != nullptr; });
}

Result<std::vector<const ChangeSet*>> PendingChangeSets(
    const DatabaseChangeLog& changelog, const History& history,
    std::string_view dbms, const ChangeSetFilter& filter) {
  std::vector<std::string> errors;
  Selection sel = Select(changelog, history, dbms, filter, SelectMode::kShouldRun, {}, &errors);
  if (!errors.empty()) return ValidationFailure(errors);
  std::vector<const ChangeSet*> pending;
  for (const Selected& s : sel.picked) pending.push_back(s.cs);
  return pending;
}

Result<Plan> PlanUpdate(const DatabaseChangeLog& changelog,
                        const History& history, const PlanContext& ctx) {
  return PlanUpdateLimited(changelog, history, ctx, UpdateLimit{});
}

Result<Plan> PlanUpdateLimited(const DatabaseChangeLog& changelog, const History& history,
                               const PlanContext& ctx, const UpdateLimit& limit,
                               SelectionStats* stats) {
  std::vector<std::string> validation, render_errors;
  Selection sel = Select(changelog, history, ctx.dialect->name, ctx.filter, SelectMode::kShouldRun,
                         limit, &validation);
  if (stats) *stats = sel.stats;
  if (!validation.empty()) return ValidationFailure(validation);
  Plan plan;
  int64_t order = history.MaxOrderExecuted();
  for (const Selected& s : sel.picked) {
    const ChangeSet& cs = *s.cs;
    PlanStep step;
    step.changeset = &cs;
    step.header = "Changeset " + cs.Identity();
    step.comments = CommentLines(cs);
    step.in_transaction = cs.RunInTransaction();
    ++order;
    if (!cs.validation_errors.empty()) {
      // onValidationFail MARK_RAN (Liquibase 4.28): nothing is rendered or
      // checked, not even preconditions; the script shows the row alone.
      step.validation_failed = true;
      step.record = InsertHistory(ctx, cs, s.decision.checksum, "MARK_RAN");
      step.order_executed = order;
      step.history.push_back({step.record->Sql(order)});
      plan.steps.push_back(std::move(step));
      continue;
    }
    Dialect quoting;
    // With preconditions, an error of the database's state (a rebuild that
    // cannot be done) waits for them: they may skip the changeset. What the
    // engine cannot do at all is Liquibase's validation error and stays one.
    std::vector<std::string> deferred;
    RenderInto(cs.changes, QuotingFor(ctx, cs, &quoting), &step, &render_errors,
               cs.preconditions ? &deferred : nullptr);
    for (const std::string& e : deferred)
      step.deferred_error += (step.deferred_error.empty() ? "" : "\n") + e;
    ApplyModifySql(cs, ctx, /*rollback=*/false, 0, &step);
    if (s.decision.action == Action::kRun) {
      step.record = InsertHistory(ctx, cs, s.decision.checksum, "EXECUTED");
    } else {
      const HistoryRow* row = history.Find(cs.id, cs.author, cs.file_path);
      step.record = UpdateHistoryRerun(ctx, cs, *row, s.decision.checksum);
    }
    step.order_executed = order;
    step.history.push_back({step.record->Sql(order)});
    if (cs.preconditions) {
      step.preconditions = &*cs.preconditions;
      step.mark_ran = InsertHistory(ctx, cs, s.decision.checksum, "MARK_RAN");
    }
    plan.steps.push_back(std::move(step));
  }
  plan.history = &history;
  if (!render_errors.empty()) return RenderFailure(render_errors);
  return WithSetupSteps(ctx, std::move(plan));
}

Result<Plan> PlanChangeLogSync(const DatabaseChangeLog& changelog, const History& history,
                               const PlanContext& ctx, const UpdateLimit& limit) {
  std::vector<std::string> validation;
  Selection sel = Select(changelog, history, ctx.dialect->name, ctx.filter, SelectMode::kNotRan, limit,
                         &validation);
  if (!validation.empty()) return ValidationFailure(validation);
  Plan plan;
  int64_t order = history.MaxOrderExecuted();
  for (const Selected& s : sel.picked) {
    const ChangeSet& cs = *s.cs;
    PlanStep step;
    step.changeset = &cs;
    step.record = InsertHistory(ctx, cs, s.decision.checksum, "EXECUTED");
    step.order_executed = ++order;
    step.history.push_back({step.record->Sql(order)});
    plan.steps.push_back(std::move(step));
  }
  return WithSetupSteps(ctx, std::move(plan));
}

Result<Plan> PlanFutureRollback(const DatabaseChangeLog& changelog, const History& history,
                                const PlanContext& ctx, const UpdateLimit& limit) {
  std::vector<std::string> validation;
  Selection sel = Select(changelog, history, ctx.dialect->name, ctx.filter, SelectMode::kNotRan, limit,
                         &validation);
  if (!validation.empty()) return ValidationFailure(validation);
  if (limit.tag && !sel.stats.tag_seen)
    return Status::NotFound(fmt::format("No tag matching '{}' found", *limit.tag));
  // The catalog first learns what the matching update would do, so that
  // the rollback renders against the schema it would undo.
  if (ctx.render.catalog) (void)PlanUpdateLimited(changelog, history, ctx, limit);
  std::vector<HistoryRow> rows;
  rows.reserve(sel.picked.size());
  for (auto it = sel.picked.rbegin(); it != sel.picked.rend(); ++it) {
    HistoryRow row;
    row.id = it->cs->id;
    row.author = it->cs->author;
    row.filename = it->cs->file_path;
    rows.push_back(std::move(row));
  }
  std::vector<const HistoryRow*> targets;
  for (const HistoryRow& r : rows) targets.push_back(&r);
  return PlanRollbackRows(changelog, targets, ctx);
}


Result<Plan> PlanRollbackToTag(const DatabaseChangeLog& changelog,
                               const History& history, std::string_view tag,
                               TagVersion version, const PlanContext& ctx) {
  const auto& rows = history.rows();
  std::optional<size_t> tagged;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].tag && IEquals(*rows[i].tag, tag)) {
      tagged = i;
      if (version == TagVersion::kOldest) break;
    }
  }
  if (!tagged)
    return Status::NotFound(fmt::format("Could not find tag '{}' in the database", tag));
  std::vector<const HistoryRow*> targets;
  for (size_t i = rows.size(); i-- > *tagged + 1;) targets.push_back(&rows[i]);
  // A tag set by a tagDatabase changeset is undone with it, so that update
  // re-applies the tag (Liquibase's behaviour).
  if (rows[*tagged].description && *rows[*tagged].description == "tagDatabase")
    targets.push_back(&rows[*tagged]);
  return PlanRollbackRows(changelog, targets, ctx);
}

bool ChangeLogSetsTag(const DatabaseChangeLog& changelog, std::string_view tag) {
  for (const ChangeSet& cs : changelog.changesets)
    for (const Change& c : cs.changes)
      if (const auto* t = std::get_if<TagDatabase>(&c); t && t->tag == tag) return true;
  return false;
}

Result<std::string> NormalizeRollbackDate(std::string_view text) {
  constexpr const char* kForms =
      "--date takes YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or 'YYYY-MM-DD HH:MM:SS[.fff]'";
  auto unknown = [&] {
    return Status::InvalidInput(
        fmt::format("Unknown date format to parse: {}. {}", text, kForms));
  };
  // Liquibase's lenient parser rolls 2024-13-45 over into 2025-02-14;
  // a field out of range is refused here instead.
  auto out_of_range = [&] {
    return Status::InvalidInput(
        fmt::format("Invalid --date '{}': a field is out of range. {}", text, kForms));
  };
  bool in_range = true;
  auto digits = [&](size_t at, size_t n, int lo, int hi) {
    if (at + n > text.size()) return false;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
      v = v * 10 + (text[i] - '0');
    }
    if (v < lo || v > hi) in_range = false;
    return true;
  };
  if (text.size() < 10 || !digits(0, 4, 0, 9999) || text[4] != '-' || !digits(5, 2, 1, 12) ||
      text[7] != '-' || !digits(8, 2, 1, 31))
    return unknown();
  std::string out = std::string(text.substr(0, 10));
  if (text.size() == 10) return in_range ? Result<std::string>(out + " 00:00:00") : out_of_range();
  if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ') || !digits(11, 2, 0, 23) ||
      text[13] != ':' || !digits(14, 2, 0, 59) || text[16] != ':' || !digits(17, 2, 0, 59))
    return unknown();
  out += ' ';
  out += text.substr(11, 8);
  if (text.size() > 19) {
    // Fractional seconds: ".f" to ".fffffffff".
    if (text[19] != '.' || text.size() < 21 || text.size() > 29) return unknown();
    for (size_t i = 20; i < text.size(); ++i)
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return unknown();
    out += text.substr(19);
  }
  if (!in_range) return out_of_range();
  return out;
}

bool ExecutedAfter(std::string_view date_executed, std::string_view after) {
  // Both are "YYYY-MM-DD HH:MM:SS" with optional fractional digits, which
  // Liquibase compares as milliseconds (Date.getTime): cut to three digits
  // and drop trailing zeros, and the text order is the time order.
  auto norm = [](std::string_view s) {
    std::string t(s);
    if (t.size() > 10 && t[10] == 'T') t[10] = ' ';
    size_t dot = t.find('.');
    if (dot == std::string::npos) return t;
    t = t.substr(0, std::min(t.size(), dot + 4));
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
    return t;
  };
  return norm(date_executed) > norm(after);
}

Result<Plan> PlanRollbackToDate(const DatabaseChangeLog& changelog, const History& history,
                                std::string_view after, const PlanContext& ctx) {
  const auto& rows = history.rows();
  std::vector<const HistoryRow*> targets;
  for (size_t i = rows.size(); i-- > 0;)
    if (ExecutedAfter(rows[i].date_executed, after)) targets.push_back(&rows[i]);
  return PlanRollbackRows(changelog, targets, ctx);
}

Result<Plan> PlanRollbackCount(const DatabaseChangeLog& changelog,
                               const History& history, int count,
                               const PlanContext& ctx) {
  if (count < 0) return Status::InvalidInput("--count must not be negative");
  const auto& rows = history.rows();
  // Changesets the context/label filter leaves out are passed over without
  // being counted (Liquibase applies the count filter after the others).
  std::unordered_set<std::string> accepted, filtered;
  for (const ChangeSet& cs : changelog.changesets)
    (ctx.filter.Accepts(cs) ? accepted : filtered)
        .insert(History::Key(cs.id, cs.author, cs.file_path));
  std::vector<const HistoryRow*> targets;
  for (size_t i = rows.size(); i-- > 0 && static_cast<int>(targets.size()) < count;) {
    std::string key = History::Key(rows[i].id, rows[i].author, rows[i].filename);
    if (filtered.count(key) && !accepted.count(key)) continue;
    targets.push_back(&rows[i]);
  }
  return PlanRollbackRows(changelog, targets, ctx);
}

}  // namespace strata
