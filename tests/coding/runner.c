/*
 * runner.c - golden coding tests: dictionary + sentence -> events
 *
 * Reads tests/coding/NAME.test files made of blocks like
 *
 *     %%TEST raid and arrest
 *     %%ACTORS
 *     KOSOVO_ [KSV]
 *     %%AGENTS
 *     POLICE_ [~COP]
 *     %%VERBS
 *     ARREST_ [173]
 *     %%TEXT
 *     Kosovo police arrested Serbian smugglers near the border on Monday.
 *     %%EXPECT
 *     KSVCOP SRB 173
 *
 * Other directives: %%DICT PATH (a dictionary file, relative to the
 * source tree; repeatable), %%OPTIONS (an inline .options file), %%OPTION
 * LINE (one coder option), %%DATE YYYY-MM-DD, and %%FAIL MESSAGE: loading
 * the dictionaries must report exactly MESSAGE as its first problem
 * ("FILE:LINE: reason", FILE without its folder).  An empty %%EXPECT
 * means no event; an event of a denied verb reads "SRC TGT CODE negated".
 * Lines starting with '#' outside sections are comments.
 *
 * Prints one line per failing test and ends with "N passed, N failed".
 * This is jq's tests/jq.test idea, with casus's public API only.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casus/casus.h"

#define MAXL 64

typedef struct block {
    char name[256];
    char *dicts[8];
    int n_dicts;
    char *inline_text[4];       /* actors, agents, verbs, options */
    char *options[8];
    int n_options;
    char date[16];
    char text[4096];
    char *expect[MAXL];
    int n_expect;
    char fail[512];
    bool has_fail;
    const char *file;
    int line;
} block;

static const char *const kinds[4] = { "actors", "agents", "verbs",
                                      "options" };

static void block_free(block *b)
{
    for (int i = 0; i < b->n_dicts; i++)
        free(b->dicts[i]);
    for (int i = 0; i < 4; i++)
        free(b->inline_text[i]);
    for (int i = 0; i < b->n_options; i++)
        free(b->options[i]);
    for (int i = 0; i < b->n_expect; i++)
        free(b->expect[i]);
    memset(b, 0, sizeof(*b));
}

static void append(char **dst, const char *line)
{
    size_t a = *dst ? strlen(*dst) : 0, n = strlen(line);
    char *p = realloc(*dst, a + n + 2);
    if (p == NULL)
        abort();
    memcpy(p + a, line, n);
    p[a + n] = '\n';
    p[a + n + 1] = '\0';
    *dst = p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char first_problem[512];

static void on_problem(const casus_diag *d, void *payload)
{
    (void)payload;
    if (first_problem[0])
        return;
    const char *base = d->file ? strrchr(d->file, '/') : NULL;
    base = base ? base + 1 : (d->file ? d->file : "?");
    snprintf(first_problem, sizeof(first_problem), "%s:%ld: %s", base,
             d->line, d->msg);
}

/* Run one block; returns 1 when it passed. */
static int run_block(block *b, const char *workdir)
{
    casus_dict *d = NULL;
    casus_coder *c = NULL;
    int ok = 0;
    char *got[MAXL];
    int n_got = 0;

    first_problem[0] = '\0';
    if (casus_dict_new(&d) < 0)
        goto done;
    casus_dict_on_problem(d, on_problem, NULL);
    for (int i = 0; i < b->n_dicts; i++) {
        int err = casus_dict_load(d, b->dicts[i], NULL);
        if (err < 0 && err != CASUS_EPARSE && !b->has_fail) {
            printf("FAIL %s:%d: %s: cannot load %s: %s\n", b->file, b->line,
                   b->name, b->dicts[i], casus_strerror(err));
            goto done;
        }
    }
    for (int k = 0; k < 4; k++) {
        if (b->inline_text[k] == NULL)
            continue;
        char path[4096];
        snprintf(path, sizeof(path), "%s/test.%s", workdir, kinds[k]);
        FILE *fp = fopen(path, "w");
        if (fp == NULL)
            goto done;
        fputs(b->inline_text[k], fp);
        fclose(fp);
        casus_dict_load(d, path, NULL);
    }
    if (b->has_fail) {
        ok = strcmp(first_problem, b->fail) == 0;
        if (!ok)
            printf("FAIL %s:%d: %s\n  expected problem: %s\n  got: %s\n",
                   b->file, b->line, b->name, b->fail,
                   first_problem[0] ? first_problem : "(none)");
        goto done;
    }
    if (first_problem[0]) {
        printf("FAIL %s:%d: %s: dictionary problem: %s\n", b->file, b->line,
               b->name, first_problem);
        goto done;
    }
    if (casus_coder_new(&c, d) < 0)
        goto done;
    for (int i = 0; i < b->n_options; i++)
        if (casus_coder_set_option(c, b->options[i]) < 0) {
            printf("FAIL %s:%d: %s: bad option '%s'\n", b->file, b->line,
                   b->name, b->options[i]);
            goto done;
        }
    casus_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.id = "test";
    doc.text = b->text;
    doc.text_len = strlen(b->text);
    snprintf(doc.date, sizeof(doc.date), "%.10s", b->date);
    const casus_event *ev;
    size_t n;
    if (casus_coder_code(c, &doc, &ev, &n) < 0)
        goto done;
    for (size_t i = 0; i < n && n_got < MAXL; i++) {
        char buf[256];
        snprintf(buf, sizeof(buf), "%s %s %.7s%s", ev[i].source[0] ?
                 ev[i].source : "-", ev[i].target[0] ? ev[i].target : "-",
                 ev[i].code, ev[i].negated ? " negated" : "");
        got[n_got++] = strdup(buf);
    }
    qsort(got, (size_t)n_got, sizeof(char *), cmp_str);
    qsort(b->expect, (size_t)b->n_expect, sizeof(char *), cmp_str);
    ok = n_got == b->n_expect;
    for (int i = 0; ok && i < n_got; i++)
        ok = strcmp(got[i], b->expect[i]) == 0;
    if (!ok) {
        printf("FAIL %s:%d: %s\n  text: %s\n  expected:", b->file, b->line,
               b->name, b->text);
        for (int i = 0; i < b->n_expect; i++)
            printf(" [%s]", b->expect[i]);
        printf("\n  got:     ");
        for (int i = 0; i < n_got; i++)
            printf(" [%s]", got[i]);
        printf("\n");
    }
done:
    for (int i = 0; i < n_got; i++)
        free(got[i]);
    casus_coder_free(c);
    casus_dict_free(d);
    return ok;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    char workdir[] = "/tmp/casus-coding-XXXXXX";
    if (mkdtemp(workdir) == NULL) {
        perror("mkdtemp");
        return 2;
    }
    for (int a = 1; a < argc; a++) {
        FILE *fp = fopen(argv[a], "r");
        if (fp == NULL) {
            printf("FAIL %s: cannot open\n", argv[a]);
            failed++;
            continue;
        }
        char line[4096];
        block b;
        memset(&b, 0, sizeof(b));
        int section = -1;   /* 0-3 inline dict, 4 text, 5 expect */
        bool open = false;
        int lineno = 0;
        for (;;) {
            char *got = fgets(line, sizeof(line), fp);
            if (got) {
                lineno++;
                line[strcspn(line, "\r\n")] = '\0';
            }
            if (got == NULL || strncmp(line, "%%TEST", 6) == 0) {
                if (open) {
                    if (run_block(&b, workdir))
                        passed++;
                    else
                        failed++;
                    block_free(&b);
                }
                if (got == NULL)
                    break;
                open = true;
                section = -1;
                snprintf(b.name, sizeof(b.name), "%s", line + 6 +
                         (line[6] == ' '));
                b.file = argv[a];
                b.line = lineno;
                continue;
            }
            if (!open)
                continue;
            if (strncmp(line, "%%", 2) == 0) {
                const char *arg = strchr(line, ' ');
                arg = arg ? arg + 1 : "";
                section = -1;
                if (strncmp(line, "%%ACTORS", 8) == 0)
                    section = 0;
                else if (strncmp(line, "%%AGENTS", 8) == 0)
                    section = 1;
                else if (strncmp(line, "%%VERBS", 7) == 0)
                    section = 2;
                else if (strncmp(line, "%%OPTIONS", 9) == 0)
                    section = 3;
                else if (strncmp(line, "%%OPTION", 8) == 0 &&
                         b.n_options < 8)
                    b.options[b.n_options++] = strdup(arg);
                else if (strncmp(line, "%%TEXT", 6) == 0)
                    section = 4;
                else if (strncmp(line, "%%EXPECT", 8) == 0)
                    section = 5;
                else if (strncmp(line, "%%DATE", 6) == 0)
                    snprintf(b.date, sizeof(b.date), "%s", arg);
                else if (strncmp(line, "%%DICT", 6) == 0 && b.n_dicts < 8)
                    b.dicts[b.n_dicts++] = strdup(arg);
                else if (strncmp(line, "%%FAIL", 6) == 0) {
                    b.has_fail = true;
                    snprintf(b.fail, sizeof(b.fail), "%s", arg);
                }
                continue;
            }
            if (section >= 0 && section < 4) {
                append(&b.inline_text[section], line);
            } else if (section == 4) {
                if (line[0] && strlen(b.text) + strlen(line) + 2 <
                                   sizeof(b.text)) {
                    if (b.text[0])
                        strcat(b.text, " ");
                    strcat(b.text, line);
                }
            } else if (section == 5) {
                if (line[0] && line[0] != '#' && b.n_expect < MAXL)
                    b.expect[b.n_expect++] = strdup(line);
            }
        }
        fclose(fp);
    }
    for (int k = 0; k < 4; k++) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/test.%s", workdir, kinds[k]);
        unlink(path);
    }
    rmdir(workdir);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
