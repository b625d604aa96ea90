/*
 * coder_fuzzer.c - the coder on any bytes
 *
 * A small fixed dictionary (written once to a temporary folder) codes the
 * input as a document's text, and `explain` describes it as a sentence.
 * Any valid or invalid UTF-8, any length: no crash, no leak, no hang.
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

static const char actors[] =
    "SERBIA_ [SRB]\n+SERBIAN_\nKOSOVO_ [KSV]\n+KOSOVAR_\n"
    "UNITED_NATIONS_ [IGOUNO]\n+UN_\nAL GORE [USAELI]\n"
    "KURTI_\n    [KSVOPP 20100101-20200202]\n    [KSVGOV >20200203]\n"
    "THE_TWO_KOREAS_ [PRK/KOR]\nSOCCER_ [###]\n"
    "<NOUN>\nVILLAGES_\nRAID_\n</NOUN>\n"
    "<ADJECTIVE>\nNORTHERN_\n</ADJECTIVE>\n"
    "<CAPITALISED>\nKOSOVO_ [KSV]\n</CAPITALISED>\nBELGRADE_ [SRBGOV]\n"
    "PROGRESSIVE_PARTY_ [SRBPTY]\n";
static const char agents[] =
    "POLICE_ [~COP]\nPRESIDENT_ [~GOV]\nHUMAN_RIGHTS_GROUP_ [NGO~]\n"
    "LEADER_ [~GOV]\n";
static const char verbs[] =
    "<SYNSETS>\n&AID\n+FOOD_\n+TENTS_\n"
    "&CASUS_SAYING\n+SAY\n+SAID\n+CLAIM\n&CASUS_ANNOUNCING\n+ANNOUNC\n"
    "&CASUS_VOICES\n+LEADER\n&CASUS_RULING\n+RULED_\n+BACKED_\n"
    "</SYNSETS>\n"
    "ACCUSE_ [112]\n- + WAS * BY $ [112]\nRAID_ [190]\n"
    "ARREST_ [173]\n- * { TWO | 19 } PEOPLE [1731]\nSAY_ [010?]\n"
    "{ SAID_ }\nMEET_ [036:036]\n- % * [036]\nSEND_ [---]\n{ SENT_ }\n"
    "- * &AID TO + [0233]\nATTACK_ [190!]\n- ^ * WITH $ [190]\n";

static void put(const char *dir, const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    if (fp == NULL)
        abort();
    fputs(text, fp);
    fclose(fp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static casus_dict *d;
    static casus_coder *c;
    if (d == NULL) {
        char dir[64], path[128];
        snprintf(dir, sizeof(dir), "/tmp/casus-fuzz-coder-%ld",
                 (long)getpid());
        mkdir(dir, 0700);
        put(dir, "f.actors", actors);
        put(dir, "f.agents", agents);
        put(dir, "f.verbs", verbs);
        put(dir, "f.options", "SET: CODE ALL\nSET: MINIMUM WORDS = 3\n"
                              "SET: CONVERT AGENTS = TRUE\n"
                              "SET: REQUIRE DYAD = FALSE\nFORWARD: ON\n"
                              "SET: NEGATION = MARK\n"
                              "SET: AGENTLESS PASSIVE = TRUE\n"
                              "SET: THAT SUBJECT = TRUE\n"
                              "SET: ALLEGATIONS = TRUE\n"
                              "SET: STATED INTENT = TRUE\n"
                              "SET: SHARED AGENTS = TRUE\n"
                              "SET: POSSESSIVE NOUNS = TRUE\n"
                              "SET: TRANSITIVE NOUNS = TRUE\n"
                              "SET: REDUCED RELATIVES = TRUE\n"
                              "SET: SEATS AS PLACES = TRUE\n"
                              "SET: LEADERS OF BODIES = TRUE\n"
                              "SET: CONDITIONS = TRUE\n"
                              "SET: HYPHEN MODIFIERS = TRUE\n"
                              "SET: NOUN COMPOUNDS = TRUE\n"
                              "SET: COMMA CLAUSES = TRUE\n");
        if (casus_dict_new(&d) < 0)
            abort();
        const char *files[] = { "f.actors", "f.agents", "f.verbs",
                                "f.options" };
        for (int i = 0; i < 4; i++) {
            snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
            if (casus_dict_load(d, path, NULL) != 0)
                abort();    /* the fixed dictionary must load cleanly */
            unlink(path);
        }
        rmdir(dir);
        if (casus_coder_new(&c, d) < 0)
            abort();
    }
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    casus_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.id = "fuzz";
    doc.text = text;
    doc.text_len = size;
    memcpy(doc.date, "2024-05-01", 11);
    const casus_event *ev;
    size_t n;
    if (casus_coder_code(c, &doc, &ev, &n) == 0) {
        size_t ns;
        const size_t (*spans)[2] = casus_coder_sentences(c, &ns);
        for (size_t i = 0; i < ns; i++)
            if (spans[i][0] + spans[i][1] > size)
                abort();    /* a sentence must lie inside the text */
        for (size_t i = 0; i < n; i++)
            if (ev[i].code[0] == '\0' || ev[i].sentence < 0 ||
                (size_t)ev[i].sentence >= ns)
                abort();
    }
    const char *out;
    casus_coder_explain(c, text, "2024-05-01", &out);
    free(text);
    return 0;
}
