/*
 * validate.h - run validation records: TABARI projects, PETRARCH XML
 *
 * A validation file pairs sentences with the events they must code to.
 * casus reads TABARI's (a .project naming dictionaries, options and a
 * text file whose records carry their expected events in { } comments)
 * and PETRARCH's (XML <Sentence> records with <EventCoding> elements;
 * parse trees are ignored: casus codes from the text alone).
 *
 * This API is experimental (CASUS_EXPERIMENTAL in spirit): the CLI's
 * `casus validate` is its main user.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_VALIDATE_H
#define CASUS_VALIDATE_H

#include <stdbool.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum casus_vstatus {
    CASUS_V_PASS = 0,   /**< coded exactly as expected */
    CASUS_V_FAIL = 1,   /**< checked and different */
    CASUS_V_OPTION = 2, /**< changed options only, nothing to check */
    CASUS_V_SKIP = 3    /**< no expectations to check */
} casus_vstatus;

/** One record's outcome.  Strings live until the callback returns. */
typedef struct casus_vresult {
    const char *id;         /**< record id */
    const char *text;       /**< the sentence */
    const char *expected;   /**< "ARN GON 064; GON ARN 033", "+++", ... */
    const char *got;        /**< the same form, for what casus coded */
    casus_vstatus status;
    bool standard;          /**< part of the standard suite (TABARI: before
                                 FINAL-01; PETRARCH: valid="true") */
    size_t expected_events; /**< events listed as expected */
    size_t matched_events;  /**< of those, how many casus coded */
} casus_vresult;

typedef void (*casus_vresult_fn)(const casus_vresult *r, void *payload);

/** Totals of a run; `standard_*` count standard-suite records only. */
typedef struct casus_vstats {
    size_t records, checked, passed, failed;
    size_t standard_checked, standard_passed;
    size_t expected_events, matched_events, coded_events;
} casus_vstats;

/**
 * Run a validation file.
 *
 * @param path     a TABARI .project, or PETRARCH XML records (.xml)
 * @param dicts    dictionary files to use instead of those the file names
 *                 (NULL or n_dicts 0: use the file's own)
 * @param n_dicts  number of entries in dicts
 * @param fn       optional; called once per record
 * @param payload  handed to fn
 * @param[out] stats  totals
 * @param diag     optional; the first problem met (file:line)
 * @return 0 when the run completed (records may have failed);
 *         CASUS_ENOTFOUND, CASUS_EPARSE, CASUS_EIO, CASUS_ENOMEM otherwise
 */
CASUS_API int casus_validate(const char *path, const char *const *dicts,
                             size_t n_dicts, casus_vresult_fn fn,
                             void *payload, casus_vstats *stats,
                             casus_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
