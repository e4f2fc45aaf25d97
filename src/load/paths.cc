#include "load/paths.h"

#include "load/strings.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>
#include <system_error>

namespace strata::load {
namespace fs = std::filesystem;

std::string NormalizePath(std::string_view path) {
  std::vector<std::string_view> parts;
  std::string slashed(path);
  for (char& c : slashed)
    if (c == '\\') c = '/';
  std::string_view s = slashed;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find('/', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view seg = s.substr(i, j - i);
    if (seg.empty() || seg == ".") {
    } else if (seg == ".." && !parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += '/';
    out += parts[k];
  }
  return out;
}

std::string NormalizeLogicalPath(std::string_view path) {
  std::string out(path);
  for (char& c : out)
    if (c == '\\') c = '/';
  while (true) {
    if (out.rfind("./", 0) == 0) {
      out.erase(0, 2);
    } else if (!out.empty() && out[0] == '/') {
      out.erase(0, 1);
    } else {
      break;
    }
  }
  return out;
}

std::string ParentPath(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? std::string()
                                         : std::string(path.substr(0, slash));
}

bool IsAbsolutePath(std::string_view path) {
  return !path.empty() && (path[0] == '/' || path[0] == '\\');
}

namespace {

bool IsRegularFile(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

std::string AbsoluteNormal(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = path;
  return StrCat({"/", NormalizePath(abs.generic_string())});
}

}  // namespace

SearchPath::SearchPath(std::vector<std::string> roots)
    : roots_(std::move(roots)) {
  if (roots_.empty()) roots_.push_back(".");
  for (const auto& r : roots_) abs_roots_.push_back(AbsoluteNormal(r));
}

std::string SearchPath::Display(const std::string& root,
                                const std::string& rel) const {
  std::string r = NormalizePath(root);
  if (r.empty()) return IsAbsolutePath(root) ? "/" + rel : rel;
  return StrCat({IsAbsolutePath(root) ? "/" : "", r, "/", rel});
}

std::string SearchPath::RecordAbsolute(const std::string& abs) const {
  for (const auto& root : abs_roots_) {
    std::string prefix = root == "/" ? root : root + "/";
    if (abs.compare(0, prefix.size(), prefix) == 0)
      return abs.substr(prefix.size());
  }
  return NormalizePath(abs);
}

bool SearchPath::Contains(std::string_view abs) const {
  std::string norm = StrCat({"/", NormalizePath(abs)});
  for (const auto& root : abs_roots_) {
    std::string prefix = root == "/" ? root : root + "/";
    if (norm.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

std::string SearchPath::RootList() const {
  std::string out;
  for (const auto& root : abs_roots_) out += (out.empty() ? "" : ", ") + root;
  return out;
}

ResolvedFile SearchPath::Resolve(std::string_view path) const {
  ResolvedFile out;
  if (IsAbsolutePath(path)) {
    out.physical = StrCat({"/", NormalizePath(path)});
    out.recorded = RecordAbsolute(out.physical);
    out.exists = IsRegularFile(out.physical);
    return out;
  }
  out.recorded = NormalizePath(path);
  for (const auto& root : roots_) {
    std::string candidate = Display(root, out.recorded);
    if (IsRegularFile(candidate)) {
      out.physical = candidate;
      out.exists = true;
      return out;
    }
  }
  out.physical = Display(roots_.front(), out.recorded);
  return out;
}

ResolvedFile SearchPath::ResolveSibling(const ResolvedFile& including,
                                        std::string_view path) const {
  if (IsAbsolutePath(path)) return Resolve(path);
  ResolvedFile out;
  std::string phys_parent = ParentPath(including.physical);
  std::string rec_parent = ParentPath(including.recorded);
  std::string joined = phys_parent.empty()
                           ? std::string(path)
                           : StrCat({phys_parent, "/", path});
  out.physical =
      StrCat({IsAbsolutePath(joined) ? "/" : "", NormalizePath(joined)});
  out.recorded = NormalizePath(
      rec_parent.empty() ? std::string(path) : StrCat({rec_parent, "/", path}));
  out.exists = IsRegularFile(out.physical);
  return out;
}

std::optional<std::vector<ListedFile>> SearchPath::ListDirectory(
    std::string_view dir, const ResolvedFile* including) const {
  struct Base {
    std::string physical, recorded;
  };
  std::vector<Base> bases;
  if (including && !IsAbsolutePath(dir)) {
    std::string phys_parent = ParentPath(including->physical);
    std::string rec_parent = ParentPath(including->recorded);
    std::string joined =
        phys_parent.empty() ? std::string(dir) : StrCat({phys_parent, "/", dir});
    bases.push_back(
        {StrCat({IsAbsolutePath(joined) ? "/" : "", NormalizePath(joined)}),
         NormalizePath(rec_parent.empty() ? std::string(dir)
                                          : StrCat({rec_parent, "/", dir}))});
  } else if (IsAbsolutePath(dir)) {
    std::string abs = StrCat({"/", NormalizePath(dir)});
    bases.push_back({abs, RecordAbsolute(abs)});
  } else {
    for (const auto& root : roots_) {
      std::string rel = NormalizePath(dir);
      bases.push_back({rel.empty() ? root : Display(root, rel), rel});
    }
  }
  bool found = false;
  std::vector<ListedFile> out;
  std::set<std::string> seen;
  for (const Base& base : bases) {
    std::error_code ec;
    std::string phys = base.physical.empty() ? "." : base.physical;
    if (!fs::is_directory(phys, ec)) continue;
    found = true;
    fs::recursive_directory_iterator it(phys, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code fec;
      if (!it->is_regular_file(fec)) continue;
      std::string rel =
          it->path().lexically_relative(phys).generic_string();
      if (rel.empty() || rel.rfind("..", 0) == 0) continue;
      std::string recorded =
          base.recorded.empty() ? rel : StrCat({base.recorded, "/", rel});
      if (!seen.insert(recorded).second) continue;
      ListedFile f;
      f.file.physical = StrCat({base.physical.empty() ? "" : base.physical,
                                base.physical.empty() ? "" : "/", rel});
      f.file.recorded = std::move(recorded);
      f.file.exists = true;
      f.depth = 1 + static_cast<int>(std::count(rel.begin(), rel.end(), '/'));
      out.push_back(std::move(f));
    }
  }
  if (!found) return std::nullopt;
  std::sort(out.begin(), out.end(), [](const ListedFile& a, const ListedFile& b) {
    return a.file.recorded < b.file.recorded;
  });
  return out;
}

std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  // Read straight into the string when the size is known (a regular file):
  // one allocation and no copy, for the thousand files of a big changelog.
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {
    f.seekg(0, std::ios::end);
    std::streamoff size = f.tellg();
    f.seekg(0, std::ios::beg);
    if (size < 0 || !f) {
      f.clear();
      f.seekg(0, std::ios::beg);
      size = -1;
    }
    if (size >= 0) {
      std::string text(static_cast<size_t>(size), '\0');
      if (f.read(text.data(), size) && f.peek() == std::char_traits<char>::eof()) return text;
      f.clear();  // it changed meanwhile: read it as a stream
      f.seekg(0, std::ios::beg);
    }
  }
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace strata::load
