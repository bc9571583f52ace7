package org.iris.identity.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThrottlesTest {

    /** One IPv6 subscriber holds a whole /64: its addresses share one budget. */
    @Test
    void anAddressBudgetCountsIpv4AddressesAndIpv6Networks() {
        assertEquals("198.51.100.7", Throttles.network("198.51.100.7"));
        assertEquals("2001:db8:0:1::/64", Throttles.network("2001:db8:0:1:aaaa:bbbb:cccc:dddd"));
        assertEquals(Throttles.network("2001:db8:0:1::1"), Throttles.network("[2001:db8:0:1:ffff::2]"));
        assertEquals("not-an-address", Throttles.network("not-an-address"));
    }
}
