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

// Only Liquibase's DbmsTargetedChange types (of those modelled: sql and
// insert) are filtered by their own dbms attribute.
bool AppliesTo(const Change& change, std::string_view dbms) {
  if (const auto* sql = std::get_if<Sql>(&change)) {
    return DbmsMatches(sql->dbms, dbms);
  }
  if (const auto* insert = std::get_if<Insert>(&change)) {
    return DbmsMatches(insert->dbms, dbms);
  }
  return true;
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
  return detail::ComputeString(SerializeChange(change));
}

std::string ChangeSetChecksum(const ChangeSet& changeset,
                              std::string_view dbms) {
  std::string acc;
  for (const Change& change : changeset.changes) {
    if (!AppliesTo(change, dbms)) continue;
    acc += ChangeChecksum(change);
    acc += ':';
  }
  return detail::ComputeString(acc);
}

}  // namespace strata
