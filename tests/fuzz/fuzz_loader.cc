// The shared body of the changelog-loader fuzz targets (fuzz_loader.h),
// compiled once rather than into each target.
#include "fuzz_loader.h"

namespace strata::fuzz {
namespace {

void CheckExpression(const OptString& expression) {
  if (expression && !expression->empty()) {
    if (CheckFilterExpression(*expression).empty())
      (void)MatchesFilterExpression(*expression, {"dev", "test"});
  }
}

}  // namespace

int FuzzChangeLog(load::ParseChangeLogFn parse, const char* name, const uint8_t* data,
                  size_t size) {
  if (size > kMaxInput) return -1;
  std::string text(reinterpret_cast<const char*>(data), size);
  LoadOptions options;
  options.changelog_file = name;
  // A folder that does not exist: no relative path resolves to a file.
  options.search_path = {"/nonexistent/strata-fuzz"};
  options.dbms = "postgresql";
  options.properties["cli.prop"] = "from -D";
  options.missing_property = LoadOptions::MissingProperty::kError;

  load::SearchPath search(options.search_path);
  load::PropertyStore properties(options);
  std::vector<Diagnostic> errors;
  load::ResolvedFile resolved{std::string("/nonexistent/strata-fuzz/") + name,
                              name, true};
  load::FileInfo info{std::make_shared<const std::string>(name), resolved, 0,
                      nullptr};
  load::ParsedChangeLog log =
      parse(text, info, search, options, properties, errors);

  CheckExpression(log.context);
  for (const load::ChangeLogEntry& entry : log.entries) {
    if (const auto* cs = std::get_if<ChangeSet>(&entry)) {
      CheckExpression(cs->context);
      for (const SqlVisitor& v : cs->modify_sql) CheckExpression(v.context);
      if (cs->labels && CheckFilterExpression(*cs->labels, "label").empty())
        (void)MatchesFilterExpression(*cs->labels, {"a"});
      (void)cs->Identity();
    } else if (const auto* inc = std::get_if<load::IncludeSpec>(&entry)) {
      CheckExpression(inc->context);
      (void)load::NormalizePath(inc->file);
    } else {
      CheckExpression(std::get<load::IncludeAllSpec>(entry).context);
    }
  }
  for (const Diagnostic& d : errors) {
    if (d.message.empty()) abort();  // every error must say something
    (void)d.ToString();
  }
  return 0;
}

}  // namespace strata::fuzz
