#include "strata/executor.h"

namespace strata {

Result<bool> HistoryUnchanged(Connection& conn, const PlanContext& ctx,
                              const History& history) {
  if (!ctx.changelog_table_exists) return history.empty();
  std::vector<Row> rows;
  Status s = conn.Query(HistoryFingerprintSql(ctx), &rows);
  if (!s.ok()) return s;
  if (rows.size() != 1 || rows[0].size() != 2) return false;
  const auto& count = rows[0][0];
  const auto& max = rows[0][1];
  if (!count || std::stoll(*count) != static_cast<long long>(history.rows().size()))
    return false;
  if (history.empty()) return !max.has_value();
  return max && std::stoll(*max) == history.MaxOrderExecuted();
}

}  // namespace strata
