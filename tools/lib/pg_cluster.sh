#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests. Source it, then:
#   pg_cluster_start   initdb + start on 127.0.0.1 and a free port; exports
#                      STRATA_TEST_PG_URL=postgresql://USER@127.0.0.1:PORT/postgres
#   pg_cluster_stop    stops it and removes its files; safe to call twice.
# STRATA_PG_BINDIR picks the server binaries (default: the newest installed).
# Everything lives in one temp folder; nothing outside it is touched except,
# when running as root, creating the system user strata-pg if neither it nor
# postgres exists (PostgreSQL refuses to run as root).

PG_CLUSTER_DIR=${PG_CLUSTER_DIR:-}
PG_CLUSTER_BIN=${PG_CLUSTER_BIN:-}
PG_CLUSTER_OWNER=${PG_CLUSTER_OWNER:-}

# $STRATA_PG_BINDIR when set, else the newest /usr/lib/postgresql/*/bin
# holding initdb, else initdb's folder on PATH.
pg_find_bindir() {
  local dir best=""
  if [[ -n ${STRATA_PG_BINDIR:-} ]]; then
    [[ -x $STRATA_PG_BINDIR/initdb && -x $STRATA_PG_BINDIR/pg_ctl ]] || return 1
    printf '%s\n' "$STRATA_PG_BINDIR"
    return 0
  fi
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x $dir/initdb && -x $dir/pg_ctl ]] || continue
    if [[ -z $best ]] ||
      [[ $(printf '%s\n%s\n' "$best" "$dir" | sort -V | tail -n 1) == "$dir" ]]; then
      best=$dir
    fi
  done
  if [[ -z $best ]] && command -v initdb >/dev/null 2>&1; then
    best=$(dirname "$(command -v initdb)")
  fi
  [[ -n $best ]] || return 1
  printf '%s\n' "$best"
}

# Runs "$@" as the cluster owner, from inside the cluster folder (the owner
# may not be allowed into the caller's working directory).
pg_as_owner() {
  if [[ $(id -u) -ne 0 ]]; then
    (cd "$PG_CLUSTER_DIR" && "$@")
  elif command -v runuser >/dev/null 2>&1; then
    (cd "$PG_CLUSTER_DIR" && runuser -u "$PG_CLUSTER_OWNER" -- "$@")
  else
    # shellcheck disable=SC2016  # $0 and $@ belong to the inner shell
    (cd "$PG_CLUSTER_DIR" && su -s /bin/sh "$PG_CLUSTER_OWNER" -c 'exec "$0" "$@"' "$@")
  fi
}

# Who owns the cluster: ourselves, or (as root) postgres or strata-pg.
pg_pick_owner() {
  if [[ $(id -u) -ne 0 ]]; then
    id -un
  elif id -u postgres >/dev/null 2>&1; then
    echo postgres
  else
    if ! id -u strata-pg >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin strata-pg >&2 || return 1
    fi
    echo strata-pg
  fi
}

# True when something already listens on 127.0.0.1:$1.
pg_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_random_port() {
  local port tries
  for tries in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40001))
    if ! pg_port_busy "$port"; then
      echo "$port"
      return 0
    fi
  done
  echo "pg_cluster: no free port found after $tries tries" >&2
  return 1
}

pg_cluster_start() {
  if [[ -n $PG_CLUSTER_DIR && -d $PG_CLUSTER_DIR ]]; then
    echo "pg_cluster: already running in $PG_CLUSTER_DIR" >&2
    return 0
  fi
  PG_CLUSTER_BIN=$(pg_find_bindir) || {
    echo "pg_cluster: no PostgreSQL server binaries (install postgresql)" >&2
    return 1
  }
  PG_CLUSTER_OWNER=$(pg_pick_owner) || {
    echo "pg_cluster: cannot find or create a non-root user to run PostgreSQL" >&2
    return 1
  }
  local base=${TMPDIR:-/tmp}
  # As root the owner must be able to reach the folder; /tmp always lets it.
  [[ $(id -u) -eq 0 ]] && base=/tmp
  PG_CLUSTER_DIR=$(mktemp -d "$base/strata-pg.XXXXXX") || return 1
  if [[ $(id -u) -eq 0 ]]; then
    chown "$PG_CLUSTER_OWNER" "$PG_CLUSTER_DIR" || { pg_cluster_stop; return 1; }
  fi
  chmod 700 "$PG_CLUSTER_DIR"
  export PG_CLUSTER_DIR PG_CLUSTER_BIN PG_CLUSTER_OWNER

  if ! pg_as_owner "$PG_CLUSTER_BIN/initdb" -D "$PG_CLUSTER_DIR/data" -A trust \
    -E UTF8 --locale=C --no-sync >"$PG_CLUSTER_DIR/initdb.log" 2>&1; then
    echo "pg_cluster: initdb failed:" >&2
    cat "$PG_CLUSTER_DIR/initdb.log" >&2
    pg_cluster_stop
    return 1
  fi
  cat >>"$PG_CLUSTER_DIR/data/postgresql.conf" <<CONF

# strata tools/lib/pg_cluster.sh: a throwaway test server
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_CLUSTER_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
CONF

  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$(pg_random_port) || break
    if pg_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" \
      -l "$PG_CLUSTER_DIR/server.log" -w -t 60 -o "-p $port" start >/dev/null; then
      export STRATA_TEST_PG_URL="postgresql://$PG_CLUSTER_OWNER@127.0.0.1:$port/postgres"
      echo "pg_cluster: PostgreSQL $("$PG_CLUSTER_BIN/postgres" -V | awk '{print $3}')" \
        "on 127.0.0.1:$port ($PG_CLUSTER_DIR)" >&2
      return 0
    fi
    # Someone may have taken the port between the check and the bind.
    if ! grep -q 'could not bind\|could not create any TCP/IP sockets' \
      "$PG_CLUSTER_DIR/server.log" 2>/dev/null; then
      break
    fi
    echo "pg_cluster: port $port was taken; retrying (attempt $attempt)" >&2
  done
  echo "pg_cluster: the server did not start:" >&2
  tail -n 20 "$PG_CLUSTER_DIR/server.log" >&2 2>/dev/null || true
  pg_cluster_stop
  return 1
}

pg_cluster_stop() {
  local dir=$PG_CLUSTER_DIR
  if [[ -n $dir && -d $dir ]]; then
    if [[ -f $dir/data/postmaster.pid ]]; then
      pg_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$dir/data" -m immediate -w \
        stop >/dev/null 2>&1 || true
      # pg_ctl failing (binaries gone, say) must not leave a server behind.
      local pid
      pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
      if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
        [[ $(cat "/proc/$pid/comm" 2>/dev/null) == postgres ]]; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    rm -rf "$dir"
  fi
  PG_CLUSTER_DIR=""
  unset STRATA_TEST_PG_URL
  return 0
}
