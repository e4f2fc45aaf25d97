// Connect() and the helpers both engines' connections share.

#include "strata/connection.h"

#include <string>
#include <string_view>

#include "exec/connection_internal.h"

namespace strata {

namespace exec_detail {

std::string Scrub(std::string text, std::string_view secret) {
  if (secret.size() < 3) return text;
  size_t pos = 0;
  while ((pos = text.find(secret, pos)) != std::string::npos) {
    text.replace(pos, secret.size(), "*****");
    pos += 5;
  }
  return text;
}

namespace {
bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
}  // namespace

std::string LineColumn(std::string_view sql, size_t offset) {
  if (offset > sql.size()) offset = sql.size();
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (sql[i] == '\n') {
      ++line;
      column = 1;
    } else if (!IsContinuationByte(sql[i])) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

size_t ByteOffsetOfChar(std::string_view sql, size_t chars) {
  if (chars == 0) return 0;
  size_t seen = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    if (IsContinuationByte(sql[i])) continue;
    if (++seen == chars) return i;
  }
  return sql.size();
}

}  // namespace exec_detail

Result<std::unique_ptr<Connection>> Connect(const ConnectionSpec& spec) {
  switch (spec.kind) {
    case ConnectionSpec::Kind::kPostgres:
      return exec_detail::ConnectPostgres(spec);
    case ConnectionSpec::Kind::kSqlite:
      return exec_detail::ConnectSqlite(spec);
    case ConnectionSpec::Kind::kOffline:
      return Status::InvalidInput(
          "offline URLs do not connect (" + spec.redacted +
          "); use update-sql and friends, or a postgresql:// or sqlite: URL");
  }
  return Status::InvalidInput("unknown connection kind for " + spec.redacted);
}

}  // namespace strata
