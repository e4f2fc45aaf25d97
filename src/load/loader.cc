// The loader stage: resolves the root changelog and its includes, parses
// each file with the reader its extension names (kFormats), records
// FILENAME / contexts / labels the way Liquibase does, drops changesets for
// other databases and validates identities.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "load/formatted_sql.h"
#include "load/paths.h"
#include "load/properties.h"
#include "load/resources.h"
#include "load/strings.h"
#include "load/xml_changelog.h"
#include "load/yaml_changelog.h"
#include "load/yaml_tree.h"
#include "strata/context_filter.h"
#include "strata/load.h"

namespace strata {

std::string Diagnostic::ToString() const {
  std::string where = loc.ToString();
  std::string kind = warning ? "warning: " : "error: ";
  return where.empty() ? kind + message : where + ": " + kind + message;
}

namespace {

using load::IncludeAllSpec;
using load::IncludeSpec;
using load::ParsedChangeLog;
using load::ResolvedFile;

std::string Extension(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    return "";
  std::string ext = path.substr(dot);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s.remove_prefix(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(suffix[i])))
      return false;
  return true;
}

// Offset of the first byte that makes `text` not UTF-8 text (a NUL, a
// malformed or overlong sequence, a surrogate, a code point past U+10FFFF),
// with what is wrong; nullopt when the text is fine. Changelogs are read as
// UTF-8, as Liquibase reads them; such bytes would otherwise reach the
// database (or, a NUL, cut a value short in a C API) instead of being
// reported where they are.
std::optional<std::pair<size_t, std::string>> FirstInvalidByte(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // Eight bytes at a time while they are ASCII and not NUL (most text).
    constexpr uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
    while (i + 8 <= text.size()) {
      uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if (((w | ((w - kOnes) & ~w)) & kHighs) != 0) break;
      i += 8;
    }
    if (i == text.size()) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0) return std::make_pair(i, std::string("NUL byte"));
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    unsigned cp = len == 4 ? c & 0x07u : len == 3 ? c & 0x0Fu : c & 0x1Fu;
    bool ok = len != 0 && c < 0xF5 && i + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if (ok) {
      static constexpr unsigned kMin[] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= kMin[len] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    }
    if (!ok) return std::make_pair(i, std::string("invalid UTF-8"));
    i += len;
  }
  return std::nullopt;
}

// Reads and parses YAML files on a second thread ahead of the loader, which
// meanwhile builds the models of the files before them (issue 7: a
// 100,000-changeset changelog in 1,000 files spent about 40% of its load in
// libyaml and the tree). Only the text and its tree, which depend on
// nothing else, are made ahead; properties, includes, errors and their
// order stay with the loader. A file that cannot be read, is not UTF-8 or
// that libyaml rejects is left for the loader to read again, so it reports
// it exactly as it always did.
class Prefetcher {
 public:
  Prefetcher() = default;
  Prefetcher(const Prefetcher&) = delete;
  Prefetcher& operator=(const Prefetcher&) = delete;
  ~Prefetcher() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
  }

  // Files the loader will probably load next, in load order: they go before
  // those already queued (the includes of a file load before its siblings').
  void Want(const std::vector<std::string>& paths) {
    if (paths.empty() || no_thread_) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      pending_.insert(pending_.begin(), paths.begin(), paths.end());
    }
    if (!worker_.joinable() && !no_thread_) {
      try {
        worker_ = std::thread([this] { Work(); });
      } catch (const std::system_error&) {
        // No thread to be had (a process limit): the loader reads every
        // file itself, as it did before.
        no_thread_ = true;
        std::lock_guard<std::mutex> lock(mu_);
        pending_.clear();
      }
    }
    cv_.notify_all();
  }

  // The tree of `path` when it was parsed ahead (waiting while it is being
  // parsed), else null: the caller reads it itself.
  std::unique_ptr<load::yaml::Document> Take(const std::string& path) {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      for (size_t i = 0; i < done_.size(); ++i) {
        if (done_[i].first != path) continue;
        std::unique_ptr<load::yaml::Document> doc = std::move(done_[i].second);
        // Files parsed before it that the loader passed by (an include its
        // entry ignores) are not wanted any more.
        done_.erase(done_.begin(), done_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        cv_.notify_all();
        return doc;
      }
      if (busy_ && *busy_ == path) {
        cv_.wait(lock);
        continue;
      }
      auto queued = std::find(pending_.begin(), pending_.end(), path);
      if (queued != pending_.end()) pending_.erase(queued);
      return nullptr;
    }
  }

 private:
  // Parsed trees not yet taken, at most.
  static constexpr size_t kAhead = 8;

  static std::unique_ptr<load::yaml::Document> Parse(const std::string& path) {
    try {
      std::optional<std::string> text = load::ReadWholeFile(path);
      if (!text || FirstInvalidByte(*text)) return nullptr;
      auto doc = std::make_unique<load::yaml::Document>();
      std::string problem;
      load::yaml::Mark where;
      if (!doc->Parse(*text, &problem, &where)) return nullptr;
      return doc;
    } catch (const std::exception&) {
      return nullptr;  // out of memory: the loader tries again and says so
    }
  }

  void Work() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return stop_ || (!pending_.empty() && done_.size() < kAhead); });
      if (stop_) return;
      busy_ = std::move(pending_.front());
      pending_.pop_front();
      lock.unlock();
      std::unique_ptr<load::yaml::Document> doc = Parse(*busy_);
      lock.lock();
      done_.emplace_back(std::move(*busy_), std::move(doc));
      busy_.reset();
      cv_.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> pending_;
  std::optional<std::string> busy_;
  // Parsed (or, null, left to the loader), in the order parsed.
  std::deque<std::pair<std::string, std::unique_ptr<load::yaml::Document>>> done_;
  bool stop_ = false;
  bool no_thread_ = false;  // the loader's thread only
  std::thread worker_;
};

// Changelog formats by file extension (lower case).
struct ChangeLogFormat {
  std::string_view ext;
  std::string_view name;        // for messages
  load::ParseChangeLogFn parse;  // null: recognised, not supported yet
};
constexpr ChangeLogFormat kFormats[] = {
    {".xml", "XML", load::ParseXmlChangeLog},
    {".yaml", "YAML", load::ParseYamlChangeLog},
    {".yml", "YAML", load::ParseYamlChangeLog},
    {".json", "JSON", load::ParseYamlChangeLog},
    {".sql", "formatted SQL", load::ParseFormattedSqlChangeLog},
};

const ChangeLogFormat* FindFormat(std::string_view ext) {
  for (const ChangeLogFormat& f : kFormats)
    if (f.ext == ext) return &f;
  return nullptr;
}

// ".xml, .yaml, .yml or .json": the supported extensions.
std::string FormatList() {
  std::vector<std::string_view> exts;
  for (const ChangeLogFormat& f : kFormats)
    if (f.parse) exts.push_back(f.ext);
  std::string out;
  for (size_t i = 0; i < exts.size(); ++i) {
    if (i > 0) out += i + 1 == exts.size() ? " or " : ", ";
    out += exts[i];
  }
  return out;
}

// Liquibase ChangeSet.appendContext: expressions with ',' or ' ' are
// parenthesised, parts are joined with " AND ".
void AppendContext(std::string& out, const std::string& part) {
  if (!out.empty()) out += " AND ";
  bool complex = part.find_first_of(", ") != std::string::npos;
  if (complex) out += '(';
  out += part;
  if (complex) out += ')';
}

// Context and label expressions inherited from enclosing changelogs,
// innermost first (Liquibase's getInheritableContextFilter order).
struct Inherited {
  std::vector<std::string> contexts;
  std::vector<std::string> labels;
};

class Loader {
 public:
  explicit Loader(const LoadOptions& options)
      : options_(options), search_(options.search_path), properties_(options) {}

  // `text` non-null: the root's content is held in memory and shown as
  // `display`.
  LoadResult Run(const ResolvedFile& root, const std::string* text,
                 const std::string& display) {
    result_.changelog.root_file = options_.changelog_file;
    LoadFile(root, text, nullptr, Inherited(), &display);
    ResolvePropertyPreconditions();
    Validate();
    return std::move(result_);
  }

  const load::SearchPath& search() const { return search_; }

 private:
  void Error(const SourceLocation& loc, std::string message) {
    result_.errors.push_back({loc, std::move(message)});
  }

  void LoadFile(const ResolvedFile& file, const std::string* text,
                const IncludeSpec* include, const Inherited& parent,
                const std::string* display_name = nullptr);
  void IncludeAll(const IncludeAllSpec& spec, const ResolvedFile& file,
                  const Inherited& inherited);
  void AddChangeSet(ChangeSet cs, const ResolvedFile& file,
                    const ParsedChangeLog& log, const Inherited& inherited);
  void Validate();
  // changeLogPropertyDefined sees every property of the whole changelog,
  // also those defined after it: Liquibase checks it once all files are
  // read (verified with 4.28). Each condition is resolved again from the
  // file it was written in.
  void ResolvePropertyPreconditions();
  void ResolvePropertyPreconditions(std::vector<Precondition>& conditions);
  // Reports a context expression that --context-filter could not evaluate.
  void CheckContext(const OptString& expression, const SourceLocation& loc);

  // Where `hints` (the literal includes of `file`) lead, for the prefetcher.
  void PrefetchIncludes(const ResolvedFile& file, const std::vector<load::IncludeHint>& hints);

  const LoadOptions& options_;
  load::SearchPath search_;
  load::PropertyStore properties_;
  // The file id (for file-local properties) of each loaded file, by the
  // name every SourceLocation in it shares.
  std::unordered_map<const std::string*, int> file_ids_;
  LoadResult result_;
  int next_file_id_ = 0;
  // Files being loaded (absolute, normalised) for cycle detection.
  std::vector<std::pair<std::string, std::string>> stack_;  // abs, display
  // Last: its thread stops before anything above goes.
  Prefetcher prefetcher_;
};

void Loader::LoadFile(const ResolvedFile& file, const std::string* text,
                      const IncludeSpec* include, const Inherited& parent,
                      const std::string* display_name) {
  auto display = std::make_shared<const std::string>(
      display_name ? *display_name : file.physical);
  SourceLocation file_loc{display, 0, 0};
  SourceLocation where = include ? include->loc : file_loc;

  std::string ext = Extension(display_name ? *display_name : file.physical);
  const ChangeLogFormat* format = FindFormat(ext);
  if (!format) {
    Error(file_loc, "unsupported changelog file type '" + ext +
                        "' (expected " + FormatList() + ")");
    return;
  }
  if (!format->parse) {
    Error(file_loc, std::string(format->name) +
                        " changelogs are not supported yet");
    return;
  }

  std::string abs = load::StrCat(
      {"/", load::NormalizePath(
                load::IsAbsolutePath(file.physical)
                    ? file.physical
                    : std::filesystem::absolute(file.physical).generic_string())});
  for (size_t i = 0; i < stack_.size(); ++i) {
    if (stack_[i].first != abs) continue;
    std::string cycle;
    for (size_t j = i; j < stack_.size(); ++j) cycle += stack_[j].second + " -> ";
    cycle += file.physical;
    Error(where, "cyclic include: " + cycle);
    return;
  }

  std::optional<std::string> read;
  // Read, checked and parsed ahead: its text is not needed any more.
  std::unique_ptr<load::yaml::Document> parsed;
  if (!text && format->parse == load::ParseYamlChangeLog) {
    parsed = prefetcher_.Take(file.physical);
    if (parsed) {
      read.emplace();
      text = &*read;
    }
  }
  if (!text) {
    read = load::ReadWholeFile(file.physical);
    if (!read) {
      Error(where, "cannot read changelog file '" + file.physical + "'");
      return;
    }
    text = &*read;
  }

  if (auto bad = parsed ? std::nullopt : FirstInvalidByte(*text)) {
    auto [line, column] = load::LineTable(*text).At(bad->first);
    Error(SourceLocation{display, line, column},
          bad->second + " (changelogs are read as UTF-8 text)");
    return;
  }

  load::FileInfo info{display, file, next_file_id_++, {}, &result_.warnings};
  file_ids_[display.get()] = info.id;
  auto handle = [&](load::ChangeLogEntry&& entry, const ParsedChangeLog& log) {
    Inherited inherited;
    if (log.context && !log.context->empty())
      inherited.contexts.push_back(*log.context);
    if (include && include->context && !include->context->empty())
      inherited.contexts.push_back(*include->context);
    if (include && include->labels && !include->labels->empty())
      inherited.labels.push_back(*include->labels);
    inherited.contexts.insert(inherited.contexts.end(), parent.contexts.begin(),
                              parent.contexts.end());
    inherited.labels.insert(inherited.labels.end(), parent.labels.begin(),
                            parent.labels.end());
    if (auto* cs = std::get_if<ChangeSet>(&entry)) {
      // A missing body attribute (createProcedure's procedureText or path)
      // is a change validation error, under onValidationFail like the
      // builder's; unreadable files are not.
      std::vector<Diagnostic> resource_errors;
      load::ResolveResources(*cs, file, search_, properties_, info.id, resource_errors);
      for (Diagnostic& e : resource_errors) {
        if (cs->on_validation_fail == "MARK_RAN" &&
            e.message.find(": missing required attribute ") != std::string::npos)
          cs->validation_errors.push_back(e.loc.ToString() + ": " + e.message);
        else
          result_.errors.push_back(std::move(e));
      }
      AddChangeSet(std::move(*cs), file, log, inherited);
      return;
    }
    if (auto* all = std::get_if<IncludeAllSpec>(&entry)) {
      IncludeAll(*all, file, inherited);
      return;
    }
    const IncludeSpec& inc = std::get<IncludeSpec>(entry);
    if (inc.ignore) return;
    CheckContext(inc.context, inc.loc);
    // Not found, as in Liquibase (errorIfMissing decides), however real.
    if (load::IsAbsolutePath(inc.file) && !search_.Contains(inc.file)) {
      if (inc.error_if_missing)
        Error(inc.loc, "included file '" + inc.file + "' is outside the search path (" +
                           search_.RootList() +
                           "); an absolute include must lie under a --search-path folder");
      return;
    }
    ResolvedFile target = inc.relative_to_changelog_file
                              ? search_.ResolveSibling(file, inc.file)
                              : search_.Resolve(inc.file);
    if (!target.exists) {
      if (inc.error_if_missing)
        Error(inc.loc, "included file '" + inc.file + "' not found");
      return;
    }
    LoadFile(target, nullptr, &inc, inherited);
  };
  info.on_entry = handle;
  info.parsed = parsed.get();
  info.on_include_hints = [&](std::vector<load::IncludeHint> hints) {
    PrefetchIncludes(file, hints);
  };

  stack_.emplace_back(abs, file.physical);
  ParsedChangeLog log = format->parse(*text, info, search_, options_,
                                      properties_, result_.errors);
  read.reset();
  parsed.reset();
  CheckContext(log.context, file_loc);
  for (auto& entry : log.entries) handle(std::move(entry), log);
  for (Preconditions& p : log.preconditions)
    result_.changelog.preconditions.push_back(std::move(p));
  stack_.pop_back();
}

void Loader::PrefetchIncludes(const ResolvedFile& file,
                              const std::vector<load::IncludeHint>& hints) {
  std::vector<std::string> paths;
  for (const load::IncludeHint& h : hints) {
    // As the include entry resolves it (handle in LoadFile).
    if (load::IsAbsolutePath(h.file) && !search_.Contains(h.file)) continue;
    const ChangeLogFormat* format = FindFormat(Extension(h.file));
    if (!format || format->parse != load::ParseYamlChangeLog) continue;
    ResolvedFile target = h.relative_to_changelog_file ? search_.ResolveSibling(file, h.file)
                                                       : search_.Resolve(h.file);
    if (target.exists) paths.push_back(target.physical);
  }
  prefetcher_.Want(paths);
}

// Liquibase 4.28 (verified): files are sorted by their full path in plain
// byte order ("db/A.yaml" < "db/a_1.yml" < "db/other/e.yaml" < "db/s.sql"),
// subdirectories are searched, files of no changelog format are skipped,
// each is recorded under its path relative to the search root (or next to
// the including file), and the includeAll's context and labels are AND-ed
// in as an include's are.
void Loader::IncludeAll(const IncludeAllSpec& spec, const ResolvedFile& file,
                        const Inherited& inherited) {
  if (spec.ignore) return;
  CheckContext(spec.context, spec.loc);
  // An absolute folder outside the search path is not found, as an
  // absolute include is not (includeAll: {path: /} walks nothing).
  auto listed = load::IsAbsolutePath(spec.path) && !search_.Contains(spec.path)
                    ? std::nullopt
                    : search_.ListDirectory(
                          spec.path, spec.relative_to_changelog_file ? &file : nullptr);
  std::vector<ResolvedFile> picked;
  if (listed) {
    for (load::ListedFile& f : *listed) {
      if (f.depth < spec.min_depth || f.depth > spec.max_depth) continue;
      // endsWithFilter ignores case (".YAML" picks "a.yaml"; verified).
      if (spec.ends_with_filter &&
          !EndsWithIgnoreCase(f.file.recorded, *spec.ends_with_filter))
        continue;
      const ChangeLogFormat* format = FindFormat(Extension(f.file.recorded));
      if (!format || !format->parse) continue;
      picked.push_back(std::move(f.file));
    }
  }
  if (picked.empty()) {
    if (spec.error_if_missing_or_empty)
      Error(spec.loc, listed ? "includeAll: no changelog files (" + FormatList() +
                                   ") in '" + spec.path + "'"
                             : "includeAll: directory '" + spec.path +
                                   "' not found");
    return;
  }
  IncludeSpec via;
  via.loc = spec.loc;
  via.context = spec.context;
  via.labels = spec.labels;
  for (const ResolvedFile& f : picked) {
    via.file = f.recorded;
    LoadFile(f, nullptr, &via, inherited);
  }
}

// LABELS as Liquibase records them (verified with 4.28): each list (an
// include's, the changeset's) is split on commas, trimmed, lower-cased and
// de-duplicated on its own; the lists are then joined outermost first
// without de-duplicating across them (include "L1" + "l2, l1" -> "l1,l2,l1").
std::string NormalizeLabels(const std::vector<std::string>& lists) {
  std::string out;
  for (const std::string& list : lists) {
    std::unordered_set<std::string> seen;
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      std::string label = list.substr(start, comma - start);
      size_t b = label.find_first_not_of(" \t\r\n");
      size_t e = label.find_last_not_of(" \t\r\n");
      label = b == std::string::npos ? "" : label.substr(b, e - b + 1);
      for (char& ch : label)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!label.empty() && seen.insert(label).second)
        out += (out.empty() ? "" : ",") + label;
      start = comma + 1;
    }
  }
  return out;
}

void Loader::AddChangeSet(ChangeSet cs, const ResolvedFile& file,
                          const ParsedChangeLog& log,
                          const Inherited& inherited) {
  if (!options_.dbms.empty() && cs.dbms &&
      !load::DbmsMatches(*cs.dbms, options_.dbms))
    return;
  if (!cs.logical_file_path) cs.logical_file_path = log.logical_file_path;
  cs.file_path = cs.logical_file_path
                     ? load::NormalizeLogicalPath(*cs.logical_file_path)
                     : file.recorded;
  if (!cs.object_quoting_strategy)
    cs.object_quoting_strategy = log.object_quoting_strategy;
  // Liquibase's DatabaseChangeLog.addChangeSet knows only these (case
  // matters: "First" is "Unknown runOrder: First"); see OrderByRunOrder.
  if (cs.run_order && *cs.run_order != "first" && *cs.run_order != "last")
    Error(cs.loc, "Unknown runOrder: " + *cs.run_order + " (expected first or last)");
  if (cs.object_quoting_strategy && *cs.object_quoting_strategy != "LEGACY" &&
      *cs.object_quoting_strategy != "QUOTE_ALL_OBJECTS" &&
      *cs.object_quoting_strategy != "QUOTE_ONLY_RESERVED_WORDS")
    Error(cs.loc, "unknown objectQuotingStrategy '" + *cs.object_quoting_strategy +
                      "' (expected LEGACY, QUOTE_ALL_OBJECTS or QUOTE_ONLY_RESERVED_WORDS)");
  if (cs.on_validation_fail && *cs.on_validation_fail != "HALT" &&
      *cs.on_validation_fail != "MARK_RAN")
    Error(cs.loc, "unknown onValidationFail '" + *cs.on_validation_fail +
                      "' (expected HALT or MARK_RAN)");
  CheckContext(cs.context, cs.loc);
  for (const SqlVisitor& v : cs.modify_sql) CheckContext(v.context, v.loc);
  cs.filter_contexts = inherited.contexts;
  if (cs.context && !cs.context->empty()) cs.filter_contexts.push_back(*cs.context);
  cs.filter_labels = inherited.labels;
  cs.filter_labels.push_back(cs.labels.value_or(""));
  if (!inherited.contexts.empty() || (cs.context && !cs.context->empty())) {
    std::string full;
    for (const auto& c : inherited.contexts) AppendContext(full, c);
    if (cs.context && !cs.context->empty()) AppendContext(full, *cs.context);
    cs.context = std::move(full);
  }
  if (!inherited.labels.empty() || cs.labels) {
    std::vector<std::string> lists = inherited.labels;
    if (cs.labels) lists.push_back(*cs.labels);
    std::string full = NormalizeLabels(lists);
    if (full.empty()) cs.labels.reset(); else cs.labels = std::move(full);
  }
  result_.changelog.changesets.push_back(std::move(cs));
}

void Loader::CheckContext(const OptString& expression, const SourceLocation& loc) {
  if (!expression || expression->empty()) return;
  if (std::string why = CheckFilterExpression(*expression); !why.empty())
    Error(loc, why);
}

// Liquibase 4.28 honours runOrder in the open-source edition (verified):
// every changeset of the whole include tree with runOrder "first" runs
// before the others and every "last" one after them, each group in load
// order.
void OrderByRunOrder(std::vector<ChangeSet>& sets) {
  auto rank = [](const ChangeSet& cs) {
    if (!cs.run_order) return 1;
    return *cs.run_order == "first" ? 0 : *cs.run_order == "last" ? 2 : 1;
  };
  // Nearly every changelog has no runOrder: stable_sort would still take a
  // buffer of changesets (tens of MB at 100,000, tools/bench) and move each.
  if (std::all_of(sets.begin(), sets.end(), [&](const ChangeSet& cs) { return rank(cs) == 1; }))
    return;
  std::stable_sort(sets.begin(), sets.end(), [&](const ChangeSet& a, const ChangeSet& b) {
    return rank(a) < rank(b);
  });
}

void Loader::ResolvePropertyPreconditions(std::vector<Precondition>& conditions) {
  for (Precondition& p : conditions) {
    ResolvePropertyPreconditions(p.nested);
    if (p.type != "changeLogPropertyDefined") continue;
    auto name = p.attributes.find("property");
    auto file = file_ids_.find(p.loc.file.get());
    if (name == p.attributes.end() || file == file_ids_.end()) continue;
    p.property_value = properties_.Value(name->second, file->second);
  }
}

void Loader::ResolvePropertyPreconditions() {
  for (Preconditions& block : result_.changelog.preconditions)
    ResolvePropertyPreconditions(block.conditions);
  for (ChangeSet& cs : result_.changelog.changesets)
    if (cs.preconditions) ResolvePropertyPreconditions(cs.preconditions->conditions);
}

void Loader::Validate() {
  OrderByRunOrder(result_.changelog.changesets);
  std::unordered_map<std::string, size_t> seen;
  seen.reserve(result_.changelog.changesets.size());
  const auto& sets = result_.changelog.changesets;
  for (size_t i = 0; i < sets.size(); ++i) {
    if (sets[i].id.empty()) continue;  // already reported
    if (!options_.filter.Accepts(sets[i])) continue;
    auto [it, inserted] = seen.emplace(sets[i].Identity(), i);
    if (inserted) continue;
    Error(sets[i].loc, "duplicate changeset identity '" + it->first +
                           "' (first defined at " +
                           sets[it->second].loc.ToString() + ")");
  }
}

ResolvedFile ResolveRoot(const load::SearchPath& search,
                         const std::string& path) {
  return search.Resolve(path);
}

}  // namespace

LoadResult LoadChangeLog(const LoadOptions& options) {
  try {
    Loader loader(options);
    ResolvedFile root = ResolveRoot(loader.search(), options.changelog_file);
    if (!root.exists) {
      LoadResult r;
      r.changelog.root_file = options.changelog_file;
      r.errors.push_back(
          {SourceLocation{std::make_shared<const std::string>(
                              options.changelog_file),
                          0, 0},
           "changelog file not found"});
      return r;
    }
    return loader.Run(root, nullptr, root.physical);
  } catch (const std::exception& e) {
    LoadResult r;
    r.errors.push_back({SourceLocation{}, std::string("internal error: ") + e.what()});
    return r;
  }
}

LoadResult LoadChangeLogFromString(const std::string& text,
                                   const std::string& path,
                                   const LoadOptions& options) {
  try {
    LoadOptions opts = options;
    opts.changelog_file = path;
    Loader loader(opts);
    // Held in memory, it "lives" where the search path would find it
    // (else at the first root): relative includes resolve from there.
    ResolvedFile root = ResolveRoot(loader.search(), path);
    return loader.Run(root, &text, path);
  } catch (const std::exception& e) {
    LoadResult r;
    r.errors.push_back({SourceLocation{}, std::string("internal error: ") + e.what()});
    return r;
  }
}

}  // namespace strata
