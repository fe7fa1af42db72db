#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests (Debian packages) and print its URL.
# Idempotent: reuses a running server in $PGDATA_DIR. Works as root (runs the server as 'postgres').
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL server binaries not found; install Debian package 'postgresql'" >&2
  exit 1
fi
PGDATA_DIR=${PGDATA_DIR:-/tmp/nkmonitor-pgdata}
PGPORT=${PGPORT:-54329}
RUNAS=""
if [ "$(id -u)" = "0" ]; then RUNAS="runuser -u postgres --"; fi
if ! $RUNAS "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
  if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
    mkdir -p "$PGDATA_DIR"
    [ -n "$RUNAS" ] && chown postgres:postgres "$PGDATA_DIR"
    $RUNAS "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  mkdir -p /tmp/nkmonitor-pgsock && { [ -z "$RUNAS" ] || chown postgres:postgres /tmp/nkmonitor-pgsock; }
  $RUNAS "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w \
    -o "-p $PGPORT -k /tmp/nkmonitor-pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
fi
for db in nkmonitor_test; do
  "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
    || "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$db"
done
echo "postgresql://postgres@127.0.0.1:$PGPORT/nkmonitor_test"
