package org.iris.platform.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A data boundary of SPEC §7. Each region is its own database; China and the healthcare (HDS)
 * instance are isolated: nothing crosses into or out of them.
 */
public enum Region {
    EMEA, DE, NA, CALA, APAC, ANZ, CN, HDS;

    /** Where standalone users and the Default company live, and the region of a company created without one. */
    public static final Region DEFAULT = EMEA;

    public boolean isolated() {
        return this == CN || this == HDS;
    }

    /** Whether an isolated boundary lies between the two regions: nobody finds, invites or meets across it. */
    public boolean separatedFrom(Region other) {
        return (isolated() || other.isolated()) && this != other;
    }

    /** The lower-case name used in configuration keys, datasource and persistence-unit names. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a comma-separated list such as {@code "EMEA, de"}.
     *
     * @throws IllegalArgumentException naming the first unknown region
     */
    public static Set<Region> parseList(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(Region::parse)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Region.class)));
    }

    /** @throws IllegalArgumentException with a message that lists the known regions */
    public static Region parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown region '" + name + "'; known regions: "
                    + Arrays.toString(values()), e);
        }
    }
}
