/*
 * places_fuzzer.c - libFuzzer target: place names in any bytes
 *
 * Runs the geocoder over arbitrary bytes as one document and checks each
 * place: its byte span lies inside the text, its code-point span is no
 * longer than its byte span, its coordinates are on the globe, and its
 * mention record and event location format.  Then locates the text's
 * halves and checks the answer is one of the places.  Needs the gazetteer `make` builds.  The text
 * is copied into a buffer of exactly its size, so ASan catches any read
 * past it.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/places.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static casus_geocoder *gc;
    if (gc == NULL) {
        casus_diag diag = CASUS_DIAG_INIT;
        if (casus_geocoder_open(&gc, CASUS_DATADIR "/gen/gazetteer.bin",
                                &diag) != 0) {
            fprintf(stderr, "%s\n", diag.msg);
            abort();
        }
    }
    char *copy = malloc(size ? size : 1);
    if (copy == NULL)
        return 0;
    memcpy(copy, data, size);
    casus_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.id = "fuzz";
    doc.text = copy;
    doc.text_len = size;
    const casus_place *p;
    size_t n;
    CHECK(casus_geocoder_places(gc, &doc, &p, &n) == 0);
    char buf[1024];
    for (size_t i = 0; i < n; i++) {
        CHECK(p[i].start < p[i].end && p[i].end <= size);
        CHECK(p[i].cp_start < p[i].cp_end);
        CHECK(p[i].cp_end - p[i].cp_start <= p[i].end - p[i].start);
        CHECK(p[i].lat >= -90 && p[i].lat <= 90);
        CHECK(p[i].lon >= -180 && p[i].lon <= 180);
        CHECK(casus_place_format(buf, sizeof(buf), &doc, &p[i]) > 0);
        casus_location loc;
        casus_place_location(&p[i], &loc);
        CHECK(strlen(loc.name) < sizeof(loc.name));
    }
    const size_t halves[3][2] = { { 0, size / 2 }, { size / 2, size },
                                  { 0, size } };
    for (int h = 0; h < 3; h++) {
        const casus_place *at = casus_geocoder_locate(gc, halves[h][0],
                                                      halves[h][1]);
        CHECK(n == 0 ? at == NULL : at >= p && at < p + n);
    }
    free(copy);
    return 0;
}
