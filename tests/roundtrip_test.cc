// Round trip: the XML, YAML and JSON forms of one changelog
// (tests/data/roundtrip/<name>.{xml,yaml,json}) load to equal models and
// give identical checksums, as Liquibase's do.
#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "load/changelog_builder.h"
#include "strata/checksum.h"
#include "strata/load.h"

namespace strata {
namespace {

// ---- A model dump: every field of every change through Fields(), without
// source locations, so that two loads compare as text and a mismatch
// prints as a readable diff.

void Line(std::string& out, int depth, std::string_view text) {
  out.append(static_cast<size_t>(depth) * 2, ' ');
  out += text;
  out += '\n';
}

template <typename S>
void DumpStruct(const S& s, int depth, std::string& out);

template <typename M>
void DumpField(std::string_view name, const M& v, int depth, std::string& out) {
  std::string n(name);
  if constexpr (kIsOptString<M>) {
    if (v) Line(out, depth, n + "=\"" + *v + "\"");
  } else if constexpr (std::is_same_v<M, OptBool>) {
    if (v) Line(out, depth, n + "=" + (*v ? "true" : "false"));
  } else if constexpr (kIsOptNumeric<M>) {
    if (v) Line(out, depth, n + "=" + v->text + " (number)");
  } else if constexpr (load::OptionalStruct<M>::value) {
    if (v) {
      Line(out, depth, n + ":");
      DumpStruct(*v, depth + 1, out);
    }
  } else if constexpr (load::StructList<M>::value) {
    for (size_t i = 0; i < v.size(); ++i) {
      Line(out, depth, n + "[" + std::to_string(i) + "]:");
      DumpStruct(v[i], depth + 1, out);
    }
  } else {
    static_assert(sizeof(M) == 0, "model dump: unhandled field type");
  }
}

template <typename S>
void DumpStruct(const S& s, int depth, std::string& out) {
  ForEachField<S>([&](const auto& f) { DumpField(f.name, s.*(f.member), depth, out); });
}

void DumpChanges(const std::vector<Change>& changes, int depth, std::string& out) {
  for (const Change& c : changes) {
    std::visit(
        [&](const auto& change) {
          Line(out, depth, std::string(ChangeName(c)) + ":");
          DumpStruct(change, depth + 1, out);
        },
        c);
  }
}

void DumpPreconditions(const std::vector<Precondition>& list, int depth,
                       std::string& out) {
  for (const Precondition& p : list) {
    Line(out, depth, p.type + ":");
    for (const auto& [k, v] : p.attributes) Line(out, depth + 1, k + "=\"" + v + "\"");
    DumpPreconditions(p.nested, depth + 1, out);
  }
}

void DumpPreconditions(const Preconditions& p, int depth, std::string& out) {
  Line(out, depth, "preConditions:");
  auto opt = [&](std::string_view name, const OptString& v) {
    if (v) Line(out, depth + 1, std::string(name) + "=\"" + *v + "\"");
  };
  opt("onFail", p.on_fail);
  opt("onError", p.on_error);
  opt("onFailMessage", p.on_fail_message);
  opt("onErrorMessage", p.on_error_message);
  opt("onSqlOutput", p.on_sql_output);
  DumpPreconditions(p.conditions, depth + 1, out);
}

// The changelog as text. FILENAME is left out: it names the file, which
// differs by extension; logicalFilePath is kept.
std::string Dump(const DatabaseChangeLog& log) {
  std::string out;
  for (const Preconditions& p : log.preconditions) DumpPreconditions(p, 0, out);
  for (const ChangeSet& cs : log.changesets) {
    Line(out, 0, "changeSet " + cs.id + " by " + cs.author);
    auto opt = [&](std::string_view name, const auto& v) {
      if constexpr (std::is_same_v<std::decay_t<decltype(v)>, OptBool>) {
        if (v) Line(out, 1, std::string(name) + "=" + (*v ? "true" : "false"));
      } else {
        if (v) Line(out, 1, std::string(name) + "=\"" + *v + "\"");
      }
    };
    opt("logicalFilePath", cs.logical_file_path);
    opt("comment", cs.comment);
    opt("context", cs.context);
    opt("labels", cs.labels);
    opt("dbms", cs.dbms);
    opt("created", cs.created);
    opt("runOrder", cs.run_order);
    opt("objectQuotingStrategy", cs.object_quoting_strategy);
    opt("onValidationFail", cs.on_validation_fail);
    opt("runOnChange", cs.run_on_change);
    opt("runAlways", cs.run_always);
    opt("runInTransaction", cs.run_in_transaction);
    opt("failOnError", cs.fail_on_error);
    opt("ignore", cs.ignore);
    for (const auto& v : cs.valid_checksums) Line(out, 1, "validCheckSum=" + v);
    if (cs.preconditions) DumpPreconditions(*cs.preconditions, 1, out);
    DumpChanges(cs.changes, 1, out);
    if (cs.rollback.specified) {
      Line(out, 1, "rollback:");
      DumpChanges(cs.rollback.changes, 2, out);
    }
  }
  return out;
}

std::string DataDir() { return std::string(STRATA_SOURCE_DIR) + "/tests/data/roundtrip"; }

LoadResult LoadData(const std::string& file) {
  LoadOptions opts;
  opts.changelog_file = file;
  opts.search_path = {DataDir()};
  opts.dbms = "postgresql";
  return LoadChangeLog(opts);
}

std::vector<std::string> Checksums(const DatabaseChangeLog& log) {
  std::vector<std::string> out;
  for (const ChangeSet& cs : log.changesets)
    out.push_back(ChangeSetChecksum(cs, "postgresql"));
  return out;
}

std::string Errors(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.errors) out += d.ToString() + "\n";
  return out;
}

class RoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(RoundTrip, XmlYamlAndJsonLoadEqual) {
  const std::string& name = GetParam();
  LoadResult xml = LoadData(name + ".xml");
  ASSERT_TRUE(xml.ok()) << Errors(xml);
  ASSERT_FALSE(xml.changelog.changesets.empty());
  std::string expected = Dump(xml.changelog);
  for (const char* ext : {".yaml", ".json"}) {
    LoadResult other = LoadData(name + ext);
    ASSERT_TRUE(other.ok()) << Errors(other);
    EXPECT_EQ(Dump(other.changelog), expected) << name << ext << " vs .xml";
    EXPECT_EQ(Checksums(other.changelog), Checksums(xml.changelog))
        << name << ext;
  }
}

INSTANTIATE_TEST_SUITE_P(Data, RoundTrip,
                         ::testing::Values("create_table", "all_changes",
                                           "more_changes"));

// The round-trip data covers every change type that loads (customChange is
// refused at load time: load_resources_test; executeCommand runs a program,
// so execute_command_sqlite_test covers it).
TEST(RoundTripCoverage, EveryLoadableChangeType) {
  std::vector<bool> seen(std::variant_size_v<Change>, false);
  for (const char* name : {"create_table.xml", "all_changes.xml", "more_changes.xml",
                           "pro_changes.xml"}) {
    LoadResult r = LoadData(name);
    ASSERT_TRUE(r.ok()) << Errors(r);
    for (const ChangeSet& cs : r.changelog.changesets) {
      for (const Change& c : cs.changes) seen[c.index()] = true;
      for (const Change& c : cs.rollback.changes) seen[c.index()] = true;
    }
  }
  std::vector<std::string> missing;
  for (size_t i = 0; i < seen.size(); ++i) {
    if (seen[i]) continue;
    std::string_view name = std::visit(
        [](const auto& c) { return std::decay_t<decltype(c)>::kName; },
        [&] {
          Change c;
          [&]<size_t... I>(std::index_sequence<I...>) {
            ((I == i ? (void)c.emplace<I>() : (void)0), ...);
          }(std::make_index_sequence<std::variant_size_v<Change>>());
          return c;
        }());
    if (name != "executeCommand" && name != "customChange")
      missing.emplace_back(name);
  }
  EXPECT_EQ(missing, std::vector<std::string>{});
}

// Liquibase's worked example (reference §4.5): the same in all three forms.
TEST(RoundTripChecksum, ReferenceCreateTable) {
  for (const char* ext : {".xml", ".yaml", ".json"}) {
    LoadResult r = LoadData(std::string("create_table") + ext);
    ASSERT_TRUE(r.ok()) << Errors(r);
    EXPECT_EQ(Checksums(r.changelog),
              std::vector<std::string>{"9:c7e301964fcdbeb3bc6509e62a018976"})
        << ext;
  }
}

// The MD5SUMs Liquibase 4.28 writes for all_changes.{xml,yaml,json} (the
// same for all three; offline:postgresql update-sql).
TEST(RoundTripChecksum, AllChangesMatchLiquibase) {
  const std::vector<std::string> liquibase = {
      "9:5ae1ca4ac71ed7262bf2411e3594827f", "9:7a4dca2de400a175867dfc051e03a7b0",
      "9:fbc9d369b75f8b5434e34bd3b5c83f23", "9:5bd75949cf3fb5add7acaa05f4ea2a90",
      "9:909c2f2958dd29ea6c6f22a1142c3270", "9:38bb4793a6a4fbb48375b4027cd6f472",
      "9:06b00adcb80f275e62c4eead4e87d6de"};
  for (const char* ext : {".xml", ".yaml", ".json"}) {
    LoadResult r = LoadData(std::string("all_changes") + ext);
    ASSERT_TRUE(r.ok()) << Errors(r);
    EXPECT_EQ(Checksums(r.changelog), liquibase) << ext;
  }
}

// XML valueNumeric="1.50" keeps its text, YAML 1.50 is the double 1.5: the
// checksums differ, as they do in Liquibase (values from Liquibase 4.28's
// update-sql on these two files).
TEST(RoundTripChecksum, XmlAndYamlNumbersDiffer) {
  LoadResult xml = LoadData("numeric.xml");
  LoadResult yaml = LoadData("numeric.yaml");
  ASSERT_TRUE(xml.ok()) << Errors(xml);
  ASSERT_TRUE(yaml.ok()) << Errors(yaml);
  const auto& xcol = std::get<Insert>(xml.changelog.changesets.at(0).changes.at(0)).columns.at(0);
  const auto& ycol = std::get<Insert>(yaml.changelog.changesets.at(0).changes.at(0)).columns.at(0);
  EXPECT_EQ(xcol.value_numeric, Numeric{"1.50"});
  EXPECT_EQ(ycol.value_numeric, Numeric{"1.5"});
  EXPECT_NE(Checksums(xml.changelog), Checksums(yaml.changelog));
  EXPECT_EQ(Checksums(xml.changelog), std::vector<std::string>{"9:06178402e4e3d45e5f8e529e177079d3"});
  EXPECT_EQ(Checksums(yaml.changelog), std::vector<std::string>{"9:344d2fa9b8d0c91f57ac6f82c3bd44ed"});
}

}  // namespace
}  // namespace strata
