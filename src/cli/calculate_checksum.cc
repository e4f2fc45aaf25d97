// calculate-checksum, as Liquibase 4.28's CalculateChecksumCommandStep: the
// changeset is named by --changeset-identifier path::id::author or by all
// three of --changeset-id/-author/-path; the checksum goes to stderr.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "cli/commands.h"
#include "strata/checksum.h"
#include "util/strings.h"

namespace strata::cli {
namespace {

using util::IEquals;

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// DatabaseChangeLog.normalizePath: "classpath:" dropped, '\' -> '/', no
// leading '/', "." segments dropped and "a/.." collapsed.
std::string NormalizePath(std::string p) {
  if (p.rfind("classpath:", 0) == 0) p.erase(0, 10);
  std::replace(p.begin(), p.end(), '\\', '/');
  if (p.size() > 1 && p[1] == ':' && std::isalpha(static_cast<unsigned char>(p[0])))
    p.erase(0, 2);
  while (!p.empty() && p[0] == '/') p.erase(0, 1);
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= p.size()) {
    size_t slash = p.find('/', start);
    std::string part = p.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") parts.pop_back();
      else parts.push_back(part);
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

// StringUtil.splitAndTrim(identifier, "::"), empty parts kept.
std::vector<std::string> SplitIdentifier(const std::string& s) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t at = s.find("::", start);
    parts.push_back(Trim(s.substr(start, at == std::string::npos ? std::string::npos : at - start)));
    if (at == std::string::npos) break;
    start = at + 2;
  }
  return parts;
}

bool Empty(const std::optional<std::string>& v) { return !v || v->empty(); }

}  // namespace

Status RunCalculateChecksum(const GlobalOptions& o,
                            const CalculateChecksumOptions& c,
                            const Streams& io) {
  // Argument checks come first, with Liquibase's wording.
  if (c.identifier && (c.id || c.author || c.path))
    return Status::InvalidInput(
        "Error encountered while parsing the command line. '--changeset-identifier' "
        "cannot be provided alongside other changeset arguments: '--changeset-id', "
        "'--changeset-path', '--changeset-author'.");
  std::string path, id, author;
  if (!c.identifier) {
    if (!c.id || !c.author || !c.path) {
      std::string msg =
          "Error encountered while parsing the command line. If --changeset-identifier "
          "is not provided than --changeset-id, --changeset-author and --changeset-path "
          "must be specified. Missing argument: ";
      if (Empty(c.id)) msg += " '--changeset-id',";
      if (Empty(c.author)) msg += " '--changeset-author',";
      if (Empty(c.path)) msg += " '--changeset-path',";
      msg.back() = '.';
      return Status::InvalidInput(msg);
    }
    path = *c.path;
    id = *c.id;
    author = *c.author;
  } else {
    if (c.identifier->empty()) return Status::InvalidInput("changesetIdentifier");
    std::vector<std::string> parts = SplitIdentifier(*c.identifier);
    if (parts.size() < 3)
      return Status::InvalidInput("Invalid changeSet identifier: " + *c.identifier);
    path = parts[0];
    id = parts[1];
    author = parts[2];
  }

  // Read-only: no lock, no tracking tables created.
  Result<Session> opened = OpenSession(o, kChangeLog);
  if (!opened.ok()) return opened.status();
  const Session& session = *opened;
  const std::string wanted = NormalizePath(path);
  const ChangeSet* found = nullptr;
  for (const ChangeSet& cs : session.changelog.changesets) {
    if (IEquals(cs.author, author) && IEquals(cs.id, id) &&
        IEquals(NormalizePath(cs.file_path), wanted)) {
      found = &cs;
      break;
    }
  }
  if (!found)
    return Status::NotFound(fmt::format(
        "No such changeSet identified by changeSet id: {}, author: {}, path: {}", id,
        author, path));
  // Liquibase computes with the algorithm version of the stored sum when
  // the changeset ran (v8 for an "8:" row), else with v9.
  const HistoryRow* row = session.history.Find(found->id, found->author, found->file_path);
  ChecksumVersion version = row && row->md5sum ? StoredChecksumVersion(*row->md5sum)
                                               : ChecksumVersion::kV9;
  fmt::print(io.err, "{}\n", ChangeSetChecksum(*found, session.ctx.dialect->name, version));
  return Status::Ok();
}

}  // namespace strata::cli
