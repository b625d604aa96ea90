/* dict.c - STUB until the dictionary loader lands (owner: core). */
#include "casus/dict.h"
#include "alloc.h"
struct casus_dict { int unused; };
int casus_dict_new(casus_dict **out) { *out = cs_calloc(1, sizeof(**out)); return *out ? 0 : CASUS_ENOMEM; }
int casus_dict_load(casus_dict *d, const char *path, casus_diag *diag) { (void)d; (void)path; (void)diag; return 0; }
void casus_dict_on_problem(casus_dict *d, casus_diag_fn fn, void *payload) { (void)d; (void)fn; (void)payload; }
void casus_dict_get_stats(const casus_dict *d, casus_dict_stats *out) { (void)d; *out = (casus_dict_stats){0}; }
void casus_dict_free(casus_dict *d) { cs_free(d); }
