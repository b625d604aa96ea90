/*
 * counts_fuzzer.c - libFuzzer target: casualty counts on any bytes
 *
 * Runs counts_extract over arbitrary bytes, then again over the bytes
 * before the first NUL, and checks the contract of counts.h: every field
 * is -1 or 0..COUNTS_MAX.  Anything else aborts.  The input is copied
 * into a buffer of exactly its size, so ASan catches any read past len.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "counts.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static void check(const char *text, size_t len)
{
    counts c;
    memset(&c, 0x5A, sizeof(c));
    counts_extract(text, len, &c);
    const int v[] = { c.killed, c.wounded, c.arrested, c.displaced,
                      c.crowd };
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
        CHECK(v[i] >= -1 && v[i] <= COUNTS_MAX);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A private copy of exactly size bytes, so ASan sees any overread. */
    if (size == 0) {
        check(NULL, 0);
        return 0;
    }
    char *copy = malloc(size);
    if (copy == NULL)
        return 0;
    memcpy(copy, data, size);
    check(copy, size);
    const char *nul = memchr(copy, '\0', size);
    if (nul != NULL)
        check(copy, (size_t)(nul - copy));
    free(copy);
    return 0;
}
