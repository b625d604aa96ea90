/*
 * geocode.c - unit tests of place names found and resolved in documents
 *
 * Uses the gazetteer `make` builds (data/gen/gazetteer.bin); the facts
 * checked are GeoNames ids and rough coordinates of well-known places.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "casus/places.h"

static casus_geocoder *gc;

static int setup(void **state)
{
    (void)state;
    casus_diag diag = CASUS_DIAG_INIT;
    if (casus_geocoder_open(&gc, CASUS_DATADIR "/gen/gazetteer.bin",
                            &diag) != 0) {
        print_error("%s (run make first)\n", diag.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    casus_geocoder_free(gc);
    return 0;
}

static const casus_place *places_of(const char *text, size_t *n)
{
    casus_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.id = "t";
    doc.text = text;
    doc.text_len = strlen(text);
    const casus_place *p;
    assert_int_equal(casus_geocoder_places(gc, &doc, &p, n), 0);
    return p;
}

/* The text of each place found, joined by "|". */
static void expect_spans(const char *text, const char *want)
{
    size_t n;
    const casus_place *p = places_of(text, &n);
    char got[512] = "";
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            strcat(got, "|");
        strncat(got, text + p[i].start, p[i].end - p[i].start);
    }
    if (strcmp(got, want) != 0)
        print_message("%s\n  -> %s\n", text, got);
    assert_string_equal(got, want);
}

static void test_places__the_raid_report(void **state)
{
    (void)state;
    size_t n;
    const char *text = "PRISTINA, Kosovo - Police raided villages near "
                       "Zvecan on Wednesday, officials in Priština said.";
    const casus_place *p = places_of(text, &n);
    assert_int_equal(n, 4);
    assert_int_equal(p[0].geonames, 786714);        /* Pristina */
    assert_string_equal(p[1].feature, "PCLI");
    assert_string_equal(p[1].country, "XK");
    assert_int_equal(p[2].geonames, 783770);        /* Zvečan */
    assert_true(p[2].lat > 42.8 && p[2].lat < 43.0);
    /* "Priština": offsets in code points count the š once */
    assert_int_equal(p[3].geonames, 786714);
    assert_int_equal(p[3].cp_end - p[3].cp_start, 8);
    assert_int_equal(p[3].end - p[3].start, 9);
}

static void test_places__what_is_not_a_place(void **state)
{
    (void)state;
    /* a larger name, a title before a name, a month */
    expect_spans("The Washington Post said President Jordan arrived in "
                 "May.", "");
    /* a small town needs a locative word before it */
    expect_spans("Zvecan officials spoke.", "");
    expect_spans("Officials in Zvecan spoke.", "Zvecan");
    expect_spans("Troops moved into Paris and Lyon.", "Paris|Lyon");
    /* start of a longer run: a big city, not a small one */
    expect_spans("London Mayor Sadiq Khan spoke.", "London");
}

static void test_places__document_countries_decide(void **state)
{
    (void)state;
    size_t n;
    /* Alexandria: Egypt's without context, Virginia's with the US */
    const casus_place *p = places_of("Protests spread in Alexandria.", &n);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].country, "EG");
    p = places_of("In the United States, protests spread in Alexandria.", &n);
    assert_int_equal(n, 2);
    assert_string_equal(p[1].country, "US");
}

static void test_places__regions_and_short_forms(void **state)
{
    (void)state;
    size_t n;
    const casus_place *p = places_of("The U.S. and Europe sent aid to "
                                     "Texas and northern Syria.", &n);
    assert_int_equal(n, 4);
    assert_string_equal(p[0].country, "US");
    assert_string_equal(p[1].feature, "CONT");
    assert_string_equal(p[2].feature, "ADM1");
    assert_string_equal(p[3].country, "SY");
}

static void test_places__mention_records(void **state)
{
    (void)state;
    casus_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.id = "d\"1";
    doc.text = "Clashes in Priština.";
    doc.text_len = strlen(doc.text);
    const casus_place *p;
    size_t n;
    assert_int_equal(casus_geocoder_places(gc, &doc, &p, &n), 0);
    assert_int_equal(n, 1);
    char small[8];
    size_t need = casus_place_format(small, sizeof(small), &doc, &p[0]);
    assert_true(need >= sizeof(small));
    char buf[512];
    assert_int_equal(casus_place_format(buf, sizeof(buf), &doc, &p[0]), need);
    assert_non_null(strstr(buf, "{\"doc\":\"d\\\"1\",\"start\":11,\"end\":19,"
                                "\"text\":\"Priština\",\"kind\":\"place\""));
    assert_non_null(strstr(buf, "\"geonames\":786714"));
    assert_int_equal(buf[need - 1], '\n');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_places__the_raid_report),
        cmocka_unit_test(test_places__what_is_not_a_place),
        cmocka_unit_test(test_places__document_countries_decide),
        cmocka_unit_test(test_places__regions_and_short_forms),
        cmocka_unit_test(test_places__mention_records),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
