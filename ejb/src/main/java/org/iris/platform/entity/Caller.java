package org.iris.platform.entity;

import org.iris.platform.entity.Region;

import java.util.Set;
import java.util.UUID;

/** Who is calling, as their verified access token says: account, company, region and roles. */
public record Caller(UUID accountId, UUID companyId, Region region, Set<String> roles) {

    /** The access token's claims that name the caller's company and region (its subject is the account). */
    public static final String COMPANY_CLAIM = "company";
    public static final String REGION_CLAIM = "region";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean holds(String role) {
        return roles.contains(role);
    }
}
