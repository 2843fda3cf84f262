# Tally — the two commands of the README, plus a few for developers.
#   make demo    install what is missing, build (release), render every spec in ReportSpecs/ into out/
#   make test    install what is missing (incl. poppler-utils), run every test
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN := .build/release
SPECS := $(wildcard ReportSpecs/*.yaml)

.PHONY: all deps deps-test build release demo test bench clean

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
