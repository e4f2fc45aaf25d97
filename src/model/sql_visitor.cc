// modifySql visitors applied to one statement's text.
#include <cctype>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "strata/model.h"

namespace strata {
namespace {

// Expands a Java replacement for one match: `\x` is x, `$n` group n (more
// digits are taken while the number stays a valid group, as Java does).
// Returns false with `why` on a reference Java would refuse.
bool ExpandReplacement(std::string_view with, const std::smatch* m, size_t groups,
                       std::string* out, std::string* why) {
  for (size_t i = 0; i < with.size(); ++i) {
    char c = with[i];
    if (c == '\\') {
      if (++i == with.size()) {
        *why = "replacement '" + std::string(with) + "' ends with an escape character";
        return false;
      }
      out->push_back(with[i]);
    } else if (c == '$') {
      if (i + 1 >= with.size() || !std::isdigit(static_cast<unsigned char>(with[i + 1]))) {
        *why = "replacement '" + std::string(with) +
               "' has '$' without a group number (write \\$ for a dollar sign)";
        return false;
      }
      size_t group = static_cast<size_t>(with[++i] - '0');
      while (i + 1 < with.size() && std::isdigit(static_cast<unsigned char>(with[i + 1]))) {
        size_t next = group * 10 + static_cast<size_t>(with[i + 1] - '0');
        if (next > groups) break;
        group = next;
        ++i;
      }
      if (group > groups) {
        *why = "replacement '" + std::string(with) + "' refers to group " +
               std::to_string(group) + ", which the pattern does not have";
        return false;
      }
      if (m) out->append((*m)[group].str());
    } else {
      out->push_back(c);
    }
  }
  return true;
}

}  // namespace

bool SqlVisitor::AppliesTo(std::string_view target) const {
  if (!dbms) return true;
  std::vector<std::string_view> names;
  std::string_view rest = *dbms;
  auto trim = [](std::string_view x) {
    while (!x.empty() && std::isspace(static_cast<unsigned char>(x.front()))) x.remove_prefix(1);
    while (!x.empty() && std::isspace(static_cast<unsigned char>(x.back()))) x.remove_suffix(1);
    return x;
  };
  while (true) {
    size_t comma = rest.find(',');
    if (std::string_view n = trim(rest.substr(0, comma)); !n.empty()) names.push_back(n);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  bool any_plain = false;
  for (std::string_view n : names) {
    if (n == "all") return true;
  }
  for (std::string_view n : names) {
    if (n == "none") return false;
    if (n.front() == '!') {
      if (n.substr(1) == target) return false;
      continue;
    }
    any_plain = true;
  }
  for (std::string_view n : names)
    if (n == target) return true;
  return !any_plain;
}

std::string CheckJavaRegex(std::string_view pattern, std::string_view replacement) {
  size_t groups = 0;
  try {
    std::regex re{std::string(pattern)};
    groups = re.mark_count();
  } catch (const std::regex_error& e) {
    return "pattern '" + std::string(pattern) + "' is not a supported regular expression (" +
           e.what() + ")";
  }
  std::string out, why;
  if (!ExpandReplacement(replacement, nullptr, groups, &out, &why)) return why;
  return "";
}

std::string ApplySqlVisitor(const SqlVisitor& v, const std::string& sql) {
  switch (v.kind) {
    case SqlVisitor::Kind::kAppend:
      return sql + v.value.value_or("");
    case SqlVisitor::Kind::kPrepend:
      return v.value.value_or("") + sql;
    case SqlVisitor::Kind::kReplace: {
      const std::string& from = v.replace.value_or("");
      const std::string& to = v.with.value_or("");
      if (from.empty()) {
        // Java's String.replace("", x) puts x around every character.
        std::string out = to;
        for (char c : sql) {
          out.push_back(c);
          out += to;
        }
        return out;
      }
      std::string out;
      size_t at = 0;
      for (size_t hit; (hit = sql.find(from, at)) != std::string::npos; at = hit + from.size())
        out.append(sql, at, hit - at).append(to);
      out.append(sql, at);
      return out;
    }
    case SqlVisitor::Kind::kRegExpReplace: {
      std::regex re{v.replace.value_or("")};
      std::string out, why;
      auto last = sql.cbegin();
      for (std::sregex_iterator it(sql.begin(), sql.end(), re), end; it != end; ++it) {
        const std::smatch& m = *it;
        out.append(last, m[0].first);
        ExpandReplacement(v.with.value_or(""), &m, re.mark_count(), &out, &why);
        last = m[0].second;
      }
      out.append(last, sql.cend());
      return out;
    }
  }
  return sql;
}

}  // namespace strata
