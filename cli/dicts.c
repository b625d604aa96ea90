/*
 * dicts.c - loading the dictionaries named on the command line
 *
 * Every subcommand that codes takes repeated --dict FILE options and falls
 * back to the default set shipped in data/.  Problems in a dictionary are
 * printed one per bad line and do not stop the run; a file that cannot be
 * read at all does.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef CASUS_DATADIR
#define CASUS_DATADIR "data"
#endif

#define DEFAULT_PROJECT "default.project"

/* An installed casus finds its data at ../share/casus beside its bin/
 * folder; that folder is read from /proc/self/exe (Linux), so a copy
 * moved with its share/ keeps working.  NULL when there is none. */
static char *installed_project(void)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL)
        return NULL;
    *slash = '\0';                         /* .../bin */
    const size_t len = strlen(exe) + sizeof("/../share/casus/") +
                       sizeof(DEFAULT_PROJECT);
    char *path = cli_xmalloc(len);
    snprintf(path, len, "%s/../share/casus/%s", exe, DEFAULT_PROJECT);
    if (access(path, R_OK) == 0)
        return path;
    free(path);
    return NULL;
}

char *cli_default_dict_path(void)
{
    const char *dir = getenv("CASUS_DATA");
    if (dir == NULL || dir[0] == '\0') {
        char *installed = installed_project();
        if (installed)
            return installed;
        dir = CASUS_DATADIR;
    }
    const size_t n = strlen(dir) + 1 + sizeof(DEFAULT_PROJECT);
    char *path = cli_xmalloc(n);
    snprintf(path, n, "%s/%s", dir, DEFAULT_PROJECT);
    return path;
}

/* Counts and prints each problem the loader reports. */
static void on_problem(const casus_diag *diag, void *payload)
{
    size_t *count = payload;
    cli_print_diag(diag);
    (*count)++;
}

/* A file that cannot be opened is reported here, in the same words for
 * every subcommand, before the loader sees it. */
static int check_readable(const char *path, bool is_default)
{
    FILE *fp = fopen(path, "r");
    if (fp != NULL) {
        fclose(fp);
        return 0;
    }
    if (is_default)
        fprintf(stderr,
                "casus: no dictionaries: cannot read %s: %s\n"
                "casus: name them with --dict FILE, or set CASUS_DATA to a "
                "folder holding %s\n",
                path, strerror(errno), DEFAULT_PROJECT);
    else
        fprintf(stderr, "casus: %s: %s\n", path, strerror(errno));
    return CLI_EXIT_FAILURE;
}

int cli_load_dicts(casus_dict **out, char *const *paths, size_t n_paths,
                   size_t *n_problems_out)
{
    casus_dict *dict = NULL;
    char *default_path = NULL;
    size_t problems = 0;
    int status = CLI_EXIT_FAILURE;

    *out = NULL;
    if (n_paths == 0)
        default_path = cli_default_dict_path();
    if (casus_dict_new(&dict) < 0) {
        fputs("casus: out of memory\n", stderr);
        goto done;
    }
    casus_dict_on_problem(dict, on_problem, &problems);

    for (size_t i = 0; i < (default_path ? 1 : n_paths); i++) {
        const char *path = default_path ? default_path : paths[i];
        if (check_readable(path, default_path != NULL) != 0)
            goto done;

        casus_diag diag = CASUS_DIAG_INIT;
        const size_t before = problems;
        const int error = casus_dict_load(dict, path, &diag);
        if (error == 0 || error == CASUS_EPARSE)
            continue; /* bad lines were printed by on_problem */
        if (problems == before) {
            if (diag.file == NULL)
                diag.file = path;
            if (diag.msg[0] == '\0')
                snprintf(diag.msg, sizeof(diag.msg), "%s",
                         casus_strerror(error));
            cli_print_diag(&diag);
        }
        goto done;
    }
    *out = dict;
    dict = NULL;
    status = CLI_EXIT_OK;
done:
    if (n_problems_out != NULL)
        *n_problems_out = problems;
    casus_dict_free(dict);
    free(default_path);
    return status;
}
