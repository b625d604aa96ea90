/*
 * pattern.c - the verb pattern language: compile, order, match words
 *
 * A pattern line such as
 *
 *     - SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS [161]
 *
 * becomes a sequence of items (dictdef.h): literal words, the verb '*',
 * actor slots '$ + % ^ @', and alternative sets, each item marked when the
 * next one must follow it at once ('_').  Synonym sets (&NAME) compile to
 * alternative sets shared by every pattern that names them.
 *
 * This module compiles and compares words; walking a sentence is the
 * coder's business.
 *
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "dictdef.h"

/* ---- words -------------------------------------------------------------- */

static bool is_ending(const char *e, size_t n, int ends)
{
    static const char *const noun[] = { "S", "'S", "S'", "ES", "'", NULL };
    static const char *const verbe[] = { "S", "ED", "ES", "EN", "ING", NULL };
    const char *const *list = ends == END_VERB ? verbe : noun;
    if (ends == END_NONE)
        return false;
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], e, n) == 0)
            return true;
    return false;
}

bool word_match(const dword *w, const char *t, size_t tl, int ends)
{
    /* most comparisons fail on the first letter; test it before memcmp */
    if (tl == 0 || t[0] != w->w[0])
        return false;
    if (tl < w->len || memcmp(t, w->w, w->len) != 0) {
        /* DEPLORE_ matches DEPLORING: the final E gives way to -ING/-ED */
        if (w->mode == WM_EXACT && ends == END_VERB && w->len > 2 &&
            w->w[w->len - 1] == 'E' && tl >= (size_t)w->len + 1 &&
            memcmp(t, w->w, w->len - 1) == 0)
            return is_ending(t + w->len - 1, tl - (w->len - 1), ends) &&
                   t[w->len - 1] != 'S';
        return false;
    }
    if (tl == w->len || w->mode == WM_STEM)
        return true;
    if (w->mode == WM_STRICT)
        return false;
    const char *e = t + w->len;
    size_t en = tl - w->len;
    if (is_ending(e, en, ends))
        return true;
    if (ends == END_VERB) {
        /* DEPLORE_ + D, and a doubled final consonant: BAN_ BANNED */
        if (w->w[w->len - 1] == 'E' && en == 1 && (e[0] == 'D' ||
                                                  e[0] == 'N'))
            return true;
        if (en >= 3 && e[0] == w->w[w->len - 1] &&
            is_ending(e + 1, en - 1, ends))
            return true;
    }
    return false;
}

/* ---- compiling ---------------------------------------------------------- */

typedef struct synset {
    pseq *alts;
    uint16_t n_alts;
} synset;

typedef struct lexer {
    const char *s, *end;
    casus_dict *d;
    const char *file;
    uint32_t line;
    casus_diag *diag;
    int verbs;          /* '*' seen */
    bool failed;
} lexer;

enum { T_END, T_WORD, T_SYM, T_SYNSET };

typedef struct token {
    int kind;
    char sym;           /* T_SYM: * $ + % ^ @ { | } */
    const char *p;      /* T_WORD, T_SYNSET: text */
    size_t n;
    bool exact;         /* word followed by '_' (and no '~') */
    bool glue;          /* the next token follows at once */
} token;

static bool is_sym(char c)
{
    return c == '*' || c == '$' || c == '+' || c == '%' || c == '^' ||
           c == '@' || c == '{' || c == '|' || c == '}';
}

static token lex(lexer *lx)
{
    token t = { 0 };
    const char *s = lx->s;
    while (s < lx->end && (*s == ' ' || *s == '\t' || *s == '_' ||
                           *s == '-'))
        s++;
    if (s >= lx->end) {
        lx->s = s;
        t.kind = T_END;
        return t;
    }
    if (is_sym(*s)) {
        t.kind = T_SYM;
        t.sym = *s++;
    } else {
        t.kind = *s == '&' ? T_SYNSET : T_WORD;
        t.p = s;
        bool stem = false;
        while (s < lx->end && *s != ' ' && *s != '\t' && *s != '_' &&
               *s != '-' && (t.kind == T_SYNSET || !is_sym(*s) ||
                             *s == '+' || *s == '$')) {
            if (*s == '~')
                stem = true;
            if ((*s == '+' || *s == '$' || *s == '%') && t.kind == T_WORD)
                break;
            s++;
        }
        t.n = (size_t)(s - t.p);
        while (t.n && t.p[t.n - 1] == '~')
            t.n--;
        t.exact = s < lx->end && (*s == '_' || *s == '-') && !stem;
    }
    /* glue: '_' (or '-') directly followed by a non-blank */
    if (s < lx->end && (*s == '_' || *s == '-')) {
        const char *q = s;
        while (q < lx->end && (*q == '_' || *q == '-'))
            q++;
        if (q < lx->end && *q != ' ' && *q != '\t')
            t.glue = true;
    } else if (t.kind == T_SYM && s < lx->end && *s != ' ' && *s != '\t') {
        /* "}_" handled above; "*X" without a connector is a syntax error
         * in TABARI, read it as glued */
        t.glue = true;
    }
    lx->s = s;
    return t;
}

static int fail(lexer *lx, const char *why)
{
    if (!lx->failed)
        dict_problem(lx->d, lx->diag, lx->file, lx->line, "%s", why);
    lx->failed = true;
    return CASUS_EPARSE;
}

static int parse_seq(lexer *lx, pseq *out, bool in_alt, char *stop);

static int push(lexer *lx, pitem **items, size_t *n, size_t *cap,
                const pitem *it)
{
    (void)lx;
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        pitem *ni = arena_alloc(&lx->d->mem, ncap * sizeof(pitem));
        if (ni == NULL)
            return CASUS_ENOMEM;
        if (*n)
            memcpy(ni, *items, *n * sizeof(pitem));
        *items = ni;
        *cap = ncap;
    }
    (*items)[(*n)++] = *it;
    return 0;
}

static int synset_item(lexer *lx, const token *t, pitem *it)
{
    synset *ss = map_get(&lx->d->synsets, t->p, t->n);
    if (ss == NULL) {
        char msg[128];
        snprintf(msg, sizeof(msg), "unknown synonym set %.*s", (int)t->n,
                 t->p);
        return fail(lx, msg);
    }
    it->kind = PI_ALT;
    it->synset = 1;
    it->alts = ss->alts;
    it->n_alts = ss->n_alts;
    return 0;
}

static uint16_t alt_length(const pitem *it)
{
    uint16_t best = 0;
    for (uint16_t i = 0; i < it->n_alts; i++)
        if (it->alts[i].length > best)
            best = it->alts[i].length;
    return best;
}

/*
 * Parse items until the end, or (inside { }) until '|' or '}', whose
 * symbol is returned in *stop.
 */
static int parse_seq(lexer *lx, pseq *out, bool in_alt, char *stop)
{
    pitem *items = NULL;
    size_t n = 0, cap = 0;
    uint32_t length = 0;
    int err;

    *stop = 0;
    for (;;) {
        token t = lex(lx);
        pitem it = { 0 };
        if (t.kind == T_END) {
            if (in_alt)
                return fail(lx, "missing '}'");
            break;
        }
        if (t.kind == T_SYM && (t.sym == '|' || t.sym == '}')) {
            if (!in_alt)
                return fail(lx, "'|' or '}' outside { }");
            *stop = t.sym;
            /* "}_X": the set is glued to what follows */
            if (t.sym == '}' && t.glue)
                *stop = 'G';
            break;
        }
        if (t.kind == T_WORD) {
            char buf[128];
            size_t bl = 0;
            for (size_t i = 0; i < t.n && bl + 1 < sizeof(buf); i++)
                buf[bl++] = (char)toupper((unsigned char)t.p[i]);
            if (bl == 3 && memcmp(buf, "N'T", 3) == 0)
                lx->d->split_nt = true;
            it.kind = PI_WORD;
            it.word.w = arena_strndup(&lx->d->mem, buf, bl);
            if (it.word.w == NULL)
                return CASUS_ENOMEM;
            it.word.len = (uint16_t)bl;
            it.word.hash = map_hash(buf, bl);
            it.word.mode = t.exact ? WM_EXACT : WM_STEM;
            length += (uint32_t)bl;
        } else if (t.kind == T_SYNSET) {
            if ((err = synset_item(lx, &t, &it)) < 0)
                return err;
            /* a synonym set adds nothing to a pattern's length: the
             * validation suite codes "contribute a million dollars" by
             * "* DOLLAR" ahead of "* &CURRENCY" */
        } else if (t.sym == '{') {
            pseq alts[32];
            uint16_t na = 0;
            char st;
            do {
                pseq a;
                if ((err = parse_seq(lx, &a, true, &st)) < 0)
                    return err;
                if (na < 32 && a.n_items > 0)
                    alts[na++] = a;
            } while (st == '|');
            if (na == 0)
                return fail(lx, "empty { }");
            it.kind = PI_ALT;
            it.alts = arena_alloc(&lx->d->mem, na * sizeof(pseq));
            if (it.alts == NULL)
                return CASUS_ENOMEM;
            memcpy(it.alts, alts, na * sizeof(pseq));
            it.n_alts = na;
            t.glue = st == 'G';
            length += alt_length(&it);
        } else {
            switch (t.sym) {
            case '*':
                if (in_alt)
                    return fail(lx, "'*' inside { }");
                it.kind = PI_VERB;
                lx->verbs++;
                break;
            case '$': it.kind = PI_SOURCE; break;
            case '+': it.kind = PI_TARGET; break;
            case '%': it.kind = PI_BOTH; break;
            case '^': it.kind = PI_SKIP; break;
            case '@': it.kind = PI_ATTRIB; break;
            default: return fail(lx, "misplaced symbol");
            }
        }
        it.glue = t.glue;
        if ((err = push(lx, &items, &n, &cap, &it)) < 0)
            return err;
    }
    out->items = items;
    out->n_items = (uint16_t)n;
    out->length = (uint16_t)(length > 65535 ? 65535 : length);
    return 0;
}

int pat_compile(casus_dict *d, verb *v, const char *text, size_t len,
                const char *code, const char *file, uint32_t line,
                casus_diag *diag)
{
    lexer lx = { text, text + len, d, file, line, diag, 0, false };
    pattern p = { 0 };
    char stop;
    int err = parse_seq(&lx, &p.seq, false, &stop);
    if (err < 0)
        return err;
    if (lx.verbs != 1)
        return fail(&lx, lx.verbs ? "pattern has more than one '*'"
                                  : "pattern lacks the verb marker '*'");
    for (uint16_t i = 0; i < p.seq.n_items; i++) {
        const pitem *it = &p.seq.items[i];
        if (it->kind == PI_VERB)
            p.verb_at = i;
        /* a literal word outside { } must appear in any sentence the
         * pattern matches, as a word or the start of one (a stem, or an
         * exact word with an ending): the coder's prefilter */
        if (it->kind == PI_WORD && p.n_req < PAT_REQ_MAX)
            p.req[p.n_req++] = map_hash(it->word.w, it->word.len);
    }
    p.code = code;
    p.file = file;
    p.line = line;
    if (v->n_pats == v->pats_cap) {
        uint32_t ncap = v->pats_cap ? v->pats_cap * 2 : 4;
        pattern *np = cs_realloc(v->pats, ncap * sizeof(pattern));
        if (np == NULL)
            return CASUS_ENOMEM;
        v->pats = np;
        v->pats_cap = ncap;
    }
    v->pats[v->n_pats++] = p;
    return 0;
}

size_t pat_synset_words(const casus_dict *d, const char *name,
                        const dword **out, size_t cap)
{
    const synset *ss = map_get(&d->synsets, name, strlen(name));
    size_t n = 0;
    for (size_t i = 0; ss != NULL && i < ss->n_alts && n < cap; i++) {
        const pseq *a = &ss->alts[i];
        if (a->n_items == 1 && a->items[0].kind == PI_WORD)
            out[n++] = &a->items[0].word;
    }
    return n;
}

int pat_define_synset(casus_dict *d, const char *name, const char **members,
                      size_t n_members, const char *file, uint32_t line,
                      casus_diag *diag)
{
    size_t nl = strlen(name);
    while (nl && (name[nl - 1] == ' ' || name[nl - 1] == '\t' ||
                  name[nl - 1] == '_'))
        nl--;
    if (map_get(&d->synsets, name, nl))
        return dict_problem(d, diag, file, line,
                            "synonym set %.*s defined twice", (int)nl, name);
    if (n_members == 0)
        return dict_problem(d, diag, file, line,
                            "synonym set %.*s has no members", (int)nl,
                            name);
    synset *ss = arena_calloc(&d->mem, sizeof(*ss));
    pseq *alts = arena_alloc(&d->mem, n_members * sizeof(pseq));
    const char *key = arena_strndup(&d->mem, name, nl);
    if (ss == NULL || alts == NULL || key == NULL)
        return CASUS_ENOMEM;
    uint16_t na = 0;
    for (size_t i = 0; i < n_members && na < 65535; i++) {
        const char *m = members[i];
        if (m == NULL)
            return CASUS_ENOMEM;
        lexer lx = { m, m + strlen(m), d, file, line, diag, 0, false };
        char stop;
        int err = parse_seq(&lx, &alts[na], false, &stop);
        if (err == CASUS_ENOMEM)
            return err;
        if (err == 0 && lx.verbs == 0 && alts[na].n_items > 0)
            na++;
        else if (err == 0)
            fail(&lx, "synonym set member with '*' or empty");
    }
    ss->alts = alts;
    ss->n_alts = na;
    void **slot = map_put(&d->synsets, key, nl);
    if (slot == NULL)
        return CASUS_ENOMEM;
    *slot = ss;
    return 0;
}

static int cmp_pat(const void *a, const void *b)
{
    const pattern *x = a, *y = b;
    if (x->seq.length != y->seq.length)
        return x->seq.length > y->seq.length ? -1 : 1;
    /* stable: earlier line first (same file within a verb) */
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

void pat_sort(casus_dict *d)
{
    for (size_t i = 0; i < d->n_verbs; i++)
        if (d->verbs[i].n_pats > 1 && d->verbs[i].pats_cap)
            qsort(d->verbs[i].pats, d->verbs[i].n_pats, sizeof(pattern),
                  cmp_pat);
}
