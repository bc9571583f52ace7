package org.iris.identity.entity;

import org.iris.platform.entity.Region;

import java.util.Objects;
import java.util.UUID;

/** The company an account belongs to and the region that company, and so the account, lives in. */
public record Home(UUID companyId, Region region) {

    public Home {
        Objects.requireNonNull(companyId);
        Objects.requireNonNull(region);
    }
}
