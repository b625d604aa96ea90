/*
 * explain.c - a readable account of how one sentence was coded
 *
 * Lists the words with their types (dropped comma clauses in brackets),
 * the actor mentions with codes, compounds and pronoun references, the
 * clauses, the verbs with the pattern or root that fired (file:line), and
 * the events kept.  For people; its layout is not a stable format.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "coderint.h"

static void put_span(strbuf *sb, const parse_state *ps, size_t first,
                     size_t last)
{
    for (size_t k = first; k <= last; k++)
        strbuf_printf(sb, "%s%s", k > first ? " " : "", ps->toks[k].w);
}

int casus_coder_explain(casus_coder *c, const char *sentence,
                        const char *date, const char **out)
{
    strbuf *sb = &c->explain;
    int status = 0;
    /* as the first sentence of a document: a dateline is not coded */
    size_t len = strlen(sentence);
    size_t skip = text_dateline(sentence, len, NULL);
    int err = coder_sentence(c, sentence + skip, len - skip,
                             coder_iso_date(date), &status);
    const parse_state *ps = &c->ps;
    const casus_dict *d = c->dict;

    strbuf_clear(sb);
    *out = "";
    if (err < 0)
        return err;
    if (skip > 0)
        strbuf_printf(sb, "dateline (not coded): %.*s\n", (int)skip,
                      sentence);
    strbuf_puts(sb, "words:\n ");
    for (size_t i = 0; i < ps->n_toks; i++) {
        const tok *t = &ps->toks[i];
        strbuf_printf(sb, " %s%s/%s%s", t->deleted ? "[" : "", t->w,
                      parse_type_name(t->type), t->deleted ? "]" : "");
    }
    strbuf_puts(sb, "\nphrases:\n");
    for (size_t u = 0; u < ps->n_units; u++) {
        const unit *un = &ps->units[u];
        const entry *e = &d->entries[un->entry];
        strbuf_puts(sb, "  ");
        put_span(sb, ps, un->first, un->last);
        strbuf_printf(sb, "  %s", parse_type_name(un->type));
        if (un->code)
            strbuf_printf(sb, " [%s]", un->code);
        if (e->kind == K_AGENT)
            strbuf_printf(sb, " [%s%s%s]", e->agent_suffix ? "" : "~",
                          e->u.agent, e->agent_suffix ? "~" : "");
        strbuf_printf(sb, "  %s:%u\n", e->file ? e->file : "?", e->line);
    }
    strbuf_puts(sb, "actors:\n");
    for (size_t m = 0; m < ps->n_mentions; m++) {
        const mention *mm = &ps->mentions[m];
        strbuf_printf(sb, "  #%zu ", m);
        put_span(sb, ps, mm->first, mm->last);
        if (mm->pronoun) {
            if (mm->ref_compound >= 0)
                strbuf_printf(sb, "  pronoun -> compound %d\n",
                              mm->ref_compound);
            else
                strbuf_printf(sb, "  pronoun -> #%d\n", mm->ref);
            continue;
        }
        strbuf_puts(sb, "  ");
        for (uint8_t k = 0; k < mm->n_codes; k++)
            strbuf_printf(sb, "%s%s", k ? "/" : "", mm->codes[k]);
        if (mm->compound >= 0)
            strbuf_printf(sb, "  (compound %d)", mm->compound);
        strbuf_putc(sb, '\n');
    }
    strbuf_puts(sb, "clauses:\n");
    for (size_t k = 0; k < ps->n_clauses; k++) {
        strbuf_printf(sb, "  %zu:", k);
        for (size_t i = ps->clauses[k].first; i <= ps->clauses[k].last; i++)
            strbuf_printf(sb, " %s", live_tok(ps, i)->w);
        strbuf_putc(sb, '\n');
    }
    switch (status) {
    case SENT_SHORT:
        strbuf_printf(sb, "result: not coded: fewer than %d words\n",
                      ps->opts.min_words);
        break;
    case SENT_DISCARD:
        strbuf_puts(sb, "result: discarded (### code)\n");
        break;
    case SENT_COMPLEX:
        strbuf_printf(sb, "result: complex (+++): %s\n",
                      ps->why_complex ? ps->why_complex : "complex code");
        break;
    default:
        if (c->n_cands == 0)
            strbuf_puts(sb, "result: no event\n");
        for (size_t i = 0; i < c->n_cands; i++) {
            const cand_event *e = &c->cands[i];
            const unit *un = &ps->units[e->hit.unit];
            const casus_cameo *info = casus_cameo_lookup(e->code);
            strbuf_printf(sb, "event: %s %s %s",
                          e->source[0] ? e->source : "-",
                          e->target[0] ? e->target : "-", e->code);
            if (info)
                strbuf_printf(sb, " (%s)", info->name);
            strbuf_puts(sb, "  verb ");
            put_span(sb, ps, un->first, un->last);
            strbuf_printf(sb, ", %s %s:%u%s%s\n",
                          e->hit.pattern ? "pattern" : "root",
                          e->hit.file ? e->hit.file : "?", e->hit.line,
                          e->hit.subordinate ? ", subordinate" : "",
                          e->hit.dominant ? ", dominant" : "");
        }
    }
    if (sb->oom)
        return CASUS_ENOMEM;
    *out = sb->buf;
    return 0;
}
