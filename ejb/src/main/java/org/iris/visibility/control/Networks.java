package org.iris.visibility.control;

import org.iris.platform.entity.Region;

import java.util.Set;
import java.util.UUID;

/**
 * What the visibility rules need to know of networks, which sit above them (a user's network is
 * always searchable, SPEC §3; presence is for the network, §4). The network feature implements it;
 * visibility never reads its tables.
 */
public interface Networks {

    /** Whether {@code other} is in the network of {@code owner}, who lives in {@code region}. */
    boolean contains(Region region, UUID owner, UUID other);

    /** The network of {@code owner}, who lives in {@code region}: read on every search, so cheaply. */
    Set<UUID> of(Region region, UUID owner);
}
