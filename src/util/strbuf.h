/*
 * strbuf.h - growable NUL-terminated byte buffer
 *
 * Invariant: `buf` is never NULL (it points at a shared empty string until
 * the first growth) and buf[len] == '\0'.  After an allocation failure the
 * buffer keeps its old contents and strbuf_oom() is true.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_UTIL_STRBUF_H
#define CASUS_UTIL_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct strbuf {
    char *buf;    /* never NULL; NUL-terminated */
    size_t len;   /* bytes used, excluding the NUL */
    size_t cap;   /* bytes allocated, 0 while buf is the shared empty */
    bool oom;     /* an append failed; contents are then incomplete */
} strbuf;

extern char strbuf_empty[];
#define STRBUF_INIT { strbuf_empty, 0, 0, false }

void strbuf_dispose(strbuf *sb);
int strbuf_grow(strbuf *sb, size_t extra);
int strbuf_add(strbuf *sb, const char *data, size_t len);
int strbuf_puts(strbuf *sb, const char *s);
int strbuf_putc(strbuf *sb, char c);
int strbuf_printf(strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void strbuf_clear(strbuf *sb);
/* Hand the buffer to the caller (free with cs_free); sb is left INIT. */
char *strbuf_detach(strbuf *sb);
/* Append s as a JSON string literal, quotes included. */
int strbuf_json_str(strbuf *sb, const char *s);
static inline bool strbuf_oom(const strbuf *sb) { return sb->oom; }

/* snprintf(dst, cap, "%.*s", max, src) without printf's cost: copies at
 * most cap - 1 and at most max bytes of src, always NUL-terminates
 * (cap > 0), and returns the bytes copied.  The hot paths copy actor and
 * event codes with it. */
static inline size_t str_copy(char *dst, size_t cap, const char *src,
                              size_t max)
{
    size_t n = 0;
    while (n + 1 < cap && n < max && src[n] != '\0') {
        dst[n] = src[n];
        n++;
    }
    dst[n] = '\0';
    return n;
}

#endif
