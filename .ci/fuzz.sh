#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (Sources/fuzz-csv, fuzz-spec, fuzz-formula), one after another.
#   .ci/fuzz.sh [target…]        default: all three
# Environment:
#   FUZZ_SECONDS  seconds per target (default 600); FUZZ_RUNS  executions per target instead, when set
#   FUZZ_DIR      corpora and crash artifacts (default .build/fuzz-corpus, git-ignored)
#   FUZZ_BUILD=0  skip the build (reuse .build/fuzz)
#   ASAN_OPTIONS  default: no allocation stacks (2× faster) and no quarantine (a further 20 %: freed memory is reused
#                 while still in cache; heap overflows are caught as before, a use after free only until the memory is
#                 reused); reproduce a crash with ASan's defaults to see the stacks
# Swift's own crash backtracer is switched off (SWIFT_BACKTRACE) so ASan/libFuzzer report runtime traps.
# Leak checks are off while fuzzing (-detect_leaks=0): without allocation stacks LSan cannot apply
# .ci/sanitizers/lsan.supp, and Swift's one-time globals are false positives (see that file); runaway memory
# still stops the run through -rss_limit_mb. `make test-sanitize` checks leaks with the suppressions.
# The targets are built with -D TALLY_FUZZ (their libFuzzer entry points) and -sanitize=fuzzer,address, in
# their own scratch path so the normal build is untouched. Seed corpora: the committed seeds next to each
# target, plus ReportSpecs/, heads of SampleData/ and ../shared/reference/csv-spectrum when present.
# Exits non-zero when a target finds a crash, a hang (-timeout) or a blow-up (-rss_limit_mb).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-600}
FUZZ_RUNS=${FUZZ_RUNS:-}
FUZZ_DIR=${FUZZ_DIR:-.build/fuzz-corpus}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-csv fuzz-spec fuzz-formula)
flags=(-c release --scratch-path .build/fuzz
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -DTALLY_FUZZ -Xcc -fsanitize=fuzzer-no-link,address)

if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  for target in "${targets[@]}"; do
    "$SWIFT" build "${flags[@]}" --product "$target"
  done
fi

# Seeds: regenerated every run; the fuzzer's own finds accumulate in $FUZZ_DIR/<target>.
seed() {
  local target=$1 dir="$FUZZ_DIR/$1-seeds"
  rm -rf "$dir"
  mkdir -p "$dir" "$FUZZ_DIR/$target" "$FUZZ_DIR/artifacts"
  cp "Sources/$target/seeds/"* "$dir/"
  case $target in
    fuzz-spec)
      cp ReportSpecs/*.yaml "$dir/" ;;
    fuzz-csv)
      # The first two bytes of a fuzz-csv input pick the options (0, 0: the defaults).
      local csv
      for csv in SampleData/*.csv; do
        { printf '\0\0'; head -c 2000 "$csv"; } > "$dir/sample-$(basename "$csv")"
      done
      if [ -d ../shared/reference/csv-spectrum/csvs ]; then
        for csv in ../shared/reference/csv-spectrum/csvs/*.csv; do
          { printf '\0\0'; head -c 2000 "$csv"; } > "$dir/spectrum-$(basename "$csv")"
        done
      fi ;;
  esac
}

status=0
for target in "${targets[@]}"; do
  case $target in
    # CSV inputs up to 1 KiB: room for dozens of rows, quoted multi-line fields and every option byte, at twice the
    # executions per second of 4 KiB; sizes beyond (10 MB fields, 10,000 columns, 1M rows) are adversarial tests.
    fuzz-csv) max_len=1024 ;;
    fuzz-spec) max_len=8192 ;;
    fuzz-formula) max_len=512 ;;
    *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
  esac
  seed "$target"
  limit=(-max_total_time="$FUZZ_SECONDS")
  [ -z "$FUZZ_RUNS" ] || limit=(-runs="$FUZZ_RUNS")
  if [ -n "$FUZZ_RUNS" ]; then amount="$FUZZ_RUNS runs"; else amount="$FUZZ_SECONDS s"; fi
  echo "fuzz: $target ($amount, max_len $max_len)"
  if ! SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=.ci/sanitizers/lsan.supp ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:quarantine_size_mb=0:thread_local_quarantine_size_kb=0:max_malloc_fill_size=0} \
      ".build/fuzz/release/$target" "$FUZZ_DIR/$target" "$FUZZ_DIR/$target-seeds" \
      -dict="Sources/$target/${target#fuzz-}.dict" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
      -reload=0 -artifact_prefix="$FUZZ_DIR/artifacts/$target-" -print_final_stats=1 "${limit[@]}"; then
    echo "fuzz: $target FAILED; artifacts in $FUZZ_DIR/artifacts (reproduce: SWIFT_BACKTRACE=enable=no .build/fuzz/release/$target <file>)" >&2
    status=1
  fi
done
exit $status
