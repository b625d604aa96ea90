/*
 * options.c - the .options language: coding switches of a dictionary set
 *
 * Reads TABARI .options commands (SET:, COMPLEX:, DEFAULT:, COMMA:,
 * FORWARD:, and the output-only LABEL:, OUTPUT:, NONEVENTS:) into a
 * coder_options.  As in TABARI only the first four letters and the colon
 * of a command name count, and text after '#' or '//' is a comment.
 *
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "dictdef.h"

void options_default(coder_options *o)
{
    memset(o, 0, sizeof(*o));
    o->code_by = CODE_BY_CLAUSE;
    o->min_words = 8;
    o->comma_min = 2;
    o->comma_max = 10;
    o->comma_emin = 2;
    o->comma_emax = 10;
    o->comma_bmin = 128;
    o->comma_bmax = 0;
    memcpy(o->unknown_actor, "~", 2);
}

static bool truth(const char *s)
{
    const char *eq = strchr(s, '=');
    if (eq == NULL)
        return true;
    eq++;
    while (*eq == ' ' || *eq == '\t')
        eq++;
    return toupper((unsigned char)*eq) == 'T';
}

/* "NAME[5]" → 5; 0 when absent */
static int bracket_num(const char *s, const char *name)
{
    const char *p = dict_find_ci(s, name);
    if (p == NULL)
        return 0;
    p = strchr(p, '[');
    return p ? atoi(p + 1) : 0;
}

/* "MIN = 4" → 4, with `name` matched as a whole word */
static bool eq_num(const char *s, const char *name, int *out)
{
    size_t n = strlen(name);
    for (const char *p = dict_find_ci(s, name); p; p = dict_find_ci(p + 1, name)) {
        if (p > s && isalpha((unsigned char)p[-1]))
            continue;
        const char *q = p + n;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q != '=')
            continue;
        *out = atoi(q + 1);
        return true;
    }
    return false;
}

/* Code after "KEYWORD": "[DEFSRC]" → DEFSRC */
static void bracket_code(const char *s, const char *kw, char *out, size_t cap)
{
    const char *p = dict_find_ci(s, kw);
    out[0] = '\0';
    if (p == NULL)
        return;
    const char *lb = strchr(p, '[');
    const char *rb = lb ? strchr(lb, ']') : NULL;
    if (rb == NULL)
        return;
    size_t n = 0;
    for (const char *c = lb + 1; c < rb && n + 1 < cap; c++)
        if (*c != ' ' && *c != '\t')
            out[n++] = (char)toupper((unsigned char)*c);
    out[n] = '\0';
}

int options_apply(coder_options *o, const char *line)
{
    char buf[512];
    size_t n = 0;
    for (const char *p = line; *p && n + 1 < sizeof(buf); p++) {
        if (*p == '#' || (p[0] == '/' && p[1] == '/'))
            break;
        buf[n++] = *p;
    }
    buf[n] = '\0';
    char *s = buf;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '\0')
        return 0;
    char *colon = strchr(s, ':');
    if (colon == NULL || colon - s < 3)
        return -1;
    char *arg = colon + 1;
    if (strncasecmp(s, "SET", 3) == 0) {
        if (dict_find_ci(arg, "CODE BY")) {
            if (dict_find_ci(arg, "SENTENCE"))
                o->code_by = CODE_BY_SENTENCE;
            else
                o->code_by = CODE_BY_CLAUSE;
        } else if (dict_find_ci(arg, "CODE ALL")) {
            o->code_by = CODE_ALL;
        } else if (dict_find_ci(arg, "MINIMUM WORDS") || dict_find_ci(arg, "MIN WORD")) {
            const char *eq = strchr(arg, '=');
            o->min_words = eq ? atoi(eq + 1) : 8;
        } else if (dict_find_ci(arg, "CONVERT AGENT")) {
            o->convert_agents = truth(arg);
        } else if (dict_find_ci(arg, "YYYY")) {
            o->yyyy = truth(arg);
        } else if (dict_find_ci(arg, "TIME SHIFT")) {
            o->time_shift = truth(arg);
        } else if (dict_find_ci(arg, "UNKNOWN ACTOR")) {
            /* casus extension: "SET: UNKNOWN ACTOR = ---" */
            const char *eq = strchr(arg, '=');
            if (eq == NULL)
                return -1;
            eq++;
            while (*eq == ' ' || *eq == '\t')
                eq++;
            size_t ul = strcspn(eq, " \t");
            if (ul == 0 || ul >= sizeof(o->unknown_actor))
                return -1;
            memcpy(o->unknown_actor, eq, ul);
            o->unknown_actor[ul] = '\0';
        } else if (dict_find_ci(arg, "AGENTLESS PASSIVE")) {
            o->agentless_passive = truth(arg);  /* casus extension */
        } else if (dict_find_ci(arg, "THAT SUBJECT")) {
            o->that_subject = truth(arg);   /* casus extension */
        } else if (dict_find_ci(arg, "SHARED AGENT")) {
            o->share_agents = truth(arg);   /* casus extension */
        } else if (dict_find_ci(arg, "TRANSITIVE NOUNS")) {
            o->transitive_nouns = truth(arg);   /* casus extension */
        } else if (dict_find_ci(arg, "COMMA CLAUSES")) {
            o->comma_clauses = truth(arg);      /* casus extension */
        } else if (dict_find_ci(arg, "NOUN COMPOUNDS")) {
            o->noun_compounds = truth(arg);     /* casus extension */
        } else if (dict_find_ci(arg, "POSSESSIVE NOUNS")) {
            o->possessive_nouns = truth(arg);   /* casus extension */
        } else if (dict_find_ci(arg, "REDUCED RELATIVE")) {
            o->reduced_relatives = truth(arg);  /* casus extension */
        } else if (dict_find_ci(arg, "SEATS AS PLACES")) {
            o->seat_places = truth(arg);    /* casus extension */
        } else if (dict_find_ci(arg, "LEADERS OF BODIES")) {
            o->body_voices = truth(arg);    /* casus extension */
        } else if (dict_find_ci(arg, "STATED INTENT")) {
            o->stated_intent = truth(arg);  /* casus extension */
        } else if (dict_find_ci(arg, "CONDITIONS")) {
            o->conditions = truth(arg);     /* casus extension */
        } else if (dict_find_ci(arg, "HYPHEN MODIFIERS")) {
            o->hyphen_modifiers = truth(arg);   /* casus extension */
        } else if (dict_find_ci(arg, "ALLEGATION")) {
            o->allegations = truth(arg);    /* casus extension */
        } else if (dict_find_ci(arg, "LEMMA")) {
            o->lemmas = truth(arg);         /* casus extension */
        } else if (dict_find_ci(arg, "REQUIRE DYAD")) {
            /* casus extension, after PETRARCH's require_dyad: FALSE
             * codes an event whose source or target is missing */
            o->one_sided = !truth(arg);
        } else if (dict_find_ci(arg, "NEGATION")) {
            /* casus extension: what to do with a denied root-coded verb */
            if (dict_find_ci(arg, "DROP"))
                o->negation = NEG_DROP;
            else if (dict_find_ci(arg, "MARK"))
                o->negation = NEG_MARK;
            else if (dict_find_ci(arg, "REJECT"))
                o->negation = NEG_REJECT;
            else
                o->negation = NEG_OFF;
        } else if (dict_find_ci(arg, "FBIS")) {
            o->fbis = truth(arg);
        }
        /* LABEL, usage files, DUP WARNING, SKIP RECORDS, HAIKU: output or
         * interactive settings with no effect on coding */
        return 0;
    }
    if (strncasecmp(s, "COMP", 4) == 0) {
        o->cx_verbs = bracket_num(arg, "VERBS");
        o->cx_actors = bracket_num(arg, "ACTORS");
        o->cx_pronouns = bracket_num(arg, "PRONOUNS");
        o->cx_conj = bracket_num(arg, "CONJ");
        o->cx_comma = bracket_num(arg, "COMMA");
        o->cx_lateverb = bracket_num(arg, "LATEVERB");
        o->cx_noactprior = dict_find_ci(arg, "NOACTPRIOR") != NULL;
        o->cx_noactafter = dict_find_ci(arg, "NOACTAFTER") != NULL;
        o->cx_noverb = dict_find_ci(arg, "NOVERB") != NULL;
        o->cx_nosource = dict_find_ci(arg, "NOSOURCE") != NULL;
        o->cx_notarget = dict_find_ci(arg, "NOTARGET") != NULL;
        o->cx_noevent = dict_find_ci(arg, "NOEVENT") != NULL;
        return 0;
    }
    if (strncasecmp(s, "DEFA", 4) == 0) {
        if (dict_find_ci(arg, "OFF") && !strchr(arg, '[')) {
            o->def_source[0] = o->def_target[0] = '\0';
            o->def_source_prior = o->def_target_after = false;
            return 0;
        }
        bracket_code(arg, "SOURCE", o->def_source, sizeof(o->def_source));
        bracket_code(arg, "TARGET", o->def_target, sizeof(o->def_target));
        /* PRIOR belongs to SOURCE, AFTER to TARGET; look after the codes
         * so that a code containing the word does not count */
        const char *src = dict_find_ci(arg, "SOURCE");
        const char *tgt = dict_find_ci(arg, "TARGET");
        const char *src_end = src ? strchr(src, ']') : NULL;
        const char *tgt_end = tgt ? strchr(tgt, ']') : NULL;
        o->def_source_prior = src_end && dict_find_ci(src_end, "PRIOR") &&
            (!tgt || dict_find_ci(src_end, "PRIOR") < tgt);
        o->def_target_after = tgt_end && dict_find_ci(tgt_end, "AFTER");
        return 0;
    }
    if (strncasecmp(s, "COMM", 4) == 0) {
        if (dict_find_ci(arg, "OFF")) {
            o->comma_off = true;
            return 0;
        }
        o->comma_off = false;
        eq_num(arg, "BMIN", &o->comma_bmin);
        eq_num(arg, "BMAX", &o->comma_bmax);
        eq_num(arg, "EMIN", &o->comma_emin);
        eq_num(arg, "EMAX", &o->comma_emax);
        eq_num(arg, "MIN", &o->comma_min);
        eq_num(arg, "MAX", &o->comma_max);
        return 0;
    }
    if (strncasecmp(s, "FORW", 4) == 0) {
        o->forward = dict_find_ci(arg, " OFF") == NULL;
        return 0;
    }
    if (strncasecmp(s, "IMPL", 4) == 0) {
        /* casus extension: "IMPLIED: 173 [~COP]", "IMPLIED: OFF" */
        if (dict_find_ci(arg, "OFF") && !strchr(arg, '[')) {
            o->n_implied = 0;
            return 0;
        }
        const char *p = arg;
        while (*p == ' ' || *p == '\t')
            p++;
        size_t cn = strspn(p, "0123456789");
        const char *lb = strchr(p, '['), *rb = lb ? strchr(lb, ']') : NULL;
        if (cn == 0 || cn >= sizeof(o->implied[0].code) || rb == NULL ||
            rb - lb - 1 <= 0 ||
            (size_t)(rb - lb - 1) >= sizeof(o->implied[0].actor))
            return -1;
        int i = 0;
        while (i < o->n_implied && (strlen(o->implied[i].code) != cn ||
                                    strncmp(o->implied[i].code, p, cn)))
            i++;
        if (i == o->n_implied) {
            if (o->n_implied == 16)
                return -1;
            o->n_implied++;
        }
        memcpy(o->implied[i].code, p, cn);
        o->implied[i].code[cn] = '\0';
        memcpy(o->implied[i].actor, lb + 1, (size_t)(rb - lb - 1));
        o->implied[i].actor[rb - lb - 1] = '\0';
        return 0;
    }
    if (strncasecmp(s, "LABE", 4) == 0 || strncasecmp(s, "OUTP", 4) == 0 ||
        strncasecmp(s, "NONE", 4) == 0 || strncasecmp(s, "ISSU", 4) == 0)
        return 0;
    return -1;
}

int dict_load_options(casus_dict *d, const char *path, casus_diag *diag)
{
    char *buf;
    size_t len;
    int err = dict_read_file(path, &buf, &len);
    if (err < 0)
        return err;
    const char *file = path;
    for (size_t i = 0; i < d->n_files; i++)
        if (strcmp(d->files[i], path) == 0)
            file = d->files[i];
    int result = 0;
    long lineno = 0;
    for (char *s = buf, *nl; s && *s; s = nl ? nl + 1 : NULL) {
        nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        char *t = s;
        while (*t == ' ' || *t == '\t')
            t++;
        if (strncmp(t, "~~~", 3) == 0)
            break;
        if (*t == '\0' || *t == '#' || (t[0] == '/' && t[1] == '/'))
            continue;
        size_t n = strlen(t);
        while (n && (t[n - 1] == '\r' || t[n - 1] == ' '))
            t[--n] = '\0';
        if (options_apply(&d->opts, t) < 0) {
            dict_problem(d, diag, path, lineno, "unknown option '%s'", t);
            result = CASUS_EPARSE;
        }
    }
    (void)file;
    cs_free(buf);
    return result;
}
