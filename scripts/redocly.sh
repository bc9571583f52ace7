# Sourced by scripts/test.sh: installs Redocly's CLI (npm, pinned) into .tools when missing. ApiClientIT
# lints the live OpenAPI document with it, a validator independent of openapi-generator's.
REDOCLY_VERSION=2.77.0

ensure_redocly() {
    local installed=.tools/node_modules/@redocly/cli/package.json
    if [ -x .tools/node_modules/.bin/redocly ] && grep -q "\"version\": \"$REDOCLY_VERSION\"" "$installed" 2>/dev/null; then
        return
    fi
    if ! command -v npm >/dev/null; then
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm
    fi
    mkdir -p .tools
    npm install --prefix .tools --no-audit --no-fund --loglevel=error "@redocly/cli@$REDOCLY_VERSION"
}
