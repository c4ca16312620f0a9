# Memory Lane — everything a fresh Debian machine needs, in two commands:
#   make run    installs the C libraries if missing, builds, starts the tutor
#   make test   the same set-up, then every test and `memlane lint Lessons`
#               and a replay of the fuzz corpora (scripts/fuzz.sh replay)
#   make fuzz   fuzz every target for FUZZ_SECONDS in all (Tests/Fuzz/README.md)
#   make bench  performance figures beside their anchors, into docs/PERFORMANCE.md

SWIFT ?= swift
FUZZ_SECONDS ?= 600
APT_PACKAGES := libedit-dev libcmark-dev pkg-config

.PHONY: run test deps build build-debug lint docs bench fuzz clean

## deps: the Debian packages the build links against (apt-get when root).
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	{ pkg-config --exists libedit 2>/dev/null && [ -f /usr/include/histedit.h ]; } || missing="$$missing libedit-dev"; \
	{ pkg-config --exists libcmark 2>/dev/null && [ -f /usr/include/cmark.h ]; } || missing="$$missing libcmark-dev"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing"; \
	    echo "Install them with:  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release

build-debug: deps
	$(SWIFT) build --build-tests

run: build
	./.build/release/memlane

test: build-debug
	$(SWIFT) test --skip-build
	./.build/debug/memlane lint Lessons
	SWIFT=$(SWIFT) scripts/fuzz.sh replay

lint: build-debug
	./.build/debug/memlane lint Lessons

## docs: regenerate the simulator reference in docs/AUTHORING.md.
docs: build-debug
	./.build/debug/memlane sims --update docs/AUTHORING.md

## fuzz: libFuzzer on every target (sanitized build in .build-fuzz); keeps Tests/Fuzz/Corpus minimal.
fuzz: deps
	SWIFT=$(SWIFT) scripts/fuzz.sh run $(FUZZ_SECONDS)

## bench: release build, then scripts/bench.py writes docs/PERFORMANCE.md.
bench: build
	python3 scripts/bench.py

clean:
	rm -rf .build .build-fuzz
