package org.iris.company.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.iris.company.entity.Offer;
import org.iris.company.entity.Subscription;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Which offer members hold through their licence (SPEC §1: the licence decides the features). */
@ApplicationScoped
public class Licences {

    /** The offer of the member's licence, if they hold one of an active subscription. */
    public Optional<Offer> offer(EntityManager region, UUID accountId) {
        return offers(region, List.of(accountId)).values().stream().findFirst();
    }

    /** The offer of each licensed member among the given ones. */
    public Map<UUID, Offer> offers(EntityManager region, Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return region.createQuery("SELECT l.accountId, s.offer FROM Licence l, Subscription s"
                        + " WHERE s.id = l.subscriptionId AND s.status = :active AND l.accountId IN :ids", Object[].class)
                .setParameter("active", Subscription.Status.ACTIVE)
                .setParameter("ids", accountIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Offer) row[1]));
    }

    /** The offer whose features the member has: their licence's, else {@link Offer#WITHOUT_LICENCE}. */
    public Offer effective(EntityManager region, UUID accountId) {
        return offer(region, accountId).orElse(Offer.WITHOUT_LICENCE);
    }

    /** How many licences of the subscription are allocated; runs in the caller's transaction. */
    public long allocated(EntityManager region, UUID subscriptionId) {
        return region.createQuery("SELECT count(l) FROM Licence l WHERE l.subscriptionId = :id", Long.class)
                .setParameter("id", subscriptionId)
                .getSingleResult();
    }
}
