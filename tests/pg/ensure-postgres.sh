#!/usr/bin/env bash
# A PostgreSQL server for the storage tests, for real: Debian's package, a cluster of the repo's own
# in .pg/ (never the system's), listening on 127.0.0.1 only at a fixed port (54329, or
# DUIZHAO_PG_PORT) so it does not clash with a system server. Prints the DATABASE_URL of a test role
# and database on stdout; everything else goes to stderr.
#
# Idempotent: a second run finds the server running (or starts the existing cluster) and prints the
# same URL. Installs the `postgresql` package when no server binaries are found (apt-get; needs root
# or sudo). As root, the cluster runs as the `postgres` user (the server refuses to run as root).
#
#   export DATABASE_URL_TEST="$(bash tests/pg/ensure-postgres.sh)"
#   bash tests/pg/ensure-postgres.sh --stop     # stop the server of .pg/
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
PORT="${DUIZHAO_PG_PORT:-54329}"
PGDIR="$ROOT/.pg"
DATA="$PGDIR/data"
SOCK="$PGDIR/run"
LOG="$PGDIR/server.log"
DB=duizhao_test
ROLE=duizhao_test

log() { echo "ensure-postgres: $*" >&2; }

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

BIN="$(pg_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  log "PostgreSQL is not installed: installing Debian's postgresql package…"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  BIN="$(pg_bin)"
  [ -n "$BIN" ] && [ -x "$BIN/initdb" ] || { log "no initdb after installing postgresql"; exit 1; }
fi

# The OS user the server runs as: ourselves, or `postgres` when we are root.
if [ "$(id -u)" -eq 0 ]; then
  OWNER=postgres
  as_owner() { (cd / && runuser -u postgres -- "$@"); }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

# As root, the server runs as `postgres`, which must reach the data folder: a checkout under a
# private folder (/root is 0700) cannot hold it, so the cluster then lives in postgres's home,
# named after the checkout's path (still one per checkout).
if [ "$OWNER" = postgres ] && ! runuser -u postgres -- test -x "$ROOT"; then
  PGDIR="$(getent passwd postgres | cut -d: -f6)/duizhao-test-$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)"
  DATA="$PGDIR/data"
  SOCK="$PGDIR/run"
  LOG="$PGDIR/server.log"
  log "the checkout is not reachable by the postgres user: cluster in $PGDIR"
fi

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$DATA/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2; fi
  exit 0
fi

mkdir -p "$PGDIR"
chmod 700 "$PGDIR"
chown "$OWNER" "$PGDIR"

if [ ! -f "$DATA/PG_VERSION" ]; then
  log "creating a cluster in $DATA"
  # Unix socket: trust, but the socket lives in .pg/run with mode 0700 (only its owner can reach it).
  # TCP: 127.0.0.1 only, password (scram) for the test role.
  as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >&2
  mkdir -p "$SOCK"
  chown "$OWNER" "$SOCK"
  cat >>"$DATA/postgresql.conf" <<EOF
# Duizhao test cluster (tests/pg/ensure-postgres.sh)
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCK'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
fi
mkdir -p "$SOCK"
chown "$OWNER" "$SOCK"

if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "server already running (port $PORT)"
else
  log "starting the server on 127.0.0.1:$PORT"
  # A stale pid file left by a killed server would stop pg_ctl; it checks the pid itself.
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >&2 || { log "start failed, see $LOG"; tail -n 20 "$LOG" >&2 || true; exit 1; }
fi

psql_admin() { as_owner "$BIN/psql" -h "$SOCK" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# The test role's password: made once, kept in .pg/ (mode 600), so the URL stays the same.
PASSFILE="$PGDIR/password"
if [ ! -s "$PASSFILE" ]; then
  (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$PASSFILE")
fi
PASS="$(cat "$PASSFILE")"

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASS'" >&2
else
  psql_admin -c "ALTER ROLE $ROLE PASSWORD '$PASS'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE $DB OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0" >&2
fi

URL="postgres://$ROLE:$PASS@127.0.0.1:$PORT/$DB"
# Proof that the URL works over TCP, the way the tests connect.
PGPASSWORD="$PASS" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" -qtA -c 'SELECT 1' >/dev/null
echo "$URL"
