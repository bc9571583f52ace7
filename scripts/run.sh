#!/usr/bin/env bash
# Builds Iris and runs it on Payara Micro with the embedded default: one H2 database per boundary
# under ./iris-data, nothing to install but JDK 17 and Maven. IRIS_PORT picks the HTTP port (8080).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/iris-options.sh
port="${IRIS_PORT:-8080}"
mvn -B -q package -DskipTests
echo "Iris starts on http://localhost:${port}/ (API /api/v1, readiness /health/ready, OpenAPI /openapi)"
# shellcheck disable=SC2086
exec java $IRIS_JAVA_OPTIONS -jar web/target/payara-micro.jar --deploy web/target/iris.war --contextroot / \
    $IRIS_MICRO_OPTIONS --port "$port" "$@"
