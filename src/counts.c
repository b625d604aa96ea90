/*
 * counts.c - casualty and size counts in one sentence of news text
 *
 * The rules are documented in counts.h; this file implements them.  It
 * must stay a leaf: no dictionaries, no allocation, no global state.
 *
 * How it works.  A tokenizer cuts the bytes into words, numbers and
 * punctuation without copying, and looks each word up in a lexicon of
 * every word the grammar knows, so that asking whether a word is on a
 * list is testing a bit.  One pass walks the tokens, keeping the
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

#include "bytes.h"

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

typedef struct lexeme lexeme;

typedef struct tok {
    size_t start;         /* byte offset into the text */
    size_t len;           /* bytes; 0 only for TK_END */
    enum tok_kind kind;
    bool letters;         /* a TK_WORD of ASCII letters only */
    const lexeme *lx;     /* its lexicon entry, or NULL (any other token) */
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
/* Lexicon                                                             */
/* ------------------------------------------------------------------ */

/*
 * Every word the grammar looks for, with the lists it is on and the
 * categories it gives.  next_tok() looks each word up once.  The lists:
 */
enum {
    L_QUAL = 1 << 0,        /* qualifiers before a number: "some", "about" */
    L_QTY_START = 1 << 1,   /* begin a quantity: "no", "nobody", "half",
                               "a", "an" (and any L_SMALL or L_PLURAL) */
    L_SMALL = 1 << 2,       /* one..nineteen, twenty..ninety (value) */
    L_PLURAL = 1 << 3,      /* vague plurals, value x 2 (value: the unit) */
    L_MULT = 1 << 4,        /* hundred, thousand... (value) */
    L_LIVES_GOV = 1 << 5,   /* governors that count only for "lives":
                               "claimed 19 lives" */
    L_CROWD_OF = 1 << 6,    /* nouns before "of" that make a crowd size:
                               "a crowd of 5,000" */
    L_LINK = 1 << 7,        /* a link word right before the number: "the
                               death toll rose to 40" */
    L_GENERIC = 1 << 8,     /* "how many people", naming no group */
    L_SPECIFIC = 1 << 9,    /* people naming a group */
    L_MODIFIER = 1 << 10,   /* "armed", "security" */
    L_DET = 1 << 11,        /* determiners: "the", "their" */
    L_FUNCTION = 1 << 12,   /* words that may follow a phrase without
                               making it a count of things */
    L_AUX = 1 << 13,        /* auxiliaries and adverbs: "were", "later" */
    L_MONTH = 1 << 14       /* month names, when capitalised */
};

/* Categories in the lexicon: CAT_* + 1, so that 0 is none. */
enum { NO_CAT, KILLED, WOUNDED, ARRESTED, DISPLACED, CROWD };
_Static_assert(KILLED == CAT_KILLED + 1 && CROWD == CAT_CROWD + 1,
               "lexicon categories are CAT_* + 1");

#define LEXEME_MAX 13       /* letters in the longest name */

struct lexeme {
    char name[LEXEME_MAX + 1]; /* lower case */
    unsigned short lists;   /* L_* */
    unsigned char gov;      /* governing word before a number: "killed 3" */
    unsigned char fwd;      /* category word after one: "19 were killed" */
    unsigned char noun;     /* category noun in its phrase: "19 deaths" */
    unsigned char toll;     /* what a link word's total is of: "toll" */
    int value;              /* of an L_SMALL, L_PLURAL or L_MULT word */
};

/* lex_a..lex_y: the words of one first letter, shorter first. */
static const lexeme lex_a[] = {
    { "a",             L_QUAL | L_QTY_START },
    { "an",            L_QUAL | L_QTY_START },
    { "as",            L_FUNCTION },
    { "at",            L_LINK | L_FUNCTION },
    { "all",           L_AUX },
    { "and",           L_FUNCTION },
    { "apr",           L_MONTH },
    { "are",           L_AUX },
    { "aug",           L_MONTH },
    { "also",          L_AUX },
    { "amid",          L_FUNCTION },
    { "army",          L_MODIFIER },
    { "about",         L_QUAL },
    { "after",         L_FUNCTION },
    { "among",         L_FUNCTION },
    { "april",         L_MONTH },
    { "armed",         L_MODIFIER },
    { "across",        L_FUNCTION },
    { "agents",        L_SPECIFIC },
    { "almost",        L_QUAL },
    { "around",        L_QUAL | L_FUNCTION },
    { "arrest",        0, .gov = ARRESTED },
    { "august",        L_MONTH },
    { "alleged",       L_MODIFIER },
    { "already",       L_AUX },
    { "another",       L_QUAL },
    { "arrests",       0, .gov = ARRESTED, .noun = ARRESTED, .toll = ARRESTED },
    { "arrested",      0, .gov = ARRESTED, .fwd = ARRESTED, .toll = ARRESTED },
    { "according",     L_FUNCTION },
    { "activists",     L_SPECIFIC },
    { "allegedly",     L_AUX },
    { "arresting",     0, .gov = ARRESTED },
    { "attackers",     L_SPECIFIC },
    { "attracted",     0, .gov = CROWD },
    { "additional",    L_QUAL | L_MODIFIER },
    { "apparently",    L_AUX },
    { "attracting",    0, .gov = CROWD },
    { "apprehended",   0, .gov = ARRESTED, .fwd = ARRESTED },
    { "apprehending",  0, .gov = ARRESTED },
    { "approximately", L_QUAL },
};
static const lexeme lex_b[] = {
    { "be",            L_AUX },
    { "by",            L_FUNCTION },
    { "but",           L_FUNCTION },
    { "been",          L_AUX },
    { "both",          L_AUX },
    { "boys",          L_SPECIFIC },
    { "being",         L_AUX },
    { "before",        L_FUNCTION },
    { "bodies",        0, .noun = KILLED },
    { "booked",        0, .gov = ARRESTED, .fwd = ARRESTED },
    { "border",        L_MODIFIER },
    { "between",       L_FUNCTION },
    { "billion",       L_MULT, .value = 1000000000 },
    { "booking",       0, .gov = ARRESTED },
    { "believed",      L_AUX },
    { "bystanders",    L_SPECIFIC },
};
static const lexeme lex_c[] = {
    { "cost",          L_LIVES_GOV },
    { "child",         L_SPECIFIC },
    { "claim",         L_LIVES_GOV },
    { "costs",         L_LIVES_GOV },
    { "could",         L_AUX },
    { "crowd",         L_CROWD_OF, .toll = CROWD },
    { "claims",        L_LIVES_GOV },
    { "crowds",        L_CROWD_OF, .toll = CROWD },
    { "claimed",       L_LIVES_GOV },
    { "costing",       L_LIVES_GOV },
    { "children",      L_SPECIFIC },
    { "citizens",      L_SPECIFIC },
    { "civilian",      L_SPECIFIC },
    { "claiming",      L_LIVES_GOV },
    { "civilians",     L_SPECIFIC },
    { "confirmed",     L_AUX },
    { "combatants",    L_SPECIFIC },
};
static const lexeme lex_d[] = {
    { "dec",           L_MONTH },
    { "dead",          0, .fwd = KILLED, .noun = KILLED, .toll = KILLED },
    { "died",          0, .fwd = KILLED },
    { "drew",          0, .gov = CROWD },
    { "deaths",        0, .noun = KILLED, .toll = KILLED },
    { "detain",        0, .gov = ARRESTED },
    { "dozens",        L_PLURAL, .value = 12 },
    { "during",        L_FUNCTION },
    { "detains",       0, .gov = ARRESTED },
    { "doctors",       L_SPECIFIC },
    { "drawing",       0, .gov = CROWD },
    { "december",      L_MONTH },
    { "detained",      0, .gov = ARRESTED, .fwd = ARRESTED, .toll = ARRESTED },
    { "displace",      0, .gov = DISPLACED },
    { "detainees",     L_SPECIFIC },
    { "detaining",     0, .gov = ARRESTED },
    { "displaced",     0, .gov = DISPLACED, .fwd = DISPLACED,
                       .toll = DISPLACED },
    { "displaces",     0, .gov = DISPLACED },
    { "displacing",    0, .gov = DISPLACED },
    { "demonstrated",  0, .fwd = CROWD },
    { "demonstration", L_CROWD_OF },
    { "demonstrators", L_SPECIFIC, .noun = CROWD },
};
static const lexeme lex_e[] = {
    { "each",          L_AUX },
    { "eight",         L_SMALL, .value = 8 },
    { "eighty",        L_SMALL, .value = 80 },
    { "either",        L_AUX },
    { "eleven",        L_SMALL, .value = 11 },
    { "earlier",       L_FUNCTION },
    { "elderly",       L_MODIFIER },
    { "exactly",       L_QUAL },
    { "eighteen",      L_SMALL, .value = 18 },
    { "evacuate",      0, .gov = DISPLACED },
    { "evacuees",      L_SPECIFIC, .noun = DISPLACED },
    { "exceeded",      L_LINK },
    { "executed",      0, .gov = KILLED, .fwd = KILLED },
    { "employees",     L_SPECIFIC },
    { "estimated",     L_QUAL },
    { "evacuated",     0, .gov = DISPLACED, .fwd = DISPLACED },
    { "evacuates",     0, .gov = DISPLACED },
    { "executing",     0, .gov = KILLED },
    { "evacuating",    0, .gov = DISPLACED },
    { "eventually",    L_AUX },
};
static const lexeme lex_f[] = {
    { "far",           L_QUAL },
    { "feb",           L_MONTH },
    { "for",           L_FUNCTION },
    { "fans",          L_SPECIFIC },
    { "five",          L_SMALL, .value = 5 },
    { "fled",          0, .fwd = DISPLACED },
    { "four",          L_SMALL, .value = 4 },
    { "from",          L_FUNCTION },
    { "fifty",         L_SMALL, .value = 50 },
    { "forty",         L_SMALL, .value = 40 },
    { "fully",         L_QUAL },
    { "feared",        L_AUX },
    { "fellow",        L_MODIFIER },
    { "forces",        L_SPECIFIC },
    { "farmers",       L_SPECIFIC },
    { "fifteen",       L_SMALL, .value = 15 },
    { "foreign",       L_MODIFIER },
    { "further",       L_QUAL | L_MODIFIER },
    { "families",      L_SPECIFIC },
    { "february",      L_MONTH },
    { "fighters",      L_SPECIFIC },
    { "fourteen",      L_SMALL, .value = 14 },
    { "following",     L_FUNCTION },
    { "fatalities",    0, .noun = KILLED, .toll = KILLED },
    { "firefighters",  L_SPECIFIC },
};
static const lexeme lex_g[] = {
    { "girls",         L_SPECIFIC },
    { "guards",        L_SPECIFIC },
    { "gunmen",        L_SPECIFIC },
    { "gathered",      0, .fwd = CROWD },
    { "gathering",     L_CROWD_OF },
    { "guardsmen",     L_SPECIFIC },
    { "government",    L_MODIFIER },
};
static const lexeme lex_h[] = {
    { "had",           L_AUX },
    { "has",           L_AUX },
    { "her",           L_DET },
    { "his",           L_DET },
    { "hit",           L_LINK },
    { "half",          L_QTY_START },
    { "have",          L_AUX },
    { "here",          L_FUNCTION },
    { "hurt",          0, .gov = WOUNDED, .fwd = WOUNDED },
    { "hurts",         0, .gov = WOUNDED },
    { "hundred",       L_MULT, .value = 100 },
    { "hurting",       0, .gov = WOUNDED },
    { "homeless",      0, .fwd = DISPLACED },
    { "hostages",      L_SPECIFIC },
    { "hundreds",      L_PLURAL, .value = 100 },
    { "households",    L_SPECIFIC },
};
static const lexeme lex_i[] = {
    { "in",            L_FUNCTION },
    { "is",            L_LINK | L_AUX },
    { "its",           L_DET },
    { "into",          L_FUNCTION },
    { "injure",        0, .gov = WOUNDED },
    { "inside",        L_FUNCTION },
    { "injured",       0, .gov = WOUNDED, .fwd = WOUNDED, .noun = WOUNDED,
                       .toll = WOUNDED },
    { "injures",       0, .gov = WOUNDED },
    { "inmates",       L_SPECIFIC },
    { "injuries",      0, .noun = WOUNDED, .toll = WOUNDED },
    { "injuring",      0, .gov = WOUNDED },
    { "innocent",      L_MODIFIER },
    { "including",     L_FUNCTION },
    { "initially",     L_AUX },
    { "imprisoned",    0, .fwd = ARRESTED },
    { "insurgents",    L_SPECIFIC },
    { "individuals",   L_GENERIC },
};
static const lexeme lex_j[] = {
    { "jan",           L_MONTH },
    { "jul",           L_MONTH },
    { "jun",           L_MONTH },
    { "july",          L_MONTH },
    { "june",          L_MONTH },
    { "just",          L_QUAL },
    { "jailed",        0, .gov = ARRESTED, .fwd = ARRESTED },
    { "jailing",       0, .gov = ARRESTED },
    { "january",       L_MONTH },
    { "journalists",   L_SPECIFIC },
};
static const lexeme lex_k[] = {
    { "kill",          0, .gov = KILLED },
    { "kills",         0, .gov = KILLED },
    { "killed",        0, .gov = KILLED, .fwd = KILLED, .toll = KILLED },
    { "killing",       0, .gov = KILLED },
};
static const lexeme lex_l[] = {
    { "last",          L_FUNCTION },
    { "later",         L_AUX },
    { "local",         L_MODIFIER },
};
static const lexeme lex_m[] = {
    { "man",           L_SPECIFIC },
    { "mar",           L_MONTH },
    { "may",           L_AUX | L_MONTH },
    { "men",           L_SPECIFIC },
    { "more",          L_MODIFIER },
    { "march",         L_CROWD_OF | L_MONTH },
    { "might",         L_AUX },
    { "massed",        0, .fwd = CROWD },
    { "miners",        L_SPECIFIC },
    { "marched",       0, .fwd = CROWD },
    { "marines",       L_SPECIFIC },
    { "members",       L_SPECIFIC },
    { "million",       L_MULT, .value = 1000000 },
    { "marchers",      L_SPECIFIC, .noun = CROWD },
    { "migrants",      L_SPECIFIC },
    { "militant",      L_SPECIFIC },
    { "military",      L_MODIFIER },
    { "millions",      L_PLURAL, .value = 1000000 },
    { "murdered",      0, .gov = KILLED, .fwd = KILLED },
    { "massacred",     0, .gov = KILLED, .fwd = KILLED },
    { "militants",     L_SPECIFIC },
    { "murdering",     0, .gov = KILLED },
    { "massacring",    0, .gov = KILLED },
};
static const lexeme lex_n[] = {
    { "no",            L_QUAL | L_QTY_START },
    { "nov",           L_MONTH },
    { "now",           L_LINK | L_AUX },
    { "near",          L_FUNCTION },
    { "nine",          L_SMALL, .value = 9 },
    { "nearly",        L_QUAL },
    { "ninety",        L_SMALL, .value = 90 },
    { "nobody",        L_QTY_START },
    { "nurses",        L_SPECIFIC },
    { "nineteen",      L_SMALL, .value = 19 },
    { "november",      L_MONTH },
    { "nationals",     L_SPECIFIC },
    { "nationwide",    L_FUNCTION },
};
static const lexeme lex_o[] = {
    { "of",            L_LINK },
    { "on",            L_FUNCTION },
    { "or",            L_FUNCTION },
    { "oct",           L_MONTH },
    { "one",           L_SMALL, .value = 1 },
    { "our",           L_DET },
    { "only",          L_QUAL },
    { "over",          L_QUAL | L_FUNCTION },
    { "other",         L_MODIFIER },
    { "others",        L_GENERIC },
    { "october",       L_MONTH },
    { "officer",       L_SPECIFIC },
    { "outside",       L_FUNCTION },
    { "officers",      L_SPECIFIC },
    { "officials",     L_SPECIFIC },
    { "overnight",     L_FUNCTION },
    { "officially",    L_AUX },
    { "opposition",    L_MODIFIER },
};
static const lexeme lex_p[] = {
    { "passed",        L_LINK },
    { "people",        L_GENERIC },
    { "person",        L_GENERIC },
    { "police",        L_SPECIFIC },
    { "perhaps",       L_QUAL },
    { "persons",       L_GENERIC },
    { "protest",       L_CROWD_OF },
    { "patients",      L_SPECIFIC },
    { "perished",      0, .fwd = KILLED },
    { "pilgrims",      L_SPECIFIC },
    { "possibly",      L_QUAL },
    { "personnel",     L_SPECIFIC },
    { "policeman",     L_SPECIFIC },
    { "policemen",     L_SPECIFIC },
    { "prisoners",     L_SPECIFIC },
    { "protested",     0, .fwd = CROWD },
    { "passengers",    L_SPECIFIC },
    { "protesters",    L_SPECIFIC, .noun = CROWD },
    { "protestors",    L_SPECIFIC, .noun = CROWD },
    { "policewomen",   L_SPECIFIC },
    { "peacekeepers",  L_SPECIFIC },
    { "plainclothes",  L_MODIFIER },
};
static const lexeme lex_r[] = {
    { "riot",          L_MODIFIER },
    { "rally",         L_CROWD_OF },
    { "rebel",         L_MODIFIER },
    { "rebels",        L_SPECIFIC },
    { "rallied",       0, .fwd = CROWD },
    { "reached",       L_LINK },
    { "roughly",       L_QUAL },
    { "refugees",      L_SPECIFIC, .noun = DISPLACED, .toll = DISPLACED },
    { "reported",      L_AUX },
    { "reporters",     L_SPECIFIC },
    { "residents",     L_SPECIFIC },
    { "reportedly",    L_AUX },
};
static const lexeme lex_s[] = {
    { "so",            L_FUNCTION },
    { "sep",           L_MONTH },
    { "six",           L_SMALL, .value = 6 },
    { "said",          L_AUX },
    { "sept",          L_MONTH },
    { "some",          L_QUAL },
    { "seven",         L_SMALL, .value = 7 },
    { "since",         L_FUNCTION | L_AUX },
    { "sixty",         L_SMALL, .value = 60 },
    { "slain",         0, .fwd = KILLED },
    { "staff",         L_SPECIFIC },
    { "still",         L_AUX },
    { "stood",         L_LINK },
    { "scores",        L_PLURAL, .value = 20 },
    { "senior",        L_MODIFIER },
    { "stands",        L_LINK },
    { "sailors",       L_SPECIFIC },
    { "seventy",       L_SMALL, .value = 70 },
    { "sixteen",       L_SMALL, .value = 16 },
    { "soldier",       L_SPECIFIC },
    { "security",      L_MODIFIER },
    { "settlers",      L_SPECIFIC },
    { "slightly",      L_QUAL },
    { "soldiers",      L_SPECIFIC },
    { "students",      L_SPECIFIC },
    { "suspects",      L_SPECIFIC },
    { "september",     L_MONTH },
    { "seventeen",     L_SMALL, .value = 17 },
    { "surpassed",     L_LINK },
    { "suspected",     L_MODIFIER },
    { "spectators",    L_SPECIFIC },
    { "supporters",    L_SPECIFIC },
    { "subsequently",  L_AUX },
};
static const lexeme lex_t[] = {
    { "to",            L_LINK | L_AUX },
    { "ten",           L_SMALL, .value = 10 },
    { "the",           L_DET },
    { "two",           L_SMALL, .value = 2 },
    { "tens",          L_PLURAL, .value = 10 },
    { "that",          L_FUNCTION },
    { "them",          L_GENERIC },
    { "then",          L_FUNCTION },
    { "this",          L_FUNCTION },
    { "toll",          L_LINK, .toll = KILLED },
    { "took",          L_LIVES_GOV },
    { "their",         L_DET },
    { "there",         L_FUNCTION },
    { "these",         L_DET },
    { "those",         L_GENERIC },
    { "three",         L_SMALL, .value = 3 },
    { "today",         L_FUNCTION },
    { "taking",        L_LIVES_GOV },
    { "thirty",        L_SMALL, .value = 30 },
    { "throng",        L_CROWD_OF },
    { "topped",        L_LINK },
    { "troops",        L_SPECIFIC },
    { "twelve",        L_SMALL, .value = 12 },
    { "twenty",        L_SMALL, .value = 20 },
    { "thought",       L_AUX },
    { "tonight",       L_FUNCTION },
    { "traffic",       L_MODIFIER },
    { "turnout",       L_CROWD_OF, .toll = CROWD },
    { "thirteen",      L_SMALL, .value = 13 },
    { "thousand",      L_MULT, .value = 1000 },
    { "tourists",      L_SPECIFIC },
    { "teenagers",     L_SPECIFIC },
    { "thousands",     L_PLURAL, .value = 1000 },
    { "throughout",    L_FUNCTION },
};
static const lexeme lex_u[] = {
    { "under",         L_FUNCTION },
    { "unarmed",       L_MODIFIER },
    { "unknown",       L_MODIFIER },
    { "uprooted",      0, .gov = DISPLACED, .fwd = DISPLACED },
    { "uniformed",     L_MODIFIER },
    { "uprooting",     0, .gov = DISPLACED },
    { "undercover",    L_MODIFIER },
    { "unidentified",  L_MODIFIER },
};
static const lexeme lex_v[] = {
    { "victims",       L_GENERIC },
    { "villagers",     L_SPECIFIC },
};
static const lexeme lex_w[] = {
    { "was",           L_LINK | L_AUX },
    { "who",           L_FUNCTION },
    { "well",          L_QUAL },
    { "were",          L_AUX },
    { "when",          L_FUNCTION },
    { "whom",          L_GENERIC },
    { "will",          L_AUX },
    { "with",          L_FUNCTION },
    { "which",         L_FUNCTION },
    { "while",         L_FUNCTION },
    { "woman",         L_SPECIFIC },
    { "women",         L_SPECIFIC },
    { "would",         L_AUX },
    { "wound",         0, .gov = WOUNDED },
    { "wounds",        0, .gov = WOUNDED },
    { "without",       L_FUNCTION },
    { "workers",       L_SPECIFIC },
    { "wounded",       0, .gov = WOUNDED, .fwd = WOUNDED, .noun = WOUNDED,
                       .toll = WOUNDED },
    { "wounding",      0, .gov = WOUNDED },
    { "worshippers",   L_SPECIFIC },
};
static const lexeme lex_y[] = {
    { "young",         L_MODIFIER },
    { "youths",        L_SPECIFIC },
    { "yesterday",     L_FUNCTION },
};

/* The lexicon by first letter, each list with its shorter names first
 * (lookup() relies on it; the order within a length does not matter). */
#define LETTER(list) { list, sizeof(list) / sizeof(list[0]) }
static const struct letter {
    const lexeme *v;
    size_t n;
} lexicon[26] = {
    LETTER(lex_a), LETTER(lex_b), LETTER(lex_c), LETTER(lex_d), LETTER(lex_e),
    LETTER(lex_f), LETTER(lex_g), LETTER(lex_h), LETTER(lex_i), LETTER(lex_j),
    LETTER(lex_k), LETTER(lex_l), LETTER(lex_m), LETTER(lex_n), LETTER(lex_o),
    LETTER(lex_p), { NULL, 0 }, LETTER(lex_r), LETTER(lex_s), LETTER(lex_t),
    LETTER(lex_u), LETTER(lex_v), LETTER(lex_w), { NULL, 0 }, LETTER(lex_y),
    { NULL, 0 },
};
#undef LETTER

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

/*
 * The lexeme of the n bytes at w, compared as eq() compares, or NULL.
 *
 * The list of w's first letter is in order of length: past its shorter
 * names (name[n - 1] not set), the names of n letters (name[n] not set)
 * are compared with w.  Names are lower-case letters, and a byte ORed
 * with 0x20 is one only if it is that letter in either case.
 */
static const lexeme *lookup(const char *w, size_t n)
{
    if (n == 0 || n > LEXEME_MAX)
        return NULL;
    const unsigned char first = (unsigned char)(w[0] | 0x20);
    if (first < 'a' || first > 'z')
        return NULL;
    const struct letter *list = &lexicon[first - 'a'];
    if (list->n == 0)
        return NULL;    /* no word starts with it ("q", "x"): v is NULL */
    const lexeme *e = list->v, *end = list->v + list->n;
    while (e < end && e->name[n - 1] == '\0')
        e++;
    for (; e < end && e->name[n] == '\0'; e++) {
        size_t k = 1;
        while (k < n && (w[k] | 0x20) == e->name[k])
            k++;
        if (k == n)
            return e;
    }
    return NULL;
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
static inline bool is_wordc(const scan *sc, size_t i)
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
static inline bool is_joiner(const scan *sc, size_t i, const char *set)
{
    if (sc->s[i] == ' ')
        return false;       /* the usual end of a word; in no set */
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
        t->letters = false;
        t->lx = NULL;
        *pos = sc->n;
        return false;
    }
    size_t j = i;
    bool letters = false;
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
        /* most words are ASCII letters only */
        j += bytes_letter_run(sc->s + j, sc->n - j);
        const size_t letters_end = j;
        while (j < sc->n && (is_wordc(sc, j) || is_joiner(sc, j, "-'.")))
            j++;
        t->kind = TK_WORD;
        letters = j == letters_end;
    } else {
        j++;
        t->kind = TK_PUNCT;
    }
    t->len = j - i;
    t->letters = letters;
    /* the lexicon's names are letters only */
    t->lx = letters ? lookup(sc->s + i, t->len) : NULL;
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

/* Is t a word on any of the lexicon's lists L_*? */
static bool in(const tok *t, unsigned lists)
{
    return t->lx != NULL && (t->lx->lists & lists) != 0;
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
    return capitalised(sc, t) && in(t, L_MONTH);
}

static bool hyphenated(const scan *sc, const tok *t)
{
    return t->kind == TK_WORD &&
           memchr(sc->s + t->start, '-', t->len) != NULL;
}

/* The value of a lexeme (or NULL) as a number word of list L_SMALL,
 * L_PLURAL or L_MULT, or -1; number() of a token. */
static long long value_of(const lexeme *lx, unsigned list)
{
    return lx != NULL && (lx->lists & list) != 0 ? lx->value : -1;
}

static long long number(const tok *t, unsigned list)
{
    return value_of(t->lx, list);
}

/* The category (CAT_*, or -1) t gives as a governing word before a
 * number, as a category word after a phrase, as a category noun, and as
 * the word of what a total is of (struct lexeme). */
static int cat_gov(const tok *t)
{
    return t->lx != NULL ? t->lx->gov - 1 : -1;
}

static int cat_fwd(const tok *t)
{
    return t->lx != NULL ? t->lx->fwd - 1 : -1;
}

static int cat_noun(const tok *t)
{
    return t->lx != NULL ? t->lx->noun - 1 : -1;
}

static int cat_toll(const tok *t)
{
    return t->lx != NULL ? t->lx->toll - 1 : -1;
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
    long long v = number(t, L_SMALL);
    if (v >= 0 || t->kind != TK_WORD)
        return v;
    const char *s = sc->s + t->start;
    const char *dash = memchr(s, '-', t->len);
    if (dash == NULL)
        return -1;
    const size_t a = (size_t)(dash - s);
    const long long tv = value_of(lookup(s, a), L_SMALL);
    const long long uv = value_of(lookup(dash + 1, t->len - a - 1), L_SMALL);
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
        const long long mult = number(&m, L_MULT);
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

    const long long unit = number(&t, L_PLURAL);
    if (unit > 0) {
        const tok of = peek(sc, p, &q);
        size_t r;
        const tok t2 = peek(sc, q, &r);
        const long long unit2 = number(&t2, L_PLURAL);
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
        if (number(&m, L_MULT) < 0 && !eq(sc, &m, "dozen"))
            return false;
        cur = 1;
        last = W_SMALL;
        at = p;
    }
    for (;;) {
        const tok w = peek(sc, at, &q);
        const long long v = small_value(sc, &w);
        const long long mult = number(&w, L_MULT);
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
    int c = cat_fwd(&t);

    *end = p;
    if (c >= 0)
        return c;
    if (eq(sc, &t, "shot")) {
        *end = q;
        if (eq(sc, &t2, "dead"))
            return CAT_KILLED;
        *end = r;
        if (eq(sc, &t2, "and") && (c = cat_fwd(&t3)) >= 0 &&
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
    if (yearish && !in(&t, L_GENERIC) &&
        !in(&t, L_SPECIFIC) && cat_fwd(&t) < 0 &&
        cat_noun(&t) < 0)
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
        det = in(&t, L_DET);
        if (det) {
            /* a modifier; nothing to record */
        } else if ((c = cat_noun(&t)) >= 0) {
            it->noun_cat = c;
            it->people = true;
        } else if (in(&t, L_GENERIC) ||
                   cat_fwd(&t) >= 0) {
            it->people = true;
        } else if (in(&t, L_SPECIFIC)) {
            it->people = true;
            it->specific = true;
        } else if (eq(sc, &t, "lives")) {
            it->lives = true;
        } else if (eq(sc, &t, "of") && k == 0 && !used_of) {
            used_of = true;
        } else if (!(in(&t, L_MODIFIER) || hyphenated(sc, &t) ||
                     (capitalised(sc, &t) && !is_month(sc, &t) &&
                      !in(&t, L_FUNCTION) &&
                      !in(&t, L_AUX)))) {
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
    return in(t, L_FUNCTION) || in(t, L_AUX);
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
            if (!in(&t, L_AUX))
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
        else if (in(&w1, L_QUAL))
            i += 1;
        else
            break;
    }

    const tok w1 = ring_get(r, i), w2 = ring_get(r, i + 1);
    int c = cat_gov(&w1);
    if (c >= 0)
        return c;
    if (eq(sc, &w1, "dead") && eq(sc, &w2, "shot"))
        return CAT_KILLED;
    if (eq(sc, &w1, "up") &&
        (eq(sc, &w2, "rounded") || eq(sc, &w2, "rounding")))
        return CAT_ARRESTED;
    if (eq(sc, &w1, "of") && in(&w2, L_CROWD_OF))
        return CAT_CROWD;
    if (in(&w1, L_LIVES_GOV))
        return GOV_LIVES;

    /* "the death toll rose to 40", "the number of injured reached 12":
     * a link word, then within a few words before it what rose. */
    if (!in(&w1, L_LINK))
        return -1;
    for (size_t j = i; j < i + 7; j++) {
        const tok w = ring_get(r, j);
        if (w.kind != TK_WORD)
            return -1;
        if ((c = cat_toll(&w)) >= 0)
            return c;
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
    if (t->kind == TK_NUM)
        return true;
    if (t->kind != TK_WORD)
        return false;
    const lexeme *lx = t->lx;
    if (!t->letters) {      /* the word before a dash: "twenty-five" */
        const char *s = sc->s + t->start;
        const char *dash = memchr(s, '-', t->len);
        lx = dash != NULL ? lookup(s, (size_t)(dash - s)) : NULL;
    }
    return lx != NULL &&
           (lx->lists & (L_QTY_START | L_SMALL | L_PLURAL)) != 0;
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
