package org.iris.visibility.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyRoutes;
import org.iris.company.control.CompanyStandings;
import org.iris.platform.entity.VisibilityMode;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.Roles;
import org.iris.residency.control.Boundaries;
import org.iris.platform.entity.Region;
import org.iris.visibility.control.VisibilityRules.Party;
import org.iris.visibility.control.VisibilityRules.Relation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what {@link VisibilityRules} needs from the features that hold it: the account (identity),
 * its company's mode, organization and pairs (company), the network ({@link Networks}). Reads only,
 * outside any transaction (they span boundaries).
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
    CompanyStandings standings;

    @Inject
    Networks networks;

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
                standings.organizationOf(account.companyId()).orElse(null), account.roles().contains(Roles.SUPERADMIN)));
    }

    public Relation relation(Party searcher, Party target) {
        return new Relation(standings.paired(searcher.companyId(), target.companyId()), inNetwork(searcher, target.accountId()));
    }

    /** Whether the other user is in this user's network (their own half says so). */
    public boolean inNetwork(Party party, UUID other) {
        return networks.contains(party.region(), party.accountId(), other);
    }

    /**
     * What a searcher's search may return, read in three statements of plain JDBC (the companies'
     * standing in {@code global}, the searcher's own mode in the directory, their network): this runs
     * on every search.
     *
     * @return empty when the account or its company is unknown (or the account is closed)
     */
    public Optional<SearchScope> scope(UUID accountId, UUID companyId, Region region) {
        Optional<CompanyStandings.Standing> standing = standings.standing(companyId);
        if (standing.isEmpty()) {
            return Optional.empty();
        }
        Optional<Optional<VisibilityMode>> memberMode = listedMode(accountId, region)
                .or(() -> accounts.find(region, accountId)  // not listed: a superadmin, or not yet in the directory
                        .filter(account -> account.status() == Account.Status.ACTIVE)
                        .map(Account::visibilityMode));
        if (memberMode.isEmpty()) {
            return Optional.empty();
        }
        CompanyStandings.Standing company = standing.get();
        Party searcher = new Party(accountId, companyId, region, company.mode(), memberMode.get().orElse(null),
                company.organizationId());
        return Optional.of(SearchScope.of(searcher, boundaries.served(), company.organization(), company.paired(),
                networks.of(region, accountId)));
    }

    /** The listed user's own mode (empty inside when they inherit the company's); empty when not listed. */
    private Optional<Optional<VisibilityMode>> listedMode(UUID accountId, Region region) {
        try (Connection connection = boundaries.dataSource(region).getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT member_mode FROM directory_person WHERE account_id = ?")) {
            statement.setObject(1, accountId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String mode = rows.getString(1);
                return Optional.of(Optional.ofNullable(mode).map(VisibilityMode::valueOf));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the search scope in " + region + " failed", e);
        }
    }
}
