// The libyaml-built tree (load/yaml_tree.h) must read every text as yaml-cpp
// does: same node kinds, scalars, tags and 0-based marks, so that the
// changelog parser and its messages are unchanged by the switch.
#include "load/yaml_tree.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace strata::load::yaml {
namespace {

// Differences between two trees, one per line ("" when equal).
void Diff(Node a, Node b, const std::string& path, std::string* out) {
  auto add = [&](const std::string& what) { *out += path + ": " + what + "\n"; };
  auto kind = [](const Node& n) {
    return n.IsNull() ? "null" : n.IsScalar() ? "scalar" : n.IsMap() ? "map"
           : n.IsSequence() ? "sequence" : "undefined";
  };
  if (std::string(kind(a)) != kind(b)) {
    add(std::string("kind ") + kind(a) + " vs " + kind(b) + " ('" + a.Scalar() + "' vs '" +
        b.Scalar() + "')");
    return;
  }
  if (a.Mark().line != b.Mark().line || a.Mark().column != b.Mark().column)
    add("mark " + std::to_string(a.Mark().line) + ":" + std::to_string(a.Mark().column) +
        " vs " + std::to_string(b.Mark().line) + ":" + std::to_string(b.Mark().column));
  if (a.Scalar() != b.Scalar()) add("scalar '" + a.Scalar() + "' vs '" + b.Scalar() + "'");
  if (!a.IsNull() && a.Tag() != b.Tag()) add("tag '" + a.Tag() + "' vs '" + b.Tag() + "'");
  if (a.size() != b.size()) {
    add("size " + std::to_string(a.size()) + " vs " + std::to_string(b.size()));
    return;
  }
  auto ia = a.begin(), ib = b.begin();
  for (size_t i = 0; ia != a.end(); ++ia, ++ib, ++i) {
    const std::string at = path + "/" + std::to_string(i);
    if (a.IsMap()) {
      Diff(ia->first, ib->first, at + "(key)", out);
      Diff(ia->second, ib->second, at, out);
    } else {
      Diff(*ia, *ib, at, out);
    }
  }
}

// libyaml's tree against yaml-cpp's for `text` ("" when they agree).
std::string Compare(const std::string& text) {
  Document mine, theirs;
  std::string error;
  Mark at;
  if (!mine.Parse(text, &error, &at)) return "libyaml rejected it: " + error;
  theirs.LoadWithYamlCpp(text);
  std::string out;
  Diff(mine.root(), theirs.root(), "", &out);
  return out;
}

TEST(YamlTree, ReadsTrickyTextsAsYamlCppDoes) {
  const char* cases[] = {
      "",
      "# only a comment\n",
      "a:\n",
      "a: 1\n---\nb: 2\n",
      "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author:\n      comment: ~\n"
      "      x: \"null\"\n      y: 'it''s'\n      n: NULL\n      e: !!str 123\n",
      "z: |\n  line1\n  line2\nw: >\n  folded\n  text\nk: |-\n  keep\n",
      "a: &A {b: 1, c: [1, 2]}\nd: *A\n",
      "dup: 1\ndup: 2\n",
      "list:\n- a\n-\n- b: 1\n  c:\n- \n",
      "- changeSet: {id: 2, author: x, changes: [ {sql: {sql: \"select 1\"}} ]}\n",
      "\xef\xbb\xbf" "a:\r\n  b: c\r\n  d:\r\n",
      "{\n\t\"a\": [\n\t\t{\"b\": \"1\", \"c\": null, \"d\": true}\n\t]\n}\n",
      "plain: multi\n  line scalar\nq: \"esc\\taped \\u00e9\"\n",
      "? complex\n: value\n",
  };
  for (const char* text : cases) EXPECT_EQ(Compare(text), "") << "for:\n" << text;
}

TEST(YamlTree, ReadsEveryChangelogOfTheRepositoryAsYamlCppDoes) {
  namespace fs = std::filesystem;
  int files = 0;
  std::vector<fs::path> dirs = {fs::path(STRATA_SOURCE_DIR) / "tests",
                                fs::path(STRATA_SOURCE_DIR) / "changelogs"};
  // The Liquibase test-harness changelogs too, when they are at hand.
  if (const char* harness = std::getenv("STRATA_CONFORMANCE_DIR"); harness && fs::is_directory(harness))
    dirs.push_back(harness);
  for (const fs::path& dir : dirs) {
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
      const fs::directory_entry& e = *it;
      // The fuzz corpora hold alias and nesting bombs on purpose: walking
      // their expansion here would take minutes and gigabytes; the replay
      // tests (fuzz_replay.*) run them through the loader instead.
      if (e.is_directory() && e.path().filename() == "fuzz") {
        it.disable_recursion_pending();
        continue;
      }
      const std::string ext = e.path().extension().string();
      if (ext != ".yaml" && ext != ".yml" && ext != ".json") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      Document probe;
      std::string error;
      Mark at;
      try {
        probe.LoadWithYamlCpp(text.str());
      } catch (const std::exception&) {
        continue;  // malformed on purpose: the loader tests cover the message
      }
      ++files;
      EXPECT_EQ(Compare(text.str()), "") << e.path();
    }
  }
  EXPECT_GE(files, 15);
}

TEST(YamlTree, WhatLibyamlRejectsIsReportedForTheYamlCppFallback) {
  // An empty flow item: libyaml refuses it, yaml-cpp reads a null.
  Document doc;
  std::string error;
  Mark at;
  EXPECT_FALSE(doc.Parse("a: [1, , 2]\n", &error, &at));
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(at.line, 0);
  doc.LoadWithYamlCpp("a: [1, , 2]\n");
  ASSERT_TRUE(doc.root().IsMap());
  EXPECT_EQ(doc.root().begin()->second.size(), 3u);
}

TEST(YamlTree, AliasesShareTheirAnchorAndCyclesAreRefused) {
  Document doc;
  std::string error;
  Mark at;
  ASSERT_TRUE(doc.Parse("a: &x [1, 2]\nb: *x\n", &error, &at)) << error;
  auto it = doc.root().begin();
  Node a = it->second;
  ++it;
  EXPECT_EQ(it->second.size(), 2u);
  EXPECT_EQ(it->second.Mark().line, a.Mark().line);
  EXPECT_FALSE(doc.Parse("a: &x [1, *x]\n", &error, &at));
  EXPECT_FALSE(doc.Parse("a: *nowhere\n", &error, &at));
}

// on_item hands over each item of the root's databaseChangeLog list, in
// order, once complete (what the changelog parser reads on its thread).
TEST(YamlTree, HandsOverEachDatabaseChangeLogItemWhenComplete) {
  const std::string text =
      "other: [1, 2]\n"
      "databaseChangeLog:\n"
      "  - changeSet:\n"
      "      id: 1\n"
      "      changes: [{sql: {sql: a}}, {sql: {sql: b}}]\n"
      "  - plain\n"
      "  -\n"
      "  - &A {x: 1}\n"
      "  - *A\n"
      "  - last:\n"
      "      nested: [3]\n"
      "      empty:\n"
      "tail: [4]\n";
  Document doc;
  std::string error;
  Mark at;
  std::vector<const NodeData*> items;
  std::vector<std::string> seen;  // what each item held when handed over
  ASSERT_TRUE(doc.Parse(text, &error, &at, [&](const NodeData* n) {
    items.push_back(n);
    Node node(n);
    std::string what = node.IsMap() ? "map:" + std::to_string(node.size())
                       : node.IsNull() ? "null" : node.Scalar();
    what += "@" + std::to_string(node.Mark().line) + ":" + std::to_string(node.Mark().column);
    if (node.IsMap() && node.begin()->first.Scalar() == "last") {
      // The missing value's mark is settled before the item is handed over.
      Node last = node.begin()->second;
      for (auto it = last.begin(); it != last.end(); ++it)
        if (it->first.Scalar() == "empty")
          what += " empty@" + std::to_string(it->second.Mark().line) + ":" +
                  std::to_string(it->second.Mark().column);
    }
    seen.push_back(what);
  })) << error;
  EXPECT_EQ(seen, (std::vector<std::string>{"map:1@2:4", "plain@5:4", "null@7:2", "map:1@7:4",
                                            "map:1@7:4", "map:1@9:4 empty@12:0"}));
  // The same nodes the finished tree holds, in order.
  Node list;
  for (auto it = doc.root().begin(); it != doc.root().end(); ++it)
    if (it->first.Scalar() == "databaseChangeLog") list.reset(it->second);
  ASSERT_EQ(list.size(), items.size());
  size_t i = 0;
  for (const auto& item : list) {
    EXPECT_EQ(Node(items[i]).Mark().line, item.Mark().line);
    EXPECT_EQ(Node(items[i]).size(), item.size());
    ++i;
  }
  // Nothing is handed over when the root has no such list.
  Document other;
  int calls = 0;
  ASSERT_TRUE(other.Parse("a:\n  databaseChangeLog: [1, 2]\n", &error, &at,
                          [&](const NodeData*) { ++calls; }));
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace strata::load::yaml
