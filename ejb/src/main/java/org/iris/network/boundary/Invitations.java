package org.iris.network.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.company.control.CompanyLookup;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Emails;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.Caller;
import org.iris.identity.entity.EmailAddress;
import org.iris.identity.entity.Language;
import org.iris.identity.entity.Roles;
import org.iris.mail.control.Outbox;
import org.iris.network.control.Contacts;
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
import org.iris.residency.entity.Region;
import org.iris.visibility.control.Parties;
import org.iris.visibility.control.Parties.Located;
import org.iris.visibility.control.VisibilityRules;
import org.iris.visibility.control.VisibilityRules.Invite;
import org.iris.visibility.control.VisibilityRules.Verdict;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations to join someone's network (SPEC §4), as the visibility rules allow them (SPEC §3):
 * a colleague's is accepted at once; another company's waits for the invitee, who accepts or declines,
 * and the inviter may cancel it while it waits. Each side lives in its owner's region: a change writes
 * the acting user's side first, then the other's ({@link Halves}; {@link NetworkRepair} settles
 * a pair of sides that a crash left apart). An invitation by email to a person with no account mails
 * them and waits for them to register.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Invitations {

    /** One side of an invitation and the other user (empty for a person invited by email who has no account yet). */
    public record View(NetworkInvitation side, Optional<Account> other) {
    }

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
    Emails emails;

    @Inject
    Outbox outbox;

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.public-url")
    String publicUrl;

    /**
     * Invites a user known by id (as search showed them), or anyone by exact email.
     *
     * @throws Forbidden when the rules do not let the caller invite that user that way
     */
    public View invite(Caller caller, UUID userId, String rawEmail, String rawLanguage) {
        if ((userId == null) == (rawEmail == null)) {
            throw new InvalidRequest("Name the person to invite by userId or by email, not both.",
                    List.of(new FieldError(userId == null ? "userId" : "email", "exactly one of userId and email")));
        }
        Optional<Language> language = Optional.ofNullable(rawLanguage).map(code -> Language.parse(code, "lang"));
        Located me = parties.find(caller.accountId()).orElseThrow(() -> new NotFound("account"));
        if (userId != null) {
            Located target = parties.find(userId).orElseThrow(() -> new NotFound("user"));
            return invite(me, target, false, language);
        }
        EmailAddress email = EmailAddress.of(rawEmail, "email");
        String emailHash = emails.hash(email);
        var route = accounts.route(emailHash);
        Optional<Located> target = route.flatMap(found -> parties.find(found.accountId()));
        if (target.isPresent()) {
            return invite(me, target.get(), true, language);
        }
        if (route.isPresent()) {
            // a closed account: nobody to invite, and nothing to tell about it
            throw new Forbidden("This person cannot be invited.");
        }
        return inviteByEmail(me, email, emailHash, language.orElse(me.account().language()));
    }

    private View invite(Located me, Located target, boolean byEmail, Optional<Language> language) {
        if (me.account().id().equals(target.account().id())) {
            throw new InvalidRequest("You cannot invite yourself.");
        }
        Verdict verdict = VisibilityRules.decide(me.party(), target.party(), parties.relation(me.party(), target.party()));
        if (verdict.invite() == Invite.NO) {
            throw new Forbidden("The visibility rules of your companies do not let you invite this user.");
        }
        if (verdict.invite() == Invite.BY_EMAIL && !byEmail) {
            throw new Forbidden("This user can only be invited by typing their exact email address.");
        }
        Region mine = me.account().region();
        Region theirs = target.account().region();
        UUID myId = me.account().id();
        UUID theirId = target.account().id();
        if (contacts.active(managers.of(mine), myId, theirId).isPresent()) {
            throw new Conflict("This user is already in your network.");
        }
        if (pendingBetween(mine, myId, theirId)) {
            throw new Conflict("An invitation between you and this user is already waiting for an answer.");
        }
        Instant now = clock.instant();
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

    private boolean pendingBetween(Region mine, UUID me, UUID other) {
        return !managers.of(mine).createQuery("SELECT i FROM NetworkInvitation i WHERE i.ownerId = :me"
                        + " AND i.otherId = :other AND i.status = :pending", NetworkInvitation.class)
                .setParameter("me", me)
                .setParameter("other", other.toString())
                .setParameter("pending", Status.PENDING)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    private View inviteByEmail(Located me, EmailAddress email, String emailHash, Language language) {
        if (VisibilityRules.seen(me.party(), false).mode() == org.iris.company.entity.VisibilityMode.ISOLATED) {
            throw new Forbidden("Members of an isolated company invite nobody outside it.");
        }
        Region mine = me.account().region();
        boolean waiting = !managers.of(mine).createQuery("SELECT i FROM NetworkInvitation i WHERE i.ownerId = :me"
                        + " AND i.emailHash = :hash AND i.status = :pending", NetworkInvitation.class)
                .setParameter("me", me.account().id())
                .setParameter("hash", emailHash)
                .setParameter("pending", Status.PENDING)
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (waiting) {
            throw new Conflict("An invitation to this address is already waiting for an answer.");
        }
        NetworkInvitation sent = NetworkInvitation.sentByEmail(UUID.randomUUID(), me.account().id(), email, emailHash,
                language, clock.instant());
        String company = companies.find(me.account().companyId()).map(c -> c.name()).orElse("");
        String link = publicUrl.replaceAll("/+$", "") + "/register?email="
                + URLEncoder.encode(email.value(), StandardCharsets.UTF_8);
        halves.one(mine, region -> {
            region.persist(sent);
            outbox.enqueue(region, email, "network-invitation", language, Map.of(
                    "inviter", me.account().name().first() + " " + me.account().name().last(),
                    "company", company, "email", email.value(), "link", link));
        });
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

    private View view(NetworkInvitation side) {
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
     * user the other's contact, each in their own region.
     */
    private View decide(Caller caller, UUID id, Side side, Status decision) {
        NetworkInvitation current = mine(caller, id, side);
        Instant now = clock.instant();
        Region mine = caller.region();
        Optional<UUID> other = current.otherId();
        Optional<Region> theirs = current.otherRegion();
        NetworkInvitation[] decided = new NetworkInvitation[1];
        java.util.function.Consumer<EntityManager> myside = region -> {
            NetworkInvitation locked = region.find(NetworkInvitation.class, new NetworkInvitation.Key(id, side),
                    LockModeType.PESSIMISTIC_WRITE);
            locked.decide(decision, now);
            if (decision.accepted()) {
                contacts.connect(region, caller.accountId(), other.orElseThrow(), theirs.orElseThrow(), now);
            }
            decided[0] = locked;
        };
        if (other.isEmpty() || theirs.isEmpty() || !boundaries.serves(theirs.get())) {
            halves.one(mine, myside);
            return view(decided[0]);
        }
        Side opposite = side == Side.SENT ? Side.RECEIVED : Side.SENT;
        halves.both(mine, myside, theirs.get(), region -> {
            NetworkInvitation counterpart = region.find(NetworkInvitation.class, new NetworkInvitation.Key(id, opposite),
                    LockModeType.PESSIMISTIC_WRITE);
            if (counterpart != null) {
                counterpart.settle(decided[0]);
            }
            if (decision.accepted()) {
                contacts.connect(region, other.get(), caller.accountId(), mine, now);
            }
        });
        return view(decided[0]);
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

    /**
     * A person invited by email has registered: each invitation waiting for their email now names their
     * account, as the visibility rules between the two allow: accepted at once from a colleague,
     * waiting for them from another company, canceled where the rules forbid it (an isolated boundary
     * between them, an isolated company).
     */
    @PermitAll
    public void resolve(Account registered) {
        Optional<Located> invitee = parties.find(registered.id());
        if (invitee.isEmpty()) {
            return;
        }
        for (Region region : boundaries.served()) {
            List<NetworkInvitation> waiting = managers.of(region)
                    .createQuery("SELECT i FROM NetworkInvitation i WHERE i.emailHash = :hash AND i.side = :sent"
                            + " AND i.status = :pending AND i.otherId IS NULL", NetworkInvitation.class)
                    .setParameter("hash", registered.emailHash())
                    .setParameter("sent", Side.SENT)
                    .setParameter("pending", Status.PENDING)
                    .getResultList();
            for (NetworkInvitation sent : waiting) {
                parties.find(sent.ownerId()).ifPresent(inviter -> resolve(sent, inviter, invitee.get(), region));
            }
        }
    }

    private void resolve(NetworkInvitation sent, Located inviter, Located invitee, Region inviterRegion) {
        Verdict verdict = VisibilityRules.decide(inviter.party(), invitee.party(), VisibilityRules.Relation.NONE);
        Status status = verdict.invite() == Invite.NO ? Status.CANCELED
                : verdict.autoAccepted() ? Status.AUTO_ACCEPTED : Status.PENDING;
        Instant now = clock.instant();
        UUID inviterId = inviter.account().id();
        UUID inviteeId = invitee.account().id();
        Region inviteeRegion = invitee.account().region();
        NetworkInvitation resolved = transactions.commit(() -> {
            EntityManager region = managers.of(inviterRegion);
            NetworkInvitation locked = region.find(NetworkInvitation.class, new NetworkInvitation.Key(sent.id(), Side.SENT),
                    LockModeType.PESSIMISTIC_WRITE);
            if (locked.status() != Status.PENDING || locked.otherId().isPresent()) {
                return null;
            }
            locked.resolve(inviteeId, inviteeRegion, status, now);
            if (status.accepted()) {
                contacts.connect(region, inviterId, inviteeId, inviteeRegion, now);
            }
            return locked;
        });
        if (resolved == null || status == Status.CANCELED) {
            return;
        }
        halves.one(inviteeRegion, region -> {
            region.persist(NetworkInvitation.received(resolved, inviterRegion));
            if (status.accepted()) {
                contacts.connect(region, inviteeId, inviterId, inviterRegion, now);
            }
        });
    }
}
