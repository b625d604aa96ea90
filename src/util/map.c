/*
 * map.c - string-keyed hash table with open addressing
 *
 * SPDX-License-Identifier: MIT
 */
#include "map.h"

#include <string.h>

#include "alloc.h"
#include "bytes.h"

uint32_t map_hash(const char *key, size_t len)
{
    uint32_t h = MAP_HASH_INIT; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = map_hash_add(h, (unsigned char)key[i]);
    return h;
}

static map_slot *find(const map *m, const char *key, size_t len, uint32_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        map_slot *s = &m->slots[i];
        if (s->key == NULL)
            return s;
        if (s->hash == h && s->klen == len && bytes_same(s->key, key, len))
            return s;
    }
}

void *map_get(const map *m, const char *key, size_t len)
{
    return map_get_hashed(m, key, len, map_hash(key, len));
}

void *map_get_hashed(const map *m, const char *key, size_t len,
                     uint32_t hash)
{
    if (m->cap == 0)
        return NULL;
    map_slot *s = find(m, key, len, hash);
    return s->key ? s->value : NULL;
}

static int rehash(map *m, size_t ncap)
{
    map_slot *ns = cs_calloc(ncap, sizeof(*ns));
    if (ns == NULL)
        return -1;
    map old = *m;
    m->slots = ns;
    m->cap = ncap;
    for (size_t i = 0; i < old.cap; i++) {
        if (old.slots[i].key)
            *find(m, old.slots[i].key, old.slots[i].klen,
                  old.slots[i].hash) = old.slots[i];
    }
    cs_free(old.slots);
    return 0;
}

void **map_put(map *m, const char *key, size_t len)
{
    if ((m->count + 1) * 10 > m->cap * 7) {
        if (rehash(m, m->cap ? m->cap * 2 : 16) < 0)
            return NULL;
    }
    uint32_t h = map_hash(key, len);
    map_slot *s = find(m, key, len, h);
    if (s->key == NULL) {
        s->key = key;
        s->klen = (uint32_t)len;
        s->hash = h;
        s->value = NULL;
        m->count++;
    }
    return &s->value;
}

void map_dispose(map *m)
{
    cs_free(m->slots);
    *m = (map)MAP_INIT;
}
