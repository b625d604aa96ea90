/*
 * merge.c - unit tests of casus_store_merge()
 *
 * Writes source stores through the public API (or, for older versions and
 * foreign files, with SQLite directly), merges them into a destination
 * store, and reads the destination's tables back with SQLite.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "casus/store.h"
#include "sqlq.h"

static char dir[64];
static char dst[128], src_a[128], src_b[128];

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/casus-merge-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return -1;
    snprintf(dst, sizeof(dst), "%s/dst.db", dir);
    snprintf(src_a, sizeof(src_a), "%s/a.db", dir);
    snprintf(src_b, sizeof(src_b), "%s/b.db", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return sqlq_remove_dir(dir);
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* One integer from a query on a closed store. */
static long long query(const char *db_path, const char *sql)
{
    return sqlq_int(db_path, sql);
}

/* Run sql on a new or existing SQLite file, outside casus. */
static void write_raw(const char *db_path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    sqlite3_close(db);
}

static casus_store *open_store(const char *db_path)
{
    casus_store *st = NULL;
    casus_diag diag = CASUS_DIAG_INIT;
    if (casus_store_open(&st, db_path, &diag) != 0)
        fail_msg("open %s: %s", db_path, diag.msg);
    return st;
}

/* Put document `id`: text "Text of ID.", one sentence, one place
 * mention, and one event per code in `codes` (space-separated). */
static void put_doc(casus_store *st, const char *id, const char *codes)
{
    char text[64];
    snprintf(text, sizeof(text), "Text of %s.", id);
    casus_doc d = { .id = id, .text = text, .text_len = strlen(text) };
    const size_t sentences[1][2] = { { 0, strlen(text) } };
    casus_event ev[8];
    size_t n = 0;
    char buf[64];
    snprintf(buf, sizeof(buf), "%s", codes);
    for (char *c = strtok(buf, " "); c != NULL && n < 8;
         c = strtok(NULL, " ")) {
        casus_event e = { .doc = id, .sentence = 0 };
        snprintf(e.code, sizeof(e.code), "%s", c);
        strcpy(e.source, "SRB");
        strcpy(e.target, "KSV");
        strcpy(e.source_text, "Serbia");
        strcpy(e.target_text, "Kosovo");
        e.killed = 2;
        ev[n++] = e;
    }
    casus_place place = { .start = 0, .end = 4, .cp_start = 0, .cp_end = 4,
                          .geonames = 786714, .lat = 42.67, .lon = 21.17,
                          .country = "XK", .feature = "PPLC",
                          .name = "Pristina", .admin1 = "01",
                          .country3 = "KSV", .locative = true };
    if (n > 0)
        casus_place_location(&place, &ev[0].location);
    assert_int_equal(casus_store_put(st, &d, sentences, 1, ev, n, &place, 1),
                     0);
}

/* A store at db_path holding the documents "id:codes;id:codes;...". */
static void make_store(const char *db_path, const char *docs)
{
    casus_store *st = open_store(db_path);
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", docs);
    char *save = NULL;
    for (char *d = strtok_r(buf, ";", &save); d != NULL;
         d = strtok_r(NULL, ";", &save)) {
        char *colon = strchr(d, ':');
        assert_non_null(colon);
        *colon = '\0';
        put_doc(st, d, colon + 1);
    }
    assert_int_equal(casus_store_close(st), 0);
}

/* Merge src into a store at dst_path; return the code. */
static int merge(const char *dst_path, const char *src,
                 casus_store_counts *n, casus_diag *diag)
{
    casus_store *st = open_store(dst_path);
    const int error = casus_store_merge(st, src, n, diag);
    assert_int_equal(casus_store_close(st), 0);
    return error;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void test_store_merge__copies_every_table(void **state)
{
    (void)state;
    casus_store_counts n;
    make_store(src_a, "d1:010 020;d2:173");
    make_store(src_b, "d3:190 190 112");

    assert_int_equal(merge(dst, src_a, &n, NULL), 0);
    assert_int_equal(n.n_documents, 2);
    assert_int_equal(n.n_sentences, 2);
    assert_int_equal(n.n_events, 3);
    assert_int_equal(n.n_places, 2);
    assert_int_equal(merge(dst, src_b, &n, NULL), 0);
    assert_int_equal(n.n_documents, 1);
    assert_int_equal(n.n_events, 3);

    assert_int_equal(query(dst, "SELECT count(*) FROM documents"), 3);
    assert_int_equal(query(dst, "SELECT count(*) FROM sentences"), 3);
    assert_int_equal(query(dst, "SELECT count(*) FROM events"), 6);
    assert_int_equal(query(dst, "SELECT count(*) FROM places"), 3);
    /* every column comes along */
    assert_int_equal(query(dst, "SELECT count(*) FROM documents WHERE"
                                " id = 'd3' AND text = 'Text of d3.'"
                                " AND date IS NULL AND title IS NULL"), 1);
    assert_int_equal(query(dst, "SELECT count(*) FROM sentences WHERE"
                                " doc = 'd3' AND idx = 0 AND start = 0"
                                " AND len = 11 AND text = 'Text of d3.'"), 1);
    assert_int_equal(query(dst, "SELECT count(*) FROM events WHERE"
                                " doc = 'd1' AND code = '010' AND root = '01'"
                                " AND source = 'SRB' AND killed = 2"
                                " AND wounded IS NULL AND place = 'Pristina'"
                                " AND geonames = 786714 AND lat = 42.67"),
                     1);
    assert_int_equal(query(dst, "SELECT count(*) FROM places WHERE"
                                " doc = 'd2' AND text = 'Text'"
                                " AND name = 'Pristina' AND locative = 1"
                                " AND feature = 'PPLC'"), 1);
    assert_int_equal(query(dst, "SELECT count(*) FROM sentence_spans"
                                " WHERE text IS NOT NULL"), 0);
    /* the source is left as it was */
    assert_int_equal(query(src_a, "SELECT count(*) FROM events"), 3);
}

static void test_store_merge__replaces_a_document_already_stored(void **state)
{
    (void)state;
    casus_store_counts n;
    make_store(dst, "d1:010 020 030;keep:040");
    make_store(src_a, "d1:173");

    assert_int_equal(merge(dst, src_a, &n, NULL), 0);
    assert_int_equal(n.n_documents, 1);
    assert_int_equal(n.n_events, 1);
    assert_int_equal(query(dst, "SELECT count(*) FROM documents"), 2);
    assert_int_equal(query(dst, "SELECT count(*) FROM sentences"), 2);
    assert_int_equal(query(dst, "SELECT count(*) FROM places"), 2);
    assert_int_equal(query(dst, "SELECT count(*) FROM events"), 2);
    assert_int_equal(query(dst, "SELECT count(*) FROM events"
                                " WHERE doc = 'd1' AND code = '173'"), 1);
    assert_int_equal(query(dst, "SELECT count(*) FROM events"
                                " WHERE doc = 'keep' AND code = '040'"), 1);

    /* Merging the same store again changes nothing but event ids. */
    assert_int_equal(merge(dst, src_a, &n, NULL), 0);
    assert_int_equal(query(dst, "SELECT count(*) FROM documents"), 2);
    assert_int_equal(query(dst, "SELECT count(*) FROM sentences"), 2);
    assert_int_equal(query(dst, "SELECT count(*) FROM places"), 2);
    assert_int_equal(query(dst, "SELECT count(*) FROM events"), 2);
}

static void test_store_merge__numbers_events_on_in_source_order(void **state)
{
    (void)state;
    make_store(dst, "old:010 020");
    /* Re-coding d1 in the source leaves its events after d2's. */
    make_store(src_a, "d1:111;d2:120 121;d1:130 131 132");

    assert_int_equal(merge(dst, src_a, NULL, NULL), 0);
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open_v2(dst, &db, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(id || ':' ||"
                                            " code, ' ') FROM (SELECT id,"
                                            " code FROM events ORDER BY id)",
                                        -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(s, 0),
                        "1:010 2:020 3:120 4:121 5:130 6:131 7:132");
    sqlite3_finalize(s);
    sqlite3_close(db);
}

static void test_store_merge__commits_pending_puts_first(void **state)
{
    (void)state;
    make_store(src_a, "d2:010");
    casus_store *st = open_store(dst);
    put_doc(st, "d1", "020");
    assert_int_equal(casus_store_merge(st, src_a, NULL, NULL), 0);
    put_doc(st, "d3", "030");
    assert_int_equal(casus_store_close(st), 0);
    assert_int_equal(query(dst, "SELECT count(*) FROM documents"), 3);
    assert_int_equal(query(dst, "SELECT count(*) FROM events WHERE"
                                " (id = 1 AND code = '020') OR"
                                " (id = 2 AND code = '010') OR"
                                " (id = 3 AND code = '030')"), 3);
}

/* The tables of a version 1 store (sqlq.h), with one document. */
#define V1_STORE \
    SQLQ_V1_TABLES ");" \
    "INSERT INTO documents(id, text) VALUES ('old', 'Serbia accused.');" \
    "INSERT INTO sentences VALUES ('old', 0, 0, 15, 'Serbia accused.');" \
    "INSERT INTO events(doc, sentence, source, target, source_text," \
    " target_text, code, root, goldstein, plover, negated)" \
    " VALUES ('old', 0, 'SRB', 'KSV', 'Serbia', 'Kosovo', '112', '11'," \
    " -2.0, 'ACCUSE', 0);" \
    "PRAGMA user_version = 1"

/* An older source is read as it is, with NULL in what it lacks, and is
 * not migrated: it stays at its version. */
static void test_store_merge__reads_an_older_version(void **state)
{
    (void)state;
    casus_store_counts n;
    write_raw(src_a, V1_STORE);
    assert_int_equal(merge(dst, src_a, &n, NULL), 0);
    assert_int_equal(n.n_documents, 1);
    assert_int_equal(n.n_events, 1);
    assert_int_equal(n.n_places, 0);
    assert_int_equal(query(dst, "SELECT count(*) FROM events WHERE"
                                " doc = 'old' AND code = '112'"
                                " AND killed IS NULL AND crowd IS NULL"
                                " AND place IS NULL AND geonames IS NULL"),
                     1);
    assert_int_equal(query(src_a, "PRAGMA user_version"), 1);
}

/* A version 3 source, whose sentences table holds the text again, is
 * copied as spans: the sentences view of the destination gives its
 * sentences byte for byte, and the source stays as it was.  A sentence
 * without its document keeps its own text. */
static void test_store_merge__reads_a_version_3_store(void **state)
{
    (void)state;
    casus_store_counts n;
    write_raw(src_a, SQLQ_V3_TABLES SQLQ_V3_DOC
                     "INSERT INTO sentences VALUES ('gone', 0, 0, 5,"
                     " 'Lost.');"
                     "PRAGMA user_version = 3");

    /* into a new store */
    char fresh[160];
    snprintf(fresh, sizeof(fresh), "%s/new.db", dir);
    assert_int_not_equal(access(fresh, F_OK), 0);
    assert_int_equal(merge(fresh, src_a, &n, NULL), 0);
    assert_int_equal(n.n_sentences, 4);
    assert_int_equal(query(fresh, "PRAGMA user_version"), 4);
    assert_int_equal(query(fresh, "SELECT count(*) FROM sentences"), 4);
    sqlq_text_is(fresh, "SELECT text FROM sentences WHERE doc = 'mb'"
                        " AND idx = 0", "Ça va.");
    sqlq_text_is(fresh, "SELECT text FROM sentences WHERE doc = 'mb'"
                        " AND idx = 2", "東京で会う。");
    assert_int_equal(query(fresh, "SELECT count(*) FROM places WHERE"
                                  " doc = 'mb' AND text = 'Київ'"), 1);

    /* into a store that holds one of its documents already */
    make_store(dst, "mb:010;keep:020");

    assert_int_equal(merge(dst, src_a, &n, NULL), 0);
    assert_int_equal(n.n_documents, 1);
    assert_int_equal(n.n_sentences, 4);
    assert_int_equal(n.n_events, 1);
    assert_int_equal(n.n_places, 1);

    sqlite3 *db;
    sqlite3_stmt *s;
    char sql[256];
    assert_int_equal(sqlite3_open_v2(dst, &db, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    snprintf(sql, sizeof(sql), "ATTACH '%s' AS v3", src_a);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT count(*) FROM main.sentences n"
        " JOIN v3.sentences o USING (doc, idx)"
        " WHERE n.start = o.start AND n.len = o.len"
        " AND CAST(n.text AS BLOB) = CAST(o.text AS BLOB)"
        " AND typeof(n.text) = 'text'", -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 4);
    sqlite3_finalize(s);
    sqlite3_close(db);

    /* mb's old sentence is replaced, keep's stays */
    assert_int_equal(query(dst, "SELECT count(*) FROM sentences"), 5);
    sqlq_text_is(dst, "SELECT text FROM sentences WHERE doc = 'mb'"
                      " AND idx = 2", "東京で会う。");
    sqlq_text_is(dst, "SELECT text FROM sentences WHERE doc = 'keep'",
                 "Text of keep.");
    assert_int_equal(query(dst, "SELECT count(*) FROM sentence_spans"
                                " WHERE text IS NULL"), 4);
    sqlq_text_is(dst, "SELECT text FROM sentence_spans WHERE doc = 'gone'",
                 "Lost.");
    assert_int_equal(query(dst, "SELECT count(*) FROM events WHERE"
                                " doc = 'mb' AND code = '190' AND killed = 2"),
                     1);
    assert_int_equal(query(src_a, "PRAGMA user_version"), 3);
    assert_int_equal(query(src_a, "SELECT count(*) FROM sqlite_master"
                                  " WHERE name = 'sentences'"
                                  " AND type = 'table'"), 1);

    /* the same store opened by casus (so migrated) merges the same */
    casus_store_close(open_store(src_a));
    assert_int_equal(query(src_a, "PRAGMA user_version"), 4);
    unlink(dst);
    assert_int_equal(merge(dst, src_a, &n, NULL), 0);
    assert_int_equal(n.n_sentences, 4);
    sqlq_text_is(dst, "SELECT text FROM sentences WHERE doc = 'mb'"
                      " AND idx = 1", "Привет, Київ!");
    sqlq_text_is(dst, "SELECT text FROM sentences WHERE doc = 'gone'",
                 "Lost.");
    assert_int_equal(query(dst, "SELECT count(*) FROM sentence_spans"
                                " WHERE text IS NULL"), 3);
}

/* Expect merging src into dst to fail with `code` and diag message
 * `msg`, leaving dst's one document as it was. */
static void expect_refused(const char *src, int code, const char *msg)
{
    casus_store_counts n = { 9, 9, 9, 9 };
    casus_diag diag = CASUS_DIAG_INIT;
    casus_store *st = open_store(dst);
    assert_int_equal(casus_store_merge(st, src, &n, &diag), code);
    assert_string_equal(diag.file, src);
    assert_string_equal(diag.msg, msg);
    /* the handle's message names the file too */
    char want[512];
    snprintf(want, sizeof(want), "%s: %s", src, msg);
    assert_string_equal(casus_store_errmsg(st), want);
    assert_int_equal(n.n_documents + n.n_sentences + n.n_events +
                     n.n_places, 0);
    /* the store still works */
    put_doc(st, "after", "010");
    assert_int_equal(casus_store_close(st), 0);
    assert_int_equal(query(dst, "SELECT count(*) FROM documents"), 2);
    assert_int_equal(query(dst, "SELECT count(*) FROM events"), 2);
}

static void test_store_merge__refuses_what_is_not_a_store(void **state)
{
    (void)state;
    make_store(dst, "d1:010");

    /* missing: an error, and no file made */
    expect_refused(src_a, CASUS_ENOTFOUND,
                   "cannot open: No such file or directory");
    assert_int_not_equal(access(src_a, F_OK), 0);

    FILE *fp = fopen(src_a, "w");
    assert_non_null(fp);
    fputs("this is not a database, just a long enough line of text to fill"
          " the header SQLite looks for at the start of the file\n", fp);
    fclose(fp);
    expect_refused(src_a, CASUS_EPARSE,
                   "not a casus store (file is not a database)");

    unlink(src_a);
    fp = fopen(src_a, "w");
    fclose(fp);
    expect_refused(src_a, CASUS_EPARSE, "not a casus store (it is empty)");

    unlink(src_a);
    write_raw(src_a, "CREATE TABLE documents(x); CREATE TABLE t(y)");
    expect_refused(src_a, CASUS_EPARSE,
                   "not a casus store (it holds other tables)");

    unlink(src_a);
    write_raw(src_a, "PRAGMA user_version = 99");
    expect_refused(src_a, CASUS_EPARSE,
                   "store version 99 is newer than this casus supports (4)");

    unlink(src_a);
    write_raw(src_a, "CREATE TABLE documents(id);"
                     "CREATE TABLE sentences(doc);"
                     "PRAGMA user_version = 3");
    expect_refused(src_a, CASUS_EPARSE,
                   "not a casus store (version 3 but no events table)");

    unlink(src_a);
    write_raw(src_a, "CREATE TABLE documents(id);"
                     "CREATE TABLE sentences(doc);"
                     "CREATE TABLE events(doc);"
                     "CREATE TABLE places(doc);"
                     "PRAGMA user_version = 4");
    expect_refused(src_a, CASUS_EPARSE, "not a casus store (version 4 but"
                                        " no sentence_spans table)");

    /* the right tables with the wrong columns: SQLite says which */
    unlink(src_a);
    write_raw(src_a, "CREATE TABLE documents(id);"
                     "CREATE TABLE sentences(doc);"
                     "CREATE TABLE events(doc);"
                     "CREATE TABLE places(doc);"
                     "PRAGMA user_version = 3");
    expect_refused(src_a, CASUS_ESTORE, "no such column: date");

    expect_refused(dst, CASUS_EINVAL, "is the store being merged into");
}

/* A damaged store file fails the merge, and leaves dst as it was. */
static void test_store_merge__survives_a_damaged_store(void **state)
{
    (void)state;
    make_store(dst, "d1:010");
    casus_store *st = open_store(src_b);
    char id[32];
    for (int i = 0; i < 300; i++) {
        snprintf(id, sizeof(id), "doc-%d", i);
        put_doc(st, id, "010 020 190");
    }
    assert_int_equal(casus_store_close(st), 0);

    /* cut short */
    struct stat sb;
    assert_int_equal(stat(src_b, &sb), 0);
    assert_true(sb.st_size > 16 * 4096);
    FILE *in = fopen(src_b, "rb");
    assert_non_null(in);
    char *bytes = malloc((size_t)sb.st_size);
    assert_non_null(bytes);
    assert_int_equal(fread(bytes, 1, (size_t)sb.st_size, in),
                     (size_t)sb.st_size);
    fclose(in);
    FILE *out = fopen(src_a, "wb");
    fwrite(bytes, 1, (size_t)sb.st_size / 2, out);
    fclose(out);

    casus_diag diag = CASUS_DIAG_INIT;
    int error = merge(dst, src_a, NULL, &diag);
    assert_true(error < 0);
    assert_string_equal(diag.file, src_a);
    assert_true(diag.msg[0] != '\0');

    /* every page after the first overwritten with a pattern */
    for (long i = 4096; i < (long)sb.st_size; i++)
        bytes[i] = (char)(i * 7 + 13);
    unlink(src_a);
    out = fopen(src_a, "wb");
    fwrite(bytes, 1, (size_t)sb.st_size, out);
    fclose(out);
    diag = (casus_diag)CASUS_DIAG_INIT;
    error = merge(dst, src_a, NULL, &diag);
    assert_true(error < 0);
    assert_string_equal(diag.file, src_a);
    free(bytes);

    assert_int_equal(query(dst, "SELECT count(*) FROM documents"), 1);
    assert_int_equal(query(dst, "SELECT count(*) FROM events"), 1);
    /* the intact store still merges */
    assert_int_equal(merge(dst, src_b, NULL, NULL), 0);
    assert_int_equal(query(dst, "SELECT count(*) FROM documents"), 301);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_store_merge__copies_every_table),
        T(test_store_merge__replaces_a_document_already_stored),
        T(test_store_merge__numbers_events_on_in_source_order),
        T(test_store_merge__commits_pending_puts_first),
        T(test_store_merge__reads_an_older_version),
        T(test_store_merge__reads_a_version_3_store),
        T(test_store_merge__refuses_what_is_not_a_store),
        T(test_store_merge__survives_a_damaged_store),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
