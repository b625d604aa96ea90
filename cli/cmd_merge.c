/*
 * cmd_merge.c - `casus merge`: several stores into one
 *
 * Copies every document of each input store into the output store, in
 * the order given, with casus_store_merge(); a document id already there
 * is replaced, as re-coding it would.  This is the last step of coding a
 * corpus in pieces (doc/parallel.md).  A bad input store is reported on
 * stderr and skipped; the others still merge and the exit status tells.
 * Ends with one summary line on stderr: "casus: merged N documents,
 * N events from N stores".
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: casus merge [OPTION]... OUT.db IN.db...\n"
    "Merge casus stores into one.\n"
    "\n"
    "Copies the documents, sentences, events and places of each IN.db, in\n"
    "order, into OUT.db (created when absent).  A document that OUT.db\n"
    "already holds, or that an earlier IN.db brought, is replaced, as\n"
    "coding it again with --db would.  Events are numbered on in OUT.db\n"
    "in the order of the inputs.\n"
    "\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit status: 0 all inputs merged; 1 an input could not be merged\n"
    "(the others were); 2 usage error, or OUT.db could not be used.\n";

int cmd_merge(int argc, char **argv)
{
    /* paths[0] is OUT.db, the rest the inputs; borrowed from argv */
    const char **paths = cli_xmalloc(sizeof(char *) * (size_t)argc);
    size_t n_paths = 0;
    casus_store *store = NULL;
    unsigned long long n_docs = 0, n_events = 0, n_stores = 0;
    bool only_paths = false, input_failed = false;
    int status = CLI_EXIT_FAILURE;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_paths || arg[0] != '-' || strcmp(arg, "-") == 0) {
            paths[n_paths++] = arg;
        } else if (strcmp(arg, "--") == 0) {
            only_paths = true;
        } else if (cli_is_help(arg)) {
            fputs(usage, stdout);
            status = CLI_EXIT_OK;
            goto done;
        } else {
            cli_usage_error("merge", "unknown option '%s'", arg);
            goto done;
        }
    }
    if (n_paths < 2) {
        cli_usage_error("merge", "give the output store and at least one "
                                 "input store");
        goto done;
    }

    casus_diag diag = CASUS_DIAG_INIT;
    if (casus_store_open(&store, paths[0], &diag) < 0) {
        cli_print_diag(&diag);
        goto done;
    }
    status = 0;
    for (size_t i = 1; i < n_paths; i++) {
        casus_store_counts n;
        diag = (casus_diag)CASUS_DIAG_INIT;
        const int error = casus_store_merge(store, paths[i], &n, &diag);
        if (error == CASUS_ENOMEM) {
            fputs("casus: out of memory\n", stderr);
            status = CLI_EXIT_FAILURE;
            break;
        }
        if (error < 0) {
            cli_print_diag(&diag);
            input_failed = true;
            continue;
        }
        n_docs += n.n_documents;
        n_events += n.n_events;
        n_stores++;
    }
    if (casus_store_flush(store) < 0) {
        fprintf(stderr, "casus: %s: %s\n", paths[0],
                casus_store_errmsg(store));
        status = CLI_EXIT_FAILURE;
    }
    fprintf(stderr, "casus: merged %llu documents, %llu events from %llu "
            "stores\n", n_docs, n_events, n_stores);
    if (status == 0 && input_failed)
        status = CLI_EXIT_REJECTS;
done:
    casus_store_close(store);
    free(paths);
    return status;
}
