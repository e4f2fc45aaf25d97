// Golden scenarios: tests/golden/<case>.yaml in, <case>.postgresql.sql and
// <case>.sqlite.sql out (update SQL, then each changeset's rollback SQL, or
// the error). One GoogleTest per changelog; a diff is printed on failure.
// STRATA_UPDATE_GOLDEN=1 rewrites the expected files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "strata/dialect.h"
#include "strata/executor.h"
#include "strata/load.h"
#include "strata/render.h"

namespace strata {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A statement as a script shows it: SQL, or output/stop as a comment.
std::string Line(const Statement& x) {
  switch (x.kind) {
    case Statement::Kind::kSql:
    case Statement::Kind::kCheck:
      return x.sql + ";\n";
    case Statement::Kind::kOutput:
      return "-- output to " + x.target + ": " + x.sql + "\n";
    case Statement::Kind::kStop:
      return "-- stop: " + x.sql + "\n";
    case Statement::Kind::kCommand:
      return "-- executeCommand: " + x.sql + "\n";
  }
  return {};
}

// The SQL a changelog renders to on one engine, as text.
std::string RenderGolden(const std::string& yaml, const std::string& name,
                         const Dialect& d) {
  LoadOptions lo;
  lo.changelog_file = name;
  lo.dbms = std::string(d.name);
  LoadResult loaded = LoadChangeLogFromString(yaml, name, lo);
  std::string out;
  if (!loaded.ok()) {
    for (const Diagnostic& e : loaded.errors) out += "-- LOAD ERROR: " + e.ToString() + "\n";
    return out;
  }
  RenderOptions ro;
  ro.dialect = &d;
  // The catalog of an offline run (empty at first), as update-sql has it;
  // each changeset's rollback is rendered against a copy that holds
  // everything up to and including that changeset.
  std::vector<std::string> applied;
  auto catalog_after = [&]() {
    std::unique_ptr<Catalog> c = std::move(*NewCatalog(d, nullptr));
    if (c)
      for (const std::string& sql : applied) (void)c->Apply(sql);
    return c;
  };
  auto render = [&](const Change& c, Catalog* catalog, bool record) {
    std::vector<Statement> st;
    ro.catalog = catalog;
    Status s = RenderChange(c, ro, &st);
    if (!s.ok()) {
      out += "-- ERROR: " + s.message() + "\n";
      return;
    }
    for (const Statement& x : st) {
      out += Line(x);
      if (x.kind != Statement::Kind::kSql || !catalog) continue;
      (void)catalog->Apply(x.sql);
      if (record) applied.push_back(x.sql);
    }
  };
  std::unique_ptr<Catalog> forward = catalog_after();
  for (const ChangeSet& cs : loaded.changelog.changesets) {
    out += "-- Changeset " + cs.Identity() + "\n";
    for (const Change& c : cs.changes) render(c, forward.get(), true);
    out += "-- Rollback " + cs.Identity() + "\n";
    auto rb = RollbackChanges(cs, &d);
    if (!rb.ok()) {
      out += "-- ERROR: " + rb.status().message() + "\n";
    } else {
      std::unique_ptr<Catalog> back = catalog_after();
      for (const Change& c : *rb) render(c, back.get(), false);
    }
    out += "\n";
  }
  return out;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) out.push_back(line);
  return out;
}

// A line diff (longest common subsequence): "-" expected, "+" actual.
std::string Diff(const std::string& want, const std::string& got) {
  auto a = Lines(want), b = Lines(got);
  std::vector<std::vector<int>> l(a.size() + 1, std::vector<int>(b.size() + 1));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      l[i][j] = a[i] == b[j] ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
  std::string out;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + a[i] + "\n";
      ++i, ++j;
    } else if (j < b.size() && (i == a.size() || l[i][j + 1] >= l[i + 1][j])) {
      out += "+ " + b[j++] + "\n";
    } else {
      out += "- " + a[i++] + "\n";
    }
  }
  return out;
}

class GoldenTest : public testing::Test {
 public:
  explicit GoldenTest(fs::path yaml) : yaml_(std::move(yaml)) {}
  void TestBody() override {
    std::string text = Slurp(yaml_);
    const char* update = std::getenv("STRATA_UPDATE_GOLDEN");
    for (const Dialect* d : {&PostgresDialect(), &SqliteDialect()}) {
      fs::path expected = yaml_;
      expected.replace_extension(std::string(d->name) + ".sql");
      std::string got = RenderGolden(text, yaml_.filename().string(), *d);
      if (update && std::string(update) == "1") {
        std::ofstream(expected, std::ios::binary) << got;
        continue;
      }
      ASSERT_TRUE(fs::exists(expected))
          << expected << " is missing; run with STRATA_UPDATE_GOLDEN=1";
      std::string want = Slurp(expected);
      EXPECT_EQ(want, got) << expected.filename() << " differs (- expected, + actual):\n"
                           << Diff(want, got);
    }
  }

 private:
  fs::path yaml_;
};

// Registers one test per tests/golden/*.yaml before main runs.
const bool kRegistered = [] {
  fs::path dir = fs::path(STRATA_SOURCE_DIR) / "tests" / "golden";
  std::vector<fs::path> files;
  if (fs::exists(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::string name = f.stem().string();
    std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    testing::RegisterTest("Golden", name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                          [f]() -> testing::Test* { return new GoldenTest(f); });
  }
  return true;
}();

}  // namespace
}  // namespace strata
