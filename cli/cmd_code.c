/*
 * cmd_code.c - `casus code`: documents in, events out
 *
 * Reads JSONL or plain-text inputs (stdin when none), codes every
 * document, and writes the events to stdout (JSONL or GDELT TSV) and/or
 * into a SQLite store.  A rejected document is reported on stderr and
 * skipped; the run goes on and the exit status tells.  Ends with one
 * summary line on stderr: "casus: N documents, N sentences, N events,
 * N rejected".
 *
 * With -j N, N worker threads code while the main thread reads and
 * writes; the output is the same for every N.  The threads and the
 * batches they share are in pipeline.c; this file reads the inputs and
 * writes each coded document, in input order, for the pipeline.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pipeline.h"

static const char usage[] =
    "usage: casus code [OPTION]... [INPUT]...\n"
    "Code news documents into CAMEO events.\n"
    "\n"
    "Each INPUT is a JSONL file of documents, or a .txt file holding one\n"
    "document; with no INPUT, or when INPUT is -, JSONL is read from stdin.\n"
    "\n"
    "  --dict FILE         load a dictionary file (.project, .actors,\n"
    "                      .agents, .verbs, .options, ...); repeatable.\n"
    "                      Default: $CASUS_DATA/default.project, else the\n"
    "                      default.project installed with casus\n"
    "  --format jsonl|tsv  event records (jsonl, the default) or GDELT 2.0\n"
    "                      event rows with a header line (tsv)\n"
    "  --db FILE           store documents, sentences and events in this\n"
    "                      SQLite file; then stdout gets events only when\n"
    "                      --format is given too\n"
    "  --mentions          also write a mention record for each place\n"
    "                      name found (JSONL, after the document's events)\n"
    "  --gazetteer FILE    the gazetteer that places and event locations\n"
    "                      come from; default: gen/gazetteer.bin beside\n"
    "                      default.project\n"
    "  --no-places         do not look for places: events get no location\n"
    "  --max-doc BYTES     reject documents larger than this (suffix K, M\n"
    "                      or G allowed; default 16M)\n"
    "  --tolerate-rejects  exit 0 even when documents were rejected\n"
    "  -j, --jobs N        code with N threads (default 1; 0: one per\n"
    "                      CPU); the output is the same for any N\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 all documents coded; 1 a document was rejected or an\n"
    "input could not be read; 2 usage error, dictionary or store failure.\n";

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

#define CODE_JOBS_MAX 256 /* largest -j */

typedef struct code_opts {
    char **dicts;          /* --dict values, borrowed from argv */
    size_t n_dicts;
    char **inputs;         /* INPUT arguments, borrowed from argv */
    size_t n_inputs;
    casus_format format;
    bool to_stdout;        /* write events to stdout */
    const char *db;        /* --db, or NULL */
    bool tolerate_rejects;
    bool mentions;         /* --mentions */
    bool no_places;        /* --no-places */
    const char *gazetteer; /* --gazetteer, or NULL */
    size_t max_doc;        /* 0: the library's default */
    unsigned jobs;         /* -j; 0: one per CPU */
} code_opts;

typedef struct code_run {
    const code_opts *opts;
    pipeline *pl;
    casus_store *store;    /* NULL without --db */
    char *out;             /* TSV record buffer, grown as needed */
    size_t out_cap;
    unsigned long long n_docs, n_sentences, n_events, n_rejected;
    bool input_failed;     /* an input could not be opened or read */
} code_run;

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

/* "4096", "64K", "16M", "1G"; 0 when the text is not such a size. */
static size_t parse_size(const char *s)
{
    char *end;
    errno = 0;
    if (s[0] < '0' || s[0] > '9')
        return 0;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned shift = 0;
    switch (*end) {
    case 'K': case 'k': shift = 10; end++; break;
    case 'M': case 'm': shift = 20; end++; break;
    case 'G': case 'g': shift = 30; end++; break;
    default: break;
    }
    if (errno != 0 || *end != '\0' || v > (SIZE_MAX >> shift))
        return 0;
    return (size_t)(v << shift);
}

/* Set o->jobs from the value of -j or --jobs (named `opt`).
 * @return -1 to go on, else the exit status */
static int parse_jobs(code_opts *o, const char *opt, const char *s)
{
    char *end;
    errno = 0;
    unsigned long v = s[0] >= '0' && s[0] <= '9' ? strtoul(s, &end, 10) : 0;
    if (s[0] < '0' || s[0] > '9' || errno != 0 || *end != '\0' ||
        v > CODE_JOBS_MAX)
        return cli_usage_error("code", "%s needs a number of threads from "
                               "0 (one per CPU) to %d, not '%s'", opt,
                               CODE_JOBS_MAX, s);
    o->jobs = (unsigned)v;
    return -1;
}

/* @return -1 to go on, else the exit status */
static int parse_args(code_opts *o, int argc, char **argv)
{
    bool format_given = false;
    bool only_inputs = false;
    const char *v;
    int m;

    o->dicts = cli_xmalloc(sizeof(char *) * (size_t)argc);
    o->inputs = cli_xmalloc(sizeof(char *) * (size_t)argc);
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_inputs || arg[0] != '-' || strcmp(arg, "-") == 0) {
            o->inputs[o->n_inputs++] = argv[i];
        } else if (strcmp(arg, "--") == 0) {
            only_inputs = true;
        } else if (cli_is_help(arg)) {
            fputs(usage, stdout);
            return CLI_EXIT_OK;
        } else if ((m = cli_opt(argc, argv, &i, "--dict", true, &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            o->dicts[o->n_dicts++] = (char *)v;
        } else if ((m = cli_opt(argc, argv, &i, "--format", true, &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            if (strcmp(v, "jsonl") == 0)
                o->format = CASUS_FORMAT_JSONL;
            else if (strcmp(v, "tsv") == 0)
                o->format = CASUS_FORMAT_TSV;
            else
                return cli_usage_error("code", "unknown format '%s' (use "
                                       "jsonl or tsv)", v);
            format_given = true;
        } else if ((m = cli_opt(argc, argv, &i, "--db", true, &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            o->db = v;
        } else if ((m = cli_opt(argc, argv, &i, "--max-doc", true, &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            if ((o->max_doc = parse_size(v)) == 0)
                return cli_usage_error("code", "--max-doc needs a size in "
                                       "bytes such as 65536 or 16M, not "
                                       "'%s'", v);
        } else if ((m = cli_opt(argc, argv, &i, "--jobs", true, &v)) != 0 ||
                   (m = cli_opt(argc, argv, &i, "-j", true, &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            if ((m = parse_jobs(o, arg[1] == '-' ? "--jobs" : "-j", v)) >= 0)
                return m;
        } else if (strncmp(arg, "-j", 2) == 0) {
            /* -jN, as make takes it */
            if ((m = parse_jobs(o, "-j", arg + 2)) >= 0)
                return m;
        } else if ((m = cli_opt(argc, argv, &i, "--mentions", false,
                                &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            o->mentions = true;
        } else if ((m = cli_opt(argc, argv, &i, "--no-places", false,
                                &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            o->no_places = true;
        } else if ((m = cli_opt(argc, argv, &i, "--gazetteer", true,
                                &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            o->gazetteer = v;
        } else if ((m = cli_opt(argc, argv, &i, "--tolerate-rejects", false,
                                &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            o->tolerate_rejects = true;
        } else {
            return cli_usage_error("code", "unknown option '%s'", arg);
        }
    }
    o->to_stdout = o->db == NULL || format_given;
    if (o->mentions && o->format != CASUS_FORMAT_JSONL)
        return cli_usage_error("code", "--mentions writes JSONL; it cannot "
                                       "go with --format tsv");
    if (o->mentions && o->no_places)
        return cli_usage_error("code", "--mentions needs places; it cannot "
                                       "go with --no-places");
    return -1;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

/* After a format call reported needing n bytes: true when the record
 * buffer was too small and has been grown, so that the call is to be
 * repeated. */
static bool grow_out(code_run *run, size_t n)
{
    if (n < run->out_cap)
        return false;
    free(run->out);
    run->out_cap = n + 1 > 2 * run->out_cap ? n + 1 : 2 * run->out_cap;
    run->out = cli_xmalloc(run->out_cap);
    return true;
}

/* One fwrite per record, so records never interleave mid-line.  seq is
 * the event's running number in the run (GLOBALEVENTID in TSV). */
static void write_event(code_run *run, const casus_event *ev,
                        unsigned long long seq)
{
    const casus_format fmt = run->opts->format;
    size_t n = casus_event_format(run->out, run->out_cap, ev, fmt, seq);
    if (grow_out(run, n))
        n = casus_event_format(run->out, run->out_cap, ev, fmt, seq);
    fwrite(run->out, 1, n, stdout);
}

/* The writer (a pipeline_write_fn): write coded document d, its records
 * to stdout and its rows to the store, and count it; or report rejected
 * record d, or print notice d.  payload is the code_run.
 * @return 0, or CLI_EXIT_FAILURE after printing why the run must stop */
static int write_doc(const pipeline_doc *d, void *payload)
{
    code_run *run = payload;
    const code_opts *o = run->opts;

    if (d->failure == PIPELINE_REJECTED || d->failure == PIPELINE_NOTICE) {
        cli_print_diag(&d->message);
        run->n_rejected += d->failure == PIPELINE_REJECTED;
        return 0;
    }
    if (d->failure == PIPELINE_CODER_FAILED) {
        if (d->doc.id[0] != '\0')
            fprintf(stderr, "casus: %s: %s\n", d->doc.id,
                    casus_strerror(d->error));
        else
            fprintf(stderr, "casus: %s\n", casus_strerror(d->error));
        return CLI_EXIT_FAILURE;
    }
    if (o->to_stdout && o->format == CASUS_FORMAT_TSV)
        for (size_t k = 0; k < d->n_events; k++)
            write_event(run, &d->events[k], run->n_events + 1 + k);
    fwrite(d->records, 1, d->records_len, stdout);
    if (d->failure == PIPELINE_MENTION_FAILED) {
        fputs("casus: out of memory\n", stderr);
        return CLI_EXIT_FAILURE;
    }
    if (run->store != NULL &&
        casus_store_put(run->store, &d->doc, d->sentences, d->n_sentences,
                        d->events, d->n_events, d->places,
                        d->n_places) < 0) {
        fprintf(stderr, "casus: %s: %s\n", o->db,
                casus_store_errmsg(run->store));
        return CLI_EXIT_FAILURE;
    }
    run->n_docs++;
    run->n_events += d->n_events;
    run->n_sentences += d->n_sentences;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

/* After the last input, or a stop: finish the pipeline, which codes and
 * writes what is left unless the run stopped.
 * @param status  0, or the status of reading that failed
 * @return status, or CLI_EXIT_FAILURE when writing failed */
static int finish(code_run *run, int status)
{
    const int stopped = pipeline_finish(run->pl);
    return stopped != 0 ? stopped : status;
}

/* Read every document of one input into the pipeline.
 * @return 0, or CLI_EXIT_FAILURE when the run must stop */
static int code_input(code_run *run, const char *path)
{
    const bool is_stdin = path == NULL || strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    casus_reader *reader = NULL;
    FILE *fp = stdin;
    int status = 0;

    if (!is_stdin && (fp = fopen(path, "rb")) == NULL) {
        /* said in its place among the records' messages */
        casus_diag diag = { .file = path };
        snprintf(diag.msg, sizeof(diag.msg), "%s", strerror(errno));
        run->input_failed = true;
        return pipeline_add_message(run->pl, &diag, false);
    }
    if (casus_reader_new(&reader, fp, name,
                         is_stdin ? CASUS_INPUT_JSONL : CASUS_INPUT_AUTO,
                         run->opts->max_doc) < 0) {
        fputs("casus: out of memory\n", stderr);
        status = CLI_EXIT_FAILURE;
        goto done;
    }
    /* Records go to the workers, who parse them; what the reader refuses
     * goes in their place, to be reported in order. */
    for (;;) {
        casus_record rec;
        casus_diag diag = CASUS_DIAG_INIT;
        int error = casus_reader_next_record(reader, &rec, &diag);
        if (error == CASUS_EOF)
            break;
        if (error == CASUS_ENOMEM) {
            cli_print_diag(&diag);
            status = CLI_EXIT_FAILURE;
            break;
        }
        if (error == CASUS_ETOOBIG)
            status = pipeline_add_message(run->pl, &diag, true);
        else if (error < 0)
            status = pipeline_add_message(run->pl, &diag, false);
        else
            status = pipeline_add(run->pl, &rec);
        if (error < 0 && error != CASUS_ETOOBIG) {
            run->input_failed = true;
            break;
        }
        if (status != 0)
            break;
    }
done:
    casus_reader_free(reader);
    if (fp != stdin)
        fclose(fp);
    return status;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */
/* ------------------------------------------------------------------ */

/* Open the gazetteer of --gazetteer, else the default one, for the
 * workers of pl.  Without the default one the run goes on, with a
 * warning, and events get no place.
 * @return 0, or CLI_EXIT_FAILURE after printing why */
static int open_gazetteer(const code_opts *o, pipeline *pl)
{
    char *path = NULL;
    if (o->gazetteer == NULL) {
        /* gen/gazetteer.bin beside default.project */
        char *def = cli_default_dict_path();
        char *slash = strrchr(def, '/');
        const size_t dir = slash ? (size_t)(slash - def + 1) : 0;
        path = cli_xmalloc(dir + sizeof("gen/gazetteer.bin"));
        memcpy(path, def, dir);
        memcpy(path + dir, "gen/gazetteer.bin", sizeof("gen/gazetteer.bin"));
        free(def);
    }
    casus_diag diag = CASUS_DIAG_INIT;
    const int error = pipeline_open_gazetteer(pl, path ? path : o->gazetteer,
                                              &diag);
    free(path);
    if (error == CASUS_ENOMEM) {
        fputs("casus: out of memory\n", stderr);
        return CLI_EXIT_FAILURE;
    }
    if (error < 0) {
        fprintf(stderr, "casus: %s\n", diag.msg);
        if (o->gazetteer != NULL || o->mentions)
            return CLI_EXIT_FAILURE;
        fputs("casus: going on without places: events get no location "
              "(run make to build the gazetteer, or give --no-places)\n",
              stderr);
    }
    return 0;
}

int cmd_code(int argc, char **argv)
{
    code_opts opts = { .format = CASUS_FORMAT_JSONL, .jobs = 1 };
    code_run run = { .opts = &opts };
    casus_dict *dict = NULL;
    int status = parse_args(&opts, argc, argv);

    if (status >= 0)
        goto done;
    status = CLI_EXIT_FAILURE;
    if (cli_load_dicts(&dict, opts.dicts, opts.n_dicts, NULL) != 0)
        goto done;
    const size_t n_jobs = opts.jobs == 0 ? cli_cpu_count() : opts.jobs;
    const pipeline_opts po = {
        .n_workers = n_jobs > CODE_JOBS_MAX ? CODE_JOBS_MAX : n_jobs,
        .event_records = opts.to_stdout && opts.format == CASUS_FORMAT_JSONL,
        .mention_records = opts.mentions,
        .write = write_doc,
        .payload = &run,
    };
    if (pipeline_new(&run.pl, dict, &po) != 0)
        goto done;
    if (opts.db != NULL) {
        casus_diag diag = CASUS_DIAG_INIT;
        if (casus_store_open(&run.store, opts.db, &diag) < 0) {
            cli_print_diag(&diag);
            goto done;
        }
    }
    if (!opts.no_places && open_gazetteer(&opts, run.pl) != 0)
        goto done;
    if (pipeline_start(run.pl) != 0)
        goto done;

    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
    if (opts.to_stdout && opts.format == CASUS_FORMAT_TSV)
        fputs(casus_event_tsv_header(), stdout);

    status = 0;
    if (opts.n_inputs == 0)
        status = code_input(&run, NULL);
    for (size_t i = 0; status == 0 && i < opts.n_inputs; i++)
        status = code_input(&run, opts.inputs[i]);
    status = finish(&run, status);

    if (run.store != NULL && casus_store_flush(run.store) < 0) {
        fprintf(stderr, "casus: %s: %s\n", opts.db,
                casus_store_errmsg(run.store));
        status = CLI_EXIT_FAILURE;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "casus: writing the events failed: %s\n",
                strerror(errno));
        status = CLI_EXIT_FAILURE;
    }
    fprintf(stderr, "casus: %llu documents, %llu sentences, %llu events, "
            "%llu rejected\n",
            run.n_docs, run.n_sentences, run.n_events, run.n_rejected);
    if (status == 0 && (run.input_failed ||
                        (run.n_rejected > 0 && !opts.tolerate_rejects)))
        status = CLI_EXIT_REJECTS;
done:
    pipeline_free(run.pl);
    casus_store_close(run.store);
    casus_dict_free(dict);
    free(run.out);
    free(opts.dicts);
    free(opts.inputs);
    return status;
}
