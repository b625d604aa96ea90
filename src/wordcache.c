/*
 * wordcache.c - what the dictionary holds for a word, remembered
 *
 * A slot per distinct word, found by linear probing from its hash; the
 * word, its lemma and its candidate entries are appended to flat arrays.
 * The table is emptied whole when a slot or array would pass its bound,
 * so it never holds more than WC_MAX_WORDS words.
 *
 * SPDX-License-Identifier: MIT
 */
#include "wordcache.h"

#include <string.h>

#include "alloc.h"
#include "bytes.h"
#include "dates.h"
#include "text.h"

#define WC_SLOTS (1u << 15)         /* a power of two */
#define WC_MAX_WORDS (WC_SLOTS / 2) /* probes stay short */
#define WC_CHARS (WC_MAX_WORDS * 24u)
#define WC_CANDS (1u << 16)
#define WC_KEEP (WC_MAX_WORDS / 2)  /* words kept when the table is full */
#define WC_LEMMA_UNKNOWN UINT8_MAX

struct wc_slot {
    uint32_t hash;
    uint32_t key;           /* offset of the word in chars */
    uint32_t cands;         /* offset of its candidates in cands */
    uint32_t lemma;         /* offset of its lemma in chars */
    uint16_t key_len;       /* 0: the slot is empty */
    uint16_t n_cands;
    uint8_t lemma_len;      /* WC_LEMMA_UNKNOWN until asked for */
    uint8_t lemma_verb;     /* WC_VERB_*: wordcache_lemma_may_verb() */
    uint8_t hits;           /* times found since it came or was kept,
                               up to UINT8_MAX */
    bool date;              /* dates_may_begin() of the word */
};

_Static_assert(TEXT_WORD_MAX < WC_LEMMA_UNKNOWN, "a lemma's length fits");

enum { WC_VERB_UNKNOWN = 0, WC_VERB_NO, WC_VERB_MAYBE };

int wordcache_init(wordcache *wc)
{
    memset(wc, 0, sizeof(*wc));
    wc->slots = cs_calloc(WC_SLOTS, sizeof(*wc->slots));
    wc->chars = cs_malloc(WC_CHARS);
    wc->cands = cs_malloc(WC_CANDS * sizeof(*wc->cands));
    wc->spare_slots = cs_malloc(WC_SLOTS * sizeof(*wc->spare_slots));
    wc->spare_chars = cs_malloc(WC_CHARS);
    wc->spare_cands = cs_malloc(WC_CANDS * sizeof(*wc->spare_cands));
    if (wc->slots == NULL || wc->chars == NULL || wc->cands == NULL ||
        wc->spare_slots == NULL || wc->spare_chars == NULL ||
        wc->spare_cands == NULL) {
        wordcache_dispose(wc);
        return CASUS_ENOMEM;
    }
    return 0;
}

void wordcache_dispose(wordcache *wc)
{
    cs_free(wc->slots);
    cs_free(wc->chars);
    cs_free(wc->cands);
    cs_free(wc->spare_slots);
    cs_free(wc->spare_chars);
    cs_free(wc->spare_cands);
    memset(wc, 0, sizeof(*wc));
}

static void clear(wordcache *wc)
{
    memset(wc->slots, 0, WC_SLOTS * sizeof(*wc->slots));
    wc->n_used = wc->chars_len = wc->cands_len = 0;
}

/*
 * Keep the words found most often since the table was last full, at most
 * WC_KEEP of them, and forget the rest: a full table is not emptied, as
 * then the commonest words (THE, SAID, POLICE) would each cost a first
 * sight again.  The kept words are copied to the spare tables, with
 * their candidates and lemmas, and the tables change places; a kept word
 * keeps half its hits, so that one missing for a while is not kept for
 * ever.
 */
static void keep_frequent(wordcache *wc)
{
    /* the fewest hits a kept word has: the least that keeps <= WC_KEEP */
    size_t with[UINT8_MAX + 1] = { 0 };
    for (size_t i = 0; i < WC_SLOTS; i++)
        if (wc->slots[i].key_len != 0)
            with[wc->slots[i].hits]++;
    unsigned least = UINT8_MAX + 1;
    size_t kept = 0;
    while (least > 1 && kept + with[least - 1] <= WC_KEEP)
        kept += with[--least];

    wc_slot *const to = wc->spare_slots;
    memset(to, 0, WC_SLOTS * sizeof(*to));
    size_t n_chars = 0, n_cands = 0, n_used = 0;
    for (size_t i = 0; i < WC_SLOTS; i++) {
        const wc_slot *s = &wc->slots[i];
        if (s->key_len == 0 || s->hits < least)
            continue;
        size_t k = s->hash & (WC_SLOTS - 1);
        while (to[k].key_len != 0)
            k = (k + 1) & (WC_SLOTS - 1);
        wc_slot *t = &to[k];
        *t = *s;
        t->hits = s->hits / 2;  /* an old count fades */
        t->key = (uint32_t)n_chars;
        memcpy(wc->spare_chars + n_chars, wc->chars + s->key, s->key_len);
        n_chars += s->key_len;
        if (s->lemma_len != WC_LEMMA_UNKNOWN) {
            t->lemma = (uint32_t)n_chars;
            memcpy(wc->spare_chars + n_chars, wc->chars + s->lemma,
                   s->lemma_len);
            n_chars += s->lemma_len;
        }
        t->cands = (uint32_t)n_cands;
        memcpy(wc->spare_cands + n_cands, wc->cands + s->cands,
               s->n_cands * sizeof(*wc->cands));
        n_cands += s->n_cands;
        n_used++;
    }
    wc->spare_slots = wc->slots;
    wc->slots = to;
    char *const chars = wc->spare_chars;
    wc->spare_chars = wc->chars;
    wc->chars = chars;
    wc_cand *const cands = wc->spare_cands;
    wc->spare_cands = wc->cands;
    wc->cands = cands;
    wc->n_used = n_used;
    wc->chars_len = n_chars;
    wc->cands_len = n_cands;
}

/* The endings the first word of e's phrase takes: its last word's when
 * it is the only one, as match_phrase() in sentence.c asks. */
static int ends_of_entry(const entry *e)
{
    return e->ph.n_words > 1 ? END_NONE : entry_ends(e->kind);
}

/* The candidate record of entry id of d. */
static wc_cand cand_of(const casus_dict *d, uint32_t id)
{
    const entry *e = &d->entries[id];
    const uint16_t n = entry_held_words(e);
    return (wc_cand){ .id = id, .kind = e->kind, .caps_only = e->caps_only,
                      .name_cap = e->name_cap,
                      .has_next = n > 1,
                      .next_hash = n > 1 ? e->ph.words[1].hash : 0 };
}

/*
 * The entries of kind `only` (-1: any) whose first word matches w, under
 * any prefix of w: their number, with the first cap of them written to
 * out.  Every prefix of w may be a key of the index; the hash of each
 * prefix extends the one before.
 */
static size_t index_cands(const casus_dict *d, const char *w, size_t n,
                          int only, wc_cand *out, size_t cap)
{
    const uint64_t lens = d->key_lens[(unsigned char)w[0]];
    uint32_t h = MAP_HASH_INIT;
    size_t count = 0;
    for (size_t l = 1; l <= n && l <= 64; l++) {
        h = map_hash_add(h, (unsigned char)w[l - 1]);
        if (!(lens & (1ull << (l - 1))) || !dict_bloom_may(d->key_bloom, h))
            continue;   /* no key of this length starts with this byte,
                           or none has this hash */
        const entry_list *el = map_get_hashed(&d->index, w, l, h);
        for (uint32_t k = 0; el != NULL && k < el->n; k++) {
            const entry *e = &d->entries[el->ids[k]];
            if ((only >= 0 && e->kind != only) ||
                !word_match(&e->ph.words[0], w, n, ends_of_entry(e)))
                continue;
            if (count < cap)
                out[count] = cand_of(d, el->ids[k]);
            count++;
        }
    }
    return count;
}

/* Append the candidates of w to wc->cands; returns their number, or -1
 * when they do not fit. */
static long find_cands(wordcache *wc, const casus_dict *d, const char *w,
                       size_t n)
{
    const size_t room = WC_CANDS - wc->cands_len;
    const size_t count = index_cands(d, w, n, -1,
                                     wc->cands + wc->cands_len, room);
    return count < room ? (long)count : -1;
}

wc_slot *wordcache_word(wordcache *wc, const casus_dict *d,
                        const char *w, size_t n, uint32_t h)
{
    if (n == 0 || n > TEXT_WORD_MAX)
        return NULL;
    for (int tries = 0; tries < 3; tries++) {
        size_t i = h & (WC_SLOTS - 1);
        wc_slot *s;
        for (;; i = (i + 1) & (WC_SLOTS - 1)) {
            s = &wc->slots[i];
            if (s->key_len == 0)
                break;
            if (s->hash == h && s->key_len == n &&
                bytes_same(wc->chars + s->key, w, n)) {
                s->hits += s->hits < UINT8_MAX;
                return s;
            }
        }
        /* a new word: room for it and its candidates? */
        if (wc->n_used < WC_MAX_WORDS && wc->chars_len + n <= WC_CHARS) {
            long nc = find_cands(wc, d, w, n);
            if (nc >= 0) {
                s->hash = h;
                s->key = (uint32_t)wc->chars_len;
                s->key_len = (uint16_t)n;
                memcpy(wc->chars + wc->chars_len, w, n);
                wc->chars_len += n;
                s->cands = (uint32_t)wc->cands_len;
                s->n_cands = (uint16_t)nc;
                wc->cands_len += (size_t)nc;
                s->lemma_len = WC_LEMMA_UNKNOWN;
                s->lemma_verb = WC_VERB_UNKNOWN;
                s->hits = 0;
                s->date = dates_may_begin(w, n);
                wc->n_used++;
                return s;
            }
        }
        /* full: keep the frequent words, and if that leaves no room,
         * none */
        if (tries == 0)
            keep_frequent(wc);
        else
            clear(wc);
    }
    return NULL;    /* more candidates than the whole table holds */
}

void wordcache_prefetch(const wordcache *wc, uint32_t h)
{
    __builtin_prefetch(&wc->slots[h & (WC_SLOTS - 1)]);
}

size_t wordcache_cands(const wordcache *wc, const wc_slot *s,
                       const wc_cand **cands_out)
{
    *cands_out = s ? wc->cands + s->cands : NULL;
    return s ? s->n_cands : 0;
}

size_t wordcache_lemma(wordcache *wc, wc_slot *s, char *out)
{
    if (s->lemma_len != WC_LEMMA_UNKNOWN) {
        memcpy(out, wc->chars + s->lemma, s->lemma_len);
        out[s->lemma_len] = '\0';
        return s->lemma_len;
    }
    const size_t len = text_lemma_verb(out, TEXT_WORD_MAX + 1,
                                       wc->chars + s->key, s->key_len, NULL);
    /* kept when it fits, else found again next time */
    if (len <= TEXT_WORD_MAX && wc->chars_len + len <= WC_CHARS) {
        memcpy(wc->chars + wc->chars_len, out, len);
        s->lemma = (uint32_t)wc->chars_len;
        s->lemma_len = (uint8_t)len;
        wc->chars_len += len;
    }
    return len;
}

bool wordcache_lemma_may_verb(wordcache *wc, const casus_dict *d,
                              wc_slot *s)
{
    if (s->lemma_verb == WC_VERB_UNKNOWN) {
        char lem[TEXT_WORD_MAX + 1];
        const size_t n = wordcache_lemma(wc, s, lem);
        const bool other = n > 0 && n <= TEXT_WORD_MAX &&
            (n != s->key_len || memcmp(lem, wc->chars + s->key, n) != 0);
        const bool verbs = other && index_cands(d, lem, n, K_VERB, NULL, 0);
        s->lemma_verb = verbs ? WC_VERB_MAYBE : WC_VERB_NO;
    }
    return s->lemma_verb == WC_VERB_MAYBE;
}

bool wordcache_may_begin_date(const wc_slot *s)
{
    return s == NULL || s->date;
}
