package org.iris.visibility.control;

import org.iris.platform.entity.VisibilityMode;
import org.iris.platform.entity.Region;
import org.iris.visibility.control.VisibilityRules.Party;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a searcher's directory search may return, in the terms the index can answer fast: the rules of
 * {@link VisibilityRules} turned from "this pair" into "these sets". A user is found by a word of
 * their names when they are in one of the regions searched and one of these holds:
 * <ul>
 *   <li>they are the searcher's colleague (of the searcher's company, unless that is the Default
 *       company, whose users are no colleagues);</li>
 *   <li>their company is another one whose members the searcher sees all of ("visibility by" pairs,
 *       and for an organization-mode company the organization's other organization-mode companies);</li>
 *   <li>the searcher may search outside their company, and the user is seen as public from outside
 *       ({@link #findable});</li>
 *   <li>their company is in the searcher's organization and the user is seen as public inside it
 *       ({@link #findableInOrganization});</li>
 *   <li>they are in the searcher's network.</li>
 * </ul>
 * A user's email is a word only for those who are shown it: colleagues and the network. Anyone else
 * typing its prefixes finds nothing, so that an email no one may see cannot be rebuilt letter by letter.
 * {@code SearchScopeTest} checks, for every combination of modes, that this agrees with the rules.
 *
 * @param colleagues the searcher's company, empty for a user of the Default company
 */
public record SearchScope(UUID searcher, Set<Region> regions, boolean open, Optional<UUID> colleagues,
                          Set<UUID> wholeCompanies, Set<UUID> organizationCompanies, Set<UUID> network) {

    /** One word of one user as the index keeps it. */
    public record Entry(UUID accountId, UUID companyId, Region region, boolean findable, boolean findableInOrganization,
                        boolean email) {

        /** A word of the user's names. */
        public static Entry of(Party party) {
            return new Entry(party.accountId(), party.companyId(), party.region(),
                    SearchScope.findable(party.companyMode(), party.memberMode()),
                    SearchScope.findableInOrganization(party.companyMode(), party.memberMode()), false);
        }

        /** The user's email as a word: never findable from outside. */
        public static Entry email(Party party) {
            return new Entry(party.accountId(), party.companyId(), party.region(), false, false, true);
        }
    }

    public SearchScope {
        regions = Set.copyOf(regions);
        wholeCompanies = Set.copyOf(wholeCompanies);
        organizationCompanies = Set.copyOf(organizationCompanies);
        network = Set.copyOf(network);
    }

    /**
     * @param served the regions this deployment serves
     * @param organization the companies of the searcher's organization (the searcher's own included) and their modes
     * @param paired the companies paired with the searcher's by "visibility by"
     * @param network the accounts in the searcher's network
     */
    public static SearchScope of(Party searcher, Set<Region> served, Map<UUID, VisibilityMode> organization,
                                 Set<UUID> paired, Set<UUID> network) {
        Set<Region> regions = EnumSet.noneOf(Region.class);
        for (Region region : served) {
            if (!searcher.region().separatedFrom(region)) {
                regions.add(region);
            }
        }
        Optional<UUID> colleagues = searcher.standalone() ? Optional.empty() : Optional.of(searcher.companyId());
        Set<UUID> whole = new HashSet<>(paired);
        Set<UUID> inOrganization = new HashSet<>();
        if (searcher.organizationId() != null) {
            organization.forEach((company, mode) -> {
                if (searcher.companyMode() == VisibilityMode.ORGANIZATION && mode == VisibilityMode.ORGANIZATION) {
                    whole.add(company);
                } else {
                    inOrganization.add(company);
                }
            });
        }
        whole.remove(searcher.companyId());
        inOrganization.removeAll(whole);
        inOrganization.remove(searcher.companyId());
        VisibilityMode outside = VisibilityRules.seen(searcher, false).mode();
        boolean open = outside == VisibilityMode.PUBLIC || outside == VisibilityMode.PRIVATE;
        return new SearchScope(searcher.accountId(), regions, open, colleagues, whole, inOrganization, network);
    }

    /** SPEC §3: the email of a user found is shown to colleagues and to the network only. */
    public boolean showsEmail(UUID companyId, UUID accountId) {
        return colleagues.filter(companyId::equals).isPresent() || network.contains(accountId);
    }

    public boolean admits(Entry entry) {
        if (entry.accountId().equals(searcher) || !regions.contains(entry.region())) {
            return false;
        }
        if (entry.email()) {
            return showsEmail(entry.companyId(), entry.accountId());
        }
        return colleagues.filter(entry.companyId()::equals).isPresent()
                || wholeCompanies.contains(entry.companyId())
                || open && entry.findable()
                || organizationCompanies.contains(entry.companyId()) && entry.findableInOrganization()
                || network.contains(entry.accountId());
    }

    /** Whether a user is seen as public by users of other companies outside their organization. */
    public static boolean findable(VisibilityMode companyMode, VisibilityMode memberMode) {
        return seenAsPublic(companyMode, memberMode, false);
    }

    /** Whether a user is seen as public by users of the other companies of their organization. */
    public static boolean findableInOrganization(VisibilityMode companyMode, VisibilityMode memberMode) {
        return seenAsPublic(companyMode, memberMode, true);
    }

    private static boolean seenAsPublic(VisibilityMode companyMode, VisibilityMode memberMode, boolean inside) {
        Party party = new Party(new UUID(0, 0), new UUID(0, 0), Region.DEFAULT, companyMode, memberMode, null);
        return VisibilityRules.seen(party, inside).mode() == VisibilityMode.PUBLIC;
    }
}
