// --url parsing. Every PostgreSQL form ends up as one libpq keyword/value
// conninfo string, so Connect() has a single path and --username/--password
// can override what the URL says without string surgery on a URI.
//
// No message built here echoes a value from the URL except through the
// redacted URL: a password with an unencoded '/', '?' or '@' would otherwise
// leak into a host name or a port in an error.

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exec/connection_internal.h"
#include "strata/connection.h"
#include "strata/dialect.h"
#include "util/strings.h"

namespace strata {
namespace {

using util::Lower;

constexpr std::string_view kMask = "*****";
constexpr std::string_view kAcceptedForms =
    "postgresql://[user[:password]@]host[:port][/database][?param=value&...], "
    "postgres://..., "
    "jdbc:postgresql://host[:port]/database[?user=...&password=...], "
    "sqlite:PATH, jdbc:sqlite:PATH, offline:postgresql, offline:sqlite, "
    "offline:mysql or offline:mariadb";

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         Lower(s.substr(0, prefix.size())) == prefix;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoding; `plus_is_space` follows java.net.URLDecoder, which pgjdbc
// uses for query values. False on a malformed escape.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return true;
}

// Ordered libpq keyword/value pairs; Set replaces an earlier value.
class Params {
 public:
  void Set(const std::string& key, std::string value) {
    for (auto& [k, v] : kv_) {
      if (k == key) {
        v = std::move(value);
        return;
      }
    }
    kv_.emplace_back(key, std::move(value));
  }
  const std::string* Get(const std::string& key) const {
    for (const auto& [k, v] : kv_)
      if (k == key) return &v;
    return nullptr;
  }
  // key='value' ..., with ' and \ escaped as libpq's conninfo grammar wants.
  std::string ToConninfo() const {
    std::string out;
    for (const auto& [k, v] : kv_) {
      if (v.empty()) continue;
      if (!out.empty()) out += ' ';
      out += k;
      out += "='";
      for (char c : v) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
      }
      out += '\'';
    }
    return out;
  }

 private:
  std::vector<std::pair<std::string, std::string>> kv_;
};

Status Invalid(const std::string& redacted, std::string_view why) {
  return Status::InvalidInput("invalid URL " + redacted + ": " +
                              std::string(why));
}

// The pieces of scheme://[user[:password]@]host[:port][,host[:port]...]
// [/database][?key=value&...], decoded.
struct UriParts {
  std::string user;
  std::string password;
  bool has_user = false;
  bool has_password = false;
  std::vector<std::string> hosts;
  std::vector<std::string> ports;
  std::string dbname;
  std::vector<std::pair<std::string, std::string>> query;
};

// `rest` is what follows "//".
Status SplitUri(std::string_view rest, bool jdbc, const std::string& redacted,
                UriParts* out) {
  size_t auth_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, auth_end);
  if (auth_end != std::string_view::npos &&
      rest.find('@', auth_end) != std::string_view::npos) {
    return Invalid(redacted,
                   "'@' may appear only between the user information and the "
                   "host; percent-encode '@' elsewhere as %40, and '/' and "
                   "'?' in user names and passwords as %2F and %3F");
  }
  size_t at = authority.rfind('@');
  std::string_view hostpart = authority;
  if (at != std::string_view::npos) {
    std::string_view userinfo = authority.substr(0, at);
    hostpart = authority.substr(at + 1);
    size_t colon = userinfo.find(':');
    if (!PercentDecode(userinfo.substr(0, colon), false, &out->user))
      return Invalid(redacted, "malformed %-escape in the user name");
    out->has_user = !out->user.empty();
    if (colon != std::string_view::npos) {
      if (!PercentDecode(userinfo.substr(colon + 1), false, &out->password))
        return Invalid(redacted, "malformed %-escape in the password");
      out->has_password = true;
    }
  }
  if (!hostpart.empty()) {
    size_t start = 0;
    while (true) {
      size_t comma = hostpart.find(',', start);
      std::string_view spec = hostpart.substr(
          start, comma == std::string_view::npos ? std::string_view::npos
                                                 : comma - start);
      std::string_view host = spec, port;
      if (!spec.empty() && spec.front() == '[') {
        size_t close = spec.find(']');
        if (close == std::string_view::npos)
          return Invalid(redacted, "'[' without ']' around an IPv6 address");
        host = spec.substr(1, close - 1);
        std::string_view after = spec.substr(close + 1);
        if (!after.empty()) {
          if (after.front() != ':')
            return Invalid(redacted, "unexpected text after ']'");
          port = after.substr(1);
        }
      } else if (size_t colon = spec.rfind(':');
                 colon != std::string_view::npos) {
        host = spec.substr(0, colon);
        port = spec.substr(colon + 1);
      }
      if (!std::all_of(port.begin(), port.end(),
                       [](char c) { return c >= '0' && c <= '9'; }))
        return Invalid(redacted, "a port must be a number");
      std::string decoded;
      if (!PercentDecode(host, false, &decoded))
        return Invalid(redacted, "malformed %-escape in a host name");
      out->hosts.push_back(std::move(decoded));
      out->ports.emplace_back(port);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
  if (auth_end == std::string_view::npos) return Status::Ok();
  std::string_view tail = rest.substr(auth_end);
  size_t q = tail.find('?');
  std::string_view path = tail.substr(0, q);
  if (!path.empty()) {  // starts with '/'
    if (!PercentDecode(path.substr(1), jdbc, &out->dbname))
      return Invalid(redacted, "malformed %-escape in the database name");
  }
  if (q == std::string_view::npos) return Status::Ok();
  std::string_view query = tail.substr(q + 1);
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    std::string_view item = query.substr(start, amp == std::string_view::npos
                                                    ? std::string_view::npos
                                                    : amp - start);
    if (!item.empty()) {
      size_t eq = item.find('=');
      if (eq == std::string_view::npos)
        return Invalid(redacted, "a query parameter without '=' (key=value)");
      std::string key, value;
      if (!PercentDecode(item.substr(0, eq), jdbc, &key) ||
          !PercentDecode(item.substr(eq + 1), jdbc, &value))
        return Invalid(redacted, "malformed %-escape in a query parameter");
      out->query.emplace_back(std::move(key), std::move(value));
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return Status::Ok();
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += items[i];
  }
  return out;
}

void SetHostsAndPorts(const UriParts& parts, Params* params) {
  bool any_host = std::any_of(parts.hosts.begin(), parts.hosts.end(),
                              [](const std::string& h) { return !h.empty(); });
  bool any_port = std::any_of(parts.ports.begin(), parts.ports.end(),
                              [](const std::string& p) { return !p.empty(); });
  // libpq wants one entry per host in each list; an empty entry means the
  // default (a Unix socket for a host, 5432 for a port).
  if (any_host) params->Set("host", Join(parts.hosts));
  if (any_port) params->Set("port", Join(parts.ports));
}

void SetUserinfo(const UriParts& parts, Params* params) {
  if (parts.has_user) params->Set("user", parts.user);
  if (parts.has_password) params->Set("password", parts.password);
}

const std::set<std::string>& LibpqKeywords() {
  static const auto* keywords = [] {
    auto* set = new std::set<std::string>();
    if (PQconninfoOption* opts = PQconndefaults()) {
      for (PQconninfoOption* o = opts; o->keyword; ++o) set->insert(o->keyword);
      PQconninfoFree(opts);
    }
    return set;
  }();
  return *keywords;
}

// postgresql://… and postgres://…, with libpq's own query parameters.
Status ParsePostgresUri(std::string_view rest, const std::string& redacted,
                        Params* params) {
  UriParts parts;
  if (Status s = SplitUri(rest, false, redacted, &parts); !s.ok()) return s;
  SetUserinfo(parts, params);
  SetHostsAndPorts(parts, params);
  if (!parts.dbname.empty()) params->Set("dbname", parts.dbname);
  for (const auto& [key, value] : parts.query) {
    if (key == "ssl") {
      // libpq's own JDBC compatibility: ssl=true means sslmode=require.
      if (value != "true")
        return Invalid(redacted, "ssl= accepts only true (or use sslmode=)");
      params->Set("sslmode", "require");
      continue;
    }
    if (!LibpqKeywords().count(key))
      return Invalid(redacted, "unknown connection parameter '" + key + "'");
    params->Set(key, value);
  }
  return Status::Ok();
}

// Backslash-escapes what libpq's `options` splits on.
std::string EscapeOption(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == ' ' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// pgjdbc's property names (case-insensitively) mapped to libpq keywords.
// Properties that only tune the Java driver (prepareThreshold,
// socketTimeout, reWriteBatchedInserts, ...) have no libpq counterpart and
// are ignored: they change nothing about which server or database is used.
Status ApplyJdbcQuery(const UriParts& parts, const std::string& redacted,
                      Params* params) {
  std::vector<std::pair<std::string, std::string>> q;
  for (const auto& [k, v] : parts.query) q.emplace_back(Lower(k), v);
  auto find = [&](std::string_view key) -> const std::string* {
    const std::string* found = nullptr;
    for (const auto& [k, v] : q)
      if (k == key) found = &v;  // the last one wins, as in pgjdbc
    return found;
  };
  static const std::pair<std::string_view, std::string_view> kSame[] = {
      {"user", "user"},
      {"password", "password"},
      {"sslmode", "sslmode"},
      {"sslcert", "sslcert"},
      {"sslkey", "sslkey"},
      {"sslrootcert", "sslrootcert"},
      {"sslpassword", "sslpassword"},
      {"applicationname", "application_name"},
      {"gssencmode", "gssencmode"},
      {"channelbinding", "channel_binding"},
      {"kerberosservername", "krbsrvname"},
  };
  for (const auto& [jdbc, libpq] : kSame)
    if (const std::string* v = find(jdbc)) params->Set(std::string(libpq), *v);

  if (const std::string* v = find("ssl"); v && !find("sslmode")) {
    // Same choice as libpq's URI parser makes for ssl=true.
    std::string b = Lower(*v);
    if (b == "true" || b.empty())
      params->Set("sslmode", "require");
    else if (b == "false")
      params->Set("sslmode", "disable");
    else
      return Invalid(redacted, "ssl= accepts true or false");
  }
  const std::string* timeout = find("connecttimeout");
  if (!timeout) timeout = find("logintimeout");
  if (timeout) {
    if (timeout->empty() ||
        !std::all_of(timeout->begin(), timeout->end(),
                     [](char c) { return c >= '0' && c <= '9'; }))
      return Invalid(redacted, "connectTimeout must be a number of seconds");
    params->Set("connect_timeout", *timeout);
  }
  if (const std::string* v = find("tcpkeepalive")) {
    std::string b = Lower(*v);
    if (b != "true" && b != "false")
      return Invalid(redacted, "tcpKeepAlive accepts true or false");
    params->Set("keepalives", b == "true" ? "1" : "0");
  }
  if (const std::string* v = find("targetservertype")) {
    static const std::pair<std::string_view, std::string_view> kTargets[] = {
        {"any", "any"},
        {"primary", "primary"},
        {"master", "primary"},
        {"secondary", "standby"},
        {"slave", "standby"},
        {"prefersecondary", "prefer-standby"},
        {"preferslave", "prefer-standby"},
        {"preferstandby", "prefer-standby"},
        {"standby", "standby"},
    };
    std::string want = Lower(*v);
    const std::string_view* mapped = nullptr;
    for (const auto& [from, to] : kTargets)
      if (want == from) mapped = &to;
    if (!mapped)
      return Invalid(redacted,
                     "targetServerType accepts any, primary, secondary or "
                     "preferSecondary");
    params->Set("target_session_attrs", std::string(*mapped));
  }
  std::string options;
  if (const std::string* v = find("options")) options = *v;
  if (const std::string* v = find("currentschema")) {
    if (!options.empty()) options += ' ';
    options += "-c search_path=" + EscapeOption(*v);
  }
  if (!options.empty()) params->Set("options", options);
  return Status::Ok();
}

// jdbc:postgresql://host[:port][,...]/db?..., jdbc:postgresql:db?...,
// jdbc:postgresql:/?...; pgjdbc connects to localhost:5432 by default.
Status ParseJdbcPostgres(std::string_view rest, const std::string& redacted,
                         Params* params) {
  UriParts parts;
  if (rest.substr(0, 2) == "//") {
    if (Status s = SplitUri(rest.substr(2), true, redacted, &parts); !s.ok())
      return s;
  } else {
    // The short forms have no authority; reuse the splitter on "/db?...".
    std::string path;
    if (rest.empty() || rest.front() != '/') path = '/';
    path += rest;
    if (Status s = SplitUri(path, true, redacted, &parts); !s.ok()) return s;
  }
  SetUserinfo(parts, params);
  if (std::none_of(parts.hosts.begin(), parts.hosts.end(),
                   [](const std::string& h) { return !h.empty(); })) {
    std::string port = parts.ports.empty() ? "" : parts.ports.front();
    parts.hosts.assign(1, "localhost");
    parts.ports.assign(1, port);
  }
  for (auto& h : parts.hosts)
    if (h.empty()) h = "localhost";
  SetHostsAndPorts(parts, params);
  if (!parts.dbname.empty()) params->Set("dbname", parts.dbname);
  return ApplyJdbcQuery(parts, redacted, params);
}

Result<const Dialect*> OfflineDialect(std::string_view name,
                                      const std::string& redacted) {
  std::string engine = Lower(name.substr(0, name.find('?')));
  if (engine == "postgresql" || engine == "postgres") return &PostgresDialect();
  if (engine == "sqlite") return &SqliteDialect();
  if (engine == "mysql") return &MysqlDialect();
  if (engine == "mariadb") return &MariadbDialect();
  return Status::InvalidInput("unsupported offline database in " + redacted +
                              "; use offline:postgresql, offline:sqlite, "
                              "offline:mysql or offline:mariadb");
}

}  // namespace

namespace exec_detail {

std::string RedactUrl(std::string_view url) {
  std::string out(url);
  // User information: from the first ':' after "//" to the last '@', when
  // that ':' comes before the '@' (else the ':' belongs to host:port). For a
  // well-formed URL that is exactly the password; for a password holding an
  // unencoded '/', '?' or '@' it is still all of it.
  size_t scheme_end = out.find("//");
  if (scheme_end != std::string::npos) {
    size_t start = scheme_end + 2;
    size_t last_at = out.rfind('@');
    size_t colon = out.find(':', start);
    if (last_at != std::string::npos && last_at > start &&
        colon != std::string::npos && colon < last_at) {
      out.replace(colon + 1, last_at - colon - 1, kMask);
    }
  }
  // Query parameters named like *password*.
  size_t q = out.find('?', scheme_end == std::string::npos ? 0 : scheme_end);
  if (q == std::string::npos) return out;
  std::string result = out.substr(0, q + 1);
  std::string_view query(out);
  query.remove_prefix(q + 1);
  size_t start = 0;
  while (true) {
    size_t amp = query.find('&', start);
    std::string_view item = query.substr(start, amp == std::string_view::npos
                                                    ? std::string_view::npos
                                                    : amp - start);
    size_t eq = item.find('=');
    std::string key;
    if (eq != std::string_view::npos &&
        PercentDecode(item.substr(0, eq), true, &key) &&
        Lower(key).find("password") != std::string::npos) {
      result += item.substr(0, eq + 1);
      result += kMask;
    } else {
      result += item;
    }
    if (amp == std::string_view::npos) break;
    result += '&';
    start = amp + 1;
  }
  return result;
}

}  // namespace exec_detail

Result<ConnectionSpec> ParseUrl(const std::string& url,
                                const std::string& username,
                                const std::string& password) {
  ConnectionSpec spec;
  spec.redacted = exec_detail::RedactUrl(url);
  std::string_view u(url);

  if (u.empty())
    return Status::InvalidInput("no URL given; accepted forms: " +
                                std::string(kAcceptedForms));

  Params params;
  bool postgres = false;
  if (StartsWithNoCase(u, "postgresql://") ||
      StartsWithNoCase(u, "postgres://")) {
    u.remove_prefix(u.find("//") + 2);
    if (Status s = ParsePostgresUri(u, spec.redacted, &params); !s.ok())
      return s;
    postgres = true;
  } else if (StartsWithNoCase(u, "jdbc:postgresql:")) {
    u.remove_prefix(std::string_view("jdbc:postgresql:").size());
    if (Status s = ParseJdbcPostgres(u, spec.redacted, &params); !s.ok())
      return s;
    postgres = true;
  } else if (StartsWithNoCase(u, "jdbc:sqlite:") ||
             StartsWithNoCase(u, "sqlite:")) {
    bool jdbc = StartsWithNoCase(u, "jdbc:");
    u.remove_prefix(jdbc ? 12 : 7);
    // sqlite-jdbc reads ?key=value as driver settings; none of them names
    // the file, so they are dropped. sqlite:PATH takes PATH verbatim.
    if (jdbc) u = u.substr(0, u.find('?'));
    if (u.empty())
      return Status::InvalidInput("no database file in " + spec.redacted +
                                  "; write sqlite:PATH, e.g. sqlite:app.db");
    spec.kind = ConnectionSpec::Kind::kSqlite;
    spec.dialect = &SqliteDialect();
    spec.path = std::string(u);
    return spec;
  } else if (StartsWithNoCase(u, "mysql://") ||
             StartsWithNoCase(u, "mariadb://") ||
             StartsWithNoCase(u, "jdbc:mysql:") ||
             StartsWithNoCase(u, "jdbc:mariadb:")) {
    return Status::Unsupported(
        "execution on MySQL/MariaDB is not supported yet (" + spec.redacted +
        "); use --url=offline:mysql or offline:mariadb with update-sql");
  } else if (StartsWithNoCase(u, "offline:")) {
    u.remove_prefix(8);
    auto dialect = OfflineDialect(u, spec.redacted);
    if (!dialect.ok()) return dialect.status();
    spec.kind = ConnectionSpec::Kind::kOffline;
    spec.dialect = *dialect;
    // Liquibase's offline parameters: snapshot=FILE is used; the others
    // (version, productName, caseSensitive, ...) change nothing here.
    if (size_t q = u.find('?'); q != std::string_view::npos) {
      std::string_view query = u.substr(q + 1);
      while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        size_t eq = pair.find('=');
        if (eq != std::string_view::npos && Lower(pair.substr(0, eq)) == "snapshot")
          spec.snapshot = std::string(pair.substr(eq + 1));
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
      }
    }
    return spec;
  }
  if (!postgres) {
    return Status::InvalidInput(
        "unsupported URL " + spec.redacted +
        "; accepted forms: " + std::string(kAcceptedForms));
  }
  if (!username.empty()) params.Set("user", username);
  if (!password.empty()) params.Set("password", password);
  spec.kind = ConnectionSpec::Kind::kPostgres;
  spec.dialect = &PostgresDialect();
  spec.conninfo = params.ToConninfo();
  return spec;
}

}  // namespace strata
