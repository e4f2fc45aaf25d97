// The bodies of what interop_scenarios.h declares, compiled once into the test helper
// library (strata_test_util) rather than into every test that uses them.
#include "interop_scenarios.h"

namespace strata::test {

std::optional<std::string> LiquibaseBin() {
  const char* bin = std::getenv("STRATA_LIQUIBASE");
  if (!bin || !*bin) return std::nullopt;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(bin, ec)) return std::nullopt;
  return std::string(bin);
}

InteropDb PgInteropDb(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string user = "postgres", password;
  if (auto at = rest.find('@'); at != std::string::npos) {
    user = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  if (auto colon = user.find(':'); colon != std::string::npos) {
    password = user.substr(colon + 1);
    user.resize(colon);
  }
  if (auto q = rest.find('?'); q != std::string::npos) rest.resize(q);
  InteropDb db{url, {"--url=jdbc:postgresql://" + rest, "--username=" + user}};
  if (!password.empty()) db.lb_conn.push_back("--password=" + password);
  return db;
}

const std::vector<std::string>& CoreChangeTypes() {
  static const auto* types = new std::vector<std::string>{
      "addAutoIncrement", "addColumn", "addDefaultValue", "addForeignKeyConstraint",
      "addLookupTable", "addNotNullConstraint", "addPrimaryKey", "addUniqueConstraint",
      "alterSequence", "createIndex", "createProcedure", "createSequence", "createTable",
      "createView", "customChange", "delete", "dropAllForeignKeyConstraints", "dropColumn",
      "dropDefaultValue", "dropForeignKeyConstraint", "dropIndex", "dropNotNullConstraint",
      "dropPrimaryKey", "dropProcedure", "dropSequence", "dropTable", "dropUniqueConstraint",
      "dropView", "empty", "executeCommand", "insert", "loadData", "loadUpdateData",
      "mergeColumns", "modifyDataType", "output", "renameColumn", "renameSequence",
      "renameTable", "renameView", "setColumnRemarks", "setTableRemarks", "sql", "sqlFile",
      "stop", "tagDatabase", "update"};
  return *types;
}

void CoveredByHistory(const std::string& url, InteropCounts* n) {
  auto c = Open(url);
  ASSERT_TRUE(c);
  std::set<std::string> core(CoreChangeTypes().begin(), CoreChangeTypes().end());
  static const std::regex kName(R"((?:^|; )([A-Za-z]+))");
  for (std::string line : QueryLines(*c, "SELECT FILENAME, DESCRIPTION FROM databasechangelog")) {
    std::string file = line.substr(0, line.find('|'));
    std::string description = line.substr(file.size() + 1);
    ++n->changesets_per_format[file.substr(file.rfind('.') + 1)];
    for (std::sregex_iterator it(description.begin(), description.end(), kName), end; it != end;
         ++it)
      if (core.count((*it)[1])) n->change_types.insert((*it)[1]);
  }
}

std::vector<std::string> MissingChangeTypes(const InteropCounts& n) {
  std::vector<std::string> out;
  for (const std::string& t : CoreChangeTypes())
    if (!n.change_types.count(t)) out.push_back(t);
  return out;
}

Pending ParseStatus(const std::string& text) {
  Pending p;
  static const std::regex kCount(R"((\d+) changesets? (has|have) not been applied)");
  static const std::regex kId(R"(^\s+(\S+::\S+::\S+)\s*$)");
  std::smatch m;
  if (std::regex_search(text, m, kCount)) p.count = std::stoi(m[1]);
  p.up_to_date = text.find("is up to date") != std::string::npos;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (std::regex_match(line, m, kId)) p.ids.push_back(m[1]);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return p;
}

std::vector<std::string> SchemaOf(const std::string& url) {
  std::vector<std::string> lines = Schema(url);
  for (std::string& l : lines) l.erase(std::remove(l.begin(), l.end(), '"'), l.end());
  return lines;
}

std::vector<std::string> TableRows(const std::string& url) {
  auto c = Open(url);
  if (!c) return {};
  bool sqlite = c->dialect().engine == Engine::kSqlite;
  std::vector<std::string> tables = QueryLines(*c, sqlite
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND lower(name) NOT IN ('databasechangelog', 'databasechangeloglock') ORDER BY name"
      : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
        "current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN "
        "('databasechangelog', 'databasechangeloglock') ORDER BY table_name");
  std::vector<std::string> out;
  for (std::string t : tables) {
    t.pop_back();  // the trailing '|'
    std::vector<std::string> rows = QueryLines(*c, "SELECT * FROM " + t);
    std::sort(rows.begin(), rows.end());
    for (const std::string& r : rows) out.push_back(t + ": " + r);
  }
  return out;
}

std::map<std::string, std::string> HistoryByIdentity(const std::string& url) {
  auto c = Open(url);
  std::map<std::string, std::string> out;
  if (!c) return out;
  std::vector<Row> rows;
  Status s = c->Query(
      "SELECT FILENAME, ID, AUTHOR, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, COMMENTS, "
      "TAG, CONTEXTS, LABELS FROM databasechangelog",
      &rows);
  EXPECT_TRUE(s.ok()) << s.message();
  const char* names[] = {"FILENAME", "ID", "AUTHOR", "ORDEREXECUTED", "EXECTYPE", "MD5SUM",
                         "DESCRIPTION", "COMMENTS", "TAG", "CONTEXTS", "LABELS"};
  for (const Row& r : rows) {
    std::string key = *r[0] + "::" + *r[1] + "::" + *r[2];
    std::string value;
    for (size_t i = 3; i < r.size(); ++i)
      value += std::string(names[i]) + "=" + (r[i] ? *r[i] : "NULL") + " ";
    out[key] = value;
  }
  return out;
}

std::vector<std::string> ComparableStatements(const std::string& script) {
  std::vector<std::string> out;
  static const std::regex kDeployment(R"('\d{10}'([,)]))");
  static const std::regex kVersion(R"('4\.28\.\d+')");
  // Liquibase qualifies every name with the connection's default schema
  // (public.person); Strata leaves them unqualified, to the same effect.
  static const std::regex kDefaultSchema(R"(\bpublic\.)");
  for (std::string st : ScriptStatements(script)) {
    std::string kept;
    size_t pos = 0;
    while (pos <= st.size()) {
      size_t nl = st.find('\n', pos);
      std::string line = st.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      if (line.rfind("--", 0) != 0 && !line.empty()) kept += (kept.empty() ? "" : "\n") + line;
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
    if (kept.empty()) continue;
    if (kept.rfind("SET SEARCH_PATH", 0) == 0) continue;
    if (kept.find("databasechangeloglock") != std::string::npos ||
        kept.find("DATABASECHANGELOGLOCK") != std::string::npos)
      continue;
    kept = std::regex_replace(kept, kDeployment, "'<deployment>'$1");
    kept = std::regex_replace(kept, kDefaultSchema, "");
    kept = std::regex_replace(kept, kVersion, "'<version>'");
    out.push_back(kept);
  }
  return out;
}

std::vector<std::string> SetAside(std::vector<std::string> statements, InteropCounts* n) {
  auto lookup = [](const std::string& s) {
    return s.rfind("DO $$ DECLARE r record;", 0) == 0 &&
           s.find("con.contype = 'f'") != std::string::npos;
  };
  n->statements_set_aside += static_cast<int>(std::count_if(statements.begin(), statements.end(), lookup));
  statements.erase(std::remove_if(statements.begin(), statements.end(), lookup), statements.end());
  return statements;
}

std::vector<std::string> SqliteStructure(const std::string& url) {
  auto c = Open(url);
  if (!c) return {};
  std::vector<std::string> out;
  for (std::string line : QueryLines(*c,
           "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND "
           "lower(tbl_name) NOT IN ('databasechangelog', 'databasechangeloglock') AND "
           "type IN ('table', 'view', 'trigger') ORDER BY type, name")) {
    std::string type = line.substr(0, line.find('|'));
    std::string rest = line.substr(type.size() + 1);
    std::string name = rest.substr(0, rest.find('|'));
    if (type != "table") {
      line.erase(std::remove(line.begin(), line.end(), '"'), line.end());
      out.push_back(line);
      continue;
    }
    std::string sql = rest.substr(name.size() + 1);
    std::string upper = sql;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (upper.find("AUTOINCREMENT") != std::string::npos) out.push_back("autoincrement " + name);
    for (const std::string& col : QueryLines(*c, "SELECT name, type, \"notnull\", dflt_value, pk "
                                                 "FROM pragma_table_info('" + name + "')"))
      out.push_back("column " + name + "|" + col);
    for (const std::string& fk : QueryLines(*c, "SELECT \"from\", \"table\", \"to\", "
                                                "on_update, on_delete FROM "
                                                "pragma_foreign_key_list('" + name + "')"))
      out.push_back("foreign key " + name + "|" + fk);
    for (const std::string& ix : QueryLines(*c,
             "SELECT CASE origin WHEN 'c' THEN il.name ELSE origin END, il.\"unique\", "
             "(SELECT group_concat(name) FROM pragma_index_info(il.name)) FROM "
             "pragma_index_list('" + name + "') il ORDER BY 1, 3"))
      out.push_back("index " + name + "|" + ix);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void ExpectSameSchema(const std::vector<std::string>& expected,
                      const std::vector<std::string>& actual, const std::string& what,
                      const InteropOptions& o, InteropCounts* n) {
  if (o.known.empty()) {
    EXPECT_EQ(actual, expected) << what;
    return;
  }
  std::multiset<std::string> a(expected.begin(), expected.end());
  std::multiset<std::string> b(actual.begin(), actual.end());
  auto only = [](const std::multiset<std::string>& x, const std::multiset<std::string>& y) {
    std::vector<std::string> out;
    std::set_difference(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
    return out;
  };
  for (const auto& [side, lines] : {std::pair{"expected only", only(a, b)},
                                    std::pair{"actual only", only(b, a)}})
    for (const std::string& line : lines) {
      auto known = std::find_if(o.known.begin(), o.known.end(), [&](const KnownDifference& k) {
        return std::regex_search(line, std::regex(k.line));
      });
      if (known == o.known.end()) {
        ADD_FAILURE() << what << ": " << side << ": " << line;
        continue;
      }
      ++n->set_aside[known->name];
      printf("[set aside] %s: %s: %s (%s)\n", what.c_str(), side, line.c_str(),
             known->name.c_str());
      fflush(stdout);  // before the next child process inherits the buffer
    }
}

void RunInterop(Interop& t, const InteropDb& db1, const InteropDb& db2,
                const InteropDb& db3, InteropCounts* n, const InteropOptions& o) {
  // ---- db1: Liquibase first, Strata continues ----------------------------
  CmdResult r = t.Liquibase(db1, o.first, {"update"});
  ASSERT_EQ(r.exit_code, 0) << Show(r);
  std::vector<std::string> schema_half = o.schema(db1.url);
  std::vector<std::string> rows_half = TableRows(db1.url);
  ASSERT_FALSE(schema_half.empty());

  r = t.Strata(db1, o.all, {"validate"});
  EXPECT_EQ(r.exit_code, 0) << "Strata validate after Liquibase's first half\n" << Show(r);
  CmdResult strata_status = t.Strata(db1, o.all, {"status", "--verbose"});
  EXPECT_EQ(strata_status.exit_code, 0) << Show(strata_status);
  CmdResult lb_status = t.Liquibase(db1, o.all, {"status", "--verbose"});
  EXPECT_EQ(lb_status.exit_code, 0) << Show(lb_status);
  Pending sp = ParseStatus(strata_status.out + strata_status.err);
  Pending lp = ParseStatus(lb_status.out + lb_status.err);
  EXPECT_GT(lp.count, 0) << Show(lb_status);
  EXPECT_EQ(sp.count, lp.count) << Show(strata_status) << Show(lb_status);
  EXPECT_EQ(sp.ids, lp.ids) << Show(strata_status) << Show(lb_status);

  r = t.Strata(db1, o.all, {"update"});
  ASSERT_EQ(r.exit_code, 0) << Show(r);
  r = t.Liquibase(db1, o.all, {"validate"});
  EXPECT_EQ(r.exit_code, 0) << "Liquibase validate after Strata's second half\n" << Show(r);
  r = t.Liquibase(db1, o.all, {"status", "--verbose"});
  EXPECT_EQ(r.exit_code, 0) << Show(r);
  EXPECT_TRUE(ParseStatus(r.out + r.err).up_to_date) << Show(r);

  // ---- db2: Strata first, Liquibase continues ----------------------------
  r = t.Strata(db2, o.first, {"update"});
  ASSERT_EQ(r.exit_code, 0) << Show(r);
  ExpectSameSchema(schema_half, o.schema(db2.url), "first half: Liquibase's (db1) vs Strata's (db2)",
                   o, n);
  EXPECT_EQ(TableRows(db2.url), rows_half) << "Strata's first half differs from Liquibase's";
  r = t.Liquibase(db2, o.all, {"update"});
  ASSERT_EQ(r.exit_code, 0) << "Liquibase update after Strata's first half\n" << Show(r);
  r = t.Liquibase(db2, o.all, {"validate"});
  EXPECT_EQ(r.exit_code, 0) << Show(r);
  r = t.Strata(db2, o.all, {"validate"});
  EXPECT_EQ(r.exit_code, 0) << "Strata validate after Liquibase's second half\n" << Show(r);
  r = t.Strata(db2, o.all, {"status", "--verbose"});
  EXPECT_EQ(r.exit_code, 0) << Show(r);
  EXPECT_TRUE(ParseStatus(r.out + r.err).up_to_date) << Show(r);
  ExpectSameSchema(o.schema(db1.url), o.schema(db2.url), "mixed applications: db1 vs db2", o, n);
  EXPECT_EQ(TableRows(db1.url), TableRows(db2.url)) << "mixed applications differ";

  CoveredByHistory(db1.url, n);

  // ---- history rows: Liquibase's in one database, Strata's in the other --
  std::map<std::string, std::string> h1 = HistoryByIdentity(db1.url);
  std::map<std::string, std::string> h2 = HistoryByIdentity(db2.url);
  EXPECT_EQ(h1.size(), h2.size());
  for (const auto& [key, row] : h1) {
    ++n->rows_compared;
    auto it = h2.find(key);
    if (it == h2.end()) {
      ADD_FAILURE() << key << " is in db1's history only";
      continue;
    }
    EXPECT_EQ(row, it->second) << key << " (db1: first half by Liquibase; db2: by Strata)";
    if (row == it->second) ++n->rows_identical;
  }

  // ---- calculate-checksum of Strata against every sum Liquibase wrote ----
  std::set<std::string> first_half;
  {
    auto c = Open(db1.url);
    for (std::string k : QueryLines(*c, "SELECT ID FROM databasechangelog WHERE "
                                        "ORDEREXECUTED <= (SELECT ORDEREXECUTED FROM "
                                        "databasechangelog WHERE ID = 'tag-half')")) {
      k.pop_back();
      first_half.insert(k);
    }
  }
  for (const auto& [key, row] : h1) {
    // Liquibase wrote db1's first half and db2's second half.
    std::string id = key.substr(key.find("::") + 2);
    id = id.substr(0, id.find("::"));
    const std::string& lb_row = first_half.count(id) ? row : h2[key];
    std::string lb_sum = lb_row.substr(lb_row.find("MD5SUM=") + 7);
    lb_sum = lb_sum.substr(0, lb_sum.find(' '));
    const InteropDb& db = first_half.count(id) ? db1 : db2;
    CmdResult cs = t.Strata(db, o.all, {"calculate-checksum", "--changeset-identifier", key});
    ++n->checksums_compared;
    std::string strata_sum = cs.err.substr(0, cs.err.find('\n'));
    EXPECT_EQ(cs.exit_code, 0) << key << "\n" << Show(cs);
    EXPECT_EQ(strata_sum, lb_sum) << key;
    if (strata_sum == lb_sum) ++n->checksums_identical;
  }

  // ---- rollback to the tag by either tool -------------------------------
  r = t.Liquibase(db1, o.all, {"rollback", "--tag=half"});
  EXPECT_EQ(r.exit_code, 0) << "Liquibase rollback of Strata's second half\n" << Show(r);
  r = t.Strata(db2, o.all, {"rollback", "--tag=half"});
  EXPECT_EQ(r.exit_code, 0) << "Strata rollback of Liquibase's second half\n" << Show(r);
  ExpectSameSchema(schema_half, o.schema(db1.url), "Liquibase's rollback (db1) vs the first half",
                   o, n);
  ExpectSameSchema(schema_half, o.schema(db2.url), "Strata's rollback (db2) vs the first half", o,
                   n);
  EXPECT_EQ(TableRows(db1.url), rows_half) << "Liquibase's rollback";
  EXPECT_EQ(TableRows(db2.url), rows_half) << "Strata's rollback";
  // The same rows are left (Liquibase 4.28 also rolls back the changeset
  // that set the tag), with what the first half wrote.
  std::map<std::string, std::string> r1 = HistoryByIdentity(db1.url);
  std::map<std::string, std::string> r2 = HistoryByIdentity(db2.url);
  EXPECT_EQ(r1.size(), r2.size());
  for (const auto& [key, row] : r1) {
    EXPECT_TRUE(first_half.count(key.substr(key.find("::") + 2, key.rfind("::") - key.find("::") - 2)))
        << key << " is after the tag but was not rolled back";
    EXPECT_TRUE(r2.count(key)) << key << " was rolled back by Strata but not by Liquibase";
  }

  // ---- update-sql for an empty database ----------------------------------
  if (!o.update_sql) return;
  // Strata's first: it creates nothing, where Liquibase may leave the
  // tracking tables behind.
  CmdResult strata_sql = t.Strata(db3, o.all, {"update-sql"});
  ASSERT_EQ(strata_sql.exit_code, 0) << Show(strata_sql);
  CmdResult lb_sql = t.Liquibase(db3, o.all, {"update-sql"});
  ASSERT_EQ(lb_sql.exit_code, 0) << Show(lb_sql);
  std::vector<std::string> a = ComparableStatements(lb_sql.out);
  std::vector<std::string> b = SetAside(ComparableStatements(strata_sql.out), n);
  EXPECT_GT(a.size(), 10u);
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    ++n->statements_compared;
    std::string x = i < a.size() ? a[i] : "<none>";
    std::string y = i < b.size() ? b[i] : "<none>";
    EXPECT_EQ(y, x) << "update-sql statement " << i + 1 << " (Strata vs Liquibase)";
    if (x == y) ++n->statements_identical;
  }
}

void PrintCounts(const char* engine, const InteropCounts& n, const Interop& t) {
  printf("[%s] checksums (Strata calculate-checksum vs Liquibase's MD5SUM): %d compared, %d "
         "identical\n", engine, n.checksums_compared, n.checksums_identical);
  printf("[%s] history rows (Liquibase's vs Strata's): %d compared, %d identical\n", engine,
         n.rows_compared, n.rows_identical);
  if (n.statements_compared)
    printf("[%s] update-sql statements: %d compared, %d identical\n", engine,
           n.statements_compared, n.statements_identical);
  if (n.statements_set_aside)
    printf("[%s] update-sql statements set aside (Strata's dropAllForeignKeyConstraints lookup, "
           "which Liquibase resolves from its snapshot): %d\n", engine, n.statements_set_aside);
  for (const auto& [name, count] : n.set_aside)
    printf("[%s] schema lines set aside (%s): %d\n", engine, name.c_str(), count);
  std::string formats;
  int changesets = 0;
  for (const auto& [ext, count] : n.changesets_per_format) {
    formats += " " + ext + "=" + std::to_string(count);
    changesets += count;
  }
  printf("[%s] changesets applied by both tools: %d, per format:%s\n", engine, changesets,
         formats.c_str());
  std::string missing;
  for (const std::string& m : MissingChangeTypes(n)) missing += " " + m;
  printf("[%s] change types covered: %zu of %zu; not covered:%s\n", engine,
         n.change_types.size(), CoreChangeTypes().size(), missing.empty() ? " none" : missing.c_str());
  printf("[%s] Liquibase invocations: %d\n", engine, t.liquibase_runs());
  fflush(stdout);
}

}  // namespace strata::test
