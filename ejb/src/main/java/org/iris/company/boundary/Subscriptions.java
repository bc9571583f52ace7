package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.iris.company.control.CompanyAccess;
import org.iris.company.control.Licences;
import org.iris.company.control.SubscriptionRights.Action;
import org.iris.company.entity.Company;
import org.iris.company.entity.Licence;
import org.iris.company.entity.Offer;
import org.iris.company.entity.Subscription;
import org.iris.identity.control.AccountRoutes;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A company's subscriptions to the offers and the licences allocated from them (SPEC §1's
 * subscription table): creating, managing (seats, billing, cancelling) and allocating are three
 * rights. Everything lives in the company's region; each write is one transaction there, after the
 * access check has read {@code global} (one boundary per transaction).
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Subscriptions {

    /** A subscription and how many of its seats are taken. */
    public record Seats(Subscription subscription, long allocated) {
    }

    /** What a manager changes; an empty field stays as it is. */
    public record Change(Optional<Integer> seats, Optional<Subscription.Billing> billing, boolean cancel) {
    }

    @Inject
    CompanyAccess access;

    @Inject
    EntityManagers managers;

    @Inject
    AccountRoutes accounts;

    @Inject
    Licences licences;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    public Seats create(Caller caller, UUID companyId, Offer offer, Subscription.Billing billing, int seats) {
        Company company = access.require(caller, companyId, Action.CREATE);
        Subscription subscription = Subscription.create(companyId, offer, billing, seats, clock.instant());
        EntityManager region = managers.of(company.region());
        transactions.run(() -> {
            region.persist(subscription);
        });
        return new Seats(subscription, 0);
    }

    /** For whoever holds any of the three rights on the company. */
    public List<Seats> list(Caller caller, UUID companyId) {
        Company company = access.require(caller, companyId, Action.values());
        EntityManager region = managers.of(company.region());
        return region.createQuery("SELECT s FROM Subscription s WHERE s.companyId = :id ORDER BY s.createdAt, s.id", Subscription.class)
                .setParameter("id", companyId)
                .getResultStream()
                .map(subscription -> new Seats(subscription, licences.allocated(region, subscription.id())))
                .toList();
    }

    public Seats get(Caller caller, UUID companyId, UUID subscriptionId) {
        Company company = access.require(caller, companyId, Action.values());
        EntityManager region = managers.of(company.region());
        return new Seats(subscription(region, companyId, subscriptionId, false), licences.allocated(region, subscriptionId));
    }

    /** Resizes, rebills or cancels; cancelling releases every licence of the subscription. */
    public Seats update(Caller caller, UUID companyId, UUID subscriptionId, Change change) {
        Company company = access.require(caller, companyId, Action.MANAGE);
        EntityManager region = managers.of(company.region());
        return transactions.commit(() -> {
            Subscription subscription = subscription(region, companyId, subscriptionId, true);
            change.seats().ifPresent(seats -> subscription.resize(seats, licences.allocated(region, subscriptionId)));
            change.billing().ifPresent(subscription::bill);
            if (change.cancel()) {
                region.createQuery("DELETE FROM Licence l WHERE l.subscriptionId = :id").setParameter("id", subscriptionId).executeUpdate();
                subscription.cancel();
            }
            return new Seats(subscription, licences.allocated(region, subscriptionId));
        });
    }

    /** Gives a member a seat of the subscription, in place of the licence they had, if any. */
    public Offer allocate(Caller caller, UUID companyId, UUID memberId, UUID subscriptionId) {
        Company company = access.require(caller, companyId, Action.ALLOCATE);
        EntityManager region = managers.of(company.region());
        member(company, memberId);
        if (subscriptionId == null) {
            throw new InvalidRequest("Name the subscription.", List.of(new FieldError("subscriptionId", "required")));
        }
        return transactions.commit(() -> {
            // Locked, so that two allocations at once cannot take the same last seat.
            Subscription subscription = subscription(region, companyId, subscriptionId, true);
            Licence current = region.find(Licence.class, memberId);
            if (current != null && current.subscriptionId().equals(subscriptionId)) {
                return subscription.offer();
            }
            subscription.checkSeatFree(licences.allocated(region, subscriptionId));
            if (current != null) {
                region.remove(current);
                region.flush();
            }
            region.persist(Licence.of(memberId, subscriptionId, clock.instant()));
            return subscription.offer();
        });
    }

    public void release(Caller caller, UUID companyId, UUID memberId) {
        Company company = access.require(caller, companyId, Action.ALLOCATE);
        EntityManager region = managers.of(company.region());
        member(company, memberId);
        transactions.run(() -> {
            Licence current = region.find(Licence.class, memberId);
            if (current == null) {
                throw new NotFound("licence");
            }
            region.remove(current);
        });
    }

    private void member(Company company, UUID memberId) {
        accounts.member(company.region(), company.id(), memberId).orElseThrow(() -> new NotFound("member"));
    }

    private static Subscription subscription(EntityManager region, UUID companyId, UUID subscriptionId, boolean lock) {
        Subscription subscription = lock ? region.find(Subscription.class, subscriptionId, LockModeType.PESSIMISTIC_WRITE)
                : region.find(Subscription.class, subscriptionId);
        if (subscription == null || !subscription.companyId().equals(companyId)) {
            throw new NotFound("subscription");
        }
        return subscription;
    }
}
