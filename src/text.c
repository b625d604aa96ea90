/*
 * text.c - folding, sentence splitting, datelines and tokens
 *
 * The text stage of the pipeline (see text.h for the contracts).  It works
 * on the caller's bytes and the caller's reusable buffers, never on the
 * coder's structures, and it holds no state between calls.  ICU supplies
 * the Unicode data (decompositions, categories, case); the hot paths for
 * ASCII never call it.  Verb lemmas live in lemma.c.
 *
 * SPDX-License-Identifier: MIT
 */
#include "text.h"

#include <assert.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "alloc.h"
#include "bytes.h"
#include "casus/common.h"

/* ------------------------------------------------------------------ */
/* UTF-8 helpers                                                       */
/* ------------------------------------------------------------------ */

/*
 * Decode the code point at s[i] (i < len).  Returns its length in bytes
 * and sets *cp; an ill-formed or truncated sequence, an overlong form, a
 * surrogate or a value above U+10FFFF yields length 1 and *cp = -1, so
 * every bad byte is reported once and decoding resynchronises.
 */
static size_t utf8_decode(const uint8_t *s, size_t i, size_t len,
                          int32_t *cp)
{
    const uint32_t c = s[i];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    if (c >= 0xC2 && c < 0xE0) {
        if (i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            *cp = (int32_t)(((c & 0x1F) << 6) | (s[i + 1] & 0x3Fu));
            return 2;
        }
    } else if (c >= 0xE0 && c < 0xF0) {
        if (i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            const uint32_t v = ((c & 0x0F) << 12) |
                               ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
            if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
                *cp = (int32_t)v;
                return 3;
            }
        }
    } else if (c >= 0xF0 && c < 0xF5) {
        if (i + 3 < len && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80 && (s[i + 3] & 0xC0) == 0x80) {
            const uint32_t v = ((c & 0x07) << 18) |
                               ((s[i + 1] & 0x3Fu) << 12) |
                               ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
            if (v >= 0x10000 && v <= 0x10FFFF) {
                *cp = (int32_t)v;
                return 4;
            }
        }
    }
    *cp = -1;
    return 1;
}

/* Encode a valid scalar value; returns its length. */
static size_t utf8_encode(char *o, uint32_t c)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

static inline bool is_cont(uint8_t c)
{
    return (c & 0xC0) == 0x80;
}

size_t text_cp_count(const char *str, size_t len)
{
    const uint8_t *s = (const uint8_t *)str;
    size_t n = 0, i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w & 0x8080808080808080ull) == 0) {
            n += 8;
            continue;
        }
        for (size_t k = 0; k < 8; k++)
            n += !is_cont(s[i + k]);
    }
    for (; i < len; i++)
        n += !is_cont(s[i]);
    return n;
}

/* ------------------------------------------------------------------ */
/* Folding                                                             */
/* ------------------------------------------------------------------ */

void text_map_dispose(text_map *m)
{
    cs_free(m->runs);
    *m = (text_map)TEXT_MAP_INIT;
}

/* The run holding output byte i < m->n of a map that is not identity. */
static const text_run *run_at(const text_map *m, size_t i)
{
    size_t lo = 0, hi = m->n_runs;      /* runs[lo].out <= i < runs[hi].out */
    while (hi - lo > 1) {
        const size_t mid = lo + (hi - lo) / 2;
        if (m->runs[mid].out <= i)
            lo = mid;
        else
            hi = mid;
    }
    return &m->runs[lo];
}

size_t text_map_cursor_seek(text_map_cursor *c, size_t i)
{
    const text_map *m = c->m;
    const size_t next = c->run + 1;
    /* most often the next run: a word that begins past an accent */
    if (next < m->n_runs && m->runs[next].out <= i &&
        (next + 1 == m->n_runs || m->runs[next + 1].out > i))
        c->run = next;
    else
        c->run = (size_t)(run_at(m, i) - m->runs);
    return c->run;
}

size_t text_map_byte(const text_map *m, size_t i)
{
    if (m->identity)
        return i;
    if (i >= m->n)
        return m->end_byte;
    const text_run *r = run_at(m, i);
    return r->byte + r->step * (i - r->out);
}

size_t text_map_cp(const text_map *m, size_t i)
{
    if (m->identity)
        return i;
    if (i >= m->n)
        return m->end_cp;
    const text_run *r = run_at(m, i);
    return r->cp + r->step * (i - r->out);
}

void text_map_range(const text_map *m, size_t start, size_t end,
                    text_extent *out)
{
    assert(start <= end && end <= m->n);
    if (end > m->n)
        end = m->n;
    if (start > end)
        start = end;
    if (m->identity) {
        *out = (text_extent){ start, end, start, end };
        return;
    }
    size_t j = end;
    if (end > start) {
        /* Extend to the end of the last source character: to the end of
         * its run when every byte of the run comes from it. */
        const size_t last = text_map_byte(m, end - 1);
        while (j < m->n && text_map_byte(m, j) == last) {
            const text_run *r = run_at(m, j);
            const size_t r_end = r + 1 < m->runs + m->n_runs ? r[1].out
                                                             : m->n;
            j = r->step == 0 ? r_end : j + 1;
        }
    }
    out->byte_start = text_map_byte(m, start);
    out->cp_start = text_map_cp(m, start);
    out->byte_end = text_map_byte(m, j);
    out->cp_end = text_map_cp(m, j);
}

/* Length of the ASCII prefix of s, eight bytes at a time. */
static size_t ascii_prefix(const uint8_t *s, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull)
            break;
    }
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

/* Fold one ASCII byte: a-z up, controls (NUL, TAB, LF, DEL, ...) to ' '. */
static inline char fold_ascii(unsigned c)
{
    c -= (unsigned)((c - 'a') < 26u) << 5;
    return (char)((c < 0x20 || c == 0x7F) ? ' ' : c);
}

#define SWAR(b) (0x0101010101010101ull * (b))

/*
 * Fold the ASCII prefix of s into o; returns its length.
 *
 * How it works: eight bytes at a time, all below 0x80, so adding a
 * constant below 0x80 to each byte never carries into the next one.  The
 * high bit of b + (0x80 - lo) then says b >= lo; from those bits come the
 * masks of lowercase letters (cleared of 0x20) and of controls and DEL
 * (replaced by a space).  About ten operations per eight bytes instead of
 * a branch per byte.
 */
static size_t fold_ascii_prefix(char *o, const uint8_t *s, size_t len)
{
    const uint64_t hi = SWAR(0x80);
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & hi)
            break;
        const uint64_t ge_a = (w + SWAR(0x80 - 'a')) & hi;
        const uint64_t gt_z = (w + SWAR(0x80 - 'z' - 1)) & hi;
        const uint64_t ge_sp = (w + SWAR(0x80 - ' ')) & hi;
        const uint64_t is_del = (w + SWAR(0x01)) & hi;
        w ^= (ge_a & ~gt_z) >> 2;                       /* a-z -> A-Z */
        const uint64_t ctl = ((~ge_sp & hi) | is_del) >> 7;
        const uint64_t mask = ctl * 0xFF;               /* whole bytes */
        w = (w & ~mask) | (SWAR(' ') & mask);
        memcpy(o + i, &w, 8);
    }
    for (; i < len && s[i] < 0x80; i++)
        o[i] = fold_ascii(s[i]);
    return i;
}

/*
 * ASCII spellings of characters that NFKD leaves alone or maps badly:
 * letters with no decomposition, quotes, dashes.  Lower and upper case
 * both listed; NULL means "no special rule".
 */
static const char *fold_special(uint32_t c)
{
    switch (c) {
    case 0x00DF: case 0x1E9E: return "SS";             /* ß ẞ */
    case 0x00C6: case 0x00E6: return "AE";             /* Æ æ */
    case 0x00D8: case 0x00F8: return "O";              /* Ø ø */
    case 0x0110: case 0x0111: return "D";              /* Đ đ */
    case 0x00D0: case 0x00F0: return "D";              /* Ð ð */
    case 0x0189: case 0x0256: return "D";              /* Ɖ ɖ */
    case 0x0141: case 0x0142: return "L";              /* Ł ł */
    case 0x0131: return "I";                           /* ı */
    case 0x0197: case 0x0268: return "I";              /* Ɨ ɨ */
    case 0x0152: case 0x0153: return "OE";             /* Œ œ */
    case 0x00DE: case 0x00FE: return "TH";             /* Þ þ */
    case 0x0126: case 0x0127: return "H";              /* Ħ ħ */
    case 0x0166: case 0x0167: return "T";              /* Ŧ ŧ */
    case 0x0138: return "K";                           /* ĸ */
    case 0x014A: case 0x014B: return "NG";             /* Ŋ ŋ */
    case 0x018F: case 0x0259: return "A";              /* Ə ə (Azeri) */
    case 0x0180: case 0x0243: return "B";              /* ƀ Ƀ */
    case 0x01E4: case 0x01E5: return "G";              /* Ǥ ǥ */
    case 0x01B5: case 0x01B6: return "Z";              /* Ƶ ƶ */
    case 0x0192: return "F";                           /* ƒ */
    case 0x0237: return "J";                           /* ȷ */
    /* Apostrophes and single quotes. */
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2032: case 0x2039: case 0x203A: case 0x02BC:
    case 0x02BB: case 0x02BE: case 0x02BF: case 0x00B4:
        return "'";
    /* Double quotes. */
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2033: case 0x00AB: case 0x00BB: case 0x301D:
    case 0x301E: case 0x301F:
        return "\"";
    /* Hyphens, dashes, minus. */
    case 0x2010: case 0x2011: case 0x2012: case 0x2013:
    case 0x2014: case 0x2015: case 0x2212: case 0x2043:
    case 0xFE58: case 0xFE63:
        return "-";
    case 0x2044: return "/";                           /* fraction slash */
    default: return NULL;
    }
}

/* Output cursor of the general fold path. */
typedef struct fold_ctx {
    strbuf *out;
    text_map *map;    /* NULL when the caller wants no map */
    uint32_t byte;    /* input byte offset of the character being folded */
    uint32_t cp;      /* its code-point index */
} fold_ctx;

/*
 * Map the n output bytes just written (the last n of the map's n) to
 * input byte `byte`, code point `cp`: as a copied stretch with step 1, or
 * all to one character with step 0.  Extends the last run when the bytes
 * continue it, so that ASCII text costs no run at all after its first.
 * A run of one byte may go on either way.
 */
static int map_add(text_map *m, uint32_t byte, uint32_t cp, size_t n,
                   uint32_t step)
{
    const size_t out = m->n;
    if (n == 0)
        return 0;
    if (m->n_runs > 0) {
        text_run *r = &m->runs[m->n_runs - 1];
        const uint32_t len = (uint32_t)(out - r->out);
        if ((r->step == 1 || len == 1) && (step == 1 || n == 1) &&
            byte == r->byte + len && cp == r->cp + len) {
            r->step = 1;
            m->n += n;
            return 0;
        }
        if ((r->step == 0 || len == 1) && (step == 0 || n == 1) &&
            byte == r->byte && cp == r->cp) {
            r->step = 0;
            m->n += n;
            return 0;
        }
    }
    if (m->n_runs == m->cap &&
        CS_ARRAY_GROW(m->runs, m->cap, m->n_runs + 1) < 0)
        return CASUS_ENOMEM;
    m->runs[m->n_runs++] = (text_run){ (uint32_t)out, byte, cp,
                                       n == 1 ? 1 : step };
    m->n += n;
    return 0;
}

/* Make room for `extra` more output bytes, and for one more run of the
 * map. */
static int fold_reserve(fold_ctx *f, size_t extra)
{
    strbuf *out = f->out;
    if (out->len + extra + 1 > out->cap && strbuf_grow(out, extra) < 0)
        return CASUS_ENOMEM;
    /* so that fold_put() cannot fail */
    text_map *m = f->map;
    if (m && m->n_runs == m->cap &&
        CS_ARRAY_GROW(m->runs, m->cap, m->n_runs + 1) < 0)
        return CASUS_ENOMEM;
    return 0;
}

/* Append bytes from the current source character; room is reserved. */
static inline void fold_put(fold_ctx *f, const char *b, size_t n)
{
    memcpy(f->out->buf + f->out->len, b, n);
    f->out->len += n;
    if (f->map)
        (void)map_add(f->map, f->byte, f->cp, n, 0);   /* room reserved */
}

/* Fold one code point of a decomposition (room for 4 bytes reserved). */
static void fold_one(fold_ctx *f, uint32_t e)
{
    char b[4];
    const char *sp = fold_special(e);
    if (sp) {
        fold_put(f, sp, strlen(sp));
        return;
    }
    if (e < 0x80) {
        b[0] = fold_ascii(e);
        fold_put(f, b, 1);
        return;
    }
    switch (u_charType((UChar32)e)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:
        return;
    case U_CONTROL_CHAR:
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
        fold_put(f, " ", 1);
        return;
    default:
        break;
    }
    const uint32_t up = (uint32_t)u_toupper((UChar32)e);
    sp = fold_special(up);
    if (sp) {
        fold_put(f, sp, strlen(sp));
        return;
    }
    fold_put(f, b, utf8_encode(b, up));
}

/* The general path, entered at the first non-ASCII byte s[i]; everything
 * before it is already in out (and is identity-mapped). */
static int fold_general(strbuf *out, text_map *map, const uint8_t *s,
                        size_t len, size_t i)
{
    fold_ctx f = { out, map, 0, 0 };
    int error;

    if (map) {
        map->n_runs = 0;
        map->n = 0;
        map->identity = false;
        if ((error = map_add(map, 0, 0, i, 1)) < 0)
            return error;
    }

    UErrorCode uerr = U_ZERO_ERROR;
    const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&uerr);
    if (U_FAILURE(uerr) || nfkd == NULL)
        return CASUS_ERROR;

    uint32_t cp = (uint32_t)i;  /* code-point index of s[i] */
    while (i < len) {
        if (s[i] < 0x80) {
            const size_t run = ascii_prefix(s + i, len - i);
            if ((error = fold_reserve(&f, run)) < 0)
                return error;
            if (map && (error = map_add(map, (uint32_t)i, cp, run, 1)) < 0)
                return error;
            fold_ascii_prefix(out->buf + out->len, s + i, run);
            out->len += run;
            i += run;
            cp += (uint32_t)run;
            continue;
        }

        int32_t c;
        const size_t n = utf8_decode(s, i, len, &c);
        f.byte = (uint32_t)i;
        f.cp = cp;
        for (size_t k = 0; k < n; k++)
            cp += !is_cont(s[i + k]);
        i += n;

        if (c < 0) {
            if ((error = fold_reserve(&f, 3)) < 0)
                return error;
            fold_put(&f, "\xEF\xBF\xBD", 3);  /* U+FFFD */
            continue;
        }
        if (c >= 0xAC00 && c <= 0xD7A3) {
            /* Hangul syllables: NFKD would split them into jamo. */
            char b[4];
            if ((error = fold_reserve(&f, 3)) < 0)
                return error;
            fold_put(&f, b, utf8_encode(b, (uint32_t)c));
            continue;
        }

        UChar d[32];
        UErrorCode derr = U_ZERO_ERROR;
        int32_t dlen = unorm2_getDecomposition(nfkd, c, d, 32, &derr);
        if (U_FAILURE(derr) || dlen <= 0) {
            if ((error = fold_reserve(&f, 4)) < 0)
                return error;
            fold_one(&f, (uint32_t)c);
            continue;
        }
        /* Each UTF-16 unit yields at most 3 bytes (a pair at most 4, and
         * special spellings at most 2 per code point). */
        if ((error = fold_reserve(&f, 3 * (size_t)dlen + 1)) < 0)
            return error;
        for (int32_t k = 0; k < dlen;) {
            UChar32 e;
            U16_NEXT(d, k, dlen, e);
            fold_one(&f, (uint32_t)e);
        }
    }
    out->buf[out->len] = '\0';
    if (map) {
        map->end_byte = (uint32_t)len;
        map->end_cp = cp;
    }
    return 0;
}

int text_fold(strbuf *out, text_map *map, const char *in, size_t len)
{
    const uint8_t *s = (const uint8_t *)in;

    strbuf_clear(out);
    if (map) {
        map->n = 0;
        map->n_runs = 0;
        map->identity = true;
    }
    if (len >= UINT32_MAX)
        return CASUS_ETOOBIG;
    if (len == 0)
        return 0;
    if (strbuf_grow(out, len) < 0)
        return CASUS_ENOMEM;

    const size_t i = fold_ascii_prefix(out->buf, s, len);
    out->len = i;
    out->buf[i] = '\0';
    if (i == len) {
        if (map)
            map->n = len;
        return 0;
    }
    /* On failure out and map still agree on what was written: both grow
     * only after fold_reserve() succeeded. */
    const int error = fold_general(out, map, s, len, i);
    out->buf[out->len] = '\0';
    return error;
}

/* ------------------------------------------------------------------ */
/* Character classes for splitting                                     */
/* ------------------------------------------------------------------ */

/* Whitespace at s[i]: returns its length, 0 if none.  ASCII space and
 * controls TAB..CR, NBSP, U+2000..200A, U+2028, U+202F, U+205F, U+3000.
 * U+2029 (paragraph separator) is handled as a paragraph break. */
static size_t ws_at(const uint8_t *s, size_t i, size_t len)
{
    const uint8_t c = s[i];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c == 0xC2)
        return (i + 1 < len && s[i + 1] == 0xA0) ? 2 : 0;
    if (c == 0xE2 && i + 2 < len) {
        if (s[i + 1] == 0x80 &&
            (s[i + 2] <= 0x8A || s[i + 2] == 0xA8 || s[i + 2] == 0xAF))
            return 3;
        if (s[i + 1] == 0x81 && s[i + 2] == 0x9F)
            return 3;
        return 0;
    }
    if (c == 0xE3 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x80)
        return 3;
    return 0;
}

/* Length of the whitespace character ending at s[end - 1], or 0. */
static size_t ws_before(const uint8_t *s, size_t lo, size_t end)
{
    if (end <= lo)
        return 0;
    const uint8_t c = s[end - 1];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c == 0xA0 && end - lo >= 2 && s[end - 2] == 0xC2)
        return 2;
    if (end - lo >= 3 && is_cont(c) && ws_at(s, end - 3, end) == 3)
        return 3;
    return 0;
}

static size_t skip_ws(const uint8_t *s, size_t i, size_t len)
{
    size_t n;
    while (i < len && (n = ws_at(s, i, len)) > 0)
        i += n;
    return i;
}

/* Three-byte UTF-8 sequences compared as one number. */
#define U3(a, b, c) (((uint32_t)(a) << 16) | ((uint32_t)(b) << 8) | (c))

static uint32_t peek3(const uint8_t *s, size_t i, size_t len)
{
    return i + 2 < len ? U3(s[i], s[i + 1], s[i + 2]) : 0;
}

enum { T_DOT = 1, T_Q = 2, T_ELL = 4, T_CJK = 8 };

/* Sentence-final character at s[i]: length, and its kind in *kind. */
static size_t term_at(const uint8_t *s, size_t i, size_t len, int *kind)
{
    switch (s[i]) {
    case '.': *kind = T_DOT; return 1;
    case '?': case '!': *kind = T_Q; return 1;
    case 0xE2:
        if (peek3(s, i, len) == U3(0xE2, 0x80, 0xA6)) {      /* … */
            *kind = T_ELL;
            return 3;
        }
        return 0;
    case 0xE3:
        if (peek3(s, i, len) == U3(0xE3, 0x80, 0x82)) {      /* 。 */
            *kind = T_CJK;
            return 3;
        }
        return 0;
    case 0xEF: {
        const uint32_t v = peek3(s, i, len);
        if (v == U3(0xEF, 0xBC, 0x81) || v == U3(0xEF, 0xBC, 0x9F)) {
            *kind = T_CJK;                                   /* ！ ？ */
            return 3;
        }
        return 0;
    }
    default:
        return 0;
    }
}

/* Closing quote or bracket at s[i]: its length, or 0. */
static size_t closer_at(const uint8_t *s, size_t i, size_t len)
{
    switch (s[i]) {
    case '"': case '\'': case ')': case ']': case '}':
        return 1;
    case 0xC2:
        return (i + 1 < len && (s[i + 1] == 0xBB)) ? 2 : 0;  /* » */
    default:
        break;
    }
    switch (peek3(s, i, len)) {
    case U3(0xE2, 0x80, 0x99): case U3(0xE2, 0x80, 0x9D):   /* ’ ” */
    case U3(0xE2, 0x80, 0xBA):                              /* › */
    case U3(0xE3, 0x80, 0x8D): case U3(0xE3, 0x80, 0x8F):   /* 」 』 */
    case U3(0xEF, 0xBC, 0x89):                              /* ） */
        return 3;
    default:
        return 0;
    }
}

/* Opening quote or bracket (or ¿ ¡) at s[i]: its length, or 0. */
static size_t opener_at(const uint8_t *s, size_t i, size_t len)
{
    switch (s[i]) {
    case '"': case '\'': case '(': case '[': case '{': case '`':
        return 1;
    case 0xC2:
        if (i + 1 < len &&
            (s[i + 1] == 0xAB || s[i + 1] == 0xBF || s[i + 1] == 0xA1))
            return 2;                                       /* « ¿ ¡ */
        return 0;
    default:
        break;
    }
    switch (peek3(s, i, len)) {
    case U3(0xE2, 0x80, 0x98): case U3(0xE2, 0x80, 0x9C):   /* ‘ “ */
    case U3(0xE2, 0x80, 0xB9):                              /* ‹ */
    case U3(0xE3, 0x80, 0x8C): case U3(0xE3, 0x80, 0x8E):   /* 「 『 */
    case U3(0xEF, 0xBC, 0x88):                              /* （ */
        return 3;
    default:
        return 0;
    }
}

/* Paragraph break at s[i]: a newline, blank-looking space, newline; or
 * U+2029.  Returns the position after it, or 0. */
static size_t para_at(const uint8_t *s, size_t i, size_t len)
{
    if (s[i] == '\n') {
        size_t j = i + 1, n;
        while (j < len && s[j] != '\n' && (n = ws_at(s, j, len)) > 0)
            j += n;
        return (j < len && s[j] == '\n') ? j + 1 : 0;
    }
    if (peek3(s, i, len) == U3(0xE2, 0x80, 0xA9))
        return i + 3;
    return 0;
}

/* Bytes the splitter's main loop must look at. */
static const uint8_t split_interesting[256] = {
    ['\n'] = 1, ['.'] = 1, ['?'] = 1, ['!'] = 1,
    [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* Some byte of w is b: w ^ SWAR(b) has a zero byte. */
static inline uint64_t has_byte(uint64_t w, uint8_t b)
{
    const uint64_t x = w ^ SWAR(b);
    return (x - SWAR(0x01)) & ~x & SWAR(0x80);
}

/* The first of every eight bytes from i on that may be interesting to the
 * splitter: eight at a time past runs of plain ASCII. */
static size_t skip_plain(const uint8_t *s, size_t i, size_t len)
{
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w & SWAR(0x80)) || has_byte(w, '\n') ||
            has_byte(w, '.') || has_byte(w, '?') || has_byte(w, '!'))
            break;
    }
    return i;
}

/* ------------------------------------------------------------------ */
/* Abbreviations                                                       */
/* ------------------------------------------------------------------ */

enum abbr_class {
    AB_NONE = 0,  /* an ordinary word */
    AB_TITLE,     /* never ends a sentence: "Mr." "Gen." "vs." */
    AB_NUMBER,    /* continues before a digit: "No. 5" */
    AB_MONTH,     /* continues before a digit, else like AB_MAYEND */
    AB_MAYEND,    /* ends only before a capitalised word: "Inc." "etc." */
    AB_INITIAL    /* initials, dotted: ends only before a sentence opener */
};

typedef struct abbr {
    const char *word;  /* as usually written; see abbr_match() */
    uint8_t len;       /* strlen(word) */
    uint8_t cls;
} abbr;

#define AB(w, cls) { w, sizeof(w) - 1, cls }

/* Sorted by the uppercase spelling (bytewise), for abbr_lookup()'s
 * binary search: keep it so. */
static const abbr abbrs[] = {
    AB("Adm", AB_TITLE), AB("al", AB_MAYEND), AB("Ala", AB_MAYEND),
    AB("Amb", AB_TITLE), AB("approx", AB_TITLE), AB("Apr", AB_MONTH),
    AB("Ariz", AB_MAYEND), AB("Ark", AB_MAYEND), AB("Art", AB_NUMBER),
    AB("Arts", AB_NUMBER), AB("Assn", AB_MAYEND), AB("Atty", AB_TITLE),
    AB("Aug", AB_MONTH), AB("Ave", AB_MAYEND), AB("Blvd", AB_MAYEND),
    AB("Brig", AB_TITLE), AB("Bros", AB_MAYEND), AB("ca", AB_TITLE),
    AB("Calif", AB_MAYEND), AB("Capt", AB_TITLE), AB("Cdr", AB_TITLE),
    AB("cf", AB_TITLE), AB("Ch", AB_NUMBER), AB("Cmdr", AB_TITLE),
    AB("Cmdt", AB_TITLE), AB("Co", AB_MAYEND), AB("Col", AB_TITLE),
    AB("Colo", AB_MAYEND), AB("Conn", AB_MAYEND), AB("Corp", AB_MAYEND),
    AB("Cos", AB_MAYEND), AB("Cpl", AB_TITLE), AB("Cpt", AB_TITLE),
    AB("Dec", AB_MONTH), AB("Del", AB_MAYEND), AB("Dept", AB_MAYEND),
    AB("Det", AB_TITLE), AB("Dr", AB_TITLE), AB("Drs", AB_TITLE),
    AB("esp", AB_TITLE), AB("etc", AB_MAYEND), AB("Ext", AB_NUMBER),
    AB("Feb", AB_MONTH), AB("Fig", AB_NUMBER), AB("Figs", AB_NUMBER),
    AB("Fla", AB_MAYEND), AB("Fr", AB_TITLE), AB("Ft", AB_TITLE),
    AB("Ga", AB_MAYEND), AB("Gen", AB_TITLE), AB("Gens", AB_TITLE),
    AB("Gov", AB_TITLE), AB("Gov't", AB_MAYEND), AB("Govs", AB_TITLE),
    AB("Hon", AB_TITLE), AB("Hwy", AB_MAYEND), AB("Ill", AB_MAYEND),
    AB("Inc", AB_MAYEND), AB("incl", AB_TITLE), AB("Ind", AB_MAYEND),
    AB("Insp", AB_TITLE), AB("Intl", AB_MAYEND), AB("Jan", AB_MONTH),
    AB("Jr", AB_MAYEND), AB("Jul", AB_MONTH), AB("Jun", AB_MONTH),
    AB("Kan", AB_MAYEND), AB("Kans", AB_MAYEND), AB("Ky", AB_MAYEND),
    AB("La", AB_MAYEND), AB("LLC", AB_MAYEND), AB("LLP", AB_MAYEND),
    AB("Lt", AB_TITLE), AB("Ltd", AB_MAYEND), AB("Maj", AB_TITLE),
    AB("Mar", AB_MONTH), AB("Mass", AB_MAYEND), AB("Md", AB_MAYEND),
    AB("Messrs", AB_TITLE), AB("Mfg", AB_MAYEND), AB("Mich", AB_MAYEND),
    AB("Minn", AB_MAYEND), AB("Miss", AB_MAYEND), AB("Mlle", AB_TITLE),
    AB("Mme", AB_TITLE), AB("Mmes", AB_TITLE), AB("Mo", AB_MAYEND),
    AB("Mont", AB_MAYEND), AB("Mr", AB_TITLE), AB("Mrs", AB_TITLE),
    AB("Ms", AB_TITLE), AB("Msgr", AB_TITLE), AB("Mt", AB_TITLE),
    AB("Neb", AB_MAYEND), AB("Nev", AB_MAYEND), AB("No", AB_NUMBER),
    AB("Nos", AB_NUMBER), AB("Nov", AB_MONTH), AB("Nr", AB_NUMBER),
    AB("Oct", AB_MONTH), AB("Okla", AB_MAYEND), AB("Ore", AB_MAYEND),
    AB("p", AB_NUMBER), AB("Pa", AB_MAYEND), AB("Para", AB_NUMBER),
    AB("Penn", AB_MAYEND), AB("Pfc", AB_TITLE), AB("Plc", AB_MAYEND),
    AB("pp", AB_NUMBER), AB("Pres", AB_TITLE), AB("Prof", AB_TITLE),
    AB("Pt", AB_NUMBER), AB("Pvt", AB_TITLE), AB("Rd", AB_MAYEND),
    AB("Rep", AB_TITLE), AB("Reps", AB_TITLE), AB("Rev", AB_TITLE),
    AB("Rs", AB_NUMBER), AB("Rt", AB_TITLE), AB("Sec", AB_TITLE),
    AB("Sen", AB_TITLE), AB("Sens", AB_TITLE), AB("Sep", AB_MONTH),
    AB("Sept", AB_MONTH), AB("seq", AB_MAYEND), AB("Sgt", AB_TITLE),
    AB("Spc", AB_TITLE), AB("Sr", AB_MAYEND), AB("St", AB_TITLE),
    AB("Ste", AB_TITLE), AB("Supt", AB_TITLE), AB("Tel", AB_NUMBER),
    AB("Tenn", AB_MAYEND), AB("Tex", AB_MAYEND), AB("Univ", AB_MAYEND),
    AB("v", AB_TITLE), AB("Va", AB_MAYEND), AB("viz", AB_TITLE),
    AB("Vol", AB_NUMBER), AB("Vols", AB_NUMBER), AB("vs", AB_TITLE),
    AB("Vt", AB_MAYEND), AB("Wash", AB_MAYEND), AB("Wis", AB_MAYEND),
    AB("Wyo", AB_MAYEND),
};

static inline bool a_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
static inline bool a_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
static inline bool a_alpha(uint8_t c) { return a_upper(c) || a_lower(c); }
static inline bool a_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static inline uint8_t a_toupper(uint8_t c)
{
    return a_lower(c) ? (uint8_t)(c - 32) : c;
}

/*
 * Does w[0..n) spell the abbreviation a?  The rest of the word compares
 * case-insensitively; the first letter must have a's case unless the word
 * is all capitals (wire copy in capitals still gets its abbreviations,
 * while "mass." or "ill." in running text stay ordinary words).
 */
static bool abbr_match(const uint8_t *w, size_t n, const abbr *ab)
{
    const char *a = ab->word;
    if (ab->len != n || a_toupper(w[0]) != a_toupper((uint8_t)a[0]))
        return false;
    bool all_caps = true;
    for (size_t k = 0; k < n; k++) {
        if (a_toupper(w[k]) != a_toupper((uint8_t)a[k]))
            return false;
        if (a_lower(w[k]))
            all_caps = false;
    }
    return all_caps || w[0] == (uint8_t)a[0];
}

/* Compare w[0..n) uppercased with the uppercase spelling of a. */
static int abbr_cmp(const uint8_t *w, size_t n, const abbr *a)
{
    for (size_t k = 0; k < n && k < a->len; k++) {
        const uint8_t x = a_toupper(w[k]);
        const uint8_t y = a_toupper((uint8_t)a->word[k]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return n < a->len ? -1 : n > a->len;
}

static int abbr_lookup(const uint8_t *w, size_t n)
{
    if (n == 0 || n > 8)
        return AB_NONE;
    size_t lo = 0, hi = sizeof(abbrs) / sizeof(abbrs[0]);
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        const int c = abbr_cmp(w, n, &abbrs[mid]);
        if (c == 0)
            return abbr_match(w, n, &abbrs[mid]) ? abbrs[mid].cls : AB_NONE;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return AB_NONE;
}

/* Classify the word w[0..n) that a single '.' follows. */
static int abbr_classify(const uint8_t *w, size_t n)
{
    if (n == 0)
        return AB_NONE;
    int cls = abbr_lookup(w, n);
    if (cls != AB_NONE)
        return cls;
    /* One capital letter: an initial. */
    if (n == 1)
        return a_upper(w[0]) ? AB_INITIAL : AB_NONE;
    /* Letter groups of one or two joined by dots: U.S, a.m, D.C, Ph.D */
    size_t seg = 0, dots = 0;
    bool dotted = true;
    for (size_t k = 0; k < n && dotted; k++) {
        if (a_alpha(w[k])) {
            if (++seg > 2)
                dotted = false;
        } else if (w[k] == '.' && seg > 0) {
            seg = 0;
            dots++;
        } else {
            dotted = false;
        }
    }
    if (dotted && dots > 0 && seg > 0)
        return AB_INITIAL;
    /* A title at the end of a compound: "Lt.-Col", "Lt.Gen" */
    size_t b = n;
    while (b > 0 && w[b - 1] != '.' && w[b - 1] != '-')
        b--;
    if (b > 0 && b < n && abbr_lookup(w + b, n - b) == AB_TITLE)
        return AB_TITLE;
    return AB_NONE;
}

/* Words that commonly open a sentence, in capitals, space-separated
 * with a space at each end so that " WORD " finds a whole word. */
static const char openers[] =
    " THE A AN HE SHE IT ITS THEY WE I YOU HIS HER THEIR OUR THIS THAT"
    " THESE THOSE THERE BUT AND OR SO YET IN ON AT AS AFTER BEFORE WHEN"
    " WHILE IF ALSO HOWEVER MEANWHILE THEN NOW ";

static bool is_opener(const uint8_t *s, size_t i, size_t len)
{
    char w[12];
    size_t n = 0;
    w[n++] = ' ';
    while (i < len && n < 11 && a_alpha(s[i]))
        w[n++] = (char)a_toupper(s[i++]);
    if (n == 1 || n >= 11 || (i < len && (a_digit(s[i]) || s[i] >= 0x80)))
        return false;
    w[n++] = ' ';
    w[n] = '\0';
    return strstr(openers, w) != NULL;
}

/* ------------------------------------------------------------------ */
/* Sentences                                                           */
/* ------------------------------------------------------------------ */

void text_spans_dispose(text_spans *sp)
{
    cs_free(sp->v);
    *sp = (text_spans)TEXT_SPANS_INIT;
}

typedef struct splitter {
    text_spans *out;
    const uint8_t *s;
    size_t cp_at;   /* byte position whose code-point index is cp_pos */
    size_t cp_pos;
} splitter;

/* Add the span [start, end) trimmed of trailing whitespace (start is
 * already past leading whitespace). */
static int split_emit(splitter *sp, size_t start, size_t end)
{
    size_t n;
    while (end > start && (n = ws_before(sp->s, start, end)) > 0)
        end -= n;
    if (end <= start)
        return 0;
    text_spans *out = sp->out;
    if (CS_ARRAY_GROW(out->v, out->cap, out->n + 1) < 0)
        return CASUS_ENOMEM;
    assert(start >= sp->cp_at);
    sp->cp_pos += text_cp_count((const char *)sp->s + sp->cp_at,
                                start - sp->cp_at);
    const size_t cps = text_cp_count((const char *)sp->s + start,
                                     end - start);
    out->v[out->n++] = (text_span){ start, end - start, sp->cp_pos, cps };
    sp->cp_pos += cps;
    sp->cp_at = end;
    return 0;
}

/* What the next word looks like. */
typedef struct next_word {
    bool lower;   /* starts with a lowercase letter */
    bool cap;     /* starts with a letter that is not lowercase */
    bool digit;   /* starts with a digit */
    bool opener;  /* is a common sentence opener ("The", "He") */
} next_word;

static next_word look_next(const uint8_t *s, size_t w, size_t len)
{
    next_word nx = { false, false, false, false };
    if (w >= len)
        return nx;
    const uint8_t c = s[w];
    if (c < 0x80) {
        nx.lower = a_lower(c);
        nx.cap = a_upper(c);
        nx.digit = a_digit(c);
    } else {
        int32_t u;
        utf8_decode(s, w, len, &u);
        if (u >= 0) {
            nx.lower = u_islower(u) != 0;
            nx.cap = u_isalpha(u) && !nx.lower;
            nx.digit = u_isdigit(u) != 0;
        }
    }
    nx.opener = nx.cap && is_opener(s, w, len);
    return nx;
}

/*
 * Decide whether the sentence-final character at s[i] ends the sentence
 * begun at `start`.  Returns the end of the sentence (after closing
 * quotes) or 0; *resume is where scanning goes on when it does not.
 */
static size_t split_end(const uint8_t *s, size_t len, size_t start,
                        size_t i, size_t *resume)
{
    int kinds = 0, kind = 0;
    size_t r = i, n, ndots = 0;
    while (r < len && (n = term_at(s, r, len, &kind)) > 0) {
        kinds |= kind;
        ndots += kind == T_DOT;
        r += n;
    }
    *resume = r;

    size_t e = r;
    while (e < len && (n = closer_at(s, e, len)) > 0)
        e += n;
    if (kinds & T_CJK)
        return e;
    if (e < len && ws_at(s, e, len) == 0)
        return 0;  /* "3.5", "U.S.A", "example.com" */

    /* The gap to the next word: a blank line in it always ends. */
    size_t k = e, newlines = 0;
    while (k < len && (n = ws_at(s, k, len)) > 0) {
        newlines += s[k] == '\n';
        k += n;
    }
    if (k >= len || newlines >= 2)
        return e;
    size_t w = k;
    while (w < len && (n = opener_at(s, w, len)) > 0)
        w += n;
    const next_word nx = look_next(s, w, len);

    if (kinds & T_Q)
        return nx.lower ? 0 : e;
    if ((kinds & T_ELL) || ndots > 1)
        return nx.cap ? e : 0;

    /* A single '.': look at the word before it (at most 16 bytes). */
    size_t b = i;
    while (b > start && i - b <= 16 && ws_before(s, start, b) == 0)
        b--;
    if (i - b > 16)
        return nx.lower ? 0 : e;
    while (b < i && (n = opener_at(s, b, i)) > 0)
        b += n;

    switch (abbr_classify(s + b, i - b)) {
    case AB_TITLE:
        return 0;
    case AB_NUMBER:
        return (nx.digit || nx.lower) ? 0 : e;
    case AB_MONTH:
        return (nx.digit || !nx.cap) ? 0 : e;
    case AB_MAYEND:
        return nx.cap ? e : 0;
    case AB_INITIAL:
        return nx.opener ? e : 0;
    default:
        return nx.lower ? 0 : e;
    }
}

/*
 * How it works: one forward scan that skips uninteresting bytes through a
 * table.  At a sentence-final character, split_end() looks a bounded
 * distance back (the word before a '.') and forward across the following
 * whitespace and opening quotes; the main loop then resumes past that
 * point or at the next sentence's first byte, and each whitespace run is
 * looked at at most twice, so the whole split is linear.
 */
int text_sentences(text_spans *out, const char *text, size_t len)
{
    const uint8_t *s = (const uint8_t *)text;
    splitter sp = { out, s, 0, 0 };
    int error;

    out->n = 0;
    size_t start = skip_ws(s, 0, len);
    size_t i = start;
    while (i < len) {
        i = skip_plain(s, i, len);
        while (i < len && !split_interesting[s[i]])
            i++;
        if (i >= len)
            break;
        size_t brk = para_at(s, i, len);
        if (brk) {
            if ((error = split_emit(&sp, start, i)) < 0)
                return error;
            start = i = skip_ws(s, brk, len);
            continue;
        }
        int kind;
        if (term_at(s, i, len, &kind) == 0) {
            i++;
            continue;
        }
        size_t resume;
        const size_t end = split_end(s, len, start, i, &resume);
        if (end) {
            if ((error = split_emit(&sp, start, end)) < 0)
                return error;
            start = i = skip_ws(s, end, len);
        } else {
            assert(resume > i);
            i = resume;
        }
    }
    if (start < len && (error = split_emit(&sp, start, len)) < 0)
        return error;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Datelines                                                           */
/* ------------------------------------------------------------------ */

static const char *const month_names[] = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
    "NOV", "DEC",
};

/* Does s[i..) start with a month name or abbreviation? */
static bool starts_month(const uint8_t *s, size_t i, size_t len)
{
    if (i + 3 > len)
        return false;
    for (size_t k = 0; k < 12; k++) {
        const char *m = month_names[k];
        if (a_toupper(s[i]) == (uint8_t)m[0] &&
            a_toupper(s[i + 1]) == (uint8_t)m[1] &&
            a_toupper(s[i + 2]) == (uint8_t)m[2])
            return true;
    }
    return false;
}

enum { SEP_NONE, SEP_DASH, SEP_HYPHEN, SEP_COLON };

/* Dash-like separator at s[i]: kind and length (0 when none).  A plain
 * '-' counts only when a space or another '-' is next to it, so that
 * "PORT-AU-PRINCE" stays a place. */
static size_t sep_at(const uint8_t *s, size_t i, size_t len, int *kind)
{
    if (s[i] != '-' && s[i] != 0xE2)
        return 0;   /* most bytes: no separator begins with them */
    const uint32_t v = peek3(s, i, len);
    if (v == U3(0xE2, 0x80, 0x94) || v == U3(0xE2, 0x80, 0x93)) {
        *kind = SEP_DASH;
        return 3;
    }
    if (s[i] == '-') {
        size_t n = 1;
        while (i + n < len && s[i + n] == '-')
            n++;
        if (n >= 2) {
            *kind = SEP_DASH;
            return n;
        }
        if ((i + 1 < len && s[i + 1] == ' ') || (i > 0 && s[i - 1] == ' ')) {
            *kind = SEP_HYPHEN;
            return 1;
        }
    }
    return 0;
}

static size_t skip_spaces(const uint8_t *s, size_t i, size_t len)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* Trim trailing spaces of [b, e). */
static size_t trim_end(const uint8_t *s, size_t b, size_t e)
{
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    return e;
}

size_t text_dateline(const char *text, size_t len, text_dateline_info *out)
{
    const uint8_t *s = (const uint8_t *)text;
    text_dateline_info d;
    memset(&d, 0, sizeof(d));
    if (out)
        *out = d;

    size_t i = skip_ws(s, 0, len);
    const size_t limit = len - i > 200 ? i + 200 : len;
    bool caps = true;
    size_t letters = 0, nseg = 0, n;
    int sep = SEP_NONE;

    /* The place: letters, spaces, . ' - & up to , ( / : or a dash. */
    const size_t p0 = i;
    while (i < limit) {
        const uint8_t c = s[i];
        if (c == ',' || c == '(' || c == '/' || c == ':' ||
            sep_at(s, i, len, &sep) > 0)
            break;
        if (c < 0x80) {
            if (a_alpha(c)) {
                letters++;
                caps = caps && a_upper(c);
            } else if (c != ' ' && c != '.' && c != '\'' && c != '-' &&
                       c != '&') {
                return 0;
            }
            i++;
            continue;
        }
        int32_t u;
        i += utf8_decode(s, i, len, &u);
        if (u < 0 || !u_isalpha(u))
            return 0;
        letters++;
        caps = caps && !u_islower(u);
    }
    sep = SEP_NONE;
    const size_t p1 = trim_end(s, p0, i);
    if (p1 > p0) {
        if (p1 - p0 > 48 || letters < 2)
            return 0;
        if (s[p0] < 0x80 && !a_upper(s[p0]))
            return 0;
        d.place_start = p0;
        d.place_len = p1 - p0;
    }

    /* Comma parts: a region and/or a date. */
    while (i < limit && s[i] == ',') {
        i = skip_spaces(s, i + 1, len);
        const size_t g0 = i;
        while (i < limit && s[i] != ',' && s[i] != '(' && s[i] != '/' &&
               s[i] != ':' && sep_at(s, i, len, &sep) == 0) {
            const uint8_t c = s[i];
            if (c < 0x80 && !a_alpha(c) && !a_digit(c) && c != ' ' &&
                c != '.' && c != '\'' && c != '-')
                return 0;
            i++;
        }
        sep = SEP_NONE;
        const size_t g1 = trim_end(s, g0, i);
        if (g1 == g0 || g1 - g0 > 40 || ++nseg > 3 || d.place_len == 0)
            return 0;
        if (nseg == 1 && !a_digit(s[g0]) && !starts_month(s, g0, g1)) {
            d.region_start = g0;
            d.region_len = g1 - g0;
        }
    }

    /* The agency: (Reuters) or /ITAR-TASS/. */
    i = skip_spaces(s, i, len);
    if (i < limit && (s[i] == '(' || s[i] == '/')) {
        const uint8_t close = s[i] == '(' ? ')' : '/';
        const size_t a0 = i + 1;
        size_t j = a0;
        bool has_letter = false;
        while (j < limit && j - a0 <= 40 && s[j] != close && s[j] != '\n') {
            has_letter = has_letter || a_alpha(s[j]) || s[j] >= 0x80;
            j++;
        }
        if (j >= limit || s[j] != close || !has_letter)
            return 0;
        d.agency_start = a0;
        d.agency_len = j - a0;
        i = skip_spaces(s, j + 1, len);
    }
    if (d.place_len == 0 && d.agency_len == 0)
        return 0;

    /* The separator. */
    if (i >= len)
        return 0;
    if ((n = sep_at(s, i, len, &sep)) > 0) {
        i += n;
    } else if (s[i] == '-') {
        sep = SEP_HYPHEN;
        i++;
    } else if (s[i] == ':') {
        sep = SEP_COLON;
        i++;
    } else {
        return 0;
    }
    if (sep != SEP_DASH && (i >= len || ws_at(s, i, len) == 0))
        return 0;

    bool ok = d.agency_len > 0;
    if (!ok && caps && letters >= 2) {
        ok = sep == SEP_DASH || sep == SEP_COLON ||
             (sep == SEP_HYPHEN && nseg > 0);
    }
    if (!ok)
        return 0;
    i = skip_ws(s, i, len);
    if (i >= len)
        return 0;
    d.len = i;
    if (out)
        *out = d;
    return i;
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

/* What the tokenizer sees in a byte: a space, a digit, another byte of a
 * word (a letter or a byte of a multi-byte character), or punctuation. */
/* TB_DIGIT is 2 and TB_WORD 3: OR-ing the classes of a run tells a run of
 * digits (bit 0 clear) from a word. */
enum { TB_PUNCT = 0, TB_SPACE, TB_DIGIT, TB_WORD };
#define S TB_SPACE
#define D TB_DIGIT
#define W TB_WORD
static const uint8_t tok_bytes[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, S, S, S, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0,
    0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,
    0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
};
#undef S
#undef D
#undef W

static inline bool tok_wordch(uint8_t c)
{
    return tok_bytes[c] >= TB_DIGIT;
}

/* Exactly three digits at s[i], as after a thousands comma: "1,000". */
static bool thousands_at(const uint8_t *s, size_t i, size_t len)
{
    if (i + 3 > len || !a_digit(s[i]) || !a_digit(s[i + 1]) ||
        !a_digit(s[i + 2]))
        return false;
    return i + 3 == len || !tok_wordch(s[i + 3]);
}

/* The end of the run of word bytes from p on, before end.  Bit 0 of
 * *kinds is set when the run holds a byte other than a digit (a byte
 * TB_WORD, as OR-ing the classes would). */
static inline const uint8_t *word_run(const uint8_t *p, const uint8_t *end,
                                      unsigned *kinds)
{
    while (end - p >= 8) {
        const uint64_t x = bytes_load64((const char *)p);
        const uint64_t t = x & ~BYTES_TOP;
        const uint64_t others = bytes_letters(t) | (x & BYTES_TOP);
        const uint64_t stop = ~(others | bytes_digits(t)) & BYTES_TOP;
        if (stop == 0) {
            *kinds |= others != 0;
            p += 8;
            continue;
        }
        const unsigned n = bytes_first(stop);
        *kinds |= others != 0 && bytes_first(others) < n;
        return p + n;
    }
    while (p < end && tok_bytes[*p] >= TB_DIGIT)
        *kinds |= tok_bytes[*p++];
    return p;
}

bool text_next_token(const char *str, size_t len, size_t *pos,
                     text_tok *out)
{
    const uint8_t *s = (const uint8_t *)str;
    size_t i = *pos;
    while (i < len && tok_bytes[s[i]] == TB_SPACE)
        i++;
    if (i >= len) {
        *pos = len;
        return false;
    }
    const size_t b = i;
    if (!tok_wordch(s[i])) {
        *out = (text_tok){ b, 1, TEXT_TOK_PUNCT };
        *pos = i + 1;
        return true;
    }
    bool inner_dot = false, joined = false;
    unsigned kinds = 0;     /* TB_WORD's bit 0: a byte other than a digit */
    for (;;) {
        /* the run of word bytes */
        i = (size_t)(word_run(s + i, s + len, &kinds) - s);
        if (i >= len)
            break;
        /* inner punctuation that keeps the word whole */
        const uint8_t c = s[i];
        if (i + 1 < len && tok_wordch(s[i + 1])) {
            if (c == '\'' || c == '-' || c == '.' || c == '&' || c == '/') {
                inner_dot = inner_dot || c == '.';
                joined = joined || c == '-' || c == '/';
                i++;
                continue;
            }
            if (c == ',' && !(kinds & 1) && thousands_at(s, i + 1, len)) {
                i++;
                continue;
            }
        }
        break;
    }
    const bool digits = !(kinds & 1);
    if (!digits && inner_dot && i < len && s[i] == '.')
        i++;
    *out = (text_tok){ b, i - b, digits ? TEXT_TOK_NUMBER : TEXT_TOK_WORD,
                       joined && !digits };
    *pos = i;
    return true;
}
