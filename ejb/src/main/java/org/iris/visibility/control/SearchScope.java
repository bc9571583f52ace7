package org.iris.visibility.control;

import org.iris.company.entity.VisibilityMode;
import org.iris.residency.entity.Region;
import org.iris.visibility.control.VisibilityRules.Party;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a searcher's directory search may return, in the terms the index can answer fast: the rules of
 * {@link VisibilityRules} turned from "this pair" into "these sets". A user is found when they are in
 * one of the regions searched and one of these holds:
 * <ul>
 *   <li>their company is one whose members the searcher sees all of (own, "visibility by" pairs, and
 *       for an organization-mode company the organization's other organization-mode companies);</li>
 *   <li>the searcher may search outside their company, and the user is seen as public from outside
 *       ({@link #findable});</li>
 *   <li>their company is in the searcher's organization and the user is seen as public inside it
 *       ({@link #findableInOrganization});</li>
 *   <li>they are in the searcher's network.</li>
 * </ul>
 * {@code SearchScopeTest} checks, for every combination of modes, that this agrees with the rules.
 */
public record SearchScope(UUID searcher, Set<Region> regions, boolean open, Set<UUID> wholeCompanies,
                          Set<UUID> organizationCompanies, Set<UUID> network) {

    /** One user as the index keeps them. */
    public record Entry(UUID accountId, UUID companyId, Region region, boolean findable, boolean findableInOrganization) {

        public static Entry of(Party party) {
            return new Entry(party.accountId(), party.companyId(), party.region(), SearchScope.findable(party.companyMode(), party.memberMode()),
                    SearchScope.findableInOrganization(party.companyMode(), party.memberMode()));
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
        Set<UUID> whole = new HashSet<>(paired);
        whole.add(searcher.companyId());
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
        inOrganization.removeAll(whole);
        VisibilityMode outside = VisibilityRules.seen(searcher, false).mode();
        boolean open = outside == VisibilityMode.PUBLIC || outside == VisibilityMode.PRIVATE;
        return new SearchScope(searcher.accountId(), regions, open, whole, inOrganization, network);
    }

    public boolean admits(Entry entry) {
        if (entry.accountId().equals(searcher) || !regions.contains(entry.region())) {
            return false;
        }
        return wholeCompanies.contains(entry.companyId())
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
