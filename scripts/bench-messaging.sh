#!/usr/bin/env bash
# Benchmark of real-time messaging: bubbles of 10 whose members send into their bubble over /ws, at
# a total rate, against Iris's embedded run (H2), while other users hold idle sockets open. Measured
# by the load generator bench/ws/WsLoad.java (the JDK's WebSocket client, run from source). Not a
# test: it prints messages accepted/s, deliveries/s, p50/p99 from send to delivery, sockets held,
# Iris's CPU in cores and its RSS.
#
#   scripts/bench-messaging.sh                    1 minute of warm-up, then 30 s measured, at 300, 400 and 500 messages/s
#   RATES="200" WARMUP=10 SECONDS_MEASURED=5 IDLE=200 scripts/bench-messaging.sh   tries the script quickly
#   NODES=2 scripts/bench-messaging.sh            the same on two nodes in one data grid (tcpip on loopback,
#                                                 a cluster name of its own), the databases shared through
#                                                 H2's AUTO_SERVER, each bubble's members spread over both
#
# The heap is 640 MiB (IRIS_JAVA_OPTIONS), not the README run's 320: 4,000 sockets hold about 61 KiB each
# of Grizzly's request, Tyrus's session and Iris's state (measured below: 241 MiB, Dec 8), and with
# 320 MiB the collector takes the node.
# 40 members (4 bubbles of 10, one socket each) and IDLE/10 more users, whose IDLE (4,000) sockets stay
# open beside them, 10 each (iris.ws.max-sockets-per-user: the bench keeps Iris's bounds as they are),
# register through the real API. Every message goes to the 9 other sockets of its bubble (the sender's
# has it in its acknowledgement), so deliveries are nine times the messages.
# Before the first rate, it measures the heap a socket costs: the heap after a full collection with
# the sockets open, less the same before they opened, divided by their number (jcmd, from the JDK).
set -euo pipefail
cd "$(dirname "$0")/.."

port=${IRIS_BENCH_PORT:-8487}
warmup=${WARMUP:-60}
measured=${SECONDS_MEASURED:-30}
rates=${RATES:-300 400 500}
nodes=${NODES:-1}
IRIS_JAVA_OPTIONS=${IRIS_JAVA_OPTIONS:-"-Xmx640m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=128m"}
idle=${IDLE:-4000}
QUICK=0
# the idle sockets' owners, at most iris.ws.max-sockets-per-user (10) each
users=$((40 + (idle + 9) / 10))
password="Quartz-Lantern-Orbit-42"
out=bench/target/messaging
wrk_dir=bench/wrk
# tokens that outlast the run, and enough sockets for the idle ones
BENCH_PROPERTIES="iris.token.access-ttl-seconds=3600"
if [ "$nodes" = 2 ]; then
    BENCH_H2_OPTIONS=";AUTO_SERVER=TRUE"
fi
. scripts/bench-lib.sh
grid_a=$((port + 6000)) grid_b=$((port + 6001))
if [ "$nodes" = 2 ]; then
    cluster="--clustername iris-bench-$$ --clustermode tcpip:127.0.0.1:$grid_a,127.0.0.1:$grid_b --interfaces 127.0.0.1 --nohostaware"
    IRIS_MICRO_OPTIONS="$cluster --startport $grid_a"
fi
second_pid=
stop_second() { if [ -n "$second_pid" ]; then kill "$second_pid" 2>/dev/null || true; wait "$second_pid" 2>/dev/null || true; fi; }
trap 'stop_second; stop_iris' EXIT
mvn -B -q package -DskipTests

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a "$out/results.txt"
start_iris 4096
urls="ws://127.0.0.1:$port/ws"
if [ "$nodes" = 2 ]; then
    # the second node: the same settings and data folder (its keys and secret), after the first made them
    # shellcheck disable=SC2086
    java $IRIS_JAVA_OPTIONS -jar web/target/payara-micro.jar --deploy web/target/iris.war --contextroot / \
        $cluster --startport $grid_b --port $((port + 1)) --systemProperties "$out/iris-4096.properties" \
        > "$out/iris-4096-b.log" 2>&1 &
    second_pid=$!
    until curl -fs "http://127.0.0.1:$((port + 1))/health/ready" >/dev/null 2>&1; do
        kill -0 "$second_pid" 2>/dev/null || { echo "the second node did not start; see $out/iris-4096-b.log"; exit 1; }
        sleep 0.5
    done
    grep -q 'DG Size: 2' "$out/iris-4096.log" "$out/iris-4096-b.log" || { echo "the two nodes are not one cluster"; exit 1; }
    urls="$urls,ws://127.0.0.1:$((port + 1))/ws"
    echo "second node ready, one data grid of 2" | tee -a "$out/results.txt"
fi
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

# heap_used_kib: the heap in use after a full collection, in KiB
heap_used_kib() {
    jcmd "$iris_pid" GC.run >/dev/null
    jcmd "$iris_pid" GC.heap_info | awk '/total/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K", "", v); s += v}} END {print s}'
}

hz=$(getconf CLK_TCK)
measured_heap=0
for rate in $rates; do
    if [ "$measured_heap" = 0 ] && [ "$nodes" = 1 ]; then
        measured_heap=1
        before_heap=$(heap_used_kib)
        java -Xmx512m bench/ws/WsLoad.java "$urls" "$out/bubbles.txt" "$out/idle.txt" "$idle" 0 30 0 \
            > "$out/heap-load.txt" 2> "$out/heap-load.err" &
        heap_load=$!
        until grep -q 'members in' "$out/heap-load.err" 2>/dev/null; do
            kill -0 "$heap_load" 2>/dev/null || { echo "the socket load ended early; see $out/heap-load.err"; exit 1; }
            sleep 1
        done
        open_heap=$(heap_used_kib)
        sockets=$(grep -o '^[0-9]* sockets open, ' "$out/heap-load.err" | tail -1 | grep -o '^[0-9]*')
        wait "$heap_load" || true
        echo "heap per socket: $(( (open_heap - before_heap) / sockets )) KiB ($sockets sockets, $((before_heap / 1024)) MiB before, $((open_heap / 1024)) MiB open, after a full collection)" \
            | tee -a "$out/results.txt"
    fi
    before=$(cpu_ticks)
    before_b=0
    [ -n "$second_pid" ] && before_b=$(awk '{print $14 + $15}' "/proc/$second_pid/stat")
    result=$(java -Xmx512m bench/ws/WsLoad.java "$urls" "$out/bubbles.txt" "$out/idle.txt" "$idle" "$rate" \
        "$warmup" "$measured" | grep '^RESULT')
    after=$(cpu_ticks)
    cores=$(echo "scale=2; ($after - $before) / $hz / ($warmup + $measured)" | bc)
    if [ -n "$second_pid" ]; then
        after_b=$(awk '{print $14 + $15}' "/proc/$second_pid/stat")
        cores_b=$(echo "scale=2; ($after_b - $before_b) / $hz / ($warmup + $measured)" | bc)
        rss_b=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$second_pid/status")
        echo "two nodes, bubbles of 10: ${result#RESULT } cpu_cores_a=$cores cpu_cores_b=$cores_b rss_mib_a=$(rss_mib) rss_mib_b=$rss_b" \
            | tee -a "$out/results.txt"
    else
        echo "one node, bubbles of 10: ${result#RESULT } iris_cpu_cores=$cores iris_rss_mib=$(rss_mib)" | tee -a "$out/results.txt"
    fi
done
echo "peak RSS $(hwm_mib) MiB" | tee -a "$out/results.txt"
echo "results: $out/results.txt"
