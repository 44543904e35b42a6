#!/usr/bin/env bash
# PostgreSQL and Redis for the Durable profile, on 127.0.0.1, with their data under the repository's .data/.
#   deploy/local/services.sh up      install (Debian/Ubuntu packages) when missing, start, wait until both answer
#   deploy/local/services.sh down    stop the ones up started; no process of ours is left behind
#   deploy/local/services.sh status
# Both commands are idempotent. Ports: ESHOP_PG_PORT (55432), ESHOP_REDIS_PORT (56379). A server that already answers
# on the port when up runs (another checkout's, the machine's own) is used as it is, and down leaves it running.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/.data"
pg_port="${ESHOP_PG_PORT:-55432}"
redis_port="${ESHOP_REDIS_PORT:-56379}"
pg_data="$data/postgres"
redis_data="$data/redis"
logs="$data/logs"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# initdb and postgres refuse to run as root: run them as the postgres account then.
as_db_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_missing() {
  local packages=()
  [ -n "$(pg_bin)" ] || packages+=(postgresql)
  command -v redis-server >/dev/null || packages+=(redis-server)
  if [ "${#packages[@]}" -gt 0 ]; then
    echo "Installing ${packages[*]}..."
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
}

postgres_up() {
  local bin; bin="$(pg_bin)"
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && ! as_db_owner "$bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
    echo "A PostgreSQL not started from $pg_data already answers on $pg_port: using it."
  else
    postgres_start "$bin"
  fi
  if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -Atc "select 1 from pg_database where datname = 'eshop'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database eshop"
  fi
}

postgres_start() {
  local bin="$1"
  mkdir -p "$pg_data" "$logs"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_data" && chmod 700 "$pg_data" && chmod o+rwx "$logs"
  if [ ! -s "$pg_data/PG_VERSION" ]; then
    # Loopback only, trust authentication: a developer's throwaway server. Deployments pass real credentials in
    # ConnectionStrings__Postgres.
    as_db_owner "$bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_db_owner "$bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
    as_db_owner "$bin/pg_ctl" -D "$pg_data" -l "$logs/postgres.log" -w -t 60 \
      -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=400" start >/dev/null
  fi
  for _ in $(seq 1 60); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break
    sleep 0.5
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || { echo "PostgreSQL did not start; see $logs/postgres.log" >&2; exit 1; }
}

# Redis writes its pid file itself; the process is ours only while that pid is a redis-server working in our data
# folder (the file outlives a crash, and the pid may since belong to anything).
redis_ours() {
  local pid
  pid="$(cat "$redis_data/redis.pid" 2>/dev/null)" || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = redis-server ] \
    && [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$(readlink -f "$redis_data")" ]
}

redis_up() {
  mkdir -p "$redis_data" "$logs"
  if redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
    redis_ours || echo "A Redis not started from $redis_data already answers on $redis_port: using it."
  elif redis_ours; then
    # Two servers appending to one AOF would corrupt it.
    echo "The Redis of $redis_data (pid $(cat "$redis_data/redis.pid")) runs on another port; run down first." >&2
    exit 1
  else
    redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$redis_data" --daemonize yes \
      --pidfile "$redis_data/redis.pid" --logfile "$logs/redis.log" --appendonly yes --save ""
  fi
  for _ in $(seq 1 60); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "Redis did not start; see $logs/redis.log" >&2
  exit 1
}

postgres_down() {
  local bin; bin="$(pg_bin)"
  if [ -n "$bin" ] && [ -s "$pg_data/PG_VERSION" ] && as_db_owner "$bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
    as_db_owner "$bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null
  fi
}

# By pid, not by port: whatever else answers on the port is not ours to stop. SIGTERM is Redis's graceful shutdown
# (the AOF is flushed; there are no RDB save points to write).
redis_down() {
  if redis_ours; then
    local pid; pid="$(cat "$redis_data/redis.pid")"
    kill -TERM "$pid"
    # Not kill -0: an exited daemon whose parent does not reap it still has a pid, but no longer a working folder.
    for _ in $(seq 1 40); do
      redis_ours || break
      sleep 0.25
    done
    if redis_ours; then echo "Redis (pid $pid) did not stop; see $logs/redis.log" >&2; exit 1; fi
  fi
  rm -f "$redis_data/redis.pid"
}

case "${1:-}" in
  up)
    install_missing
    postgres_up
    redis_up
    echo "PostgreSQL: Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=eshop"
    echo "Redis:      127.0.0.1:$redis_port"
    ;;
  down)
    redis_down
    postgres_down
    ;;
  status)
    ours=" (started from .data/, down stops it)" theirs=" (not started from .data/, down leaves it)"
    if [ -n "$(pg_bin)" ] && "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
      if as_db_owner "$(pg_bin)/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then note="$ours"; else note="$theirs"; fi
      echo "PostgreSQL: up on $pg_port$note"
    else echo "PostgreSQL: down"; fi
    if redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
      if redis_ours; then note="$ours"; else note="$theirs"; fi
      echo "Redis: up on $redis_port$note"
    else echo "Redis: down"; fi
    ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
