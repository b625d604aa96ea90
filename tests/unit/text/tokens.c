/*
 * tokens.c - unit tests of the token iterator over folded text
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

/* Tokens of s as "W:word N:num P:x" joined by spaces. */
static const char *tokens(const char *s)
{
    static char buf[1024];
    static const char kinds[] = "WNP";
    size_t pos = 0, n = 0;
    text_tok t;
    buf[0] = '\0';
    while (text_next_token(s, strlen(s), &pos, &t)) {
        assert_true(t.len > 0);
        assert_int_equal(pos, t.start + t.len);
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%c:%.*s",
                              n ? " " : "", kinds[t.kind], (int)t.len,
                              s + t.start);
    }
    assert_int_equal(pos, strlen(s));
    return buf;
}

static void test_text_tokens__words_numbers_punctuation(void **state)
{
    (void)state;
    assert_string_equal(tokens("POLICE RAIDED 3 HOMES, OFFICIALS SAID."),
                        "W:POLICE W:RAIDED N:3 W:HOMES P:, W:OFFICIALS "
                        "W:SAID P:.");
    assert_string_equal(tokens("  "), "");
    assert_string_equal(tokens(""), "");
}

static void test_text_tokens__inner_joiners(void **state)
{
    (void)state;
    assert_string_equal(tokens("AL-QAEDA'S O'NEILL AT&T 9/11"),
                        "W:AL-QAEDA'S W:O'NEILL W:AT&T N:9/11");
    assert_string_equal(tokens("\"THE U.S. SAID\" - 'NO'"),
                        "P:\" W:THE W:U.S. W:SAID P:\" P:- P:' W:NO P:'");
    assert_string_equal(tokens("ENDS WITH DASH- AND -START"),
                        "W:ENDS W:WITH W:DASH P:- W:AND P:- W:START");
}

/* Runs are read eight bytes at a time: a run may end at any byte of a
 * load, or past it, and only the bytes before its end say whether it is a
 * number. */
static void test_text_tokens__runs_across_loads(void **state)
{
    (void)state;
    assert_string_equal(tokens("12345678901234567890 1234567890123456789X"),
                        "N:12345678901234567890 "
                        "W:1234567890123456789X");
    assert_string_equal(tokens("ABCDEFGHIJKLMNOPQRSTUVWXYZ,"),
                        "W:ABCDEFGHIJKLMNOPQRSTUVWXYZ P:,");
    assert_string_equal(tokens("0123456X 01234567X 1234567 X"),
                        "W:0123456X W:01234567X N:1234567 W:X");
    /* letters after the end of a number, in the same load */
    assert_string_equal(tokens("1234 ABCD 12,ABCDEFGH"),
                        "N:1234 W:ABCD N:12 P:, W:ABCDEFGH");
    /* a byte past ASCII is a letter wherever it falls */
    assert_string_equal(
        tokens("1234567\xC3\x9c 12\xC3\x9c" "45678 Z\xC3\x9cRICH"),
        "W:1234567\xC3\x9c W:12\xC3\x9c" "45678 W:Z\xC3\x9cRICH");
    /* every punctuation byte ends a run */
    assert_string_equal(tokens("ABCDEFG(H) ABCDEFGH!IJ ABCDEFGH_ ABC@DEF"),
                        "W:ABCDEFG P:( W:H P:) W:ABCDEFGH P:! W:IJ "
                        "W:ABCDEFGH P:_ W:ABC P:@ W:DEF");
}

static void test_text_tokens__joined_words_are_marked(void **state)
{
    (void)state;
    const char *s = "SYRIAN-TURKISH PARIS/BERLIN O'NEILL U.S. 9/11 -X";
    const bool want[] = { true, true, false, false, false, false, false };
    size_t pos = 0, n = 0;
    text_tok t;
    while (text_next_token(s, strlen(s), &pos, &t)) {
        assert_true(n < sizeof(want) / sizeof(want[0]));
        assert_int_equal(t.joined, want[n]);
        n++;
    }
    assert_int_equal(n, sizeof(want) / sizeof(want[0]));
}

static void test_text_tokens__numbers(void **state)
{
    (void)state;
    assert_string_equal(tokens("3.5 PERCENT OF 1,000 AND 2,5X"),
                        "N:3.5 W:PERCENT W:OF N:1,000 W:AND N:2 P:, W:5X");
    assert_string_equal(tokens("AT 12."), "W:AT N:12 P:.");
    assert_string_equal(tokens("1,000,000.5 OR 1,0000"),
                        "N:1,000,000.5 W:OR N:1 P:, N:0000");
}

static void test_text_tokens__non_ascii_bytes_are_letters(void **state)
{
    (void)state;
    assert_string_equal(tokens("\xD0\x9F\xD0\xA3\xD0\xA2\xD0\x98\xD0\x9D SAID"),
                        "W:\xD0\x9F\xD0\xA3\xD0\xA2\xD0\x98\xD0\x9D W:SAID");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_tokens__words_numbers_punctuation),
        cmocka_unit_test(test_text_tokens__inner_joiners),
        cmocka_unit_test(test_text_tokens__runs_across_loads),
        cmocka_unit_test(test_text_tokens__joined_words_are_marked),
        cmocka_unit_test(test_text_tokens__numbers),
        cmocka_unit_test(test_text_tokens__non_ascii_bytes_are_letters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
