/*
 * coder.h - the event coder: sentences in, CAMEO events out
 *
 * A coder holds the scratch memory for coding one document at a time and
 * reads a shared, immutable casus_dict.  Use one coder per thread.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_CODER_H
#define CASUS_CODER_H

#include "common.h"
#include "dict.h"
#include "doc.h"
#include "event.h"
#include "places.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct casus_coder casus_coder;

/**
 * Create a coder over a loaded dictionary.
 * @param[out] out  owned by the caller; free with casus_coder_free()
 * @param dict      borrowed; must outlive the coder
 * @return 0 or CASUS_ENOMEM
 */
CASUS_API int casus_coder_new(casus_coder **out, const casus_dict *dict);

/** casus_coder_free(NULL) is a harmless no-op. */
CASUS_API void casus_coder_free(casus_coder *c);

/**
 * Code one document: split it into sentences and code each one.
 *
 * @param events_out  the events, owned by the coder, valid until the next
 *                    casus_coder_code() or casus_coder_free()
 * @return 0 or CASUS_ENOMEM
 */
CASUS_API int casus_coder_code(casus_coder *c, const casus_doc *doc,
                               const casus_event **events_out,
                               size_t *count_out);

/**
 * The sentences of the last coded document as byte spans into its text.
 * @return array of {start, length} pairs, valid like the events
 */
CASUS_API const size_t (*casus_coder_sentences(const casus_coder *c,
                                               size_t *count_out))[2];

/**
 * Give the coder a geocoder (places.h), or NULL to go without.  With one,
 * casus_coder_code() also finds the document's places, and each event
 * gets the location of its sentence (casus_geocoder_locate()).  The
 * geocoder is borrowed and must serve this coder only: one per thread.
 */
CASUS_API void casus_coder_set_geocoder(casus_coder *c, casus_geocoder *gc);

/**
 * The places of the last coded document; none without a geocoder.
 * @return valid like the events
 */
CASUS_API const casus_place *casus_coder_places(const casus_coder *c,
                                                size_t *count_out);

/**
 * Free the memory that grows with the documents coded: events, sentence
 * spans, places, and the geocoder's copy of the text.  A coder keeps its
 * buffers from one document to the next, so that coding allocates nothing
 * once warm; after one very large document (a coder needs some fifteen
 * times its text) call this to give that memory back.  The results of the
 * last document are invalid afterwards; the next casus_coder_code() grows
 * the buffers again.  casus_coder_trim(NULL) is a harmless no-op.
 */
CASUS_API void casus_coder_trim(casus_coder *c);

/**
 * Change one option of this coder only, in the .options syntax of
 * doc/dict-format.md ("SET: CODE BY SENTENCE", "DEFAULT: OFF", ...).
 * @return 0 or CASUS_EPARSE for a line that is not an option
 */
CASUS_API int casus_coder_set_option(casus_coder *c, const char *line);

/**
 * Describe how one sentence is coded: tokens, actors found, the pattern
 * that fired (file:line) and the events.  Human-readable text.
 *
 * @param[out] out  NUL-terminated text owned by the coder, valid like the
 *                  events
 * @param date      "YYYY-MM-DD" or NULL, for date-limited actors
 * @return 0 or CASUS_ENOMEM
 */
CASUS_API int casus_coder_explain(casus_coder *c, const char *sentence,
                                  const char *date, const char **out);

#ifdef __cplusplus
}
#endif
#endif
