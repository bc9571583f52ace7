package org.iris.visibility.control;

import org.iris.company.entity.Company;
import org.iris.platform.entity.VisibilityMode;
import org.iris.platform.entity.Region;
import org.iris.visibility.control.VisibilityRules.Party;
import org.iris.visibility.control.VisibilityRules.Relation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search's sets must admit exactly whom the pairwise rules let the searcher find. */
class SearchScopeTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();

    /** Every company mode with every member mode its derogations allow, in or out of organizations and regions. */
    private static List<Party> everyone() {
        List<Party> parties = new ArrayList<>();
        for (VisibilityMode company : VisibilityMode.values()) {
            List<VisibilityMode> members = new ArrayList<>(company.memberOverrides());
            members.add(null);
            for (VisibilityMode member : members) {
                for (UUID organization : new UUID[] {null, ORG, OTHER_ORG}) {
                    if (company == VisibilityMode.ORGANIZATION && organization == null) {
                        continue;
                    }
                    for (Region region : new Region[] {Region.EMEA, Region.DE, Region.CN}) {
                        Party party = new Party(UUID.randomUUID(), UUID.randomUUID(), region, company, member, organization);
                        parties.add(party);
                        // and a colleague who inherits the company's mode
                        parties.add(new Party(UUID.randomUUID(), party.companyId(), region, company, null, organization));
                    }
                }
            }
        }
        // standalone users of the Default company, public, in EMEA, who are no colleagues of each other
        for (int i = 0; i < 3; i++) {
            parties.add(new Party(UUID.randomUUID(), Company.DEFAULT_ID, Region.EMEA, VisibilityMode.PUBLIC, null, null));
        }
        return parties;
    }

    @Test
    void admitsExactlyWhomTheRulesLetTheSearcherFind() {
        List<Party> everyone = everyone();
        Map<UUID, VisibilityMode> organization = new HashMap<>();
        everyone.stream().filter(p -> ORG.equals(p.organizationId())).forEach(p -> organization.put(p.companyId(), p.companyMode()));
        Map<UUID, VisibilityMode> otherOrganization = new HashMap<>();
        everyone.stream().filter(p -> OTHER_ORG.equals(p.organizationId())).forEach(p -> otherOrganization.put(p.companyId(), p.companyMode()));
        int checked = 0;
        for (Party searcher : everyone) {
            // one paired company and one contact per searcher, chosen among the others
            Party pairedWith = everyone.get(Math.floorMod(searcher.accountId().hashCode(), everyone.size()));
            Party contact = everyone.get(Math.floorMod(searcher.accountId().hashCode() * 31 + 7, everyone.size()));
            Set<UUID> paired = searcher.region().separatedFrom(pairedWith.region()) ? Set.of() : Set.of(pairedWith.companyId());
            Set<UUID> network = searcher.region().separatedFrom(contact.region()) ? Set.of() : Set.of(contact.accountId());
            Map<UUID, VisibilityMode> own = ORG.equals(searcher.organizationId()) ? organization
                    : OTHER_ORG.equals(searcher.organizationId()) ? otherOrganization : Map.of();
            SearchScope scope = SearchScope.of(searcher, EnumSet.allOf(Region.class), own, paired, network);
            for (Party target : everyone) {
                Relation relation = new Relation(paired.contains(target.companyId()), network.contains(target.accountId()));
                boolean expected = !target.accountId().equals(searcher.accountId())
                        && VisibilityRules.decide(searcher, target, relation).find();
                assertEquals(expected, scope.admits(SearchScope.Entry.of(target)),
                        () -> searcher + " searching " + target + " " + relation);
                VisibilityRules.Verdict verdict = VisibilityRules.decide(searcher, target, relation);
                if (expected && verdict.findRule() != VisibilityRules.Rule.NETWORK) {
                    // the search answers promise that whoever it finds outside the network can be invited
                    assertEquals(VisibilityRules.Invite.YES, verdict.invite(), () -> searcher + " inviting " + target);
                }
                checked++;
            }
        }
        assertTrue(checked > 20_000, "checked " + checked + " pairs");
    }

    /** A hidden email must not be rebuilt by typing its prefixes: only those shown it match it. */
    @Test
    void anEmailIsMatchedOnlyByColleaguesAndTheNetwork() {
        List<Party> everyone = everyone();
        int checked = 0;
        for (Party searcher : everyone) {
            Party contact = everyone.get(Math.floorMod(searcher.accountId().hashCode() * 31 + 7, everyone.size()));
            Set<UUID> network = searcher.region().separatedFrom(contact.region()) ? Set.of() : Set.of(contact.accountId());
            // paired with every company: no pair shows an email
            Set<UUID> paired = new java.util.HashSet<>();
            everyone.forEach(p -> paired.add(p.companyId()));
            paired.remove(searcher.companyId());
            SearchScope scope = SearchScope.of(searcher, EnumSet.allOf(Region.class), Map.of(), paired, network);
            for (Party target : everyone) {
                boolean shown = !target.accountId().equals(searcher.accountId())
                        && (searcher.colleagueOf(target) || network.contains(target.accountId()));
                assertEquals(shown, scope.admits(SearchScope.Entry.email(target)), () -> searcher + " typing the email of " + target);
                checked++;
            }
        }
        assertTrue(checked > 20_000, "checked " + checked + " pairs");
    }

    @Test
    void aChinaSearcherSearchesChinaOnly() {
        Party searcher = new Party(UUID.randomUUID(), UUID.randomUUID(), Region.CN, VisibilityMode.PUBLIC, null, null);
        assertEquals(Set.of(Region.CN), SearchScope.of(searcher, EnumSet.allOf(Region.class), Map.of(), Set.of(), Set.of()).regions());
        Party other = new Party(UUID.randomUUID(), UUID.randomUUID(), Region.EMEA, VisibilityMode.PUBLIC, null, null);
        assertFalse(SearchScope.of(other, EnumSet.allOf(Region.class), Map.of(), Set.of(), Set.of()).regions().contains(Region.HDS));
    }
}
