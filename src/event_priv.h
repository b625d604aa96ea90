/*
 * event_priv.h - facts about event codes, shared inside the library
 *
 * The store writes the same derived fields (root, QuadClass, Goldstein,
 * PLOVER) as the output formats, so both ask event.c for them here rather
 * than deriving them twice.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_EVENT_PRIV_H
#define CASUS_EVENT_PRIV_H

#include <stddef.h>

#include "casus/event.h"

/* What casus knows about any code string, CAMEO or not. */
typedef struct event_facts {
    char root[3];         /* first two characters when both are digits,
                             else "" */
    int quad;             /* QuadClass 1..4 from the root, 0 when none */
    double goldstein;     /* table value; 0 for a code not in the table */
    const char *plover;   /* static; "" when unknown, never NULL */
    const char *name;     /* static label; "" when unknown, never NULL */
} event_facts;

/* Fill *out for `code`.  A code missing from the table still gets its root
 * and QuadClass from its first two digits. */
void event_facts_get(const char *code, event_facts *out);

/* The whole CAMEO table, sorted by code (strcmp order), roots ("01" ..
 * "20") included.  Static; never NULL. */
const casus_cameo *event_table(size_t *count_out);

#endif
