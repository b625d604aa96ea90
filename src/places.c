/*
 * places.c - place names in documents, resolved to GeoNames places
 *
 * The document is folded (text.h) and cut into tokens, a hyphenated word
 * into its parts.  A run of capitalised words is looked up in the
 * gazetteer, longest span first, from its first word (or after a
 * direction word: "northern Syria").  A match must cover the run to its
 * end or to a hyphen ("Damascus Mayor" is not Damascus), must not be a
 * word of the stop list (months, titles...), and must be a country, or
 * follow a locative word ("in", "near", "village of"...), or name a
 * place of at least MIN_POPULATION people.  A run that ends in a word for
 * a street or building ("Damascus Airport") is a place whole, put in the
 * town it lies in (town_near()).
 *
 * Resolution: a name that is a country is the country.  Otherwise the
 * most populous town of that name in a division the document names,
 * else in a country it names, else the most populous place of that name
 * anywhere.
 *
 * SPDX-License-Identifier: MIT
 */
#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "alloc.h"
#include "bytes.h"
#include "casus/places.h"
#include "gazetteer.h"
#include "strbuf.h"
#include "text.h"

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

#define MAX_WORDS 5             /* longest name tried, in tokens */
#define MAX_CANDS 64            /* places weighed per name */
#define MAX_COUNTRIES 64        /* countries a document names, kept */
#define MIN_POPULATION 100000   /* without a locative word before it */

/* The word lists below, as bits: a token is looked up once for all. */
enum {
    IN_STOP_WORDS = 1 << 0,
    IN_OPENERS = 1 << 1,
    IN_SHORT_WORDS = 1 << 2,
    IN_LOCATIVES = 1 << 3,
    IN_MODIFIERS = 1 << 4,
    IN_FILLERS = 1 << 5,
    IN_JOINERS = 1 << 6,
    IN_FACILITIES = 1 << 7,
    IN_KINDS = 1 << 8,
    N_LISTS = 9
};

#define LIST_BITS 8
#define LIST_SLOTS (1u << LIST_BITS)    /* well over the words listed */

/* A word of the lists, in an open-addressing table by list_hash(). */
typedef struct list_slot {
    const char *word;           /* NULL for an empty slot */
    uint8_t len;
    uint16_t lists;             /* IN_* of every list that holds it */
} list_slot;

/* Where a place was named, and the places its name may refer to. */
typedef struct mention {
    uint32_t first, last;       /* its first and last token */
    uint32_t cand, n_cands;     /* casus_geocoder.cands[cand...]: the
                                   places of gaz_lookup(), at most
                                   MAX_CANDS; 0 for a street or
                                   building that takes the place of
                                   the town it lies in (town_near()) */
    bool division;              /* ends in a word such as "State" or
                                   "County": a division, not a town */
} mention;

/* A slot of main_place()'s table of places and their mentions. */
typedef struct place_count {
    uint32_t first;             /* its first mention + 1; 0: empty slot */
    uint32_t n;                 /* its mentions */
} place_count;

typedef struct wtok {
    uint32_t start, len;        /* in the folded text */
    bool cap;                   /* capitalised in the original */
    bool word;
    bool poss;                  /* "'s" follows, cut off: "China's" */
    char joint;                 /* '-' or '/' when it joins the next token
                                   inside one word ("Beijing-based",
                                   "Surfside/Garden City"), else 0 */
} wtok;

struct casus_geocoder {
    gaz *g;                     /* read-only once open */
    gaz_memo *memo;             /* this geocoder's recent lookups */
    bool owns_gaz;              /* false for a casus_geocoder_share() */
    strbuf folded;
    text_map map;
    wtok *toks;
    size_t n_toks, toks_cap;
    casus_place *places;
    size_t n_places, places_cap;
    mention *mentions;          /* one per place */
    size_t mentions_cap;
    uint32_t *cands;            /* the mentions' places, in their order */
    size_t n_cands, cands_cap;
    char countries[MAX_COUNTRIES][2];
    int n_countries;
    const gaz_place *divisions[MAX_COUNTRIES];  /* first-level divisions
                                                   the document names */
    int n_divisions;
    text_dateline_info dateline;    /* of the current document */
    long dateline_place;        /* index of its place, or -1 */
    long main_place;            /* the document's main place, or -1 */
    place_count *counts;        /* scratch for main_place() */
    size_t counts_cap;
    list_slot listed[LIST_SLOTS];   /* every word of the lists; some
                                       slots always empty */
    uint8_t longest[1 << N_LISTS];  /* by IN_* bits: bytes in the longest
                                       word on any of those lists */
};

/* Words that begin a sentence or a title more often than they name a
 * place of the gazetteer. */
static const char *const stop_words[] = {
    "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY",
    "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "MONDAY",
    "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY",
    "PRESIDENT", "MINISTER", "PRIME", "GENERAL", "POLICE", "ARMY",
    "GOVERNMENT", "NEW", "SAID", "THE", "A", "AN", "IN", "ON", "AT", "BUT",
    "AND", "OR", "IF", "AS", "OF", "HE", "SHE", "IT", "WE", "THEY", "THIS",
    "THAT", "THESE", "THOSE", "MR", "MRS", "MS", "DR", "SAINT", "ST",
    "UNION", "REPUBLIC", "KING", "QUEEN", "PRINCE", "LORD", "ISLAMIC",
    "STATE", "CITY", "FORCES", "NATIONAL", "UNITED", "DEMOCRATIC",
    "HOPE", "VICTORIA", "FAITH", "MERCY", "PROVIDENCE", "TRUMP", "ASSAD",
    "PUTIN", "ERDOGAN", NULL };

/* Capitalised words that may open a sentence before a place ("In
 * China"): a run of capitals may start after them. */
static const char *const openers[] = {
    "THE", "A", "AN", "IN", "ON", "AT", "BUT", "AND", "OR", "IF", "AS",
    "OF", "FROM", "NEAR", "TO", "WHILE", "WHEN", "AFTER", "BEFORE", NULL };

/* Short words of names that take a full stop: "St. Louis". */
static const char *const short_words[] = { "ST", "STE", "FT", "MT", NULL };

/* Words after which a capitalised name is a place whatever its size. */
static const char *const locatives[] = {
    "IN", "NEAR", "AT", "FROM", "OUTSIDE", "INSIDE", "TO", "TOWARDS",
    "TOWARD", "ACROSS", "AROUND", "INTO", "THROUGH", "VILLAGE", "TOWN",
    "CITY", "PROVINCE", "DISTRICT", "REGION", "BESIEGED", "CAPITAL", NULL };

/* Capitalised words that may precede a place inside one run. */
static const char *const modifiers[] = {
    "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "NORTH", "SOUTH", "EAST",
    "WEST", "CENTRAL", "GREATER", "UPPER", "LOWER", "RURAL", "DOWNTOWN",
    "NORTHEASTERN", "NORTHWESTERN", "SOUTHEASTERN", "SOUTHWESTERN",
    "NORTH-EASTERN", "NORTH-WESTERN", "SOUTH-EASTERN", "SOUTH-WESTERN",
    "NORTH-EAST", "NORTH-WEST", "SOUTH-EAST", "SOUTH-WEST", NULL };

/* Words that may stand between a locative word and its place: "in the
 * Netherlands", "in northern Kosovo", "the village of Cabra". */
static const char *const fillers[] = { "THE", "OF", NULL };

/* Lower-case words inside a name: "Democratic Republic of the Congo",
 * "Bosnia and Herzegovina", "Rio Grande do Sul". */
static const char *const joiners[] = {
    "OF", "THE", "AND", "DE", "DEL", "DA", "DO", "DOS", "DAS", "DI", "DU",
    "DES", NULL };

/* The last word of the name of a street, a building or grounds, which
 * stands for the town it lies in ("Royal Street", "Barclays Center",
 * "Colchester General Hospital"). */
static const char *const facilities[] = {
    "STREET", "ST", "ST.", "ROAD", "RD.", "AVENUE", "AVE.", "DRIVE",
    "BOULEVARD", "BLVD.", "LANE", "PARADE", "SQUARE", "HIGHWAY", "BRIDGE",
    "AIRPORT", "HOSPITAL", "UNIVERSITY", "COLLEGE", "SCHOOL", "CHURCH",
    "CATHEDRAL", "BASILICA", "CHAPEL", "MOSQUE", "TEMPLE", "STADIUM",
    "ARENA", "CENTER", "CENTRE", "HOTEL", "THEATRE", "THEATER", "CASTLE",
    "PALACE", "PRISON", "COURTHOUSE", "MUSEUM", "PARK", "RACECOURSE",
    "ESTATE", "HALL", "LIBRARY", "CAMPUS", "MALL", "PLAZA", "TOWER", NULL };

/* Capitalised words after a division's name that say it is one:
 * "Oaxaca State", "Pike County".  (News writes "Hubei province" in lower
 * case when the word is not part of the name.) */
static const char *const kinds[] = {
    "STATE", "COUNTY", "PROVINCE", "REGION", "DISTRICT", "GOVERNORATE",
    "PREFECTURE", "OBLAST", "PARISH", "MUNICIPALITY", "TERRITORY", NULL };

/* Every list above, with its bit. */
static const struct {
    const char *const *words;
    uint16_t bit;               /* IN_* */
} lists[] = {
    { stop_words, IN_STOP_WORDS }, { openers, IN_OPENERS },
    { short_words, IN_SHORT_WORDS }, { locatives, IN_LOCATIVES },
    { modifiers, IN_MODIFIERS }, { fillers, IN_FILLERS },
    { joiners, IN_JOINERS }, { facilities, IN_FACILITIES },
    { kinds, IN_KINDS } };

/* ------------------------------------------------------------------ */
/* Opening                                                             */
/* ------------------------------------------------------------------ */

/* The slot of a word of len > 0 bytes in casus_geocoder.listed: a
 * multiplicative hash of its length and its first, middle and last
 * bytes, which tell the listed words apart well enough at the cost of a
 * few instructions, whatever the length. */
static size_t list_hash(const char *s, size_t len)
{
    const uint32_t k = (uint32_t)(unsigned char)s[0] |
                       (uint32_t)(unsigned char)s[len / 2] << 8 |
                       (uint32_t)(unsigned char)s[len - 1] << 16 |
                       (uint32_t)len << 24;
    return (k * 2654435761u) >> (32 - LIST_BITS);
}

/* Put every word of the lists into gc->listed, with the bits of the lists
 * that hold it. */
static void index_lists(casus_geocoder *gc)
{
    _Static_assert(sizeof(lists) / sizeof(lists[0]) == N_LISTS, "lists");
    size_t n = 0;
    uint8_t longest[N_LISTS] = { 0 };
    for (size_t l = 0; l < N_LISTS; l++)
        for (const char *const *w = lists[l].words; *w != NULL; w++) {
            const size_t len = strlen(*w);
            size_t h = list_hash(*w, len);
            while (gc->listed[h].word != NULL &&
                   strcmp(gc->listed[h].word, *w) != 0)
                h = (h + 1) % LIST_SLOTS;
            if (gc->listed[h].word == NULL) {
                n++;
                assert(n < LIST_SLOTS);     /* an empty slot ends a probe */
                gc->listed[h].word = *w;
                gc->listed[h].len = (uint8_t)len;
            }
            gc->listed[h].lists |= lists[l].bit;
            if (len > longest[l])
                longest[l] = (uint8_t)len;
        }
    for (unsigned in = 1; in < 1u << N_LISTS; in++)
        for (size_t l = 0; l < N_LISTS; l++)
            if ((in & lists[l].bit) && longest[l] > gc->longest[in])
                gc->longest[in] = longest[l];
}

/* A geocoder with no document yet, over g. */
static casus_geocoder *geocoder_new(gaz *g, bool owns_gaz)
{
    casus_geocoder *gc = cs_malloc(sizeof(*gc));
    if (gc == NULL)
        return NULL;
    memset(gc, 0, sizeof(*gc));
    if ((gc->memo = cs_calloc(1, sizeof(*gc->memo))) == NULL) {
        cs_free(gc);
        return NULL;
    }
    strbuf init = STRBUF_INIT;
    text_map map_init = TEXT_MAP_INIT;
    gc->folded = init;
    gc->map = map_init;
    gc->g = g;
    gc->owns_gaz = owns_gaz;
    gc->dateline_place = -1;
    gc->main_place = -1;
    index_lists(gc);
    return gc;
}

int casus_geocoder_open(casus_geocoder **out, const char *path,
                        casus_diag *diag)
{
    gaz *g;
    *out = NULL;
    int error = gaz_open(&g, path, diag);
    if (error < 0)
        return error;
    if ((*out = geocoder_new(g, true)) == NULL) {
        gaz_close(g);
        return CASUS_ENOMEM;
    }
    return 0;
}

int casus_geocoder_share(casus_geocoder **out, const casus_geocoder *gc)
{
    assert(gc != NULL);
    *out = geocoder_new(gc->g, false);
    return *out != NULL ? 0 : CASUS_ENOMEM;
}

void casus_geocoder_free(casus_geocoder *gc)
{
    if (gc == NULL)
        return;
    if (gc->owns_gaz)
        gaz_close(gc->g);
    strbuf_dispose(&gc->folded);
    text_map_dispose(&gc->map);
    cs_free(gc->toks);
    cs_free(gc->places);
    cs_free(gc->mentions);
    cs_free(gc->cands);
    cs_free(gc->counts);
    cs_free(gc->memo);
    cs_free(gc);
}

/* ------------------------------------------------------------------ */
/* Finding names                                                       */
/* ------------------------------------------------------------------ */

/* Which of the lists of the IN_* bits in hold token i, by its bytes? */
static unsigned tok_lists(const casus_geocoder *gc, size_t i, unsigned in)
{
    assert(in > 0 && in < 1u << N_LISTS);
    const wtok *t = &gc->toks[i];
    if (t->len > gc->longest[in])
        return 0;
    const char *s = gc->folded.buf + t->start;
    for (size_t h = list_hash(s, t->len);; h = (h + 1) % LIST_SLOTS) {
        const list_slot *w = &gc->listed[h];
        if (w->word == NULL)
            return 0;
        if (w->len == t->len && bytes_same(w->word, s, t->len))
            return w->lists & in;
    }
}

/* Is token i on one of the lists of the IN_* bits in? */
static bool tok_in(const casus_geocoder *gc, size_t i, unsigned in)
{
    return tok_lists(gc, i, in) != 0;
}

/* The word of bytes [start, start + len) of the folded text as a wtok:
 * without its "'s" ("China's", "Kenya’s" folded to '), which key_of()
 * spells out inside a name ("People's Republic of China"), and marked
 * capitalised when it is so in orig. */
static wtok word_at(const char *text, const char *orig, text_map_cursor *at,
                    size_t start, size_t len, char joint)
{
    const char *e = text + start + len;
    wtok w = { .start = (uint32_t)start, .len = (uint32_t)len,
               .word = true, .joint = joint };
    w.poss = len > 2 && e[-2] == '\'' && e[-1] == 'S';
    if (w.poss)
        w.len -= 2;
    const unsigned char c =
        (unsigned char)orig[text_map_cursor_byte(at, start)];
    w.cap = (c >= 'A' && c <= 'Z') || c >= 0x80;
    return w;
}

/* Store the parts of word token t but the last as tokens from
 * gc->toks[*n] on, each with the '-' or '/' after it ("London-based",
 * "Syrian-Turkish", "Chartres/Franklin"; text.h puts those only between
 * two word characters), and return where the last part starts. */
static int add_parts(casus_geocoder *gc, const char *orig,
                     text_map_cursor *at, const text_tok *t, size_t *n,
                     size_t *last_out)
{
    const char *const text = gc->folded.buf;
    const char *s = text + t->start, *const e = s + t->len;
    for (const char *x = s; x < e; x++) {
        if (*x != '-' && *x != '/')
            continue;
        if (*n + 1 >= gc->toks_cap &&
            CS_ARRAY_GROW(gc->toks, gc->toks_cap, *n + 2) < 0)
            return CASUS_ENOMEM;
        gc->toks[(*n)++] = word_at(text, orig, at, (size_t)(s - text),
                                   (size_t)(x - s), *x);
        s = x + 1;
    }
    *last_out = (size_t)(s - text);
    return 0;
}

static int tokenize(casus_geocoder *gc, const char *orig)
{
    const char *const text = gc->folded.buf;
    size_t n = 0, pos = 0;
    text_tok t;
    text_map_cursor at = TEXT_MAP_CURSOR(&gc->map);
    while (text_next_token(text, gc->folded.len, &pos, &t)) {
        /* "St. Louis", "Ft. Worth": the full stop belongs to the word */
        if (t.len == 1 && text[t.start] == '.' && n > 0) {
            wtok *p = &gc->toks[n - 1];
            if (p->cap && p->start + p->len == t.start &&
                tok_in(gc, n - 1, IN_SHORT_WORDS)) {
                p->len++;
                continue;
            }
        }
        if (n == gc->toks_cap &&
            CS_ARRAY_GROW(gc->toks, gc->toks_cap, n + 1) < 0) {
            gc->n_toks = n;
            return CASUS_ENOMEM;
        }
        if (t.kind != TEXT_TOK_WORD) {
            gc->toks[n++] = (wtok){ .start = (uint32_t)t.start,
                                    .len = (uint32_t)t.len };
            continue;
        }
        size_t start = t.start;
        if (t.joined && add_parts(gc, orig, &at, &t, &n, &start) < 0) {
            gc->n_toks = n;
            return CASUS_ENOMEM;
        }
        gc->toks[n++] = word_at(text, orig, &at, start,
                                t.start + t.len - start, 0);
    }
    gc->n_toks = n;
    return 0;
}

/* What stands between token t and the next in a lookup key: a hyphen
 * inside a word ("Guinea-Bissau"), else a space.  A slash never joins
 * the words of a name. */
static char sep_of(const wtok *t)
{
    return t->joint == '-' ? '-' : ' ';
}

/* The length of the lookup key of tokens [i, j] (0 when it would take
 * cap bytes or more), with *key set to it: words joined by single
 * spaces or their hyphen (sep_of()), with the "'s" of a possessive
 * inside, and of token j too when whole.  That is the folded text
 * itself when the tokens stand so there (the "'s" follows its word),
 * else a copy in buf. */
static size_t key_of(const casus_geocoder *gc, size_t i, size_t j,
                     bool whole, char *buf, size_t cap, const char **key)
{
    const char *const text = gc->folded.buf;
    const size_t at = gc->toks[i].start;
    bool in_text = true;
    size_t n = 0;
    for (size_t k = i; k <= j; k++) {
        const wtok *t = &gc->toks[k];
        const size_t len = t->len + (t->poss && (k < j || whole) ? 2 : 0);
        if (n + len + 1 >= cap)
            return 0;
        if (k > i) {
            in_text = in_text && text[at + n] == sep_of(&t[-1]) &&
                      t->start == at + n + 1;
            n++;
        }
        n += len;
    }
    *key = text + at;
    if (in_text)
        return n;
    n = 0;
    for (size_t k = i; k <= j; k++) {
        const wtok *t = &gc->toks[k];
        const size_t len = t->len + (t->poss && (k < j || whole) ? 2 : 0);
        if (k > i)
            buf[n++] = sep_of(&t[-1]);
        memcpy(buf + n, text + t->start, len);
        n += len;
    }
    *key = buf;
    return n;
}

/* Feature codes are tested with memcmp(), which the compiler inlines, on
 * the 3 or 4 letters given: with no NUL among them it agrees with
 * strncmp(). */

static bool is_country(const gaz_place *p)
{
    return memcmp(p->feature, "PCLI", 4) == 0;
}

static bool is_division(const gaz_place *p)
{
    return memcmp(p->feature, "ADM1", 4) == 0;
}

/* A region, sea, river, island, mountain range or desert: none of a
 * town, a division, a country or a continent. */
static bool is_area(const gaz_place *p)
{
    return memcmp(p->feature, "PPL", 3) != 0 &&
           memcmp(p->feature, "ADM", 3) != 0 &&
           memcmp(p->feature, "PCL", 3) != 0 &&
           memcmp(p->feature, "CONT", 4) != 0;
}

/* A country or a continent: what a name means first, whatever else it
 * may name. */
static bool is_land(const gaz_place *p)
{
    return is_country(p) || memcmp(p->feature, "CONT", 4) == 0;
}

/* A country, a continent, a first-level division or an area: a place
 * whatever precedes it. */
static bool is_region(const gaz_place *p)
{
    return is_land(p) || is_division(p) || is_area(p);
}

/* Does a locative word come before token i, across up to three fillers
 * and direction words?  A town seldom takes "the" ("in the Atlantic",
 * "in the White House"), so with towns false, "the" right before the
 * name does not count. */
static bool after_locative(const casus_geocoder *gc, size_t i, bool towns)
{
    for (size_t k = i, skipped = 0; k > 0 && skipped <= 3; k--, skipped++) {
        const unsigned in =
            tok_lists(gc, k - 1, IN_LOCATIVES | IN_FILLERS | IN_MODIFIERS);
        if (in & IN_LOCATIVES)
            return true;
        const wtok *t = &gc->toks[k - 1];
        if (towns && k == i && t->len == 3 &&
            memcmp(gc->folded.buf + t->start, "THE", 3) == 0)
            return false;
        if (!(in & (IN_FILLERS | IN_MODIFIERS)))
            return false;
    }
    return false;
}

/* Does token i open the place of the document's dateline? */
static bool at_dateline(const casus_geocoder *gc, size_t i)
{
    return gc->dateline.place_len > 0 &&
           text_map_byte(&gc->map, gc->toks[i].start) ==
               gc->dateline.place_start;
}

/* Does a comma follow token j, with a word after it? */
static bool comma_after(const casus_geocoder *gc, size_t j)
{
    return j + 2 < gc->n_toks && !gc->toks[j + 1].word &&
           gc->folded.buf[gc->toks[j + 1].start] == ',';
}

/* Does place p lie in the country cc and, when admin1 is not NULL, in
 * that first-level division of it? */
static bool in_region(const gaz *g, const gaz_place *p, const char cc[2],
                      const char *admin1)
{
    return memcmp(p->country, cc, 2) == 0 &&
           (admin1 == NULL || strcmp(gaz_str(g, p->admin1), admin1) == 0);
}

/* Is tokens [i, j] followed by a comma and the name of a country or a
 * first-level division ("Hammond, Indiana") that holds one of the places
 * ids? */
static bool before_container(const casus_geocoder *gc, size_t j,
                             const uint32_t *ids, size_t n)
{
    if (!comma_after(gc, j))
        return false;
    size_t k = j + 2;
    if (tok_in(gc, k, IN_MODIFIERS))
        k++;
    char buf[256];
    uint32_t cids[8];
    for (size_t end = k; end < gc->n_toks && end < k + 3; end++) {
        if (!gc->toks[end].cap)
            break;
        const char *key;
        size_t klen = key_of(gc, k, end, false, buf, sizeof(buf), &key);
        size_t cn = klen ? gaz_lookup_memo(gc->g, gc->memo, key, klen, cids,
                                           8) : 0;
        for (size_t a = 0; a < cn && a < 8; a++) {
            const gaz_place *c = gaz_place_at(gc->g, cids[a]);
            if (!is_country(c) && !is_division(c))
                continue;
            const char *admin1 = is_division(c) ? gaz_str(gc->g, c->admin1)
                                                : NULL;
            for (size_t b = 0; b < n && b < MAX_CANDS; b++)
                if (in_region(gc->g, gaz_place_at(gc->g, ids[b]),
                              c->country, admin1))
                    return true;
        }
    }
    return false;
}

static void remember_country(casus_geocoder *gc, const char cc[2])
{
    for (int k = 0; k < gc->n_countries; k++)
        if (memcmp(gc->countries[k], cc, 2) == 0)
            return;
    if (gc->n_countries < MAX_COUNTRIES)
        memcpy(gc->countries[gc->n_countries++], cc, 2);
}

static bool doc_country(const casus_geocoder *gc, const char cc[2])
{
    for (int k = 0; k < gc->n_countries; k++)
        if (memcmp(gc->countries[k], cc, 2) == 0)
            return true;
    return false;
}

/* Is one of the n places of ids (gaz_lookup()) a first- or second-level
 * division? */
static bool any_division(const gaz *g, const uint32_t *ids, size_t n)
{
    for (size_t k = 0; k < n && k < MAX_CANDS; k++)
        if (memcmp(gaz_place_at(g, ids[k])->feature, "ADM", 3) == 0)
            return true;
    return false;
}

/* Is a match of tokens [i, j] a place (file comment)?  lookup() has
 * turned away the words of the stop list and the modifiers. */
static bool acceptable(const casus_geocoder *gc, size_t i, size_t j,
                       const uint32_t *ids, size_t n)
{
    const size_t shown = n < MAX_CANDS ? n : MAX_CANDS;
    for (size_t k = 0; k < shown; k++)
        if (is_region(gaz_place_at(gc->g, ids[k])))
            return true;
    /* other names of up to three letters are acronyms of actors */
    if (i == j && gc->toks[i].len <= 3)
        return false;
    /* "Pike County": its last word says what it is, whatever its size */
    if (i < j && tok_in(gc, j, IN_KINDS) && any_division(gc->g, ids, n))
        return true;
    if (after_locative(gc, i, true) || at_dateline(gc, i) ||
        before_container(gc, j, ids, n))
        return true;
    /* the most populous place of the name; a second-level division of
     * one word counts only when its country is named before, as its
     * name is often a person's too ("Nadia", "Gard") */
    for (size_t k = 0; k < shown; k++) {
        const gaz_place *p = gaz_place_at(gc->g, ids[k]);
        if (i < j || memcmp(p->feature, "ADM2", 4) != 0 ||
            doc_country(gc, p->country))
            return p->population >= MIN_POPULATION;
    }
    return false;
}

/* Record the mention of tokens [i, j], which may name the n places of
 * ids (as many as gaz_lookup() counts); the place is chosen later. */
static int add_mention(casus_geocoder *gc, size_t i, size_t j,
                       const uint32_t *ids, size_t n)
{
    if (n > MAX_CANDS)
        n = MAX_CANDS;
    const size_t m = gc->n_places;
    if (CS_ARRAY_GROW(gc->places, gc->places_cap, m + 1) < 0 ||
        CS_ARRAY_GROW(gc->mentions, gc->mentions_cap, m + 1) < 0 ||
        CS_ARRAY_GROW(gc->cands, gc->cands_cap, gc->n_cands + n) < 0)
        return CASUS_ENOMEM;
    gc->mentions[m] = (mention){ .first = (uint32_t)i, .last = (uint32_t)j,
                                 .cand = (uint32_t)gc->n_cands,
                                 .n_cands = (uint32_t)n,
                                 .division = false };
    memcpy(gc->cands + gc->n_cands, ids, n * sizeof(ids[0]));
    gc->n_cands += n;
    casus_place *p = &gc->places[gc->n_places++];
    memset(p, 0, sizeof(*p));
    text_extent x;
    text_map_range(&gc->map, gc->toks[i].start,
                   gc->toks[j].start + gc->toks[j].len, &x);
    p->start = x.byte_start;
    p->end = x.byte_end;
    p->cp_start = x.cp_start;
    p->cp_end = x.cp_end;
    p->locative = after_locative(gc, i, false);
    if (at_dateline(gc, i))
        gc->dateline_place = (long)gc->n_places - 1;
    return 0;
}

/* Is token i a division's abbreviation with its full stop, after a
 * comma: "OAKLAND, Calif.", "Surrey, B.C."?  The stop is then taken into
 * the token.  Elsewhere "Mass." or "Ill." is a word. */
static bool abbreviation(casus_geocoder *gc, size_t i)
{
    if (i < 2 || !gc->toks[i - 2].cap || !comma_after(gc, i - 2))
        return false;
    wtok *t = &gc->toks[i];
    const char *s = gc->folded.buf + t->start;
    const bool dot = t->start + t->len < gc->folded.len && s[t->len] == '.';
    if (t->len < 2 || t->len >= 8 || (!dot && s[t->len - 1] != '.'))
        return false;
    char key[8];
    const size_t klen = t->len + (s[t->len - 1] != '.');
    memcpy(key, s, klen);
    uint32_t id;
    if (gaz_lookup_memo(gc->g, gc->memo, key, klen, &id, 1) == 0 ||
        !is_division(gaz_place_at(gc->g, id)))
        return false;
    t->len = (uint32_t)klen;
    return true;
}

/* The last word of the run ending at token run joined through lower-case
 * joiners to the capitalised words after them, or run itself. */
static size_t joined_run(const casus_geocoder *gc, size_t run)
{
    size_t k = run + 1;
    while (k < gc->n_toks && !gc->toks[k].cap && gc->toks[k].word &&
           tok_in(gc, k, IN_JOINERS) && k - run <= 2)
        k++;
    if (k == run + 1 || k >= gc->n_toks || !gc->toks[k].cap)
        return run;
    while (k + 1 < gc->n_toks && gc->toks[k + 1].cap)
        k++;
    return k;
}

/* How many places tokens [i, end] name, with them in ids, when that is a
 * place there; 0 otherwise.  whole: with the "'s" of token end. */
static size_t lookup(const casus_geocoder *gc, size_t i, size_t end,
                     bool whole, uint32_t *ids)
{
    /* never a place, whatever the gazetteer says: ask it nothing */
    if (i == end && tok_in(gc, i, IN_STOP_WORDS | IN_MODIFIERS))
        return 0;
    char buf[256];
    const char *key;
    const size_t klen = key_of(gc, i, end, whole, buf, sizeof(buf), &key);
    const size_t n = klen ? gaz_lookup_memo(gc->g, gc->memo, key, klen, ids,
                                            MAX_CANDS) : 0;
    return n > 0 && acceptable(gc, i, end, ids, n) ? n : 0;
}

/* May a name end at token end of a run ending at token run: the whole
 * run, a start of it up to a hyphen ("Amsterdam-London"), or a shorter
 * start of it that names a country, a continent or a city of a million
 * ("London Mayor ...")? */
static bool may_end(const casus_geocoder *gc, size_t end, size_t run,
                    const uint32_t *ids)
{
    const gaz_place *top = gaz_place_at(gc->g, ids[0]);
    return end == run || gc->toks[end].joint == '-' || is_land(top) ||
           (memcmp(top->feature, "PPL", 3) == 0 &&
            top->population >= 1000000);
}

/* The last token of the name that starts a run at token i and ends it
 * at token run (file comment), with its places in ids; SIZE_MAX when it
 * names none.  The run joined to the next ("Republic of the Congo")
 * must name a place whole; the run alone may name one as may_end() says
 * or up to a possessive ("Hawaii's Governor ...").  A word with "'s" is
 * tried with it first ("St. John's"), and keeps it when that names a
 * place. */
static size_t match_run(casus_geocoder *gc, size_t i, size_t run,
                        uint32_t *ids, size_t *n)
{
    const size_t longer = joined_run(gc, run);
    if (longer > run && longer - i < MAX_WORDS &&
        (*n = lookup(gc, i, longer, false, ids)) > 0)
        return longer;
    if (run - i >= MAX_WORDS)
        return SIZE_MAX;
    for (size_t end = run;; end--) {
        wtok *t = &gc->toks[end];
        if (t->poss && (*n = lookup(gc, i, end, true, ids)) > 0 &&
            may_end(gc, end, run, ids)) {
            t->len += 2;
            t->poss = false;
            return end;
        }
        if ((*n = lookup(gc, i, end, false, ids)) > 0) {
            /* "Oaxaca State": the word is the name's */
            if (!t->poss && end + 1 == run && tok_in(gc, run, IN_KINDS) &&
                any_division(gc->g, ids, *n))
                return run;
            if (t->poss || may_end(gc, end, run, ids))
                return end;
        }
        if (end == i)
            return SIZE_MAX;
    }
}

/* The first token of the street or building that tokens [i, run] name
 * (facilities[]): the run ends in such a word, after at least one word
 * that is not a title or the like ("President Park"); an opening word
 * is left out ("The Colony Theatre").  SIZE_MAX when it names none. */
static size_t facility_start(const casus_geocoder *gc, size_t i, size_t run)
{
    if (run == i || gc->toks[run].poss || !tok_in(gc, run, IN_FACILITIES))
        return SIZE_MAX;
    size_t f = i;
    while (f < run && tok_in(gc, f, IN_OPENERS))
        f++;
    if (f == run ||
        tok_lists(gc, f, IN_STOP_WORDS | IN_SHORT_WORDS) == IN_STOP_WORDS)
        return SIZE_MAX;
    return f;
}

/* How many places tokens [i, j] name, with them in ids, when the most
 * populous is a town of at least MIN_POPULATION people, else 0: what
 * the first words of a facility's name must name for it to lie there
 * ("Manila Cathedral"; a "Hampton Avenue" need not be in Hampton). */
static size_t city_named(const casus_geocoder *gc, size_t i, size_t j,
                         uint32_t *ids)
{
    char buf[256];
    const char *key;
    const size_t klen = key_of(gc, i, j, false, buf, sizeof(buf), &key);
    const size_t n = klen ? gaz_lookup_memo(gc->g, gc->memo, key, klen, ids,
                                            MAX_CANDS) : 0;
    if (n == 0)
        return 0;
    const gaz_place *top = gaz_place_at(gc->g, ids[0]);
    return memcmp(top->feature, "PPL", 3) == 0 &&
           top->population >= MIN_POPULATION ? n : 0;
}

/* Record the street or building of tokens [f, run] (facility_start()).
 * A place named before a possessive in it is a mention of its own
 * ("Brooklyn's Barclays Center"); a name the gazetteer holds whole is a
 * place as any other ("Central Park"); else the facility takes the place
 * its first words name ("Manila Cathedral"), or failing that, with no
 * places of its own, that of the town it lies in (town_near()). */
static int add_facility(casus_geocoder *gc, size_t f, size_t run,
                        uint32_t *ids)
{
    size_t n;
    for (size_t p = f; p < run; p++)
        if (gc->toks[p].poss) {
            if ((n = lookup(gc, f, p, false, ids)) > 0) {
                int error = add_mention(gc, f, p, ids, n);
                if (error < 0)
                    return error;
                f = p + 1;
            }
            break;
        }
    if (f == run)
        return 0;           /* "Seoul's Stadium": a word alone */
    if ((n = lookup(gc, f, run, false, ids)) > 0)
        return add_mention(gc, f, run, ids, n);
    n = 0;
    for (size_t k = run; k-- > f && n == 0;)
        n = city_named(gc, f, k, ids);
    return add_mention(gc, f, run, ids, n);
}

static int find_names(casus_geocoder *gc)
{
    uint32_t ids[MAX_CANDS];
    for (size_t i = 0; i < gc->n_toks; i++) {
        if (!gc->toks[i].cap)
            continue;
        /* start a run only at its first word, after a hyphen or slash
         * ("Amsterdam-London"), or after a modifier or an opening word
         * ("In China") */
        if (i > 0 && gc->toks[i - 1].cap && !gc->toks[i - 1].poss &&
            gc->toks[i - 1].joint == 0 &&
            !tok_in(gc, i - 1, IN_MODIFIERS | IN_OPENERS))
            continue;
        /* the run's last capitalised word, or its first possessive when
         * the run is too long to be a name ("Britain's Foreign
         * Secretary Boris Johnson Said") */
        size_t run = i, poss = SIZE_MAX;
        for (; run + 1 < gc->n_toks && gc->toks[run + 1].cap &&
               gc->toks[run].joint != '/'; run++)
            if (gc->toks[run].poss && poss == SIZE_MAX)
                poss = run;
        if (run - i >= MAX_WORDS && poss != SIZE_MAX)
            run = poss;
        if (abbreviation(gc, i))
            run = i;        /* the token now ends with its full stop */
        const size_t f = facility_start(gc, i, run);
        if (f != SIZE_MAX) {
            int error = add_facility(gc, f, run, ids);
            if (error < 0)
                return error;
            i = run;
            continue;
        }
        size_t n = 0;
        const size_t end = match_run(gc, i, run, ids, &n);
        if (end == SIZE_MAX)
            continue;
        int error = add_mention(gc, i, end, ids, n);
        if (error < 0)
            return error;
        gc->mentions[gc->n_places - 1].division =
            end > i && tok_in(gc, end, IN_KINDS);
        const size_t shown = n < MAX_CANDS ? n : MAX_CANDS;
        for (size_t k = 0; k < shown; k++) {
            const gaz_place *p = gaz_place_at(gc->g, ids[k]);
            if (is_country(p))
                remember_country(gc, p->country);
        }
        const gaz_place *top = gaz_place_at(gc->g, ids[0]);
        if (is_division(top) && gc->n_divisions < MAX_COUNTRIES)
            gc->divisions[gc->n_divisions++] = top;
        i = end;
    }
    return 0;
}

/* The mention that contains mention m, written right after it: "Cabra,
 * northwestern Kosovo", "Hammond, Indiana".  It must already be resolved
 * to a country or a first-level division.  NULL when there is none. */
static const casus_place *container(const casus_geocoder *gc, size_t m)
{
    if (m + 1 >= gc->n_places)
        return NULL;
    const size_t j = gc->mentions[m].last, next = gc->mentions[m + 1].first;
    if (!comma_after(gc, j) ||
        !(next == j + 2 ||
          (next == j + 3 && tok_in(gc, j + 2, IN_MODIFIERS))))
        return NULL;
    const casus_place *c = &gc->places[m + 1];
    const bool region = memcmp(c->feature, "PCL", 3) == 0 ||
                        memcmp(c->feature, "ADM1", 4) == 0;
    return region ? c : NULL;
}

/* Does a capital or a city of a million, top, outweigh a town of the
 * same name in a country the document names, town: London rather than
 * London, Ohio, in a story about the United States?  Only a town of
 * under a hundredth of its people gives way. */
static bool world_city(const gaz_place *top, const gaz_place *town)
{
    return top != town && memcmp(town->feature, "PPL", 3) == 0 &&
           memcmp(top->feature, "PPL", 3) == 0 &&
           (memcmp(top->feature, "PPLC", 4) == 0 ||
            top->population >= 1000000) &&
           town->population < top->population / 100;
}

/* Does place p lie in a first-level division the document names? */
static bool doc_division(const casus_geocoder *gc, const gaz_place *p)
{
    for (int k = 0; k < gc->n_divisions; k++)
        if (in_region(gc->g, p, gc->divisions[k]->country,
                      gaz_str(gc->g, gc->divisions[k]->admin1)))
            return true;
    return false;
}

/* The first division among the n places of ids that lies in a
 * first-level division the document names ("Pike County" in a story
 * about Kentucky), else in a country it names, else the first division,
 * else best. */
static const gaz_place *division_of(const casus_geocoder *gc,
                                    const uint32_t *ids, size_t n,
                                    const gaz_place *best)
{
    const gaz_place *first = NULL, *in_country = NULL;
    for (size_t k = 0; k < n; k++) {
        const gaz_place *c = gaz_place_at(gc->g, ids[k]);
        if (memcmp(c->feature, "ADM", 3) != 0)
            continue;
        if (memcmp(c->feature, "ADM2", 4) == 0 && doc_division(gc, c))
            return c;
        if (in_country == NULL && doc_country(gc, c->country))
            in_country = c;
        if (first == NULL)
            first = c;
    }
    return in_country != NULL ? in_country : first != NULL ? first : best;
}

/* Choose the place of each mention (file comment), the last first, so
 * that a container named after a place is known when the place is. */
static void resolve(casus_geocoder *gc)
{
    for (size_t m = gc->n_places; m-- > 0;) {
        casus_place *p = &gc->places[m];
        const uint32_t *ids = gc->cands + gc->mentions[m].cand;
        const size_t n = gc->mentions[m].n_cands;
        if (n == 0)
            continue;       /* place_facilities() */
        const gaz_place *best = gaz_place_at(gc->g, ids[0]);
        const gaz_place *in_doc = NULL, *in_container = NULL, *area = NULL,
                        *in_division = NULL;
        const casus_place *within = container(gc, m);
        for (size_t k = 0; k < n; k++) {
            const gaz_place *c = gaz_place_at(gc->g, ids[k]);
            if (within != NULL && in_container == NULL && !is_land(c) &&
                in_region(gc->g, c, within->country,
                          memcmp(within->feature, "ADM1", 4) == 0
                              ? within->admin1 : NULL))
                in_container = c;
            if (area == NULL && is_area(c))
                area = c;
            if (in_division == NULL && memcmp(c->feature, "PPL", 3) == 0 &&
                doc_division(gc, c))
                in_division = c;
            if (in_doc == NULL && is_land(c))
                in_doc = c;     /* a country or continent */
            else if (in_doc == NULL && doc_country(gc, c->country))
                in_doc = c;
        }
        /* an area before the towns named after it (the Atlantic, not
         * Atlantic, Iowa), which sort first by population */
        if (area != NULL &&
            (in_doc == NULL || memcmp(in_doc->feature, "PPL", 3) == 0))
            in_doc = area;
        if (in_container != NULL)
            best = in_container;
        else if (in_division != NULL &&
                 !is_region(in_doc != NULL ? in_doc : best) &&
                 !world_city(best, in_division))
            best = in_division;
        else if (in_doc != NULL && !world_city(best, in_doc))
            best = in_doc;
        /* "Oaxaca State": the division, in a named country if one is */
        if (gc->mentions[m].division)
            best = division_of(gc, ids, n, best);
        /* a capital before a division of the same name (Washington),
         * and a town before the division it lies in (Aleppo, New York,
         * Daraa District) */
        else if (is_division(best) || memcmp(best->feature, "ADM2", 4) == 0)
            for (size_t k = 0; k < n; k++) {
                const gaz_place *c = gaz_place_at(gc->g, ids[k]);
                if (memcmp(c->feature, "PPLC", 4) == 0 ||
                    (memcmp(c->feature, "PPL", 3) == 0 &&
                     in_region(gc->g, c, best->country,
                               gaz_str(gc->g, best->admin1)))) {
                    best = c;
                    break;
                }
            }
        p->geonames = best->geonames;
        p->lat = best->lat / 1e5;
        p->lon = best->lon / 1e5;
        memcpy(p->country, best->country, 2);
        p->country[2] = '\0';
        memcpy(p->feature, best->feature, 6);
        p->feature[6] = '\0';
        p->name = gaz_str(gc->g, best->name);
        p->admin1 = gaz_str(gc->g, best->admin1);
        /* three letters or none (gazetteer.h) */
        const char *alpha3 = gaz_alpha3(gc->g, best->country);
        const size_t alpha3_len = strlen(alpha3);
        assert(alpha3_len < sizeof(p->country3));
        memcpy(p->country3, alpha3, alpha3_len + 1);
    }
}

/* How narrowly a place pins an event down: a town, a division, a
 * country, a continent. */
static int precision(const casus_place *p)
{
    if (memcmp(p->feature, "PPL", 3) == 0)
        return 3;
    if (memcmp(p->feature, "ADM", 3) == 0)
        return 2;
    return memcmp(p->feature, "PCL", 3) == 0 ? 1 : 0;
}

/* Is mention k resolved to a town? */
static bool is_town(const casus_geocoder *gc, size_t k)
{
    return gc->mentions[k].n_cands > 0 && precision(&gc->places[k]) == 3;
}

/* The town facility m lies in, as resolve() placed it: one whose
 * possessive it follows ("Seoul's Jamsil Stadium"), or one named right
 * after it ("Barclays Center in Brooklyn", "Royal Street, New Orleans"),
 * else the document's main place when that is a town (a story about a
 * town names its streets and buildings).  NULL otherwise. */
static const casus_place *town_near(const casus_geocoder *gc, size_t m,
                                    long main)
{
    const mention *x = &gc->mentions[m];
    if (m > 0 && is_town(gc, m - 1) &&
        gc->mentions[m - 1].last + 1 == x->first &&
        gc->toks[x->first - 1].poss)
        return &gc->places[m - 1];
    if (m + 1 < gc->n_places && is_town(gc, m + 1) &&
        gc->mentions[m + 1].first <= x->last + 3)
        return &gc->places[m + 1];
    if (main >= 0 && is_town(gc, (size_t)main))
        return &gc->places[main];
    return NULL;
}

/* Give each facility that names no place itself the place of the town
 * it lies in (town_near()), and drop those it finds none for.  The
 * facilities are placed first, then the kept places moved down, so that
 * town_near() sees the places where resolve() put them. */
static void place_facilities(casus_geocoder *gc)
{
    bool any = false;
    for (size_t m = 0; m < gc->n_places; m++) {
        if (gc->mentions[m].n_cands > 0)
            continue;
        any = true;
        const casus_place *town = town_near(gc, m, gc->main_place);
        if (town == NULL)
            continue;       /* stays without a feature: dropped below */
        casus_place *p = &gc->places[m];
        const casus_place span = *p;
        *p = *town;
        p->start = span.start;
        p->end = span.end;
        p->cp_start = span.cp_start;
        p->cp_end = span.cp_end;
        p->locative = span.locative;
    }
    if (!any)
        return;
    const long dateline = gc->dateline_place, main = gc->main_place;
    gc->dateline_place = -1;
    gc->main_place = -1;
    size_t kept = 0;
    for (size_t m = 0; m < gc->n_places; m++) {
        if (gc->places[m].feature[0] == '\0')
            continue;
        if (kept < m) {
            gc->places[kept] = gc->places[m];
            gc->mentions[kept] = gc->mentions[m];
        }
        if ((long)m == dateline)
            gc->dateline_place = (long)kept;
        if ((long)m == main)
            gc->main_place = (long)kept;
        kept++;
    }
    gc->n_places = kept;
}

/* Do x and y stand for the same place: one name, country and feature? */
static bool same_place(const casus_place *x, const casus_place *y)
{
    return x->name == y->name && x->country[0] == y->country[0] &&
           x->country[1] == y->country[1] &&
           strcmp(x->feature, y->feature) == 0;
}

/* A hash of what same_place() compares. */
static size_t place_hash(const casus_place *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p->name;
    h = (h ^ (unsigned char)p->country[0]) * 0x100000001b3u;
    h = (h ^ (unsigned char)p->country[1]) * 0x100000001b3u;
    for (const char *f = p->feature; *f != '\0'; f++)
        h = (h ^ (unsigned char)*f) * 0x100000001b3u;
    return (size_t)(h >> 32);
}

/* The document's main place: the one named most often, the more precise
 * on a tie, then the first.  -1 when there is none.  The mentions are
 * counted by place in an open-addressing table of gc->counts, at most
 * half full; the order of its slots does not matter, as no two places
 * have the same first mention. */
static int main_place(casus_geocoder *gc, long *out)
{
    *out = -1;
    if (gc->n_places == 0)
        return 0;
    size_t slots = 16;
    while (slots < 2 * gc->n_places)
        slots *= 2;
    if (CS_ARRAY_GROW(gc->counts, gc->counts_cap, slots) < 0)
        return CASUS_ENOMEM;
    memset(gc->counts, 0, slots * sizeof(gc->counts[0]));
    for (size_t m = 0; m < gc->n_places; m++) {
        const casus_place *p = &gc->places[m];
        if (gc->mentions[m].n_cands == 0)
            continue;       /* not placed yet: place_facilities() */
        size_t h = place_hash(p) & (slots - 1);
        while (gc->counts[h].first != 0 &&
               !same_place(&gc->places[gc->counts[h].first - 1], p))
            h = (h + 1) & (slots - 1);
        if (gc->counts[h].first == 0)
            gc->counts[h].first = (uint32_t)m + 1;
        gc->counts[h].n++;
    }
    const casus_place *best = NULL;
    size_t best_n = 0;
    for (size_t h = 0; h < slots; h++) {
        if (gc->counts[h].first == 0)
            continue;
        const casus_place *p = &gc->places[gc->counts[h].first - 1];
        const size_t n = gc->counts[h].n;
        if (best == NULL || n > best_n ||
            (n == best_n && (precision(p) > precision(best) ||
                             (precision(p) == precision(best) && p < best)))) {
            best = p;
            best_n = n;
        }
    }
    if (best != NULL)
        *out = best - gc->places;
    return 0;
}

void casus_geocoder_trim(casus_geocoder *gc)
{
    if (gc == NULL)
        return;
    strbuf_dispose(&gc->folded);
    text_map_dispose(&gc->map);
    CS_ARRAY_FREE(gc->toks, gc->toks_cap);
    gc->n_toks = 0;
    CS_ARRAY_FREE(gc->places, gc->places_cap);
    gc->n_places = 0;
    CS_ARRAY_FREE(gc->mentions, gc->mentions_cap);
    CS_ARRAY_FREE(gc->cands, gc->cands_cap);
    gc->n_cands = 0;
    CS_ARRAY_FREE(gc->counts, gc->counts_cap);
    gc->dateline_place = -1;
    gc->main_place = -1;
}

int casus_geocoder_places(casus_geocoder *gc, const casus_doc *doc,
                          const casus_place **places_out, size_t *count_out)
{
    *places_out = NULL;
    *count_out = 0;
    gc->n_places = 0;
    gc->n_cands = 0;
    gc->n_countries = 0;
    gc->n_divisions = 0;
    gc->dateline_place = -1;
    gc->main_place = -1;
    if (doc->text_len >= UINT32_MAX)
        return CASUS_ETOOBIG;
    text_dateline(doc->text, doc->text_len, &gc->dateline);
    int error = text_fold(&gc->folded, &gc->map, doc->text, doc->text_len);
    if (error < 0)
        return error;
    if ((error = tokenize(gc, doc->text)) < 0 ||
        (error = find_names(gc)) < 0)
        return error;
    resolve(gc);
    if ((error = main_place(gc, &gc->main_place)) < 0)
        return error;
    place_facilities(gc);
    *places_out = gc->places;
    *count_out = gc->n_places;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Event locations                                                     */
/* ------------------------------------------------------------------ */

const casus_place *casus_geocoder_locate(const casus_geocoder *gc,
                                         size_t start, size_t end)
{
    /* the places are in text order: find the first in the span */
    size_t lo = 0, hi = gc->n_places;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (gc->places[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    const casus_place *best = NULL, *town = NULL;
    for (size_t m = lo; m < gc->n_places && gc->places[m].end <= end; m++) {
        const casus_place *p = &gc->places[m];
        if (p->locative && (best == NULL || precision(p) > precision(best)))
            best = p;
        if (town == NULL && precision(p) == 3 &&
            strcmp(p->feature, "PPLC") != 0)
            town = p;
    }
    if (best != NULL)
        return best;
    if (town != NULL)
        return town;
    if (gc->dateline_place >= 0)
        return &gc->places[gc->dateline_place];
    return gc->main_place >= 0 ? &gc->places[gc->main_place] : NULL;
}

void casus_place_location(const casus_place *p, casus_location *out)
{
    memset(out, 0, sizeof(*out));
    /* cut a long name at a character boundary */
    size_t n = p->name ? strlen(p->name) : 0;
    if (n >= sizeof(out->name)) {
        n = sizeof(out->name) - 1;
        while (n > 0 && ((unsigned char)p->name[n] & 0xc0) == 0x80)
            n--;
    }
    if (n > 0)
        memcpy(out->name, p->name, n);
    memcpy(out->country, p->country3, sizeof(out->country));
    memcpy(out->iso2, p->country, sizeof(out->iso2));
    if (p->admin1 != NULL && p->admin1[0] != '\0')
        snprintf(out->adm1, sizeof(out->adm1), "%.2s.%.12s", p->country,
                 p->admin1);
    memcpy(out->feature, p->feature, sizeof(out->feature));
    out->lat = p->lat;
    out->lon = p->lon;
    out->geonames = p->geonames;
}

/* ------------------------------------------------------------------ */
/* Mention records                                                     */
/* ------------------------------------------------------------------ */

size_t casus_place_format(char *buf, size_t cap, const casus_doc *doc,
                          const casus_place *p)
{
    json_t *o = json_object();
    if (o == NULL)
        return 0;
    json_object_set_new(o, "doc", json_string(doc->id ? doc->id : ""));
    json_object_set_new(o, "start", json_integer((json_int_t)p->cp_start));
    json_object_set_new(o, "end", json_integer((json_int_t)p->cp_end));
    json_object_set_new(o, "text", json_stringn(doc->text + p->start,
                                                p->end - p->start));
    json_object_set_new(o, "kind", json_string("place"));
    json_object_set_new(o, "name", json_string(p->name ? p->name : ""));
    json_object_set_new(o, "geonames", p->geonames
                                           ? json_integer(p->geonames)
                                           : json_null());
    json_object_set_new(o, "lat", json_real(p->lat));
    json_object_set_new(o, "lon", json_real(p->lon));
    json_object_set_new(o, "country", json_string(p->country));
    json_object_set_new(o, "feature", json_string(p->feature));
    size_t n = json_dumpb(o, NULL, 0, JSON_COMPACT | JSON_PRESERVE_ORDER |
                                          JSON_REAL_PRECISION(7));
    if (n + 1 < cap) {
        json_dumpb(o, buf, cap, JSON_COMPACT | JSON_PRESERVE_ORDER |
                                    JSON_REAL_PRECISION(7));
        buf[n] = '\n';
        buf[n + 1] = '\0';
    }
    json_decref(o);
    return n + 1;
}
