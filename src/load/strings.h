// Small string helpers shared by the loader files.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace strata::load {

// Concatenates pieces into one string (one allocation).
inline std::string StrCat(std::initializer_list<std::string_view> parts) {
  size_t n = 0;
  for (auto p : parts) n += p.size();
  std::string out;
  out.reserve(n);
  for (auto p : parts) out.append(p);
  return out;
}

}  // namespace strata::load
