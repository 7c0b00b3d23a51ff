#!/usr/bin/env bash
# CI helper (sourced by .ci/run): starts a PostgreSQL primary and a streaming replica of it, our own pair in
# a temp directory (ports 5434/5435, owned by the postgres user), so that the HTTP suites can run once more
# with reads on a real replica. Synchronous replication with remote_apply: a commit returns once the replica
# has applied it, so a spec that writes and then reads sees its write on the replica, as a user would after
# REPLICA_FRESHNESS_MS. Exports TEST_REPLICA_PRIMARY_URL and TEST_REPLICA_URL; replica_stop stops both.
# sourced: the caller's shell options apply (.ci/run: set -euo pipefail)

replica_start() {
  local version bin dir
  version="$(ls /etc/postgresql 2>/dev/null | head -n 1 || true)"
  bin="/usr/lib/postgresql/${version}/bin"
  if [ -z "$version" ] || [ ! -x "$bin/pg_basebackup" ] || ! id postgres >/dev/null 2>&1; then
    echo "no PostgreSQL binaries or postgres user: skipping the read-replica run"
    return 0
  fi
  dir="$(mktemp -d "${TMPDIR:-/tmp}/orgchart-replica.XXXXXX")"
  chown postgres "$dir"
  REPLICA_DIR="$dir"
  REPLICA_BIN="$bin"
  local as_postgres=(runuser -u postgres --)
  "${as_postgres[@]}" "$bin/initdb" -D "$dir/primary" -A trust -U postgres >/dev/null
  cat >> "$dir/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = 5434
unix_socket_directories = '$dir'
max_connections = 300
synchronous_standby_names = '*'
synchronous_commit = remote_apply
CONF
  echo "host replication all 127.0.0.1/32 trust" >> "$dir/primary/pg_hba.conf"
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null
  "${as_postgres[@]}" "$bin/pg_basebackup" -h 127.0.0.1 -p 5434 -U postgres -D "$dir/replica" -R -X stream
  cat >> "$dir/replica/postgresql.conf" <<CONF
port = 5435
CONF
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w start >/dev/null
  export TEST_REPLICA_PRIMARY_URL=postgres://postgres@127.0.0.1:5434/postgres
  export TEST_REPLICA_URL=postgres://postgres@127.0.0.1:5435/postgres
  echo "read replica: primary $TEST_REPLICA_PRIMARY_URL, replica $TEST_REPLICA_URL (streaming, remote_apply)"
}

replica_stop() {
  if [ -n "${REPLICA_DIR:-}" ]; then
    runuser -u postgres -- "$REPLICA_BIN/pg_ctl" -D "$REPLICA_DIR/replica" -m immediate stop >/dev/null 2>&1 || true
    runuser -u postgres -- "$REPLICA_BIN/pg_ctl" -D "$REPLICA_DIR/primary" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$REPLICA_DIR"
  fi
}
