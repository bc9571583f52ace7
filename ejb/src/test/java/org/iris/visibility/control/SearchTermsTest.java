package org.iris.visibility.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTermsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Élodie,          elodie",
            "ÇAĞLAR,          caglar",
            "Œhlenschläger,   oehlenschlager",
            "Straße,          strasse",
            "Søren  Ørsted,   soren orsted",
            "'  Zoë\tMüller ', zoe muller",
            "ＡＢＣ,            abc",
            "Łukasz,          lukasz",
    })
    void normalizesCaseAccentsAndSpaces(String raw, String expected) {
        assertEquals(expected, SearchTerms.normalize(raw));
    }

    @Test
    void aUserIsFoundByEitherNameFirstByLaterWordsAndByEmail() {
        Set<String> words = SearchTerms.of("Anne Marie", "van der Berg");
        assertEquals(Set.of("anne marie van der berg", "van der berg anne marie", "marie", "der berg", "berg"), words);
        assertEquals("anne.vdb@example.com", SearchTerms.email("Anne.VDB@Example.com"));
    }

    @Test
    void wildcardsInAQueryAreLiteral() {
        assertEquals("50\\%\\_off\\\\%", SearchTerms.prefixPattern("50%_off\\"));
    }

    @Test
    void thePrefixRangeEndsRightAfterEveryWordThatStartsWithIt() {
        assertEquals("mb", SearchTerms.upperBound("ma"));
        assertEquals("a.c", SearchTerms.upperBound("a.b"));
        assertEquals("z{", SearchTerms.upperBound("zz"));
        assertEquals("x\uD83D\uDE01", SearchTerms.upperBound("x\uD83D\uDE00"));
        for (String word : List.of("ma", "maria", "ma\uffff", "ma\uD83D\uDE00x")) {
            assertTrue(word.compareTo("ma") >= 0 && word.codePoints().toArray().length > 0
                    && compareCodePoints(word, SearchTerms.upperBound("ma")) < 0, word);
        }
        assertTrue(compareCodePoints("mb", SearchTerms.upperBound("ma")) >= 0);
    }

    private static int compareCodePoints(String one, String other) {
        return java.util.Arrays.compare(one.codePoints().toArray(), other.codePoints().toArray());
    }

    @Test
    void longWordsAreCut() {
        assertTrue(SearchTerms.of("a".repeat(100), "b".repeat(250)).stream()
                .allMatch(word -> word.length() <= SearchTerms.MAX));
        assertTrue(SearchTerms.email("c".repeat(350) + "@x.io").length() <= SearchTerms.MAX);
    }
}
