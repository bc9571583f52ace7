# Sourced by the benchmarks (scripts/bench-auth.sh, -conference.sh, -messaging.sh): wrk, an embedded
# Iris started from the built WAR with the README run's JVM settings, users created through the real
# API, and one measured wrk run at a time. The caller sets port, out, users, password, wrk_dir, and
# BENCH_PROPERTIES for settings of its own (BENCH_H2_OPTIONS: the databases' URL options).
. scripts/iris-options.sh   # the JVM settings of scripts/run.sh, unless IRIS_JAVA_OPTIONS says others
mkdir -p "$out"

if ! command -v wrk >/dev/null; then
    as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk
fi

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

# start_iris ITERATIONS: a fresh embedded run (its own H2 files) with that many PBKDF2 iterations
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
${BENCH_PROPERTIES:-}
PROPERTIES
    for boundary in global emea de na cala apac anz cn hds; do
        echo "iris.db.$boundary.url=jdbc:h2:$(pwd)/$data/$boundary${BENCH_H2_OPTIONS:-;DB_CLOSE_ON_EXIT=FALSE}" >> "$out/iris-$iterations.properties"
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

