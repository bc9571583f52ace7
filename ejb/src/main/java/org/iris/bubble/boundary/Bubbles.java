package org.iris.bubble.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.bubble.control.BubbleBudget;
import org.iris.bubble.control.BubbleRights.Action;
import org.iris.bubble.control.BubbleStore;
import org.iris.bubble.control.BubbleStore.Change;
import org.iris.bubble.control.BubbleStore.Found;
import org.iris.bubble.control.Participations;
import org.iris.bubble.control.Visitor;
import org.iris.bubble.entity.Bubble;
import org.iris.bubble.entity.BubbleEvent;
import org.iris.bubble.entity.BubbleEvent.Kind;
import org.iris.bubble.entity.BubbleRole;
import org.iris.bubble.entity.Participant;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Emails;
import org.iris.identity.control.InvitationBudget;
import org.iris.identity.entity.Account;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.platform.control.Page;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.platform.entity.PrintableText;
import org.iris.platform.entity.Region;
import org.iris.platform.entity.GuestRole;
import org.iris.platform.entity.Roles;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RegionalTokens;
import org.iris.residency.control.Transactions;
import org.iris.visibility.control.Parties;
import org.iris.visibility.control.Parties.Located;
import org.iris.visibility.control.VisibilityRules;
import org.iris.visibility.control.Reach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Bubbles (SPEC §5): created in their owner's region, where they and every participation stay;
 * their participants, added as SPEC §3 lets the adder invite them; roles and ownership; archive and
 * delete. Each action is asked of {@link org.iris.bubble.control.BubbleRights} and runs under a lock
 * of the bubble ({@link BubbleStore}). A person added by email is answered alike whatever the email
 * is ({@link GuestInvitations} decides afterwards whether it is mailed).
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bubbles {

    /** A bubble as one participant sees it: with their own participation and how many take part. */
    public record View(Bubble bubble, Region region, Participant mine, long participants) {
    }

    /** A participant, with their account where they have one and it is open. */
    public record Member(Participant participant, Optional<Account> account) {
    }

    /** How deep "my bubbles" pages: every region of the caller's boundary is read to the page's end. */
    public static final int DEEPEST = 1_000;

    @Inject
    BubbleStore store;

    @Inject
    Parties parties;

    @Inject
    Reach reach;

    @Inject
    AccountRoutes accounts;

    @Inject
    Emails emails;

    @Inject
    InvitationBudget budget;

    @Inject
    BubbleBudget bubbleBudget;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    Event<BubbleEvent> events;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.bubble.max-participants")
    int maxParticipants;

    @Inject
    @ConfigProperty(name = "iris.guest.ttl-days")
    int guestTtlDays;

    /**
     * A bubble in the caller's region, with the caller as its owner, within their budget
     * ({@link BubbleBudget#create}): a 409 once they own the most active bubbles one may, a 429 once
     * they have created their share this hour or today.
     */
    public View create(Caller caller, String name, String topic) {
        String checkedName = name(name);
        Optional<String> checkedTopic = topic(topic);
        Region region = caller.region();
        Instant now = clock.instant();
        bubbleBudget.create(caller.accountId(), region, now);
        UUID id = UUID.randomUUID();
        Bubble bubble = Bubble.create(id, caller.accountId(), checkedName, checkedTopic.orElse(null),
                RegionalTokens.draw(region), now);
        Participant owner = Participant.account(id, caller.accountId(), region, BubbleRole.OWNER, caller.accountId(), now);
        transactions.run(() -> {
            EntityManager manager = managers.of(region);
            manager.persist(bubble);
            manager.persist(owner);
            events.fire(BubbleEvent.of(Kind.CREATED, id, region));
        });
        return new View(bubble, region, owner, 1);
    }

    /** The caller's bubbles, active and archived (or only those of {@code status}), newest first. */
    public List<View> mine(Caller caller, Optional<Bubble.Status> status, Page page) {
        if (page.offset() + page.limit() > DEEPEST) {
            throw new InvalidRequest("The list answers its first " + DEEPEST + " bubbles.",
                    List.of(new FieldError("offset", "offset + limit at most " + DEEPEST)));
        }
        List<View> all = new ArrayList<>();
        for (Region region : store.reachable(caller.region())) {
            EntityManager manager = managers.of(region);
            var query = manager.createQuery("SELECT b, p FROM Bubble b, Participant p WHERE p.bubbleId = b.id"
                            + " AND p.participantId = :me AND p.kind = :account"
                            + (status.isPresent() ? " AND b.status = :status" : "")
                            + " ORDER BY b.createdAt DESC, b.id", Object[].class)
                    .setParameter("me", caller.accountId())
                    .setParameter("account", Participant.Kind.ACCOUNT)
                    .setMaxResults(page.offset() + page.limit());
            status.ifPresent(value -> query.setParameter("status", value));
            List<Object[]> rows = query.getResultList();
            Map<UUID, Long> counts = store.counts(manager, rows.stream().map(row -> ((Bubble) row[0]).id()).toList());
            for (Object[] row : rows) {
                Bubble bubble = (Bubble) row[0];
                all.add(new View(bubble, region, (Participant) row[1], counts.getOrDefault(bubble.id(), 0L)));
            }
        }
        return all.stream()
                .sorted(Comparator.comparing((View view) -> view.bubble().createdAt()).reversed()
                        .thenComparing(view -> view.bubble().id()))
                .skip(page.offset())
                .limit(page.limit())
                .toList();
    }

    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN, GuestRole.NAME})
    public View read(Visitor visitor, UUID id) {
        Found found = store.read(visitor, id);
        return new View(found.bubble(), found.region(), found.me(), store.count(managers.of(found.region()), id));
    }

    /** Renames the bubble or changes its topic ({@code topicGiven} with an empty topic removes it). */
    public View describe(Caller caller, UUID id, String name, String topic, boolean topicGiven) {
        String checkedName = name == null ? null : name(name);
        Optional<String> checkedTopic = topicGiven ? topic(topic) : Optional.empty();
        return store.change(Visitor.of(caller), id, Action.DESCRIBE, change -> {
            change.bubble().describe(checkedName, checkedTopic, topicGiven, change.now());
            change.raise(Kind.DESCRIBED);
            return view(change);
        });
    }

    /** Read-only for everyone from now on; a conference under way ends. Archiving an archived bubble is a conflict. */
    public View archive(Caller caller, UUID id) {
        return store.change(Visitor.of(caller), id, Action.ARCHIVE, change -> {
            change.endConference();
            change.bubble().archive(change.now());
            change.raise(Kind.ARCHIVED);
            return view(change);
        });
    }

    /** Everyone loses access at once: the bubble's rows go. */
    public void delete(Caller caller, UUID id) {
        store.change(Visitor.of(caller), id, Action.DELETE, change -> {
            change.raise(Kind.DELETED); // first, so that those it concerns are still there to be told
            EntityManager manager = change.manager();
            Participations.removeAll(manager, id);
            manager.remove(change.bubble());
            return null;
        });
    }

    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN, GuestRole.NAME})
    public List<Member> participants(Visitor visitor, UUID id, Page page) {
        Found found = store.read(visitor, id);
        return managers.of(found.region())
                .createQuery("SELECT p FROM Participant p WHERE p.bubbleId = :bubble ORDER BY p.addedAt, p.participantId",
                        Participant.class)
                .setParameter("bubble", id)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList().stream()
                .map(this::member)
                .toList();
    }

    /** One participant, for any participant of the bubble; a participant id not in it is not found. */
    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN, GuestRole.NAME})
    public Member participant(Visitor visitor, UUID id, UUID participantId) {
        Found found = store.read(visitor, id);
        Participant participant = managers.of(found.region()).find(Participant.class, new Participant.Key(id, participantId));
        if (participant == null) {
            throw new NotFound("participant");
        }
        return member(participant);
    }

    /**
     * Adds a user by id, as a member, where the rules let the caller invite them from search (or their
     * network); or anyone by exact email, as a guest, answered alike whatever the email is. Guest
     * invitations count against the adder's invitation budget.
     *
     * @throws NotFound for a user the rules do not let the caller add by id, alike to an unknown one
     */
    public Member add(Caller caller, UUID id, UUID userId, String rawEmail, String rawLanguage) {
        if ((userId == null) == (rawEmail == null)) {
            throw new InvalidRequest("Name the person to add by userId or by email, not both.",
                    List.of(new FieldError(userId == null ? "userId" : "email", "exactly one of userId and email")));
        }
        Optional<Language> language = Optional.ofNullable(rawLanguage).map(code -> Language.parse(code, "lang"));
        Optional<EmailAddress> email = Optional.ofNullable(rawEmail).map(raw -> EmailAddress.of(raw, "email"));
        // a bubble the caller takes no part in does not exist, and one they may not add to says so, before any rule is told
        Found found = store.read(Visitor.of(caller), id);
        BubbleStore.allow(found.bubble(), found.me(), Action.MANAGE_PARTICIPANTS);
        bubbleBudget.add(caller.accountId(), clock.instant());
        Located me = parties.find(caller.accountId()).orElseThrow(() -> new NotFound("bubble"));
        if (email.isPresent()) {
            return addGuest(caller, me, id, email.get(), language.orElse(me.account().language()));
        }
        if (userId.equals(caller.accountId())) {
            throw new Conflict("You already take part in this bubble.");
        }
        // one the caller may not reach by id is told alike to an unknown one (their email adds them as a guest)
        Located target = reach.find(me, userId, Reach.Way.BY_ID).orElseThrow(() -> new NotFound("user"));
        return store.change(Visitor.of(caller), id, Action.MANAGE_PARTICIPANTS, change -> {
            if (target.account().region().separatedFrom(change.region())) {
                throw new NotFound("user");
            }
            EntityManager manager = change.manager();
            if (manager.find(Participant.class, new Participant.Key(id, userId)) != null) {
                throw new Conflict("This user already takes part in this bubble.");
            }
            roomFor(change);
            Participant added = Participant.account(id, userId, target.account().region(), BubbleRole.MEMBER,
                    caller.accountId(), change.now());
            manager.persist(added);
            change.raise(Kind.PARTICIPANT_ADDED, userId);
            return new Member(added, Optional.of(target.account()));
        });
    }

    /** Records the guest invitation; whether it is mailed is decided afterwards, from what the email is. */
    private Member addGuest(Caller caller, Located me, UUID id, EmailAddress email, Language language) {
        if (!VisibilityRules.invitesByEmail(me.party())) {
            throw new Forbidden("Members of an isolated company invite nobody by email; add colleagues from search.");
        }
        String emailHash = emails.hash(email);
        if (emailHash.equals(me.account().emailHash())) {
            throw new Conflict("You already take part in this bubble.");
        }
        budget.guests(caller.accountId(), emailHash, clock.instant());
        return store.change(Visitor.of(caller), id, Action.MANAGE_PARTICIPANTS, change -> {
            EntityManager manager = change.manager();
            for (Participant earlier : manager.createQuery("SELECT p FROM Participant p WHERE p.bubbleId = :bubble"
                            + " AND p.emailHash = :hash", Participant.class)
                    .setParameter("bubble", id)
                    .setParameter("hash", emailHash)
                    .getResultList()) {
                if (earlier.guestValidAt(change.now())) {
                    throw new Conflict("This address is already invited to this bubble.");
                }
                Participations.remove(manager, earlier); // an invitation that ended gives way to the new one
                manager.flush();
                change.raise(Kind.PARTICIPANT_REMOVED, earlier.participantId());
            }
            roomFor(change);
            Participant guest = Participant.guest(id, UUID.randomUUID(), email, emailHash, null, language,
                    caller.accountId(), change.now(), change.now().plus(Duration.ofDays(guestTtlDays)));
            manager.persist(guest);
            change.raise(Kind.PARTICIPANT_ADDED, guest.participantId());
            return new Member(guest, Optional.empty());
        });
    }

    private void roomFor(Change change) {
        if (store.count(change.manager(), change.bubble().id()) >= maxParticipants) {
            throw new Conflict("This bubble has its " + maxParticipants + " participants; remove one first.");
        }
    }

    /**
     * Removes a participant; anyone may remove themselves (leave), but the owner, who transfers
     * ownership first. Whoever leaves leaves the conference too.
     */
    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN, GuestRole.NAME})
    public void remove(Visitor visitor, UUID id, UUID participantId) {
        boolean self = participantId.equals(visitor.id());
        store.change(visitor, id, self ? Action.LEAVE : Action.MANAGE_PARTICIPANTS, change -> {
            EntityManager manager = change.manager();
            Participant removed = manager.find(Participant.class, new Participant.Key(id, participantId));
            if (removed == null) {
                throw new NotFound("participant");
            }
            if (removed.role() == BubbleRole.OWNER) {
                throw new Conflict("The owner leaves a bubble only after transferring its ownership to a co-organizer.");
            }
            Participations.remove(manager, removed); // and out of the conference, or its lobby
            change.raise(Kind.PARTICIPANT_REMOVED, participantId);
            return null;
        });
    }

    /**
     * Changes a participant's role: to co-organizer or back to member (owner and co-organizers), or to
     * owner, which transfers ownership (the owner only, to a co-organizer only; the old owner becomes a
     * member). A guest's role does not change: a guest becomes a member by registering. Whoever becomes
     * an organizer while in the conference admits those waiting in its lobby.
     */
    public Member changeRole(Caller caller, UUID id, UUID participantId, BubbleRole role) {
        Action action = switch (role) {
            case OWNER -> Action.TRANSFER_OWNERSHIP;
            case MEMBER -> Action.DEMOTE;
            default -> Action.PROMOTE;
        };
        if (role == BubbleRole.GUEST) {
            throw new InvalidRequest("role is owner, co_organizer or member.", List.of(new FieldError("role",
                    "owner, co_organizer or member")));
        }
        return store.change(Visitor.of(caller), id, action, change -> {
            EntityManager manager = change.manager();
            Participant target = manager.find(Participant.class, new Participant.Key(id, participantId));
            if (target == null) {
                throw new NotFound("participant");
            }
            if (target.guest()) {
                throw new Conflict("A guest's role does not change; a guest becomes a member by creating an account.");
            }
            if (target.role() == BubbleRole.OWNER) {
                throw new Conflict("The owner's role changes only by transferring ownership to a co-organizer.");
            }
            if (role == BubbleRole.OWNER) {
                if (target.role() != BubbleRole.CO_ORGANIZER) {
                    throw new Conflict("Ownership is transferred to a co-organizer only; promote this member first.");
                }
                change.me().promote(BubbleRole.MEMBER, change.now());
                target.promote(BubbleRole.OWNER, change.now());
                change.bubble().ownedBy(participantId, change.now());
                change.raise(Kind.OWNERSHIP_TRANSFERRED, participantId);
            } else if (target.role() != role) {
                target.promote(role, change.now());
                change.raise(Kind.ROLE_CHANGED, participantId);
            }
            if (target.role().organizer()) {
                Conferences.organizerCame(change, target); // in the conference already: the lobby comes in
            }
            return member(target);
        });
    }

    private View view(Change change) {
        return new View(change.bubble(), change.region(), change.me(), store.count(change.manager(), change.bubble().id()));
    }

    private Member member(Participant participant) {
        return new Member(participant, participant.accountRegion()
                .flatMap(region -> accounts.find(region, participant.participantId()))
                .filter(account -> account.status() == Account.Status.ACTIVE));
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > Bubble.NAME_MAX || !PrintableText.printable(stripped)) {
            throw new InvalidRequest("name is 1 to " + Bubble.NAME_MAX + " printable characters.",
                    List.of(new FieldError("name", "1 to " + Bubble.NAME_MAX + " printable characters")));
        }
        return stripped;
    }

    private static Optional<String> topic(String topic) {
        String stripped = topic == null ? "" : topic.strip();
        if (stripped.length() > Bubble.TOPIC_MAX || !PrintableText.printableLines(stripped)) {
            throw new InvalidRequest("topic is at most " + Bubble.TOPIC_MAX + " printable characters, lines included.",
                    List.of(new FieldError("topic", "at most " + Bubble.TOPIC_MAX + " printable characters")));
        }
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }
}
