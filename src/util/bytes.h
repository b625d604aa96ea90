/*
 * bytes.h - equality of short byte strings
 *
 * The word cache, the place finder's word lists and the hash maps compare
 * words of a few bytes, most often after their hashes already agree.  A
 * call of memcmp() costs more than such a compare, and a byte loop takes
 * a branch per byte; bytes_same() reads at most two overlapping loads of
 * each string and never a byte past either.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_UTIL_BYTES_H
#define CASUS_UTIL_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t bytes_load64(const char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}

static inline uint32_t bytes_load32(const char *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof(v));
    return v;
}

/* memcmp(a, b, n) == 0.  From 4 bytes up the last load overlaps the one
 * before it, so every length takes whole loads only. */
static inline bool bytes_same(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        size_t i = 0;
        for (; i + 8 < n; i += 8)
            if (bytes_load64(a + i) != bytes_load64(b + i))
                return false;
        return bytes_load64(a + n - 8) == bytes_load64(b + n - 8);
    }
    if (n >= 4)
        return bytes_load32(a) == bytes_load32(b) &&
               bytes_load32(a + n - 4) == bytes_load32(b + n - 4);
    if (n == 0)
        return true;
    /* 1 to 3 bytes: the first, the middle and the last */
    return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
}

#endif /* CASUS_UTIL_BYTES_H */
