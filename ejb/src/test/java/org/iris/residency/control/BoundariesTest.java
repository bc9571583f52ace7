package org.iris.residency.control;

import org.iris.platform.entity.Region;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundariesTest {

    @Test
    void deploymentMayServeSomeRegionsOnly() {
        assertEquals(EnumSet.of(Region.EMEA, Region.NA), Boundaries.servedRegions("NA,EMEA"));
    }

    @Test
    void deploymentWithoutEmeaIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Boundaries.servedRegions("DE,NA"));
        assertTrue(e.getMessage().contains("EMEA"), e.getMessage());
    }
}
