/*
 * gazetteer.c - load time, lookup rate and memory of the gazetteer
 *
 *   build/bench/gazetteer [GAZETTEER] [RUNS]    (`make bench` runs this)
 *
 * Opens the gazetteer RUNS times (default 21) and prints the median time
 * of one gaz_open(), with the first page of every place touched; then
 * looks up the name of every place once and prints lookups per second
 * (names with letters outside ASCII are not found: lookups take text the
 * text stage has folded, and these names are not); then the peak resident memory of the process (VmHWM) and the size of
 * the mapping.  A measurement, not a test.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gazetteer.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static long vm_hwm_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof(line), f))
        if (strncmp(line, "VmHWM:", 6) == 0)
            kb = strtol(line + 6, NULL, 10);
    if (f)
        fclose(f);
    return kb;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : CASUS_DATADIR "/gen/gazetteer.bin";
    const int runs = argc > 2 ? atoi(argv[2]) : 21;
    if (runs < 1 || runs > 1000) {
        fprintf(stderr, "gazetteer: RUNS must be 1..1000\n");
        return 2;
    }
    double t[1000];
    uint64_t sum = 0;
    for (int r = 0; r < runs; r++) {
        casus_diag diag = CASUS_DIAG_INIT;
        gaz *g;
        const double s = now();
        if (gaz_open(&g, path, &diag) != 0) {
            fprintf(stderr, "gazetteer: %s\n", diag.msg);
            return 1;
        }
        t[r] = now() - s;
        sum += gaz_count(g);
        gaz_close(g);
    }
    qsort(t, (size_t)runs, sizeof(t[0]), cmp_double);

    casus_diag diag = CASUS_DIAG_INIT;
    gaz *g;
    if (gaz_open(&g, path, &diag) != 0) {
        fprintf(stderr, "gazetteer: %s\n", diag.msg);
        return 1;
    }
    const size_t n = gaz_count(g);
    size_t found = 0;
    uint32_t ids[8];
    const double s = now();
    for (size_t i = 0; i < n; i++) {
        const char *name = gaz_str(g, gaz_place_at(g, i)->name);
        found += gaz_lookup(g, name, strlen(name), ids, 8) > 0;
    }
    const double look = now() - s;
    printf("gazetteer %s: %zu places (%llu opened in all)\n", path, n,
           (unsigned long long)sum);
    printf("  open (median of %d): %.2f ms\n", runs, t[runs / 2] * 1e3);
    printf("  lookups: %zu names in %.3f s, %.0f/s, %zu found\n", n, look,
           (double)n / (look > 0 ? look : 1e-9), found);
    printf("  peak resident memory: %.1f MB\n", (double)vm_hwm_kb() / 1024);
    gaz_close(g);
    return 0;
}
