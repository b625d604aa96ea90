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

/* Remove the scratch folder dir and everything in it. */
static int sqlq_remove_dir(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
