/*
 * counts.c - casualty and size counts in one sentence of news text
 *
 * The rules are documented in counts.h; this file implements them.  It
 * must stay a leaf: no dictionaries, no allocation, no global state.
 *
 * How it works.  A tokenizer cuts the bytes into words, numbers and
 * punctuation without copying.  One pass walks the tokens, keeping the
 * last RING_LEN of them in a ring for looking back.  Where a quantity
 * starts, parse_list() reads forward from there (quantity, its phrase,
 * any "and"-joined phrases, auxiliaries, a category word) by re-running
 * the tokenizer from a saved offset, and governor() looks back through the
 * ring.  Reading forward again instead of buffering the sentence keeps the
 * stack small and the input length unbounded; the look-ahead is a handful
 * of tokens, so the pass stays linear in practice.
 *
 * SPDX-License-Identifier: MIT
 */
#include "counts.h"

#include <assert.h>
#include <stdbool.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

enum { CAT_KILLED, CAT_WOUNDED, CAT_ARRESTED, CAT_DISPLACED, CAT_CROWD,
       N_CATS };

/* A governor that counts only for "lives" ("claimed 19 lives"). */
#define GOV_LIVES N_CATS

enum tok_kind {
    TK_END,    /* no more tokens; start == len == end of text */
    TK_WORD,   /* letters, digits, non-ASCII; inner - ' . */
    TK_NUM,    /* digits with inner , or . */
    TK_MIXED,  /* starts with a digit but is no number: 3rd, 10:30 */
    TK_PUNCT   /* anything else, one character */
};

typedef struct tok {
    size_t start;         /* byte offset into the text */
    size_t len;           /* bytes; 0 only for TK_END */
    enum tok_kind kind;
} tok;

typedef struct scan {
    const char *s;        /* the text; never read at or past n */
    size_t n;
} scan;

#define RING_LEN 12

/* The last tokens before the current one; get(r, 1) is the latest. */
typedef struct ring {
    tok v[RING_LEN];
    size_t n;             /* tokens pushed so far (may exceed RING_LEN) */
} ring;

/* One quantity phrase, or a list of them joined by "and" or ",". */
typedef struct phrase {
    long long value;      /* summed over the list; 0..COUNTS_MAX */
    long long last;       /* value of the last item */
    int n_items;
    bool people;          /* the last item has a people word */
    bool specific;        /* names a group, or is a list */
    bool lives;           /* the head noun is "lives" */
    int noun_cat;         /* category from a noun in the phrase, or -1 */
    int fwd_cat;          /* category from a word after it, or -1 */
    size_t end;           /* offset of the first token after the list */
} phrase;

/* Per-category accumulation (see "Several mentions" in counts.h). */
typedef struct tally {
    long long generic[N_CATS];   /* max of generic mentions */
    long long specific[N_CATS];  /* sum of specific mentions */
    bool seen[N_CATS];
} tally;

/* ------------------------------------------------------------------ */
/* Word lists                                                          */
/* ------------------------------------------------------------------ */

static const char *const qual_words[] = {
    "some", "about", "around", "nearly", "almost", "over", "roughly",
    "approximately", "just", "only", "another", "further", "additional",
    "a", "an", "no", "well", "slightly", "far", "perhaps", "possibly",
    "exactly", "fully", "estimated", NULL
};

static const char *const gov_words[N_CATS][16] = {
    [CAT_KILLED] = { "killed", "killing", "kill", "kills", "massacred",
                     "massacring", "murdered", "murdering", "executed",
                     "executing", NULL },
    [CAT_WOUNDED] = { "wounded", "wounding", "wound", "wounds", "injured",
                      "injuring", "injure", "injures", "hurt", "hurting",
                      "hurts", NULL },
    [CAT_ARRESTED] = { "arrested", "arresting", "arrest", "arrests",
                       "detained", "detaining", "detain", "detains",
                       "apprehended", "apprehending", "jailed", "jailing",
                       "booked", "booking", NULL },
    [CAT_DISPLACED] = { "displaced", "displacing", "displace", "displaces",
                        "evacuated", "evacuating", "evacuate", "evacuates",
                        "uprooted", "uprooting", NULL },
    [CAT_CROWD] = { "drew", "drawing", "attracted", "attracting", NULL },
};

static const char *const lives_gov_words[] = {
    "claimed", "claiming", "claim", "claims", "cost", "costing", "costs",
    "took", "taking", NULL
};

/* Nouns before "of" that make a crowd size: "a crowd of 5,000". */
static const char *const crowd_of_words[] = {
    "crowd", "crowds", "rally", "gathering", "march", "turnout",
    "demonstration", "protest", "throng", NULL
};

/* "... rose to N": a link word right before the number, and the words
 * up to a few tokens before it that say what rose. */
static const char *const link_words[] = {
    "to", "at", "of", "reached", "hit", "topped", "passed", "exceeded",
    "surpassed", "toll", "is", "was", "now", "stood", "stands", NULL
};

static const char *const fwd_words[N_CATS][16] = {
    [CAT_KILLED] = { "killed", "dead", "died", "slain", "perished",
                     "murdered", "executed", "massacred", NULL },
    [CAT_WOUNDED] = { "wounded", "injured", "hurt", NULL },
    [CAT_ARRESTED] = { "arrested", "detained", "apprehended", "jailed",
                       "booked", "imprisoned", NULL },
    [CAT_DISPLACED] = { "displaced", "fled", "evacuated", "homeless",
                        "uprooted", NULL },
    [CAT_CROWD] = { "rallied", "marched", "gathered", "protested",
                    "demonstrated", "massed", NULL },
};

/* Nouns that are both people and a category: "19 deaths". */
static const char *const noun_words[N_CATS][16] = {
    [CAT_KILLED] = { "deaths", "fatalities", "bodies", "dead", NULL },
    [CAT_WOUNDED] = { "injuries", "injured", "wounded", NULL },
    [CAT_ARRESTED] = { "arrests", NULL },
    [CAT_DISPLACED] = { "refugees", "evacuees", NULL },
    [CAT_CROWD] = { "protesters", "protestors", "demonstrators",
                    "marchers", NULL },
};

/* Words for "how many people" that name no particular group. */
static const char *const generic_people[] = {
    "people", "persons", "person", "individuals", "others", "them", "whom",
    "those", "victims", NULL
};

static const char *const specific_people[] = {
    "civilians", "civilian", "police", "policemen", "policeman",
    "policewomen", "officers", "officer", "soldiers", "soldier", "troops",
    "militants", "militant", "fighters", "rebels", "insurgents", "gunmen",
    "students", "children", "women", "men", "man", "woman", "child", "boys",
    "girls", "workers", "villagers", "residents", "pilgrims", "passengers",
    "members", "supporters", "activists", "journalists", "reporters",
    "suspects", "guards", "personnel", "migrants", "prisoners", "inmates",
    "worshippers", "miners", "farmers", "teenagers", "youths", "citizens",
    "nationals", "tourists", "staff", "employees", "peacekeepers",
    "marines", "sailors", "officials", "hostages", "attackers", "bystanders",
    "detainees", "settlers", "firefighters", "doctors", "nurses",
    "patients", "fans", "spectators", "forces", "agents", "guardsmen",
    "combatants", "families", "households", "protesters", "protestors", "demonstrators", "marchers",
    "refugees", "evacuees", NULL
};

static const char *const modifier_words[] = {
    "other", "more", "armed", "unarmed", "innocent", "suspected", "alleged",
    "fellow", "local", "foreign", "young", "elderly", "senior", "security",
    "government", "army", "military", "riot", "opposition", "rebel",
    "border", "traffic", "plainclothes",
    "uniformed", "undercover", "additional", "further", "unidentified",
    "unknown", NULL
};

static const char *const det_words[] = {
    "the", "these", "their", "its", "our", "his", "her", NULL
};

/* Words that may follow a phrase without making it a count of things. */
static const char *const function_words[] = {
    "and", "or", "but", "in", "on", "at", "during", "after", "before",
    "when", "while", "as", "including", "near", "across", "outside",
    "inside", "since", "from", "with", "without", "among", "amid",
    "following", "over", "under", "last", "this", "yesterday", "today",
    "tonight", "overnight", "earlier", "so", "for", "by", "into", "who",
    "which", "that", "according", "throughout", "around", "between",
    "nationwide", "there", "here", "then", NULL
};

static const char *const aux_words[] = {
    "were", "was", "are", "is", "be", "been", "being", "have", "has", "had",
    "reportedly", "also", "later", "all", "believed", "feared", "thought",
    "reported", "confirmed", "said", "to", "now", "already", "allegedly",
    "apparently", "subsequently", "eventually", "both", "initially", "will",
    "would", "may", "might", "could", "officially", "still", "either",
    "each", "since", NULL
};

static const char *const month_words[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    NULL
};

typedef struct numword {
    const char *word;
    int value;
} numword;

static const numword small_words[] = {
    { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 },
    { "five", 5 }, { "six", 6 }, { "seven", 7 }, { "eight", 8 },
    { "nine", 9 }, { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 },
    { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 },
    { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 },
    { "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 },
    { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 }, { "seventy", 70 },
    { "eighty", 80 }, { "ninety", 90 }, { NULL, 0 }
};

/* Vague plurals and their unit: the value is unit x 2 (counts.h). */
static const numword plural_words[] = {
    { "dozens", 12 }, { "scores", 20 }, { "hundreds", 100 },
    { "thousands", 1000 }, { "millions", 1000000 }, { "tens", 10 },
    { NULL, 0 }
};

static const numword mult_words[] = {
    { "hundred", 100 }, { "thousand", 1000 }, { "million", 1000000 },
    { "billion", 1000000000 }, { NULL, 0 }
};

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(unsigned char c)
{
    return is_alpha(c) || is_digit(c);
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Length of a UTF-8 space (*space set) or punctuation mark starting at i:
 * no-break and typographic spaces, dashes, curly quotes.  0 if none, as
 * for any ASCII byte. */
static size_t sep_len(const scan *sc, size_t i, bool *space)
{
    const unsigned char *s = (const unsigned char *)sc->s;
    *space = false;
    if (s[i] == 0xC2 && i + 1 < sc->n && s[i + 1] == 0xA0) {
        *space = true;
        return 2;
    }
    if (s[i] == 0xE2 && i + 2 < sc->n && s[i + 1] == 0x80) {
        const unsigned char c = s[i + 2];
        if (c <= 0x8A || c == 0xAF) {
            *space = true;
            return 3;
        }
        if ((c >= 0x90 && c <= 0x95) || (c >= 0x98 && c <= 0x9F))
            return 3;
    }
    return 0;
}

/* A byte that continues a word: ASCII alphanumerics and any non-ASCII
 * byte that does not start a separator. */
static bool is_wordc(const scan *sc, size_t i)
{
    const unsigned char c = (unsigned char)sc->s[i];
    bool space;
    if (c < 0x80)
        return is_alnum(c);
    return sep_len(sc, i, &space) == 0;
}

/* Length of a no-break or thin space used as a thousands separator at
 * i ("13 000"): one followed by exactly three digits.  0 if none. */
static size_t group_space(const scan *sc, size_t i)
{
    bool space;
    const size_t k = sep_len(sc, i, &space);
    if (k == 0 || !space || i + k + 3 > sc->n)
        return 0;
    for (size_t d = 0; d < 3; d++)
        if (!is_digit((unsigned char)sc->s[i + k + d]))
            return 0;
    if (i + k + 3 < sc->n && is_digit((unsigned char)sc->s[i + k + 3]))
        return 0;
    return k;
}

/* Whether s[i] is one of the joiners in `set` with a word byte after it. */
static bool is_joiner(const scan *sc, size_t i, const char *set)
{
    for (; *set != '\0'; set++)
        if (sc->s[i] == *set)
            return i + 1 < sc->n && is_wordc(sc, i + 1);
    return false;
}

/* The token at or after *pos; advances *pos past it.  At the end of the
 * text t is TK_END and the result false. */
static bool next_tok(const scan *sc, size_t *pos, tok *t)
{
    size_t i = *pos, k;
    bool space;

    while (i < sc->n) {
        const unsigned char c = (unsigned char)sc->s[i];
        if (c < 0x80 && is_space(c))
            i++;
        else if (c >= 0x80 && (k = sep_len(sc, i, &space)) > 0 && space)
            i += k;
        else
            break;
    }
    t->start = i;
    if (i >= sc->n) {
        t->start = sc->n;
        t->len = 0;
        t->kind = TK_END;
        *pos = sc->n;
        return false;
    }
    size_t j = i;
    const unsigned char c = (unsigned char)sc->s[i];
    if (c >= 0x80 && (k = sep_len(sc, i, &space)) > 0) {
        j += k;
        t->kind = TK_PUNCT;
    } else if (is_digit(c)) {
        for (;;) {
            if (j < sc->n && (is_digit((unsigned char)sc->s[j]) ||
                              ((sc->s[j] == ',' || sc->s[j] == '.') &&
                               j + 1 < sc->n &&
                               is_digit((unsigned char)sc->s[j + 1]))))
                j++;
            else if (j < sc->n && (k = group_space(sc, j)) > 0)
                j += k;
            else
                break;
        }
        t->kind = TK_NUM;
        if (j < sc->n && (is_wordc(sc, j) || is_joiner(sc, j, "-:/"))) {
            t->kind = TK_MIXED;
            while (j < sc->n && (is_wordc(sc, j) ||
                                 is_joiner(sc, j, "-:/.,'")))
                j++;
        }
    } else if (c >= 0x80 || is_alpha(c)) {   /* is_wordc(sc, i) here */
        /* most words are ASCII letters and digits only */
        while (j < sc->n && is_alnum((unsigned char)sc->s[j]))
            j++;
        while (j < sc->n && (is_wordc(sc, j) || is_joiner(sc, j, "-'.")))
            j++;
        t->kind = TK_WORD;
    } else {
        j++;
        t->kind = TK_PUNCT;
    }
    t->len = j - i;
    *pos = j;
    return true;
}

/* The token at pos without consuming it; *after (optional) gets the
 * offset past it. */
static tok peek(const scan *sc, size_t pos, size_t *after)
{
    tok t;
    next_tok(sc, &pos, &t);
    if (after != NULL)
        *after = pos;
    return t;
}

/* Case-insensitive: is t the word w? */
static bool eq(const scan *sc, const tok *t, const char *w)
{
    if (t->kind != TK_WORD)
        return false;
    size_t i = 0;
    for (; i < t->len && w[i] != '\0'; i++)
        if (lower((unsigned char)sc->s[t->start + i]) != (unsigned char)w[i])
            return false;
    return i == t->len && w[i] == '\0';
}

static bool in(const scan *sc, const tok *t, const char *const *list)
{
    if (t->kind != TK_WORD)
        return false;
    for (; *list != NULL; list++)
        if (eq(sc, t, *list))
            return true;
    return false;
}

static bool is_punct(const scan *sc, const tok *t, char c)
{
    return t->kind == TK_PUNCT && t->len == 1 && sc->s[t->start] == c;
}

static bool capitalised(const scan *sc, const tok *t)
{
    if (t->kind != TK_WORD)
        return false;
    const unsigned char c = (unsigned char)sc->s[t->start];
    return c >= 'A' && c <= 'Z';
}

static bool is_month(const scan *sc, const tok *t)
{
    return capitalised(sc, t) && in(sc, t, month_words);
}

static bool hyphenated(const scan *sc, const tok *t)
{
    return t->kind == TK_WORD &&
           memchr(sc->s + t->start, '-', t->len) != NULL;
}

/* Value of a numword list entry matching t, or -1. */
static long long lookup(const scan *sc, const tok *t, const numword *list)
{
    for (; list->word != NULL; list++)
        if (eq(sc, t, list->word))
            return list->value;
    return -1;
}

/* Category of t in a per-category word table, or -1. */
static int category(const scan *sc, const tok *t,
                    const char *const table[N_CATS][16])
{
    for (int c = 0; c < N_CATS; c++)
        if (in(sc, t, table[c]))
            return c;
    return -1;
}

static void ring_push(ring *r, const tok *t)
{
    r->v[r->n % RING_LEN] = *t;
    r->n++;
}

/* The i-th latest token (i >= 1), TK_END when there is none. */
static tok ring_get(const ring *r, size_t i)
{
    tok none = { 0, 0, TK_END };
    if (i == 0 || i > r->n || i > RING_LEN)
        return none;
    return r->v[(r->n - i) % RING_LEN];
}

/* ------------------------------------------------------------------ */
/* Quantities                                                          */
/* ------------------------------------------------------------------ */

static long long sat(long long v)
{
    return v > COUNTS_MAX ? COUNTS_MAX : v;
}

/* A small number word: one..nineteen, twenty..ninety, "twenty-five".
 * Returns its value or -1. */
static long long small_value(const scan *sc, const tok *t)
{
    long long v = lookup(sc, t, small_words);
    if (v >= 0 || t->kind != TK_WORD)
        return v;
    const char *dash = memchr(sc->s + t->start, '-', t->len);
    if (dash == NULL)
        return -1;
    const size_t a = (size_t)(dash - (sc->s + t->start));
    const tok tens = { t->start, a, TK_WORD };
    const tok unit = { t->start + a + 1, t->len - a - 1, TK_WORD };
    const long long tv = lookup(sc, &tens, small_words);
    const long long uv = lookup(sc, &unit, small_words);
    if (tv < 20 || tv % 10 != 0 || uv < 1 || uv > 9)
        return -1;
    return tv + uv;
}

/* Digits with inner commas and at most one decimal point.  Sets *whole
 * and *frac_num / *frac_den (den 1 when there is no point). */
static void digits_value(const scan *sc, const tok *t, long long *whole,
                         long long *frac_num, long long *frac_den)
{
    bool point = false;
    *whole = 0;
    *frac_num = 0;
    *frac_den = 1;
    for (size_t i = 0; i < t->len; i++) {
        const char c = sc->s[t->start + i];
        if (c == '.') {
            point = true;
        } else if (is_digit((unsigned char)c)) {
            if (!point)
                *whole = sat(*whole * 10 + (c - '0'));
            else if (*frac_den < 1000000000) {
                *frac_num = *frac_num * 10 + (c - '0');
                *frac_den *= 10;
            }
        }
    }
}

/*
 * Parse a quantity starting with the token at pos.  On success sets
 * *value, *end (offset after the quantity) and *yearish (a bare four-digit
 * number that may be a year).  Returns false when no quantity starts
 * there.
 */
static bool parse_qty(const scan *sc, size_t pos, long long *value,
                      size_t *end, bool *yearish)
{
    size_t p, q;
    tok t = peek(sc, pos, &p);
    *yearish = false;

    if (t.kind == TK_NUM) {
        long long whole, fn, fd;
        digits_value(sc, &t, &whole, &fn, &fd);
        const tok m = peek(sc, p, &q);
        const long long mult = lookup(sc, &m, mult_words);
        if (mult > 0) {
            *value = sat(whole * mult + fn * mult / fd);
            *end = q;
            return true;
        }
        if (memchr(sc->s + t.start, '.', t.len) != NULL)
            return false;
        *yearish = t.len == 4 && whole >= 1800 && whole <= 2099;
        *value = whole;
        *end = p;
        return true;
    }
    if (t.kind != TK_WORD)
        return false;

    if (eq(sc, &t, "nobody")) {
        *value = 0;
        *end = p;
        return true;
    }
    if (eq(sc, &t, "no")) {
        const tok one = peek(sc, p, &q);
        if (!eq(sc, &one, "one"))
            return false;
        *value = 0;
        *end = q;
        return true;
    }

    const long long unit = lookup(sc, &t, plural_words);
    if (unit > 0) {
        const tok of = peek(sc, p, &q);
        size_t r;
        const tok t2 = peek(sc, q, &r);
        const long long unit2 = lookup(sc, &t2, plural_words);
        if (eq(sc, &of, "of") && unit2 >= 100) {
            *value = sat(2 * unit * unit2);
            *end = r;
            return true;
        }
        if (unit == 10)  /* "tens" only as in "tens of thousands" */
            return false;
        *value = 2 * unit;
        *end = p;
        return true;
    }

    if (eq(sc, &t, "half")) {
        const tok a = peek(sc, p, &q);
        size_t r;
        const tok dozen = peek(sc, q, &r);
        if (!eq(sc, &a, "a") || !eq(sc, &dozen, "dozen"))
            return false;
        *value = 6;
        *end = r;
        return true;
    }

    /* Number words: cur is the part below the last thousand/million. */
    enum { W_NONE, W_SMALL, W_HUNDRED, W_BIG } last = W_NONE;
    long long total = 0, cur = 0, last_small = 0;
    size_t at = pos;
    if (eq(sc, &t, "a") || eq(sc, &t, "an")) {
        const tok m = peek(sc, p, NULL);
        if (lookup(sc, &m, mult_words) < 0 && !eq(sc, &m, "dozen"))
            return false;
        cur = 1;
        last = W_SMALL;
        at = p;
    }
    for (;;) {
        const tok w = peek(sc, at, &q);
        const long long v = small_value(sc, &w);
        const long long mult = lookup(sc, &w, mult_words);
        if (v >= 0) {
            /* "twenty five" is one number; "five six" is not. */
            if (last == W_SMALL &&
                !(last_small >= 20 && last_small % 10 == 0 && v < 10))
                break;
            cur += v;
            last_small = v;
            last = W_SMALL;
        } else if (mult == 100 && last == W_SMALL) {
            cur = sat(cur * 100);
            last = W_HUNDRED;
        } else if (mult > 100 && (last == W_SMALL || last == W_HUNDRED)) {
            total = sat(total + cur * mult);
            cur = 0;
            last = W_BIG;
        } else if (eq(sc, &w, "dozen") && last == W_SMALL) {
            cur = sat(cur * 12);
            at = q;
            break;
        } else if (eq(sc, &w, "and") &&
                   (last == W_HUNDRED || last == W_BIG)) {
            const tok nx = peek(sc, q, NULL);
            if (small_value(sc, &nx) < 0)
                break;
        } else {
            break;
        }
        at = q;
    }
    if (at == pos)
        return false;
    *value = sat(total + cur);
    *end = at;
    return true;
}

/* ------------------------------------------------------------------ */
/* Phrases and categories                                              */
/* ------------------------------------------------------------------ */

/* A category word (or fixed phrase) at pos, read forward.  saw_aux: an
 * auxiliary came before it, which "held" needs ("were held", not "held a
 * rally").  lives: the phrase's head is "lives".  On a match sets *end
 * after it and returns the category; else -1. */
static int fwd_category(const scan *sc, size_t pos, bool saw_aux,
                        bool lives, size_t *end)
{
    size_t p, q, r, e;
    const tok t = peek(sc, pos, &p);
    const tok t2 = peek(sc, p, &q);
    const tok t3 = peek(sc, q, &r);
    const tok t4 = peek(sc, r, &e);
    int c = category(sc, &t, fwd_words);

    *end = p;
    if (c >= 0)
        return c;
    if (eq(sc, &t, "shot")) {
        *end = q;
        if (eq(sc, &t2, "dead"))
            return CAT_KILLED;
        *end = r;
        if (eq(sc, &t2, "and") && (c = category(sc, &t3, fwd_words)) >= 0 &&
            c <= CAT_WOUNDED)
            return c;
        return -1;
    }
    if (eq(sc, &t, "lost")) {
        if (lives)
            return CAT_KILLED;
        *end = r;
        return eq(sc, &t2, "their") && eq(sc, &t3, "lives") ? CAT_KILLED
                                                            : -1;
    }
    if (eq(sc, &t, "held"))
        return saw_aux ? CAT_ARRESTED : -1;
    if (eq(sc, &t, "in") && eq(sc, &t2, "custody")) {
        *end = q;
        return CAT_ARRESTED;
    }
    if (eq(sc, &t, "taken") && eq(sc, &t2, "into") &&
        eq(sc, &t3, "custody")) {
        *end = r;
        return CAT_ARRESTED;
    }
    if ((eq(sc, &t, "rounded") || eq(sc, &t, "picked")) &&
        eq(sc, &t2, "up")) {
        *end = q;
        return CAT_ARRESTED;
    }
    if ((eq(sc, &t, "took") || eq(sc, &t, "taken")) && eq(sc, &t2, "to") &&
        eq(sc, &t3, "the") && eq(sc, &t4, "streets")) {
        *end = e;
        return CAT_CROWD;
    }
    if (eq(sc, &t, "turned") && eq(sc, &t2, "out")) {
        *end = q;
        return CAT_CROWD;
    }
    return -1;
}

static int noun_category(const scan *sc, const tok *t)
{
    return category(sc, t, noun_words);
}

/*
 * One item: a quantity and the words of its phrase ("19", "five
 * officers", "thousands of protesters", "two dozen Palestinian
 * students").  When a category word ends the phrase ("19 killed") it is
 * consumed and recorded in fwd_cat.  *qty_end gets the end of the bare
 * quantity even when the item is rejected.  Returns false if there is no
 * quantity at pos or it is not a count of people (year, date, money,
 * percentage).
 */
static bool parse_item(const scan *sc, size_t pos, const tok *before,
                       phrase *it, size_t *qty_end)
{
    long long v;
    size_t p;
    bool yearish;

    if (!parse_qty(sc, pos, &v, &p, &yearish))
        return false;
    *qty_end = p;
    if (before != NULL && (is_month(sc, before) || is_punct(sc, before, '$')
                           || eq(sc, before, "\xc2\xa3") ||
                           eq(sc, before, "\xe2\x82\xac")))
        return false;

    size_t q;
    tok t = peek(sc, p, &q);
    if (is_punct(sc, &t, '%') || is_month(sc, &t) ||
        eq(sc, &t, "percent"))
        return false;
    if (yearish && !in(sc, &t, generic_people) &&
        !in(sc, &t, specific_people) && category(sc, &t, fwd_words) < 0 &&
        noun_category(sc, &t) < 0)
        return false;

    memset(it, 0, sizeof(*it));
    it->value = v;
    it->last = v;
    it->n_items = 1;
    it->noun_cat = -1;
    it->fwd_cat = -1;
    bool used_of = false, det = false;
    for (int k = 0; k < 8; k++) {
        t = peek(sc, p, &q);
        size_t e;
        int c;
        /* After "the", "wounded" is a noun: "two of the wounded died". */
        if (!det && (c = fwd_category(sc, p, false, it->lives, &e)) >= 0) {
            it->fwd_cat = c;
            p = e;
            break;
        }
        det = in(sc, &t, det_words);
        if (det) {
            /* a modifier; nothing to record */
        } else if ((c = noun_category(sc, &t)) >= 0) {
            it->noun_cat = c;
            it->people = true;
        } else if (in(sc, &t, generic_people) ||
                   category(sc, &t, fwd_words) >= 0) {
            it->people = true;
        } else if (in(sc, &t, specific_people)) {
            it->people = true;
            it->specific = true;
        } else if (eq(sc, &t, "lives")) {
            it->lives = true;
        } else if (eq(sc, &t, "of") && k == 0 && !used_of) {
            used_of = true;
        } else if (!(in(sc, &t, modifier_words) || hyphenated(sc, &t) ||
                     (capitalised(sc, &t) && !is_month(sc, &t) &&
                      !in(sc, &t, function_words) &&
                      !in(sc, &t, aux_words)))) {
            break;
        }
        p = q;
    }
    it->end = p;
    return true;
}

/* A word that may follow a phrase counted by a governor or a noun. */
static bool acceptable_after(const scan *sc, const tok *t)
{
    if (t->kind == TK_END)
        return true;
    if (t->kind == TK_PUNCT)
        return !is_punct(sc, t, '%');
    return in(sc, t, function_words) || in(sc, t, aux_words);
}

/* Past an aside between commas after a phrase ("four people, including
 * two children, were killed"), or pos itself when there is none. */
static size_t skip_aside(const scan *sc, size_t pos)
{
    size_t p, q;
    tok t = peek(sc, pos, &p);
    const tok t2 = peek(sc, p, &q);
    if (!is_punct(sc, &t, ',') ||
        !(eq(sc, &t2, "including") || eq(sc, &t2, "among") ||
          eq(sc, &t2, "mostly") || eq(sc, &t2, "most")))
        return pos;
    for (int k = 0; k < 10; k++) {
        t = peek(sc, q, &q);
        if (t.kind == TK_END || (t.kind == TK_PUNCT && !is_punct(sc, &t, ',')))
            return pos;
        if (is_punct(sc, &t, ','))
            return q;
    }
    return pos;
}

/*
 * A list of items from pos: items with people words joined by "and", ","
 * or ", and"; then auxiliaries and a category word.  Sets *qty_end to the
 * end of the first bare quantity.  Returns false if no item starts at pos.
 */
static bool parse_list(const scan *sc, size_t pos, const tok *before,
                       phrase *out, size_t *qty_end)
{
    phrase it;
    if (!parse_item(sc, pos, before, out, qty_end))
        return false;
    while (out->people && out->fwd_cat < 0) {
        size_t p, q, unused;
        const tok t = peek(sc, out->end, &p);
        if (is_punct(sc, &t, ',')) {
            const tok t2 = peek(sc, p, &q);
            if (eq(sc, &t2, "and"))
                p = q;
        } else if (!eq(sc, &t, "and")) {
            break;
        }
        const tok joiner = peek(sc, out->end, NULL);
        if (!parse_item(sc, p, &joiner, &it, &unused) || !it.people)
            break;
        out->value = sat(out->value + it.value);
        out->last = it.value;
        out->n_items++;
        out->specific = true;
        out->people = it.people;
        out->lives = it.lives;
        out->fwd_cat = it.fwd_cat;
        if (it.noun_cat >= 0)
            out->noun_cat = it.noun_cat;
        out->end = it.end;
    }
    if (out->fwd_cat < 0) {
        size_t p = skip_aside(sc, out->end), e;
        bool saw_aux = false;
        for (int k = 0; k < 5; k++) {
            const tok t = peek(sc, p, &e);
            if (!in(sc, &t, aux_words))
                break;
            saw_aux = true;
            p = e;
        }
        if (saw_aux)
            out->fwd_cat = fwd_category(sc, p, true, out->lives, &e);
    }
    return true;
}

/*
 * The governing category of a quantity from the tokens before it, or -1.
 * GOV_LIVES for "claimed", "cost" and the like.
 */
static int governor(const scan *sc, const ring *r)
{
    size_t i = 1;
    for (int k = 0; k < 6; k++) {
        const tok w1 = ring_get(r, i), w2 = ring_get(r, i + 1);
        const tok w3 = ring_get(r, i + 2);
        if ((eq(sc, &w1, "least") || eq(sc, &w1, "most")) &&
            eq(sc, &w2, "at"))
            i += 2;
        else if (eq(sc, &w1, "than") &&
                 (eq(sc, &w2, "more") || eq(sc, &w2, "fewer") ||
                  eq(sc, &w2, "less")))
            i += 2;
        else if (eq(sc, &w1, "as") && eq(sc, &w2, "many") &&
                 eq(sc, &w3, "as"))
            i += 3;
        else if (eq(sc, &w1, "to") &&
                 (eq(sc, &w2, "up") || eq(sc, &w2, "close")))
            i += 2;
        else if (eq(sc, &w1, "of") && eq(sc, &w2, "upwards"))
            i += 2;
        else if (in(sc, &w1, qual_words))
            i += 1;
        else
            break;
    }

    const tok w1 = ring_get(r, i), w2 = ring_get(r, i + 1);
    int c = category(sc, &w1, gov_words);
    if (c >= 0)
        return c;
    if (eq(sc, &w1, "dead") && eq(sc, &w2, "shot"))
        return CAT_KILLED;
    if (eq(sc, &w1, "up") &&
        (eq(sc, &w2, "rounded") || eq(sc, &w2, "rounding")))
        return CAT_ARRESTED;
    if (eq(sc, &w1, "of") && in(sc, &w2, crowd_of_words))
        return CAT_CROWD;
    if (in(sc, &w1, lives_gov_words))
        return GOV_LIVES;

    /* "the death toll rose to 40", "the number of injured reached 12":
     * a link word, then within a few words before it what rose. */
    if (!in(sc, &w1, link_words))
        return -1;
    for (size_t j = i; j < i + 7; j++) {
        const tok w = ring_get(r, j);
        if (w.kind != TK_WORD)
            return -1;
        if (eq(sc, &w, "toll") || eq(sc, &w, "dead") ||
            eq(sc, &w, "deaths") || eq(sc, &w, "fatalities") ||
            eq(sc, &w, "killed"))
            return CAT_KILLED;
        if (eq(sc, &w, "injured") || eq(sc, &w, "wounded") ||
            eq(sc, &w, "injuries"))
            return CAT_WOUNDED;
        if (eq(sc, &w, "arrests") || eq(sc, &w, "arrested") ||
            eq(sc, &w, "detained"))
            return CAT_ARRESTED;
        if (eq(sc, &w, "displaced") || eq(sc, &w, "refugees"))
            return CAT_DISPLACED;
        if (eq(sc, &w, "crowd") || eq(sc, &w, "crowds") ||
            eq(sc, &w, "turnout"))
            return CAT_CROWD;
    }
    return -1;
}

static void tally_add(tally *ty, int cat, long long v, bool specific)
{
    assert(cat >= 0 && cat < N_CATS && v >= 0 && v <= COUNTS_MAX);
    ty->seen[cat] = true;
    if (specific && cat != CAT_CROWD)
        ty->specific[cat] = sat(ty->specific[cat] + v);
    else if (v > ty->generic[cat])
        ty->generic[cat] = v;
}

/*
 * Try to attach the quantity starting at token t.  Returns the offset
 * from which scanning may resume without re-reading a counted phrase.
 */
static size_t attach(const scan *sc, const tok *t, const ring *r,
                     tally *ty)
{
    const tok before = ring_get(r, 1);
    phrase ph;
    size_t qty_end = t->start + t->len;

    if (!parse_list(sc, t->start, &before, &ph, &qty_end))
        return qty_end;

    int gov = governor(sc, r);
    if (gov == GOV_LIVES)
        gov = ph.lives ? CAT_KILLED : -1;
    const tok after = peek(sc, ph.end, NULL);
    const bool after_ok = acceptable_after(sc, &after);

    if (gov >= 0 && (after_ok || ph.fwd_cat >= 0)) {
        if (ph.fwd_cat >= 0 && ph.fwd_cat != gov && ph.n_items >= 2) {
            tally_add(ty, gov, ph.value - ph.last, true);
            tally_add(ty, ph.fwd_cat, ph.last, true);
        } else {
            tally_add(ty, gov, ph.value, ph.specific);
        }
    } else if (ph.fwd_cat >= 0) {
        tally_add(ty, ph.fwd_cat, ph.value, ph.specific);
    } else if (ph.noun_cat >= 0 && after_ok) {
        tally_add(ty, ph.noun_cat, ph.value, ph.specific);
    } else {
        return qty_end;
    }
    return ph.end;
}

/*
 * Whether a quantity can start at t: a number, or a word parse_qty()
 * begins with ("no", "nobody", "half", "a", "an", a vague plural or a
 * number word, the tens of "twenty-five" included).  A cheap test that
 * spares the full parse for the many words that start none.
 */
static bool may_start_qty(const scan *sc, const tok *t)
{
    static const char *const first_words[] = {
        "no", "nobody", "half", "a", "an", NULL
    };
    if (t->kind == TK_NUM)
        return true;
    if (t->kind != TK_WORD)
        return false;
    const char *s = sc->s + t->start;
    const char *dash = memchr(s, '-', t->len);
    const size_t n = dash != NULL ? (size_t)(dash - s) : t->len;
    char w[12];
    if (n == 0 || n >= sizeof(w))
        return false;
    /* the first letters of those words */
#define LETTER(c) (1u << ((c) - 'a'))
    const unsigned firsts = LETTER('a') | LETTER('d') | LETTER('e') |
                            LETTER('f') | LETTER('h') | LETTER('m') |
                            LETTER('n') | LETTER('o') | LETTER('s') |
                            LETTER('t');
#undef LETTER
    const unsigned first = (unsigned)lower((unsigned char)s[0]) - 'a';
    if (first >= 26 || !((firsts >> first) & 1u))
        return false;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)lower((unsigned char)s[i]);
    w[n] = '\0';
    for (const char *const *f = first_words; *f != NULL; f++)
        if ((*f)[0] == w[0] && strcmp(*f, w) == 0)
            return true;
    for (const numword *nw = small_words; nw->word != NULL; nw++)
        if (nw->word[0] == w[0] && strcmp(nw->word, w) == 0)
            return true;
    for (const numword *nw = plural_words; nw->word != NULL; nw++)
        if (nw->word[0] == w[0] && strcmp(nw->word, w) == 0)
            return true;
    return false;
}

/* ------------------------------------------------------------------ */
/* API                                                                 */
/* ------------------------------------------------------------------ */

void counts_init(counts *c)
{
    assert(c != NULL);
    c->killed = -1;
    c->wounded = -1;
    c->arrested = -1;
    c->displaced = -1;
    c->crowd = -1;
}

void counts_extract(const char *text, size_t len, counts *out)
{
    assert(out != NULL);
    assert(text != NULL || len == 0);
    counts_init(out);
    if (text == NULL)
        return;

    const scan sc = { text, len };
    ring r = { .n = 0 };
    tally ty = { .seen = { false } };
    size_t pos = 0, resume = 0;
    tok t;

    while (next_tok(&sc, &pos, &t)) {
        if (t.start >= resume && may_start_qty(&sc, &t))
            resume = attach(&sc, &t, &r, &ty);
        ring_push(&r, &t);
    }

    int *const field[N_CATS] = {
        [CAT_KILLED] = &out->killed, [CAT_WOUNDED] = &out->wounded,
        [CAT_ARRESTED] = &out->arrested, [CAT_DISPLACED] = &out->displaced,
        [CAT_CROWD] = &out->crowd,
    };
    for (int c = 0; c < N_CATS; c++) {
        if (!ty.seen[c])
            continue;
        const long long v = ty.generic[c] > ty.specific[c] ? ty.generic[c]
                                                           : ty.specific[c];
        *field[c] = (int)sat(v);
    }
}
