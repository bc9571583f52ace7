package org.iris.residency.control;

import org.iris.platform.entity.Region;

import java.time.OffsetDateTime;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * It is time to repair what a crash between two commits (one per boundary) may have left in one
 * region: whatever was written before {@code settled} should by now have its other half.
 * Observers run their work through {@link #repair}, so that one repair never stops another.
 */
public record RepairDue(Region region, OffsetDateTime settled) {

    /**
     * Runs one feature's repair of this region and logs how much it found to repair; a failure is
     * logged and left to the next round, so that one region (or one repair) down stops no other.
     *
     * @param what what is repaired, for the log ("account routes")
     * @param work the repair, answering how many rows it repaired
     */
    public void repair(String what, Logger log, IntSupplier work) {
        try {
            int repaired = work.getAsInt();
            if (repaired > 0) {
                log.warning(() -> "Repaired " + repaired + " " + what + " of region " + region);
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "The repair of " + what + " of region " + region + " failed; the next round tries again", e);
        }
    }
}
