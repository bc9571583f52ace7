package org.iris.company.entity;

import org.iris.platform.control.InvalidRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DomainNameTest {

    @Test
    void oneDomainHasOneSpelling() {
        assertEquals("example.org", DomainName.of("  Example.ORG. ").value());
        assertEquals("xn--bcher-kva.example", DomainName.of("Bücher.example").value());
        assertEquals(DomainName.of("xn--bcher-kva.example"), DomainName.of("BÜCHER.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "exa mple.org", "-bad.org", "bad-.org", "a..org", "user@example.org",
            "192.168.0.1", "under_score.org", ".org"})
    void whatIsNotADomainIsRefused(String raw) {
        assertThrows(InvalidRequest.class, () -> DomainName.of(raw));
    }

    @Test
    void aDomainHasAtMost253Characters() {
        String label = "a".repeat(63);
        assertThrows(InvalidRequest.class, () -> DomainName.of(String.join(".", label, label, label, label, "org")));
        assertEquals(251, DomainName.of(String.join(".", label, label, label, "a".repeat(55), "org")).value().length());
    }
}
