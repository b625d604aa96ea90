/*
 * date.h - calendar dates written YYYY-MM-DD
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_UTIL_DATE_H
#define CASUS_UTIL_DATE_H

#include <stdbool.h>

/* Parse the 10 characters "YYYY-MM-DD" at the start of s into a real
 * calendar day (no 2019-02-29).  What follows them is the caller's
 * business.  The outputs are set only on success. */
bool date_parse(const char *s, int *year, int *month, int *day);

/* 1 for January 1st .. 365 or 366; the date must be valid. */
int date_day_of_year(int year, int month, int day);

bool date_is_leap(int year);

/* Is year-month-day a real calendar day (any year)? */
bool date_valid(long year, int month, long day);

/* Days from 1970-01-01 (negative before it) of a valid date, in the
 * proleptic Gregorian calendar, and back. */
long date_to_days(long year, int month, long day);
void date_from_days(long days, long *year, int *month, long *day);

/* 0 = Sunday .. 6 = Saturday, of a day count as above. */
int date_weekday(long days);

#endif
