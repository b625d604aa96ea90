/*
 * dateline.c - unit tests of dateline detection
 *
 * Wire copy opens with "PLACE, Region, Date (Agency) -"; the coder skips
 * it and a later stage may use the place.  Ordinary first sentences must
 * not be mistaken for datelines.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

static text_dateline_info info;
static const char *doc;

/* The text after the dateline, or NULL when none was found. */
static const char *rest(const char *text)
{
    doc = text;
    const size_t n = text_dateline(text, strlen(text), &info);
    assert_int_equal(n, info.len);
    return n ? text + n : NULL;
}

static void assert_part(size_t start, size_t len, const char *want)
{
    if (want == NULL) {
        assert_int_equal(len, 0);
        return;
    }
    assert_int_equal(len, strlen(want));
    assert_memory_equal(doc + start, want, len);
}

#define assert_place(w) assert_part(info.place_start, info.place_len, (w))
#define assert_region(w) assert_part(info.region_start, info.region_len, (w))
#define assert_agency(w) assert_part(info.agency_start, info.agency_len, (w))

static void test_text_dateline__place_region_agency(void **state)
{
    (void)state;
    assert_string_equal(rest("PRISTINA, Kosovo (Reuters) - Police raided "
                             "the offices."),
                        "Police raided the offices.");
    assert_place("PRISTINA");
    assert_region("Kosovo");
    assert_agency("Reuters");
}

static void test_text_dateline__place_date_agency_em_dash(void **state)
{
    (void)state;
    assert_string_equal(rest("BELGRADE, March 3 (AP) \xE2\x80\x94 Serbia "
                             "recalled its envoy."),
                        "Serbia recalled its envoy.");
    assert_place("BELGRADE");
    assert_region(NULL);
    assert_agency("AP");
    assert_string_equal(rest("NEW YORK, Jan. 5 (Reuters) - Stocks fell."),
                        "Stocks fell.");
    assert_place("NEW YORK");
    assert_string_equal(rest("BAGHDAD, Iraq, Oct. 12 (AFP) -- A bomb "
                             "exploded."),
                        "A bomb exploded.");
    assert_region("Iraq");
    assert_agency("AFP");
}

static void test_text_dateline__place_alone(void **state)
{
    (void)state;
    assert_string_equal(rest("WASHINGTON \xE2\x80\x94 The Senate voted."),
                        "The Senate voted.");
    assert_place("WASHINGTON");
    assert_agency(NULL);
    assert_string_equal(rest("WASHINGTON\xE2\x80\x94The Senate voted."),
                        "The Senate voted.");
    assert_string_equal(rest("KABUL: Afghan officials said on Monday."),
                        "Afghan officials said on Monday.");
    assert_place("KABUL");
    assert_string_equal(rest("PORT-AU-PRINCE, Haiti \xE2\x80\x93 Gangs "
                             "blocked the road."),
                        "Gangs blocked the road.");
    assert_place("PORT-AU-PRINCE");
    assert_region("Haiti");
    assert_string_equal(rest("ST. LOUIS -- Protesters marched."),
                        "Protesters marched.");
    assert_place("ST. LOUIS");
    assert_string_equal(rest("BELGRADE, March 3 - Serbia protested."),
                        "Serbia protested.");
}

static void test_text_dateline__other_agency_forms(void **state)
{
    (void)state;
    assert_string_equal(rest("MOSCOW, March 3 /ITAR-TASS/ - Putin said."),
                        "Putin said.");
    assert_agency("ITAR-TASS");
    assert_string_equal(rest("KABUL (AFP): Talks began."), "Talks began.");
    assert_agency("AFP");
    assert_string_equal(rest("(Reuters) - Police said."), "Police said.");
    assert_place(NULL);
    assert_agency("Reuters");
    assert_string_equal(rest("Pristina, Kosovo (Reuters) - Police left."),
                        "Police left.");
    assert_place("Pristina");
}

static void test_text_dateline__non_ascii_place(void **state)
{
    (void)state;
    assert_string_equal(rest("S\xC3\x83O PAULO, Brazil (Reuters) - Markets "
                             "rose."),
                        "Markets rose.");
    assert_place("S\xC3\x83O PAULO");
}

static void test_text_dateline__leading_whitespace_is_skipped(void **state)
{
    (void)state;
    assert_string_equal(rest("\n  GAZA (Reuters) - Talks stalled."),
                        "Talks stalled.");
    assert_place("GAZA");
    assert_int_equal(info.place_start, 3);
}

static void test_text_dateline__ordinary_openings_are_not_datelines(void **state)
{
    (void)state;
    assert_null(rest("Police raided the offices of a Serb party."));
    assert_null(rest("Washington \xE2\x80\x94 the capital \xE2\x80\x94 "
                     "was quiet."));
    assert_null(rest("U.S. - China talks resumed on Monday."));
    assert_null(rest("NATO said on Monday it would send troops."));
    assert_null(rest("WASHINGTON - The Senate voted."));
    assert_null(rest("Russia, China and Iran (the three) met."));
    assert_null(rest("WASHINGTON (Reuters)"));
    assert_null(rest("WASHINGTON \xE2\x80\x94 "));
    assert_null(rest("Note: this is a test."));
    assert_null(rest("LONDON\n(Reuters) - Split over lines."));
    assert_null(rest(""));
    assert_null(rest("   "));
    assert_int_equal(info.len, 0);
    assert_int_equal(info.place_len, 0);
}

static void test_text_dateline__info_is_optional(void **state)
{
    (void)state;
    const char *t = "GAZA (Reuters) - Talks stalled.";
    assert_int_equal(text_dateline(t, strlen(t), NULL), 17);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_dateline__place_region_agency),
        cmocka_unit_test(test_text_dateline__place_date_agency_em_dash),
        cmocka_unit_test(test_text_dateline__place_alone),
        cmocka_unit_test(test_text_dateline__other_agency_forms),
        cmocka_unit_test(test_text_dateline__non_ascii_place),
        cmocka_unit_test(test_text_dateline__leading_whitespace_is_skipped),
        cmocka_unit_test(
            test_text_dateline__ordinary_openings_are_not_datelines),
        cmocka_unit_test(test_text_dateline__info_is_optional),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
