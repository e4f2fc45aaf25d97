#include "load/properties.h"

#include <cstdlib>

namespace strata::load {
namespace {

constexpr int kMaxDepth = 32;
// Upper bound on one expanded text. Nested references can double the text
// at every level (a=${b}${b}, b=${c}${c}, ...: 2^32 bytes within kMaxDepth),
// so the depth limit alone does not bound memory; no real changelog value
// comes near this.
constexpr size_t kMaxExpandedSize = size_t{16} << 20;
// Upper bound on the ${...} references one expansion follows: the same
// doubling with values that expand to nothing (kEmpty) grows no text but
// takes 2^32 steps. 4096 is far beyond any real value, and keeps a
// changelog of many such values cheap (the properties fuzzer timed out at
// 2^16 per value, six values per input, under ASan).
constexpr size_t kMaxReferences = size_t{1} << 12;

std::string LocalKey(int file_id, const std::string& name) {
  std::string key = std::to_string(file_id);
  key += '\0';
  key += name;
  return key;
}

}  // namespace

PropertyStore::PropertyStore(const LoadOptions& options) : options_(options) {
  if (!options.dbms.empty()) builtins_["database.typeName"] = options.dbms;
}

void PropertyStore::Define(const std::string& name, const std::string& value,
                           bool global, int file_id) {
  if (std::getenv(name.c_str()) || options_.properties.count(name) ||
      options_.file_properties.count(name) || builtins_.count(name))
    return;
  if (global) {
    global_.emplace(name, Def{value, seq_++});
  } else {
    local_.emplace(LocalKey(file_id, name), Def{value, seq_++});
  }
}

const std::string* PropertyStore::Lookup(const std::string& name,
                                         int file_id) const {
  if (const char* env = std::getenv(name.c_str())) {
    env_value_ = env;
    return &env_value_;
  }
  if (auto it = options_.properties.find(name); it != options_.properties.end())
    return &it->second;
  if (auto it = options_.file_properties.find(name);
      it != options_.file_properties.end())
    return &it->second;
  if (auto it = builtins_.find(name); it != builtins_.end()) return &it->second;
  const Def* best = nullptr;
  if (auto it = global_.find(name); it != global_.end()) best = &it->second;
  if (!local_.empty()) {
    if (auto it = local_.find(LocalKey(file_id, name)); it != local_.end())
      if (!best || it->second.seq < best->seq) best = &it->second;
  }
  return best ? &best->value : nullptr;
}

std::string PropertyStore::Expand(std::string_view text, int file_id,
                                  const SourceLocation& loc,
                                  std::vector<Diagnostic>& errors) const {
  if (!NeedsExpansion(text)) return std::string(text);
  std::string out;
  size_t references = 0;
  ExpandInto(text, file_id, loc, errors, 0, out, references);
  // Over a limit: an error, and the text as written (holding every such
  // result would not bound memory either).
  if (references > kMaxReferences) {
    errors.push_back({loc, "expanding ${...} properties follows more than " +
                               std::to_string(kMaxReferences) +
                               " references (properties that repeat each "
                               "other, nested?)"});
    return std::string(text);
  }
  if (out.size() > kMaxExpandedSize) {
    errors.push_back({loc, "expanding ${...} properties gives more than " +
                               std::to_string(kMaxExpandedSize >> 20) +
                               " MiB of text (properties that repeat each "
                               "other, nested?)"});
    return std::string(text);
  }
  return out;
}

void PropertyStore::ExpandInto(std::string_view s, int file_id,
                               const SourceLocation& loc,
                               std::vector<Diagnostic>& errors, int depth,
                               std::string& out, size_t& references) const {
  size_t i = 0;
  while (i < s.size()) {
    // Over the limit: stop here; Expand reports it.
    if (out.size() > kMaxExpandedSize || references > kMaxReferences) return;
    size_t start = s.find("${", i);
    if (start == std::string_view::npos) {
      out.append(s.substr(i));
      return;
    }
    out.append(s.substr(i, start - i));
    // Find the matching '}', allowing nested "${...}".
    size_t j = start + 2;
    int level = 1;
    while (j < s.size()) {
      if (s[j] == '$' && j + 1 < s.size() && s[j + 1] == '{') {
        ++level;
        j += 2;
        continue;
      }
      if (s[j] == '}' && --level == 0) break;
      ++j;
    }
    if (j >= s.size()) {  // unterminated: literal text
      out.append(s.substr(start));
      return;
    }
    ++references;
    std::string_view inner = s.substr(start + 2, j - start - 2);
    std::string name;
    if (depth < kMaxDepth) {
      ExpandInto(inner, file_id, loc, errors, depth + 1, name, references);
    } else {
      name = std::string(inner);
    }
    const std::string* value = Lookup(name, file_id);
    if (value) {
      std::string v = *value;  // Lookup's storage may be reused below
      if (depth < kMaxDepth && NeedsExpansion(v)) {
        ExpandInto(v, file_id, loc, errors, depth + 1, out, references);
      } else {
        out += v;
      }
    } else {
      switch (options_.missing_property) {
        case LoadOptions::MissingProperty::kPreserve:
          out += "${" + name + "}";
          break;
        case LoadOptions::MissingProperty::kEmpty:
          break;
        case LoadOptions::MissingProperty::kError:
          errors.push_back({loc, "undefined property '" + name + "'"});
          out += "${" + name + "}";
          break;
      }
    }
    i = j + 1;
  }
}

std::vector<std::pair<std::string, std::string>> ParseJavaProperties(
    std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  // Join logical lines first (a line ending in an odd number of '\'
  // continues; the next line's leading whitespace is dropped).
  std::vector<std::string> lines;
  std::string current;
  bool continuing = false;
  size_t i = 0;
  while (i <= text.size()) {
    size_t nl = text.find_first_of("\r\n", i);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(i, nl - i);
    if (continuing) {
      size_t k = line.find_first_not_of(" \t\f");
      line = k == std::string_view::npos ? std::string_view() : line.substr(k);
    } else {
      size_t k = line.find_first_not_of(" \t\f");
      if (k == std::string_view::npos || line[k] == '#' || line[k] == '!') {
        i = nl + 1;
        if (nl < text.size() && text[nl] == '\r' && nl + 1 < text.size() &&
            text[nl + 1] == '\n')
          ++i;
        continue;
      }
      line = line.substr(k);
    }
    size_t backslashes = 0;
    while (backslashes < line.size() &&
           line[line.size() - 1 - backslashes] == '\\')
      ++backslashes;
    if (backslashes % 2 == 1) {
      current.append(line.substr(0, line.size() - 1));
      continuing = true;
    } else {
      current.append(line);
      lines.push_back(std::move(current));
      current.clear();
      continuing = false;
    }
    i = nl + 1;
    if (nl < text.size() && text[nl] == '\r' && nl + 1 < text.size() &&
        text[nl + 1] == '\n')
      ++i;
  }
  if (continuing) lines.push_back(std::move(current));

  auto unescape = [](std::string_view s) {
    std::string r;
    for (size_t k = 0; k < s.size(); ++k) {
      char c = s[k];
      if (c != '\\' || k + 1 >= s.size()) {
        r += c;
        continue;
      }
      char n = s[++k];
      switch (n) {
        case 't': r += '\t'; break;
        case 'n': r += '\n'; break;
        case 'r': r += '\r'; break;
        case 'f': r += '\f'; break;
        case 'u': {
          unsigned cp = 0;
          bool ok = k + 4 < s.size();
          for (size_t d = 1; d <= 4 && ok; ++d) {
            char h = static_cast<char>(s[k + d] | 0x20);
            cp <<= 4;
            if (h >= '0' && h <= '9') {
              cp |= static_cast<unsigned>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
              cp |= static_cast<unsigned>(h - 'a' + 10);
            } else {
              ok = false;
            }
          }
          if (!ok) {
            r += 'u';
            break;
          }
          k += 4;
          if (cp < 0x80) {
            r += static_cast<char>(cp);
          } else if (cp < 0x800) {
            r += static_cast<char>(0xC0 | (cp >> 6));
            r += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            r += static_cast<char>(0xE0 | (cp >> 12));
            r += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            r += static_cast<char>(0x80 | (cp & 0x3F));
          }
          break;
        }
        default: r += n; break;
      }
    }
    return r;
  };

  for (const std::string& line : lines) {
    size_t k = 0;
    while (k < line.size()) {
      char c = line[k];
      if (c == '\\') {
        k += 2;
        continue;
      }
      if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') break;
      ++k;
    }
    std::string key = unescape(std::string_view(line).substr(0, std::min(k, line.size())));
    size_t v = std::min(k, line.size());
    while (v < line.size() && (line[v] == ' ' || line[v] == '\t' || line[v] == '\f')) ++v;
    if (v < line.size() && (line[v] == '=' || line[v] == ':')) ++v;
    while (v < line.size() && (line[v] == ' ' || line[v] == '\t' || line[v] == '\f')) ++v;
    out.emplace_back(std::move(key), unescape(std::string_view(line).substr(v)));
  }
  return out;
}

}  // namespace strata::load
