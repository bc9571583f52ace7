package org.iris.bubble.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.bubble.control.BubbleStore;
import org.iris.bubble.control.GuestInvitations;
import org.iris.bubble.entity.Participant;
import org.iris.identity.control.AccessTokens;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.InvitationBudget;
import org.iris.identity.entity.Account;
import org.iris.platform.control.NotFound;
import org.iris.platform.control.Unauthenticated;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Region;
import org.iris.platform.entity.Roles;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RegionalTokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Guests (SPEC §5): the link of a guest invitation gives a guest token, whose only scope is that
 * bubble, as often as asked until the invitation is removed or ends ({@code iris.guest.ttl-days});
 * the account of that address may instead sign in and accept the link, and become a member.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Guests {

    /** The claims of a guest token that name its bubble and that bubble's region. */
    public static final String BUBBLE_CLAIM = "bubble";
    public static final String REGION_CLAIM = Caller.REGION_CLAIM;

    /** A guest token, for the guest of that bubble, and where to create an account with their address (and be a member). */
    public record GuestToken(AccessTokens.Issued token, UUID guestId, UUID bubbleId, String register) {
    }

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    @Inject
    AccountRoutes accounts;

    @Inject
    AccessTokens tokens;

    @Inject
    GuestInvitations invitations;

    @Inject
    BubbleStore store;

    @Inject
    InvitationBudget budget;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.public-url")
    String publicUrl;

    /**
     * A guest token for the link's guest; each source address opens a bounded number of links an hour.
     *
     * The answer is the same whether or not the address has an account (a forwarded link must not tell):
     * its holder may stay a guest, or sign in and accept the link to become a member.
     *
     * @throws Unauthenticated for a link that is unknown, removed or ended (alike)
     */
    @PermitAll
    public GuestToken open(String link, String sourceAddress) {
        Instant now = clock.instant();
        budget.guestLink(sourceAddress, now);
        Participant guest = invited(link).filter(p -> p.guestValidAt(now))
                .orElseThrow(() -> new Unauthenticated("This invitation link is not valid, or has ended."));
        Region region = RegionalTokens.parse(link).orElseThrow().region();
        String register = publicUrl.replaceAll("/+$", "") + "/register?email="
                + URLEncoder.encode(guest.email().orElseThrow(), StandardCharsets.UTF_8);
        return new GuestToken(tokens.issueGuest(guest.participantId(), Map.of(BUBBLE_CLAIM, guest.bubbleId().toString(),
                REGION_CLAIM, region.name()), now), guest.participantId(), guest.bubbleId(), register);
    }

    /**
     * The signed-in account whose address the link was mailed to joins the bubble as a member.
     *
     * @throws NotFound for a link that is not the caller's to accept, alike to an unknown one
     */
    @RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
    public Bubbles.View accept(Caller caller, String link) {
        Account me = accounts.find(caller.region(), caller.accountId()).orElseThrow(() -> new NotFound("account"));
        Participant guest = invited(link)
                .filter(p -> p.guestValidAt(clock.instant()) && p.emailHash().orElse("").equals(me.emailHash()))
                .orElseThrow(() -> new NotFound("invitation"));
        Region region = RegionalTokens.parse(link).orElseThrow().region();
        if (!store.reachable(caller.region()).contains(region)
                || !invitations.becomeMember(region, guest, me)) {
            throw new NotFound("invitation");
        }
        var found = store.read(org.iris.bubble.control.Visitor.of(caller), guest.bubbleId());
        return new Bubbles.View(found.bubble(), found.region(), found.me(), store.count(managers.of(region), found.bubble().id()));
    }

    private Optional<Participant> invited(String link) {
        return RegionalTokens.parse(link)
                .filter(parsed -> boundaries.serves(parsed.region()))
                .flatMap(parsed -> managers.of(parsed.region())
                        .createQuery("SELECT p FROM Participant p WHERE p.linkHash = :hash", Participant.class)
                        .setParameter("hash", parsed.hash())
                        .getResultList().stream().findFirst())
                .filter(Participant::guest);
    }
}
