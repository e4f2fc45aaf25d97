// The hostile-input catalogue (hostile_inputs.h) on real SQLite files.
#include "hostile_inputs.h"

namespace strata::test {
namespace {

class SqliteTarget : public hostile::Target {
 public:
  SqliteTarget() : path_(TempDir() + "/db.sqlite") {
    auto c = Open(Url());
    EXPECT_TRUE(c && c->Execute("CREATE TABLE canary (id INT, note TEXT)").ok() &&
                c->Execute("INSERT INTO canary VALUES (1, 'alive')").ok());
  }
  std::string Url() const override { return "sqlite:" + path_; }
  // The file's bytes: any statement that ran, even one rolled back into a
  // fresh journal, leaves them different (SQLite bumps its change counter).
  std::string Fingerprint() const override { return ReadFile(path_); }
  bool IsSqlite() const override { return true; }

 private:
  std::string path_;
};

using hostile::Target;
#define SQLITE_TARGET(t) auto t = std::make_unique<SqliteTarget>()
STRATA_HOSTILE_INPUT_TESTS(HostileInputsSqlite, SQLITE_TARGET)

}  // namespace
}  // namespace strata::test
