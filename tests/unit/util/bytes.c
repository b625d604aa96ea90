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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equal_strings),
        cmocka_unit_test(test_one_byte_differs),
        cmocka_unit_test(test_prefix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
