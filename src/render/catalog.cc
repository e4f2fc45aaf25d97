#include "strata/catalog.h"

#include <algorithm>
#include <cctype>

namespace strata {

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

const CatalogColumn* TableDefinition::Column(std::string_view name) const {
  for (const CatalogColumn& c : columns)
    if (SameName(c.name, name)) return &c;
  return nullptr;
}

CatalogColumn* TableDefinition::Column(std::string_view name) {
  for (CatalogColumn& c : columns)
    if (SameName(c.name, name)) return &c;
  return nullptr;
}

bool TableDefinition::HasPrimaryKey() const {
  return std::any_of(columns.begin(), columns.end(),
                     [](const CatalogColumn& c) { return c.primary_key > 0; });
}

Result<TableDefinition> StaticCatalog::Table(const std::optional<std::string>& schema,
                                            std::string_view name) {
  for (const TableDefinition& t : tables_) {
    if (!SameName(t.name, name)) continue;
    if (schema && t.schema && !SameName(*schema, *t.schema)) continue;
    return t;
  }
  return Status::NotFound("the snapshot has no table " +
                          (schema ? *schema + "." : std::string()) + std::string(name));
}

}  // namespace strata
