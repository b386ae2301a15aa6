#!/bin/sh
# Installs everything the project needs on a machine that has only Node (any version >= 18) and npm:
# pnpm (pinned, fetched by npx), the workspace dependencies (which bring the pinned Node 24 binary
# and the embedded PostgreSQL binaries), and with --with-browser Debian's Chromium for the e2e tests.
# Idempotent: a second run only verifies.
set -eu
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")

if [ "${1:-}" = "--with-browser" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing Debian's chromium for the e2e tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "bootstrap: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get)" >&2
    exit 1
  fi
fi

if [ -n "${CI:-}" ]; then frozen="--frozen-lockfile"; else frozen="--prefer-frozen-lockfile"; fi
npx --yes "pnpm@${PNPM_VERSION}" install $frozen --reporter=append-only
