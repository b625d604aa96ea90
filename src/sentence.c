/*
 * sentence.c - sparse parse of one sentence, as TABARI's manual describes
 *
 * The steps, in order (manual 7.10):
 *   1. filter and tokenise: upper case, '-' '?' '!' become blanks, ';' a
 *      comma, commas and double quotes are words of their own, a period
 *      after a lower-case letter ends its word;
 *   2. find dictionary phrases, longest first, and give every word a type;
 *      verbs after THE/A/AN or capitalised inside a sentence become nouns;
 *      date-limited actor codes are resolved against the record's date;
 *   3. actor mentions take adjacent agents (and FORMER);
 *   4. compound noun and adjective phrases absorb their conjunctions;
 *      lists of actors joined by AND, OR, NOR and commas become compounds;
 *   5. pronouns refer to earlier actors;
 *   6. short comma-delimited clauses are dropped;
 *   7. the rest is split into clauses at the remaining conjunctions;
 *   8. the complexity filter of the options is applied.
 * Pattern matching and events are coder.c's.
 *
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "dates.h"
#include "parse.h"
#include "wordcache.h"

/* ---- state -------------------------------------------------------------- */

void parse_init(parse_state *ps, const casus_dict *d)
{
    memset(ps, 0, sizeof(*ps));
    ps->dict = d;
    ps->opts = d->opts;
    ps->words = (strbuf)STRBUF_INIT;
    ps->fold = (strbuf)STRBUF_INIT;
    ps->fmap = (text_map)TEXT_MAP_INIT;
    static const char *const sets[WCL_N] = {
        [WCL_SAYING] = "&CASUS_SAYING",
        [WCL_ANNOUNCING] = "&CASUS_ANNOUNCING",
        [WCL_VOICES] = "&CASUS_VOICES",
        [WCL_RULING] = "&CASUS_RULING",
    };
    for (int c = 0; c < WCL_N; c++)
        ps->classes[c].n = (uint8_t)pat_synset_words(d, sets[c],
                                                     ps->classes[c].w,
                                                     WORD_CLASS_MAX);
}

void parse_dispose(parse_state *ps)
{
    strbuf_dispose(&ps->words);
    strbuf_dispose(&ps->fold);
    text_map_dispose(&ps->fmap);
    wordcache_dispose(&ps->wc);
    cs_free(ps->toks);
    cs_free(ps->units);
    cs_free(ps->mentions);
    cs_free(ps->compounds);
    cs_free(ps->live);
    cs_free(ps->clauses);
    memset(ps, 0, sizeof(*ps));
}

void parse_release(parse_state *ps)
{
    strbuf_dispose(&ps->fold);
    text_map_dispose(&ps->fmap);
}

const char *parse_type_name(int type)
{
    static const char *const names[] = {
        "null", "actor", "agent", "verb", "noun", "adjective", "time",
        "determiner", "conjunction", "pronoun", "auxiliary", "by", "comma",
        "number", "preposition", "quote", "former", "attribution", "discard"
    };
    return type >= 0 && type <= T_DISCARD ? names[type] : "?";
}

/* ---- 1. tokens ---------------------------------------------------------- */

#define MAX_TOKS 2000   /* tokens kept of a sentence */

/* Add byte c to the hash h of a word's first bytes, and note the prefix
 * that makes for the coder's pattern prefilter; returns the new hash. */
static inline uint32_t note_prefix(parse_state *ps, uint32_t h,
                                   unsigned char c)
{
    h = map_hash_add(h, c);
    ps->prefixes[(h >> 6) & 63] |= 1ull << (h & 63);
    return h;
}

/* Note every prefix of the n bytes at w; returns the whole word's hash,
 * for the word cache. */
static uint32_t note_prefixes(parse_state *ps, const char *w, size_t n)
{
    uint32_t h = MAP_HASH_INIT;
    for (size_t l = 0; l < n; l++)
        h = note_prefix(ps, h, (unsigned char)w[l]);
    return h;
}

/* Make the word already written at the end of `words` a token of len
 * bytes, whose prefixes are noted and whose hash is hash; tokenize() has
 * made room for every token and word the sentence can hold.  The word
 * and its NUL are kept NUL-terminated as a strbuf is, and `words` does
 * not move while the sentence is cut up. */
static tok *claim_tok(parse_state *ps, size_t len, bool cap, uint32_t start,
                      uint32_t end, int type, uint32_t hash)
{
    char *out = ps->words.buf + ps->words.len;
    out[len] = '\0';
    out[len + 1] = '\0';
    ps->words.len += len + 1;
    tok *t = &ps->toks[ps->n_toks++];
    *t = (tok){ .w = out, .len = (uint16_t)len, .type = (uint8_t)type,
                .cap = cap, .unit = -1, .mention = -1, .start = start,
                .end = end, .hash = hash };
    return t;
}

/* Add a token that is a copy of w. */
static void push_tok(parse_state *ps, const char *w, size_t len, bool cap,
                     uint32_t start, uint32_t end, int type)
{
    if (ps->n_toks >= MAX_TOKS)
        return;     /* far beyond any sentence; the rest is ignored */
    memcpy(ps->words.buf + ps->words.len, w, len);
    claim_tok(ps, len, cap, start, end, type, note_prefixes(ps, w, len));
}

/* ASCII classes, as <ctype.h> has them in the C locale, without its
 * calls: the tokenizer asks them of every byte. */
static inline bool ascii_lower(unsigned char c)
{
    return (unsigned)(c - 'a') < 26u;
}

static inline bool ascii_upper(unsigned char c)
{
    return (unsigned)(c - 'A') < 26u;
}

static inline bool ascii_digit(unsigned char c)
{
    return (unsigned)(c - '0') < 10u;
}

/* What the tokenizer sees in a byte.  Words are made of letters,
 * digits, ' . & and every byte of a multi-byte character; WB_SLOW marks
 * the period and the bytes that may begin a mark punct_utf8() maps. */
enum { WB_KEEP, WB_LOWER, WB_NONE, WB_SLOW };   /* WB_LOWER is 1 */

#define _ WB_NONE
#define K WB_KEEP
#define L WB_LOWER
#define S WB_SLOW
static const uint8_t word_bytes[256] = {
    _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _,
    _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _,
    _, _, _, _, _, _, K, K, _, _, _, _, _, _, S, _,
    K, K, K, K, K, K, K, K, K, K, _, _, _, _, _, _,
    _, K, K, K, K, K, K, K, K, K, K, K, K, K, K, K,
    K, K, K, K, K, K, K, K, K, K, K, _, _, _, _, _,
    _, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, _, _, _, _, _,
    K, K, K, K, K, K, K, K, K, K, K, K, K, K, K, K,
    K, K, K, K, K, K, K, K, K, K, K, K, K, K, K, K,
    K, K, K, K, K, K, K, K, K, K, K, K, K, K, K, K,
    K, K, K, K, K, K, K, K, K, K, K, K, K, K, K, K,
    K, K, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
};
#undef _
#undef K
#undef L
#undef S

static inline bool is_word_byte(unsigned char c)
{
    return word_bytes[c] != WB_NONE;
}

/* Map the few multi-byte punctuation marks that matter to ASCII. */
static int punct_utf8(const unsigned char *s, size_t n, char *out)
{
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) {
        switch (s[2]) {
        case 0x98: case 0x99: case 0x9B: *out = '\''; return 3;
        case 0x9C: case 0x9D: case 0x9F: *out = '"'; return 3;
        case 0x93: case 0x94: case 0x90: case 0x91: case 0x92:
            *out = '-';
            return 3;
        default: break;
        }
    }
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) {
        *out = ' ';
        return 2;
    }
    return 0;
}

/* Is every character of s past ASCII one that punct_utf8() maps, as
 * text_fold() does (quotes, dashes, the no-break space)?  Such text
 * ("Russia’s", “ ” and –, in much of the news) is cut up as it stands,
 * without a fold and its map. */
static bool only_mapped_punct(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x80)
            continue;
        char sub;
        const int n = punct_utf8(s + i, len - i, &sub);
        if (n == 0)
            return false;
        i += (size_t)n - 1;
    }
    return true;
}

/* Has s an ASCII lower-case letter, and a byte past ASCII?  Eight bytes
 * at a time: for a byte x below 0x80, x + 0x1F sets bit 7 from 'a' up and
 * x + 0x05 from past 'z' up, without a carry into the next byte. */
static void scan_bytes(const unsigned char *s, size_t len, bool *lower,
                       bool *high)
{
    const uint64_t ones = 0x0101010101010101u, top = 0x8080808080808080u;
    uint64_t low = 0, hi = 0;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        const uint64_t t = x & ~top;
        low |= (t + 0x1F * ones) & ~(t + 0x05 * ones) & ~x & top;
        hi |= x & top;
    }
    bool any_lower = low != 0, any_high = hi != 0;
    for (; i < len; i++) {
        any_lower = any_lower || ascii_lower(s[i]);
        any_high = any_high || s[i] >= 0x80;
    }
    *lower = any_lower;
    *high = any_high;
}

/*
 * Text that is not ASCII is folded first (text_fold: "Vučić" -> "VUCIC",
 * curly quotes -> straight); case and offsets are then read from the
 * original through the fold's map.
 */
static int tokenize(parse_state *ps, const char *text, size_t len)
{
    const unsigned char *orig = (const unsigned char *)text;
    const unsigned char *s = orig;
    const text_map *fm = NULL;
    text_map_cursor at = TEXT_MAP_CURSOR(&ps->fmap);
    size_t i = 0;
    bool lower, high;

    scan_bytes(orig, len, &lower, &high);
    ps->all_caps = !lower;
    if (high && !only_mapped_punct(orig, len)) {
        int err = text_fold(&ps->fold, &ps->fmap, text, len);
        if (err == CASUS_ENOMEM)
            return err;
        if (err == 0) {
            s = (const unsigned char *)ps->fold.buf;
            len = ps->fold.len;
            fm = &ps->fmap;
            /* the fold joins what the text's bytes part ("Mayé") */
            ps->may_name_day = true;
        }
    }
    /* room for every token and word: a token takes at least one byte
     * of text, a word splits at most once (N'T), and a word and its NUL
     * take at most two bytes per byte of text */
    const size_t max_toks = len + 1 < MAX_TOKS ? len + 1 : MAX_TOKS;
    if (max_toks > ps->toks_cap &&
        CS_ARRAY_GROW(ps->toks, ps->toks_cap, max_toks) < 0)
        return CASUS_ENOMEM;
    if (strbuf_grow(&ps->words, 2 * len + 2) < 0)
        return CASUS_ENOMEM;
    memset(ps->prefixes, 0, sizeof(ps->prefixes));
#define ORIG(i) (fm ? text_map_cursor_byte(&at, (i)) : (i))
#define LOWER_AT(i) ascii_lower(orig[ORIG(i)])
    while (i < len) {
        char sub;
        unsigned char c = s[i];
        size_t step = 1;
        int pn;
        if (c == ' ') {
            i++;    /* the most frequent byte between words */
            continue;
        }
        /* only bytes from 0xC2 on can start what punct_utf8() maps */
        if (c >= 0xC2 && (pn = punct_utf8(s + i, len - i, &sub)) != 0) {
            c = (unsigned char)sub;
            step = (size_t)pn;
        }
        if (c == ',' || c == ';') {
            /* commas inside numbers vanish: 1,500 */
            if (c == ',' && i > 0 && i + 1 < len && ascii_digit(s[i - 1]) &&
                ascii_digit(s[i + 1])) {
                i++;
                continue;
            }
            push_tok(ps, ",", 1, false, (uint32_t)ORIG(i),
                     (uint32_t)ORIG(i + 1), T_COMMA);
            i += step;
            continue;
        }
        if (c == '"') {
            push_tok(ps, "\"", 1, false, (uint32_t)ORIG(i),
                     (uint32_t)ORIG(i + step), T_QUOTE);
            i += step;
            continue;
        }
        if (!is_word_byte(c)) {
            i += step;
            continue;
        }
        /* a word, written straight to the end of `words` */
        const size_t start = i;
        char *const out = ps->words.buf + ps->words.len;
        size_t bl = 0;
        unsigned lowers = 0;    /* bit 0: an a-z was seen */
        const bool cap = ascii_upper(orig[ORIG(i)]);
        int periods = 0;
        uint32_t h = MAP_HASH_INIT;     /* of out[0, bl), noted as written */
        for (;;) {
            /* letters, digits, ' and &, up to the 63 characters at which
             * TABARI splits a word; a-z becomes A-Z (WB_LOWER is 1) */
            const size_t lim = len - i < 63 - bl ? len : i + (63 - bl);
            const unsigned char *p = s + i;
            const unsigned char *const p_end = s + lim;
            char *o = out + bl;
            while (p < p_end) {
                const unsigned b = *p;
                const unsigned kind = word_bytes[b];
                if (kind > WB_LOWER)
                    break;
                lowers |= kind;
                const unsigned char u = (unsigned char)(b - (kind << 5));
                *o++ = (char)u;
                h = note_prefix(ps, h, u);
                p++;
            }
            i = (size_t)(p - s);
            bl = (size_t)(o - out);
            if (i >= len || word_bytes[s[i]] == WB_NONE)
                break;
            if (bl >= 63) {
                ps->may_name_day = true;    /* a run of letters cut */
                break;
            }
            /* a period, or a byte that may begin a mapped mark */
            c = s[i];
            step = 1;
            if (c >= 0xC2 && (pn = punct_utf8(s + i, len - i, &sub)) != 0) {
                c = (unsigned char)sub;
                step = (size_t)pn;
                if (!is_word_byte(c))
                    break;
            }
            if (c == '.') {
                if (i > 0 && LOWER_AT(i - 1))
                    break;  /* end of sentence or a lower-case abbrev. */
                periods++;
            }
            out[bl++] = (char)c;
            h = note_prefix(ps, h, c);
            i += step;
        }
        const size_t written = bl;
        if (i < len && s[i] == '.')
            i++;
        size_t end = i;
        /* a final period is punctuation unless the word is an abbreviation
         * with inner periods (U.S., U.N.) */
        if (bl > 1 && out[bl - 1] == '.' && periods == 1)
            bl--;
        /* leading apostrophes are quotes */
        size_t off = 0;
        while (off < bl && out[off] == '\'')
            off++;
        while (bl > off + 1 && out[bl - 1] == '\'' && out[bl - 2] != 'S')
            bl--;
        /* a dictionary written for Treebank tokens ("DID N'T", "CA N'T")
         * gets "didn't" as two words */
        size_t nt = 0;
        if (ps->dict->split_nt && bl >= off + 4 &&
            memcmp(out + bl - 3, "N'T", 3) == 0)
            nt = 3;
        if (bl - nt > off && ps->n_toks < MAX_TOKS) {
            int type = ascii_digit((unsigned char)out[off]) ? T_NUM : T_NULL;
            const size_t q_end = ORIG(end - nt);
            if (off > 0)
                memmove(out, out + off, bl - off);
            /* the prefixes of what was written are noted: a word cut
             * short has its own hash, and its prefixes are among them
             * unless its start was cut (the filter only says "maybe"
             * to the rest) */
            const size_t wl = bl - off - nt;
            if (wl != written)
                h = note_prefixes(ps, out, wl);
            tok *pt = claim_tok(ps, wl, cap, (uint32_t)ORIG(start),
                                (uint32_t)q_end, type, h);
            /* no lower-case letter in the original word */
            pt->allcap = 1;
            if (fm == NULL && nt == 0) {
                pt->allcap = !(lowers & 1);
            } else {
                for (size_t q = ORIG(start); q < q_end; q++)
                    if (ascii_lower(orig[q]))
                        pt->allcap = 0;
            }
            if (nt) {
                push_tok(ps, "N'T", 3, false, (uint32_t)ORIG(end - nt),
                         (uint32_t)ORIG(end), T_NULL);
                ps->may_name_day = true;    /* a run of letters cut */
            }
        }
        if (i == start)
            i++;
    }
#undef ORIG
#undef LOWER_AT
    if (ps->n_toks >= MAX_TOKS)
        ps->may_name_day = true;    /* words may have been left out */
    return 0;
}

size_t parse_word_count(const parse_state *ps)
{
    size_t n = 0;
    for (size_t i = 0; i < ps->n_toks; i++)
        if (ps->toks[i].type != T_QUOTE)
            n++;
    return n;
}

/* ---- 2. dictionary phrases ---------------------------------------------- */

#define MAX_PHRASE 32

/*
 * Match phrase `ph` starting at token i.  Words not glued by '_' may have
 * other words between them, as far as the next comma (TABARI's "AL GORE"
 * matches Al "The Weasel" Gore).  Returns the last token or -1; pos, when
 * given, receives the token of each phrase word.
 */
static long match_phrase(const parse_state *ps, const dphrase *ph, size_t i,
                         int ends, uint16_t *pos)
{
    const tok *t = &ps->toks[i];
    if (t->type == T_COMMA || t->type == T_QUOTE)
        return -1;
    if (!word_match(&ph->words[0], t->w, t->len,
                    ph->n_words == 1 ? ends : END_NONE))
        return -1;
    size_t j = i;
    if (pos)
        pos[0] = (uint16_t)i;
    for (uint16_t k = 1; k < ph->n_words; k++) {
        int e = k + 1 == ph->n_words ? ends : END_NONE;
        const dword *w = &ph->words[k];
        if (ph->words[k - 1].glue) {
            j++;
            if (j >= ps->n_toks || ps->toks[j].type == T_COMMA ||
                !word_match(w, ps->toks[j].w, ps->toks[j].len, e))
                return -1;
        } else {
            size_t m = j + 1;
            for (; m < ps->n_toks; m++) {
                if (ps->toks[m].type == T_COMMA)
                    return -1;
                if (word_match(w, ps->toks[m].w, ps->toks[m].len, e))
                    break;
            }
            if (m >= ps->n_toks)
                return -1;
            j = m;
        }
        if (pos && k < MAX_PHRASE)
            pos[k] = (uint16_t)j;
    }
    return (long)j;
}

/* Can the words after the first of e's phrase all be in the sentence?
 * (Bloom prefilter, over the words entry_held_words() counts.) */
static bool phrase_possible(const parse_state *ps, const entry *e)
{
    const uint16_t n = entry_held_words(e);
    for (uint16_t k = 1; k < n; k++)
        if (!parse_may_have_prefix(ps, e->ph.words[k].hash))
            return false;
    return true;
}

/* casus <CAPITALISED>: may a word in lower case begin one of the names
 * that need a capital?  Only then does names_capitalised() matter.  The
 * prefix filter turns most names away at once ("China" is common, a
 * lower-case "china" is not). */
static bool lower_name_possible(const parse_state *ps)
{
    const casus_dict *d = ps->dict;
    const dword *maybe[8];
    size_t n = 0;
    for (size_t k = 0; k < d->n_name_cap_words; k++)
        if (parse_may_have_prefix(ps, d->name_cap_words[k]->hash)) {
            if (n == sizeof(maybe) / sizeof(maybe[0]))
                return true;    /* too many to try one by one */
            maybe[n++] = d->name_cap_words[k];
        }
    for (size_t i = 0; i < ps->n_toks && n > 0; i++) {
        const tok *t = &ps->toks[i];
        if (t->cap)
            continue;
        for (size_t k = 0; k < n; k++)
            if (t->len >= maybe[k]->len &&
                memcmp(t->w, maybe[k]->w, maybe[k]->len) == 0)
                return true;
    }
    return false;
}

/* casus <CAPITALISED>: does the sentence write names with capitals?  It
 * does when it is not all in capitals and a capitalised word after its
 * first begins an actor phrase ("US and British activists ... scaling a
 * pole").  Then "pole", "turkey" or "china" written in lower case is a
 * common word, not Poland, Turkey or China.  Text in lower case only (or
 * with its names in lower case) gives no such sign and keeps its actors. */
static bool names_capitalised(parse_state *ps)
{
    if (ps->all_caps)
        return false;
    if (!lower_name_possible(ps))
        return false;
    for (size_t i = 1; i < ps->n_toks; i++) {
        const tok *t = &ps->toks[i];
        if (!t->cap || t->type == T_COMMA || t->type == T_QUOTE)
            continue;
        const wc_slot *ws = wordcache_word(&ps->wc, ps->dict, t->w, t->len,
                                           t->hash);
        if (ws == NULL)
            continue;
        const wc_cand *cands;
        const size_t n = wordcache_cands(&ps->wc, ws, &cands);
        for (size_t k = 0; k < n; k++)
            if (cands[k].kind == K_ACTOR && !cands[k].caps_only)
                return true;
    }
    return false;
}

/* Best dictionary phrase starting at token i, among the entries its word
 * begins: longest, then earliest; only entries of kind `only` unless it
 * is -1.  Always inlined: it runs for every word, and once it had a
 * third caller LTO made it a call, 20M more instructions on a pass of
 * news-dev. */
static inline __attribute__((always_inline)) long
best_entry(const parse_state *ps, size_t i, const wordcache *wc,
           const wc_slot *word, long *end_out, int only)
{
    const casus_dict *d = ps->dict;
    const tok *t = &ps->toks[i];
    long best = -1, best_end = -1;
    uint32_t best_len = 0;

    const wc_cand *cands;
    const size_t n = wordcache_cands(wc, word, &cands);
    /* casus <CAPITALISED>: "turkey" in text that writes names with
     * capitals is the bird: no one-word actor is read from it, whichever
     * file lists it too */
    bool lower_name = false;
    if (ps->names_cap && !t->cap)
        for (size_t k = 0; k < n && !lower_name; k++)
            lower_name = cands[k].name_cap &&
                         d->entries[cands[k].id].ph.n_words == 1;
    for (size_t k = 0; k < n; k++) {
        /* what the cache knows turns most candidates away */
        const wc_cand *c = &cands[k];
        if (only >= 0 && c->kind != only)
            continue;
        if (c->caps_only && !t->allcap)
            continue;
        if (c->has_next && !parse_may_have_prefix(ps, c->next_hash))
            continue;
        const entry *e = &d->entries[c->id];
        /* the cache matched the first word: a phrase of one is found */
        long end = (long)i;
        if (e->ph.n_words > 1) {
            if (!phrase_possible(ps, e))
                continue;
            end = match_phrase(ps, &e->ph, i, entry_ends(e->kind), NULL);
            if (end < 0)
                continue;
        }
        if (c->kind == K_ACTOR && lower_name && e->ph.n_words == 1)
            continue;
        /* longest by the dictionary phrase's letters: ATTACKED before
         * ATTACK (MINWRD-02), as the manual orders SIGNALLED, SIGNED,
         * SIGN.  (TABARI's stored output prefers SECURITY_FORCE_ to
         * SECURITY_FORCES_ for "security forces"; the suite decides.) */
        uint32_t len = e->ph.length;
        if (best < 0 || len > best_len ||
            (len == best_len && e->seq < d->entries[best].seq)) {
            best = (long)c->id;
            best_len = len;
            best_end = end;
        }
    }
    *end_out = best_end;
    return best;
}

/* Is t the word w, of n letters? */
static inline bool tok_is_word(const tok *t, const char *w, size_t n)
{
    return t->len == n && memcmp(t->w, w, n) == 0;
}

static int builtin_type(const tok *t)
{
    /* TABARI's fixed word classes, by first letter for a cheap test */
#define IS(w) tok_is_word(t, w, sizeof(w) - 1)
    if (t->type != T_NULL || t->len > 6)
        return t->type;
    switch (t->w[0]) {
    case 'A':
        if (IS("A") || IS("AN")) return T_DET;
        if (IS("AND")) return T_CONJ;
        break;
    case 'B':
        if (IS("BY")) return T_BY;
        if (IS("BUT")) return T_CONJ;
        if (IS("BEEN")) return T_AUX;
        break;
    case 'F':
        if (IS("FORMER")) return T_FORMER;
        break;
    case 'H':
        if (IS("HE") || IS("HIS") || IS("HER") || IS("HIM")) return T_PRON;
        break;
    case 'I':
        if (IS("IT") || IS("ITS")) return T_PRON;
        if (IS("IN")) return T_PREP;
        break;
    case 'N':
        if (IS("NOR")) return T_CONJ;
        break;
    case 'O':
        if (IS("OR")) return T_CONJ;
        if (IS("OF")) return T_PREP;
        break;
    case 'S':
        if (IS("SHE")) return T_PRON;
        break;
    case 'T':
        if (IS("THE")) return T_DET;
        if (IS("THEY") || IS("THEM") || IS("THEIR")) return T_PRON;
        break;
    case 'W':
        if (IS("WAS") || IS("WERE")) return T_AUX;
        break;
    default:
        break;
    }
#undef IS
    return T_NULL;
}

/*
 * The code of a date-limited actor on the record's date: the first
 * restriction that holds, else the unrestricted code (manual 6.5.2).
 * Without a date the restriction that reaches furthest into the present
 * applies ("[RUSGOV >080508]" for an undated story about Putin), so that
 * undated news codes as current news.
 */
static const char *resolve_code(const entry *e, int32_t date)
{
    const actor_code *fallback = NULL, *latest = NULL;
    for (uint16_t i = 0; i < e->u.actor.n_codes; i++) {
        const actor_code *c = &e->u.actor.codes[i];
        bool open = c->from == 0 && c->to == 99999999;
        if (open) {
            if (fallback == NULL)
                fallback = c;
            continue;
        }
        if (date > 0 && date >= c->from && date <= c->to)
            return c->code;
        if (date <= 0 && (latest == NULL || c->to > latest->to))
            latest = c;
    }
    if (latest)
        return latest->code;
    return fallback ? fallback->code : "---";
}

/* Is code the special code sp ("###", "+++", "---")? */
static bool is_special(const char *code, const char *sp)
{
    return code && code[0] == sp[0] && code[1] == sp[1] &&
           code[2] == sp[2] && code[3] == '\0';
}

/* The best verb entry (best_entry()) of token i read as the n bytes at
 * w, a form of its word such as its lemma: the token is set to w, which
 * the caller sets back when -1 (none) is returned; *ws gets w's word
 * cache slot. */
static long verb_as(parse_state *ps, size_t i, const char *w, size_t n,
                    wc_slot **ws, long *end)
{
    tok *t = &ps->toks[i];
    t->w = w;
    t->len = (uint16_t)n;
    *ws = wordcache_word(&ps->wc, ps->dict, w, n, map_hash(w, n));
    return best_entry(ps, i, &ps->wc, *ws, end, K_VERB);
}

/* casus: is t HIS, ITS, THEIR, OUR, MY or YOUR, a word that can only
 * stand before a noun? */
static bool possessive_determiner(const tok *t)
{
    static const char *const words[] = {
        "HIS", "ITS", "THEIR", "OUR", "MY", "YOUR"
    };
    return tok_is_any(t, words, sizeof words / sizeof words[0]);
}

/* casus TRANSITIVE NOUNS: does token i stand right after an actor or
 * agent and right before an object: THE, A, AN, a possessive or a
 * capitalised word (a name)? */
static bool transitive_at(const parse_state *ps, size_t i)
{
    if (i == 0 || i + 1 >= ps->n_toks)
        return false;
    const tok *prev = &ps->toks[i - 1], *next = &ps->toks[i + 1];
    if (prev->type != T_ACTOR && prev->type != T_AGENT)
        return false;
    static const char *const dets[] = { "THE", "A", "AN" };
    return tok_is_any(next, dets, sizeof dets / sizeof dets[0]) ||
           possessive_determiner(next) || (next->cap && !ps->all_caps);
}

/* casus NOUN COMPOUNDS: is the verb word W at token i the head of a noun
 * phrase, THE or A/AN and one modifier before it ("the museum shooting",
 * "a mortar bomb")?  A singular subject after A/AN takes -S or -ED, so
 * the bare form there is a noun; after THE it is not, as "the men
 * attack" is a clause.  -ING is a noun after either unless an object
 * follows it.  A modifier that is an actor, agent or verb leaves the word
 * a verb ("the police shooting" was done) */
static bool compound_noun_at(const parse_state *ps, size_t i,
                             const char *w, size_t len)
{
    if (i < 2 || len < 3)
        return false;
    const tok *det = &ps->toks[i - 2], *mod = &ps->toks[i - 1];
    if (det->type != T_DET ||
        (mod->type != T_NULL && mod->type != T_NOUN && mod->type != T_ADJ))
        return false;
    /* an -ING word that takes an object or a particle is a participle
     * ("a resolution condemning the attack", "... calling for talks") */
    static const char *const object[] = {
        "THE", "A", "AN", "THIS", "THESE", "THOSE", "HIS", "HER", "ITS",
        "THEIR", "OUR", "FOR", "TO", "AGAINST", "UP", "OUT", "OFF", "DOWN",
        "BACK", "AWAY"
    };
    if (word_ends_ing(w, len)) {
        const tok *next = i + 1 < ps->n_toks ? &ps->toks[i + 1] : NULL;
        return next == NULL ||
               !(tok_is_any(next, object, sizeof object / sizeof object[0]) ||
                 (next->cap && !ps->all_caps) || next->type == T_NUM);
    }
    if (det->len == 3)          /* THE */
        return false;
    return w[len - 1] != 'S' && memcmp(w + len - 2, "ED", 2) != 0;
}

/* casus: are tokens a and b one hyphened word of the text ("rebel-held",
 * "Iran-backed"), b right after a '-' that ends a? */
static bool hyphen_joined(const parse_state *ps, const tok *a, const tok *b)
{
    return b->start == a->end + 1 && a->end < ps->text_len &&
           ps->text[a->end] == '-';
}

/* Make unit u and its words an adjective: it qualifies what follows and
 * names no actor and no act. */
static void unit_to_adjective(parse_state *ps, unit *u)
{
    u->type = T_ADJ;
    for (size_t k = u->first; k <= u->last; k++)
        ps->toks[k].type = T_ADJ;
}

/* casus: is the word w of n letters HELD, CONTROLLED or OCCUPIED, which
 * after a hyphen make land of who holds it ("a rebel-held district")? */
static bool territory_participle(const char *w, size_t n)
{
    return (n == 4 && memcmp(w, "HELD", 4) == 0) ||
           (n == 10 && memcmp(w, "CONTROLLED", 10) == 0) ||
           (n == 8 && memcmp(w, "OCCUPIED", 8) == 0);
}

/* casus HYPHEN MODIFIERS: is the verb word W at token i a participle
 * (-ED, -EN) joined by a hyphen to the word before it ("so-called",
 * "Iran-backed", "UN-brokered", "self-proclaimed")?  Such a compound
 * qualifies what follows and is no verb of the clause.  A first part
 * that is a prefix of verbs ("re-elected", "co-hosted", "counter-
 * attacked") leaves the word a verb. */
static bool hyphen_participle(const parse_state *ps, size_t i,
                              const char *w, size_t len)
{
    static const char *const prefixes[] = {
        "RE", "CO", "PRE", "DE", "UN", "NON", "MIS", "OVER", "OUT",
        "UNDER", "CROSS", "DOUBLE", "COUNTER", "INTER", "SUB", "SUPER",
        "MULTI", "MID"
    };
    if (i == 0 || !word_is_participle(w, len))
        return false;
    const tok *a = &ps->toks[i - 1];
    if (!hyphen_joined(ps, a, &ps->toks[i]) || a->type == T_COMMA ||
        a->type == T_QUOTE)
        return false;
    return !tok_is_any(a, prefixes, sizeof prefixes / sizeof prefixes[0]);
}

static int classify(parse_state *ps)
{
    const casus_dict *d = ps->dict;
    size_t i = 0;
    if (ps->wc.slots == NULL && wordcache_init(&ps->wc) < 0)
        return CASUS_ENOMEM;
    for (size_t k = 0; k < ps->n_toks; k++) {
        ps->toks[k].unit = -1;
        wordcache_prefetch(&ps->wc, ps->toks[k].hash);
    }
    ps->names_cap = names_capitalised(ps);
    while (i < ps->n_toks) {
        tok *t = &ps->toks[i];
        long end = -1;
        long id = -1;
        wc_slot *ws = NULL;
        if (t->type != T_COMMA && t->type != T_QUOTE) {
            ws = wordcache_word(&ps->wc, d, t->w, t->len, t->hash);
            id = best_entry(ps, i, &ps->wc, ws, &end, -1);
            ps->may_name_day |= wordcache_may_begin_date(ws);
        }
        /* LEMMAS (casus extension): a word no entry matches tries its verb
         * lemma, so "sought" finds SEEK_ without a { SOUGHT_ } line */
        char lem[TEXT_WORD_MAX + 1];
        size_t lem_len = 0;
        const char *word = t->w;
        uint16_t word_len = t->len;
        /* a capitalised word inside a sentence is a name or a noun here,
         * never a verb (3.5), so it is not worth a lemma */
        if (id < 0 && ps->opts.lemmas && t->type == T_NULL &&
            t->len >= 3 && t->len < TEXT_WORD_MAX &&
            !(i > 0 && t->cap && !ps->all_caps) &&
            (ws == NULL || wordcache_lemma_may_verb(&ps->wc, d, ws))) {
            lem_len = ws ? wordcache_lemma(&ps->wc, ws, lem) :
                text_lemma_verb(lem, sizeof(lem), t->w, t->len, NULL);
            if (lem_len > 0 && lem_len < sizeof(lem) &&
                (lem_len != t->len || memcmp(lem, t->w, lem_len) != 0)) {
                id = verb_as(ps, i, lem, lem_len, &ws, &end);
                if (id < 0) {
                    t->w = word;
                    t->len = word_len;
                }
            }
        }
        /* casus: an unknown word of RE and a vowel ("reimposed",
         * "reopens") is the verb it repeats, as "re-impose" is two words
         * of which the second is found; a consonant after RE is too often
         * part of the stem (RESENT, RECALL, REPRESENT); the rare RE is
         * asked first, so the test is foreseen for most words */
        if (t->w[0] == 'R' && t->w[1] == 'E' && id < 0 && ps->opts.lemmas &&
            t->type == T_NULL && t->len >= 6 && t->len < TEXT_WORD_MAX &&
            !(i > 0 && t->cap && !ps->all_caps) &&
            strchr("AEIOU", t->w[2]) != NULL) {
            id = verb_as(ps, i, word + 2, word_len - 2, &ws, &end);
            if (id < 0 && ws && wordcache_lemma_may_verb(&ps->wc, d, ws)) {
                lem_len = wordcache_lemma(&ps->wc, ws, lem);
                if (lem_len > 0 && lem_len < sizeof(lem))
                    id = verb_as(ps, i, lem, lem_len, &ws, &end);
            }
            if (id < 0) {
                t->w = word;
                t->len = word_len;
            }
        }
        /* function words (pronouns, determiners, conjunctions, WAS, BY,
         * ...) are TABARI's own types: a one-word dictionary entry does
         * not override them ("SHE_ [she]" in CAMEO.ECS) */
        int bt = builtin_type(t);
        if (id >= 0 && bt != T_NULL && bt != T_NUM &&
            ps->dict->entries[id].ph.n_words == 1)
            id = -1;
        if (id < 0) {
            t->type = (uint8_t)bt;
            i++;
            continue;
        }
        /* casus TRANSITIVE NOUNS: a word listed as a noun that is also a
         * verb is the verb between an actor and what it acts on ("Russian
         * forces attack the village", "Serbia attacks Kosovo") */
        if (ps->opts.transitive_nouns && d->entries[id].kind == K_NOUN &&
            d->entries[id].ph.n_words == 1 && transitive_at(ps, i)) {
            long vend;
            long vid = verb_as(ps, i, t->w, t->len, &ws, &vend);
            if (vid >= 0 && d->entries[vid].ph.n_words == 1) {
                id = vid;
                end = vend;
            }
        }
        if (CS_ARRAY_GROW(ps->units, ps->units_cap, ps->n_units + 1) < 0)
            return CASUS_ENOMEM;
        const entry *e = &d->entries[id];
        unit *u = &ps->units[ps->n_units];
        u->first = (uint16_t)i;
        u->last = (uint16_t)end;
        u->entry = (uint32_t)id;
        u->code = NULL;
        switch (e->kind) {
        case K_ACTOR:
            u->code = resolve_code(e, ps->date);
            /* CAMEO's ethnic-group codes are lower case ("FULA_ [ful]");
             * TABARI codes no actor with them, so neither do we */
            if (islower((unsigned char)u->code[0]))
                u->code = "---";
            if (is_special(u->code, "###"))
                ps->discard = true;
            else if (is_special(u->code, "+++")) {
                ps->complex = true;
                ps->why_complex = "complex code in an actor";
            }
            u->type = is_special(u->code, "---") ? T_NOUN : T_ACTOR;
            if (u->code[0] == '#' || u->code[0] == '+')
                u->type = T_NOUN;
            break;
        case K_AGENT: u->type = T_AGENT; break;
        case K_NOUN: u->type = T_NOUN; break;
        case K_ADJ: u->type = T_ADJ; break;
        case K_DISCARD:
            u->type = T_DISCARD;
            ps->discard = true;
            break;
        case K_ATTRIB: u->type = T_ATTRIB; break;
        case K_TIME: {
            const verb *v = &d->verbs[e->u.verb];
            u->type = T_TIME;
            u->code = v->code;
            if (ps->opts.time_shift) {
                if (is_special(v->code, "###"))
                    ps->discard = true;
                else if (is_special(v->code, "+++")) {
                    ps->complex = true;
                    ps->why_complex = "complex time phrase";
                }
            }
            break;
        }
        case K_VERB: {
            const verb *v = &d->verbs[e->u.verb];
            u->code = v->code;
            bool noun = false;
            if (i > 0 && t->cap && !ps->all_caps)
                noun = true;
            if (i > 0 && ps->toks[i - 1].type == T_DET)
                noun = true;
            if (ps->opts.noun_compounds &&
                compound_noun_at(ps, i, word, word_len))
                noun = true;
            /* casus: so after a possessive determiner ("his vow", "their
             * attack"): HER may be an object ("forced her to leave").
             * Coercion (17) is left a verb: in "his arrest", "their
             * detention" the owner is who suffers it, and it was done */
            if (i > 0 && ps->opts.possessive_nouns &&
                possessive_determiner(&ps->toks[i - 1]) &&
                !(v->code[0] == '1' && v->code[1] == '7'))
                noun = true;
            if (noun) {
                u->type = T_NOUN;
            } else if (ps->opts.hyphen_modifiers &&
                       hyphen_participle(ps, i, word, word_len)) {
                u->type = T_ADJ;
                /* and who backs or funds ("Iran-backed militias") is no
                 * actor of the clause; land held stays a place for
                 * mark_territories() */
                unit *pu = ps->toks[i - 1].unit >= 0 ?
                    &ps->units[ps->toks[i - 1].unit] : NULL;
                if (pu && (pu->type == T_ACTOR || pu->type == T_AGENT) &&
                    !territory_participle(word, word_len))
                    unit_to_adjective(ps, pu);
            } else if (is_special(v->code, "---") && v->n_pats == 0) {
                u->type = T_NULL;
            } else {
                u->type = T_VERB;
            }
            /* a discard word discards whatever its part of speech
             * ("the football final"); a complex verb only as a verb */
            if (is_special(v->code, "###"))
                ps->discard = true;
            if (u->type == T_VERB) {
                if (is_special(v->code, "+++")) {
                    ps->complex = true;
                    ps->why_complex = "complex code in a verb";
                }
            }
            break;
        }
        default: u->type = T_NULL; break;
        }
        uint16_t pos[MAX_PHRASE] = { (uint16_t)i };
        if (e->ph.n_words > 1)
            match_phrase(ps, &e->ph, i, entry_ends(e->kind), pos);
        /* a match through the lemma is done with it: the token shows the
         * word as written again */
        t->w = word;
        t->len = word_len;
        size_t nw = e->ph.n_words < MAX_PHRASE ? e->ph.n_words : MAX_PHRASE;
        for (size_t k = 0; k < nw; k++) {
            ps->toks[pos[k]].unit = (int16_t)ps->n_units;
            ps->toks[pos[k]].type = u->type;
        }
        ps->n_units++;
        /* words skipped inside the phrase are typed on their own; the
         * phrase's own words are not looked up */
        do {
            i++;
            if (i < ps->n_toks && ps->toks[i].unit >= 0 && !ps->may_name_day)
                ps->may_name_day = dates_may_begin(ps->toks[i].w,
                                                   ps->toks[i].len);
        } while (i < ps->n_toks && ps->toks[i].unit >= 0);
    }
    return 0;
}

/* ---- 3. mentions and agents --------------------------------------------- */

static bool has_block(const char *code, const char *b)
{
    size_t n = strlen(code);
    for (size_t i = 0; i + 3 <= n; i += 3)
        if (memcmp(code + i, b, 3) == 0)
            return true;
    return false;
}

/* Add an agent code to an actor code, skipping 3-letter blocks it has. */
static void combine(char *out, size_t cap, const char *actor,
                    const char *agent, bool suffix)
{
    char add[CASUS_ACTOR_MAX] = "";
    size_t an = strlen(agent), al = 0;
    if (an % 3 == 0) {
        for (size_t i = 0; i + 3 <= an; i += 3)
            if (!has_block(actor, agent + i) && al + 3 < sizeof(add)) {
                memcpy(add + al, agent + i, 3);
                al += 3;
            }
        add[al] = '\0';
    } else if (strstr(actor, agent) == NULL) {
        str_copy(add, sizeof(add), agent, SIZE_MAX);
    }
    /* codes longer than CASUS_ACTOR_MAX - 1 are cut, never overrun */
    const char *first = suffix ? add : actor, *second = suffix ? actor : add;
    size_t n1 = strlen(first), n2 = strlen(second);
    if (n1 > cap - 1)
        n1 = cap - 1;
    if (n2 > cap - 1 - n1)
        n2 = cap - 1 - n1;
    memmove(out, first, n1);
    memmove(out + n1, second, n2);
    out[n1 + n2] = '\0';
}

/* out = at most a_max bytes of a, then at most b_max of b, cut to cap. */
static void join_codes(char *out, size_t cap, const char *a, size_t a_max,
                       const char *b, size_t b_max)
{
    size_t n = 0;
    for (size_t i = 0; a[i] && i < a_max && n + 1 < cap; i++)
        out[n++] = a[i];
    for (size_t i = 0; b[i] && i < b_max && n + 1 < cap; i++)
        out[n++] = b[i];
    out[n] = '\0';
}

static int new_mention(parse_state *ps, size_t first, size_t last, int u)
{
    if (CS_ARRAY_GROW(ps->mentions, ps->mentions_cap, ps->n_mentions + 1) <
        0)
        return -1;
    mention *m = &ps->mentions[ps->n_mentions];
    memset(m, 0, sizeof(*m));
    m->first = (uint16_t)first;
    m->last = (uint16_t)last;
    m->compound = -1;
    m->ref = -1;
    m->ref_compound = -1;
    for (size_t k = first; k <= last; k++)
        if (u < 0 || ps->toks[k].unit == u)
            ps->toks[k].mention = (int16_t)ps->n_mentions;
    return (int)ps->n_mentions++;
}

static void set_codes(mention *m, const char *code)
{
    m->n_codes = 0;
    const char *p = code;
    while (*p && m->n_codes < MAX_CODES) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n >= CASUS_ACTOR_MAX)
            n = CASUS_ACTOR_MAX - 1;
        memcpy(m->codes[m->n_codes], p, n);
        m->codes[m->n_codes][n] = '\0';
        m->n_codes++;
        if (slash == NULL)
            break;
        p = slash + 1;
    }
    str_copy(m->base, sizeof(m->base), m->codes[0], SIZE_MAX);
}

/* casus: is agent unit ag a word for who speaks for or heads a body
 * (&CASUS_VOICES: leader, spokesman, chairman, ...) and m's code that of a
 * body outside the state (opposition, rebels, party, NGO, union, media,
 * church, ...)?  Then "the leaders of the Muslim Brotherhood" are the
 * Brotherhood, not its government: the agent adds nothing. */
static bool voice_of_body(const parse_state *ps, const mention *m,
                          const unit *ag)
{
    static const char *const bodies[] = {
        "OPP", "REB", "INS", "UAF", "PTY", "NGO", "NGM", "MED", "LAB",
        "BUS", "EDU", "REL", "RAD", "CRM", "SEP"
    };
    const entry *e = &ps->dict->entries[ag->entry];
    if (strcmp(e->u.agent, "GOV") != 0 || e->ph.n_words != 1)
        return false;
    const tok *t = &ps->toks[ag->first];
    if (!tok_in_class(ps, t, WCL_VOICES))
        return false;
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
        if (has_block(m->codes[0], bodies[i]) ||
            strncmp(m->codes[0], bodies[i], 3) == 0)
            return true;
    return false;
}

static void attach_agent(parse_state *ps, mention *m, const unit *ag,
                         bool former)
{
    const entry *e = &ps->dict->entries[ag->entry];
    const char *code = former ? "ELI" : e->u.agent;
    if (!former && ps->opts.body_voices && voice_of_body(ps, m, ag))
        code = "";
    for (uint8_t i = 0; i < m->n_codes; i++) {
        char tmp[CASUS_ACTOR_MAX];
        combine(tmp, sizeof(tmp), m->codes[i], code, e->agent_suffix);
        memcpy(m->codes[i], tmp, sizeof(tmp));
    }
    size_t first = ag->first < m->first ? ag->first : m->first;
    size_t last = ag->last > m->last ? ag->last : m->last;
    int id = (int)(m - ps->mentions);
    for (size_t k = first; k <= last; k++)
        if (ps->toks[k].mention < 0 || k == ag->first || k == ag->last ||
            ps->toks[k].unit == (int16_t)(ag - ps->units))
            ps->toks[k].mention = (int16_t)id;
    m->first = (uint16_t)first;
    m->last = (uint16_t)last;
}

static bool tok_is(const parse_state *ps, long i, int type)
{
    return i >= 0 && (size_t)i < ps->n_toks && ps->toks[i].type == type;
}

/* Actor mention starting exactly at token i, if any. */
static mention *mention_at(parse_state *ps, long i)
{
    if (i < 0 || (size_t)i >= ps->n_toks || ps->toks[i].mention < 0)
        return NULL;
    mention *m = &ps->mentions[ps->toks[i].mention];
    return m->pronoun ? NULL : m;
}

/*
 * The actor an agent at tokens a..z belongs to by a preposition: "mayor
 * of the northern West Bank", "police in Delhi", "ministers from the
 * Georgian government" (IN, OF or FROM, then determiners and adjectives,
 * then the actor's first word).  NULL when there is none.
 *
 * FROM also starts places agents move from: "withdrew its troops from the
 * Ukrainian border".  So after FROM the agent must not be owned by a
 * pronoun (ITS, THEIR) and the actor must not qualify a noun (BORDER).
 */
static mention *prep_actor(parse_state *ps, long a, long z)
{
    long k = z + 1;
    bool from = tok_is(ps, k, T_NULL) &&
        tok_is_word(&ps->toks[k], "FROM", 4);
    if (!tok_is(ps, k, T_PREP) && !from)
        return NULL;
    if (from && tok_is(ps, a - 1, T_PRON))
        return NULL;
    k++;
    if (tok_is(ps, k, T_DET))
        k++;
    while (tok_is(ps, k, T_ADJ))
        k++;
    mention *c = mention_at(ps, k);
    if (c == NULL || c->first != k)
        return NULL;
    if (from && tok_is(ps, (long)c->last + 1, T_NOUN))
        return NULL;
    return c;
}

/* casus: is the phrase ending at token `last` joined by a hyphen to
 * HELD, CONTROLLED or OCCUPIED?  "A rebel-held district" is land named
 * by who holds it: the holder may lose it or be attacked there, but does
 * nothing in the sentence. */
static bool holds_territory(const parse_state *ps, size_t last)
{
    size_t n = last + 1;
    if (n >= ps->n_toks)
        return false;
    const tok *b = &ps->toks[n];
    return hyphen_joined(ps, &ps->toks[last], b) &&
           territory_participle(b->w, b->len);
}

/* The participle of a territory ("rebel-held") after token `last` is an
 * adjective, not a verb. */
static void territory_adjective(parse_state *ps, size_t last)
{
    tok *held = &ps->toks[last + 1];
    if (held->unit < 0) {
        held->type = T_ADJ;
        return;
    }
    unit *hv = &ps->units[held->unit];
    if (hv->first != last + 1 || hv->type != T_VERB)
        return;
    hv->type = T_ADJ;
    for (size_t k = hv->first; k <= hv->last; k++)
        if (ps->toks[k].unit == held->unit)
            ps->toks[k].type = T_ADJ;
}

/* casus: is the actor starting at token `first` where someone goes: a
 * destination after LEAVE FOR, FLY TO, ARRIVE IN and perhaps THE
 * ("before leaving for Beijing, Bush ...")?  A capital so placed is a
 * place, not its government acting.  Returns the going word's token, or
 * -1. */
static long destination_of(const parse_state *ps, size_t first)
{
    /* the going words of each preposition, NULL-ended */
    static const char *const for_[] = { "LEAVE", "LEAVES", "LEAVING",
        "LEFT", "DEPARTED", "DEPARTS", NULL };
    static const char *const to[] = { "FLY", "FLIES", "FLEW", "FLYING",
        "FLOWN", "TRAVEL", "TRAVELS", "TRAVELLED", "TRAVELED", "TRAVELLING",
        "TRAVELING", NULL };
    static const char *const in[] = { "ARRIVE", "ARRIVES", "ARRIVED",
        "ARRIVING", NULL };
    size_t k = first;
    if (k > 0 && ps->toks[k - 1].type == T_DET)
        k--;
    if (k < 2)
        return -1;
    const tok *p = &ps->toks[k - 1], *v = &ps->toks[k - 2];
    if (p->len < 2 || p->len > 3 || v->len < 3 || v->len > 10)
        return -1;
    const char *const *verbs = tok_is_word(p, "FOR", 3) ? for_ :
                               tok_is_word(p, "TO", 2) ? to :
                               tok_is_word(p, "IN", 2) ? in : NULL;
    for (; verbs != NULL && *verbs != NULL; verbs++)
        if (strcmp(v->w, *verbs) == 0)     /* words end with a NUL */
            return (long)(k - 2);
    return -1;
}

/* Mark the mentions that name a place (land held by an actor, a
 * destination), once agents are attached. */
static void mark_territories(parse_state *ps)
{
    for (size_t i = 0; i < ps->n_mentions; i++) {
        mention *m = &ps->mentions[i];
        if (m->pronoun)
            continue;
        long went_by;
        if (holds_territory(ps, m->last)) {
            m->place = PLACE_HELD;
            territory_adjective(ps, m->last);
        } else if ((went_by = destination_of(ps, m->first)) >= 0) {
            m->place = PLACE_DESTINATION;
            m->went_by = (uint16_t)went_by;
        }
    }
}

/* casus: an actor that stands for a government by its seat (BEIJING_
 * [CHNGOV], "Beijing said") names a place after IN: "a protest in
 * Beijing" is in China, and "officials in Beijing" take their own agent
 * (CHN plus GOV).  A code of a country and GOV becomes the country's. */
static void seat_as_place(mention *m)
{
    if (m->n_codes != 1 || strlen(m->codes[0]) != 6 ||
        strcmp(m->codes[0] + 3, "GOV") != 0 || m->codes[0][0] == '-')
        return;
    m->codes[0][3] = '\0';
    str_copy(m->base, sizeof(m->base), m->codes[0], SIZE_MAX);
}

/* casus: an agent joined by a hyphen to a word of &CASUS_RULING (RULED,
 * LED, BACKED, ...: "military-ruled Myanmar", "army-backed militias")
 * makes an adjective of both words: it says who rules or backs what
 * follows, and names no actor of its own, so "dissidents from
 * military-ruled Myanmar" are Myanmar's.  (Land "rebel-held" is a place,
 * mark_territories().) */
static void hyphen_modifiers(parse_state *ps)
{
    for (size_t u = 0; u < ps->n_units; u++) {
        unit *ag = &ps->units[u];
        size_t n = (size_t)ag->last + 1;
        if (ag->type != T_AGENT || n >= ps->n_toks)
            continue;
        const tok *b = &ps->toks[n];
        if (!hyphen_joined(ps, &ps->toks[ag->last], b) ||
            !tok_in_class(ps, b, WCL_RULING))
            continue;
        unit_to_adjective(ps, ag);
        territory_adjective(ps, ag->last);
    }
}

static int build_mentions(parse_state *ps)
{
    uint8_t *has_agent = NULL;
    if (ps->opts.hyphen_modifiers)
        hyphen_modifiers(ps);
    long prev = -1;     /* the last actor unit, and its mention */
    for (size_t u = 0; u < ps->n_units; u++) {
        if (ps->units[u].type != T_ACTOR)
            continue;
        /* casus: a country right before one of its own institutions
         * ("the U.S. State Department", USA then USAGOV) only repeats
         * whose it is: one actor, the institution */
        const unit *un = &ps->units[u];
        if (prev >= 0 && ps->units[prev].last + 1 == un->first &&
            ps->n_mentions > 0) {
            mention *pm = &ps->mentions[ps->n_mentions - 1];
            size_t n = strlen(pm->codes[0]);
            if (pm->n_codes == 1 && n == 3 &&
                strncmp(un->code, pm->codes[0], n) == 0 &&
                strlen(un->code) > n && strchr(un->code, '/') == NULL) {
                for (size_t k = un->first; k <= un->last; k++)
                    if (ps->toks[k].unit == (int16_t)u)
                        ps->toks[k].mention = (int16_t)(ps->n_mentions - 1);
                pm->last = un->last;
                set_codes(pm, un->code);
                pm->entry = un->entry;
                prev = -1;
                continue;
            }
        }
        prev = (long)u;
        int id = new_mention(ps, ps->units[u].first, ps->units[u].last,
                             (int)u);
        if (id < 0)
            return CASUS_ENOMEM;
        set_codes(&ps->mentions[id], ps->units[u].code);
        ps->mentions[id].entry = ps->units[u].entry;
        if (ps->opts.seat_places && un->first > 0 &&
            tok_is_word(&ps->toks[un->first - 1], "IN", 2))
            seat_as_place(&ps->mentions[id]);
    }
    if (ps->n_mentions) {
        has_agent = cs_calloc(ps->n_mentions, 1);
        if (has_agent == NULL)
            return CASUS_ENOMEM;
    }
    /* agents next to an actor first, then, in a second pass, those before
     * a preposition: in "ministers of the Serbian army" ARMY is Serbia's
     * and MINISTERS, left without an actor, is converted (below) */
    for (size_t n = 0; n < 2 * ps->n_units; n++) {
        const bool by_prep = n >= ps->n_units;
        const unit *ag = &ps->units[by_prep ? n - ps->n_units : n];
        if (ag->type != T_AGENT)
            continue;
        long a = ag->first, z = ag->last;
        bool former = tok_is(ps, a - 1, T_FORMER);
        mention *m = NULL;
        if (by_prep) {
            /* (c) before IN, OF or FROM and an actor */
            if (ps->toks[a].mention < 0)
                m = prep_actor(ps, a, z);
        } else {
            /* (a) right after an actor, perhaps with FORMER between */
            long before = former ? a - 2 : a - 1;
            if (before >= 0 && ps->toks[before].mention >= 0) {
                mention *c = &ps->mentions[ps->toks[before].mention];
                if (!c->pronoun && c->last == before)
                    m = c;
            }
            /* (b) right before an actor */
            if (m == NULL) {
                mention *c = mention_at(ps, z + 1);
                if (c && c->first == z + 1)
                    m = c;
            }
        }
        if (m && has_agent[m - ps->mentions])
            m = NULL;
        if (m) {
            if (!former && m->first > 0 &&
                tok_is(ps, (long)m->first - 1, T_FORMER) && m->first > z)
                former = true;
            if (!former && m->first > 0 && m->first < a &&
                tok_is(ps, (long)m->first - 1, T_FORMER))
                former = true;
            attach_agent(ps, m, ag, former);
            has_agent[m - ps->mentions] = 1;
        }
    }
    cs_free(has_agent);
    if (!ps->opts.convert_agents)
        return 0;
    /* CONVERT AGENTS: an agent no actor took becomes an actor, in a pass
     * of its own so that no agent attaches to a converted one */
    for (size_t u = 0; u < ps->n_units; u++) {
        const unit *ag = &ps->units[u];
        if (ag->type != T_AGENT || ps->toks[ag->first].mention >= 0)
            continue;
        long a = ag->first, z = ag->last;
        {
            const entry *e = &ps->dict->entries[ag->entry];
            int id = new_mention(ps, (size_t)a, (size_t)z, (int)u);
            if (id < 0)
                return CASUS_ENOMEM;
            char code[CASUS_ACTOR_MAX];
            const char *unk = ps->opts.unknown_actor;
            /* casus: "ministers from the Georgian government": the actor
             * after the preposition had an agent already, but still names
             * whose ministers they are */
            const mention *of = prep_actor(ps, a, z);
            if (of && of->n_codes > 0)
                combine(code, sizeof(code), of->codes[0], e->u.agent,
                        e->agent_suffix);
            else if (e->agent_suffix)
                join_codes(code, sizeof(code), e->u.agent, 24, unk, SIZE_MAX);
            else
                join_codes(code, sizeof(code), unk, SIZE_MAX, e->u.agent, 24);
            set_codes(&ps->mentions[id], code);
            ps->mentions[id].entry = ag->entry;
            for (long k = a; k <= z; k++)
                ps->toks[k].type = T_ACTOR;
        }
    }
    /* converted agents were added after the actors, so mentions are not
     * in token order; later steps do not rely on that order */
    return 0;
}

/* ---- 4. compounds -------------------------------------------------------- */

static int tok_type(const parse_state *ps, long i)
{
    return (i >= 0 && (size_t)i < ps->n_toks) ? ps->toks[i].type : -1;
}

static void absorb_phrase_conjunctions(parse_state *ps)
{
    for (size_t c = 1; c + 1 < ps->n_toks; c++) {
        if (ps->toks[c].type != T_CONJ)
            continue;
        int before = tok_type(ps, (long)c - 1);
        long q = (long)c + 1;
        if (before == T_ADJ && tok_type(ps, q) == T_ADJ) {
            ps->toks[c].absorbed = 1;
            continue;
        }
        /* an agent no actor took reads as a noun: "troops and heavy
         * weapons" */
        if (before == T_NOUN || (before == T_AGENT &&
                                 ps->toks[c - 1].mention < 0)) {
            while (tok_type(ps, q) == T_ADJ)
                q++;
            if (tok_type(ps, q) == T_NOUN ||
                (tok_type(ps, q) == T_AGENT && ps->toks[q].mention < 0))
                ps->toks[c].absorbed = 1;
        }
    }
}

/* Can token i be part of a noun phrase in an actor list? */
static bool np_token(const parse_state *ps, size_t i)
{
    const tok *t = &ps->toks[i];
    if (t->mention >= 0 && !ps->mentions[t->mention].pronoun)
        return true;
    return t->type == T_DET || t->type == T_ADJ || t->type == T_FORMER ||
           (t->type == T_CONJ && t->absorbed);
}

/* "ARNOR'S": a possessive joins the next actor ("Arnor's Elrond") */
static bool possessive(const tok *t)
{
    return t->len > 2 && t->w[t->len - 2] == '\'' && t->w[t->len - 1] == 'S';
}

typedef struct run {
    size_t first, last;     /* token span */
    size_t sep_first;       /* separator after it starts here */
    bool sep_conj;          /* separator before this run holds a CONJ */
} run;

/* casus: is t an actor word that can stand before a noun as an adjective
 * of nationality: an abbreviation in capitals (US, U.S., UK, EU) or a
 * word with a demonym's ending (British, Iraqi, Chinese, French)? */
static bool nationality_adjective(const tok *t)
{
    static const char *const ends[] = { "AN", "ISH", "ESE", "CH", "I" };
    /* names of countries that end as demonyms do */
    static const char *const names[] = {
        "IRAN", "SUDAN", "JAPAN", "OMAN", "TAIWAN", "JORDAN", "BHUTAN"
    };
    if (t->allcap && t->len <= 4)
        return true;
    if (t->len > 4 && memcmp(t->w + t->len - 4, "STAN", 4) == 0)
        return false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (t->len == strlen(names[i]) && memcmp(t->w, names[i], t->len) == 0)
            return false;
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t n = strlen(ends[i]);
        if (t->len > n + 2 && memcmp(t->w + t->len - n, ends[i], n) == 0)
            return true;
    }
    return false;
}

/* casus: in "US and British activists" the agent after the last member
 * of compound cp belongs to every member that is a bare adjective of
 * nationality: US gives USAOPP as British gives GBROPP.  A member that
 * is a name ("Russia and Ukrainian troops") or has an agent of its own
 * keeps its code. */
static void share_agent(parse_state *ps, const compound *cp)
{
    const mention *last = &ps->mentions[cp->members[cp->n - 1]];
    if (last->pronoun || last->first == last->last)
        return;
    const tok *lt = &ps->toks[last->last];
    if (lt->unit < 0 || ps->units[lt->unit].type != T_AGENT ||
        ps->units[lt->unit].first == last->first)
        return;
    const unit *ag = &ps->units[lt->unit];
    if (ag->first > 0 && ps->toks[ag->first - 1].type == T_FORMER)
        return;
    for (uint8_t q = 0; q + 1 < cp->n; q++) {
        mention *m = &ps->mentions[cp->members[q]];
        const tok *t = &ps->toks[m->first];
        if (m->pronoun || m->first != m->last || t->unit < 0 ||
            ps->units[t->unit].type != T_ACTOR ||
            strcmp(m->codes[0], m->base) != 0 || !nationality_adjective(t))
            continue;
        const entry *e = &ps->dict->entries[ag->entry];
        for (uint8_t i = 0; i < m->n_codes; i++) {
            char tmp[CASUS_ACTOR_MAX];
            combine(tmp, sizeof(tmp), m->codes[i], e->u.agent,
                    e->agent_suffix);
            memcpy(m->codes[i], tmp, sizeof(tmp));
        }
    }
}

static int find_compounds(parse_state *ps)
{
    run runs[64];
    size_t i = 0;
    if (ps->n_mentions < 2)
        return 0;   /* a compound has two actors at least */
    while (i < ps->n_toks) {
        /* collect a chain of runs */
        size_t nr = 0;
        size_t k = i;
        while (k < ps->n_toks && nr < 64) {
            if (!np_token(ps, k))
                break;
            size_t a = k;
            bool has_actor = false;
            while (k < ps->n_toks && np_token(ps, k)) {
                /* "Dagolath Osgiliath": an actor right after another
                 * actor starts a new phrase */
                if (k > a && ps->toks[k].mention >= 0 &&
                    ps->toks[k - 1].mention >= 0 &&
                    ps->toks[k].mention != ps->toks[k - 1].mention &&
                    !possessive(&ps->toks[k - 1]))
                    break;
                if (ps->toks[k].mention >= 0)
                    has_actor = true;
                k++;
            }
            if (!has_actor)
                break;
            runs[nr].first = a;
            runs[nr].last = k - 1;
            nr++;
            /* separator: ',' | CONJ | ', CONJ' */
            size_t s = k;
            bool conj = false;
            if (s < ps->n_toks && ps->toks[s].type == T_COMMA)
                s++;
            if (s < ps->n_toks && ps->toks[s].type == T_CONJ &&
                !ps->toks[s].absorbed &&
                !(ps->toks[s].len == 3 &&
                  memcmp(ps->toks[s].w, "BUT", 3) == 0)) {
                conj = true;
                s++;
            }
            if (s == k || s >= ps->n_toks || !np_token(ps, s))
                break;
            if (nr < 64)
                runs[nr].sep_conj = conj;
            runs[nr - 1].sep_first = k;
            k = s;
        }
        /* the compound ends at the last run that follows a conjunction */
        size_t end_run = 0;
        for (size_t r = 1; r < nr; r++)
            if (runs[r].sep_conj)
                end_run = r;
        if (end_run == 0) {
            i = nr ? runs[0].last + 1 : i + 1;
            continue;
        }
        if (CS_ARRAY_GROW(ps->compounds, ps->compounds_cap,
                          ps->n_compounds + 1) < 0)
            return CASUS_ENOMEM;
        compound *cp = &ps->compounds[ps->n_compounds];
        cp->n = 0;
        for (size_t t = runs[0].first; t <= runs[end_run].last; t++) {
            const tok *tk = &ps->toks[t];
            if (tk->mention < 0 || ps->mentions[tk->mention].pronoun)
                continue;
            bool seen = false;
            for (uint8_t q = 0; q < cp->n; q++)
                if (cp->members[q] == tk->mention)
                    seen = true;
            if (!seen && cp->n < 32)
                cp->members[cp->n++] = tk->mention;
        }
        /* one actor spread over a list ("Durthang and an Orc") is no
         * compound */
        if (cp->n >= 2) {
            for (uint8_t q = 0; q < cp->n; q++)
                ps->mentions[cp->members[q]].compound =
                    (int16_t)ps->n_compounds;
            for (size_t t = runs[0].first; t <= runs[end_run].last; t++)
                if (ps->toks[t].type == T_COMMA ||
                    ps->toks[t].type == T_CONJ)
                    ps->toks[t].absorbed = 1;
            if (ps->opts.share_agents)
                share_agent(ps, cp);
            ps->n_compounds++;
        }
        i = runs[end_run].last + 1;
    }
    return 0;
}

/* ---- 5. pronouns ---------------------------------------------------------- */

static bool live_mention(const parse_state *ps, const mention *m)
{
    return !ps->toks[m->first].deleted || !ps->toks[m->last].deleted;
}

static int first_actor(const parse_state *ps)
{
    int best = -1;
    for (size_t m = 0; m < ps->n_mentions; m++) {
        const mention *mm = &ps->mentions[m];
        if (mm->pronoun || !live_mention(ps, mm))
            continue;
        if (best < 0 || mm->first < ps->mentions[best].first)
            best = (int)m;
    }
    return best;
}

/*
 * HE, SHE, IT, HIM and ITS, HIS, HER refer to the first actor of the
 * sentence; THEY, THEM, THEIR to the first compound, else the first actor
 * (manual 7.7).  Runs after comma-delimited clauses are dropped, so an
 * actor inside one is not referred to.  With FORWARD, a pronoun before
 * any actor takes the previous sentence's first actor (manual 8.4).
 */
static int resolve_pronouns(parse_state *ps)
{
    int m0 = first_actor(ps);
    for (size_t i = 0; i < ps->n_toks; i++) {
        tok *t = &ps->toks[i];
        if (t->type != T_PRON || t->mention >= 0 || t->deleted)
            continue;
        bool plural = (t->len == 4 && memcmp(t->w, "THEY", 4) == 0) ||
                      (t->len == 4 && memcmp(t->w, "THEM", 4) == 0) ||
                      (t->len == 5 && memcmp(t->w, "THEIR", 5) == 0);
        int ref = -1, refc = -1;
        if (plural) {
            for (size_t c = 0; c < ps->n_compounds; c++) {
                const compound *cp = &ps->compounds[c];
                const mention *head = &ps->mentions[cp->members[0]];
                if (cp->n && head->first < i && live_mention(ps, head)) {
                    refc = (int)c;
                    ref = cp->members[0];
                    break;
                }
            }
        }
        if (ref < 0 && m0 >= 0 && ps->mentions[m0].first < i)
            ref = m0;
        if (ref < 0) {
            if (ps->opts.forward && ps->fwd_set &&
                (m0 < 0 || ps->mentions[m0].first > i)) {
                int id = new_mention(ps, i, i, -1);
                if (id < 0)
                    return CASUS_ENOMEM;
                set_codes(&ps->mentions[id], ps->fwd_code);
                ps->mentions[id].forwarded = 1;
                ps->mentions[id].entry = UINT32_MAX;
                t->type = T_ACTOR;
            }
            continue;
        }
        int id = new_mention(ps, i, i, -1);
        if (id < 0)
            return CASUS_ENOMEM;
        mention *pm = &ps->mentions[id];
        const mention *r = &ps->mentions[ref];
        pm->pronoun = 1;
        pm->ref = (int16_t)ref;
        pm->ref_compound = (int16_t)refc;
        pm->entry = r->entry;
        /* a pronoun compares by the referred actor's own code, before
         * any agent was added */
        char tmp[CASUS_ACTOR_MAX];
        memcpy(tmp, r->base, sizeof(tmp));
        memcpy(pm->base, tmp, sizeof(tmp));
    }
    return 0;
}

void parse_forward(parse_state *ps, bool forget)
{
    if (forget) {
        ps->fwd_set = false;
        return;
    }
    int best = -1;
    for (size_t m = 0; m < ps->n_mentions; m++) {
        const mention *mm = &ps->mentions[m];
        if (mm->pronoun || mm->forwarded)
            continue;
        if (best < 0 || mm->first < ps->mentions[best].first)
            best = (int)m;
    }
    if (best < 0)
        return;
    memcpy(ps->fwd_code, ps->mentions[best].base, sizeof(ps->fwd_code));
    ps->fwd_set = true;
}

/* ---- 6. comma-delimited clauses ----------------------------------------- */

static size_t words_between(const parse_state *ps, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        if (ps->toks[i].type != T_COMMA && ps->toks[i].type != T_QUOTE)
            n++;
    return n;
}

/* casus COMMA CLAUSES: do tokens [a, b) hold a clause of their own, an
 * actor and, at most two words after it, the phrase's first verb
 * ("In a challenge to Putin, protesters have rallied across Russia,
 * heeding ...")?  Not when the phrase opens with a relative or
 * subordinating word (", which ...", ", after ..."), nor for a verb in
 * -ING (", heeding ...") or of saying or a subordinate code such as 010?
 * (", officials said,", ", he told reporters"): those are what the comma
 * rule drops. */
static bool comma_clause(const parse_state *ps, size_t a, size_t b)
{
    static const char *const openers[] = {
        "WHO", "WHOM", "WHOSE", "WHICH", "THAT", "WHERE", "WHEN", "WHILE",
        "AFTER", "BEFORE", "AS", "BECAUSE", "SINCE", "IF", "UNLESS",
        "UNTIL", "THOUGH", "ALTHOUGH", "WHETHER"
    };
    while (a < b && (ps->toks[a].type == T_COMMA ||
                     ps->toks[a].type == T_QUOTE))
        a++;
    if (a >= b ||
        tok_is_any(&ps->toks[a], openers, sizeof openers / sizeof openers[0]))
        return false;
    long actor_end = -1;    /* the last token of the latest actor */
    for (size_t i = a; i < b; i++) {
        const tok *t = &ps->toks[i];
        if (t->mention >= 0 && !ps->mentions[t->mention].pronoun) {
            /* a possessive owns a noun, it is no subject ("Washington's
             * close ally") */
            bool poss = t->len > 2 && t->w[t->len - 2] == '\'' &&
                        t->w[t->len - 1] == 'S';
            actor_end = poss ? -1 : (long)i;
            continue;
        }
        if (t->type != T_VERB)
            continue;
        /* the verb follows its subject, an auxiliary or adverb at most
         * between ("protesters have rallied") */
        if (actor_end < 0 || (long)i - actor_end > 2)
            return false;
        /* after A or AN and an actor, a bare verb word is a noun ("an
         * official release said"): a singular subject takes -S or -ED */
        const mention *m = &ps->mentions[ps->toks[actor_end].mention];
        const tok *det = m->first > a ? &ps->toks[m->first - 1] : NULL;
        if (det && det->type == T_DET && det->len <= 2 && t->len >= 2 &&
            t->w[t->len - 1] != 'S' &&
            !(t->w[t->len - 2] == 'E' && (t->w[t->len - 1] == 'D' ||
                                          t->w[t->len - 1] == 'N')))
            return false;
        const char *code = t->unit >= 0 ? ps->units[t->unit].code : NULL;
        const bool subordinate = code && code[0] &&
                                 code[strlen(code) - 1] == '?';
        return !word_ends_ing(t->w, t->len) &&
               !subordinate && !tok_in_class(ps, t, WCL_SAYING);
    }
    return false;
}

static void drop_comma_clauses(parse_state *ps)
{
    const coder_options *o = &ps->opts;
    size_t commas[256], nc = 0;
    if (o->comma_off)
        return;
    for (size_t i = 0; i < ps->n_toks && nc < 256; i++)
        if (ps->toks[i].type == T_COMMA && !ps->toks[i].absorbed)
            commas[nc++] = i;
    if (nc == 0)
        return;
    /* Chained: each phrase is counted from the comma that ended the one
     * before.  A dropped phrase is consumed with its closing comma (the
     * next phrase is counted afresh), but that comma stays in the text as
     * the barrier that stops forward pattern matching. */
    size_t c = 0;
    size_t n = words_between(ps, 0, commas[0]);
    if ((int)n > o->comma_bmin && (int)n <= o->comma_bmax) {
        for (size_t i = 0; i <= commas[0]; i++)
            ps->toks[i].deleted = 1;
        c = 1;
    }
    while (c < nc) {
        if (c + 1 < nc) {
            n = words_between(ps, commas[c] + 1, commas[c + 1]);
            if ((int)n > o->comma_min && (int)n <= o->comma_max) {
                if (o->comma_clauses &&
                    comma_clause(ps, commas[c] + 1, commas[c + 1])) {
                    ps->toks[commas[c]].opens = 1;
                    c++;
                    continue;
                }
                for (size_t i = commas[c]; i < commas[c + 1]; i++)
                    ps->toks[i].deleted = 1;
                c += 2;
            } else {
                c++;
            }
            continue;
        }
        n = words_between(ps, commas[c] + 1, ps->n_toks);
        if ((int)n > o->comma_emin && (int)n <= o->comma_emax) {
            if (o->comma_clauses &&
                comma_clause(ps, commas[c] + 1, ps->n_toks))
                ps->toks[commas[c]].opens = 1;
            else
                for (size_t i = commas[c]; i < ps->n_toks; i++)
                    ps->toks[i].deleted = 1;
        }
        c++;
    }
}

/* ---- 7. clauses ----------------------------------------------------------- */

static int split_clauses(parse_state *ps)
{
    ps->n_live = 0;
    if (CS_ARRAY_GROW(ps->live, ps->live_cap, ps->n_toks) < 0)
        return CASUS_ENOMEM;
    for (size_t i = 0; i < ps->n_toks; i++) {
        ps->toks[i].live_at = -1;
        if (ps->toks[i].deleted)
            continue;
        ps->toks[i].live_at = (int16_t)ps->n_live;
        ps->live[ps->n_live++] = (uint16_t)i;
    }
    ps->n_clauses = 0;
    size_t start = 0;
    for (size_t i = 0; i <= ps->n_live; i++) {
        bool split = i == ps->n_live;
        if (!split) {
            const tok *t = live_tok(ps, i);
            split = (t->type == T_CONJ && !t->absorbed) || t->opens;
        }
        if (!split)
            continue;
        if (i > start) {
            if (CS_ARRAY_GROW(ps->clauses, ps->clauses_cap,
                              ps->n_clauses + 1) < 0)
                return CASUS_ENOMEM;
            ps->clauses[ps->n_clauses].first = (uint16_t)start;
            ps->clauses[ps->n_clauses].last = (uint16_t)(i - 1);
            ps->n_clauses++;
        }
        start = i + 1;
    }
    return 0;
}

/* ---- 8. complexity -------------------------------------------------------- */

static void check_complexity(parse_state *ps)
{
    const coder_options *o = &ps->opts;
    int verbs = 0, actors = 0, pronouns = 0, conj = 0;
    long first_verb = -1, first_actor_at = -1;
    int16_t last_unit = -1;
    for (size_t i = 0; i < ps->n_live; i++) {
        const tok *t = live_tok(ps, i);
        if (t->type == T_VERB && t->unit != last_unit) {
            verbs++;
            const unit *u = &ps->units[t->unit];
            if (first_verb < 0 && !is_special(u->code, "---"))
                first_verb = (long)i;
        }
        if (t->type == T_CONJ && !t->absorbed)
            conj++;
        if (t->mention >= 0) {
            const mention *m = &ps->mentions[t->mention];
            if (m->first == ps->live[i]) {
                if (m->pronoun)
                    pronouns++;
                else
                    actors++;
            }
            if (first_actor_at < 0)
                first_actor_at = (long)i;
        }
        last_unit = t->unit;
    }
    const char *why = NULL;
    if (o->cx_verbs && verbs >= o->cx_verbs)
        why = "too many verbs";
    else if (o->cx_conj && conj >= o->cx_conj)
        why = "too many conjunctions";
    else if (o->cx_actors && actors >= o->cx_actors)
        why = "too many actors";
    else if (o->cx_pronouns && pronouns >= o->cx_pronouns)
        why = "too many pronouns";
    else if (o->cx_noverb && verbs == 0)
        why = "no verb";
    else if (o->cx_lateverb && (first_verb < 0 ||
                                first_verb >= o->cx_lateverb))
        why = "late verb";
    else if (o->cx_noactprior && first_verb >= 0 &&
             (first_actor_at < 0 || first_actor_at > first_verb))
        why = "no actor before the first verb";
    else if (o->cx_noactafter && first_verb >= 0) {
        bool after = false;
        for (size_t i = (size_t)first_verb; i < ps->n_live; i++)
            if (live_tok(ps, i)->mention >= 0)
                after = true;
        if (!after)
            why = "no actor after the first verb";
    }
    if (why) {
        ps->complex = true;
        ps->why_complex = why;
    }
}

/* ---- the whole parse -------------------------------------------------------- */

int parse_sentence(parse_state *ps, const char *text, size_t len,
                   int32_t date)
{
    int err;
    strbuf_clear(&ps->words);
    ps->n_toks = ps->n_units = ps->n_mentions = ps->n_compounds = 0;
    ps->n_live = ps->n_clauses = 0;
    ps->discard = ps->complex = false;
    ps->may_name_day = false;
    ps->why_complex = NULL;
    ps->time_shift = 0;
    ps->text = text;
    ps->text_len = len;
    ps->date = date;
    if ((err = tokenize(ps, text, len)) < 0)
        return err;
    if ((err = classify(ps)) < 0)
        return err;
    if ((err = build_mentions(ps)) < 0)
        return err;
    mark_territories(ps);
    absorb_phrase_conjunctions(ps);
    if ((err = find_compounds(ps)) < 0)
        return err;
    drop_comma_clauses(ps);
    if ((err = resolve_pronouns(ps)) < 0)
        return err;
    if ((err = split_clauses(ps)) < 0)
        return err;
    check_complexity(ps);
    return 0;
}
