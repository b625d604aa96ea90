/*
 * cli.h - what the casus subcommands share
 *
 * The subcommand entry points, option parsing, diagnostics printing and
 * dictionary loading used by every subcommand.  Everything under cli/ may
 * use POSIX, print, and exit; it sees the library only through
 * include/casus/.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_CLI_H
#define CASUS_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "casus/casus.h"

/* Exit statuses of every subcommand. */
#define CLI_EXIT_OK 0
#define CLI_EXIT_REJECTS 1 /* some input was rejected or missing */
#define CLI_EXIT_FAILURE 2 /* usage error, dictionary or store failure */

/* Subcommands: argv[0] is the subcommand's name; each returns an exit
 * status. */
int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_merge(int argc, char **argv);

/* ---- options ---------------------------------------------------- */

/* True for "-h" and "--help". */
bool cli_is_help(const char *arg);

/*
 * Match argv[*i] against the long option `name` ("--dict").  An option
 * with a value takes it inline ("--dict=F") or from the next argument, and
 * then advances *i past it.
 *
 * @return 1 on a match (*value set when has_value, else NULL), 0 when
 *         argv[*i] is something else, -1 after printing a usage error
 *         (missing value, or a value given to a flag)
 */
int cli_opt(int argc, char **argv, int *i, const char *name, bool has_value,
            const char **value);

/* Print "casus: MESSAGE" and "Try 'casus CMD --help'." (or "Try 'casus
 * --help'." when cmd is NULL) to stderr; return CLI_EXIT_FAILURE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Print "casus: FILE:LINE: MSG" to stderr; ":LINE" is left out when the
 * line is 0 and "FILE:" when there is no file. */
void cli_print_diag(const casus_diag *diag);

/* malloc that exits on failure, as a program may. */
void *cli_xmalloc(size_t size);

/* Room for n items of `size` bytes in array p of *cap items: returns p
 * when *cap >= n, else p reallocated to max(n, 2 * *cap) items with *cap
 * updated (p may be NULL when *cap is 0).  Exits on failure. */
void *cli_xgrow(void *p, size_t *cap, size_t n, size_t size);

/* ---- system ----------------------------------------------------- */

/* The number of CPUs this process may run on (its affinity mask on
 * Linux, else the online CPUs); at least 1. */
unsigned cli_cpu_count(void);

/* ---- dictionaries ----------------------------------------------- */

/* The default dictionary set: $CASUS_DATA/default.project when the
 * variable is set and not empty; else share/casus/default.project of an
 * installed casus (beside its bin/); else CASUS_DATADIR "/default.project"
 * (the source tree it was built in).
 * Owned by the caller; free() it. */
char *cli_default_dict_path(void);

/*
 * Load the dictionaries named by `paths`, in order, or the default set
 * when n_paths is 0, into a new casus_dict.  Every bad line is printed as
 * "casus: FILE:LINE: reason" and skipped; loading goes on.
 *
 * @param[out] out  new dictionary, free with casus_dict_free(); NULL on
 *                  failure
 * @param n_problems_out  optional: number of problems printed
 * @return 0, or CLI_EXIT_FAILURE after printing why a file could not be
 *         loaded at all (missing, unreadable)
 */
int cli_load_dicts(casus_dict **out, char *const *paths, size_t n_paths,
                   size_t *n_problems_out);

#endif
