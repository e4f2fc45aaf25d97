// What the plan-producing commands share: one planner function, printed
// (the -sql variant) or run under the changelog lock (the other), so that
// both sinks consume the same plan.
#pragma once

#include <functional>
#include <string>

#include "cli/commands.h"

namespace strata::cli {

// Plans for the session's current history and catalog. Called once, and
// again under the lock when another process changed the history meanwhile.
using Planner = std::function<Result<Plan>(Session&)>;

// Plans and runs the plan under the changelog lock. *plan is the plan that
// ran (or, when it had no changeset, the one that did not need the lock).
// Progress lines ("Running Changeset …") go to io.out unless `quiet`
// (changelog-sync and mark-next-changeset-ran print none, as Liquibase).
// REQUIRES: session is connected.
Status RunLocked(Session& session, const GlobalOptions& o, const Streams& io,
                 const Planner& planner, Plan* plan, RunSummary* summary,
                 bool quiet = false);

// Plans and prints the script: with Liquibase's header block titled
// `title`, or the steps alone when `title` is empty.
Status PrintPlan(Session& session, const GlobalOptions& o, const Streams& io,
                 const Planner& planner, std::string_view title);

// Liquibase's UPDATE SUMMARY (ShowSummaryUtil) on io.out, with the
// "FILTERED CHANGE SETS SUMMARY" block when the count or tag left any out.
void PrintUpdateSummary(const Streams& io, int64_t run, const SelectionStats& stats,
                        size_t total);

// update-count / update-to-tag and their -sql variants: `limit` narrows
// update's plan; the summary says what it left out.
Status RunLimitedUpdate(const GlobalOptions& o, const UpdateLimit& limit, bool sql_only,
                        const Streams& io);

}  // namespace strata::cli
