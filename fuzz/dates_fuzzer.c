/*
 * dates_fuzzer.c - libFuzzer target: event dates from any bytes
 *
 * The first 10 bytes are the document date (mostly not a valid one), the
 * rest the sentence.  Checks the contract of dates.h: a resolved date is
 * "YYYY-MM-DD" with a valid month and day, and an unresolved call leaves
 * the output alone.  The sentence is copied into a buffer of exactly its
 * size, so ASan catches any read past len.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static void check(const char *text, size_t len, const char *doc_date)
{
    char out[11];
    memset(out, 'x', sizeof(out));
    if (!dates_resolve(text, len, doc_date, out)) {
        for (size_t i = 0; i < sizeof(out); i++)
            CHECK(out[i] == 'x');
        return;
    }
    CHECK(out[4] == '-' && out[7] == '-' && out[10] == '\0');
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7)
            CHECK(out[i] >= '0' && out[i] <= '9');
    const int m = (out[5] - '0') * 10 + (out[6] - '0');
    const int d = (out[8] - '0') * 10 + (out[9] - '0');
    CHECK(m >= 1 && m <= 12 && d >= 1 && d <= 31);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char doc_date[11] = "";
    if (size >= 10) {
        memcpy(doc_date, data, 10);
        data += 10;
        size -= 10;
    }
    if (size == 0) {
        check(NULL, 0, doc_date);
        return 0;
    }
    char *copy = malloc(size);
    if (copy == NULL)
        return 0;
    memcpy(copy, data, size);
    check(copy, size, doc_date);
    check(copy, size, NULL);
    free(copy);
    return 0;
}
