/*
 * store.h - the SQLite event store
 *
 * Tables: documents, sentences, events, places (schema in doc/store.md).
 * Writing a document id that is already stored replaces its rows.  Writes
 * are grouped into transactions of many documents; casus_store_close()
 * commits the last one.
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
 * Open or create a store.
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
