#include "cli/plan_command.h"

namespace strata::cli {

Status RunUpdateCount(const GlobalOptions& o, const UpdateCountOptions& u, const Streams& io) {
  if (u.count < 0) return Status::InvalidInput("update-count needs --count=<N> (N >= 0)");
  UpdateLimit limit;
  limit.count = u.count;
  return RunLimitedUpdate(o, limit, u.sql_only, io);
}

}  // namespace strata::cli
