/*
 * places.h - place names in documents, resolved to GeoNames places
 *
 * A geocoder finds the place names of a document (cities, towns and
 * countries of the gazetteer `make` builds, data/gen/gazetteer.bin) and
 * resolves each to one gazetteer entry.  This is casus's first geocoder:
 * the rules and their limits are in doc/places.md.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_PLACES_H
#define CASUS_PLACES_H

#include <stdbool.h>
#include <stdint.h>

#include "common.h"
#include "doc.h"
#include "event.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct casus_geocoder casus_geocoder;

/** One place mention, resolved. */
typedef struct casus_place {
    size_t start, end;          /**< byte offsets into the text, end
                                     exclusive */
    size_t cp_start, cp_end;    /**< the same in code points */
    uint32_t geonames;          /**< GeoNames id; 0 for a country entry */
    double lat, lon;            /**< degrees */
    char country[3];            /**< ISO 3166-1 alpha-2 ("XK": Kosovo) */
    char feature[7];            /**< GeoNames feature code ("PPLC", "PCLI") */
    const char *name;           /**< the gazetteer's name, borrowed */
    const char *admin1;         /**< GeoNames admin1 code ("CA"), "" when
                                     none; borrowed */
    char country3[4];           /**< CAMEO country code ("KSV"), "" for a
                                     continent */
    bool locative;              /**< a locative word comes before it ("in",
                                     "near", "village of") */
} casus_place;

/**
 * Open a geocoder over the gazetteer file at path.
 * @return 0, or CASUS_EIO / CASUS_EPARSE (diag names the file and the
 *         problem), or CASUS_ENOMEM
 */
CASUS_API int casus_geocoder_open(casus_geocoder **out, const char *path,
                                  casus_diag *diag);

/**
 * A geocoder over the same gazetteer as gc, for another thread.  The
 * gazetteer (the mapped file and the filter built over its names, some
 * milliseconds of work) is shared, read-only; each geocoder keeps the
 * state of its own document.  gc must outlive the new geocoder.
 *
 * @param[out] out  free with casus_geocoder_free()
 * @return 0 or CASUS_ENOMEM
 */
CASUS_API int casus_geocoder_share(casus_geocoder **out,
                                   const casus_geocoder *gc);

/** casus_geocoder_free(NULL) is a harmless no-op. */
CASUS_API void casus_geocoder_free(casus_geocoder *gc);

/**
 * Free the memory that grows with the documents: the folded text, its
 * tokens and the places.  The places of the last document are invalid
 * afterwards.  casus_coder_trim() calls this for its geocoder.
 * casus_geocoder_trim(NULL) is a harmless no-op.
 */
CASUS_API void casus_geocoder_trim(casus_geocoder *gc);

/**
 * Find and resolve the place names of one document.
 * @param places_out  owned by the geocoder, valid until the next call
 * @return 0, CASUS_ENOMEM, or CASUS_ETOOBIG for a text of 4 GB or more
 */
CASUS_API int casus_geocoder_places(casus_geocoder *gc, const casus_doc *doc,
                                    const casus_place **places_out,
                                    size_t *count_out);

/**
 * Where an action told in bytes [start, end) of the last document given
 * to casus_geocoder_places() happened, by the rules of doc/places.md: a
 * place named there after a locative word, else a town named there that
 * is not a capital (a capital often speaks for its government: "Belgrade
 * accused ..."), else the dateline's place, else the document's main
 * place.
 * @return one of that call's places, or NULL when the document has none
 */
CASUS_API const casus_place *casus_geocoder_locate(const casus_geocoder *gc,
                                                   size_t start, size_t end);

/** Copy place p into an event's location (event.h). */
CASUS_API void casus_place_location(const casus_place *p,
                                    casus_location *out);

/**
 * Write one mention record (doc/records.md) for place p of doc, with a
 * newline, into buf.  Returns the length the record needs without the
 * NUL: when that is >= cap, grow buf and call again.
 */
CASUS_API size_t casus_place_format(char *buf, size_t cap,
                                    const casus_doc *doc,
                                    const casus_place *p);

#ifdef __cplusplus
}
#endif

#endif
