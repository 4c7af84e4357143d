# luong — one plain GNU Makefile.
#   make            build every program into bin/
#   make check      build and run every test; ends with "N passed, N failed"
#   make san        the same under ASan + UBSan (build/san/)
#   make valgrind   the CLI tests under valgrind, -O0 -g build (build/vg/)
#   make lint       mandoc -Tlint over man/
#   make demo       the main job on the bundled samples
#   make install PREFIX=/usr/local DESTDIR=

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
BIN     ?= bin
WERROR  ?= -Werror
OPT     ?= -O2

# Debian packages the build and the tests need; tools/install-deps checks
# them and installs what is missing (or prints the apt-get line and exits 2).
DEBS = gcc make pkg-config libyaml-dev libcsv-dev zlib1g-dev libutf8proc-dev \
       libxlsxwriter-dev libzip-dev libexpat1-dev libfreexl-dev libcmocka-dev \
       mandoc libxml2-utils valgrind unzip \
       time

PKGS    = yaml-0.1 zlib libutf8proc xlsxwriter libzip expat freexl
CFLAGS  ?= $(OPT) -g
WARN    = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
          -Wmissing-prototypes -Wvla $(WERROR)
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Itools/lib
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS  += $(PKG_LIBS) -lcsv -lm -pthread
ALL_CFLAGS = $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(SANFLAGS)

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

.PHONY: all check san valgrind lint install clean deps demo unit cli bench \
    fuzz fuzz-build

all: $(TOOLS) $(BIN)/gen-students

deps: $(DEPSTAMP)
$(DEPSTAMP): tools/install-deps Makefile
	@tools/install-deps $(DEBS)
	@mkdir -p build && touch $@

# Every object depends on the deps stamp (order-only), so a fresh machine
# installs its packages before the first compile.
$(BUILD)/lib/%.o: tools/lib/%.c tools/lib/*.h | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(BIN)/%: tools/%.c $(LIB) tools/lib/*.h | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

# The helpers every unit test shares (tests/unit/unit.h).
UNIT_OBJ = $(BUILD)/unit/unit.o
$(UNIT_OBJ): tests/unit/unit.c tests/unit/unit.h tools/lib/*.h | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/unit/%: tests/unit/%.c $(UNIT_OBJ) $(LIB) tests/unit/unit.h \
    tools/lib/*.h | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(UNIT_OBJ) $(LIB) $(LDFLAGS) $(LDLIBS) -lcmocka

$(BUILD)/testtools/%: tests/tools/%.c $(LIB) tools/lib/*.h | $(DEPSTAMP)
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
$(BIN)/gen-students: tests/tools/gen-students.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS) $(LDLIBS)

unit: $(UNITS)

# Suites find the test tools through LUONG_TESTTOOLS.
check: $(TOOLS) $(BIN)/gen-students $(UNITS) $(TTOOLS) $(FUZZ_REPLAY)
	@LUONG_TESTTOOLS=$(CURDIR)/$(BUILD)/testtools \
	    LUONG_SANITIZED=$(if $(SANFLAGS),1,) \
	    tests/run-all --bin $(BIN) --unit $(BUILD)/unit $(RUNFLAGS)

san:
	$(MAKE) BUILD=build/san BIN=build/san/bin OPT=-O1 \
	    SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    check

valgrind:
	$(MAKE) BUILD=build/vg BIN=build/vg/bin OPT=-O0 \
	    RUNFLAGS=--valgrind check

lint: | $(DEPSTAMP)
	@out=$$( { mandoc -Tlint man/*/* 2>build/.lint-stderr; cat build/.lint-stderr; } | \
	    grep -v -e 'referenced manual not found' -e 'mandoc.db'); \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; echo "mandoc -Tlint: clean"

# Throughput of each program on a million synthetic rows (not part of check).
bench: $(TOOLS) $(BIN)/gen-students $(TTOOLS)
	@LUONG_TESTTOOLS=$(CURDIR)/$(BUILD)/testtools tests/bench $(BIN)

demo: $(TOOLS)
	@tools/demo $(BIN)

install: $(TOOLS) $(BIN)/gen-students
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/man/man7 \
	    $(DESTDIR)$(PREFIX)/share/luong
	install -m 755 $(TOOLS) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 man/man1/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 man/man5/*.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 644 man/man7/*.7 $(DESTDIR)$(PREFIX)/share/man/man7/
	cp -R config/. $(DESTDIR)$(PREFIX)/share/luong/

clean:
	rm -rf build bin out
