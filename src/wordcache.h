/*
 * wordcache.h - what the dictionary holds for a word, remembered
 *
 * Finding the dictionary phrases that a word can begin costs an index
 * probe for every prefix of the word (a stem such as ACCEPT matches
 * ACCEPTED), and its verb lemma costs a walk through WordNet's tables.
 * News repeats its words, so a parse remembers both for each distinct
 * word in a bounded table: the entries whose first word matches the
 * word, and its lemma.  When the table is full, the words met most
 * often since the last time are kept, about half of it, and the rest
 * are forgotten.  Nothing is allocated after wordcache_init(), and what a
 * word is given never depends on which words came before it.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_WORDCACHE_H
#define CASUS_WORDCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dictdef.h"

typedef struct wc_slot wc_slot;

/* A candidate entry of a word, with what a parse asks of it first, so
 * that most candidates are turned away without reading the entry. */
typedef struct wc_cand {
    uint32_t id;            /* index into d->entries */
    uint32_t next_hash;     /* has_next: map_hash of the phrase's second
                               word, which the sentence must hold */
    uint8_t kind;           /* the entry's K_* */
    uint8_t caps_only;      /* the entry's caps_only */
    uint8_t name_cap;       /* the entry's name_cap */
    uint8_t has_next;       /* the phrase has a second word to check */
} wc_cand;

typedef struct wordcache {
    wc_slot *slots;     /* WC_SLOTS, open addressing */
    size_t n_used;
    char *chars;        /* the words and their lemmas */
    size_t chars_len;
    wc_cand *cands;     /* every word's candidates, in runs */
    size_t cands_len;
    /* tables of the same sizes, which the words kept are copied to when
     * the table is full, and which then change places with the others */
    wc_slot *spare_slots;
    char *spare_chars;
    wc_cand *spare_cands;
} wordcache;

#define WORDCACHE_INIT { NULL, 0, NULL, 0, NULL, 0, NULL, NULL, NULL }

/* Allocate the tables.  Returns 0 or CASUS_ENOMEM. */
int wordcache_init(wordcache *wc);
void wordcache_dispose(wordcache *wc);

/*
 * The slot of word w (upper case, folded, n bytes) with h = map_hash(w,
 * n), filled on first sight.  It stays valid until the next call of
 * wordcache_word() on wc.  NULL only for an empty word or one longer
 * than TEXT_WORD_MAX.  The table must only ever be used with one d.
 */
wc_slot *wordcache_word(wordcache *wc, const casus_dict *d,
                        const char *w, size_t n, uint32_t h);

/* Start loading the slot a word of hash h would take, ahead of
 * wordcache_word(): a sentence's words are asked for one after another,
 * and the table is larger than the nearer caches. */
void wordcache_prefetch(const wordcache *wc, uint32_t h);

/*
 * The entries of d whose phrase's first word matches the slot's word for
 * the phrase's kind: exactly those of d->index under any prefix of the
 * word that word_match() accepts, in index order.  Returns their number
 * and sets *cands_out.  A NULL slot has none.  has_next is set when the
 * phrase has a second word that is not a verb's last (those take
 * endings a sentence's words need not start with).
 */
size_t wordcache_cands(const wordcache *wc, const wc_slot *s,
                       const wc_cand **cands_out);

/*
 * text_lemma_verb(out, TEXT_WORD_MAX + 1, word, len, NULL) of the slot's
 * word, remembered; out must hold TEXT_WORD_MAX + 1 bytes.  Returns what
 * text_lemma_verb returns.
 */
size_t wordcache_lemma(wordcache *wc, wc_slot *s, char *out);

/*
 * Whether the slot's word has a lemma of at most TEXT_WORD_MAX bytes
 * other than itself whose first bytes begin a verb entry of d (K_VERB,
 * as wordcache_cands() would give the lemma), remembered.  Only then can
 * the lemma find a verb the word did not.
 */
bool wordcache_lemma_may_verb(wordcache *wc, const casus_dict *d,
                              wc_slot *s);

/* dates_may_begin() of the slot's word, found when the word was first
 * seen.  A NULL slot (a word not kept) may. */
bool wordcache_may_begin_date(const wc_slot *s);

#endif
