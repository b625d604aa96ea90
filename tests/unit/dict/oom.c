/*
 * oom.c - fault injection: every allocation of loading and coding may fail
 *
 * A test allocator (casus_set_allocator) fails allocation N, for N = 1,
 * 2, ... until a whole run needs no more than N - 1 allocations.  Every
 * earlier run must end with each call returning 0 or CASUS_ENOMEM: no
 * crash, no other error.  Under `make check-asan` LeakSanitizer also
 * checks that nothing a failed run allocated is leaked.  (Lua's ltests.c
 * and SQLite's *fault.test do the same.)
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "casus/casus.h"
#include "scratch.h"

static long n_allocs, fail_at;

static void *t_malloc(size_t n, void *payload)
{
    (void)payload;
    if (++n_allocs == fail_at)
        return NULL;
    return malloc(n);
}

static void *t_realloc(void *p, size_t n, void *payload)
{
    (void)payload;
    if (++n_allocs == fail_at)
        return NULL;
    return realloc(p, n);
}

static void t_free(void *p, void *payload)
{
    (void)payload;
    free(p);
}

static int setup(void **state)
{
    (void)state;
    if (scratch_open("oom") < 0)
        return -1;
    scratch_put("o.actors", "SERBIA_ [SRB]\n+SERBIAN_\nKOSOVO_ [KSV]\n"
                            "KURTI_\n    [KSVOPP 20100101-20200202]\n"
                            "    [KSVGOV >20200203]\n<NOUN>\nVILLAGES_\n"
                            "</NOUN>\n");
    scratch_put("o.agents", "POLICE_ [~COP]\nOFFICIALS_ [~GOV]\n");
    scratch_put("o.verbs", "<SYNSETS>\n&AID\n+FOOD_\n+TENTS_\n</SYNSETS>\n"
                           "ACCUSE_ [112]\n- + WAS * BY $ [112]\nRAID_ [190]\n"
                           "ARREST_ [173]\n- * { TWO | 19 } PEOPLE [1731]\n"
                           "SEND_ [---]\n{ SENT_ }\n- * &AID TO + [0233]\n");
    scratch_put("o.options", "SET: REQUIRE DYAD = FALSE\n"
                             "SET: LEMMAS = TRUE\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    casus_set_allocator(NULL);
    return scratch_close();
}

static int ok_or_oom(int err)
{
    /* CASUS_EPARSE cannot happen: the files are clean */
    assert_true(err == 0 || err == CASUS_ENOMEM);
    return err;
}

/* One whole run; returns 0 when nothing failed. */
static int run_once(void)
{
    static const char *const files[] = { "o.actors", "o.agents", "o.verbs",
                                         "o.options" };
    casus_dict *d = NULL;
    casus_coder *c = NULL;
    int err = ok_or_oom(casus_dict_new(&d));
    for (int i = 0; err == 0 && i < 4; i++)
        err = ok_or_oom(casus_dict_load(d, scratch_path(files[i]), NULL));
    if (err == 0)
        err = ok_or_oom(casus_coder_new(&c, d));
    if (err == 0) {
        casus_doc doc;
        memset(&doc, 0, sizeof(doc));
        doc.id = "oom";
        doc.text = "PRISTINA, Kosovo \xe2\x80\x94 Kosovo police raided three "
                   "villages and arrested 19 people. Serbian officials "
                   "accused Kurti of provoking Serbia. Kosovo sought tents "
                   "and sent food to Serbia.";
        doc.text_len = strlen(doc.text);
        memcpy(doc.date, "2023-05-30", 11);
        const casus_event *ev;
        size_t n;
        err = ok_or_oom(casus_coder_code(c, &doc, &ev, &n));
        if (err == 0) {
            const char *out;
            err = ok_or_oom(casus_coder_explain(c, doc.text, doc.date,
                                                &out));
        }
    }
    casus_coder_free(c);
    casus_dict_free(d);
    return err;
}

static void test_oom__every_failed_allocation_is_reported(void **state)
{
    (void)state;
    const casus_allocator a = { t_malloc, t_realloc, t_free, NULL };
    casus_set_allocator(&a);
    long runs = 0;
    for (fail_at = 1;; fail_at++) {
        n_allocs = 0;
        int err = run_once();
        runs++;
        if (n_allocs < fail_at) {
            assert_int_equal(err, 0);   /* nothing failed: must succeed */
            break;
        }
        assert_int_equal(err, CASUS_ENOMEM);
        assert_true(fail_at < 100000);
    }
    casus_set_allocator(NULL);
    assert_true(runs > 10);     /* the run does allocate */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oom__every_failed_allocation_is_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
