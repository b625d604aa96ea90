/*
 * main.c - the casus program: subcommand dispatch
 *
 * `casus COMMAND [OPTION]...`: finds the subcommand and hands it the rest
 * of the command line, with the subcommand's name as argv[0].
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    { "code", cmd_code, "code documents into CAMEO events" },
    { "validate", cmd_validate, "check dictionaries and validation records" },
    { "explain", cmd_explain, "show how a sentence is coded, step by step" },
    { "merge", cmd_merge, "merge stores of corpus pieces into one" },
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void print_usage(FILE *fp)
{
    fputs("usage: casus COMMAND [OPTION]... [ARG]...\n"
          "Code news text into CAMEO political events.\n"
          "\n"
          "Commands:\n", fp);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(fp, "  %-10s%s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "  casus COMMAND --help   options of one command\n"
          "  casus --version        print the version\n", fp);
}

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* Blocks of a megabyte or more come from mmap and go back to the
     * system when freed.  Left to itself, glibc raises that threshold as
     * large blocks are freed, and then keeps the memory of one very large
     * document for the rest of the run (the coder frees it, coder.c). */
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
    if (argc < 2) {
        print_usage(stderr);
        return CLI_EXIT_FAILURE;
    }
    const char *cmd = argv[1];
    if (cli_is_help(cmd) || strcmp(cmd, "help") == 0) {
        print_usage(stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("casus %s\n", CASUS_VERSION_STRING);
        return CLI_EXIT_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    if (cmd[0] == '-')
        return cli_usage_error(NULL, "unknown option '%s'", cmd);
    return cli_usage_error(NULL, "unknown command '%s'", cmd);
}
