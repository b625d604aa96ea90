/*
 * reader.c - unit tests of the document reader
 *
 * Every kind of bad input must be rejected with a message naming the
 * input and line, and the reader must go on with the next document.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "casus/doc.h"

/* A reader over an in-memory copy of `data`. */
typedef struct fixture {
    FILE *fp;
    casus_reader *r;
    casus_doc doc;
    casus_diag diag;
} fixture;

static fixture *fx;

static int teardown(void **state)
{
    (void)state;
    if (fx != NULL) {
        casus_reader_free(fx->r);
        if (fx->fp)
            fclose(fx->fp);
        free(fx);
        fx = NULL;
    }
    return 0;
}

static void open_input(const char *data, size_t len, const char *name,
                       casus_input_kind kind, size_t max_doc)
{
    teardown(NULL);
    fx = calloc(1, sizeof(*fx));
    assert_non_null(fx);
    /* fmemopen() refuses a zero-size buffer; tmpfile() takes anything. */
    fx->fp = tmpfile();
    assert_non_null(fx->fp);
    assert_int_equal(fwrite(data, 1, len, fx->fp), len);
    rewind(fx->fp);
    assert_int_equal(casus_reader_new(&fx->r, fx->fp, name, kind, max_doc),
                     0);
}

#define OPEN(lit) open_input(lit, sizeof(lit) - 1, "in.jsonl", \
                             CASUS_INPUT_AUTO, 0)

static int next(void)
{
    fx->diag = (casus_diag)CASUS_DIAG_INIT;
    return casus_reader_next(fx->r, &fx->doc, &fx->diag);
}

static void expect_doc(const char *id, const char *text)
{
    assert_int_equal(next(), 0);
    assert_string_equal(fx->doc.id, id);
    assert_string_equal(fx->doc.text, text);
    assert_int_equal(fx->doc.text_len, strlen(text));
}

static void expect_reject(int code, long line, const char *msg_part)
{
    assert_int_equal(next(), code);
    assert_string_equal(fx->diag.file, "in.jsonl");
    assert_int_equal(fx->diag.line, line);
    if (strstr(fx->diag.msg, msg_part) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", fx->diag.msg, msg_part);
}

static void test_ingest_jsonl__reads_every_field(void **state)
{
    (void)state;
    OPEN("{\"id\":\"a\",\"text\":\"One.\",\"date\":\"2019-04-10\","
         "\"title\":\"T\",\"source\":\"S\",\"url\":\"http://u\"}\n"
         "{\"id\":\"b\",\"text\":\"caf\\u00e9 \\\"q\\\"\"}");
    expect_doc("a", "One.");
    assert_string_equal(fx->doc.date, "2019-04-10");
    assert_string_equal(fx->doc.title, "T");
    assert_string_equal(fx->doc.source, "S");
    assert_string_equal(fx->doc.url, "http://u");
    expect_doc("b", "caf\xc3\xa9 \"q\"");
    assert_string_equal(fx->doc.date, "");
    assert_null(fx->doc.title);
    assert_null(fx->doc.url);
    assert_int_equal(next(), CASUS_EOF);
    assert_int_equal(next(), CASUS_EOF);
    assert_int_equal(casus_reader_rejects(fx->r), 0);
}

static void test_ingest_jsonl__empty_input_is_eof(void **state)
{
    (void)state;
    OPEN("");
    assert_int_equal(next(), CASUS_EOF);
    assert_string_equal(fx->diag.msg, "");
    OPEN("\n  \r\n\t\n");
    assert_int_equal(next(), CASUS_EOF);
    assert_int_equal(casus_reader_rejects(fx->r), 0);
}

static void test_ingest_jsonl__skips_blank_lines_and_counts_them(void **state)
{
    (void)state;
    OPEN("\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n\n{\"id\":\n"
         "{\"id\":\"b\",\"text\":\"y\"}");
    expect_doc("a", "x");
    expect_reject(CASUS_EPARSE, 4, "invalid JSON at column");
    expect_doc("b", "y");
    assert_int_equal(next(), CASUS_EOF);
    assert_int_equal(casus_reader_rejects(fx->r), 1);
}

static void test_ingest_jsonl__rejects_truncated_json(void **state)
{
    (void)state;
    OPEN("{\"id\":\"a\",\"text\":\"cut off\n{\"id\":\"b\",\"text\":\"y\"}\n");
    expect_reject(CASUS_EPARSE, 1, "invalid JSON at column 25: ");
    assert_int_equal(fx->diag.column, 25);
    expect_doc("b", "y");
}

static void test_ingest_jsonl__rejects_invalid_utf8(void **state)
{
    (void)state;
    OPEN("{\"id\":\"a\",\"text\":\"bad \xC3\x28\"}\n"
         "{\"id\":\"b\",\"text\":\"surrogate \xED\xA0\x80\"}\n"
         "{\"id\":\"c\",\"text\":\"overlong \xC0\xAF\"}\n"
         "{\"id\":\"d\",\"text\":\"fine\"}\n");
    expect_reject(CASUS_EPARSE, 1, "invalid UTF-8: byte 0xC3 at column 23");
    expect_reject(CASUS_EPARSE, 2, "invalid UTF-8: byte 0xED");
    expect_reject(CASUS_EPARSE, 3, "invalid UTF-8: byte 0xC0");
    expect_doc("d", "fine");
}

static void test_ingest_jsonl__rejects_binary_junk(void **state)
{
    (void)state;
    static const char junk[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00\n"
                               "{\"id\":\"a\",\"text\":\"nul\\u0000\"}\n"
                               "{\"id\":\"b\",\"text\":\"y\"}\n";
    open_input(junk, sizeof(junk) - 1, "in.jsonl", CASUS_INPUT_JSONL, 0);
    expect_reject(CASUS_EPARSE, 1, "binary data, not text: byte 0x02 at "
                                   "column 5");
    expect_reject(CASUS_EPARSE, 2, "invalid JSON");
    expect_doc("b", "y");
}

static void test_ingest_jsonl__rejects_records_without_id_or_text(void **state)
{
    (void)state;
    OPEN("[1,2]\n"
         "\"just a string\"\n"
         "{\"text\":\"x\"}\n"
         "{\"id\":7,\"text\":\"x\"}\n"
         "{\"id\":\"\",\"text\":\"x\"}\n"
         "{\"id\":\"a\"}\n"
         "{\"id\":\"a\",\"text\":null}\n"
         "{\"id\":\"a\",\"id\":\"b\",\"text\":\"x\"}\n"
         "{\"id\":\"ok\",\"text\":\"\"}\n");
    expect_reject(CASUS_EPARSE, 1, "an array, not a JSON object");
    expect_reject(CASUS_EPARSE, 2, "a string, not a JSON object");
    expect_reject(CASUS_EPARSE, 3, "missing \"id\"");
    expect_reject(CASUS_EPARSE, 4, "\"id\" is an integer, not a string");
    expect_reject(CASUS_EPARSE, 5, "\"id\" is empty");
    expect_reject(CASUS_EPARSE, 6, "missing \"text\"");
    expect_reject(CASUS_EPARSE, 7, "\"text\" is null, not a string");
    expect_reject(CASUS_EPARSE, 8, "duplicate object key");
    expect_doc("ok", "");
    assert_int_equal(casus_reader_rejects(fx->r), 8);
}

/* JSON that parses but cannot be a record, or does not parse at all:
 * keys repeated in a nested object, text after the object, an escape
 * that is no character, a number; escapes that are characters decode. */
static void test_ingest_jsonl__rejects_what_is_not_one_record(void **state)
{
    (void)state;
    OPEN("{\"id\":\"a\",\"text\":\"x\",\"m\":{\"k\":1,\"k\":2}}\n"
         "{\"id\":\"b\",\"text\":\"x\",\"m\":[{\"k\":1},{\"k\":2}]}\n"
         "{\"id\":\"c\",\"text\":\"x\"} {}\n"
         "{\"id\":\"d\",\"text\":\"x \\udc00\"}\n"
         "42\n"
         "{\"id\":\"e\",\"text\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\"}\n");
    expect_reject(CASUS_EPARSE, 1, "duplicate object key");
    expect_doc("b", "x");           /* the same key in two objects */
    expect_reject(CASUS_EPARSE, 3, "invalid JSON at column");
    expect_reject(CASUS_EPARSE, 4, "lone surrogate");
    expect_reject(CASUS_EPARSE, 5, "an integer, not a JSON object");
    expect_doc("e", "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\"");
    assert_int_equal(next(), CASUS_EOF);
}

static void test_ingest_jsonl__ignores_a_malformed_date(void **state)
{
    (void)state;
    OPEN("{\"id\":\"a\",\"text\":\"x\",\"date\":\"10/04/2019\"}\n"
         "{\"id\":\"b\",\"text\":\"x\",\"date\":\"2019-02-29\"}\n"
         "{\"id\":\"c\",\"text\":\"x\",\"date\":20190410}\n"
         "{\"id\":\"d\",\"text\":\"x\",\"date\":\"2020-02-29T08:00:00Z\"}\n");
    expect_doc("a", "x");
    assert_string_equal(fx->doc.date, "");
    expect_doc("b", "x");
    assert_string_equal(fx->doc.date, "");
    expect_doc("c", "x");
    assert_string_equal(fx->doc.date, "");
    expect_doc("d", "x");
    assert_string_equal(fx->doc.date, "2020-02-29");
}

static void test_ingest_jsonl__rejects_a_line_over_the_limit(void **state)
{
    (void)state;
    const size_t big = 200000;
    char *data = malloc(big + 100);
    assert_non_null(data);
    size_t n = (size_t)sprintf(data, "{\"id\":\"a\",\"text\":\"x\"}\n"
                                     "{\"id\":\"big\",\"text\":\"");
    memset(data + n, 'a', big);
    n += big;
    n += (size_t)sprintf(data + n, "\"}\n{\"id\":\"c\",\"text\":\"z\"}\n");
    open_input(data, n, "in.jsonl", CASUS_INPUT_JSONL, 1024);
    free(data);

    expect_doc("a", "x");
    assert_int_equal(next(), CASUS_ETOOBIG);
    assert_string_equal(fx->diag.file, "in.jsonl");
    assert_int_equal(fx->diag.line, 2);
    assert_string_equal(fx->diag.msg,
                        "document is 200022 bytes, over the limit of 1024");
    expect_doc("c", "z");
    assert_int_equal(next(), CASUS_EOF);
}

/* ---- memory use: a huge line is never held whole ---------------- */

typedef struct counting {
    size_t now, peak;
} counting;

static void *count_malloc(size_t size, void *payload)
{
    counting *c = payload;
    size_t *p = malloc(size + sizeof(size_t) * 2);
    if (p == NULL)
        return NULL;
    p[0] = size;
    c->now += size;
    if (c->now > c->peak)
        c->peak = c->now;
    return p + 2;
}

static void count_free(void *ptr, void *payload)
{
    counting *c = payload;
    size_t *p = (size_t *)ptr - 2;
    c->now -= p[0];
    free(p);
}

static void *count_realloc(void *ptr, size_t size, void *payload)
{
    void *q = count_malloc(size, payload);
    if (q == NULL)
        return NULL;
    const size_t old = ((size_t *)ptr - 2)[0];
    memcpy(q, ptr, old < size ? old : size);
    count_free(ptr, payload);
    return q;
}

static void test_ingest_jsonl__discards_a_50mb_line_in_chunks(void **state)
{
    (void)state;
    const size_t big = 50u * 1024 * 1024;
    char *data = malloc(big + 100);
    assert_non_null(data);
    size_t n = (size_t)sprintf(data, "{\"id\":\"big\",\"text\":\"");
    memset(data + n, 'a', big);
    n += big;
    n += (size_t)sprintf(data + n, "\"}\n{\"id\":\"c\",\"text\":\"z\"}\n");

    /* The reader lives entirely under the counting allocator. */
    counting c = { 0, 0 };
    const casus_allocator alloc = { count_malloc, count_realloc, count_free,
                                    &c };
    casus_set_allocator(&alloc);
    open_input(data, n, "in.jsonl", CASUS_INPUT_JSONL, 1024 * 1024);
    const int first = next();
    const casus_diag diag = fx->diag;
    const int second = next();
    const int second_is_c = second == 0 && strcmp(fx->doc.id, "c") == 0;
    teardown(NULL);
    casus_set_allocator(NULL);
    free(data);

    assert_int_equal(first, CASUS_ETOOBIG);
    assert_string_equal(diag.msg, "document is 52428822 bytes, over the "
                                  "limit of 1048576");
    assert_true(second_is_c);
    /* Bounded by the limit, not the line: the buffer may double past the
     * limit, and a realloc briefly holds old and new (3 MB), plus the
     * read chunk.  Holding the line would take 50 MB. */
    assert_true(c.peak <= 4 * 1024 * 1024);
    assert_int_equal(c.now, 0);
}

/* ---- plain text ------------------------------------------------- */

static void test_ingest_text__whole_stream_is_one_document(void **state)
{
    (void)state;
    static const char text[] = "First line.\n\nSecond paragraph.\f\n";
    open_input(text, sizeof(text) - 1, "dir/story.txt", CASUS_INPUT_AUTO, 0);
    assert_int_equal(next(), 0);
    assert_string_equal(fx->doc.id, "story.txt");
    assert_string_equal(fx->doc.text, text);
    assert_string_equal(fx->doc.date, "");
    assert_int_equal(next(), CASUS_EOF);

    open_input("", 0, "empty.txt", CASUS_INPUT_AUTO, 0);
    assert_int_equal(next(), CASUS_EOF);
}

static void test_ingest_text__reports_the_line_of_bad_bytes(void **state)
{
    (void)state;
    static const char text[] = "fine\nstill fine\nbad \xff here\n";
    open_input(text, sizeof(text) - 1, "in.jsonl", CASUS_INPUT_TEXT, 0);
    expect_reject(CASUS_EPARSE, 3, "invalid UTF-8: byte 0xFF at column 5");
    assert_int_equal(next(), CASUS_EOF);

    open_input("a\0b", 3, "in.jsonl", CASUS_INPUT_TEXT, 0);
    expect_reject(CASUS_EPARSE, 1, "binary data, not text: byte 0x00");

    open_input("0123456789", 10, "in.jsonl", CASUS_INPUT_TEXT, 4);
    expect_reject(CASUS_ETOOBIG, 0, "document is 10 bytes, over the limit "
                                    "of 4");
    assert_int_equal(next(), CASUS_EOF);
}

static void test_ingest__read_error_is_eio(void **state)
{
    (void)state;
    teardown(NULL);
    fx = calloc(1, sizeof(*fx));
    assert_non_null(fx);
    fx->fp = fopen("/dev/null", "w"); /* reading it fails */
    assert_non_null(fx->fp);
    assert_int_equal(casus_reader_new(&fx->r, fx->fp, "w.jsonl",
                                      CASUS_INPUT_JSONL, 0), 0);
    assert_int_equal(next(), CASUS_EIO);
    assert_string_equal(fx->diag.file, "w.jsonl");
    assert_non_null(strstr(fx->diag.msg, "read error"));
}

/* Records read whole and parsed later, by a parser of their own, give
 * the documents and the rejections the reader gives: the parse errors
 * name the record's input and line, the too-big record is refused by
 * the reader itself, and a kept record outlives the next read. */
static void test_ingest_records__parse_apart_as_the_reader_does(void **state)
{
    (void)state;
    static const char in[] =
        "{\"id\": \"a\", \"text\": \"One.\", \"date\": \"2024-03-20\"}\n"
        "\n"
        "{\"id\": \"b\", \"text\": }\n"
        "{\"id\": \"c\", \"text\": \"" "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" "\"}\n"
        "{\"text\": \"no id\"}\n"
        "{\"id\": \"d\", \"text\": \"Four.\"}\n";
    open_input(in, sizeof(in) - 1, "in.jsonl", CASUS_INPUT_AUTO, 60);
    casus_parser *p = NULL;
    assert_int_equal(casus_parser_new(&p), 0);
    casus_record rec;
    casus_doc doc;
    casus_diag diag = CASUS_DIAG_INIT;

    assert_int_equal(casus_reader_next_record(fx->r, &rec, &diag), 0);
    assert_int_equal(rec.line, 1);
    assert_int_equal(rec.kind, CASUS_INPUT_JSONL);
    char *kept = strndup(rec.data, rec.len);
    casus_record copy = rec;
    copy.data = kept;
    assert_int_equal(casus_parser_parse(p, &copy, &doc, &diag), 0);
    assert_string_equal(doc.id, "a");
    assert_string_equal(doc.date, "2024-03-20");

    assert_int_equal(casus_reader_next_record(fx->r, &rec, &diag), 0);
    assert_int_equal(rec.line, 3);                  /* the blank is gone */
    assert_int_equal(casus_parser_parse(p, &rec, &doc, &diag), CASUS_EPARSE);
    assert_string_equal(diag.file, "in.jsonl");
    assert_int_equal(diag.line, 3);
    assert_non_null(strstr(diag.msg, "invalid JSON"));

    assert_int_equal(casus_reader_next_record(fx->r, &rec, &diag),
                     CASUS_ETOOBIG);
    assert_int_equal(diag.line, 4);
    assert_int_equal(casus_reader_next_record(fx->r, &rec, &diag), 0);
    assert_int_equal(casus_parser_parse(p, &rec, &doc, &diag), CASUS_EPARSE);
    assert_int_equal(diag.line, 5);
    assert_non_null(strstr(diag.msg, "missing \"id\""));

    /* the first record, kept, parses again after the reader moved on */
    assert_int_equal(casus_parser_parse(p, &copy, &doc, &diag), 0);
    assert_string_equal(doc.text, "One.");
    assert_int_equal(casus_reader_next_record(fx->r, &rec, &diag), 0);
    assert_int_equal(casus_parser_parse(p, &rec, &doc, &diag), 0);
    assert_string_equal(doc.id, "d");
    assert_int_equal(casus_reader_next_record(fx->r, &rec, &diag), CASUS_EOF);
    /* the reader counted only what it refused itself */
    assert_int_equal(casus_reader_rejects(fx->r), 1);
    free(kept);
    casus_parser_free(p);
    casus_parser_free(NULL);
}

/* A plain-text input is one record; its document's id is the base name. */
static void test_ingest_records__text_input(void **state)
{
    (void)state;
    static const char in[] = "\xEF\xBB\xBFPolice arrested 19 people.\n";
    open_input(in, sizeof(in) - 1, "dir/story.txt", CASUS_INPUT_AUTO, 0);
    casus_parser *p = NULL;
    assert_int_equal(casus_parser_new(&p), 0);
    casus_record rec;
    casus_doc doc;
    casus_diag diag = CASUS_DIAG_INIT;
    assert_int_equal(casus_reader_next_record(fx->r, &rec, &diag), 0);
    assert_int_equal(rec.kind, CASUS_INPUT_TEXT);
    assert_int_equal(rec.line, 0);
    assert_int_equal(casus_parser_parse(p, &rec, &doc, &diag), 0);
    assert_string_equal(doc.id, "story.txt");
    assert_string_equal(doc.text, "Police arrested 19 people.\n");
    assert_int_equal(casus_reader_next_record(fx->r, &rec, &diag), CASUS_EOF);
    casus_parser_free(p);
}

static void test_ingest__free_null_is_a_no_op(void **state)
{
    (void)state;
    casus_reader_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_teardown(name, teardown)
        T(test_ingest_jsonl__reads_every_field),
        T(test_ingest_jsonl__empty_input_is_eof),
        T(test_ingest_jsonl__skips_blank_lines_and_counts_them),
        T(test_ingest_jsonl__rejects_truncated_json),
        T(test_ingest_jsonl__rejects_invalid_utf8),
        T(test_ingest_jsonl__rejects_binary_junk),
        T(test_ingest_jsonl__rejects_records_without_id_or_text),
        T(test_ingest_jsonl__rejects_what_is_not_one_record),
        T(test_ingest_jsonl__ignores_a_malformed_date),
        T(test_ingest_jsonl__rejects_a_line_over_the_limit),
        T(test_ingest_jsonl__discards_a_50mb_line_in_chunks),
        T(test_ingest_text__whole_stream_is_one_document),
        T(test_ingest_text__reports_the_line_of_bad_bytes),
        T(test_ingest__read_error_is_eio),
        T(test_ingest_records__parse_apart_as_the_reader_does),
        T(test_ingest_records__text_input),
        T(test_ingest__free_null_is_a_no_op),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
