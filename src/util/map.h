/*
 * map.h - string-keyed hash table with open addressing
 *
 * Keys are borrowed: the caller keeps them alive (usually in an arena) for
 * the life of the map.  Values are void pointers.  The table doubles when
 * it is 70% full, so lookups stay one or two probes long.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_UTIL_MAP_H
#define CASUS_UTIL_MAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct map_slot {
    const char *key; /* NULL marks an empty slot */
    uint32_t klen;
    uint32_t hash;
    void *value;
} map_slot;

typedef struct map {
    map_slot *slots; /* cap entries, or NULL while empty */
    size_t cap;      /* a power of two, or 0 */
    size_t count;
} map;

#define MAP_INIT { NULL, 0, 0 }

uint32_t map_hash(const char *key, size_t len);
/* Returns the value, or NULL when absent. */
void *map_get(const map *m, const char *key, size_t len);
/* The same with hash = map_hash(key, len) already known. */
void *map_get_hashed(const map *m, const char *key, size_t len,
                     uint32_t hash);
/* map_hash is FNV-1a, so the hash of key + one byte extends the hash of
 * key: map_hash_add(map_hash(k, n), k[n]) == map_hash(k, n + 1). */
static inline uint32_t map_hash_add(uint32_t h, unsigned char c)
{
    return (h ^ c) * 16777619u;
}
#define MAP_HASH_INIT 2166136261u
/* Returns the slot's value pointer for key, inserting NULL if absent;
 * NULL only on allocation failure. */
void **map_put(map *m, const char *key, size_t len);
void map_dispose(map *m);

#endif
