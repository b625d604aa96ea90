/*
 * load.c - unit tests of dictionary loading and the coder's API contracts
 *
 * The sentences these contracts promise in include/casus/dict.h and
 * coder.h: NULL frees, error codes, per-line problem reports, stats, and
 * that a .project names its files relative to its own folder.  How words
 * are coded is tested in tests/coding/.
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
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "casus/casus.h"
#include "scratch.h"

static int setup(void **state)
{
    (void)state;
    return scratch_open("dict");
}

static int teardown(void **state)
{
    (void)state;
    return scratch_close();
}

static void count_problem(const casus_diag *d, void *payload)
{
    int *n = payload;
    assert_non_null(d->file);
    assert_true(d->line > 0);
    assert_true(d->msg[0] != '\0');
    (*n)++;
}

static void test_dict_free__null_is_a_no_op(void **state)
{
    (void)state;
    casus_dict_free(NULL);
    casus_coder_free(NULL);
}

static void test_dict_load__missing_file_is_enotfound(void **state)
{
    (void)state;
    casus_dict *d;
    casus_diag diag = CASUS_DIAG_INIT;
    assert_int_equal(casus_dict_new(&d), 0);
    assert_int_equal(casus_dict_load(d, scratch_path("nope.actors"), &diag),
                     CASUS_ENOTFOUND);
    assert_true(diag.msg[0] != '\0');
    casus_dict_free(d);
}

static void test_dict_load__counts_what_it_loaded(void **state)
{
    (void)state;
    scratch_put("a.actors", "SERBIA_ [SRB]\n+SERBIAN_\nKOSOVO_ [KSV]\n");
    scratch_put("a.agents", "POLICE_ [~COP]\n");
    scratch_put("a.verbs", "ARREST_ [173]\n- + WAS * BY $ [173]\n"
                           "- * TWO [173]\nRAID_ [190]\n");
    casus_dict *d;
    assert_int_equal(casus_dict_new(&d), 0);
    assert_int_equal(casus_dict_load(d, scratch_path("a.actors"), NULL), 0);
    assert_int_equal(casus_dict_load(d, scratch_path("a.agents"), NULL), 0);
    assert_int_equal(casus_dict_load(d, scratch_path("a.verbs"), NULL), 0);
    casus_dict_stats st;
    casus_dict_get_stats(d, &st);
    assert_int_equal(st.actors, 3);     /* SERBIA, SERBIAN, KOSOVO */
    assert_int_equal(st.agents, 1);
    assert_int_equal(st.verbs, 2);
    assert_int_equal(st.patterns, 2);
    assert_int_equal(st.problems, 0);
    casus_dict_free(d);
}

static void test_dict_load__reports_every_bad_line_and_keeps_the_rest(
    void **state)
{
    (void)state;
    scratch_put("b.verbs", "ARREST_ [173]\n- NO MARKER [1]\nRAID_ [190\n"
                           "ATTACK_ [190]\n- * &MISSING [2]\n");
    casus_dict *d;
    int n = 0;
    casus_diag diag = CASUS_DIAG_INIT;
    assert_int_equal(casus_dict_new(&d), 0);
    casus_dict_on_problem(d, count_problem, &n);
    assert_int_equal(casus_dict_load(d, scratch_path("b.verbs"), &diag),
                     CASUS_EPARSE);
    assert_int_equal(n, 3);
    assert_int_equal(diag.line, 2);     /* the first problem */
    casus_dict_stats st;
    casus_dict_get_stats(d, &st);
    assert_int_equal(st.verbs, 2);      /* ARREST and ATTACK loaded */
    casus_dict_free(d);
}

static void test_dict_load__project_files_are_relative_to_it(void **state)
{
    (void)state;
    assert_int_equal(mkdir(scratch_path("sub"), 0700), 0);
    scratch_put("sub/p.actors", "GREECE_ [GRC]\nTURKEY_ [TUR]\n");
    scratch_put("sub/p.verbs", "WARN_ [160]\n");
    scratch_put("sub/p.options", "SET: MINIMUM WORDS = 3\n");
    scratch_put("sub/p.project", "# a comment line\n<actorfile> p.actors\n"
                                 "<verbfile> p.verbs\n"
                                 "<optionsfile> p.options\n");
    casus_dict *d;
    casus_coder *c;
    assert_int_equal(casus_dict_new(&d), 0);
    assert_int_equal(casus_dict_load(d, scratch_path("sub/p.project"), NULL),
                     0);
    assert_int_equal(casus_coder_new(&c, d), 0);
    casus_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.id = "d";
    doc.text = "Greece warned Turkey.";   /* 3 words: MINIMUM WORDS = 3 */
    doc.text_len = strlen(doc.text);
    const casus_event *ev;
    size_t n;
    assert_int_equal(casus_coder_code(c, &doc, &ev, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(ev[0].source, "GRC");
    assert_string_equal(ev[0].target, "TUR");
    assert_string_equal(ev[0].code, "160");
    assert_string_equal(ev[0].source_text, "Greece");
    assert_string_equal(ev[0].doc, "d");
    assert_int_equal(ev[0].sentence, 0);
    assert_non_null(ev[0].rule_file);
    assert_int_equal(ev[0].rule_line, 1);
    casus_coder_free(c);
    casus_dict_free(d);
}

static void test_coder_code__sentences_cover_the_text(void **state)
{
    (void)state;
    scratch_put("c.actors", "GREECE_ [GRC]\nTURKEY_ [TUR]\n");
    scratch_put("c.verbs", "WARN_ [160]\n");
    casus_dict *d;
    casus_coder *c;
    assert_int_equal(casus_dict_new(&d), 0);
    assert_int_equal(casus_dict_load(d, scratch_path("c.actors"), NULL), 0);
    assert_int_equal(casus_dict_load(d, scratch_path("c.verbs"), NULL), 0);
    assert_int_equal(casus_coder_new(&c, d), 0);
    casus_doc doc;
    memset(&doc, 0, sizeof(doc));
    doc.id = "d";
    doc.text = "ATHENS \xe2\x80\x94 Greece warned Turkey on Monday over flights "
               "near the islands. Turkey warned Greece on Tuesday about "
               "the same flights again.";
    doc.text_len = strlen(doc.text);
    memcpy(doc.date, "2024-05-02", 11);
    const casus_event *ev;
    size_t n, ns;
    assert_int_equal(casus_coder_code(c, &doc, &ev, &n), 0);
    const size_t (*spans)[2] = casus_coder_sentences(c, &ns);
    assert_int_equal(ns, 2);
    assert_int_equal(n, 2);
    assert_int_equal(ev[1].sentence, 1);
    assert_string_equal(ev[1].source, "TUR");
    /* each event takes the day its sentence names (2024-05-02 was a
     * Thursday) */
    assert_string_equal(ev[0].date, "2024-04-29");
    assert_string_equal(ev[1].date, "2024-04-30");
    for (size_t i = 0; i < ns; i++)
        assert_true(spans[i][0] + spans[i][1] <= doc.text_len);
    casus_coder_free(c);
    casus_dict_free(d);
}

static void test_coder_set_option__rejects_what_is_not_an_option(void **state)
{
    (void)state;
    casus_dict *d;
    casus_coder *c;
    assert_int_equal(casus_dict_new(&d), 0);
    assert_int_equal(casus_coder_new(&c, d), 0);
    assert_int_equal(casus_coder_set_option(c, "SET: CODE ALL"), 0);
    assert_int_equal(casus_coder_set_option(c, "no colon here"),
                     CASUS_EPARSE);
    assert_int_equal(casus_coder_set_option(c, "FROB: 12"), CASUS_EPARSE);
    casus_coder_free(c);
    casus_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dict_free__null_is_a_no_op),
        cmocka_unit_test(test_dict_load__missing_file_is_enotfound),
        cmocka_unit_test(test_dict_load__counts_what_it_loaded),
        cmocka_unit_test(
            test_dict_load__reports_every_bad_line_and_keeps_the_rest),
        cmocka_unit_test(test_dict_load__project_files_are_relative_to_it),
        cmocka_unit_test(test_coder_code__sentences_cover_the_text),
        cmocka_unit_test(
            test_coder_set_option__rejects_what_is_not_an_option),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
