/*
 * dict.h - dictionaries: actors, agents, verbs, discards and options
 *
 * A dictionary set is built by loading files in TABARI's formats (.actors,
 * .agents, .verbs, .options, or a .project naming them) or PETRARCH-2's
 * (CAMEO.2.0-style verbs, Phoenix actors, agents and discards), as
 * specified in doc/dict-format.md.  Files load unchanged.
 *
 * Threading: load everything first, from one thread.  After that a
 * dictionary is immutable and any number of coders on any threads may
 * share it.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_DICT_H
#define CASUS_DICT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct casus_dict casus_dict;

/**
 * Create an empty dictionary set.
 * @param[out] out  owned by the caller; free with casus_dict_free()
 * @return 0 or CASUS_ENOMEM
 */
CASUS_API int casus_dict_new(casus_dict **out);

/**
 * Load one file into the set.  The kind is taken from the file name
 * (.project, .actors, .agents, .verbs, .options, discards) and, for
 * PETRARCH files, from their content.  A .project loads the files it
 * names, relative to its own folder.
 *
 * Bad lines are reported through `diag` and skipped; loading continues.
 *
 * @param d     the set; must not yet be used by a coder
 * @param path  file to read
 * @param diag  optional; receives the first problem found (file:line)
 * @return 0 when every line loaded; CASUS_EPARSE when some lines were
 *         skipped (the rest is loaded); CASUS_ENOTFOUND, CASUS_EIO or
 *         CASUS_ENOMEM when the file could not be loaded at all
 */
CASUS_API int casus_dict_load(casus_dict *d, const char *path,
                              casus_diag *diag);

/**
 * Callback for every problem met while loading (not only the first).
 * Set it before casus_dict_load().  `payload` is handed back unchanged.
 */
typedef void (*casus_diag_fn)(const casus_diag *diag, void *payload);
CASUS_API void casus_dict_on_problem(casus_dict *d, casus_diag_fn fn,
                                     void *payload);

/** Counts of loaded entries, for reports. */
typedef struct casus_dict_stats {
    size_t actors, agents, verbs, patterns, discards, problems;
} casus_dict_stats;

CASUS_API void casus_dict_get_stats(const casus_dict *d,
                                    casus_dict_stats *out);

/** casus_dict_free(NULL) is a harmless no-op. */
CASUS_API void casus_dict_free(casus_dict *d);

#ifdef __cplusplus
}
#endif
#endif
