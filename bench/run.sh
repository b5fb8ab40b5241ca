#!/usr/bin/env bash
# Benchmark of trilogue (issue #7): build and check at 1k, 10k and 100k provisions against
# Hugo and the I/O floor, `trilogue diff` against git and wdiff, the rebuild latency of
# `trilogue serve`, and `trilogue import` of a real Parliament amendments document (when
# the real documents are present, see tests/fixtures/real/SOURCES.md). Prints a table of
# medians (with min and max) and the targets met or not.
#
#   bench/run.sh            the full run (several minutes to an hour, depending on the machine)
#   bench/run.sh --quick    200 provisions, one repetition, no 100k: what CI runs
#
# Options: --reps N (repetitions per measurement; default 5, 1 with --quick), --keep (keep
# the generated corpora and sites). BENCH_DIR chooses the working folder (default
# <target>/bench), BENCH_SIZES the corpora (dossiers x provisions; default
# "10x100 10x1000 100x1000"), BENCH_HUGO_MAX the largest corpus Hugo builds (default 10000:
# Hugo's memory grows by about 230 MB per 1,000 pages, so 100k pages would need the whole
# memory of a 23 GB machine; larger corpora are listed as "not run" in the results).
# Installs what it needs (time, hugo, wdiff) with apt-get.
# Exits non-zero if any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C NO_COLOR=1

QUICK=0
REPS=""
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --reps) REPS="$2"; shift ;;
    --keep) KEEP=1 ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$REPS" ]; then
  if [ "$QUICK" = 1 ]; then REPS=1; else REPS=5; fi
fi
SERVE_PROBES=$([ "$QUICK" = 1 ] && echo 3 || echo 9)
STARTED=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

say() { printf '\n== %s\n' "$*" >&2; }

# --- what the benchmark needs ---------------------------------------------------------
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
command -v wdiff >/dev/null 2>&1 || missing+=(wdiff)
command -v git >/dev/null 2>&1 || missing+=(git)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

TARGET=$(cargo metadata --format-version 1 --no-deps | grep -o '"target_directory":"[^"]*"' | cut -d'"' -f4)
if [ "$QUICK" = 1 ]; then
  # CI keeps the script working with the debug build its tests already compiled; the
  # figures of a quick run say nothing about speed.
  say "building trilogue and the generator (debug: --quick only checks that the benchmark runs)"
  cargo build --quiet --bin trilogue --example gen_corpus
  PROFILE_DIR=debug
else
  say "building trilogue and the generator (release)"
  cargo build --release --quiet --bin trilogue --example gen_corpus
  PROFILE_DIR=release
fi
BIN="$TARGET/$PROFILE_DIR/trilogue"
GEN="$TARGET/$PROFILE_DIR/examples/gen_corpus"
WORK="$(realpath -m "${BENCH_DIR:-$TARGET/bench}")" # absolute: Hugo resolves paths from --source
rm -rf "$WORK"
mkdir -p "$WORK"
RUNS="$WORK/runs.tsv"
: >"$RUNS"
FAILURES="$WORK/failures.txt"
: >"$FAILURES"
SERVE_PID=""
cleanup() {
  if [ -n "$SERVE_PID" ]; then kill "$SERVE_PID" 2>/dev/null || true; fi
  if [ "$KEEP" = 0 ]; then rm -rf "$WORK/c"* "$WORK/h"* "$WORK/out" "$WORK/floor"; fi
}
trap cleanup EXIT

# --- measuring ------------------------------------------------------------------------
# measure LABEL CMD...: runs CMD $REPS times, each after `prep` (a function the caller sets,
# e.g. removing the previous output), and records wall seconds, CPU seconds (user + system)
# and peak resident memory (KB) of each run. Exit status 1 is accepted when OK1 is set
# (git diff and wdiff say "the files differ" so).
prep() { :; }
measure() {
  local label="$1"
  shift
  local i status
  for ((i = 0; i < REPS; i++)); do
    prep
    status=0
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt" || status=$?
    if [ "$status" != 0 ] && ! { [ -n "${OK1:-}" ] && [ "$status" = 1 ]; }; then
      echo "bench/run.sh: $label failed (exit $status): $*" >&2
      if [ -n "${MAY_FAIL:-}" ]; then
        # e.g. killed for lack of memory (137): said in the results, the run goes on.
        printf '%s: failed with exit status %s (peak memory before: see dmesg)\n' "$label" "$status" >>"$FAILURES"
        tail -3 "$WORK/stderr.txt" >&2
        return 1
      fi
      tail -20 "$WORK/stderr.txt" >&2
      exit 1
    fi
    tail -1 "$WORK/time.txt" | awk -v l="$label" '{ printf "%s\t%s\t%.2f\t%s\n", l, $1, $2 + $3, $4 }' >>"$RUNS"
  done
}

# stat LABEL COLUMN: "median min max" of a column (2 wall, 3 CPU, 4 memory) over the runs.
stat() {
  awk -F'\t' -v l="$1" -v c="$2" '$1 == l { print $c }' "$RUNS" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "- - -"; exit }
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'
}
med() { stat "$1" "$2" | cut -d' ' -f1; }

# --- the site's size (issue 17: at most 40 KB per provision) ---------------------------
# site_shape N SITE: one line of $SHAPE: provisions, files, bytes, files and bytes under
# pagefind/, and the largest page with its size.
SHAPE="" # set once $WORK exists
site_shape() {
  local n="$1" site="$2" pf largest
  pf=$(files_and_bytes "$site/pagefind")
  largest=$(find "$site" -type f -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
  printf '%s\t%s\t%s\t%s\n' "$n" "$(files_and_bytes "$site")" "$pf" "$largest" | tr ' ' '\t' >>"$SHAPE"
}
# site_targets: the rows of the targets table on the site's size.
site_targets() {
  while IFS=$'\t' read -r n files bytes pf_files pf_bytes largest_bytes largest; do
    target "site bytes per provision, $n provisions (≤ 40 KB; $files files, of which $pf_files search index)" "$(awk -v b="$bytes" -v n="$n" 'BEGIN { print b / n / 1000 }')" 40 " KB"
    echo "| largest page, $n provisions: $largest | $(awk -v b="$largest_bytes" 'BEGIN { printf "%.2g MB", b / 1e6 }') | |"
  done <"$SHAPE"
}

files_and_bytes() { find "$1" -type f -printf '%s\n' | awk '{ n++; b += $1 } END { printf "%d %.0f\n", n, b }'; } # %.0f: awk's %d stops at 2^31

# --- the corpora ----------------------------------------------------------------------
if [ "$QUICK" = 1 ]; then
  SIZES="2x100"
else
  SIZES="10x100 10x1000 100x1000"
fi
# BENCH_SIZES="10x100 10x1000" (dossiers x provisions) measures other sizes.
SIZES="${BENCH_SIZES:-$SIZES}"
ROWS="$WORK/rows.tsv"
: >"$ROWS"
SHAPE="$WORK/shape.tsv"
: >"$SHAPE"

for size in $SIZES; do
  d=${size%x*}
  p=${size#*x}
  n=$((d * p))
  C="$WORK/c$n"
  H="$WORK/h$n"
  HUGO_MAX=${BENCH_HUGO_MAX:-10000}
  say "$n provisions ($d dossiers × $p): generating"
  if [ "$n" -le "$HUGO_MAX" ]; then
    "$GEN" corpus --out "$C" --dossiers "$d" --provisions "$p" --seed 7 --hugo "$H"
  else
    "$GEN" corpus --out "$C" --dossiers "$d" --provisions "$p" --seed 7
  fi
  input_bytes=$(files_and_bytes "$C/positions")

  say "$n provisions: trilogue check"
  "$BIN" --root "$C" check >"$WORK/check.txt"
  grep -q "^ok: $d dossier.*, $n provisions" "$WORK/check.txt" || { cat "$WORK/check.txt" >&2; echo "check did not pass cleanly" >&2; exit 1; }
  if [ "$(wc -l <"$WORK/check.txt")" != 1 ]; then cat "$WORK/check.txt" >&2; echo "check reported problems" >&2; exit 1; fi
  measure "check $n" "$BIN" --root "$C" -q check

  # The 100k corpus once: a run takes minutes.
  SAVED_REPS=$REPS
  [ "$n" -lt 100000 ] || REPS=1
  say "$n provisions: trilogue build --no-briefings (the HTML site, search index, feeds and data; fresh output folder each run)"
  prep() { rm -rf "$WORK/out"; }
  if ! MAY_FAIL=$([ "$n" -lt 100000 ] || echo 1) measure "build $n" "$BIN" --root "$C" -q build --no-briefings --out "$WORK/out"; then
    REPS=$SAVED_REPS
    rm -rf "$WORK/out" "$C" "$H"
    continue
  fi
  test -f "$WORK/out/index.html"
  site=$(files_and_bytes "$WORK/out")
  site_shape "$n" "$WORK/out"
  if [ "$n" -le 1000 ]; then
    say "$n provisions: trilogue build with the briefing PDFs (what plain \`trilogue build\` does), once"
    SAVED=$REPS
    REPS=1
    prep() { rm -rf "$WORK/outpdf"; }
    measure "pdfbuild $n" "$BIN" --root "$C" -q build --out "$WORK/outpdf"
    ls "$WORK/outpdf"/*/*-briefing.pdf >/dev/null
    REPS=$SAVED
    rm -rf "$WORK/outpdf"
  fi

  say "$n provisions: I/O floor (read every input, write as many files and bytes as the site)"
  prep() { rm -rf "$WORK/floor"; }
  measure "floor $n" "$GEN" io-floor --read "$C/positions" --like "$WORK/out" --out "$WORK/floor"
  floor=$(files_and_bytes "$WORK/floor")
  [ "$site" = "$floor" ] || { echo "the I/O floor wrote $floor, the site has $site" >&2; exit 1; }

  hugo_site="0 0"
  if [ "$n" -le "$HUGO_MAX" ]; then
    say "$n provisions: Hugo (one Markdown page per provision)"
    prep() { rm -rf "$WORK/hout"; }
    measure "hugo $n" hugo --quiet --source "$H" --destination "$WORK/hout" --cacheDir "$WORK/hcache"
    hugo_site=$(files_and_bytes "$WORK/hout")
  else
    say "$n provisions: Hugo not run (above BENCH_HUGO_MAX=$HUGO_MAX)"
    printf 'hugo %s: not run: above BENCH_HUGO_MAX=%s (Hugo needs about 230 MB per 1,000 pages)\n' "$n" "$HUGO_MAX" >>"$FAILURES"
  fi
  prep() { :; }
  REPS=$SAVED_REPS
  printf '%s\t%s\t%s\t%s\t%s\n' "$n" "$input_bytes" "$site" "$hugo_site" "$size" >>"$ROWS"
  rm -rf "$WORK/out" "$WORK/floor" "$WORK/hout"
  [ "$KEEP" = 1 ] || [ "$n" = 10000 ] || [ "$QUICK" = 1 ] || rm -rf "$C" "$H"
  [ "$KEEP" = 1 ] || rm -rf "$H"
done

# --- briefings -------------------------------------------------------------------------
# `trilogue build` with its briefing PDFs (what a plain build does), on corpora of 1,000-
# provision dossiers: cold (--no-cache: every PDF laid out), warm (the cache in
# <corpus>/.trilogue-cache/briefings/ filled by the build before), and --no-briefings on
# the same corpus for the ratios. Peak memory must not grow with the dossiers.
# BENCH_BRIEF_SIZES chooses the corpora (default "1x1000 3x1000 10x1000"; --quick: 1x100).
if [ "$QUICK" = 1 ]; then BRIEF_SIZES="1x100"; else BRIEF_SIZES="1x1000 3x1000 10x1000"; fi
BRIEF_SIZES="${BENCH_BRIEF_SIZES:-$BRIEF_SIZES}"
BRIEF_ROWS="$WORK/brief-rows.tsv"
: >"$BRIEF_ROWS"
for size in $BRIEF_SIZES; do
  d=${size%x*}
  p=${size#*x}
  C="$WORK/cb$size"
  say "briefings, $size: generating"
  "$GEN" corpus --out "$C" --dossiers "$d" --provisions "$p" --seed 7 >/dev/null
  prep() { rm -rf "$WORK/outb"; }
  say "briefings, $size: build --no-briefings"
  measure "bnob $size" "$BIN" --root "$C" -q build --no-briefings --out "$WORK/outb"
  say "briefings, $size: build with briefings, cold (--no-cache)"
  # Bounded: a build whose memory grew with the dossiers once took the whole machine.
  MAY_FAIL=1 measure "bcold $size" bash -c 'ulimit -v 8000000; exec "$@"' _ "$BIN" --root "$C" -q build --no-cache --out "$WORK/outb" || continue
  ls "$WORK/outb"/*/*-briefing.pdf >/dev/null
  say "briefings, $size: build with briefings, warm cache"
  rm -rf "$WORK/outb" "$C/.trilogue-cache"
  "$BIN" --root "$C" -q build --out "$WORK/outb"
  measure "bwarm $size" "$BIN" --root "$C" -q build --out "$WORK/outb"
  prep() { :; }
  printf '%s\t%s\n' "$size" "$((d * p))" >>"$BRIEF_ROWS"
  rm -rf "$WORK/outb"
  [ "$KEEP" = 1 ] || rm -rf "$C"
done

# --- diff -----------------------------------------------------------------------------
say "trilogue diff, git diff --word-diff and wdiff on two 1 MB texts, 5% of the words changed"
"$GEN" diff-pair --out "$WORK/diff" --bytes 1000000 --percent 5 --seed 7
measure "diff trilogue" "$BIN" -q diff "$WORK/diff/old.txt" "$WORK/diff/new.txt"
grep -q '{+' "$WORK/stdout.txt"
OK1=1 measure "diff git" git diff --no-index --no-color --word-diff "$WORK/diff/old.txt" "$WORK/diff/new.txt"
OK1=1 measure "diff wdiff" wdiff "$WORK/diff/old.txt" "$WORK/diff/new.txt"

# --- serve ----------------------------------------------------------------------------
if [ "$QUICK" = 1 ]; then SERVE_N=200; else SERVE_N=10000; fi
SC="$WORK/c$SERVE_N"
say "trilogue serve on $SERVE_N provisions: edit one provision, time until the page shows it"
PORT=$("$GEN" free-port)
: >"$WORK/serve.log"
"$BIN" --root "$SC" serve -v --port "$PORT" 2>"$WORK/serve.log" &
SERVE_PID=$!
for _ in $(seq 1 600); do
  grep -q "^serving" "$WORK/serve.log" && break
  kill -0 "$SERVE_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.5
done
grep -q "^serving" "$WORK/serve.log" || { echo "serve did not start" >&2; exit 1; }
FILE=$(find "$SC/positions/dossier-001/provisions" -name 'article-*.yaml' | sort | sed -n 1p)
PAGE="dossier-001/provisions/$(basename "$FILE" .yaml).html"
: >"$WORK/probes.txt"
for ((i = 0; i < SERVE_PROBES; i++)); do
  "$GEN" serve-probe --port "$PORT" --file "$FILE" --page "$PAGE" --log "$WORK/serve.log" --marker "benchmarkedit$i" >>"$WORK/probes.txt"
done
kill "$SERVE_PID"
wait "$SERVE_PID" 2>/dev/null || true
SERVE_PID=""
# served_ms=12.3 rebuilt=45ms -> two rows of runs (milliseconds in the wall column)
awk '{ split($1, a, "="); split($2, b, "="); r = b[2]; ms = r + 0
       if (r ~ /µs$/) ms = ms / 1000; else if (r ~ /[0-9]s$/ && r !~ /ms$/) ms = ms * 1000
       printf "serve page\t%s\t-\t-\nserve rebuilt\t%s\t-\t-\n", a[2] / 1000, ms / 1000 }' "$WORK/probes.txt" >>"$RUNS"

# --- import ---------------------------------------------------------------------------
# `trilogue import` of the Parliament's 771 amendments to the AI Act (P9_TA(2023)0236, the
# 2.6 MB OJ C edition) into a dossier of 300 provisions: the AI Act proposal imported from
# its EUR-Lex XHTML (180 provisions), plus 120 more Commission articles no amendment
# touches. The real documents are not committed (tests/fixtures/real/SOURCES.md says where
# they come from); without them the step is listed as not run. BENCH_REAL_DOCS names
# another folder holding them.
REAL="${BENCH_REAL_DOCS:-tests/fixtures/real}"
EP_DOC="$REAL/aia-ep-position-2023-0236-oj-c-2024-506-en.html"
PROPOSAL="$REAL/aia-com2021-206-en.xhtml"
IMPORT_N=300
if [ -f "$EP_DOC" ] && [ -f "$PROPOSAL" ]; then
  say "trilogue import: 771 amendments (2.6 MB) into a dossier of $IMPORT_N provisions"
  I="$WORK/import"
  mkdir -p "$I/positions/ai-act/provisions"
  cat >"$I/positions/ai-act/dossier.yaml" <<'YAML'
# yaml-language-server: $schema=../../schema/dossier.schema.json
title: Regulation laying down harmonised rules on artificial intelligence
short_title: AI Act
procedure: 2021/0106(COD)
lang: en
status: parliament-mandate
summary: The benchmark's dossier.
sources:
  com-2021-206:
    title: Commission proposal, COM(2021) 206 final
    institution: commission
    date: 2021-04-21
  ep-2023-0236:
    title: Amendments adopted by the European Parliament, P9_TA(2023)0236
    institution: parliament
    date: 2023-06-14
YAML
  "$BIN" --root "$I" -q import ai-act "$PROPOSAL" --institution commission --date 2021-04-21 --source com-2021-206
  have=$(find "$I/positions/ai-act/provisions" -name '*.yaml' | wc -l)
  for ((k = 1; k <= IMPORT_N - have; k++)); do
    printf 'ref: Article %d\ntitle: Filler article %d\npositions:\n  commission:\n    date: 2021-04-21\n    source: com-2021-206\n    text: |\n      1. This filler article %d of the benchmark is not amended by the Parliament.\n' \
      $((200 + k)) "$k" "$k" >"$I/positions/ai-act/provisions/article-$((200 + k)).yaml"
  done
  [ "$(find "$I/positions/ai-act/provisions" -name '*.yaml' | wc -l)" = "$IMPORT_N" ] || { echo "the import dossier does not have $IMPORT_N provisions" >&2; exit 1; }
  cp -r "$I" "$I.pristine"
  prep() { rm -rf "$I" && cp -r "$I.pristine" "$I"; }
  measure "import $IMPORT_N" "$BIN" --root "$I" import ai-act "$EP_DOC" --institution parliament --date 2023-06-14 --source ep-2023-0236
  grep -q "amendments, changing" "$WORK/stdout.txt" || { cat "$WORK/stdout.txt" >&2; echo "the import did not read the amendments" >&2; exit 1; }
  prep() { :; }
  rm -rf "$I" "$I.pristine"
else
  say "trilogue import: not run ($EP_DOC or $PROPOSAL missing; see tests/fixtures/real/SOURCES.md)"
  echo "import of the Parliament's amendments: not run, the real documents are missing ($EP_DOC, $PROPOSAL; see tests/fixtures/real/SOURCES.md)" >>"$FAILURES"
fi

# --- the table ------------------------------------------------------------------------
say "results"
{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -h | awk '/^Mem:/ { print $2 }') memory; load average before the run: $LOAD_BEFORE"
  echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); trilogue $(git rev-parse --short HEAD 2>/dev/null || echo '?'); $(hugo version | cut -d' ' -f1-2); $(git --version); $(wdiff --version | sed -n 1p)"
  echo "Runs per measurement: $REPS (median, with min and max; 100k and the PDF builds once); $PROFILE_DIR build; page cache warm; each build into a fresh folder"
  echo
  echo "| measurement | provisions | wall s: median (min–max) | CPU s | peak memory MB | ms per provision | output |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  while IFS=$'\t' read -r n input site hugo_site size; do
    for what in check build pdfbuild floor hugo; do
      [ -n "$(awk -F'\t' -v l="$what $n" '$1 == l' "$RUNS")" ] || continue
      read -r m lo hi <<<"$(stat "$what $n" 2)"
      cpu=$(med "$what $n" 3)
      mem=$(med "$what $n" 4)
      case $what in
        check) name="trilogue check"; out="reads $(echo "$input" | awk '{ printf "%d files, %.1f MB", $1, $2 / 1e6 }')" ;;
        pdfbuild) name="trilogue build, with briefing PDFs"; out="1 run" ;;
        build) name="trilogue build --no-briefings"; out="$(echo "$site" | awk '{ printf "%d files, %.1f MB", $1, $2 / 1e6 }')" ;;
        floor) name="I/O floor"; out="same files and bytes" ;;
        hugo) name="Hugo"; out="$(echo "$hugo_site" | awk '{ printf "%d files, %.1f MB", $1, $2 / 1e6 }')" ;;
      esac
      awk -v name="$name" -v n="$n" -v m="$m" -v lo="$lo" -v hi="$hi" -v cpu="$cpu" -v mem="$mem" -v out="$out" \
        'BEGIN { printf "| %s | %d | %.2f (%.2f–%.2f) | %.2f | %.0f | %.3f | %s |\n", name, n, m, lo, hi, cpu, mem / 1024, m * 1000 / n, out }'
    done
  done <"$ROWS"
  while IFS=$'\t' read -r size n; do
    for what in bnob bcold bwarm; do
      read -r m lo hi <<<"$(stat "$what $size" 2)"
      case $what in
        bnob) name="build --no-briefings ($size)" ;;
        bcold) name="build with briefings, cold: --no-cache ($size)" ;;
        bwarm) name="build with briefings, warm cache ($size)" ;;
      esac
      awk -v name="$name" -v n="$n" -v m="$m" -v lo="$lo" -v hi="$hi" -v cpu="$(med "$what $size" 3)" -v mem="$(med "$what $size" 4)" \
        'BEGIN { printf "| %s | %d | %.2f (%.2f–%.2f) | %.2f | %.0f | %.3f | |\n", name, n, m, lo, hi, cpu, mem / 1024, m * 1000 / n }'
    done
  done <"$BRIEF_ROWS"
  for what in trilogue git wdiff; do
    read -r m lo hi <<<"$(stat "diff $what" 2)"
    awk -v name="diff: $what" -v m="$m" -v lo="$lo" -v hi="$hi" -v cpu="$(med "diff $what" 3)" -v mem="$(med "diff $what" 4)" \
      'BEGIN { printf "| %s | 1 MB pair | %.3f (%.3f–%.3f) | %.2f | %.0f | | |\n", name, m, lo, hi, cpu, mem / 1024 }'
  done
  if [ -n "$(awk -F'\t' -v l="import $IMPORT_N" '$1 == l' "$RUNS")" ]; then
    read -r m lo hi <<<"$(stat "import $IMPORT_N" 2)"
    awk -v n="$IMPORT_N" -v m="$m" -v lo="$lo" -v hi="$hi" -v cpu="$(med "import $IMPORT_N" 3)" -v mem="$(med "import $IMPORT_N" 4)" \
      'BEGIN { printf "| trilogue import: 771 amendments (2.6 MB) | %d | %.2f (%.2f–%.2f) | %.2f | %.0f | | |\n", n, m, lo, hi, cpu, mem / 1024 }'
  fi
  for what in page rebuilt; do
    read -r m lo hi <<<"$(stat "serve $what" 2)"
    label=$([ "$what" = page ] && echo "serve: save → page shows the edit" || echo "serve: \"rebuilt in\" (log)")
    awk -v name="$label" -v n="$SERVE_N" -v m="$m" -v lo="$lo" -v hi="$hi" -v k="$SERVE_PROBES" \
      'BEGIN { printf "| %s | %d | %.3f (%.3f–%.3f) | | | | %d edits |\n", name, n, m, lo, hi, k }'
  done
  echo
  echo "| target | figure | met |"
  echo "|---|---|---|"
  target() { # description, figure, limit (figure <= limit is met), unit
    awk -v d="$1" -v f="$2" -v l="$3" -v u="$4" 'BEGIN { printf "| %s | %.3g%s | %s |\n", d, f, u, (f + 0 <= l + 0) ? "yes" : "**no**" }'
  }
  while IFS=$'\t' read -r n _ _ _ _; do
    b=$(med "build $n" 2)
    if [ "$(med "hugo $n" 2)" != "-" ]; then
      target "trilogue build / Hugo, $n provisions (≤ 0.5)" "$(awk -v a="$b" -v h="$(med "hugo $n" 2)" 'BEGIN { print a / h }')" 0.5 ""
    fi
    target "trilogue build / I/O floor, $n provisions (≤ 4)" "$(awk -v a="$b" -v f="$(med "floor $n" 2)" 'BEGIN { print a / f }')" 4 ""
    case $n in
      10000)
        target "build, 10k provisions (≤ 2 s)" "$b" 2 " s"
        target "build memory, 10k provisions (≤ 500 MB)" "$(awk -v k="$(med "build $n" 4)" 'BEGIN { print k / 1024 }')" 500 " MB"
        target "check, 10k provisions (≤ 0.5 s)" "$(med "check $n" 2)" 0.5 " s"
        ;;
      100000)
        target "build, 100k provisions (≤ 20 s)" "$b" 20 " s"
        target "build memory, 100k provisions (≤ 3 GB)" "$(awk -v k="$(med "build $n" 4)" 'BEGIN { print k / 1024 / 1024 }')" 3 " GB"
        ;;
    esac
  done <"$ROWS"
  while IFS=$'\t' read -r size _; do
    nob=$(med "bnob $size" 2)
    target "briefings, warm cache / --no-briefings, $size (≤ 1.3)" "$(awk -v a="$(med "bwarm $size" 2)" -v b="$nob" 'BEGIN { print a / b }')" 1.3 ""
    target "briefings, cold / --no-briefings, $size (≤ 2)" "$(awk -v a="$(med "bcold $size" 2)" -v b="$nob" 'BEGIN { print a / b }')" 2 ""
    target "peak memory with briefings, cold, $size (≤ 1 GB)" "$(awk -v k="$(med "bcold $size" 4)" 'BEGIN { print k / 1024 / 1024 }')" 1 " GB"
    target "peak memory with briefings, warm, $size (≤ 1 GB)" "$(awk -v k="$(med "bwarm $size" 4)" 'BEGIN { print k / 1024 / 1024 }')" 1 " GB"
  done <"$BRIEF_ROWS"
  target "diff of the 1 MB pair (≤ 0.3 s)" "$(med "diff trilogue" 2)" 0.3 " s"
  target "diff / git diff --word-diff (≤ 1)" "$(awk -v a="$(med "diff trilogue" 2)" -v g="$(med "diff git" 2)" 'BEGIN { print a / g }')" 1 ""
  if [ "$(med "import $IMPORT_N" 2)" != "-" ]; then
    target "import of 771 amendments into $IMPORT_N provisions (≤ 1 s)" "$(med "import $IMPORT_N" 2)" 1 " s"
  fi
  target "serve: one edit, $SERVE_N provisions, page updated (≤ 200 ms)" "$(awk -v s="$(med "serve page" 2)" 'BEGIN { print s * 1000 }')" 200 " ms"
  site_targets
  if [ -s "$FAILURES" ]; then
    echo
    echo "Failed or not run:"
    sed 's/^/- /' "$FAILURES"
  fi
  echo
  echo "Benchmark time: $(($(date +%s) - STARTED)) s; load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$WORK/results.md"
echo "(also in $WORK/results.md; every run in $RUNS)" >&2
