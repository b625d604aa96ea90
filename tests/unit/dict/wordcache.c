/*
 * wordcache.c - unit tests of the per-word memory of dictionary entries
 *
 * wordcache_cands must give exactly the entries whose first word matches
 * the word, as a scan of every entry finds them, whether the word is new,
 * remembered, or seen again after the table filled; wordcache_lemma
 * must give what text_lemma_verb gives, and wordcache_lemma_may_verb
 * whether that lemma begins a verb.  A full table keeps the words that
 * came back since it last filled.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "casus/casus.h"
#include "dictdef.h"
#include "scratch.h"
#include "text.h"
#include "wordcache.h"

static casus_dict *dict;

static int setup(void **state)
{
    (void)state;
    if (scratch_open("wc") < 0)
        return -1;
    /* stems, exact words, a phrase, and keys that are prefixes of one
     * another (ATTACK, ATTACKED_, ATTACKS_ON) */
    scratch_put("t.verbs",
                "ATTACK\n"
                "- * $ [190]\n"
                "ATTACKED_\n"
                "- * $ [190]\n"
                "ACCUSE_\n"
                "- * $ [112]\n"
                "BAN_\n"
                "- * $ [172]\n"
                "SEEK_\n"
                "- * $ [020]\n"
                "ATTACKS ON\n"
                "- * $ [190]\n");
    scratch_put("t.actors",
                "ATHENS_ [GRC]\n"
                "AT_TACKS_ [XXX]\n"
                "SERBIA [SRB]\n"
                "SERBIAN_ [SRB]\n");
    if (casus_dict_new(&dict) != 0 ||
        casus_dict_load(dict, scratch_path("t.verbs"), NULL) != 0)
        return -1;
    return casus_dict_load(dict, scratch_path("t.actors"), NULL) == 0 ? 0
                                                                      : -1;
}

static int teardown(void **state)
{
    (void)state;
    casus_dict_free(dict);
    return scratch_close();
}

static int cmp_u32(const void *a, const void *b)
{
    const uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The candidates of w by a scan of every entry, sorted; their number. */
static size_t scan_cands(const char *w, uint32_t *out, size_t cap)
{
    const size_t n = strlen(w);
    size_t count = 0;
    for (size_t i = 0; i < dict->n_entries; i++) {
        const entry *e = &dict->entries[i];
        const dword *w0 = &e->ph.words[0];
        int ends = END_NONE;
        if (e->ph.n_words == 1)
            ends = e->kind == K_VERB || e->kind == K_TIME ||
                   e->kind == K_ATTRIB ? END_VERB : END_NOUN;
        if (w0->len <= n && memcmp(w, w0->w, w0->len) == 0 &&
            word_match(w0, w, n, ends)) {
            assert_true(count < cap);
            out[count++] = (uint32_t)i;
        }
    }
    return count;
}

static void assert_cands(wordcache *wc, const char *w)
{
    uint32_t want[64], got[64];
    const size_t n_want = scan_cands(w, want, 64);
    wc_slot *s = wordcache_word(wc, dict, w, strlen(w),
                                map_hash(w, strlen(w)));
    assert_non_null(s);
    const wc_cand *cands;
    const size_t n_got = wordcache_cands(wc, s, &cands);
    assert_int_equal(n_got, n_want);
    assert_true(n_got <= 64);
    for (size_t i = 0; i < n_got; i++) {
        /* each record tells what its entry does */
        const entry *e = &dict->entries[cands[i].id];
        size_t n = e->ph.n_words - (entry_ends(e->kind) == END_VERB);
        assert_int_equal(cands[i].kind, e->kind);
        assert_int_equal(cands[i].caps_only, e->caps_only);
        assert_int_equal(cands[i].has_next, n > 1);
        if (n > 1)
            assert_int_equal(cands[i].next_hash, e->ph.words[1].hash);
        got[i] = cands[i].id;
    }
    qsort(got, n_got, sizeof(*got), cmp_u32);
    for (size_t i = 0; i < n_got; i++)
        assert_int_equal(got[i], want[i]);
}

static const char *const words[] = {
    "ATTACK", "ATTACKED", "ATTACKS", "ATTACKING", "ATHENS", "ATHENSS",
    "AT", "ACCUSED", "ACCUSES", "BANNED", "BANS", "BANANA", "SERBIA",
    "SERBIAN", "SERBIANS", "SEEK", "SEEKING", "ZEBRA"
};
#define N_WORDS (sizeof(words) / sizeof(words[0]))

static void test_wordcache__cands_are_the_matching_entries(void **state)
{
    (void)state;
    wordcache wc;
    assert_int_equal(wordcache_init(&wc), 0);
    /* some word must have several candidates, some none, or the test
     * shows little */
    uint32_t tmp[64];
    assert_true(scan_cands("ATTACKED", tmp, 64) >= 2);
    assert_int_equal(scan_cands("ZEBRA", tmp, 64), 0);
    for (int round = 0; round < 2; round++)   /* new, then remembered */
        for (size_t i = 0; i < N_WORDS; i++)
            assert_cands(&wc, words[i]);
    wordcache_dispose(&wc);
}

static void test_wordcache__a_full_table_is_refilled(void **state)
{
    (void)state;
    wordcache wc;
    assert_int_equal(wordcache_init(&wc), 0);
    char lem[TEXT_WORD_MAX + 1], want[TEXT_WORD_MAX + 1];
    wc_slot *s = wordcache_word(&wc, dict, "ATTACKED", 8,
                                map_hash("ATTACKED", 8));
    assert_int_equal(wordcache_lemma(&wc, s, lem), 6);
    assert_string_equal(lem, "ATTACK");
    /* far more distinct words than the table keeps */
    char w[32];
    for (int k = 0; k < 100000; k++) {
        int n = snprintf(w, sizeof(w), "ATTACKX%d", k);
        s = wordcache_word(&wc, dict, w, (size_t)n, map_hash(w, (size_t)n));
        assert_non_null(s);
        if (k % 7 == 0) {
            size_t len = wordcache_lemma(&wc, s, lem);
            size_t want_len = text_lemma_verb(want, sizeof(want), w,
                                              (size_t)n, NULL);
            assert_int_equal(len, want_len);
            assert_string_equal(lem, want);
        }
    }
    assert_true(wc.n_used < 100000);
    for (size_t i = 0; i < N_WORDS; i++)
        assert_cands(&wc, words[i]);
    s = wordcache_word(&wc, dict, "SOUGHT", 6, map_hash("SOUGHT", 6));
    for (int round = 0; round < 2; round++) {
        assert_int_equal(wordcache_lemma(&wc, s, lem), 4);
        assert_string_equal(lem, "SEEK");
    }
    wordcache_dispose(&wc);
}

/* A full table keeps the words found again since it last filled, with
 * their candidates and lemmas, and forgets the words met once. */
static void test_wordcache__frequent_words_outlive_a_full_table(void **state)
{
    (void)state;
    wordcache wc;
    assert_int_equal(wordcache_init(&wc), 0);
    char lem[TEXT_WORD_MAX + 1], w[32];
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < N_WORDS; i++)
            assert_cands(&wc, words[i]);
    wc_slot *s = wordcache_word(&wc, dict, "SOUGHT", 6,
                                map_hash("SOUGHT", 6));
    assert_int_equal(wordcache_lemma(&wc, s, lem), 4);
    wordcache_word(&wc, dict, "ONCE", 4, map_hash("ONCE", 4));
    /* words met once, among which the others come back, as common words
     * do in news, until the table has filled three times; the test looks
     * right after the third */
    int fills = 0;
    for (int k = 0; fills < 3; k++) {
        int n = snprintf(w, sizeof(w), "FILLER%d", k);
        const size_t before = wc.n_used;
        assert_non_null(wordcache_word(&wc, dict, w, (size_t)n,
                                       map_hash(w, (size_t)n)));
        fills += wc.n_used < before;
        if (k % 1000 == 0 && fills < 3) {
            for (size_t i = 0; i < N_WORDS; i++)
                wordcache_word(&wc, dict, words[i], strlen(words[i]),
                               map_hash(words[i], strlen(words[i])));
            wordcache_word(&wc, dict, "SOUGHT", 6, map_hash("SOUGHT", 6));
        }
    }
    /* found again without a first sight: the table does not grow */
    const size_t used = wc.n_used;
    for (size_t i = 0; i < N_WORDS; i++)
        assert_cands(&wc, words[i]);
    s = wordcache_word(&wc, dict, "SOUGHT", 6, map_hash("SOUGHT", 6));
    assert_int_equal(wc.n_used, used);
    assert_int_equal(wordcache_lemma(&wc, s, lem), 4);
    assert_string_equal(lem, "SEEK");
    /* a word met once was forgotten */
    wordcache_word(&wc, dict, "ONCE", 4, map_hash("ONCE", 4));
    assert_int_equal(wc.n_used, used + 1);
    wordcache_dispose(&wc);
}

static void test_wordcache__a_word_too_long_has_no_slot(void **state)
{
    (void)state;
    wordcache wc;
    assert_int_equal(wordcache_init(&wc), 0);
    char w[TEXT_WORD_MAX + 2];
    memset(w, 'A', sizeof(w) - 1);
    w[sizeof(w) - 1] = '\0';
    assert_null(wordcache_word(&wc, dict, w, TEXT_WORD_MAX + 1,
                               map_hash(w, TEXT_WORD_MAX + 1)));
    assert_null(wordcache_word(&wc, dict, w, 0, map_hash(w, 0)));
    const wc_cand *cands;
    assert_int_equal(wordcache_cands(&wc, NULL, &cands), 0);
    wordcache_dispose(&wc);
    wordcache_dispose(&wc);     /* twice is harmless */
}


/* wordcache_lemma_may_verb: a lemma other than the word, with a verb
 * among the candidates of the lemma, as the scan finds them. */
static void test_wordcache__a_lemma_may_find_a_verb(void **state)
{
    (void)state;
    wordcache wc;
    assert_int_equal(wordcache_init(&wc), 0);
    static const char *const more[] = { "SOUGHT", "BANNED", "ZEBRAS",
                                        "SEEKS", "ATHENS" };
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < N_WORDS + 5; i++) {
            const char *w = i < N_WORDS ? words[i] : more[i - N_WORDS];
            const size_t n = strlen(w);
            char lem[TEXT_WORD_MAX + 1];
            const size_t ln = text_lemma_verb(lem, sizeof(lem), w, n, NULL);
            bool want = false;
            if (ln > 0 && ln <= TEXT_WORD_MAX &&
                (ln != n || memcmp(lem, w, n) != 0)) {
                uint32_t ids[64];
                const size_t nc = scan_cands(lem, ids, 64);
                for (size_t k = 0; k < nc; k++)
                    want = want || dict->entries[ids[k]].kind == K_VERB;
            }
            wc_slot *s = wordcache_word(&wc, dict, w, n, map_hash(w, n));
            assert_non_null(s);
            assert_int_equal(wordcache_lemma_may_verb(&wc, dict, s), want);
        }
    wc_slot *s = wordcache_word(&wc, dict, "SOUGHT", 6, map_hash("SOUGHT", 6));
    assert_true(wordcache_lemma_may_verb(&wc, dict, s));
    s = wordcache_word(&wc, dict, "SEEK", 4, map_hash("SEEK", 4));
    assert_false(wordcache_lemma_may_verb(&wc, dict, s));
    wordcache_dispose(&wc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wordcache__cands_are_the_matching_entries),
        cmocka_unit_test(test_wordcache__a_full_table_is_refilled),
        cmocka_unit_test(test_wordcache__frequent_words_outlive_a_full_table),
        cmocka_unit_test(test_wordcache__a_word_too_long_has_no_slot),
        cmocka_unit_test(test_wordcache__a_lemma_may_find_a_verb),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
