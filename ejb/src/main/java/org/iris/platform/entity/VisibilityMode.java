package org.iris.platform.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** How a company's members may be found and invited from other companies (SPEC §3). */
public enum VisibilityMode {
    PUBLIC, PRIVATE, CLOSED, ISOLATED, ORGANIZATION;

    /**
     * SPEC §3's derogations: the modes an admin may give a member of a company in this mode, besides
     * the company's own (which the member inherits). The spec lists none for an organization-mode
     * company: its members follow the company.
     */
    private static final Map<VisibilityMode, Set<VisibilityMode>> MEMBER_OVERRIDES = Map.of(
            PUBLIC, EnumSet.of(PRIVATE),
            PRIVATE, EnumSet.of(PUBLIC),
            CLOSED, EnumSet.of(PUBLIC, PRIVATE),
            ISOLATED, EnumSet.noneOf(VisibilityMode.class),
            ORGANIZATION, EnumSet.noneOf(VisibilityMode.class));

    /** The modes a member of a company in this mode may be given instead of inheriting it. */
    public Set<VisibilityMode> memberOverrides() {
        return Set.copyOf(MEMBER_OVERRIDES.get(this));
    }
}
