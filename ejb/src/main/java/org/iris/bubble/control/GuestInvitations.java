package org.iris.bubble.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.bubble.entity.Bubble;
import org.iris.bubble.entity.BubbleEvent;
import org.iris.bubble.entity.BubbleEvent.Kind;
import org.iris.bubble.entity.BubbleRole;
import org.iris.bubble.entity.Participant;
import org.iris.bubble.entity.Participant.Delivery;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.entity.Account;
import org.iris.mail.control.Outbox;
import org.iris.platform.control.DatabaseFailures;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Region;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RegionalTokens;
import org.iris.residency.control.Transactions;
import org.iris.visibility.control.Parties;
import org.iris.visibility.control.Parties.Located;
import org.iris.visibility.control.Reach;
import org.iris.visibility.control.VisibilityRules;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a guest invitation after its adder has been answered (the same answer whatever the email
 * is): the invitation is mailed (en/fr, a link that gives a guest token, and the suggestion to create
 * an account with that address) unless the address is an account that the adder's rules do not let
 * them invite, closed, or across the China or HDS boundary, or already in the bubble: then it is held,
 * and looks to the adder like an invitation nobody opened. An account opened with an invited address
 * turns each such guest into a member. Each method writes in transactions of its own.
 */
@ApplicationScoped
public class GuestInvitations {

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    AccountRoutes accounts;

    @Inject
    Parties parties;

    @Inject
    Reach reach;

    @Inject
    Outbox outbox;

    @Inject
    Event<BubbleEvent> events;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.public-url")
    String publicUrl;

    /** Guest invitations of the region waiting to be decided, oldest first. */
    public List<Participant.Key> undecided(Region region, int batch) {
        return managers.of(region).createQuery("SELECT p FROM Participant p WHERE p.delivery = :new ORDER BY p.addedAt",
                        Participant.class)
                .setParameter("new", Delivery.NEW)
                .setMaxResults(batch)
                .getResultList().stream()
                .map(p -> new Participant.Key(p.bubbleId(), p.participantId()))
                .toList();
    }

    /** Mails or holds one invitation; one that fails for a reason of its own is held, so that it stops no other. */
    public void decide(Region region, Participant.Key key) {
        try {
            decideNow(region, key);
        } catch (RuntimeException e) {
            if (DatabaseFailures.unavailable(e)) {
                throw e;
            }
            transactions.run(() -> Optional.ofNullable(managers.of(region).find(Participant.class, key,
                            LockModeType.PESSIMISTIC_WRITE))
                    .filter(p -> p.delivery().orElse(null) == Delivery.NEW)
                    .ifPresent(Participant::held));
            throw e;
        }
    }

    private void decideNow(Region region, Participant.Key key) {
        Participant invited = managers.of(region).find(Participant.class, key);
        if (invited == null || invited.delivery().orElse(null) != Delivery.NEW) {
            return;
        }
        Optional<Located> adder = parties.find(invited.addedBy());
        boolean mail = adder.isPresent() && VisibilityRules.invitesByEmail(adder.get().party())
                && accounts.route(invited.emailHash().orElseThrow())
                        .map(route -> mayMeet(adder.get(), route.accountId(), region, invited.bubbleId()))
                        .orElse(true);
        String link = RegionalTokens.draw(region);
        String adderName = adder.map(a -> a.account().name().first() + " " + a.account().name().last()).orElse("");
        transactions.run(() -> {
            EntityManager manager = managers.of(region);
            Participant locked = manager.find(Participant.class, key, LockModeType.PESSIMISTIC_WRITE);
            Bubble bubble = manager.find(Bubble.class, key.bubbleId());
            if (locked == null || bubble == null || locked.delivery().orElse(null) != Delivery.NEW) {
                return;
            }
            if (!mail || bubble.archived()) {
                locked.held();
                return;
            }
            locked.mailed(RegionalTokens.hash(link));
            Instant expires = locked.expiresAt().orElseThrow();
            EmailAddress to = EmailAddress.of(locked.email().orElseThrow(), "email");
            outbox.enqueue(manager, to, "bubble-invitation", locked.language(), Map.of(
                    "inviter", adderName, "bubble", bubble.name(), "email", to.value(),
                    "link", publicUrl.replaceAll("/+$", "") + "/guest?token=" + URLEncoder.encode(link, StandardCharsets.UTF_8),
                    "register", publicUrl.replaceAll("/+$", "") + "/register?email="
                            + URLEncoder.encode(to.value(), StandardCharsets.UTF_8),
                    "expires", expires.toString().substring(0, 10)), Duration.between(clock.instant(), expires));
        });
    }

    /**
     * Removes up to {@code batch} guests of the region whose invitation has ended (held ones too, and
     * the address they hold): guests expire by themselves. Each goes in its own transaction.
     *
     * @return how many went
     */
    public int purgeExpired(Region region, Instant now, int batch) {
        List<Participant.Key> ended = managers.of(region).createQuery("SELECT p FROM Participant p WHERE p.kind = :guest"
                        + " AND p.expiresAt <= :now ORDER BY p.expiresAt", Participant.class)
                .setParameter("guest", Participant.Kind.GUEST)
                .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                .setMaxResults(batch)
                .getResultList().stream()
                .map(p -> new Participant.Key(p.bubbleId(), p.participantId()))
                .toList();
        int removed = 0;
        for (Participant.Key key : ended) {
            boolean gone = transactions.commit(() -> {
                EntityManager manager = managers.of(region);
                Participant locked = manager.find(Participant.class, key, LockModeType.PESSIMISTIC_WRITE);
                if (locked == null || locked.guestValidAt(now)) {
                    return false;
                }
                Participations.remove(manager, locked); // out of the conference and its lobby too
                events.fire(BubbleEvent.of(Kind.PARTICIPANT_REMOVED, key.bubbleId(), region, locked.participantId()));
                return true;
            });
            removed += gone ? 1 : 0;
        }
        return removed;
    }

    /** Whether an account of that address may be invited by the adder into a bubble of that region. */
    private boolean mayMeet(Located adder, java.util.UUID accountId, Region region, java.util.UUID bubbleId) {
        Optional<Located> invitee = reach.find(adder, accountId, Reach.Way.BY_EMAIL);
        if (invitee.isEmpty() || invitee.get().account().region().separatedFrom(region)) {
            return false;
        }
        return managers.of(region).find(Participant.class, new Participant.Key(bubbleId, accountId)) == null;
    }

    /**
     * Turns each guest invited with this account's address into a member, where the adder's rules
     * let them meet (an account opened with that address, or signed in to accept the link).
     *
     * @return how many bubbles the account joined
     */
    public int registered(Account account, List<Region> regions) {
        int joined = 0;
        for (Region region : regions) {
            List<Participant> invited = managers.of(region).createQuery("SELECT p FROM Participant p"
                            + " WHERE p.emailHash = :hash AND p.kind = :guest", Participant.class)
                    .setParameter("hash", account.emailHash())
                    .setParameter("guest", Participant.Kind.GUEST)
                    .getResultList();
            for (Participant guest : invited) {
                if (becomeMember(region, guest, account)) {
                    joined++;
                }
            }
        }
        return joined;
    }

    /** Replaces the guest by the account, as a member; false where the rules or the bubble's state refuse. */
    public boolean becomeMember(Region region, Participant guest, Account account) {
        Instant now = clock.instant();
        Optional<Located> adder = parties.find(guest.addedBy());
        if (!guest.guestValidAt(now) || adder.isEmpty()
                || !mayMeet(adder.get(), account.id(), region, guest.bubbleId())) {
            return false;
        }
        return transactions.commit(() -> {
            EntityManager manager = managers.of(region);
            Bubble bubble = manager.find(Bubble.class, guest.bubbleId(), LockModeType.PESSIMISTIC_WRITE);
            Participant locked = manager.find(Participant.class, new Participant.Key(guest.bubbleId(), guest.participantId()));
            if (bubble == null || bubble.archived() || locked == null
                    || manager.find(Participant.class, new Participant.Key(guest.bubbleId(), account.id())) != null) {
                return false;
            }
            Participations.remove(manager, locked); // the guest's place in the conference goes; the member joins afresh
            manager.flush();
            manager.persist(Participant.account(guest.bubbleId(), account.id(), account.region(), BubbleRole.MEMBER,
                    guest.addedBy(), now));
            events.fire(BubbleEvent.of(Kind.PARTICIPANT_REMOVED, bubble.id(), region, guest.participantId()));
            events.fire(BubbleEvent.of(Kind.PARTICIPANT_ADDED, bubble.id(), region, account.id()));
            return true;
        });
    }
}
