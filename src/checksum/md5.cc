#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "checksum/text.h"
#include "strata/checksum.h"

namespace strata {

std::string Md5Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  // EVP_Digest only fails on allocation failure; an empty result would be
  // stored as a wrong checksum, so abort instead.
  // Fetched once: EVP_md5() makes OpenSSL 3 look the algorithm up again on
  // every digest, a third of the cost of checksumming a changeset.
  static EVP_MD* const md5 = EVP_MD_fetch(nullptr, "MD5", nullptr);
  if (!md5 || EVP_Digest(bytes.data(), bytes.size(), digest, &len, md5, nullptr) != 1) {
    std::fputs("strata: EVP_Digest(md5) failed\n", stderr);
    std::abort();
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * len);
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xf];
  }
  return out;
}

namespace detail {

std::string NormalizeLineEndings(std::string_view text) {
  // Whole runs without '\r' are copied at once: a byte at a time was a
  // fifth of checksumming the 100k bench changelog (issue 7).
  std::string out;
  out.reserve(text.size());
  size_t from = 0;
  for (size_t cr = text.find('\r'); cr != std::string_view::npos;
       cr = text.find('\r', from)) {
    out.append(text, from, cr - from);
    out += '\n';
    from = cr + 1;
    if (from < text.size() && text[from] == '\n') ++from;
  }
  out.append(text, from, std::string_view::npos);
  return out;
}

std::string VersionPrefix(ChecksumVersion version) {
  return std::to_string(static_cast<int>(version)) + ":";
}

std::string ComputeString(std::string_view text, ChecksumVersion version) {
  std::string normalized = NormalizeLineEndings(text);
  // U+FFFD REPLACEMENT CHARACTER in UTF-8.
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  for (size_t pos = normalized.find(kReplacement); pos != std::string::npos;
       pos = normalized.find(kReplacement, pos)) {
    normalized.erase(pos, kReplacement.size());
  }
  // No NFC step: see the header.
  return VersionPrefix(version) + Md5Hex(normalized);
}

std::string StripSqlWhitespace(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  for (char c : sql) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

std::string CollapseSqlWhitespaceV8(std::string_view header, std::string_view sql) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::string out(header);
  bool pending_space = false;
  bool seen = false;
  for (char c : sql) {
    if (is_space(c)) {
      pending_space = seen;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    seen = true;
    out += c;
  }
  return out;
}

}  // namespace detail
}  // namespace strata
