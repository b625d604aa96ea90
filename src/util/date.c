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
    if (v[1] < 1 || v[1] > 12 || v[2] < 1)
        return false;
    const int last = month_days[v[1] - 1] + (v[1] == 2 && date_is_leap(v[0]));
    if (v[2] > last)
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
