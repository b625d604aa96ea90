/*
 * pipeline.c - coding documents on worker threads, writing them in order
 *
 * The threaded half of `casus code` (pipeline.h is the interface):
 * batches of records copied for the workers, the ring that carries them
 * between the main thread and the workers, the workers with their
 * parsers, coders and geocoders, and the hand-over of the coded
 * documents and the messages, in input order, to the writer.  It touches neither stdout nor the store:
 * they are the writer's, on the main thread.  How it works: "The
 * pipeline" below.
 *
 * SPDX-License-Identifier: MIT
 */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pipeline.h"

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

/* A batch holds up to BATCH_DOCS documents, fewer when their text reaches
 * BATCH_BYTES.  A batch is what the threads hand each other, so it must
 * be large enough that the hand-over (a mutex and a wake-up, some
 * microseconds) is nothing beside coding it: 64 news articles of some
 * 3 KB take about 45 ms on one core.  And small enough that memory stays
 * small (a batch with its records is about 1 MB) and that the last batch
 * of a run does not leave the other threads idle for long. */
#define BATCH_DOCS 64
#define BATCH_BYTES (256u * 1024)

/* A document larger than this is coded alone (pipeline_add). */
#define ALONE_BYTES (4u << 20)

#define NO_STR SIZE_MAX /* offset of an absent string */

/* One record of a batch.  Its strings are offsets into batch.strs,
 * which may move while the batch fills.  The reader fills the first
 * part: the record as read, or why the reader refused it.  The worker
 * fills the rest: the document parsed from it (or why it was rejected),
 * and what coding it gave. */
typedef struct batch_doc {
    size_t rec, rec_len;   /* the record's bytes */
    size_t name;           /* its input's name */
    long line;             /* and line (0 for a text document) */
    casus_input_kind kind;
    size_t id, text, title, source, url; /* offsets; NO_STR when absent */
    size_t text_len;
    char date[11];
    pipeline_failure failure;
    int error;             /* casus_coder_code()'s, with
                              PIPELINE_CODER_FAILED */
    long diag_line, diag_column; /* with a message: where */
    size_t diag_msg;       /* and why; NO_STR without one */
    size_t out_len;        /* bytes of its records in batch.out */
    size_t n_events, n_sentences, n_places; /* its items in the arrays */
} batch_doc;

/* Records in input order and, once parsed and coded, what the writer
 * needs of each: its output (JSONL events, mention records) or why it
 * was rejected, and copies of its events, sentences and places, for TSV
 * (whose GLOBALEVENTID only the writer knows) and for the store.  The
 * items of document i follow those of documents 0..i-1 in each array.
 * Buffers are allocated once and grown, and a batch is reused for the
 * whole run, shrinking only after a very large document (batch_clear);
 * every pointer is non-NULL from batch_init() to batch_dispose(). */
typedef struct batch {
    batch_doc *docs;
    size_t n_docs, docs_cap;
    char *strs;            /* the records, their input names, the
                              documents' strings and the messages, each
                              NUL-terminated */
    size_t strs_len, strs_cap;
    char *out;             /* records, document after document */
    size_t out_len, out_cap;
    casus_event *events;   /* ev.doc points into strs */
    size_t n_events, events_cap;
    size_t (*sentences)[2];
    size_t n_sentences, sentences_cap;
    casus_place *places;   /* name and admin1 borrowed from the geocoder
                              of the worker that coded the batch */
    size_t n_places, places_cap;
    bool coded;            /* set by the worker; guarded by the queue lock */
} batch;

/*
 * The batches between the reader, the workers and the writer, in input
 * order.  Batch k of the run sits in slots[k % n_slots].  The counters
 * split the ring into parts, each owned by one side:
 *
 *   [n_written, n_taken)  taken by a worker: being coded, or coded and
 *                         waiting to be written (then `coded` is set)
 *   [n_taken, n_pushed)   filled, waiting for a worker
 *   n_pushed              being filled by the reader, while
 *                         n_pushed - n_written < n_slots
 *
 * n_written <= n_taken <= n_pushed <= n_written + n_slots.  The reader
 * and the writer are both the main thread: it alone changes n_pushed
 * (under the lock) and n_written; the workers change n_taken (under the
 * lock).  Who owns a batch may touch it without the lock; ownership
 * passes with a counter or `coded` under the lock, which also publishes
 * the batch's contents.  A full ring stops the reader until the oldest
 * batch is written, so memory is bounded however long the input.
 */
typedef struct batch_queue {
    pthread_mutex_t lock;
    pthread_cond_t filled;  /* a batch was pushed, or the queue closed */
    pthread_cond_t coded;   /* a worker coded a batch */
    batch *slots;           /* NULL before queue_init() */
    size_t n_slots;
    unsigned long long n_pushed, n_taken, n_written;
    bool closed;            /* nothing more will be pushed */
} batch_queue;

/* What one thread codes with.  A parser, a coder and a geocoder all hold
 * the state of the document being coded, so each worker has its own; the
 * dictionary is shared. */
typedef struct code_worker {
    casus_parser *parser;
    casus_coder *coder;
    casus_geocoder *geo;   /* NULL without pipeline_open_gazetteer() */
    pipeline *pl;          /* its queue, and the records to make */
    pthread_t thread;      /* with one worker there is no thread */
} code_worker;

struct pipeline {
    pipeline_opts opts;    /* never changed after pipeline_new() */
    code_worker *workers;  /* opts.n_workers; with one, the main thread
                              uses workers[0] itself */
    size_t n_threads;      /* worker threads running: 0 with one worker */
    batch_queue queue;
    size_t batch_docs;     /* documents per batch */
    batch *filling;        /* the batch being filled, or NULL */
    int stopped;           /* 0, or the writer's status that stopped the
                              run: nothing more is written */
};

/* ------------------------------------------------------------------ */
/* Batches                                                             */
/* ------------------------------------------------------------------ */

/* Documents per batch: BATCH_DOCS, or the environment variable
 * CASUS_BATCH_DOCS when it is a number from 1 to 65536.  The variable
 * is a knob for tests (tests/cli/code_jobs*.sh make a small corpus span
 * many batches) and for tuning; it is not documented for users, and any
 * other value is ignored. */
static size_t batch_docs(void)
{
    const char *s = getenv("CASUS_BATCH_DOCS");
    if (s == NULL || s[0] < '1' || s[0] > '9')
        return BATCH_DOCS;
    char *end;
    errno = 0;
    const unsigned long v = strtoul(s, &end, 10);
    return errno == 0 && *end == '\0' && v <= 65536 ? (size_t)v : BATCH_DOCS;
}

static void batch_init(batch *b, size_t n_docs)
{
    *b = (batch){ 0 };
    b->docs = cli_xgrow(NULL, &b->docs_cap, n_docs, sizeof(*b->docs));
    b->strs = cli_xgrow(NULL, &b->strs_cap, 64 * 1024, 1);
    b->out = cli_xgrow(NULL, &b->out_cap, 64 * 1024, 1);
    b->events = cli_xgrow(NULL, &b->events_cap, 256, sizeof(*b->events));
    b->sentences = cli_xgrow(NULL, &b->sentences_cap, 256,
                             sizeof(*b->sentences));
    b->places = cli_xgrow(NULL, &b->places_cap, 64, sizeof(*b->places));
}

static void batch_dispose(batch *b)
{
    free(b->docs);
    free(b->strs);
    free(b->out);
    free(b->events);
    free(b->sentences);
    free(b->places);
    *b = (batch){ 0 };
}

/* Empty b for the next batch.  It keeps its buffers, unless a very large
 * document grew them past what batches of ordinary news need: those are
 * given back (main.c has glibc return such blocks to the system). */
static void batch_clear(batch *b)
{
    if (b->strs_cap > 2 * ALONE_BYTES || b->out_cap > 4 * ALONE_BYTES ||
        b->events_cap * sizeof(*b->events) > 4 * ALONE_BYTES ||
        b->places_cap * sizeof(*b->places) > ALONE_BYTES ||
        b->sentences_cap * sizeof(*b->sentences) > ALONE_BYTES) {
        const size_t n_docs = b->docs_cap;
        batch_dispose(b);
        batch_init(b, n_docs);
        return;
    }
    b->n_docs = b->strs_len = b->out_len = 0;
    b->n_events = b->n_sentences = b->n_places = 0;
}

/* Copy len bytes of s and a NUL into b->strs.
 * @return the copy's offset, or NO_STR when s is NULL */
static size_t batch_add_str(batch *b, const char *s, size_t len)
{
    if (s == NULL)
        return NO_STR;
    const size_t at = b->strs_len;
    b->strs = cli_xgrow(b->strs, &b->strs_cap, at + len + 1, 1);
    memcpy(b->strs + at, s, len);
    b->strs[at + len] = '\0';
    b->strs_len = at + len + 1;
    return at;
}

/* A new entry at the end of b. */
static batch_doc *batch_push(batch *b)
{
    b->docs = cli_xgrow(b->docs, &b->docs_cap, b->n_docs + 1,
                        sizeof(*b->docs));
    batch_doc *d = &b->docs[b->n_docs++];
    *d = (batch_doc){ .rec = NO_STR, .name = NO_STR, .id = NO_STR,
                      .text = NO_STR, .title = NO_STR, .source = NO_STR,
                      .url = NO_STR, .diag_msg = NO_STR };
    return d;
}

/* Copy rec into b: the reader's buffer is reused at its next record. */
static void batch_add_record_read(batch *b, const casus_record *rec)
{
    batch_doc *d = batch_push(b);
    d->rec = batch_add_str(b, rec->data, rec->len);
    d->rec_len = rec->len;
    d->name = batch_add_str(b, rec->name, strlen(rec->name));
    d->line = rec->line;
    d->kind = rec->kind;
}

/* Keep diag, why the record of entry d was rejected, in b; failure is
 * PIPELINE_REJECTED or, for a message that is about no record,
 * PIPELINE_NOTICE. */
static void batch_set_message(batch *b, batch_doc *d, const casus_diag *diag,
                              pipeline_failure failure)
{
    /* a parse error names the record's input, whose copy d has; the
     * reader's refusal comes before there is a record */
    if (d->name == NO_STR) {
        const char *file = diag->file ? diag->file : "";
        d->name = batch_add_str(b, file, strlen(file));
    }
    d->failure = failure;
    d->diag_line = diag->line;
    d->diag_column = diag->column;
    d->diag_msg = batch_add_str(b, diag->msg, strlen(diag->msg));
}

/* Offset in b->strs of s: s itself when it lies in b->strs already (the
 * text of a text document is its record), else a copy. */
static size_t batch_keep_str(batch *b, const char *s, size_t len)
{
    if (s != NULL && s >= b->strs && s < b->strs + b->strs_len)
        return (size_t)(s - b->strs);
    return batch_add_str(b, s, len);
}

/* Keep the strings of doc, parsed from entry d's record, in b: they live
 * in the worker's parser only until its next record. */
static void batch_set_doc(batch *b, batch_doc *d, const casus_doc *doc)
{
    d->id = batch_keep_str(b, doc->id, strlen(doc->id));
    d->text = batch_keep_str(b, doc->text, doc->text_len);
    d->title = batch_keep_str(b, doc->title,
                              doc->title ? strlen(doc->title) : 0);
    d->source = batch_keep_str(b, doc->source,
                               doc->source ? strlen(doc->source) : 0);
    d->url = batch_keep_str(b, doc->url, doc->url ? strlen(doc->url) : 0);
    d->text_len = doc->text_len;
    memcpy(d->date, doc->date, sizeof(d->date));
}

static const char *batch_str(const batch *b, size_t at)
{
    return at == NO_STR ? NULL : b->strs + at;
}

/* The record of entry i of b, its strings borrowed from b. */
static void batch_get_record(const batch *b, size_t i, casus_record *out)
{
    const batch_doc *d = &b->docs[i];
    *out = (casus_record){ .data = batch_str(b, d->rec), .len = d->rec_len,
                           .name = batch_str(b, d->name), .line = d->line,
                           .kind = d->kind };
}

/* Document i of b, its strings borrowed from b until batch_clear(). */
static void batch_get_doc(const batch *b, size_t i, casus_doc *out)
{
    const batch_doc *d = &b->docs[i];
    *out = (casus_doc){
        .id = d->id == NO_STR ? "" : batch_str(b, d->id),
        .text = d->text == NO_STR ? "" : batch_str(b, d->text),
        .text_len = d->text_len,
        .title = batch_str(b, d->title),
        .source = batch_str(b, d->source),
        .url = batch_str(b, d->url),
    };
    memcpy(out->date, d->date, sizeof(out->date));
}

/* Append the JSONL record of event ev to b->out. */
static void batch_add_event(batch *b, const casus_event *ev)
{
    size_t room = b->out_cap - b->out_len;
    size_t n = casus_event_format(b->out + b->out_len, room, ev,
                                  CASUS_FORMAT_JSONL, 0);
    if (n >= room) {
        b->out = cli_xgrow(b->out, &b->out_cap, b->out_len + n + 1, 1);
        n = casus_event_format(b->out + b->out_len, n + 1, ev,
                               CASUS_FORMAT_JSONL, 0);
    }
    b->out_len += n;
}

/* Append the mention record of place p of doc to b->out.
 * @return false when it could not be made (out of memory) */
static bool batch_add_mention(batch *b, const casus_doc *doc,
                              const casus_place *p)
{
    size_t room = b->out_cap - b->out_len;
    size_t n = casus_place_format(b->out + b->out_len, room, doc, p);
    if (n >= room) {
        b->out = cli_xgrow(b->out, &b->out_cap, b->out_len + n + 1, 1);
        n = casus_place_format(b->out + b->out_len, n + 1, doc, p);
    }
    b->out_len += n;
    return n > 0;
}

/* Copy what the coder holds of its last document, which is d of b. */
static void batch_keep(batch *b, batch_doc *d, const casus_coder *coder,
                       const casus_event *events, size_t n_events)
{
    size_t n_sentences, n_places;
    const size_t (*sentences)[2] = casus_coder_sentences(coder,
                                                         &n_sentences);
    const casus_place *places = casus_coder_places(coder, &n_places);

    b->events = cli_xgrow(b->events, &b->events_cap,
                          b->n_events + n_events, sizeof(*b->events));
    if (n_events > 0)
        memcpy(b->events + b->n_events, events, n_events * sizeof(*events));
    d->n_events = n_events;
    b->n_events += n_events;

    b->sentences = cli_xgrow(b->sentences, &b->sentences_cap,
                             b->n_sentences + n_sentences,
                             sizeof(*b->sentences));
    if (n_sentences > 0)
        memcpy(b->sentences + b->n_sentences, sentences,
               n_sentences * sizeof(*sentences));
    d->n_sentences = n_sentences;
    b->n_sentences += n_sentences;

    b->places = cli_xgrow(b->places, &b->places_cap,
                          b->n_places + n_places, sizeof(*b->places));
    if (n_places > 0)
        memcpy(b->places + b->n_places, places, n_places * sizeof(*places));
    d->n_places = n_places;
    b->n_places += n_places;
}

/* ------------------------------------------------------------------ */
/* Coding                                                              */
/* ------------------------------------------------------------------ */

/* Parse the records of b with the parser of w and code them with its
 * coder, keeping for each what the writer needs: a record the parser
 * rejects keeps why, as one the reader refused does.  Stops at a document
 * that fails: the writer stops there too, so the documents after it are
 * never looked at. */
static void code_batch(code_worker *w, batch *b)
{
    const pipeline_opts *o = &w->pl->opts;

    for (size_t i = 0; i < b->n_docs; i++) {
        batch_doc *d = &b->docs[i];
        casus_doc doc;
        const casus_event *events;
        size_t n_events;

        if (d->failure != PIPELINE_CODED)
            continue;               /* refused by the reader, or a notice */
        casus_record rec;
        casus_diag diag = CASUS_DIAG_INIT;
        batch_get_record(b, i, &rec);
        d->error = casus_parser_parse(w->parser, &rec, &doc, &diag);
        if (d->error == CASUS_EPARSE) {
            batch_set_message(b, d, &diag, PIPELINE_REJECTED);
            continue;
        }
        if (d->error < 0) {
            d->failure = PIPELINE_CODER_FAILED;
            break;
        }
        batch_set_doc(b, d, &doc);
        batch_get_doc(b, i, &doc);
        const size_t out_start = b->out_len;
        d->error = casus_coder_code(w->coder, &doc, &events, &n_events);
        if (d->error < 0) {
            d->failure = PIPELINE_CODER_FAILED;
            break;
        }
        if (o->event_records)
            for (size_t k = 0; k < n_events; k++)
                batch_add_event(b, &events[k]);
        batch_keep(b, d, w->coder, events, n_events);
        if (o->mention_records) {
            const casus_place *places = b->places + b->n_places - d->n_places;
            for (size_t k = 0; k < d->n_places; k++)
                if (!batch_add_mention(b, &doc, &places[k])) {
                    d->failure = PIPELINE_MENTION_FAILED;
                    break;
                }
        }
        d->out_len = b->out_len - out_start;
        /* everything of it is copied: the coder need not keep the
         * memory of a very large document (casus_coder_trim) */
        if (doc.text_len > ALONE_BYTES)
            casus_coder_trim(w->coder);
        if (d->failure != PIPELINE_CODED)
            break;
    }
    /* The events name their document by a pointer into b->strs, which
     * the documents kept after theirs may have moved: point them again. */
    casus_event *ev = b->events;
    for (size_t i = 0; i < b->n_docs; i++) {
        for (size_t k = 0; k < b->docs[i].n_events; k++)
            ev[k].doc = b->strs + b->docs[i].id;
        ev += b->docs[i].n_events;
    }
}

/* ------------------------------------------------------------------ */
/* The pipeline                                                        */
/* ------------------------------------------------------------------ */

/*
 * How it works.  The main thread reads records and copies them into
 * batches (pipeline_add()); worker threads parse and code whole batches,
 * formatting
 * the records that do not depend on what came before (JSONL events,
 * place mentions); the main thread hands the coded documents to the
 * writer strictly in input order, so only it touches stdout and the
 * store.  What depends on the documents before is left to the writer
 * (cmd_code.c numbers the TSV rows as it writes them), since a worker
 * cannot know how many events came before its batch.  So the output does
 * not depend on the number of threads or on which thread was quicker.
 *
 * Reading and writing take turns in the main thread: after each batch it
 * hands over, it writes every batch that is coded by then, and when the
 * ring is full it waits for the oldest batch to be coded and writes it.
 * The ring has 2 * n_workers + 1 slots: one being filled, one being
 * coded by each worker, and as many again coded behind a slower, older
 * batch.  Memory is thus bounded by the ring, whatever the length of the
 * input.
 *
 * With one worker (-j 1) there is no thread and the ring has one slot:
 * the main thread codes each batch itself when it hands it over, with
 * the same code, so -j 1 is the same program on one thread.
 *
 * A record can be rejected by the reader (too long) or by a worker's
 * parser (bad JSON, no id, bad UTF-8).  Either way it keeps its place in
 * its batch with the reason (PIPELINE_REJECTED), and the writer reports
 * it in input order: the diagnostics on stderr come out in the same order
 * for any number of threads, and a run that stops reports and counts the
 * rejects before the document it stopped at and no other.  Parsing on the
 * workers leaves the main thread only reading and writing, so that it is
 * not what bounds a run with many threads.
 */

/* @return 0 or an errno value */
static int queue_init(batch_queue *q, size_t n_slots, size_t n_docs)
{
    *q = (batch_queue){ .n_slots = n_slots };
    int error = pthread_mutex_init(&q->lock, NULL);
    if (error == 0 && (error = pthread_cond_init(&q->filled, NULL)) != 0)
        pthread_mutex_destroy(&q->lock);
    if (error == 0 && (error = pthread_cond_init(&q->coded, NULL)) != 0) {
        pthread_cond_destroy(&q->filled);
        pthread_mutex_destroy(&q->lock);
    }
    if (error != 0)
        return error;
    q->slots = cli_xmalloc(n_slots * sizeof(*q->slots));
    for (size_t i = 0; i < n_slots; i++)
        batch_init(&q->slots[i], n_docs);
    return 0;
}

/* A no-op on a queue that queue_init() did not set up. */
static void queue_dispose(batch_queue *q)
{
    if (q->slots == NULL)
        return;
    for (size_t i = 0; i < q->n_slots; i++)
        batch_dispose(&q->slots[i]);
    free(q->slots);
    pthread_cond_destroy(&q->coded);
    pthread_cond_destroy(&q->filled);
    pthread_mutex_destroy(&q->lock);
    *q = (batch_queue){ 0 };
}

/* Reader: the slot of the next batch, or NULL while the ring is full. */
static batch *queue_free_slot(batch_queue *q)
{
    if (q->n_pushed - q->n_written == q->n_slots)
        return NULL;
    return &q->slots[q->n_pushed % q->n_slots];
}

/* Reader: hand the batch of slot n_pushed to the workers. */
static void queue_push(batch_queue *q)
{
    assert(q->n_pushed - q->n_written < q->n_slots);
    pthread_mutex_lock(&q->lock);
    q->slots[q->n_pushed % q->n_slots].coded = false;
    q->n_pushed++;
    pthread_cond_signal(&q->filled);
    pthread_mutex_unlock(&q->lock);
}

/* Worker: the oldest batch waiting to be coded, waiting for one to be
 * pushed; NULL once the queue is closed and has none left. */
static batch *queue_take(batch_queue *q)
{
    batch *b = NULL;
    pthread_mutex_lock(&q->lock);
    while (q->n_taken == q->n_pushed && !q->closed)
        pthread_cond_wait(&q->filled, &q->lock);
    if (q->n_taken < q->n_pushed)
        b = &q->slots[q->n_taken++ % q->n_slots];
    pthread_mutex_unlock(&q->lock);
    return b;
}

/* Worker: b, taken with queue_take(), is coded; it goes to the writer. */
static void queue_done(batch_queue *q, batch *b)
{
    pthread_mutex_lock(&q->lock);
    b->coded = true;
    pthread_cond_signal(&q->coded);
    pthread_mutex_unlock(&q->lock);
}

/* Writer: the oldest batch not yet written, once it is coded.  With wait,
 * wait until it is; without, NULL when it is not coded yet.  NULL too
 * when every batch pushed has been written. */
static batch *queue_oldest(batch_queue *q, bool wait)
{
    if (q->n_written == q->n_pushed)
        return NULL;
    batch *b = &q->slots[q->n_written % q->n_slots];
    pthread_mutex_lock(&q->lock);
    while (wait && !b->coded)
        pthread_cond_wait(&q->coded, &q->lock);
    const bool coded = b->coded;
    pthread_mutex_unlock(&q->lock);
    return coded ? b : NULL;
}

/* Writer: the oldest batch is written; its slot goes back to the reader.
 * Only the main thread reads n_written, so no lock is needed. */
static void queue_release(batch_queue *q)
{
    batch_clear(&q->slots[q->n_written % q->n_slots]);
    q->n_written++;
}

/* Reader: nothing more will be pushed.  With drop, the batches that no
 * worker has taken yet are dropped; the workers finish the ones they
 * have. */
static void queue_close(batch_queue *q, bool drop)
{
    pthread_mutex_lock(&q->lock);
    q->closed = true;
    if (drop)
        q->n_pushed = q->n_taken;
    pthread_cond_broadcast(&q->filled);
    pthread_mutex_unlock(&q->lock);
}

static void *worker_main(void *payload)
{
    code_worker *w = payload;
    batch *b;
    while ((b = queue_take(&w->pl->queue)) != NULL) {
        code_batch(w, b);
        queue_done(&w->pl->queue, b);
    }
    return NULL;
}

/* With more than one worker, start a thread per worker.
 * @return 0, or CLI_EXIT_FAILURE after printing why */
static int start_workers(pipeline *pl)
{
    if (pl->opts.n_workers == 1)
        return 0;
    for (size_t k = 0; k < pl->opts.n_workers; k++) {
        code_worker *w = &pl->workers[k];
        int error = pthread_create(&w->thread, NULL, worker_main, w);
        if (error != 0) {
            fprintf(stderr, "casus: cannot start a thread: %s\n",
                    strerror(error));
            return CLI_EXIT_FAILURE;
        }
        pl->n_threads++;
    }
    return 0;
}

/* Close the queue and wait for the workers to finish.  With drop, the
 * batches not yet taken are dropped.  A no-op when no thread runs. */
static void stop_workers(pipeline *pl, bool drop)
{
    if (pl->n_threads == 0)
        return;
    queue_close(&pl->queue, drop);
    for (size_t k = 0; k < pl->n_threads; k++)
        pthread_join(pl->workers[k].thread, NULL);
    pl->n_threads = 0;
}

/* Write the documents of coded batch b, in order, with the writer; a
 * document that failed is the last one written.
 * @return 0, or the writer's status when the run must stop */
static int write_batch(pipeline *pl, const batch *b)
{
    const char *out = b->out;
    const casus_event *events = b->events;
    const size_t (*sentences)[2] = (const size_t (*)[2])b->sentences;
    const casus_place *places = b->places;

    for (size_t i = 0; i < b->n_docs; i++) {
        const batch_doc *d = &b->docs[i];
        pipeline_doc pd = {
            .failure = d->failure,
            .error = d->error,
            .records = out,
            .records_len = d->out_len,
            .events = events,
            .n_events = d->n_events,
            .sentences = sentences,
            .n_sentences = d->n_sentences,
            .places = places,
            .n_places = d->n_places,
        };
        batch_get_doc(b, i, &pd.doc);
        if (d->diag_msg != NO_STR) {
            pd.message = (casus_diag){ .file = batch_str(b, d->name),
                                       .line = d->diag_line,
                                       .column = d->diag_column };
            snprintf(pd.message.msg, sizeof(pd.message.msg), "%s",
                     batch_str(b, d->diag_msg));
        }
        const int status = pl->opts.write(&pd, pl->opts.payload);
        assert(status != 0 || d->failure == PIPELINE_CODED ||
               d->failure == PIPELINE_REJECTED ||
               d->failure == PIPELINE_NOTICE);
        if (status != 0)
            return status;
        out += d->out_len;
        events += d->n_events;
        sentences += d->n_sentences;
        places += d->n_places;
    }
    return 0;
}

/* Write the oldest batches in input order: wait for each of the first
 * n_wait of them to be coded, then go on while the next one is coded
 * already.  A failure stops the run: nothing more is written.
 * @return 0, or the writer's status when the run must stop */
static int write_coded(pipeline *pl, unsigned long long n_wait)
{
    batch *b;
    while ((b = queue_oldest(&pl->queue, n_wait > 0)) != NULL) {
        if (n_wait > 0)
            n_wait--;
        const int status = write_batch(pl, b);
        queue_release(&pl->queue);
        if (status != 0) {
            pl->stopped = status;
            return status;
        }
    }
    return 0;
}

/* Hand the batch being filled over to be coded (by the main thread
 * itself with one worker), then write what is coded.
 * @return 0, or the writer's status when the run must stop */
static int hand_over(pipeline *pl)
{
    batch_queue *q = &pl->queue;
    assert(pl->filling != NULL);
    pl->filling = NULL;
    queue_push(q);
    if (pl->n_threads == 0) {
        batch *b = queue_take(q);
        code_batch(&pl->workers[0], b);
        queue_done(q, b);
    }
    return write_coded(pl, 0);
}

/* ---- API -------------------------------------------------------- */

int pipeline_new(pipeline **out, const casus_dict *dict,
                 const pipeline_opts *opts)
{
    assert(opts->n_workers >= 1 && opts->write != NULL);
    pipeline *pl = cli_xmalloc(sizeof(*pl));
    *pl = (pipeline){ .opts = *opts, .batch_docs = batch_docs() };
    pl->workers = cli_xmalloc(opts->n_workers * sizeof(*pl->workers));
    for (size_t k = 0; k < opts->n_workers; k++)
        pl->workers[k] = (code_worker){ .pl = pl };
    *out = NULL;
    for (size_t k = 0; k < opts->n_workers; k++)
        if (casus_parser_new(&pl->workers[k].parser) < 0 ||
            casus_coder_new(&pl->workers[k].coder, dict) < 0) {
            fputs("casus: out of memory\n", stderr);
            pipeline_free(pl);
            return CLI_EXIT_FAILURE;
        }
    *out = pl;
    return 0;
}

int pipeline_open_gazetteer(pipeline *pl, const char *path,
                            casus_diag *diag)
{
    assert(pl->queue.slots == NULL);
    /* one gazetteer, opened once, shared by the workers' geocoders */
    int error = casus_geocoder_open(&pl->workers[0].geo, path, diag);
    for (size_t k = 1; k < pl->opts.n_workers && error == 0; k++)
        error = casus_geocoder_share(&pl->workers[k].geo,
                                     pl->workers[0].geo);
    /* the first geocoder, which owns the gazetteer, goes last */
    for (size_t k = pl->opts.n_workers; k-- > 0;) {
        code_worker *w = &pl->workers[k];
        if (error < 0) {
            casus_geocoder_free(w->geo);
            w->geo = NULL;
        }
        casus_coder_set_geocoder(w->coder, w->geo);
    }
    return error;
}

int pipeline_start(pipeline *pl)
{
    const size_t n_workers = pl->opts.n_workers;
    const size_t n_slots = n_workers == 1 ? 1 : 2 * n_workers + 1;
    int error = queue_init(&pl->queue, n_slots, pl->batch_docs);
    if (error != 0) {
        fprintf(stderr, "casus: %s\n", strerror(error));
        return CLI_EXIT_FAILURE;
    }
    return start_workers(pl);
}

/* Write every batch pushed so far, waiting for each to be coded.
 * @return 0, or the writer's status when the run must stop */
static int write_all(pipeline *pl)
{
    return write_coded(pl, pl->queue.n_pushed - pl->queue.n_written);
}

/* The batch to put the next record into, writing what is coded when
 * every batch is in use.
 * @return 0, or the writer's status when the run must stop */
static int filling(pipeline *pl)
{
    int status;
    if (pl->filling == NULL) {
        if (queue_free_slot(&pl->queue) == NULL &&
            (status = write_coded(pl, 1)) != 0)
            return status;
        pl->filling = queue_free_slot(&pl->queue);
        assert(pl->filling != NULL && pl->filling->n_docs == 0);
    }
    return 0;
}

/* After a record went into the batch being filled: hand the batch over
 * when it is full. */
static int filled(pipeline *pl)
{
    const batch *b = pl->filling;
    if (b->n_docs < pl->batch_docs && b->strs_len < BATCH_BYTES)
        return 0;
    return hand_over(pl);
}

int pipeline_add(pipeline *pl, const casus_record *rec)
{
    int status;
    assert(pl->queue.slots != NULL && pl->stopped == 0);
    /* A very large document is coded alone: what came before it is
     * written first, and what comes after waits until it is written.
     * Its coder's memory (some fifteen times its text) is then the only
     * such amount in use, whatever the number of threads. */
    const bool alone = rec->len > ALONE_BYTES && pl->n_threads > 0;
    if (alone && ((pl->filling != NULL && (status = hand_over(pl)) != 0) ||
                  (status = write_all(pl)) != 0))
        return status;
    if ((status = filling(pl)) != 0)
        return status;
    batch_add_record_read(pl->filling, rec);
    if (alone)
        return (status = hand_over(pl)) != 0 ? status : write_all(pl);
    return filled(pl);
}

int pipeline_add_message(pipeline *pl, const casus_diag *diag,
                         bool rejected)
{
    int status;
    assert(pl->queue.slots != NULL && pl->stopped == 0);
    if ((status = filling(pl)) != 0)
        return status;
    batch *b = pl->filling;
    batch_set_message(b, batch_push(b), diag,
                      rejected ? PIPELINE_REJECTED : PIPELINE_NOTICE);
    return filled(pl);
}

int pipeline_finish(pipeline *pl)
{
    if (!pl->stopped && pl->filling != NULL)
        hand_over(pl);
    if (!pl->stopped)
        write_coded(pl, ULLONG_MAX);
    stop_workers(pl, pl->stopped != 0);
    return pl->stopped;
}

void pipeline_free(pipeline *pl)
{
    if (pl == NULL)
        return;
    stop_workers(pl, true);
    queue_dispose(&pl->queue);
    /* the first geocoder, which owns the gazetteer, goes last */
    for (size_t k = pl->opts.n_workers; k-- > 0;) {
        casus_geocoder_free(pl->workers[k].geo);
        casus_coder_free(pl->workers[k].coder);
        casus_parser_free(pl->workers[k].parser);
    }
    free(pl->workers);
    free(pl);
}
