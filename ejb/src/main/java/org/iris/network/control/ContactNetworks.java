package org.iris.network.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.platform.entity.Region;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.visibility.control.Networks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A user's network as the visibility rules ask for it ({@link Networks}): their active contacts. */
@ApplicationScoped
public class ContactNetworks implements Networks {

    @Inject
    Contacts contacts;

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    @Override
    public boolean contains(Region region, UUID owner, UUID other) {
        return contacts.active(managers.of(region), owner, other).isPresent();
    }

    /** Plain JDBC, read only: this runs on every directory search. */
    @Override
    public Set<UUID> of(Region region, UUID owner) {
        Set<UUID> network = new HashSet<>();
        try (Connection connection = boundaries.dataSource(region).getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT CAST(other_id AS VARCHAR(36)) FROM contact WHERE owner_id = ? AND status = 'ACTIVE'")) {
            statement.setObject(1, owner);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    network.add(UUID.fromString(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a network in region " + region + " failed", e);
        }
        return network;
    }
}
