package org.iris.platform.entity;

import org.iris.platform.control.InvalidRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org", "Ada.Lovelace@Example.ORG", " ada@example.org ", "a+tag@sub.example.co",
            "o'brien@example.ie", "x_y-z@mail-1.example.com", "a@xn--e1afmkfd.xn--p1ai", "1@example.org"})
    void acceptsPlainAddressesAndNormalizesThem(String raw) {
        EmailAddress email = EmailAddress.of(raw, "email");
        assertEquals(raw.strip().toLowerCase(java.util.Locale.ROOT), email.value());
    }

    /** What once reached the outbox and made the mail server refuse it for ever, or reach several people. */
    @ParameterizedTest
    @ValueSource(strings = {"a(b)@example.org", "\"a b\"@example.org", "\"a\"@example.org", "a,b@example.org",
            "a@example.org,b@example.org", "a@example.org, b@example.org", "Ada <ada@example.org>", "<ada@example.org>",
            "a<@example.org", "a>@example.org", "a;b@example.org", "a:b@example.org", "a\\b@example.org",
            "a b@example.org", "a\r\nbcc@example.org", "a..b@example.org", ".a@example.org", "a.@example.org",
            "a@example", "a@-example.org", "a@example-.org", "a@exa_mple.org", "a@[1.2.3.4]", "a@example.org.",
            "a@example..org", "é@example.org", "a@exämple.org", "a@b@example.org", "@example.org", "a@",
            "a@example.123", "", " "})
    void refusesWhatStrictParsingAtSendTimeWouldRefuseOrReadAsSeveral(String raw) {
        assertThrows(InvalidRequest.class, () -> EmailAddress.of(raw, "email"));
        assertTrue(EmailAddress.parse(raw).isEmpty());
    }

    @Test
    void refusesNullAndOverlongAddresses() {
        assertThrows(InvalidRequest.class, () -> EmailAddress.of(null, "email"));
        assertThrows(InvalidRequest.class, () -> EmailAddress.of("a".repeat(65) + "@example.org", "email"));
        String longDomain = ("d".repeat(60) + ".").repeat(5) + "org";
        assertThrows(InvalidRequest.class, () -> EmailAddress.of("a@" + longDomain, "email"));
    }

    @Test
    void aLogShowsOnlyTheFirstLetterAndTheDomain() {
        assertEquals("a***@example.org", EmailAddress.of("ada.lovelace@example.org", "email").masked());
    }

    @Test
    void aLogLineHasEveryAddressInItMasked() {
        assertEquals("550 5.1.1 <***@example.org>: Recipient address rejected; cc ***@b.example, ***@c.example",
                EmailAddress.redact("550 5.1.1 <ada.lovelace@example.org>: Recipient address rejected; cc x+y@b.example,"
                        + " o'brien@c.example"));
    }
}
