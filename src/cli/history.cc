// history, as Liquibase 4.28's InternalHistoryCommandStep: one block per
// deployment (consecutive rows with the same DEPLOYMENT_ID), TABULAR by
// default or TEXT, on stdout. Dates use Java's SHORT date-time format for
// the en-US locale ("11/21/26, 12:41 PM").
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "cli/commands.h"

namespace strata::cli {
namespace {

struct Stamp {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  long long micros = 0;
  bool ok = false;
};

// "2026-11-21 12:41:37.123456" (PostgreSQL) or the same with 'T' (SQLite).
Stamp ParseStamp(const std::string& text) {
  Stamp t;
  char sep = 0;
  int n = 0;
  if (std::sscanf(text.c_str(), "%d-%d-%d%c%d:%d:%d%n", &t.y, &t.mo, &t.d, &sep, &t.h,
                  &t.mi, &t.s, &n) != 7)
    return t;
  t.ok = t.mo >= 1 && t.mo <= 12;
  if (static_cast<size_t>(n) < text.size() && text[n] == '.') {
    std::string frac;
    for (size_t i = n + 1; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i)
      frac += text[i];
    frac = (frac + "000000").substr(0, 6);
    t.micros = std::stoll(frac);
  }
  return t;
}

// DateFormat.getDateTimeInstance(SHORT, SHORT), en-US: "M/d/yy, h:mm a".
std::string ShortDate(const std::string& text) {
  Stamp t = ParseStamp(text);
  if (!t.ok) return text;
  int h12 = t.h % 12 == 0 ? 12 : t.h % 12;
  return fmt::format("{}/{}/{:02}, {}:{:02} {}", t.mo, t.d, t.y % 100, h12, t.mi,
                     t.h < 12 ? "AM" : "PM");
}

// Milliseconds since the epoch of a wall-clock stamp, as
// java.sql.Timestamp.getTime() counts them (the fraction truncated).
long long Millis(const Stamp& t) {
  int y = t.y - (t.mo <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (t.mo + (t.mo > 2 ? -3 : 9)) + 2) / 5 + t.d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long long days = static_cast<long long>(era) * 146097 + doe - 719468;
  return ((days * 24 + t.h) * 60 + t.mi) * 60000LL + t.s * 1000LL + t.micros / 1000;
}

// Java's Float.toString of ms / 1000F for the run time of a deployment.
std::string JavaSeconds(long long ms) {
  std::string s = fmt::format("{}", static_cast<float>(ms) / 1000.0f);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

// TableOutput.formatUnwrappedOutput: left-justified columns as wide as their
// widest cell, a rule above the header and below every row.
std::string Table(const std::vector<std::vector<std::string>>& rows) {
  auto width_of = [](const std::string& s) {  // UTF-16 units ~ code points
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
  };
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], width_of(r[i]));
  std::string rule;
  for (size_t w : width) rule += "+-" + std::string(w, '-') + "-";
  rule += "+\n";
  std::string out = rule;
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i)
      out += "| " + r[i] + std::string(width[i] - width_of(r[i]), ' ') + " ";
    out += "|\n" + rule;
  }
  return out;
}

}  // namespace

Status RunHistory(const GlobalOptions& o, const std::string& format,
                  const Streams& io) {
  if (format != "TABULAR" && format != "TEXT")
    return Status::InvalidInput("--format must be TABULAR or TEXT");
  // Read-only: no lock, and no tracking tables created (Liquibase does not
  // create them for history either).
  Result<Session> opened = OpenSession(o, 0);
  if (!opened.ok()) return opened.status();
  Session& session = *opened;
  const auto& rows = session.history.rows();
  std::string out = fmt::format("Liquibase History for {}\n\n", session.spec.redacted);
  if (rows.empty()) out += "No changesets deployed\n";
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    while (j < rows.size() && rows[j].deployment_id == rows[i].deployment_id) ++j;
    if (format == "TABULAR") {
      std::vector<std::vector<std::string>> cells{{"Deployment ID", "Update Date",
                                                   "Changelog Path", "Changeset Author",
                                                   "Changeset ID", "Tag"}};
      for (size_t k = i; k < j; ++k) {
        const HistoryRow& r = rows[k];
        cells.push_back({r.deployment_id.value_or("null"), ShortDate(r.date_executed),
                         r.filename, r.author, r.id, r.tag.value_or("")});
      }
      out += Table(cells) + "\n";
    } else {
      out += fmt::format("- Database updated at {}. Applied {} changeset(s)",
                         ShortDate(rows[i].date_executed), j - i);
      if (j - i > 1) {
        Stamp first = ParseStamp(rows[i].date_executed);
        Stamp last = ParseStamp(rows[j - 1].date_executed);
        if (first.ok && last.ok) out += " in " + JavaSeconds(Millis(last) - Millis(first)) + "s";
      }
      out += fmt::format(", DeploymentId: {}\n", rows[i].deployment_id.value_or("null"));
      for (size_t k = i; k < j; ++k)
        out += fmt::format("  {}::{}::{}\n", rows[k].filename, rows[k].id, rows[k].author);
      out += "\n";
    }
    i = j;
  }
  fmt::print(io.out, "{}", out);
  return Status::Ok();
}

}  // namespace strata::cli
