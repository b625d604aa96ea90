/*
 * format.c - unit tests of the event output formats
 *
 * JSONL records must be valid JSON with the fields of doc/records.md;
 * TSV rows must have exactly the 61 GDELT 2.0 event columns.
 *
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "casus/event.h"

static casus_event sample(void)
{
    casus_event ev = { .doc = "d1", .sentence = 2, .date = "2019-04-10",
                       .code = "173", .source = "USAGOV",
                       .target = "IRQMILREB", .source_text = "Washington",
                       .target_text = "Iraqi rebels" };
    return ev;
}

static char *format(const casus_event *ev, casus_format fmt)
{
    static char buf[4096];
    size_t n = casus_event_format(buf, sizeof(buf), ev, fmt, 7);
    assert_true(n < sizeof(buf));
    assert_int_equal(strlen(buf), n);
    return buf;
}

static json_t *parse(const char *line)
{
    json_error_t err;
    const size_t n = strlen(line);
    assert_true(n > 0 && line[n - 1] == '\n');
    json_t *j = json_loadb(line, n - 1, 0, &err);
    if (j == NULL)
        fail_msg("not JSON (%s): %s", err.text, line);
    return j;
}

static void test_event_format__jsonl_record_has_every_field(void **state)
{
    (void)state;
    const casus_event ev = sample();
    assert_string_equal(
        format(&ev, CASUS_FORMAT_JSONL),
        "{\"doc\":\"d1\",\"sentence\":2,\"date\":\"2019-04-10\","
        "\"source\":\"USAGOV\",\"target\":\"IRQMILREB\","
        "\"source_text\":\"Washington\",\"target_text\":\"Iraqi rebels\","
        "\"code\":\"173\",\"root\":\"17\",\"quad\":4,\"goldstein\":-5.0,"
        "\"plover\":\"COERCE\",\"location\":null,\"counts\":{},"
        "\"negated\":false}\n");
}

static void test_event_format__code_keeps_leading_zeros(void **state)
{
    (void)state;
    casus_event ev = sample();
    strcpy(ev.code, "010");
    ev.date[0] = '\0';
    ev.negated = true;
    json_t *j = parse(format(&ev, CASUS_FORMAT_JSONL));
    assert_string_equal(json_string_value(json_object_get(j, "code")), "010");
    assert_string_equal(json_string_value(json_object_get(j, "root")), "01");
    assert_int_equal(json_integer_value(json_object_get(j, "quad")), 1);
    assert_true(json_is_null(json_object_get(j, "date")));
    assert_true(json_is_true(json_object_get(j, "negated")));
    json_decref(j);
}

static void test_event_format__unknown_code_still_prints(void **state)
{
    (void)state;
    casus_event ev = sample();
    strcpy(ev.code, "0899");
    json_t *j = parse(format(&ev, CASUS_FORMAT_JSONL));
    assert_string_equal(json_string_value(json_object_get(j, "root")), "08");
    assert_int_equal(json_integer_value(json_object_get(j, "quad")), 2);
    assert_true(json_real_value(json_object_get(j, "goldstein")) == 0.0);
    assert_string_equal(json_string_value(json_object_get(j, "plover")), "");
    json_decref(j);
}

static void test_event_format__json_escapes_text(void **state)
{
    (void)state;
    casus_event ev = sample();
    ev.doc = "a\"b\\c";
    strcpy(ev.source_text, "say \"hi\"\n\tback\\slash \x01 caf\xc3\xa9");
    strcpy(ev.target_text, "cut \xe2\x82"); /* truncated mid-character */
    const char *line = format(&ev, CASUS_FORMAT_JSONL);
    assert_non_null(strstr(line, "\"a\\\"b\\\\c\""));
    assert_non_null(strstr(line, "\\u0001"));
    json_t *j = parse(line);
    assert_string_equal(json_string_value(json_object_get(j, "doc")), ev.doc);
    assert_string_equal(json_string_value(json_object_get(j, "source_text")),
                        ev.source_text);
    assert_string_equal(json_string_value(json_object_get(j, "target_text")),
                        "cut \xef\xbf\xbd\xef\xbf\xbd");
    json_decref(j);
}

static size_t count_columns(const char *row)
{
    size_t n = 1;
    for (const char *p = row; *p && *p != '\n'; p++)
        n += *p == '\t';
    return n;
}

/* Column `k` (1-based) of a TSV row, copied into a static buffer. */
static const char *column(const char *row, size_t k)
{
    static char out[256];
    for (size_t i = 1; i < k; i++)
        row = strchr(row, '\t') + 1;
    const size_t n = strcspn(row, "\t\n");
    memcpy(out, row, n);
    out[n] = '\0';
    return out;
}

static void test_event_format__tsv_has_61_gdelt_columns(void **state)
{
    (void)state;
    assert_int_equal(count_columns(casus_event_tsv_header()), 61);
    assert_string_equal(column(casus_event_tsv_header(), 61), "SOURCEURL");

    casus_event ev = sample();
    const char *row = format(&ev, CASUS_FORMAT_TSV);
    assert_int_equal(count_columns(row), 61);
    assert_string_equal(column(row, 1), "7");
    assert_string_equal(column(row, 2), "20190410");
    assert_string_equal(column(row, 3), "201904");
    assert_string_equal(column(row, 4), "2019");
    assert_string_equal(column(row, 5), "2019.2712");
    assert_string_equal(column(row, 6), "USAGOV");
    assert_string_equal(column(row, 7), "Washington");
    assert_string_equal(column(row, 8), "USA");
    assert_string_equal(column(row, 13), "GOV");
    assert_string_equal(column(row, 14), "");
    assert_string_equal(column(row, 18), "IRQ");
    assert_string_equal(column(row, 23), "MIL");
    assert_string_equal(column(row, 24), "REB");
    assert_string_equal(column(row, 26), "0");
    assert_string_equal(column(row, 27), "173");
    assert_string_equal(column(row, 28), "173");
    assert_string_equal(column(row, 29), "17");
    assert_string_equal(column(row, 30), "4");
    assert_string_equal(column(row, 31), "-5.0");
    assert_string_equal(column(row, 61), "d1");
}

static casus_event located(void)
{
    casus_event ev = sample();
    casus_location loc = { .name = "Zvečan", .country = "KSV", .iso2 = "XK",
                           .adm1 = "XK.10097361", .feature = "PPLA2",
                           .lat = 42.9075, .lon = 20.84028,
                           .geonames = 783770 };
    ev.location = loc;
    return ev;
}

static void test_event_format__jsonl_location(void **state)
{
    (void)state;
    casus_event ev = located();
    json_t *j = parse(format(&ev, CASUS_FORMAT_JSONL));
    json_t *loc = json_object_get(j, "location");
    assert_true(json_is_object(loc));
    assert_string_equal(json_string_value(json_object_get(loc, "name")),
                        "Zvečan");
    assert_string_equal(json_string_value(json_object_get(loc, "country")),
                        "KSV");
    assert_string_equal(json_string_value(json_object_get(loc, "adm1")),
                        "XK.10097361");
    assert_true(json_real_value(json_object_get(loc, "lat")) == 42.9075);
    assert_true(json_real_value(json_object_get(loc, "lon")) == 20.84028);
    assert_int_equal(json_integer_value(json_object_get(loc, "geonames")),
                     783770);
    json_decref(j);

    /* a country: no GeoNames id, no division */
    casus_location country = { .name = "Kosovo", .country = "KSV",
                               .iso2 = "XK", .feature = "PCLI",
                               .lat = 42.5, .lon = 21 };
    ev.location = country;
    j = parse(format(&ev, CASUS_FORMAT_JSONL));
    loc = json_object_get(j, "location");
    assert_true(json_is_null(json_object_get(loc, "geonames")));
    assert_true(json_is_null(json_object_get(loc, "adm1")));
    json_decref(j);
}

/* The record's numbers are written without printf; they must read as
 * printf's "%.5f" and "%.1f" do, signs and zeros included. */
static void test_event_format__numbers_as_printf(void **state)
{
    (void)state;
    casus_event ev = located();
    uint32_t r = 12345;
    for (int k = 0; k < 20000; k++) {
        r = r * 1103515245u + 12345u;
        /* gazetteer points are whole 1e-5 degrees; test those and a few
         * that are not, near zero and at the poles and date line */
        int32_t micro = (int32_t)(r % 36000001u) - 18000000;
        double v = k % 4 == 0 ? micro / 1e5 : k % 4 == 1 ? micro / 1e7
                 : k % 4 == 2 ? -micro / 1e9 : (k % 2 ? 180.0 : -90.0);
        ev.location.lat = v;
        ev.location.lon = -v;
        char want_lat[64], want_lon[64];
        snprintf(want_lat, sizeof(want_lat), "\"lat\":%.5f,", v);
        snprintf(want_lon, sizeof(want_lon), "\"lon\":%.5f,", -v);
        const char *line = format(&ev, CASUS_FORMAT_JSONL);
        if (strstr(line, want_lat) == NULL || strstr(line, want_lon) == NULL)
            fail_msg("%s or %s not in %s", want_lat, want_lon, line);
    }
    ev.location.lat = -0.0;
    assert_non_null(strstr(format(&ev, CASUS_FORMAT_JSONL),
                           "\"lat\":-0.00000,"));
}

static void test_event_format__tsv_action_geo(void **state)
{
    (void)state;
    casus_event ev = located();
    const char *row = format(&ev, CASUS_FORMAT_TSV);
    assert_int_equal(count_columns(row), 61);
    assert_string_equal(column(row, 36), "");       /* actor places */
    assert_string_equal(column(row, 51), "");
    assert_string_equal(column(row, 52), "4");      /* a town outside US */
    assert_string_equal(column(row, 53), "Zvečan");
    assert_string_equal(column(row, 54), "XK");
    assert_string_equal(column(row, 55), "XK10097361");
    assert_string_equal(column(row, 56), "");
    assert_string_equal(column(row, 57), "42.90750");
    assert_string_equal(column(row, 58), "20.84028");
    assert_string_equal(column(row, 59), "783770");
    assert_string_equal(column(row, 60), "");
    assert_string_equal(column(row, 61), "d1");

    casus_location state_ = { .name = "California", .country = "USA",
                              .iso2 = "US", .adm1 = "US.CA",
                              .feature = "ADM1", .lat = 37.25,
                              .lon = -119.75 };
    ev.location = state_;
    row = format(&ev, CASUS_FORMAT_TSV);
    assert_string_equal(column(row, 52), "2");
    assert_string_equal(column(row, 55), "USCA");
    assert_string_equal(column(row, 59), "US");
}

static void test_event_format__tsv_keeps_rows_intact(void **state)
{
    (void)state;
    casus_event ev = { .doc = "x\ty", .code = "0874",
                       .source = "IGOUNO", .source_text = "the\tUN\nsays" };
    const char *row = format(&ev, CASUS_FORMAT_TSV);
    assert_int_equal(count_columns(row), 61);
    assert_int_equal(strchr(row, '\n')[1], '\0');
    assert_string_equal(column(row, 2), "");       /* no date */
    assert_string_equal(column(row, 7), "the UN says");
    assert_string_equal(column(row, 8), "");       /* IGO: not a country */
    assert_string_equal(column(row, 28), "087");
    assert_string_equal(column(row, 29), "08");
    assert_string_equal(column(row, 61), "x y");
}

static void test_event_format__reports_length_when_truncated(void **state)
{
    (void)state;
    const casus_event ev = sample();
    char full[4096], small[16];
    const size_t n = casus_event_format(full, sizeof(full), &ev,
                                        CASUS_FORMAT_JSONL, 1);
    assert_int_equal(casus_event_format(NULL, 0, &ev, CASUS_FORMAT_JSONL, 1),
                     n);
    assert_int_equal(casus_event_format(small, sizeof(small), &ev,
                                        CASUS_FORMAT_JSONL, 1), n);
    assert_int_equal(strlen(small), sizeof(small) - 1);
    assert_memory_equal(small, full, sizeof(small) - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_format__jsonl_record_has_every_field),
        cmocka_unit_test(test_event_format__code_keeps_leading_zeros),
        cmocka_unit_test(test_event_format__unknown_code_still_prints),
        cmocka_unit_test(test_event_format__json_escapes_text),
        cmocka_unit_test(test_event_format__jsonl_location),
        cmocka_unit_test(test_event_format__numbers_as_printf),
        cmocka_unit_test(test_event_format__tsv_action_geo),
        cmocka_unit_test(test_event_format__tsv_has_61_gdelt_columns),
        cmocka_unit_test(test_event_format__tsv_keeps_rows_intact),
        cmocka_unit_test(test_event_format__reports_length_when_truncated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
