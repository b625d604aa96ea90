/*
 * validate.c - TABARI and PETRARCH validation records
 *
 * TABARI records (manual 10.1) look like
 *
 *     950103  DEMO-04
 *     Dagolath's first Deputy Prime Minister Telemar left for ...
 *     / *  ... { DAG / GON / 032 } { GON / DAG / 033 }  * /
 *
 * A record's comment holds the expected events in braces, the special
 * results {---} (nothing coded), {###} (discarded) and {+++} (complex),
 * "-{" (check no further records) and {OPTION: line} (change an option
 * before coding).  Special codes are checked first; when one matches, the
 * events are not compared.  The standard suite ends at record FINAL-01.
 *
 * PETRARCH records are XML <Sentence> elements with <EventCoding>
 * children; libxml2 reads them.
 *
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "alloc.h"
#include "casus/validate.h"
#include "coderint.h"
#include "strbuf.h"

typedef struct exp_event {
    char src[CASUS_ACTOR_MAX], tgt[CASUS_ACTOR_MAX], code[16];
} exp_event;

typedef struct vrec {
    strbuf id, text, options;   /* options: NUL-separated lines */
    size_t n_options;
    exp_event ev[64];
    size_t n_ev;
    bool special_none, special_discard, special_complex;
    bool partial;               /* "-{": only the listed events count */
    int32_t date;
} vrec;

typedef struct vrun {
    casus_coder *coder;
    casus_vresult_fn fn;
    void *payload;
    casus_vstats *stats;
    bool standard;
    strbuf exp, got;
} vrun;

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    size_t k = 0;
    while (s[k] && isspace((unsigned char)s[k]))
        k++;
    memmove(s, s + k, strlen(s + k) + 1);
}

/* Code one record and report it. */
static int check_record(vrun *vr, vrec *r)
{
    casus_coder *c = vr->coder;
    int status = 0, err;
    const char *opt = r->options.buf;
    for (size_t i = 0; i < r->n_options; i++) {
        casus_coder_set_option(c, opt);
        opt += strlen(opt) + 1;
    }
    if ((err = coder_sentence(c, r->text.buf, r->text.len, r->date,
                              &status)) < 0)
        return err;
    parse_forward(&c->ps, false);
    casus_vresult res = { 0 };
    res.id = r->id.buf;
    res.text = r->text.buf;
    res.standard = vr->standard;
    strbuf_clear(&vr->exp);
    strbuf_clear(&vr->got);
    for (size_t i = 0; i < r->n_ev; i++)
        strbuf_printf(&vr->exp, "%s%s %s %s", i ? "; " : "", r->ev[i].src,
                      r->ev[i].tgt, r->ev[i].code);
    if (r->special_none)
        strbuf_printf(&vr->exp, "%s---", vr->exp.len ? "; " : "");
    if (r->special_discard)
        strbuf_printf(&vr->exp, "%s###", vr->exp.len ? "; " : "");
    if (r->special_complex)
        strbuf_printf(&vr->exp, "%s+++", vr->exp.len ? "; " : "");
    if (r->partial)
        strbuf_puts(&vr->exp, " (and possibly more)");
    size_t n_got = status == SENT_EVENTS ? c->n_cands : 0;
    if (status == SENT_DISCARD)
        strbuf_puts(&vr->got, "###");
    else if (status == SENT_COMPLEX)
        strbuf_printf(&vr->got, "+++ (%s)", c->ps.why_complex ?
                      c->ps.why_complex : "complex");
    else if (status == SENT_SHORT)
        strbuf_puts(&vr->got, "--- (too few words)");
    else if (n_got == 0)
        strbuf_puts(&vr->got, "---");
    for (size_t i = 0; i < n_got; i++)
        strbuf_printf(&vr->got, "%s%s %s %s", i ? "; " : "",
                      c->cands[i].source, c->cands[i].target,
                      c->cands[i].code);
    bool has_special = r->special_none || r->special_discard ||
                       r->special_complex;
    bool special_ok =
        (r->special_discard && status == SENT_DISCARD) ||
        (r->special_complex && status == SENT_COMPLEX) ||
        (r->special_none && (status == SENT_SHORT ||
                             (status == SENT_EVENTS && n_got == 0)));
    size_t matched = 0;
    for (size_t i = 0; i < r->n_ev; i++)
        for (size_t k = 0; k < n_got; k++)
            if (strcmp(r->ev[i].src, c->cands[k].source) == 0 &&
                strcmp(r->ev[i].tgt, c->cands[k].target) == 0 &&
                strcmp(r->ev[i].code, c->cands[k].code) == 0) {
                matched++;
                break;
            }
    bool events_ok = status == SENT_EVENTS && matched == r->n_ev &&
                     (r->partial || n_got == r->n_ev) && r->n_ev > 0;
    res.expected = vr->exp.buf;
    res.got = vr->got.buf;
    res.expected_events = r->n_ev;
    res.matched_events = matched;
    vr->stats->records++;
    if (!has_special && r->n_ev == 0) {
        res.status = r->n_options ? CASUS_V_OPTION : CASUS_V_SKIP;
    } else {
        res.status = (special_ok || events_ok) ? CASUS_V_PASS : CASUS_V_FAIL;
        vr->stats->checked++;
        if (vr->standard)
            vr->stats->standard_checked++;
        if (res.status == CASUS_V_PASS) {
            vr->stats->passed++;
            if (vr->standard)
                vr->stats->standard_passed++;
        } else {
            vr->stats->failed++;
        }
        vr->stats->expected_events += r->n_ev;
        vr->stats->matched_events += matched;
        vr->stats->coded_events += n_got;
    }
    if (vr->fn)
        vr->fn(&res, vr->payload);
    return 0;
}

/* ---- TABARI text records ------------------------------------------------- */

static void parse_braces(vrec *r, const char *s)
{
    const char *p = s;
    while ((p = strchr(p, '{')) != NULL) {
        bool dash = p > s && p[-1] == '-';
        const char *q = strchr(p, '}');
        const char *end_comment = strstr(p, "*/");
        if (q == NULL || (end_comment && end_comment < q))
            q = end_comment ? end_comment : p + strlen(p);
        char body[512];
        size_t n = (size_t)(q - p - 1);
        if (n >= sizeof(body))
            n = sizeof(body) - 1;
        memcpy(body, p + 1, n);
        body[n] = '\0';
        /* a "\n" line-break marker may sit inside */
        for (char *b = body; (b = strstr(b, "\\n")) != NULL;)
            memmove(b, b + 2, strlen(b + 2) + 1);
        trim(body);
        p = *q ? q + 1 : q;
        if (dash) {
            r->partial = true;
            continue;   /* -{...}: not checked, and nothing after it */
        }
        if (r->partial)
            continue;
        if (strncasecmp(body, "OPTION:", 7) == 0) {
            char *o = body + 7;
            trim(o);
            strbuf_add(&r->options, o, strlen(o) + 1);
            r->n_options++;
            continue;
        }
        if (strcmp(body, "---") == 0 || strcmp(body, "- - -") == 0) {
            r->special_none = true;
            continue;
        }
        if (strcmp(body, "###") == 0) {
            r->special_discard = true;
            continue;
        }
        if (strcmp(body, "+++") == 0) {
            r->special_complex = true;
            continue;
        }
        char *f[3];
        int nf = 0;
        for (char *t = strtok(body, "/"); t && nf < 3; t = strtok(NULL, "/"))
            f[nf++] = t;
        if (nf != 3 || r->n_ev == 64)
            continue;
        exp_event *e = &r->ev[r->n_ev++];
        trim(f[0]);
        trim(f[1]);
        trim(f[2]);
        snprintf(e->src, sizeof(e->src), "%s", f[0]);
        snprintf(e->tgt, sizeof(e->tgt), "%s", f[1]);
        snprintf(e->code, sizeof(e->code), "%s", f[2]);
    }
}

static void vrec_reset(vrec *r)
{
    strbuf_clear(&r->id);
    strbuf_clear(&r->text);
    strbuf_clear(&r->options);
    r->n_options = 0;
    r->n_ev = 0;
    r->special_none = r->special_discard = r->special_complex = false;
    r->partial = false;
    r->date = 0;
}

static void vrec_dispose(vrec *r)
{
    strbuf_dispose(&r->id);
    strbuf_dispose(&r->text);
    strbuf_dispose(&r->options);
}

static int run_tabari_text(vrun *vr, const char *path, bool yyyy,
                           casus_diag *diag)
{
    char *buf;
    size_t len;
    int err = dict_read_file(path, &buf, &len);
    vrec r = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, 0, { { "", "", "" } },
               0, false, false, false, false, 0 };
    strbuf comment = STRBUF_INIT;

    if (err < 0) {
        if (diag)
            snprintf(diag->msg, sizeof(diag->msg), "cannot read %s: %s",
                     path, casus_strerror(err));
        return err;
    }
    vr->standard = true;
    char *s = buf, *end = buf + len;
    while (s < end) {
        char *nl = memchr(s, '\n', (size_t)(end - s));
        char *line = s;
        size_t ll = nl ? (size_t)(nl - s) : (size_t)(end - s);
        s = nl ? nl + 1 : end;
        if (ll == 0 || !isdigit((unsigned char)line[0]))
            continue;
        /* header: date and id */
        vrec_reset(&r);
        strbuf_clear(&comment);
        size_t k = 0;
        while (k < ll && isdigit((unsigned char)line[k]))
            k++;
        /* TABARI reads YYMMDD (YYYYMMDD with SET: YYYY) and ignores
         * any further digits */
        size_t want = yyyy ? 8 : 6;
        char dbuf[16];
        snprintf(dbuf, sizeof(dbuf), "%.*s", (int)(k < want ? k : want),
                 line);
        int32_t dt = dict_parse_date(dbuf, strlen(dbuf));
        r.date = dt > 0 ? dt : 0;
        while (k < ll && (line[k] == ' ' || line[k] == '\t'))
            k++;
        size_t idn = 0;
        while (k + idn < ll && line[k + idn] != ' ' && line[k + idn] != '\t'
               && line[k + idn] != '\r')
            idn++;
        strbuf_add(&r.id, line + k, idn);
        /* text lines up to a blank line; comments between / * and * / */
        bool in_comment = false;    /* a / * was seen */
        bool open = false;          /* and its * / not yet */
        while (s < end) {
            nl = memchr(s, '\n', (size_t)(end - s));
            line = s;
            ll = nl ? (size_t)(nl - s) : (size_t)(end - s);
            bool blank = true;
            for (size_t i = 0; i < ll; i++)
                if (!isspace((unsigned char)line[i]))
                    blank = false;
            if (blank && !open)
                break;
            s = nl ? nl + 1 : end;
            for (size_t i = 0; i < ll; i++) {
                if (!open && i + 1 < ll && line[i] == '/' &&
                    line[i + 1] == '*') {
                    in_comment = open = true;
                    i++;
                    continue;
                }
                if (open && i + 1 < ll && line[i] == '*' &&
                    line[i + 1] == '/') {
                    /* text never resumes: braces after the close still
                     * count as expectations (PATTERN-26) */
                    open = false;
                    i++;
                    continue;
                }
                if (in_comment)
                    strbuf_putc(&comment, line[i]);
                else if (line[i] != '\r')
                    strbuf_putc(&r.text, line[i]);
            }
            if (in_comment)
                strbuf_putc(&comment, ' ');
            else
                strbuf_putc(&r.text, ' ');
            if (blank)
                break;
        }
        parse_braces(&r, comment.buf);
        trim(r.text.buf);
        r.text.len = strlen(r.text.buf);
        if ((err = check_record(vr, &r)) < 0)
            break;
        if (strcmp(r.id.buf, "FINAL-01") == 0)
            vr->standard = false;
    }
    vrec_dispose(&r);
    strbuf_dispose(&comment);
    cs_free(buf);
    return err < 0 ? err : 0;
}

/* The <textfile> entries of a .project, resolved against its folder. */
static int project_texts(const char *path, char texts[][4096], int cap)
{
    char *buf;
    size_t len;
    int n = 0;
    if (dict_read_file(path, &buf, &len) < 0)
        return -1;
    const char *slash = strrchr(path, '/');
    int dl = slash ? (int)(slash - path + 1) : 0;
    for (char *l = strtok(buf, "\n"); l && n < cap; l = strtok(NULL, "\n")) {
        while (*l == ' ' || *l == '\t')
            l++;
        if (strncasecmp(l, "<te", 3) != 0)
            continue;
        char *gt = strchr(l, '>');
        if (gt == NULL)
            continue;
        char name[1024];
        if (sscanf(gt + 1, " %1023s", name) != 1)
            continue;
        if (name[0] == '/')
            snprintf(texts[n++], 4096, "%s", name);
        else
            snprintf(texts[n++], 4096, "%.*s%s", dl, path, name);
    }
    cs_free(buf);
    return n;
}

/* ---- PETRARCH XML ----------------------------------------------------------- */

static char *xml_attr(xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static int run_petrarch_xml(vrun *vr, xmlDoc *doc)
{
    vrec r = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, 0, { { "", "", "" } },
               0, false, false, false, false, 0 };
    int err = 0;
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *sec = root ? root->children : NULL; sec; sec = sec->next) {
        if (sec->type != XML_ELEMENT_NODE ||
            xmlStrcmp(sec->name, (const xmlChar *)"Sentences") != 0)
            continue;
        for (xmlNode *s = sec->children; s; s = s->next) {
            if (s->type != XML_ELEMENT_NODE ||
                xmlStrcmp(s->name, (const xmlChar *)"Sentence") != 0)
                continue;
            vrec_reset(&r);
            char *id = xml_attr(s, "id"), *date = xml_attr(s, "date");
            char *valid = xml_attr(s, "valid");
            strbuf_puts(&r.id, id ? id : "?");
            if (date)
                r.date = dict_parse_date(date, strlen(date));
            if (r.date < 0)
                r.date = 0;
            vr->standard = valid && strcmp(valid, "true") == 0;
            xmlFree(id);
            xmlFree(date);
            xmlFree(valid);
            for (xmlNode *c = s->children; c; c = c->next) {
                if (c->type != XML_ELEMENT_NODE)
                    continue;
                if (xmlStrcmp(c->name, (const xmlChar *)"EventCoding") == 0) {
                    char *sc = xml_attr(c, "sourcecode");
                    char *tc = xml_attr(c, "targetcode");
                    char *ec = xml_attr(c, "eventcode");
                    char *nc = xml_attr(c, "noevents");
                    if (nc)
                        r.special_none = true;
                    else if (ec && r.n_ev < 64) {
                        exp_event *e = &r.ev[r.n_ev++];
                        snprintf(e->src, sizeof(e->src), "%s", sc ? sc : "");
                        snprintf(e->tgt, sizeof(e->tgt), "%s", tc ? tc : "");
                        snprintf(e->code, sizeof(e->code), "%s", ec);
                    }
                    xmlFree(sc);
                    xmlFree(tc);
                    xmlFree(ec);
                    xmlFree(nc);
                } else if (xmlStrcmp(c->name, (const xmlChar *)"Text") == 0) {
                    xmlChar *t = xmlNodeGetContent(c);
                    if (t) {
                        for (const xmlChar *p = t; *p; p++)
                            strbuf_putc(&r.text, *p == '\n' ? ' ' : (char)*p);
                        xmlFree(t);
                    }
                }
            }
            trim(r.text.buf);
            r.text.len = strlen(r.text.buf);
            if (r.text.len == 0)
                continue;
            if ((err = check_record(vr, &r)) < 0)
                break;
        }
    }
    vrec_dispose(&r);
    return err;
}

/* Dictionary files named in <Environment>, resolved against the xml. */
static int petrarch_dicts(xmlDoc *doc, const char *path, char files[][4096],
                          int cap)
{
    int n = 0;
    const char *slash = strrchr(path, '/');
    int dl = slash ? (int)(slash - path + 1) : 0;
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *env = root ? root->children : NULL; env; env = env->next) {
        if (env->type != XML_ELEMENT_NODE ||
            xmlStrcmp(env->name, (const xmlChar *)"Environment") != 0)
            continue;
        for (xmlNode *c = env->children; c && n < cap; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            if (xmlStrcmp(c->name, (const xmlChar *)"Verbfile") &&
                xmlStrcmp(c->name, (const xmlChar *)"Actorfile") &&
                xmlStrcmp(c->name, (const xmlChar *)"Agentfile") &&
                xmlStrcmp(c->name, (const xmlChar *)"Discardfile"))
                continue;
            xmlChar *t = xmlNodeGetContent(c);
            if (t) {
                char name[1024];
                snprintf(name, sizeof(name), "%s", (char *)t);
                trim(name);
                snprintf(files[n++], 4096, "%.*s%s", dl, path, name);
                xmlFree(t);
            }
        }
    }
    return n;
}

/* ---- API ------------------------------------------------------------------- */

/* Keep the first dictionary problem; its file name lives in the
 * dictionary, which is gone when casus_validate() returns, so the name is
 * copied into the message. */
static void forward_problem(const casus_diag *d, void *payload)
{
    casus_diag *out = payload;
    if (out == NULL || out->msg[0] != '\0')
        return;
    char msg[2 * sizeof(out->msg) + 64];
    snprintf(msg, sizeof(msg), "%s:%ld: %s", d->file ? d->file : "?",
             d->line, d->msg);
    memcpy(out->msg, msg, sizeof(out->msg) - 1);
    out->msg[sizeof(out->msg) - 1] = '\0';
    out->file = NULL;
    out->line = 0;
}

int casus_validate(const char *path, const char *const *dicts,
                   size_t n_dicts, casus_vresult_fn fn, void *payload,
                   casus_vstats *stats, casus_diag *diag)
{
    casus_dict *d = NULL;
    casus_coder *c = NULL;
    xmlDoc *xml = NULL;
    vrun vr = { NULL, fn, payload, stats, true, STRBUF_INIT, STRBUF_INIT };
    char (*files)[4096] = NULL;
    int err;
    size_t plen = strlen(path);
    bool is_xml = plen > 4 && strcasecmp(path + plen - 4, ".xml") == 0;

    memset(stats, 0, sizeof(*stats));
    if ((err = casus_dict_new(&d)) < 0)
        goto done;
    casus_dict_on_problem(d, forward_problem, diag);
    files = cs_calloc(16, sizeof(*files));
    if (files == NULL) {
        err = CASUS_ENOMEM;
        goto done;
    }
    if (is_xml) {
        xml = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING |
                                      XML_PARSE_NOERROR | XML_PARSE_RECOVER);
        if (xml == NULL) {
            err = CASUS_EPARSE;
            if (diag)
                snprintf(diag->msg, sizeof(diag->msg),
                         "%s: not readable XML records", path);
            goto done;
        }
    }
    if (n_dicts) {
        for (size_t i = 0; i < n_dicts; i++)
            if ((err = casus_dict_load(d, dicts[i], NULL)) < 0 &&
                err != CASUS_EPARSE)
                goto done;
    } else if (is_xml) {
        int n = petrarch_dicts(xml, path, files, 16);
        for (int i = 0; i < n; i++)
            if ((err = casus_dict_load(d, files[i], NULL)) < 0 &&
                err != CASUS_EPARSE)
                goto done;
    } else {
        if ((err = casus_dict_load(d, path, NULL)) < 0 &&
            err != CASUS_EPARSE)
            goto done;
    }
    if ((err = casus_coder_new(&c, d)) < 0)
        goto done;
    vr.coder = c;
    if (is_xml) {
        err = run_petrarch_xml(&vr, xml);
    } else {
        int n = project_texts(path, files, 16);
        if (n <= 0) {
            err = CASUS_EPARSE;
            if (diag)
                snprintf(diag->msg, sizeof(diag->msg),
                         "%s names no <textfile>", path);
            goto done;
        }
        for (int i = 0; i < n && err >= 0; i++)
            err = run_tabari_text(&vr, files[i], d->opts.yyyy, diag);
    }
done:
    if (xml)
        xmlFreeDoc(xml);
    strbuf_dispose(&vr.exp);
    strbuf_dispose(&vr.got);
    cs_free(files);
    casus_coder_free(c);
    casus_dict_free(d);
    return err == CASUS_EPARSE && stats->records ? 0 : (err < 0 ? err : 0);
}
