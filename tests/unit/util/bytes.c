/*
 * bytes.c - unit tests of bytes_same()
 *
 * bytes_same() reads words with overlapping loads; every length from 0 to
 * past two loads must agree with memcmp() wherever the strings differ, and
 * it must read no byte past either string (checked by placing each string
 * at the very end of its buffer, which ASan then guards).
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

#include "bytes.h"

#define MAX_LEN 40

static void test_equal_strings(void **state)
{
    (void)state;
    for (size_t n = 0; n <= MAX_LEN; n++) {
        char *a = malloc(n + 1), *b = malloc(n + 1);
        assert_non_null(a);
        assert_non_null(b);
        for (size_t i = 0; i < n; i++)
            a[i] = b[i] = (char)('A' + i % 26);
        assert_true(bytes_same(a, b, n));
        free(a);
        free(b);
    }
}

/* One byte changed at every position of every length: never the same. */
static void test_one_byte_differs(void **state)
{
    (void)state;
    for (size_t n = 1; n <= MAX_LEN; n++) {
        /* each string ends its allocation: a read past it is caught */
        char *a = malloc(n), *b = malloc(n);
        assert_non_null(a);
        assert_non_null(b);
        for (size_t k = 0; k < n; k++) {
            for (size_t i = 0; i < n; i++)
                a[i] = b[i] = (char)('a' + (i * 7) % 26);
            b[k] ^= 0x20;
            assert_false(bytes_same(a, b, n));
            assert_false(bytes_same(b, a, n));
            assert_true(bytes_same(a, a, n));
        }
        free(a);
        free(b);
    }
}

/* A shorter compare sees only its own bytes. */
static void test_prefix(void **state)
{
    (void)state;
    const char *a = "JERUSALEM", *b = "JERUSALEMS";
    assert_true(bytes_same(a, b, 9));
    assert_false(bytes_same("ISRAEL", "ISRAEI", 6));
    assert_true(bytes_same("US", "USA", 2));
    assert_false(bytes_same("UN", "US", 2));
}

/* bytes_letter_run() against a byte loop, for runs ending at every byte
 * of two loads and at the end of the bytes given. */
static void test_letter_runs(void **state)
{
    (void)state;
    char buf[40];
    static const char stops[] = { ' ', '0', '-', '\'', '@', '[', '`', '{',
                                  (char)0xC3, (char)0x80 };
    for (size_t n = 0; n < 20; n++) {
        for (size_t k = 0; k < sizeof(stops); k++) {
            for (size_t i = 0; i < sizeof(buf); i++)   /* letters */
                buf[i] = (char)(i % 2 ? 'a' + (int)(i % 26)
                                      : 'Z' - (int)(i % 26));
            buf[n] = stops[k];
            size_t want = 0;
            while (want < sizeof(buf) &&
                   ((buf[want] >= 'a' && buf[want] <= 'z') ||
                    (buf[want] >= 'A' && buf[want] <= 'Z')))
                want++;
            assert_int_equal(want, n);
            assert_int_equal(bytes_letter_run(buf, sizeof(buf)), n);
            /* only the bytes given are read */
            for (size_t m = 0; m <= n; m++)
                assert_int_equal(bytes_letter_run(buf, m), m);
        }
    }
    assert_int_equal(bytes_letter_run("", 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equal_strings),
        cmocka_unit_test(test_one_byte_differs),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_letter_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
