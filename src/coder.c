/*
 * coder.c - verb patterns and events over a parsed sentence
 *
 * For each clause of a parse (sentence.c), verbs are tried left to right;
 * for each verb its patterns longest first, then its root code.  A pattern
 * is matched outward from the verb: the words before '*' backwards from
 * it, the words after '*' forwards, so '$' before the verb is the nearest
 * actor to its left.  Source and target that no pattern fixed come from
 * TABARI's default rules (manual 5.8), passive voice swaps them (7.9), and
 * CODE BY CLAUSE / SENTENCE / ALL with subordinate ('?') and dominant
 * ('!') codes decide which events are kept (7.6, 6.6).
 *
 * A coder owns all its scratch memory; coding allocates only while its
 * buffers grow to the largest sentence seen.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "casus/coder.h"
#include "coderint.h"
#include "counts.h"
#include "dates.h"
#include "strbuf.h"
#include "text.h"

/* ---- selections ---------------------------------------------------------- */

static sel sel_none(void)
{
    return (sel){ -1, -1, NULL };
}

static bool sel_set(sel s)
{
    return s.m >= 0 || s.def != NULL;
}

/* The code used to tell a source from a target. */
static const char *sel_cmp(const parse_state *ps, sel s)
{
    if (s.def)
        return s.def;
    if (s.m < 0)
        return "";
    const mention *m = &ps->mentions[s.m];
    if (m->pronoun)
        return m->base;
    if (s.c >= 0)
        m = &ps->mentions[ps->compounds[s.c].members[0]];
    return m->codes[0];
}

/* A selection from mention m: a compound when m heads one. */
static sel sel_of(const parse_state *ps, int m)
{
    sel s = { m, -1, NULL };
    const mention *mm = &ps->mentions[m];
    if (!mm->pronoun && mm->compound >= 0 &&
        ps->compounds[mm->compound].members[0] == m)
        s.c = mm->compound;
    return s;
}

/* A selection from a pattern slot: the whole compound m belongs to. */
static sel sel_slot(const parse_state *ps, int m)
{
    sel s = { m, -1, NULL };
    const mention *mm = &ps->mentions[m];
    if (!mm->pronoun && mm->compound >= 0)
        s.c = mm->compound;
    return s;
}

/* Live index of the first token of a selection's mention (s.m >= 0). */
static long sel_pos(const parse_state *ps, sel s)
{
    return ps->toks[ps->mentions[s.m].first].live_at;
}

static bool sel_is_compound(const parse_state *ps, sel s)
{
    if (s.m < 0)
        return false;
    const mention *m = &ps->mentions[s.m];
    return s.c >= 0 || (m->pronoun && m->ref_compound >= 0);
}

/* Expand a selection into (code, mention) pairs. */
static size_t sel_expand(const parse_state *ps, sel s, const char **codes,
                         int *who, size_t cap)
{
    size_t n = 0;
    if (s.def) {
        codes[0] = s.def;
        who[0] = -1;
        return 1;
    }
    if (s.m < 0)
        return 0;
    const mention *m = &ps->mentions[s.m];
    int16_t members[32];
    size_t nm = 0;
    int c = s.c;
    if (m->pronoun) {
        c = m->ref_compound;
        if (c < 0) {
            members[nm++] = m->ref;
        }
    }
    if (c >= 0) {
        const compound *cp = &ps->compounds[c];
        for (uint8_t i = 0; i < cp->n; i++)
            members[nm++] = cp->members[i];
    } else if (!m->pronoun) {
        members[nm++] = (int16_t)s.m;
    }
    for (size_t i = 0; i < nm; i++) {
        const mention *mm = &ps->mentions[members[i]];
        for (uint8_t k = 0; k < mm->n_codes && n < cap; k++) {
            codes[n] = mm->codes[k];
            who[n] = members[i];
            n++;
        }
    }
    return n;
}

/* ---- pattern matching ----------------------------------------------------- */

typedef struct mctx {
    const parse_state *ps;
    long lo, hi;            /* clause bounds, live indices */
    sel src, tgt;
    uint32_t length;        /* letters of matched words */
    long left;              /* leftmost word matched before the verb */
} mctx;

/* Forwards, a comma (not a compound's) ends the search: a dropped comma
 * clause leaves its closing comma behind as that barrier. */
static bool stop_tok(const tok *t)
{
    return t->type == T_COMMA && !t->absorbed;
}

/* Mention usable in a slot at live index k, or -1. */
static int slot_mention(const parse_state *ps, long k)
{
    const tok *t = live_tok(ps, (size_t)k);
    if (t->mention < 0)
        return -1;
    return t->mention;
}

/* Live span [a, b] covered by a slot filled with mention m: the mention,
 * or the whole compound it belongs to.  Both ends lie on live tokens. */
static void slot_span(const parse_state *ps, int m, long *a, long *b)
{
    const mention *mm = &ps->mentions[m];
    uint16_t first = mm->first, last = mm->last;
    if (!mm->pronoun && mm->compound >= 0) {
        const compound *cp = &ps->compounds[mm->compound];
        for (uint8_t i = 0; i < cp->n; i++) {
            const mention *x = &ps->mentions[cp->members[i]];
            if (x->first < first)
                first = x->first;
            if (x->last > last)
                last = x->last;
        }
    }
    /* nearest live tokens inside the span */
    while (first < last && ps->toks[first].live_at < 0)
        first++;
    while (last > first && ps->toks[last].live_at < 0)
        last--;
    *a = ps->toks[first].live_at;
    *b = ps->toks[last].live_at;
}

static bool fill_slot(mctx *mc, int kind, int m)
{
    const parse_state *ps = mc->ps;
    const mention *mm = &ps->mentions[m];
    bool is_comp = (!mm->pronoun && mm->compound >= 0) ||
                   (mm->pronoun && mm->ref_compound >= 0);
    switch (kind) {
    case PI_SOURCE:
        mc->src = sel_slot(ps, m);
        return true;
    case PI_TARGET:
        mc->tgt = sel_slot(ps, m);
        return true;
    case PI_BOTH:
        if (!is_comp)
            return false;
        mc->src = mc->tgt = sel_slot(ps, m);
        return true;
    default:
        return true;    /* ^ and @ only pass over the actor */
    }
}

static long match_fwd(mctx *mc, const pitem *items, size_t n, long pos,
                      bool glued);
static long match_bwd(mctx *mc, const pitem *items, size_t n, long pos,
                      bool glued);

/* One item forward from pos; returns the live index after it or -1. */
static long item_fwd(mctx *mc, const pitem *it, long pos, bool glued)
{
    const parse_state *ps = mc->ps;
    if (it->kind == PI_ALT) {
        for (uint16_t a = 0; a < it->n_alts; a++) {
            mctx save = *mc;
            long r = match_fwd(mc, it->alts[a].items, it->alts[a].n_items,
                               pos, glued);
            if (r >= 0)
                return r;
            *mc = save;
        }
        return -1;
    }
    /* a word no word of the sentence starts with is found nowhere */
    if (it->kind == PI_WORD && !parse_may_have_prefix(ps, it->word.hash))
        return -1;
    for (long k = pos; k <= mc->hi; k++) {
        const tok *t = live_tok(ps, (size_t)k);
        if (stop_tok(t))
            return -1;
        if (it->kind == PI_WORD) {
            if (word_match(&it->word, t->w, t->len, END_NONE)) {
                mc->length += it->word.len;
                return k + 1;
            }
        } else {
            int m = slot_mention(ps, k);
            if (m >= 0) {
                /* the slot takes the whole compound, so the next item
                 * starts after its last member */
                long a, b;
                slot_span(ps, m, &a, &b);
                if (!fill_slot(mc, it->kind, m))
                    return -1;
                return b + 1;
            }
        }
        if (glued)
            return -1;
    }
    return -1;
}

/* One item backward ending at or before pos; returns the live index just
 * left of it, or -2 on failure (-1 is a valid "before the clause"). */
static long item_bwd(mctx *mc, const pitem *it, long pos, bool glued)
{
    const parse_state *ps = mc->ps;
    if (it->kind == PI_ALT) {
        for (uint16_t a = 0; a < it->n_alts; a++) {
            mctx save = *mc;
            long r = match_bwd(mc, it->alts[a].items, it->alts[a].n_items,
                               pos, glued);
            if (r >= -1)
                return r;
            *mc = save;
        }
        return -2;
    }
    /* backwards, commas do not stop the search: "Gollum, centre of a row
     * between Radagast the Brown, called on Gondor" finds Gollum for
     * "$ *" once the comma clause is gone (MARK-00) */
    if (it->kind == PI_WORD && !parse_may_have_prefix(ps, it->word.hash))
        return -2;
    for (long k = pos; k >= mc->lo; k--) {
        const tok *t = live_tok(ps, (size_t)k);
        if (it->kind == PI_WORD) {
            if (word_match(&it->word, t->w, t->len, END_NONE)) {
                mc->length += it->word.len;
                if (k < mc->left)
                    mc->left = k;
                return k - 1;
            }
        } else {
            int m = slot_mention(ps, k);
            if (m >= 0) {
                long a, b;
                slot_span(ps, m, &a, &b);
                if (!fill_slot(mc, it->kind, m))
                    return -2;
                return (a < mc->lo ? mc->lo : a) - 1;
            }
        }
        if (glued)
            return -2;
    }
    return -2;
}

static long match_fwd(mctx *mc, const pitem *items, size_t n, long pos,
                      bool glued)
{
    for (size_t i = 0; i < n; i++) {
        pos = item_fwd(mc, &items[i], pos, glued);
        if (pos < 0)
            return -1;
        glued = items[i].glue;
    }
    return pos;
}

static long match_bwd(mctx *mc, const pitem *items, size_t n, long pos,
                      bool glued)
{
    for (size_t i = n; i-- > 0;) {
        bool g = i + 1 == n ? glued : items[i].glue;
        /* matched backwards, a synonym set is not held to the '_' after
         * it: "MOST_CERTAINLY_&NEGATVAUXVRB_EVER *" codes "most certainly
         * really did not even ever clash" (SYNSET-22h), while forwards
         * "&TIETYPES_MEMOS" still needs MEMOS next (SYNSET-23ee) */
        if (items[i].synset)
            g = false;
        pos = item_bwd(mc, &items[i], pos, g);
        if (pos < -1)
            return -2;
    }
    return pos;
}

/* Try one pattern on the verb at live span [vs, ve]. */
static bool match_pattern(mctx *mc, const pattern *p, long vs, long ve)
{
    const pitem *items = p->seq.items;
    size_t va = p->verb_at;
    mc->src = mc->tgt = sel_none();
    mc->length = 0;
    mc->left = vs;
    if (va > 0 &&
        match_bwd(mc, items, va, vs - 1, items[va - 1].glue) < -1)
        return false;
    if (va + 1 < p->seq.n_items &&
        match_fwd(mc, items + va + 1, p->seq.n_items - va - 1, ve + 1,
                  items[va].glue) < 0)
        return false;
    return true;
}

/* ---- one verb ------------------------------------------------------------ */

static bool tok_word(const tok *t, const char *w)
{
    size_t n = strlen(w);
    return t->len == n && memcmp(t->w, w, n) == 0;
}

/* First mention in live [a, b] (forward) or [b, a] (backward) whose
 * compare code differs from `other` and which is not a pronoun pointing
 * at mention `self` (-1: none), nor a place (mention.place) when
 * skip_places: a place is never a source, and a target only after the
 * verb ("shelled rebel-held towns", not "from a rebel-held town, troops
 * shelled ..."). */
static int find_mention(const parse_state *ps, long a, long b, int dir,
                        const char *other, int self, bool skip_places)
{
    for (long k = a; dir > 0 ? k <= b : k >= b; k += dir) {
        const tok *t = live_tok(ps, (size_t)k);
        if (t->mention < 0)
            continue;
        const mention *m = &ps->mentions[t->mention];
        /* look at a multi-token mention once, at its first live token */
        if (dir > 0 && k > a && live_tok(ps, (size_t)k - 1)->mention ==
                                    t->mention)
            continue;
        if (dir < 0 && k > 0 && k - 1 >= b &&
            live_tok(ps, (size_t)k - 1)->mention == t->mention)
            continue;
        if (skip_places && m->place)
            continue;
        sel s = { t->mention, -1, NULL };
        if (other && strcmp(sel_cmp(ps, s), other) == 0)
            continue;
        /* "India's minister met his counterpart": a pronoun that points
         * back at the very actor compared against can only pair it with
         * itself */
        if (self >= 0 && m->pronoun && m->ref_compound < 0 && m->ref == self)
            continue;
        return t->mention;
    }
    return -1;
}

/* Is the verb at live index vs denied: NOT, NEVER or an n't word among
 * the two words before it (inside the clause)?  Returns the negator's
 * live index, or -1. */
static long negated_at(const parse_state *ps, long vs, long lo)
{
    for (long k = vs - 1; k >= vs - 2 && k >= lo; k--) {
        const tok *t = live_tok(ps, (size_t)k);
        if (tok_word(t, "NOT") || tok_word(t, "NEVER") ||
            (t->len > 3 && memcmp(t->w + t->len - 3, "N'T", 3) == 0))
            return k;
    }
    return -1;
}

/* casus CONDITIONS: does IF or UNLESS stand before the verb at vs in its
 * clause, with no comma between (the clause of a condition ends at its
 * comma: "if talks fail, the army will attack" attacks in the main
 * clause)? */
static bool conditional_at(const parse_state *ps, long vs, long lo)
{
    for (long k = vs - 1; k >= lo; k--) {
        const tok *t = live_tok(ps, (size_t)k);
        if (t->type == T_COMMA && !t->absorbed)
            return false;
        if (tok_word(t, "IF") || tok_word(t, "UNLESS"))
            return true;
    }
    return false;
}

/* Does the negator at live index neg deny that the subject does the verb
 * at vs, so that the denial is a refusal?  Not in a passive ("was not
 * being consulted", "had never been discussed"), an infinitive ("advised
 * them not to visit", whose subject is someone else), after a participle
 * ("never-ending retreat"), for what cannot be done ("could not provide
 * an estimate", "can't") or in "whether or not". */
static bool refusal_at(const parse_state *ps, long neg, long vs, long lo)
{
    for (long k = neg + 1; k < vs; k++) {
        const tok *t = live_tok(ps, (size_t)k);
        if (tok_word(t, "BE") || tok_word(t, "BEEN") || tok_word(t, "TO") ||
            word_ends_ing(t->w, t->len))
            return false;
    }
    const tok *n = live_tok(ps, (size_t)neg);
    if (tok_word(n, "CAN'T") || tok_word(n, "COULDN'T"))
        return false;
    if (neg > lo) {
        const tok *p = live_tok(ps, (size_t)neg - 1);
        if (tok_word(p, "OR") || tok_word(p, "COULD") || tok_word(p, "CAN") ||
            tok_word(p, "CA"))
            return false;
    }
    return true;
}

/* A map of event codes by prefix: code_by_prefix() finds the longest. */
typedef struct code_map {
    const char *from, *to;
} code_map;

/* The `to` of the row of rows (n of them) whose `from` is the longest prefix
 * of code, or NULL when none is. */
static const char *code_by_prefix(const code_map *rows, size_t n,
                                  const char *code)
{
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(rows[i].from);
        if (len > best_len && strncmp(code, rows[i].from, len) == 0) {
            best = rows[i].to;
            best_len = len;
        }
    }
    return best;
}

/* CAMEO codes a refusal to cooperate as a rejection (12), under the
 * sub-code that mirrors what was refused: "would not provide aid" is 122
 * (reject a request for material aid), "did not release the prisoners"
 * 1243 (decline to release persons).  Intents (03), material
 * cooperation (06), aid (07) and yielding (08) have a mirror, and of 04
 * and 05 only negotiating (046), recognition (054) and signing (057):
 * "did not meet the press", "did not visit the area", "does not support
 * the contention" refuse no proposal.  The longest prefix wins. */
static const code_map reject_map[] = {
    { "03", "120" }, { "031", "121" }, { "0311", "1211" },
    { "0312", "1212" }, { "0313", "1213" }, { "0314", "1214" },
    { "033", "122" }, { "0331", "1221" }, { "0332", "1222" },
    { "0333", "1223" }, { "0334", "1224" }, { "034", "123" },
    { "0341", "1231" }, { "0342", "1232" }, { "0343", "1233" },
    { "0344", "1234" }, { "035", "124" }, { "0351", "1241" },
    { "0352", "1242" }, { "0353", "1243" }, { "0354", "1244" },
    { "0355", "1245" }, { "0356", "1246" }, { "036", "125" },
    { "037", "127" }, { "038", "126" },
    { "046", "125" }, { "054", "120" }, { "057", "127" },
    { "06", "121" }, { "061", "1211" }, { "062", "1212" },
    { "063", "1213" }, { "064", "1214" },
    { "07", "122" }, { "071", "1221" }, { "072", "1222" },
    { "073", "1223" }, { "074", "1224" },
    { "08", "124" }, { "081", "1241" }, { "082", "1242" },
    { "083", "123" }, { "0831", "1231" }, { "0832", "1232" },
    { "0833", "1233" }, { "0834", "1234" }, { "084", "1243" },
    { "085", "1244" }, { "086", "1245" }, { "087", "1246" },
};

/* The rejection code for denied code `code` ("062" -> "1212"), or NULL
 * when the denial of `code` is no event. */
static const char *rejection_code(const char *code)
{
    return code_by_prefix(reject_map, sizeof reject_map / sizeof reject_map[0],
                          code);
}

/* The IMPLIED actor for event code `code` (an entry for "173" covers
 * "1731" too; the longest entry wins), or NULL. */
static const char *implied_source(const coder_options *o, const char *code)
{
    const char *best = NULL;
    size_t best_len = 0;
    for (int i = 0; i < o->n_implied; i++) {
        size_t n = strlen(o->implied[i].code);
        if (n > best_len && strncmp(code, o->implied[i].code, n) == 0) {
            best = o->implied[i].actor;
            best_len = n;
        }
    }
    return best;
}

/* casus: is live token k a verb of saying that may take a reported
 * clause without THAT ("Iraq said Iran had attacked"): a word of
 * &CASUS_SAYING (SAY, CLAIM, ALLEGE, ...) read as a verb? */
static bool saying_verb(const parse_state *ps, long k)
{
    const tok *t = live_tok(ps, (size_t)k);
    return t->type == T_VERB && tok_in_class(ps, t, WCL_SAYING);
}

/* casus: the live index of the THAT that opens the reported or relative
 * clause of the verb at vs, or of the verb of saying that opens a
 * reported clause without THAT, when an actor stands between them, else
 * -1.  In "the US said (that) Iraq had attacked Kuwait" Iraq attacked,
 * not the US; in "the aid that Japan sent to Chad" Japan sent it.  The
 * verb's actors are then sought after the THAT only. */
static long embedded_from(const parse_state *ps, long lo, long vs)
{
    bool actor = false;
    for (long k = vs - 1; k > lo; k--) {
        const tok *t = live_tok(ps, (size_t)k);
        if (t->mention >= 0)
            actor = true;
        else if (tok_word(t, "THAT") || saying_verb(ps, k))
            return actor ? k : -1;
    }
    return -1;
}

/* casus ALLEGATIONS: the live index of the verb of saying whose reported
 * clause holds the verb at vs ("Iraq said (that) Iran had attacked"), or
 * -1.  No other verb may stand between them, nor a word that makes the
 * act a plan or a possibility rather than a deed (WILL, WOULD, TO, ...):
 * "said they would attack" is a threat, not a claim.  A verb of saying
 * after the act ("..., officials said") reports it and accuses no one. */
static long reported_by(const parse_state *ps, long lo, long vs)
{
    static const char *const modal[] = {
        "WILL", "WOULD", "SHALL", "SHOULD", "COULD", "CAN", "MAY",
        "MIGHT", "MUST", "TO", "IF", "WHETHER"
    };
    const tok *v = live_tok(ps, (size_t)vs);
    int16_t verb_unit = v->unit;
    /* a form in -ING reports an act only as a progressive ("said they
     * were shelling"), not as a gerund ("weeks away from capturing") */
    if (word_ends_ing(v->w, v->len)) {
        const tok *b = vs > lo ? live_tok(ps, (size_t)vs - 1) : NULL;
        if (b == NULL || !(tok_word(b, "IS") || tok_word(b, "ARE") ||
                           tok_word(b, "WAS") || tok_word(b, "WERE") ||
                           tok_word(b, "BEEN")))
            return -1;
    }
    for (long k = vs - 1; k >= lo; k--) {
        const tok *t = live_tok(ps, (size_t)k);
        if (tok_is_any(t, modal, sizeof modal / sizeof modal[0]))
            return -1;
        if (t->type == T_VERB && t->unit != verb_unit)
            return saying_verb(ps, k) ? k : -1;
    }
    return -1;
}

/* casus ALLEGATIONS: are selections a and b the same actor?  A pronoun
 * is the actor (or compound) it refers to.  Two mentions with one code
 * are one actor, unless the code names no country ("---MIL"): Kurdish
 * forces reporting what warplanes did are not the warplanes. */
static bool same_actor(const parse_state *ps, sel a, sel b)
{
    if (a.m < 0 || b.m < 0)
        return false;
    const mention *ma = &ps->mentions[a.m], *mb = &ps->mentions[b.m];
    int ra = ma->pronoun ? ma->ref : a.m, rb = mb->pronoun ? mb->ref : b.m;
    int ca = ma->pronoun ? ma->ref_compound : ma->compound;
    int cb = mb->pronoun ? mb->ref_compound : mb->compound;
    if (ca >= 0 || cb >= 0)
        return ca == cb;
    const char *code = sel_cmp(ps, a);
    return ra == rb || (strncmp(code, "---", 3) != 0 &&
                        strcmp(code, sel_cmp(ps, b)) == 0);
}

/* Is CAMEO code c violence: 18 (assault), 19 (fight) or 20 (mass
 * violence)? */
static bool violent_code(const char *c)
{
    return (c[0] == '1' && (c[1] == '8' || c[1] == '9')) ||
           (c[0] == '2' && c[1] == '0');
}

/* Is live token k a word of a verb whose root code is violence, as a
 * verb or as a noun ("shelling", "an air strike")? */
static bool violent_word(const parse_state *ps, long k)
{
    const tok *t = live_tok(ps, (size_t)k);
    if (t->unit < 0)
        return false;
    const unit *u = &ps->units[t->unit];
    return ps->dict->entries[u->entry].kind == K_VERB && u->code != NULL &&
           violent_code(u->code);
}

/* The mention at live token k, or after the determiner there ("by the
 * rebels"), within hi; -1 when no actor stands there. */
static int mention_past_det(const parse_state *ps, long k, long hi)
{
    if (live_tok(ps, (size_t)k)->type == T_DET && k + 1 <= hi)
        k++;
    return live_tok(ps, (size_t)k)->mention;
}

/* casus: who did the violence of an agentless passive whose verb ends at
 * ve, when a noun phrase after it names the act: "were killed in Israeli
 * tank shelling" (an actor before the noun), "in an air strike by
 * government forces" (the actor after BY).  Returns the mention or -1. */
static int nominal_agent(const parse_state *ps, long ve, long hi)
{
    long k = ve + 1;
    if (k > hi)
        return -1;
    const tok *t = live_tok(ps, (size_t)k);
    if (!tok_word(t, "IN") && !tok_word(t, "DURING") && t->type != T_BY)
        return -1;
    int actor = -1;
    for (k++; k <= hi && k <= ve + 7; k++) {
        t = live_tok(ps, (size_t)k);
        if (t->mention >= 0) {
            if (actor < 0)
                actor = t->mention;
        } else if (violent_word(ps, k)) {
            if (actor >= 0)
                return actor;
            while (k + 1 <= hi && violent_word(ps, k + 1))
                k++;
            if (k + 2 > hi || live_tok(ps, (size_t)k + 1)->type != T_BY)
                return -1;
            return mention_past_det(ps, k + 2, hi);
        } else if (t->type != T_DET && t->type != T_ADJ &&
                   t->type != T_NUM && t->type != T_NULL) {
            return -1;
        }
    }
    return -1;
}

/* casus: the actor right after "fired AT", "imposed ON", "directed
 * AGAINST" (a determiner may stand between) when token ve ends an
 * agentless passive; -1 if none.  "A rocket was fired at Israel" names
 * who was aimed at when the subject is a thing. */
static int aimed_target(const parse_state *ps, long ve, long hi)
{
    static const char *const preps[] = {
        "AT", "ON", "UPON", "AGAINST", "INTO"
    };
    long k = ve + 1;
    if (k + 1 > hi ||
        !tok_is_any(live_tok(ps, (size_t)k), preps,
                    sizeof preps / sizeof preps[0]))
        return -1;
    return mention_past_det(ps, k + 1, hi);
}

/* casus: the actor after FROM or BY later in [k, hi] ("fired at Israel
 * from Gaza", "... by the rebels"): where the fire came from names who
 * fired it.  -1 if none. */
static int origin_agent(const parse_state *ps, long k, long hi)
{
    for (; k + 1 <= hi; k++) {
        const tok *t = live_tok(ps, (size_t)k);
        if (t->type != T_BY && !tok_word(t, "FROM") && !tok_word(t, "BY"))
            continue;
        return mention_past_det(ps, k + 1, hi);
    }
    return -1;
}

/* casus: the subject of an agentless passive at vs: the first actor in
 * [lo, vs) after the last verb before vs, so that in "the group said
 * eight people were killed" the sayer is not the one killed.  A verb in
 * -ING does not end it ("workers demanding pay were arrested"). */
static int passive_subject(const parse_state *ps, long lo, long vs)
{
    int subj = -1;
    for (long k = vs - 1; k >= lo; k--) {
        const tok *t = live_tok(ps, (size_t)k);
        if (t->type == T_VERB && !word_ends_ing(t->w, t->len))
            break;
        if (t->mention >= 0 && !(k > lo && live_tok(ps, (size_t)k - 1)
                                           ->mention == t->mention))
            subj = t->mention;
    }
    return subj;
}

/* casus: "there were ten soldiers killed": THERE, a form of BE, then the
 * actor right before the verb at vs (up to four words such as numbers,
 * determiners and adjectives may come first) make a passive as WERE
 * right before the verb does. */
static bool existential_passive(const parse_state *ps, long lo, long vs)
{
    if (vs - 1 < lo)
        return false;
    const tok *pre = live_tok(ps, (size_t)vs - 1);
    if (pre->mention < 0)
        return false;
    long k = ps->toks[ps->mentions[pre->mention].first].live_at - 1;
    for (int n = 0; n < 4 && k >= lo; n++, k--) {
        int type = live_tok(ps, (size_t)k)->type;
        if (type != T_NUM && type != T_DET && type != T_ADJ &&
            type != T_NULL)
            break;
    }
    if (k - 1 < lo)
        return false;
    const tok *be = live_tok(ps, (size_t)k);
    if (be->type != T_AUX && !tok_word(be, "ARE") && !tok_word(be, "IS"))
        return false;
    for (long j = k - 1; j >= lo && j >= k - 2; j--)
        if (tok_word(live_tok(ps, (size_t)j), "THERE"))
            return true;
    return false;
}

/* casus: is mention m where someone goes by a word other than verb unit
 * u?  "Bans on travel to Canada against Russian officers" target the
 * officers, not Canada; "Putin arrived in Beijing" targets Beijing. */
static bool elsewhere(const parse_state *ps, int m, size_t u)
{
    const mention *mm = &ps->mentions[m];
    return mm->place == PLACE_DESTINATION &&
           ps->toks[mm->went_by].unit != (int16_t)u;
}

/* Does an actor mention start the clause (after THE/A/AN)? */
static bool clause_opens_with_actor(const parse_state *ps, const clause *clz)
{
    for (long k = clz->first; k <= clz->last; k++) {
        const tok *t = live_tok(ps, (size_t)k);
        if (t->type == T_DET)
            continue;
        if (t->mention < 0)
            return false;
        return ps->mentions[t->mention].first == ps->live[k];
    }
    return false;
}

static void split_code(const char *code, char *c1, char *c2, bool *sub,
                       bool *dom)
{
    size_t n = strlen(code);
    *sub = *dom = false;
    char tmp[32];
    str_copy(tmp, sizeof(tmp), code, SIZE_MAX);
    n = strlen(tmp);
    while (n && (tmp[n - 1] == '?' || tmp[n - 1] == '!' ||
                 tmp[n - 1] == ' ')) {
        if (tmp[n - 1] == '?')
            *sub = true;
        if (tmp[n - 1] == '!')
            *dom = true;
        tmp[--n] = '\0';
    }
    char *colon = strchr(tmp, ':');
    c2[0] = '\0';
    if (colon) {
        *colon = '\0';
        str_copy(c2, 16, colon + 1, 15);
        size_t m = strlen(c2);
        while (m && (c2[m - 1] == '?' || c2[m - 1] == '!'))
            c2[--m] = '\0';
    }
    str_copy(c1, 16, tmp, 15);
    /* a lone '?' or '!' inside, e.g. "023?:..." */
    char *q = strpbrk(c1, "?!");
    if (q) {
        if (*q == '?')
            *sub = true;
        else
            *dom = true;
        *q = '\0';
    }
}

/* Append one event unless the same one is already among cands[from..]. */
static int add_event(casus_coder *c, size_t from, const char *src, int src_m,
                     const char *tgt, int tgt_m, const char *code,
                     const verb_hit *hit)
{
    cand_event *e;
    for (size_t i = from; i < c->n_cands; i++) {
        e = &c->cands[i];
        if (strcmp(e->source, src) == 0 && strcmp(e->target, tgt) == 0 &&
            strcmp(e->code, code) == 0)
            return 0;
    }
    if (CS_ARRAY_GROW(c->cands, c->cands_cap, c->n_cands + 1) < 0)
        return CASUS_ENOMEM;
    e = &c->cands[c->n_cands++];
    memset(e, 0, sizeof(*e));
    str_copy(e->source, sizeof(e->source), src, SIZE_MAX);
    str_copy(e->target, sizeof(e->target), tgt, SIZE_MAX);
    str_copy(e->code, sizeof(e->code), code, SIZE_MAX);
    e->src_m = (int16_t)src_m;
    e->tgt_m = (int16_t)tgt_m;
    e->hit = *hit;
    return 0;
}

/* casus STATED INTENT: the intent or threat (03, 13) that announcing an
 * act (CAMEO code `code`) of one's own states, or NULL when there is
 * none.  Cooperation maps to the 03 code that CAMEO gives its intent
 * (0841 "release persons" to 0353 "express intent to release persons"),
 * sanctions and force to the 13 threat of them.  The longest prefix
 * wins. */
static const code_map intent_map[] = {
    { "04", "036" }, { "05", "032" },
    { "06", "031" }, { "061", "0311" }, { "062", "0312" },
    { "063", "0313" }, { "064", "0314" },
    { "07", "033" }, { "071", "0331" }, { "072", "0332" },
    { "073", "0333" }, { "074", "0334" },
    { "08", "035" }, { "081", "0351" }, { "082", "0352" }, { "083", "034" },
    { "084", "0353" }, { "085", "0354" }, { "086", "0355" },
    { "087", "0356" },
    { "16", "131" }, { "163", "1312" }, { "17", "130" }, { "172", "132" },
    { "173", "137" }, { "174", "137" }, { "175", "137" },
    { "18", "138" }, { "19", "138" }, { "20", "138" },
};

static const char *intent_code(const char *code)
{
    return code_by_prefix(intent_map, sizeof intent_map / sizeof intent_map[0],
                          code);
}

/* casus STATED INTENT: is the verb at vs what its doer src says it will
 * do: WILL, WOULD or SHALL at most three words before it (and no BE or
 * BEEN between: a passive does not say who acts), and before that a verb
 * of saying or announcing (&CASUS_SAYING, &CASUS_ANNOUNCING) whose
 * subject is src itself ("Israel announced it would free", "they said
 * they would shell the town")? */
static bool stated_by_doer(const parse_state *ps, long lo, long vs,
                           sel src)
{
    long k = vs - 1, modal = -1;
    for (; k >= lo && k >= vs - 3; k--) {
        const tok *t = live_tok(ps, (size_t)k);
        if (tok_word(t, "WILL") || tok_word(t, "WOULD") ||
            tok_word(t, "SHALL")) {
            modal = k;
            break;
        }
    }
    if (modal < 0)
        return false;
    /* "said the stones would be donated": who gives them is not said */
    for (k = modal + 1; k < vs; k++)
        if (tok_word(live_tok(ps, (size_t)k), "BE") ||
            tok_word(live_tok(ps, (size_t)k), "BEEN"))
            return false;
    for (k = modal - 1; k >= lo; k--) {
        const tok *t = live_tok(ps, (size_t)k);
        if (t->type != T_VERB)
            continue;
        bool says = saying_verb(ps, k) ||
                    tok_in_class(ps, t, WCL_ANNOUNCING);
        if (!says)
            return false;
        int m = find_mention(ps, lo, k - 1, 1, NULL, -1, true);
        return m >= 0 && same_actor(ps, sel_of(ps, m), src);
    }
    return false;
}

/*
 * casus ALLEGATIONS: the verb at live index vs, coded c1 from src to tgt,
 * is an act of violence (CAMEO 18, 19, 20) that a verb of saying before
 * it reports: "Iraq said (that) Iran had shelled Basra".  Reporting
 * another's violence accuses the doer (112, "accuse, allege"), Iraq 112
 * Iran; reporting one's own claims it (015, "claim responsibility"),
 * "Iraq said it had shelled Basra" is Iraq 015 Basra.  Either event is
 * added beside the act itself.  Returns 0 or CASUS_ENOMEM.
 */
static int code_allegation(casus_coder *c, size_t cl, long vs,
                           const char *c1, sel carried, sel src, sel tgt,
                           size_t before, const verb_hit *hit)
{
    const parse_state *ps = &c->ps;
    const clause *clz = &ps->clauses[cl];
    if (!violent_code(c1))
        return 0;
    long say = reported_by(ps, clz->first, vs);
    /* the doer is named in the reported clause, or after the act by BY
     * or FROM ("were killed by police", "in an air strike by government
     * forces", "was fired at it from Gaza"), not taken from the sayer's
     * place */
    if (say < 0 || sel_pos(ps, src) <= say)
        return 0;
    long at = sel_pos(ps, src);
    bool after = at > vs;
    if (after) {
        long b = at - 1;
        if (b > vs && live_tok(ps, (size_t)b)->type == T_DET)
            b--;
        const tok *bt = live_tok(ps, (size_t)b);
        if (bt->type != T_BY && !tok_word(bt, "FROM"))
            return 0;
    }
    sel sayer = sel_none();
    int m = find_mention(ps, clz->first, say - 1, 1, NULL, -1, true);
    if (m >= 0)
        sayer = sel_of(ps, m);
    else if (cl > 0 && carried.m >= 0)
        sayer = carried;
    else
        return 0;
    bool own = same_actor(ps, sayer, src);
    /* one claims what one says one did, as the reported clause's subject;
     * a claim against one's own side claims nothing */
    if (own && (after || same_actor(ps, tgt, sayer)))
        return 0;
    sel other = own ? tgt : src;
    const char *code = own ? "015" : "112";
    const char *sc[64], *tc[64];
    int sw[64], tw[64];
    size_t ns = sel_expand(ps, sayer, sc, sw, 64);
    size_t nt = sel_expand(ps, other, tc, tw, 64);
    for (size_t i = 0; i < ns; i++)
        for (size_t k = 0; k < nt; k++) {
            if (strcmp(sc[i], tc[k]) == 0)
                continue;
            int err = add_event(c, before, sc[i], sw[i], tc[k], tw[k], code,
                                hit);
            if (err < 0)
                return err;
        }
    return 0;
}

/*
 * Code the verb unit u in clause cl.  Appends candidate events; returns
 * VR_NONE, VR_EVENT, VR_DISCARD, VR_COMPLEX, VR_DENIED or CASUS_ENOMEM.
 */
static int code_verb(casus_coder *c, size_t cl, size_t u, sel carried,
                     sel *src_out)
{
    parse_state *ps = &c->ps;
    const casus_dict *d = c->dict;
    const unit *un = &ps->units[u];
    const entry *e = &d->entries[un->entry];
    const verb *v = &d->verbs[e->u.verb];
    const clause *clz = &ps->clauses[cl];
    long vs = ps->toks[un->first].live_at;
    long ve = ps->toks[un->last].live_at;
    mctx mc = { ps, clz->first, clz->last, { -1, -1, NULL },
                { -1, -1, NULL }, 0, 0 };
    const pattern *fired = NULL;
    sel src = sel_none(), tgt = sel_none();
    long fired_left = vs;

    /* longest first; a match through alternatives that came out shorter
     * than its pattern's length lets longer patterns try first */
    uint32_t best_len = 0;
    for (uint32_t i = 0; i < v->n_pats; i++) {
        const pattern *p = &v->pats[i];
        if (fired && p->seq.length <= best_len)
            break;
        bool possible = true;
        for (uint8_t r = 0; r < p->n_req && possible; r++)
            possible = parse_may_have_prefix(ps, p->req[r]);
        if (!possible || !match_pattern(&mc, p, vs, ve))
            continue;
        if (fired == NULL || mc.length > best_len) {
            fired = p;
            best_len = mc.length;
            src = mc.src;
            tgt = mc.tgt;
            fired_left = mc.left;
        }
    }
    const char *code = fired ? fired->code : v->code;
    verb_hit hit = { (uint16_t)u, fired ? fired->file : v->file,
                     fired ? fired->line : v->line, fired != NULL, false,
                     false, false };
    /* "did not attack": a verb with a negator just before it is denied,
     * not done.  A pattern that matched the negator codes negation
     * itself ("- NOT_* [120]"), so only negators between the pattern's
     * words and the verb count. */
    long neg = -1;
    bool refusal = false;
    long neg_lo = fired_left < vs ? fired_left + 1 : clz->first;
    /* [---], [###] and [+++] say what to do with the sentence, denied
     * or not */
    if (ps->opts.negation != NEG_OFF && code[0] >= '0' && code[0] <= '9' &&
        (neg = negated_at(ps, vs, neg_lo)) >= 0) {
        if (ps->opts.negation == NEG_REJECT) {
            /* a refusal needs both its sides named (below) */
            code = refusal_at(ps, neg, vs, clz->first) ?
                rejection_code(code) : NULL;
            if (code == NULL)
                return VR_DENIED;
            refusal = true;
        } else if (ps->opts.negation == NEG_DROP) {
            return VR_DENIED;
        } else {
            hit.negated = true;
        }
    }
    if (strcmp(code, "---") == 0)
        return VR_NONE;
    /* casus CONDITIONS: "unless the regime is disarmed" says what has
     * not happened */
    if (ps->opts.conditions && code[0] >= '0' && code[0] <= '9' &&
        conditional_at(ps, vs, clz->first))
        return VR_NONE;
    if (strcmp(code, "###") == 0)
        return VR_DISCARD;
    if (strcmp(code, "+++") == 0)
        return VR_COMPLEX;

    bool set_by_pattern = sel_set(src) || sel_set(tgt);
    /* a pattern that placed only a target after the verb ("PRESSURE_:
     * * + TO_") read the BY agent of a passive as that target */
    bool tgt_after_by_pattern = !sel_set(src) && tgt.m >= 0 &&
        sel_pos(ps, tgt) > ve;
    const coder_options *o = &ps->opts;
    long lo = clz->first, hi = clz->last;
    long that = o->that_subject ? embedded_from(ps, lo, vs) : -1;
    if (that >= 0) {
        lo = that + 1;
        carried = sel_none();   /* the clause after THAT has its subject */
    }

    /* source: in a later clause the subject carries over unless an
     * actor opens the clause (manual 7.6); otherwise the first actor
     * before the verb, then after it ("greedy"), then the default */
    if (!sel_set(src)) {
        const char *other = sel_set(tgt) ? sel_cmp(ps, tgt) : NULL;
        bool carry_ok = sel_set(carried) &&
            (!other || strcmp(sel_cmp(ps, carried), other) != 0);
        int before = find_mention(ps, lo, vs - 1, 1, NULL, -1, true);
        int m;
        if (carry_ok && cl > 0 && !clause_opens_with_actor(ps, clz)) {
            src = carried;
        } else if (o->def_source[0] && o->def_source_prior && before < 0 &&
                   !carry_ok) {
            src.def = o->def_source;
        } else if ((m = find_mention(ps, lo, vs - 1, 1, other, -1,
                                     true)) >= 0) {
            src = sel_of(ps, m);
        } else if (carry_ok) {
            src = carried;
        } else if ((m = find_mention(ps, ve + 1, hi, 1, other, -1,
                                     true)) >= 0) {
            src = sel_of(ps, m);
        } else if (o->def_source[0]) {
            src.def = o->def_source;
        }
    }
    /* target */
    if (!sel_set(tgt) && sel_set(src)) {
        const char *other = sel_cmp(ps, src);
        int self = src.c < 0 && src.m >= 0 && !ps->mentions[src.m].pronoun ?
            src.m : -1;
        int m = find_mention(ps, ve + 1, hi, 1, other, self, false);
        while (m >= 0 && elsewhere(ps, m, u)) {
            long next = ps->toks[ps->mentions[m].last].live_at + 1;
            m = next > 0 && next <= hi ?
                find_mention(ps, next, hi, 1, other, self, false) : -1;
        }
        if (m >= 0) {
            tgt = sel_of(ps, m);
        } else if (o->def_target[0] && o->def_target_after) {
            tgt.def = o->def_target;
        } else if ((m = find_mention(ps, vs - 1, lo, -1, other, self,
                                     true)) >= 0) {
            tgt = sel_of(ps, m);
        } else if (sel_is_compound(ps, src) &&
                   !ps->mentions[src.m].pronoun) {
            /* casus: not through a pronoun: in "the US, UK and France
             * say they carried out the strikes" they did not strike
             * each other */
            tgt = src;
        } else if (o->def_target[0]) {
            tgt.def = o->def_target;
        }
    }
    char c1[16], c2[16];
    bool sub, dom;
    split_code(code, c1, c2, &sub, &dom);

    /* passive voice: WAS/WERE/BEEN just before, BY just after.  casus:
     * with BY, BE and BEING count too ("will be released by", "is being
     * pressured by"), and a pattern that placed only a target after the
     * verb ("PRESSURE_: * + TO_") has taken the BY agent for the target,
     * so source and target swap as they would without the pattern */
    if (!set_by_pattern || tgt_after_by_pattern) {
        bool aux = false, be = false, by = false;
        for (long k = vs - 1; k >= vs - 2 && k >= lo; k--) {
            const tok *t = live_tok(ps, (size_t)k);
            if (t->type == T_AUX)
                aux = true;
            else if (tok_word(t, "BE") || tok_word(t, "BEING"))
                be = true;
        }
        /* the passive's subject is the actor right before the verb when
         * no auxiliary stands between them (below) */
        bool bare = false;
        if (!aux && o->agentless_passive)
            aux = bare = existential_passive(ps, lo, vs);
        for (long k = ve + 1; k <= ve + 2 && k <= hi; k++)
            if (live_tok(ps, (size_t)k)->type == T_BY ||
                tok_word(live_tok(ps, (size_t)k), "BY"))
                by = true;
        /* casus: a participle right after an actor and right before BY
         * is a passive without its auxiliary ("two youths killed by
         * police", "Serbia, backed by Russia, ...") */
        const tok *vt = live_tok(ps, (size_t)vs);
        const tok *pre = vs > lo ? live_tok(ps, (size_t)vs - 1) : NULL;
        bool reduced = pre && pre->mention >= 0 && vs == ve &&
            !ps->mentions[pre->mention].pronoun && ve + 1 <= hi &&
            (live_tok(ps, (size_t)ve + 1)->type == T_BY ||
             tok_word(live_tok(ps, (size_t)ve + 1), "BY")) &&
            word_is_participle(vt->w, vt->len);
        /* casus: and so is a participle of blame (11) or coercion (17)
         * right after an actor and right before OF, FOR, ON or IN
         * ("officials accused of war crimes", "activists jailed for a
         * protest"): the active verb would take its object first */
        if (!aux && !reduced && o->agentless_passive && pre &&
            pre->mention >= 0 && !ps->mentions[pre->mention].pronoun &&
            vs == ve && ve + 1 <= hi && code[0] == '1' &&
            (code[1] == '1' || code[1] == '7') &&
            word_is_participle(vt->w, vt->len)) {
            const tok *p = live_tok(ps, (size_t)ve + 1);
            aux = bare = tok_word(p, "OF") || tok_word(p, "FOR") ||
                         tok_word(p, "ON") || tok_word(p, "IN");
        }
        /* a source found after the verb is already the BY agent ("cases
         * are being investigated by the CID"): nothing to swap */
        if ((aux || be || reduced) && by) {
            if (!(src.m >= 0 && sel_pos(ps, src) > ve)) {
                sel t = src;
                src = tgt;
                tgt = t;
            }
        } else if (aux && o->agentless_passive && !set_by_pattern) {
            /* casus: "80 workers were taken into custody" names who was
             * acted on, not who acted: the subject before the verb is the
             * target, and no actor after the verb ("..., SP X said") is */
            int subj = bare ? pre->mention : passive_subject(ps, lo, vs);
            int aimed = subj < 0 ? aimed_target(ps, ve, hi) : -1;
            if (subj >= 0)
                tgt = sel_of(ps, subj);
            else if (aimed >= 0)
                tgt = sel_of(ps, aimed);    /* "was fired at Israel" */
            else if (cl > 0 && carried.m >= 0)
                tgt = carried;      /* "... and three were wounded" */
            else
                tgt = sel_none();
            int agent = aimed >= 0 ?
                origin_agent(ps, ps->toks[ps->mentions[aimed].last].live_at
                             + 1, hi) :
                nominal_agent(ps, ve, hi);
            src = agent >= 0 ? sel_of(ps, agent) : sel_none();
        }
    }
    /* casus: IMPLIED gives a code's usual actor when no source is named
     * (arrests are made by police) */
    if (!sel_set(src)) {
        const char *who = implied_source(o, c1);
        if (who)
            src.def = who;
    }
    if (!sel_set(src) && !sel_set(tgt))
        return VR_NONE;
    if (!sel_set(src) || !sel_set(tgt)) {
        /* "the association has not met for three years" refuses no one */
        if (refusal || !o->one_sided)
            return VR_NONE;
        /* REQUIRE DYAD = FALSE: the missing side is "" */
        if (!sel_set(src))
            src.def = "";
        else
            tgt.def = "";
    }
    /* casus STATED INTENT: "Israel announced it would free the prisoners"
     * states an intent (0353), "said they would shell it" a threat */
    if (o->stated_intent && neg < 0 && src.m >= 0 &&
        stated_by_doer(ps, clz->first, vs, src)) {
        const char *intent = intent_code(c1);
        if (intent) {
            str_copy(c1, sizeof(c1), intent, SIZE_MAX);
            c2[0] = '\0';
        }
    }
    *src_out = src;
    hit.subordinate = sub;
    hit.dominant = dom;
    const char *sc[64], *tc[64];
    int sw[64], tw[64];
    size_t ns = sel_expand(ps, src, sc, sw, 64);
    size_t nt = sel_expand(ps, tgt, tc, tw, 64);
    size_t before = c->n_cands;
    for (size_t i = 0; i < ns; i++)
        for (size_t k = 0; k < nt; k++) {
            if (strcmp(sc[i], tc[k]) == 0)
                continue;
            int err = add_event(c, before, sc[i], sw[i], tc[k], tw[k], c1,
                                &hit);
            /* the reverse of "A fought B"; with one side unnamed it
             * would only repeat the event */
            if (err == 0 && c2[0] && sc[i][0] && tc[k][0])
                err = add_event(c, before, tc[k], tw[k], sc[i], sw[i], c2,
                                &hit);
            if (err < 0)
                return err;
        }
    if (c->n_cands > before && o->allegations && o->that_subject &&
        src.m >= 0) {
        int err = code_allegation(c, cl, vs, c1, carried, src, tgt, before,
                                  &hit);
        if (err < 0)
            return err;
    }
    return c->n_cands > before ? VR_EVENT : VR_NONE;
}

/* ---- one sentence ----------------------------------------------------------- */

/* casus: is the verb at live index k of clause clz a participle that
 * modifies the noun before it, a reduced relative clause, while the
 * clause's finite verb comes later?  In "the prisoners detained for a
 * protest were released by the president" the clause is about the
 * release; DETAINED says which prisoners.  The participle (-ED, -EN)
 * opens the clause's verbs right after an actor, takes no object (no
 * determiner, number or actor follows it: "the party issued a call" is
 * a past tense), and the next verb after it has WAS, WERE, IS, ARE, HAS,
 * HAVE, HAD, WILL or WOULD at most two words before it, with no word
 * that opens another clause (WHO, AFTER, WHEN, ...) on the way. */
static bool reduced_relative(const parse_state *ps, const clause *clz,
                             long k)
{
    static const char *const finite[] = {
        "WAS", "WERE", "IS", "ARE", "HAS", "HAVE", "HAD", "WILL", "WOULD"
    };
    static const char *const opener[] = {
        "WHO", "WHOM", "WHICH", "THAT", "AFTER", "BEFORE", "WHEN", "WHILE",
        "AS", "BECAUSE", "SINCE", "IF", "UNTIL", "THOUGH", "ALTHOUGH",
        "WHERE", "WHETHER"
    };
    const tok *t = live_tok(ps, (size_t)k);
    const unit *u = &ps->units[t->unit];
    const bool ing = word_ends_ing(t->w, t->len);
    if (u->first != u->last || k <= clz->first || k + 1 > clz->last ||
        !(ing || word_is_participle(t->w, t->len)))
        return false;
    const tok *pre = live_tok(ps, (size_t)k - 1);
    if (pre->mention < 0 || ps->mentions[pre->mention].pronoun)
        return false;
    for (long j = clz->first; j < k; j++)
        if (live_tok(ps, (size_t)j)->type == T_VERB)
            return false;
    /* a form in -ING right after its subject is never finite (that takes
     * IS or ARE), so it may have an object: "workers demanding the
     * release of X were detained" */
    const tok *next = live_tok(ps, (size_t)k + 1);
    if (!ing &&
        (next->type == T_DET || next->type == T_NUM || next->mention >= 0))
        return false;
    for (long j = k + 1; j <= clz->last; j++) {
        const tok *a = live_tok(ps, (size_t)j);
        if (tok_is_any(a, opener, sizeof opener / sizeof opener[0]))
            return false;
        if (a->type == T_COMMA && !a->absorbed)
            return false;
        if (a->type != T_VERB)
            continue;
        for (long f = j - 1; f >= j - 2 && f > k; f--)
            if (tok_is_any(live_tok(ps, (size_t)f), finite,
                           sizeof finite / sizeof finite[0]))
                return true;
        /* a word whose verb codes only through patterns (WAGE_, PAY_
         * [---]) may be a noun of the object: "demanding higher wages" */
        const char *code = a->unit >= 0 ? ps->units[a->unit].code : NULL;
        if (ing && code && strcmp(code, "---") == 0)
            continue;
        return false;
    }
    return false;
}

/*
 * Code the parsed sentence into c->cands / c->picked.  Sets *status to
 * SENT_EVENTS, SENT_DISCARD, SENT_COMPLEX or SENT_SHORT.
 */
int coder_sentence(casus_coder *c, const char *text, size_t len,
                   int32_t date, int *status)
{
    parse_state *ps = &c->ps;
    int err = parse_sentence(ps, text, len, date);
    c->n_cands = 0;
    *status = SENT_EVENTS;
    if (err < 0)
        return err;
    if ((int)parse_word_count(ps) < ps->opts.min_words) {
        *status = SENT_SHORT;
        return 0;
    }
    if (ps->discard) {
        *status = SENT_DISCARD;
        return 0;
    }
    if (ps->complex) {
        *status = SENT_COMPLEX;
        return 0;
    }
    const int mode = ps->opts.code_by;
    sel carried = sel_none();
    bool sentence_done = false;

    for (size_t cl = 0; cl < ps->n_clauses; cl++) {
        const clause *clz = &ps->clauses[cl];
        bool clause_done = false;
        sel clause_src = sel_none();
        bool clause_has_verb = false;
        int16_t last_unit = -1;
        /* casus: a reduced relative's participle waits for the clause's
         * finite verb, and codes only if that verb does not */
        long deferred = -1;
        for (long k = clz->first; k <= clz->last + 1; k++) {
            if (k > clz->last) {
                if (deferred < 0 || clause_done || sentence_done)
                    break;
                k = deferred;
                deferred = -2;
            } else if (deferred == -2) {
                break;
            }
            const tok *t = live_tok(ps, (size_t)k);
            if (t->type != T_VERB || (t->unit == last_unit && deferred != -2))
                continue;
            last_unit = t->unit;
            if (ps->toks[ps->units[t->unit].first].live_at != k)
                continue;   /* verb unit starts in a dropped clause */
            if (deferred == -1 && ps->opts.reduced_relatives &&
                reduced_relative(ps, clz, k)) {
                deferred = k;
                continue;
            }
            clause_has_verb = true;
            bool dominant_only = clause_done || sentence_done;
            size_t before = c->n_cands;
            sel s = sel_none();
            int r = code_verb(c, cl, (size_t)t->unit, carried, &s);
            if (r < 0)
                return r;
            if (dominant_only) {
                /* after the first event only a dominant pattern still
                 * codes (a dominant root alone does not: FRWD-002-003) */
                size_t w = before;
                for (size_t i = before; i < c->n_cands; i++)
                    if (c->cands[i].hit.dominant && c->cands[i].hit.pattern)
                        c->cands[w++] = c->cands[i];
                c->n_cands = w;
                continue;
            }
            if (r == VR_DISCARD) {
                *status = SENT_DISCARD;
                return 0;
            }
            if (r == VR_COMPLEX) {
                *status = SENT_COMPLEX;
                return 0;
            }
            if (r == VR_DENIED) {
                /* "will not join any military strikes": what the clause
                 * denies is not done by a later word of it either */
                clause_done = true;
                continue;
            }
            if (r != VR_EVENT)
                continue;
            for (size_t i = before; i < c->n_cands; i++)
                c->cands[i].clause = (uint16_t)cl;
            bool sub = c->cands[before].hit.subordinate;
            /* only an actor of the text carries over, not "" or an
             * IMPLIED or DEFAULT code */
            if (!sub && !sel_set(clause_src) && s.m >= 0)
                clause_src = s;
            if (!sub && mode != CODE_ALL) {
                clause_done = true;
                if (mode == CODE_BY_SENTENCE)
                    sentence_done = true;
            }
        }
        /* the subject carried to the next clause: this clause's event
         * source, else its first actor; a clause without a verb passes
         * nothing on (COMPOUND-17, -19) */
        if (sel_set(clause_src)) {
            carried = clause_src;
        } else if (clause_has_verb) {
            int m = find_mention(ps, clz->first, clz->last, 1, NULL, -1,
                                 true);
            if (m >= 0)
                carried = sel_of(ps, m);
        } else {
            carried = sel_none();
        }
    }

    /* choose what to keep */
    bool any_dom = false, any_main = false;
    for (size_t i = 0; i < c->n_cands; i++) {
        any_dom |= c->cands[i].hit.dominant;
        any_main |= !c->cands[i].hit.subordinate;
    }
    size_t w = 0;
    for (size_t i = 0; i < c->n_cands; i++) {
        const cand_event *e = &c->cands[i];
        bool keep;
        if (any_dom)
            keep = e->hit.dominant;
        else if (any_main)
            keep = !e->hit.subordinate;
        else
            keep = true;
        if (keep && !any_dom && mode != CODE_ALL) {
            /* one verb per clause (or sentence): the first kept one */
            for (size_t k = 0; k < w; k++) {
                const cand_event *f = &c->cands[k];
                if ((mode == CODE_BY_SENTENCE || f->clause == e->clause) &&
                    f->hit.unit != e->hit.unit)
                    keep = false;
            }
        }
        if (keep)
            c->cands[w++] = *e;
    }
    c->n_cands = w;
    return 0;
}

/* ---- documents ------------------------------------------------------------- */

int casus_coder_new(casus_coder **out, const casus_dict *dict)
{
    casus_coder *c = cs_calloc(1, sizeof(*c));
    *out = NULL;
    if (c == NULL)
        return CASUS_ENOMEM;
    c->dict = dict;
    parse_init(&c->ps, dict);
    c->explain = (strbuf)STRBUF_INIT;
    c->fold = (strbuf)STRBUF_INIT;
    *out = c;
    return 0;
}

void casus_coder_free(casus_coder *c)
{
    if (c == NULL)
        return;
    parse_dispose(&c->ps);
    cs_free(c->cands);
    cs_free(c->events);
    cs_free(c->spans);
    text_spans_dispose(&c->sents);
    strbuf_dispose(&c->explain);
    strbuf_dispose(&c->fold);
    cs_free(c);
}

int casus_coder_set_option(casus_coder *c, const char *line)
{
    return options_apply(&c->ps.opts, line) < 0 ? CASUS_EPARSE : 0;
}

int32_t coder_iso_date(const char *date)
{
    if (date == NULL || strlen(date) != 10)
        return 0;
    char buf[9] = { date[0], date[1], date[2], date[3], date[5], date[6],
                    date[8], date[9], 0 };
    return dict_parse_date(buf, 8);
}

/* Copy the words of mention m into out, from the original text. */
static void mention_text(const parse_state *ps, int m, char *out, size_t cap)
{
    out[0] = '\0';
    if (m < 0)
        return;
    const mention *mm = &ps->mentions[m];
    size_t a = ps->toks[mm->first].start, b = ps->toks[mm->last].end;
    if (b > ps->text_len)
        b = ps->text_len;
    size_t n = b > a ? b - a : 0;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, ps->text + a, n);
    out[n] = '\0';
}

/*
 * Which counts of the sentence belong to an event of this code: deaths,
 * wounds and displacement to force and violent protest (roots 18-20,
 * 145, 175), arrests to 173, a crowd to protests (root 14).
 */
static bool force_code(const char *c)
{
    return (c[0] == '1' && c[1] >= '8') || c[0] == '2' ||
           strncmp(c, "145", 3) == 0 || strncmp(c, "175", 3) == 0;
}

/* Does an event of this code take any count (attach_counts)? */
static bool takes_counts(const char *c)
{
    return force_code(c) || strncmp(c, "173", 3) == 0 ||
           (c[0] == '1' && c[1] == '4');
}

static void attach_counts(casus_event *ev, const counts *cn)
{
    const char *c = ev->code;
    if (force_code(c)) {
        ev->killed = cn->killed > 0 ? (unsigned)cn->killed : 0;
        ev->wounded = cn->wounded > 0 ? (unsigned)cn->wounded : 0;
        ev->displaced = cn->displaced > 0 ? (unsigned)cn->displaced : 0;
    }
    if (strncmp(c, "173", 3) == 0)
        ev->arrested = cn->arrested > 0 ? (unsigned)cn->arrested : 0;
    if (c[0] == '1' && c[1] == '4')
        ev->crowd = cn->crowd > 0 ? (unsigned)cn->crowd : 0;
}

int coder_emit(casus_coder *c, const char *doc_id, int sentence,
               const char *date)
{
    counts cn;
    counts_init(&cn);
    char day[11];
    /* counts only for a sentence with an event that takes them */
    bool counted = false;
    for (size_t i = 0; i < c->n_cands && !counted; i++)
        counted = takes_counts(c->cands[i].code);
    if (counted)
        counts_extract(c->ps.text, c->ps.text_len, &cn);
    if (c->n_cands > 0 && c->ps.may_name_day) {
        /* the day the sentence names, else the document's */
        if (dates_resolve(c->ps.text, c->ps.text_len, date, day))
            date = day;
    }
    for (size_t i = 0; i < c->n_cands; i++) {
        const cand_event *ce = &c->cands[i];
        if (CS_ARRAY_GROW(c->events, c->events_cap, c->n_events + 1) < 0)
            return CASUS_ENOMEM;
        casus_event *ev = &c->events[c->n_events++];
        memset(ev, 0, sizeof(*ev));
        ev->doc = doc_id;
        ev->sentence = sentence;
        str_copy(ev->date, sizeof(ev->date), date ? date : "", SIZE_MAX);
        str_copy(ev->code, sizeof(ev->code), ce->code, 7);
        str_copy(ev->source, sizeof(ev->source), ce->source, SIZE_MAX);
        str_copy(ev->target, sizeof(ev->target), ce->target, SIZE_MAX);
        mention_text(&c->ps, ce->src_m, ev->source_text,
                     sizeof(ev->source_text));
        mention_text(&c->ps, ce->tgt_m, ev->target_text,
                     sizeof(ev->target_text));
        ev->negated = ce->hit.negated;
        attach_counts(ev, &cn);
        ev->rule_file = ce->hit.file;
        ev->rule_line = (long)ce->hit.line;
    }
    return 0;
}

/* Give the events from index first on the place of the sentence in
 * bytes [start, end). */
static void locate(casus_coder *c, size_t start, size_t end, size_t first)
{
    if (c->geocoder == NULL || first == c->n_events)
        return;
    const casus_place *p = casus_geocoder_locate(c->geocoder, start, end);
    if (p == NULL)
        return;
    casus_location loc;
    casus_place_location(p, &loc);
    for (size_t k = first; k < c->n_events; k++)
        c->events[k].location = loc;
}

void casus_coder_set_geocoder(casus_coder *c, casus_geocoder *gc)
{
    c->geocoder = gc;
    c->places = NULL;
    c->n_places = 0;
}

const casus_place *casus_coder_places(const casus_coder *c,
                                      size_t *count_out)
{
    *count_out = c->n_places;
    return c->places;
}

int casus_coder_code(casus_coder *c, const casus_doc *doc,
                     const casus_event **events_out, size_t *count_out)
{
    int err;
    c->n_events = 0;
    c->n_spans = 0;
    c->places = NULL;
    c->n_places = 0;
    *events_out = NULL;
    *count_out = 0;
    if ((err = text_sentences(&c->sents, doc->text, doc->text_len)) < 0)
        return err;
    if (c->geocoder != NULL &&
        (err = casus_geocoder_places(c->geocoder, doc, &c->places,
                                     &c->n_places)) < 0)
        return err;
    int32_t date = coder_iso_date(doc->date);
    size_t skip = text_dateline(doc->text, doc->text_len, NULL);
    parse_forward(&c->ps, true);
    for (size_t i = 0; i < c->sents.n; i++) {
        size_t a = c->sents.v[i].start, n = c->sents.v[i].len;
        if (CS_ARRAY_GROW(c->spans, c->spans_cap, c->n_spans + 1) < 0)
            return CASUS_ENOMEM;
        c->spans[c->n_spans][0] = a;
        c->spans[c->n_spans][1] = n;
        c->n_spans++;
        if (i == 0 && skip > a && skip < a + n) {
            n -= skip - a;
            a = skip;
        }
        int status;
        if ((err = coder_sentence(c, doc->text + a, n, date, &status)) < 0)
            return err;
        parse_forward(&c->ps, false);
        if (status != SENT_EVENTS)
            continue;
        const size_t first = c->n_events;
        if ((err = coder_emit(c, doc->id, (int)i,
                              doc->date[0] ? doc->date : NULL)) < 0)
            return err;
        locate(c, c->spans[i][0], c->spans[i][0] + c->spans[i][1], first);
    }
    *events_out = c->events;
    *count_out = c->n_events;
    return 0;
}

void casus_coder_trim(casus_coder *c)
{
    if (c == NULL)
        return;
    CS_ARRAY_FREE(c->events, c->events_cap);
    c->n_events = 0;
    CS_ARRAY_FREE(c->spans, c->spans_cap);
    c->n_spans = 0;
    text_spans_dispose(&c->sents);
    parse_release(&c->ps);
    c->places = NULL;
    c->n_places = 0;
    casus_geocoder_trim(c->geocoder);
}

const size_t (*casus_coder_sentences(const casus_coder *c,
                                     size_t *count_out))[2]
{
    *count_out = c->n_spans;
    return (const size_t (*)[2])c->spans;
}
