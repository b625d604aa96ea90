/*
 * gazetteer.c - GeoNames places, mapped into memory
 *
 * gaz_open() maps the file of gazetteer.h and checks, once, everything a
 * lookup later relies on: the sizes add up, every string offset is inside
 * the string area, the string area ends with a NUL, every name points
 * at a place, and the country table is sorted, unique and made of capital
 * letters with NUL padding.  After that no access can leave the mapping.
 *
 * The file also holds a bloom filter of the name keys (two bits per key
 * in one of 2^16 words, gazetteer.h): most capitalised words in news
 * name no place, and the filter turns them away before the index.  It
 * is used as mapped; a damaged filter can only hide names, never lead
 * outside the mapping.
 *
 * A name is found through the index of keys (gazetteer.h): one probe of
 * a hash table, then its names, which lie together in the sorted list.
 * Every slot is checked when it is read, so a damaged index can only hide
 * names.  At open one small table is built, which finds a country by the
 * letters of its code.
 *
 * SPDX-License-Identifier: MIT
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "gazetteer.h"

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

#define GAZ_MAGIC 0x5a475343u   /* "CSGZ" */
#define GAZ_OTHER_NAME 0x80000000u   /* in gaz_name.place: not its own name */
#define GAZ_OTHER_WEIGHT 100u       /* file comment of gazetteer.h */
#define HEADER_SIZE 32u
#define PLACE_SIZE 32u
#define NAME_SIZE 8u
#define COUNTRY_SIZE 8u
#define BLOOM_BITS (1u << 22)
#define BLOOM_WORDS (BLOOM_BITS / 64)

typedef struct gaz_name {
    uint32_t key;
    uint32_t place;         /* index, GAZ_OTHER_NAME set for another name */
} gaz_name;

/* One row of the country table; alpha3 is NUL-terminated by pad[0]. */
typedef struct gaz_country {
    char alpha2[2];         /* as in gaz_place.country */
    char alpha3[3];         /* CAMEO country code */
    char pad[3];            /* NUL */
} gaz_country;

struct gaz {
    const unsigned char *map;
    size_t map_len;
    const gaz_place *places;
    size_t n_places;
    const gaz_name *names;
    size_t n_names;
    const gaz_country *countries;   /* sorted by alpha2, no repeats */
    size_t n_countries;
    const char *strings;
    size_t strings_len;
    const uint64_t *bloom;          /* BLOOM_BITS bits, see above */
    const uint32_t *index;          /* n_index slots: 1 + a key's first
                                       name, 0 for an empty slot */
    size_t n_index;                 /* a power of two */
    uint16_t country_of[26][26];    /* by the letters of an alpha-2
                                       code: 1 + its row of countries, 0
                                       for none */
};

_Static_assert(sizeof(gaz_place) == PLACE_SIZE, "gaz_place layout");
_Static_assert(sizeof(gaz_name) == NAME_SIZE, "gaz_name layout");
_Static_assert(sizeof(gaz_country) == COUNTRY_SIZE, "gaz_country layout");

/* ------------------------------------------------------------------ */
/* Opening                                                             */
/* ------------------------------------------------------------------ */

static void set_diag(casus_diag *diag, const char *path, const char *fmt,
                     ...) __attribute__((format(printf, 3, 4)));

static void set_diag(casus_diag *diag, const char *path, const char *fmt,
                     ...)
{
    if (diag == NULL)
        return;
    diag->file = path;
    diag->line = 0;
    diag->column = 0;
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    snprintf(diag->msg, sizeof(diag->msg), "%s: %s", path, what);
}

static uint32_t u32_at(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Is row i of the country table well formed and after row i - 1? */
static bool country_ok(const gaz *g, size_t i)
{
    const gaz_country *c = &g->countries[i];
    if (!is_upper(c->alpha2[0]) || !is_upper(c->alpha2[1]) ||
        !is_upper(c->alpha3[0]) || !is_upper(c->alpha3[1]) ||
        !is_upper(c->alpha3[2]) || c->pad[0] || c->pad[1] || c->pad[2])
        return false;
    return i == 0 || memcmp(g->countries[i - 1].alpha2, c->alpha2, 2) < 0;
}

/* The checks of the file comment; a message for the first failure. */
static const char *check_layout(gaz *g)
{
    const unsigned char *m = g->map;
    if (g->map_len < HEADER_SIZE || u32_at(m) != GAZ_MAGIC)
        return "not a casus gazetteer";
    if (u32_at(m + 4) != GAZ_VERSION)
        return "gazetteer version is not " GAZ_VERSION_TEXT
               " (rebuild it with make)";
    const uint64_t np = u32_at(m + 8), nn = u32_at(m + 12),
                   ns = u32_at(m + 16), nc = u32_at(m + 20),
                   nb = u32_at(m + 24), ni = u32_at(m + 28);
    if (nb != BLOOM_WORDS)
        return "the name filter is not of 2^22 bits";
    if (ni == 0 || (ni & (ni - 1)) != 0)
        return "the size of the name index is not a power of two";
    const uint64_t names_at = HEADER_SIZE + np * PLACE_SIZE,
                   countries_at = names_at + nn * NAME_SIZE,
                   bloom_at = countries_at + nc * COUNTRY_SIZE,
                   index_at = bloom_at + nb * 8,
                   strings_at = index_at + ni * 4;
    if (strings_at + ns != g->map_len)
        return "size does not match its header (truncated?)";
    if (ns == 0)
        return "empty string area";
    g->places = (const gaz_place *)(const void *)(m + HEADER_SIZE);
    g->n_places = (size_t)np;
    g->names = (const gaz_name *)(const void *)(m + names_at);
    g->n_names = (size_t)nn;
    g->countries = (const gaz_country *)(const void *)(m + countries_at);
    g->n_countries = (size_t)nc;
    g->bloom = (const uint64_t *)(const void *)(m + bloom_at);
    g->index = (const uint32_t *)(const void *)(m + index_at);
    g->n_index = (size_t)ni;
    g->strings = (const char *)(m + strings_at);
    g->strings_len = (size_t)ns;
    if (g->strings[ns - 1] != '\0')
        return "string area does not end with NUL";
    for (size_t i = 0; i < g->n_places; i++)
        if (g->places[i].name >= ns || g->places[i].admin1 >= ns)
            return "a place name lies outside the string area";
    for (size_t i = 0; i < g->n_names; i++)
        if (g->names[i].key >= ns ||
            (g->names[i].place & ~GAZ_OTHER_NAME) >= np)
            return "a name lies outside the file";
    for (size_t i = 0; i < g->n_countries; i++)
        if (!country_ok(g, i))
            return "the country table is damaged or out of order";
    return NULL;
}

/* FNV-1a of a name folded to ASCII lower case, as key_cmp() folds it. */
static uint32_t key_hash(const char *name, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)name[i];
        if (b >= 'A' && b <= 'Z')
            b = (unsigned char)(b - 'A' + 'a');
        h = (h ^ b) * 16777619u;
    }
    return h;
}

/* Both bits of a key are in one word: one cache line per lookup. */
static bool bloom_may(const uint64_t *bloom, uint32_t h)
{
    const uint64_t w = bloom[h & (BLOOM_WORDS - 1)];
    return (w >> ((h >> 16) & 63) & 1) && (w >> ((h >> 22) & 63) & 1);
}

int gaz_open(gaz **out, const char *path, casus_diag *diag)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        set_diag(diag, path, "cannot open: %s", strerror(errno));
        return CASUS_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || st.st_size <= 0) {
        set_diag(diag, path, "cannot read: %s",
                 st.st_size <= 0 ? "empty file" : strerror(errno));
        close(fd);
        return CASUS_EIO;
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        set_diag(diag, path, "cannot map: %s", strerror(errno));
        return CASUS_EIO;
    }
    gaz *g = cs_malloc(sizeof(*g));
    if (g == NULL) {
        munmap(map, (size_t)st.st_size);
        return CASUS_ENOMEM;
    }
    memset(g, 0, sizeof(*g));
    g->map = map;
    g->map_len = (size_t)st.st_size;
    const char *bad = check_layout(g);
    if (bad != NULL) {
        set_diag(diag, path, "%s", bad);
        gaz_close(g);
        return CASUS_EPARSE;
    }
    /* country_ok() has checked the letters and that no code repeats, so
     * there are at most 26 * 26 */
    for (size_t i = 0; i < g->n_countries; i++)
        g->country_of[g->countries[i].alpha2[0] - 'A']
                     [g->countries[i].alpha2[1] - 'A'] = (uint16_t)(i + 1);
    *out = g;
    return 0;
}

void gaz_close(gaz *g)
{
    if (g == NULL)
        return;
    munmap((void *)(uintptr_t)g->map, g->map_len);
    cs_free(g);
}

/* ------------------------------------------------------------------ */
/* Lookups                                                             */
/* ------------------------------------------------------------------ */

size_t gaz_count(const gaz *g)
{
    return g->n_places;
}

const gaz_place *gaz_place_at(const gaz *g, size_t i)
{
    return i < g->n_places ? &g->places[i] : NULL;
}

const char *gaz_str(const gaz *g, uint32_t off)
{
    return off < g->strings_len ? g->strings + off : "";
}

static unsigned char fold_byte(char c)
{
    const unsigned char b = (unsigned char)c;
    return b >= 'A' && b <= 'Z' ? (unsigned char)(b - 'A' + 'a') : b;
}

/* Compare key (NUL-terminated) with the first len bytes of name folded
 * to ASCII lower case, as memcmp orders bytes, knowing that their first
 * *same bytes agree; *same becomes the length of their common prefix. */
static int key_cmp(const char *key, const char *name, size_t len,
                   size_t *same)
{
    for (size_t i = *same; i < len; i++) {
        const unsigned char a = (unsigned char)key[i], b = fold_byte(name[i]);
        if (a != b) {
            *same = i;
            return a < b ? -1 : 1;      /* a NUL key ends first */
        }
    }
    *same = len;
    return key[len] == '\0' ? 0 : 1;
}

/* Is the key of name i the key of name first, which is name (of len
 * bytes) folded?  Names of one key share its string in our files, which
 * saves the comparison. */
static bool key_is(const gaz *g, size_t i, size_t first, const char *name,
                   size_t len)
{
    size_t same = 0;
    return g->names[i].key == g->names[first].key ||
           key_cmp(g->strings + g->names[i].key, name, len, &same) == 0;
}

static size_t search(const gaz *g, const char *name, size_t len,
                     uint32_t h, uint32_t *out, size_t cap);

size_t gaz_lookup(const gaz *g, const char *name, size_t len,
                  uint32_t *out, size_t cap)
{
    const uint32_t h = key_hash(name, len);
    if (!bloom_may(g->bloom, h))
        return 0;
    return search(g, name, len, h, out, cap);
}

size_t gaz_lookup_memo(const gaz *g, gaz_memo *memo, const char *name,
                       size_t len, uint32_t *out, size_t cap)
{
    const uint32_t h = key_hash(name, len);
    if (!bloom_may(g->bloom, h))
        return 0;       /* most words: cheaper than the memo */
    if (len == 0 || len > GAZ_MEMO_KEY)
        return search(g, name, len, h, out, cap);
    gaz_memo_slot *s = &memo->slots[h & (GAZ_MEMO_SLOTS - 1)];
    if (s->len == len && s->hash == h && memcmp(s->name, name, len) == 0) {
        const size_t want = s->n < cap ? s->n : cap;
        if (want <= s->n_ids) {
            memcpy(out, s->ids, want * sizeof(*out));
            return s->n;
        }
    }
    const size_t n = search(g, name, len, h, out, cap);
    const size_t got = n < cap ? n : cap;
    s->hash = h;
    s->n = (uint32_t)n;
    s->len = (uint8_t)len;
    s->n_ids = (uint8_t)(got < GAZ_MEMO_IDS ? got : GAZ_MEMO_IDS);
    memcpy(s->name, name, len);
    memcpy(s->ids, out, s->n_ids * sizeof(*out));
    return n;
}

/* gaz_lookup() once the filter has let name, of key_hash() h, through. */
static size_t search(const gaz *g, const char *name, size_t len,
                     uint32_t h, uint32_t *out, size_t cap)
{
    if (memchr(name, '\0', len) != NULL)
        return 0;
    /* the key's first name, by the index: a slot past the names, like
     * an empty one, ends the probe, and no probe reads more slots than
     * there are */
    const size_t mask = g->n_index - 1;
    size_t lo = SIZE_MAX;
    for (size_t k = 0, at = h & mask; k < g->n_index; k++,
         at = (at + 1) & mask) {
        const uint32_t v = g->index[at];
        if (v == 0 || v > g->n_names)
            return 0;
        size_t same = 0;
        if (key_cmp(g->strings + g->names[v - 1].key, name, len,
                    &same) == 0) {
            lo = v - 1;
            break;
        }
    }
    if (lo == SIZE_MAX)
        return 0;
    size_t end = lo + 1;
    while (end < g->n_names && key_is(g, end, lo, name, len))
        end++;
    /* Another name counts when no place has it as its own name, or for
     * a town of over GAZ_OTHER_WEIGHT times the people of the largest
     * town that has (a division's own name is never outweighed). */
    bool own = false, own_town = false;
    uint64_t outweigh = 0;
    for (size_t i = lo; i < end; i++) {
        if (g->names[i].place & GAZ_OTHER_NAME)
            continue;
        const gaz_place *p = &g->places[g->names[i].place];
        own = true;
        if (!own_town && memcmp(p->feature, "PPL", 3) == 0) {
            own_town = true;            /* the largest: sorted */
            outweigh = (uint64_t)GAZ_OTHER_WEIGHT * p->population;
        }
    }
    size_t n = 0;
    for (size_t i = lo; i < end; i++) {
        const uint32_t place = g->names[i].place & ~GAZ_OTHER_NAME;
        if ((g->names[i].place & GAZ_OTHER_NAME) && own &&
            (!own_town || g->places[place].population <= outweigh))
            continue;
        if (n < cap)
            out[n] = place;
        n++;
    }
    return n;
}

const char *gaz_alpha3(const gaz *g, const char cc[2])
{
    if (!is_upper(cc[0]) || !is_upper(cc[1]))
        return "";
    const unsigned row = g->country_of[cc[0] - 'A'][cc[1] - 'A'];
    return row != 0 ? g->countries[row - 1].alpha3 : "";
}
