/*
 * dates.c - the date an event's sentence names, resolved to a day
 *
 * The sentence is cut into words, numbers and punctuation (ASCII only:
 * every date word is ASCII), and each word is looked up once, in a small
 * lexicon of keywords and month and weekday names.  Then each token an
 * expression of dates.h may start at is tried, left to right; the first
 * that resolves wins.  Days are counted as in util/date.h.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "bytes.h"
#include "date.h"
#include "dates.h"

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

#define MAX_TOKS 256    /* tokens read per sentence; the rest are ignored */
#define LATE_DAYS 180   /* a yearless date further ahead is last year's */

enum { TK_WORD, TK_NUM, TK_PUNCT };

/* The keywords the grammar asks for; tokenize() finds them. */
enum word {
    W_NONE, W_AFTERNOON, W_BEFORE, W_COMING, W_DAY, W_DUE, W_EVENING,
    W_EXPECTED, W_IN, W_LAST, W_MONTH, W_MORNING, W_NEXT, W_NIGHT, W_OF,
    W_PREVIOUS, W_SCHEDULED, W_SHALL, W_THE, W_THIS, W_TODAY, W_TONIGHT,
    W_UNTIL, W_WEEK, W_WILL, W_YEAR, W_YESTERDAY
};

typedef struct tok {
    const char *s;
    unsigned len;       /* of the word or digits, without a suffix */
    unsigned char kind; /* TK_* */
    unsigned char word; /* W_* of a keyword in any case, else W_NONE */
    unsigned char month; /* 1..12 for a capitalised month name, else 0 */
    unsigned char wday; /* 1..7 for a capitalised Sunday..Saturday, or 0 */
    bool abbr;          /* the month is abbreviated: "Mar", "Sept" */
    bool ordinal;       /* a number written 5th, 1st, 2nd, 3rd */
    bool suffixed;      /* a number with any letters glued on ("5km") */
    long value;         /* a number's value, saturating at 99999 */
} tok;

typedef struct scan {
    tok t[MAX_TOKS];
    int n;
    short starts[MAX_TOKS]; /* where an expression may start (tokenize()) */
    int n_starts;
    int first_cue;      /* the first word of future_before(), or MAX_TOKS */
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

/* A word the grammar knows: a keyword, or a month or weekday name. */
typedef struct lexeme {
    char name[10];          /* lower case; "" ends a list */
    unsigned char word;     /* W_* of a keyword */
    unsigned char month;    /* 1..12 for a month's name or abbreviation */
    unsigned char wday;     /* 1..7 for Sunday..Saturday */
    bool abbr;              /* an abbreviated month: 3 letters, or "sept" */
} lexeme;

#define LEXEME_MAX 9        /* letters in the longest name */

/*
 * Two lexicons, each a list per first letter: keywords, which every word
 * is looked up in, and the calendar's names, which only a capitalised
 * word is (dates.h).  Keeping them apart keeps the lists a lower-case
 * word is compared with to one or two names.
 */
static const lexeme kw_a[] = { { "afternoon", W_AFTERNOON }, { "" } };
static const lexeme kw_b[] = { { "before", W_BEFORE }, { "" } };
static const lexeme kw_c[] = { { "coming", W_COMING }, { "" } };
static const lexeme kw_d[] = { { "day", W_DAY }, { "due", W_DUE }, { "" } };
static const lexeme kw_e[] = {
    { "evening", W_EVENING }, { "expected", W_EXPECTED }, { "" } };
static const lexeme kw_i[] = { { "in", W_IN }, { "" } };
static const lexeme kw_l[] = { { "last", W_LAST }, { "" } };
static const lexeme kw_m[] = {
    { "month", W_MONTH }, { "morning", W_MORNING }, { "" } };
static const lexeme kw_n[] = {
    { "next", W_NEXT }, { "night", W_NIGHT }, { "" } };
static const lexeme kw_o[] = { { "of", W_OF }, { "" } };
static const lexeme kw_p[] = { { "previous", W_PREVIOUS }, { "" } };
static const lexeme kw_s[] = {
    { "scheduled", W_SCHEDULED }, { "shall", W_SHALL }, { "" } };
static const lexeme kw_t[] = {
    { "the", W_THE }, { "this", W_THIS }, { "today", W_TODAY },
    { "tonight", W_TONIGHT }, { "" } };
static const lexeme kw_u[] = { { "until", W_UNTIL }, { "" } };
static const lexeme kw_w[] = { { "week", W_WEEK }, { "will", W_WILL }, { "" } };
static const lexeme kw_y[] = {
    { "year", W_YEAR }, { "yesterday", W_YESTERDAY }, { "" } };

static const lexeme *const keywords[26] = {     /* a..z */
    kw_a, kw_b, kw_c, kw_d, kw_e, NULL, NULL, NULL, kw_i, NULL,
    NULL, kw_l, kw_m, kw_n, kw_o, kw_p, NULL, NULL, kw_s, kw_t,
    kw_u, NULL, kw_w, NULL, kw_y, NULL };

static const lexeme cal_a[] = {
    { "apr", .month = 4, .abbr = true }, { "april", .month = 4 },
    { "aug", .month = 8, .abbr = true }, { "august", .month = 8 },
    { "" } };
static const lexeme cal_d[] = {
    { "dec", .month = 12, .abbr = true }, { "december", .month = 12 },
    { "" } };
static const lexeme cal_f[] = {
    { "feb", .month = 2, .abbr = true }, { "february", .month = 2 },
    { "friday", .wday = 6 }, { "" } };
static const lexeme cal_j[] = {
    { "jan", .month = 1, .abbr = true }, { "january", .month = 1 },
    { "jul", .month = 7, .abbr = true }, { "july", .month = 7 },
    { "jun", .month = 6, .abbr = true }, { "june", .month = 6 },
    { "" } };
static const lexeme cal_m[] = {
    { "mar", .month = 3, .abbr = true }, { "march", .month = 3 },
    { "may", .month = 5 }, { "monday", .wday = 2 }, { "" } };
static const lexeme cal_n[] = {
    { "nov", .month = 11, .abbr = true }, { "november", .month = 11 },
    { "" } };
static const lexeme cal_o[] = {
    { "oct", .month = 10, .abbr = true }, { "october", .month = 10 },
    { "" } };
static const lexeme cal_s[] = {
    { "saturday", .wday = 7 },
    { "sep", .month = 9, .abbr = true }, { "sept", .month = 9, .abbr = true },
    { "september", .month = 9 }, { "sunday", .wday = 1 }, { "" } };
static const lexeme cal_t[] = {
    { "thursday", .wday = 5 }, { "tuesday", .wday = 3 }, { "" } };
static const lexeme cal_w[] = { { "wednesday", .wday = 4 }, { "" } };

static const lexeme *const calendar[26] = {     /* a..z */
    cal_a, NULL, NULL, cal_d, NULL, cal_f, NULL, NULL, NULL, cal_j,
    NULL, NULL, cal_m, cal_n, cal_o, NULL, NULL, NULL, cal_s, cal_t,
    NULL, NULL, cal_w, NULL, NULL, NULL };

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The lexeme of the n letters at w, in any case, in one of the two
 * lexicons, or NULL.  The list of w's first letter is searched for a
 * name of n letters (name[n - 1] set, name[n] not), then the rest is
 * compared; setting bit 0x20 lower-cases an ASCII letter, and w holds
 * nothing else. */
static inline const lexeme *lookup(const lexeme *const lexicon[26],
                                   const char *w, unsigned n)
{
    if (n < 2 || n > LEXEME_MAX)
        return NULL;
    const lexeme *e = lexicon[(w[0] | 0x20) - 'a'];
    for (; e != NULL && e->name[0] != '\0'; e++) {
        if (e->name[n] != '\0' || e->name[n - 1] == '\0')
            continue;
        unsigned k = 1;
        while (k < n && (w[k] | 0x20) == e->name[k])
            k++;
        if (k == n)
            return e;
    }
    return NULL;
}

/* Does the word put the sentence in the future (future_before())? */
static bool is_cue(int word)
{
    return word == W_WILL || word == W_SHALL || word == W_DUE ||
           word == W_UNTIL || word == W_SCHEDULED || word == W_EXPECTED;
}

/* "5th", "1st", "2nd", "3rd": the two letters at s, in any case. */
static bool is_ordinal_suffix(const char *s)
{
    const char a = s[0] | 0x20, b = s[1] | 0x20;
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') ||
           (a == 'r' && b == 'd') || (a == 't' && b == 'h');
}

/* Does relative_at() or period_at() begin with the keyword? */
static bool begins_expression(int word)
{
    switch (word) {
    case W_YESTERDAY: case W_TODAY: case W_TONIGHT: case W_NIGHT:
    case W_MORNING: case W_AFTERNOON: case W_EVENING: case W_LAST:
    case W_PREVIOUS: case W_NEXT:
        return true;
    default:
        return false;
    }
}

/*
 * Cut s into tokens and look up each word.  sc->starts gets the tokens an
 * expression may start at: numbers, capitalised months and weekdays, and
 * the keywords of begins_expression().  Other words start nothing
 * (date_at() only asks what they are), so this spares date_at() for most
 * tokens.
 */
static void tokenize(scan *sc, const char *s, size_t len)
{
    size_t i = 0;
    sc->n = 0;
    sc->n_starts = 0;
    sc->first_cue = MAX_TOKS;
    while (i < len && sc->n < MAX_TOKS) {
        const char c = s[i];
        tok *t = &sc->t[sc->n];
        bool starts = false;
        if (is_alpha(c)) {
            const size_t j = i + 1 + bytes_letter_run(s + i + 1, len - i - 1);
            *t = (tok){ .s = s + i, .len = (unsigned)(j - i),
                        .kind = TK_WORD };
            const lexeme *e = lookup(keywords, t->s, t->len);
            if (e != NULL) {
                t->word = e->word;
                starts = begins_expression(e->word);
                if (is_cue(e->word) && sc->first_cue == MAX_TOKS)
                    sc->first_cue = sc->n;
            }
            if (c >= 'A' && c <= 'Z' &&
                (e = lookup(calendar, t->s, t->len)) != NULL) {
                t->month = e->month;
                t->wday = e->wday;
                t->abbr = e->abbr;
                starts = true;
            }
            i = j;
        } else if (is_digit(c)) {
            starts = true;
            *t = (tok){ .s = s + i, .kind = TK_NUM };
            size_t j = i;
            while (j < len && is_digit(s[j])) {
                if (t->value < 99999)
                    t->value = t->value * 10 + (s[j] - '0');
                j++;
            }
            t->len = (unsigned)(j - i);
            size_t k = j;
            while (k < len && is_alpha(s[k]))
                k++;
            if (k > j) {
                t->suffixed = true;
                t->ordinal = k - j == 2 && is_ordinal_suffix(s + j);
            }
            i = k;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                   (unsigned char)c >= 0x80) {
            i++;                    /* spaces and non-ASCII bytes */
            continue;
        } else {
            *t = (tok){ .s = s + i, .len = 1, .kind = TK_PUNCT };
            i++;
        }
        if (starts)
            sc->starts[sc->n_starts++] = (short)sc->n;
        sc->n++;
    }
}

/* The W_* word token i is; W_NONE past either end of the sentence. */
static int word_at(const scan *sc, int i)
{
    return i >= 0 && i < sc->n ? sc->t[i].word : W_NONE;
}

/* Is token i the word w (W_*, not W_NONE)? */
static bool word_is(const scan *sc, int i, int w)
{
    return word_at(sc, i) == w;
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
    if (i < 0 || i >= sc->n || sc->t[i].month == 0)
        return 0;
    *next = i + 1 + (sc->t[i].abbr && punct_is(sc, i + 1, '.'));
    return sc->t[i].month;
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
 * meet on Monday", "due to vote on Friday", "until Saturday")?
 * tokenize() noted the first such word (is_cue()). */
static bool future_before(const scan *sc, int i)
{
    return sc->first_cue < i;
}

static bool weekday_at(const scan *sc, int i, long *days)
{
    if (!sc->have_doc || i >= sc->n || sc->t[i].wday == 0)
        return false;
    const int w = sc->t[i].wday - 1;       /* as date_weekday() */
    const int today = date_weekday(sc->doc);
    /* "Tuesday of last week", "Tuesday last week" */
    const int of = i + 1 + word_is(sc, i + 1, W_OF);
    if ((word_is(sc, of, W_LAST) || word_is(sc, of, W_NEXT)) &&
        word_is(sc, of + 1, W_WEEK)) {
        *days = sc->doc - (today + 6) % 7 + (w + 6) % 7 +
                (word_is(sc, of, W_LAST) ? -7 : 7);
        return true;
    }
    const bool next = word_is(sc, i - 1, W_NEXT) ||
                      word_is(sc, i - 1, W_COMING);
    if (next || (!word_is(sc, i - 1, W_LAST) && future_before(sc, i))) {
        int ahead = (w - today + 7) % 7;
        *days = sc->doc + (ahead == 0 && next ? 7 : ahead);
    } else {
        int back = (today - w + 7) % 7;
        if (back == 0 && word_is(sc, i - 1, W_LAST))
            back = 7;
        *days = sc->doc - back;
    }
    return true;
}

/* yesterday, today, tonight, last night, this morning... */
static bool relative_at(const scan *sc, int i, long *days)
{
    if (!sc->have_doc)
        return false;
    if (word_is(sc, i, W_YESTERDAY)) {
        bool before = word_is(sc, i - 1, W_BEFORE) &&
                      word_is(sc, i - 2, W_DAY);
        *days = sc->doc - (before ? 2 : 1);
        return true;
    }
    if (word_is(sc, i, W_TODAY) || word_is(sc, i, W_TONIGHT)) {
        *days = sc->doc;
        return true;
    }
    if (word_is(sc, i, W_NIGHT) && word_is(sc, i - 1, W_LAST)) {
        *days = sc->doc - 1;
        return true;
    }
    if ((word_is(sc, i, W_MORNING) || word_is(sc, i, W_AFTERNOON) ||
         word_is(sc, i, W_EVENING)) && word_is(sc, i - 1, W_THIS)) {
        *days = sc->doc;
        return true;
    }
    return false;
}

/* The first day of a period: the week (from Monday), month or year of
 * day `day` (unit W_WEEK, W_MONTH, W_YEAR), moved by `shift` periods (-1
 * last, +1 next). */
static long period_start(long day, int unit, int shift)
{
    long y, d;
    int m;
    if (unit == W_WEEK)
        return day - (date_weekday(day) + 6) % 7 + 7L * shift;
    date_from_days(day, &y, &m, &d);
    if (unit == W_YEAR)
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
    const bool last = word_is(sc, i, W_LAST) || word_is(sc, i, W_PREVIOUS);
    /* "in the last week" is the week up to the document's day */
    const bool rolling = word_is(sc, i - 1, W_THE);
    if ((last || word_is(sc, i, W_NEXT)) && !rolling && sc->have_doc) {
        const int unit = word_at(sc, i + 1);
        if (unit == W_WEEK || unit == W_MONTH || unit == W_YEAR) {
            *days = period_start(sc->doc, unit, last ? -1 : 1);
            return true;
        }
    }
    /* March 2019, in March, in 1999 */
    int m, next;
    long y;
    if ((m = month_at(sc, i, &next)) != 0) {
        const bool of_year = word_is(sc, next + 1, W_YEAR) &&
                             sc->have_doc;
        if ((y = year_after(sc, next)) != 0) {
            /* March 2019 */
        } else if (of_year && word_is(sc, next, W_LAST)) {
            y = sc->doc_year - 1;           /* August last year */
        } else if (of_year && word_is(sc, next, W_THIS)) {
            y = sc->doc_year;
        } else if (of_year && word_is(sc, next, W_NEXT)) {
            y = sc->doc_year + 1;
        } else {
            long days_m;
            if (!word_is(sc, i - 1, W_IN) || !month_day(sc, 0, m, 1, &days_m))
                return false;
            date_from_days(days_m, &y, &m, &(long){ 0 });
        }
        *days = date_to_days(y, m, 1);
        return !sc->have_doc ||
               period_start(sc->doc, W_MONTH, 0) != *days;
    }
    if (word_is(sc, i - 1, W_IN) && (y = year_at(sc, i)) != 0 &&
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
        int at = i + 1 + word_is(sc, i + 1, W_OF);
        if ((m = month_at(sc, at, &next)) != 0)
            return month_day(sc, year_at(sc, next), m, d, days);
    }
    return weekday_at(sc, i, days) || relative_at(sc, i, days) ||
           period_at(sc, i, days);
}

/* ------------------------------------------------------------------ */
/* Public                                                              */
/* ------------------------------------------------------------------ */

bool dates_may_begin(const char *w, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (is_digit(w[i]))
            return true;
        if (!is_alpha(w[i])) {
            i++;
            continue;
        }
        const size_t j = i + 1 + bytes_letter_run(w + i + 1, n - i - 1);
        /* what tokenize() asks of a word, but in any case */
        const lexeme *e = lookup(keywords, w + i, (unsigned)(j - i));
        if ((e != NULL && begins_expression(e->word)) ||
            lookup(calendar, w + i, (unsigned)(j - i)) != NULL)
            return true;
        i = j;
    }
    return false;
}

bool dates_resolve(const char *text, size_t len, const char *doc_date,
                   char out[11])
{
    scan sc;
    if (text == NULL)
        len = 0;
    tokenize(&sc, text, len);
    if (sc.n_starts == 0)
        return false;       /* no need to parse doc_date */
    int y, m, d;
    sc.have_doc = doc_date != NULL && strlen(doc_date) == 10 &&
                  date_parse(doc_date, &y, &m, &d) && valid_day(y, m, d);
    sc.doc = sc.have_doc ? date_to_days(y, m, d) : 0;
    sc.doc_year = sc.have_doc ? y : 0;
    for (int k = 0; k < sc.n_starts; k++) {
        long days;
        if (date_at(&sc, text, len, sc.starts[k], &days) &&
            format_day(days, out))
            return true;
    }
    return false;
}
