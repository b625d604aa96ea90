/*
 * lemma.c - verb lemmas and inflections from WordNet data
 *
 * Maps an inflected uppercase verb to its lemma (text_lemma_verb) and a
 * lemma to its inflections (text_verb_forms), for the dictionary loader
 * and the coder.  The data are WordNet 3.0's verb exception list and verb
 * index, compiled at build time by scripts/gen-lemma.sh into sorted
 * tables ($(BUILD)/gen/lemma_exc.inc, which carries the WordNet licence):
 * a hash table of every known word for the lemmatiser, and a sorted
 * lemma-to-forms table for text_verb_forms.  Nothing here allocates
 * except the caller's strbuf in text_verb_forms.
 *
 * SPDX-License-Identifier: MIT
 */
#include "text.h"

#include <assert.h>
#include <string.h>

#include "casus/common.h"

/* lemma_words[][1]: the word is a verb lemma. */
#define LEMMA_VERB 0x80000000u

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif
#include "lemma_exc.inc"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

_Static_assert(LEMMA_BLOB_SIZE < UINT32_MAX, "blob offsets are 32-bit");

/* ------------------------------------------------------------------ */
/* Table lookups                                                       */
/* ------------------------------------------------------------------ */

/* Compare w[0..n) with the NUL-terminated k, bytewise like the sort that
 * made the tables. */
static int key_cmp(const char *w, size_t n, const char *k)
{
    for (size_t i = 0; i < n; i++) {
        const unsigned char a = (unsigned char)w[i];
        const unsigned char b = (unsigned char)k[i];
        if (b == 0)
            return 1;
        if (a != b)
            return a < b ? -1 : 1;
    }
    return k[n] == 0 ? 0 : -1;
}

/* Lowest row of the sorted {lemma, form} table whose lemma is >= w. */
static size_t rev_lower_bound(const char *w, size_t len)
{
    size_t lo = 0, hi = LEMMA_N_EXC_REV;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (key_cmp(w, len, lemma_blob + lemma_exc_rev[mid][0]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The hash of scripts/gen-lemma.sh: h = h * 131 + c (mod 2^20) over the
 * bytes, then bits 17..31 of h * 2654435761 (Fibonacci hashing). */
static size_t lemma_hash_of(const char *w, size_t len)
{
    uint32_t h = 0;
    for (size_t i = 0; i < len; i++)
        h = (h * 131 + (unsigned char)w[i]) & 0xFFFFF;
    return (size_t)((((uint64_t)h * 2654435761u) >> 17) &
                    (LEMMA_HASH_SIZE - 1));
}

_Static_assert((LEMMA_HASH_SIZE & (LEMMA_HASH_SIZE - 1)) == 0,
               "the hash table size is a power of two");

/*
 * The lemma_words row of w, or NULL.  How it works: linear probing from
 * w's slot until an empty slot; the generator kept the table at most half
 * full, so a miss (the common case: most words are not verbs) usually
 * costs one or two probes.
 */
static const uint32_t *word_lookup(const char *w, size_t len)
{
    size_t h = lemma_hash_of(w, len);
    for (;;) {
        const unsigned r = lemma_hash[h];
        if (r == 0)
            return NULL;
        const uint32_t *row = lemma_words[r - 1];
        if (key_cmp(w, len, lemma_blob + row[0]) == 0)
            return row;
        h = (h + 1) & (LEMMA_HASH_SIZE - 1);
    }
}

bool text_is_verb(const char *word, size_t len)
{
    const uint32_t *row = word_lookup(word, len);
    return row != NULL && (row[1] & LEMMA_VERB) != 0;
}

/* ------------------------------------------------------------------ */
/* Spelling rules                                                      */
/* ------------------------------------------------------------------ */

static inline bool is_vowel(const char *w, size_t i)
{
    switch (w[i]) {
    case 'A': case 'E': case 'I': case 'O':
        return true;
    case 'U':  /* not in QU, where it is part of the consonant */
        return i == 0 || w[i - 1] != 'Q';
    case 'Y':  /* a vowel after a consonant: CRY, TYPE */
        return i > 0 && !is_vowel(w, i - 1);
    default:
        return false;
    }
}

static inline bool is_letter(char c)
{
    return c >= 'A' && c <= 'Z';
}

static inline bool is_consonant(const char *w, size_t i)
{
    return is_letter(w[i]) && !is_vowel(w, i);
}

/* Number of vowel groups in the last word of w[0..n). */
static size_t syllables(const char *w, size_t n)
{
    size_t b = n, groups = 0;
    while (b > 0 && is_letter(w[b - 1]))
        b--;
    for (size_t i = b; i < n; i++) {
        if (is_vowel(w, i) && (i == b || !is_vowel(w, i - 1)))
            groups++;
    }
    return groups;
}

/* Ends in consonant, one vowel, consonant (not W, X, Y): STOP, QUIT. */
static bool ends_cvc(const char *w, size_t n)
{
    if (n < 2)
        return false;
    const char last = w[n - 1];
    if (!is_consonant(w, n - 1) || last == 'W' || last == 'X' ||
        last == 'Y' || !is_vowel(w, n - 2))
        return false;
    return n == 2 || !is_vowel(w, n - 3);
}

/* Does the stem w[0..n), left by removing -ED or -ING, end where an E was
 * dropped (RAIS-ED, MAK-ING, HANDL-ED) rather than at the lemma's own end
 * (ATTACK-ED, OPEN-ING)?  A heuristic: it orders candidates and makes the
 * guess for words WordNet does not know. */
static bool lost_e(const char *w, size_t n, bool ing)
{
    if (n < 2)
        return false;
    const char last = w[n - 1], prev = w[n - 2];
    const bool single = ends_cvc(w, n);  /* one vowel before last */
    const bool mono = syllables(w, n) == 1;
    switch (last) {
    case 'E':
        return !ing;         /* FRE-ED -> FREE; SEE-ING -> SEE */
    case 'U': case 'V':
        return true;         /* ARGU-ED, SOLV-ING */
    case 'C':
        return true;         /* FORC-ED (PANICK-ED keeps its K) */
    case 'Z': case 'S':
        return prev != last; /* SEIZ-ED, RAIS-ED; not BUZZ, PASS */
    case 'G':
        return prev != 'G' && prev != 'N';  /* CHARG-ED; not SING-ING */
    case 'L': case 'R':
        if (!is_vowel(w, n - 2))
            return prev != last && prev != 'R' && prev != 'W' &&
                   prev != 'L';              /* HANDL-ED, CENTR-ED */
        if (!single)
            return false;                    /* APPEAR-ED, FAIL-ED */
        if (last == 'R' && (prev == 'A' || prev == 'I' || prev == 'U'))
            return true;                     /* DECLAR-ED, REQUIR-ED */
        if (last == 'L' && (prev == 'I' || prev == 'O' || prev == 'U'))
            return true;                     /* COMPIL-ED, CONSOL-ED */
        return mono;                         /* STOR-ED; not ENTER-ED */
    case 'H':
        return n >= 4 && prev == 'T' && is_vowel(w, n - 3) &&
               is_vowel(w, n - 4);           /* BREATH-ED -> BREATHE */
    case 'K': case 'B': case 'D': case 'M':
        return single && prev != 'E';        /* PROVOK-ED, INVAD-ED */
    case 'T':
        return single && (prev == 'A' || prev == 'U' || mono);
    case 'N':
        return single && (prev == 'I' || prev == 'U' || mono);
    case 'P':
        return single && (prev == 'A' || mono);
    default:
        return single && mono;               /* HOP-ED -> HOPE */
    }
}

/* A lemma candidate: word[0..keep) + add. */
typedef struct cand {
    size_t keep;
    const char *add;
} cand;

/*
 * Candidate lemmas of a regularly inflected word, most likely first, and
 * in *guess the one to use when WordNet knows none of them.  Returns the
 * count (0: the word has no verb suffix).
 */
static size_t candidates(const char *w, size_t n, cand c[4], size_t *guess)
{
    *guess = 0;
#define ENDS(suf) (n > sizeof(suf) - 1 && \
                   memcmp(w + n - (sizeof(suf) - 1), suf, sizeof(suf) - 1) == 0)
    if (n >= 4 && (ENDS("IES") || ENDS("IED"))) {
        /* CARRIES -> CARRY, DIES -> DIE, TIED -> TIE */
        c[0] = (cand){ n - 3, "Y" };
        c[1] = (cand){ n - 1, "" };
        *guess = n - 3 >= 2 ? 0 : 1;
        return 2;
    }
    if (n >= 4 && ENDS("ES")) {
        /* ACCUSES -> ACCUSE, PUSHES -> PUSH */
        c[0] = (cand){ n - 1, "" };
        c[1] = (cand){ n - 2, "" };
        const char p = w[n - 3];
        const bool sib = p == 'X' || (p == 'S' && w[n - 4] == 'S') ||
                         (p == 'Z' && w[n - 4] == 'Z') ||
                         (p == 'H' && (w[n - 4] == 'C' || w[n - 4] == 'S')) ||
                         (p == 'O' && !is_vowel(w, n - 4));
        *guess = sib ? 1 : 0;
        return 2;
    }
    if (n >= 3 && w[n - 1] == 'S') {
        const char p = w[n - 2];
        if (p == 'S' || p == 'U' || p == 'I' || p == '\'')
            return 0;  /* PASS, FOCUS, THIS */
        c[0] = (cand){ n - 1, "" };
        return 1;
    }

    size_t stem;
    bool ing;
    if (n >= 4 && ENDS("ED")) {
        stem = n - 2;
        ing = false;
    } else if (n >= 5 && ENDS("ING")) {
        stem = n - 3;
        ing = true;
    } else {
        return 0;
    }
#undef ENDS
    bool vowel = false;
    for (size_t i = 0; i < stem; i++)
        vowel = vowel || is_vowel(w, i);
    if (stem < 2 || !vowel)
        return 0;  /* BED, THING */

    const char last = w[stem - 1];
    if (is_consonant(w, stem - 1) && last == w[stem - 2]) {
        /* STOPPED -> STOP, but PASSED -> PASS, CALLED -> CALL */
        c[0] = (cand){ stem, "" };
        c[1] = (cand){ stem - 1, "" };
        c[2] = (cand){ stem, "E" };
        *guess = (last == 'S' || last == 'Z' || last == 'F' || last == 'L')
                     ? 0 : 1;
        return 3;
    }
    if (lost_e(w, stem, ing)) {
        c[0] = (cand){ stem, "E" };   /* RAISED -> RAISE, MAKING -> MAKE */
        c[1] = (cand){ stem, "" };
    } else {
        c[0] = (cand){ stem, "" };    /* ATTACKED -> ATTACK */
        c[1] = (cand){ stem, "E" };
    }
    return 2;
}

/* Is w[0..n) made of A-Z, '-' and '\'' only, starting with a letter? */
static bool plain_word(const char *w, size_t n)
{
    if (n == 0 || !is_letter(w[0]))
        return false;
    for (size_t i = 1; i < n; i++) {
        if (!is_letter(w[i]) && w[i] != '-' && w[i] != '\'')
            return false;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Lemmas                                                              */
/* ------------------------------------------------------------------ */

static size_t put_out(char *out, size_t cap, const char *a, size_t an,
                      const char *b)
{
    const size_t bn = strlen(b);
    if (cap > 0) {
        size_t k = an < cap - 1 ? an : cap - 1;
        memcpy(out, a, k);
        size_t kb = bn < cap - 1 - k ? bn : cap - 1 - k;
        memcpy(out + k, b, kb);
        out[k + kb] = '\0';
    }
    return an + bn;
}

size_t text_lemma_verb(char *out, size_t cap, const char *word, size_t len,
                       text_lemma_src *src_out)
{
    text_lemma_src src = TEXT_LEMMA_GUESS;
    size_t n;

    if (len == 0 || len > TEXT_WORD_MAX || !plain_word(word, len)) {
        n = put_out(out, cap, word, len, "");
        goto done;
    }
    const uint32_t *row = word_lookup(word, len);
    const uint32_t exc = row ? row[1] & ~LEMMA_VERB : 0;
    if (exc) {
        const char *lem = lemma_blob + exc - 1;
        src = TEXT_LEMMA_EXC;
        n = put_out(out, cap, lem, strlen(lem), "");
        goto done;
    }
    if (row && (row[1] & LEMMA_VERB)) {
        src = TEXT_LEMMA_LEXICON;
        n = put_out(out, cap, word, len, "");
        goto done;
    }
    cand c[4];
    size_t guess;
    const size_t nc = candidates(word, len, c, &guess);
    char buf[TEXT_WORD_MAX + 2];
    for (size_t k = 0; k < nc; k++) {
        const size_t an = strlen(c[k].add);
        memcpy(buf, word, c[k].keep);
        memcpy(buf + c[k].keep, c[k].add, an);
        if (text_is_verb(buf, c[k].keep + an)) {
            src = TEXT_LEMMA_LEXICON;
            n = put_out(out, cap, word, c[k].keep, c[k].add);
            goto done;
        }
    }
    if (nc > 0)
        n = put_out(out, cap, word, c[guess].keep, c[guess].add);
    else
        n = put_out(out, cap, word, len, "");
done:
    if (src_out)
        *src_out = src;
    return n;
}

/* ------------------------------------------------------------------ */
/* Inflections                                                         */
/* ------------------------------------------------------------------ */

/* Stress falls on the last syllable, so the consonant doubles:
 * COMMIT, REFER, OCCUR, COMPEL, CONTROL, EQUIP... (WordNet's exception
 * list spells out many more; see TEXT_FORMS_EXC.) */
static const char *const final_stress[] = {
    "CUR", "PEL", "TROL", "BED", "QUIP", "QUIT", "BID", "WIT", "ZIP",
    "NAP", "CAP", "GRET", "BET", "BAR", "NUL", "HOR",
};

static bool doubles(const char *b, size_t n)
{
    if (!ends_cvc(b, n))
        return false;
    if (syllables(b, n) == 1)
        return true;
    for (size_t k = 0; k < sizeof(final_stress) / sizeof(*final_stress);
         k++) {
        const size_t sn = strlen(final_stress[k]);
        if (n > sn && memcmp(b + n - sn, final_stress[k], sn) == 0)
            return true;
    }
    if (n >= 4 && memcmp(b + n - 3, "MIT", 3) == 0)
        return n == 4 || is_consonant(b, n - 4);  /* COMMIT; not LIMIT */
    /* REFER, PREFER, TRANSFER double; OFFER, SUFFER do not */
    return n >= 4 && memcmp(b + n - 3, "FER", 3) == 0 && b[n - 4] != 'F';
}

/* Spell base + suffix ("S", "ED" or "ING") into o; returns the length. */
static size_t inflect(char *o, const char *b, size_t n, const char *suf)
{
    const char last = b[n - 1];
    const bool cons_y = last == 'Y' && n >= 2 && !is_vowel(b, n - 2);
    size_t k = n;
    memcpy(o, b, n);
    if (suf[0] == 'S') {
        const bool sib = last == 'S' || last == 'X' || last == 'Z' ||
                         (last == 'H' && n >= 2 &&
                          (b[n - 2] == 'C' || b[n - 2] == 'S')) ||
                         (last == 'O' && n >= 2 && !is_vowel(b, n - 2));
        if (cons_y) {
            memcpy(o + n - 1, "IES", 3);
            return n + 2;
        }
        memcpy(o + k, sib ? "ES" : "S", sib ? 2 : 1);
        return k + (sib ? 2 : 1);
    }
    const bool ed = suf[0] == 'E';
    if (ed && last == 'E') {
        o[k++] = 'D';                        /* RAISED, FREED */
        return k;
    }
    if (ed && cons_y) {
        memcpy(o + n - 1, "IED", 3);         /* CARRIED */
        return n + 2;
    }
    if (!ed && last == 'E' && n >= 2) {
        const char p = b[n - 2];
        if (p == 'I') {
            memcpy(o + n - 2, "YING", 4);    /* DYING, TYING */
            return n + 2;
        }
        if (p != 'E' && p != 'O' && p != 'Y' && n > 2)
            k--;                             /* MAKING; SEEING, DYEING */
    } else if (n >= 2 && last == 'C' && b[n - 2] == 'I') {
        o[k++] = 'K';                        /* PANICKED */
    } else if (doubles(b, n)) {
        o[k++] = last;                       /* STOPPED, COMMITTING */
    }
    memcpy(o + k, suf, strlen(suf));
    return k + strlen(suf);
}

/* Append form f to out unless it is already among the n_forms forms that
 * start at out->buf + from. */
static int add_form(strbuf *out, size_t from, int *n_forms, const char *f,
                    size_t fn)
{
    const char *p = out->buf + from;
    for (int k = 0; k < *n_forms; k++) {
        const size_t pn = strlen(p);
        if (pn == fn && memcmp(p, f, fn) == 0)
            return 0;
        p += pn + 1;
    }
    if (strbuf_add(out, f, fn) < 0 || strbuf_add(out, "", 1) < 0)
        return CASUS_ENOMEM;
    ++*n_forms;
    return 0;
}

int text_verb_forms(strbuf *out, const char *base, size_t len,
                    unsigned flags)
{
    static const char *const sufs[] = { "S", "ED", "ING" };
    char form[TEXT_WORD_MAX + 8];
    char lem[TEXT_WORD_MAX + 2];
    const size_t from = out->len;
    const bool from_oom = out->oom;
    int n_forms = 0, error = 0;

    if (len == 0 || len > TEXT_WORD_MAX || memchr(base, '\0', len))
        return CASUS_EINVAL;
    for (size_t k = 0; k < 3; k++) {
        const size_t fn = inflect(form, base, len, sufs[k]);
        assert(fn < sizeof(form));
        /* Skip a spelling that is another verb's form: SEE gives no SEED,
         * BE no BED. */
        const size_t ln = text_lemma_verb(lem, sizeof(lem), form, fn, NULL);
        if (ln != len || memcmp(lem, base, len) != 0)
            continue;
        if ((error = add_form(out, from, &n_forms, form, fn)) < 0)
            goto fail;
    }
    if (flags & TEXT_FORMS_EXC) {
        size_t i = rev_lower_bound(base, len);
        for (; i < LEMMA_N_EXC_REV &&
               key_cmp(base, len, lemma_blob + lemma_exc_rev[i][0]) == 0;
             i++) {
            const char *f = lemma_blob + lemma_exc_rev[i][1];
            if ((error = add_form(out, from, &n_forms, f, strlen(f))) < 0)
                goto fail;
        }
    }
    return n_forms;
fail:
    out->len = from;
    if (out->cap)
        out->buf[from] = '\0';
    out->oom = from_oom;
    return error;
}
