package org.iris.visibility.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyRoutes;
import org.iris.company.entity.CompanyRoute;
import org.iris.company.entity.OrganizationMember;
import org.iris.company.entity.VisibilityMode;
import org.iris.company.entity.VisibilityPair;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.entity.Account;
import org.iris.network.entity.Contact;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.visibility.control.VisibilityRules.Party;
import org.iris.visibility.control.VisibilityRules.Relation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
                organization(account.companyId())));
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

    /** What the searcher's search may return. */
    public SearchScope scope(Party searcher) {
        Map<UUID, VisibilityMode> organization = new HashMap<>();
        if (searcher.organizationId() != null) {
            managers.global()
                    .createQuery("SELECT r FROM CompanyRoute r, OrganizationMember m WHERE m.companyId = r.companyId"
                            + " AND m.organizationId = :organization", CompanyRoute.class)
                    .setParameter("organization", searcher.organizationId())
                    .getResultStream()
                    .forEach(route -> organization.put(route.companyId(), route.visibilityMode()));
        }
        Set<UUID> paired = new HashSet<>();
        managers.global()
                .createQuery("SELECT p FROM VisibilityPair p WHERE p.companyId = :id OR p.otherId = :id", VisibilityPair.class)
                .setParameter("id", searcher.companyId())
                .getResultStream()
                .forEach(pair -> paired.add(pair.other(searcher.companyId())));
        List<UUID> network = managers.of(searcher.region())
                .createQuery("SELECT c.otherId FROM Contact c WHERE c.ownerId = :me AND c.status = :active", UUID.class)
                .setParameter("me", searcher.accountId())
                .setParameter("active", Contact.Status.ACTIVE)
                .getResultList();
        return SearchScope.of(searcher, boundaries.served(), organization, paired, Set.copyOf(network));
    }
}
