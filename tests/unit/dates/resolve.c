/*
 * resolve.c - unit tests of the date an event's sentence names
 *
 * Most tests use a document dated Friday 2019-04-12, as in src/dates.h;
 * "-" as the expectation means the sentence names no day.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "dates.h"

static void expect_on(const char *doc_date, const char *text,
                      const char *want)
{
    char got[11] = "-";
    bool ok = dates_resolve(text, strlen(text), doc_date, got);
    if (!ok)
        strcpy(got, "-");
    if (strcmp(got, want) != 0)
        print_message("%s (doc %s)\n  -> %s\n", text,
                      doc_date ? doc_date : "none", got);
    assert_string_equal(got, want);
    assert_true(ok == (strcmp(want, "-") != 0));
}

static void expect(const char *text, const char *want)
{
    expect_on("2019-04-12", text, want);
}

static void test_dates__weekdays_look_back_from_the_document(void **state)
{
    (void)state;
    expect("Police raided three villages on Wednesday.", "2019-04-10");
    expect("Protesters gathered Thursday in the capital.", "2019-04-11");
    expect("The talks ended Saturday without a deal.", "2019-04-06");
    expect("The minister resigned on Friday.", "2019-04-12");
    expect("The minister resigned last Friday.", "2019-04-05");
    expect("Troops left last Wednesday.", "2019-04-10");
    /* the week starts again at the document's own day */
    expect_on("2019-04-14", "Clashes broke out on Monday.", "2019-04-08");
}

static void test_dates__next_looks_ahead(void **state)
{
    (void)state;
    expect("The envoy will visit Belgrade next Monday.", "2019-04-15");
    expect("Talks resume this coming Friday.", "2019-04-19");
    /* a future before the weekday looks ahead, including today */
    expect("Ministers will meet on Monday.", "2019-04-15");
    expect("The summit, due to open on Friday, was moved.", "2019-04-12");
    expect("They will not visit the site until Saturday.", "2019-04-13");
    expect("Nothing is scheduled before Tuesday.", "2019-04-16");
    /* after the weekday it does not: the report was on Monday */
    expect("He said on Monday that troops will leave.", "2019-04-08");
    expect("He will say whether troops left last Monday.", "2019-04-08");
}

static void test_dates__relative_days(void **state)
{
    (void)state;
    expect("Five officers were wounded yesterday.", "2019-04-11");
    expect("The army was put on alert last night.", "2019-04-11");
    expect("Gunmen attacked a convoy the day before yesterday.",
           "2019-04-10");
    expect("The ministry said today that 19 were arrested.", "2019-04-12");
    expect("Rebels shelled the town this morning.", "2019-04-12");
    expect("Today's attack killed 4.", "2019-04-12");
    expect("A vote is expected tonight.", "2019-04-12");
}

static void test_dates__month_and_day(void **state)
{
    (void)state;
    expect("The ceasefire was signed on March 5.", "2019-03-05");
    expect("The ceasefire was signed on Mar. 5.", "2019-03-05");
    expect("The ceasefire was signed on 5 March.", "2019-03-05");
    expect("The ceasefire was signed on the 5th of March.", "2019-03-05");
    expect("Elections are due on April 28th.", "2019-04-28");
    /* up to 180 days ahead of the document: this year's; further
     * ahead: last year's */
    expect("A strike is called for Sept. 30.", "2019-09-30");
    expect("The strike began on October 15.", "2018-10-15");
    expect("The border was closed on December 20.", "2018-12-20");
    expect("Fighting resumed on Feb. 29.", "-");   /* 2019 had none */
}

static void test_dates__full_dates(void **state)
{
    (void)state;
    expect("The accord of March 5, 2016 was broken.", "2016-03-05");
    expect("The accord of 5 March 2016 was broken.", "2016-03-05");
    expect("The camp closed on 2018-11-30.", "2018-11-30");
    expect_on(NULL, "The camp closed on November 30, 2018.", "2018-11-30");
    expect_on("", "Leap day: February 29, 2016.", "2016-02-29");
}

static void test_dates__first_expression_wins(void **state)
{
    (void)state;
    expect("On Tuesday police said the raid of March 1 left 3 dead.",
           "2019-04-09");
    expect("The March 1 raid was condemned on Tuesday.", "2019-03-01");
}

/* A period other than the document's own resolves to its first day; the
 * document's own week, month or year leaves the document's day. */
static void test_dates__periods(void **state)
{
    (void)state;
    expect("Tensions rose last week.", "2019-04-01");       /* Monday */
    expect("Talks resume next week.", "2019-04-15");
    expect("Prices rose last month.", "2019-03-01");
    expect("Prices may fall next month.", "2019-05-01");
    expect("Sales fell last year.", "2018-01-01");
    expect("The war ended in 1999.", "1999-01-01");
    expect("Elections are due in May 2019.", "2019-05-01");
    expect("Fighting flared in January.", "2019-01-01");
    expect("In March 40 people died.", "2019-03-01");
    /* more than 180 days ahead: last year's November */
    expect("Fighting flared in November.", "2018-11-01");
    expect_on("2020-01-15", "Fighting flared in December.", "2019-12-01");
    expect_on("2020-01-15", "It began last month.", "2019-12-01");
    expect_on("2019-12-30", "It resumes next week.", "2020-01-06");
    expect("He left in August last year.", "2018-08-01");
    expect("They vote in June next year.", "2020-06-01");
    /* the document's own period, and the days up to it */
    expect("Refugees doubled in the last week.", "-");
    expect("Talks were held this week.", "-");
    expect("Fighting flared in April.", "-");
    expect("The budget passed in 2019.", "-");
    /* a day of a week other than the document's */
    expect("On Tuesday of last week, 3 died.", "2019-04-02");
    expect("Troops left on Sunday last week.", "2019-04-07");
    expect("They meet on Monday next week.", "2019-04-15");
    /* years that are not periods */
    expect("In 2019 15 people died.", "-");
    expect("He scored 1999 points.", "-");
    expect_on(NULL, "Tensions rose last week.", "-");
    expect_on(NULL, "The war ended in 1999.", "1999-01-01");
}

static void test_dates__not_dates(void **state)
{
    (void)state;
    /* lower-case month and weekday words */
    expect("Officials may 5 times reject the plan.", "-");
    expect("A march of 5 thousand people.", "-");
    expect("On sunday 3 were hurt.", "-");
    /* numbers that are not days */
    expect("March 5.5 percent higher.", "-");
    expect("May 3km of road.", "-");
    expect("The 2019-13-40 code is not a date.", "-");
    /* relative words without a document date */
    expect_on(NULL, "Police raided three villages on Wednesday.", "-");
    expect_on("12/04/2019", "Five were hurt yesterday.", "-");
    expect("", "-");
}

/* Date words are matched in any case, but months and weekdays only
 * capitalised; a month's full stop is skipped only after an
 * abbreviation. */
static void test_dates__word_forms(void **state)
{
    (void)state;
    expect("The ceasefire was signed on MARCH 5.", "2019-03-05");
    expect("Fighting resumed on SEPT. 5.", "2019-09-05");
    expect("Fighting resumed on Sep 5.", "2019-09-05");
    expect("Fighting resumed on Jun. 5.", "2019-06-05");
    expect("Fighting resumed on June. 5.", "-");
    expect("The ceasefire was signed on Marc 5.", "-");
    expect("The army withdrew in Sept.", "2019-09-01");
    expect("Troops left LAST FRIDAY.", "2019-04-05");
    expect("Talks resume Next Monday.", "2019-04-15");
    expect("Talks resume next monday.", "-");
    expect("Yesterday five were hurt.", "2019-04-11");
    expect("TODAY five were hurt.", "2019-04-12");
    expect("It happened This Morning.", "2019-04-12");
    expect("It happened the Day Before Yesterday.", "2019-04-10");
    expect("Last Week prices rose.", "2019-04-01");
    expect("It happened on Wednesday Of Last Week.", "2019-04-03");
    expect("They signed on the 5TH of March.", "2019-03-05");
    expect("They signed on the 22Nd of March.", "2019-03-22");
    /* weekdays are not abbreviated, and a name must be the whole word */
    expect("Rebels met on Mon. 5.", "-");
    expect("The Sundays were calm.", "-");
    expect("The Mayday call came at 5.", "-");
}

/* Any future word before the weekday, in any case, looks ahead; one
 * after it does not. */
static void test_dates__future_words(void **state)
{
    (void)state;
    expect("The vote Will take place on Monday.", "2019-04-15");
    expect("The vote is Scheduled for Tuesday.", "2019-04-16");
    expect("Delegates are Expected on Saturday.", "2019-04-13");
    expect("The vote was on Monday and will be repeated.", "2019-04-08");
}

static void test_dates__null_and_truncated_text(void **state)
{
    (void)state;
    char out[11] = "unchanged";
    assert_false(dates_resolve(NULL, 0, "2019-04-12", out));
    assert_string_equal(out, "unchanged");
    /* only the first bytes are read: "March 5" of "March 51" */
    const char *s = "March 51";
    assert_true(dates_resolve(s, 7, "2019-04-12", out));
    assert_string_equal(out, "2019-03-05");
    /* a date cut at the end of the text does not read past it */
    assert_false(dates_resolve("on 2019-04-1", 11, "2019-04-12", out));
}

/* Which words may begin a date expression: a digit anywhere, or a run
 * of letters naming a month or weekday or opening a relative expression,
 * in any case; the coder skips dates_resolve() for a sentence with
 * none. */
static void test_dates__words_that_may_begin_one(void **state)
{
    (void)state;
    static const char *const yes[] = {
        "1999", "5TH", "A5", "COVID-19", "MARCH", "march", "MAR", "SEPT",
        "TUESDAY", "tuesday", "YESTERDAY", "TODAY", "TONIGHT", "LAST",
        "NEXT", "PREVIOUS", "MORNING", "EVENING", "AFTERNOON", "NIGHT",
        "MONDAY'S", "O'MONDAY", "U.S.-JAN", "MAY",
    };
    static const char *const no[] = {
        "", "THE", "WILL", "DUE", "UNTIL", "WEEK", "YEAR", "MONTH", "MAYOR",
        "MARCHED", "TUESDAYS", "LASTING", "NEXTEL", "'", "U.S.", "SAID",
    };
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        if (!dates_may_begin(yes[i], strlen(yes[i])))
            fail_msg("'%s' may begin a date", yes[i]);
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        if (dates_may_begin(no[i], strlen(no[i])))
            fail_msg("'%s' begins no date", no[i]);
    /* only the n bytes given are read */
    assert_false(dates_may_begin("THE1", 3));
    assert_true(dates_may_begin("TODAYS", 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates__weekdays_look_back_from_the_document),
        cmocka_unit_test(test_dates__next_looks_ahead),
        cmocka_unit_test(test_dates__relative_days),
        cmocka_unit_test(test_dates__month_and_day),
        cmocka_unit_test(test_dates__full_dates),
        cmocka_unit_test(test_dates__first_expression_wins),
        cmocka_unit_test(test_dates__periods),
        cmocka_unit_test(test_dates__not_dates),
        cmocka_unit_test(test_dates__word_forms),
        cmocka_unit_test(test_dates__future_words),
        cmocka_unit_test(test_dates__null_and_truncated_text),
        cmocka_unit_test(test_dates__words_that_may_begin_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
