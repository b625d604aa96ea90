/*
 * ingest.c - the document reader: JSONL lines or one plain-text file
 *
 * Turns a stream into casus_doc records (doc/records.md) one at a time.
 * The stream is read in fixed chunks, never slurped: a line longer than
 * the reader's limit is counted and thrown away chunk by chunk, so a
 * 50 MB line costs at most `max_doc` bytes of memory.  A bad record is
 * reported through casus_diag and skipped; the reader stays usable.
 *
 * JSON is parsed with yajl's event parser (not its tree: a record needs
 * only its six top-level strings, copied as they go by), which is about
 * ten times as fast as building a tree with jansson was.  yajl takes the
 * reader's allocator for the handle.  Everything the reader allocates
 * itself goes through alloc.h.
 *
 * SPDX-License-Identifier: MIT
 */
#include "casus/doc.h"

#include <assert.h>
#include <errno.h>
#include <yajl/yajl_parse.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "date.h"
#include "strbuf.h"
#include "utf8.h"

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

#define CHUNK_SIZE (64 * 1024)

struct casus_reader {
    FILE *fp;               /* borrowed */
    char *name;             /* owned copy of the input name */
    casus_input_kind kind;  /* JSONL or TEXT, never AUTO */
    size_t max_doc;         /* largest accepted record, bytes */
    long line;              /* lines read so far */
    size_t rejects;         /* records rejected so far */
    bool at_eof;            /* fread() has reported the end */
    bool text_done;         /* TEXT: the one document was handed out */
    char *chunk;            /* CHUNK_SIZE bytes of read-ahead */
    size_t chunk_pos;       /* next unread byte in chunk */
    size_t chunk_len;       /* bytes valid in chunk */
    strbuf rec;             /* the current line or text, <= max_doc */
    casus_parser *parser;   /* for casus_reader_next() */
};

/* The members of a record that become the document's fields. */
enum { M_ID, M_TEXT, M_DATE, M_TITLE, M_SOURCE, M_URL, N_MEMBERS };

static const char *const member_names[N_MEMBERS] = {
    "id", "text", "date", "title", "source", "url"
};

/* What a member's value was, when it was not a string. */
enum { V_NONE, V_STRING, V_OBJECT, V_ARRAY, V_INTEGER, V_NUMBER, V_BOOL,
       V_NULL };

struct casus_parser {
    strbuf vals;            /* the members' string values, NUL-terminated;
                               the last document's strings live here */
    size_t off[N_MEMBERS];  /* each member's value in vals */
    size_t len[N_MEMBERS];
    int kind[N_MEMBERS];    /* V_NONE when the record lacks the member */
    int top;                /* kind of the record's top-level value */
    int depth;              /* objects and arrays open */
    int member;             /* member the next value at depth 1 is, or
                               -1 */
    strbuf keys;            /* the keys of the objects open, each as its
                               length then its bytes, for duplicates */
    size_t *key_start;      /* where each open object's keys start */
    size_t key_cap;
    bool escapes;           /* the record has a \u escape somewhere */
    char why[96];           /* the reason a callback stopped the parse */
};

/* ------------------------------------------------------------------ */
/* Private helpers                                                     */
/* ------------------------------------------------------------------ */

static void set_diag(casus_diag *diag, const char *name, long line,
                     long column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void set_diag(casus_diag *diag, const char *name, long line,
                     long column, const char *fmt, ...)
{
    if (diag == NULL)
        return;
    diag->file = name;
    diag->line = line;
    diag->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(diag->msg, sizeof(diag->msg), fmt, ap);
    va_end(ap);
}

/* Refill the chunk.  At the end of input chunk_len stays 0. */
static int fill(casus_reader *r)
{
    r->chunk_pos = 0;
    r->chunk_len = 0;
    if (r->at_eof)
        return 0;
    r->chunk_len = fread(r->chunk, 1, CHUNK_SIZE, r->fp);
    if (r->chunk_len == 0) {
        if (ferror(r->fp))
            return CASUS_EIO;
        r->at_eof = true;
    }
    return 0;
}

/*
 * Read up to the next '\n' (consumed, not stored) or, when `whole` is set,
 * to the end of input.  The bytes go to r->rec as long as the record stays
 * within max_doc; past that they are only counted.
 *
 * @param[out] len_out  full length of the record in bytes; when it is
 *                      above max_doc, r->rec holds only a prefix
 * @return 0, CASUS_EOF when no byte was left, CASUS_EIO or CASUS_ENOMEM
 */
static int read_record(casus_reader *r, bool whole, size_t *len_out)
{
    size_t total = 0;
    bool any = false;

    strbuf_clear(&r->rec);
    for (;;) {
        if (r->chunk_pos == r->chunk_len) {
            int error = fill(r);
            if (error < 0)
                return error;
            if (r->chunk_len == 0)
                break;
        }
        const char *start = r->chunk + r->chunk_pos;
        const size_t avail = r->chunk_len - r->chunk_pos;
        const char *nl = whole ? NULL : memchr(start, '\n', avail);
        const size_t take = nl ? (size_t)(nl - start) : avail;

        any = true;
        if (total + take <= r->max_doc &&
            strbuf_add(&r->rec, start, take) < 0)
            return CASUS_ENOMEM;
        total += take;
        r->chunk_pos += take;
        if (nl) {
            r->chunk_pos++;
            break;
        }
    }
    if (!any)
        return CASUS_EOF;
    *len_out = total;
    return 0;
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* Drop a UTF-8 byte order mark, which some editors put first. */
static void skip_bom(strbuf *sb)
{
    if (sb->len >= 3 && memcmp(sb->buf, "\xEF\xBB\xBF", 3) == 0) {
        memmove(sb->buf, sb->buf + 3, sb->len - 3 + 1);
        sb->len -= 3;
    }
}

/* Offset of the first byte that can be neither text nor JSON: a NUL or a
 * C0 control other than tab, CR and LF (form feed is allowed in text).
 * n when there is none. */
static size_t find_binary(const char *s, size_t n, bool allow_ff)
{
    size_t i = 0;
    /* eight bytes at a time while none is below 0x20 (a test that may
     * stop early, never late) */
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w - 0x2020202020202020u) & ~w & 0x8080808080808080u)
            break;
    }
    for (; i < n; i++) {
        const unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' &&
            !(allow_ff && c == '\f'))
            return i;
    }
    return n;
}

static long line_of(const char *s, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n')
            line++;
    return line;
}

static long column_of(const char *s, size_t off)
{
    size_t col = off + 1;
    for (size_t i = off; i > 0; i--)
        if (s[i - 1] == '\n') {
            col = off - i + 1;
            break;
        }
    return (long)col;
}

/*
 * Check that a record is UTF-8 text without binary bytes.
 * @return 0 or CASUS_EPARSE with the diag filled; `line` is the record's
 *         first line, 0 for a text document whose own lines are counted
 */
static int check_text(const char *name, const char *s, size_t n, long line,
                      casus_diag *diag)
{
    const bool text = line == 0;
    const size_t bin = find_binary(s, n, text);
    const size_t bad = utf8_check(s, n);
    if (bin == n && bad == n)
        return 0;

    const size_t at = bin < bad ? bin : bad;
    const long ln = text ? line_of(s, at) : line;
    const long col = text ? column_of(s, at) : (long)at + 1;
    if (bin < bad)
        set_diag(diag, name, ln, col,
                 "binary data, not text: byte 0x%02X at column %ld",
                 (unsigned char)s[at], col);
    else
        set_diag(diag, name, ln, col,
                 "invalid UTF-8: byte 0x%02X at column %ld",
                 (unsigned char)s[at], col);
    return CASUS_EPARSE;
}

/* A day as doc/records.md accepts it: "YYYY-MM-DD", alone or opening a
 * timestamp ("2019-04-10T08:00:00Z", "2019-04-10 08:00"). */
static bool valid_date(const char *s)
{
    int y, m, d;
    return date_parse(s, &y, &m, &d) &&
           (s[10] == '\0' || s[10] == 'T' || s[10] == ' ');
}

static const char *kind_name(int kind)
{
    switch (kind) {
    case V_OBJECT: return "an object";
    case V_ARRAY: return "an array";
    case V_STRING: return "a string";
    case V_INTEGER: return "an integer";
    case V_NUMBER: return "a number";
    case V_BOOL: return "a boolean";
    case V_NULL: return "null";
    default: return "nothing";
    }
}

/* Check a required string member; fills the diag when it is unusable. */
static int need_string(const casus_parser *p, const casus_record *rec,
                       int m, bool nonempty, casus_diag *diag)
{
    const char *key = member_names[m];
    if (p->kind[m] == V_NONE) {
        set_diag(diag, rec->name, rec->line, 0, "missing \"%s\"", key);
        return CASUS_EPARSE;
    }
    if (p->kind[m] != V_STRING) {
        set_diag(diag, rec->name, rec->line, 0,
                 "\"%s\" is %s, not a string", key, kind_name(p->kind[m]));
        return CASUS_EPARSE;
    }
    if (nonempty && p->len[m] == 0) {
        set_diag(diag, rec->name, rec->line, 0, "\"%s\" is empty", key);
        return CASUS_EPARSE;
    }
    return 0;
}

/* ---- yajl's events -------------------------------------------------- */

/* A value begins: note the top level's kind, and a member's. */
static int on_value(casus_parser *p, int kind)
{
    if (p->depth == 0) {
        p->top = kind;
        if (kind != V_OBJECT)
            return 0;       /* not an object: stop, parse_json says so */
    } else if (p->depth == 1 && p->member >= 0) {
        p->kind[p->member] = kind;
        p->member = -1;
    }
    return 1;
}

static int on_null(void *ctx)
{
    return on_value(ctx, V_NULL);
}

static int on_boolean(void *ctx, int value)
{
    (void)value;
    return on_value(ctx, V_BOOL);
}

static int on_number(void *ctx, const char *s, size_t len)
{
    bool real = memchr(s, '.', len) || memchr(s, 'e', len) ||
                memchr(s, 'E', len);
    return on_value(ctx, real ? V_NUMBER : V_INTEGER);
}

static int on_string(void *ctx, const unsigned char *s, size_t len)
{
    casus_parser *p = ctx;
    if (memchr(s, '\0', len) != NULL) {
        snprintf(p->why, sizeof(p->why), "\\u0000 in a string");
        return 0;
    }
    if (p->depth == 1 && p->member >= 0) {
        /* yajl passes a lone surrogate escape ("\udc00") through as
         * bytes that are not UTF-8; a kept string must be UTF-8 */
        if (p->escapes && utf8_check((const char *)s, len) != len) {
            snprintf(p->why, sizeof(p->why), "a \\u escape that is no "
                     "character (a lone surrogate)");
            return 0;
        }
        const int m = p->member;
        p->off[m] = p->vals.len;
        p->len[m] = len;
        strbuf_add(&p->vals, (const char *)s, len);
        strbuf_add(&p->vals, "", 1);    /* a NUL ends each value */
    }
    return on_value(p, V_STRING);
}

/* An object or an array opens: note it as a value, and give it its own
 * stretch of keys (an array has none, but its objects must not be held
 * to the keys of the object around it). */
static int open_container(casus_parser *p, int kind)
{
    if (!on_value(p, kind))
        return 0;
    if (CS_ARRAY_GROW(p->key_start, p->key_cap, (size_t)p->depth + 1) < 0) {
        snprintf(p->why, sizeof(p->why), "out of memory");
        return 0;
    }
    p->key_start[p->depth++] = p->keys.len;
    return 1;
}

/* An object or an array closes: its keys are forgotten. */
static int close_container(void *ctx)
{
    casus_parser *p = ctx;
    p->keys.len = p->key_start[--p->depth];
    return 1;
}

static int on_start_map(void *ctx)
{
    return open_container(ctx, V_OBJECT);
}

static int on_start_array(void *ctx)
{
    return open_container(ctx, V_ARRAY);
}

/* A key: refused when its object has it already (as jansson's
 * JSON_REJECT_DUPLICATES did); at the top level, it may name a member. */
static int on_map_key(void *ctx, const unsigned char *key, size_t len)
{
    casus_parser *p = ctx;
    const char *k = p->keys.buf + p->key_start[p->depth - 1];
    const char *end = p->keys.buf + p->keys.len;
    while (k < end) {
        size_t n;
        memcpy(&n, k, sizeof(n));
        k += sizeof(n);
        if (n == len && memcmp(k, key, len) == 0) {
            snprintf(p->why, sizeof(p->why), "duplicate object key");
            return 0;
        }
        k += n;
    }
    strbuf_add(&p->keys, (const char *)&len, sizeof(len));
    strbuf_add(&p->keys, (const char *)key, len);
    p->member = -1;
    if (p->depth == 1)
        for (int m = 0; m < N_MEMBERS; m++)
            if (strlen(member_names[m]) == len &&
                memcmp(member_names[m], key, len) == 0)
                p->member = m;
    return 1;
}

static const yajl_callbacks json_events = {
    .yajl_null = on_null,
    .yajl_boolean = on_boolean,
    .yajl_number = on_number,
    .yajl_string = on_string,
    .yajl_start_map = on_start_map,
    .yajl_map_key = on_map_key,
    .yajl_end_map = close_container,
    .yajl_start_array = on_start_array,
    .yajl_end_array = close_container,
};

static void *yajl_malloc(void *ctx, size_t n)
{
    (void)ctx;
    return cs_malloc(n);
}

static void *yajl_realloc(void *ctx, void *ptr, size_t n)
{
    (void)ctx;
    return cs_realloc(ptr, n);
}

static void yajl_free_fn(void *ctx, void *ptr)
{
    (void)ctx;
    cs_free(ptr);
}

/* Does s hold a \u escape (or what looks like one: a backslash before a
 * 'u')? */
static bool has_u_escape(const char *s, size_t n)
{
    const char *b = s, *end = s + n;
    while ((b = memchr(b, '\\', (size_t)(end - b))) != NULL && b + 1 < end) {
        if (b[1] == 'u')
            return true;
        b += 2;                 /* past the escape */
    }
    return false;
}

/* yajl's reason for a syntax error, without its "parse error: " and
 * its newline, in jansson's words for the commonest. */
static void syntax_reason(yajl_handle h, char *out, size_t cap)
{
    unsigned char *msg = yajl_get_error(h, 0, NULL, 0);
    const char *m = msg ? (const char *)msg : "syntax error";
    const char *colon = strstr(m, ": ");
    if (colon != NULL)
        m = colon + 2;
    size_t n = strlen(m);
    while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' ' || m[n - 1] == '.'))
        n--;
    if (n == strlen("premature EOF") && memcmp(m, "premature EOF", n) == 0)
        snprintf(out, cap, "premature end of input");
    else
        snprintf(out, cap, "%.*s", (int)n, m);
    if (msg != NULL)
        yajl_free_error(h, msg);
}

/* Parse a JSONL record into *out; p->vals keeps its strings. */
static int parse_json(casus_parser *p, const casus_record *rec,
                      casus_doc *out, casus_diag *diag)
{
    int error;

    if ((error = check_text(rec->name, rec->data, rec->len, rec->line,
                            diag)) < 0)
        return error;

    strbuf_clear(&p->vals);
    strbuf_clear(&p->keys);
    for (int m = 0; m < N_MEMBERS; m++)
        p->kind[m] = V_NONE;
    p->top = V_NONE;
    p->depth = 0;
    p->member = -1;
    p->why[0] = '\0';
    p->escapes = has_u_escape(rec->data, rec->len);

    yajl_alloc_funcs alloc = { yajl_malloc, yajl_realloc, yajl_free_fn,
                               NULL };
    yajl_handle h = yajl_alloc(&json_events, &alloc, p);
    if (h == NULL)
        return CASUS_ENOMEM;
    /* check_text() has checked the UTF-8 of the whole record */
    yajl_config(h, yajl_dont_validate_strings, 1);
    yajl_status st = yajl_parse(h, (const unsigned char *)rec->data,
                                rec->len);
    /* where it stopped: inside the record, or at its end */
    size_t at = yajl_get_bytes_consumed(h);
    if (st == yajl_status_ok) {
        st = yajl_complete_parse(h);
        at = rec->len;
    }
    if (st == yajl_status_client_canceled && p->why[0] == '\0') {
        /* stopped at the top-level value: not an object */
        yajl_free(h);
        set_diag(diag, rec->name, rec->line, 0, "%s, not a JSON object",
                 kind_name(p->top));
        return CASUS_EPARSE;
    }
    if (st != yajl_status_ok) {
        char why[96];
        if (p->why[0] != '\0')
            snprintf(why, sizeof(why), "%s", p->why);
        else
            syntax_reason(h, why, sizeof(why));
        yajl_free(h);
        if (strcmp(why, "out of memory") == 0)
            return CASUS_ENOMEM;
        /* the column of the byte where parsing stopped, or the line's
         * length when the input ended first */
        const long col = (long)(at < rec->len ? at + 1 : rec->len);
        set_diag(diag, rec->name, rec->line, col,
                 "invalid JSON at column %ld: %s", col, why);
        return CASUS_EPARSE;
    }
    yajl_free(h);
    if (p->vals.oom || p->keys.oom)
        return CASUS_ENOMEM;
    if ((error = need_string(p, rec, M_ID, true, diag)) < 0 ||
        (error = need_string(p, rec, M_TEXT, false, diag)) < 0)
        return error;

    const char *v[N_MEMBERS];
    for (int m = 0; m < N_MEMBERS; m++)
        v[m] = p->kind[m] == V_STRING ? p->vals.buf + p->off[m] : NULL;
    out->id = v[M_ID];
    out->text = v[M_TEXT];
    out->text_len = p->len[M_TEXT];
    /* A date that is not YYYY-MM-DD is ignored, not fatal: the document
     * still codes, only relative dates stay unresolved (doc/records.md). */
    if (v[M_DATE] != NULL && valid_date(v[M_DATE]))
        memcpy(out->date, v[M_DATE], 10);
    out->title = v[M_TITLE];
    out->source = v[M_SOURCE];
    out->url = v[M_URL];
    return 0;
}

/* A text record is a document whose id is the input's base name. */
static int parse_text(const casus_record *rec, casus_doc *out,
                      casus_diag *diag)
{
    int error = check_text(rec->name, rec->data, rec->len, 0, diag);
    if (error < 0)
        return error;
    const char *slash = strrchr(rec->name, '/');
    out->id = slash ? slash + 1 : rec->name;
    out->text = rec->data;
    out->text_len = rec->len;
    return 0;
}

/* The next JSONL line that is not blank. */
static int next_line(casus_reader *r, casus_record *out, casus_diag *diag)
{
    for (;;) {
        size_t len;
        int error = read_record(r, false, &len);
        if (error < 0)
            return error;
        r->line++;
        if (len > r->max_doc) {
            set_diag(diag, r->name, r->line, 0,
                     "document is %zu bytes, over the limit of %zu", len,
                     r->max_doc);
            return CASUS_ETOOBIG;
        }
        if (r->line == 1)
            skip_bom(&r->rec);
        if (is_blank(r->rec.buf, r->rec.len))
            continue;
        out->line = r->line;
        return 0;
    }
}

/* The whole input, once. */
static int next_whole(casus_reader *r, casus_record *out, casus_diag *diag)
{
    size_t len;
    int error;

    if (r->text_done)
        return CASUS_EOF;
    r->text_done = true;
    if ((error = read_record(r, true, &len)) < 0)
        return error;
    if (len > r->max_doc) {
        set_diag(diag, r->name, 0, 0,
                 "document is %zu bytes, over the limit of %zu", len,
                 r->max_doc);
        return CASUS_ETOOBIG;
    }
    skip_bom(&r->rec);
    out->line = 0;
    return 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    const size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* ------------------------------------------------------------------ */
/* API                                                                 */
/* ------------------------------------------------------------------ */

int casus_reader_new(casus_reader **out, FILE *fp, const char *name,
                     casus_input_kind kind, size_t max_doc)
{
    casus_reader *r = NULL;
    int error = CASUS_ENOMEM;

    assert(out != NULL && fp != NULL);
    *out = NULL;
    if (name == NULL)
        name = "<stdin>";
    if ((r = cs_calloc(1, sizeof(*r))) == NULL)
        goto done;
    r->rec = (strbuf)STRBUF_INIT;
    if ((r->name = cs_strdup(name)) == NULL ||
        (r->chunk = cs_malloc(CHUNK_SIZE)) == NULL ||
        casus_parser_new(&r->parser) < 0)
        goto done;

    r->fp = fp;
    r->max_doc = max_doc ? max_doc : CASUS_MAX_DOC_DEFAULT;
    if (kind == CASUS_INPUT_AUTO)
        kind = ends_with(name, ".txt") ? CASUS_INPUT_TEXT : CASUS_INPUT_JSONL;
    r->kind = kind;
    *out = r;
    r = NULL;
    error = 0;
done:
    casus_reader_free(r);
    return error;
}

int casus_reader_next_record(casus_reader *r, casus_record *out,
                             casus_diag *diag)
{
    assert(r != NULL && out != NULL);

    *out = (casus_record){ .data = "", .name = r->name, .kind = r->kind };
    int error = r->kind == CASUS_INPUT_TEXT ? next_whole(r, out, diag)
                                            : next_line(r, out, diag);
    if (error == 0) {
        out->data = r->rec.buf;
        out->len = r->rec.len;
    } else if (error == CASUS_ETOOBIG) {
        r->rejects++;
    } else if (error == CASUS_EIO) {
        set_diag(diag, r->name, r->line, 0, "read error: %s",
                 strerror(errno));
    } else if (error == CASUS_ENOMEM) {
        set_diag(diag, r->name, r->line, 0, "out of memory");
    }
    return error;
}

int casus_reader_next(casus_reader *r, casus_doc *out, casus_diag *diag)
{
    assert(r != NULL && out != NULL);

    casus_record rec;
    int error = casus_reader_next_record(r, &rec, diag);
    if (error == 0 &&
        (error = casus_parser_parse(r->parser, &rec, out, diag)) ==
            CASUS_EPARSE)
        r->rejects++;
    if (error < 0)
        *out = (casus_doc){ .id = "", .text = "" };
    return error;
}

int casus_parser_new(casus_parser **out)
{
    assert(out != NULL);
    casus_parser *p = cs_calloc(1, sizeof(*p));
    if (p == NULL) {
        *out = NULL;
        return CASUS_ENOMEM;
    }
    p->vals = (strbuf)STRBUF_INIT;
    p->keys = (strbuf)STRBUF_INIT;
    *out = p;
    return 0;
}

void casus_parser_free(casus_parser *p)
{
    if (p == NULL)
        return;
    strbuf_dispose(&p->vals);
    strbuf_dispose(&p->keys);
    cs_free(p->key_start);
    cs_free(p);
}

int casus_parser_parse(casus_parser *p, const casus_record *rec,
                       casus_doc *out, casus_diag *diag)
{
    assert(p != NULL && rec != NULL && out != NULL);

    *out = (casus_doc){ .id = "", .text = "" };
    int error = rec->kind == CASUS_INPUT_TEXT
                    ? parse_text(rec, out, diag)
                    : parse_json(p, rec, out, diag);
    if (error < 0)
        *out = (casus_doc){ .id = "", .text = "" };
    return error;
}

size_t casus_reader_rejects(const casus_reader *r)
{
    return r->rejects;
}

void casus_reader_free(casus_reader *r)
{
    if (r == NULL)
        return;
    casus_parser_free(r->parser);
    strbuf_dispose(&r->rec);
    cs_free(r->chunk);
    cs_free(r->name);
    cs_free(r);
}
