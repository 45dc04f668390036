#!/usr/bin/env bash
# A local development PostgreSQL for Timeline, from the PostgreSQL binaries on this machine (no Docker).
#
#   deploy/dev-postgres.sh [start]   start it (creating the cluster, role and database the first time) and print its
#                                    connection URI on standard output, e.g.
#                                    postgres://timeline:6f1c…@127.0.0.1:54329/timeline
#   deploy/dev-postgres.sh url       print the URI of the running server
#   deploy/dev-postgres.sh status    say whether it runs (exit 0) or not (exit 3)
#   deploy/dev-postgres.sh stop      stop it (the data stays)
#   deploy/dev-postgres.sh psql …    psql as the superuser postgres on the running server (database postgres unless
#                                    -d is given), e.g. deploy/dev-postgres.sh psql -v db=… … < deploy/roles.sql
#   deploy/dev-postgres.sh destroy   stop it and delete its folder
#
# Typical use:  export TIMELINE_STORE="$(deploy/dev-postgres.sh)"; timeline import seeds/*.json
#
# Settings (environment):
#   TIMELINE_PG_DIR       the cluster's folder: data, socket, log, password   (default /tmp/timeline-pg)
#   TIMELINE_PG_PORT      the TCP port on 127.0.0.1                           (default: the first free from 54329)
#   TIMELINE_PG_USER      the login role the URI names                        (default timeline)
#   TIMELINE_PG_DB        the database, owned by that role                    (default timeline)
#   TIMELINE_PG_PASSWORD  the role's password, on first start                 (default: random, kept in DIR/password)
#   TIMELINE_PG_BIN       the folder of initdb and pg_ctl                     (default: pg_config --bindir, else
#                                                                              the newest /usr/lib/postgresql/*/bin)
#
# Without binaries, as root it installs postgresql-15 with apt-get; otherwise it says how to. PostgreSQL refuses to run
# as root, so as root every server step runs as the postgres user (runuser), and DIR is handed to that user. Logins
# over TCP need the password (scram-sha-256); only the server's own socket in DIR trusts local users. Progress goes to
# standard error, so standard output is just the URI. This is a development server: it keeps the defaults for
# durability, listens on 127.0.0.1 only, and is not a way to run production.
set -euo pipefail

DIR=${TIMELINE_PG_DIR:-/tmp/timeline-pg}
ROLE=${TIMELINE_PG_USER:-timeline}
DATABASE=${TIMELINE_PG_DB:-timeline}
DATA="$DIR/data"

say() { printf 'dev-postgres: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

case "$ROLE$DATABASE" in
  *[!a-z0-9_]*) die "TIMELINE_PG_USER and TIMELINE_PG_DB take lower-case letters, digits and underscores only" ;;
esac

find_bin() {
  if [ -n "${TIMELINE_PG_BIN:-}" ]; then
    [ -x "$TIMELINE_PG_BIN/pg_ctl" ] || die "TIMELINE_PG_BIN=$TIMELINE_PG_BIN holds no pg_ctl"
    echo "$TIMELINE_PG_BIN"; return
  fi
  local dir
  if command -v pg_config >/dev/null && dir=$(pg_config --bindir 2>/dev/null) && [ -x "$dir/initdb" ]; then
    echo "$dir"; return
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; fi
}

BIN=$(find_bin)
install_if_missing() {
  [ -n "$BIN" ] && return
  if [ "$(id -u)" -ne 0 ]; then
    die "no PostgreSQL server binaries found; install them (sudo apt-get install -y postgresql-15) or set TIMELINE_PG_BIN"
  fi
  say "installing postgresql-15 with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql-15 >&2
  BIN=$(find_bin)
  [ -n "$BIN" ] || die "postgresql-15 is installed, but initdb is still not found"
}

# Runs a server step as the postgres user when this is root, else as this user.
as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() { [ -n "$BIN" ] && [ -f "$DATA/PG_VERSION" ] && as_server "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

port_of() { sed -n "s/^port = \([0-9]*\).*/\1/p" "$DATA/postgresql.conf" | tail -n 1; }

uri() {
  local password
  password=$(cat "$DIR/password")
  printf 'postgres://%s:%s@127.0.0.1:%s/%s\n' "$ROLE" "$password" "$(port_of)" "$DATABASE"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
  if [ -n "${TIMELINE_PG_PORT:-}" ]; then
    port_free "$TIMELINE_PG_PORT" || die "port $TIMELINE_PG_PORT on 127.0.0.1 is taken"
    echo "$TIMELINE_PG_PORT"; return
  fi
  local port
  for port in $(seq 54329 54429); do
    if port_free "$port"; then echo "$port"; return; fi
  done
  die "no free port between 54329 and 54429; set TIMELINE_PG_PORT"
}

psql_admin() {
  as_server "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$(port_of)" -U postgres -d postgres "$@"
}

create_cluster() {
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  if [ ! -f "$DIR/password" ]; then
    (umask 077; printf '%s' "${TIMELINE_PG_PASSWORD:-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')}" >"$DIR/password")
  fi
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "as root the server runs as the user postgres, which does not exist (apt-get install postgresql-15 creates it)"
    chown -R postgres:postgres "$DIR"
    runuser -u postgres -- test -w "$DIR" || die "the postgres user cannot write $DIR (is a parent folder closed to it?); set TIMELINE_PG_DIR, e.g. under /tmp"
  fi
  say "creating a cluster in $DATA"
  as_server "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  as_server tee -a "$DATA/postgresql.conf" >/dev/null <<EOF

# Timeline development server (deploy/dev-postgres.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
password_encryption = 'scram-sha-256'
port = $(pick_port)
EOF
}

start() {
  install_if_missing
  if running; then
    say "already running on 127.0.0.1:$(port_of) (data in $DATA)"
    uri; return
  fi
  [ -f "$DATA/PG_VERSION" ] || create_cluster
  local attempt
  for attempt in 1 2 3; do
    if as_server "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 30 start >/dev/null; then break; fi
    [ "$attempt" -lt 3 ] && [ -z "${TIMELINE_PG_PORT:-}" ] || { tail -n 20 "$DIR/server.log" >&2; die "the server did not start"; }
    say "port $(port_of) was taken meanwhile; trying another"
    as_server sed -i "s/^port = [0-9]*$/port = $(pick_port)/" "$DATA/postgresql.conf"
  done
  local password
  password=$(cat "$DIR/password")
  # Idempotent: the role and the database are made once; the role keeps the password it was created with.
  psql_admin -v role="$ROLE" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SQL
  psql_admin -v role="$ROLE" -v db="$DATABASE" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
  say "running on 127.0.0.1:$(port_of), database $DATABASE, role $ROLE (data in $DATA; stop with: $0 stop)"
  uri
}

stop() {
  if running; then
    as_server "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "stopped (data kept in $DATA)"
  else
    say "not running"
  fi
}

case "${1:-start}" in
  start) start ;;
  url)
    running || die "not running; start it with: $0 start"
    uri ;;
  status)
    if running; then say "running on 127.0.0.1:$(port_of) (data in $DATA)"; else say "not running"; exit 3; fi ;;
  stop) stop ;;
  psql)
    running || die "not running; start it with: $0 start"
    shift
    PGDATABASE=postgres as_server "$BIN/psql" -X -h "$DIR" -p "$(port_of)" -U postgres "$@" ;;
  destroy)
    stop
    rm -rf "$DIR"
    say "deleted $DIR" ;;
  -h|--help|help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1'; use start, url, status, stop, psql or destroy" ;;
esac
