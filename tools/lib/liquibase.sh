#!/usr/bin/env bash
# The real Liquibase 4.28.1, fetched as an oracle for tests and benchmarks
# (never part of Strata, never in the repository). Source it after common.sh.
#   liquibase_fetch    sets LIQUIBASE_BIN (a shell variable, not exported) to the launcher, fetching it first
#                      when missing; returns 1 with a message saying why when
#                      it cannot (no npm, no java, no network).
#   STRATA_LIQUIBASE_CACHE  where it lives (default ~/.cache/strata/liquibase).
#
# The npm package liquibase@4.28.1 carries the whole distribution. Its SQLite
# JDBC driver needs SLF4J, which the distribution leaves out; Debian's
# libslf4j-java provides it and is copied into the cache's lib/ folder.

LIQUIBASE_VERSION=4.28.1

liquibase_fetch() {
  local cache="${STRATA_LIQUIBASE_CACHE:-$HOME/.cache/strata/liquibase}"
  local dist="$cache/package/dist/liquibase"
  LIQUIBASE_BIN="$dist/liquibase"
  if [[ ! -x $LIQUIBASE_BIN ]]; then
    if ! command -v npm >/dev/null 2>&1; then
      printf 'liquibase: npm is not installed; cannot fetch Liquibase %s\n' \
        "$LIQUIBASE_VERSION" >&2
      return 1
    fi
    log "fetching Liquibase $LIQUIBASE_VERSION into $cache"
    mkdir -p "$cache" || return 1
    if ! (cd "$cache" && npm pack --silent "liquibase@$LIQUIBASE_VERSION" >/dev/null &&
      tar xzf "liquibase-$LIQUIBASE_VERSION.tgz"); then
      printf 'liquibase: npm pack liquibase@%s failed (no registry access?)\n' \
        "$LIQUIBASE_VERSION" >&2
      return 1
    fi
  fi
  if ! command -v java >/dev/null 2>&1; then
    ensure_packages openjdk-17-jre-headless || {
      printf 'liquibase: no Java runtime and none could be installed\n' >&2
      return 1
    }
  fi
  if ! compgen -G "$dist/lib/slf4j-api*.jar" >/dev/null; then
    ensure_packages libslf4j-java >/dev/null 2>&1 || true
    if [[ -f /usr/share/java/slf4j-api.jar ]]; then
      cp /usr/share/java/slf4j-api.jar /usr/share/java/slf4j-nop.jar "$dist/lib/" 2>/dev/null ||
        cp /usr/share/java/slf4j-api.jar "$dist/lib/"
    fi
  fi
  # Not exported: Liquibase and Strata both read LIQUIBASE_* variables as
  # configuration and would warn about this one.
  return 0
}
