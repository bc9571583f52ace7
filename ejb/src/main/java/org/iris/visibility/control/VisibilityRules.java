package org.iris.visibility.control;

import org.iris.company.entity.Company;
import org.iris.platform.entity.VisibilityMode;
import org.iris.platform.entity.Region;

import java.util.Objects;
import java.util.UUID;

import static org.iris.platform.entity.VisibilityMode.CLOSED;
import static org.iris.platform.entity.VisibilityMode.ISOLATED;
import static org.iris.platform.entity.VisibilityMode.ORGANIZATION;
import static org.iris.platform.entity.VisibilityMode.PRIVATE;
import static org.iris.platform.entity.VisibilityMode.PUBLIC;

/**
 * SPEC §3 and §4 as one pure function: what a searcher may do toward a target (find them by search,
 * invite them, have the invitation accepted at once, see their presence) and which rule decided each
 * answer. The rules are tried in this order, the first that applies decides:
 *
 * <ol>
 *   <li>{@link Rule#SAME_ACCOUNT}: a user and themselves.</li>
 *   <li>{@link Rule#ISOLATED_BOUNDARY}: China and HDS: nobody finds, invites or meets across them.</li>
 *   <li>{@link Rule#OPERATOR}: superadmins are operators, not collaborators: nobody but a superadmin
 *       finds or invites them.</li>
 *   <li>{@link Rule#SAME_COMPANY}: members of one company always find and invite each other, accepted at
 *       once. Not the Default company: its standalone users are no colleagues, and meet as members of
 *       different public companies do (the modes table: found, invited, the invitation waits).</li>
 *   <li>{@link Rule#VISIBILITY_BY}: a superadmin's pair: the two companies see each other whatever their modes.</li>
 *   <li>{@link Rule#ORGANIZATION}: organization-mode companies of one organization, as if one company.</li>
 *   <li>{@link Rule#NETWORK}: a user's network is always searchable (finding only).</li>
 *   <li>The modes table, each side's mode as the other sees it ({@link #seen}):
 *       {@link Rule#SEARCHER_MODE} or {@link Rule#TARGET_MODE} where one side refuses or limits,
 *       {@link Rule#MODES} where both allow.</li>
 * </ol>
 *
 * Presence follows the network only: {@link Rule#NETWORK} or {@link Rule#NOT_IN_NETWORK}.
 */
public final class VisibilityRules {

    /**
     * One user as the rules need them.
     *
     * @param memberMode the member's own mode (a derogation), {@code null} where they inherit the company's
     * @param organizationId the company's organization, {@code null} for none
     * @param operator a superadmin
     */
    public record Party(UUID accountId, UUID companyId, Region region, VisibilityMode companyMode,
                        VisibilityMode memberMode, UUID organizationId, boolean operator) {

        public Party {
            Objects.requireNonNull(accountId);
            Objects.requireNonNull(companyId);
            Objects.requireNonNull(region);
            Objects.requireNonNull(companyMode);
        }

        /** A user who is no operator. */
        public Party(UUID accountId, UUID companyId, Region region, VisibilityMode companyMode,
                     VisibilityMode memberMode, UUID organizationId) {
            this(accountId, companyId, region, companyMode, memberMode, organizationId, false);
        }

        /** A self-registered user of the Default company, who has no colleagues. */
        public boolean standalone() {
            return Company.DEFAULT_ID.equals(companyId);
        }

        /** Of one company, and so colleagues; the Default company's users are none. */
        public boolean colleagueOf(Party other) {
            return companyId.equals(other.companyId) && !standalone();
        }

        boolean sameOrganization(Party other) {
            return organizationId != null && organizationId.equals(other.organizationId);
        }
    }

    /**
     * What links the two beyond their companies.
     *
     * @param paired their companies are a "visibility by" pair
     * @param inNetwork the target is in the searcher's network (contacts are mutual)
     */
    public record Relation(boolean paired, boolean inNetwork) {
        public static final Relation NONE = new Relation(false, false);
    }

    /** How a user may be invited: not at all, only by typing their exact email, or also from search. */
    public enum Invite {
        NO, BY_EMAIL, YES;

        Invite atMost(Invite other) {
            return compareTo(other) <= 0 ? this : other;
        }
    }

    /** The rule that decided an answer. */
    public enum Rule {
        SAME_ACCOUNT, ISOLATED_BOUNDARY, OPERATOR, SAME_COMPANY, VISIBILITY_BY, ORGANIZATION, NETWORK, NOT_IN_NETWORK,
        SEARCHER_MODE, TARGET_MODE, MODES
    }

    /** Where the mode one side is seen in comes from. */
    public enum Source {
        /** the company's own mode, which the member inherits */
        COMPANY,
        /** the member's own mode, set by an admin */
        MEMBER,
        /** an organization-mode company, seen as private from outside its organization */
        OUTSIDE_ORGANIZATION,
        /** a closed, isolated or organization-mode company, seen as public inside its organization */
        INSIDE_ORGANIZATION
    }

    /** The mode one side is seen in by the other, and why. */
    public record Seen(VisibilityMode mode, Source source) {
    }

    public record Verdict(boolean find, Rule findRule, Invite invite, Rule inviteRule, boolean autoAccepted,
                          boolean presence, Rule presenceRule, Seen searcher, Seen target) {
    }

    private VisibilityRules() {
    }

    public static Verdict decide(Party searcher, Party target, Relation relation) {
        boolean sameOrganization = searcher.sameOrganization(target);
        Seen searcherSeen = seen(searcher, sameOrganization);
        Seen targetSeen = seen(target, sameOrganization);
        if (searcher.accountId().equals(target.accountId())) {
            return new Verdict(true, Rule.SAME_ACCOUNT, Invite.NO, Rule.SAME_ACCOUNT, false,
                    true, Rule.SAME_ACCOUNT, searcherSeen, targetSeen);
        }
        if (searcher.region().separatedFrom(target.region())) {
            return new Verdict(false, Rule.ISOLATED_BOUNDARY, Invite.NO, Rule.ISOLATED_BOUNDARY, false,
                    false, Rule.ISOLATED_BOUNDARY, searcherSeen, targetSeen);
        }
        boolean presence = presenceShown(false, relation.inNetwork());
        Rule presenceRule = presence ? Rule.NETWORK : Rule.NOT_IN_NETWORK;
        if (target.operator()) {
            boolean peer = searcher.operator();
            return new Verdict(peer, Rule.OPERATOR, peer ? Invite.YES : Invite.NO, Rule.OPERATOR, false,
                    presence, presenceRule, searcherSeen, targetSeen);
        }
        Rule together = together(searcher, target, relation);
        if (together != null) {
            return new Verdict(true, together, Invite.YES, together, together == Rule.SAME_COMPANY,
                    presence, presenceRule, searcherSeen, targetSeen);
        }
        boolean searcherSearches = searcherSeen.mode() == PUBLIC || searcherSeen.mode() == PRIVATE;
        boolean find;
        Rule findRule;
        if (relation.inNetwork()) {
            find = true;
            findRule = Rule.NETWORK;
        } else if (!searcherSearches) {
            find = false;
            findRule = Rule.SEARCHER_MODE;
        } else {
            find = targetSeen.mode() == PUBLIC;
            findRule = find ? Rule.MODES : Rule.TARGET_MODE;
        }
        Invite out = inviting(searcherSeen.mode());
        Invite in = invited(targetSeen.mode());
        Invite invite = out.atMost(in);
        Rule inviteRule = invite == Invite.YES ? Rule.MODES : out == invite ? Rule.SEARCHER_MODE : Rule.TARGET_MODE;
        return new Verdict(find, findRule, invite, inviteRule, false, presence, presenceRule, searcherSeen, targetSeen);
    }

    /** SPEC §4: a user's presence is shown to themselves and to their network, to nobody else. */
    public static boolean presenceShown(boolean sameAccount, boolean inNetwork) {
        return sameAccount || inNetwork;
    }

    /**
     * Whether the user may invite anyone by typing an email: from the modes table, as their mode is
     * seen outside their company (an isolated user invites nobody outside it).
     */
    public static boolean invitesByEmail(Party inviter) {
        return inviting(seen(inviter, false).mode()) != Invite.NO;
    }

    /** The rules under which two users see each other as colleagues, {@code null} when none applies. */
    private static Rule together(Party searcher, Party target, Relation relation) {
        if (searcher.colleagueOf(target)) {
            return Rule.SAME_COMPANY;
        }
        if (relation.paired()) {
            return Rule.VISIBILITY_BY;
        }
        if (searcher.sameOrganization(target) && searcher.companyMode() == ORGANIZATION
                && target.companyMode() == ORGANIZATION) {
            return Rule.ORGANIZATION;
        }
        return null;
    }

    /**
     * The mode a user is seen in by a user of another company. A member's own mode wins over their
     * company's. Inside one organization, closed, isolated and organization-mode companies are seen as
     * public; outside it, an organization-mode company is seen as private and the others keep their mode.
     */
    public static Seen seen(Party party, boolean sameOrganization) {
        if (party.memberMode() != null) {
            return new Seen(party.memberMode(), Source.MEMBER);
        }
        VisibilityMode mode = party.companyMode();
        if (sameOrganization && (mode == CLOSED || mode == ISOLATED || mode == ORGANIZATION)) {
            return new Seen(PUBLIC, Source.INSIDE_ORGANIZATION);
        }
        if (mode == ORGANIZATION) {
            return new Seen(PRIVATE, Source.OUTSIDE_ORGANIZATION);
        }
        return new Seen(mode, Source.COMPANY);
    }

    /** "X can invite others" of SPEC §3's table, for X's mode as seen. */
    static Invite inviting(VisibilityMode mode) {
        return switch (mode) {
            case PUBLIC, PRIVATE -> Invite.YES;
            case CLOSED -> Invite.BY_EMAIL;
            case ISOLATED -> Invite.NO;
            case ORGANIZATION -> throw new IllegalArgumentException("an organization-mode company is seen as public or private");
        };
    }

    /** "Others can invite X" of SPEC §3's table, for X's mode as seen. */
    static Invite invited(VisibilityMode mode) {
        return switch (mode) {
            case PUBLIC -> Invite.YES;
            case PRIVATE, CLOSED -> Invite.BY_EMAIL;
            case ISOLATED -> Invite.NO;
            case ORGANIZATION -> throw new IllegalArgumentException("an organization-mode company is seen as public or private");
        };
    }
}
