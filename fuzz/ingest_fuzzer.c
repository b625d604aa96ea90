/*
 * ingest_fuzzer.c - libFuzzer target: the document reader on any bytes
 *
 * Feeds the input through fmemopen() to a JSONL reader and then to a
 * plain-text reader, reading until the end.  A small max_doc makes the
 * too-big path reachable with small inputs.  Every document handed out
 * must be NUL-terminated at text_len and carry an id; anything else
 * aborts.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/doc.h"

static void read_all(const uint8_t *data, size_t size, casus_input_kind kind)
{
    /* fmemopen() refuses a zero-size buffer. */
    static const uint8_t empty[1];
    FILE *fp = fmemopen((void *)(size ? data : empty), size ? size : 1, "rb");
    if (fp == NULL)
        return;
    if (size == 0)
        fgetc(fp);

    casus_reader *r = NULL;
    if (casus_reader_new(&r, fp, "fuzz", kind, 4096) == 0) {
        for (int guard = 0; guard < 1000000; guard++) {
            casus_doc doc;
            casus_diag diag = CASUS_DIAG_INIT;
            const int error = casus_reader_next(r, &doc, &diag);
            if (error == CASUS_EOF || error == CASUS_EIO ||
                error == CASUS_ENOMEM)
                break;
            if (error < 0) {
                if (diag.msg[0] == '\0' || diag.file == NULL)
                    abort();
                continue;
            }
            if (doc.id == NULL || doc.text == NULL ||
                doc.text[doc.text_len] != '\0' || strlen(doc.date) > 10)
                abort();
        }
    }
    casus_reader_free(r);
    fclose(fp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    read_all(data, size, CASUS_INPUT_JSONL);
    read_all(data, size, CASUS_INPUT_TEXT);
    return 0;
}
