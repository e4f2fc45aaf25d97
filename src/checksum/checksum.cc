// Liquibase v9 change and changeset checksums (reference §4.1, §4.3), and
// the v8 algorithm of Liquibase 3.5-4.21 that stored `8:` sums were
// computed with (§4.3's v8 column).
//
// Persisted format: these values are stored in databasechangelog.MD5SUM and
// compared with what Liquibase stored; the algorithm never changes.
#include "strata/checksum.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "checksum/text.h"
#include "util/strings.h"

namespace strata {
namespace {

constexpr ChecksumVersion kV8 = ChecksumVersion::kV8;
constexpr ChecksumVersion kV9 = ChecksumVersion::kV9;

// Liquibase hashes the raw body with whitespace bytes dropped; no line-ending
// or Unicode normalisation applies (it is compute(stream), not
// compute(String)).
std::string BodyChecksum(const OptString& body) {
  return detail::VersionPrefix(kV9) +
         Md5Hex(detail::StripSqlWhitespace(body ? *body : std::string()));
}

// v8's NormalizingStreamV8 over a body: "<endDelimiter>:<splitStatements>:
// <stripComments>:" (Java's toString of each, null as "null") and the body
// with whitespace runs collapsed. Also compute(stream): no line-ending
// normalisation beyond the collapsing.
std::string BodyChecksumV8(const OptString& end_delimiter, bool split_statements,
                           bool strip_comments, const OptString& body) {
  std::string header = end_delimiter.value_or("null") + ":" +
                       (split_statements ? "true" : "false") + ":" +
                       (strip_comments ? "true" : "false") + ":";
  return detail::VersionPrefix(kV8) +
         Md5Hex(detail::CollapseSqlWhitespaceV8(header, body ? *body : std::string()));
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
                        const std::optional<std::string>& content,
                        ChecksumVersion version) {
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
  return detail::ComputeString(
      table.value_or("") + ":" + detail::VersionPrefix(version) + Md5Hex(kept), version);
}

const OptString* StoredLogicBody(const Change& change) {
  if (const auto* f = std::get_if<CreateFunction>(&change)) return &f->function_body;
  if (const auto* t = std::get_if<CreateTrigger>(&change)) return &t->trigger_body;
  if (const auto* p = std::get_if<CreatePackage>(&change)) return &p->package_text;
  if (const auto* p = std::get_if<CreatePackageBody>(&change)) return &p->package_text;
  return nullptr;
}

// v8 of a change whose body may come from a file (createView,
// createProcedure, Pro stored logic): without a path, the generic
// serialization with the body as a field; with one, the serialization
// without the body (the file is not a field) + ":" + the v8 body sum with
// the header ";:false:false:".
template <typename T>
std::string FileBodyChecksumV8(const T& change, OptString T::*body) {
  if (!change.path) return detail::ComputeString(SerializeChange(change, kV8), kV8);
  T without_body = change;
  without_body.*body = std::nullopt;
  return detail::ComputeString(
      detail::ComputeString(SerializeChange(without_body, kV8), kV8) + ":" +
          BodyChecksumV8(";", false, false, change.*body),
      kV8);
}

std::string ChangeChecksumV8(const Change& change) {
  if (const auto* sql = std::get_if<Sql>(&change)) {
    return BodyChecksumV8(sql->end_delimiter, sql->split_statements.value_or(true),
                          sql->strip_comments.value_or(false), sql->sql);
  }
  if (const auto* file = std::get_if<SqlFile>(&change)) {
    // The file as read; Liquibase 4.28's v8 path does not expand it.
    return BodyChecksumV8(file->end_delimiter, file->split_statements.value_or(true),
                          file->strip_comments.value_or(false), file->sql);
  }
  if (const auto* view = std::get_if<CreateView>(&change))
    return FileBodyChecksumV8(*view, &CreateView::select_query);
  if (const auto* proc = std::get_if<CreateProcedure>(&change))
    return FileBodyChecksumV8(*proc, &CreateProcedure::procedure_text);
  if (const auto* f = std::get_if<CreateFunction>(&change))
    return FileBodyChecksumV8(*f, &CreateFunction::function_body);
  if (const auto* t = std::get_if<CreateTrigger>(&change))
    return FileBodyChecksumV8(*t, &CreateTrigger::trigger_body);
  if (const auto* p = std::get_if<CreatePackage>(&change))
    return FileBodyChecksumV8(*p, &CreatePackage::package_text);
  if (const auto* p = std::get_if<CreatePackageBody>(&change))
    return FileBodyChecksumV8(*p, &CreatePackageBody::package_text);
  if (const auto* load = std::get_if<LoadData>(&change)) {
    return CsvChecksum(load->table_name, load->comment_line_starts_with, load->content, kV8);
  }
  if (const auto* load = std::get_if<LoadUpdateData>(&change)) {
    return CsvChecksum(load->table_name, load->comment_line_starts_with, load->content, kV8);
  }
  if (const auto* out = std::get_if<Output>(&change)) {
    if (!out->target) {
      Output with_target = *out;
      with_target.target = "STDERR";
      return detail::ComputeString(SerializeChange(with_target, kV8), kV8);
    }
  }
  return detail::ComputeString(SerializeChange(change, kV8), kV8);
}

// Java's String.hashCode over UTF-16 units; ASCII names are one unit a byte.
int32_t JavaHash(std::string_view s) {
  uint32_t h = 0;
  for (unsigned char c : s) h = 31 * h + c;
  return static_cast<int32_t>(h);
}

// The names of a dbms list in the order Java's HashSet (16 buckets until more
// than 12 entries) iterates them, as v8 serializes a visitor's
// applicableDbms.
std::vector<std::string> JavaHashSetOrder(const std::string& list) {
  std::vector<std::string> names;
  std::string_view rest = list;
  while (true) {
    size_t comma = rest.find(',');
    std::string_view name = Trim(rest.substr(0, comma));
    if (!name.empty() &&
        std::find(names.begin(), names.end(), name) == names.end())
      names.emplace_back(name);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  uint32_t buckets = 16;
  while (names.size() > buckets * 3 / 4) buckets *= 2;
  auto bucket = [&](const std::string& n) {
    uint32_t h = static_cast<uint32_t>(JavaHash(n));
    return (h ^ (h >> 16)) & (buckets - 1);
  };
  std::stable_sort(names.begin(), names.end(),
                   [&](const std::string& a, const std::string& b) {
                     return bucket(a) < bucket(b);
                   });
  return names;
}

}  // namespace

ChecksumVersion StoredChecksumVersion(std::string_view stored) {
  return stored.starts_with("9:") ? kV9 : kV8;
}

bool SameChecksum(std::string_view stored, std::string_view computed) {
  if (stored == computed) return true;
  size_t a = stored.find(':');
  size_t b = computed.find(':');
  if (a == std::string_view::npos || b == std::string_view::npos) return false;
  // "7:abc" (or older) against the v8 "8:abc" that stands for it.
  return StoredChecksumVersion(stored) == kV8 && !stored.starts_with("8:") &&
         stored.substr(a + 1) == computed.substr(b + 1);
}

std::string ChangeChecksum(const Change& change, ChecksumVersion version) {
  if (version == kV8) return ChangeChecksumV8(change);
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
                       load->content, kV9);
  }
  if (const auto* load = std::get_if<LoadUpdateData>(&change)) {
    return CsvChecksum(load->table_name, load->comment_line_starts_with,
                       load->content, kV9);
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

namespace {

// Labels.toString(): the comma list trimmed ("a, b" is "a,b").
std::string LabelsToString(const std::string& labels) {
  std::string out;
  std::string_view rest = labels;
  while (true) {
    size_t comma = rest.find(',');
    std::string_view item = Trim(rest.substr(0, comma));
    if (!item.empty()) {
      if (!out.empty()) out += ',';
      out += item;
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

// The name v8 gives a visitor's context field: "contextFilter" since
// Liquibase 4.16 (what 4.22-4.28 compute to validate "8:" rows), "contexts"
// in the releases before, whose stored sums 4.28 therefore rejects for a
// modifySql with a context (verified: Liquibase 4.4.0 wrote
// 8:dbec5e82... for tests/data/checksum_v8 ms3, 4.28.1 computes 8:93547933...).
constexpr const char* kContextFilter = "contextFilter";
constexpr const char* kContextsBefore416 = "contexts";

std::string VisitorChecksum(const SqlVisitor& visitor, ChecksumVersion version,
                            const char* context_field) {
  // The visitor's serializable fields, sorted by name (they are written in
  // that order). v9 leaves out applicableDbms, contextFilter and labels.
  std::string out(visitor.Name());
  out += ":[\n";
  if (version == kV8 && visitor.dbms) {
    // A Set<String>: items by their toString, one a line.
    std::vector<std::string> names = JavaHashSetOrder(*visitor.dbms);
    if (!names.empty()) {
      out += "    applicableDbms=[\n";
      for (size_t i = 0; i < names.size(); ++i) {
        out += "        " + names[i];
        out += i + 1 < names.size() ? ",\n" : "\n";
      }
      out += "    ]\n";
    }
  }
  out += "    applyToRollback=\"";
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
  if (version == kV8) {
    field(context_field, visitor.context);
    if (visitor.labels) field("labels", LabelsToString(*visitor.labels));
  }
  field("replace", visitor.replace);
  field("value", visitor.value);
  field("with", visitor.with);
  out += "]";
  return detail::ComputeString(detail::NormalizeLineEndings(out), version);
}

std::string ChangeSetSum(const ChangeSet& changeset, std::string_view dbms,
                         ChecksumVersion version, const char* context_field) {
  std::string acc;
  for (const Change& change : changeset.changes) {
    // v8 hashes dbms-targeted changes for every engine.
    if (version == kV9 && !AppliesTo(change, dbms)) continue;
    acc += ChangeChecksum(change, version);
    acc += ':';
  }
  // modifySql visitors for this engine (Liquibase's DbmsChangeSetFilter
  // drops the others first), each "9:<hex>;".
  for (const SqlVisitor& visitor : changeset.modify_sql) {
    if (!DbmsMatches(visitor.dbms, dbms)) continue;
    acc += VisitorChecksum(visitor, version, context_field);
    acc += ';';
  }
  return detail::ComputeString(acc, version);
}

}  // namespace

std::string SqlVisitorChecksum(const SqlVisitor& visitor, ChecksumVersion version) {
  return VisitorChecksum(visitor, version, kContextFilter);
}

std::string ChangeSetChecksum(const ChangeSet& changeset, std::string_view dbms,
                              ChecksumVersion version) {
  return ChangeSetSum(changeset, dbms, version, kContextFilter);
}

bool MatchesStoredChecksum(const ChangeSet& changeset, std::string_view dbms,
                           std::string_view stored) {
  ChecksumVersion version = StoredChecksumVersion(stored);
  if (SameChecksum(stored, ChangeSetSum(changeset, dbms, version, kContextFilter))) return true;
  if (version != kV8) return false;
  bool has_context = std::any_of(changeset.modify_sql.begin(), changeset.modify_sql.end(),
                                 [](const SqlVisitor& v) { return v.context.has_value(); });
  return has_context &&
         SameChecksum(stored, ChangeSetSum(changeset, dbms, version, kContextsBefore416));
}

bool ChecksumValid(const ChangeSet& changeset, std::string_view dbms,
                   std::string_view stored) {
  ChecksumVersion version = StoredChecksumVersion(stored);
  if (MatchesStoredChecksum(changeset, dbms, stored)) return true;
  std::string current = ChangeSetChecksum(changeset, dbms, version);
  std::string latest =
      version == kV9 ? current : ChangeSetChecksum(changeset, dbms, kV9);
  for (const std::string& valid : changeset.valid_checksums) {
    if (util::IEquals(valid, "ANY") || util::IEquals(valid, "1:any") || util::IEquals(valid, "1:all") ||
        valid == "1:*")
      return true;
    if (util::IEquals(valid, stored) || util::IEquals(valid, current) || util::IEquals(valid, latest))
      return true;
  }
  return false;
}

}  // namespace strata
