/*
 * dictdef.h - the compiled form of a dictionary set (library-internal)
 *
 * Everything the loaders (dict.c, dict_petrarch.c, options.c, pattern.c)
 * build and the coder reads.  After loading, a casus_dict is immutable.
 * All strings and arrays live in the dictionary's arena; the entry and
 * verb tables are growable arrays owned by the dictionary.
 *
 * The model follows TABARI's: every dictionary phrase (actor, agent, verb,
 * noun, adjective, time phrase) is a sequence of words.  A phrase is found
 * in a sentence by its first word through `index`, then the rest of its
 * words are checked in order.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_DICTDEF_H
#define CASUS_DICTDEF_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "casus/dict.h"
#include "map.h"

/* ---- words and phrases ------------------------------------------------ */

/* How a dictionary word matches a word of text. */
enum {
    WM_STEM = 0,   /* prefix match: ACCEPT matches ACCEPTED, ACCEPTANCE */
    WM_EXACT = 1,  /* whole word, regular endings allowed ("ARNOR_") */
    WM_STRICT = 2  /* whole word only ("MOUSE=") */
};

/* Which regular endings an exact word accepts. */
enum { END_NOUN = 0, END_VERB = 1, END_NONE = 2 };

typedef struct dword {
    const char *w;      /* upper-case, NUL-terminated, no connectors */
    uint32_t hash;      /* map_hash(w, len), for the coder's prefilter */
    uint16_t len;
    uint8_t mode;       /* WM_* */
    uint8_t glue;       /* the next word must follow immediately */
} dword;

typedef struct dphrase {
    dword *words;       /* n_words entries; never NULL when n_words > 0 */
    uint16_t n_words;
    uint16_t length;    /* letters, for longest-first ordering */
} dphrase;

/* ---- codes ------------------------------------------------------------ */

/* One possibly date-limited actor code.  Dates are yyyymmdd integers. */
typedef struct actor_code {
    const char *code;   /* "SRBGOV", "A/B" compound, "---", "###", "+++" */
    int32_t from, to;   /* valid from..to inclusive; 0 / 99999999 open */
} actor_code;

/* ---- patterns --------------------------------------------------------- */

enum {
    PI_WORD = 0,   /* a literal word */
    PI_VERB,       /* the verb itself: '*' */
    PI_SOURCE,     /* '$' */
    PI_TARGET,     /* '+' */
    PI_BOTH,       /* '%': a compound that is source and target */
    PI_SKIP,       /* '^': pass over one actor */
    PI_ATTRIB,     /* '@': attribution actor, matched like '^' */
    PI_ALT         /* { a | b } or a synonym set: one of several sequences */
};

typedef struct pseq pseq;

typedef struct pitem {
    uint8_t kind;       /* PI_* */
    uint8_t glue;       /* the next item must follow immediately */
    uint8_t synset;     /* PI_ALT made from a synonym set (&NAME) */
    dword word;         /* PI_WORD */
    pseq *alts;         /* PI_ALT: n_alts sequences */
    uint16_t n_alts;
} pitem;

struct pseq {
    pitem *items;
    uint16_t n_items;
    uint16_t length;    /* letters (longest alternative for PI_ALT) */
};

#define PAT_REQ_MAX 4

typedef struct pattern {
    pseq seq;           /* holds exactly one PI_VERB at top level */
    uint16_t verb_at;   /* index of the PI_VERB item */
    uint8_t n_req;      /* words every match needs, as prefix hashes: */
    uint32_t req[PAT_REQ_MAX]; /* map_hash of top-level literal words */
    const char *code;   /* event code text: "064", "032:033", "023?", ... */
    const char *file;   /* borrowed from the dictionary's file list */
    uint32_t line;
} pattern;

typedef struct verb {
    const char *code;   /* root code; "---" when the root alone codes nothing */
    pattern *pats;      /* sorted longest first; stable in file order */
    uint32_t n_pats, pats_cap;
    const char *file;
    uint32_t line;
    const char *root;   /* the root as written, for explain */
} verb;

/* ---- entries ---------------------------------------------------------- */

enum {
    K_ACTOR = 0,
    K_AGENT,
    K_VERB,
    K_NOUN,
    K_ADJ,
    K_TIME,     /* time-shifting phrase */
    K_ATTRIB,   /* attribution verb */
    K_DISCARD   /* PETRARCH discard phrase */
};

typedef struct entry {
    dphrase ph;
    uint8_t kind;           /* K_* */
    uint8_t agent_suffix;   /* K_AGENT: "NGM~" puts the agent code first */
    uint8_t caps_only;      /* casus: from <ALLCAPS>, matches only words
                               written in capitals ("US", not "us") */
    uint8_t name_cap;       /* casus: from <CAPITALISED>, a name that is
                               also a common word ("Turkey", "turkey"):
                               needs a capital where the sentence writes
                               names with capitals */
    uint32_t seq;           /* load order, breaks ties */
    const char *file;
    uint32_t line;
    union {
        struct {            /* K_ACTOR */
            actor_code *codes;
            uint16_t n_codes;
            const char *parent; /* first phrase of its synonym group */
        } actor;
        const char *agent;  /* K_AGENT: code without '~' */
        uint32_t verb;      /* K_VERB, K_ATTRIB, K_TIME: index into verbs */
        const char *special;/* K_DISCARD: "###" */
    } u;
} entry;

/* The regular endings (END_*) the last word of an entry's phrase takes:
 * a verb's (-ED, -ING) for verbs and phrases coded like them, else a
 * noun's. */
static inline int entry_ends(int kind)
{
    switch (kind) {
    case K_VERB: case K_TIME: case K_ATTRIB: return END_VERB;
    default: return END_NOUN;
    }
}

/* How many words of e's phrase a sentence must hold words starting with:
 * all but a verb's last, since DEPLORE_ matches DEPLORING, which does not
 * start with DEPLORE (the coder's word prefilter). */
static inline uint16_t entry_held_words(const entry *e)
{
    return (uint16_t)(e->ph.n_words - (entry_ends(e->kind) == END_VERB));
}

/* ---- options ---------------------------------------------------------- */

enum { CODE_BY_CLAUSE = 0, CODE_BY_SENTENCE, CODE_ALL };
enum { NEG_OFF = 0, NEG_DROP, NEG_MARK, NEG_REJECT };

typedef struct coder_options {
    int code_by;            /* CODE_BY_* */
    int min_words;          /* sentences with fewer words are not coded */
    bool convert_agents;
    bool yyyy;              /* record dates have 4-digit years */
    bool time_shift;        /* apply <TIME> phrases */
    bool fbis;
    int negation;           /* casus: NEG_OFF (TABARI), NEG_DROP, NEG_MARK,
                               NEG_REJECT */
    bool one_sided;         /* casus: REQUIRE DYAD = FALSE, "" for a missing actor */
    bool lemmas;            /* casus: LEMMAS = TRUE, unmatched words try their verb lemma */
    char unknown_actor[8];  /* casus: what stands for the missing actor
                               of a converted agent: "~" (TABARI, the
                               default: ~COP) or e.g. "---" (---COP) */
    bool agentless_passive; /* casus: "were arrested" without BY: the
                               subject is the target */
    bool that_subject;      /* casus: "said that Iraq attacked": a verb
                               after THAT and an actor takes its actors
                               after the THAT */
    bool share_agents;      /* casus: "US and British activists": the
                               agent joins the adjectives before it */
    bool transitive_nouns;  /* casus: a word listed as a noun that is
                               also a verb is the verb between an actor
                               and an object ("forces attack the town") */
    bool comma_clauses;     /* casus: a comma phrase with an actor and
                             * then its verb is a clause, never dropped */
    bool noun_compounds;    /* casus: THE/A/AN, a modifier and a verb
                             * word ("a mortar bomb") make a noun */
    bool possessive_nouns;  /* casus: a verb after HIS, ITS, THEIR, OUR,
                               MY or YOUR is a noun ("his vow") */
    bool reduced_relatives; /* casus: "the men detained for X were freed
                               by Y": the finite verb codes first */
    bool seat_places;       /* casus: "in Beijing" is China, not CHNGOV */
    bool body_voices;       /* casus: "leaders of the Muslim
                               Brotherhood" are the Brotherhood */
    bool stated_intent;     /* casus: "X said it would free them" is an
                               intent (03), "would attack" a threat */
    bool conditions;        /* casus: a verb after IF or UNLESS in its
                               clause is no event */
    bool hyphen_modifiers;  /* casus: "military-ruled Myanmar": an agent
                               hyphened to RULED, LED, ... is an
                               adjective */
    bool allegations;       /* casus: "Iraq said Iran attacked" is also
                               Iraq 112 Iran, "Iraq said it attacked"
                               Iraq 015 (needs that_subject) */
    struct {                /* casus IMPLIED: a code's usual source */
        char code[8];
        char actor[16];
    } implied[16];
    int n_implied;
    /* complexity filter; 0 disables a count */
    int cx_verbs, cx_actors, cx_pronouns, cx_conj, cx_comma, cx_lateverb;
    bool cx_noactprior, cx_noactafter, cx_noverb, cx_nosource, cx_notarget,
        cx_noevent;
    /* DEFAULT: */
    char def_source[32], def_target[32];
    bool def_source_prior, def_target_after;
    /* COMMA: lengths of clauses dropped between commas */
    bool comma_off;
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin,
        comma_bmax;
    /* FORWARD: carry pronoun references across records */
    bool forward;
} coder_options;

void options_default(coder_options *o);
/* Apply one .options line; returns 0, or -1 for an unknown command. */
int options_apply(coder_options *o, const char *line);

/* ---- the dictionary set ------------------------------------------------ */

#define DICT_BLOOM_WORDS 4096 /* 2^18 bits, 32 KB */

struct casus_dict {
    arena mem;              /* every string, phrase and code */
    entry *entries;         /* all phrases, in load order */
    size_t n_entries, entries_cap;
    verb *verbs;
    size_t n_verbs, verbs_cap;
    map index;              /* first word -> entry_list* */
    uint64_t key_lens[256]; /* by a key's first byte: bit L-1 set when some
                               key of length L (L <= 64) starts with it */
    uint64_t key_bloom[DICT_BLOOM_WORDS]; /* two bits per key of `index`,
                               from its hash: most words that start no key
                               are turned away before the table probe */
    map synsets;            /* "&NAME" -> pseq* (one PI_ALT item) */
    coder_options opts;
    const char **files;     /* every file loaded, for file:line reports */
    size_t n_files, files_cap;
    casus_diag_fn on_problem;
    void *problem_payload;
    casus_dict_stats stats;
    bool has_time;          /* a <TIME> section was read */
    const dword **name_cap_words;   /* casus: the first word of each
                                       actor from <CAPITALISED> */
    size_t n_name_cap_words, name_cap_words_cap;
    bool split_nt;          /* some phrase has the word N'T (Treebank's
                               "did n't"): split "didn't" the same way */
    bool has_attrib;
};

/* The two bloom bits of a key hash (map_hash of the key). */
static inline void dict_bloom_add(uint64_t *bloom, uint32_t h)
{
    const uint32_t a = h & 0x3ffff, b = (h >> 14) & 0x3ffff;
    bloom[a >> 6] |= 1ull << (a & 63);
    bloom[b >> 6] |= 1ull << (b & 63);
}

/* false: no key of `index` has hash h */
static inline bool dict_bloom_may(const uint64_t *bloom, uint32_t h)
{
    const uint32_t a = h & 0x3ffff, b = (h >> 14) & 0x3ffff;
    return (bloom[a >> 6] >> (a & 63) & 1) && (bloom[b >> 6] >> (b & 63) & 1);
}

/* Entries that start with the same first word (as written). */
typedef struct entry_list {
    uint32_t *ids;
    uint32_t n, cap;
} entry_list;

/* ---- shared helpers ---------------------------------------------------- */

/* Report a problem at file:line through the dictionary's callback and diag.
 * Returns CASUS_EPARSE. */
int dict_problem(casus_dict *d, casus_diag *diag, const char *file,
                 long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Parse a phrase ("UNITED_NATIONS", "AL GORE", "MOUSE=") into words. */
int dict_parse_phrase(casus_dict *d, const char *s, size_t len,
                      dphrase *out);

/* Add an entry (copied) and index it; returns its id or -1 on OOM. */
long dict_add_entry(casus_dict *d, const entry *e);

/* Add a verb (copied); returns its index or -1 on OOM. */
long dict_add_verb(casus_dict *d, const verb *v);

/* Compile one pattern line ("- * FOR { A | B } [172]") for verb `v`. */
int pat_compile(casus_dict *d, verb *v, const char *text, size_t len,
                const char *code, const char *file, uint32_t line,
                casus_diag *diag);

/* Sort each verb's patterns longest first; call after loading. */
void pat_sort(casus_dict *d);

/* casus: the one-word members of synonym set NAME ("&CASUS_SAYING"),
 * at most cap of them, in the order written; 0 when no verbs file
 * defines the set.  Rules of ours read their word classes this way
 * (doc/dict-format.md 7.5). */
size_t pat_synset_words(const casus_dict *d, const char *name,
                        const dword **out, size_t cap);

/* Define a synonym set from its member lines (already split). */
int pat_define_synset(casus_dict *d, const char *name, const char **members,
                      size_t n_members, const char *file, uint32_t line,
                      casus_diag *diag);

/* Does text word `t` (length tl) match dictionary word `w`?  `ends` says
 * which regular endings an exact word accepts. */
bool word_match(const dword *w, const char *t, size_t tl, int ends);

/* Parse a yymmdd / yyyymmdd date; returns yyyymmdd or -1. */
int32_t dict_parse_date(const char *s, size_t len);

/* First case-insensitive occurrence of needle in hay, or NULL. */
const char *dict_find_ci(const char *hay, const char *needle);

/* Store a string in the dictionary's arena. */
const char *dict_strndup(casus_dict *d, const char *s, size_t n);

/* Loaders by format; each reads the whole file at path. */
int dict_load_tabari(casus_dict *d, const char *path, int kind,
                     casus_diag *diag);
int dict_load_petrarch_verbs(casus_dict *d, const char *path,
                             casus_diag *diag);
int dict_load_petrarch_discards(casus_dict *d, const char *path,
                                casus_diag *diag);
int dict_load_options(casus_dict *d, const char *path, casus_diag *diag);

/* Read a whole file into a NUL-terminated buffer (cs_free it). */
int dict_read_file(const char *path, char **out, size_t *len_out);

#endif
