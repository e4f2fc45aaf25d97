// The bodies of what hostile_inputs.h declares, compiled once into the test helper
// library (strata_test_util) rather than into every test that uses them.
#include "hostile_inputs.h"

namespace strata::test::hostile {

LimitedRun RunLimited(const std::vector<std::string>& args,
                      const std::string& cwd,
                      const std::vector<std::string>& env) {
  rusage usage{};
  CmdResult c = RunStrataWith(
      args, cwd, env,
      [] {
        rlimit cpu{kCpuSeconds, kCpuSeconds + 1};
        setrlimit(RLIMIT_CPU, &cpu);
#ifndef STRATA_HOSTILE_ASAN
        rlimit as{rlim_t{2} << 30, rlim_t{2} << 30};  // 2 GiB of address space
        setrlimit(RLIMIT_AS, &as);
#endif
      },
      &usage);
  LimitedRun r;
  r.exit_code = c.exit_code;
  r.out = std::move(c.out);
  r.err = std::move(c.err);
  r.max_rss_kb = usage.ru_maxrss;
  r.cpu_millis = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
                 (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
  return r;
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

LimitedRun Update(const Target& target, const Files& files,
                  const std::string& changelog,
                  std::vector<std::string> extra,
                  std::string* dir_out) {
  std::string dir = TempDir();
  for (const auto& [name, content] : files) WriteFile(dir, name, content);
  std::vector<std::string> args = {"--changelog-file=" + changelog,
                                   "--url=" + target.Url(),
                                   "--search-path=" + dir + "/sp"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("update");
  if (dir_out) *dir_out = dir;
  return RunLimited(args, dir);
}

void ExpectRefused(const Target& target, const Files& files,
                   const std::string& changelog,
                   const std::vector<std::string>& needles,
                   std::vector<std::string> extra) {
  std::string before = target.Fingerprint();
  LimitedRun r = Update(target, files, changelog, extra);
  STRATA_EXPECT_BOUNDED(r);
  EXPECT_EQ(r.exit_code, 1) << r.err << r.out;
  for (const std::string& n : needles)
    EXPECT_NE(r.err.find(n), std::string::npos)
        << "missing '" << n << "' in stderr:\n" << r.err.substr(0, 4000);
  EXPECT_EQ(target.Fingerprint(), before) << "the database changed";
  EXPECT_EQ(r.out.find("Running Changeset"), std::string::npos) << r.out;
}

std::string DeepYaml(size_t depth) {
  return std::string(kYamlHead) + "  - changeSet:\n      id: 1\n      author: a\n      comment: " +
         Repeat("[", depth) + Repeat("]", depth) + "\n";
}

std::string YamlAliasBomb() {
  std::string s = "bomb:\n  - &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (int i = 1; i < 9; ++i) {
    std::string p = "*l" + std::to_string(i - 1);
    s += "  - &l" + std::to_string(i) + " [" + p;
    for (int k = 1; k < 10; ++k) s += "," + p;
    s += "]\n";
  }
  return s;
}

std::string XmlRoot(const std::string& body) {
  return "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n" +
         body + "</databaseChangeLog>\n";
}

void DeeplyNestedYaml(const Target& t) {
  ExpectRefused(t, {{Sp("c.yaml"), DeepYaml(100000)}}, "c.yaml",
                {"c.yaml:5:", "error: YAML nested too deeply"});
}

void DeeplyNestedJson(const Target& t) {
  ExpectRefused(t, {{Sp("c.json"), "{\"databaseChangeLog\": " + Repeat("[", 100000) +
                                       Repeat("]", 100000) + "}"}},
                "c.json", {"c.json:1:", "error: YAML nested too deeply"});
}

void DeeplyNestedXml(const Target& t) {
  ExpectRefused(t,
                {{Sp("c.xml"), XmlHead() + XmlRoot("<changeSet id=\"1\" author=\"a\">" +
                                                   Repeat("<a>", 100000) +
                                                   Repeat("</a>", 100000) +
                                                   "</changeSet>\n")}},
                "c.xml", {"c.xml:3:", "error: "});
}

void YamlAliasBomb(const Target& t) {
  std::string bomb = YamlAliasBomb();
  ExpectRefused(t, {{Sp("c.yaml"), bomb + std::string(kYamlHead) +
                                       "  - changeSet:\n      id: 1\n      author: a\n"
                                       "      comment: *l8\n      changes: *l8\n"
                                       "  - property: {name: p, value: *l8}\n"
                                       "  - include: *l8\n"}},
                "c.yaml", {"c.yaml:10:", "error: "});  // where &l8 is
  ExpectRefused(t, {{Sp("d.yaml"), "x: &a [1]\n" + bomb + "databaseChangeLog: *l8\n"}},
                "d.yaml", {"d.yaml:", "error: "});
}

void XmlEntityExpansion(const Target& t) {
  std::string lol = "<!DOCTYPE databaseChangeLog [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    std::string p = "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    lol += "<!ENTITY lol" + std::to_string(i) + " \"" + Repeat(p, 10) + "\">\n";
  }
  lol += "]>\n";
  ExpectRefused(t,
                {{Sp("c.xml"), XmlHead() + lol +
                                   XmlRoot("<changeSet id=\"1\" author=\"&lol9;\">"
                                           "<sql>select '&lol9;'</sql></changeSet>\n")}},
                "c.xml", {"c.xml:2:1: error: DOCTYPE with entity declarations is not allowed"});
  ExpectRefused(t,
                {{Sp("x.xml"), XmlHead() +
                                   "<!DOCTYPE databaseChangeLog [<!ENTITY xxe SYSTEM "
                                   "\"file:///etc/passwd\">]>\n" +
                                   XmlRoot("<changeSet id=\"1\" author=\"a\">"
                                           "<sql>select '&xxe;'</sql></changeSet>\n")}},
                "x.xml", {"x.xml:2:1: error: DOCTYPE with entity declarations is not allowed"});
}

void InvalidUtf8(const Target& t) {
  ExpectRefused(t, {{Sp("c.yaml"), std::string(kYamlHead) +
                                       ChangeSetYaml("1", "        - sql: select 'caf\xC3\xA9'\n") +
                                       ChangeSetYaml("2", "        - sql: select 'x\xC3\x28'\n")}},
                "c.yaml", {"c.yaml:11:25: error: invalid UTF-8"});
  ExpectRefused(t, {{Sp("c.xml"), XmlHead() + XmlRoot("<changeSet id=\"1\" author=\"\xED\xA0\x80\"/>\n")}},
                "c.xml", {"c.xml:3:27: error: invalid UTF-8"});  // a surrogate
  ExpectRefused(t, {{Sp("c.sql"), "--liquibase formatted sql\n--changeset a:1\nselect '\xC0\xAF';\n"}},
                "c.sql", {"c.sql:3:9: error: invalid UTF-8"});  // overlong '/'
}

void NulBytes(const Target& t) {
  std::string yaml = std::string(kYamlHead) + ChangeSetYaml("1", "        - sql: select 1");
  yaml += std::string("\0; drop table canary\n", 21);
  ExpectRefused(t, {{Sp("c.yaml"), yaml}}, "c.yaml", {"c.yaml:6:24: error: NUL byte"});
  std::string xml = XmlHead() + XmlRoot("<changeSet id=\"1\" author=\"a\"><sql>select 1");
  xml.insert(xml.rfind("</databaseChangeLog>"), std::string("\0</sql></changeSet>\n", 20));
  ExpectRefused(t, {{Sp("c.xml"), xml}}, "c.xml", {"c.xml:3:", "error: NUL byte"});
}

void CyclicIncludes(const Target& t) {
  auto include = [](const std::string& file) {
    return std::string(kYamlHead) + ChangeSetYaml("in-" + file, "        - sql: select 1\n") +
           "  - include:\n      file: " + file + "\n      relativeToChangelogFile: true\n";
  };
  ExpectRefused(t, {{Sp("a.yaml"), include("b.yaml")}, {Sp("b.yaml"), include("a.yaml")}},
                "a.yaml", {"b.yaml:7:", "error: cyclic include: ", "a.yaml -> ", "b.yaml -> "});
  ExpectRefused(t, {{Sp("self.yaml"), include("self.yaml")}}, "self.yaml",
                {"self.yaml:7:", "error: cyclic include: "});
}

void IncludesOutsideTheSearchPath(const Target& t) {
  std::string dir = TempDir();
  std::string outside = dir + "/outside/o.yaml";
  WriteFile(dir, "outside/o.yaml", std::string(kYamlHead) +
                                       ChangeSetYaml("o1", "        - sql: select 1\n"));
  ExpectRefused(t, {{Sp("c.yaml"), std::string(kYamlHead) + "  - include:\n      file: " +
                                       outside + "\n"}},
                "c.yaml", {"c.yaml:2:5: error: included file '" + outside +
                           "' is outside the search path ("});
  ExpectRefused(t, {{Sp("c.yaml"), std::string(kYamlHead) +
                                       "  - includeAll:\n      path: /\n"}},
                "c.yaml", {"c.yaml:2:5: error: includeAll: directory '/' not found"});

  std::string run_dir;
  LimitedRun r = Update(t, {{Sp("c.yaml"), std::string(kYamlHead) +
                                               "  - include:\n      file: ../outside/o.yaml\n"},
                            {"outside/o.yaml", std::string(kYamlHead) +
                                                   ChangeSetYaml("o1", "        - sql: select 1\n")}},
                        "c.yaml", {}, &run_dir);
  STRATA_EXPECT_BOUNDED(r);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(t.Url());
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c, "SELECT id, filename FROM databasechangelog"),
            (std::vector<std::string>{"o1|../outside/o.yaml|"}));
}

std::string DoublingProperties(const std::string& p0, int levels) {
  std::string props = "  - property: {name: p0, value: \"" + p0 + "\"}\n";
  for (int i = 1; i <= levels; ++i)
    props += "  - property: {name: p" + std::to_string(i) + ", value: \"${p" +
             std::to_string(i - 1) + "}${p" + std::to_string(i - 1) + "}\"}\n";
  return std::string(kYamlHead) + props +
         ChangeSetYaml("1", "        - sql: select '${p" + std::to_string(levels) + "}'\n");
}

void PropertyExpansionBomb(const Target& t) {
  // The sql value is on line 1 + (levels + 1) + 5, at column 16.
  ExpectRefused(t, {{Sp("c.yaml"), DoublingProperties(Repeat("x", 16384), 20)}}, "c.yaml",
                {"c.yaml:27:16: error: expanding ${...} properties gives more than 16 MiB"});
  ExpectRefused(t, {{Sp("c.yaml"), DoublingProperties("${nothing}", 40)}}, "c.yaml",
                {"c.yaml:47:16: error: expanding ${...} properties follows more than 4096 "
                 "references"},
                {"--missing-property-mode=EMPTY"});
}

std::string YamlQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string QuoteId(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string QuoteLit(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

const std::vector<std::string>& NastyValues() {
  static const std::vector<std::string> v = {
      "'); DROP TABLE canary; --",
      "\\'); DROP TABLE canary; --",
      "*/ DROP TABLE canary; /*",
      "$$; DROP TABLE canary; $$",
      "\"; DROP TABLE canary; --",
      "a;b;c -- not a comment /* nor this */",
      "two\nlines; -- x",
      "${not_a_property}",
  };
  return v;
}

std::vector<std::string> ColumnsOf(Connection& c, const Target& t,
                                   const std::string& table) {
  std::vector<std::string> out;
  std::string sql = t.IsSqlite()
      ? "SELECT name FROM pragma_table_info(" + QuoteLit(table) + ") ORDER BY cid"
      : "SELECT column_name FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND table_name = " + QuoteLit(table) + " ORDER BY ordinal_position";
  for (std::string l : QueryLines(c, sql)) out.push_back(l.substr(0, l.size() - 1));
  return out;
}

std::string Canary(const Target& t) {
  auto c = Open(t.Url());
  if (!c) return "";
  auto rows = QueryLines(*c, "SELECT id, note FROM canary ORDER BY id");
  std::string out;
  for (const auto& r : rows) out += r + "\n";
  return out;
}

void QuotesSemicolonsAndCommentMarkersStayQuoted(const Target& t) {
  const std::string table = kNastyTable;
  std::string changes =
      "        - createTable:\n            tableName: " + YamlQuote(table) +
      "\n            columns:\n"
      "              - column: {name: " + YamlQuote(kNastyKey) + ", type: int}\n"
      "              - column: {name: " + YamlQuote(kNastyValue) + ", type: varchar(200)}\n";
  for (size_t i = 0; i < NastyValues().size(); ++i)
    changes += "        - insert:\n            tableName: " + YamlQuote(table) +
               "\n            columns:\n"
               "              - column: {name: " + YamlQuote(kNastyKey) + ", valueNumeric: " +
               std::to_string(i) + "}\n"
               "              - column: {name: " + YamlQuote(kNastyValue) + ", value: " +
               YamlQuote(NastyValues()[i]) + "}\n";
  std::string second =
      "        - addColumn:\n            tableName: " + YamlQuote(table) +
      "\n            columns:\n"
      "              - column: {name: " + YamlQuote(kNastyExtra) + ", type: varchar(200), "
      "defaultValue: " + YamlQuote(kNastyDefault) + "}\n"
      "        - createIndex:\n            tableName: " + YamlQuote(table) +
      "\n            indexName: " + YamlQuote("i'--;") + "\n            columns:\n"
      "              - column: {name: " + YamlQuote(kNastyValue) + "}\n";
  std::string before = Canary(t);
  ASSERT_FALSE(before.empty());
  LimitedRun r = Update(t, {{Sp("c.yaml"), std::string(kYamlHead) + ChangeSetYaml("1", changes) +
                                               ChangeSetYaml("2", second)}},
                        "c.yaml", {"-Dnot_a_property=EXPANDED"});
  STRATA_EXPECT_BOUNDED(r);
  ASSERT_EQ(r.exit_code, 0) << r.err;

  auto c = Open(t.Url());
  ASSERT_TRUE(c);
  EXPECT_EQ(ColumnsOf(*c, t, table),
            (std::vector<std::string>{kNastyKey, kNastyValue, kNastyExtra}));
  auto rows = QueryLines(*c, "SELECT " + QuoteId(kNastyKey) + ", " + QuoteId(kNastyValue) + ", " +
                                 QuoteId(kNastyExtra) + " FROM " + QuoteId(table) + " ORDER BY 1");
  ASSERT_EQ(rows.size(), NastyValues().size());
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string value = NastyValues()[i] == "${not_a_property}" ? "EXPANDED" : NastyValues()[i];
    // The default applies to the rows already there (SQLite, PostgreSQL 11+).
    EXPECT_EQ(rows[i], std::to_string(i) + "|" + value + "|" + kNastyDefault + "|");
  }
  EXPECT_EQ(Canary(t), before);
  auto index = QueryLines(*c, t.IsSqlite()
      ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name = " + QuoteLit("i'--;")
      : "SELECT indexname FROM pg_indexes WHERE indexname = " + QuoteLit("i'--;"));
  EXPECT_EQ(index.size(), 1u);
}

void PropertyValuesCannotInjectSql(const Target& t) {
  const std::string dvalue = "x'); DROP TABLE canary; --";
  const std::string tname = "p\"; DROP TABLE canary; --";
  const std::string cvalue = "y\\'; DELETE FROM canary; --";
  std::string yaml = std::string(kYamlHead) +
      "  - property: {name: tn, value: " + YamlQuote(tname) + "}\n"
      "  - property: {name: cv, value: " + YamlQuote(cvalue) + "}\n" +
      ChangeSetYaml("1",
          "        - createTable:\n            tableName: ${tn}\n            columns:\n"
          "              - column: {name: v, type: varchar(100)}\n"
          "        - insert: {tableName: \"${tn}\", columns: [{column: {name: v, value: \"${dv}\"}}]}\n"
          "        - insert: {tableName: \"${tn}\", columns: [{column: {name: v, value: \"${cv}\"}}]}\n"
          "        - insert: {tableName: \"${tn}\", columns: [{column: {name: v, value: \"${ev}\"}}]}\n");
  std::string before = Canary(t);
  std::string dir = TempDir();
  WriteFile(dir, "sp/c.yaml", yaml);
  LimitedRun r = RunLimited({"--changelog-file=c.yaml", "--url=" + t.Url(),
                             "--search-path=" + dir + "/sp", "-Ddv=" + dvalue, "update"},
                            dir, {"ev=z'||(SELECT 1)||'"});
  STRATA_EXPECT_BOUNDED(r);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = Open(t.Url());
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c, "SELECT v FROM " + QuoteId(tname) + " ORDER BY v"),
            (std::vector<std::string>{dvalue + "|", cvalue + "|", "z'||(SELECT 1)||'|"}));
  EXPECT_EQ(Canary(t), before);
}

void HugeScalarIsStoredWhole(const Target& t) {
  const size_t n = size_t{8} << 20;
  std::string value = Repeat("0123456789abcdef", n / 16);
  LimitedRun r = Update(t, {{Sp("c.yaml"), std::string(kYamlHead) + ChangeSetYaml("1",
      "        - createTable:\n            tableName: big\n            columns:\n"
      "              - column: {name: v, type: text}\n"
      "        - insert: {tableName: big, columns: [{column: {name: v, value: \"" + value +
      "\"}}]}\n")}}, "c.yaml");
  STRATA_EXPECT_BOUNDED(r);
  ASSERT_EQ(r.exit_code, 0) << r.err.substr(0, 2000);
  auto c = Open(t.Url());
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c, "SELECT length(v), substr(v, 1, 20) FROM big"),
            (std::vector<std::string>{std::to_string(n) + "|0123456789abcdef0123|"}));
}

void ExternalDtdIsNeverRead(const Target& t) {
  std::string xml = XmlHead() +
      "<!DOCTYPE databaseChangeLog SYSTEM \"secret.dtd\">\n" +
      XmlRoot("<changeSet id=\"1\" author=\"a\">\n"
              "<createTable tableName=\"x\"><column name=\"v\" type=\"varchar(100)\"/></createTable>\n"
              "<insert tableName=\"x\"><column name=\"v\" value=\"&xxe; &lt;\"/></insert>\n"
              "</changeSet>\n");
  LimitedRun r = Update(t, {{Sp("c.xml"), xml},
                            {Sp("secret.dtd"), "<!ENTITY xxe \"SECRET-FROM-DTD\">\n"}},
                        "c.xml");
  STRATA_EXPECT_BOUNDED(r);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("SECRET"), std::string::npos);
  auto c = Open(t.Url());
  ASSERT_TRUE(c);
  EXPECT_EQ(QueryLines(*c, "SELECT v FROM x"), (std::vector<std::string>{"&xxe; <|"}));
}

}  // namespace strata::test::hostile
