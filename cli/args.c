/*
 * args.c - option parsing and messages shared by the subcommands
 *
 * Long options only, in the GNU spelling ("--db FILE" or "--db=FILE");
 * POSIX getopt() has no long options and getopt_long() is not POSIX.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

bool cli_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

int cli_opt(int argc, char **argv, int *i, const char *name, bool has_value,
            const char **value)
{
    const char *arg = argv[*i];
    const size_t n = strlen(name);

    *value = NULL;
    if (strncmp(arg, name, n) != 0 || (arg[n] != '\0' && arg[n] != '='))
        return 0;
    if (arg[n] == '=') {
        if (!has_value) {
            cli_usage_error(argv[0], "option '%s' takes no value", name);
            return -1;
        }
        *value = arg + n + 1;
        return 1;
    }
    if (!has_value)
        return 1;
    if (*i + 1 >= argc) {
        cli_usage_error(argv[0], "option '%s' needs a value", name);
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("casus: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (cmd != NULL)
        fprintf(stderr, "\nTry 'casus %s --help'.\n", cmd);
    else
        fputs("\nTry 'casus --help'.\n", stderr);
    return CLI_EXIT_FAILURE;
}

void cli_print_diag(const casus_diag *diag)
{
    fputs("casus: ", stderr);
    if (diag->file != NULL) {
        fputs(diag->file, stderr);
        if (diag->line > 0)
            fprintf(stderr, ":%ld", diag->line);
        fputs(": ", stderr);
    }
    fprintf(stderr, "%s\n", diag->msg);
}

void *cli_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL) {
        fputs("casus: out of memory\n", stderr);
        exit(CLI_EXIT_FAILURE);
    }
    return p;
}

void *cli_xgrow(void *p, size_t *cap, size_t n, size_t size)
{
    if (n <= *cap)
        return p;
    size_t new_cap = *cap > SIZE_MAX / 2 ? SIZE_MAX : 2 * *cap;
    if (new_cap < n)
        new_cap = n;
    void *q = new_cap > SIZE_MAX / size ? NULL : realloc(p, new_cap * size);
    if (q == NULL) {
        fputs("casus: out of memory\n", stderr);
        exit(CLI_EXIT_FAILURE);
    }
    *cap = new_cap;
    return q;
}
