#!/usr/bin/env bash
# Benchmark of the directory search (SPEC §3): 1,000,000 generated users in 10,000 companies over
# six regions (modes, derogations, organizations, "visibility by" pairs, networks), searched over
# HTTP by a sample of 1,020 of them, each with their own visibility. Not a test: it prints figures.
#
#   scripts/bench-search.sh            load the data once (about 5 minutes), then measure
#   scripts/bench-search.sh --fresh    load it again
#   THREADS=8 TIME=30s scripts/bench-search.sh
#   WARMUP_ITERATIONS=6 (the default) warms up for 6 x TIME: the JIT needs minutes on two cores
#
# Iris runs on Payara Micro (--nocluster, port 8484) against databases iris_bench_*; JMH runs in
# another JVM on the same machine, so its own work is part of what the two cores carry.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh

prefix=iris_bench_
out=bench/target/bench
iris_port=${IRIS_BENCH_PORT:-8484}
threads=${THREADS:-8}
time=${TIME:-30s}
mkdir -p "$out"

psql_bench() { PGPASSWORD=$DB_PASSWORD psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$port" -U "$DB_USER" -d "${prefix}$1" "${@:2}"; }

loaded=$(psql_bench emea -tAc "SELECT count(*) FROM directory_entry" 2>/dev/null || echo 0)
fresh=false
if [ "${1:-}" = "--fresh" ] || [ "$loaded" = "0" ]; then
    fresh=true
    recreate_databases "$prefix"
    rm -rf "$out/data"
fi

mvn -B -q package -DskipTests
java -cp bench/target/benchmarks.jar org.iris.bench.BenchKeys "$out/keys.json"

[ -s "$out/secret" ] || head -c 33 /dev/urandom | base64 > "$out/secret"
cat > "$out/iris.properties" <<PROPERTIES
iris.jwt.keys.file=$(pwd)/$out/keys.json
# outside the embedded run Iris wants a secret of its own
iris.secret=$(cat "$out/secret")
iris.data.dir=$(pwd)/$out/data
# nothing is mailed during the benchmark; an SMTP server is required outside the embedded run
iris.mail.transport=smtp
iris.mail.smtp.host=127.0.0.1
iris.mail.smtp.port=2
iris.mail.smtp.security=none
PROPERTIES
for boundary in $BOUNDARIES; do
    cat >> "$out/iris.properties" <<PROPERTIES
iris.db.$boundary.datasource=org.postgresql.ds.PGSimpleDataSource
iris.db.$boundary.url=jdbc:postgresql://127.0.0.1:$port/${prefix}$boundary
iris.db.$boundary.user=$DB_USER
iris.db.$boundary.password=$DB_PASSWORD
PROPERTIES
done

echo "Starting Iris on port $iris_port"
java -Xmx1g -jar web/target/payara-micro.jar --deploy web/target/iris.war --contextroot / --nocluster \
    --port "$iris_port" --systemProperties "$out/iris.properties" > "$out/iris.log" 2>&1 &
iris_pid=$!
trap 'kill $iris_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$iris_port/health/ready" >/dev/null 2>&1 && break
    kill -0 $iris_pid 2>/dev/null || { echo "Iris did not start; see $out/iris.log"; exit 1; }
    sleep 2
done
curl -fs "http://127.0.0.1:$iris_port/health/ready" >/dev/null || { echo "Iris is not ready after 5 minutes; see $out/iris.log"; exit 1; }

if $fresh; then
    echo "Generating 1,000,000 users in 10,000 companies (the schema is Iris's own, migrated at start)"
    regions=(emea de na cala apac anz)
    for ri in 0 1 2 3 4 5; do
        (cd bench/sql && psql_bench "${regions[$ri]}" -v region="${regions[$ri]^^}" -v ri=$ri -f region.sql)
        echo "  ${regions[$ri]}: $(psql_bench "${regions[$ri]}" -tAc "SELECT count(*) FROM account") users"
    done
    (cd bench/sql && psql_bench global -f global.sql)
fi

# the searchers: 1,020 users with a network, across every mode; the queries: the first
# two to five letters of a name, as someone types them
: > "$out/searchers.csv"
for boundary in emea de na cala apac anz; do
    psql_bench "$boundary" -tAF, -c "SELECT a.id, a.company_id, '${boundary^^}' FROM account a
        WHERE EXISTS (SELECT 1 FROM contact c WHERE c.owner_id = a.id) ORDER BY md5(a.id::text) LIMIT 170" >> "$out/searchers.csv"
done
psql_bench emea -tA -c "SELECT substr(lower(CASE WHEN random() < 0.5 THEN first_name ELSE last_name END), 1,
    2 + (random() * 3)::int) FROM account TABLESAMPLE SYSTEM (1) LIMIT 2000" > "$out/queries.txt"
echo "$(wc -l < "$out/searchers.csv") searchers, $(wc -l < "$out/queries.txt") queries"

java -jar bench/target/benchmarks.jar DirectorySearchBenchmark -p api="http://127.0.0.1:$iris_port/api/v1/" \
    -p data="$out" -t "$threads" -f 1 -wi "${WARMUP_ITERATIONS:-6}" -w "$time" -i 3 -r "$time" -bm thrpt,sample -tu ms \
    -rf json -rff "$out/result.json" | tee "$out/jmh.txt" | grep -E "^(Benchmark|DirectorySearch)|p0.50|p0.99 |p0.999 "
rss_kib=$(ps -o rss= -p "$iris_pid")
echo "Iris RSS after the run: $((rss_kib / 1024)) MiB; its log: $out/iris.log"
