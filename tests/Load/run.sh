#!/usr/bin/env bash
# Runs the storefront load test (tests/Load/locustfile.py) headless against a running shop for a bounded time, prints
# the figures per GraphQL operation, and exits 1 when more than the allowed share of requests failed or the locustfile
# raised, so a CI job can gate on it. Locust comes from the OS packages: apt-get install python3-locust.
#   tests/Load/run.sh                                  against the shop at http://127.0.0.1:8080
#   tests/Load/run.sh --start                          starts the shop first (deploy/local/run-shop.sh, Durable), stops it after
#   tests/Load/run.sh -u 64 -r 16 -t 120s --host http://10.0.0.5:8080 --max-failures 0.5 --think-time 0,0
# Defaults, also from the environment: LOAD_USERS (32 shoppers), LOAD_SPAWN_RATE (8 a second), LOAD_DURATION (60s),
# LOAD_HOST (http://127.0.0.1:8080), LOAD_MAX_FAILURES (1, percent), LOAD_THINK_TIME ("0.5,1.5" seconds between a
# shopper's actions; "0,0" is flat out). Locust's CSVs land in .data/load/ (run_stats.csv: per operation).
set -euo pipefail
cd "$(dirname "$0")/../.."

users="${LOAD_USERS:-32}"
rate="${LOAD_SPAWN_RATE:-8}"
duration="${LOAD_DURATION:-60s}"
host="${LOAD_HOST:-http://127.0.0.1:8080}"
max_failures="${LOAD_MAX_FAILURES:-1}"
export LOAD_THINK_TIME="${LOAD_THINK_TIME:-0.5,1.5}"
# Every simulated shopper signs up from this one address: lift the per-address sign-up limit of a shop --start starts.
export EShop__RateLimits__SignUpsPerMinute="${EShop__RateLimits__SignUpsPerMinute:-1000000}"
start=false
while [ $# -gt 0 ]; do
  case "$1" in
    --start) start=true; shift ;;
    -u|--users) users="$2"; shift 2 ;;
    -r|--spawn-rate) rate="$2"; shift 2 ;;
    -t|--run-time) duration="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    --max-failures) max_failures="$2"; shift 2 ;;
    --think-time) LOAD_THINK_TIME="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | cut -c3-; exit 0 ;;
    *) echo "usage: $0 [--start] [-u USERS] [-r RATE] [-t DURATION] [--host URL] [--max-failures PERCENT] [--think-time MIN,MAX]" >&2; exit 2 ;;
  esac
done

python="${PYTHON:-/usr/bin/python3}"
out=".data/load"
mkdir -p "$out"

health() { curl -s -o /dev/null -w '%{http_code}' "$host/health" || true; }

shop=""
stop_shop() {
  trap - EXIT INT TERM
  if [ -n "$shop" ]; then
    echo "Stopping the shop"
    kill -TERM "$shop" 2>/dev/null || true
    wait "$shop" 2>/dev/null || true
  fi
}
if $start; then
  # Loading a shop that something else started and stopping ours would measure the wrong one.
  if [ "$(health)" != "000" ]; then
    echo "Something already answers on $host; run without --start to load it." >&2
    exit 2
  fi
  trap stop_shop EXIT
  trap 'stop_shop; exit 130' INT
  trap 'stop_shop; exit 143' TERM
  printf "Starting the shop (deploy/local/run-shop.sh, log in %s/shop.log), waiting until %s/health answers" "$out" "$host"
  GATEWAY_URL="$host" deploy/local/run-shop.sh >"$out/shop.log" 2>&1 &
  shop=$!
  # The first Release build takes minutes, more on a busy machine.
  for _ in $(seq 1 180); do
    [ "$(health)" = "200" ] && break
    if ! kill -0 "$shop" 2>/dev/null; then
      echo
      echo "The shop exited while starting; the end of $out/shop.log:" >&2
      tail -n 20 "$out/shop.log" >&2
      shop=""
      exit 1
    fi
    printf .
    sleep 5
  done
  [ "$(health)" = "200" ] || { echo; echo "The shop did not become healthy in 15 minutes; see $out/shop.log" >&2; exit 1; }
  echo " up"
fi

rm -f "$out"/run_*.csv
echo "Locust: $users shoppers, spawning $rate/s, for $duration against $host (think time $LOAD_THINK_TIME s)"
set +e
"$python" -m locust -f tests/Load/locustfile.py --headless -u "$users" -r "$rate" -t "$duration" --host "$host" \
  --csv "$out/run" --only-summary 2>&1 | tee "$out/locust.log"
status=${PIPESTATUS[0]}
set -e
# Locust exits 1 when any request failed; the threshold below decides. Anything else is Locust itself failing.
if [ "$status" -gt 1 ] || [ ! -s "$out/run_stats.csv" ]; then
  echo "Locust failed (exit code $status); see $out/locust.log" >&2
  exit 1
fi

"$python" - "$out" "$max_failures" <<'PY'
import csv, sys

out, max_failures = sys.argv[1], float(sys.argv[2])
rows = list(csv.DictReader(open(f"{out}/run_stats.csv")))
exceptions = list(csv.DictReader(open(f"{out}/run_exceptions.csv")))

print(f"\n{'operation':<24} {'requests':>9} {'failures':>9} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
for r in rows:
    name = r["Name"] if r["Name"] != "Aggregated" else "total"
    print(f"{name:<24} {r['Request Count']:>9} {r['Failure Count']:>9} {float(r['Requests/s']):>8.1f} "
          f"{r['50%']:>7} {r['95%']:>7} {r['99%']:>7}")

total = next(r for r in rows if r["Name"] == "Aggregated")
requests, failures = int(total["Request Count"]), int(total["Failure Count"])
ratio = 100.0 * failures / requests if requests else 100.0
print(f"\n{failures} of {requests} requests failed ({ratio:.2f} %; at most {max_failures:g} % allowed); "
      f"{len(exceptions)} exception(s) in the locustfile")
if requests == 0 or ratio > max_failures or exceptions:
    print("FAILED", file=sys.stderr)
    sys.exit(1)
PY
