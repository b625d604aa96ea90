/*
 * sentences.c - unit tests of the sentence splitter
 *
 * Real news phrasings: abbreviations, initials, decimals, quotes,
 * ellipses, datelines and paragraphs.  Each case gives the expected
 * sentences joined by " | ".
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

static text_spans spans = TEXT_SPANS_INIT;
static strbuf joined = STRBUF_INIT;

static int teardown(void **state)
{
    (void)state;
    text_spans_dispose(&spans);
    strbuf_dispose(&joined);
    return 0;
}

/* Split text; check the span invariants; return the sentences joined. */
static const char *split_n(const char *text, size_t len)
{
    assert_int_equal(text_sentences(&spans, text, len), 0);
    strbuf_clear(&joined);
    size_t prev_end = 0;
    for (size_t k = 0; k < spans.n; k++) {
        const text_span *s = &spans.v[k];
        assert_true(s->len > 0);
        assert_true(s->start >= prev_end);
        assert_true(s->start + s->len <= len);
        assert_int_equal(s->cp_start, text_cp_count(text, s->start));
        assert_int_equal(s->cp_len, text_cp_count(text + s->start, s->len));
        prev_end = s->start + s->len;
        if (k > 0)
            strbuf_puts(&joined, " | ");
        strbuf_add(&joined, text + s->start, s->len);
    }
    return joined.buf;
}

static const char *split(const char *text)
{
    return split_n(text, strlen(text));
}

#define assert_split(text, want) assert_string_equal(split(text), (want))

static void test_text_sentences__splits_plain_sentences(void **state)
{
    (void)state;
    assert_split("Police raided the office. Three men were arrested! "
                 "Why now? Nobody knows.",
                 "Police raided the office. | Three men were arrested! | "
                 "Why now? | Nobody knows.");
}

static void test_text_sentences__trims_and_never_yields_empty(void **state)
{
    (void)state;
    assert_split("", "");
    assert_split("   \n\n\t  ", "");
    assert_split("  Talks resumed.  \n  ", "Talks resumed.");
    assert_split("No final stop", "No final stop");
    assert_split(".", ".");
    assert_split("\n\nOne.\n\n\n\nTwo.\n\n", "One. | Two.");
    assert_int_equal(spans.n, 2);
}

static void test_text_sentences__keeps_titles_and_ranks(void **state)
{
    (void)state;
    assert_split("Mr. Smith met Dr. Jones and Gen. Petraeus on Monday. "
                 "Lt. Col. Ahmed Khan said Sen. McCain and Rep. Pelosi "
                 "would attend.",
                 "Mr. Smith met Dr. Jones and Gen. Petraeus on Monday. | "
                 "Lt. Col. Ahmed Khan said Sen. McCain and Rep. Pelosi "
                 "would attend.");
    assert_split("Gov. Cuomo visited St. Petersburg. Mrs. May and Ms. Rice "
                 "also spoke.",
                 "Gov. Cuomo visited St. Petersburg. | Mrs. May and Ms. Rice "
                 "also spoke.");
    assert_split("Sgt. Maj. Lee and Capt. Ortiz led the raid. Prof. Ali "
                 "disagreed.",
                 "Sgt. Maj. Lee and Capt. Ortiz led the raid. | Prof. Ali "
                 "disagreed.");
    assert_split("The Lt.-Gen. Mohammed spoke.", "The Lt.-Gen. Mohammed spoke.");
}

static void test_text_sentences__keeps_dotted_abbreviations(void **state)
{
    (void)state;
    assert_split("The U.S. State Department and the U.N. Security Council "
                 "condemned the attack. It killed 12.",
                 "The U.S. State Department and the U.N. Security Council "
                 "condemned the attack. | It killed 12.");
    assert_split("Troops will leave the U.S. The withdrawal begins soon.",
                 "Troops will leave the U.S. | The withdrawal begins soon.");
    assert_split("He met U.S. officials in Washington, D.C. on Friday.",
                 "He met U.S. officials in Washington, D.C. on Friday.");
    assert_split("The blast hit at 5 p.m. Tuesday near the embassy. "
                 "Police arrived at 6 a.m. The road was closed.",
                 "The blast hit at 5 p.m. Tuesday near the embassy. | "
                 "Police arrived at 6 a.m. | The road was closed.");
}

static void test_text_sentences__keeps_initials(void **state)
{
    (void)state;
    assert_split("President John F. Kennedy visited Berlin. "
                 "George W. Bush did not.",
                 "President John F. Kennedy visited Berlin. | "
                 "George W. Bush did not.");
    assert_split("The letter was signed by J. R. R. Tolkien himself.",
                 "The letter was signed by J. R. R. Tolkien himself.");
}

static void test_text_sentences__numbers_and_dates(void **state)
{
    (void)state;
    assert_split("Growth slowed to 3.5 percent. Inflation rose 0.2 points.",
                 "Growth slowed to 3.5 percent. | Inflation rose 0.2 points.");
    assert_split("Resolution No. 1244 was adopted on Jan. 5, 2004 and "
                 "amended in Sept. 2005. It stands.",
                 "Resolution No. 1244 was adopted on Jan. 5, 2004 and "
                 "amended in Sept. 2005. | It stands.");
    assert_split("Talks are set for Feb. 12 in Geneva. Mar. 3 is the "
                 "deadline, and Dec. 31 the end.",
                 "Talks are set for Feb. 12 in Geneva. | Mar. 3 is the "
                 "deadline, and Dec. 31 the end.");
    assert_split("The vote was 52 to 48. 12 senators abstained.",
                 "The vote was 52 to 48. | 12 senators abstained.");
    assert_split("He said no. Then he left.", "He said no. | Then he left.");
}

static void test_text_sentences__company_suffixes_and_etc(void **state)
{
    (void)state;
    assert_split("Shares of Apple Inc. rose while Ford Motor Co. fell. "
                 "Analysts at Acme Corp. and BHP Ltd. were surprised.",
                 "Shares of Apple Inc. rose while Ford Motor Co. fell. | "
                 "Analysts at Acme Corp. and BHP Ltd. were surprised.");
    assert_split("The deal was signed by Exxon Mobil Corp. The price was "
                 "not disclosed.",
                 "The deal was signed by Exxon Mobil Corp. | The price was "
                 "not disclosed.");
    assert_split("They seized guns, ammunition, etc. and fled. "
                 "Rifles, mortars, etc. Police found them all.",
                 "They seized guns, ammunition, etc. and fled. | "
                 "Rifles, mortars, etc. | Police found them all.");
    assert_split("It was Real Madrid vs. Barcelona again.",
                 "It was Real Madrid vs. Barcelona again.");
    assert_split("He was born in Springfield, Ill. His father was a "
                 "farmer.",
                 "He was born in Springfield, Ill. | His father was a "
                 "farmer.");
}

static void test_text_sentences__quotes_after_the_stop(void **state)
{
    (void)state;
    assert_split("\"We will respond,\" he said. \"They will regret it.\" "
                 "Next, the minister spoke.",
                 "\"We will respond,\" he said. | \"They will regret it.\" | "
                 "Next, the minister spoke.");
    assert_split("\xE2\x80\x9C" "Enough,\xE2\x80\x9D she said.\xE2\x80\x9D "
                 "Later she left.",
                 "\xE2\x80\x9C" "Enough,\xE2\x80\x9D she said.\xE2\x80\x9D | "
                 "Later she left.");
    assert_split("\"Why now?\" he asked. \"Because!\" she replied.",
                 "\"Why now?\" he asked. | \"Because!\" she replied.");
    assert_split("Officials (who declined to be named.) Said it failed.",
                 "Officials (who declined to be named.) | Said it failed.");
    assert_split("He called it 'a disgrace.' The crowd cheered.",
                 "He called it 'a disgrace.' | The crowd cheered.");
}

static void test_text_sentences__ellipses(void **state)
{
    (void)state;
    assert_split("The talks ... collapsed after a week. Both sides left.",
                 "The talks ... collapsed after a week. | Both sides left.");
    assert_split("He hesitated... Then he signed.",
                 "He hesitated... | Then he signed.");
    assert_split("We waited\xE2\x80\xA6 and waited\xE2\x80\xA6 Nothing came.",
                 "We waited\xE2\x80\xA6 and waited\xE2\x80\xA6 | "
                 "Nothing came.");
}

static void test_text_sentences__question_and_exclamation(void **state)
{
    (void)state;
    assert_split("Was it an accident?! Nobody believes so. Fire! Run!",
                 "Was it an accident?! | Nobody believes so. | Fire! | Run!");
    assert_split("Who ordered the strike? the paper asked.",
                 "Who ordered the strike? the paper asked.");
}

static void test_text_sentences__no_split_inside_tokens(void **state)
{
    (void)state;
    assert_split("See www.un.org/news.html for details. Version 2.0.1 is out.",
                 "See www.un.org/news.html for details. | "
                 "Version 2.0.1 is out.");
    assert_split("The U.S.A. team won.", "The U.S.A. team won.");
}

static void test_text_sentences__paragraphs(void **state)
{
    (void)state;
    assert_split("Rebels seize town\n\nRebels seized the town on Monday, "
                 "officials\nsaid. The army\r\nretreated.\n \t\nIn other "
                 "news, nothing happened",
                 "Rebels seize town | Rebels seized the town on Monday, "
                 "officials\nsaid. | The army\r\nretreated. | In other news, "
                 "nothing happened");
    /* U+2029 paragraph separator */
    assert_split("Headline\xE2\x80\xA9" "Body text.", "Headline | Body text.");
    /* a title never ends a sentence, but a blank line after it does */
    assert_split("Signed by Gen.\n\nNext paragraph.",
                 "Signed by Gen. | Next paragraph.");
}

static void test_text_sentences__datelines_stay_in_first_sentence(void **state)
{
    (void)state;
    assert_split("PRISTINA, Kosovo (Reuters) - Police raided the offices of "
                 "a Serb party on Tuesday. Five people were detained.",
                 "PRISTINA, Kosovo (Reuters) - Police raided the offices of "
                 "a Serb party on Tuesday. | Five people were detained.");
    assert_split("BAGHDAD, Jan. 5 (Reuters) - A car bomb exploded. "
                 "ST. LOUIS (AP) - Unrelated.",
                 "BAGHDAD, Jan. 5 (Reuters) - A car bomb exploded. | "
                 "ST. LOUIS (AP) - Unrelated.");
    assert_split("WASHINGTON, D.C. (AP) \xE2\x80\x94 The Senate voted.",
                 "WASHINGTON, D.C. (AP) \xE2\x80\x94 The Senate voted.");
}

static void test_text_sentences__unicode_text(void **state)
{
    (void)state;
    assert_split("Vu\xC4\x8Di\xC4\x87 met Thaçi. \xC3\x89lysée officials "
                 "welcomed it. \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD "
                 "did not.",
                 "Vu\xC4\x8Di\xC4\x87 met Thaçi. | \xC3\x89lysée officials "
                 "welcomed it. | \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD "
                 "did not.");
    /* CJK full stops need no space after them */
    assert_split("\xE5\x8C\x97\xE4\xBA\xAC\xE3\x80\x82\xE4\xB8\x8A\xE6\xB5"
                 "\xB7\xEF\xBC\x81",
                 "\xE5\x8C\x97\xE4\xBA\xAC\xE3\x80\x82 | \xE4\xB8\x8A\xE6\xB5"
                 "\xB7\xEF\xBC\x81");
    /* no-break spaces around sentences are trimmed */
    assert_split("\xC2\xA0One.\xC2\xA0 Two.\xC2\xA0", "One. | Two.");
}

static void test_text_sentences__code_points_of_spans(void **state)
{
    (void)state;
    split("Vu\xC4\x8Di\xC4\x87 spoke. Thaçi left.");
    assert_int_equal(spans.n, 2);
    assert_int_equal(spans.v[0].cp_start, 0);
    assert_int_equal(spans.v[0].cp_len, 12);
    assert_int_equal(spans.v[1].start, 15);
    assert_int_equal(spans.v[1].cp_start, 13);
    assert_int_equal(spans.v[1].cp_len, 11);
}

static void test_text_sentences__survives_arbitrary_bytes(void **state)
{
    (void)state;
    unsigned char buf[4096];
    uint32_t x = 12345;
    for (int round = 0; round < 200; round++) {
        const size_t n = (size_t)(round * 19) % sizeof(buf);
        for (size_t k = 0; k < n; k++) {
            x = x * 1103515245u + 12345u;
            /* bias towards the bytes the splitter looks at */
            static const unsigned char pick[] = ".?! \n\xE2\x80\xA6\xE3"
                                                "\x82\xEF\xBC\x81\xC2\xA0" "Aa\"";
            buf[k] = (x >> 24) & 1 ? pick[(x >> 8) % (sizeof(pick) - 1)]
                                   : (unsigned char)(x >> 16);
        }
        split_n((const char *)buf, n);
    }
}

static void test_text_sentences__reuses_its_array(void **state)
{
    (void)state;
    split("One. Two. Three. Four. Five. Six. Seven. Eight. Nine. Ten.");
    assert_int_equal(spans.n, 10);
    text_span *const v = spans.v;
    split("Only one.");
    assert_int_equal(spans.n, 1);
    assert_ptr_equal(spans.v, v);
}

#define T(name) cmocka_unit_test_teardown(name, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_text_sentences__splits_plain_sentences),
        T(test_text_sentences__trims_and_never_yields_empty),
        T(test_text_sentences__keeps_titles_and_ranks),
        T(test_text_sentences__keeps_dotted_abbreviations),
        T(test_text_sentences__keeps_initials),
        T(test_text_sentences__numbers_and_dates),
        T(test_text_sentences__company_suffixes_and_etc),
        T(test_text_sentences__quotes_after_the_stop),
        T(test_text_sentences__ellipses),
        T(test_text_sentences__question_and_exclamation),
        T(test_text_sentences__no_split_inside_tokens),
        T(test_text_sentences__paragraphs),
        T(test_text_sentences__datelines_stay_in_first_sentence),
        T(test_text_sentences__unicode_text),
        T(test_text_sentences__code_points_of_spans),
        T(test_text_sentences__survives_arbitrary_bytes),
        T(test_text_sentences__reuses_its_array),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
