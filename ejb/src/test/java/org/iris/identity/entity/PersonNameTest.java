package org.iris.identity.entity;

import org.iris.platform.control.InvalidRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PersonNameTest {

    @Test
    void namesAreTrimmedAndKeepTheirLetters() {
        assertEquals(new PersonName("Élodie", "Œhlenschläger"), PersonName.of("  Élodie ", "Œhlenschläger"));
        assertEquals("مهرزاد\u200cی", PersonName.of("مهرزاد\u200cی", "x").first(), "a zero-width non-joiner is a letter's business");
    }

    /** A name is shown to others and goes into mail subjects: no line breaks, controls or direction overrides. */
    @ParameterizedTest
    @ValueSource(strings = {"Eve\r\nBcc: x@example.org", "Eve\u0000", "Eve\tX", "\u202eevE", "Eve\u2028X", "Eve\u2066"})
    void refusesWhatWouldBreakOrDisguiseAMail(String first) {
        assertThrows(InvalidRequest.class, () -> PersonName.of(first, "Mallory"));
        assertThrows(InvalidRequest.class, () -> PersonName.of("Mallory", first));
    }
}
