/*
 * cmd_explain.c - `casus explain`: show how one sentence is coded
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: casus explain [--dict FILE]... [--date YYYY-MM-DD] [--option "
    "LINE]... SENTENCE\n"
    "\n"
    "Show how casus codes one sentence: its words and their types, the\n"
    "actors and agents found, compounds and pronouns, the clauses, the\n"
    "pattern that fired (dictionary file:line) and the events.\n"
    "\n"
    "  --dict FILE     dictionaries to use (repeatable; default: the\n"
    "                  bundled set)\n"
    "  --date DATE     the sentence's date, for date-limited actors\n"
    "  --option LINE   an .options command, e.g. \"SET: CODE ALL\"\n"
    "  -h, --help      show this help\n";

int cmd_explain(int argc, char **argv)
{
    char *dicts[64];
    size_t n_dicts = 0;
    const char *opts[32];
    size_t n_opts = 0;
    const char *date = NULL, *sentence = NULL;

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
                return cli_usage_error("explain", "too many --dict");
            dicts[n_dicts++] = (char *)v;
            continue;
        }
        if ((m = cli_opt(argc, argv, &i, "--date", true, &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            date = v;
            continue;
        }
        if ((m = cli_opt(argc, argv, &i, "--option", true, &v)) != 0) {
            if (m < 0)
                return CLI_EXIT_FAILURE;
            if (n_opts == 32)
                return cli_usage_error("explain", "too many --option");
            opts[n_opts++] = v;
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("explain", "unknown option '%s'", argv[i]);
        if (sentence)
            return cli_usage_error("explain",
                                   "one SENTENCE only (quote it)");
        sentence = argv[i];
    }
    if (sentence == NULL)
        return cli_usage_error("explain", "SENTENCE is required");

    casus_dict *dict;
    int status = cli_load_dicts(&dict, dicts, n_dicts, NULL);
    if (status != 0)
        return status;
    casus_coder *c;
    if (casus_coder_new(&c, dict) < 0) {
        casus_dict_free(dict);
        fputs("casus: out of memory\n", stderr);
        return CLI_EXIT_FAILURE;
    }
    for (size_t i = 0; i < n_opts; i++)
        if (casus_coder_set_option(c, opts[i]) < 0) {
            casus_coder_free(c);
            casus_dict_free(dict);
            return cli_usage_error("explain", "not an option: '%s'",
                                   opts[i]);
        }
    const char *out;
    int err = casus_coder_explain(c, sentence, date, &out);
    if (err == 0)
        fputs(out, stdout);
    else
        fprintf(stderr, "casus: %s\n", casus_strerror(err));
    casus_coder_free(c);
    casus_dict_free(dict);
    return err == 0 ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
}
