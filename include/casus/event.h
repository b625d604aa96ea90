/*
 * event.h - coded events, the CAMEO code table, and their output formats
 *
 * A leaf module: it knows the CAMEO event codes (name, root, QuadClass,
 * Goldstein value, PLOVER type) and how to print an event as a JSONL record
 * or a GDELT 2.0 TSV row.  It depends on nothing else in casus.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_EVENT_H
#define CASUS_EVENT_H

#include <stdbool.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Facts about one CAMEO event code.  Entries are static and immutable. */
typedef struct casus_cameo {
    const char *code;     /**< "010", "0874", "173" */
    const char *name;     /**< short label */
    double goldstein;     /**< Goldstein scale value, -10 .. +10 */
    int quad;             /**< QuadClass 1..4 */
    const char *plover;   /**< PLOVER event type, e.g. "ARREST" */
} casus_cameo;

/**
 * Look up a CAMEO event code.
 * @return the static entry, or NULL when code is not a CAMEO code
 */
CASUS_API const casus_cameo *casus_cameo_lookup(const char *code);

#define CASUS_ACTOR_MAX 48  /**< bytes for an actor code, NUL included */
#define CASUS_TEXT_MAX 128  /**< bytes kept of an actor's words */

/** Where an event happened: a gazetteer place (doc/places.md). */
typedef struct casus_location {
    char name[96];          /**< the gazetteer's name; "" when the event
                                 has no place */
    char country[4];        /**< CAMEO country code ("SRB", "KSV"), or ""
                                 for a continent */
    char iso2[3];           /**< ISO 3166-1 alpha-2 ("XK": Kosovo) */
    char adm1[16];          /**< GeoNames first-level division,
                                 "CC.code" ("US.CA"); "" when none */
    char feature[7];        /**< GeoNames feature code ("PPLC", "PCLI") */
    double lat, lon;        /**< degrees */
    unsigned long geonames; /**< GeoNames id; 0 for a country entry */
} casus_location;

/** One coded event. */
typedef struct casus_event {
    const char *doc;                    /**< document id; borrowed */
    int sentence;                       /**< 0-based sentence index */
    char date[11];                      /**< "YYYY-MM-DD" or "" */
    char code[8];                       /**< CAMEO code, digits only */
    char source[CASUS_ACTOR_MAX];       /**< actor code or "" */
    char target[CASUS_ACTOR_MAX];
    char source_text[CASUS_TEXT_MAX];   /**< words coded as the source */
    char target_text[CASUS_TEXT_MAX];
    bool negated;                       /**< the sentence denies it */
    unsigned killed;                    /**< people reported killed in the
                                             event's sentence; 0 when none
                                             is reported */
    unsigned wounded;                   /**< likewise wounded */
    unsigned arrested;                  /**< likewise arrested */
    unsigned displaced;                 /**< likewise displaced */
    unsigned crowd;                     /**< size of a crowd (protests) */
    casus_location location;            /**< where; location.name is ""
                                             when no place is known */
    const char *rule_file;              /**< dictionary that fired; borrowed
                                             from the dictionary, may be NULL */
    long rule_line;                     /**< its line, 0 when unknown */
} casus_event;

typedef enum casus_format {
    CASUS_FORMAT_JSONL = 0, /**< doc/records.md, one object per line */
    CASUS_FORMAT_TSV = 1    /**< GDELT 2.0 event columns */
} casus_format;

/**
 * Print one event, newline included, snprintf-style.
 *
 * @param buf   destination, may be NULL when cap is 0
 * @param cap   bytes available in buf
 * @param ev    the event
 * @param fmt   output format
 * @param seq   running number used for GLOBALEVENTID in TSV
 * @return the length the full record needs (excluding the NUL); when it is
 *         >= cap, buf holds a truncated record and the caller retries with
 *         a larger buffer
 */
CASUS_API size_t casus_event_format(char *buf, size_t cap,
                                    const casus_event *ev, casus_format fmt,
                                    unsigned long long seq);

/** The TSV header line (GDELT 2.0 column names), newline included. */
CASUS_API const char *casus_event_tsv_header(void);

#ifdef __cplusplus
}
#endif
#endif
