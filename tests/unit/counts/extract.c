/*
 * extract.c - unit tests of casualty and size counts in one sentence
 *
 * Each test gives one sentence (or a few) and the five counts that
 * src/counts.h promises for it, -1 meaning "not reported".  Phrasings
 * come from wire copy; the negative tests pin down what must not count.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "counts.h"

/* Order of the expected values: killed, wounded, arrested, displaced,
 * crowd. */
static void expect(const char *text, int killed, int wounded, int arrested,
                   int displaced, int crowd)
{
    counts c;
    counts_extract(text, strlen(text), &c);
    if (c.killed != killed || c.wounded != wounded ||
        c.arrested != arrested || c.displaced != displaced ||
        c.crowd != crowd)
        print_message("%s\n  -> killed %d wounded %d arrested %d "
                      "displaced %d crowd %d\n",
                      text, c.killed, c.wounded, c.arrested, c.displaced,
                      c.crowd);
    assert_int_equal(c.killed, killed);
    assert_int_equal(c.wounded, wounded);
    assert_int_equal(c.arrested, arrested);
    assert_int_equal(c.displaced, displaced);
    assert_int_equal(c.crowd, crowd);
}

#define NONE (-1)

/* ------------------------------------------------------------------ */
/* API contracts                                                       */
/* ------------------------------------------------------------------ */

static void test_counts_extract__init_sets_all_unreported(void **state)
{
    (void)state;
    counts c = { 1, 2, 3, 4, 5 };
    counts_init(&c);
    assert_int_equal(c.killed, -1);
    assert_int_equal(c.wounded, -1);
    assert_int_equal(c.arrested, -1);
    assert_int_equal(c.displaced, -1);
    assert_int_equal(c.crowd, -1);
}

static void test_counts_extract__overwrites_out_and_accepts_empty(void **state)
{
    (void)state;
    counts c = { 7, 7, 7, 7, 7 };
    counts_extract(NULL, 0, &c);
    assert_int_equal(c.killed, -1);
    assert_int_equal(c.crowd, -1);
    c.wounded = 9;
    counts_extract("", 0, &c);
    assert_int_equal(c.wounded, -1);
    expect("The minister met his counterpart in Paris.", NONE, NONE, NONE,
           NONE, NONE);
}

static void test_counts_extract__reads_only_len_bytes(void **state)
{
    (void)state;
    const char text[] = "Police arrested 19 people. Gunmen killed 4.";
    counts c;
    counts_extract(text, strlen("Police arrested 19 people."), &c);
    assert_int_equal(c.arrested, 19);
    assert_int_equal(c.killed, -1);
    counts_extract(text, strlen("Police arrested 1"), &c);
    assert_int_equal(c.arrested, 1);
}

static void test_counts_extract__number_at_end_of_unterminated_text(
    void **state)
{
    (void)state;
    /* An exact-size heap copy, so a sanitizer sees any read past len. */
    static const char text[] = "Police arrested 19";
    char *buf = malloc(strlen(text));
    assert_non_null(buf);
    memcpy(buf, text, strlen(text));
    counts c;
    counts_extract(buf, strlen(text), &c);
    assert_int_equal(c.arrested, 19);
    free(buf);
}

/* ------------------------------------------------------------------ */
/* The raid report                                                     */
/* ------------------------------------------------------------------ */

static void test_counts_extract__raid_report_arrests(void **state)
{
    (void)state;
    expect("Police raided three villages and arrested 19 people.", NONE,
           NONE, 19, NONE, NONE);
}

static void test_counts_extract__raid_report_wounded_groups_add(void **state)
{
    (void)state;
    expect("Five officers and six civilians were wounded.", NONE, 11, NONE,
           NONE, NONE);
}

static void test_counts_extract__raid_report_whole(void **state)
{
    (void)state;
    expect("Police raided three villages and arrested 19 people. Five "
           "officers and six civilians were wounded.",
           NONE, 11, 19, NONE, NONE);
}

/* ------------------------------------------------------------------ */
/* Killed                                                              */
/* ------------------------------------------------------------------ */

static void test_counts_extract__n_people_were_killed(void **state)
{
    (void)state;
    expect("At least 19 people were killed in the blast.", 19, NONE, NONE,
           NONE, NONE);
}

static void test_counts_extract__verb_before_number(void **state)
{
    (void)state;
    expect("A suicide bomber killed 12 people at a market.", 12, NONE, NONE,
           NONE, NONE);
    expect("The attack left the town in ruins, killing at least 13,000.",
           13000, NONE, NONE, NONE, NONE);
}

static void test_counts_extract__killed_and_injured(void **state)
{
    (void)state;
    expect("The bomb killed 3 and injured 12.", 3, 12, NONE, NONE, NONE);
    expect("Nineteen killed and 40 wounded in Baghdad blast", 19, 40, NONE,
           NONE, NONE);
    expect("19 killed, 40 wounded in Baghdad blast", 19, 40, NONE, NONE,
           NONE);
}

static void test_counts_extract__n_dead(void **state)
{
    (void)state;
    expect("Floods leave 5 dead in the north.", 5, NONE, NONE, NONE, NONE);
    expect("Seven people died when the bus overturned.", 7, NONE, NONE,
           NONE, NONE);
}

static void test_counts_extract__death_toll_rose_to(void **state)
{
    (void)state;
    expect("The death toll rose to 40 on Sunday.", 40, NONE, NONE, NONE,
           NONE);
    expect("The death toll from the quake has climbed to more than 1,500.",
           1500, NONE, NONE, NONE, NONE);
    expect("The attack raised the death toll to 62.", 62, NONE, NONE, NONE,
           NONE);
}

static void test_counts_extract__deaths_bodies_lives(void **state)
{
    (void)state;
    expect("Officials reported 23 deaths overnight.", 23, NONE, NONE, NONE,
           NONE);
    expect("Rescuers recovered 14 bodies from the river.", 14, NONE, NONE,
           NONE, NONE);
    expect("The fighting has claimed 300 lives.", 300, NONE, NONE, NONE,
           NONE);
    expect("Three soldiers were shot dead at a checkpoint.", 3, NONE, NONE,
           NONE, NONE);
}

static void test_counts_extract__people_words_and_nationalities(void **state)
{
    (void)state;
    expect("Two Israeli soldiers and a dozen Palestinian civilians were "
           "killed.",
           14, NONE, NONE, NONE, NONE);
    expect("Troops killed four suspected militants near the border.", 4,
           NONE, NONE, NONE, NONE);
}

static void test_counts_extract__generic_total_covers_subgroup(void **state)
{
    (void)state;
    expect("Nineteen people were killed, including 5 police officers.", 19,
           NONE, NONE, NONE, NONE);
    expect("Three soldiers were killed in the north and four civilians were "
           "killed in the south.",
           7, NONE, NONE, NONE, NONE);
}

static void test_counts_extract__aside_and_the_wounded(void **state)
{
    (void)state;
    expect("Four people, including two children, were killed.", 4, NONE,
           NONE, NONE, NONE);
    expect("Two of the wounded died later.", 2, NONE, NONE, NONE, NONE);
    expect("Some 300 families were evacuated.", NONE, NONE, NONE, 300,
           NONE);
}

static void test_counts_extract__no_one_was_hurt(void **state)
{
    (void)state;
    expect("No one was hurt in the explosion.", NONE, 0, NONE, NONE, NONE);
    expect("Nobody was killed.", 0, NONE, NONE, NONE, NONE);
}

/* ------------------------------------------------------------------ */
/* Wounded, arrested, displaced, crowd                                 */
/* ------------------------------------------------------------------ */

static void test_counts_extract__wounding_groups_add(void **state)
{
    (void)state;
    expect("The blast killed two, wounding 5 police and 6 civilians.", 2, 11,
           NONE, NONE, NONE);
    expect("Three soldiers, two police and four civilians were injured.",
           NONE, 9, NONE, NONE, NONE);
}

static void test_counts_extract__list_split_between_verbs(void **state)
{
    (void)state;
    expect("Gunmen killed 3 soldiers and 2 civilians were wounded.", 3, 2,
           NONE, NONE, NONE);
}

static void test_counts_extract__arrest_phrasings(void **state)
{
    (void)state;
    expect("Authorities detained two dozen activists.", NONE, NONE, 24, NONE,
           NONE);
    expect("Dozens were arrested and hundreds injured.", NONE, 200, 24, NONE,
           NONE);
    expect("Forty-two people were taken into custody.", NONE, NONE, 42, NONE,
           NONE);
    expect("Police rounded up more than 300 protesters.", NONE, NONE, 300,
           NONE, NONE);
    expect("Eleven suspects are being held in Cairo.", NONE, NONE, 11, NONE,
           NONE);
}

static void test_counts_extract__held_a_rally_is_not_an_arrest(void **state)
{
    (void)state;
    expect("About 5,000 people held a rally downtown.", NONE, NONE, NONE,
           NONE, NONE);
}

static void test_counts_extract__displaced(void **state)
{
    (void)state;
    expect("The fighting has displaced at least 13,000 people.", NONE, NONE,
           NONE, 13000, NONE);
    expect("Hundreds of thousands of refugees fled to Turkey.", NONE, NONE,
           NONE, 200000, NONE);
    expect("The storm left 1.5 million homeless.", NONE, NONE, NONE, 1500000,
           NONE);
}

static void test_counts_extract__crowd(void **state)
{
    (void)state;
    expect("Thousands of protesters marched on parliament.", NONE, NONE,
           NONE, NONE, 2000);
    expect("Police fired tear gas at a crowd of 5,000.", NONE, NONE, NONE,
           NONE, 5000);
    expect("Tens of thousands of demonstrators in Tahrir Square demanded "
           "reforms.",
           NONE, NONE, NONE, NONE, 20000);
    expect("Some 20,000 people rallied in the capital.", NONE, NONE, NONE,
           NONE, 20000);
}

static void test_counts_extract__protesters_killed_is_killed(void **state)
{
    (void)state;
    expect("Security forces killed 3 protesters.", 3, NONE, NONE, NONE,
           NONE);
    expect("Scores of demonstrators were injured.", NONE, 40, NONE, NONE,
           NONE);
}

/* ------------------------------------------------------------------ */
/* Quantities                                                          */
/* ------------------------------------------------------------------ */

static void test_counts_extract__number_words(void **state)
{
    (void)state;
    expect("Twenty-five people were killed.", 25, NONE, NONE, NONE, NONE);
    expect("Two hundred and fifty people were arrested.", NONE, NONE, 250,
           NONE, NONE);
    expect("A thousand people were evacuated.", NONE, NONE, NONE, 1000,
           NONE);
    expect("Half a dozen people were hurt.", NONE, 6, NONE, NONE, NONE);
    expect("One person was injured.", NONE, 1, NONE, NONE, NONE);
}

static void test_counts_extract__vague_plurals_lower_bounds(void **state)
{
    (void)state;
    expect("Dozens of people were killed.", 24, NONE, NONE, NONE, NONE);
    expect("Police arrested hundreds.", NONE, NONE, 200, NONE, NONE);
    expect("Millions have been displaced.", NONE, NONE, NONE, 2000000, NONE);
}

static void test_counts_extract__qualifiers_are_ignored(void **state)
{
    (void)state;
    expect("Nearly 40 people were killed.", 40, NONE, NONE, NONE, NONE);
    expect("The clashes injured as many as 75.", NONE, 75, NONE, NONE, NONE);
    expect("Officers detained up to 30 people.", NONE, NONE, 30, NONE, NONE);
    expect("An estimated 8,000 demonstrators gathered outside.", NONE, NONE,
           NONE, NONE, 8000);
}

static void test_counts_extract__case_and_unicode(void **state)
{
    (void)state;
    expect("19 KILLED IN BLAST", 19, NONE, NONE, NONE, NONE);
    expect("Polic\xc3\xad" "a detuvo \xe2\x80\x94 arrested 7 people\xe2\x80\x9d",
           NONE, NONE, 7, NONE, NONE);
    expect("At least 13\xc2\xa0" "000 people fled", NONE, NONE, NONE, 13000,
           NONE);
}

/* Every word of the grammar matches in any case, a number word's tens
 * too; a hyphenated word is one word. */
static void test_counts_extract__word_case_and_forms(void **state)
{
    (void)state;
    expect("TWENTY-FIVE PEOPLE WERE KILLED.", 25, NONE, NONE, NONE, NONE);
    expect("Twenty-Five Soldiers Were Wounded.", NONE, 25, NONE, NONE, NONE);
    expect("Fifty Thousand people fled.", NONE, NONE, NONE, 50000, NONE);
    expect("Tens Of Thousands Of Protesters marched.", NONE, NONE, NONE,
           NONE, 20000);
    expect("Police Arrested About 30 People.", NONE, NONE, 30, NONE, NONE);
    expect("A crowd of 5,000 Gathered.", NONE, NONE, NONE, NONE, 5000);
    expect("The toll of dead rose to 40.", 40, NONE, NONE, NONE, NONE);
    expect("The number of injured reached 12.", NONE, 12, NONE, NONE, NONE);
    expect("5 ex-soldiers were killed.", 5, NONE, NONE, NONE, NONE);
    expect("Forty-two-year-old men were detained.", NONE, NONE, NONE, NONE,
           NONE);
    expect("ninety-ten people were hurt.", NONE, NONE, NONE, NONE, NONE);
    expect("Rebels killed on SEPT 12 were buried.", NONE, NONE, NONE, NONE,
           NONE);
    expect("Donors pledged \xc2\xa3 5 million to 300 refugees.", NONE, NONE,
           NONE, 300, NONE);
}

static void test_counts_extract__saturates_huge_numbers(void **state)
{
    (void)state;
    expect("Police arrested 99999999999999999999999 people.", NONE, NONE,
           COUNTS_MAX, NONE, NONE);
}

/* ------------------------------------------------------------------ */
/* Not counts                                                          */
/* ------------------------------------------------------------------ */

static void test_counts_extract__years_are_not_counted(void **state)
{
    (void)state;
    expect("Those arrested in 1999 were killed.", NONE, NONE, NONE, NONE,
           NONE);
    expect("In 2003, 40 people were killed.", 40, NONE, NONE, NONE, NONE);
}

static void test_counts_extract__dates_are_not_counted(void **state)
{
    (void)state;
    expect("Two soldiers were killed on March 5.", 2, NONE, NONE, NONE,
           NONE);
    expect("Rebels killed on 12 May were buried.", NONE, NONE, NONE, NONE,
           NONE);
}

static void test_counts_extract__ages_are_not_counted(void **state)
{
    (void)state;
    expect("A 40-year-old man was killed.", NONE, NONE, NONE, NONE, NONE);
    expect("Police arrested a man aged 35, officials said.", NONE, NONE,
           NONE, NONE, NONE);
    expect("The 3rd victim died.", NONE, NONE, NONE, NONE, NONE);
}

static void test_counts_extract__money_and_percent_not_counted(void **state)
{
    (void)state;
    expect("Protesters were killed over $5 million in aid.", NONE, NONE,
           NONE, NONE, NONE);
    expect("Turnout fell, with 5% of those arrested freed.", NONE, NONE,
           NONE, NONE, NONE);
    expect("The raid killed 5 percent of the herd.", NONE, NONE, NONE, NONE,
           NONE);
}

static void test_counts_extract__things_are_not_counted(void **state)
{
    (void)state;
    expect("Police seized 19 weapons and arrested 3.", NONE, NONE, 3, NONE,
           NONE);
    expect("Troops killed 4 goats and destroyed 12 vehicles.", NONE, NONE,
           NONE, NONE, NONE);
    expect("Police killed two hours waiting.", NONE, NONE, NONE, NONE,
           NONE);
    expect("The crash injured the driver at 10:30 yesterday.", NONE, NONE,
           NONE, NONE, NONE);
}

static void test_counts_extract__ordinals_are_not_counted(void **state)
{
    (void)state;
    expect("A third protester was killed.", NONE, NONE, NONE, NONE, NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_extract__init_sets_all_unreported),
        cmocka_unit_test(test_counts_extract__overwrites_out_and_accepts_empty),
        cmocka_unit_test(test_counts_extract__reads_only_len_bytes),
        cmocka_unit_test(
            test_counts_extract__number_at_end_of_unterminated_text),
        cmocka_unit_test(test_counts_extract__raid_report_arrests),
        cmocka_unit_test(test_counts_extract__raid_report_wounded_groups_add),
        cmocka_unit_test(test_counts_extract__raid_report_whole),
        cmocka_unit_test(test_counts_extract__n_people_were_killed),
        cmocka_unit_test(test_counts_extract__verb_before_number),
        cmocka_unit_test(test_counts_extract__killed_and_injured),
        cmocka_unit_test(test_counts_extract__n_dead),
        cmocka_unit_test(test_counts_extract__death_toll_rose_to),
        cmocka_unit_test(test_counts_extract__deaths_bodies_lives),
        cmocka_unit_test(test_counts_extract__people_words_and_nationalities),
        cmocka_unit_test(test_counts_extract__generic_total_covers_subgroup),
        cmocka_unit_test(test_counts_extract__aside_and_the_wounded),
        cmocka_unit_test(test_counts_extract__no_one_was_hurt),
        cmocka_unit_test(test_counts_extract__wounding_groups_add),
        cmocka_unit_test(test_counts_extract__list_split_between_verbs),
        cmocka_unit_test(test_counts_extract__arrest_phrasings),
        cmocka_unit_test(test_counts_extract__held_a_rally_is_not_an_arrest),
        cmocka_unit_test(test_counts_extract__displaced),
        cmocka_unit_test(test_counts_extract__crowd),
        cmocka_unit_test(test_counts_extract__protesters_killed_is_killed),
        cmocka_unit_test(test_counts_extract__number_words),
        cmocka_unit_test(test_counts_extract__vague_plurals_lower_bounds),
        cmocka_unit_test(test_counts_extract__qualifiers_are_ignored),
        cmocka_unit_test(test_counts_extract__case_and_unicode),
        cmocka_unit_test(test_counts_extract__word_case_and_forms),
        cmocka_unit_test(test_counts_extract__saturates_huge_numbers),
        cmocka_unit_test(test_counts_extract__years_are_not_counted),
        cmocka_unit_test(test_counts_extract__dates_are_not_counted),
        cmocka_unit_test(test_counts_extract__ages_are_not_counted),
        cmocka_unit_test(test_counts_extract__money_and_percent_not_counted),
        cmocka_unit_test(test_counts_extract__things_are_not_counted),
        cmocka_unit_test(test_counts_extract__ordinals_are_not_counted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
