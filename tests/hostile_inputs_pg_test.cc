// The hostile-input catalogue (hostile_inputs.h) on the real PostgreSQL
// server (STRATA_TEST_PG_URL), one fresh database per test.
#include "hostile_inputs.h"

namespace strata::test {
namespace {

class PgTarget : public hostile::Target {
 public:
  explicit PgTarget(std::string url) : url_(std::move(url)) {
    auto c = Open(url_);
    EXPECT_TRUE(c && c->Execute("CREATE TABLE canary (id INT, note TEXT)").ok() &&
                c->Execute("INSERT INTO canary VALUES (1, 'alive')").ok());
  }
  std::string Url() const override { return url_; }
  // Every relation of the database with its kind, and the canary's rows.
  std::string Fingerprint() const override {
    auto c = Open(url_);
    if (!c) return "";
    std::string out;
    for (const auto& l : QueryLines(*c,
             "SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n "
             "ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', "
             "'information_schema', 'pg_toast') ORDER BY 1, 2"))
      out += l + "\n";
    for (const auto& l : QueryLines(*c, "SELECT id, note FROM canary ORDER BY id"))
      out += l + "\n";
    return out;
  }
  bool IsSqlite() const override { return false; }

 private:
  std::string url_;
};

// Skips (or, under CI=true, fails) without a server, as every _pg_test does.
#define PG_TARGET(t)             \
  STRATA_REQUIRE_PG(t##_url);    \
  auto t = std::make_unique<PgTarget>(t##_url)

using hostile::Target;
STRATA_HOSTILE_INPUT_TESTS(HostileInputsPg, PG_TARGET)

}  // namespace
}  // namespace strata::test
