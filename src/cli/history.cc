#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.h"

namespace strata::cli {
namespace {

// A plain text table: | a | b | with +---+ rules.
std::string Table(const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width(header.size());
  for (size_t i = 0; i < header.size(); ++i) width[i] = header[i].size();
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
  std::string rule = "+";
  for (size_t w : width) rule += std::string(w + 2, '-') + "+";
  rule += "\n";
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out = "|";
    for (size_t i = 0; i < cells.size(); ++i)
      out += fmt::format(" {:<{}} |", cells[i], width[i]);
    return out + "\n";
  };
  std::string out = rule + line(header) + rule;
  for (const auto& r : rows) out += line(r);
  return out + rule;
}

}  // namespace

Status RunHistory(const GlobalOptions& o, const std::string& format,
                  const Streams& io) {
  if (format != "TABULAR" && format != "TEXT")
    return Status::InvalidInput("--format must be TABULAR or TEXT");
  Result<Session> opened = OpenSession(o, 0);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  const auto& rows = session.history.rows();
  fmt::print(io.out, "Liquibase History for {}\n\n", session.spec.redacted);
  if (rows.empty()) {
    fmt::print(io.out, "No changesets deployed\n");
    return Status::Ok();
  }
  if (format == "TABULAR") {
    std::vector<std::vector<std::string>> cells;
    for (const HistoryRow& r : rows)
      cells.push_back({r.deployment_id.value_or(""), r.date_executed, r.filename,
                       r.author, r.id, r.tag.value_or("")});
    fmt::print(io.out, "{}",
               Table({"Deployment ID", "Update Date", "Changelog Path",
                      "Changeset Author", "Changeset ID", "Tag"},
                     cells));
    return Status::Ok();
  }
  // TEXT: grouped by deployment.
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    while (j < rows.size() && rows[j].deployment_id == rows[i].deployment_id) ++j;
    fmt::print(io.out, "- Database updated at {}. Applied {} changeset(s), DeploymentId: {}\n",
               rows[i].date_executed, j - i, rows[i].deployment_id.value_or(""));
    for (size_t k = i; k < j; ++k)
      fmt::print(io.out, "  {}::{}::{}\n", rows[k].filename, rows[k].id, rows[k].author);
    fmt::print(io.out, "\n");
    i = j;
  }
  return Status::Ok();
}

}  // namespace strata::cli
