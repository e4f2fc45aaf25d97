// --url parsing, redaction, and that no message ever carries a password.

#include "strata/connection.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <string>

#include "exec/connection_internal.h"
#include "test_util.h"

namespace strata {
namespace {

// Reads back the key='value' conninfo ParseUrl builds.
std::map<std::string, std::string> Conninfo(const std::string& s) {
  std::map<std::string, std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t eq = s.find('=', i);
    if (eq == std::string::npos) break;
    std::string key = s.substr(i, eq - i);
    i = eq + 1;
    EXPECT_EQ(s[i], '\'') << s;
    ++i;
    std::string value;
    while (i < s.size() && s[i] != '\'') {
      if (s[i] == '\\') ++i;
      value += s[i++];
    }
    ++i;
    out[key] = value;
  }
  return out;
}

ConnectionSpec Parse(const std::string& url, const std::string& user = "",
                     const std::string& password = "") {
  auto spec = ParseUrl(url, user, password);
  EXPECT_TRUE(spec.ok()) << url << ": " << spec.status().message();
  return spec.ok() ? *spec : ConnectionSpec{};
}

Status ParseError(const std::string& url) {
  auto spec = ParseUrl(url, "", "");
  EXPECT_FALSE(spec.ok()) << url << " parsed as " << spec->conninfo;
  return spec.ok() ? Status::Ok() : spec.status();
}

TEST(ParseUrlTest, PostgresqlUri) {
  ConnectionSpec spec = Parse(
      "postgresql://alice:s3cret@db.example.com:5433/app?sslmode=require");
  EXPECT_EQ(spec.kind, ConnectionSpec::Kind::kPostgres);
  ASSERT_NE(spec.dialect, nullptr);
  EXPECT_EQ(spec.dialect->engine, Engine::kPostgres);
  auto ci = Conninfo(spec.conninfo);
  EXPECT_EQ(ci["user"], "alice");
  EXPECT_EQ(ci["password"], "s3cret");
  EXPECT_EQ(ci["host"], "db.example.com");
  EXPECT_EQ(ci["port"], "5433");
  EXPECT_EQ(ci["dbname"], "app");
  EXPECT_EQ(ci["sslmode"], "require");
  EXPECT_EQ(spec.redacted,
            "postgresql://alice:*****@db.example.com:5433/app?sslmode=require");
}

TEST(ParseUrlTest, PostgresSchemeAndMinimalForms) {
  auto ci = Conninfo(Parse("postgres://localhost/db").conninfo);
  EXPECT_EQ(ci["host"], "localhost");
  EXPECT_EQ(ci["dbname"], "db");
  EXPECT_EQ(ci.count("port"), 0u);
  EXPECT_EQ(ci.count("password"), 0u);

  EXPECT_EQ(Parse("postgresql://").conninfo, "");
  ci = Conninfo(Parse("postgresql:///db?host=/var/run/postgresql").conninfo);
  EXPECT_EQ(ci["host"], "/var/run/postgresql");
  EXPECT_EQ(ci["dbname"], "db");
  ci = Conninfo(Parse("POSTGRESQL://u@h").conninfo);
  EXPECT_EQ(ci["user"], "u");
  EXPECT_EQ(ci["host"], "h");
}

TEST(ParseUrlTest, UsernameAndPasswordOverrideTheUrl) {
  ConnectionSpec spec = Parse("postgresql://alice:old@h:5432/db", "bob", "n3w");
  auto ci = Conninfo(spec.conninfo);
  EXPECT_EQ(ci["user"], "bob");
  EXPECT_EQ(ci["password"], "n3w");
  EXPECT_EQ(spec.redacted, "postgresql://alice:*****@h:5432/db");

  ci = Conninfo(
      Parse("jdbc:postgresql://h/db?user=a&password=b", "c", "dd").conninfo);
  EXPECT_EQ(ci["user"], "c");
  EXPECT_EQ(ci["password"], "dd");
}

TEST(ParseUrlTest, PercentEncodingAndQuoting) {
  ConnectionSpec spec =
      Parse("postgresql://us%40er:p%40ss%2Fw%3F%27%5C@h/my%20db");
  auto ci = Conninfo(spec.conninfo);
  EXPECT_EQ(ci["user"], "us@er");
  EXPECT_EQ(ci["password"], "p@ss/w?'\\");
  EXPECT_EQ(ci["dbname"], "my db");
  EXPECT_EQ(spec.redacted, "postgresql://us%40er:*****@h/my%20db");
  // An unencoded '@' inside the user information is unambiguous: the last
  // '@' before the host ends it.
  spec = Parse("postgresql://u:p@ss@h/db");
  EXPECT_EQ(Conninfo(spec.conninfo)["password"], "p@ss");
  EXPECT_EQ(Conninfo(spec.conninfo)["host"], "h");
  EXPECT_EQ(spec.redacted, "postgresql://u:*****@h/db");
}

TEST(ParseUrlTest, IPv6AndSeveralHosts) {
  auto ci = Conninfo(Parse("postgresql://[::1]:6543/db").conninfo);
  EXPECT_EQ(ci["host"], "::1");
  EXPECT_EQ(ci["port"], "6543");
  ci = Conninfo(Parse("postgresql://h1:5432,h2,[fe80::1]:5434/db").conninfo);
  EXPECT_EQ(ci["host"], "h1,h2,fe80::1");
  EXPECT_EQ(ci["port"], "5432,,5434");
}

TEST(ParseUrlTest, LibpqQueryParameters) {
  auto ci = Conninfo(
      Parse("postgresql://h/db?connect_timeout=3&application_name=x&ssl=true")
          .conninfo);
  EXPECT_EQ(ci["connect_timeout"], "3");
  EXPECT_EQ(ci["application_name"], "x");
  EXPECT_EQ(ci["sslmode"], "require");
  // Query parameters override the authority, as in libpq.
  ci = Conninfo(Parse("postgresql://u:p@h/db?user=v&password=q").conninfo);
  EXPECT_EQ(ci["user"], "v");
  EXPECT_EQ(ci["password"], "q");

  Status s = ParseError("postgresql://h/db?frobnicate=1");
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("frobnicate"), std::string::npos) << s.message();
  EXPECT_EQ(ParseError("postgresql://h/db?novalue").code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(ParseError("postgresql://h:54x2/db").code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(ParseError("postgresql://h/d%zzb").code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(ParseError("postgresql://[::1/db").code(),
            Status::Code::kInvalidInput);
}

TEST(ParseUrlTest, JdbcPostgresql) {
  ConnectionSpec spec = Parse(
      "jdbc:postgresql://localhost:5432/lbcat?user=lbuser&password=LbPass123"
      "&ssl=true&prepareThreshold=0&ApplicationName=my+app&currentSchema=s1"
      "&connectTimeout=7&targetServerType=primary&tcpKeepAlive=true");
  EXPECT_EQ(spec.kind, ConnectionSpec::Kind::kPostgres);
  EXPECT_EQ(spec.dialect->engine, Engine::kPostgres);
  auto ci = Conninfo(spec.conninfo);
  EXPECT_EQ(ci["host"], "localhost");
  EXPECT_EQ(ci["port"], "5432");
  EXPECT_EQ(ci["dbname"], "lbcat");
  EXPECT_EQ(ci["user"], "lbuser");
  EXPECT_EQ(ci["password"], "LbPass123");
  EXPECT_EQ(ci["sslmode"], "require");
  EXPECT_EQ(ci["application_name"], "my app");
  EXPECT_EQ(ci["options"], "-c search_path=s1");
  EXPECT_EQ(ci["connect_timeout"], "7");
  EXPECT_EQ(ci["target_session_attrs"], "primary");
  EXPECT_EQ(ci["keepalives"], "1");
  EXPECT_EQ(ci.count("prepareThreshold"), 0u);
  EXPECT_EQ(ci.size(), 11u) << spec.conninfo;
  EXPECT_EQ(
      spec.redacted,
      "jdbc:postgresql://localhost:5432/lbcat?user=lbuser&password=*****"
      "&ssl=true&prepareThreshold=0&ApplicationName=my+app&currentSchema=s1"
      "&connectTimeout=7&targetServerType=primary&tcpKeepAlive=true");
}

TEST(ParseUrlTest, JdbcPostgresqlShortFormsDefaultToLocalhost) {
  auto ci = Conninfo(Parse("jdbc:postgresql:mydb").conninfo);
  EXPECT_EQ(ci["host"], "localhost");
  EXPECT_EQ(ci["dbname"], "mydb");
  ci = Conninfo(Parse("jdbc:postgresql:/?user=u").conninfo);
  EXPECT_EQ(ci["host"], "localhost");
  EXPECT_EQ(ci.count("dbname"), 0u);
  EXPECT_EQ(ci["user"], "u");
  ci = Conninfo(Parse("jdbc:postgresql://:6000/db").conninfo);
  EXPECT_EQ(ci["host"], "localhost");
  EXPECT_EQ(ci["port"], "6000");
  ci = Conninfo(
      Parse("jdbc:postgresql://h/db?sslmode=verify-full&ssl=true").conninfo);
  EXPECT_EQ(ci["sslmode"], "verify-full");
  EXPECT_EQ(ParseError("jdbc:postgresql://h/db?targetServerType=nope").code(),
            Status::Code::kInvalidInput);
}

TEST(ParseUrlTest, Sqlite) {
  ConnectionSpec spec = Parse("sqlite:example.db");
  EXPECT_EQ(spec.kind, ConnectionSpec::Kind::kSqlite);
  EXPECT_EQ(spec.dialect->engine, Engine::kSqlite);
  EXPECT_EQ(spec.path, "example.db");
  EXPECT_EQ(spec.redacted, "sqlite:example.db");
  EXPECT_EQ(Parse("sqlite:/tmp/a b/x.db").path, "/tmp/a b/x.db");
  spec = Parse("jdbc:sqlite:data/app.db?journal_mode=WAL");
  EXPECT_EQ(spec.kind, ConnectionSpec::Kind::kSqlite);
  EXPECT_EQ(spec.path, "data/app.db");
  EXPECT_EQ(ParseError("sqlite:").code(), Status::Code::kInvalidInput);
  EXPECT_EQ(ParseError("jdbc:sqlite:").code(), Status::Code::kInvalidInput);
}

TEST(ParseUrlTest, Offline) {
  ConnectionSpec spec = Parse("offline:postgresql");
  EXPECT_EQ(spec.kind, ConnectionSpec::Kind::kOffline);
  EXPECT_EQ(spec.dialect->engine, Engine::kPostgres);
  spec = Parse("offline:sqlite?version=3.40&outputLiquibaseSql=true");
  EXPECT_EQ(spec.kind, ConnectionSpec::Kind::kOffline);
  EXPECT_EQ(spec.dialect->engine, Engine::kSqlite);
  EXPECT_EQ(spec.snapshot, "");
  spec = Parse("offline:postgresql?version=15&snapshot=snaps/db.json&caseSensitive=true");
  EXPECT_EQ(spec.snapshot, "snaps/db.json");
  EXPECT_EQ(Parse("offline:mariadb?SNAPSHOT=/abs/s.json").snapshot, "/abs/s.json");
  spec = Parse("offline:mysql");
  EXPECT_EQ(spec.kind, ConnectionSpec::Kind::kOffline);
  EXPECT_EQ(spec.dialect->engine, Engine::kMysql);
  EXPECT_EQ(Parse("OFFLINE:MariaDB").dialect->engine, Engine::kMariadb);
  Status s = ParseError("offline:oracle");
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("offline:postgresql"), std::string::npos);
  EXPECT_NE(s.message().find("offline:mysql"), std::string::npos);

  auto conn = Connect(Parse("offline:postgresql"));
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(conn.status().message().find("offline URLs do not connect"),
            std::string::npos);
}

TEST(ParseUrlTest, MysqlExecutionIsNotSupportedYet) {
  for (const char* url : {"mysql://root:hunter22@h/db?password=hunter22",
                          "jdbc:mysql://h/db", "jdbc:mariadb://h/db",
                          "mariadb://h/db"}) {
    Status s = ParseError(url);
    EXPECT_EQ(s.code(), Status::Code::kUnsupported) << url;
    EXPECT_NE(s.message().find("not supported yet"), std::string::npos)
        << s.message();
    EXPECT_EQ(s.message().find("hunter22"), std::string::npos) << s.message();
  }
  EXPECT_NE(ParseError("mysql://root:hunter22@h/db?password=hunter22")
                .message()
                .find("mysql://root:*****@h/db?password=*****"),
            std::string::npos);
}

TEST(ParseUrlTest, UnknownSchemeNamesRedactedUrlAndAcceptedForms) {
  Status s = ParseError("oracle://root:hunter22@h/db?password=hunter22");
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message().find("hunter22"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("oracle://root:*****@h/db?password=*****"),
            std::string::npos)
      << s.message();
  for (const char* form : {"postgresql://", "jdbc:postgresql://", "sqlite:PATH",
                           "jdbc:sqlite:PATH", "offline:postgresql"})
    EXPECT_NE(s.message().find(form), std::string::npos) << form;
  EXPECT_EQ(ParseError("").code(), Status::Code::kInvalidInput);
  EXPECT_EQ(ParseError("jdbc:oracle:thin:@h:1521/db").code(),
            Status::Code::kInvalidInput);
}

TEST(ParseUrlTest, UnencodedSlashOrQuestionMarkInPasswordIsRejectedUnseen) {
  for (const char* url :
       {"postgresql://u:Qz/cdXYZ@h/db", "postgresql://u:Qz?cdXYZ@h/db",
        "jdbc:postgresql://u:Qz/cdXYZ@h/db", "postgresql://u:QzcdXYZ@h/d@b"}) {
    Status s = ParseError(url);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
    EXPECT_EQ(s.message().find("cdXYZ"), std::string::npos) << s.message();
    EXPECT_EQ(s.message().find("Qz"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("%40"), std::string::npos) << s.message();
  }
}

TEST(RedactUrlTest, Forms) {
  using exec_detail::RedactUrl;
  EXPECT_EQ(RedactUrl("postgresql://u:p@h:1/d"), "postgresql://u:*****@h:1/d");
  EXPECT_EQ(RedactUrl("postgresql://u@h:1/d"), "postgresql://u@h:1/d");
  EXPECT_EQ(RedactUrl("postgresql://h:1/d"), "postgresql://h:1/d");
  EXPECT_EQ(RedactUrl("postgresql://u:@h/d"), "postgresql://u:*****@h/d");
  EXPECT_EQ(RedactUrl("postgresql://u:p@[::1]:5432/d"),
            "postgresql://u:*****@[::1]:5432/d");
  EXPECT_EQ(RedactUrl("postgresql://u:a/b?c@h/d"), "postgresql://u:*****@h/d");
  EXPECT_EQ(
      RedactUrl("jdbc:postgresql://h/d?user=u&Password=x&sslpassword=y&a=b"),
      "jdbc:postgresql://h/d?user=u&Password=*****&sslpassword=*****&a=b");
  EXPECT_EQ(RedactUrl("jdbc:postgresql:d?password=x"),
            "jdbc:postgresql:d?password=*****");
  EXPECT_EQ(RedactUrl("sqlite:x.db"), "sqlite:x.db");
  EXPECT_EQ(RedactUrl("offline:postgresql?version=15"),
            "offline:postgresql?version=15");
}

TEST(HelpersTest, ScrubAndPositions) {
  using exec_detail::Scrub;
  EXPECT_EQ(Scrub("a secret and secret", "secret"), "a ***** and *****");
  EXPECT_EQ(Scrub("abc", "b"), "abc");
  EXPECT_EQ(Scrub("abc", ""), "abc");
  EXPECT_EQ(exec_detail::LineColumn("SELECT\n  x", 9), "line 2, column 3");
  EXPECT_EQ(exec_detail::LineColumn("é x", 3), "line 1, column 3");  // x
  EXPECT_EQ(exec_detail::ByteOffsetOfChar("é x", 3), 3u);
  EXPECT_EQ(exec_detail::ByteOffsetOfChar("abc", 9), 3u);
}

// Nothing listens on port 1; libpq's error must not carry the password
// whichever way it was given.
TEST(ConnectTest, PasswordNeverInConnectionErrors) {
  const std::string secret = "Sup3rSecretPw";
  struct Case {
    std::string url, user, password;
  };
  for (const Case& c : {
           Case{"postgresql://strata:" + secret + "@127.0.0.1:1/db", "", ""},
           Case{"postgresql://127.0.0.1:1/db", "strata", secret},
           Case{"postgresql://127.0.0.1:1/db?password=" + secret, "", ""},
           Case{"jdbc:postgresql://127.0.0.1:1/db?user=x&password=" + secret,
                "", ""},
           Case{"postgresql://strata:" + secret +
                    "@127.0.0.1:1/db?connect_timeout=2",
                "", secret},
       }) {
    auto spec = ParseUrl(c.url, c.user, c.password);
    ASSERT_TRUE(spec.ok()) << spec.status().message();
    EXPECT_EQ(spec->redacted.find(secret), std::string::npos) << spec->redacted;
    auto conn = Connect(*spec);
    ASSERT_FALSE(conn.ok());
    const std::string& msg = conn.status().message();
    EXPECT_EQ(conn.status().code(), Status::Code::kDatabase);
    EXPECT_EQ(msg.find(secret), std::string::npos) << msg;
    EXPECT_EQ(msg.rfind("cannot connect to " + spec->redacted + ": ", 0), 0u)
        << msg;
  }
}

// strata opens a server while it loads the changelog. A server that takes
// the connection and never answers (a socket here that listens and never
// accepts) must not hold back a changelog error: reported, exit 1, at once
// (the child's alarm only guards against a hang). With a good changelog the
// connection's own error comes, once connect_timeout has passed.
TEST(ConnectTest, ChangelogErrorsDoNotWaitForASilentServer) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 16), 0);
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  const std::string url =
      "--url=postgresql://u:pw@127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/db";
  std::string dir = test::TempDir();
  test::WriteFile(dir, "bad.yaml",
                  "databaseChangeLog:\n"
                  "  - changeSet: {id: 1, author: a, changes: [{nosuch: {}}]}\n");
  test::WriteFile(dir, "good.yaml",
                  "databaseChangeLog:\n"
                  "  - changeSet: {id: 1, author: a, changes: [{sql: {sql: select 1}}]}\n");
  auto guard = [] { alarm(60); };
  for (const char* command : {"status", "update", "validate"}) {
    test::CmdResult r = test::RunStrataWith({"--changelog-file=bad.yaml", url, command}, dir,
                                            {}, guard, nullptr);
    EXPECT_EQ(r.exit_code, 1) << command << r.err;
    EXPECT_NE(r.err.find("bad.yaml:2:"), std::string::npos) << command << r.err;
    EXPECT_EQ(r.err.find("cannot connect"), std::string::npos) << command << r.err;
  }
  test::CmdResult r = test::RunStrataWith(
      {"--changelog-file=good.yaml", url + "?connect_timeout=1", "status"}, dir, {}, guard,
      nullptr);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("cannot connect to postgresql://u:*****@127.0.0.1:"), std::string::npos)
      << r.err;
  close(fd);
}

}  // namespace
}  // namespace strata
