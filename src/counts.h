/*
 * counts.h - casualty and size counts in one sentence of news text
 *
 * Finds how many people a sentence reports killed, wounded, arrested,
 * displaced, or gathered in a crowd, so that the coder can attach the
 * numbers to the sentence's event.  It reads the original text (any case,
 * UTF-8; invalid bytes are harmless) with a small hand-written word
 * grammar, not with the dictionaries: this module depends on nothing but
 * the C library, allocates nothing, keeps no state, and is reentrant.
 *
 * Quantities.  Digits with thousands commas ("13,000"), a decimal point
 * only before a multiplier ("1.5 million"), number words ("nineteen",
 * "twenty-five", "two hundred and fifty", "a thousand"), "a dozen" (12),
 * "two dozen" (24), "half a dozen" (6), "no one" and "nobody" (0).
 * Vague plurals count as their lower bound, two of the unit:
 *
 *     dozens 24   scores 40   hundreds 200   thousands 2,000
 *     millions 2,000,000   tens of thousands 20,000
 *     hundreds of thousands 200,000   (unit x unit x 2 in general)
 *
 * Qualifiers ("at least", "more than", "over", "nearly", "about", "some",
 * "up to", "as many as", "an estimated", ...) are skipped: the number is
 * kept as written.  Values saturate at COUNTS_MAX.
 *
 * Not quantities: years (a bare 1800..2099 not followed by a people or
 * category word), dates (next to a capitalised month name), times and
 * ages and ordinals ("10:30", "40-year-old", "3rd", "third"), money
 * ("$5 million", "£5"), percentages ("5%"), and counts of things
 * ("19 weapons"): a word after the number that is neither a people word,
 * a modifier, a category word nor a function word rejects it.
 *
 * Categories.  A quantity gets at most one, tried in this order:
 *   1. a governing word before it, past any qualifier: "killed 3",
 *      "arresting at least 19 people", "a crowd of 5,000", "the death toll
 *      rose to 40", "claimed 19 lives";
 *   2. a category word after it, past people words, modifiers and
 *      auxiliaries: "19 people were killed", "5 dead", "thousands of
 *      protesters marched", "19 were taken into custody", and past an
 *      aside ("four people, including two children, were killed");
 *      "held" counts only after an auxiliary ("were held", not "held a
 *      rally"), and after "the" a category word is a noun ("two of the
 *      wounded died" is killed 2);
 *   3. a category noun in its own phrase: "19 deaths", "40 bodies",
 *      "2,000 refugees", "tens of thousands of protesters".
 * Phrases joined by "and" or "," each with a people word form one list
 * and are summed: "5 police and 6 civilians were wounded" is 11.  When a
 * list has both a governing word and a different category after it
 * ("killed 3 soldiers and 2 civilians were wounded"), the last phrase
 * takes the category after it and the rest take the governing word.
 *
 * Several mentions of one category in a sentence.  A mention is specific
 * when its phrase names a group ("soldiers", "civilians", or a list) and
 * generic otherwise ("19 people", "19", "19 deaths").  Specific mentions
 * add up; generic ones are taken to be totals and give their maximum; the
 * result is the larger of the two.  So "19 people were killed, including
 * 5 police" stays 19 and "3 soldiers were killed ... 4 civilians were
 * killed" is 7.  Crowd sizes never add up: the largest is kept.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_COUNTS_H
#define CASUS_COUNTS_H

#include <stddef.h>

/* Largest value a count can take; larger numbers saturate to it. */
#define COUNTS_MAX 1000000000

/* Counts reported by one sentence.  Each field is -1 when the sentence
 * reports no such number, otherwise 0..COUNTS_MAX. */
typedef struct counts {
    int killed;     /* killed, dead, died, death toll, lives lost */
    int wounded;    /* wounded, injured, hurt */
    int arrested;   /* arrested, detained, held, taken into custody */
    int displaced;  /* displaced, fled, evacuated, homeless, refugees */
    int crowd;      /* protesters, demonstrators, crowd size */
} counts;

/* Set every field of c to -1 (not reported). */
void counts_init(counts *c);

/*
 * Find the counts one sentence reports.
 *
 * @param text  the sentence, original case, UTF-8; need not be
 *              NUL-terminated; may be NULL when len is 0
 * @param len   its length in bytes
 * @param[out] out  overwritten: every field is set, -1 where the sentence
 *                  reports nothing
 *
 * Cannot fail and allocates nothing.  Text with several sentences works,
 * but the mentions of each category are then combined as above.
 */
void counts_extract(const char *text, size_t len, counts *out);

#endif
