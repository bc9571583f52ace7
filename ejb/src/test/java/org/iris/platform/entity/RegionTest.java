package org.iris.platform.entity;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionTest {

    @Test
    void onlyChinaAndHealthcareAreIsolated() {
        for (Region region : Region.values()) {
            assertEquals(region == Region.CN || region == Region.HDS, region.isolated(), region.name());
        }
    }

    @Test
    void defaultRegionIsEmea() {
        assertEquals(Region.EMEA, Region.DEFAULT);
        assertFalse(Region.DEFAULT.isolated());
    }

    @Test
    void listIsReadWhateverCaseAndSpacing() {
        assertEquals(EnumSet.of(Region.EMEA, Region.DE, Region.HDS), Region.parseList(" emea, De ,HDS,, "));
    }

    @Test
    void unknownRegionIsNamedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.parseList("EMEA,MARS"));
        assertTrue(e.getMessage().contains("MARS"), e.getMessage());
        assertTrue(e.getMessage().contains("CALA"), e.getMessage());
    }

    @Test
    void keyIsTheLowerCaseName() {
        assertEquals("anz", Region.ANZ.key());
    }

    @Test
    void chinaAndHdsAreSeparatedFromEveryOtherRegionButThemselves() {
        for (Region one : Region.values()) {
            for (Region other : Region.values()) {
                boolean expected = one != other && (one == Region.CN || one == Region.HDS || other == Region.CN || other == Region.HDS);
                assertEquals(expected, one.separatedFrom(other), one + " / " + other);
            }
        }
    }
}
