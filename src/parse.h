/*
 * parse.h - TABARI-style sparse parse of one sentence (library-internal)
 *
 * sentence.c turns a sentence into tokens, finds the dictionary phrases in
 * them (actors, agents, verbs, nouns, ...), builds actor mentions with
 * their agents, parsed compounds, pronoun references, drops short
 * comma-delimited clauses and splits the rest into clauses.  coder.c then
 * matches verb patterns over the result and makes events.
 *
 * All arrays belong to a parse_state that is reused from sentence to
 * sentence, so coding allocates nothing once warm.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_PARSE_H
#define CASUS_PARSE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "casus/event.h"
#include "dictdef.h"
#include "strbuf.h"
#include "text.h"
#include "wordcache.h"

/* Word types, after TABARI's parse display. */
enum {
    T_NULL = 0, T_ACTOR, T_AGENT, T_VERB, T_NOUN, T_ADJ, T_TIME, T_DET,
    T_CONJ, T_PRON, T_AUX, T_BY, T_COMMA, T_NUM, T_PREP, T_QUOTE, T_FORMER,
    T_ATTRIB, T_DISCARD
};

typedef struct tok {
    const char *w;      /* upper-case, folded; NUL-terminated in `words` */
    uint16_t len;
    uint8_t type;       /* T_* */
    uint8_t cap;        /* first letter capitalised in the original */
    uint8_t allcap;     /* no lower-case letter in the original word */
    uint8_t deleted;    /* inside a dropped comma-delimited clause */
    uint8_t absorbed;   /* a conjunction or comma inside a compound */
    uint8_t opens;      /* casus COMMA CLAUSES: a comma that opens a
                           clause of its own, split there */
    int16_t unit;       /* dictionary match covering it, or -1 */
    int16_t mention;    /* actor mention covering it, or -1 */
    int16_t live_at;    /* index in the live list, -1 when deleted */
    uint32_t start, end;/* byte offsets in the sentence text */
    uint32_t hash;      /* map_hash of the word */
} tok;

/* A dictionary phrase found in the sentence. */
typedef struct unit {
    uint16_t first, last;   /* token span, inclusive */
    uint32_t entry;         /* index into dict->entries */
    uint8_t type;           /* T_* after noun shifting and null codes */
    const char *code;       /* actor: resolved code; verb: root code */
} unit;

#define MAX_CODES 8

enum { PLACE_NONE = 0, PLACE_HELD, PLACE_DESTINATION };

typedef struct mention {
    uint16_t first, last;   /* token span, agents included */
    int16_t compound;       /* compound id or -1 */
    int16_t ref;            /* pronoun: mention it refers to, or -1 */
    int16_t ref_compound;   /* pronoun: compound it refers to, or -1 */
    uint8_t pronoun;
    uint8_t forwarded;      /* a pronoun given the previous sentence's actor */
    uint8_t place;          /* casus: a place, not an actor acting:
                               PLACE_HELD, land by its holder
                               ("rebel-held"), or PLACE_DESTINATION, where
                               one goes ("left for Beijing"); never a
                               source (coder.c says when a target) */
    uint16_t went_by;       /* PLACE_DESTINATION: token of the going word */
    uint8_t n_codes;
    char codes[MAX_CODES][CASUS_ACTOR_MAX];
    char base[CASUS_ACTOR_MAX];  /* code before agents, for compares */
    uint32_t entry;         /* actor or agent entry that made it */
} mention;

typedef struct compound {
    int16_t members[32];
    uint8_t n;
} compound;

typedef struct clause {
    uint16_t first, last;   /* live-token span, inclusive */
} clause;

/* casus: word classes that rules of ours read from synonym sets of the
 * verbs files (doc/dict-format.md 7.5), resolved once by parse_init():
 * the words are the dictionary's, and a set no file defines leaves its
 * rule nothing to match. */
enum {
    WCL_SAYING,         /* &CASUS_SAYING: SAY, CLAIM, ALLEGE, ... */
    WCL_ANNOUNCING,     /* &CASUS_ANNOUNCING: ANNOUNCE, PROMISE, ... */
    WCL_VOICES,         /* &CASUS_VOICES: LEADER, SPOKESMAN, ... */
    WCL_RULING,         /* &CASUS_RULING: RULED, LED, BACKED, ... */
    WCL_N
};

#define WORD_CLASS_MAX 32

typedef struct word_class {
    const dword *w[WORD_CLASS_MAX];
    uint8_t n;
} word_class;

typedef struct parse_state {
    const casus_dict *dict;
    coder_options opts;
    int32_t date;           /* yyyymmdd of the record, 0 when unknown */
    const char *text;       /* the sentence as given */
    size_t text_len;
    strbuf words;           /* folded words, NUL-separated */
    strbuf fold;            /* the sentence folded, when not ASCII */
    text_map fmap;          /* fold offsets back into the sentence */
    tok *toks;
    size_t n_toks, toks_cap;
    unit *units;
    size_t n_units, units_cap;
    mention *mentions;
    size_t n_mentions, mentions_cap;
    compound *compounds;
    size_t n_compounds, compounds_cap;
    uint16_t *live;         /* indices of tokens not deleted */
    size_t n_live, live_cap;
    clause *clauses;
    size_t n_clauses, clauses_cap;
    wordcache wc;           /* the entries and lemma of each word seen */
    word_class classes[WCL_N];
    uint64_t prefixes[64];  /* Bloom filter of every word prefix: bit
                               (map_hash(prefix) & 4095) is set */
    bool all_caps;
    bool names_cap;         /* casus <CAPITALISED>: the sentence writes
                               names with capitals (classify()) */
    bool may_name_day;      /* some word may begin a date expression
                               (dates_may_begin()), or the words may not
                               show it: only then dates_resolve() */
    bool discard;           /* a ### code was found */
    bool complex;           /* a +++ code or the complexity filter */
    const char *why_complex;
    int time_shift;         /* days, from a <TIME> phrase */
    /* FORWARD: the previous sentence's first actor, for a pronoun that
     * comes before any actor; set by the caller between sentences */
    bool fwd_set;
    char fwd_code[CASUS_ACTOR_MAX];
} parse_state;

void parse_init(parse_state *ps, const casus_dict *d);
void parse_dispose(parse_state *ps);
/* Free the buffers that grow with a sentence's length (its fold); the
 * others are bounded by the token limit. */
void parse_release(parse_state *ps);

/*
 * Parse one sentence.  `text` must stay valid while the parse is used.
 * Returns 0, or CASUS_ENOMEM.
 */
int parse_sentence(parse_state *ps, const char *text, size_t len,
                   int32_t date);

/* Number of words as TABARI counts them for MINIMUM WORDS. */
size_t parse_word_count(const parse_state *ps);

/* Live-token helpers. */
static inline const tok *live_tok(const parse_state *ps, size_t i)
{
    return &ps->toks[ps->live[i]];
}

const char *parse_type_name(int type);

/* Is token t one of the n words? */
static inline bool tok_is_any(const tok *t, const char *const *words,
                              size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const size_t len = strlen(words[i]);
        if (t->len == len && memcmp(t->w, words[i], len) == 0)
            return true;
    }
    return false;
}

/* Does the word of n letters at w end in -ING, with a stem before it
 * ("shelling", not "king")? */
static inline bool word_ends_ing(const char *w, size_t n)
{
    return n > 4 && memcmp(w + n - 3, "ING", 3) == 0;
}

/* Is the word of n letters at w a past participle by its ending, -ED or
 * -EN after at least two letters ("detained", "taken")? */
static inline bool word_is_participle(const char *w, size_t n)
{
    return n > 3 && w[n - 2] == 'E' && (w[n - 1] == 'D' || w[n - 1] == 'N');
}

/* casus: is token t a word of class cls (WCL_*)?  Members match as
 * pattern words of a verb do: a stem its longer words, WORD_ the word
 * and its regular verb endings. */
static inline bool tok_in_class(const parse_state *ps, const tok *t, int cls)
{
    const word_class *c = &ps->classes[cls];
    for (size_t i = 0; i < c->n; i++)
        if (word_match(c->w[i], t->w, t->len, END_VERB))
            return true;
    return false;
}

/* May some word of the sentence start with the word whose map_hash is h?
 * False means certainly not; true may be wrong (a Bloom filter). */
static inline bool parse_may_have_prefix(const parse_state *ps, uint32_t h)
{
    return (ps->prefixes[(h >> 6) & 63] >> (h & 63)) & 1;
}

/* After a sentence: remember its first actor for FORWARD (a sentence with
 * no actor of its own passes the earlier one on).  forget = new story. */
void parse_forward(parse_state *ps, bool forget);

#endif
