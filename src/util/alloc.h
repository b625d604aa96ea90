/*
 * alloc.h - the library's one door to the heap
 *
 * Every allocation in src/ goes through these calls so that a caller can
 * replace the allocator (casus_set_allocator) and tests can inject
 * failures.  Nothing here aborts: failure is a NULL return.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_UTIL_ALLOC_H
#define CASUS_UTIL_ALLOC_H

#include <stddef.h>

void *cs_malloc(size_t size);
void *cs_calloc(size_t n, size_t size);
void *cs_realloc(void *ptr, size_t size);
void cs_free(void *ptr);
char *cs_strdup(const char *s);
char *cs_strndup(const char *s, size_t n);

/* Grow *ptr (holding *cap items of `size` bytes) to at least `need` items.
 * Returns 0 or -1 (CASUS_ENOMEM left to the caller); *ptr is untouched on
 * failure. */
int cs_grow(void **ptr, size_t *cap, size_t need, size_t size);

#define CS_ARRAY_GROW(arr, cap, need) \
    cs_grow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

/* Free a grown array and leave it empty, as before its first growth. */
#define CS_ARRAY_FREE(arr, cap) \
    do { cs_free(arr); (arr) = NULL; (cap) = 0; } while (0)

#endif
