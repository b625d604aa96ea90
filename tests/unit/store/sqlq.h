/*
 * sqlq.h - what the store tests ask of a store file outside casus
 *
 * Included by the store tests after <cmocka.h> and <sqlite3.h>; each
 * test program gets its own static copies.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_TESTS_SQLQ_H
#define CASUS_TESTS_SQLQ_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tables of a version 1 store; its events table ends open, for
 * version 2's count columns or the closing bracket. */
#define SQLQ_V1_TABLES \
    "CREATE TABLE documents(id TEXT PRIMARY KEY NOT NULL, date TEXT," \
    " title TEXT, source TEXT, url TEXT, text TEXT NOT NULL);" \
    "CREATE TABLE sentences(doc TEXT NOT NULL, idx INTEGER NOT NULL," \
    " start INTEGER NOT NULL, len INTEGER NOT NULL, text TEXT NOT NULL," \
    " PRIMARY KEY (doc, idx));" \
    "CREATE TABLE events(id INTEGER PRIMARY KEY, doc TEXT NOT NULL," \
    " sentence INTEGER NOT NULL, date TEXT, source TEXT NOT NULL," \
    " target TEXT NOT NULL, source_text TEXT NOT NULL," \
    " target_text TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL," \
    " quad INTEGER, goldstein REAL NOT NULL, plover TEXT NOT NULL," \
    " negated INTEGER NOT NULL, rule_file TEXT, rule_line INTEGER"

/* The tables of a version 3 store, the last with a sentences table that
 * holds each sentence's text. */
#define SQLQ_V3_TABLES \
    SQLQ_V1_TABLES ", killed INTEGER, wounded INTEGER, arrested INTEGER," \
    " displaced INTEGER, crowd INTEGER, place TEXT, country TEXT," \
    " adm1 TEXT, lat REAL, lon REAL, geonames INTEGER);" \
    "CREATE TABLE places(doc TEXT NOT NULL, start INTEGER NOT NULL," \
    " end INTEGER NOT NULL, text TEXT NOT NULL, name TEXT NOT NULL," \
    " country TEXT, adm1 TEXT, feature TEXT NOT NULL, lat REAL NOT NULL," \
    " lon REAL NOT NULL, geonames INTEGER, locative INTEGER NOT NULL," \
    " PRIMARY KEY (doc, start));" \
    "CREATE INDEX places_geonames ON places(geonames);"

/* One document of a version 3 store with sentences in three scripts, so
 * that byte and character offsets differ: "Ça va." (bytes 0-6, 7 bytes),
 * "Привет, Київ!" (8-30, 23 bytes), "東京で会う。" (32-49, 18 bytes);
 * one event and one place mention. */
#define SQLQ_V3_DOC \
    "INSERT INTO documents(id, text) VALUES ('mb'," \
    " 'Ça va. Привет, Київ! 東京で会う。');" \
    "INSERT INTO sentences VALUES ('mb', 0, 0, 7, 'Ça va.');" \
    "INSERT INTO sentences VALUES ('mb', 1, 8, 23, 'Привет, Київ!');" \
    "INSERT INTO sentences VALUES ('mb', 2, 32, 18, '東京で会う。');" \
    "INSERT INTO events(doc, sentence, source, target, source_text," \
    " target_text, code, root, goldstein, plover, negated, killed, place)" \
    " VALUES ('mb', 1, 'RUS', 'UKR', 'Привет', 'Київ', '190', '19'," \
    " -10.0, 'ASSAULT', 0, 2, 'Kyiv');" \
    "INSERT INTO places VALUES ('mb', 15, 19, 'Київ', 'Kyiv', 'UKR'," \
    " 'UA.12', 'PPLC', 50.45, 30.52, 703448, 1);"

/* One integer from a query on the closed store at db_path; -1 when the
 * query returns no row. */
static long long sqlq_int(const char *db_path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    long long v = -1;
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY,
                                     NULL), SQLITE_OK);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* Check that the first column of the first row of a query on the closed
 * store at db_path is TEXT with exactly the bytes of want. */
static void sqlq_text_is(const char *db_path, const char *sql,
                         const char *want)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY,
                                     NULL), SQLITE_OK);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    if (sqlite3_step(st) != SQLITE_ROW)
        fail_msg("%s: no row", sql);
    assert_int_equal(sqlite3_column_type(st, 0), SQLITE_TEXT);
    const unsigned char *got = sqlite3_column_text(st, 0);
    const size_t n = (size_t)sqlite3_column_bytes(st, 0);
    if (n != strlen(want) || memcmp(got, want, n) != 0)
        fail_msg("%s: got \"%.*s\", want \"%s\"", sql, (int)n,
                 (const char *)got, want);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* Remove the scratch folder dir and everything in it. */
static int sqlq_remove_dir(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
