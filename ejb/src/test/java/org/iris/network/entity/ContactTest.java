package org.iris.network.entity;

import org.iris.platform.entity.Region;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two halves of a contact live in two regions; {@link Contact#settle} brings one in step with the other. */
class ContactTest {

    private static final UUID ANA = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Contact anasHalf(Instant since) {
        return Contact.of(ANA, BEN, Region.NA, since);
    }

    private static Contact bensHalf(Instant since) {
        return Contact.of(BEN, ANA, Region.EMEA, since);
    }

    /** This half settles from the other, and then stands as the other does. */
    private static void assertTakesOver(Contact mine, Contact theirs) {
        assertTrue(mine.settle(theirs));
        assertEquals(theirs.status(), mine.status());
        assertEquals(theirs.since(), mine.since());
        assertEquals(theirs.changedAt(), mine.changedAt());
    }

    @Test
    void laterRevocationOnTheOtherHalfRevokesThisOneAndDropsTheFavorite() {
        Contact ana = anasHalf(T0);
        ana.favor(true);
        Contact ben = bensHalf(T0);
        ben.revoke(T0.plusSeconds(60));

        assertTakesOver(ana, ben);
        assertEquals(Contact.Status.REVOKED, ana.status());
        assertFalse(ana.favorite());
    }

    @Test
    void laterRenewalOnTheOtherHalfRenewsThisOneWithItsDate() {
        Contact ana = anasHalf(T0);
        ana.revoke(T0.plusSeconds(10));
        Contact ben = bensHalf(T0);
        ben.revoke(T0.plusSeconds(10));
        ben.renew(T0.plusSeconds(120));

        assertTakesOver(ana, ben);
        assertTrue(ana.active());
    }

    @Test
    void anOlderOtherHalfChangesNothing() {
        Contact ben = bensHalf(T0);
        ben.revoke(T0.plusSeconds(10));
        Contact ana = anasHalf(T0);
        ana.revoke(T0.plusSeconds(20));
        ana.renew(T0.plusSeconds(30));

        assertFalse(ana.settle(ben), "ana renewed after ben revoked: ana's half is right");
        assertTrue(ana.active());
        assertEquals(T0.plusSeconds(30), ana.changedAt().toInstant());
    }

    @Test
    void anEqualStatusKeepsThisHalfsFavoriteAndDates() {
        Contact ana = anasHalf(T0);
        ana.favor(true);
        Contact ben = bensHalf(T0.plusSeconds(5));

        assertFalse(ana.settle(ben));
        assertTrue(ana.favorite(), "favorites are each owner's own");
        assertEquals(T0, ana.since().toInstant());
    }

    @Test
    void aMirrorIsTheOtherHalfSeenFromTheOtherSide() {
        Contact ben = bensHalf(T0);
        Contact ana = Contact.mirror(ben, Region.EMEA);

        assertEquals(ANA, ana.ownerId());
        assertEquals(BEN, ana.otherId());
        assertEquals(Region.EMEA, ana.otherRegion());
        assertEquals(ben.status(), ana.status());
        assertEquals(ben.since(), ana.since());
        assertFalse(ana.settle(ben), "a mirror is already in step");
    }
}
