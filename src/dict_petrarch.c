/*
 * dict_petrarch.c - PETRARCH verb and discard dictionaries
 *
 * PETRARCH's verb files (CAMEO.2.0.txt, PETR.Validate.verbs.txt) group
 * verbs in blocks headed "--- NAME [code] ---"; every pattern of a block
 * belongs to every verb in it.  A verb line may carry its own code and its
 * irregular forms in { }.  A '+' marks the verb word of a multi-word verb
 * ("+ASK_FOR", "KLM_NOP_+RST").  Pattern lines use TABARI's symbols plus
 * ( ) and { } to group noun and prepositional phrases; read from text
 * alone, those groups are plain word sequences.
 *
 * PETRARCH verbs are whole words with regular endings, so their final word
 * is matched exactly rather than as a stem.
 *
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "dictdef.h"
#include "strbuf.h"

/* Remove '#' comments (after a blank or at the start) and "<!-- -->". */
static void cut_comment(char *s, bool *in_html)
{
    if (*in_html) {
        char *end = strstr(s, "-->");
        if (end == NULL) {
            s[0] = '\0';
            return;
        }
        memmove(s, end + 3, strlen(end + 3) + 1);
        *in_html = false;
    }
    char *h = strstr(s, "<!--");
    if (h) {
        char *end = strstr(h, "-->");
        if (end)
            memmove(h, end + 3, strlen(end + 3) + 1);
        else {
            *h = '\0';
            *in_html = true;
        }
    }
    for (char *p = s; *p; p++) {
        if (*p == '#' && (p == s || p[-1] == ' ' || p[-1] == '\t')) {
            *p = '\0';
            break;
        }
    }
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

typedef struct block {
    long first_verb;        /* index of the block's first verb, or -1 */
    long pattern_holder;    /* verb whose pattern list the block shares */
    const char *code;       /* the block's code */
} block;

/* Make every verb of the block share the holder's patterns. */
static void close_block(casus_dict *d, block *b)
{
    if (b->first_verb < 0 || b->pattern_holder < 0)
        return;
    verb *h = &d->verbs[b->pattern_holder];
    for (long i = b->first_verb; i < (long)d->n_verbs; i++) {
        if (i == b->pattern_holder)
            continue;
        d->verbs[i].pats = h->pats;
        d->verbs[i].n_pats = h->n_pats;
        d->verbs[i].pats_cap = 0;   /* not the owner */
    }
    b->first_verb = -1;
    b->pattern_holder = -1;
}

/* Strip the PETRARCH-only grouping marks from a pattern: ( ) always, and
 * { } when they hold no '|' (a noun phrase rather than alternatives). */
static void flatten_groups(char *s)
{
    for (char *p = s; *p; p++) {
        if (*p == '(' || *p == ')') {
            *p = ' ';
        } else if (*p == '{') {
            char *q = strchr(p, '}');
            if (q == NULL)
                return;
            if (memchr(p, '|', (size_t)(q - p)) == NULL) {
                *p = ' ';
                *q = ' ';
            }
        }
    }
}

/* Add one verb form (a phrase) for verb vi. */
static int add_form(casus_dict *d, const char *s, size_t n, long vi,
                    const char *file, long line)
{
    char buf[256];
    size_t bl = 0;
    for (size_t i = 0; i < n && bl + 2 < sizeof(buf); i++)
        if (s[i] != '+')
            buf[bl++] = s[i];
    /* the final word is whole, with regular endings */
    if (bl && buf[bl - 1] != '_' && buf[bl - 1] != '=')
        buf[bl++] = '_';
    entry e = { 0 };
    int err = dict_parse_phrase(d, buf, bl, &e.ph);
    if (err < 0)
        return err;
    e.kind = K_VERB;
    e.file = file;
    e.line = (uint32_t)line;
    e.u.verb = (uint32_t)vi;
    return dict_add_entry(d, &e) < 0 ? CASUS_ENOMEM : 0;
}

static int verb_line(casus_dict *d, block *b, char *s, const char *file,
                     long line, casus_diag *diag)
{
    char *code = NULL;
    char *lb = strrchr(s, '[');
    if (lb) {
        char *rb = strchr(lb, ']');
        if (rb == NULL)
            return dict_problem(d, diag, file, line, "missing ']'");
        *rb = '\0';
        *lb = '\0';
        code = lb + 1;
        while (*code == ' ')
            code++;
    }
    char *forms = strchr(s, '{');
    if (forms)
        *forms++ = '\0';
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    if (n == 0)
        return dict_problem(d, diag, file, line, "verb line without a verb");
    verb v = { 0 };
    v.code = code ? dict_strndup(d, code, strlen(code)) : b->code;
    v.root = dict_strndup(d, s, n);
    v.file = file;
    v.line = (uint32_t)line;
    if (v.code == NULL || v.root == NULL)
        return CASUS_ENOMEM;
    long vi = dict_add_verb(d, &v);
    if (vi < 0)
        return CASUS_ENOMEM;
    if (b->first_verb < 0)
        b->first_verb = vi;
    if (b->pattern_holder < 0)
        b->pattern_holder = vi;
    int err = add_form(d, s, n, vi, file, line);
    if (err < 0)
        return err == CASUS_ENOMEM ? err :
            dict_problem(d, diag, file, line, "bad verb '%s'", s);
    if (forms) {
        char *rb = strchr(forms, '}');
        if (rb)
            *rb = '\0';
        for (char *t = strtok(forms, " \t"); t; t = strtok(NULL, " \t"))
            if ((err = add_form(d, t, strlen(t), vi, file, line)) ==
                CASUS_ENOMEM)
                return err;
    }
    return 0;
}

/* Define the synonym set being read, if any, and start afresh. */
static int flush_synset(casus_dict *d, char *synset, const char **members,
                        size_t *n_members, const char *file, long line,
                        casus_diag *diag)
{
    int err = 0;
    if (synset[0])
        err = pat_define_synset(d, synset, members, *n_members, file,
                                (uint32_t)line, diag);
    synset[0] = '\0';
    *n_members = 0;
    return err;
}

int dict_load_petrarch_verbs(casus_dict *d, const char *path,
                             casus_diag *diag)
{
    char *buf;
    size_t len;
    int err = dict_read_file(path, &buf, &len);
    if (err < 0)
        return err;
    const char *file = dict_strndup(d, path, strlen(path));
    block b = { -1, -1, "---" };
    char synset[64] = "";
    const char *members[512];
    size_t n_members = 0;
    long synset_line = 0, lineno = 0;
    bool in_html = false;
    int result = 0;

    if (file == NULL) {
        cs_free(buf);
        return CASUS_ENOMEM;
    }
    for (char *s = buf, *nl; s && *s; s = nl ? nl + 1 : NULL) {
        nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        cut_comment(s, &in_html);
        char *t = s;
        while (*t == ' ' || *t == '\t')
            t++;
        if (*t == '\0' || t[0] == '<') {
            if (*t == '\0')
                err = flush_synset(d, synset, members, &n_members, file,
                                   synset_line, diag);
            goto next;
        }
        if (t[0] == '&') {
            err = flush_synset(d, synset, members, &n_members, file,
                               synset_line, diag);
            snprintf(synset, sizeof(synset), "%s", t);
            synset_line = lineno;
            goto next;
        }
        if (synset[0] && t[0] == '+') {
            if (n_members < 512)
                members[n_members++] = dict_strndup(d, t + 1, strlen(t + 1));
            goto next;
        }
        if ((err = flush_synset(d, synset, members, &n_members, file,
                                synset_line, diag)) == CASUS_ENOMEM)
            break;
        if (strncmp(t, "---", 3) == 0) {
            close_block(d, &b);
            char *lb = strchr(t, '[');
            char *rb = lb ? strchr(lb, ']') : NULL;
            b.code = "---";
            if (rb) {
                char *c = lb + 1;
                while (*c == ' ')
                    c++;
                size_t n = (size_t)(rb - c);
                while (n && c[n - 1] == ' ')
                    n--;
                b.code = dict_strndup(d, c, n);
            }
            goto next;
        }
        if (t[0] == '-' && (t[1] == ' ' || t[1] == '\t')) {
            if (b.pattern_holder < 0) {
                err = dict_problem(d, diag, file, lineno,
                                   "pattern before any verb");
                goto next;
            }
            char *lb = strrchr(t, '[');
            char *rb = lb ? strchr(lb, ']') : NULL;
            if (rb == NULL) {
                err = dict_problem(d, diag, file, lineno,
                                   "pattern without a [code]");
                goto next;
            }
            *rb = '\0';
            *lb = '\0';
            char *c = lb + 1;
            while (*c == ' ')
                c++;
            size_t cn = strlen(c);
            while (cn && c[cn - 1] == ' ')
                c[--cn] = '\0';
            flatten_groups(t + 1);
            const char *code = dict_strndup(d, c, cn);
            if (code == NULL) {
                err = CASUS_ENOMEM;
                break;
            }
            err = pat_compile(d, &d->verbs[b.pattern_holder], t + 1,
                              strlen(t + 1), code, file, (uint32_t)lineno,
                              diag);
            goto next;
        }
        err = verb_line(d, &b, t, file, lineno, diag);
    next:
        if (err == CASUS_ENOMEM)
            break;
        if (err < 0)
            result = CASUS_EPARSE;
        err = 0;
    }
    if (err != CASUS_ENOMEM) {
        err = flush_synset(d, synset, members, &n_members, file,
                           synset_line, diag);
        if (err == CASUS_EPARSE)
            result = CASUS_EPARSE;
    }
    close_block(d, &b);
    cs_free(buf);
    return err == CASUS_ENOMEM ? err : result;
}

int dict_load_petrarch_discards(casus_dict *d, const char *path,
                                casus_diag *diag)
{
    char *buf;
    size_t len;
    int err = dict_read_file(path, &buf, &len);
    if (err < 0)
        return err;
    const char *file = dict_strndup(d, path, strlen(path));
    bool in_html = false;
    long lineno = 0;
    int result = 0;

    for (char *s = buf, *nl; s && *s; s = nl ? nl + 1 : NULL) {
        nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        cut_comment(s, &in_html);
        char *t = s;
        while (*t == ' ' || *t == '\t')
            t++;
        if (*t == '\0' || *t == '<')
            continue;
        if (*t == '+')      /* story-level discard; we discard the sentence */
            t++;
        char *lb = strchr(t, '[');
        if (lb)
            *lb = '\0';
        entry e = { 0 };
        err = dict_parse_phrase(d, t, strlen(t), &e.ph);
        if (err == CASUS_ENOMEM)
            break;
        if (err < 0) {
            dict_problem(d, diag, file, lineno, "empty discard phrase");
            result = CASUS_EPARSE;
            err = 0;
            continue;
        }
        e.kind = K_DISCARD;
        e.file = file;
        e.line = (uint32_t)lineno;
        e.u.special = "###";
        if (dict_add_entry(d, &e) < 0) {
            err = CASUS_ENOMEM;
            break;
        }
    }
    cs_free(buf);
    return err == CASUS_ENOMEM ? err : result;
}
