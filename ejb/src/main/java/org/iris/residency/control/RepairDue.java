package org.iris.residency.control;

import org.iris.platform.entity.Region;

import java.time.OffsetDateTime;

/**
 * It is time to repair what a crash between two commits (one per boundary) may have left in one
 * region: whatever was written before {@code settled} should by now have its other half.
 * Observers catch their own failures, so that one repair never stops another.
 */
public record RepairDue(Region region, OffsetDateTime settled) {
}
