package org.iris.residency.control;

import org.iris.platform.control.DatabaseFailures;
import org.iris.platform.entity.Region;

import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One round of a scan that decides, region by region, what a batch query finds there (invitations by
 * email, guest invitations): one item that fails for a reason of its own is logged and stops no
 * other; a database away ends the round of its region only, whose items wait for the next round.
 */
public final class RegionRounds {

    private RegionRounds() {
    }

    /**
     * @param what what is decided, in the plural, for the log
     * @param batch the items of a region waiting to be decided, a bounded number
     */
    public static <K> void decide(Collection<Region> regions, String what, Logger log, Function<Region, List<K>> batch,
                                  BiConsumer<Region, K> decide) {
        for (Region region : regions) {
            try {
                for (K item : batch.apply(region)) {
                    try {
                        decide.accept(region, item);
                    } catch (RuntimeException e) {
                        if (DatabaseFailures.unavailable(e)) {
                            throw e;
                        }
                        log.log(Level.WARNING, "One of the " + what + " of region " + region + " was not decided now", e);
                    }
                }
            } catch (RuntimeException e) {
                if (DatabaseFailures.unavailable(e)) {
                    log.warning(() -> "A database is unavailable; the " + what + " of region " + region + " wait: " + e);
                } else {
                    log.log(Level.WARNING, "Deciding the " + what + " of region " + region + " failed", e);
                }
            }
        }
    }
}
