/*
 * merge_fuzzer.c - libFuzzer target: casus_store_merge() on any file
 *
 * A store file given to `casus merge` is untrusted input: the bytes are
 * written to a temporary file and merged into an in-memory store.  The
 * merge must succeed or fail with a negative code, a diag naming the
 * file and a message; a failed merge must report zero rows copied, and
 * the store must take a document afterwards either way.  The
 * corpus holds small stores (schema versions 1, 3 and 4, page size 512)
 * and damaged ones.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casus/store.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/casus-merge-fuzz-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    const bool written = size == 0 || write(fd, data, size) == (ssize_t)size;
    close(fd);

    casus_store *st = NULL;
    casus_diag diag = CASUS_DIAG_INIT;
    if (written && casus_store_open(&st, ":memory:", &diag) == 0) {
        casus_store_counts n = { 1, 1, 1, 1 };
        const int error = casus_store_merge(st, path, &n, &diag);
        if (error < 0) {
            CHECK(diag.file == path && diag.msg[0] != '\0');
            CHECK(n.n_documents == 0 && n.n_sentences == 0 &&
                  n.n_events == 0 && n.n_places == 0);
        } else {
            CHECK(error == 0);
        }
        const casus_doc doc = { .id = "after", .text = "Text.",
                                .text_len = 5 };
        CHECK(casus_store_put(st, &doc, NULL, 0, NULL, 0, NULL, 0) == 0);
        CHECK(casus_store_close(st) == 0);
    }
    unlink(path);
    /* SQLite leaves no -wal or -journal of a file it only read, but a
     * -wal store in the corpus may have one recovered: remove both. */
    char side[sizeof(path) + 8];
    snprintf(side, sizeof(side), "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof(side), "%s-shm", path);
    unlink(side);
    return 0;
}
