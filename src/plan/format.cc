#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "strata/plan.h"

namespace strata {

namespace {

// A statement as a script line: ";" appended unless the statement (a body
// run with splitStatements:false, say) already ends with one.
std::string Terminated(const std::string& sql) {
  size_t end = sql.find_last_not_of(" \t\r\n");
  if (end != std::string::npos && sql[end] == ';') return sql + "\n\n";
  return sql + ";\n\n";
}

}  // namespace

std::string FormatPlan(const Plan& plan, std::string_view title,
                       std::string_view changelog_path,
                       std::string_view target) {
  const std::string rule =
      "-- *********************************************************************\n";
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  std::string out;
  out += rule;
  out += fmt::format("-- {}\n", title);
  out += rule;
  out += fmt::format("-- Change Log: {}\n", changelog_path);
  out += fmt::format("-- Ran at: {:%m/%d/%y, %H:%M}\n", local);
  out += fmt::format("-- Against: {}\n", target);
  out += fmt::format("-- Strata version: {} (Liquibase 4.28.0 compatible)\n",
                     STRATA_PLAN_VERSION);
  out += rule;
  out += '\n';
  return out + FormatPlanSteps(plan);
}

std::string FormatPlanSteps(const Plan& plan) {
  std::string out;
  for (const PlanStep& step : plan.steps) {
    // Liquibase 4.28 writes a validation-failed changeset's MARK_RAN row
    // without its header and comments.
    if (!step.validation_failed) {
      if (!step.header.empty()) out += "-- " + step.header + "\n";
      for (const std::string& c : step.comments) out += "-- " + c + "\n";
    }
    if (!step.in_transaction)
      out += "-- runInTransaction:false: the statements below run outside a transaction\n";
    for (const Statement& s : step.before) out += Terminated(s.sql);
    for (const Statement& s : step.statements) {
      // output and stop run no SQL: the script shows what they do, every
      // line commented so that a multi-line message never becomes SQL.
      if (s.kind == Statement::Kind::kSql || s.kind == Statement::Kind::kCheck) {
        out += Terminated(s.sql);
        continue;
      }
      std::string what = s.kind == Statement::Kind::kOutput  ? "output to " + s.target
                         : s.kind == Statement::Kind::kCommand ? "executeCommand"
                                                               : "stop";
      if (s.kind == Statement::Kind::kCommand && s.timeout_seconds > 0)
        what += fmt::format(" (timeout {}s)", s.timeout_seconds);
      std::string text = s.sql;
      for (size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p + 4))
        text.replace(p, 1, "\n-- ");
      out += fmt::format("-- {}: {}\n\n", what, text);
    }
    for (const Statement& s : step.history) out += Terminated(s.sql);
    for (const Statement& s : step.after) out += Terminated(s.sql);
  }
  return out;
}

std::string NewDeploymentId() {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  std::string digits = std::to_string(ms);
  return digits.size() > 10 ? digits.substr(digits.size() - 10) : digits;
}

}  // namespace strata
