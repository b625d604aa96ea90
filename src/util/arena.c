/*
 * arena.c - bump allocator
 *
 * SPDX-License-Identifier: MIT
 */
#include "arena.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"

struct arena_block {
    arena_block *next;
    size_t used, cap;
    _Alignas(max_align_t) unsigned char data[];
};

#define ARENA_ALIGN (sizeof(max_align_t))

void *arena_alloc(arena *a, size_t size)
{
#ifdef CASUS_DEBUG_ARENA
    arena_block *b = cs_malloc(sizeof(*b) + (size ? size : 1));
    if (b == NULL)
        return NULL;
    b->next = a->head;
    b->used = b->cap = size;
    a->head = b;
    return b->data;
#else
    size = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    arena_block *b = a->head;
    if (b == NULL || b->cap - b->used < size) {
        size_t bs = a->block_size ? a->block_size : 64 * 1024;
        if (size > bs)
            bs = size;
        arena_block *nb = cs_malloc(sizeof(*nb) + bs);
        if (nb == NULL)
            return NULL;
        nb->used = 0;
        nb->cap = bs;
        if (b != NULL && size > (a->block_size ? a->block_size : 65536)) {
            /* keep the current block on top for small requests */
            nb->next = b->next;
            b->next = nb;
            nb->used = size;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
#endif
}

void *arena_calloc(arena *a, size_t size)
{
    void *p = arena_alloc(a, size);
    if (p)
        memset(p, 0, size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void arena_reset(arena *a)
{
    arena_block *b = a->head;
    if (b == NULL)
        return;
#ifdef CASUS_DEBUG_ARENA
    arena_dispose(a);
#else
    /* keep the last (oldest) block: it has the default size */
    arena_block *keep = b;
    while (keep->next)
        keep = keep->next;
    while (b != keep) {
        arena_block *n = b->next;
        cs_free(b);
        b = n;
    }
    keep->used = 0;
    a->head = keep;
#endif
}

void arena_dispose(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *n = b->next;
        cs_free(b);
        b = n;
    }
    a->head = NULL;
}
