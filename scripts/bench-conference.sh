#!/usr/bin/env bash
# Benchmark of a bubble's conference lobby: 50 members of one bubble join (and leave) its
# conference at once, over 50 connections, against Iris's embedded run (H2), measured from outside
# with wrk. Not a test: it prints requests/s, p50/p99, Iris's CPU in cores and its RSS.
#
#   scripts/bench-conference.sh            1 minute of warm-up, then 30 s measured
#   WARMUP=9 SECONDS_MEASURED=5 scripts/bench-conference.sh   tries the script quickly
#
# The 51 users (an owner and 50 members) register through the real API; each wrk connection plays
# a member in turn: join, then leave on its next turn. No organizer is in, so every join waits in the
# lobby: each join and each leave takes the bubble's lock, as a burst of joins does.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${IRIS_BENCH_PORT:-8486}
warmup=${WARMUP:-60}
measured=${SECONDS_MEASURED:-30}
QUICK=0
users=51
password="Quartz-Lantern-Orbit-42"
out=bench/target/conference
wrk_dir=bench/wrk
. scripts/bench-lib.sh
mvn -B -q package -DskipTests

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a "$out/results.txt"
start_iris 4096
create_users "$out/data-4096"
sessions
owner=$(head -1 "$out/access.txt")
bubble=$(api -H "Authorization: Bearer $owner" "http://127.0.0.1:$port/api/v1/bubbles" -d '{"name":"All hands"}' \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
tail -n +2 "$out/access.txt" > "$out/members.txt"
while read -r token; do
    member=$(api -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/users/me" | sed -E 's/.*"id":"([^"]+)".*/\1/')
    api -o /dev/null -H "Authorization: Bearer $owner" "http://127.0.0.1:$port/api/v1/bubbles/$bubble/participants" \
        -d "{\"userId\":\"$member\"}"
done < "$out/members.txt"
cp "$out/members.txt" "$out/access.txt"   # measure's TOKENS: the members only
export BUBBLE=$bubble
echo "warming up for $warmup s"
measure warmup conference.lua 50 "$warmup" warmup-conference > /dev/null
measure conference conference.lua 50 "$measured" "join-or-leave, 50 members"
echo "peak RSS $(hwm_mib) MiB" | tee -a "$out/results.txt"
echo "results: $out/results.txt"
