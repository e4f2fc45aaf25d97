// Liquibase v9 change and changeset checksums (reference §4.1, §4.3).
//
// Persisted format: these values are stored in databasechangelog.MD5SUM and
// compared with what Liquibase stored; the algorithm never changes.
#include "strata/checksum.h"

#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "checksum/text.h"

namespace strata {
namespace {

std::string Version() { return std::string(detail::kChecksumVersion); }

// Liquibase hashes the raw body with whitespace bytes dropped; no line-ending
// or Unicode normalisation applies (it is compute(stream), not
// compute(String)).
std::string BodyChecksum(const OptString& body) {
  return Version() + ":" +
         Md5Hex(detail::StripSqlWhitespace(body ? *body : std::string()));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// Liquibase's DatabaseList.definitionMatches(dbms, shortName, true): an
// absent or blank list matches; "all" matches, "none" never does; "!x"
// excludes x; otherwise the plain names, if any, must include the target.
// Names compare case-sensitively, as in Liquibase ("PostgreSQL" does not
// match "postgresql").
bool DbmsMatches(const OptString& definition, std::string_view target) {
  if (!definition) return true;
  std::vector<std::string_view> names;
  std::string_view rest = *definition;
  while (true) {
    size_t comma = rest.find(',');
    std::string_view name = Trim(rest.substr(0, comma));
    if (!name.empty()) names.push_back(name);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (names.empty()) return true;
  auto has = [&](std::string_view n) {
    for (std::string_view x : names) {
      if (x == n) return true;
    }
    return false;
  };
  if (has("all")) return true;
  if (has("none")) return false;
  std::string negated = "!";
  negated += target;
  if (has(negated)) return false;
  bool any_plain = false;
  for (std::string_view x : names) {
    if (x.front() != '!') {
      any_plain = true;
      if (x == target) return true;
    }
  }
  return !any_plain;
}

// Only Liquibase's DbmsTargetedChange types (sql, sqlFile, createProcedure,
// insert) are filtered by their own dbms attribute.
bool AppliesTo(const Change& change, std::string_view dbms) {
  if (const auto* sql = std::get_if<Sql>(&change)) {
    return DbmsMatches(sql->dbms, dbms);
  }
  if (const auto* insert = std::get_if<Insert>(&change)) {
    return DbmsMatches(insert->dbms, dbms);
  }
  if (const auto* file = std::get_if<SqlFile>(&change)) {
    return DbmsMatches(file->dbms, dbms);
  }
  if (const auto* proc = std::get_if<CreateProcedure>(&change)) {
    return DbmsMatches(proc->dbms, dbms);
  }
  // Liquibase Pro's stored logic is dbms-targeted as createProcedure.
  if (const auto* f = std::get_if<CreateFunction>(&change)) return DbmsMatches(f->dbms, dbms);
  if (const auto* t = std::get_if<CreateTrigger>(&change)) return DbmsMatches(t->dbms, dbms);
  if (const auto* p = std::get_if<CreatePackage>(&change)) return DbmsMatches(p->dbms, dbms);
  if (const auto* p = std::get_if<CreatePackageBody>(&change)) return DbmsMatches(p->dbms, dbms);
  return true;
}

// loadData / loadUpdateData: compute(tableName + ":" + "9:" + md5 of the CSV
// with CRs, blank lines and comment lines (first character of
// commentLineStartsWith, default '#') dropped, lines joined by '\n' and no
// final newline). Column configs are not part of it.
std::string CsvChecksum(const OptString& table, const OptString& comment,
                        const std::optional<std::string>& content) {
  std::string comment_start =
      comment && !comment->empty() ? comment->substr(0, 1) : "#";
  std::string kept;
  std::string_view rest = content ? std::string_view(*content) : "";
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? "" : rest.substr(nl + 1);
    std::string clean;
    for (char c : line)
      if (c != '\r') clean += c;
    if (detail::StripSqlWhitespace(clean).empty()) continue;
    if (clean.starts_with(comment_start)) continue;
    if (!kept.empty()) kept += '\n';
    kept += clean;
  }
  return detail::ComputeString(table.value_or("") + ":" + Version() + ":" +
                               Md5Hex(kept));
}

const OptString* StoredLogicBody(const Change& change) {
  if (const auto* f = std::get_if<CreateFunction>(&change)) return &f->function_body;
  if (const auto* t = std::get_if<CreateTrigger>(&change)) return &t->trigger_body;
  if (const auto* p = std::get_if<CreatePackage>(&change)) return &p->package_text;
  if (const auto* p = std::get_if<CreatePackageBody>(&change)) return &p->package_text;
  return nullptr;
}

}  // namespace

std::string ChangeChecksum(const Change& change) {
  if (const auto* sql = std::get_if<Sql>(&change)) {
    return BodyChecksum(sql->sql);
  }
  if (const auto* view = std::get_if<CreateView>(&change)) {
    // compute(generic checksum + ":" + body checksum), e.g.
    // "9:627c...:9:<md5 of selectidfromwidgets>". REQUIRES: select_query holds
    // the view body, read from `path` by the loader when one is given.
    return detail::ComputeString(
        detail::ComputeString(SerializeChange(change)) + ":" +
        BodyChecksum(view->select_query));
  }
  if (const auto* proc = std::get_if<CreateProcedure>(&change)) {
    // As createView. REQUIRES: procedure_text holds the body, read from
    // `path` (property-expanded) by the loader when one is given.
    return detail::ComputeString(
        detail::ComputeString(SerializeChange(change)) + ":" +
        BodyChecksum(proc->procedure_text));
  }
  // Liquibase Pro's stored logic (createFunction, createTrigger,
  // createPackage, createPackageBody) as createProcedure: the body fields
  // are outside the generic serialization and hashed after it.
  // Not verified against Liquibase Pro (it needs a license key).
  if (const OptString* body = StoredLogicBody(change)) {
    return detail::ComputeString(
        detail::ComputeString(SerializeChange(change)) + ":" + BodyChecksum(*body));
  }
  if (const auto* file = std::get_if<SqlFile>(&change)) {
    // The file content as read, never property-expanded (since 4.26).
    return BodyChecksum(file->sql);
  }
  if (const auto* load = std::get_if<LoadData>(&change)) {
    return CsvChecksum(load->table_name, load->comment_line_starts_with,
                       load->content);
  }
  if (const auto* load = std::get_if<LoadUpdateData>(&change)) {
    return CsvChecksum(load->table_name, load->comment_line_starts_with,
                       load->content);
  }
  if (const auto* out = std::get_if<Output>(&change)) {
    // OutputChange's target defaults to STDERR, and the default is hashed.
    if (!out->target) {
      Output with_target = *out;
      with_target.target = "STDERR";
      return detail::ComputeString(SerializeChange(with_target));
    }
  }
  return detail::ComputeString(SerializeChange(change));
}

std::string SqlVisitorChecksum(const SqlVisitor& visitor) {
  // The visitor's serializable fields but applicableDbms, contextFilter and
  // labels, sorted by name (they already are in this order).
  std::string out(visitor.Name());
  out += ":[\n    applyToRollback=\"";
  out += visitor.apply_to_rollback ? "true" : "false";
  out += "\"\n";
  auto field = [&](std::string_view name, const OptString& v) {
    if (!v) return;
    out += "    ";
    out += name;
    out += "=\"";
    out += *v;
    out += "\"\n";
  };
  field("replace", visitor.replace);
  field("value", visitor.value);
  field("with", visitor.with);
  out += "]";
  return detail::ComputeString(detail::NormalizeLineEndings(out));
}

std::string ChangeSetChecksum(const ChangeSet& changeset,
                              std::string_view dbms) {
  std::string acc;
  for (const Change& change : changeset.changes) {
    if (!AppliesTo(change, dbms)) continue;
    acc += ChangeChecksum(change);
    acc += ':';
  }
  // modifySql visitors for this engine (Liquibase's DbmsChangeSetFilter
  // drops the others first), each "9:<hex>;".
  for (const SqlVisitor& visitor : changeset.modify_sql) {
    if (!DbmsMatches(visitor.dbms, dbms)) continue;
    acc += SqlVisitorChecksum(visitor);
    acc += ';';
  }
  return detail::ComputeString(acc);
}

}  // namespace strata
