/*
 * dict.c - dictionary sets: TABARI actors, agents, verbs and projects
 *
 * Reads the phrase-and-code dictionaries of doc/dict-format.md into the
 * compiled tables of dictdef.h.  Loading never stops at a bad line: the
 * line is reported (file:line and why) through the problem callback and
 * skipped.  PETRARCH verb and discard files are in dict_petrarch.c, the
 * .options language in options.c and the pattern language in pattern.c.
 *
 * This module must not know how a sentence is coded; it only builds data.
 *
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <dirent.h>

#include "alloc.h"
#include "dictdef.h"
#include "strbuf.h"

/* ---- small helpers ---------------------------------------------------- */

const char *dict_strndup(casus_dict *d, const char *s, size_t n)
{
    return arena_strndup(&d->mem, s, n);
}

int dict_problem(casus_dict *d, casus_diag *diag, const char *file,
                 long line, const char *fmt, ...)
{
    casus_diag local = CASUS_DIAG_INIT;
    va_list ap;

    local.file = file;
    local.line = line;
    va_start(ap, fmt);
    vsnprintf(local.msg, sizeof(local.msg), fmt, ap);
    va_end(ap);
    d->stats.problems++;
    if (diag && diag->msg[0] == '\0')
        *diag = local;
    if (d->on_problem)
        d->on_problem(&local, d->problem_payload);
    return CASUS_EPARSE;
}

int dict_read_file(const char *path, char **out, size_t *len_out)
{
    FILE *fp = fopen(path, "rb");
    strbuf sb = STRBUF_INIT;
    char chunk[65536];
    size_t n;

    *out = NULL;
    if (fp == NULL)
        return errno == ENOENT ? CASUS_ENOTFOUND : CASUS_EIO;
    while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
        if (strbuf_add(&sb, chunk, n) < 0) {
            fclose(fp);
            strbuf_dispose(&sb);
            return CASUS_ENOMEM;
        }
    }
    if (ferror(fp)) {
        fclose(fp);
        strbuf_dispose(&sb);
        return CASUS_EIO;
    }
    fclose(fp);
    *len_out = sb.len;
    *out = strbuf_detach(&sb);
    return *out ? 0 : CASUS_ENOMEM;
}

int32_t dict_parse_date(const char *s, size_t len)
{
    int32_t v = 0;
    if (len != 6 && len != 8)
        return -1;  /* checked first: more digits would overflow v */
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    int32_t y, m, day;
    if (len == 6) {
        y = v / 10000;
        y += y <= 30 ? 2000 : 1900;
        m = v / 100 % 100;
        day = v % 100;
    } else if (len == 8) {
        y = v / 10000;
        m = v / 100 % 100;
        day = v % 100;
    } else {
        return -1;
    }
    if (m < 1 || m > 12 || day < 1 || day > 31)
        return -1;
    return y * 10000 + m * 100 + day;
}

/* ---- phrases ----------------------------------------------------------- */

/*
 * Phrase syntax: words separated by blanks (the next word may come later)
 * or underscores (it must follow at once).  A word followed by '_' is
 * matched whole; one followed by a blank or ending the phrase is a stem,
 * unless the phrase ends in '_' or '='.  "X~_Y" keeps X a stem although Y
 * must follow it.  Hyphens are underscores (TABARI 0.7.3 and later).
 */
int dict_parse_phrase(casus_dict *d, const char *s, size_t len, dphrase *out)
{
    dword tmp[64];
    size_t n = 0;
    size_t i = 0;
    char buf[256];

    out->words = NULL;
    out->n_words = 0;
    out->length = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '_' ||
                           s[i] == '-'))
            i++;
        if (i >= len)
            break;
        size_t bl = 0;
        bool stem_mark = false;
        while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '_' &&
               s[i] != '-') {
            char c = s[i++];
            if (c == '~') {
                stem_mark = true;
                continue;
            }
            if (c == '=')
                break;
            if (bl + 1 < sizeof(buf))
                buf[bl++] = (char)toupper((unsigned char)c);
        }
        bool strict = false;
        if (i > 0 && s[i - 1] == '=') {
            strict = true;
        } else if (i < len && s[i] == '=') {
            strict = true;
            i++;
        }
        if (bl == 0 || n == sizeof(tmp) / sizeof(tmp[0]))
            continue;
        if (bl == 3 && memcmp(buf, "N'T", 3) == 0)
            d->split_nt = true;
        dword *w = &tmp[n++];
        w->w = arena_strndup(&d->mem, buf, bl);
        if (w->w == NULL)
            return CASUS_ENOMEM;
        w->len = (uint16_t)bl;
        w->hash = map_hash(buf, bl);
        w->glue = 0;
        if (strict)
            w->mode = WM_STRICT;
        else if (i < len && (s[i] == '_' || s[i] == '-') && !stem_mark)
            w->mode = WM_EXACT;
        else
            w->mode = WM_STEM;
        /* '_' or '-' directly followed by another word glues them */
        if (i < len && (s[i] == '_' || s[i] == '-')) {
            size_t j = i;
            while (j < len && (s[j] == '_' || s[j] == '-'))
                j++;
            if (j < len && s[j] != ' ' && s[j] != '\t')
                w->glue = 1;
        }
        out->length = (uint16_t)(out->length + bl);
    }
    if (n == 0)
        return CASUS_EPARSE;
    out->words = arena_alloc(&d->mem, n * sizeof(dword));
    if (out->words == NULL)
        return CASUS_ENOMEM;
    memcpy(out->words, tmp, n * sizeof(dword));
    out->n_words = (uint16_t)n;
    return 0;
}

/* ---- tables ------------------------------------------------------------ */

long dict_add_entry(casus_dict *d, const entry *e)
{
    if (CS_ARRAY_GROW(d->entries, d->entries_cap, d->n_entries + 1) < 0)
        return -1;
    size_t id = d->n_entries;
    const dword *w0 = &e->ph.words[0];
    void **slot = map_put(&d->index, w0->w, w0->len);
    if (slot == NULL)
        return -1;
    if (w0->len >= 1 && w0->len <= 64)
        d->key_lens[(unsigned char)w0->w[0]] |= 1ull << (w0->len - 1);
    dict_bloom_add(d->key_bloom, map_hash(w0->w, w0->len));
    entry_list *el = *slot;
    if (el == NULL) {
        el = arena_calloc(&d->mem, sizeof(*el));
        if (el == NULL)
            return -1;
        *slot = el;
    }
    if (el->n == el->cap) {
        uint32_t ncap = el->cap ? el->cap * 2 : 2;
        uint32_t *ids = arena_alloc(&d->mem, ncap * sizeof(uint32_t));
        if (ids == NULL)
            return -1;
        if (el->n)
            memcpy(ids, el->ids, el->n * sizeof(uint32_t));
        el->ids = ids;
        el->cap = ncap;
    }
    el->ids[el->n++] = (uint32_t)id;
    d->entries[id] = *e;
    d->entries[id].seq = (uint32_t)id;
    d->n_entries++;
    switch (e->kind) {
    case K_ACTOR: d->stats.actors++; break;
    case K_AGENT: d->stats.agents++; break;
    case K_VERB: d->stats.verbs++; break;
    case K_DISCARD: d->stats.discards++; break;
    default: break;
    }
    return (long)id;
}

long dict_add_verb(casus_dict *d, const verb *v)
{
    if (CS_ARRAY_GROW(d->verbs, d->verbs_cap, d->n_verbs + 1) < 0)
        return -1;
    d->verbs[d->n_verbs] = *v;
    return (long)d->n_verbs++;
}

static const char *remember_file(casus_dict *d, const char *path)
{
    for (size_t i = 0; i < d->n_files; i++)
        if (strcmp(d->files[i], path) == 0)
            return d->files[i];
    if (CS_ARRAY_GROW(d->files, d->files_cap, d->n_files + 1) < 0)
        return NULL;
    const char *p = arena_strdup(&d->mem, path);
    if (p)
        d->files[d->n_files++] = p;
    return p;
}

/* ---- line scanning ----------------------------------------------------- */

typedef struct line_reader {
    char *buf;
    size_t len, pos;
    long lineno;
} line_reader;

/* Next line, NUL-terminated in place, trailing blanks and CR removed. */
static char *next_line(line_reader *lr)
{
    if (lr->pos >= lr->len)
        return NULL;
    char *start = lr->buf + lr->pos;
    char *nl = memchr(start, '\n', lr->len - lr->pos);
    size_t n = nl ? (size_t)(nl - start) : lr->len - lr->pos;
    lr->pos += n + (nl ? 1 : 0);
    lr->lineno++;
    while (n > 0 && (start[n - 1] == '\r' || start[n - 1] == ' ' ||
                     start[n - 1] == '\t'))
        n--;
    start[n] = '\0';
    return start;
}

/* Cut a trailing comment: ';' anywhere, or '#' after a blank, outside
 * brackets. */
static void strip_comment(char *s)
{
    int depth = 0;
    for (char *p = s; *p; p++) {
        if (*p == '[')
            depth++;
        else if (*p == ']' && depth > 0)
            depth--;
        else if (depth == 0 && (*p == ';' ||
                                (*p == '#' && p > s &&
                                 (p[-1] == ' ' || p[-1] == '\t')))) {
            *p = '\0';
            break;
        }
    }
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
}

static char *skip_blanks(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* ---- codes ------------------------------------------------------------- */

static bool is_null_code(const char *s, size_t n)
{
    size_t dashes = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '-')
            dashes++;
        else if (s[i] != ' ')
            return false;
    }
    return dashes == 3;
}

/*
 * Parse the inside of one actor code block: "SRBGOV", "HOB <950601",
 * "HOBGOV 950601 - 990815", "### <890101", "- - -".
 */
static int parse_actor_code(casus_dict *d, const char *s, size_t n,
                            actor_code *out)
{
    const char *end = s + n;
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    out->from = 0;
    out->to = 99999999;
    if (is_null_code(s, (size_t)(end - s))) {
        out->code = "---";
        return 0;
    }
    const char *c = s;
    while (c < end && *c != ' ' && *c != '\t' && *c != '<' && *c != '>' &&
           !isdigit((unsigned char)*c))
        c++;
    /* a code may contain digits (G77, IGO...); dates follow a blank */
    if (c < end && isdigit((unsigned char)*c)) {
        while (c < end && *c != ' ' && *c != '\t' && *c != '<' && *c != '>')
            c++;
    }
    if (c == s)
        return CASUS_EPARSE;
    const char *code_end = c;
    if (is_null_code(s, (size_t)(code_end - s)) ||
        (code_end - s == 3 && memcmp(s, "---", 3) == 0))
        out->code = "---";
    else
        out->code = dict_strndup(d, s, (size_t)(code_end - s));
    if (out->code == NULL)
        return CASUS_ENOMEM;
    const char *p = code_end;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p == end)
        return 0;
    char digits[2][16];
    size_t nd[2] = { 0, 0 };
    int which = 0;
    char op = 0;
    if (*p == '<' || *p == '>') {
        op = *p++;
    }
    for (; p < end; p++) {
        if (isdigit((unsigned char)*p)) {
            if (nd[which] + 1 < sizeof(digits[0]))
                digits[which][nd[which]++] = *p;
        } else if (*p == '-' && which == 0 && nd[0] > 0) {
            which = 1;
        } else if (*p != ' ' && *p != '\t') {
            return CASUS_EPARSE;
        }
    }
    int32_t a = nd[0] ? dict_parse_date(digits[0], nd[0]) : -1;
    if (a < 0)
        return CASUS_EPARSE;
    if (op == '<') {
        out->to = a;
    } else if (op == '>') {
        out->from = a;
    } else if (which == 1) {
        int32_t b = dict_parse_date(digits[1], nd[1]);
        if (b < 0)
            return CASUS_EPARSE;
        out->from = a;
        out->to = b;
    } else {
        return CASUS_EPARSE;
    }
    return 0;
}

/* Collect every "[...]" block in s into codes; returns count or error. */
static int parse_code_blocks(casus_dict *d, const char *s, actor_code *codes,
                             int cap)
{
    int n = 0;
    for (const char *p = strchr(s, '['); p; p = strchr(p, '[')) {
        const char *q = strchr(p, ']');
        if (q == NULL)
            return CASUS_EPARSE;
        if (n == cap)
            return CASUS_EPARSE;
        int err = parse_actor_code(d, p + 1, (size_t)(q - p - 1), &codes[n]);
        if (err < 0)
            return err;
        n++;
        p = q + 1;
    }
    return n;
}

/* ---- actors, agents, nouns --------------------------------------------- */

enum { F_ACTORS, F_AGENTS, F_VERBS };

typedef struct group {
    bool caps_only;         /* read inside <ALLCAPS> */
    bool name_cap;          /* read inside <CAPITALISED> */
    dphrase phrases[512];   /* primary phrase and its '+' synonyms */
    uint32_t lines[512];
    int n;
    actor_code codes[64];
    int n_codes;
} group;

static int flush_actor_group(casus_dict *d, group *g, const char *file,
                             casus_diag *diag)
{
    int err = 0;
    if (g->n == 0)
        goto done;
    if (g->n_codes == 0) {
        err = dict_problem(d, diag, file, g->lines[0],
                           "actor phrase without a [code]");
        goto done;
    }
    /* a single date-restricted code gets a null default (manual 6.5.2) */
    bool has_default = false;
    for (int i = 0; i < g->n_codes; i++)
        if (g->codes[i].from == 0 && g->codes[i].to == 99999999)
            has_default = true;
    if (!has_default && g->n_codes < 64) {
        g->codes[g->n_codes].code = "---";
        g->codes[g->n_codes].from = 0;
        g->codes[g->n_codes].to = 99999999;
        g->n_codes++;
    }
    actor_code *codes = arena_alloc(&d->mem, g->n_codes * sizeof(*codes));
    if (codes == NULL) {
        err = CASUS_ENOMEM;
        goto done;
    }
    memcpy(codes, g->codes, g->n_codes * sizeof(*codes));
    const char *parent = NULL;
    for (int i = 0; i < g->n; i++) {
        entry e = { 0 };
        e.ph = g->phrases[i];
        e.kind = K_ACTOR;
        e.caps_only = g->caps_only;
        e.name_cap = g->name_cap;
        e.file = file;
        e.line = g->lines[i];
        e.u.actor.codes = codes;
        e.u.actor.n_codes = (uint16_t)g->n_codes;
        if (parent == NULL) {
            /* the group's first phrase, words joined by blanks */
            size_t n = 0;
            for (int k = 0; k < e.ph.n_words; k++)
                n += e.ph.words[k].len + 1u;
            char *p = arena_alloc(&d->mem, n);
            if (p == NULL) {
                err = CASUS_ENOMEM;
                goto done;
            }
            size_t at = 0;
            for (int k = 0; k < e.ph.n_words; k++) {
                if (k)
                    p[at++] = ' ';
                memcpy(p + at, e.ph.words[k].w, e.ph.words[k].len);
                at += e.ph.words[k].len;
            }
            p[at] = '\0';
            parent = p;
        }
        e.u.actor.parent = parent;
        if (e.name_cap) {
            if (CS_ARRAY_GROW(d->name_cap_words, d->name_cap_words_cap,
                              d->n_name_cap_words + 1) < 0) {
                err = CASUS_ENOMEM;
                goto done;
            }
            /* the phrase's words live in d->mem, as long as d */
            d->name_cap_words[d->n_name_cap_words++] = e.ph.words;
        }
        if (dict_add_entry(d, &e) < 0) {
            err = CASUS_ENOMEM;
            goto done;
        }
    }
done:
    g->n = 0;
    g->n_codes = 0;
    return err;
}

/* PETRARCH agent macros: "!PERSON! = MAN, MEN, WOMAN". */
typedef struct macro {
    char name[32];
    char values[16][32];
    int n;
} macro;

static int add_agent(casus_dict *d, const char *phrase, size_t plen,
                     const char *code, size_t clen, const char *file,
                     long line, casus_diag *diag)
{
    entry e = { 0 };
    int err = dict_parse_phrase(d, phrase, plen, &e.ph);
    if (err == CASUS_EPARSE)
        return dict_problem(d, diag, file, line, "empty agent phrase");
    if (err < 0)
        return err;
    while (clen && (code[0] == ' ' || code[0] == '\t'))
        code++, clen--;
    while (clen && (code[clen - 1] == ' ' || code[clen - 1] == '\t'))
        clen--;
    e.kind = K_AGENT;
    e.file = file;
    e.line = (uint32_t)line;
    if (clen > 0 && code[0] == '~') {
        e.u.agent = dict_strndup(d, code + 1, clen - 1);
    } else if (clen > 0 && code[clen - 1] == '~') {
        e.u.agent = dict_strndup(d, code, clen - 1);
        e.agent_suffix = 1;
    } else {
        return dict_problem(d, diag, file, line,
                            "agent code [%.*s] lacks its '~' connector",
                            (int)clen, code);
    }
    if (e.u.agent == NULL)
        return CASUS_ENOMEM;
    return dict_add_entry(d, &e) < 0 ? CASUS_ENOMEM : 0;
}

static int agent_line(casus_dict *d, char *s, const char *file, long line,
                      macro *macros, int *n_macros, casus_diag *diag)
{
    char *eq = strchr(s, '=');
    if (s[0] == '!' && eq) {
        if (*n_macros == 16)
            return dict_problem(d, diag, file, line, "too many macros");
        macro *m = &macros[(*n_macros)++];
        size_t nl = (size_t)(eq - s);
        while (nl && (s[nl - 1] == ' ' || s[nl - 1] == '\t'))
            nl--;
        snprintf(m->name, sizeof(m->name), "%.*s", (int)nl, s);
        m->n = 0;
        for (char *t = strtok(eq + 1, ", \t"); t && m->n < 16;
             t = strtok(NULL, ", \t"))
            snprintf(m->values[m->n++], sizeof(m->values[0]), "%s", t);
        return 0;
    }
    char *lb = strchr(s, '[');
    char *rb = lb ? strchr(lb, ']') : NULL;
    if (lb == NULL)
        return dict_problem(d, diag, file, line,
                            "agent phrase without a [code]");
    if (rb == NULL)
        return dict_problem(d, diag, file, line, "missing ']'");
    size_t plen = (size_t)(lb - s);
    /* PETRARCH: "POLICE {} [~COP]", "MAN {MEN} [...]": forms in braces
     * share the code; "{}" asks only for the regular plural, which
     * matching gives anyway */
    char *brace = memchr(s, '{', plen);
    if (brace) {
        char *close = memchr(brace, '}', (size_t)(lb - brace));
        if (close) {
            char forms[256];
            snprintf(forms, sizeof(forms), "%.*s", (int)(close - brace - 1),
                     brace + 1);
            for (char *f = strtok(forms, " \t"); f; f = strtok(NULL, " \t")) {
                int err = add_agent(d, f, strlen(f), lb + 1,
                                    (size_t)(rb - lb - 1), file, line, diag);
                if (err == CASUS_ENOMEM)
                    return err;
            }
        }
        plen = (size_t)(brace - s);
    }
    char *bang = memchr(s, '!', plen);
    if (bang) {
        char *bang2 = memchr(bang + 1, '!', plen - (size_t)(bang + 1 - s));
        if (bang2 == NULL)
            return dict_problem(d, diag, file, line, "unclosed !macro!");
        size_t mlen = (size_t)(bang2 - bang + 1);
        for (int i = 0; i < *n_macros; i++) {
            if (strlen(macros[i].name) != mlen ||
                memcmp(macros[i].name, bang, mlen) != 0)
                continue;
            for (int k = 0; k < macros[i].n; k++) {
                char buf[256];
                int n = snprintf(buf, sizeof(buf), "%.*s%s%.*s",
                                 (int)(bang - s), s, macros[i].values[k],
                                 (int)(lb - bang2 - 1), bang2 + 1);
                if (n < 0 || (size_t)n >= sizeof(buf))
                    continue;
                int err = add_agent(d, buf, (size_t)n, lb + 1,
                                    (size_t)(rb - lb - 1), file, line, diag);
                if (err == CASUS_ENOMEM)
                    return err;
            }
            return 0;
        }
        return dict_problem(d, diag, file, line, "unknown macro %.*s",
                            (int)mlen, bang);
    }
    return add_agent(d, s, plen, lb + 1, (size_t)(rb - lb - 1), file, line,
                     diag);
}

static int add_plain(casus_dict *d, const char *s, int kind, const char *file,
                     long line, casus_diag *diag)
{
    entry e = { 0 };
    int err = dict_parse_phrase(d, s, strlen(s), &e.ph);
    if (err == CASUS_EPARSE)
        return dict_problem(d, diag, file, line, "empty phrase");
    if (err < 0)
        return err;
    e.kind = (uint8_t)kind;
    e.file = file;
    e.line = (uint32_t)line;
    return dict_add_entry(d, &e) < 0 ? CASUS_ENOMEM : 0;
}

/* ---- verbs ------------------------------------------------------------- */

typedef struct verb_state {
    long cur;               /* index of the current verb, or -1 */
    int section;            /* K_VERB, K_TIME or K_ATTRIB */
    char synset[64];        /* name of the synset being read */
    const char *members[256];
    size_t n_members;
    long synset_line;
} verb_state;

static int finish_synset(casus_dict *d, verb_state *vs, const char *file,
                         casus_diag *diag)
{
    int err = 0;
    if (vs->synset[0])
        err = pat_define_synset(d, vs->synset, vs->members, vs->n_members,
                                file, (uint32_t)vs->synset_line, diag);
    vs->synset[0] = '\0';
    vs->n_members = 0;
    return err;
}

/* Split "TEXT [CODE] ..." into text and the code inside the last [...]. */
static int split_code(char *s, char **code_out)
{
    char *lb = strrchr(s, '[');
    *code_out = NULL;
    if (lb == NULL)
        return strchr(s, ']') ? CASUS_EPARSE : 0;
    char *rb = strchr(lb, ']');
    if (rb == NULL)
        return CASUS_EPARSE;
    *rb = '\0';
    *lb = '\0';
    char *c = skip_blanks(lb + 1);
    size_t n = strlen(c);
    while (n && (c[n - 1] == ' ' || c[n - 1] == '\t'))
        c[--n] = '\0';
    if (is_null_code(c, n))
        strcpy(c, "---");
    *code_out = c;
    return 0;
}

static int verb_root_line(casus_dict *d, verb_state *vs, char *s,
                          const char *file, long line, casus_diag *diag)
{
    char *code;
    if (split_code(s, &code) < 0)
        return dict_problem(d, diag, file, line, "unbalanced [ ] in '%s'",
                            s);
    verb v = { 0 };
    v.code = code ? dict_strndup(d, code, strlen(code)) : "---";
    v.file = file;
    v.line = (uint32_t)line;
    v.root = dict_strndup(d, s, strlen(s));
    if (v.code == NULL || v.root == NULL)
        return CASUS_ENOMEM;
    entry e = { 0 };
    int err = dict_parse_phrase(d, s, strlen(s), &e.ph);
    if (err == CASUS_EPARSE)
        return dict_problem(d, diag, file, line, "empty verb root");
    if (err < 0)
        return err;
    long vi = dict_add_verb(d, &v);
    if (vi < 0)
        return CASUS_ENOMEM;
    e.kind = (uint8_t)vs->section;
    e.file = file;
    e.line = (uint32_t)line;
    e.u.verb = (uint32_t)vi;
    if (dict_add_entry(d, &e) < 0)
        return CASUS_ENOMEM;
    vs->cur = vi;
    return 0;
}

/* "{ BROKE_ BROKEN_ BROKEN_DOWN_ }": more forms of the current verb. */
static int verb_forms_line(casus_dict *d, verb_state *vs, char *s,
                           const char *file, long line, casus_diag *diag)
{
    if (vs->cur < 0)
        return dict_problem(d, diag, file, line, "verb forms before a verb");
    char *rb = strchr(s, '}');
    if (rb)
        *rb = '\0';
    for (char *t = strtok(s + 1, " \t"); t; t = strtok(NULL, " \t")) {
        entry e = { 0 };
        int err = dict_parse_phrase(d, t, strlen(t), &e.ph);
        if (err == CASUS_ENOMEM)
            return err;
        if (err < 0)
            continue;
        e.kind = (uint8_t)vs->section;
        e.file = file;
        e.line = (uint32_t)line;
        e.u.verb = (uint32_t)vs->cur;
        if (dict_add_entry(d, &e) < 0)
            return CASUS_ENOMEM;
    }
    return 0;
}

static int verb_pattern_line(casus_dict *d, verb_state *vs, char *s,
                             const char *file, long line, casus_diag *diag)
{
    if (vs->cur < 0)
        return dict_problem(d, diag, file, line, "pattern before any verb");
    char *code;
    if (split_code(s, &code) < 0 || code == NULL)
        return dict_problem(d, diag, file, line, "pattern without a [code]");
    char *p = skip_blanks(s + 1);
    const char *c = dict_strndup(d, code, strlen(code));
    if (c == NULL)
        return CASUS_ENOMEM;
    return pat_compile(d, &d->verbs[vs->cur], p, strlen(p), c, file,
                       (uint32_t)line, diag);
}

/*
 * One line of an actors file.  A group is a primary phrase, its '+'
 * synonyms and its codes (inline or on indented lines that follow).  A
 * PETRARCH file may list several primary phrases before one code line;
 * they share it.
 */
static int actor_line(casus_dict *d, group *g, char *t, bool indented,
                      const char *file, long line, casus_diag *diag)
{
    int err = 0;
    if (indented && t[0] == '[') {
        if (g->n == 0)
            return dict_problem(d, diag, file, line,
                                "code line without an actor");
        int n = parse_code_blocks(d, t, g->codes + g->n_codes,
                                  64 - g->n_codes);
        if (n < 0)
            return n == CASUS_ENOMEM ? n :
                dict_problem(d, diag, file, line, "bad code block '%s'", t);
        g->n_codes += n;
        return 0;
    }
    bool synonym = t[0] == '+';
    char *lb = strchr(t, '[');
    if (synonym) {
        if (g->n == 0)
            return dict_problem(d, diag, file, line,
                                "synonym '+' without an actor");
        t++;
    } else if (g->n > 0 && (g->n_codes > 0 || lb != NULL)) {
        err = flush_actor_group(d, g, file, diag);
        if (err == CASUS_ENOMEM)
            return err;
    }
    if (g->n == 512)
        return dict_problem(d, diag, file, line, "too many synonyms");
    size_t plen = lb ? (size_t)(lb - t) : strlen(t);
    int e2 = dict_parse_phrase(d, t, plen, &g->phrases[g->n]);
    if (e2 == CASUS_ENOMEM)
        return e2;
    if (e2 < 0)
        return dict_problem(d, diag, file, line, "missing actor phrase");
    if (lb && !synonym) {
        int n = parse_code_blocks(d, lb, g->codes + g->n_codes,
                                  64 - g->n_codes);
        if (n <= 0)
            return n == CASUS_ENOMEM ? n :
                dict_problem(d, diag, file, line,
                             n == 0 ? "no code in [ ]" : "bad code block '%s'",
                             lb);
        g->n_codes += n;
    }
    g->lines[g->n++] = (uint32_t)line;
    return err;
}

/* ---- one TABARI file ---------------------------------------------------- */

static bool tag_is(const char *s, const char *tag)
{
    size_t n = strlen(tag);
    return strncasecmp(s, tag, n) == 0;
}

int dict_load_tabari(casus_dict *d, const char *path, int kind,
                     casus_diag *diag)
{
    line_reader lr = { 0 };
    size_t len;
    int err = dict_read_file(path, &lr.buf, &len);
    int result = 0;
    group *g = NULL;
    macro macros[16];
    int n_macros = 0;
    verb_state vs = { .cur = -1, .section = K_VERB };
    int plain = -1;         /* inside <NOUN> or <ADJECTIVE> */
    bool in_html = false;   /* inside <!-- ... --> */

    if (err < 0)
        return err;
    lr.len = len;
    const char *file = remember_file(d, path);
    g = cs_calloc(1, sizeof(*g));
    if (file == NULL || g == NULL) {
        err = CASUS_ENOMEM;
        goto done;
    }
    char *s;
    while ((s = next_line(&lr)) != NULL) {
        long line = lr.lineno;
        bool indented = s[0] == ' ' || s[0] == '\t';
        char *t = skip_blanks(s);
        if (strncmp(t, "~~FINISH", 8) == 0)
            break;
        if (t[0] == '#' || (t[0] == '/' && t[1] == '/') ||
            (t[0] == '/' && kind != F_VERBS))
            continue;
        strip_comment(t);
        if (t[0] == '\0') {
            if (kind == F_VERBS && vs.synset[0] == '\0')
                continue;
            continue;
        }
        if (in_html || strncmp(t, "<!", 2) == 0) {
            /* PETRARCH's files use XML comments, possibly over lines */
            in_html = strstr(t, "-->") == NULL;
            continue;
        }
        if (t[0] == '<') {
            int sec = -2;
            if (tag_is(t, "<NOUN>"))
                plain = K_NOUN;
            else if (tag_is(t, "<ADJ"))
                plain = K_ADJ;
            else if (tag_is(t, "</NOUN") || tag_is(t, "</ADJ"))
                plain = -1;
            else if (tag_is(t, "<ALLCAPS>") || tag_is(t, "</ALLCAPS>")) {
                /* casus extension: actors that match only words written
                 * in capitals; the group before the tag is finished */
                if (kind == F_ACTORS) {
                    err = flush_actor_group(d, g, file, diag);
                    g->caps_only = t[1] != '/';
                } else {
                    dict_problem(d, diag, file, line,
                                 "<ALLCAPS> belongs in an actors file");
                }
            }
            else if (tag_is(t, "<CAPITALISED>") ||
                     tag_is(t, "</CAPITALISED>")) {
                /* casus extension: names that are also common words
                 * need a capital in text that writes names with them */
                if (kind == F_ACTORS) {
                    err = flush_actor_group(d, g, file, diag);
                    g->name_cap = t[1] != '/';
                } else {
                    dict_problem(d, diag, file, line,
                                 "<CAPITALISED> belongs in an actors file");
                }
            }
            else if (tag_is(t, "<SYNSET"))
                sec = -1;
            else if (tag_is(t, "</SYNSET"))
                err = finish_synset(d, &vs, file, diag);
            else if (tag_is(t, "<TIME>"))
                sec = K_TIME, d->has_time = true;
            else if (tag_is(t, "<ATTRIB"))
                sec = K_ATTRIB, d->has_attrib = true;
            else if (tag_is(t, "</TIME") || tag_is(t, "</ATTRIB"))
                sec = K_VERB;
            else
                dict_problem(d, diag, file, line, "unknown section %s", t);
            if (sec >= 0) {
                vs.section = sec;
                vs.cur = -1;
            }
            if (err == CASUS_ENOMEM)
                goto done;
            continue;
        }
        if (plain >= 0) {
            err = add_plain(d, t, plain, file, line, diag);
        } else if (kind == F_ACTORS) {
            err = actor_line(d, g, t, indented, file, line, diag);
        } else if (kind == F_AGENTS) {
            err = agent_line(d, t, file, line, macros, &n_macros, diag);
        } else {
            /* verbs */
            if (t[0] == '&') {
                err = finish_synset(d, &vs, file, diag);
                snprintf(vs.synset, sizeof(vs.synset), "%s", t);
                vs.synset_line = line;
            } else if (t[0] == '+' && vs.synset[0]) {
                if (vs.n_members < 256)
                    vs.members[vs.n_members++] =
                        dict_strndup(d, t + 1, strlen(t + 1));
            } else if (t[0] == '{') {
                err = verb_forms_line(d, &vs, t, file, line, diag);
            } else if (t[0] == '-' && (t[1] == ' ' || t[1] == '\t')) {
                err = verb_pattern_line(d, &vs, t, file, line, diag);
            } else {
                err = finish_synset(d, &vs, file, diag);
                if (err == 0)
                    err = verb_root_line(d, &vs, t, file, line, diag);
            }
        }
        if (err == CASUS_ENOMEM)
            goto done;
        if (err < 0)
            result = CASUS_EPARSE;
        err = 0;
    }
    if (kind == F_ACTORS)
        err = flush_actor_group(d, g, file, diag);
    else if (kind == F_VERBS)
        err = finish_synset(d, &vs, file, diag);
    if (err == CASUS_ENOMEM)
        goto done;
    if (err < 0)
        result = CASUS_EPARSE;
    err = result;
done:
    cs_free(g);
    cs_free(lr.buf);
    return err;
}

/* ---- projects and directories ------------------------------------------ */

static int load_any(casus_dict *d, const char *path, casus_diag *diag);

static int load_project(casus_dict *d, const char *path, casus_diag *diag)
{
    line_reader lr = { 0 };
    size_t len;
    int err = dict_read_file(path, &lr.buf, &len);
    int result = 0;
    char dir[4096];

    if (err < 0)
        return err;
    lr.len = len;
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path + 1) : 0,
             path);
    char *s;
    while ((s = next_line(&lr)) != NULL) {
        char *t = skip_blanks(s);
        if (t[0] != '<')
            continue;
        int kind;
        if (tag_is(t, "<ac"))
            kind = F_ACTORS;
        else if (tag_is(t, "<ag"))
            kind = F_AGENTS;
        else if (tag_is(t, "<ve"))
            kind = F_VERBS;
        else if (tag_is(t, "<op"))
            kind = -1;
        else
            continue;
        char *gt = strchr(t, '>');
        if (gt == NULL)
            continue;
        char *name = skip_blanks(gt + 1);
        char *end = name;
        while (*end && *end != ' ' && *end != '\t' && *end != '<')
            end++;
        *end = '\0';
        if (*name == '\0')
            continue;
        char full[8192];
        if (name[0] == '/')
            snprintf(full, sizeof(full), "%s", name);
        else
            snprintf(full, sizeof(full), "%s%s", dir, name);
        if (kind == -1)
            err = dict_load_options(d, full, diag);
        else
            err = dict_load_tabari(d, full, kind, diag);
        if (err == CASUS_ENOTFOUND || err == CASUS_EIO) {
            dict_problem(d, diag, path, lr.lineno, "cannot read %s: %s",
                         full, casus_strerror(err));
            result = CASUS_EPARSE;
        } else if (err == CASUS_ENOMEM) {
            goto done;
        } else if (err < 0) {
            result = err;
        }
    }
    err = result;
done:
    cs_free(lr.buf);
    return err;
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcasecmp(s + a - b, suf) == 0;
}

const char *dict_find_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return hay;
    return NULL;
}

static bool contains(const char *s, const char *part)
{
    return dict_find_ci(s, part) != NULL;
}

/* Does the file look like a PETRARCH verb file ("--- NAME [code] ---")? */
static bool sniff_petrarch_verbs(const char *path)
{
    FILE *fp = fopen(path, "rb");
    char line[512];
    bool yes = false;
    if (fp == NULL)
        return false;
    for (int i = 0; i < 2000 && fgets(line, sizeof(line), fp); i++) {
        if (strncmp(line, "---", 3) == 0 && strchr(line, '[') &&
            strstr(line + 3, "---")) {
            yes = true;
            break;
        }
    }
    fclose(fp);
    return yes;
}

static int load_dir(casus_dict *d, const char *path, casus_diag *diag)
{
    DIR *dir = opendir(path);
    struct dirent *de;
    char *names[256];
    int n = 0, result = 0;

    if (dir == NULL)
        return CASUS_EIO;
    while ((de = readdir(dir)) != NULL && n < 256) {
        if (de->d_name[0] == '.')
            continue;
        names[n] = cs_strdup(de->d_name);
        if (names[n])
            n++;
    }
    closedir(dir);
    /* a stable order: options last so they win, otherwise by name */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (int i = 0; i < n; i++) {
        char full[8192];
        snprintf(full, sizeof(full), "%s/%s", path, names[i]);
        const char *nm = names[i];
        if (contains(nm, "actors") || contains(nm, "agents") ||
            contains(nm, "verbs") || contains(nm, "discards") ||
            has_suffix(nm, ".options") ||
            (contains(nm, "CAMEO") && sniff_petrarch_verbs(full))) {
            int err = load_any(d, full, diag);
            if (err == CASUS_ENOMEM) {
                result = err;
                break;
            }
            if (err < 0)
                result = CASUS_EPARSE;
        }
    }
    for (int i = 0; i < n; i++)
        cs_free(names[i]);
    return result;
}

static int load_any(casus_dict *d, const char *path, casus_diag *diag)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return errno == ENOENT ? CASUS_ENOTFOUND : CASUS_EIO;
    if (S_ISDIR(st.st_mode))
        return load_dir(d, path, diag);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (has_suffix(base, ".project"))
        return load_project(d, path, diag);
    if (has_suffix(base, ".options"))
        return dict_load_options(d, path, diag);
    if (contains(base, "discards"))
        return dict_load_petrarch_discards(d, path, diag);
    if (contains(base, "agents"))
        return dict_load_tabari(d, path, F_AGENTS, diag);
    if (contains(base, "actors"))
        return dict_load_tabari(d, path, F_ACTORS, diag);
    if (sniff_petrarch_verbs(path))
        return dict_load_petrarch_verbs(d, path, diag);
    if (contains(base, "verbs"))
        return dict_load_tabari(d, path, F_VERBS, diag);
    return dict_problem(d, diag, path, 0,
                        "cannot tell what kind of dictionary this is "
                        "(name it .project, .actors, .agents, .verbs, "
                        ".options or *discards*)");
}

/* ---- API --------------------------------------------------------------- */

int casus_dict_new(casus_dict **out)
{
    casus_dict *d = cs_calloc(1, sizeof(*d));
    *out = NULL;
    if (d == NULL)
        return CASUS_ENOMEM;
    d->mem.block_size = 256 * 1024;
    options_default(&d->opts);
    *out = d;
    return 0;
}

int casus_dict_load(casus_dict *d, const char *path, casus_diag *diag)
{
    if (d == NULL || path == NULL)
        return CASUS_EINVAL;
    if (diag) {
        diag->file = path;
        diag->line = 0;
        diag->column = 0;
        diag->msg[0] = '\0';
    }
    int err = load_any(d, path, diag);
    if (err == CASUS_ENOTFOUND || err == CASUS_EIO) {
        if (diag && diag->msg[0] == '\0')
            snprintf(diag->msg, sizeof(diag->msg), "cannot read: %s",
                     casus_strerror(err));
    }
    pat_sort(d);
    size_t np = 0;
    for (size_t i = 0; i < d->n_verbs; i++)
        np += d->verbs[i].n_pats;
    d->stats.patterns = np;
    return err;
}

void casus_dict_on_problem(casus_dict *d, casus_diag_fn fn, void *payload)
{
    d->on_problem = fn;
    d->problem_payload = payload;
}

void casus_dict_get_stats(const casus_dict *d, casus_dict_stats *out)
{
    *out = d->stats;
}

void casus_dict_free(casus_dict *d)
{
    if (d == NULL)
        return;
    for (size_t i = 0; i < d->n_verbs; i++)
        if (d->verbs[i].pats_cap)   /* PETRARCH block members share */
            cs_free(d->verbs[i].pats);
    cs_free(d->verbs);
    cs_free(d->entries);
    cs_free(d->name_cap_words);
    cs_free(d->files);
    map_dispose(&d->index);
    map_dispose(&d->synsets);
    arena_dispose(&d->mem);
    cs_free(d);
}
