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
. scripts/bench-lib.sh
mvn -B -q package -DskipTests

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
