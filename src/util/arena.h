/*
 * arena.h - bump allocator for per-document and per-dictionary objects
 *
 * Objects allocated from an arena are freed all at once by arena_reset()
 * or arena_dispose().  Blocks are chained; a request larger than the block
 * size gets a block of its own.  With -DCASUS_DEBUG_ARENA every item is a
 * separate malloc so that ASan sees overruns.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_UTIL_ARENA_H
#define CASUS_UTIL_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;  /* newest block first; NULL when empty */
    size_t block_size;  /* default block payload size */
} arena;

#define ARENA_INIT { NULL, 0 }

void *arena_alloc(arena *a, size_t size);
void *arena_calloc(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
/* Free all but the first block, so steady-state use allocates nothing. */
void arena_reset(arena *a);
void arena_dispose(arena *a);

#endif
