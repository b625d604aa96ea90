/*
 * date.c - calendar dates written YYYY-MM-DD
 *
 * SPDX-License-Identifier: MIT
 */
#include "date.h"

static const int month_days[12] = { 31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31 };

bool date_is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool date_valid(long year, int month, long day)
{
    return month >= 1 && month <= 12 && day >= 1 &&
           day <= month_days[month - 1] +
                      (month == 2 && date_is_leap((int)(year % 400)));
}

bool date_parse(const char *s, int *year, int *month, int *day)
{
    int v[3] = { 0, 0, 0 };
    for (int i = 0, field = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return false;
            field++;
        } else if (s[i] >= '0' && s[i] <= '9') {
            v[field] = v[field] * 10 + (s[i] - '0');
        } else {
            return false;
        }
    }
    if (!date_valid(v[0], v[1], v[2]))
        return false;
    *year = v[0];
    *month = v[1];
    *day = v[2];
    return true;
}

int date_day_of_year(int year, int month, int day)
{
    int n = day;
    for (int m = 1; m < month; m++)
        n += month_days[m - 1] + (m == 2 && date_is_leap(year));
    return n;
}

/* Counted through 400-year eras of 146,097 days, with years starting in
 * March so that the leap day is the last day of a year. */
long date_to_days(long year, int month, long day)
{
    const long y = year - (month <= 2);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (month + 9) % 12;             /* March = 0 */
    const long doy = (153 * mp + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_from_days(long days, long *year, int *month, long *day)
{
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    *day = doy - (153 * mp + 2) / 5 + 1;
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = yoe + era * 400 + (*month <= 2);
}

/* 1970-01-01 was a Thursday. */
int date_weekday(long days)
{
    return (int)(((days % 7) + 11) % 7);
}
