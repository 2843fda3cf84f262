# Tally — the two commands of the README, plus a few for developers.
#   make demo    install what is missing, build (release), render every spec in ReportSpecs/ into out/
#   make test    install what is missing (incl. poppler-utils), run every test
#   make fuzz    build the libFuzzer targets (fuzz-csv, fuzz-spec, fuzz-formula; ASan + -D TALLY_FUZZ, in
#                .build/fuzz) and run each for FUZZ_SECONDS (default 600) or FUZZ_RUNS executions; corpora and
#                crashes in .build/fuzz-corpus; FUZZ_TARGETS picks targets (see .ci/fuzz.sh)
#   make test-sanitize  build and run the test suite under AddressSanitizer (.build/asan), then ThreadSanitizer
#                (.build/tsan); suppressions for system libraries, with reasons, in .ci/sanitizers/
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN := .build/release
SPECS := $(wildcard ReportSpecs/*.yaml)

.PHONY: all deps deps-test build release demo test bench clean fuzz test-sanitize

all: build

deps:
	@.ci/deps.sh

deps-test:
	@.ci/deps.sh test

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product tally

demo: release
	@mkdir -p out
	$(RELEASE_BIN)/tally build --out out $(SPECS)

test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 .ci/check-schema.py .build/debug/tally $(SPECS)
	.ci/instruction-guard.sh

# Rewrites .ci/instruction-budget.txt from the current debug build (after an accepted change in cost).
.PHONY: instruction-budget
instruction-budget: build
	.ci/instruction-guard.sh --update

clean:
	rm -rf .build out

# `make bench` runs every benchmark; `make bench BENCH=pipeline BENCH_ARGS="--rows 10k,100k --runs 7"` runs one.
BENCH ?= all
BENCH_ARGS ?=
bench: deps
	$(SWIFT) build -c release --product tally
	$(SWIFT) build -c release --product sampledata
	$(SWIFT) build -c release --product tally-bench
	.build/release/tally-bench $(BENCH) $(BENCH_ARGS)

FUZZ_TARGETS ?= fuzz-csv fuzz-spec fuzz-formula
FUZZ_SECONDS ?= 600
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) .ci/fuzz.sh $(FUZZ_TARGETS)

# Swift's crash backtracer is off so the sanitizers report runtime traps themselves.
SANITIZER_ENV := SWIFT_BACKTRACE=enable=no \
	ASAN_OPTIONS=detect_leaks=1:suppressions=.ci/sanitizers/asan.supp \
	LSAN_OPTIONS=suppressions=.ci/sanitizers/lsan.supp:print_suppressions=0 \
	TSAN_OPTIONS=suppressions=.ci/sanitizers/tsan.supp:print_suppressions=0
test-sanitize: deps-test
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build/asan
	$(SANITIZER_ENV) $(SWIFT) test --skip-build --sanitize=address --scratch-path .build/asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build/tsan
	$(SANITIZER_ENV) $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build/tsan
