#include <fmt/format.h>

#include "cli/plan_command.h"

namespace strata::cli {
namespace {

// The date as Liquibase's header prints it (java.sql.Date / Timestamp
// toString): "2024-01-01" for a date alone, "2024-01-01 10:00:00.0" or
// "….123" (trailing zeros dropped) with a time.
std::string HeaderDate(const std::string& given, const std::string& normalized) {
  if (given.size() == 10) return given;
  std::string text = normalized.substr(0, 19);
  std::string fraction = normalized.size() > 20 ? normalized.substr(20) : "0";
  while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
  return text + "." + fraction;
}

}  // namespace

Status RunRollbackToDate(const GlobalOptions& o, const RollbackToDateOptions& r,
                         const Streams& io) {
  if (r.date.empty()) return Status::InvalidInput("rollback-to-date needs --date=<date>");
  // The date is checked before anything is loaded or connected.
  Result<std::string> after = NormalizeRollbackDate(r.date);
  if (!after.ok()) return after.status();
  Result<Session> opened = OpenSession(o, kChangeLog);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  Planner planner = [&](Session& s) {
    return PlanRollbackToDate(s.changelog, s.history, *after, s.ctx);
  };
  if (r.sql_only)
    return PrintPlan(session, o, io, planner, fmt::format("Rollback to {} Script", HeaderDate(r.date, *after)));
  Plan plan;
  RunSummary summary;
  Status s = RunLocked(session, o, io, planner, &plan, &summary);
  if (!s.ok()) return s;
  if (plan.ChangeSetCount() == 0) {
    fmt::print(io.out, "Nothing to roll back\n");
    return Status::Ok();
  }
  fmt::print(io.out, "Rolled back {} changeset{}\n", summary.run, summary.run == 1 ? "" : "s");
  return Status::Ok();
}

}  // namespace strata::cli
