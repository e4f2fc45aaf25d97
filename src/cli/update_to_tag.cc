#include "cli/plan_command.h"

namespace strata::cli {

Status RunUpdateToTag(const GlobalOptions& o, const UpdateToTagOptions& u, const Streams& io) {
  if (u.tag.empty()) return Status::InvalidInput("update-to-tag needs --tag=<tag>");
  UpdateLimit limit;
  limit.tag = u.tag;
  return RunLimitedUpdate(o, limit, u.sql_only, io);
}

}  // namespace strata::cli
