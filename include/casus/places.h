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

#include <stdint.h>

#include "common.h"
#include "doc.h"

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
} casus_place;

/**
 * Open a geocoder over the gazetteer file at path.
 * @return 0, or CASUS_EIO / CASUS_EPARSE (diag names the file and the
 *         problem), or CASUS_ENOMEM
 */
CASUS_API int casus_geocoder_open(casus_geocoder **out, const char *path,
                                  casus_diag *diag);

/** casus_geocoder_free(NULL) is a harmless no-op. */
CASUS_API void casus_geocoder_free(casus_geocoder *gc);

/**
 * Find and resolve the place names of one document.
 * @param places_out  owned by the geocoder, valid until the next call
 * @return 0, CASUS_ENOMEM, or CASUS_ETOOBIG for a text of 4 GB or more
 */
CASUS_API int casus_geocoder_places(casus_geocoder *gc, const casus_doc *doc,
                                    const casus_place **places_out,
                                    size_t *count_out);

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
