// The bodies of what e2e_util.h declares, compiled once into the test helper
// library (strata_test_util) rather than into every test that uses them.
#include "e2e_util.h"

namespace strata::test {

std::unique_ptr<Connection> Open(const std::string& url) {
  auto spec = ParseUrl(url, "", "");
  EXPECT_TRUE(spec.ok()) << spec.status().message();
  auto conn = Connect(*spec);
  EXPECT_TRUE(conn.ok()) << conn.status().message();
  return conn.ok() ? std::move(*conn) : nullptr;
}

std::vector<std::string> QueryLines(Connection& c, const std::string& sql) {
  std::vector<Row> rows;
  Status s = c.Query(sql, &rows);
  EXPECT_TRUE(s.ok()) << sql << ": " << s.message();
  std::vector<std::string> out;
  for (const Row& r : rows) {
    std::string line;
    for (const auto& v : r) line += (v ? *v : "NULL") + "|";
    out.push_back(line);
  }
  return out;
}

std::vector<std::string> Schema(const std::string& url) {
  auto c = Open(url);
  if (!c) return {};
  std::vector<std::string> lines;
  if (c->dialect().engine == Engine::kSqlite) {
    lines = QueryLines(*c,
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite_%' AND lower(tbl_name) NOT IN "
        "('databasechangelog', 'databasechangeloglock') ORDER BY type, name");
  } else {
    const char* skip = "('databasechangelog', 'databasechangeloglock')";
    for (const auto& l : QueryLines(*c, std::string(
             "SELECT table_name, column_name, data_type, character_maximum_length, "
             "numeric_precision, numeric_scale, is_nullable, column_default, is_identity "
             "FROM information_schema.columns WHERE table_schema = current_schema() "
             "AND table_name NOT IN ") + skip + " ORDER BY table_name, column_name"))
      lines.push_back("column " + l);
    for (const auto& l : QueryLines(*c, std::string(
             "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
             "FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
             "AND conrelid::regclass::text NOT IN ") + skip + " ORDER BY 1, 2"))
      lines.push_back("constraint " + l);
    for (const auto& l : QueryLines(*c, std::string(
             "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
             "AND tablename NOT IN ") + skip + " ORDER BY 1"))
      lines.push_back("index " + l);
    for (const auto& l : QueryLines(*c,
             "SELECT table_name, view_definition FROM information_schema.views "
             "WHERE table_schema = current_schema() ORDER BY 1"))
      lines.push_back("view " + l);
  }
  return lines;
}

std::vector<std::string> HistoryRows(const std::string& url) {
  auto c = Open(url);
  if (!c) return {};
  return QueryLines(*c,
      "SELECT ID, AUTHOR, FILENAME, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, "
      "COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS FROM databasechangelog "
      "ORDER BY DATEEXECUTED, ORDEREXECUTED");
}

bool HasTable(const std::string& url, const std::string& table) {
  auto c = Open(url);
  if (!c) return false;
  auto r = c->TableExists("", table);
  return r.ok() && *r;
}

void CopyExample(const std::string& dir) {
  namespace fs = std::filesystem;
  fs::create_directories(fs::path(dir) / "changelogs");
  fs::copy(fs::path(STRATA_SOURCE_DIR) / "changelogs" / "example",
           fs::path(dir) / "changelogs" / "example",
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::vector<std::string> ScriptStatements(const std::string& script) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < script.size()) {
    size_t end = script.find(";\n\n", start);
    std::string chunk = script.substr(start, end == std::string::npos ? std::string::npos
                                                                       : end - start);
    // Drop leading comment lines.
    std::string body;
    size_t pos = 0;
    while (pos < chunk.size()) {
      size_t nl = chunk.find('\n', pos);
      std::string line = chunk.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      if (!(body.empty() && (line.rfind("--", 0) == 0 || line.empty())))
        body += line + (nl == std::string::npos ? "" : "\n");
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
    while (!body.empty() && body.back() == '\n') body.pop_back();
    if (!body.empty()) out.push_back(body);
    if (end == std::string::npos) break;
    start = end + 3;
  }
  return out;
}

}  // namespace strata::test
