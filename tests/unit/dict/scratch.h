/*
 * scratch.h - a folder of dictionary files for the dict tests
 *
 * Included by the dict tests after <cmocka.h>; each test program gets its
 * own copy of the folder's name and of these helpers.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_TESTS_SCRATCH_H
#define CASUS_TESTS_SCRATCH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char scratch_dir[64];

/* Make a new folder /tmp/casus-<tag>-XXXXXX; returns 0, or -1. */
static inline int scratch_open(const char *tag)
{
    snprintf(scratch_dir, sizeof(scratch_dir), "/tmp/casus-%s-XXXXXX", tag);
    return mkdtemp(scratch_dir) ? 0 : -1;
}

/* The path of file `name` in the folder, valid until the next call. */
static inline const char *scratch_path(const char *name)
{
    static char path[256];
    snprintf(path, sizeof(path), "%s/%s", scratch_dir, name);
    return path;
}

/* Write `text` to file `name` in the folder. */
static inline void scratch_put(const char *name, const char *text)
{
    FILE *fp = fopen(scratch_path(name), "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* Remove the folder and everything in it; returns 0, or -1. */
static inline int scratch_close(void)
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", scratch_dir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
