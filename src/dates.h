/*
 * dates.h - the date an event's sentence names, resolved to a day
 *
 * News reports the day of an event relative to the day of publication:
 * "on Wednesday", "yesterday", "March 5".  dates_resolve() finds the
 * first such expression in one sentence and turns it into YYYY-MM-DD,
 * given the document's date.  Like counts.h it reads the original text
 * with a small word grammar, depends on nothing but the C library,
 * allocates nothing and keeps no state.
 *
 * Expressions, with the document dated Friday 2019-04-12:
 *
 *     2019-03-05, March 5 2019, 5 March 2019     2019-03-05 (no doc date needed)
 *     March 5, Mar. 5, 5 March, the 5th of March  2019-03-05
 *     Wednesday, on Wednesday, last Wednesday     2019-04-10
 *     Friday                                      2019-04-12 (the same day)
 *     last Friday                                 2019-04-05
 *     next Monday, this coming Monday             2019-04-15
 *     will meet on Monday, due ... until Monday   2019-04-15
 *     yesterday, last night                       2019-04-11
 *     the day before yesterday                    2019-04-10
 *     today, tonight, this morning                2019-04-12
 *     Tuesday of last week, Sunday last week      2019-04-02, 2019-04-07
 *     last week, next week                        2019-04-01, 2019-04-15
 *     last month, next month                      2019-03-01, 2019-05-01
 *     last year                                   2018-01-01
 *     in March, March 2018, in 1999               2019-03-01, 2018-03-01,
 *                                                 1999-01-01
 *
 * A weekday looks back from the document's day (or is that day) unless
 * "next" or "coming" precedes it, or "will", "shall", "due", "until",
 * "scheduled" or "expected" comes before it in the sentence: then it
 * looks ahead (or is that day).
 *
 * Month and weekday names count only when capitalised ("may", "a march"
 * are not dates), and a month name only next to a day number.  A month
 * and day without a year take the document's year, or the year before
 * when that would put the day more than 180 days after the document.
 * A period (a week from Monday, a month, a year) resolves to its first
 * day, since the record holds a day; one that holds the document's day
 * ("this week", "in April", "in 2019") is not resolved, so such events
 * keep the document's date.  "In March" alone follows the month-day rule
 * for its year.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_DATES_H
#define CASUS_DATES_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Resolve the first date expression of one sentence.
 *
 * @param text      the sentence, original case, UTF-8; need not be
 *                  NUL-terminated; may be NULL when len is 0
 * @param len       its length in bytes
 * @param doc_date  the document's date "YYYY-MM-DD", or NULL or "" when
 *                  unknown (then only dates with a year resolve)
 * @param[out] out  "YYYY-MM-DD" when true is returned; untouched otherwise
 * @return true when the sentence names a day that could be resolved
 */
bool dates_resolve(const char *text, size_t len, const char *doc_date,
                   char out[11]);

/*
 * May the word of n bytes at w be where a date expression begins?  True
 * when it holds a digit, or a run of ASCII letters (in any case) that
 * names a month or a weekday or begins a relative expression
 * ("yesterday", "last", "this morning").  dates_resolve() finds nothing
 * in a sentence none of whose words may begin one, so a caller that has
 * cut the sentence into words, with every letter and digit of the text
 * in them and the words' runs of letters as the text has them, may skip
 * it (the coder asks once per word it meets, in its word cache).
 */
bool dates_may_begin(const char *w, size_t n);

#endif
