/*
 * strbuf.c - growable NUL-terminated byte buffer
 *
 * SPDX-License-Identifier: MIT
 */
#include "strbuf.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"

char strbuf_empty[1];

void strbuf_dispose(strbuf *sb)
{
    if (sb->cap)
        cs_free(sb->buf);
    *sb = (strbuf)STRBUF_INIT;
}

int strbuf_grow(strbuf *sb, size_t extra)
{
    size_t need = sb->len + extra + 1;
    if (need <= sb->cap)
        return 0;
    size_t ncap = sb->cap ? sb->cap : 64;
    while (ncap < need)
        ncap *= 2;
    char *p = sb->cap ? cs_realloc(sb->buf, ncap) : cs_malloc(ncap);
    if (p == NULL) {
        sb->oom = true;
        return -1;
    }
    if (!sb->cap)
        p[0] = '\0';
    sb->buf = p;
    sb->cap = ncap;
    return 0;
}

int strbuf_add(strbuf *sb, const char *data, size_t len)
{
    if (strbuf_grow(sb, len) < 0)
        return -1;
    memcpy(sb->buf + sb->len, data, len);
    sb->len += len;
    sb->buf[sb->len] = '\0';
    return 0;
}

int strbuf_puts(strbuf *sb, const char *s)
{
    return strbuf_add(sb, s, strlen(s));
}

int strbuf_putc(strbuf *sb, char c)
{
    return strbuf_add(sb, &c, 1);
}

int strbuf_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || strbuf_grow(sb, (size_t)n) < 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
    return 0;
}

void strbuf_clear(strbuf *sb)
{
    sb->len = 0;
    if (sb->cap)
        sb->buf[0] = '\0';
    sb->oom = false;
}

char *strbuf_detach(strbuf *sb)
{
    char *p = sb->cap ? sb->buf : cs_strdup("");
    *sb = (strbuf)STRBUF_INIT;
    return p;
}

int strbuf_json_str(strbuf *sb, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    if (strbuf_putc(sb, '"') < 0)
        return -1;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const unsigned char c = *p;
        if (c == '"' || c == '\\') {
            char esc[2] = { '\\', (char)c };
            strbuf_add(sb, esc, 2);
        } else if (c == '\n') {
            strbuf_add(sb, "\\n", 2);
        } else if (c == '\t') {
            strbuf_add(sb, "\\t", 2);
        } else if (c == '\r') {
            strbuf_add(sb, "\\r", 2);
        } else if (c < 0x20) {
            char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            strbuf_add(sb, esc, 6);
        } else {
            strbuf_putc(sb, (char)c);
        }
    }
    strbuf_putc(sb, '"');
    return sb->oom ? -1 : 0;
}
