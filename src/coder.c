/* coder.c - STUB until the coder lands (owner: core).  Codes nothing. */
#include "casus/coder.h"
#include "alloc.h"
struct casus_coder { const casus_dict *dict; size_t span[1][2]; };
int casus_coder_new(casus_coder **out, const casus_dict *dict) { *out = cs_calloc(1, sizeof(**out)); if (!*out) return CASUS_ENOMEM; (*out)->dict = dict; return 0; }
void casus_coder_free(casus_coder *c) { cs_free(c); }
int casus_coder_code(casus_coder *c, const casus_doc *doc, const casus_event **events_out, size_t *count_out) { c->span[0][0] = 0; c->span[0][1] = doc->text_len; *events_out = NULL; *count_out = 0; return 0; }
const size_t (*casus_coder_sentences(const casus_coder *c, size_t *count_out))[2] { *count_out = 1; return (const size_t (*)[2])c->span; }
int casus_coder_set_option(casus_coder *c, const char *line) { (void)c; (void)line; return 0; }
int casus_coder_explain(casus_coder *c, const char *s, const char *date, const char **out) { (void)c; (void)s; (void)date; *out = ""; return 0; }
