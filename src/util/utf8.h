/*
 * utf8.h - UTF-8 validation
 *
 * Strict RFC 3629 decoding: no overlong forms, no surrogates, nothing
 * above U+10FFFF.  Used wherever untrusted bytes become text.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_UTIL_UTF8_H
#define CASUS_UTIL_UTF8_H

#include <stddef.h>

/* Length (1..4) of the valid UTF-8 sequence that starts at s, which has n
 * bytes left; 0 when the bytes there are not valid UTF-8 (n == 0 included).
 * A NUL byte is valid here; callers that refuse it check for it. */
size_t utf8_seq_len(const char *s, size_t n);

/* Offset of the first byte that is not valid UTF-8, or n when all n bytes
 * are valid. */
size_t utf8_check(const char *s, size_t n);

#endif
