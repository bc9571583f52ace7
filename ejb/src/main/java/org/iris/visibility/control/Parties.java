package org.iris.visibility.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyRoutes;
import org.iris.company.entity.OrganizationMember;
import org.iris.platform.entity.VisibilityMode;
import org.iris.company.entity.VisibilityPair;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.Roles;
import org.iris.network.entity.Contact;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.platform.entity.Region;
import org.iris.visibility.control.VisibilityRules.Party;
import org.iris.visibility.control.VisibilityRules.Relation;

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
 * Reads what {@link VisibilityRules} needs from where it lives: the member's own mode from their
 * region, their company's mode, organization and pairs from {@code global}, the network from the
 * searcher's region. Reads only, outside any transaction (they span boundaries).
 */
@ApplicationScoped
public class Parties {

    /** An account and the party it is to the rules. */
    public record Located(Account account, Party party) {
    }

    @Inject
    AccountRoutes accounts;

    @Inject
    CompanyRoutes companies;

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    /** The active account of that id, wherever it lives; empty for unknown and closed accounts. */
    public Optional<Located> find(UUID accountId) {
        return accounts.find(accountId)
                .filter(account -> account.status() == Account.Status.ACTIVE)
                .flatMap(account -> of(account).map(party -> new Located(account, party)));
    }

    public Optional<Party> of(Account account) {
        return companies.find(account.companyId()).map(route -> new Party(account.id(), account.companyId(),
                account.region(), route.visibilityMode(), account.visibilityMode().orElse(null),
                organization(account.companyId()), account.roles().contains(Roles.SUPERADMIN)));
    }

    private UUID organization(UUID companyId) {
        OrganizationMember member = managers.global().find(OrganizationMember.class, companyId);
        return member == null ? null : member.organizationId();
    }

    public Relation relation(Party searcher, Party target) {
        boolean paired = !searcher.companyId().equals(target.companyId())
                && managers.global().find(VisibilityPair.class, VisibilityPair.Key.of(searcher.companyId(), target.companyId())) != null;
        return new Relation(paired, inNetwork(searcher, target.accountId()));
    }

    /** Whether the other user is in this user's network (their own half says so). */
    public boolean inNetwork(Party party, UUID other) {
        Contact contact = managers.of(party.region()).find(Contact.class, new Contact.Key(party.accountId(), other));
        return contact != null && contact.active();
    }

    /**
     * What a searcher's search may return, read in two statements (one in {@code global}, one in the
     * searcher's region) of plain JDBC: this runs on every search.
     *
     * @return empty when the account or its company is unknown (or the account is closed)
     */
    public Optional<SearchScope> scope(UUID accountId, UUID companyId, Region region) {
        VisibilityMode companyMode = null;
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
                            companyMode = VisibilityMode.valueOf(rows.getString(2));
                            organizationId = id == null ? null : UUID.fromString(id);
                        }
                        case "organization" -> organization.put(UUID.fromString(id), VisibilityMode.valueOf(rows.getString(2)));
                        default -> paired.add(UUID.fromString(id));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the search scope in global failed", e);
        }
        if (companyMode == null) {
            return Optional.empty();
        }
        boolean found = false;
        VisibilityMode memberMode = null;
        Set<UUID> network = new HashSet<>();
        try (Connection connection = boundaries.dataSource(region).getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 'me', a.visibility_mode FROM account a WHERE a.id = ? AND a.status = 'ACTIVE'"
                             + " UNION ALL SELECT 'contact', CAST(c.other_id AS VARCHAR(36)) FROM contact c"
                             + " WHERE c.owner_id = ? AND c.status = 'ACTIVE'")) {
            statement.setObject(1, accountId);
            statement.setObject(2, accountId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if ("me".equals(rows.getString(1))) {
                        found = true;
                        String mode = rows.getString(2);
                        memberMode = mode == null ? null : VisibilityMode.valueOf(mode);
                    } else {
                        network.add(UUID.fromString(rows.getString(2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the search scope in " + region + " failed", e);
        }
        if (!found) {
            return Optional.empty();
        }
        Party searcher = new Party(accountId, companyId, region, companyMode, memberMode, organizationId);
        return Optional.of(SearchScope.of(searcher, boundaries.served(), organization, paired, network));
    }
}
