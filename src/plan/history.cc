#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "strata/plan.h"

namespace strata {

namespace {

// Liquibase's path normalisation for identity matching (FILENAME of rows
// written by other versions or setups): "classpath:" dropped, '\' as '/',
// "." and "dir/.." segments collapsed, no leading '/'.
std::string NormalizedPath(std::string_view path) {
  if (path.starts_with("classpath:")) path.remove_prefix(10);
  std::vector<std::string> parts;
  std::string part;
  auto flush = [&] {
    if (part.empty() || part == ".") {
    } else if (part == ".." && !parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else {
      parts.push_back(part);
    }
    part.clear();
  };
  for (char c : path) {
    if (c == '/' || c == '\\') flush();
    else part += c;
  }
  flush();
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

}  // namespace

std::string History::Key(std::string_view id, std::string_view author,
                         std::string_view filename) {
  std::string key;
  key.reserve(id.size() + author.size() + filename.size() + 4);
  auto add = [&key](std::string_view part) {
    for (char c : part)
      key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  };
  add(NormalizedPath(filename));
  key += "::";
  add(id);
  key += "::";
  add(author);
  return key;
}

History::History(std::vector<HistoryRow> rows) : rows_(std::move(rows)) {
  index_.reserve(rows_.size());
  for (size_t i = 0; i < rows_.size(); ++i) {
    // A later row for the same identity (RERAN keeps one row) wins.
    index_[Key(rows_[i].id, rows_[i].author, rows_[i].filename)] = i;
    max_order_ = std::max(max_order_, rows_[i].order_executed);
  }
}

const HistoryRow* History::Find(std::string_view id, std::string_view author,
                                std::string_view filename) const {
  auto it = index_.find(Key(id, author, filename));
  return it == index_.end() ? nullptr : &rows_[it->second];
}

}  // namespace strata
