#include "load/changelog_builder.h"

#include <cctype>
#include <initializer_list>

#include "load/strings.h"
#include "util/strings.h"

namespace strata::load {
namespace {

using util::Lower;

}  // namespace

namespace detail {
std::string TrimCopy(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}
}  // namespace detail

using detail::TrimCopy;

void ChangeLogBuilder::IgnoredAttribute(const SourceLocation& loc,
                                        std::string_view name,
                                        std::string_view owner) {
  Warning(loc, StrCat({"unknown attribute '", name, "' for ", owner,
                       " is ignored, as Liquibase does"}));
}

void ChangeLogBuilder::UnknownAttribute(const SourceLocation& loc,
                                        std::string_view name,
                                        std::string_view owner) {
  Error(loc, StrCat({"unknown attribute '", name, "' for ", owner}));
}

std::optional<std::string> ChangeLogBuilder::Text(const Value& v, bool expand) {
  if (v.scalar.kind == ScalarKind::kNull) return std::nullopt;
  if (v.scalar.kind == ScalarKind::kString && expand &&
      PropertyStore::NeedsExpansion(v.scalar.text))
    return properties_.Expand(v.scalar.text, file_.id, v.loc, errors_);
  return v.scalar.text;
}

void ChangeLogBuilder::Set(OptString& dst, const Value& v, std::string_view) {
  dst = Text(v);
}

void ChangeLogBuilder::Set(OptBool& dst, const Value& v,
                           std::string_view name) {
  std::optional<std::string> text = Text(v);
  if (!text) {
    dst.reset();
    return;
  }
  std::string lower = Lower(*text);
  if (lower == "true") {
    dst = true;
  } else if (lower == "false") {
    dst = false;
  } else {
    Error(v.loc, StrCat({"invalid boolean '", *text, "' for '", name,
                         "' (expected true or false)"}));
  }
}

void ChangeLogBuilder::Set(OptNumeric& dst, const Value& v,
                           std::string_view name) {
  std::string bad = v.scalar.text;
  switch (v.scalar.kind) {
    case ScalarKind::kNull:
      dst.reset();
      return;
    case ScalarKind::kInt:
      dst = Numeric{v.scalar.text};
      return;
    case ScalarKind::kFloat:
      dst = Numeric{CanonicalDoubleNumeric(v.scalar.text)};
      return;
    case ScalarKind::kBool:
      break;
    case ScalarKind::kString: {
      // XML numbers (and quoted YAML ones) keep their text: "1.50".
      std::string text = *Text(v);
      if (IsDecimalNumberText(text)) {
        dst = Numeric{std::move(text)};
        return;
      }
      bad = std::move(text);
      break;
    }
  }
  Error(v.loc, StrCat({"invalid number '", bad, "' for '", name, "'"}));
}

bool ChangeLogBuilder::SetColumnValue(ColumnConfig& c, std::string_view name,
                                      const Value& v) {
  if (v.scalar.kind != ScalarKind::kString) return false;
  if (name == "valueBoolean") {
    std::optional<std::string> text = Text(v);
    if (!text) return false;
    c.value_boolean = Lower(*text) == "true";
    return true;
  }
  if (name == "valueNumeric") {
    // Java's NumberFormat.parse throws only when no number starts the text;
    // text that starts like a number but is not one ("1,5") stays an error.
    std::optional<std::string> text = Text(v);
    if (!text || text->empty() || IsDecimalNumberText(*text) ||
        std::isdigit(static_cast<unsigned char>((*text)[0])) ||
        std::string_view("+-.").find((*text)[0]) != std::string_view::npos)
      return false;
    c.value_numeric.reset();
    c.value_computed = std::move(*text);
    return true;
  }
  return false;
}

bool ChangeLogBuilder::SetChangeSetAttribute(ChangeSetDraft& d,
                                             std::string_view k,
                                             const Value& v,
                                             const SourceLocation& key_loc) {
  if (!IsAttribute(kChangeSetAttributes, k)) return false;
  ChangeSet& cs = d.cs;
  if (k == "id") {
    d.has_id = true;
    cs.id = Text(v).value_or("");
  } else if (k == "author") {
    cs.author = Text(v).value_or("");
  } else if (k == "comment") {
    if (auto t = Text(v)) cs.comment = TrimCopy(*t);
  } else if (k == "context") {
    d.context = Text(v);
  } else if (k == "contextFilter") {
    d.context_filter = Text(v);
  } else if (k == "labels") {
    cs.labels = Text(v);
  } else if (k == "dbms") {
    cs.dbms = Text(v);
  } else if (k == "runOnChange") {
    Set(cs.run_on_change, v, k);
  } else if (k == "runAlways" || k == "alwaysRun") {
    Set(cs.run_always, v, k);
  } else if (k == "runInTransaction") {
    Set(cs.run_in_transaction, v, k);
  } else if (k == "failOnError") {
    Set(cs.fail_on_error, v, k);
  } else if (k == "ignore") {
    Set(cs.ignore, v, k);
  } else if (k == "logicalFilePath") {
    cs.logical_file_path = Text(v);
  } else if (k == "objectQuotingStrategy") {
    cs.object_quoting_strategy = Text(v);
  } else if (k == "onValidationFail") {
    cs.on_validation_fail = Text(v);
  } else if (k == "created") {
    cs.created = Text(v);
  } else if (k == "runOrder") {
    cs.run_order = Text(v);
  } else if (k == "validCheckSum") {
    if (auto t = Text(v)) cs.valid_checksums.push_back(std::move(*t));
  } else if (k == "runWith" || k == "runWithSpoolFile") {
    Error(key_loc, StrCat({k, " is not supported yet"}));
  } else {
    return false;
  }
  return true;
}

ChangeSet ChangeLogBuilder::FinishChangeSet(ChangeSetDraft&& d) {
  d.cs.context = d.context_filter ? d.context_filter : d.context;
  if (!d.has_id) {
    Error(d.cs.loc, "changeSet: missing required attribute 'id'");
  } else if (d.cs.id.empty()) {
    Error(d.cs.loc, "changeSet: id must not be empty");
  }
  // Liquibase validates changes per changeset: under MARK_RAN a change
  // that fails validation marks its changeset ran instead of stopping.
  if (d.cs.on_validation_fail == "MARK_RAN") {
    for (const Diagnostic& e : change_errors_)
      d.cs.validation_errors.push_back(e.loc.ToString() + ": " + e.message);
    change_errors_.clear();
    change_error_at_.clear();
  }
  FlushChangeErrors();
  return std::move(d.cs);
}

bool ChangeLogBuilder::SetModifySqlAttribute(ModifySqlDraft& d, std::string_view k,
                                             const Value& v) {
  if (!IsAttribute(kModifySqlAttributes, k)) return false;
  if (k == "dbms") {
    d.dbms = Text(v);
  } else if (k == "context") {
    d.context = Text(v);
  } else if (k == "contextFilter") {
    d.context_filter = Text(v);
  } else if (k == "labels") {
    d.labels = Text(v);
  } else if (k == "applyToRollback") {
    Set(d.apply_to_rollback, v, k);
  } else {
    return false;
  }
  return true;
}

bool ChangeLogBuilder::AddSqlVisitor(ModifySqlDraft& d, std::string_view kind,
                                     const std::vector<std::pair<std::string, Value>>& attrs,
                                     const SourceLocation& loc) {
  SqlVisitor v;
  v.loc = loc;
  std::vector<std::string_view> allowed;
  if (kind == "append" || kind == "prepend") {
    v.kind = kind == "append" ? SqlVisitor::Kind::kAppend : SqlVisitor::Kind::kPrepend;
    allowed = {"value"};
  } else if (kind == "replace" || kind == "regExpReplace") {
    v.kind = kind == "replace" ? SqlVisitor::Kind::kReplace : SqlVisitor::Kind::kRegExpReplace;
    allowed = {"replace", "with"};
  } else {
    return false;
  }
  for (const auto& [name, value] : attrs) {
    if (name == "value" && allowed.size() == 1) {
      v.value = Text(value);
    } else if (name == "replace" && allowed.size() == 2) {
      v.replace = Text(value);
    } else if (name == "with" && allowed.size() == 2) {
      v.with = Text(value);
    } else {
      UnknownAttribute(value.loc, name, kind);
    }
  }
  for (std::string_view req : allowed) {
    bool missing = req == "value" ? !v.value : req == "replace" ? !v.replace : !v.with;
    if (missing)
      Error(loc, StrCat({"modifySql ", kind, ": missing required attribute '", req, "'"}));
  }
  if (v.kind == SqlVisitor::Kind::kRegExpReplace && v.replace && v.with) {
    if (std::string why = CheckJavaRegex(*v.replace, *v.with); !why.empty())
      Error(loc, StrCat({"modifySql regExpReplace: ", why}));
  }
  d.visitors.push_back(std::move(v));
  return true;
}

void ChangeLogBuilder::FinishModifySql(ChangeSet& cs, ModifySqlDraft&& d) {
  for (SqlVisitor& v : d.visitors) {
    v.dbms = d.dbms;
    v.context = d.context_filter ? d.context_filter : d.context;
    v.labels = d.labels;
    v.apply_to_rollback = d.apply_to_rollback.value_or(false);
    cs.modify_sql.push_back(std::move(v));
  }
}

void ChangeLogBuilder::AddRollbackSql(Rollback& rollback, const Value& text) {
  std::optional<std::string> t = Text(text);
  if (!t) return;
  std::string body = TrimCopy(*t);
  if (body.empty()) return;
  Sql sql;
  sql.sql = std::move(body);
  sql.loc = text.loc;
  rollback.changes.emplace_back(std::move(sql));
}

bool ChangeLogBuilder::SetIncludeAttribute(IncludeDraft& d, std::string_view k,
                                           const Value& v,
                                           const SourceLocation&) {
  if (!IsAttribute(kIncludeAttributes, k)) return false;
  if (k == "file") {
    d.file = Text(v);
  } else if (k == "relativeToChangelogFile") {
    Set(d.relative_to_changelog_file, v, k);
  } else if (k == "errorIfMissing") {
    Set(d.error_if_missing, v, k);
  } else if (k == "ignore") {
    Set(d.ignore, v, k);
  } else if (k == "context") {
    d.context = Text(v);
  } else if (k == "contextFilter") {
    d.context_filter = Text(v);
  } else if (k == "labels") {
    d.labels = Text(v);
  } else {
    return false;
  }
  return true;
}

std::optional<IncludeSpec> ChangeLogBuilder::FinishInclude(IncludeDraft&& d) {
  if (!d.file || d.file->empty()) {
    Error(d.loc, "include: missing required attribute 'file'");
    return std::nullopt;
  }
  IncludeSpec inc;
  inc.loc = std::move(d.loc);
  inc.file = std::move(*d.file);
  inc.relative_to_changelog_file = d.relative_to_changelog_file.value_or(false);
  inc.error_if_missing = d.error_if_missing.value_or(true);
  inc.ignore = d.ignore.value_or(false);
  inc.context = d.context_filter ? d.context_filter : d.context;
  inc.labels = std::move(d.labels);
  return inc;
}

bool ChangeLogBuilder::SetIncludeAllAttribute(IncludeAllDraft& d,
                                              std::string_view k,
                                              const Value& v,
                                              const SourceLocation& key_loc) {
  if (!IsAttribute(kIncludeAllAttributes, k)) return false;
  auto depth = [&](std::optional<int>& dst) {
    std::optional<std::string> t = Text(v);
    if (!t) return;
    std::string text = TrimCopy(*t);
    bool ok = !text.empty() && text.size() < 10 &&
              text.find_first_not_of("0123456789") == std::string::npos;
    if (ok) {
      dst = std::stoi(text);
    } else {
      Error(v.loc, StrCat({"invalid depth '", *t, "' for '", k,
                           "' (expected a non-negative integer)"}));
    }
  };
  if (k == "path") {
    d.path = Text(v);
  } else if (k == "relativeToChangelogFile") {
    Set(d.relative_to_changelog_file, v, k);
  } else if (k == "errorIfMissingOrEmpty") {
    Set(d.error_if_missing_or_empty, v, k);
  } else if (k == "ignore") {
    Set(d.ignore, v, k);
  } else if (k == "context") {
    d.context = Text(v);
  } else if (k == "contextFilter") {
    d.context_filter = Text(v);
  } else if (k == "labels") {
    d.labels = Text(v);
  } else if (k == "minDepth") {
    depth(d.min_depth);
  } else if (k == "maxDepth") {
    depth(d.max_depth);
  } else if (k == "endsWithFilter") {
    d.ends_with_filter = Text(v);
  } else if (k == "filter" || k == "resourceFilter" ||
             k == "resourceComparator") {
    Error(key_loc, StrCat({"includeAll: '", k,
                           "' names a Java class, which Strata cannot load; "
                           "use endsWithFilter, minDepth or maxDepth"}));
  } else {
    return false;
  }
  return true;
}

std::optional<IncludeAllSpec> ChangeLogBuilder::FinishIncludeAll(
    IncludeAllDraft&& d) {
  if (!d.path || TrimCopy(*d.path).empty()) {
    Error(d.loc, "includeAll: missing required attribute 'path'");
    return std::nullopt;
  }
  IncludeAllSpec inc;
  inc.loc = std::move(d.loc);
  inc.path = std::move(*d.path);
  inc.relative_to_changelog_file = d.relative_to_changelog_file.value_or(false);
  inc.error_if_missing_or_empty = d.error_if_missing_or_empty.value_or(true);
  inc.ignore = d.ignore.value_or(false);
  inc.context = d.context_filter ? d.context_filter : d.context;
  inc.labels = std::move(d.labels);
  if (d.min_depth) inc.min_depth = *d.min_depth;
  if (d.max_depth) inc.max_depth = *d.max_depth;
  if (d.ends_with_filter && !d.ends_with_filter->empty())
    inc.ends_with_filter = std::move(d.ends_with_filter);
  if (inc.min_depth > inc.max_depth) {
    Error(inc.loc, "includeAll: minDepth is greater than maxDepth");
    return std::nullopt;
  }
  return inc;
}

bool ChangeLogBuilder::SetPropertyAttribute(PropertyDraft& d,
                                            std::string_view k, const Value& v,
                                            const SourceLocation&) {
  if (!IsAttribute(kPropertyAttributes, k)) return false;
  // Property entries are read before expansion, as Liquibase does.
  if (k == "name") {
    d.name = Text(v, false);
  } else if (k == "value") {
    d.value = Text(v, false);
  } else if (k == "dbms") {
    d.dbms = Text(v, false);
  } else if (k == "file") {
    d.file = Text(v, false);
  } else if (k == "global") {
    Set(d.global, v, k);
  } else if (k == "relativeToChangelogFile") {
    Set(d.relative_to_changelog_file, v, k);
  } else if (k == "errorIfMissing") {
    Set(d.error_if_missing, v, k);
  } else if (k == "context" || k == "contextFilter") {
    d.context = Text(v, false);
  } else if (k == "labels") {
    d.labels = Text(v, false);
  } else if (k == "target") {
  } else {
    return false;
  }
  return true;
}

void ChangeLogBuilder::DefineProperty(const PropertyDraft& d) {
  if (d.dbms && !options_.dbms.empty() && !DbmsMatches(*d.dbms, options_.dbms))
    return;
  // A property whose context or labels the run's --contexts / --labels
  // exclude is not defined, so a later definition of the name can win, as
  // in Liquibase's ChangeLogParameters (fineract defines current_date once
  // for context mysql, then for postgresql). Without a filter every
  // definition counts and the first wins.
  if (d.context || d.labels) {
    ChangeSet scope;
    scope.context = d.context;
    scope.labels = d.labels;
    if (!options_.filter.Accepts(scope)) return;
  }
  bool is_global = d.global.value_or(true);
  if (d.name) {
    properties_.Define(*d.name, d.value.value_or(""), is_global, file_.id);
    return;
  }
  if (!d.file) {
    Error(d.loc, "property: missing required attribute 'name' or 'file'");
    return;
  }
  ResolvedFile props =
      d.relative_to_changelog_file.value_or(false)
          ? search_path_.ResolveSibling(file_.resolved, *d.file)
          : search_path_.Resolve(*d.file);
  std::optional<std::string> text;
  if (props.exists) text = ReadWholeFile(props.physical);
  if (!text) {
    if (d.error_if_missing.value_or(true))
      Error(d.loc, "property file '" + *d.file + "' not found");
    return;
  }
  for (auto& [k, v] : ParseJavaProperties(*text))
    properties_.Define(k, v, is_global, file_.id);
}

bool ChangeLogBuilder::SetPreconditionsAttribute(Preconditions& p,
                                                 std::string_view k,
                                                 const Value& v) {
  if (!IsAttribute(kPreconditionsAttributes, k)) return false;
  std::optional<std::string> text = Text(v);
  auto option = [&](OptString& dst, std::initializer_list<std::string_view> allowed) {
    if (!text) return;
    std::string upper = *text;
    for (char& c : upper)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string list;
    for (std::string_view a : allowed) {
      if (upper == a) {
        dst = upper;
        return;
      }
      list += StrCat({list.empty() ? "" : ", ", a});
    }
    Error(v.loc, StrCat({"invalid value '", *text, "' for '", k,
                         "' (expected ", list, ")"}));
  };
  if (k == "onFail") {
    option(p.on_fail, {"HALT", "CONTINUE", "MARK_RAN", "WARN"});
  } else if (k == "onError") {
    option(p.on_error, {"HALT", "CONTINUE", "MARK_RAN", "WARN"});
  } else if (k == "onFailMessage") {
    p.on_fail_message = text;
  } else if (k == "onErrorMessage") {
    p.on_error_message = text;
  } else if (k == "onSqlOutput" || k == "onUpdateSQL") {
    option(p.on_sql_output, {"IGNORE", "TEST", "FAIL"});
  } else {
    return false;
  }
  return true;
}

std::optional<Precondition> ChangeLogBuilder::StartPrecondition(
    std::string_view name, const SourceLocation& loc) {
  if (name == "customPrecondition") {
    Error(loc, "customPrecondition names a Java class, which Strata cannot load");
    return std::nullopt;
  }
  if (!FindPreconditionType(name)) {
    Error(loc, StrCat({"unknown precondition '", name, "'"}));
    return std::nullopt;
  }
  Precondition p;
  p.type = std::string(name);
  p.loc = loc;
  return p;
}

void ChangeLogBuilder::SetPreconditionAttribute(Precondition& p,
                                                std::string_view k,
                                                const Value& v,
                                                const SourceLocation& key_loc) {
  const PreconditionType* type = FindPreconditionType(p.type);
  bool known = false;
  for (std::string_view a : type->attributes) known = known || (!a.empty() && a == k);
  if (!known) {
    UnknownAttribute(key_loc, k, p.type);
    return;
  }
  std::optional<std::string> text = Text(v);
  if (!text) return;
  if (k == type->body) *text = TrimCopy(*text);
  p.attributes[std::string(k)] = std::move(*text);
}

void ChangeLogBuilder::FinishPrecondition(Precondition& p) {
  const PreconditionType* type = FindPreconditionType(p.type);
  if (type->nested) {
    if (p.nested.empty())
      Error(p.loc, StrCat({p.type, ": expected at least one nested precondition"}));
    return;
  }
  for (std::string_view r : type->required) {
    if (r.empty()) continue;
    auto it = p.attributes.find(std::string(r));
    // Liquibase runs sqlCheck expectedResult="" (a NULL result then fails).
    if (it == p.attributes.end() || (it->second.empty() && r != "expectedResult"))
      Error(p.loc, StrCat({p.type, ": missing required attribute '", r, "'"}));
  }
  if (p.type == "changeLogPropertyDefined") {
    auto it = p.attributes.find("property");
    if (it != p.attributes.end())
      p.property_value = properties_.Value(it->second, file_.id);
  }
}

bool ChangeLogBuilder::SetChangeLogAttribute(ParsedChangeLog& log,
                                             std::string_view k,
                                             const Value& v) {
  if (!IsAttribute(kChangeLogAttributes, k)) return false;
  if (k == "logicalFilePath") {
    log.logical_file_path = Text(v);
  } else if (k == "context" || k == "contextFilter") {
    if (auto t = Text(v); t && (k == "contextFilter" || !log.context))
      log.context = t;
  } else if (k == "objectQuotingStrategy") {
    log.object_quoting_strategy = Text(v);
  } else {
    return false;
  }
  return true;
}

bool DbmsMatches(std::string_view list, std::string_view dbms) {
  std::vector<std::string> items;
  size_t i = 0;
  while (i <= list.size()) {
    size_t j = list.find(',', i);
    if (j == std::string_view::npos) j = list.size();
    std::string item = Lower(TrimCopy(list.substr(i, j - i)));
    if (!item.empty()) items.push_back(std::move(item));
    i = j + 1;
  }
  if (items.empty()) return true;
  std::string db = Lower(dbms);
  bool any_positive = false, positive_match = false;
  for (const auto& item : items) {
    if (item == "all") return true;
  }
  for (const auto& item : items) {
    if (item == "none") return false;
  }
  for (const auto& item : items) {
    if (item[0] == '!') {
      if (TrimCopy(item.substr(1)) == db) return false;
    } else {
      any_positive = true;
      if (item == db) positive_match = true;
    }
  }
  return !any_positive || positive_match;
}

}  // namespace strata::load
