/*
 * text_fuzzer.c - libFuzzer target: the text stage on any bytes
 *
 * Runs the sentence splitter, the dateline detector, folding (of the
 * whole input and of each sentence), the token iterator and the verb
 * lemmatiser over arbitrary bytes, and checks the contracts of text.h:
 * spans are non-empty, ordered, trimmed and carry the right code-point
 * positions; folded text is valid UTF-8 without NUL or control bytes; the
 * offset map is monotonic and ends at the input's length.  Anything else
 * aborts.  Buffers are reused across runs, as the coder reuses them.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casus/common.h"
#include "text.h"

static text_spans spans = TEXT_SPANS_INIT;
static strbuf folded = STRBUF_INIT;
static text_map map = TEXT_MAP_INIT;

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

/* Strict UTF-8 check with no NUL and no C0/DEL control bytes. */
static void check_folded(const char *str, size_t len)
{
    const uint8_t *s = (const uint8_t *)str;
    CHECK(str[len] == '\0');
    for (size_t i = 0; i < len;) {
        const uint8_t c = s[i];
        if (c < 0x80) {
            CHECK(c >= 0x20 && c != 0x7F);
            i++;
            continue;
        }
        size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        CHECK(c >= 0xC2 && c < 0xF5 && i + n <= len);
        for (size_t k = 1; k < n; k++)
            CHECK((s[i + k] & 0xC0) == 0x80);
        i += n;
    }
}

static void check_fold(const char *in, size_t len)
{
    const int error = text_fold(&folded, &map, in, len);
    CHECK(error == 0 || error == CASUS_ENOMEM);
    if (error)
        return;
    CHECK(map.n == folded.len);
    check_folded(folded.buf, folded.len);
    CHECK(text_map_byte(&map, map.n) == len);
    CHECK(text_map_cp(&map, map.n) == text_cp_count(in, len));
    for (size_t i = 1; i <= map.n; i++) {
        CHECK(text_map_byte(&map, i) >= text_map_byte(&map, i - 1));
        CHECK(text_map_cp(&map, i) >= text_map_cp(&map, i - 1));
    }
    if (map.n > 0) {
        text_extent x;
        text_map_range(&map, 0, map.n, &x);
        CHECK(x.byte_start == text_map_byte(&map, 0) && x.byte_end == len);
    }
}

static void check_tokens(void)
{
    size_t pos = 0, prev = 0;
    text_tok t;
    char lem[TEXT_WORD_MAX + 1];
    while (text_next_token(folded.buf, folded.len, &pos, &t)) {
        CHECK(t.len > 0 && t.start >= prev && t.start + t.len == pos);
        CHECK(pos <= folded.len);
        prev = pos;
        if (t.kind == TEXT_TOK_WORD) {
            const size_t n = text_lemma_verb(lem, sizeof(lem),
                                             folded.buf + t.start, t.len,
                                             NULL);
            CHECK(strlen(lem) == (n < sizeof(lem) ? n : sizeof(lem) - 1));
            if (t.len <= TEXT_WORD_MAX) {
                strbuf forms = STRBUF_INIT;
                const int nf = text_verb_forms(&forms, folded.buf + t.start,
                                               t.len, TEXT_FORMS_EXC);
                CHECK(nf >= 0 || nf == CASUS_EINVAL || nf == CASUS_ENOMEM);
                strbuf_dispose(&forms);
            }
        }
    }
    CHECK(pos == folded.len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;

    text_dateline_info d;
    const size_t dl = text_dateline(text, size, &d);
    CHECK(dl == d.len && dl <= size);
    if (dl) {
        CHECK(d.place_start + d.place_len <= dl);
        CHECK(d.region_start + d.region_len <= dl);
        CHECK(d.agency_start + d.agency_len <= dl);
        CHECK(d.place_len > 0 || d.agency_len > 0);
    }

    if (text_sentences(&spans, text, size) < 0)
        return 0;
    size_t prev_end = 0, cp = 0;
    for (size_t k = 0; k < spans.n; k++) {
        const text_span *s = &spans.v[k];
        CHECK(s->len > 0 && s->start >= prev_end && s->start + s->len <= size);
        cp += text_cp_count(text + prev_end, s->start - prev_end);
        CHECK(s->cp_start == cp);
        CHECK(s->cp_len == text_cp_count(text + s->start, s->len));
        cp += s->cp_len;
        const unsigned char first = data[s->start];
        const unsigned char last = data[s->start + s->len - 1];
        CHECK(first != ' ' && first != '\n' && first != '\t');
        CHECK(last != ' ' && last != '\n' && last != '\t');
        prev_end = s->start + s->len;

        check_fold(text + s->start, s->len);
        check_tokens();
    }

    check_fold(text, size);
    return 0;
}
