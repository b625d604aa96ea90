/*
 * text.h - text preparation: folding, sentences, datelines, verb lemmas
 *
 * The first stage of the pipeline.  It turns a document's UTF-8 text into
 * what the coder matches against: sentence spans over the original bytes
 * (text_sentences), an uppercase ASCII-where-possible form of each span
 * with a map back to the original (text_fold), the dateline to skip
 * (text_dateline), simple tokens (text_next_token), and verb lemmas and
 * inflections from WordNet (text_lemma_verb, text_verb_forms; lemma.c).
 *
 * This module knows nothing of dictionaries, patterns or the coder, and it
 * must stay that way: it depends on src/util and ICU only.  Every function
 * here is reentrant and keeps no global state; the buffers it fills are
 * the caller's, reused from call to call so that the hot path allocates
 * nothing once they have grown.
 *
 * Positions: byte offsets are into the caller's input.  A "code-point
 * index" of a byte offset is the number of bytes before it that are not
 * UTF-8 continuation bytes (0x80..0xBF); for valid UTF-8 that is exactly
 * the number of code points, and for invalid input it is still defined,
 * monotonic, and the same in every function of this module.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_TEXT_H
#define CASUS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* ------------------------------------------------------------------ */
/* Folding                                                             */
/* ------------------------------------------------------------------ */

/*
 * A stretch of output bytes with a simple origin.  With step 1, output
 * byte out + k came from input byte byte + k, code point cp + k (copied
 * ASCII); with step 0, every byte of the stretch came from the one input
 * character at byte, code point cp (a folded character).  A stretch ends
 * where the next begins (the last at the map's n).
 */
typedef struct text_run {
    uint32_t out;   /* first output byte of the stretch */
    uint32_t byte;  /* input byte offset of its first source character */
    uint32_t cp;    /* that character's code-point index */
    uint32_t step;  /* 1 or 0, above */
} text_run;

/*
 * Offset map filled by text_fold.  Read it only through text_map_byte(),
 * text_map_cp() and text_map_range().
 *
 * It holds one run per stretch, not one entry per byte: news text is
 * mostly ASCII, so a document of megabytes maps in a few kilobytes, where
 * an entry per byte took eight bytes of memory per byte of text.  A lookup
 * is a binary search over the runs.  When `identity` is set no run is
 * written at all.
 *
 * Invariants after a successful text_fold: n == the folded length; unless
 * identity, runs[0].out == 0, the runs' out values increase, and both the
 * byte and the code point of output byte i never decrease with i, ending
 * at {end_byte, end_cp} (the input's length in bytes and code points) for
 * i == n.
 */
typedef struct text_map {
    text_run *runs;     /* n_runs runs unless identity; NULL until grown */
    size_t n_runs;
    size_t cap;         /* runs allocated */
    size_t n;           /* output bytes mapped */
    uint32_t end_byte;  /* where output byte n maps to */
    uint32_t end_cp;
    bool identity;      /* the input was ASCII: output byte i is input byte
                           i, which is code point i; no run is written */
} text_map;

#define TEXT_MAP_INIT { NULL, 0, 0, 0, 0, 0, true }

/* Free the map's runs; leaves TEXT_MAP_INIT.  A no-op on TEXT_MAP_INIT. */
void text_map_dispose(text_map *m);

/* Input byte offset of output byte i, 0 <= i <= m->n (n gives the input
 * length). */
size_t text_map_byte(const text_map *m, size_t i);

/* Input code-point index of output byte i, 0 <= i <= m->n. */
size_t text_map_cp(const text_map *m, size_t i);

/*
 * A reader of one map that remembers the run of its last lookup: going
 * through the output in order (a tokenizer does), each lookup is a test
 * or two instead of a binary search.  Any order is allowed.
 */
typedef struct text_map_cursor {
    const text_map *m;
    size_t run;         /* the run of the last lookup */
} text_map_cursor;

#define TEXT_MAP_CURSOR(map) { (map), 0 }

size_t text_map_cursor_seek(text_map_cursor *c, size_t i);

/* text_map_byte(c->m, i), by the cursor. */
static inline size_t text_map_cursor_byte(text_map_cursor *c, size_t i)
{
    const text_map *m = c->m;
    if (m->identity)
        return i;
    if (i >= m->n)
        return m->end_byte;
    const text_run *r = &m->runs[c->run];
    if (!(r->out <= i && (c->run + 1 == m->n_runs || r[1].out > i)))
        r = &m->runs[text_map_cursor_seek(c, i)];
    return r->byte + r->step * (i - r->out);
}

/* The input extent of a folded range, in bytes and in code points. */
typedef struct text_extent {
    size_t byte_start, byte_end;  /* [start, end) in input bytes */
    size_t cp_start, cp_end;      /* [start, end) in code-point indices */
} text_extent;

/*
 * Map the output range [start, end) (start < end <= m->n) back to the
 * input.  The extent covers every input character that produced a byte of
 * the range, and also the characters folding dropped right after it (the
 * combining marks of its last letter).  A range that ends inside the
 * expansion of one character ("S" of "SS" from "ß") is widened to the
 * whole character.  Cannot fail.
 */
void text_map_range(const text_map *m, size_t start, size_t end,
                    text_extent *out);

/*
 * Fold UTF-8 text for dictionary matching.
 *
 * Uppercase; NFKD with nonspacing and enclosing marks removed ("Vučić" ->
 * "VUCIC", "ﬁ" -> "FI", full-width forms -> ASCII); curly and angle
 * quotes -> ' or "; Unicode dashes and the minus sign -> '-'; every
 * space, line or paragraph separator and control character (ASCII ones
 * included) -> ' '; format characters (soft hyphen, zero-width spaces and
 * joiners, BOM, bidi marks) dropped; letters without a decomposition
 * spelled out (ß SS, Æ AE, Ø O, Đ D, Ð D, Ł L, ı I, Œ OE, Þ TH, Ħ H, Ŋ NG,
 * Ə A, ...).  Characters with no ASCII form (Cyrillic, Arabic, CJK, ...)
 * are kept, uppercased, as UTF-8; Hangul syllables are kept whole.
 * Ill-formed UTF-8 becomes U+FFFD, one per bad byte.  The output is thus
 * valid UTF-8 with no NUL and no control character.
 *
 * ASCII input takes a fast path that never calls ICU and never writes the
 * map (m->identity).  Once out and map have grown to the largest input
 * seen, no call allocates.
 *
 * @param[out] out  cleared, then receives the folded text
 * @param map       optional (NULL skips it); receives the offset map
 * @param in        input, not necessarily NUL-terminated
 * @param len       bytes in in; must be < UINT32_MAX
 * @return 0, CASUS_ETOOBIG (len too large), CASUS_ENOMEM, or CASUS_ERROR
 *         (ICU normalisation data unavailable).  On failure out and map
 *         hold partial contents and stay valid for reuse or dispose.
 */
int text_fold(strbuf *out, text_map *map, const char *in, size_t len);

/* The code-point index of byte offset len in s (see the file comment). */
size_t text_cp_count(const char *s, size_t len);

/* ------------------------------------------------------------------ */
/* Sentences and datelines                                             */
/* ------------------------------------------------------------------ */

/* A sentence: a non-empty span of the document, trimmed of whitespace. */
typedef struct text_span {
    size_t start;     /* byte offset in the document */
    size_t len;       /* bytes, > 0 */
    size_t cp_start;  /* code-point index of start */
    size_t cp_len;    /* code-point length */
} text_span;

/* Growable array of spans, owned by the caller and reused across calls. */
typedef struct text_spans {
    text_span *v;  /* n entries; NULL until grown */
    size_t n;
    size_t cap;
} text_spans;

#define TEXT_SPANS_INIT { NULL, 0, 0 }

/* Free the array; leaves TEXT_SPANS_INIT.  A no-op on TEXT_SPANS_INIT. */
void text_spans_dispose(text_spans *s);

/*
 * Split a document into sentences.
 *
 * A sentence ends at '.', '?', '!', an ellipsis, or a CJK full stop,
 * together with any closing quotes and brackets after it, when whitespace
 * (or the end) follows and the next word does not continue the sentence:
 * it does after a lowercase word, after titles ("Mr.", "Gen.", "Lt. Col.",
 * "St.", "vs."), after "No."/month abbreviations followed by a number,
 * after initials and dotted abbreviations ("John F. Kennedy", "U.S.",
 * "p.m.") unless a common sentence opener ("The", "He", "But", ...)
 * follows, and after "Inc.", "Co.", "etc." and similar unless a
 * capitalised word follows.  Decimals ("3.5") never split.  A blank line
 * (or U+2029) always ends a sentence; a single newline never does.
 *
 * Linear in len; any bytes are safe, but positions are meaningful only
 * for valid UTF-8.  The first sentence includes any dateline: see
 * text_dateline().
 *
 * @param[out] out  cleared, then receives the sentences in order; each
 *                  has len > 0 and no leading or trailing whitespace
 * @param text      document text, not necessarily NUL-terminated
 * @param len       bytes in text
 * @return 0 or CASUS_ENOMEM (out then holds the sentences found so far)
 */
int text_sentences(text_spans *out, const char *text, size_t len);

/* A dateline at the start of a document. */
typedef struct text_dateline_info {
    size_t len;           /* bytes to skip, separator and the whitespace
                             after it included; 0 when there is none */
    size_t place_start;   /* the place, "PRISTINA" or "NEW YORK"; */
    size_t place_len;     /*   place_len is 0 for "(Reuters) - ..." */
    size_t region_start;  /* "Kosovo" in "PRISTINA, Kosovo (Reuters)"; */
    size_t region_len;    /*   0 when absent */
    size_t agency_start;  /* "Reuters", without the brackets; */
    size_t agency_len;    /*   0 when absent */
} text_dateline_info;

/*
 * Detect a dateline at the start of a document:
 *
 *   PRISTINA, Kosovo (Reuters) - Police raided ...
 *   BELGRADE, March 3 (AP) — ...
 *   WASHINGTON — ...          MOSCOW, March 3 /ITAR-TASS/ -- ...
 *   KABUL: ...                (Reuters) - ...
 *
 * A place in mixed case needs an agency; an all-caps place alone needs an
 * em or en dash, "--" or ':', or a comma part before a plain '-'.
 * Leading whitespace is skipped (and counted in len).  Text must follow
 * the dateline.  Positions are byte offsets into text.
 *
 * @param text  document text
 * @param len   bytes in text
 * @param out   optional; filled (all zero when there is no dateline)
 * @return the number of bytes to skip, 0 when there is no dateline
 */
size_t text_dateline(const char *text, size_t len, text_dateline_info *out);

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

typedef enum text_tok_kind {
    TEXT_TOK_WORD = 0,    /* letters (any script), digits, inner ' - . & */
    TEXT_TOK_NUMBER = 1,  /* digits with inner . - / and thousands commas:
                             "3.5" "1,000" "9/11" */
    TEXT_TOK_PUNCT = 2    /* one other ASCII character */
} text_tok_kind;

typedef struct text_tok {
    size_t start;        /* byte offset in the string */
    size_t len;          /* > 0 */
    text_tok_kind kind;
    bool joined;         /* a word with an inner '-' or '/': "Syrian-Turkish" */
} text_tok;

/*
 * Iterate over the tokens of a folded string.  Spaces separate tokens and
 * are skipped.  A word may contain ' - . & / between letters or digits;
 * a word with an inner '.' keeps one trailing '.' ("U.S.").  Bytes >= 0x80
 * count as letters.
 *
 * @param s     folded text (output of text_fold)
 * @param len   bytes in s
 * @param pos   in: where to start (0 at first); out: just past the token
 * @param out   receives the token
 * @return true and a token, or false at the end of s
 */
bool text_next_token(const char *s, size_t len, size_t *pos, text_tok *out);

/* ------------------------------------------------------------------ */
/* Verbs (lemma.c)                                                     */
/* ------------------------------------------------------------------ */

/* Longest word text_lemma_verb and text_verb_forms handle, in bytes. */
#define TEXT_WORD_MAX 64

/* How text_lemma_verb found its answer. */
typedef enum text_lemma_src {
    TEXT_LEMMA_GUESS = 0,    /* spelling rules only; not a WordNet verb */
    TEXT_LEMMA_EXC = 1,      /* irregular form listed in verb.exc */
    TEXT_LEMMA_LEXICON = 2   /* the lemma is a WordNet verb */
} text_lemma_src;

/*
 * The verb lemma of an uppercase ASCII word: WENT -> GO, SAID -> SAY,
 * ARRESTED -> ARREST, CARRIES -> CARRY, STOPPED -> STOP, MAKING -> MAKE.
 *
 * Order: WordNet's irregular forms (verb.exc; the first lemma when it
 * lists several, so FOUND -> FIND, SAW -> SEE); then the word itself if it
 * is a WordNet verb; then the candidates of the suffix rules (-S, -ES,
 * -IES, -ED, -IED, -ING, with doubled consonants and a restored E), the
 * first that is a WordNet verb; else the rules' best guess.  A word with
 * no verb suffix, or with bytes other than A-Z ' -, is its own lemma.
 *
 * @param[out] out  receives the lemma, NUL-terminated, truncated to
 *                  cap - 1 bytes (snprintf-style)
 * @param cap       bytes at out; TEXT_WORD_MAX + 1 always suffices
 * @param word      the word, uppercase ASCII
 * @param len       bytes in word
 * @param src_out   optional; how the lemma was found
 * @return the lemma's length (truncated when >= cap)
 */
size_t text_lemma_verb(char *out, size_t cap, const char *word, size_t len,
                       text_lemma_src *src_out);

/* True if the uppercase word is a single-word WordNet verb lemma. */
bool text_is_verb(const char *word, size_t len);

/* text_verb_forms flags. */
#define TEXT_FORMS_EXC 1u  /* also WordNet's listed forms (MET, FLED, ...),
                              which replace a regular form they respell
                              (COMMITTED for COMMITED) */

/*
 * Append the inflections of an uppercase verb to out, each followed by a
 * NUL: the -S form, the -ED form and the -ING form, spelled by the usual
 * rules (ACCUSE: ACCUSES ACCUSED ACCUSING; CARRY: CARRIES CARRIED
 * CARRYING; STOP: STOPS STOPPED STOPPING; PUSH: PUSHES ...; DIE: ... DYING;
 * FLEE: FLEES FLEED FLEEING), then with TEXT_FORMS_EXC the forms verb.exc
 * lists for this lemma that are not already there.  The base itself is
 * not included; no form is repeated.  A regular spelling is left out
 * when text_lemma_verb() would not map it back to base, because it is
 * another verb's form (SEE: no SEED; BE: no BED); so every form given
 * lemmatises to base, except the verb.exc ones WordNet lists for several
 * lemmas.  A multi-word base ("CARRY OUT") is not special: only its end
 * is inflected.
 *
 * @param out   forms are appended (not cleared first)
 * @param base  uppercase ASCII verb, 1..TEXT_WORD_MAX bytes
 * @param len   bytes in base
 * @param flags 0 or TEXT_FORMS_EXC
 * @return the number of forms appended (0 is possible), CASUS_EINVAL for
 *         an empty or too long base or one containing NUL, or CASUS_ENOMEM
 *         (out is then as it was before the call)
 */
int text_verb_forms(strbuf *out, const char *base, size_t len,
                    unsigned flags);

#endif
