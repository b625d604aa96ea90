/*
 * fold.c - unit tests of text_fold and its offset map
 *
 * Folding must turn news spellings into the uppercase ASCII the
 * dictionaries use, keep scripts with no ASCII form, and map every output
 * byte back to the code point it came from.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"
#include "casus/common.h"
#include "text.h"

typedef struct fixture {
    strbuf out;
    text_map map;
} fixture;

static int setup(void **state)
{
    fixture *f = malloc(sizeof(*f));
    assert_non_null(f);
    *f = (fixture){ STRBUF_INIT, TEXT_MAP_INIT };
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    strbuf_dispose(&f->out);
    text_map_dispose(&f->map);
    free(f);
    return 0;
}

static const char *fold(fixture *f, const char *in)
{
    assert_int_equal(text_fold(&f->out, &f->map, in, strlen(in)), 0);
    assert_int_equal(f->map.n, f->out.len);
    assert_int_equal(strlen(f->out.buf), f->out.len);
    return f->out.buf;
}

#define assert_fold(f, in, want) assert_string_equal(fold((f), (in)), (want))

static void test_text_fold__ascii_is_uppercased_identity(void **state)
{
    fixture *f = *state;
    assert_fold(f, "Police raided 3 homes in Pristina.",
                "POLICE RAIDED 3 HOMES IN PRISTINA.");
    assert_true(f->map.identity);
    assert_int_equal(text_map_cp(&f->map, 7), 7);
    assert_int_equal(text_map_byte(&f->map, f->map.n), 34);
}

static void test_text_fold__ascii_controls_become_spaces(void **state)
{
    fixture *f = *state;
    const char in[] = "a\tb\nc\rd\0e\x7f" "f";
    assert_int_equal(text_fold(&f->out, &f->map, in, sizeof(in) - 1), 0);
    assert_int_equal(f->out.len, sizeof(in) - 1);
    assert_memory_equal(f->out.buf, "A B C D E F", sizeof(in) - 1);
}

static void test_text_fold__every_ascii_byte_at_every_alignment(void **state)
{
    fixture *f = *state;
    char in[128 + 7], want[128 + 7];
    for (size_t shift = 0; shift < 8; shift++) {
        for (size_t k = 0; k < 128 + shift; k++) {
            const unsigned c = (unsigned)((k + 128 - shift) % 128);
            in[k] = (char)c;
            want[k] = (c < 0x20 || c == 0x7F) ? ' '
                      : (c >= 'a' && c <= 'z') ? (char)(c - 32) : (char)c;
        }
        assert_int_equal(text_fold(&f->out, &f->map, in, 128 + shift), 0);
        assert_int_equal(f->out.len, 128 + shift);
        assert_memory_equal(f->out.buf, want, 128 + shift);
        assert_true(f->map.identity);
        /* the same bytes behind a non-ASCII character take the slow path */
        strbuf slow = STRBUF_INIT;
        strbuf_puts(&slow, "\xC3\xA9");
        strbuf_add(&slow, in, 128 + shift);
        assert_int_equal(text_fold(&f->out, &f->map, slow.buf, slow.len), 0);
        assert_memory_equal(f->out.buf, "E", 1);
        assert_memory_equal(f->out.buf + 1, want, 128 + shift);
        assert_int_equal(text_map_byte(&f->map, 1), 2);
        assert_int_equal(text_map_cp(&f->map, 1 + 128 + shift - 1),
                         128 + shift);
        strbuf_dispose(&slow);
    }
}

static void test_text_fold__strips_diacritics(void **state)
{
    fixture *f = *state;
    assert_fold(f, "Vučić", "VUCIC");
    assert_fold(f, "Ñ", "N");
    assert_fold(f, "Erdoğan met Sánchez in Zürich and Kraków",
                "ERDOGAN MET SANCHEZ IN ZURICH AND KRAKOW");
    assert_fold(f, "Ahmed Shah Massoud of Panjshīr, İstanbul",
                "AHMED SHAH MASSOUD OF PANJSHIR, ISTANBUL");
    /* decomposed input: e + COMBINING ACUTE */
    assert_fold(f, "Pe\xCC\x81rez", "PEREZ");
    assert_false(f->map.identity);
}

static void test_text_fold__spells_out_special_letters(void **state)
{
    fixture *f = *state;
    assert_fold(f, "Straße", "STRASSE");
    assert_fold(f, "Æsir Øresund Đinđić Łódź", "AESIR ORESUND DINDIC LODZ");
    assert_fold(f, "Þór œuvre Œ ı ð", "THOR OEUVRE OE I D");
    assert_fold(f, "İlham Əliyev", "ILHAM ALIYEV");
}

static void test_text_fold__normalises_punctuation(void **state)
{
    fixture *f = *state;
    assert_fold(f, "\xE2\x80\x9CWe\xE2\x80\x99ll see,\xE2\x80\x9D he said "
                   "\xE2\x80\x94 2010\xE2\x80\x93" "11 \xE2\x80\x9E" "bye\xE2\x80\x9C",
                "\"WE'LL SEE,\" HE SAID - 2010-11 \"BYE\"");
    assert_fold(f, "\xE2\x80\x98x\xE2\x80\x9A \xC2\xABy\xC2\xBB \xE2\x88\x92" "5",
                "'X' \"Y\" -5");
    assert_fold(f, "wait\xE2\x80\xA6", "WAIT...");
}

static void test_text_fold__unicode_spaces_become_spaces(void **state)
{
    fixture *f = *state;
    /* NBSP, thin space, ideographic space, line separator, NEL */
    assert_fold(f, "a\xC2\xA0" "b\xE2\x80\x89" "c\xE3\x80\x80"
                   "d\xE2\x80\xA8" "e\xC2\x85" "f",
                "A B C D E F");
}

static void test_text_fold__drops_format_characters(void **state)
{
    fixture *f = *state;
    /* soft hyphen, zero-width space, ZWJ, BOM, LRM */
    assert_fold(f, "\xEF\xBB\xBFgov\xC2\xAD" "ern\xE2\x80\x8Bment\xE2\x80\x8D"
                   "\xE2\x80\x8E!",
                "GOVERNMENT!");
}

static void test_text_fold__compatibility_forms_become_ascii(void **state)
{
    fixture *f = *state;
    /* fi ligature, full-width letters and digits, superscript two */
    assert_fold(f, "\xEF\xAC\x81nal \xEF\xBC\xA1\xEF\xBD\x82\xEF\xBC\x91 "
                   "km\xC2\xB2",
                "FINAL AB1 KM2");
}

static void test_text_fold__keeps_other_scripts_uppercased(void **state)
{
    fixture *f = *state;
    /* Arabic has no case: kept as is, marks (harakat) removed */
    assert_fold(f, "\xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF", /* بغداد */
                "\xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF");
    assert_fold(f, "\xD9\x85\xD9\x8F\xD8\xAD\xD9\x8E\xD9\x85\xD9\x8E\xD9\x91"
                   "\xD8\xAF", /* مُحَمَّد */
                "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF");
    /* Cyrillic is uppercased: путин -> ПУТИН */
    assert_fold(f, "\xD0\xBF\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD",
                "\xD0\x9F\xD0\xA3\xD0\xA2\xD0\x98\xD0\x9D");
    /* Greek final sigma: οδός -> ΟΔΟΣ */
    assert_fold(f, "\xCE\xBF\xCE\xB4\xCF\x8C\xCF\x82",
                "\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3");
    /* CJK and Hangul syllables survive whole */
    assert_fold(f, "\xE5\x8C\x97\xE4\xBA\xAC \xED\x95\x9C\xEA\xB5\xAD",
                "\xE5\x8C\x97\xE4\xBA\xAC \xED\x95\x9C\xEA\xB5\xAD");
}

static void test_text_fold__invalid_utf8_becomes_replacement(void **state)
{
    fixture *f = *state;
    const char in[] = "a\xC3" "b\x80\xED\xA0\x80" "c\xF4\x90\x80\x80";
    assert_int_equal(text_fold(&f->out, &f->map, in, sizeof(in) - 1), 0);
    /* C3 truncated; 80 stray; ED A0 80 a surrogate (3 bad bytes);
     * F4 90 80 80 above U+10FFFF (4 bad bytes) */
    strbuf want = STRBUF_INIT;
    strbuf_puts(&want, "A\xEF\xBF\xBD" "B");
    for (int k = 0; k < 4; k++)
        strbuf_puts(&want, "\xEF\xBF\xBD");
    strbuf_puts(&want, "C");
    for (int k = 0; k < 4; k++)
        strbuf_puts(&want, "\xEF\xBF\xBD");
    assert_string_equal(f->out.buf, want.buf);
    strbuf_dispose(&want);
}

static void test_text_fold__map_gives_code_points_of_input(void **state)
{
    fixture *f = *state;
    /* "Vučić raided Straße" : č and ć are 2 bytes, ß 2 bytes -> "SS" */
    const char *in = "Vu\xC4\x8D" "i\xC4\x87 raided Stra\xC3\x9F" "e";
    assert_fold(f, in, "VUCIC RAIDED STRASSE");
    /* output byte 2 'C' came from č: byte 2, code point 2 */
    assert_int_equal(text_map_byte(&f->map, 2), 2);
    assert_int_equal(text_map_cp(&f->map, 2), 2);
    /* output 'I' (3) is byte 4, code point 3 */
    assert_int_equal(text_map_byte(&f->map, 3), 4);
    assert_int_equal(text_map_cp(&f->map, 3), 3);
    /* "RAIDED" starts at output 6 = input byte 8 = code point 6 */
    text_extent x;
    text_map_range(&f->map, 6, 12, &x);
    assert_int_equal(x.byte_start, 8);
    assert_int_equal(x.byte_end, 14);
    assert_int_equal(x.cp_start, 6);
    assert_int_equal(x.cp_end, 12);
    /* "VUCIC" covers code points [0, 5), bytes [0, 7) */
    text_map_range(&f->map, 0, 5, &x);
    assert_int_equal(x.cp_start, 0);
    assert_int_equal(x.cp_end, 5);
    assert_int_equal(x.byte_end, 7);
    /* both S of SS map to ß (code point 17); the sentinel is the end */
    assert_int_equal(text_map_cp(&f->map, 17), 17);
    assert_int_equal(text_map_cp(&f->map, 18), 17);
    assert_int_equal(text_map_cp(&f->map, 19), 18);
    assert_int_equal(text_map_cp(&f->map, f->map.n), 19);
    assert_int_equal(text_map_byte(&f->map, f->map.n), strlen(in));
    /* a range ending between the two S widens to the whole ß */
    text_map_range(&f->map, 13, 18, &x);
    assert_int_equal(x.cp_start, 13);
    assert_int_equal(x.cp_end, 18);
    assert_int_equal(x.byte_end, 21);
}

static void test_text_fold__map_covers_dropped_marks(void **state)
{
    fixture *f = *state;
    /* "Jose\u0301 Marti\u0301" (decomposed) -> "JOSE MARTI" */
    assert_fold(f, "Jose\xCC\x81 Marti\xCC\x81", "JOSE MARTI");
    text_extent x;
    text_map_range(&f->map, 0, 4, &x);  /* JOSE includes its accent */
    assert_int_equal(x.cp_start, 0);
    assert_int_equal(x.cp_end, 5);
    text_map_range(&f->map, 5, 10, &x);  /* MARTI up to the end */
    assert_int_equal(x.cp_start, 6);
    assert_int_equal(x.cp_end, 12);
    assert_int_equal(x.byte_end, 14);
}

static void test_text_fold__map_is_monotonic_on_mixed_text(void **state)
{
    fixture *f = *state;
    const char *in = "\xEF\xAC\x81 Ærø \xD8\xA8 \xE2\x80\x9Cok\xE2\x80\x9D "
                     "\xC3\x9F\xE2\x80\x8B\xF0\x9F\x98\x80 \xED\x95\x9C.";
    fold(f, in);
    size_t prev_b = 0, prev_c = 0;
    for (size_t i = 0; i <= f->map.n; i++) {
        assert_true(text_map_byte(&f->map, i) >= prev_b);
        assert_true(text_map_cp(&f->map, i) >= prev_c);
        prev_b = text_map_byte(&f->map, i);
        prev_c = text_map_cp(&f->map, i);
    }
    assert_int_equal(prev_b, strlen(in));
    assert_int_equal(prev_c, text_cp_count(in, strlen(in)));
}

static void test_text_fold__buffers_are_reused(void **state)
{
    fixture *f = *state;
    fold(f, "Vu\xC4\x8Di\xC4\x87 and a fairly long tail of ASCII text");
    char *const buf = f->out.buf;
    text_run *const runs = f->map.runs;
    fold(f, "Short \xC3\xA9");
    fold(f, "plain");
    assert_ptr_equal(f->out.buf, buf);
    assert_ptr_equal(f->map.runs, runs);
    assert_true(f->map.identity);
    assert_string_equal(f->out.buf, "PLAIN");
}

/* The map keeps stretches, not bytes: a long text with a few accented
 * letters takes a few runs, and every byte still maps right. */
static void test_text_fold__map_of_long_text_is_small(void **state)
{
    fixture *f = *state;
    const size_t len = 1 << 20;
    char *in = malloc(len + 1);
    assert_non_null(in);
    for (size_t i = 0; i < len; i++)
        in[i] = (char)('a' + i % 26);
    /* "é" (two bytes, folded to one) at three places */
    const size_t at[3] = { 10, len / 2, len - 4 };
    for (int k = 0; k < 3; k++)
        memcpy(in + at[k], "\xC3\xA9", 2);
    in[len] = '\0';
    fold(f, in);
    assert_int_equal(f->out.len, len - 3);
    assert_true(f->map.n_runs <= 7);
    /* output byte o: after the k-th "é" it is input byte o + k */
    for (size_t o = 0, k = 0; o <= f->out.len; o++) {
        while (k < 3 && at[k] - k < o)
            k++;
        assert_int_equal(text_map_byte(&f->map, o), o + k);
        assert_int_equal(text_map_cp(&f->map, o), o);
    }
    free(in);
}

/* A cursor reads the map as text_map_byte() does, in order, backwards
 * and at random. */
static void test_text_fold__cursor_reads_as_lookups(void **state)
{
    fixture *f = *state;
    const char *in = "\xEF\xAC\x81 Ærø \xD8\xA8 \xE2\x80\x9Cok\xE2\x80\x9D "
                     "\xC3\x9F\xE2\x80\x8B\xF0\x9F\x98\x80 \xED\x95\x9C. "
                     "Vu\xC4\x8Di\xC4\x87 and more";
    fold(f, in);
    assert_false(f->map.identity);
    text_map_cursor c = TEXT_MAP_CURSOR(&f->map);
    for (size_t i = 0; i <= f->map.n; i++)
        assert_int_equal(text_map_cursor_byte(&c, i),
                         text_map_byte(&f->map, i));
    for (size_t i = f->map.n + 1; i-- > 0;)
        assert_int_equal(text_map_cursor_byte(&c, i),
                         text_map_byte(&f->map, i));
    uint32_t r = 7;
    for (int k = 0; k < 1000; k++) {
        r = r * 1103515245u + 12345u;
        const size_t i = r % (f->map.n + 1);
        assert_int_equal(text_map_cursor_byte(&c, i),
                         text_map_byte(&f->map, i));
    }
}

static void test_text_fold__map_is_optional(void **state)
{
    fixture *f = *state;
    const char *in = "Vu\xC4\x8Di\xC4\x87";
    assert_int_equal(text_fold(&f->out, NULL, in, strlen(in)), 0);
    assert_string_equal(f->out.buf, "VUCIC");
}

static void test_text_fold__empty_input_gives_empty_output(void **state)
{
    fixture *f = *state;
    assert_int_equal(text_fold(&f->out, &f->map, "", 0), 0);
    assert_int_equal(f->out.len, 0);
    assert_string_equal(f->out.buf, "");
    assert_int_equal(f->map.n, 0);
    assert_int_equal(text_map_cp(&f->map, 0), 0);
}

static void test_text_fold__cp_count_counts_code_points(void **state)
{
    (void)state;
    assert_int_equal(text_cp_count("", 0), 0);
    assert_int_equal(text_cp_count("abc", 3), 3);
    assert_int_equal(text_cp_count("Vu\xC4\x8Di\xC4\x87", 7), 5);
    assert_int_equal(text_cp_count("\xF0\x9F\x98\x80!", 5), 2);
}

/* An allocator that fails after a budget of calls, to check that every
 * allocation failure is reported and leaves usable buffers. */
static long alloc_budget = -1;

static void *fail_malloc(size_t n, void *payload)
{
    (void)payload;
    if (alloc_budget == 0)
        return NULL;
    if (alloc_budget > 0)
        alloc_budget--;
    return malloc(n);
}

static void *fail_realloc(void *p, size_t n, void *payload)
{
    (void)payload;
    if (alloc_budget == 0)
        return NULL;
    if (alloc_budget > 0)
        alloc_budget--;
    return realloc(p, n);
}

static void plain_free(void *p, void *payload)
{
    (void)payload;
    free(p);
}

static void test_text_fold__reports_allocation_failure(void **state)
{
    (void)state;
    const casus_allocator a = { fail_malloc, fail_realloc, plain_free, NULL };
    casus_set_allocator(&a);
    const char *in = "Vu\xC4\x8Di\xC4\x87 \xEF\xB7\xBA and more";
    int error = -1;
    long n;
    for (n = 0; n < 50; n++) {
        strbuf out = STRBUF_INIT;
        text_map map = TEXT_MAP_INIT;
        alloc_budget = n;
        error = text_fold(&out, &map, in, strlen(in));
        alloc_budget = -1;
        if (error == 0) {
            assert_int_equal(map.n, out.len);
        } else {
            assert_int_equal(error, CASUS_ENOMEM);
            assert_int_equal(strlen(out.buf), out.len);
        }
        strbuf_dispose(&out);
        text_map_dispose(&map);
        if (error == 0)
            break;
    }
    casus_set_allocator(NULL);
    assert_int_equal(error, 0);
    assert_true(n > 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_text_fold__ascii_is_uppercased_identity),
        T(test_text_fold__ascii_controls_become_spaces),
        T(test_text_fold__every_ascii_byte_at_every_alignment),
        T(test_text_fold__strips_diacritics),
        T(test_text_fold__spells_out_special_letters),
        T(test_text_fold__normalises_punctuation),
        T(test_text_fold__unicode_spaces_become_spaces),
        T(test_text_fold__drops_format_characters),
        T(test_text_fold__compatibility_forms_become_ascii),
        T(test_text_fold__keeps_other_scripts_uppercased),
        T(test_text_fold__invalid_utf8_becomes_replacement),
        T(test_text_fold__map_gives_code_points_of_input),
        T(test_text_fold__map_covers_dropped_marks),
        T(test_text_fold__map_is_monotonic_on_mixed_text),
        T(test_text_fold__buffers_are_reused),
        T(test_text_fold__map_of_long_text_is_small),
        T(test_text_fold__cursor_reads_as_lookups),
        T(test_text_fold__map_is_optional),
        T(test_text_fold__empty_input_gives_empty_output),
        T(test_text_fold__cp_count_counts_code_points),
        T(test_text_fold__reports_allocation_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
