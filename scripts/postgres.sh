# Sourced by test.sh and bench-search.sh: installs PostgreSQL from the Debian packages when missing,
# starts its cluster (Debian services do not start by themselves here), makes sure the role iris
# exists, and defines $port and psql_on PORT. recreate_databases PREFIX... makes fresh databases.
# restart_cluster DATABASE... makes (or starts) a second cluster, which a test may stop and start
# without disturbing the others, and defines $restart_port, $restart_stop, $restart_start.
BOUNDARIES="global emea de na cala apac anz cn hds"
DB_USER=iris
DB_PASSWORD=iris

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Installing PostgreSQL from the Debian packages"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi

RESTART_CLUSTER=iris_restart
# the tests' cluster: any but the one a restart test stops and starts
main_cluster() { pg_lsclusters --no-header | awk -v r="$RESTART_CLUSTER" '$2 != r' | head -n 1; }
cluster=$(main_cluster)
if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    as_root pg_createcluster "$version" main
    cluster=$(main_cluster)
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
    echo "Starting PostgreSQL $version/$name on port $port"
    as_root pg_ctlcluster "$version" "$name" start
fi

# psql_on PORT ARGS...: psql as the superuser, on the cluster of that port
psql_on() { local on=$1; shift; as_postgres psql -v ON_ERROR_STOP=1 -q -p "$on" -d postgres "$@"; }
ensure_role() {
    psql_on "$1" -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;"
}
# fresh_database PORT NAME: an empty database NAME, owned by the role
fresh_database() {
    psql_on "$1" -c "DROP DATABASE IF EXISTS $2 WITH (FORCE)"
    psql_on "$1" -c "CREATE DATABASE $2 OWNER $DB_USER"
}
ensure_role "$port"

recreate_databases() {
    local prefix boundary
    for prefix in "$@"; do
        for boundary in $BOUNDARIES; do
            fresh_database "$port" "${prefix}${boundary}"
        done
    done
    echo "PostgreSQL $version on 127.0.0.1:$port: fresh databases {$*}{${BOUNDARIES// /,}}"
}

restart_cluster() {
    local name=$RESTART_CLUSTER database
    if ! pg_lsclusters --no-header | awk -v v="$version" -v n="$name" '$1 == v && $2 == n' | grep -q .; then
        # not started at boot: only the tests use it
        as_root pg_createcluster "$version" "$name" --start-conf=manual >/dev/null  # on the next free port
    fi
    read -r _ _ restart_port restart_status _ <<<"$(pg_lsclusters --no-header | awk -v v="$version" -v n="$name" '$1 == v && $2 == n')"
    if [ "$restart_status" != "online" ]; then
        as_root pg_ctlcluster "$version" "$name" start
    fi
    local prefix=""
    if [ "$(id -u)" -ne 0 ]; then
        # the test stops and starts the cluster itself, long after this script asked for a password
        sudo -n true 2>/dev/null || { echo "The restart test needs root or password-less sudo for pg_ctlcluster" >&2; exit 1; }
        prefix="sudo -n "
    fi
    restart_stop="${prefix}pg_ctlcluster $version $name stop -m fast"
    restart_start="${prefix}pg_ctlcluster $version $name start"
    ensure_role "$restart_port"
    for database in "$@"; do
        fresh_database "$restart_port" "$database"
    done
    echo "PostgreSQL $version/$name on 127.0.0.1:$restart_port (for restart tests): fresh databases {$*}"
}
