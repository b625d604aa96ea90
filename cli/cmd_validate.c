/*
 * cmd_validate.c - `casus validate`: run TABARI or PETRARCH validation
 *
 * Prints one line per record (PASS/FAIL, id, and on failure what was
 * expected and what was coded), then the totals.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: casus validate [--dict FILE]... [--failures] [--quiet] FILE\n"
    "\n"
    "Run validation records and report each record and the totals.\n"
    "FILE is a TABARI .project (its dictionaries, options and text file\n"
    "with {SRC / TGT / CODE} expectations) or PETRARCH XML records\n"
    "(<Sentence> with <EventCoding>; parse trees are ignored).\n"
    "\n"
    "  --dict FILE   use these dictionaries instead of the ones FILE names\n"
    "                (repeatable)\n"
    "  --failures    print only the records that failed\n"
    "  --quiet       print only the totals\n"
    "  -h, --help    show this help\n"
    "\n"
    "Exit status: 0 when every checked record passed, 1 when some failed,\n"
    "2 when the file could not be run.\n";

typedef struct opts {
    bool failures, quiet;
} opts;

static void on_record(const casus_vresult *r, void *payload)
{
    const opts *o = payload;
    if (o->quiet)
        return;
    if (r->status == CASUS_V_OPTION || r->status == CASUS_V_SKIP) {
        if (!o->failures)
            printf("%-5s %s\n", r->status == CASUS_V_OPTION ? "OPT" : "SKIP",
                   r->id);
        return;
    }
    if (r->status == CASUS_V_PASS) {
        if (!o->failures)
            printf("PASS  %s%s\n", r->id, r->standard ? "" : " (extra)");
        return;
    }
    printf("FAIL  %s%s\n      text:     %s\n      expected: %s\n"
           "      got:      %s\n",
           r->id, r->standard ? "" : " (extra)", r->text, r->expected,
           r->got);
}

int cmd_validate(int argc, char **argv)
{
    const char *dicts[64];
    size_t n_dicts = 0;
    const char *file = NULL;
    opts o = { false, false };

    for (int i = 1; i < argc; i++) {
        const char *v;
        int m;
        if (cli_is_help(argv[i])) {
            fputs(usage, stdout);
            return CLI_EXIT_OK;
        }
        if ((m = cli_opt(argc, argv, &i, "--dict", true, &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            if (n_dicts == 64)
                return cli_usage_error("validate", "too many --dict");
            dicts[n_dicts++] = v;
            continue;
        }
        if ((m = cli_opt(argc, argv, &i, "--failures", false, &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            o.failures = true;
            continue;
        }
        if ((m = cli_opt(argc, argv, &i, "--quiet", false, &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            o.quiet = true;
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("validate", "unknown option '%s'",
                                   argv[i]);
        if (file)
            return cli_usage_error("validate", "one FILE only");
        file = argv[i];
    }
    if (file == NULL)
        return cli_usage_error("validate", "FILE is required");

    casus_vstats st;
    casus_diag diag = CASUS_DIAG_INIT;
    int err = casus_validate(file, dicts, n_dicts, on_record, &o, &st,
                             &diag);
    if (diag.msg[0])
        cli_print_diag(&diag);
    if (err < 0) {
        if (!diag.msg[0])
            fprintf(stderr, "casus: %s: %s\n", file, casus_strerror(err));
        return CLI_EXIT_FAILURE;
    }
    double pct = st.standard_checked ?
        100.0 * (double)st.standard_passed / (double)st.standard_checked : 0;
    double ev = st.expected_events ?
        100.0 * (double)st.matched_events / (double)st.expected_events : 0;
    printf("standard suite: %zu of %zu checked records passed (%.1f%%)\n",
           st.standard_passed, st.standard_checked, pct);
    printf("all records: %zu passed, %zu failed, %zu checked of %zu\n",
           st.passed, st.failed, st.checked, st.records);
    printf("expected events coded: %zu of %zu (%.1f%%); events coded: %zu\n",
           st.matched_events, st.expected_events, ev, st.coded_events);
    return st.failed ? CLI_EXIT_REJECTS : CLI_EXIT_OK;
}
