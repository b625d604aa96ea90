/*
 * alloc.c - replaceable allocator behind every library allocation
 *
 * SPDX-License-Identifier: MIT
 */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casus/common.h"

static void *std_malloc(size_t size, void *payload)
{
    (void)payload;
    return malloc(size);
}

static void *std_realloc(void *ptr, size_t size, void *payload)
{
    (void)payload;
    return realloc(ptr, size);
}

static void std_free(void *ptr, void *payload)
{
    (void)payload;
    free(ptr);
}

static casus_allocator the_alloc = { std_malloc, std_realloc, std_free, NULL };

void casus_set_allocator(const casus_allocator *alloc)
{
    if (alloc == NULL || alloc->malloc_fn == NULL) {
        the_alloc = (casus_allocator){ std_malloc, std_realloc, std_free,
                                       NULL };
        return;
    }
    the_alloc = *alloc;
}

void *cs_malloc(size_t size)
{
    return the_alloc.malloc_fn(size ? size : 1, the_alloc.payload);
}

void *cs_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = cs_malloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void *cs_realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return cs_malloc(size);
    return the_alloc.realloc_fn(ptr, size ? size : 1, the_alloc.payload);
}

void cs_free(void *ptr)
{
    if (ptr)
        the_alloc.free_fn(ptr, the_alloc.payload);
}

char *cs_strndup(const char *s, size_t n)
{
    char *p = cs_malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *cs_strdup(const char *s)
{
    return cs_strndup(s, strlen(s));
}

int cs_grow(void **ptr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / size)
            return -1;
        ncap *= 2;
    }
    void *p = cs_realloc(*ptr, ncap * size);
    if (p == NULL)
        return -1;
    *ptr = p;
    *cap = ncap;
    return 0;
}
