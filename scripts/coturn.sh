# Sourced by scripts/test.sh: start_coturn installs coturn (Debian package) when missing and starts a
# turnserver on loopback, which checks TURN REST credentials (use-auth-secret) the way the production
# one does, so the integration tests can prove that the credentials Iris hands out really open a
# relay. Exports TURN_PORT and TURN_SECRET for Maven (-Dit.turn.port, -Dit.turn.secret).
TURN_REALM=iris.test
TURN_DIR=web/target/coturn

command -v as_root >/dev/null 2>&1 ||
    as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# turn_listening PORT: whether something listens on 127.0.0.1:PORT, over UDP and over TCP
turn_listening() {
    ss -Hlun "src 127.0.0.1:$1" | grep -q . && ss -Hltn "src 127.0.0.1:$1" | grep -q .
}

# turn_secret_of PORT: the static-auth-secret of the turnserver on that port (empty if it is no
# turnserver of ours)
turn_secret_of() {
    local pid
    pid=$(ss -Hltnp "src 127.0.0.1:$1" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
    [ -n "$pid" ] && tr '\0' '\n' <"/proc/$pid/cmdline" | sed -n 's/^--static-auth-secret=//p'
}

start_coturn() {
    export TURN_PORT=${TURN_PORT:-3479}
    export TURN_SECRET=${TURN_SECRET:-iris-turn-test-secret}
    if ! command -v turnserver >/dev/null 2>&1; then
        echo "Installing coturn from the Debian packages"
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q coturn
    fi
    if turn_listening "$TURN_PORT"; then
        # from an earlier run; with another secret every credential test would fail, and not say why
        if [ "$(turn_secret_of "$TURN_PORT")" != "$TURN_SECRET" ]; then
            echo "127.0.0.1:$TURN_PORT is taken, but not by a turnserver with \$TURN_SECRET" >&2
            return 1
        fi
        echo "coturn already on 127.0.0.1:$TURN_PORT"
        return
    fi
    mkdir -p "$TURN_DIR"
    # named after the port: a turnserver on another port keeps its own
    local log=$TURN_DIR/turnserver-$TURN_PORT.log pid=$TURN_DIR/turnserver-$TURN_PORT.pid tries=0
    rm -f "$log" "$pid"
    # -n: no turnserver.conf, every option is here; absolute paths, as the daemon leaves this
    # directory. The user database (SQLite) is of no use with a static secret but is opened anyway:
    # a file of its own, not the system's. The relay ports stay the default ones, on 127.0.0.1.
    if turnserver -n --daemon \
        --listening-ip=127.0.0.1 --relay-ip=127.0.0.1 --listening-port="$TURN_PORT" \
        --use-auth-secret --static-auth-secret="$TURN_SECRET" --realm="$TURN_REALM" --fingerprint \
        --no-tls --no-dtls --no-cli --no-rfc5780 \
        --allow-loopback-peers --no-multicast-peers \
        --db="$PWD/$TURN_DIR/turndb-$TURN_PORT" --pidfile="$PWD/$pid" \
        --log-file="$PWD/$log" --simple-log --no-stdout-log; then
        until turn_listening "$TURN_PORT" || [ "$tries" -ge 50 ]; do
            tries=$((tries + 1))
            sleep 0.2
        done
    fi
    if ! turn_listening "$TURN_PORT"; then
        echo "coturn did not listen on 127.0.0.1:$TURN_PORT (UDP and TCP) within 10 s; $log ends with:" >&2
        tail -n 30 "$log" >&2 2>/dev/null || echo "(no log)" >&2
        # else a stray daemon would hold the port, half up, for the next run
        if [ -s "$pid" ]; then kill "$(cat "$pid")" 2>/dev/null || true; fi
        return 1
    fi
    echo "coturn on 127.0.0.1:$TURN_PORT (UDP and TCP), realm $TURN_REALM, log $log"
}
