/*
 * pipeline.h - coding documents on worker threads, writing them in order
 *
 * What `casus code` codes with.  The main thread puts documents in with
 * pipeline_add(); coders, on threads of their own with 2 or more
 * workers, code them in batches; the main thread gets each coded
 * document back, in input order, through the writer it gave.  Only the
 * main thread calls the functions below, and the writer runs on it, so
 * the writer alone touches stdout and the store.  How it works:
 * pipeline.c.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_PIPELINE_H
#define CASUS_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "casus/casus.h"

typedef struct pipeline pipeline;

/* What became of a record.  A rejected record is reported and the run
 * goes on; the others stop it there. */
typedef enum pipeline_failure {
    PIPELINE_CODED = 0,
    PIPELINE_REJECTED,      /* refused by the reader or the parser: see
                               pipeline_doc.message */
    PIPELINE_NOTICE,        /* no record: a message about an input (one
                               that could not be opened or read), kept in
                               its place in the input order */
    PIPELINE_CODER_FAILED,  /* parsing or casus_coder_code() failed */
    PIPELINE_MENTION_FAILED /* a mention record could not be made */
} pipeline_failure;

/* A record as the writer gets it, in input order: a coded document, or a
 * rejected record.  Every pointer is borrowed from the pipeline until the
 * writer returns. */
typedef struct pipeline_doc {
    casus_doc doc;         /* the document parsed from the record; id and
                              text "" for a rejected record */
    casus_diag message;    /* with PIPELINE_REJECTED and PIPELINE_NOTICE:
                              where and why */
    pipeline_failure failure;
    int error;             /* casus_coder_code()'s, with
                              PIPELINE_CODER_FAILED */
    const char *records;   /* its JSONL records, records_len bytes: events
                              then mentions; not NUL-terminated */
    size_t records_len;
    const casus_event *events;
    size_t n_events;
    const size_t (*sentences)[2];
    size_t n_sentences;
    const casus_place *places;
    size_t n_places;
} pipeline_doc;

/* The writer: writes coded document d, or reports rejected record d.  It
 * runs on the main thread, once for each record, in input order.
 * @return 0 to go on, or a nonzero status that stops the run; nonzero
 *         for a document that failed (other than rejected) */
typedef int pipeline_write_fn(const pipeline_doc *d, void *payload);

/* How a pipeline codes, and who writes what it coded. */
typedef struct pipeline_opts {
    size_t n_workers;      /* coders, at least 1; with 2 or more each
                              codes on a thread of its own */
    bool event_records;    /* make each event's JSONL record */
    bool mention_records;  /* make each place's mention record */
    pipeline_write_fn *write;
    void *payload;         /* passed to write */
} pipeline_opts;

/*
 * Create a pipeline of opts->n_workers coders over dict, without places,
 * not started.  Documents go CASUS_BATCH_DOCS to a batch when that
 * environment variable is a number from 1 to 65536 (a knob for tests and
 * tuning), else 64.
 *
 * @param[out] out  free with pipeline_free(); NULL on failure
 * @param dict      borrowed; must outlive the pipeline
 * @return 0, or CLI_EXIT_FAILURE after printing why
 */
int pipeline_new(pipeline **out, const casus_dict *dict,
                 const pipeline_opts *opts);

/*
 * Give each worker's coder a geocoder of its own over the gazetteer file
 * at path, so that documents get places and events locations.  Call it
 * at most once, before pipeline_start().
 *
 * @param diag  receives why the gazetteer could not be opened
 * @return 0, or casus_geocoder_open()'s error; then no coder has a
 *         geocoder and the pipeline codes as if this was not called
 */
int pipeline_open_gazetteer(pipeline *pl, const char *path,
                            casus_diag *diag);

/*
 * Make the ring of batches and, with more than one worker, start a
 * thread for each.
 *
 * @return 0, or CLI_EXIT_FAILURE after printing why; then only
 *         pipeline_free() is left to call
 */
int pipeline_start(pipeline *pl);

/*
 * Copy rec, as casus_reader_next_record() gave it, into the batch being
 * filled (the caller may read the next record at once); a worker parses
 * and codes it.  When every batch is in use, first wait for the oldest
 * one to be coded and write it; when rec fills the batch, hand the batch
 * over to be coded and write every record coded by then.
 *
 * @return 0, or the writer's status when the run must stop; then only
 *         pipeline_finish() and pipeline_free() are left to call
 */
int pipeline_add(pipeline *pl, const casus_record *rec);

/* A message takes its place in input order, for the writer to print: a
 * record the reader refused (rejected; diag says where and why), or a
 * notice about an input.  Returns as pipeline_add(). */
int pipeline_add_message(pipeline *pl, const casus_diag *diag,
                         bool rejected);

/*
 * After the last document, or a stop: code and write every document put
 * in (unless the run stopped) and stop the threads.
 *
 * @return 0, or the writer's status that stopped the run
 */
int pipeline_finish(pipeline *pl);

/* Stop the threads, dropping what they have not started coding, and free
 * the pipeline with its coders and geocoders.  pipeline_free(NULL) is a
 * harmless no-op. */
void pipeline_free(pipeline *pl);

#endif
