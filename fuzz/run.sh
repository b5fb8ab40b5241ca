#!/usr/bin/env bash
# Fuzz trilogue's parsers for a while: the YAML loader (with validation and rendering),
# the Markdown renderer and the diff engine.
#
#   fuzz/run.sh [SECONDS] [TARGET...]     default: 60 seconds each, every target
#
# Installs cargo-fuzz if it is missing (from crates.io). libFuzzer needs nightly compiler
# features; on a stable toolchain RUSTC_BOOTSTRAP=1 unlocks them. The corpus grows in
# fuzz/corpus/<target> (git-ignored), seeded from the project's YAML files; a crash is
# saved in fuzz/artifacts/<target>/ and the script exits non-zero. To reproduce one:
#   RUSTC_BOOTSTRAP=1 cargo fuzz run <target> fuzz/artifacts/<target>/<file>
# then turn it into a regression test in tests/ before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(load_yaml markdown diff)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1
# Keep the instrumented build away from the normal one.
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/fuzz/target}"

# Seeds: every YAML file of the project is a good start for the loader.
mkdir -p fuzz/corpus/load_yaml fuzz/corpus/markdown fuzz/corpus/diff
find positions tests/fixtures -name '*.yaml' -size -64k 2>/dev/null | while read -r f; do
  cp "$f" "fuzz/corpus/load_yaml/seed-$(printf '%s' "$f" | tr '/' '_')"
done

cargo fuzz build
for t in "${targets[@]}"; do
  echo "== fuzzing $t for ${seconds}s"
  # -rss_limit_mb: a run that needs more memory than this is a bug too.
  cargo fuzz run "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
done
echo "fuzz: no crash in ${#targets[@]} targets x ${seconds}s"
