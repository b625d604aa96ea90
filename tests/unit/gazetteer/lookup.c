/*
 * lookup.c - unit tests of the memory-mapped gazetteer
 *
 * Reads the gazetteer `make` builds (data/gen/gazetteer.bin) and checks
 * places and country codes whose facts are known, then damaged copies of
 * it.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "gazetteer.h"

#define GAZ_PATH CASUS_DATADIR "/gen/gazetteer.bin"

static gaz *g;

static int setup(void **state)
{
    (void)state;
    casus_diag diag = CASUS_DIAG_INIT;
    if (gaz_open(&g, GAZ_PATH, &diag) != 0) {
        print_error("%s (run make first)\n", diag.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    gaz_close(g);
    return 0;
}

/* The most populous place of that name, or NULL. */
static const gaz_place *first(const char *name)
{
    uint32_t id;
    if (gaz_lookup(g, name, strlen(name), &id, 1) == 0)
        return NULL;
    return gaz_place_at(g, id);
}

/* The most populous place of that name, feature and country, or NULL. */
static const gaz_place *with_feature(const char *name, const char *feature,
                                     const char cc[2])
{
    uint32_t ids[64];
    size_t n = gaz_lookup(g, name, strlen(name), ids, 64);
    for (size_t i = 0; i < n && i < 64; i++) {
        const gaz_place *p = gaz_place_at(g, ids[i]);
        if (strncmp(p->feature, feature, 6) == 0 &&
            memcmp(p->country, cc, 2) == 0)
            return p;
    }
    return NULL;
}

static bool has_feature(const char *name, const char *feature,
                        const char cc[2])
{
    return with_feature(name, feature, cc) != NULL;
}

static void test_gaz__holds_the_geonames_cities(void **state)
{
    (void)state;
    assert_true(gaz_count(g) > 130000);
    /* the city, after the district of Pristina, which has more people */
    const gaz_place *p = with_feature("pristina", "PPLC", "XK");
    assert_non_null(p);
    assert_int_equal(p->geonames, 786714);
    assert_memory_equal(p->country, "XK", 2);
    assert_string_equal(p->feature, "PPLC");
    assert_string_equal(gaz_str(g, p->name), "Pristina");
    /* 42.67 N, 21.17 E, to a kilometre */
    assert_in_range(p->lat, 4266000, 4268500);
    assert_in_range(p->lon, 2115500, 2117900);
}

static void test_gaz__lookups_fold_case_and_end_at_len(void **state)
{
    (void)state;
    assert_ptr_equal(first("PRISTINA"), first("pristina"));
    assert_ptr_equal(first("Pristina"), first("pristina"));
    uint32_t id;
    /* "Pristina" out of "Pristinas": len bounds the name */
    assert_true(gaz_lookup(g, "Pristinas", 8, &id, 1) >= 1);
    assert_ptr_equal(gaz_place_at(g, id), first("pristina"));
    assert_int_equal(gaz_lookup(g, "Pristi", 6, &id, 1), 0);
    assert_int_equal(gaz_lookup(g, "", 0, &id, 1), 0);
    assert_int_equal(gaz_lookup(g, "zzzz no such place", 18, &id, 1), 0);
}

static void test_gaz__many_places_most_populous_first(void **state)
{
    (void)state;
    uint32_t ids[64];
    size_t n = gaz_lookup(g, "springfield", 11, ids, 64);
    assert_true(n > 5);
    for (size_t i = 1; i < n && i < 64; i++)
        assert_true(gaz_place_at(g, ids[i - 1])->population >=
                    gaz_place_at(g, ids[i])->population);
    /* the count is the total, even past cap */
    assert_int_equal(gaz_lookup(g, "springfield", 11, ids, 2), n);
}

static void test_gaz__countries_are_places(void **state)
{
    (void)state;
    uint32_t ids[8];
    size_t n = gaz_lookup(g, "kosovo", 6, ids, 8);
    int found = 0;
    for (size_t i = 0; i < n && i < 8; i++) {
        const gaz_place *p = gaz_place_at(g, ids[i]);
        if (strcmp(p->feature, "PCLI") == 0 &&
            memcmp(p->country, "XK", 2) == 0)
            found++;
    }
    assert_int_equal(found, 1);
}

static void test_gaz__divisions_of_every_country(void **state)
{
    (void)state;
    /* GeoNames admin1 names, whatever their ISO 3166-2 codes */
    assert_true(has_feature("rajasthan", "ADM1", "IN"));
    assert_true(has_feature("alberta", "ADM1", "CA"));
    assert_true(has_feature("limpopo", "ADM1", "ZA"));
    assert_true(has_feature("california", "ADM1", "US"));
    /* without the word that says what kind of division it is */
    assert_true(has_feature("maidan wardak province", "ADM1", "AF"));
    assert_true(has_feature("maidan wardak", "ADM1", "AF"));
    /* California at the middle of its places, not near Los Angeles:
     * 37.2 N, 119.3 W, to a degree */
    const gaz_place *p = with_feature("california", "ADM1", "US");
    assert_non_null(p);
    assert_in_range(p->lat, 3620000, 3820000);
    assert_in_range(p->lon + 12030000, 0, 200000);
}

static void test_gaz__countries_have_their_other_names(void **state)
{
    (void)state;
    assert_true(has_feature("turkey", "PCLI", "TR"));
    assert_true(has_feature("britain", "PCLI", "GB"));
    assert_true(has_feature("burma", "PCLI", "MM"));
    assert_true(has_feature("holland", "PCLI", "NL"));
    /* "Washington, D.C." is found as "Washington" too */
    assert_true(has_feature("washington", "PPLC", "US"));
    assert_true(has_feature("washington, d.c.", "PPLC", "US"));
}

static void test_gaz__towns_have_their_other_names(void **state)
{
    (void)state;
    /* names no place has as its own */
    assert_int_equal(with_feature("kiev", "PPLC", "UA")->geonames, 703448);
    assert_int_equal(with_feature("fallujah", "PPLA2", "IQ")->geonames,
                     99454);
    /* a far larger town over a village's own name */
    uint32_t id;
    assert_true(gaz_lookup(g, "calcutta", 8, &id, 1) >= 1);
    assert_int_equal(gaz_place_at(g, id)->geonames, 1275004);  /* Kolkata */
    /* not over a division's own name */
    assert_null(with_feature("rio grande do sul", "PPL", "BR"));
    assert_non_null(with_feature("rio grande do sul", "ADM1", "BR"));
    /* nor when the other name is an English word: Hangzhou's "Hang" */
    assert_null(with_feature("hang", "PPLA", "CN"));
}

static void test_gaz__maps_countries_to_cameo_codes(void **state)
{
    (void)state;
    assert_string_equal(gaz_alpha3(g, "US"), "USA");
    assert_string_equal(gaz_alpha3(g, "GB"), "GBR");
    assert_string_equal(gaz_alpha3(g, "AD"), "AND");   /* the first */
    assert_string_equal(gaz_alpha3(g, "ZW"), "ZWE");   /* the last */
    assert_string_equal(gaz_alpha3(g, "XK"), "KSV");   /* not UNK */
    assert_string_equal(gaz_alpha3(g, "ZZ"), "");
    assert_string_equal(gaz_alpha3(g, "us"), "");
    /* a continent's country is two NULs; cc need not end in NUL */
    const char none[2] = { 0, 0 };
    assert_string_equal(gaz_alpha3(g, none), "");
    const char cc[2] = { 'F', 'R' };
    assert_string_equal(gaz_alpha3(g, cc), "FRA");
    /* every country entry has a code */
    for (size_t i = 0; i < gaz_count(g); i++) {
        const gaz_place *p = gaz_place_at(g, i);
        if (strcmp(p->feature, "PCLI") == 0)
            assert_int_equal(strlen(gaz_alpha3(g, p->country)), 3);
    }
}

/* Byte offset of the country table: after the header, places and names
 * (gazetteer.h). */
static long country_table_at(void)
{
    FILE *in = fopen(GAZ_PATH, "rb");
    assert_non_null(in);
    unsigned char h[32];
    assert_int_equal(fread(h, 1, sizeof(h), in), sizeof(h));
    fclose(in);
    uint32_t w[8];
    for (int i = 0; i < 8; i++)
        w[i] = (uint32_t)h[4 * i] | (uint32_t)h[4 * i + 1] << 8 |
               (uint32_t)h[4 * i + 2] << 16 | (uint32_t)h[4 * i + 3] << 24;
    assert_true(w[5] > 200);        /* n_countries */
    return 32 + (long)w[2] * 32 + (long)w[3] * 8;
}

/* Write the first `keep` bytes of the gazetteer, with the byte at
 * `poke` (when it is inside) XORed with mask, and open the copy. */
static int open_damaged_with(size_t keep, long poke, unsigned char mask,
                             casus_diag *diag)
{
    FILE *in = fopen(GAZ_PATH, "rb");
    assert_non_null(in);
    char tmp[] = "/tmp/casus-gaz-XXXXXX";
    int fd = mkstemp(tmp);
    assert_true(fd >= 0);
    FILE *out = fdopen(fd, "wb");
    char buf[4096];
    size_t done = 0, n;
    while (done < keep && (n = fread(buf, 1, sizeof(buf), in)) > 0) {
        if (n > keep - done)
            n = keep - done;
        if (poke >= (long)done && poke < (long)(done + n))
            buf[poke - (long)done] ^= (char)mask;
        fwrite(buf, 1, n, out);
        done += n;
    }
    fclose(in);
    fclose(out);
    gaz *d = NULL;
    int rc = gaz_open(&d, tmp, diag);
    gaz_close(d);
    unlink(tmp);
    return rc;
}

static int open_damaged(size_t keep, long poke, casus_diag *diag)
{
    return open_damaged_with(keep, poke, 0x7f, diag);
}

static void test_gaz__rejects_damaged_files(void **state)
{
    (void)state;
    casus_diag diag = CASUS_DIAG_INIT;
    assert_int_equal(open_damaged(1000, -1, &diag), CASUS_EPARSE);
    assert_non_null(strstr(diag.msg, "truncated"));
    assert_int_equal(open_damaged(SIZE_MAX, 0, &diag), CASUS_EPARSE);
    assert_non_null(strstr(diag.msg, "not a casus gazetteer"));
    assert_int_equal(open_damaged(SIZE_MAX, 4, &diag), CASUS_EPARSE);
    assert_non_null(strstr(diag.msg, "version is not " GAZ_VERSION_TEXT));
    /* the size of the name filter */
    assert_int_equal(open_damaged(SIZE_MAX, 24, &diag), CASUS_EPARSE);
    assert_non_null(strstr(diag.msg, "filter"));
    /* a string offset of the first place, made huge */
    assert_int_equal(open_damaged(SIZE_MAX, 32 + 16 + 3, &diag),
                     CASUS_EPARSE);
    assert_non_null(strstr(diag.msg, "outside"));
    /* a country code that is not letters, and a padding byte set */
    const long at = country_table_at();
    assert_int_equal(open_damaged(SIZE_MAX, at, &diag), CASUS_EPARSE);
    assert_non_null(strstr(diag.msg, "country table"));
    assert_int_equal(open_damaged(SIZE_MAX, at + 8 * 3 + 6, &diag),
                     CASUS_EPARSE);
    assert_non_null(strstr(diag.msg, "country table"));
    /* "AE" made "AD" again: a repeat, out of order */
    assert_int_equal(open_damaged_with(SIZE_MAX, at + 8 + 1, 'E' ^ 'D', &diag),
                     CASUS_EPARSE);
    assert_non_null(strstr(diag.msg, "country table"));
    gaz *d = NULL;
    assert_int_equal(gaz_open(&d, "/nonexistent/gaz.bin", &diag), CASUS_EIO);
    assert_null(d);
    assert_non_null(strstr(diag.msg, "/nonexistent/gaz.bin: cannot open"));
}

/* Lookups go through a table of where the keys of each first two bytes
 * begin: names of one and two bytes, and names whose first bytes begin
 * no key. */
static void test_gaz__lookups_by_their_first_two_bytes(void **state)
{
    (void)state;
    uint32_t id;
    assert_true(gaz_lookup(g, "UK", 2, &id, 1) >= 1);
    assert_memory_equal(gaz_place_at(g, id)->country, "GB", 2);
    assert_true(gaz_lookup(g, "uk", 2, &id, 1) >= 1);
    assert_int_equal(gaz_lookup(g, "U", 1, &id, 1), 0);
    assert_int_equal(gaz_lookup(g, "~Paris", 6, &id, 1), 0);
    assert_int_equal(gaz_lookup(g, "P~aris", 6, &id, 1), 0);
    assert_int_equal(gaz_lookup(g, "\xff\xfe", 2, &id, 1), 0);
    /* the first key of the file as built now, and the last (Singapore's
     * name in Chinese) */
    assert_true(gaz_lookup(g, "'Ain Abid", 9, &id, 1) >= 1);
    const char *last = "\xe6\x96\xb0\xe5\x8a\xa0\xe5\x9d\xa1\xe5\x85\xb1"
                       "\xe5\x92\x8c\xe5\x9b\xbd";
    assert_true(gaz_lookup(g, last, strlen(last), &id, 1) >= 1);
    assert_memory_equal(gaz_place_at(g, id)->country, "SG", 2);
}

static void put_u32(FILE *f, uint32_t v)
{
    const unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
                                 (unsigned char)(v >> 16),
                                 (unsigned char)(v >> 24) };
    fwrite(b, 1, 4, f);
}

/* Write a gazetteer of one place and the names of keys (string offsets
 * into strings, n_strings bytes), all let through by the filter, with
 * the index slots given; returns its path in tmp. */
static void write_gaz(char *tmp, const uint32_t *keys, uint32_t n_names,
                      const uint32_t *slots, uint32_t n_slots,
                      const char *strings, uint32_t n_strings)
{
    int fd = mkstemp(tmp);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    const uint32_t header[8] = { 0x5a475343u, GAZ_VERSION, 1, n_names,
                                 n_strings, 0, 1u << 16, n_slots };
    for (int i = 0; i < 8; i++)
        put_u32(f, header[i]);
    for (int i = 0; i < 6; i++)         /* one place, its strings "" */
        put_u32(f, 0);
    fwrite("USPPL\0\0\0", 1, 8, f);
    for (uint32_t i = 0; i < n_names; i++) {
        put_u32(f, keys[i]);
        put_u32(f, 0);
    }
    for (uint32_t i = 0; i < (1u << 16) * 8; i++)
        fputc(0xff, f);                 /* a filter that lets all through */
    for (uint32_t i = 0; i < n_slots; i++)
        put_u32(f, slots[i]);
    fwrite(strings, 1, n_strings, f);
    fclose(f);
}

/*
 * A damaged index: every slot taken (no empty one ends a probe), one of
 * them past the names.  A lookup of a key that is not there must end
 * after one round of the slots, and one that is there is found through
 * the index whichever slot holds it.
 */
static void test_gaz__lookup_stays_inside_a_damaged_index(void **state)
{
    (void)state;
    static const char strings[] = "\0aa\0ab\0x";    /* keys at 1, 4, 7 */
    const uint32_t keys[3] = { 1, 4, 7 };
    const uint32_t slots[4] = { 3, 99, 1, 2 };  /* x, past, aa, ab */
    char tmp[] = "/tmp/casus-gaz-XXXXXX";
    write_gaz(tmp, keys, 3, slots, 4, strings, sizeof(strings));
    casus_diag diag = CASUS_DIAG_INIT;
    gaz *d = NULL;
    assert_int_equal(gaz_open(&d, tmp, &diag), 0);
    unlink(tmp);
    uint32_t id;
    /* a slot past the names ends a probe as an empty one does: what
     * lies beyond it is not found */
    assert_int_equal(gaz_lookup(d, "zz", 2, &id, 1), 0);
    assert_int_equal(gaz_lookup(d, "AA", 2, &id, 1), 0);
    gaz_close(d);
    /* without it, every slot is read once and no more */
    const uint32_t full[4] = { 3, 3, 1, 2 };
    char tmp2[] = "/tmp/casus-gaz-XXXXXX";
    write_gaz(tmp2, keys, 3, full, 4, strings, sizeof(strings));
    assert_int_equal(gaz_open(&d, tmp2, &diag), 0);
    unlink(tmp2);
    assert_int_equal(gaz_lookup(d, "zz", 2, &id, 1), 0);
    assert_int_equal(gaz_lookup(d, "AB", 2, &id, 1), 1);
    assert_int_equal(gaz_lookup(d, "x", 1, &id, 1), 1);
    gaz_close(d);
    /* an index whose size is not a power of two is refused */
    char tmp3[] = "/tmp/casus-gaz-XXXXXX";
    write_gaz(tmp3, keys, 3, full, 3, strings, sizeof(strings));
    assert_int_equal(gaz_open(&d, tmp3, &diag), CASUS_EPARSE);
    assert_non_null(strstr(diag.msg, "index"));
    unlink(tmp3);
}

/* gaz_lookup_memo() answers as gaz_lookup() does, whatever it holds: a
 * name asked for again with a larger cap than it kept places for, names
 * that share a slot, names too long to keep, and names of no place. */
static void test_gaz__the_memo_answers_as_the_lookup(void **state)
{
    (void)state;
    static const char *const names[] = {
        "springfield", "Springfield", "pristina", "london", "paris",
        "san jose", "kosovo", "zzzz no such place", "", "p",
        "a name far too long to be kept in a slot of the memo",
        "georgia", "washington", "victoria", "alexandria"
    };
    static const size_t caps[] = { 1, 8, 64, 2, 64, 1 };
    gaz_memo *memo = calloc(1, sizeof(*memo));
    assert_non_null(memo);
    for (size_t c = 0; c < sizeof(caps) / sizeof(caps[0]); c++)
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
            uint32_t want[64], got[64];
            const size_t len = strlen(names[i]);
            const size_t n = gaz_lookup(g, names[i], len, want, caps[c]);
            assert_int_equal(gaz_lookup_memo(g, memo, names[i], len, got,
                                             caps[c]), n);
            const size_t k = n < caps[c] ? n : caps[c];
            assert_memory_equal(got, want, k * sizeof(*got));
        }
    /* springfield has more places than a slot keeps */
    uint32_t ids[64];
    assert_true(gaz_lookup(g, "springfield", 11, ids, 64) > GAZ_MEMO_IDS);
    /* thousands of real names, so that many share a slot and a length,
     * asked twice */
    size_t found = 0;
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < 6000 && i < gaz_count(g); i++) {
            const char *pn = gaz_str(g, gaz_place_at(g, i * 7)->name);
            uint32_t want[8], got[8];
            const size_t n = gaz_lookup(g, pn, strlen(pn), want, 8);
            found += n > 0;     /* a name with diacritics is no key */
            assert_int_equal(gaz_lookup_memo(g, memo, pn, strlen(pn), got,
                                             8), n);
            const size_t k = n < 8 ? n : 8;
            assert_memory_equal(got, want, k * sizeof(*got));
        }
    assert_true(found > 2 * 4000);
    free(memo);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gaz__holds_the_geonames_cities),
        cmocka_unit_test(test_gaz__lookups_fold_case_and_end_at_len),
        cmocka_unit_test(test_gaz__many_places_most_populous_first),
        cmocka_unit_test(test_gaz__countries_are_places),
        cmocka_unit_test(test_gaz__divisions_of_every_country),
        cmocka_unit_test(test_gaz__countries_have_their_other_names),
        cmocka_unit_test(test_gaz__towns_have_their_other_names),
        cmocka_unit_test(test_gaz__maps_countries_to_cameo_codes),
        cmocka_unit_test(test_gaz__lookups_by_their_first_two_bytes),
        cmocka_unit_test(test_gaz__rejects_damaged_files),
        cmocka_unit_test(test_gaz__lookup_stays_inside_a_damaged_index),
        cmocka_unit_test(test_gaz__the_memo_answers_as_the_lookup),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
