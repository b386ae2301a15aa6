#!/bin/sh
# Installs everything the project needs on a machine that has only Node (any version >= 18) and npm:
# pnpm (pinned, fetched by npx), the workspace dependencies (which bring the pinned Node 24 binary
# and the embedded PostgreSQL binaries), and with --with-browser Debian's Chromium and a Java runtime
# (for the Nu HTML checker) for the e2e tests.
# Idempotent: a second run only verifies.
set -eu
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")

# The e2e tests need Debian's Chromium (Playwright's own browser download cannot work here) and a
# Java runtime for the Nu HTML checker; both come from apt-get when missing.
if [ "${1:-}" = "--with-browser" ]; then
  missing=""
  [ -x /usr/bin/chromium ] || missing="chromium"
  command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "bootstrap: installing Debian's$missing for the e2e tests"
      apt-get update -qq
      # shellcheck disable=SC2086
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
      echo "bootstrap: the e2e tests need$missing, which cannot be installed here (needs root and apt-get)" >&2
      exit 1
    fi
  fi
fi

if [ -n "${CI:-}" ]; then frozen="--frozen-lockfile"; else frozen="--prefer-frozen-lockfile"; fi
npx --yes "pnpm@${PNPM_VERSION}" install $frozen --reporter=append-only
