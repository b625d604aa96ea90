/*
 * dict_fuzzer.c - the dictionary loaders and pattern compiler on any bytes
 *
 * The first byte picks the file kind (actors, agents, verbs, options,
 * PETRARCH verbs, discards); the rest is the file.  The loaded dictionary
 * then codes two sentences, so odd patterns are matched as well as parsed.
 * Loading may report problems; it must never crash or leak.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casus/casus.h"

static const char *const names[] = {
    "fz.actors", "fz.agents", "fz.verbs", "fz.options", "CAMEO.fz.txt",
    "fz.discards.txt"
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dir[64];
    if (dir[0] == '\0') {
        snprintf(dir, sizeof(dir), "/tmp/casus-fuzz-dict-%ld", (long)getpid());
        mkdir(dir, 0700);
    }
    if (size == 0)
        return 0;
    const char *name = names[data[0] % 6];
    char path[128];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (fp == NULL)
        return 0;
    /* a PETRARCH verb file is recognised by its block header */
    if (data[0] % 6 == 4)
        fputs("--- FUZZ [010] ---\n", fp);
    fwrite(data + 1, 1, size - 1, fp);
    fclose(fp);

    casus_dict *d = NULL;
    casus_coder *c = NULL;
    if (casus_dict_new(&d) < 0)
        abort();
    casus_dict_load(d, path, NULL);
    if (casus_coder_new(&c, d) == 0) {
        static const char *const texts[] = {
            "Serbia accused Kosovo police of raiding villages, and the UN "
            "appealed for calm on Monday.",
            "THE ARMY AND POLICE WERE ATTACKED BY REBELS; 19 WERE ARRESTED."
        };
        for (int i = 0; i < 2; i++) {
            casus_doc doc;
            memset(&doc, 0, sizeof(doc));
            doc.id = "fuzz";
            doc.text = texts[i];
            doc.text_len = strlen(texts[i]);
            const casus_event *ev;
            size_t n;
            casus_coder_code(c, &doc, &ev, &n);
        }
    }
    casus_coder_free(c);
    casus_dict_free(d);
    unlink(path);
    return 0;
}
