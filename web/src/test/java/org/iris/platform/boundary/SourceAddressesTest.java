package org.iris.platform.boundary;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceAddressesTest {

    private static final Set<String> PROXIES = Set.of("10.0.0.1", "10.0.0.2");

    @Test
    void aDirectClientIsItsPeerWhateverItsHeaderClaims() {
        assertEquals("203.0.113.9", SourceAddresses.of("203.0.113.9", "198.51.100.1", PROXIES));
        assertEquals("203.0.113.9", SourceAddresses.of("203.0.113.9", null, Set.of()));
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopCounts() {
        assertEquals("198.51.100.7", SourceAddresses.of("10.0.0.1", "198.51.100.7", PROXIES));
        // The client wrote the first entry itself; only what the proxies appended is trusted.
        assertEquals("198.51.100.7", SourceAddresses.of("10.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2", PROXIES));
    }

    @Test
    void aProxyWithoutHeaderIsItself() {
        assertEquals("10.0.0.1", SourceAddresses.of("10.0.0.1", " ", PROXIES));
    }
}
