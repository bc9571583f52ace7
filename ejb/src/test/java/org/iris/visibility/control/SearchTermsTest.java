package org.iris.visibility.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        Set<String> words = SearchTerms.of("Anne Marie", "van der Berg", "Anne.VDB@Example.com");
        assertEquals(Set.of("anne marie van der berg", "van der berg anne marie", "marie", "der berg", "berg",
                "anne.vdb@example.com"), words);
    }

    @Test
    void wildcardsInAQueryAreLiteral() {
        assertEquals("50\\%\\_off\\\\%", SearchTerms.prefixPattern("50%_off\\"));
    }

    @Test
    void longWordsAreCut() {
        assertTrue(SearchTerms.of("a".repeat(100), "b".repeat(100), "c".repeat(250) + "@x.io").stream()
                .allMatch(word -> word.length() <= SearchTerms.MAX));
    }
}
