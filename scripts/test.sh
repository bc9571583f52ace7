#!/usr/bin/env bash
# Runs every Iris test: unit tests, the Arquillian tests on Payara Micro and the deployment test of
# the EAR on Payara Server, all against PostgreSQL on loopback. Installs PostgreSQL (Debian
# packages) and starts it when missing, and recreates the test databases, one per boundary, and a
# second cluster that the database-restart test stops and starts; installs Redocly's CLI (npm) for the
# OpenAPI test; installs coturn and clamav-daemon (Debian) for the conference and antivirus tests,
# and starts them on loopback.
# Extra arguments go to Maven, e.g. scripts/test.sh -Dit.test=CompaniesIT
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIXES="iris_it_ iris_ear_ iris_rs_"
. scripts/postgres.sh
recreate_databases $PREFIXES
# DatabaseRestartIT stops and starts the EMEA database of its Iris: a cluster of its own
restart_cluster iris_rs_emea
. scripts/redocly.sh
ensure_redocly
# the TURN server whose use-auth-secret checks the conference credentials Iris hands out
. scripts/coturn.sh
start_coturn
# the clamd that scans files, with test signatures of its own (EICAR, Debian's clamav-testfiles)
. scripts/clamd.sh
start_clamd

exec mvn -B verify -Pserver -Dit.db.port="$port" -Dit.db.user="$DB_USER" -Dit.db.password="$DB_PASSWORD" \
    -Dit.restart.port="$restart_port" -Dit.restart.stop="$restart_stop" -Dit.restart.start="$restart_start" \
    -Dit.turn.port="$TURN_PORT" -Dit.turn.secret="$TURN_SECRET" -Dit.clamd.port="$CLAMD_PORT" "$@"
