# newsconv — build, test, install, demo and benchmark.
#
#   make            release build (.build/release/newsconv, Swift runtime linked statically)
#   make test       install missing system packages (when root), build, run every test
#   make demo       convert the bundled example story into every supported format (out/demo/)
#   make install    install the binary and themes under $(PREFIX) (default /usr/local)
#   make publish    publish the Examples newsroom (Examples/Makefile) into Examples/out/
#   make bench      side-by-side benchmarks with pandoc, cmark and trafilatura (prints a Markdown table)
#   make fuzz       run the libFuzzer target of every reader for FUZZ_SECONDS each (Fuzz/README.md)
#   make clean      remove build products and outputs

PREFIX      ?= /usr/local
SWIFT       ?= swift
RELEASE_BIN := .build/release/newsconv
DEBUG_BIN   := .build/debug/newsconv
FUZZ_SECONDS ?= 600

# Debian packages: needed to build, and the validators the tests use.
BUILD_PACKAGES := libxml2-dev libicu-dev liblzma-dev zlib1g-dev pkg-config
TEST_PACKAGES  := libxml2-utils epubcheck tidy time
BENCH_PACKAGES := pandoc cmark hyperfine time python3-pip
# PyPI packages the bench compares against (bench/extraction.sh); installed when root, skipped
# with a note by the bench when they cannot be.
BENCH_PIP      := trafilatura==2.3.1 lxml_html_clean

# The release binary links the Swift runtime statically and is position-dependent: no start-up
# relocations, about 1 ms less per run, which counts when a Makefile runs one process per
# story. `make LINK_FLAGS=` builds a position-independent binary instead.
LINK_FLAGS ?= -Xswiftc -Xclang-linker -Xswiftc -no-pie
# It also links libxml2 (with ICU and liblzma) and libstdc++ statically when their archives are
# there (Scripts/static-link.sh): fewer shared libraries to load and bind at start, about 1 ms
# less CPU per run. `make STATIC_LINK=no` links the shared libraries instead.
STATIC_LINK ?= yes
STATIC_LINK_DIR := .build/static-link

.PHONY: all build debug test deps deps-test deps-bench demo install uninstall publish bench fuzz clean

all: build

build: deps
	@STATIC_LINK=$(STATIC_LINK) Scripts/static-link.sh $(STATIC_LINK_DIR)
	PKG_CONFIG_PATH=$(abspath $(STATIC_LINK_DIR))$${PKG_CONFIG_PATH:+:$$PKG_CONFIG_PATH} \
	  $(SWIFT) build -c release --static-swift-stdlib $(LINK_FLAGS)
	@echo "built $(RELEASE_BIN)"

debug: deps
	$(SWIFT) build

# Installs what is missing, only when running as root (CI and fresh machines); otherwise it
# just says what to install.
define ensure_packages
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null \
	      || { echo "apt-get install$$missing failed"; exit 1; }; \
	  else echo "note: missing Debian packages:$$missing (sudo apt-get install$$missing)"; fi; \
	fi
endef

deps:
	$(call ensure_packages,$(BUILD_PACKAGES))

deps-test: deps
	$(call ensure_packages,$(TEST_PACKAGES))

deps-bench: deps
	$(call ensure_packages,$(BENCH_PACKAGES))
	@if ! python3 -c 'import trafilatura, lxml_html_clean' 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing (pip): $(BENCH_PIP)"; \
	    python3 -m pip install -q $(BENCH_PIP) 2>/dev/null || python3 -m pip install -q --break-system-packages $(BENCH_PIP) \
	      || echo "note: pip install $(BENCH_PIP) failed; the bench skips trafilatura"; \
	  else echo "note: missing PyPI packages: $(BENCH_PIP) (pip install $(BENCH_PIP))"; fi; \
	fi

test: deps-test
	$(SWIFT) build
	$(SWIFT) test

demo: build
	@mkdir -p out/demo
	@for fmt in text markdown html newsml epub json; do \
	  case $$fmt in text) ext=txt;; markdown) ext=md;; newsml) ext=xml;; *) ext=$$fmt;; esac; \
	  if $(RELEASE_BIN) Examples/stories/harbour-strike.txt -t $$fmt -o out/demo/harbour-strike.$$ext 2>out/demo/.err; then \
	    echo "  out/demo/harbour-strike.$$ext"; \
	  else echo "  $$fmt: $$(cat out/demo/.err)"; fi; \
	done; rm -f out/demo/.err
	@echo "converted Examples/stories/harbour-strike.txt into out/demo/"

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/newsconv/themes
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/newsconv
	cp -R Themes/. $(DESTDIR)$(PREFIX)/share/newsconv/themes/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/newsconv
	rm -rf $(DESTDIR)$(PREFIX)/share/newsconv

publish: build
	$(MAKE) -C Examples NEWSCONV=$(CURDIR)/$(RELEASE_BIN)

bench: build deps-bench
	bench/run.sh $(RELEASE_BIN)

# libFuzzer + AddressSanitizer on every reader, FUZZ_SECONDS each (Fuzz/README.md);
# `make fuzz FUZZ_FORMATS="json text" FUZZ_SECONDS=60` for a subset.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) Fuzz/run.sh $(FUZZ_FORMATS)

clean:
	rm -rf .build .build-fuzz out
	-$(MAKE) -C Examples clean 2>/dev/null
