/*
 * write.c - unit tests of the SQLite event store
 *
 * Writes through the public API, then reads the tables back with SQLite
 * directly, as any user of the database would.
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
#include <unistd.h>

#include <cmocka.h>

#include "casus/store.h"
#include "sqlq.h"

static char dir[64];
static char path[128];

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/casus-store-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return -1;
    snprintf(path, sizeof(path), "%s/events.db", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return sqlq_remove_dir(dir);
}

/* One integer from a query on the closed store. */
static long long query(const char *sql)
{
    return sqlq_int(path, sql);
}

static casus_doc doc_of(const char *id, const char *text)
{
    casus_doc d = { .id = id, .text = text, .text_len = strlen(text) };
    return d;
}

static casus_event event_of(const char *doc, int sentence, const char *code)
{
    casus_event ev = { .doc = doc, .sentence = sentence };
    snprintf(ev.code, sizeof(ev.code), "%s", code);
    strcpy(ev.source, "USAGOV");
    strcpy(ev.target, "IRQ");
    strcpy(ev.source_text, "Washington");
    strcpy(ev.target_text, "Baghdad");
    return ev;
}

static casus_store *open_store(void)
{
    casus_store *st = NULL;
    casus_diag diag = CASUS_DIAG_INIT;
    if (casus_store_open(&st, path, &diag) != 0)
        fail_msg("open: %s", diag.msg);
    return st;
}

static void test_store_put__round_trips_every_table(void **state)
{
    (void)state;
    casus_store *st = open_store();
    casus_doc d = doc_of("d1", "Troops left. Talks began.");
    strcpy(d.date, "2019-04-10");
    d.title = "Title";
    d.url = "http://example.org/1";
    const size_t sentences[2][2] = { { 0, 12 }, { 13, 12 } };
    casus_event ev[2] = { event_of("d1", 0, "0874"), event_of("d1", 1, "046") };
    strcpy(ev[1].date, "2019-04-09");
    ev[1].negated = true;
    ev[1].rule_file = "data/x.verbs";
    ev[1].rule_line = 42;
    ev[1].killed = 3;
    ev[1].arrested = 19;
    casus_place place = { .start = 13, .end = 18, .cp_start = 13,
                          .cp_end = 18, .geonames = 98182, .lat = 33.34,
                          .lon = 44.40, .country = "IQ", .feature = "PPLC",
                          .name = "Baghdad", .admin1 = "07",
                          .country3 = "IRQ", .locative = true };
    casus_place_location(&place, &ev[1].location);

    assert_int_equal(casus_store_put(st, &d, sentences, 2, ev, 2, &place, 1),
                     0);
    assert_int_equal(casus_store_close(st), 0);

    assert_int_equal(query("PRAGMA user_version"), 4);
    assert_int_equal(query("SELECT count(*) FROM documents WHERE id = 'd1'"
                           " AND date = '2019-04-10' AND title = 'Title'"
                           " AND source IS NULL"
                           " AND url = 'http://example.org/1'"
                           " AND text = 'Troops left. Talks began.'"), 1);
    assert_int_equal(query("SELECT count(*) FROM sentences WHERE doc = 'd1'"
                           " AND ((idx = 0 AND text = 'Troops left.') OR"
                           " (idx = 1 AND start = 13 AND len = 12 AND"
                           " text = 'Talks began.'))"), 2);
    assert_int_equal(query("SELECT count(*) FROM events WHERE doc = 'd1'"
                           " AND sentence = 0 AND code = '0874'"
                           " AND root = '08' AND quad = 2"
                           " AND goldstein = 10.0 AND plover = 'RETREAT'"
                           " AND date IS NULL AND negated = 0"
                           " AND source = 'USAGOV' AND target = 'IRQ'"
                           " AND source_text = 'Washington'"
                           " AND rule_file IS NULL AND killed IS NULL"
                           " AND arrested IS NULL"), 1);
    assert_int_equal(query("SELECT count(*) FROM events WHERE code = '046'"
                           " AND date = '2019-04-09' AND negated = 1"
                           " AND rule_file = 'data/x.verbs'"
                           " AND rule_line = 42 AND killed = 3"
                           " AND wounded IS NULL AND arrested = 19"
                           " AND displaced IS NULL AND crowd IS NULL"
                           " AND place = 'Baghdad' AND country = 'IRQ'"
                           " AND adm1 = 'IQ.07' AND lat = 33.34"
                           " AND lon = 44.40 AND geonames = 98182"), 1);
    assert_int_equal(query("SELECT count(*) FROM events WHERE code = '0874'"
                           " AND place IS NULL AND lat IS NULL"
                           " AND geonames IS NULL"), 1);
    assert_int_equal(query("SELECT count(*) FROM places WHERE doc = 'd1'"
                           " AND start = 13 AND end = 18 AND text = 'Talks'"
                           " AND name = 'Baghdad' AND country = 'IRQ'"
                           " AND adm1 = 'IQ.07' AND feature = 'PPLC'"
                           " AND geonames = 98182 AND locative = 1"), 1);
    assert_int_equal(query("SELECT count(*) FROM cameo WHERE code = '14'"
                           " AND quad = 4"), 1);
}

/* The sentences view cuts each sentence out of its document by bytes,
 * which is not by characters when the text is not ASCII, and the text
 * is stored once. */
static void test_store_put__cuts_sentence_text_by_bytes(void **state)
{
    (void)state;
    static const char *const want[] = { "Ça va.", "Привет, Київ!",
                                        "東京で会う。", "\"Ünïcödé\" — ok" };
    char text[128] = "";
    size_t sentences[4][2];
    for (size_t i = 0; i < 4; i++) {
        if (i > 0)
            strcat(text, " ");
        sentences[i][0] = strlen(text);
        sentences[i][1] = strlen(want[i]);
        strcat(text, want[i]);
    }
    casus_doc d = doc_of("mb", text);
    casus_store *st = open_store();
    assert_int_equal(casus_store_put(st, &d, (const size_t (*)[2])sentences,
                                     4, NULL, 0, NULL, 0), 0);
    assert_int_equal(casus_store_close(st), 0);

    char sql[128];
    for (int i = 0; i < 4; i++) {
        snprintf(sql, sizeof(sql), "SELECT text FROM sentences"
                 " WHERE doc = 'mb' AND idx = %d", i);
        sqlq_text_is(path, sql, want[i]);
    }
    /* substr() on the TEXT counts characters: it gets none of them */
    assert_int_equal(query("SELECT count(*) FROM sentences WHERE doc = 'mb'"
                           " AND text = substr((SELECT text FROM documents"
                           " WHERE id = 'mb'), start + 1, len)"), 0);
    assert_int_equal(query("SELECT count(*) FROM sentence_spans"
                           " WHERE text IS NULL"), 4);
    assert_int_equal(query("SELECT count(*) FROM sqlite_master"
                           " WHERE name = 'sentences' AND type = 'view'"), 1);
}

static void test_store_put__replaces_not_duplicates(void **state)
{
    (void)state;
    const size_t one[1][2] = { { 0, 5 } };
    casus_doc d = doc_of("d1", "Text.");
    casus_event ev[3] = { event_of("d1", 0, "010"), event_of("d1", 0, "020"),
                          event_of("d1", 0, "173") };

    casus_store *st = open_store();
    assert_int_equal(casus_store_put(st, &d, one, 1, ev, 3, NULL, 0), 0);
    assert_int_equal(casus_store_put(st, &d, one, 1, ev, 3, NULL, 0), 0);
    assert_int_equal(casus_store_close(st), 0);
    assert_int_equal(query("SELECT count(*) FROM events"), 3);

    /* A later run that codes the document again replaces its rows. */
    st = open_store();
    assert_int_equal(casus_store_put(st, &d, one, 1, ev + 2, 1, NULL, 0), 0);
    assert_int_equal(casus_store_close(st), 0);
    assert_int_equal(query("SELECT count(*) FROM documents"), 1);
    assert_int_equal(query("SELECT count(*) FROM sentences"), 1);
    assert_int_equal(query("SELECT count(*) FROM events"), 1);
    assert_int_equal(query("SELECT count(*) FROM events WHERE code = '173'"),
                     1);
}

static void test_store_put__commits_in_batches(void **state)
{
    (void)state;
    casus_store *st = open_store();
    char id[32];
    for (int i = 0; i < 1234; i++) {
        snprintf(id, sizeof(id), "doc-%d", i);
        casus_doc d = doc_of(id, "x");
        casus_event ev = event_of(id, 0, "190");
        assert_int_equal(casus_store_put(st, &d, NULL, 0, &ev, 1, NULL, 0), 0);
    }
    /* Two full batches are committed already; readers see them. */
    assert_int_equal(query("SELECT count(*) FROM documents"), 1000);
    assert_int_equal(casus_store_flush(st), 0);
    assert_int_equal(query("SELECT count(*) FROM documents"), 1234);
    assert_int_equal(casus_store_close(st), 0);
    assert_int_equal(query("SELECT count(*) FROM events WHERE quad = 4"),
                     1234);
}

static void test_store_put__rejects_a_sentence_outside_the_text(void **state)
{
    (void)state;
    casus_store *st = open_store();
    casus_doc good = doc_of("good", "Fine.");
    casus_doc bad = doc_of("bad", "Short.");
    const size_t ok[1][2] = { { 0, 5 } };
    const size_t outside[2][2] = { { 0, 3 }, { 4, 10 } };
    casus_event ev = event_of("bad", 0, "010");

    assert_int_equal(casus_store_put(st, &good, ok, 1, NULL, 0, NULL, 0), 0);
    assert_int_equal(casus_store_put(st, &bad, outside, 2, &ev, 1, NULL, 0),
                     CASUS_EINVAL);
    assert_non_null(strstr(casus_store_errmsg(st), "sentence 1"));
    assert_int_equal(casus_store_close(st), 0);
    /* Nothing of the bad document, everything of the good one. */
    assert_int_equal(query("SELECT count(*) FROM documents"), 1);
    assert_int_equal(query("SELECT count(*) FROM sentences WHERE doc='bad'"),
                     0);
    assert_int_equal(query("SELECT count(*) FROM events"), 0);
}

static void test_store_open__fails_on_a_bad_path(void **state)
{
    (void)state;
    casus_store *st = (casus_store *)&st; /* must become NULL */
    casus_diag diag = CASUS_DIAG_INIT;
    assert_int_equal(casus_store_open(&st, "/nonexistent-dir/x/events.db",
                                      &diag), CASUS_ESTORE);
    assert_null(st);
    assert_string_equal(diag.file, "/nonexistent-dir/x/events.db");
    assert_string_equal(diag.msg, "unable to open database file");
    casus_store_close(NULL);
    assert_string_equal(casus_store_errmsg(NULL), "no error");
}

static void test_store_open__refuses_foreign_files(void **state)
{
    (void)state;
    casus_store *st = NULL;
    casus_diag diag = CASUS_DIAG_INIT;

    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("this is not a database, just a long enough line of text to fill"
          " the header SQLite looks for at the start of the file\n", fp);
    fclose(fp);
    assert_int_equal(casus_store_open(&st, path, &diag), CASUS_ESTORE);
    assert_null(st);
    assert_string_equal(diag.msg, "file is not a database");

    unlink(path);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(casus_store_open(&st, path, &diag), CASUS_ESTORE);
    assert_string_equal(diag.msg, "not a casus store (it holds other tables)");

    unlink(path);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL,
                                  NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(casus_store_open(&st, path, &diag), CASUS_ESTORE);
    assert_string_equal(diag.msg, "store version 99 is newer than this "
                                  "casus supports (4)");
}

/* The tables of a version 1 store (sqlq.h). */
#define V1_TABLES SQLQ_V1_TABLES

/* Write an older store with sql, open it (which migrates it) and close
 * it again. */
static void migrate(const char *sql)
{
    sqlite3 *db;
    casus_store *st;
    casus_diag diag = CASUS_DIAG_INIT;
    unlink(path);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(casus_store_open(&st, path, &diag), 0);
    assert_int_equal(casus_store_close(st), 0);
}

/* A store written before the counts and places were kept (version 1)
 * gains their columns and the places table when opened, and keeps its
 * rows. */
static void test_store_open__migrates_version_1(void **state)
{
    (void)state;
    migrate(V1_TABLES ");"
        "INSERT INTO documents(id, text) VALUES ('old', 'Serbia accused.');"
        "INSERT INTO sentences VALUES ('old', 0, 0, 15, 'Serbia accused.');"
        "INSERT INTO events(doc, sentence, source, target, source_text,"
        " target_text, code, root, goldstein, plover, negated)"
        " VALUES ('old', 0, 'SRB', 'KSV', 'Serbia', 'Kosovo', '112', '11',"
        " -2.0, 'ACCUSE', 0);"
        "PRAGMA user_version = 1");
    assert_int_equal(query("PRAGMA user_version"), 4);
    sqlq_text_is(path, "SELECT text FROM sentences WHERE doc = 'old'",
                 "Serbia accused.");
    assert_int_equal(query("SELECT count(*) FROM sentence_spans"
                           " WHERE doc = 'old' AND start = 0 AND len = 15"
                           " AND text IS NULL"), 1);
    assert_int_equal(query("SELECT count(*) FROM events WHERE doc = 'old'"
                           " AND killed IS NULL AND crowd IS NULL"
                           " AND place IS NULL AND geonames IS NULL"), 1);
    assert_int_equal(query("SELECT count(*) FROM places"), 0);
}

/* A version 2 store (counts, no places) gains the place columns and
 * table, and keeps its rows. */
static void test_store_open__migrates_version_2(void **state)
{
    (void)state;
    migrate(V1_TABLES ", killed INTEGER, wounded INTEGER, arrested INTEGER,"
        " displaced INTEGER, crowd INTEGER);"
        "INSERT INTO events(doc, sentence, source, target, source_text,"
        " target_text, code, root, goldstein, plover, negated, killed)"
        " VALUES ('old', 0, 'SRB', 'KSV', 'Serbia', 'Kosovo', '190', '19',"
        " -10.0, 'ASSAULT', 0, 4);"
        "PRAGMA user_version = 2");
    assert_int_equal(query("PRAGMA user_version"), 4);
    assert_int_equal(query("SELECT count(*) FROM events WHERE doc = 'old'"
                           " AND killed = 4 AND place IS NULL"), 1);
    assert_int_equal(query("SELECT count(*) FROM places"), 0);
}

/* A version 3 store: the sentences table, which holds the text again,
 * becomes spans and the sentences view gives the same rows; a sentence
 * that is not the cut of its document (its document row is gone, or its
 * text was changed) keeps its own text.  The rest stays as it was. */
static void test_store_open__migrates_version_3(void **state)
{
    (void)state;
    char old[160];
    snprintf(old, sizeof(old), "%s/v3.db", dir);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(old, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, SQLQ_V3_TABLES SQLQ_V3_DOC
        "INSERT INTO documents(id, text) VALUES ('edited', 'One. Two.');"
        "INSERT INTO sentences VALUES ('edited', 0, 0, 4, 'One.');"
        "INSERT INTO sentences VALUES ('edited', 1, 5, 4, 'Zwei.');"
        "INSERT INTO sentences VALUES ('gone', 0, 0, 5, 'Lost.');"
        "CREATE VIEW mine AS SELECT doc, text FROM sentences;"
        "PRAGMA user_version = 3", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    char cmd[400];
    snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", old, path);
    assert_int_equal(system(cmd), 0);

    casus_store *st;
    casus_diag diag = CASUS_DIAG_INIT;
    assert_int_equal(casus_store_open(&st, path, &diag), 0);
    assert_int_equal(casus_store_close(st), 0);

    assert_int_equal(query("PRAGMA user_version"), 4);
    assert_int_equal(query("SELECT count(*) FROM sqlite_master"
                           " WHERE name = 'sentences' AND type = 'view'"), 1);
    /* every sentence, with the same span and text, byte for byte */
    static const char sql[] =
        "SELECT count(*) FROM main.sentences n"
        " JOIN v3.sentences o USING (doc, idx)"
        " WHERE n.start = o.start AND n.len = o.len"
        " AND CAST(n.text AS BLOB) = CAST(o.text AS BLOB)"
        " AND typeof(n.text) = 'text'";
    sqlite3 *check;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open_v2(path, &check, SQLITE_OPEN_READONLY,
                                     NULL), SQLITE_OK);
    snprintf(cmd, sizeof(cmd), "ATTACH '%s' AS v3", old);
    assert_int_equal(sqlite3_exec(check, cmd, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(check, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 6);
    sqlite3_finalize(s);
    sqlite3_close(check);
    assert_int_equal(query("SELECT count(*) FROM sentences"), 6);
    sqlq_text_is(path, "SELECT text FROM sentences WHERE doc = 'mb'"
                       " AND idx = 1", "Привет, Київ!");
    /* a view of the user's on sentences reads the new one */
    sqlq_text_is(path, "SELECT text FROM mine WHERE doc = 'gone'", "Lost.");
    /* the text is kept only where the cut would not give it */
    assert_int_equal(query("SELECT count(*) FROM sentence_spans"
                           " WHERE text IS NULL"), 4);
    sqlq_text_is(path, "SELECT text FROM sentence_spans"
                       " WHERE doc = 'edited' AND idx = 1", "Zwei.");
    sqlq_text_is(path, "SELECT text FROM sentence_spans"
                       " WHERE doc = 'gone'", "Lost.");
    assert_int_equal(query("SELECT count(*) FROM events WHERE doc = 'mb'"
                           " AND killed = 2 AND place = 'Kyiv'"), 1);
    assert_int_equal(query("SELECT count(*) FROM places WHERE doc = 'mb'"
                           " AND text = 'Київ' AND start = 15"), 1);

    /* coding a migrated document again replaces its spans */
    const size_t one[1][2] = { { 0, 4 } };
    casus_doc d = doc_of("edited", "New.");
    st = open_store();
    assert_int_equal(casus_store_put(st, &d, one, 1, NULL, 0, NULL, 0), 0);
    assert_int_equal(casus_store_close(st), 0);
    assert_int_equal(query("SELECT count(*) FROM sentences"
                           " WHERE doc = 'edited'"), 1);
    sqlq_text_is(path, "SELECT text FROM sentences WHERE doc = 'edited'",
                 "New.");
}

/* A store that cannot be updated is refused with the reason, and left at
 * its version with every table it had. */
static void test_store_open__leaves_a_store_it_cannot_update(void **state)
{
    (void)state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, SQLQ_V3_TABLES
        "DROP TABLE sentences;"
        "INSERT INTO documents(id, text) VALUES ('d', 'Text.');"
        "PRAGMA user_version = 3", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);

    casus_store *st = (casus_store *)&st;
    casus_diag diag = CASUS_DIAG_INIT;
    assert_int_equal(casus_store_open(&st, path, &diag), CASUS_ESTORE);
    assert_null(st);
    assert_string_equal(diag.file, path);
    assert_string_equal(diag.msg, "cannot update store version 3 to 4:"
                                  " no such table: sentences");
    assert_int_equal(query("PRAGMA user_version"), 3);
    assert_int_equal(query("SELECT count(*) FROM sqlite_master"
                           " WHERE name = 'sentence_spans'"), 0);
    assert_int_equal(query("SELECT count(*) FROM documents"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_store_put__round_trips_every_table),
        T(test_store_put__cuts_sentence_text_by_bytes),
        T(test_store_put__replaces_not_duplicates),
        T(test_store_put__commits_in_batches),
        T(test_store_put__rejects_a_sentence_outside_the_text),
        T(test_store_open__fails_on_a_bad_path),
        T(test_store_open__refuses_foreign_files),
        T(test_store_open__migrates_version_1),
        T(test_store_open__migrates_version_2),
        T(test_store_open__migrates_version_3),
        T(test_store_open__leaves_a_store_it_cannot_update),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
