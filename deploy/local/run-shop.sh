#!/usr/bin/env bash
# Starts the shop on this machine: one silo (Local profile, demo catalog) and the GraphQL gateway.
# Ctrl-C stops both. Ports: GATEWAY_URL (default http://127.0.0.1:8080), SILO_URL (default http://127.0.0.1:8081).
set -euo pipefail
cd "$(dirname "$0")/../.."

gateway_url="${GATEWAY_URL:-http://127.0.0.1:8080}"
silo_url="${SILO_URL:-http://127.0.0.1:8081}"
logs=".data/logs"
mkdir -p "$logs"

# The first administrator comes from the environment; without one, make a throwaway password for this run.
export EShop__Admin__Email="${EShop__Admin__Email:-admin@eshop.local}"
if [ -z "${EShop__Admin__Password:-}" ]; then
  EShop__Admin__Password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  export EShop__Admin__Password
  generated_password=1
fi

dotnet build EShop.sln -c Release -v quiet -nologo

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

wait_healthy() {
  for _ in $(seq 1 120); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/health")" = "200" ]; then return 0; fi
    sleep 1
  done
  echo "$2 did not become healthy; see $logs" >&2
  exit 1
}

EShop__DemoCatalog__Enabled=true dotnet run --project src/Silo -c Release --no-build --urls "$silo_url" >"$logs/silo.log" 2>&1 &
pids+=($!)
wait_healthy "$silo_url" "The silo"

dotnet run --project src/GraphQLGateway -c Release --no-build --urls "$gateway_url" >"$logs/gateway.log" 2>&1 &
pids+=($!)
wait_healthy "$gateway_url" "The gateway"

cat <<MSG

EShop is running (profile Local: nothing is durable).
  GraphQL endpoint  $gateway_url/graphql
  GraphiQL          $gateway_url/graphql   (open in a browser)
  Orleans dashboard $silo_url/dashboard
  Health            $gateway_url/health
  Admin             $EShop__Admin__Email${generated_password:+ / password $EShop__Admin__Password (generated for this run)}
  Logs              $logs/
Press Ctrl-C to stop.
MSG
wait
