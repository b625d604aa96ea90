/*
 * ingest.c - the document reader: JSONL lines or one plain-text file
 *
 * Turns a stream into casus_doc records (doc/records.md) one at a time.
 * The stream is read in fixed chunks, never slurped: a line longer than
 * the reader's limit is counted and thrown away chunk by chunk, so a
 * 50 MB line costs at most `max_doc` bytes of memory.  A bad record is
 * reported through casus_diag and skipped; the reader stays usable.
 *
 * JSON is parsed with jansson, which keeps its own allocator: the reader
 * does not change that process-wide setting behind its host's back.
 * Everything the reader allocates itself goes through alloc.h.
 *
 * SPDX-License-Identifier: MIT
 */
#include "casus/doc.h"

#include <assert.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
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
    const char *base;       /* basename of name: a text document's id */
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

struct casus_parser {
    json_t *json;           /* the last line parsed; owns its doc's strings */
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
    for (size_t i = 0; i < n; i++) {
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

static const char *json_kind(const json_t *j)
{
    switch (json_typeof(j)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "something else";
}

static const json_t *get_string(const json_t *obj, const char *key)
{
    const json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? v : NULL;
}

/* Check a required string member; fills the diag when it is unusable. */
static int need_string(const casus_record *rec, const json_t *obj,
                       const char *key, bool nonempty, casus_diag *diag)
{
    const json_t *v = json_object_get(obj, key);
    if (v == NULL) {
        set_diag(diag, rec->name, rec->line, 0, "missing \"%s\"", key);
        return CASUS_EPARSE;
    }
    if (!json_is_string(v)) {
        set_diag(diag, rec->name, rec->line, 0,
                 "\"%s\" is %s, not a string", key, json_kind(v));
        return CASUS_EPARSE;
    }
    if (nonempty && json_string_length(v) == 0) {
        set_diag(diag, rec->name, rec->line, 0, "\"%s\" is empty", key);
        return CASUS_EPARSE;
    }
    return 0;
}

/* Parse a JSONL record into *out; p->json keeps its strings. */
static int parse_json(casus_parser *p, const casus_record *rec,
                      casus_doc *out, casus_diag *diag)
{
    int error;

    if ((error = check_text(rec->name, rec->data, rec->len, rec->line,
                            diag)) < 0)
        return error;

    json_error_t jerr;
    p->json = json_loadb(rec->data, rec->len,
                         JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
    if (p->json == NULL) {
        set_diag(diag, rec->name, rec->line,
                 jerr.position > 0 ? jerr.position : 0,
                 "invalid JSON at column %d: %s", jerr.column, jerr.text);
        return CASUS_EPARSE;
    }
    if (!json_is_object(p->json)) {
        set_diag(diag, rec->name, rec->line, 0, "%s, not a JSON object",
                 json_kind(p->json));
        return CASUS_EPARSE;
    }
    if ((error = need_string(rec, p->json, "id", true, diag)) < 0 ||
        (error = need_string(rec, p->json, "text", false, diag)) < 0)
        return error;

    const json_t *text = json_object_get(p->json, "text");
    out->id = json_string_value(json_object_get(p->json, "id"));
    out->text = json_string_value(text);
    out->text_len = json_string_length(text);

    /* A date that is not YYYY-MM-DD is ignored, not fatal: the document
     * still codes, only relative dates stay unresolved (doc/records.md). */
    const json_t *date = get_string(p->json, "date");
    if (date != NULL && valid_date(json_string_value(date)))
        memcpy(out->date, json_string_value(date), 10);

    const json_t *v;
    out->title = (v = get_string(p->json, "title")) ? json_string_value(v)
                                                    : NULL;
    out->source = (v = get_string(p->json, "source")) ? json_string_value(v)
                                                      : NULL;
    out->url = (v = get_string(p->json, "url")) ? json_string_value(v) : NULL;
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

    const char *slash = strrchr(r->name, '/');
    r->base = slash ? slash + 1 : r->name;
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
    *out = cs_calloc(1, sizeof(**out));
    return *out != NULL ? 0 : CASUS_ENOMEM;
}

void casus_parser_free(casus_parser *p)
{
    if (p == NULL)
        return;
    json_decref(p->json);
    cs_free(p);
}

int casus_parser_parse(casus_parser *p, const casus_record *rec,
                       casus_doc *out, casus_diag *diag)
{
    assert(p != NULL && rec != NULL && out != NULL);

    json_decref(p->json);
    p->json = NULL;
    *out = (casus_doc){ .id = "", .text = "" };
    int error = rec->kind == CASUS_INPUT_TEXT
                    ? parse_text(rec, out, diag)
                    : parse_json(p, rec, out, diag);
    if (error < 0) {
        json_decref(p->json);
        p->json = NULL;
        *out = (casus_doc){ .id = "", .text = "" };
    }
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
