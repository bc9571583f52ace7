#!/usr/bin/env bash
# Benchmark of the authenticated request path: password logins, GET /users/me with a bearer token,
# and refresh-token rotation, measured from outside with wrk against Iris's embedded run (H2), the
# load shape of ../shared/bench/keycloak (200 users, same connections and durations). Not a test:
# it prints figures (requests/s, p50/p99, Iris's CPU in cores and its RSS).
#
#   scripts/bench-auth.sh                 4,096 then 600,000 PBKDF2 iterations, 3 minutes of warm-up
#   ITERATIONS=4096 WARMUP=60 scripts/bench-auth.sh
#   JFR=1 scripts/bench-auth.sh           also keeps a JFR profile of GET /users/me (8 connections)
#   QUICK=1 USERS_COUNT=10 WARMUP=9 ITERATIONS=4096 scripts/bench-auth.sh   tries the script in a minute
#
# Users are created through the real API (registration, PIN from the embedded run's mail files).
set -euo pipefail
cd "$(dirname "$0")/.."

port=${IRIS_BENCH_PORT:-8485}
warmup=${WARMUP:-180}
QUICK=${QUICK:-0}   # QUICK=1: every run 3 s, to try the script
iterations_list=${ITERATIONS:-"4096 600000"}
users=${USERS_COUNT:-200}
password="Quartz-Lantern-Orbit-42"
out=bench/target/auth
wrk_dir=bench/wrk
. scripts/iris-options.sh   # the JVM settings of scripts/run.sh, unless IRIS_JAVA_OPTIONS says others
mkdir -p "$out"

if ! command -v wrk >/dev/null; then
    as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk
fi

mvn -B -q package -DskipTests

iris_pid=
stop_iris() {
    if [ -n "$iris_pid" ]; then
        kill "$iris_pid" 2>/dev/null || true
        wait "$iris_pid" 2>/dev/null || true
        iris_pid=
    fi
}
trap stop_iris EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$iris_pid/stat"; }
rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$iris_pid/status"; }
hwm_mib() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$iris_pid/status"; }

start_iris() {
    local iterations=$1 data=$out/data-$1
    rm -rf "$data"
    mkdir -p "$data"
    cat > "$out/iris-$iterations.properties" <<PROPERTIES
iris.data.dir=$(pwd)/$data
iris.password.iterations=$iterations
# 200 registrations from one address within minutes: the per-address budgets of the embedded run
iris.pin.address.max-requests-per-hour=100000
iris.pin.address.max-tries-per-hour=100000
iris.login.address.free-failures=100000
PROPERTIES
    for boundary in global emea de na cala apac anz cn hds; do
        echo "iris.db.$boundary.url=jdbc:h2:$(pwd)/$data/$boundary;DB_CLOSE_ON_EXIT=FALSE" >> "$out/iris-$iterations.properties"
    done
    local started
    started=$(date +%s.%N)
    local recording=
    if [ "${JFR:-0}" = "1" ]; then
        # recorded from the start: started later, JFR instruments JDK classes and the JIT starts over
        recording="-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=name=iris,settings=default,maxage=10m"
    fi
    # shellcheck disable=SC2086
    java $IRIS_JAVA_OPTIONS $recording -jar web/target/payara-micro.jar --deploy web/target/iris.war --contextroot / $IRIS_MICRO_OPTIONS \
        --port "$port" --systemProperties "$out/iris-$iterations.properties" > "$out/iris-$iterations.log" 2>&1 &
    iris_pid=$!
    until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
        kill -0 "$iris_pid" 2>/dev/null || { echo "Iris did not start; see $out/iris-$iterations.log"; exit 1; }
        sleep 0.2
    done
    printf 'ready after %.1f s, RSS %s MiB\n' "$(echo "$(date +%s.%N) - $started" | bc)" "$(rss_mib)" | tee -a "$out/results.txt"
    curl -fs "http://127.0.0.1:$port/api/v1/companies/default" > /dev/null
    sleep 20
    echo "idle RSS $(rss_mib) MiB (20 s after a first call)" | tee -a "$out/results.txt"
}

api() { curl -fsS -H 'Content-Type: application/json' -H 'Accept: application/json' "$@"; }

create_users() {
    local data=$1
    : > "$out/users.txt"
    for n in $(seq -w 1 "$users"); do
        local email="user$n.$RANDOM@bench.example.org"
        api -o /dev/null "http://127.0.0.1:$port/api/v1/registrations" -d "{\"email\":\"$email\"}"
        echo "$email" >> "$out/users.txt"
    done
    local n=0
    while read -r email; do
        n=$((n + 1))
        local mail=
        for _ in $(seq 1 300); do
            mail=$(grep -l "^To: $email" "$data"/mail/*.txt 2>/dev/null | head -1 || true)
            [ -n "$mail" ] && break
            sleep 0.1
        done
        [ -n "$mail" ] || { echo "no registration mail for $email"; exit 1; }
        local pin
        pin=$(grep -o 'code is: [0-9]\{6\}' "$mail" | grep -o '[0-9]\{6\}')
        api -o /dev/null "http://127.0.0.1:$port/api/v1/registrations/confirm" \
            -d "{\"email\":\"$email\",\"pin\":\"$pin\",\"password\":\"$password\",\"firstName\":\"Bench\",\"lastName\":\"User $n\"}"
    done < <(cat "$out/users.txt")
}

sessions() {
    : > "$out/access.txt"
    : > "$out/refresh.txt"
    while read -r email; do
        local tokens
        tokens=$(api "http://127.0.0.1:$port/api/v1/auth/login" -d "{\"email\":\"$email\",\"password\":\"$password\"}")
        echo "$tokens" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/' >> "$out/access.txt"
        echo "$tokens" | sed -E 's/.*"refreshToken":"([^"]+)".*/\1/' >> "$out/refresh.txt"
    done < "$out/users.txt"
}

# measure NAME SCRIPT CONNECTIONS SECONDS [LABEL]: one wrk run, with Iris's CPU and RSS over it
measure() {
    local name=$1 script=$2 connections=$3 seconds=$(( QUICK ? 3 : $4 )) label=${5:-$1}
    local threads=$(( connections < 2 ? connections : 2 ))
    local before after result hz
    hz=$(getconf CLK_TCK)
    before=$(cpu_ticks)
    result=$(USERS=$out/users.txt TOKENS=$out/access.txt REFRESH=$out/refresh.txt PASSWORD=$password THREADS=$threads \
        wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$wrk_dir/$script" "http://127.0.0.1:$port" \
        | grep '^RESULT')
    after=$(cpu_ticks)
    local cores
    cores=$(echo "scale=2; ($after - $before) / $hz / $seconds" | bc)
    echo "$label c=$connections ${result#RESULT } iris_cpu_cores=$cores iris_rss_mib=$(rss_mib)" | tee -a "$out/results.txt"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a "$out/results.txt"
for iterations in $iterations_list; do
    echo "## PBKDF2 $iterations iterations" | tee -a "$out/results.txt"
    start_iris "$iterations"
    create_users "$out/data-$iterations"
    sessions
    if [ "$iterations" -le 100000 ]; then
        echo "warming up for $warmup s (logins, GET /users/me, refreshes, a third each)"
        measure warmup login.lua 4 $(( warmup / 3 )) warmup-login > /dev/null
        measure warmup me.lua 8 $(( warmup / 3 )) warmup-me > /dev/null
        sessions
        measure warmup refresh.lua 4 $(( warmup / 3 )) warmup-refresh > /dev/null
        sessions
        measure login login.lua 2 60
        measure login login.lua 4 60
        measure me me.lua 2 30
        measure me me.lua 8 30
        if [ "${JFR:-0}" = "1" ]; then
            jcmd "$iris_pid" JFR.dump name=iris begin=-30s filename="$(pwd)/$out/me.jfr" > /dev/null
            echo "profile of GET /users/me at 8 connections: $out/me.jfr (the c=8 run above, not the refreshes)"
        fi
        ME_PATH=/api/v1/companies/default measure anonymous me.lua 8 30 anonymous-companies-default
        sessions
        measure refresh refresh.lua 4 60
    else
        measure warmup login.lua 4 30 warmup-login > /dev/null
        measure login login.lua 2 30
        measure login login.lua 4 30
    fi
    echo "peak RSS $(hwm_mib) MiB" | tee -a "$out/results.txt"
    stop_iris
done
echo "results: $out/results.txt"
