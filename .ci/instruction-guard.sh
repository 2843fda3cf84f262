#!/usr/bin/env bash
# Performance regression guard that is not a timed test (issue #12): counts the instructions the debug `tally build`
# executes on a small fixed workload under valgrind's callgrind, and holds the count against a committed budget.
#   .ci/instruction-guard.sh           check (run by `make test` after the tests)
#   .ci/instruction-guard.sh --update  rewrite .ci/instruction-budget.txt (`make instruction-budget`)
#
# Workload: ReportSpecs/weekly-kpi-pack.yaml at 72 dpi (every stage: read, evaluate, compose, layout, PDF, PNG) over
# tickets.csv files of SMALL and LARGE rows written by the debug `sampledata`, each built once with `--jobs 1`.
# Two numbers are held against the budget:
#   total    instructions of the LARGE build: catches a slower stage anywhere, fixed costs included;
#   per_row  (LARGE − SMALL) / (LARGE − SMALL rows): the marginal cost of a row, where fonts, PDF and PNG cancel
#            out, so a per-row cost that grows with the rows (an O(n²) loop) shows up many times over.
# A count above budget × (1 + TOLERANCE) fails; below budget × (1 − TOLERANCE) prints a note to lower the budget.
# Counts are deterministic (hashing seeded with SWIFT_DETERMINISTIC_HASHING; callgrind runs one thread at a time)
# but they change with any code change, the compiler and the system libraries: see BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${TALLY_DEBUG_BIN:-.build/debug}
budget=.ci/instruction-budget.txt
small=${GUARD_SMALL_ROWS:-500}
large=${GUARD_LARGE_ROWS:-2000}
tolerance=${GUARD_TOLERANCE:-0.15}
spec=ReportSpecs/weekly-kpi-pack.yaml

if ! command -v valgrind >/dev/null 2>&1; then
  if [ "${1:-}" = --update ]; then
    echo "instruction-guard: valgrind is not installed; '.ci/deps.sh test' installs it" >&2
    exit 1
  fi
  echo "instruction-guard: SKIPPED — valgrind is not installed (.ci/deps.sh test installs it)"
  exit 0
fi
for tool in tally sampledata; do
  if [ ! -x "$bin/$tool" ]; then
    echo "instruction-guard: $bin/$tool is missing; run 'swift build' first" >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/tally-instruction-guard.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SWIFT_DETERMINISTIC_HASHING=1
# Valgrind before 3.20 cannot read the DWARF 5 that Swift 6 emits ("Possibly corrupted debuginfo file") and gives
# up; a copy without debug info keeps its symbol table, so callgrind still names every function.
tally="$bin/tally"
if command -v objcopy >/dev/null 2>&1; then
  tally="$work/tally"
  objcopy --strip-debug "$bin/tally" "$tally"
fi

# Instructions of one `tally build` over ROWS tickets.
count() {
  local rows=$1 dir="$work/$1"
  mkdir -p "$dir/ReportSpecs"
  # At the spec's 150 dpi the debug build spends 86% of its instructions turning pixels into PNG rows; 72 dpi
  # (the least allowed) keeps every stage and a quarter of the pixels.
  sed 's/^  formats: \[pdf, png\]$/&\n  dpi: 72/' "$spec" >"$dir/ReportSpecs/$(basename "$spec")"
  if ! grep -q '^  dpi: 72$' "$dir/ReportSpecs/$(basename "$spec")"; then
    echo "instruction-guard: $spec no longer ends with 'output: formats: [pdf, png]'; update the dpi edit in $0" >&2
    exit 1
  fi
  "$bin/sampledata" --out "$dir/SampleData" --rows "$rows" --only tickets >"$dir/sampledata.log" 2>&1 || {
    cat "$dir/sampledata.log" >&2
    exit 1
  }
  local args=(build --force --jobs 1 --out "$dir/out" "$dir/ReportSpecs/$(basename "$spec")")
  # Once without valgrind: fontconfig's caches are warm, so the count does not depend on who ran first.
  "$tally" "${args[@]}" >/dev/null
  valgrind --tool=callgrind --callgrind-out-file="$dir/callgrind.out" "$tally" "${args[@]}" >"$dir/valgrind.log" 2>&1 || {
    cat "$dir/valgrind.log" >&2
    echo "instruction-guard: tally build failed under valgrind" >&2
    exit 1
  }
  python3 .ci/callgrind-objects.py "$dir/callgrind.out" --top 6 >"$dir/objects.txt"
}

# Both builds at once: they are separate processes, so each count is unaffected, and two cores halve the wait.
started=$SECONDS
count "$small" &
small_job=$!
count "$large" &
large_job=$!
wait "$small_job"
wait "$large_job"
total_of() { awk '$1 == "total" { print $2 }' "$work/$1/objects.txt"; }
small_count=$(total_of "$small")
large_count=$(total_of "$large")
per_row=$(( (large_count - small_count) / (large - small) ))
elapsed=$(( SECONDS - started ))

echo "instruction-guard: weekly-kpi-pack, debug build: $large rows $(printf "%'d" "$large_count") instructions," \
  "$small rows $(printf "%'d" "$small_count"); marginal $(printf "%'d" "$per_row") per row (${elapsed} s under callgrind)"
echo "instruction-guard: where the $large-row build's instructions go (self cost per object):"
tail -n +2 "$work/$large/objects.txt" | sed 's/^/    /'

if [ "${1:-}" = --update ]; then
  {
    echo "# Instruction budget for .ci/instruction-guard.sh (callgrind, debug build of tally, --jobs 1)."
    echo "# Rewrite with 'make instruction-budget' after a change whose cost is accepted; see BENCHMARKS.md."
    echo "# workload: $spec at 72 dpi over $small and $large generated tickets, both built in parallel"
    echo "# measured $(date -u +%Y-%m-%d) with $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), $(valgrind --version)"
    echo "small_rows $small"
    echo "large_rows $large"
    echo "total $large_count"
    echo "per_row $per_row"
  } >"$budget"
  echo "instruction-guard: wrote $budget"
  exit 0
fi

if [ ! -f "$budget" ]; then
  echo "instruction-guard: $budget is missing; write it with 'make instruction-budget'" >&2
  exit 1
fi
value() { awk -v key="$1" '$1 == key { print $2 }' "$budget"; }
if [ "$(value small_rows)" != "$small" ] || [ "$(value large_rows)" != "$large" ]; then
  echo "instruction-guard: the budget is for $(value small_rows)/$(value large_rows) rows, not $small/$large; run 'make instruction-budget'" >&2
  exit 1
fi
status=0
# check NAME MEASURED BUDGET: fails above budget × (1 + tolerance), notes below budget × (1 − tolerance).
check() {
  local verdict
  verdict=$(awk -v m="$2" -v b="$3" -v t="$tolerance" 'BEGIN {
    r = m / b; printf "%+.2f%% against budget %.0f: ", (r - 1) * 100, b
    if (r > 1 + t) print "OVER"; else if (r < 1 - t) print "UNDER"; else print "ok" }')
  echo "instruction-guard: $1 $(printf "%'d" "$2") — $verdict"
  case $verdict in
    *OVER) echo "instruction-guard: $1 grew by more than $(awk -v t="$tolerance" 'BEGIN { print t * 100 }')%:" \
         "find the slower code (callgrind_annotate on a callgrind.out of this workload), or accept it with 'make instruction-budget'" >&2
       status=1 ;;
    *UNDER) echo "instruction-guard: note: $1 fell well below its budget; lower it with 'make instruction-budget' so the guard stays tight" ;;
  esac
}
check total "$large_count" "$(value total)"
check per_row "$per_row" "$(value per_row)"
exit $status
