package org.iris.network.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.company.control.CompanyLookup;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.EmailAddress;
import org.iris.mail.control.Outbox;
import org.iris.network.entity.NetworkInvitation;
import org.iris.network.entity.NetworkInvitation.Delivery;
import org.iris.network.entity.NetworkInvitation.Side;
import org.iris.network.entity.NetworkInvitation.Status;
import org.iris.platform.control.DatabaseFailures;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.platform.entity.Region;
import org.iris.visibility.control.Parties;
import org.iris.visibility.control.Parties.Located;
import org.iris.visibility.control.VisibilityRules;
import org.iris.visibility.control.Reach;
import org.iris.visibility.control.VisibilityRules.Verdict;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides an invitation by typed email after its inviter has been answered (the same answer whatever
 * the email is, so that inviting tells nobody who has an account): to a person with no account, a
 * mail, and a wait for them to register; to an account the rules let the inviter invite this way, the
 * invitee's side, pending (or accepted at once between colleagues); to anyone else (a closed account,
 * an isolated user, across the China or HDS boundary, someone already in the network), nothing the
 * inviter could tell from a wait: the invitation is held. Each method writes in transactions of its own.
 */
@ApplicationScoped
public class EmailInvitations {

    /** How long the mail to a person with no account is tried, and its link worth following. */
    static final Duration MAIL_VALIDITY = Duration.ofDays(7);

    @Inject
    Reach reach;

    @Inject
    Parties parties;

    @Inject
    AccountRoutes accounts;

    @Inject
    CompanyLookup companies;

    @Inject
    Contacts contacts;

    @Inject
    Halves halves;

    @Inject
    Outbox outbox;

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.public-url")
    String publicUrl;

    /** Invitations of the region waiting to be decided, oldest first. */
    public List<UUID> undecided(Region region, int batch) {
        return managers.of(region).createQuery("SELECT i.id FROM NetworkInvitation i WHERE i.delivery = :new"
                        + " ORDER BY i.createdAt", UUID.class)
                .setParameter("new", Delivery.NEW)
                .setMaxResults(batch)
                .getResultList();
    }

    /** Decides one invitation; one that fails too often is held, so that it cannot stop the others. */
    public void decide(Region region, UUID id) {
        try {
            decideNow(region, id);
        } catch (RuntimeException e) {
            if (DatabaseFailures.unavailable(e)) {
                throw e; // a database away is no fault of this invitation's: it waits for the next round
            }
            halves.one(region, manager -> {
                NetworkInvitation sent = manager.find(NetworkInvitation.class, new NetworkInvitation.Key(id, Side.SENT),
                        LockModeType.PESSIMISTIC_WRITE);
                if (sent != null && sent.delivery().orElse(null) == Delivery.NEW) {
                    sent.deliveryFailed();
                }
            });
            throw e;
        }
    }

    private void decideNow(Region region, UUID id) {
        NetworkInvitation sent = managers.of(region).find(NetworkInvitation.class, new NetworkInvitation.Key(id, Side.SENT));
        if (sent == null || sent.delivery().orElse(null) != Delivery.NEW) {
            return;
        }
        Optional<Located> inviter = parties.find(sent.ownerId());
        if (sent.status() != Status.PENDING || inviter.isEmpty()) {
            hold(region, id, Delivery.NEW);
            return;
        }
        var route = accounts.route(sent.emailHash().orElseThrow());
        if (route.isEmpty()) {
            mail(region, sent, inviter.get());
            return;
        }
        Optional<Located> invitee = parties.find(route.get().accountId());
        if (invitee.isEmpty()) {
            hold(region, id, Delivery.NEW);
        } else {
            deliver(region, id, Delivery.NEW, inviter.get(), invitee.get());
        }
    }

    /**
     * A person invited by email has registered: each invitation mailed to them is decided again, now
     * that their email has an account.
     */
    public void registered(Account account) {
        Optional<Located> invitee = parties.find(account.id());
        if (invitee.isEmpty()) {
            return;
        }
        for (Region region : boundaries.served()) {
            List<NetworkInvitation> waiting = managers.of(region)
                    .createQuery("SELECT i FROM NetworkInvitation i WHERE i.emailHash = :hash AND i.side = :sent"
                            + " AND i.delivery = :mailed", NetworkInvitation.class)
                    .setParameter("hash", account.emailHash())
                    .setParameter("sent", Side.SENT)
                    .setParameter("mailed", Delivery.MAILED)
                    .getResultList();
            for (NetworkInvitation sent : waiting) {
                Optional<Located> inviter = parties.find(sent.ownerId());
                if (sent.status() != Status.PENDING || inviter.isEmpty()) {
                    hold(region, sent.id(), Delivery.MAILED);
                } else {
                    deliver(region, sent.id(), Delivery.MAILED, inviter.get(), invitee.get());
                }
            }
        }
    }

    private void mail(Region region, NetworkInvitation sent, Located inviter) {
        if (!VisibilityRules.invitesByEmail(inviter.party())) {
            hold(region, sent.id(), Delivery.NEW);
            return;
        }
        EmailAddress email = EmailAddress.of(sent.email().orElseThrow(), "email");
        Account me = inviter.account();
        String company = companies.find(me.companyId()).map(c -> c.name()).orElse("");
        String link = publicUrl.replaceAll("/+$", "") + "/register?email=" + URLEncoder.encode(email.value(), StandardCharsets.UTF_8);
        halves.one(region, manager -> {
            NetworkInvitation locked = lock(manager, sent.id());
            if (locked.delivery().orElse(null) == Delivery.NEW) {
                locked.mailed();
                outbox.enqueue(manager, email, "network-invitation", sent.language(), Map.of(
                        "inviter", me.name().first() + " " + me.name().last(), "company", company,
                        "email", email.value(), "link", link), MAIL_VALIDITY);
            }
        });
    }

    /**
     * Gives the invitee their side as the rules between the two allow; where they do not, or where
     * the two are already in touch, holds the invitation.
     */
    private void deliver(Region inviterRegion, UUID id, Delivery expected, Located inviter, Located invitee) {
        Verdict verdict = VisibilityRules.decide(inviter.party(), invitee.party(),
                parties.relation(inviter.party(), invitee.party()));
        UUID inviterId = inviter.account().id();
        UUID inviteeId = invitee.account().id();
        Region inviteeRegion = invitee.account().region();
        if (!reach.allows(inviter, invitee, Reach.Way.BY_EMAIL) || !boundaries.serves(inviteeRegion)
                || contacts.active(managers.of(inviterRegion), inviterId, inviteeId).isPresent()
                || pendingBetween(inviterRegion, inviterId, inviteeId, true)) {
            hold(inviterRegion, id, expected);
            return;
        }
        Status status = verdict.autoAccepted() ? Status.AUTO_ACCEPTED : Status.PENDING;
        Instant now = clock.instant();
        NetworkInvitation[] delivered = new NetworkInvitation[1];
        // in one transaction when both live in one region: the repair settles only cross-region halves
        halves.both(inviterRegion, region -> {
            NetworkInvitation locked = lock(region, id);
            if (locked.delivery().orElse(null) != expected || locked.status() != Status.PENDING) {
                return;
            }
            locked.deliverTo(inviteeId, inviteeRegion, status, now);
            if (status.accepted()) {
                contacts.connect(region, inviterId, inviteeId, inviteeRegion, now);
            }
            delivered[0] = locked;
        }, inviteeRegion, region -> {
            if (delivered[0] == null) {
                return;
            }
            region.persist(NetworkInvitation.received(delivered[0], inviterRegion));
            if (status.accepted()) {
                contacts.connect(region, inviteeId, inviterId, inviterRegion, now);
            }
        });
    }

    /**
     * Whether an invitation between the two, either way, waits for an answer (read in the first one's
     * region). {@code typedToo}: counting the first one's invitations by typed email, which must not
     * count where the answer would tell them whose email they typed.
     */
    public boolean pendingBetween(Region mine, UUID me, UUID other, boolean typedToo) {
        return !managers.of(mine).createQuery("SELECT i FROM NetworkInvitation i WHERE i.ownerId = :me"
                        + " AND i.otherId = :other AND i.status = :pending"
                        + (typedToo ? "" : " AND i.email IS NULL"), NetworkInvitation.class)
                .setParameter("me", me)
                .setParameter("other", other.toString())
                .setParameter("pending", Status.PENDING)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    private void hold(Region region, UUID id, Delivery expected) {
        halves.one(region, manager -> {
            NetworkInvitation locked = lock(manager, id);
            if (locked.delivery().orElse(null) == expected) {
                locked.hold();
            }
        });
    }

    private static NetworkInvitation lock(EntityManager region, UUID id) {
        return region.find(NetworkInvitation.class, new NetworkInvitation.Key(id, Side.SENT), LockModeType.PESSIMISTIC_WRITE);
    }
}
