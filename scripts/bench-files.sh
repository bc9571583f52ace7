#!/usr/bin/env bash
# Benchmark of file sharing: 10 MB uploads (random bytes) into a one-to-one conversation, each
# streamed through clamd, sealed and stored, against Iris's embedded run (H2) with the test clamd of
# scripts/clamd.sh. Not a test: it prints p50/p95/max of the whole upload, as curl sees it, over
# UPLOADS uploads after WARMUP ones, and Iris's RSS.
#
#   scripts/bench-files.sh                         5 uploads of warm-up, then 40 measured
#   WARMUP=1 UPLOADS=5 scripts/bench-files.sh      tries the script quickly
set -euo pipefail
cd "$(dirname "$0")/.."

port=${IRIS_BENCH_PORT:-8488}
warmup=${WARMUP:-5}
uploads=${UPLOADS:-40}
size_mb=${SIZE_MB:-10}
QUICK=0
users=2
password="Quartz-Lantern-Orbit-42"
out=bench/target/files
wrk_dir=bench/wrk
. scripts/clamd.sh   # the test clamd, started if it is not running
start_clamd >/dev/null
clamd_port=$CLAMD_PORT
BENCH_PROPERTIES="iris.clamd.host=127.0.0.1
iris.clamd.port=$clamd_port"
. scripts/bench-lib.sh
mvn -B -q package -DskipTests

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a "$out/results.txt"
start_iris 4096
create_users "$out/data-4096"
sessions
mapfile -t tokens < "$out/access.txt"
peer=$(api -H "Authorization: Bearer ${tokens[1]}" "http://127.0.0.1:$port/api/v1/users/me" | sed -E 's/.*"id":"([^"]+)".*/\1/')
conversation=$(api -H "Authorization: Bearer ${tokens[0]}" "http://127.0.0.1:$port/api/v1/conversations" -d "{\"userId\":\"$peer\"}" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
head -c $((size_mb * 1024 * 1024)) /dev/urandom > "$out/upload.bin"
: > "$out/times.txt"
for n in $(seq 1 $((warmup + uploads))); do
    answer=$(curl -sS -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer ${tokens[0]}" \
        -F "file=@$out/upload.bin;type=application/octet-stream" "http://127.0.0.1:$port/api/v1/conversations/$conversation/files")
    [ "${answer%% *}" = "201" ] || { echo "upload $n answered ${answer%% *}"; exit 1; }
    [ "$n" -gt "$warmup" ] && echo "${answer#* }" >> "$out/times.txt"
done
sort -n "$out/times.txt" | awk -v mb="$size_mb" '{ t[NR] = $1 } END {
    p50 = t[int(NR * 0.50 + 0.999)]; p95 = t[int(NR * 0.95 + 0.999)]
    printf "%d uploads of %d MB: p50 %.0f ms, p95 %.0f ms, max %.0f ms\n", NR, mb, p50 * 1000, p95 * 1000, t[NR] * 1000 }' \
    | tee -a "$out/results.txt"
echo "Iris RSS $(rss_mib) MiB, peak $(hwm_mib) MiB" | tee -a "$out/results.txt"
echo "results: $out/results.txt"
