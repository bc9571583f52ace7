package org.iris.network.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Emails;
import org.iris.identity.control.InvitationBudget;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.platform.entity.Roles;
import org.iris.network.control.Contacts;
import org.iris.network.control.EmailInvitations;
import org.iris.network.control.Halves;
import org.iris.network.entity.NetworkInvitation;
import org.iris.network.entity.NetworkInvitation.Side;
import org.iris.network.entity.NetworkInvitation.Status;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.platform.control.Page;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.platform.entity.Region;
import org.iris.visibility.control.Parties;
import org.iris.visibility.control.Parties.Located;
import org.iris.visibility.control.VisibilityRules;
import org.iris.visibility.control.Reach;
import org.iris.visibility.control.VisibilityRules.Verdict;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations to join someone's network (SPEC §4), as the visibility rules allow them (SPEC §3):
 * a colleague's is accepted at once; another company's waits for the invitee, who accepts or declines,
 * and the inviter may cancel it while it waits. Each side lives in its owner's region: a change writes
 * the acting user's side first, then the other's ({@link Halves}; {@link NetworkRepair} settles
 * a pair of sides that a crash left apart). An invitation by email is answered alike whatever the
 * email is, and decided afterwards ({@link InvitationDelivery}): mailed to a person with no account,
 * who may register, given to an account the rules let the inviter invite, held otherwise.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NetworkInvitations {

    /** One side of an invitation and the other user (empty for a person invited by email who has no account yet). */
    public record View(NetworkInvitation side, Optional<Account> other) {
    }

    @Inject
    Reach reach;

    @Inject
    Parties parties;

    @Inject
    AccountRoutes accounts;

    @Inject
    Contacts contacts;

    @Inject
    Halves halves;

    @Inject
    EmailInvitations emailInvitations;

    @Inject
    Emails emails;

    @Inject
    InvitationBudget budget;

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /**
     * Invites a user known by id (as search showed them), or anyone by exact email. By id, the answer
     * is the invitation, with the user. By email, it is the same whatever the email is, naming no one:
     * the invitation is decided afterwards ({@link EmailInvitations}), and its inviter learns who it
     * reached only once it is accepted. Either way a user may send {@code iris.invitations.max-per-hour}
     * and {@code iris.invitations.max-per-day} at most.
     *
     * @throws NotFound for a user the rules do not let the caller invite by id, alike to an unknown one
     */
    public View invite(Caller caller, UUID userId, String rawEmail, String rawLanguage) {
        if ((userId == null) == (rawEmail == null)) {
            throw new InvalidRequest("Name the person to invite by userId or by email, not both.",
                    List.of(new FieldError(userId == null ? "userId" : "email", "exactly one of userId and email")));
        }
        Optional<Language> language = Optional.ofNullable(rawLanguage).map(code -> Language.parse(code, "lang"));
        Optional<EmailAddress> email = Optional.ofNullable(rawEmail).map(raw -> EmailAddress.of(raw, "email"));
        Located me = parties.find(caller.accountId()).orElseThrow(() -> new NotFound("account"));
        Instant now = clock.instant();
        budget.network(caller.accountId(), now);
        if (email.isPresent()) {
            return inviteByEmail(me, email.get(), language.orElse(me.account().language()), now);
        }
        if (userId.equals(caller.accountId())) {
            throw new InvalidRequest("You cannot invite yourself.");
        }
        // one the caller may not reach by id is told alike to an unknown one (their exact email may still reach them)
        Located target = reach.find(me, userId, Reach.Way.BY_ID).orElseThrow(() -> new NotFound("user"));
        return invite(me, target, language, now);
    }

    private View invite(Located me, Located target, Optional<Language> language, Instant now) {
        Verdict verdict = VisibilityRules.decide(me.party(), target.party(), parties.relation(me.party(), target.party()));
        Region mine = me.account().region();
        Region theirs = target.account().region();
        UUID myId = me.account().id();
        UUID theirId = target.account().id();
        if (contacts.active(managers.of(mine), myId, theirId).isPresent()) {
            throw new Conflict("This user is already in your network.");
        }
        if (emailInvitations.pendingBetween(mine, myId, theirId, false)) {
            throw new Conflict("An invitation between you and this user is already waiting for an answer.");
        }
        Status status = verdict.autoAccepted() ? Status.AUTO_ACCEPTED : Status.PENDING;
        NetworkInvitation sent = NetworkInvitation.sent(UUID.randomUUID(), myId, theirId, theirs,
                language.orElse(me.account().language()), status, now);
        NetworkInvitation received = NetworkInvitation.received(sent, mine);
        halves.both(mine, region -> {
            region.persist(sent);
            if (status.accepted()) {
                contacts.connect(region, myId, theirId, theirs, now);
            }
        }, theirs, region -> {
            region.persist(received);
            if (status.accepted()) {
                contacts.connect(region, theirId, myId, mine, now);
            }
        });
        return new View(sent, Optional.of(target.account()));
    }

    /**
     * Records the invitation, to be decided after this answer: what is done here depends only on the
     * caller (their own email, their own invitations waiting), never on what the email is.
     */
    private View inviteByEmail(Located me, EmailAddress email, Language language, Instant now) {
        if (!VisibilityRules.invitesByEmail(me.party())) {
            throw new Forbidden("Members of an isolated company invite nobody by email; invite colleagues from search.");
        }
        String emailHash = emails.hash(email);
        if (emailHash.equals(me.account().emailHash())) {
            throw new InvalidRequest("You cannot invite yourself.");
        }
        Region mine = me.account().region();
        boolean waiting = !managers.of(mine).createQuery("SELECT i FROM NetworkInvitation i WHERE i.ownerId = :me"
                        + " AND i.side = :sent AND i.emailHash = :hash AND i.status IN :open", NetworkInvitation.class)
                .setParameter("me", me.account().id())
                .setParameter("sent", Side.SENT)
                .setParameter("hash", emailHash)
                .setParameter("open", List.of(Status.PENDING, Status.DECLINED))
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (waiting) {
            throw new Conflict("An invitation to this address is already waiting for an answer.");
        }
        NetworkInvitation sent = NetworkInvitation.sentByEmail(UUID.randomUUID(), me.account().id(), email, emailHash,
                language, now);
        halves.one(mine, region -> region.persist(sent));
        return new View(sent, Optional.empty());
    }

    /** The caller's received or sent invitations, newest first. */
    public List<View> list(Caller caller, Side direction, Page page) {
        List<NetworkInvitation> sides = managers.of(caller.region())
                .createQuery("SELECT i FROM NetworkInvitation i WHERE i.ownerId = :me AND i.side = :side"
                        + " ORDER BY i.createdAt DESC, i.id", NetworkInvitation.class)
                .setParameter("me", caller.accountId())
                .setParameter("side", direction)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        return sides.stream().map(this::view).toList();
    }

    public View get(Caller caller, UUID id) {
        return view(mine(caller, id, null));
    }

    /** The side with the other user, where its owner may see them (see {@link NetworkInvitation#otherShown}). */
    private View view(NetworkInvitation side) {
        if (!side.otherShown()) {
            return new View(side, Optional.empty());
        }
        return new View(side, side.otherId().flatMap(other -> side.otherRegion()
                .flatMap(region -> boundaries.serves(region) ? accounts.find(region, other) : Optional.empty())));
    }

    public View accept(Caller caller, UUID id) {
        return decide(caller, id, Side.RECEIVED, Status.ACCEPTED);
    }

    public View decline(Caller caller, UUID id) {
        return decide(caller, id, Side.RECEIVED, Status.DECLINED);
    }

    public View cancel(Caller caller, UUID id) {
        return decide(caller, id, Side.SENT, Status.CANCELED);
    }

    /**
     * Decides the caller's side, then mirrors the decision on the other side; an acceptance makes each
     * user the other's contact, each in their own region. Who the other side is, is read under the
     * lock: an invitation by email may have reached its invitee a moment ago.
     */
    private View decide(Caller caller, UUID id, Side side, Status decision) {
        mine(caller, id, side);
        Instant now = clock.instant();
        Region mine = caller.region();
        Side opposite = side == Side.SENT ? Side.RECEIVED : Side.SENT;
        java.util.function.BiConsumer<EntityManager, NetworkInvitation> theirSide = (region, decided) -> {
            NetworkInvitation counterpart = region.find(NetworkInvitation.class, new NetworkInvitation.Key(id, opposite),
                    LockModeType.PESSIMISTIC_WRITE);
            if (counterpart != null) {
                counterpart.settle(decided);
            }
            if (decision.accepted()) {
                contacts.connect(region, decided.otherId().orElseThrow(), caller.accountId(), mine, now);
            }
        };
        NetworkInvitation decided = transactions.commit(() -> {
            EntityManager region = managers.of(mine);
            NetworkInvitation locked = region.find(NetworkInvitation.class, new NetworkInvitation.Key(id, side),
                    LockModeType.PESSIMISTIC_WRITE);
            locked.decide(decision, now);
            if (decision.accepted()) {
                contacts.connect(region, caller.accountId(), locked.otherId().orElseThrow(), locked.otherRegion().orElseThrow(), now);
            }
            if (locked.otherId().isPresent() && locked.otherRegion().filter(mine::equals).isPresent()) {
                // both sides in this region: in the same transaction
                theirSide.accept(region, locked);
            }
            return locked;
        });
        Optional<Region> theirs = decided.otherRegion().filter(region -> region != mine).filter(boundaries::serves);
        if (decided.otherId().isPresent() && theirs.isPresent()) {
            halves.one(theirs.get(), region -> theirSide.accept(region, decided));
        }
        return view(decided);
    }

    /** @throws NotFound for an invitation that is not the caller's, on that side, alike to an unknown one */
    private NetworkInvitation mine(Caller caller, UUID id, Side side) {
        EntityManager region = managers.of(caller.region());
        for (Side candidate : side == null ? Side.values() : new Side[] {side}) {
            NetworkInvitation found = region.find(NetworkInvitation.class, new NetworkInvitation.Key(id, candidate));
            if (found != null && found.ownerId().equals(caller.accountId())) {
                return found;
            }
        }
        throw new NotFound("invitation");
    }
}
