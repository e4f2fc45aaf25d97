// Editor schemas for changelogs, generated from the model's Fields() tables
// and the loader's attribute tables, so that they describe exactly what the
// loader accepts and never drift from it. The checked-in copies live in
// schemas/ and tests/schema_test.cc keeps them current
// (STRATA_UPDATE_GOLDEN=1 rewrites them).
#pragma once

#include <string>

namespace strata::load {

// schemas/dbchangelog-4.28.xsd: XML Schema for the dbchangelog namespace.
std::string GenerateXsd();

// schemas/liquibase-pro-4.28.xsd: XML Schema for the pro namespace (the
// Liquibase Pro change types).
std::string GenerateProXsd();

// schemas/changelog.schema.json: JSON Schema (draft-07) for YAML and JSON
// changelogs.
std::string GenerateJsonSchema();

}  // namespace strata::load
