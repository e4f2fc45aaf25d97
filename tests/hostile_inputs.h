// The catalogue of hostile inputs (issue 6, "Bad input"), run by the strata
// binary against a real database: hostile_inputs_sqlite_test.cc and
// hostile_inputs_pg_test.cc instantiate it for SQLite and PostgreSQL.
//
// Every case runs `strata update` in a child process with a CPU-time limit
// (RLIMIT_CPU) and, outside ASan builds, an address-space limit (RLIMIT_AS),
// and checks its peak resident memory and CPU time from wait4()'s rusage.
// An input that must be refused is refused with a clear message (with
// file:line:col where there is one), exit 1, and the database left exactly
// as it was (a canary table, no tracking tables). An input that is merely
// awkward (quotes, semicolons, comment markers, huge values, SQL in
// property values) is executed, and what it created is read back through an
// independent connection: the text stayed inside its quotes.
#pragma once

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "e2e_util.h"
#include "test_util.h"

#if defined(__SANITIZE_ADDRESS__)
#define STRATA_HOSTILE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STRATA_HOSTILE_ASAN 1
#endif
#endif

namespace strata::test::hostile {

// Limits for one run: generous next to what a real changelog needs, small
// next to what an unbounded expansion would take.
inline constexpr int kCpuSeconds = 30;          // RLIMIT_CPU (hard stop)
inline constexpr long kMaxCpuMillis = 15000;    // asserted from rusage
#ifdef STRATA_HOSTILE_ASAN
inline constexpr long kMaxRssKb = 1536 * 1024;  // ASan's shadow and quarantine
#else
inline constexpr long kMaxRssKb = 512 * 1024;
#endif

struct LimitedRun {
  int exit_code = -1;  // 128 + signal when killed
  std::string out, err;
  long max_rss_kb = 0;
  long cpu_millis = 0;
};

// Runs the strata binary with `args` in `cwd` under the limits above.
LimitedRun RunLimited(const std::vector<std::string>& args,
                      const std::string& cwd,
                      const std::vector<std::string>& env = {});

// What a case leaves on disk before strata runs: file name -> content.
using Files = std::vector<std::pair<std::string, std::string>>;

// A database under test: how to reach it and how to look at it.
class Target {
 public:
  virtual ~Target() = default;
  // The URL strata gets. The database holds one canary table `canary` with
  // one row, and nothing else.
  virtual std::string Url() const = 0;
  // A fingerprint of the whole database (every object and every row of the
  // canary; for SQLite the file's bytes): unchanged means nothing ran.
  virtual std::string Fingerprint() const = 0;
  virtual bool IsSqlite() const = 0;
};

inline const char* kYamlHead = "databaseChangeLog:\n";

std::string Repeat(const std::string& s, size_t n);

// Writes `files` into a fresh folder and runs `strata update` on
// `changelog` there, with --search-path set to that folder.
LimitedRun Update(const Target& target, const Files& files,
                  const std::string& changelog,
                  std::vector<std::string> extra = {},
                  std::string* dir_out = nullptr);

#define STRATA_EXPECT_BOUNDED(run)                                         \
  do {                                                                     \
    EXPECT_LE((run).max_rss_kb, kMaxRssKb) << "peak memory (KiB)";         \
    EXPECT_LE((run).cpu_millis, kMaxCpuMillis) << "CPU time (ms)";         \
    EXPECT_LT((run).exit_code, 128) << "killed: " << (run).err;            \
  } while (0)

// A refused input: exit 1, every `needles` in stderr, bounded, and the
// database untouched.
void ExpectRefused(const Target& target, const Files& files,
                   const std::string& changelog,
                   const std::vector<std::string>& needles,
                   std::vector<std::string> extra = {});

// Files in sp/ (the search path) hold the changelogs.
inline std::string Sp(const std::string& name) { return "sp/" + name; }

std::string DeepYaml(size_t depth);

// Nine levels of ten aliases each: 10^9 nodes when expanded.
std::string YamlAliasBomb();

inline std::string XmlHead() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}
std::string XmlRoot(const std::string& body);

inline std::string ChangeSetYaml(const std::string& id, const std::string& changes) {
  return "  - changeSet:\n      id: " + id + "\n      author: hostile\n      changes:\n" + changes;
}

// ---- inputs that must be refused ----------------------------------------

void DeeplyNestedYaml(const Target& t);

void DeeplyNestedJson(const Target& t);

void DeeplyNestedXml(const Target& t);

// Anchors and aliases: yaml-cpp shares aliased nodes, the reader must not
// expand 10^9 of them wherever the alias is used.
void YamlAliasBomb(const Target& t);

// The classic billion laughs, and an external entity: any DOCTYPE that
// declares entities is refused before anything is read or expanded.
void XmlEntityExpansion(const Target& t);

void InvalidUtf8(const Target& t);

void NulBytes(const Target& t);

void CyclicIncludes(const Target& t);

// Liquibase 4.28's --search-path rules (checked on the real tool): an
// absolute include outside every search folder is not found ("The file
// /x/o.yaml was not found in the configured search path"), nor is an
// absolute includeAll folder (so `path: /` walks nothing); a relative
// `../x` from a search folder is allowed and recorded as `../x`.
void IncludesOutsideTheSearchPath(const Target& t);

// Properties that double each other level by level: 20 levels of a 16 KiB
// value would be 16 GiB of text; 40 levels of values that expand to nothing
// would be 2^40 lookups.
std::string DoublingProperties(const std::string& p0, int levels);

void PropertyExpansionBomb(const Target& t);

// ---- inputs that must run, with their text kept inside its quotes --------

// A YAML double-quoted scalar holding `s` exactly.
std::string YamlQuote(const std::string& s);

// SQL text of an identifier or literal, for the test's own read-back
// queries (independent of the writer under test).
std::string QuoteId(const std::string& s);
std::string QuoteLit(const std::string& s);

const std::vector<std::string>& NastyValues();

inline const char* kNastyTable = "t\"x;--y/*z*/";
inline const char* kNastyKey = "k'1;--";
inline const char* kNastyValue = "v\"2/*";
inline const char* kNastyExtra = "e;-- DROP TABLE canary";
inline const char* kNastyDefault = "d'); DROP TABLE canary; --";

std::vector<std::string> ColumnsOf(Connection& c, const Target& t,
                                   const std::string& table);

std::string Canary(const Target& t);

void QuotesSemicolonsAndCommentMarkersStayQuoted(const Target& t);

// Property values are text: one that tries to end its literal or its
// identifier lands in the database as written.
void PropertyValuesCannotInjectSql(const Target& t);

// An 8 MiB value goes in whole, in bounded memory.
void HugeScalarIsStoredWhole(const Target& t);

// A DOCTYPE naming an external DTD (no internal declarations) is read
// without ever opening it: the entity it would define stays as written.
void ExternalDtdIsNeverRead(const Target& t);
}  // namespace strata::test::hostile

// Defines the catalogue's tests in `suite`. `setup(t)` is a macro that
// declares `t`, a std::unique_ptr<Target> on a fresh database (it may
// GTEST_SKIP first).
#define STRATA_HOSTILE_INPUT_TESTS(suite, setup)                                  \
  TEST(suite, DeeplyNestedYamlIsRefused) { setup(t); hostile::DeeplyNestedYaml(*t); } \
  TEST(suite, DeeplyNestedJsonIsRefused) { setup(t); hostile::DeeplyNestedJson(*t); } \
  TEST(suite, DeeplyNestedXmlIsRefused) { setup(t); hostile::DeeplyNestedXml(*t); }   \
  TEST(suite, YamlAliasBombIsRefusedQuickly) { setup(t); hostile::YamlAliasBomb(*t); } \
  TEST(suite, XmlEntityExpansionIsRefused) { setup(t); hostile::XmlEntityExpansion(*t); } \
  TEST(suite, InvalidUtf8IsRefusedWithItsPlace) { setup(t); hostile::InvalidUtf8(*t); } \
  TEST(suite, NulBytesAreRefusedWithTheirPlace) { setup(t); hostile::NulBytes(*t); } \
  TEST(suite, CyclicIncludesAreRefused) { setup(t); hostile::CyclicIncludes(*t); } \
  TEST(suite, IncludesOutsideTheSearchPathFollowLiquibase) {                    \
    setup(t); hostile::IncludesOutsideTheSearchPath(*t); }                      \
  TEST(suite, PropertyExpansionBombIsRefused) { setup(t); hostile::PropertyExpansionBomb(*t); } \
  TEST(suite, QuotesSemicolonsAndCommentMarkersStayQuoted) {                    \
    setup(t); hostile::QuotesSemicolonsAndCommentMarkersStayQuoted(*t); }  \
  TEST(suite, PropertyValuesCannotInjectSql) { setup(t); hostile::PropertyValuesCannotInjectSql(*t); } \
  TEST(suite, HugeScalarIsStoredWhole) { setup(t); hostile::HugeScalarIsStoredWhole(*t); } \
  TEST(suite, ExternalDtdIsNeverRead) { setup(t); hostile::ExternalDtdIsNeverRead(*t); }
