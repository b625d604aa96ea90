/*
 * dates.c - the date an event's sentence names, resolved to a day
 *
 * The sentence is cut into words, numbers and punctuation (ASCII only:
 * every date word is ASCII), then each token is tried as the start of
 * an expression of dates.h, left to right; the first that resolves wins.
 * Days are counted as in util/date.h.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "dates.h"

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

#define MAX_TOKS 256    /* tokens read per sentence; the rest are ignored */
#define LATE_DAYS 180   /* a yearless date further ahead is last year's */

enum { TK_WORD, TK_NUM, TK_PUNCT };

typedef struct tok {
    const char *s;
    unsigned len;       /* of the word or digits, without a suffix */
    unsigned char kind; /* TK_* */
    bool cap;           /* a word starting with a capital */
    bool ordinal;       /* a number written 5th, 1st, 2nd, 3rd */
    bool suffixed;      /* a number with any letters glued on ("5km") */
    long value;         /* a number's value, saturating at 99999 */
} tok;

typedef struct scan {
    tok t[MAX_TOKS];
    int n;
    bool have_doc;
    long doc;           /* the document's day number */
    int doc_year;
} scan;

/* ------------------------------------------------------------------ */
/* Calendar                                                            */
/* ------------------------------------------------------------------ */

/* A real day in the years "YYYY" can write. */
static bool valid_day(long y, int m, long d)
{
    return y >= 1 && y <= 9999 && date_valid(y, m, d);
}

/* The n decimal digits of v, zero-padded, at p. */
static void put_digits(char *p, long v, int n)
{
    while (n-- > 0) {
        p[n] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* "YYYY-MM-DD" of a day number; false outside years 1..9999 ("next
 * Monday" after 9999-12-31 has no such form).  What snprintf() would
 * write with "%04ld-%02d-%02ld", without its cost. */
static bool format_day(long days, char out[11])
{
    long y, d;
    int m;
    date_from_days(days, &y, &m, &d);
    if (y < 1 || y > 9999)
        return false;
    put_digits(out, y, 4);
    out[4] = '-';
    put_digits(out + 5, m, 2);
    out[7] = '-';
    put_digits(out + 8, d, 2);
    out[10] = '\0';
    return true;
}

/* "YYYY-MM-DD" at s (len bytes available, not followed by a digit): its
 * day number, or false. */
static bool parse_iso(const char *s, size_t len, long *days)
{
    int y, m, d;
    if (len < 10 || !date_parse(s, &y, &m, &d) || !valid_day(y, m, d))
        return false;
    if (len > 10 && s[10] >= '0' && s[10] <= '9')
        return false;
    *days = date_to_days(y, m, d);
    return true;
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static void tokenize(scan *sc, const char *s, size_t len)
{
    size_t i = 0;
    sc->n = 0;
    while (i < len && sc->n < MAX_TOKS) {
        const char c = s[i];
        tok *t = &sc->t[sc->n];
        memset(t, 0, sizeof(*t));
        t->s = s + i;
        if (is_alpha(c)) {
            size_t j = i;
            while (j < len && is_alpha(s[j]))
                j++;
            t->kind = TK_WORD;
            t->len = (unsigned)(j - i);
            t->cap = c >= 'A' && c <= 'Z';
            i = j;
        } else if (is_digit(c)) {
            size_t j = i;
            while (j < len && is_digit(s[j])) {
                if (t->value < 99999)
                    t->value = t->value * 10 + (s[j] - '0');
                j++;
            }
            t->kind = TK_NUM;
            t->len = (unsigned)(j - i);
            size_t k = j;
            while (k < len && is_alpha(s[k]))
                k++;
            if (k > j) {
                t->suffixed = true;
                t->ordinal = k - j == 2 &&
                             (strncasecmp(s + j, "st", 2) == 0 ||
                              strncasecmp(s + j, "nd", 2) == 0 ||
                              strncasecmp(s + j, "rd", 2) == 0 ||
                              strncasecmp(s + j, "th", 2) == 0);
            }
            i = k;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                   (unsigned char)c >= 0x80) {
            i++;                    /* spaces and non-ASCII bytes */
            continue;
        } else {
            t->kind = TK_PUNCT;
            t->len = 1;
            i++;
        }
        sc->n++;
    }
}

/* Is token i the word w (any case)? */
static bool word_is(const scan *sc, int i, const char *w)
{
    if (i < 0 || i >= sc->n || sc->t[i].kind != TK_WORD)
        return false;
    const size_t n = strlen(w);
    return sc->t[i].len == n && strncasecmp(sc->t[i].s, w, n) == 0;
}

static bool punct_is(const scan *sc, int i, char c)
{
    return i >= 0 && i < sc->n && sc->t[i].kind == TK_PUNCT &&
           sc->t[i].s[0] == c;
}

/* The month (1..12) a capitalised word names, "Mar" and "Sept" too, or
 * 0.  *next is the token after it, past an abbreviation's full stop. */
static int month_at(const scan *sc, int i, int *next)
{
    static const char *const names[12] = {
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December" };
    if (i < 0 || i >= sc->n || sc->t[i].kind != TK_WORD || !sc->t[i].cap)
        return 0;
    const tok *t = &sc->t[i];
    for (int m = 0; m < 12; m++) {
        if (names[m][0] != (t->s[0] & ~0x20))
            continue;               /* t is capitalised: compare A-Z */
        bool full = t->len == strlen(names[m]) &&
                    strncasecmp(t->s, names[m], t->len) == 0;
        bool abbr = !full && t->len >= 3 && t->len <= 4 &&
                    t->len < strlen(names[m]) &&
                    strncasecmp(t->s, names[m], t->len) == 0 &&
                    (t->len == 3 || m == 8);        /* "Sept" */
        if (full || abbr) {
            *next = i + 1 + (abbr && punct_is(sc, i + 1, '.'));
            return m + 1;
        }
    }
    return 0;
}

/* A day of the month (1..31, "5" or "5th") at token i, or 0. */
static int day_at(const scan *sc, int i)
{
    if (i < 0 || i >= sc->n || sc->t[i].kind != TK_NUM)
        return 0;
    const tok *t = &sc->t[i];
    if (t->len > 2 || (t->suffixed && !t->ordinal) || t->value < 1 ||
        t->value > 31)
        return 0;
    /* "5.3", "5,000", "5-year": not a day */
    if (i + 1 < sc->n && sc->t[i + 1].kind == TK_PUNCT &&
        (sc->t[i + 1].s[0] == '.' || sc->t[i + 1].s[0] == ',' ||
         sc->t[i + 1].s[0] == '-' || sc->t[i + 1].s[0] == ':') &&
        i + 2 < sc->n && sc->t[i + 2].kind == TK_NUM &&
        sc->t[i + 2].s == sc->t[i + 1].s + 1)
        return 0;
    return (int)t->value;
}

/* A four-digit year (1900..2100) at token i, or 0. */
static long year_at(const scan *sc, int i)
{
    if (i < 0 || i >= sc->n || sc->t[i].kind != TK_NUM)
        return 0;
    const tok *t = &sc->t[i];
    if (t->len != 4 || t->suffixed || t->value < 1900 || t->value > 2100)
        return 0;
    return t->value;
}

/* ------------------------------------------------------------------ */
/* Expressions                                                         */
/* ------------------------------------------------------------------ */

/* Day number of month m, day d; year y when given (> 0), else the
 * document's year (or the one before, dates.h).  false when invalid. */
static bool month_day(const scan *sc, long y, int m, int d, long *days)
{
    if (y > 0) {
        if (!valid_day(y, m, d))
            return false;
        *days = date_to_days(y, m, d);
        return true;
    }
    if (!sc->have_doc || !valid_day(sc->doc_year, m, d))
        return false;
    *days = date_to_days(sc->doc_year, m, d);
    if (*days - sc->doc > LATE_DAYS) {
        if (!valid_day(sc->doc_year - 1, m, d))
            return false;
        *days = date_to_days(sc->doc_year - 1, m, d);
    }
    return true;
}

/* The year after a date at token i: "5, 2019", "5 2019", or 0. */
static long year_after(const scan *sc, int i)
{
    if (punct_is(sc, i, ','))
        i++;
    return year_at(sc, i);
}

/* Does a word before token i put the sentence in the future ("will
 * meet on Monday", "due to vote on Friday", "until Saturday")? */
static bool future_before(const scan *sc, int i)
{
    static const char *const cues[] = { "will", "shall", "due", "until",
                                        "scheduled", "expected" };
    for (int k = 0; k < i; k++)
        for (size_t c = 0; c < sizeof(cues) / sizeof(cues[0]); c++)
            if (word_is(sc, k, cues[c]))
                return true;
    return false;
}

static bool weekday_at(const scan *sc, int i, long *days)
{
    static const char *const names[7] = { "Sunday", "Monday", "Tuesday",
                                          "Wednesday", "Thursday",
                                          "Friday", "Saturday" };
    if (!sc->have_doc || i >= sc->n || !sc->t[i].cap)
        return false;
    for (int w = 0; w < 7; w++) {
        if (names[w][0] != sc->t[i].s[0] || !word_is(sc, i, names[w]))
            continue;
        const int today = date_weekday(sc->doc);
        /* "Tuesday of last week", "Tuesday last week" */
        const int of = i + 1 + word_is(sc, i + 1, "of");
        if ((word_is(sc, of, "last") || word_is(sc, of, "next")) &&
            word_is(sc, of + 1, "week")) {
            *days = sc->doc - (today + 6) % 7 + (w + 6) % 7 +
                    (word_is(sc, of, "last") ? -7 : 7);
            return true;
        }
        const bool next = word_is(sc, i - 1, "next") ||
                          word_is(sc, i - 1, "coming");
        if (next || (!word_is(sc, i - 1, "last") && future_before(sc, i))) {
            int ahead = (w - today + 7) % 7;
            *days = sc->doc + (ahead == 0 && next ? 7 : ahead);
        } else {
            int back = (today - w + 7) % 7;
            if (back == 0 && word_is(sc, i - 1, "last"))
                back = 7;
            *days = sc->doc - back;
        }
        return true;
    }
    return false;
}

/* yesterday, today, tonight, last night, this morning... */
static bool relative_at(const scan *sc, int i, long *days)
{
    if (!sc->have_doc)
        return false;
    if (word_is(sc, i, "yesterday")) {
        bool before = word_is(sc, i - 1, "before") &&
                      word_is(sc, i - 2, "day");
        *days = sc->doc - (before ? 2 : 1);
        return true;
    }
    if (word_is(sc, i, "today") || word_is(sc, i, "tonight")) {
        *days = sc->doc;
        return true;
    }
    if (word_is(sc, i, "night") && word_is(sc, i - 1, "last")) {
        *days = sc->doc - 1;
        return true;
    }
    if ((word_is(sc, i, "morning") || word_is(sc, i, "afternoon") ||
         word_is(sc, i, "evening")) && word_is(sc, i - 1, "this")) {
        *days = sc->doc;
        return true;
    }
    return false;
}

/* The first day of a period: the week (from Monday), month or year of
 * day `day`, moved by `shift` periods (-1 last, +1 next). */
static long period_start(long day, char unit, int shift)
{
    long y, d;
    int m;
    if (unit == 'w')
        return day - (date_weekday(day) + 6) % 7 + 7L * shift;
    date_from_days(day, &y, &m, &d);
    if (unit == 'y')
        return date_to_days(y + shift, 1, 1);
    m += shift;
    if (m < 1) {
        m += 12;
        y--;
    } else if (m > 12) {
        m -= 12;
        y++;
    }
    return date_to_days(y, m, 1);
}

/* A period other than the document's own, resolved to its first day:
 * "last week", "next month", "last year", "in 1999", "in March", "March
 * 2019".  A period that holds the document's day ("this week", "in
 * 2019" in a 2019 document) is not resolved. */
static bool period_at(const scan *sc, int i, long *days)
{
    static const char units[3][6] = { "week", "month", "year" };
    const bool last = word_is(sc, i, "last") || word_is(sc, i, "previous");
    /* "in the last week" is the week up to the document's day */
    const bool rolling = word_is(sc, i - 1, "the");
    if ((last || word_is(sc, i, "next")) && !rolling && sc->have_doc)
        for (int u = 0; u < 3; u++)
            if (word_is(sc, i + 1, units[u])) {
                *days = period_start(sc->doc, units[u][0], last ? -1 : 1);
                return true;
            }
    /* March 2019, in March, in 1999 */
    int m, next;
    long y;
    if ((m = month_at(sc, i, &next)) != 0) {
        const bool of_year = word_is(sc, next + 1, "year") &&
                             sc->have_doc;
        if ((y = year_after(sc, next)) != 0) {
            /* March 2019 */
        } else if (of_year && word_is(sc, next, "last")) {
            y = sc->doc_year - 1;           /* August last year */
        } else if (of_year && word_is(sc, next, "this")) {
            y = sc->doc_year;
        } else if (of_year && word_is(sc, next, "next")) {
            y = sc->doc_year + 1;
        } else {
            long days_m;
            if (!word_is(sc, i - 1, "in") || !month_day(sc, 0, m, 1, &days_m))
                return false;
            date_from_days(days_m, &y, &m, &(long){ 0 });
        }
        *days = date_to_days(y, m, 1);
        return !sc->have_doc ||
               period_start(sc->doc, 'm', 0) != *days;
    }
    if (word_is(sc, i - 1, "in") && (y = year_at(sc, i)) != 0 &&
        !(i + 1 < sc->n && sc->t[i + 1].kind == TK_NUM)) {
        *days = date_to_days(y, 1, 1);
        return !sc->have_doc || y != sc->doc_year;
    }
    return false;
}

static bool date_at(const scan *sc, const char *text, size_t len, int i,
                    long *days)
{
    const tok *t = &sc->t[i];
    int m, d, next;
    if (t->kind == TK_NUM && t->len == 4 && !t->suffixed &&
        parse_iso(t->s, len - (size_t)(t->s - text), days))
        return true;
    /* March 5, March 5th, Mar. 5, 2019 */
    if ((m = month_at(sc, i, &next)) != 0 && (d = day_at(sc, next)) != 0)
        return month_day(sc, year_after(sc, next + 1), m, d, days);
    /* 5 March, 5th of March 2019 */
    if ((d = day_at(sc, i)) != 0) {
        int at = i + 1 + word_is(sc, i + 1, "of");
        if ((m = month_at(sc, at, &next)) != 0)
            return month_day(sc, year_at(sc, next), m, d, days);
    }
    return weekday_at(sc, i, days) || relative_at(sc, i, days) ||
           period_at(sc, i, days);
}

/* Whether an expression can start at token i: a number, a capitalised
 * word (a month or weekday), or a lower-case word that relative_at() or
 * period_at() begins with.  A cheap test that spares date_at() for most
 * words. */
static bool may_start(const scan *sc, int i)
{
    static const char *const starts[] = {
        "yesterday", "today", "tonight", "night", "morning", "afternoon",
        "evening", "last", "previous", "next", NULL
    };
    const tok *t = &sc->t[i];
    if (t->kind == TK_NUM || (t->kind == TK_WORD && t->cap))
        return true;
    if (t->kind != TK_WORD)
        return false;
    for (const char *const *w = starts; *w != NULL; w++)
        if ((*w)[0] == t->s[0] && word_is(sc, i, *w))
            return true;
    return false;
}

/* ------------------------------------------------------------------ */
/* Public                                                              */
/* ------------------------------------------------------------------ */

bool dates_resolve(const char *text, size_t len, const char *doc_date,
                   char out[11])
{
    scan sc;
    sc.have_doc = doc_date != NULL &&
                  strlen(doc_date) == 10 &&
                  parse_iso(doc_date, 10, &sc.doc);
    sc.doc_year = 0;
    if (sc.have_doc) {
        long y, d;
        int m;
        date_from_days(sc.doc, &y, &m, &d);
        sc.doc_year = (int)y;
    }
    if (text == NULL)
        len = 0;
    tokenize(&sc, text, len);
    for (int i = 0; i < sc.n; i++) {
        long days;
        if (may_start(&sc, i) && date_at(&sc, text, len, i, &days) &&
            format_day(days, out))
            return true;
    }
    return false;
}
