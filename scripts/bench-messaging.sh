#!/usr/bin/env bash
# Benchmark of real-time messaging: bubbles of 10 whose members send into their bubble over /ws, at
# a total rate, against Iris's embedded run (H2), while other users hold idle sockets open. Measured
# by the load generator bench/ws/WsLoad.java (the JDK's WebSocket client, run from source). Not a
# test: it prints messages accepted/s, deliveries/s, p50/p99 from send to delivery, sockets held,
# Iris's CPU in cores and its RSS.
#
#   scripts/bench-messaging.sh                    1 minute of warm-up, then 30 s measured, at 500 and 1000 messages/s
#   RATES="200" WARMUP=10 SECONDS_MEASURED=5 IDLE=200 scripts/bench-messaging.sh   tries the script quickly
#
# 40 members (4 bubbles of 10, one socket each) and 10 more users, whose IDLE (4,000) sockets stay
# open beside them, register through the real API. Every message goes to the 9 other sockets of its
# bubble (the sender's has it in its acknowledgement), so deliveries are nine times the messages.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${IRIS_BENCH_PORT:-8487}
warmup=${WARMUP:-60}
measured=${SECONDS_MEASURED:-30}
rates=${RATES:-500 1000}
idle=${IDLE:-4000}
QUICK=0
users=50
password="Quartz-Lantern-Orbit-42"
out=bench/target/messaging
wrk_dir=bench/wrk
# tokens that outlast the run, and enough sockets for the idle ones
BENCH_PROPERTIES="iris.token.access-ttl-seconds=3600"
. scripts/bench-lib.sh
mvn -B -q package -DskipTests

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a "$out/results.txt"
start_iris 4096
create_users "$out/data-4096"
sessions
mapfile -t tokens < "$out/access.txt"
: > "$out/bubbles.txt"
for b in 0 1 2 3; do
    owner=${tokens[$((b * 10))]}
    bubble=$(api -H "Authorization: Bearer $owner" "http://127.0.0.1:$port/api/v1/bubbles" -d "{\"name\":\"Bubble $b\"}" \
        | sed -E 's/.*"id":"([^"]+)".*/\1/')
    line="$bubble $owner"
    for m in $(seq 1 9); do
        token=${tokens[$((b * 10 + m))]}
        member=$(api -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/users/me" | sed -E 's/.*"id":"([^"]+)".*/\1/')
        api -o /dev/null -H "Authorization: Bearer $owner" "http://127.0.0.1:$port/api/v1/bubbles/$bubble/participants" \
            -d "{\"userId\":\"$member\"}"
        line="$line $token"
    done
    echo "$line" >> "$out/bubbles.txt"
done
printf '%s\n' "${tokens[@]:40}" > "$out/idle.txt"

hz=$(getconf CLK_TCK)
for rate in $rates; do
    before=$(cpu_ticks)
    result=$(java bench/ws/WsLoad.java "ws://127.0.0.1:$port/ws" "$out/bubbles.txt" "$out/idle.txt" "$idle" "$rate" \
        "$warmup" "$measured" | grep '^RESULT')
    after=$(cpu_ticks)
    cores=$(echo "scale=2; ($after - $before) / $hz / ($warmup + $measured)" | bc)
    echo "one node, bubbles of 10: ${result#RESULT } iris_cpu_cores=$cores iris_rss_mib=$(rss_mib)" | tee -a "$out/results.txt"
done
echo "peak RSS $(hwm_mib) MiB" | tee -a "$out/results.txt"
echo "results: $out/results.txt"
