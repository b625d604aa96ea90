/*
 * table.c - unit tests of the CAMEO code table
 *
 * Checks the table's own invariants and, where the reference tables are
 * beside the repository (../shared/reference), every Goldstein value and
 * PLOVER type against them.  A clone without ../shared skips that part.
 *
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "casus/event.h"
#include "event_priv.h"

#define REF_DIR "../shared/reference/"

static int expected_quad(const char *code)
{
    const int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

static void test_event_table__is_sorted_and_consistent(void **state)
{
    (void)state;
    size_t n;
    const casus_cameo *t = event_table(&n);
    size_t n_roots = 0;

    assert_true(n > 300);
    for (size_t i = 0; i < n; i++) {
        const size_t len = strlen(t[i].code);
        assert_true(len >= 2 && len <= 4);
        for (size_t k = 0; k < len; k++)
            assert_true(isdigit((unsigned char)t[i].code[k]));
        if (i > 0)
            assert_true(strcmp(t[i - 1].code, t[i].code) < 0);
        assert_ptr_equal(casus_cameo_lookup(t[i].code), &t[i]);
        assert_int_equal(t[i].quad, expected_quad(t[i].code));
        assert_true(t[i].name[0] != '\0');
        assert_non_null(t[i].plover);
        assert_true(t[i].goldstein >= -10.0 && t[i].goldstein <= 10.0);
        if (len == 2)
            n_roots++;
        else /* every code sits under its root */
            assert_non_null(casus_cameo_lookup((char[]){ t[i].code[0],
                                                         t[i].code[1], 0 }));
    }
    assert_int_equal(n_roots, 20);
}

static void test_event_lookup__keeps_leading_zeros(void **state)
{
    (void)state;
    const casus_cameo *c = casus_cameo_lookup("010");
    assert_non_null(c);
    assert_string_equal(c->code, "010");
    assert_int_equal(c->quad, 1);

    c = casus_cameo_lookup("0874");
    assert_non_null(c);
    assert_true(fabs(c->goldstein - 10.0) < 1e-9);
    assert_string_equal(c->plover, "RETREAT");
    assert_int_equal(c->quad, 2);

    c = casus_cameo_lookup("173");
    assert_non_null(c);
    assert_string_equal(c->plover, "COERCE");
    assert_int_equal(c->quad, 4);

    assert_string_equal(casus_cameo_lookup("10")->code, "10");
    assert_null(casus_cameo_lookup("10 "));
    assert_null(casus_cameo_lookup("999"));
    assert_null(casus_cameo_lookup(""));
    assert_null(casus_cameo_lookup(NULL));
}

static void test_event_facts__derive_unknown_codes(void **state)
{
    (void)state;
    event_facts f;

    event_facts_get("0899", &f);
    assert_string_equal(f.root, "08");
    assert_int_equal(f.quad, 2);
    assert_true(f.goldstein == 0.0);
    assert_string_equal(f.plover, "");

    event_facts_get("145", &f);
    assert_string_equal(f.root, "14");
    assert_int_equal(f.quad, 4);
    assert_string_equal(f.plover, "PROTEST");

    event_facts_get("x1", &f);
    assert_string_equal(f.root, "");
    assert_int_equal(f.quad, 0);
}

/* Open a reference file, or skip the test when ../shared is absent. */
static FILE *open_reference(const char *name)
{
    FILE *fp = fopen(name, "r");
    if (fp == NULL) {
        print_message("skipped: %s not found (only the project workspace "
                      "has ../shared)\n", name);
        skip();
    }
    return fp;
}

static void test_event_table__matches_goldstein_reference(void **state)
{
    (void)state;
    FILE *fp = open_reference(REF_DIR "CAMEO.goldsteinscale.txt");
    char line[256], code[16];
    double value;
    size_t checked = 0;

    while (fgets(line, sizeof(line), fp)) {
        if (sscanf(line, "%15s %lf", code, &value) != 2 ||
            !isdigit((unsigned char)code[0]))
            continue;
        const casus_cameo *c = casus_cameo_lookup(code);
        if (c == NULL)
            fail_msg("code %s of the reference is missing", code);
        if (fabs(c->goldstein - value) > 1e-9)
            fail_msg("code %s: goldstein %.1f, reference %.1f", code,
                     c->goldstein, value);
        checked++;
    }
    fclose(fp);
    assert_true(checked > 300);
}

static void test_event_table__matches_plover_reference(void **state)
{
    (void)state;
    FILE *fp = open_reference(REF_DIR "CAMEO2PLOVER-2021.txt");
    char line[512];
    size_t checked = 0;

    while (fgets(line, sizeof(line), fp)) {
        /* "0874: RETREAT, disarm, military # ..." ; roots are headings */
        char code[8], plover[32];
        if (sscanf(line, "%7[0-9]: %31[A-Z]", code, plover) != 2 ||
            strlen(code) < 3)
            continue;
        const casus_cameo *c = casus_cameo_lookup(code);
        if (c == NULL)
            fail_msg("code %s of the reference is missing", code);
        if (strcmp(c->plover, plover) != 0)
            fail_msg("code %s: plover %s, reference %s", code, c->plover,
                     plover);
        checked++;
    }
    fclose(fp);
    assert_true(checked > 250);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_table__is_sorted_and_consistent),
        cmocka_unit_test(test_event_lookup__keeps_leading_zeros),
        cmocka_unit_test(test_event_facts__derive_unknown_codes),
        cmocka_unit_test(test_event_table__matches_goldstein_reference),
        cmocka_unit_test(test_event_table__matches_plover_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
