#include "load/resources.h"

#include <optional>
#include <string>
#include <type_traits>
#include <variant>

namespace strata::load {
namespace {

class Resolver {
 public:
  Resolver(const ResolvedFile& changelog, const SearchPath& search,
           const PropertyStore& properties, int file_id,
           std::vector<Diagnostic>& errors)
      : changelog_(changelog),
        search_(search),
        properties_(properties),
        file_id_(file_id),
        errors_(errors) {}

  void Resolve(Change& change) {
    std::visit([&](auto& c) { Visit(c); }, change);
  }

 private:
  // The text of `path` as the change names it, or nullopt after reporting.
  std::optional<std::string> Read(std::string_view change, const SourceLocation& loc,
                                  const std::string& path, const OptBool& relative) {
    ResolvedFile f = relative.value_or(false) ? search_.ResolveSibling(changelog_, path)
                                              : search_.Resolve(path);
    std::optional<std::string> text;
    if (f.exists) text = ReadWholeFile(f.physical);
    if (!text) {
      errors_.push_back({loc, std::string(change) + ": file '" + path + "' not found" +
                                  (relative.value_or(false)
                                       ? " (relative to " + changelog_.physical + ")"
                                       : std::string())});
    }
    return text;
  }

  std::string Expand(const std::string& text, const SourceLocation& loc) {
    if (!PropertyStore::NeedsExpansion(text)) return text;
    return properties_.Expand(text, file_id_, loc, errors_);
  }

  void Visit(SqlFile& c) {
    if (!c.path) return;  // reported as a missing attribute
    c.sql = Read(SqlFile::kName, c.loc, *c.path, c.relative_to_changelog_file);
    if (c.sql) c.expanded_sql = Expand(*c.sql, c.loc);
  }
  void Visit(CreateProcedure& c) {
    if (c.path) {
      if (auto text = Read(CreateProcedure::kName, c.loc, *c.path, c.relative_to_changelog_file))
        c.procedure_text = Expand(*text, c.loc);
    } else if (!c.procedure_text) {
      errors_.push_back({c.loc, "createProcedure: missing required attribute "
                                "'procedureText' or 'path'"});
    }
  }
  // Pro stored logic: the body inline or from `path`, as createProcedure.
  void Visit(CreateFunction& c) {
    StoredLogic(c, c.function_body, "functionBody");
  }
  void Visit(CreateTrigger& c) { StoredLogic(c, c.trigger_body, "triggerBody"); }
  void Visit(CreatePackage& c) { StoredLogic(c, c.package_text, "packageText"); }
  void Visit(CreatePackageBody& c) {
    StoredLogic(c, c.package_text, "packageBodyText");
  }
  template <typename T>
  void StoredLogic(T& c, OptString& body, std::string_view body_attr) {
    if (c.path) {
      if (auto text = Read(T::kName, c.loc, *c.path, c.relative_to_changelog_file))
        body = Expand(*text, c.loc);
    } else if (!body) {
      errors_.push_back({c.loc, std::string(T::kName) + ": missing required attribute '" +
                                    std::string(body_attr) + "' or 'path'"});
    }
  }
  void Visit(CreateView& c) {
    if (!c.path) return;
    if (auto text = Read(CreateView::kName, c.loc, *c.path, c.relative_to_changelog_file))
      c.select_query = Expand(*text, c.loc);
  }
  template <typename L>
    requires std::is_same_v<L, LoadData> || std::is_same_v<L, LoadUpdateData>
  void Visit(L& c) {
    if (!c.file) return;
    c.content = Read(L::kName, c.loc, *c.file, c.relative_to_changelog_file);
  }
  // Without the required attribute, that is the one error reported.
  void Visit(CustomChange& c) {
    if (!c.class_name) return;
    errors_.push_back({c.loc, "customChange '" + c.class_name.value_or("") +
                                  "' cannot run: it needs a Java class, and Strata "
                                  "does not run Java"});
  }
  template <typename T>
  void Visit(T&) {}

  const ResolvedFile& changelog_;
  const SearchPath& search_;
  const PropertyStore& properties_;
  int file_id_;
  std::vector<Diagnostic>& errors_;
};

}  // namespace

void ResolveResources(ChangeSet& cs, const ResolvedFile& changelog,
                      const SearchPath& search, const PropertyStore& properties,
                      int file_id, std::vector<Diagnostic>& errors) {
  Resolver r(changelog, search, properties, file_id, errors);
  for (Change& c : cs.changes) r.Resolve(c);
  for (Change& c : cs.rollback.changes) r.Resolve(c);
}

}  // namespace strata::load
