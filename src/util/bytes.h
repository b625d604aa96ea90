/*
 * bytes.h - short byte strings, a word at a time
 *
 * The word cache, the place finder's word lists and the hash maps compare
 * words of a few bytes, most often after their hashes already agree.  A
 * call of memcmp() costs more than such a compare, and a byte loop takes
 * a branch per byte; bytes_same() reads at most two overlapping loads of
 * each string and never a byte past either.  The place finder's
 * tokenizer classifies eight bytes at once with bytes_letters() and
 * bytes_digits(), and the date and count finders find a word's letters
 * with bytes_letter_run(): a loop that stops at a word's end, a byte at
 * a time, takes a branch the processor mostly cannot foresee.
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

/*
 * Eight bytes at a time: the tokenizers read a word's letters as one
 * 64-bit load.  A mask has bit 7 of each byte that passes; bytes are
 * tested each on its own, so the byte order of the machine matters only
 * to bytes_first().
 */
#define BYTES_ONES 0x0101010101010101u
#define BYTES_TOP 0x8080808080808080u

/* The bytes of t between lo and hi, both at most 0x7F; t must have bit 7
 * of every byte clear (t = x & ~BYTES_TOP), so no sum carries into the
 * next byte. */
static inline uint64_t bytes_in_range(uint64_t t, unsigned lo, unsigned hi)
{
    return (t + (0x80u - lo) * BYTES_ONES) &
           ~(t + (0x7Fu - hi) * BYTES_ONES) & BYTES_TOP;
}

/* The ASCII letters of t, and below its digits (t as for
 * bytes_in_range()). */
static inline uint64_t bytes_letters(uint64_t t)
{
    /* | 0x20 folds A-Z onto a-z and nothing else onto them */
    return bytes_in_range(t | 0x20 * BYTES_ONES, 'a', 'z');
}

static inline uint64_t bytes_digits(uint64_t t)
{
    return bytes_in_range(t, '0', '9');
}

/* The index in memory of the first byte whose bit 7 is set in mask,
 * which is not 0. */
static inline unsigned bytes_first(uint64_t mask)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (unsigned)__builtin_ctzll(mask) >> 3;
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return (unsigned)__builtin_clzll(mask) >> 3;
#else
    unsigned char b[8];
    memcpy(b, &mask, sizeof(b));
    unsigned i = 0;
    while (!(b[i] & 0x80))
        i++;
    return i;
#endif
}

/* How many of the n bytes at p, from the first, are ASCII letters. */
static inline size_t bytes_letter_run(const char *p, size_t n)
{
    size_t i = 0;
    for (; n - i >= 8; i += 8) {
        const uint64_t x = bytes_load64(p + i);
        const uint64_t stop = ~(bytes_letters(x & ~BYTES_TOP) & ~x) &
                              BYTES_TOP;
        if (stop != 0)
            return i + bytes_first(stop);
    }
    while (i < n && (unsigned)((p[i] | 0x20) - 'a') < 26u)
        i++;
    return i;
}

#endif /* CASUS_UTIL_BYTES_H */
