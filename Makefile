# luong — one plain GNU Makefile.
#   make            build every program into bin/
#   make check      build and run every test; ends with "N passed, N failed"
#   make san        the same under ASan + UBSan (build/san/)
#   make valgrind   the CLI tests under valgrind, -O0 -g build (build/vg/)
#   make lint       mandoc -Tlint over man/
#   make demo       the main job on the bundled samples
#   make install PREFIX=/usr/local DESTDIR=   (make uninstall undoes it)
#   make deb        the Debian package, built from a clean clone of HEAD

PREFIX  ?= /usr/local
DESTDIR ?=
# Where make install puts things.  PREFIX=/usr is the Debian package's
# layout (debian/rules): /etc, and units in /lib/systemd/system as
# Debian 12 has them; any other PREFIX keeps everything under it.
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/luong
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
ifeq ($(PREFIX),/usr)
SYSCONFDIR ?= /etc
UNITDIR ?= /lib/systemd/system
else
SYSCONFDIR ?= $(PREFIX)/etc
UNITDIR ?= $(PREFIX)/lib/systemd/system
endif
BUILD   ?= build
BIN     ?= bin
WERROR  ?= -Werror
OPT     ?= -O2

# Debian packages the build needs (DEBS), the tests too (CHECK_DEBS:
# systemd for systemd-analyze verify on the units), make valgrind and
# make deb; tools/install-deps checks them and installs what is missing
# (or prints the apt-get line and exits 2; never apt-get with
# LUONG_NO_APT set, as in the package's own build, where Build-Depends
# provide them: debian/control names the same lists).
DEBS = gcc make pkg-config libyaml-dev libcsv-dev zlib1g-dev libutf8proc-dev \
       libxlsxwriter-dev libzip-dev libexpat1-dev libfreexl-dev \
       libcairo2-dev libpango1.0-dev fonts-liberation2
CHECK_DEBS = libcmocka-dev mandoc libxml2-utils unzip time systemd poppler-utils \
       parallel
VALGRIND_DEBS = valgrind
PACKAGE_DEBS = debhelper lintian git
# make bench's peers and helpers (tests/bench), as command:package:
# mawk, Miller, node and npm (DuckDB comes from npm into a scratch
# directory), perl (NFC before the Windows-1258 copy), xlsx2csv.  Those
# whose command is missing are installed the same way; a command already
# on PATH from elsewhere (a node that brings its own npm) is not asked of
# apt, whose npm would conflict with it.
BENCH_PEERS = mawk:mawk mlr:miller node:nodejs npm:npm perl:perl \
    xlsx2csv:xlsx2csv
colon := :
BENCH_DEBS = $(foreach p,$(BENCH_PEERS),$(if $(shell command -v \
    $(word 1,$(subst $(colon), ,$(p))) 2>/dev/null),,$(word 2,$(subst \
    $(colon), ,$(p)))))

PKGS    = yaml-0.1 zlib libutf8proc xlsxwriter libzip expat freexl
CFLAGS  ?= $(OPT) -g
THREADS = -pthread
WARN    = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
          -Wmissing-prototypes -Wvla $(WERROR)
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Itools/lib
# The PDF writer (tools/lib/rpdf.c) draws with cairo and lays text out
# with pango: luong-render and the unit tests link them, the other
# programs start without them.
PDF_PKGS = pangocairo fontconfig
PDF_LIBS = $(shell pkg-config --libs $(PDF_PKGS) 2>/dev/null)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) $(PDF_PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS  += $(PKG_LIBS) -lcsv -lm $(THREADS)
ALL_CFLAGS = $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(THREADS) $(SANFLAGS)

LIB_SRC  = $(wildcard tools/lib/*.c)
LIB_OBJ  = $(LIB_SRC:tools/lib/%.c=$(BUILD)/lib/%.o)
LIB      = $(BUILD)/libluong.a
TOOL_SRC = $(wildcard tools/luong-*.c)
TOOLS    = $(TOOL_SRC:tools/%.c=$(BIN)/%)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNITS    = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)
# Small programs the test suites use (tests/tools/*.c), never installed.
# gen-students is one of them, but it is built into bin/ (below), where the
# READMEs name it and the suites find it beside the programs; not here too.
TT_SRC   = $(filter-out tests/tools/gen-students.c,$(wildcard tests/tools/*.c))
TTOOLS   = $(TT_SRC:tests/tools/%.c=$(BUILD)/testtools/%)
# The libFuzzer harnesses (tests/fuzz/fuzz_NAME.c, corpus in
# tests/fuzz/corpus/NAME/): make check replays each corpus through a
# build without libFuzzer; make fuzz runs them under libFuzzer (clang).
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_REPLAY = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/testtools/%-replay)
FUZZ_SECONDS ?= 60
comma := ,
# A harness survives the library's exit(3) and frees what it held then
# (tests/fuzz/harness.h): ld puts its wrappers in front of these.
FUZZ_WRAP = $(patsubst %,-Wl$(comma)--wrap=%,exit malloc calloc realloc \
    free strdup strndup open close fopen fclose glob globfree iconv_open \
    iconv_close csv_init csv_free yaml_parser_initialize yaml_parser_delete \
    inflateInit2_ inflateEnd)
FUZZ_HARNESS = tests/fuzz/harness.c tests/fuzz/harness.h
DEPSTAMP = build/.deps-ok
CHECKSTAMP = build/.check-deps-ok

.PHONY: all check san valgrind lint install uninstall clean deps demo unit \
    cli bench fuzz fuzz-build deb

all: $(TOOLS) $(BIN)/gen-students

deps: $(DEPSTAMP)
$(DEPSTAMP): tools/install-deps Makefile
	@tools/install-deps $(DEBS)
	@mkdir -p build && touch $@
$(CHECKSTAMP): tools/install-deps Makefile | $(DEPSTAMP)
	@tools/install-deps $(CHECK_DEBS)
	@mkdir -p build && touch $@

# Every object depends on the deps stamp (order-only), so a fresh machine
# installs its packages before the first compile.
$(BUILD)/lib/%.o: tools/lib/%.c tools/lib/*.h | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(BIN)/luong-render: LDLIBS += $(PDF_LIBS)
$(UNITS): LDLIBS += $(PDF_LIBS)

$(BIN)/%: tools/%.c $(LIB) tools/lib/*.h | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

# The helpers every unit test shares (tests/unit/unit.h).
UNIT_OBJ = $(BUILD)/unit/unit.o
$(UNIT_OBJ): tests/unit/unit.c tests/unit/unit.h tools/lib/*.h | $(CHECKSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/unit/%: tests/unit/%.c $(UNIT_OBJ) $(LIB) tests/unit/unit.h \
    tools/lib/*.h | $(CHECKSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(UNIT_OBJ) $(LIB) $(LDFLAGS) $(LDLIBS) -lcmocka

$(BUILD)/testtools/%: tests/tools/%.c $(LIB) tools/lib/*.h tests/tools/*.h \
    | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

$(BUILD)/testtools/%-replay: tests/fuzz/%.c tests/fuzz/replay.c \
    $(FUZZ_HARNESS) $(LIB) tools/lib/*.h | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c \
	    tests/fuzz/harness.c $(LIB) $(LDFLAGS) $(FUZZ_WRAP) $(LDLIBS)

# Each harness under libFuzzer for FUZZ_SECONDS seconds, with ASan and
# UBSan, the library built by clang into build/fuzz/ (tests/fuzz/run says
# how many inputs each ran and fails on a finding).  What a run finds new
# goes to build/fuzz/corpus/NAME/, a crash to build/fuzz/NAME-crash-*:
# never into the tree's corpus.
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/harness/%)
# make fuzz (and so CI) also needs clang and its fuzzer and sanitizer
# runtimes (Debian 12 ships those apart, in libclang-rt-14-dev).
FUZZ_DEBS = clang libclang-rt-14-dev
fuzz: | $(DEPSTAMP)
	@tools/install-deps $(FUZZ_DEBS)
	@$(MAKE) --no-print-directory BUILD=build/fuzz BIN=build/fuzz/bin \
	    CC=clang OPT=-O1 SANFLAGS="-fsanitize=fuzzer-no-link,address,undefined \
	    -fno-sanitize-recover=all -fno-omit-frame-pointer" fuzz-build
	@tests/fuzz/run build/fuzz $(FUZZ_SECONDS)

fuzz-build: $(FUZZ_BIN)

$(BUILD)/harness/%: tests/fuzz/%.c $(FUZZ_HARNESS) $(LIB) tools/lib/*.h \
    | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< \
	    tests/fuzz/harness.c $(LIB) $(LDFLAGS) $(FUZZ_WRAP) $(LDLIBS)

# The synthetic data generator for benchmarks and scale tests (not one of
# luong's programs: it needs only utf8proc, not the library).
$(BIN)/gen-students: tests/tools/gen-students.c tests/tools/splitmix.h \
    | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS) $(LDLIBS)

unit: $(UNITS)

# Suites find the test tools through LUONG_TESTTOOLS.
check: $(TOOLS) $(BIN)/gen-students $(UNITS) $(TTOOLS) $(FUZZ_REPLAY) \
    | $(CHECKSTAMP)
	@LUONG_TESTTOOLS=$(CURDIR)/$(BUILD)/testtools \
	    LUONG_SANITIZED=$(if $(SANFLAGS),1,) \
	    tests/run-all --bin $(BIN) --unit $(BUILD)/unit $(RUNFLAGS)

san:
	$(MAKE) BUILD=build/san BIN=build/san/bin OPT=-O1 \
	    SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    check

valgrind: | $(DEPSTAMP)
	@tools/install-deps $(VALGRIND_DEBS)
	$(MAKE) BUILD=build/vg BIN=build/vg/bin OPT=-O0 \
	    RUNFLAGS=--valgrind check

lint: | $(CHECKSTAMP)
	@out=$$( { mandoc -Tlint man/*/* 2>build/.lint-stderr; cat build/.lint-stderr; } | \
	    grep -v -e 'referenced manual not found' -e 'mandoc.db'); \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; echo "mandoc -Tlint: clean"

# luong beside DuckDB, mawk, Miller and zcat on 2,000,000 synthetic rows,
# each stage's MB/s and memory, workbooks beside xlsx2csv; the figures
# appended to bench/results.tsv (bench/README).  Not part of check.
bench: $(TOOLS) $(BIN)/gen-students $(TTOOLS)
	@$(if $(strip $(BENCH_DEBS)),tools/install-deps $(BENCH_DEBS))
	@LUONG_TESTTOOLS=$(CURDIR)/$(BUILD)/testtools tests/bench $(BIN)

demo: $(TOOLS)
	@tools/demo $(BIN)

# What make install puts in place, the package's set (debian/rules runs
# it with PREFIX=/usr): the programs, the man pages; config/, pipelines/
# and the samples (not their sources, samples/*/src/) under DATADIR, so
# that the bundled pipelines find them through ${here}; the systemd units
# of the nightly import and its system user (dist/); SYSCONFDIR/default/luong,
# the units' settings, never written over when it is there already, and
# SYSCONFDIR/luong/ for the Department's own files; bash completion for
# every program (one file, named for each).
NAMES     = $(TOOL_SRC:tools/%.c=%)
DATA      = $(shell find config pipelines samples -type f ! -path 'samples/*/src/*' \
    ! -name '.git*' | LC_ALL=C sort)
DATADIRS  = $(shell find config pipelines samples -type d ! -path 'samples/*/src' ! -path 'samples/*/src/*' | LC_ALL=C sort -r)
MANPAGES  = $(wildcard man/man1/*.1 man/man5/*.5 man/man7/*.7)
SUBST     = sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@DATADIR@|$(DATADIR)|g' \
	    -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g'

install: $(TOOLS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(DATADIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) \
	    $(DESTDIR)$(COMPLETIONDIR) $(DESTDIR)$(SYSCONFDIR)/default \
	    $(DESTDIR)$(SYSCONFDIR)/luong
	install -m 755 $(TOOLS) $(DESTDIR)$(BINDIR)/
	for m in $(MANPAGES); do \
	    install -m 644 $$m $(DESTDIR)$(MANDIR)/$${m#man/} || exit 1; done
	for f in $(DATA); do \
	    install -D -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f" || exit 1; done
	$(SUBST) dist/luong-nightly.service.in >$(DESTDIR)$(UNITDIR)/luong-nightly.service
	$(SUBST) dist/luong-nightly.timer.in >$(DESTDIR)$(UNITDIR)/luong-nightly.timer
	chmod 644 $(DESTDIR)$(UNITDIR)/luong-nightly.service \
	    $(DESTDIR)$(UNITDIR)/luong-nightly.timer
	install -m 644 dist/luong.sysusers $(DESTDIR)$(SYSUSERSDIR)/luong.conf
	@if [ -e $(DESTDIR)$(SYSCONFDIR)/default/luong ]; then \
	    echo "$(DESTDIR)$(SYSCONFDIR)/default/luong: there already, kept"; \
	else echo "$(SUBST) dist/luong.default.in >$(DESTDIR)$(SYSCONFDIR)/default/luong"; \
	    $(SUBST) dist/luong.default.in >$(DESTDIR)$(SYSCONFDIR)/default/luong && \
	    chmod 644 $(DESTDIR)$(SYSCONFDIR)/default/luong; fi
	install -m 644 dist/luong.bash-completion $(DESTDIR)$(COMPLETIONDIR)/luong
	for p in $(NAMES); do ln -sf luong $(DESTDIR)$(COMPLETIONDIR)/$$p || exit 1; done

# Everything make install put in place but the settings in SYSCONFDIR
# (SYSCONFDIR/default/luong, SYSCONFDIR/luong/), which are the
# administrator's, as a package's conffiles stay until it is purged.
uninstall:
	rm -f $(NAMES:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(MANPAGES:man/%=$(DESTDIR)$(MANDIR)/%)
	rm -f $(DATA:%=$(DESTDIR)$(DATADIR)/%)
	for d in $(DATADIRS) ''; do \
	    rmdir "$(DESTDIR)$(DATADIR)/$$d" 2>/dev/null || :; done
	rm -f $(DESTDIR)$(UNITDIR)/luong-nightly.service \
	    $(DESTDIR)$(UNITDIR)/luong-nightly.timer \
	    $(DESTDIR)$(SYSUSERSDIR)/luong.conf \
	    $(DESTDIR)$(COMPLETIONDIR)/luong $(NAMES:%=$(DESTDIR)$(COMPLETIONDIR)/%)

# The Debian package, built by tools/build-deb from a clean clone of HEAD
# (what is committed, nothing else) into build/deb/, lintian run on it.
deb: | $(DEPSTAMP)
	@tools/install-deps $(PACKAGE_DEBS) $(CHECK_DEBS)
	@tools/build-deb build/deb

clean:
	rm -rf build bin out
