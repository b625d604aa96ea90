/*
 * store.c - the SQLite event store
 *
 * Writes coded documents into four tables (documents, sentence_spans,
 * events, places) plus a read-only copy of the CAMEO code table, as
 * doc/store.md specifies; the view `sentences` cuts each sentence's text
 * out of its document, so the text is stored once.  Writes are grouped:
 * one transaction per STORE_BATCH documents, and a savepoint around each
 * document so that a failed put leaves no half-written document behind.
 * Statements are prepared once per handle and reused.  A merge attaches
 * another store file and copies its rows with INSERT ... SELECT, in one
 * transaction.  Opening a store of an older schema version updates it.
 *
 * This is the only file that includes <sqlite3.h>; no SQLite type or
 * result code leaves it.  SQLite keeps its own allocator: the store does
 * not change that process-wide setting.
 *
 * SPDX-License-Identifier: MIT
 */
#include "casus/store.h"

#include <assert.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "event_priv.h"

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

#define STORE_VERSION 4   /* PRAGMA user_version of the schema below */
#define STORE_BATCH 500   /* documents per transaction */

/* Where SQLite keeps what it needs to undo a savepoint (the original of
 * each page a document's rows change) while documents are put, and where
 * while a merge runs.
 *
 * Why: a savepoint's undo journal spills to a temporary file once it
 * exceeds 64 KiB unless temporary storage is in memory, and the file is
 * only truncated when the transaction ends: with the default, every
 * document of a batch wrote its pages to that file again (278,568 pwrite
 * calls for 4,068 documents, 0.3 s of system time in a 1.7 s run).  In
 * memory, it is emptied when each document's savepoint is released, so
 * it never holds more than one document's pages.  A merge has no savepoints but
 * large statements, whose undo journal holds every page of this store
 * they change, so it keeps the default, which spills to a file. */
#define TEMP_STORE_PUT "PRAGMA temp_store = MEMORY"
#define TEMP_STORE_MERGE "PRAGMA temp_store = DEFAULT"

/* The event columns a version 1 store has besides the id, then those
 * version 2 added (counts) and version 3 added (location); a merge
 * selects NULL for those an older source lacks. */
#define EVENT_COLUMNS_V1 \
    "doc, sentence, date, source, target, source_text, target_text," \
    " code, root, quad, goldstein, plover, negated, rule_file, rule_line"
#define EVENT_COLUMNS_V2 ", killed, wounded, arrested, displaced, crowd"
#define EVENT_COLUMNS_V3 ", place, country, adm1, lat, lon, geonames"
#define EVENT_NULLS_V2 ", NULL, NULL, NULL, NULL, NULL"
#define EVENT_NULLS_V3 ", NULL, NULL, NULL, NULL, NULL, NULL"

/* The columns version 3 added: where each event happened. */
#define LOCATION_COLUMNS \
    " place TEXT, country TEXT, adm1 TEXT, lat REAL, lon REAL," \
    " geonames INTEGER"

/* Version 3 also keeps the place mentions of each document. */
#define PLACES_TABLE \
    "CREATE TABLE places(" \
    " doc TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL," \
    " text TEXT NOT NULL, name TEXT NOT NULL, country TEXT," \
    " adm1 TEXT, feature TEXT NOT NULL, lat REAL NOT NULL," \
    " lon REAL NOT NULL, geonames INTEGER, locative INTEGER NOT NULL," \
    " PRIMARY KEY (doc, start));" \
    "CREATE INDEX places_geonames ON places(geonames);"

/* Sentence s of document d, cut out of d.text by bytes: substr() counts
 * bytes in a BLOB but characters in TEXT, and start and len are bytes.
 * The database is UTF-8 (casus creates it so), so the cast back to TEXT
 * gives the bytes casus_store_put() was given. */
#define SENTENCE_CUT \
    "CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.len) AS TEXT)"

/* Version 4 keeps each sentence as a span of its document's text; its
 * own text only when it is not that span (a sentence that an older store
 * held without its document, or with another text), which casus itself
 * never writes.  The view gives the sentences table of versions 1-3. */
#define SPANS_TABLE \
    "CREATE TABLE sentence_spans(" \
    " doc TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL," \
    " len INTEGER NOT NULL, text TEXT, PRIMARY KEY (doc, idx))" \
    " WITHOUT ROWID;"
#define SENTENCES_VIEW \
    "CREATE VIEW sentences(doc, idx, start, len, text) AS" \
    " SELECT s.doc, s.idx, s.start, s.len, coalesce(s.text, " \
    SENTENCE_CUT ") FROM sentence_spans s" \
    " LEFT JOIN documents d ON d.id = s.doc;"

/* The columns of sentence_spans from a sentences table s of version 1-3
 * joined to its documents d: the text only where the cut differs. */
#define SPANS_FROM_SENTENCES \
    "s.doc, s.idx, s.start, s.len, CASE WHEN s.text IS " SENTENCE_CUT \
    " THEN NULL ELSE s.text END"

static const char schema_sql[] =
    "CREATE TABLE documents("
    " id TEXT PRIMARY KEY NOT NULL, date TEXT, title TEXT, source TEXT,"
    " url TEXT, text TEXT NOT NULL);"
    SPANS_TABLE
    SENTENCES_VIEW
    "CREATE TABLE events("
    " id INTEGER PRIMARY KEY, doc TEXT NOT NULL, sentence INTEGER NOT NULL,"
    " date TEXT, source TEXT NOT NULL, target TEXT NOT NULL,"
    " source_text TEXT NOT NULL, target_text TEXT NOT NULL,"
    " code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER,"
    " goldstein REAL NOT NULL, plover TEXT NOT NULL,"
    " negated INTEGER NOT NULL, rule_file TEXT, rule_line INTEGER,"
    " killed INTEGER, wounded INTEGER, arrested INTEGER,"
    " displaced INTEGER, crowd INTEGER," LOCATION_COLUMNS ");"
    "CREATE INDEX events_doc ON events(doc);"
    "CREATE INDEX events_code ON events(code);"
    "CREATE INDEX events_pair ON events(source, target);"
    PLACES_TABLE
    "CREATE TABLE cameo("
    " code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL,"
    " goldstein REAL NOT NULL, quad INTEGER NOT NULL, plover TEXT NOT NULL);";

enum {
    ST_BEGIN,
    ST_COMMIT,
    ST_SAVEPOINT,
    ST_RELEASE,
    ST_ROLLBACK_TO,
    ST_DEL_EVENTS,
    ST_DEL_SENTENCES,
    ST_DEL_PLACES,
    ST_PUT_DOC,
    ST_PUT_SENTENCE,
    ST_PUT_EVENT,
    ST_PUT_PLACE,
    ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN",
    [ST_COMMIT] = "COMMIT",
    [ST_SAVEPOINT] = "SAVEPOINT put_doc",
    [ST_RELEASE] = "RELEASE put_doc",
    [ST_ROLLBACK_TO] = "ROLLBACK TO put_doc",
    [ST_DEL_EVENTS] = "DELETE FROM events WHERE doc = ?1",
    [ST_DEL_SENTENCES] = "DELETE FROM sentence_spans WHERE doc = ?1",
    [ST_DEL_PLACES] = "DELETE FROM places WHERE doc = ?1",
    [ST_PUT_DOC] = "INSERT OR REPLACE INTO documents"
                   "(id, date, title, source, url, text)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_PUT_SENTENCE] = "INSERT INTO sentence_spans(doc, idx, start, len)"
                        " VALUES (?1, ?2, ?3, ?4)",
    [ST_PUT_EVENT] = "INSERT INTO events(" EVENT_COLUMNS_V1 EVENT_COLUMNS_V2
                     EVENT_COLUMNS_V3 ")"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                     " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
                     " ?21, ?22, ?23, ?24, ?25, ?26)",
    [ST_PUT_PLACE] = "INSERT OR REPLACE INTO places(doc, start, end, text,"
                     " name, country, adm1, feature, lat, lon, geonames,"
                     " locative) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                     " ?9, ?10, ?11, ?12)",
};

struct casus_store {
    sqlite3 *db;                   /* open connection */
    sqlite3_stmt *stmt[ST_COUNT];  /* prepared on open; all non-NULL */
    bool in_txn;                   /* a BEGIN is pending its COMMIT */
    size_t pending;                /* documents in the open transaction */
    char errmsg[512];              /* last error, "" when none */
};

/* ------------------------------------------------------------------ */
/* Private helpers                                                     */
/* ------------------------------------------------------------------ */

static void set_err(casus_store *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void set_err(casus_store *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->errmsg, sizeof(st->errmsg), fmt, ap);
    va_end(ap);
}

static int db_error(casus_store *st, int rc)
{
    set_err(st, "%s", sqlite3_errmsg(st->db));
    return rc == SQLITE_NOMEM ? CASUS_ENOMEM : CASUS_ESTORE;
}

/* Run a prepared statement to completion and reset it. */
static int run(casus_store *st, int which)
{
    sqlite3_stmt *s = st->stmt[which];
    int rc = sqlite3_step(s);
    int error = 0;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        error = db_error(st, rc);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return error;
}

static int exec(casus_store *st, const char *sql)
{
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : db_error(st, rc);
}

/* Run a one-value query; *out gets the integer in its first column. */
static int query_int(casus_store *st, const char *sql, long long *out)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int64(s, 0);
            rc = SQLITE_OK;
        }
    }
    int error = rc == SQLITE_OK ? 0 : db_error(st, rc);
    sqlite3_finalize(s);
    return error;
}

static void bind_text(sqlite3_stmt *s, int i, const char *text, size_t len)
{
    sqlite3_bind_text64(s, i, text, len, SQLITE_STATIC, SQLITE_UTF8);
}

/* Bind text, or NULL when it is absent or empty. */
static void bind_opt(sqlite3_stmt *s, int i, const char *text)
{
    if (text == NULL || text[0] == '\0')
        sqlite3_bind_null(s, i);
    else
        bind_text(s, i, text, strlen(text));
}

/* Fill the cameo table from the event module's code table. */
static int put_cameo(casus_store *st)
{
    size_t n;
    const casus_cameo *t = event_table(&n);
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db,
                                "INSERT INTO cameo(code, name, goldstein,"
                                " quad, plover) VALUES (?1, ?2, ?3, ?4, ?5)",
                                -1, &s, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        bind_opt(s, 1, t[i].code);
        bind_text(s, 2, t[i].name, strlen(t[i].name));
        sqlite3_bind_double(s, 3, t[i].goldstein);
        sqlite3_bind_int(s, 4, t[i].quad);
        bind_text(s, 5, t[i].plover, strlen(t[i].plover));
        rc = sqlite3_step(s);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        sqlite3_reset(s);
    }
    int error = rc == SQLITE_OK ? 0 : db_error(st, rc);
    sqlite3_finalize(s);
    return error;
}

/* Create the schema in an empty database, or check the version of an
 * existing one. */
static int setup_schema(casus_store *st, const char *path)
{
    long long version = 0, n_objects = 0;
    int error;

    if ((error = query_int(st, "PRAGMA user_version", &version)) < 0)
        return error;
    if (version == STORE_VERSION)
        return 0;
    if (version >= 1 && version < STORE_VERSION) {
        /* version 2 added the counts of each event, version 3 its place
         * and the place mentions, version 4 keeps sentences as spans */
        static const char to_v2[] =
            "ALTER TABLE events ADD COLUMN killed INTEGER;"
            "ALTER TABLE events ADD COLUMN wounded INTEGER;"
            "ALTER TABLE events ADD COLUMN arrested INTEGER;"
            "ALTER TABLE events ADD COLUMN displaced INTEGER;"
            "ALTER TABLE events ADD COLUMN crowd INTEGER;";
        static const char to_v3[] =
            "ALTER TABLE events ADD COLUMN place TEXT;"
            "ALTER TABLE events ADD COLUMN country TEXT;"
            "ALTER TABLE events ADD COLUMN adm1 TEXT;"
            "ALTER TABLE events ADD COLUMN lat REAL;"
            "ALTER TABLE events ADD COLUMN lon REAL;"
            "ALTER TABLE events ADD COLUMN geonames INTEGER;"
            PLACES_TABLE;
        static const char to_v4[] =
            SPANS_TABLE
            "INSERT INTO sentence_spans(doc, idx, start, len, text)"
            " SELECT " SPANS_FROM_SENTENCES " FROM sentences s"
            " LEFT JOIN documents d ON d.id = s.doc ORDER BY s.doc, s.idx;"
            "DROP TABLE sentences;"
            SENTENCES_VIEW
            "PRAGMA user_version = 4";
        /* All steps in one transaction: a failure leaves the store at
         * its old version, as it was. */
        if ((error = exec(st, "BEGIN IMMEDIATE")) < 0)
            return error;
        if ((version < 2 && (error = exec(st, to_v2)) < 0) ||
            (version < 3 && (error = exec(st, to_v3)) < 0) ||
            (error = exec(st, to_v4)) < 0) {
            char msg[sizeof(st->errmsg)];
            memcpy(msg, st->errmsg, sizeof(msg));
            set_err(st, "%s: cannot update store version %lld to %d: %s",
                    path, version, STORE_VERSION, msg);
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
            return error;
        }
        return exec(st, "COMMIT");
    }
    if (version > STORE_VERSION) {
        set_err(st, "%s: store version %lld is newer than this casus"
                    " supports (%d)", path, version, STORE_VERSION);
        return CASUS_ESTORE;
    }
    if ((error = query_int(st, "SELECT count(*) FROM sqlite_master",
                           &n_objects)) < 0)
        return error;
    if (n_objects > 0) {
        set_err(st, "%s: not a casus store (it holds other tables)", path);
        return CASUS_ESTORE;
    }

    char version_sql[64];
    snprintf(version_sql, sizeof(version_sql), "PRAGMA user_version = %d",
             STORE_VERSION);
    if ((error = exec(st, "BEGIN IMMEDIATE")) < 0)
        return error;
    if ((error = exec(st, schema_sql)) < 0 || (error = put_cameo(st)) < 0 ||
        (error = exec(st, version_sql)) < 0) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return error;
    }
    return exec(st, "COMMIT");
}

static int commit(casus_store *st)
{
    if (!st->in_txn)
        return 0;
    int error = run(st, ST_COMMIT);
    if (error == 0) {
        st->in_txn = false;
        st->pending = 0;
    }
    return error;
}

static int put_rows(casus_store *st, const casus_doc *doc,
                    const size_t (*sentences)[2], size_t n_sentences,
                    const casus_event *events, size_t n_events,
                    const casus_place *places, size_t n_places)
{
    const size_t id_len = strlen(doc->id);
    sqlite3_stmt *s;
    int error;

    for (int which = ST_DEL_EVENTS; which <= ST_DEL_PLACES; which++) {
        bind_text(st->stmt[which], 1, doc->id, id_len);
        if ((error = run(st, which)) < 0)
            return error;
    }

    s = st->stmt[ST_PUT_DOC];
    bind_text(s, 1, doc->id, id_len);
    bind_opt(s, 2, doc->date);
    bind_opt(s, 3, doc->title);
    bind_opt(s, 4, doc->source);
    bind_opt(s, 5, doc->url);
    bind_text(s, 6, doc->text, doc->text_len);
    if ((error = run(st, ST_PUT_DOC)) < 0)
        return error;

    s = st->stmt[ST_PUT_SENTENCE];
    for (size_t i = 0; i < n_sentences; i++) {
        const size_t start = sentences[i][0], len = sentences[i][1];
        if (start > doc->text_len || len > doc->text_len - start) {
            set_err(st, "sentence %zu (bytes %zu+%zu) lies outside the"
                        " %zu-byte text of document %s",
                    i, start, len, doc->text_len, doc->id);
            return CASUS_EINVAL;
        }
        bind_text(s, 1, doc->id, id_len);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(s, 3, (sqlite3_int64)start);
        sqlite3_bind_int64(s, 4, (sqlite3_int64)len);
        if ((error = run(st, ST_PUT_SENTENCE)) < 0)
            return error;
    }

    s = st->stmt[ST_PUT_EVENT];
    for (size_t i = 0; i < n_events; i++) {
        const casus_event *ev = &events[i];
        event_facts f;
        event_facts_get(ev->code, &f);
        bind_text(s, 1, doc->id, id_len);
        sqlite3_bind_int(s, 2, ev->sentence);
        bind_opt(s, 3, ev->date);
        bind_text(s, 4, ev->source, strlen(ev->source));
        bind_text(s, 5, ev->target, strlen(ev->target));
        bind_text(s, 6, ev->source_text, strlen(ev->source_text));
        bind_text(s, 7, ev->target_text, strlen(ev->target_text));
        bind_text(s, 8, ev->code, strlen(ev->code));
        bind_text(s, 9, f.root, strlen(f.root));
        if (f.quad)
            sqlite3_bind_int(s, 10, f.quad);
        else
            sqlite3_bind_null(s, 10);
        sqlite3_bind_double(s, 11, f.goldstein);
        bind_text(s, 12, f.plover, strlen(f.plover));
        sqlite3_bind_int(s, 13, ev->negated ? 1 : 0);
        bind_opt(s, 14, ev->rule_file);
        if (ev->rule_line > 0)
            sqlite3_bind_int64(s, 15, ev->rule_line);
        else
            sqlite3_bind_null(s, 15);
        /* counts: NULL when the sentence reports none */
        const unsigned counts[5] = { ev->killed, ev->wounded, ev->arrested,
                                     ev->displaced, ev->crowd };
        for (int k = 0; k < 5; k++) {
            if (counts[k] > 0)
                sqlite3_bind_int64(s, 16 + k, (sqlite3_int64)counts[k]);
            else
                sqlite3_bind_null(s, 16 + k);
        }
        /* location: NULL when no place is known */
        const casus_location *loc = &ev->location;
        if (loc->name[0] != '\0') {
            bind_text(s, 21, loc->name, strlen(loc->name));
            bind_opt(s, 22, loc->country);
            bind_opt(s, 23, loc->adm1);
            sqlite3_bind_double(s, 24, loc->lat);
            sqlite3_bind_double(s, 25, loc->lon);
            if (loc->geonames)
                sqlite3_bind_int64(s, 26, (sqlite3_int64)loc->geonames);
        }
        if ((error = run(st, ST_PUT_EVENT)) < 0)
            return error;
    }

    s = st->stmt[ST_PUT_PLACE];
    for (size_t i = 0; i < n_places; i++) {
        const casus_place *p = &places[i];
        if (p->start > p->end || p->end > doc->text_len) {
            set_err(st, "place %zu (bytes %zu..%zu) lies outside the"
                        " %zu-byte text of document %s",
                    i, p->start, p->end, doc->text_len, doc->id);
            return CASUS_EINVAL;
        }
        casus_location loc;
        casus_place_location(p, &loc);
        bind_text(s, 1, doc->id, id_len);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)p->cp_start);
        sqlite3_bind_int64(s, 3, (sqlite3_int64)p->cp_end);
        bind_text(s, 4, doc->text + p->start, p->end - p->start);
        bind_text(s, 5, loc.name, strlen(loc.name));
        bind_opt(s, 6, loc.country);
        bind_opt(s, 7, loc.adm1);
        bind_text(s, 8, loc.feature, strlen(loc.feature));
        sqlite3_bind_double(s, 9, loc.lat);
        sqlite3_bind_double(s, 10, loc.lon);
        if (loc.geonames)
            sqlite3_bind_int64(s, 11, (sqlite3_int64)loc.geonames);
        sqlite3_bind_int(s, 12, p->locative ? 1 : 0);
        if ((error = run(st, ST_PUT_PLACE)) < 0)
            return error;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Merging                                                             */
/* ------------------------------------------------------------------ */

/* The schema name the source store is attached under. */
#define SRC "merge_src"

/* Run sql (one statement); *n_out gets the rows it changed. */
static int exec_count(casus_store *st, const char *sql, size_t *n_out)
{
    int error = exec(st, sql);
#if SQLITE_VERSION_NUMBER >= 3037000
    if (error == 0)
        *n_out = (size_t)sqlite3_changes64(st->db);
#else
    if (error == 0)
        *n_out = (size_t)sqlite3_changes(st->db);
#endif
    return error;
}

/* Check that path is an existing SQLite database before it is attached:
 * ATTACH would create a missing file, and says nothing about why a file
 * cannot be opened.  The check uses a connection of its own, read-only. */
static int probe_source(casus_store *st, const char *path)
{
    sqlite3 *db = NULL;
    int error = 0;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL,
                          NULL, NULL);
    if (db == NULL || rc == SQLITE_NOMEM) {
        set_err(st, "%s: %s", path, casus_strerror(CASUS_ENOMEM));
        error = CASUS_ENOMEM;
    } else if (rc == SQLITE_CANTOPEN) {
        const int err = sqlite3_system_errno(db);
        if (err != 0)
            set_err(st, "%s: cannot open: %s", path, strerror(err));
        else
            set_err(st, "%s: cannot open", path);
        error = err == ENOENT ? CASUS_ENOTFOUND : CASUS_EIO;
    } else if (rc == SQLITE_NOTADB) {
        set_err(st, "%s: not a casus store (%s)", path, sqlite3_errmsg(db));
        error = CASUS_EPARSE;
    } else if (rc != SQLITE_OK) {
        set_err(st, "%s: %s", path, sqlite3_errmsg(db));
        error = CASUS_ESTORE;
    }
    sqlite3_close(db);
    return error;
}

/* Attach path as SRC. */
static int attach_source(casus_store *st, const char *path)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, "ATTACH ?1 AS " SRC, -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
        rc = sqlite3_step(s);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    int error = 0;
    if (rc == SQLITE_NOTADB) {
        set_err(st, "%s: not a casus store (%s)", path,
                sqlite3_errmsg(st->db));
        error = CASUS_EPARSE;
    } else if (rc != SQLITE_OK) {
        error = db_error(st, rc);
    }
    sqlite3_finalize(s);
    return error;
}

/* After the source is attached: refuse this store's own file and what is
 * not a casus store.  *version_out gets the source's schema version. */
static int check_source(casus_store *st, const char *path,
                        long long *version_out)
{
    long long n, version;
    int error;

    if ((error = query_int(st, "SELECT count(*) FROM pragma_database_list a"
                               " JOIN pragma_database_list b"
                               " ON a.file = b.file WHERE a.name = 'main'"
                               " AND b.name = '" SRC "' AND a.file <> ''",
                           &n)) < 0)
        return error;
    if (n > 0) {
        set_err(st, "%s: is the store being merged into", path);
        return CASUS_EINVAL;
    }
    if ((error = query_int(st, "PRAGMA " SRC ".user_version",
                           &version)) < 0 ||
        (error = query_int(st, "SELECT count(*) FROM " SRC ".sqlite_master",
                           &n)) < 0)
        return error;
    if (version > STORE_VERSION) {
        set_err(st, "%s: store version %lld is newer than this casus"
                    " supports (%d)", path, version, STORE_VERSION);
        return CASUS_EPARSE;
    }
    if (version < 1) {
        set_err(st, "%s: not a casus store (%s)", path,
                n == 0 ? "it is empty" : "it holds other tables");
        return CASUS_EPARSE;
    }
    /* versions 1 and 2 lack places, version 4 holds sentence_spans
     * where the older ones hold a sentences table */
    const char *const tables[] = {
        "documents", version >= 4 ? "sentence_spans" : "sentences",
        "events", "places"
    };
    const size_t n_tables = version >= 3 ? 4 : 3;
    for (size_t i = 0; i < n_tables; i++) {
        char sql[128];
        snprintf(sql, sizeof(sql), "SELECT count(*) FROM " SRC ".sqlite_master"
                 " WHERE type = 'table' AND name = '%s'", tables[i]);
        if ((error = query_int(st, sql, &n)) < 0)
            return error;
        if (n == 0) {
            set_err(st, "%s: not a casus store (version %lld but no %s"
                        " table)", path, version, tables[i]);
            return CASUS_EPARSE;
        }
    }
    *version_out = version;
    return 0;
}

/* Replace the rows of every document the attached source holds; the
 * caller wraps this in a transaction.
 *
 * How it works: the source's document ids (from every table, so that rows
 * without a documents row are replaced too) go into a temporary table;
 * this store's rows of those documents are deleted, as casus_store_put()
 * deletes them; then every source table is copied with INSERT ... SELECT
 * in rowid order.  Copying events in source id order without their id
 * numbers them on from this store's largest id, in the same order.  The
 * sentences of a source older than version 4 become spans as opening it
 * would make them: their text is kept only where it is not the cut of
 * their document's text. */
static int copy_rows(casus_store *st, long long version,
                     casus_store_counts *n)
{
    char events_sql[512], docs_sql[512];
    int error;

    snprintf(events_sql, sizeof(events_sql),
             "INSERT INTO main.events(" EVENT_COLUMNS_V1 EVENT_COLUMNS_V2
             EVENT_COLUMNS_V3 ") SELECT " EVENT_COLUMNS_V1 "%s%s FROM "
             SRC ".events ORDER BY id",
             version >= 2 ? EVENT_COLUMNS_V2 : EVENT_NULLS_V2,
             version >= 3 ? EVENT_COLUMNS_V3 : EVENT_NULLS_V3);
    snprintf(docs_sql, sizeof(docs_sql),
             "INSERT INTO temp.merge_docs SELECT id FROM " SRC ".documents"
             " UNION SELECT doc FROM " SRC ".%s"
             " UNION SELECT doc FROM " SRC ".events%s",
             version >= 4 ? "sentence_spans" : "sentences",
             version >= 3 ? " UNION SELECT doc FROM " SRC ".places" : "");

    if ((error = exec(st, "CREATE TEMP TABLE merge_docs("
                          "id TEXT PRIMARY KEY NOT NULL)")) < 0 ||
        (error = exec(st, docs_sql)) < 0 ||
        (error = exec(st, "DELETE FROM main.documents"
                          " WHERE id IN temp.merge_docs;"
                          "DELETE FROM main.sentence_spans"
                          " WHERE doc IN temp.merge_docs;"
                          "DELETE FROM main.events"
                          " WHERE doc IN temp.merge_docs;"
                          "DELETE FROM main.places"
                          " WHERE doc IN temp.merge_docs")) < 0)
        return error;

    if ((error = exec_count(st, "INSERT INTO main.documents(id, date, title,"
                                " source, url, text) SELECT id, date, title,"
                                " source, url, text FROM " SRC ".documents"
                                " ORDER BY rowid", &n->n_documents)) < 0 ||
        (error = exec_count(st, version >= 4
            ? "INSERT INTO main.sentence_spans(doc, idx, start, len, text)"
              " SELECT doc, idx, start, len, text FROM " SRC ".sentence_spans"
            : "INSERT INTO main.sentence_spans(doc, idx, start, len, text)"
              " SELECT " SPANS_FROM_SENTENCES " FROM " SRC ".sentences s"
              " LEFT JOIN " SRC ".documents d ON d.id = s.doc"
              " ORDER BY s.rowid", &n->n_sentences)) < 0 ||
        (error = exec_count(st, events_sql, &n->n_events)) < 0)
        return error;
    if (version >= 3 &&
        (error = exec_count(st, "INSERT INTO main.places(doc, start, end,"
                                " text, name, country, adm1, feature, lat,"
                                " lon, geonames, locative) SELECT doc, start,"
                                " end, text, name, country, adm1, feature,"
                                " lat, lon, geonames, locative FROM "
                                SRC ".places ORDER BY rowid",
                            &n->n_places)) < 0)
        return error;
    return exec(st, "DROP TABLE temp.merge_docs");
}

/* Fill diag, when there is one, with path and msg; msg loses a leading
 * "path: ", which the diag's file gives already. */
static void set_diag(casus_diag *diag, const char *path, const char *msg)
{
    if (diag == NULL)
        return;
    diag->file = path;
    diag->line = 0;
    diag->column = 0;
    const size_t path_len = strlen(path);
    if (strncmp(msg, path, path_len) == 0 && msg[path_len] == ':')
        msg += path_len + 2;
    size_t n = strlen(msg);
    n = n < sizeof(diag->msg) ? n : sizeof(diag->msg) - 1;
    memcpy(diag->msg, msg, n);
    diag->msg[n] = '\0';
}

/* ------------------------------------------------------------------ */
/* API                                                                 */
/* ------------------------------------------------------------------ */

int casus_store_open(casus_store **out, const char *path, casus_diag *diag)
{
    casus_store *st = NULL;
    int error = CASUS_ENOMEM;

    assert(out != NULL && path != NULL);
    *out = NULL;
    if ((st = cs_calloc(1, sizeof(*st))) == NULL)
        goto done;

    /* A handle is used by one thread at a time (store.h), so the
     * connection needs no mutex of its own: SQLite's serialized mode
     * would lock one around every call. */
    int rc = sqlite3_open_v2(path, &st->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                             SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        error = st->db ? db_error(st, rc) : CASUS_ENOMEM;
        goto done;
    }
    sqlite3_busy_timeout(st->db, 5000);
    /* WAL lets readers look at the store while a run writes to it; where
     * the file system cannot do WAL, SQLite keeps its rollback journal. */
    if ((error = exec(st, "PRAGMA journal_mode = WAL")) < 0 ||
        (error = exec(st, "PRAGMA synchronous = NORMAL")) < 0 ||
        (error = setup_schema(st, path)) < 0 ||
        (error = exec(st, TEMP_STORE_PUT)) < 0)
        goto done;

    for (int i = 0; i < ST_COUNT; i++) {
        rc = sqlite3_prepare_v3(st->db, stmt_sql[i], -1,
                                SQLITE_PREPARE_PERSISTENT, &st->stmt[i],
                                NULL);
        if (rc != SQLITE_OK) {
            error = db_error(st, rc);
            goto done;
        }
    }
    *out = st;
    st = NULL;
    error = 0;
done:
    if (st != NULL)
        set_diag(diag, path,
                 st->errmsg[0] ? st->errmsg : casus_strerror(error));
    casus_store_close(st);
    return error;
}

int casus_store_put(casus_store *st, const casus_doc *doc,
                    const size_t (*sentences)[2], size_t n_sentences,
                    const casus_event *events, size_t n_events,
                    const casus_place *places, size_t n_places)
{
    int error;

    assert(st != NULL && doc != NULL && doc->id != NULL && doc->text != NULL);
    assert(n_sentences == 0 || sentences != NULL);
    assert(n_events == 0 || events != NULL);
    assert(n_places == 0 || places != NULL);

    if (!st->in_txn) {
        if ((error = run(st, ST_BEGIN)) < 0)
            return error;
        st->in_txn = true;
    }
    if ((error = run(st, ST_SAVEPOINT)) < 0)
        return error;
    error = put_rows(st, doc, sentences, n_sentences, events, n_events,
                     places, n_places);
    if (error < 0) {
        /* Undo this document only; earlier ones in the batch stay. */
        sqlite3_step(st->stmt[ST_ROLLBACK_TO]);
        sqlite3_reset(st->stmt[ST_ROLLBACK_TO]);
        sqlite3_step(st->stmt[ST_RELEASE]);
        sqlite3_reset(st->stmt[ST_RELEASE]);
        return error;
    }
    if ((error = run(st, ST_RELEASE)) < 0)
        return error;
    if (++st->pending >= STORE_BATCH)
        return commit(st);
    return 0;
}

int casus_store_merge(casus_store *st, const char *path,
                      casus_store_counts *out, casus_diag *diag)
{
    casus_store_counts n = { 0 };
    long long version = 0;
    bool attached = false, began = false;
    int error;

    assert(st != NULL && path != NULL);
    st->errmsg[0] = '\0';
    /* ATTACH and temp_store cannot change inside a transaction: commit
     * the pending puts. */
    if ((error = commit(st)) < 0 || (error = probe_source(st, path)) < 0 ||
        (error = exec(st, TEMP_STORE_MERGE)) < 0 ||
        (error = attach_source(st, path)) < 0)
        goto done;
    attached = true;
    if ((error = check_source(st, path, &version)) < 0 ||
        (error = exec(st, "BEGIN")) < 0)
        goto done;
    began = true;
    if ((error = copy_rows(st, version, &n)) < 0 ||
        (error = exec(st, "COMMIT")) < 0)
        goto done;
    began = false;
done:
    if (began)
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    if (attached)
        sqlite3_exec(st->db, "DETACH " SRC, NULL, NULL, NULL);
    /* back to the setting of puts; were this to fail, puts would still
     * work, only slower */
    sqlite3_exec(st->db, TEMP_STORE_PUT, NULL, NULL, NULL);
    if (error < 0) {
        /* The handle's message names the source, as the diag does. */
        const size_t path_len = strlen(path);
        if (strncmp(st->errmsg, path, path_len) != 0 ||
            st->errmsg[path_len] != ':') {
            char msg[sizeof(st->errmsg)];
            memcpy(msg, st->errmsg, sizeof(msg));
            set_err(st, "%s: %s", path,
                    msg[0] ? msg : casus_strerror(error));
        }
        set_diag(diag, path, st->errmsg);
        memset(&n, 0, sizeof(n));
    }
    if (out != NULL)
        *out = n;
    return error;
}

int casus_store_flush(casus_store *st)
{
    assert(st != NULL);
    return commit(st);
}

const char *casus_store_errmsg(const casus_store *st)
{
    if (st == NULL || st->errmsg[0] == '\0')
        return "no error";
    return st->errmsg;
}

int casus_store_close(casus_store *st)
{
    int error = 0;

    if (st == NULL)
        return 0;
    if (st->db != NULL && st->stmt[ST_COMMIT] != NULL)
        error = commit(st);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(st->stmt[i]);
    sqlite3_close(st->db);
    cs_free(st);
    return error;
}
