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

static void test_places__world_city_over_namesake(void **state)
{
    (void)state;
    size_t n;
    /* London, not London, Ohio: a hundredth of its people is too few;
     * Alexandria, Virginia, has more than that of Egypt's (above) */
    const casus_place *p = places_of("In the United States, officials "
                                     "said a firm in London paid.", &n);
    assert_int_equal(n, 2);
    assert_int_equal(p[1].geonames, 2643743);
}

static void test_places__hyphens_and_slashes(void **state)
{
    (void)state;
    /* the parts of a hyphenated word, unless it is a name whole */
    expect_spans("A London-based firm runs the Amsterdam-London train.",
                 "London|Amsterdam|London");
    expect_spans("Shelling along the Syrian-Turkish border went on.",
                 "Syrian|Turkish");
    expect_spans("Aid reached Guinea-Bissau.", "Guinea-Bissau");
    /* a slash ends a run: each side is a name of its own */
    expect_spans("Flights from Paris/Berlin were late.", "Paris|Berlin");
}

static void test_places__streets_and_buildings(void **state)
{
    (void)state;
    size_t n;
    /* a building takes the place of the town named right after it, or
     * before it with a possessive */
    const casus_place *p = places_of("Fans met at the Barclays Center in "
                                     "Brooklyn and at Seoul's Jamsil "
                                     "Stadium.", &n);
    assert_int_equal(n, 4);
    assert_int_equal(p[0].geonames, p[1].geonames);
    assert_int_equal(p[3].geonames, p[2].geonames);
    expect_spans("Fans met at the Barclays Center in Brooklyn and at "
                 "Seoul's Jamsil Stadium.",
                 "Barclays Center|Brooklyn|Seoul|Jamsil Stadium");
    /* or of the city its name starts with */
    p = places_of("Mass was said in the Manila Cathedral.", &n);
    assert_int_equal(n, 1);
    assert_int_equal(p[0].geonames, 1701668);       /* Manila */
    /* a street or building, of the town the story is about */
    p = places_of("Police in Chicago closed Royal Street.", &n);
    assert_int_equal(n, 2);
    assert_int_equal(p[1].geonames, p[0].geonames);
    p = places_of("Police in Chicago said Northwestern Memorial Hospital "
                  "treated him.", &n);
    assert_int_equal(n, 2);
    assert_int_equal(p[1].geonames, p[0].geonames);
    /* no town to put it in, or a title before a word of the list */
    expect_spans("He was accepted to Cornell University.", "");
    expect_spans("He met President Park.", "");
}

static void test_places__division_kind_words(void **state)
{
    (void)state;
    size_t n;
    /* a capitalised kind word belongs to the division's name, and makes
     * it the division, not the town of that name */
    const casus_place *p = places_of("Migrants camped in Oaxaca State, "
                                     "Mexico.", &n);
    assert_int_equal(n, 2);
    assert_string_equal(p[0].feature, "ADM1");
    expect_spans("Migrants camped in Oaxaca State, Mexico.",
                 "Oaxaca State|Mexico");
    /* a small county too, in the state the document names */
    p = places_of("In Kentucky, Pike County schools will get $5.", &n);
    assert_int_equal(n, 2);
    assert_string_equal(p[1].feature, "ADM2");
    assert_string_equal(p[1].admin1, p[0].admin1);
    /* in lower case the word is not the name's */
    expect_spans("He died in Hubei province.", "Hubei");
}

static void test_places__document_divisions_decide(void **state)
{
    (void)state;
    size_t n;
    /* the Springfield of the state the story names */
    const casus_place *p = places_of("The governor of Illinois spoke in "
                                     "Springfield.", &n);
    assert_int_equal(n, 2);
    assert_string_equal(p[1].country, "US");
    assert_string_equal(p[1].admin1, p[0].admin1);
    p = places_of("The governor of Massachusetts spoke in Springfield.", &n);
    assert_int_equal(n, 2);
    assert_string_equal(p[1].admin1, p[0].admin1);
}

static void test_places__continent_adjectives(void **state)
{
    (void)state;
    size_t n;
    const casus_place *p = places_of("Aid came from European and African "
                                     "states.", &n);
    assert_int_equal(n, 2);
    assert_string_equal(p[0].name, "Europe");
    assert_string_equal(p[1].feature, "CONT");
}

static void test_places__country_points(void **state)
{
    (void)state;
    size_t n;
    /* the centroid of the main land for most countries; world-countries'
     * reference point where that lies over 500 km away */
    const casus_place *p = places_of("Aid reached Canada, Indonesia and "
                                     "France.", &n);
    assert_int_equal(n, 3);
    assert_true(p[0].lat > 59.5 && p[0].lat < 60.5);       /* 60, -95 */
    assert_true(p[0].lon > -95.5 && p[0].lon < -94.5);
    assert_true(p[1].lat > -5.5 && p[1].lat < -4.5);       /* -5, 120 */
    assert_true(p[1].lon > 119.5 && p[1].lon < 120.5);
    assert_true(p[2].lat > 46.2 && p[2].lat < 46.8);       /* 46.5, 2.5 */
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

static void test_places__possessives(void **state)
{
    (void)state;
    expect_spans("China's army and Kenya\u2019s police met in Europe's "
                 "capital.", "China|Kenya|Europe");
    /* the possessive ends the name: Hawaii, not "Hawaii Governor" */
    expect_spans("Hawaii's Governor David Ige spoke.", "Hawaii");
    /* and a name may begin right after it */
    expect_spans("India's Kerala flooded.", "India|Kerala");
    /* a name with a possessive in it or at its end */
    expect_spans("Refugees reached Cox's Bazar from Queen Anne's County.",
                 "Cox's Bazar|Queen Anne's County");
    expect_spans("Officials in St. John's said so.", "St. John's");
    /* a run too long to be a name still gives the name before its "'s" */
    expect_spans("Britain's Foreign Secretary Boris Johnson Said so.",
                 "Britain");
    /* "People's" is part of a name */
    size_t n;
    const casus_place *p = places_of("Envoys of the People's Republic of "
                                     "China arrived.", &n);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].country, "CN");
}

static void test_places__wire_abbreviations(void **state)
{
    (void)state;
    size_t n;
    /* after a comma, with their full stop */
    const casus_place *p = places_of("OAKLAND, Calif. (AP) - Crews from "
                                     "Surrey, B.C. and Santa Fe, N.M. "
                                     "Fire teams came.", &n);
    assert_int_equal(n, 6);
    assert_int_equal(p[1].end - p[1].start, 6);     /* "Calif." */
    assert_string_equal(p[1].admin1, "CA");
    assert_string_equal(p[1].country, "US");
    assert_string_equal(p[2].country, "CA");        /* Surrey, B.C. */
    assert_string_equal(p[3].feature, "ADM1");      /* B.C. */
    assert_int_equal(p[5].end - p[5].start, 4);     /* "N.M." */
    /* elsewhere they are words */
    expect_spans("They went to Mass. Then they left.", "");
    expect_spans("Floods hit NSW and Queensland.", "NSW|Queensland");
    /* Saint, Fort and Mount, short or not */
    expect_spans("Police in St. Louis, St Petersburg and Ft. Worth.",
                 "St. Louis|St Petersburg|Ft. Worth");
}

static void test_places__names_with_joiners(void **state)
{
    (void)state;
    size_t n;
    const casus_place *p = places_of("Aid reached the Democratic Republic "
                                     "of the Congo and Rio Grande do Sul.",
                                     &n);
    assert_int_equal(n, 2);
    assert_string_equal(p[0].country, "CD");
    assert_string_equal(p[1].feature, "ADM1");
    /* a joined run that names nothing falls back to its parts */
    expect_spans("Police in Zvecan and Mitrovica.", "Zvecan|Mitrovica");
    expect_spans("Bank of England staff met in Paris.", "England|Paris");
}

static void test_places__second_level_divisions(void **state)
{
    (void)state;
    size_t n;
    const casus_place *p = places_of("Fires spread in Orange County. In "
                                     "Britain, farms in Suffolk closed.",
                                     &n);
    assert_int_equal(n, 3);
    assert_string_equal(p[0].feature, "ADM2");
    assert_string_equal(p[0].country, "US");
    assert_string_equal(p[2].feature, "ADM2");
    assert_string_equal(p[2].country, "GB");
    /* a one-word division whose country is not named may be a person */
    expect_spans("The Pope tweeted his support for Gard.", "");
    /* a town before the district of its name */
    p = places_of("Troops entered Tijuana.", &n);
    assert_int_equal(n, 1);
    assert_memory_equal(p[0].feature, "PPL", 3);
}

static void test_places__regions_seas_and_islands(void **state)
{
    (void)state;
    size_t n;
    const casus_place *p = places_of("Shelling in Eastern Ghouta and Darfur "
                                     "worried the Middle East, as ships "
                                     "crossed the Mediterranean.", &n);
    assert_int_equal(n, 4);
    assert_string_equal(p[0].feature, "RGN");
    assert_string_equal(p[0].country, "SY");
    assert_string_equal(p[1].country, "SD");
    assert_string_equal(p[3].feature, "SEA");
    /* an area does not start a longer name it is not */
    expect_spans("The Atlantic Council said so.", "");
    /* and comes before a town of its name, even in that town's country */
    p = places_of("In the United States, storms crossed the Atlantic.", &n);
    assert_int_equal(n, 2);
    assert_string_equal(p[1].feature, "OCN");
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

/* Trimming gives the document's memory back: the last places are gone,
 * and the next document is found as before. */
static void test_places__trim_then_again(void **state)
{
    (void)state;
    const char *text = "Police raided villages near Mitrovica, in northern "
                       "Kosovo, and Belgrade protested.";
    size_t n1, n2;
    const casus_place *p = places_of(text, &n1);
    assert_true(n1 >= 2);
    const uint32_t first = p[0].geonames;
    casus_geocoder_trim(gc);
    casus_geocoder_trim(NULL);
    assert_null(casus_geocoder_locate(gc, 0, strlen(text)));
    p = places_of(text, &n2);
    assert_int_equal(n2, n1);
    assert_int_equal(p[0].geonames, first);
    assert_non_null(casus_geocoder_locate(gc, 0, strlen(text)));
}

/* A shared geocoder reads the same gazetteer and keeps a document of its
 * own: coding another text with it leaves gc's places as they were. */
static void test_places__a_shared_geocoder(void **state)
{
    (void)state;
    const char *a = "Clashes in Priština and Belgrade.";
    const char *b = "Floods in Paris, Texas.";
    casus_geocoder *other = NULL;
    assert_int_equal(casus_geocoder_share(&other, gc), 0);
    size_t na, nb;
    const casus_place *pa = places_of(a, &na);
    casus_doc doc = { .id = "b", .text = b, .text_len = strlen(b) };
    const casus_place *pb;
    assert_int_equal(casus_geocoder_places(other, &doc, &pb, &nb), 0);
    assert_int_equal(na, 2);
    assert_int_equal(pa[0].geonames, 786714);   /* Priština, still */
    assert_true(nb >= 1);
    assert_string_equal(pb[0].country, "US");   /* Paris, Texas */
    casus_geocoder_free(other);
    /* gc goes on after the share is gone */
    pa = places_of(a, &na);
    assert_int_equal(pa[0].geonames, 786714);
}

/* "Town, Region": the region picks the town, and makes a small town a
 * place without a locative word. */
static void test_places__containment(void **state)
{
    (void)state;
    size_t n;
    const casus_place *p = places_of("Storms hit Hammond, Indiana, and "
                                     "Paris, Texas.", &n);
    assert_int_equal(n, 4);
    assert_int_equal(p[0].geonames, 4921100);       /* Hammond, Indiana */
    assert_string_equal(p[2].country, "US");        /* not Paris, France */
    assert_true(p[2].lat > 33 && p[2].lat < 34.5);
    /* without the region, the most populous of the name */
    p = places_of("Storms hit Paris.", &n);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].country, "FR");
}

/* The name of the place casus_geocoder_locate() gives the span of
 * text from the first occurrence of sentence, "" for none. */
static const char *located(const char *text, const char *sentence)
{
    const char *at = strstr(text, sentence);
    assert_non_null(at);
    const size_t start = (size_t)(at - text);
    const casus_place *p = casus_geocoder_locate(gc, start,
                                                 start + strlen(sentence));
    return p ? p->name : "";
}

static void test_locate__sentence_then_dateline(void **state)
{
    (void)state;
    size_t n;
    const char *text = "PRIŠTINA, Kosovo — Kosovo police raided villages "
                       "in northern Kosovo. Six civilians were wounded. "
                       "Officers later detained a man near Zvečan. "
                       "Fighting spread in Kosovo near Zvečan.";
    places_of(text, &n);
    /* after a locative word, across a direction word */
    assert_string_equal(located(text, "Kosovo police raided villages in "
                                      "northern Kosovo."), "Kosovo");
    /* no place in the sentence: the dateline's */
    assert_string_equal(located(text, "Six civilians were wounded."),
                        "Pristina");
    assert_string_equal(located(text, "Officers later detained a man near "
                                      "Zvečan."), "Zvečan");
    /* the town before the country it lies in */
    assert_string_equal(located(text, "Fighting spread in Kosovo near "
                                      "Zvečan."), "Zvečan");
}

static void test_locate__capitals_speak_towns_are_places(void **state)
{
    (void)state;
    size_t n;
    const char *text = "Belgrade accused Pristina of a provocation. "
                       "Rebels shelled Aleppo overnight. Talks went on. "
                       "Belgrade said it would answer.";
    places_of(text, &n);
    /* two capitals acting as governments: the document's main place, the
     * one named most often */
    assert_string_equal(located(text, "Belgrade accused Pristina of a "
                                      "provocation."), "Belgrade");
    /* a town that is not a capital is where its sentence happened */
    assert_string_equal(located(text, "Rebels shelled Aleppo overnight."),
                        "Aleppo");
    assert_string_equal(located(text, "Talks went on."), "Belgrade");
}

static void test_locate__a_location_record(void **state)
{
    (void)state;
    size_t n;
    const casus_place *p = places_of("Troops massed near Zvečan.", &n);
    assert_int_equal(n, 1);
    casus_location loc;
    casus_place_location(&p[0], &loc);
    assert_string_equal(loc.name, "Zvečan");
    assert_string_equal(loc.iso2, "XK");
    assert_string_equal(loc.country, "KSV");
    assert_int_equal(loc.geonames, 783770);
    assert_true(strncmp(loc.adm1, "XK.", 3) == 0);
    assert_true(loc.lat > 42.8 && loc.lat < 43.0);
    assert_true(loc.lon > 20.7 && loc.lon < 20.9);
    assert_true(p[0].locative);
    /* nothing to locate in a document without places */
    places_of("Talks went on.", &n);
    assert_int_equal(n, 0);
    assert_null(casus_geocoder_locate(gc, 0, 14));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_places__the_raid_report),
        cmocka_unit_test(test_places__what_is_not_a_place),
        cmocka_unit_test(test_places__document_countries_decide),
        cmocka_unit_test(test_places__world_city_over_namesake),
        cmocka_unit_test(test_places__hyphens_and_slashes),
        cmocka_unit_test(test_places__streets_and_buildings),
        cmocka_unit_test(test_places__division_kind_words),
        cmocka_unit_test(test_places__document_divisions_decide),
        cmocka_unit_test(test_places__continent_adjectives),
        cmocka_unit_test(test_places__country_points),
        cmocka_unit_test(test_places__regions_and_short_forms),
        cmocka_unit_test(test_places__possessives),
        cmocka_unit_test(test_places__wire_abbreviations),
        cmocka_unit_test(test_places__names_with_joiners),
        cmocka_unit_test(test_places__second_level_divisions),
        cmocka_unit_test(test_places__regions_seas_and_islands),
        cmocka_unit_test(test_places__mention_records),
        cmocka_unit_test(test_places__trim_then_again),
        cmocka_unit_test(test_places__a_shared_geocoder),
        cmocka_unit_test(test_places__containment),
        cmocka_unit_test(test_locate__sentence_then_dateline),
        cmocka_unit_test(test_locate__capitals_speak_towns_are_places),
        cmocka_unit_test(test_locate__a_location_record),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
