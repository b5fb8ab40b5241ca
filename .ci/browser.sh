#!/usr/bin/env bash
# Real-browser tests and output checks of the site (issue #6): Debian's Chromium driven
# by playwright-core (no browser download), axe-core for accessibility, node's own test
# runner. Installs what it needs, quietly; exits non-zero when a test fails.
#
#   bash .ci/browser.sh                      build target/debug/trilogue if needed, run all
#   TRILOGUE_BIN=path/to/trilogue bash .ci/browser.sh
#   SITE_DIR=target/ci-site bash .ci/browser.sh     output checks on an existing build
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR=never NO_COLOR=1 DEBIAN_FRONTEND=noninteractive

step() { printf '\n== %s\n' "$*"; }

step "browser tests: Chromium, node and the test harness"
if [ ! -x /usr/bin/chromium ]; then
  if ! (apt-get update -qq && apt-get install -y -qq chromium) >/tmp/browser-apt.log 2>&1; then
    cat /tmp/browser-apt.log >&2
    echo "browser: could not install Debian's chromium" >&2
    exit 1
  fi
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if ! (apt-get update -qq && apt-get install -y -qq nodejs npm) >/tmp/browser-apt.log 2>&1; then
    cat /tmp/browser-apt.log >&2
    echo "browser: could not install node and npm" >&2
    exit 1
  fi
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "browser: node $(node --version) is too old; playwright-core needs node 20 or newer" >&2
  exit 1
fi
/usr/bin/chromium --version 2>/dev/null | sed -n 1p || true
echo "node $(node --version)"
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/tmp/browser-npm.log 2>&1) || {
  cat /tmp/browser-npm.log >&2
  echo "browser: npm ci failed in tests/browser" >&2
  exit 1
}

if [ -z "${TRILOGUE_BIN:-}" ]; then
  cargo build --quiet
  target_dir="${CARGO_TARGET_DIR:-target}"
  case "$target_dir" in /*) ;; *) target_dir="$(pwd)/$target_dir" ;; esac
  TRILOGUE_BIN="$target_dir/debug/trilogue"
fi
export TRILOGUE_BIN
echo "trilogue: $TRILOGUE_BIN"

step "browser tests: node --test"
cd tests/browser
# The time limit is a guard against a hang, not a performance check.
timeout --kill-after=30 900 node --test --test-concurrency=1 ./*.test.mjs check-output.mjs
