/*
 * lemmas.c - unit tests of verb lemmatisation and inflection
 *
 * Irregular forms come from WordNet's verb.exc, regular ones from the
 * suffix rules checked against WordNet's verb index; text_verb_forms must
 * spell the forms the lemmatiser maps back.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "casus/common.h"
#include "text.h"

static char lemma_buf[TEXT_WORD_MAX + 1];

static const char *lemma(const char *word, text_lemma_src *src)
{
    const size_t n = text_lemma_verb(lemma_buf, sizeof(lemma_buf), word,
                                     strlen(word), src);
    assert_int_equal(n, strlen(lemma_buf));
    return lemma_buf;
}

#define assert_lemma(word, want) assert_string_equal(lemma((word), NULL), (want))

static void test_text_lemmas__irregular_forms_from_wordnet(void **state)
{
    (void)state;
    text_lemma_src src;
    assert_string_equal(lemma("WENT", &src), "GO");
    assert_int_equal(src, TEXT_LEMMA_EXC);
    assert_lemma("SAID", "SAY");
    assert_lemma("LEFT", "LEAVE");
    assert_lemma("MET", "MEET");
    assert_lemma("SOUGHT", "SEEK");
    assert_lemma("FLED", "FLEE");
    assert_lemma("STRUCK", "STRIKE");
    assert_lemma("SHOT", "SHOOT");
    assert_lemma("WAS", "BE");
    assert_lemma("HAD", "HAVE");
    assert_lemma("DENIED", "DENY");
    assert_lemma("RUNNING", "RUN");
    assert_lemma("FOUGHT", "FIGHT");
    assert_lemma("BEGAN", "BEGIN");
    /* WordNet's first lemma wins where it lists several */
    assert_lemma("APPALLED", "APPAL");
}

static void test_text_lemmas__regular_forms_by_rule(void **state)
{
    (void)state;
    text_lemma_src src;
    assert_string_equal(lemma("ARRESTED", &src), "ARREST");
    assert_int_equal(src, TEXT_LEMMA_LEXICON);
    assert_lemma("RAIDED", "RAID");
    assert_lemma("CARRIES", "CARRY");
    assert_lemma("CARRIED", "CARRY");
    assert_lemma("STOPPED", "STOP");
    assert_lemma("MAKING", "MAKE");
    assert_lemma("ACCUSES", "ACCUSE");
    assert_lemma("ACCUSED", "ACCUSE");
    assert_lemma("PUSHES", "PUSH");
    assert_lemma("FIXES", "FIX");
    assert_lemma("KILLS", "KILL");
    assert_lemma("TIES", "TIE");
    assert_lemma("DIED", "DIE");
    assert_lemma("FREED", "FREE");
    assert_lemma("AGREED", "AGREE");
    assert_lemma("PASSED", "PASS");
    assert_lemma("SHELLED", "SHELL");
}

static void test_text_lemmas__restores_e_only_for_real_verbs(void **state)
{
    (void)state;
    assert_lemma("RAISED", "RAISE");
    assert_lemma("ATTACKED", "ATTACK");
    assert_lemma("HOPING", "HOPE");
    assert_lemma("HOPPING", "HOP");
    assert_lemma("STARED", "STARE");
    assert_lemma("STARRED", "STAR");
    assert_lemma("SINGING", "SING");
    assert_lemma("CHANGING", "CHANGE");
    assert_lemma("HANDLED", "HANDLE");
    assert_lemma("ARGUED", "ARGUE");
    assert_lemma("OPENED", "OPEN");
    assert_lemma("TARGETED", "TARGET");
    assert_lemma("NEGOTIATED", "NEGOTIATE");
    assert_lemma("FOCUSED", "FOCUS");
    assert_lemma("CRITICIZED", "CRITICIZE");
    assert_lemma("CRITICISED", "CRITICISE");
}

static void test_text_lemmas__guesses_words_wordnet_lacks(void **state)
{
    (void)state;
    text_lemma_src src;
    assert_string_equal(lemma("FRACKING", &src), "FRACK");
    assert_int_equal(src, TEXT_LEMMA_GUESS);
    assert_lemma("LIVESTREAMED", "LIVESTREAM");
    assert_lemma("DEPLATFORMED", "DEPLATFORM");
    assert_lemma("UNFRIENDED", "UNFRIEND");
    assert_lemma("GEOFENCED", "GEOFENCE");
    assert_lemma("DOXXED", "DOX");
}

static void test_text_lemmas__leaves_other_words_alone(void **state)
{
    (void)state;
    text_lemma_src src;
    assert_string_equal(lemma("THING", &src), "THING");
    assert_int_equal(src, TEXT_LEMMA_GUESS);
    assert_lemma("BED", "BED");
    assert_lemma("KING", "KING");
    assert_lemma("FOCUS", "FOCUS");
    assert_lemma("PRESS", "PRESS");
    assert_lemma("UN", "UN");
    assert_lemma("raided", "raided");  /* not uppercase */
    assert_lemma("N'T", "N'T");
    assert_lemma("3RD", "3RD");
    assert_lemma("", "");
}

static void test_text_lemmas__base_forms_are_their_own_lemma(void **state)
{
    (void)state;
    text_lemma_src src;
    assert_string_equal(lemma("SEED", &src), "SEED");
    assert_string_equal(lemma("NEED", &src), "NEED");
    assert_int_equal(src, TEXT_LEMMA_LEXICON);
    assert_lemma("BLESS", "BLESS");
    assert_lemma("SING", "SING");
}

static void test_text_lemmas__truncates_like_snprintf(void **state)
{
    (void)state;
    char small[4];
    assert_int_equal(text_lemma_verb(small, sizeof(small), "ARRESTED", 8,
                                     NULL), 6);
    assert_string_equal(small, "ARR");
    assert_int_equal(text_lemma_verb(NULL, 0, "WENT", 4, NULL), 2);
    /* the word need not be NUL-terminated */
    assert_int_equal(text_lemma_verb(small, sizeof(small), "WENTX", 4, NULL),
                     2);
    assert_string_equal(small, "GO");
}

static void test_text_lemmas__is_verb_checks_the_lexicon(void **state)
{
    (void)state;
    assert_true(text_is_verb("ARREST", 6));
    assert_true(text_is_verb("AD-LIB", 6));
    assert_true(text_is_verb("AAH", 3));
    assert_true(text_is_verb("ZOOM", 4));
    assert_false(text_is_verb("ARRESTED", 8));
    assert_false(text_is_verb("RAIS", 4));
    assert_false(text_is_verb("", 0));
    assert_false(text_is_verb("arrest", 6));
    assert_true(text_is_verb("ARRESTX", 6));
}

/* Forms of base joined with spaces. */
static char *forms(const char *base, unsigned flags)
{
    static char buf[512];
    strbuf sb = STRBUF_INIT;
    const int n = text_verb_forms(&sb, base, strlen(base), flags);
    assert_true(n >= 0);
    buf[0] = '\0';
    const char *p = sb.buf;
    for (int k = 0; k < n; k++) {
        if (k)
            strcat(buf, " ");
        strcat(buf, p);
        p += strlen(p) + 1;
    }
    assert_int_equal((size_t)(p - sb.buf), sb.len);
    strbuf_dispose(&sb);
    return buf;
}

static void test_text_lemmas__regular_forms_are_spelled(void **state)
{
    (void)state;
    assert_string_equal(forms("ARREST", 0), "ARRESTS ARRESTED ARRESTING");
    assert_string_equal(forms("ACCUSE", 0), "ACCUSES ACCUSED ACCUSING");
    assert_string_equal(forms("CARRY", 0), "CARRIES CARRIED CARRYING");
    assert_string_equal(forms("STOP", 0), "STOPS STOPPED STOPPING");
    assert_string_equal(forms("PUSH", 0), "PUSHES PUSHED PUSHING");
    assert_string_equal(forms("FIX", 0), "FIXES FIXED FIXING");
    assert_string_equal(forms("PASS", 0), "PASSES PASSED PASSING");
    assert_string_equal(forms("REACH", 0), "REACHES REACHED REACHING");
    assert_string_equal(forms("VETO", 0), "VETOES VETOED VETOING");
    assert_string_equal(forms("PLAY", 0), "PLAYS PLAYED PLAYING");
    assert_string_equal(forms("DIE", 0), "DIES DIED DYING");
    assert_string_equal(forms("FLEE", 0), "FLEES FLEED FLEEING");
    assert_string_equal(forms("AGREE", 0), "AGREES AGREED AGREEING");
    assert_string_equal(forms("MAKE", 0), "MAKES MAKED MAKING");
    assert_string_equal(forms("PANIC", 0), "PANICS PANICKED PANICKING");
}

static void test_text_lemmas__consonant_doubling(void **state)
{
    (void)state;
    assert_string_equal(forms("COMMIT", 0), "COMMITS COMMITTED COMMITTING");
    assert_string_equal(forms("REFER", 0), "REFERS REFERRED REFERRING");
    assert_string_equal(forms("OCCUR", 0), "OCCURS OCCURRED OCCURRING");
    assert_string_equal(forms("CONTROL", 0),
                        "CONTROLS CONTROLLED CONTROLLING");
    assert_string_equal(forms("EQUIP", 0), "EQUIPS EQUIPPED EQUIPPING");
    assert_string_equal(forms("BAN", 0), "BANS BANNED BANNING");
    assert_string_equal(forms("VISIT", 0), "VISITS VISITED VISITING");
    assert_string_equal(forms("LIMIT", 0), "LIMITS LIMITED LIMITING");
    assert_string_equal(forms("TARGET", 0), "TARGETS TARGETED TARGETING");
    assert_string_equal(forms("OFFER", 0), "OFFERS OFFERED OFFERING");
    assert_string_equal(forms("OPEN", 0), "OPENS OPENED OPENING");
    assert_string_equal(forms("ATTACK", 0), "ATTACKS ATTACKED ATTACKING");
}

static void test_text_lemmas__skips_other_verbs_forms(void **state)
{
    (void)state;
    /* SEED and BED are verbs of their own */
    assert_string_equal(forms("SEE", 0), "SEES SEEING");
    assert_string_equal(forms("BE", 0), "BES BEING");
}

static void test_text_lemmas__adds_wordnet_irregular_forms(void **state)
{
    (void)state;
    assert_string_equal(forms("MEET", TEXT_FORMS_EXC),
                        "MEETS MEETED MEETING MET");
    assert_string_equal(forms("FLEE", TEXT_FORMS_EXC),
                        "FLEES FLEED FLEEING FLED");
    assert_string_equal(forms("GO", TEXT_FORMS_EXC),
                        "GOES GOED GOING GONE WENT");
    assert_string_equal(forms("TRAVEL", TEXT_FORMS_EXC),
                        "TRAVELS TRAVELED TRAVELING TRAVELLED TRAVELLING");
    /* nothing repeated */
    assert_string_equal(forms("STOP", TEXT_FORMS_EXC),
                        "STOPS STOPPED STOPPING");
}

static void test_text_lemmas__every_form_lemmatises_back(void **state)
{
    (void)state;
    static const char *const bases[] = {
        "ARREST", "ACCUSE", "CARRY", "STOP", "COMMIT", "DIE", "FLEE",
        "RAISE", "HOPE", "HOP", "STARE", "STAR", "ARGUE", "CHANGE",
        "HANDLE", "SEIZE", "CRITICIZE", "NEGOTIATE", "VETO", "PANIC",
        "KIDNAP", "DENY", "PLAY", "URGE", "CONDEMN", "SHELL", "BOMB",
    };
    char lem[TEXT_WORD_MAX + 1];
    for (size_t b = 0; b < sizeof(bases) / sizeof(*bases); b++) {
        strbuf sb = STRBUF_INIT;
        const int n = text_verb_forms(&sb, bases[b], strlen(bases[b]), 0);
        assert_int_equal(n, 3);
        const char *p = sb.buf;
        for (int k = 0; k < n; k++) {
            text_lemma_verb(lem, sizeof(lem), p, strlen(p), NULL);
            if (strcmp(lem, bases[b]) != 0)
                fail_msg("%s -> %s, not %s", p, lem, bases[b]);
            p += strlen(p) + 1;
        }
        strbuf_dispose(&sb);
    }
}

static void test_text_lemmas__forms_rejects_bad_bases(void **state)
{
    (void)state;
    strbuf sb = STRBUF_INIT;
    char big[TEXT_WORD_MAX + 2];
    memset(big, 'A', sizeof(big));
    assert_int_equal(text_verb_forms(&sb, "", 0, 0), CASUS_EINVAL);
    assert_int_equal(text_verb_forms(&sb, big, sizeof(big), 0),
                     CASUS_EINVAL);
    assert_int_equal(text_verb_forms(&sb, "A\0B", 3, 0), CASUS_EINVAL);
    assert_int_equal(sb.len, 0);
    /* appends to what is there */
    strbuf_puts(&sb, "X");
    assert_int_equal(text_verb_forms(&sb, "RAID", 4, 0), 3);
    assert_memory_equal(sb.buf, "X" "RAIDS\0RAIDED\0RAIDING\0", 22);
    strbuf_dispose(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_lemmas__irregular_forms_from_wordnet),
        cmocka_unit_test(test_text_lemmas__regular_forms_by_rule),
        cmocka_unit_test(test_text_lemmas__restores_e_only_for_real_verbs),
        cmocka_unit_test(test_text_lemmas__guesses_words_wordnet_lacks),
        cmocka_unit_test(test_text_lemmas__leaves_other_words_alone),
        cmocka_unit_test(test_text_lemmas__base_forms_are_their_own_lemma),
        cmocka_unit_test(test_text_lemmas__truncates_like_snprintf),
        cmocka_unit_test(test_text_lemmas__is_verb_checks_the_lexicon),
        cmocka_unit_test(test_text_lemmas__regular_forms_are_spelled),
        cmocka_unit_test(test_text_lemmas__consonant_doubling),
        cmocka_unit_test(test_text_lemmas__skips_other_verbs_forms),
        cmocka_unit_test(test_text_lemmas__adds_wordnet_irregular_forms),
        cmocka_unit_test(test_text_lemmas__every_form_lemmatises_back),
        cmocka_unit_test(test_text_lemmas__forms_rejects_bad_bases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
