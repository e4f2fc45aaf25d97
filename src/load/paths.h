// Changelog path handling: how FILENAME is computed and where files are read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strata::load {

// FILENAME normalisation: '\' -> '/', "." segments and empty segments
// dropped, "a/.." collapsed (leading ".." kept), no leading '/'.
// "./db//x/../changelog.yaml" -> "db/changelog.yaml".
std::string NormalizePath(std::string_view path);

// Liquibase's lighter normalisation of a logicalFilePath: '\' -> '/',
// leading "./" and '/' removed; nothing else changes.
std::string NormalizeLogicalPath(std::string_view path);

// "a/b/c.yaml" -> "a/b"; "c.yaml" -> "".
std::string ParentPath(std::string_view path);

bool IsAbsolutePath(std::string_view path);

// A changelog or property file located on disk (or held in memory).
struct ResolvedFile {
  std::string physical;  // path to open, as shown to the user
  std::string recorded;  // path relative to its search root (FILENAME)
  bool exists = false;
};

// A file found by SearchPath::ListDirectory.
struct ListedFile {
  ResolvedFile file;
  int depth = 0;  // 1: directly in the listed directory
};

// Looks files up in the search path (empty = the current directory).
class SearchPath {
 public:
  explicit SearchPath(std::vector<std::string> roots);

  // A path as written on the command line or in a non-relative include.
  ResolvedFile Resolve(std::string_view path) const;
  // A relativeToChangelogFile path, next to `including`.
  ResolvedFile ResolveSibling(const ResolvedFile& including,
                              std::string_view path) const;
  // Every regular file below directory `dir`, recursively, sorted by
  // recorded path (plain byte order, as Liquibase sorts includeAll). `dir`
  // resolves as Resolve does, or as ResolveSibling does when `including`
  // is given; a directory present under several search roots contributes
  // each recorded path once, from the first root. nullopt when no such
  // directory exists.
  std::optional<std::vector<ListedFile>> ListDirectory(
      std::string_view dir, const ResolvedFile* including) const;

  // True when absolute path `abs` lies under one of the roots. Liquibase
  // 4.28 finds an absolute include only there ("The file /x/a.yaml was not
  // found in the configured search path"; checked with and without
  // --search-path), while `../x.yaml` relative to a root is fine.
  bool Contains(std::string_view abs) const;
  // The roots as absolute folders, for messages: "/a, /b".
  std::string RootList() const;

 private:
  // FILENAME of an absolute path: relative to the first root that holds
  // it, else the normalised absolute path without its leading '/'.
  std::string RecordAbsolute(const std::string& abs) const;
  std::string Display(const std::string& root, const std::string& rel) const;

  std::vector<std::string> roots_;
  std::vector<std::string> abs_roots_;  // normalised, with leading '/'
};

std::optional<std::string> ReadWholeFile(const std::string& path);

}  // namespace strata::load
