/*
 * store.h - the SQLite event store
 *
 * Tables: documents, sentence_spans (read through the view sentences),
 * events, places (schema in doc/store.md).
 * Writing a document id that is already stored replaces its rows.  Writes
 * are grouped into transactions of many documents; casus_store_close()
 * commits the last one.  casus_store_merge() copies another store's
 * documents in, so that pieces of a corpus coded apart make one store.
 *
 * A store handle is used by one thread at a time.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_STORE_H
#define CASUS_STORE_H

#include "common.h"
#include "doc.h"
#include "event.h"
#include "places.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct casus_store casus_store;

/**
 * Open or create a store.  A store of an older schema version is updated
 * to the current one, in one transaction; if that fails it is left as it
 * was.
 * @param[out] out  new handle, NULL on failure; close with casus_store_close()
 * @param path      database file, created when absent
 * @return 0, CASUS_ESTORE (message in the diag), CASUS_ENOMEM
 */
CASUS_API int casus_store_open(casus_store **out, const char *path,
                               casus_diag *diag);

/**
 * Store one coded document: replaces any rows of the same id.
 *
 * @param doc        the document
 * @param sentences  n_sentences {start, length} byte spans into doc->text
 * @param events     n_events events of this document
 * @param places     n_places place mentions of this document (from
 *                   casus_coder_places(); may be NULL when n_places is 0)
 * @return 0, CASUS_ESTORE (see casus_store_errmsg) or CASUS_ENOMEM
 */
CASUS_API int casus_store_put(casus_store *st, const casus_doc *doc,
                              const size_t (*sentences)[2],
                              size_t n_sentences,
                              const casus_event *events, size_t n_events,
                              const casus_place *places, size_t n_places);

/** Rows that casus_store_merge() copied, per table. */
typedef struct casus_store_counts {
    size_t n_documents;
    size_t n_sentences;
    size_t n_events;
    size_t n_places;
} casus_store_counts;

/**
 * Copy every document of the store file `path` into this store, with its
 * sentences, events and place mentions.
 *
 * A document id that this store already holds is replaced, as storing it
 * with casus_store_put() would: its old sentences, events and places go,
 * the source's come in.  Events get new ids in this store, in the order
 * of their ids in the source, after every event already stored; so
 * merging the stores of consecutive pieces of a corpus, in order, gives
 * the rows that coding the whole corpus into one store gives.
 *
 * The copy is one transaction: on any failure this store is left as it
 * was (documents put before the call are committed first, and stay).
 * The source is only read.  A source of an older schema version (1 to 3)
 * is copied as opening it would update it: with NULL in the columns it
 * lacks, and its sentences as spans of their documents' text.
 *
 * @param path       the source store; it must exist
 * @param[out] out   optional; the rows copied, zeroed on failure
 * @param diag       optional; on failure gets `path` as its file and the
 *                   reason as its message
 * @return 0; CASUS_ENOTFOUND when path does not exist; CASUS_EIO when it
 *         cannot be opened otherwise; CASUS_EPARSE when it is not a casus
 *         store (not SQLite, other tables, a newer schema version);
 *         CASUS_EINVAL when it is this store's own file; CASUS_ESTORE
 *         when SQLite fails while copying (a damaged source, a full
 *         disk); CASUS_ENOMEM.  casus_store_errmsg() then gives the
 *         reason too, prefixed with "PATH: ".
 */
CASUS_API int casus_store_merge(casus_store *st, const char *path,
                                casus_store_counts *out, casus_diag *diag);

/** Commit what is pending.  @return 0 or CASUS_ESTORE. */
CASUS_API int casus_store_flush(casus_store *st);

/** Last error message of this handle; static text when there is none. */
CASUS_API const char *casus_store_errmsg(const casus_store *st);

/**
 * Commit and close.  casus_store_close(NULL) is a harmless no-op.
 * @return 0 or CASUS_ESTORE when the final commit failed
 */
CASUS_API int casus_store_close(casus_store *st);

#ifdef __cplusplus
}
#endif
#endif
