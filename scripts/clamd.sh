# Sourced by scripts/test.sh: start_clamd installs ClamAV's daemon (Debian package) when missing and
# starts a clamd on loopback, so the integration tests scan uploads the way production does, over
# clamd's INSTREAM protocol. There is no signature download here (no freshclam): the daemon loads a
# small database of its own, made from the EICAR test string and from clam.exe, the sample that every
# file of the Debian package clamav-testfiles wraps (zip, 7z, cab, PDF, OLE, mail, packed PE...).
# Exports CLAMD_PORT for Maven (-Dit.clamd.port). The names clamd answers carry the suffix
# .UNOFFICIAL (any database that is not a signed CVD), e.g. "stream: Iris.Test.EICAR.UNOFFICIAL FOUND";
# what it cannot look into it names by its own heuristics, e.g. "stream: Heuristics.Encrypted.Zip FOUND".
CLAMD_DIR=web/target/clamd
CLAMD_TESTFILES=/usr/share/clamav-testfiles
# the EICAR anti-virus test file, 68 bytes
CLAMD_EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

command -v as_root >/dev/null 2>&1 ||
    as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# clamd_ask PORT FORMAT [ARG...]: sends printf FORMAT ARG... to 127.0.0.1:PORT and prints the
# NUL-terminated reply of clamd (nothing if nothing listens, or no reply comes within 5 s). A subshell:
# the connection closes with it.
clamd_ask() (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 0
    printf "${@:2}" >&3
    reply=
    IFS= read -r -d '' -t 5 reply <&3 || true
    printf '%s' "$reply"
) 2>/dev/null

clamd_pong() { [ "$(clamd_ask "$1" 'zPING\0')" = PONG ]; }

# clamd_eicar PORT: the reply to the EICAR string in one INSTREAM chunk (4-byte big-endian length,
# 0x44 = 68), then the zero-length chunk that ends the stream
clamd_eicar() { clamd_ask "$1" 'zINSTREAM\0\0\0\0\x44%s\0\0\0\0' "$CLAMD_EICAR"; }
# clamd_ours PORT: whether the clamd there has our signatures
clamd_ours() { [ "$(clamd_eicar "$1")" = "stream: Iris.Test.EICAR.UNOFFICIAL FOUND" ]; }

# clamd_conf DIR PORT: the configuration of the clamd on PORT whose files are under DIR. clamd takes no
# options but its configuration file. No User: it runs as whoever starts it. No LocalSocket: TCP on
# loopback only. Uploads go up to 100 MB: StreamMaxLength and MaxFileSize above that (beyond
# StreamMaxLength clamd answers "INSTREAM size limit exceeded. ERROR"). clamd itself never goes to the
# network; only freshclam would, and it is not run.
clamd_conf() {
    local dir=$1 port=$2
    cat <<EOF
Foreground no
TCPAddr 127.0.0.1
TCPSocket $port
DatabaseDirectory $dir/db
SelfCheck 0
PidFile $dir/clamd-$port.pid
LogFile $dir/clamd-$port.log
LogTime yes
StreamMaxLength 110M
MaxFileSize 110M
MaxScanSize 400M
ScanArchive yes
ScanPDF yes
# Without the alerts below, clamd answers "stream: OK" for what it could not look into: an EICAR in a
# zip -P, a zip nested past MaxRecursion, an archive of more than MaxFiles. With them it answers
# Heuristics.Encrypted.* or Heuristics.Limits.Exceeded.* FOUND, which Iris refuses (unscannable-file).
AlertEncrypted yes
# what AlertEncrypted covers, split in two; written out so that neither reads as off
AlertEncryptedArchive yes
AlertEncryptedDoc yes
# for MaxFileSize, MaxScanSize, MaxRecursion and MaxFiles
AlertExceedsMax yes
# clamd's default, written out because the tests nest past it: an EICAR in 16 nested zips is found, in
# 17 it is refused. Real files nest 3 or 4 deep (a .docx in a zip in a mail); more only costs scan time.
MaxRecursion 17
# clamd's default, written out like MaxRecursion: an archive of more files is refused
MaxFiles 10000
EOF
}

# clamd_stop PORT PIDFILE: stops the clamd listening on PORT, known by its pid file, else by its socket
# (the file went with a mvn clean), and waits until the port is free
clamd_stop() {
    local p
    p=$(cat "$2" 2>/dev/null || true)
    # a pid file outlives its daemon, and its pid may be another process's by now
    if [ -z "$p" ] || [ "$(cat "/proc/$p/comm" 2>/dev/null)" != clamd ]; then
        p=$(ss -Hltnp "src 127.0.0.1:$1" | sed -n 's/.*"clamd",pid=\([0-9]*\),.*/\1/p' | head -n 1 || true)
    fi
    if [ -z "$p" ]; then
        echo "cannot tell which process is the clamd on 127.0.0.1:$1: stop it, then run this again" >&2
        return 1
    fi
    kill "$p" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while ss -Hltn "src 127.0.0.1:$1" | grep -q .; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "clamd $p on 127.0.0.1:$1 did not stop within 30 s" >&2
            return 1
        fi
        sleep 0.2
    done
}

# clamd_database DIR: the signatures, written anew
clamd_database() {
    local db=$1 clam=$CLAMD_TESTFILES/clam.exe
    rm -rf "$db"
    mkdir -p "$db"
    # body signature (target 0: any file), the EICAR string in hex, anywhere in what clamd scans: the
    # file itself and everything it unpacks, so it matches plain EICAR, EICAR in zip/gzip/tar, and in a
    # PDF stream, uncompressed (in the file itself) or FlateDecode (ScanPDF decodes it). A hash
    # signature of the 68 bytes would miss the uncompressed PDF stream.
    printf 'Iris.Test.EICAR:0:*:%s\n' "$(printf '%s' "$CLAMD_EICAR" | od -An -v -tx1 | tr -d ' \n')" \
        >"$db/iris-test.ndb"
    # SHA-256 and size of clam.exe (what ClamAV's own unit tests use): clamd unpacks every other
    # sample of clamav-testfiles back to these 544 bytes, packers included
    printf '%s:%s:Iris.Test.ClamAV-Test-File\n' "$(sha256sum <"$clam" | cut -d' ' -f1)" "$(stat -c %s "$clam")" \
        >"$db/iris-test.hsb"
}

start_clamd() {
    export CLAMD_PORT=${CLAMD_PORT:-3310}
    # zip: FilesIT encrypts an EICAR with zip -P, which java.util.zip cannot do
    if [ ! -x /usr/sbin/clamd ] || [ ! -d "$CLAMD_TESTFILES" ] || ! command -v zip >/dev/null; then
        # clamav-freshclam comes along (a dependency); its service, where systemd runs services,
        # downloads signatures for the system's clamd, which is no business of this one
        echo "Installing clamav-daemon, clamav-testfiles and zip from the Debian packages"
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q clamav-daemon clamav-testfiles zip
    fi
    # absolute paths: the daemon changes directory to /. Named after the port: a clamd on another
    # port keeps its own; the database is shared, loaded once (SelfCheck 0), so a mvn clean that
    # removes it under a running clamd does no harm. The temporary files of the streams stay in
    # $TMPDIR or /tmp, which mvn clean does not remove.
    local dir=$PWD/$CLAMD_DIR
    local conf=$dir/clamd-$CLAMD_PORT.conf log=$dir/clamd-$CLAMD_PORT.log pid=$dir/clamd-$CLAMD_PORT.pid
    if ss -Hltn "src 127.0.0.1:$CLAMD_PORT" | grep -q .; then
        # from an earlier run; a clamd with other signatures (the system's) would fail every test
        # that expects an Iris.Test name, and not say why
        if ! clamd_pong "$CLAMD_PORT" || ! clamd_ours "$CLAMD_PORT"; then
            echo "127.0.0.1:$CLAMD_PORT is taken, but not by a clamd with the Iris.Test signatures" >&2
            return 1
        fi
        # it runs with the file as it was at its start, and this function writes the file only to
        # start one: the same text, the same settings
        if [ "$(cat "$conf" 2>/dev/null)" = "$(clamd_conf "$dir" "$CLAMD_PORT")" ]; then
            echo "clamd already on 127.0.0.1:$CLAMD_PORT"
            return
        fi
        # started by an older version of this script (or its file went with a mvn clean): it may
        # answer OK for an encrypted zip
        echo "clamd on 127.0.0.1:$CLAMD_PORT was not started with this script's settings: restarting it"
        clamd_stop "$CLAMD_PORT" "$pid" || return 1
    fi
    mkdir -p "$CLAMD_DIR"
    local deadline=$((SECONDS + 60))
    rm -f "$log" "$pid"
    clamd_database "$dir/db"
    clamd_conf "$dir" "$CLAMD_PORT" >"$conf"
    # it forks before it binds the port: its exit status tells of the configuration, not of the
    # daemon, which may die later; then its pid file stays, and waiting on is useless
    if /usr/sbin/clamd -c "$conf" >>"$log" 2>&1; then
        until clamd_pong "$CLAMD_PORT" || [ "$SECONDS" -ge "$deadline" ] ||
            { [ -s "$pid" ] && ! kill -0 "$(cat "$pid")" 2>/dev/null; }; do
            sleep 0.2
        done
    fi
    if ! clamd_pong "$CLAMD_PORT" || ! clamd_ours "$CLAMD_PORT"; then
        echo "clamd did not answer PING, or did not find EICAR, on 127.0.0.1:$CLAMD_PORT within 60 s; $log ends with:" >&2
        tail -n 30 "$log" >&2 2>/dev/null || echo "(no log)" >&2
        # else a stray daemon would hold the port, half up, for the next run
        if [ -s "$pid" ]; then kill "$(cat "$pid")" 2>/dev/null || true; fi
        return 1
    fi
    echo "clamd on 127.0.0.1:$CLAMD_PORT, signatures $CLAMD_DIR/db, log $CLAMD_DIR/clamd-$CLAMD_PORT.log"
}
