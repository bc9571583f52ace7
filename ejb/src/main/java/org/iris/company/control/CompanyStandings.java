package org.iris.company.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.company.entity.OrganizationMember;
import org.iris.company.entity.VisibilityPair;
import org.iris.platform.entity.VisibilityMode;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the visibility rules need to know of companies (SPEC §3), read from {@code global}: a
 * company's mode, its organization and that organization's companies, its "visibility by" pairs.
 */
@ApplicationScoped
public class CompanyStandings {

    /**
     * One company as a searcher's search needs it.
     *
     * @param organization the companies of its organization (its own included) and their modes
     */
    public record Standing(VisibilityMode mode, UUID organizationId, Map<UUID, VisibilityMode> organization,
                           Set<UUID> paired) {
    }

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    /** The company's organization, if it is in one. */
    public Optional<UUID> organizationOf(UUID companyId) {
        return Optional.ofNullable(managers.global().find(OrganizationMember.class, companyId))
                .map(OrganizationMember::organizationId);
    }

    /** Whether the two (different) companies are a "visibility by" pair. */
    public boolean paired(UUID one, UUID other) {
        return !one.equals(other) && managers.global().find(VisibilityPair.class, VisibilityPair.Key.of(one, other)) != null;
    }

    /**
     * Everything a search of a member of the company needs of companies, in one statement of plain
     * JDBC: this runs on every search.
     *
     * @return empty for an unknown company
     */
    public Optional<Standing> standing(UUID companyId) {
        VisibilityMode mode = null;
        UUID organizationId = null;
        Map<UUID, VisibilityMode> organization = new HashMap<>();
        Set<UUID> paired = new HashSet<>();
        try (Connection connection = boundaries.globalDataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 'company', r.visibility_mode, CAST(m.organization_id AS VARCHAR(36)) FROM company_route r"
                             + " LEFT JOIN organization_member m ON m.company_id = r.company_id WHERE r.company_id = ?"
                             + " UNION ALL SELECT 'organization', r.visibility_mode, CAST(r.company_id AS VARCHAR(36))"
                             + " FROM organization_member mine JOIN organization_member m ON m.organization_id = mine.organization_id"
                             + " JOIN company_route r ON r.company_id = m.company_id WHERE mine.company_id = ?"
                             + " UNION ALL SELECT 'pair', NULL, CAST(CASE WHEN p.company_id = ? THEN p.other_id ELSE p.company_id END"
                             + " AS VARCHAR(36)) FROM visibility_pair p WHERE p.company_id = ? OR p.other_id = ?")) {
            for (int i = 1; i <= 5; i++) {
                statement.setObject(i, companyId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String kind = rows.getString(1);
                    String id = rows.getString(3);
                    switch (kind) {
                        case "company" -> {
                            mode = VisibilityMode.valueOf(rows.getString(2));
                            organizationId = id == null ? null : UUID.fromString(id);
                        }
                        case "organization" -> organization.put(UUID.fromString(id), VisibilityMode.valueOf(rows.getString(2)));
                        default -> paired.add(UUID.fromString(id));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the standing of a company in global failed", e);
        }
        return mode == null ? Optional.empty() : Optional.of(new Standing(mode, organizationId, organization, paired));
    }
}
