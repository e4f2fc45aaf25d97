// Files that changes refer to, read at load time as Liquibase resolves them
// (relativeToChangelogFile, else the search path), and changes Strata
// cannot run, reported before anything touches a database.
#pragma once

#include <vector>

#include "load/paths.h"
#include "load/properties.h"
#include "strata/load.h"
#include "strata/model.h"

namespace strata::load {

// For every change of `cs` (and of its rollback block): sqlFile reads its
// file into `sql` (unexpanded, what the checksum hashes) and `expanded_sql`;
// createProcedure and createView with `path` read it into procedureText /
// selectQuery with ${properties} expanded (§4.3); loadData and
// loadUpdateData read the CSV into `content`. A missing file, executeCommand
// and customChange are reported at the change's file:line:col.
void ResolveResources(ChangeSet& cs, const ResolvedFile& changelog,
                      const SearchPath& search, const PropertyStore& properties,
                      int file_id, std::vector<Diagnostic>& errors);

}  // namespace strata::load
