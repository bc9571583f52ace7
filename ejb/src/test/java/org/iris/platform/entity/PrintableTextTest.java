package org.iris.platform.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrintableTextTest {

    @Test
    void namesThatShowWhatTheyAre() {
        for (String name : List.of("Ada", "Équipe été", "北京团队", "R&D: 2027", "👨\u200d👩\u200d👧 family", "Zoë")) {
            assertTrue(PrintableText.printable(name), name);
        }
    }

    @Test
    void namesThatHideOrBreakSomething() {
        for (String name : List.of("a\u0000b", "x\u202ey", "x\u2066y", "a\nb", "a\u2028b", "a\u0085b", "\u200b", "\u200b\u200b",
                "\u200e", "\ufeff", "\u00ad", "\u0301", "\u200d", "ab\ud800cd", "a\u001bb", "\u3000")) {
            assertFalse(PrintableText.printable(name), name.codePoints().mapToObj(Integer::toHexString).toList().toString());
        }
    }

    @Test
    void aTopicMayHoldLinesButNothingHidden() {
        assertTrue(PrintableText.printableLines("First line\nsecond line"));
        assertTrue(PrintableText.printableLines(""));
        assertFalse(PrintableText.printableLines("a\r\nb"));
        assertFalse(PrintableText.printableLines("x\u202ey"));
        assertFalse(PrintableText.printableLines("lone \udc00 surrogate"));
    }
}
