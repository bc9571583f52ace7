package org.iris.company.entity;

import org.iris.platform.entity.Region;
import org.iris.platform.entity.VisibilityMode;

import java.util.UUID;

/**
 * A company's visibility mode changed (and its members' own modes were brought in line), in the
 * transaction of its region that is still open: the directory follows in that same transaction.
 * Fired synchronously.
 */
public record CompanyModeChanged(UUID companyId, Region region, VisibilityMode mode) {
}
