#!/usr/bin/env bash
# Builds the web front end into target/dist with this machine's Node.js 20+ and npm (docs/web.md, Build):
# installs the locked packages, generates the typed client from the gateway's merged OpenAPI document, lints that
# document (a new warning fails), type-checks and bundles. Without Node.js it says so loudly and builds nothing:
# the gateway then serves no front end and the browser tests skip with a message.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1 \
    || ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
    echo "[WARNING] ================================================================================"
    echo "[WARNING] web: Node.js 20+ with npm not found on PATH: the web front end is NOT built, the gateway"
    echo "[WARNING] serves none, and the browser tests will skip. Install Node.js 20+ to build it."
    echo "[WARNING] ================================================================================"
    exit 0
fi

if [[ ! -f ../gateway/target/openapi/openapi-gateway.yaml ]]; then
    echo "web: ../gateway/target/openapi/openapi-gateway.yaml is missing: build the gateway in the same reactor" >&2
    exit 1
fi

# no update notices or telemetry from the Redocly CLI in the build
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_TELEMETRY=off
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build
echo "web: built target/dist ($(du -sk target/dist | cut -f1) KB)"
