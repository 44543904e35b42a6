#!/usr/bin/env bash
# Starts the shop on this machine: PostgreSQL and Redis (deploy/local/services.sh), the sandbox card processor and
# carrier (src/Sandbox), N silos of the Durable profile (the demo catalog is loaded on first start only) and the GraphQL
# gateway. Ctrl-C (or SIGTERM) stops the hosts gracefully; the databases keep running (deploy/local/services.sh down
# stops them).
#   deploy/local/run-shop.sh              one silo
#   deploy/local/run-shop.sh --silos 3    three silos, one cluster
#   deploy/local/run-shop.sh --local      the in-memory Local profile, no databases (nothing is durable)
#   deploy/local/run-shop.sh --tls        the gateway also serves HTTPS (GATEWAY_TLS_URL, https://127.0.0.1:8443) with a
#                                         self-signed development certificate made once in .data/tls/
# GATEWAY_URL (http://127.0.0.1:8080) and SANDBOX_URL (http://127.0.0.1:8090) move the gateway and the sandbox.
# EShop__Payments__ProcessorUrl / EShop__Shipping__CarrierUrl / EShop__Mail__Url, when set, point the silos elsewhere
# than the sandbox; EShop__Shipping__SandboxStepInterval (default 00:02:00) paces the sandbox's parcels and the silos' tracking.
set -euo pipefail
cd "$(dirname "$0")/../.."

silos=1
profile=Durable
tls=false
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --local) profile=Local; shift ;;
    --tls) tls=true; shift ;;
    *) echo "usage: $0 [--silos N] [--local] [--tls]" >&2; exit 2 ;;
  esac
done
[ "$profile" = Local ] && silos=1

gateway_url="${GATEWAY_URL:-http://127.0.0.1:8080}"
sandbox_url="${SANDBOX_URL:-http://127.0.0.1:8090}"
logs=".data/logs"
mkdir -p "$logs"

export EShop__Profile="$profile"
export EShop__DemoCatalog__Enabled=true
if [ "$profile" = Durable ]; then
  deploy/local/services.sh up
  export ConnectionStrings__Postgres="${ConnectionStrings__Postgres:-Host=127.0.0.1;Port=${ESHOP_PG_PORT:-55432};Username=postgres;Database=eshop}"
  export ConnectionStrings__Redis="${ConnectionStrings__Redis:-127.0.0.1:${ESHOP_REDIS_PORT:-56379}}"
fi

# The first administrator comes from the environment; without one, generate a password. In the Durable profile the
# account outlives the run with the database, so its password is kept beside the data for the next start (a new one
# each run would not sign in to the account the first run created, and the silo would refuse to start).
export EShop__Admin__Email="${EShop__Admin__Email:-admin@eshop.local}"
if [ -z "${EShop__Admin__Password:-}" ]; then
  if [ "$profile" = Durable ]; then
    password_file=".data/admin-password"
    [ -s "$password_file" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$password_file")
    EShop__Admin__Password="$(cat "$password_file")"
    password_note="kept in $password_file"
  else
    EShop__Admin__Password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
    password_note="generated for this run"
  fi
  export EShop__Admin__Password
fi

# The gateway signs access tokens with this key (at least 32 bytes). Kept beside the Durable data like the password:
# with a new key each start, a restart would reject every access token a signed-in storefront still holds.
if [ -z "${EShop__Jwt__SigningKey:-}" ]; then
  if [ "$profile" = Durable ]; then
    key_file=".data/jwt-signing-key"
    [ -s "$key_file" ] || (umask 077; head -c 48 /dev/urandom | base64 >"$key_file")
    EShop__Jwt__SigningKey="$(cat "$key_file")"
  else
    EShop__Jwt__SigningKey="$(head -c 48 /dev/urandom | base64)"
  fi
  export EShop__Jwt__SigningKey
fi

# Personal data in grain state (names, e-mails, addresses) is stored encrypted with this key (32 bytes). The Durable
# data outlives the run, so the key is kept beside it: without it those rows cannot be read again.
if [ -z "${EShop__Encryption__Key:-}" ] && [ "$profile" = Durable ]; then
  key_file=".data/encryption-key"
  [ -s "$key_file" ] || (umask 077; head -c 32 /dev/urandom | base64 >"$key_file")
  EShop__Encryption__Key="$(cat "$key_file")"
  export EShop__Encryption__Key
fi

# Every silo talks to the one sandbox process: with a sandbox inside each silo (what a silo does when these are unset),
# a payment made through one silo would be unknown to another's processor. Exported, so the sandbox sees the same
# settings as the silos (EShop__Shipping__SandboxStepInterval among them, passed through when set).
export EShop__Payments__ProcessorUrl="${EShop__Payments__ProcessorUrl:-$sandbox_url}"
export EShop__Shipping__CarrierUrl="${EShop__Shipping__CarrierUrl:-$sandbox_url}"
export EShop__Mail__Url="${EShop__Mail__Url:-$sandbox_url}"

echo "Building... (the first run takes a minute)"
dotnet build EShop.sln -c Release -v quiet -nologo

pids=()
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
# A signal stops the hosts and then the script too, also while it is still starting them.
trap stop EXIT
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

# Waits until the URL answers 200, with a dot every second, so a slow start does not look like a hang; a host that
# exits meanwhile (a port taken, a bad setting) is reported with the end of its log at once.
wait_ready() {
  local url="$1" name="$2" pid="$3" log="$4"
  for _ in $(seq 1 180); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = "200" ]; then echo " up"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo
      echo "$name exited while starting; the end of $log:" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
    printf .
    sleep 1
  done
  echo
  echo "$name did not become ready in 3 minutes; see $log" >&2
  exit 1
}

printf "Starting the sandbox card processor and carrier on %s, waiting until it answers" "$sandbox_url"
dotnet run --project src/Sandbox -c Release --no-build --urls "$sandbox_url" >"$logs/sandbox.log" 2>&1 &
pids+=($!)
wait_ready "$sandbox_url/sandbox/processor/behaviour" "The sandbox" "$!" "$logs/sandbox.log"

dashboards=""
for i in $(seq 0 $((silos - 1))); do
  url="http://127.0.0.1:$((8081 + i))"
  printf "Starting silo %s on %s, waiting until healthy" "$i" "$url"
  Orleans__SiloPort=$((11111 + i)) Orleans__GatewayPort=$((30000 + i)) \
    dotnet run --project src/Silo -c Release --no-build --urls "$url" >"$logs/silo-$i.log" 2>&1 &
  pids+=($!)
  wait_ready "$url/health" "Silo $i" "$!" "$logs/silo-$i.log"
  dashboards="$dashboards $url/dashboard"
done

gateway_urls="$gateway_url"
if [ "$tls" = true ]; then
  # A development certificate for 127.0.0.1 and localhost, made once; browsers will ask to trust it. Deployments pass
  # their own in Kestrel__Certificates__Default__Path (and __Password).
  gateway_tls_url="${GATEWAY_TLS_URL:-https://127.0.0.1:8443}"
  mkdir -p .data/tls
  if [ ! -s .data/tls/gateway.pfx ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=127.0.0.1" \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -addext "extendedKeyUsage=serverAuth" \
      -keyout .data/tls/gateway.key -out .data/tls/gateway.crt 2>/dev/null
    openssl pkcs12 -export -inkey .data/tls/gateway.key -in .data/tls/gateway.crt -out .data/tls/gateway.pfx -passout pass:eshop-dev
    chmod 600 .data/tls/gateway.key .data/tls/gateway.pfx
  fi
  export Kestrel__Certificates__Default__Path="$PWD/.data/tls/gateway.pfx" Kestrel__Certificates__Default__Password=eshop-dev
  gateway_urls="$gateway_url;$gateway_tls_url"
fi

printf "Starting the gateway on %s, waiting until healthy" "$gateway_urls"
dotnet run --project src/GraphQLGateway -c Release --no-build --urls "$gateway_urls" >"$logs/gateway.log" 2>&1 &
pids+=($!)
wait_ready "$gateway_url/health" "The gateway" "$!" "$logs/gateway.log"

elsewhere=""
[ "$EShop__Payments__ProcessorUrl" = "$sandbox_url" ] || elsewhere="$elsewhere
  Card processor    $EShop__Payments__ProcessorUrl"
[ "$EShop__Shipping__CarrierUrl" = "$sandbox_url" ] || elsewhere="$elsewhere
  Carrier           $EShop__Shipping__CarrierUrl"
[ "$EShop__Mail__Url" = "$sandbox_url" ] || elsewhere="$elsewhere
  Mail server       $EShop__Mail__Url"

cat <<MSG

EShop is running: profile $profile, $silos silo(s)$([ "$profile" = Local ] && echo " (nothing is durable)").
  GraphQL endpoint  $gateway_url/graphql${gateway_tls_url:+
  over HTTPS        $gateway_tls_url/graphql   (certificate: .data/tls/gateway.crt)}
  GraphiQL          $gateway_url/graphql   (open in a browser)
  Orleans dashboard$dashboards
  Health            $gateway_url/health
  Sandbox           $sandbox_url   (card processor and carrier; parcels move every ${EShop__Shipping__SandboxStepInterval:-00:02:00})$elsewhere
  Admin             $EShop__Admin__Email${password_note:+ / password $EShop__Admin__Password ($password_note)}
  Logs              $logs/   (JSON lines for ELK; Logging__Console__FormatterName=simple for plain text)
Press Ctrl-C to stop.
MSG
wait
