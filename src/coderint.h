/*
 * coderint.h - the coder's private state (library-internal)
 *
 * Shared by coder.c (coding), explain.c (the human-readable trace) and
 * validate.c (TABARI and PETRARCH validation records).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_CODERINT_H
#define CASUS_CODERINT_H

#include "casus/coder.h"
#include "parse.h"
#include "text.h"

/* An actor chosen as source or target: a mention (with its compound when
 * it heads one), or a DEFAULT: code. */
typedef struct sel {
    int m;              /* mention, or -1 */
    int c;              /* compound, or -1 */
    const char *def;    /* default code, or NULL */
} sel;

/* Which verb and which dictionary line produced an event. */
typedef struct verb_hit {
    uint16_t unit;      /* verb unit in the parse */
    const char *file;   /* pattern or verb line */
    uint32_t line;
    bool pattern;       /* a pattern fired (else the root code) */
    bool subordinate;   /* code ended in '?' */
    bool dominant;      /* code ended in '!' */
    bool negated;       /* a negator stands right before the verb */
} verb_hit;

typedef struct cand_event {
    char source[CASUS_ACTOR_MAX];
    char target[CASUS_ACTOR_MAX];
    char code[16];
    int16_t src_m, tgt_m;   /* mentions, -1 for defaults */
    uint16_t clause;
    verb_hit hit;
} cand_event;

enum { VR_NONE = 0, VR_EVENT, VR_DISCARD, VR_COMPLEX,
       VR_DENIED };     /* a denied verb that codes nothing: the clause's
                           action was refused, not done */
enum { SENT_EVENTS = 0, SENT_DISCARD, SENT_COMPLEX, SENT_SHORT };

struct casus_coder {
    const casus_dict *dict;
    parse_state ps;
    cand_event *cands;      /* events of the current sentence */
    size_t n_cands, cands_cap;
    casus_event *events;    /* events of the current document */
    size_t n_events, events_cap;
    size_t (*spans)[2];     /* sentence spans of the current document */
    size_t n_spans, spans_cap;
    text_spans sents;
    strbuf explain;
    strbuf fold;
    casus_geocoder *geocoder;   /* borrowed, or NULL: no places */
    const casus_place *places;  /* of the current document */
    size_t n_places;
};

/* Parse and code one sentence; the kept events are c->cands. */
int coder_sentence(casus_coder *c, const char *text, size_t len,
                   int32_t date, int *status);

/* "YYYY-MM-DD" as yyyymmdd; 0 for NULL or anything else. */
int32_t coder_iso_date(const char *date);

/* Append c->cands to c->events as records of document doc_id. */
int coder_emit(casus_coder *c, const char *doc_id, int sentence,
               const char *date);

#endif
