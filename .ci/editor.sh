#!/usr/bin/env bash
# Editor support tested with the real yaml-language-server (issue 19): the server from npm
# at a pinned version, driven over LSP by tests/editor (node's own test runner), on a copy
# of positions/, the fixtures and schema/. Installs what it needs, quietly; exits non-zero
# when a test fails.
#
#   bash .ci/editor.sh                          build target/debug/trilogue if needed, run
#   TRILOGUE_BIN=path/to/trilogue bash .ci/editor.sh
#   SCHEMA_DIR=other/schema bash .ci/editor.sh  the same assertions on other schemas
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR=never NO_COLOR=1 DEBIAN_FRONTEND=noninteractive

step() { printf '\n== %s\n' "$*"; }

step "editor tests: node and yaml-language-server"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if ! (apt-get update -qq && apt-get install -y -qq nodejs npm) >/tmp/editor-apt.log 2>&1; then
    cat /tmp/editor-apt.log >&2
    echo "editor: could not install node and npm" >&2
    exit 1
  fi
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "editor: node $(node --version) is too old; the tests need node 20 or newer" >&2
  exit 1
fi
echo "node $(node --version)"
(cd tests/editor && npm ci --no-audit --no-fund --loglevel=error >/tmp/editor-npm.log 2>&1) || {
  cat /tmp/editor-npm.log >&2
  echo "editor: npm ci failed in tests/editor" >&2
  exit 1
}
echo "yaml-language-server $(node -p 'require("./tests/editor/node_modules/yaml-language-server/package.json").version')"

if [ -z "${TRILOGUE_BIN:-}" ]; then
  cargo build --quiet
  target_dir="${CARGO_TARGET_DIR:-target}"
  case "$target_dir" in /*) ;; *) target_dir="$(pwd)/$target_dir" ;; esac
  TRILOGUE_BIN="$target_dir/debug/trilogue"
fi
export TRILOGUE_BIN

step "editor tests: node --test"
cd tests/editor
# The time limit is a guard against a hang, not a performance check.
timeout --kill-after=30 600 node --test --test-concurrency=1 editor.test.mjs
