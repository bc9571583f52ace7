package org.iris.company.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The offers a subscription is for (SPEC §1), each opening more features than the one before.
 * A member with no licence has the Essential features.
 */
public enum Offer {
    ESSENTIAL(EnumSet.of(Feature.MESSAGING, Feature.BUBBLES, Feature.FILE_SHARING)),
    BUSINESS(EnumSet.of(Feature.MESSAGING, Feature.BUBBLES, Feature.FILE_SHARING, Feature.CONFERENCES)),
    ENTERPRISE(EnumSet.allOf(Feature.class));

    /** What a member without a licence has. */
    public static final Offer WITHOUT_LICENCE = ESSENTIAL;

    private final Set<Feature> features;

    Offer(Set<Feature> features) {
        this.features = features;
    }

    public Set<Feature> features() {
        return Set.copyOf(features);
    }

    public boolean opens(Feature feature) {
        return features.contains(feature);
    }
}
