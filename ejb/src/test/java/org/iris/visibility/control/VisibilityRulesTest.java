package org.iris.visibility.control;

import org.iris.company.entity.Company;
import org.iris.platform.entity.VisibilityMode;
import org.iris.platform.entity.Region;
import org.iris.visibility.control.VisibilityRules.Invite;
import org.iris.visibility.control.VisibilityRules.Party;
import org.iris.visibility.control.VisibilityRules.Relation;
import org.iris.visibility.control.VisibilityRules.Rule;
import org.iris.visibility.control.VisibilityRules.Source;
import org.iris.visibility.control.VisibilityRules.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.iris.platform.entity.VisibilityMode.CLOSED;
import static org.iris.platform.entity.VisibilityMode.ISOLATED;
import static org.iris.platform.entity.VisibilityMode.ORGANIZATION;
import static org.iris.platform.entity.VisibilityMode.PRIVATE;
import static org.iris.platform.entity.VisibilityMode.PUBLIC;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §3 and §4, cell by cell and sentence by sentence; the expected answers are written from the spec. */
class VisibilityRulesTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();

    static Party user(VisibilityMode companyMode) {
        return user(companyMode, null, null, Region.EMEA);
    }

    static Party user(VisibilityMode companyMode, VisibilityMode memberMode, UUID organization, Region region) {
        return new Party(UUID.randomUUID(), UUID.randomUUID(), region, companyMode, memberMode, organization);
    }

    static Party colleague(Party of) {
        return new Party(UUID.randomUUID(), of.companyId(), of.region(), of.companyMode(), null, of.organizationId());
    }

    static Verdict decide(Party searcher, Party target) {
        return VisibilityRules.decide(searcher, target, Relation.NONE);
    }

    /** SPEC §3's second table: X against a user of another, public, company. */
    @ParameterizedTest(name = "{0}: others find X {1}, others invite X {2}, X finds others {3}, X invites others {4}")
    @CsvSource({
            "PUBLIC,   true,  YES,      true,  YES",
            "PRIVATE,  false, BY_EMAIL, true,  YES",
            "CLOSED,   false, BY_EMAIL, false, BY_EMAIL",
            "ISOLATED, false, NO,       false, NO",
    })
    void modesTable(VisibilityMode mode, boolean othersFind, Invite othersInvite, boolean findsOthers, Invite invitesOthers) {
        Party x = user(mode);
        Party other = user(PUBLIC);
        assertAll(
                () -> assertEquals(othersFind, decide(other, x).find(), "others can find X by search"),
                () -> assertEquals(othersInvite, decide(other, x).invite(), "others can invite X"),
                () -> assertEquals(findsOthers, decide(x, other).find(), "X can find others by search"),
                () -> assertEquals(invitesOthers, decide(x, other).invite(), "X can invite others"));
    }

    /** The same table read for members whose admin gave them their own mode (the derogations). */
    @ParameterizedTest(name = "{1} member of a {0} company: found {2}, invited {3}, finds {4}, invites {5}")
    @CsvSource({
            "PUBLIC,  PRIVATE, false, BY_EMAIL, true,  YES",
            "PRIVATE, PUBLIC,  true,  YES,      true,  YES",
            "CLOSED,  PUBLIC,  true,  YES,      true,  YES",
            "CLOSED,  PRIVATE, false, BY_EMAIL, true,  YES",
    })
    void derogationsFollowTheMembersMode(VisibilityMode company, VisibilityMode member, boolean othersFind,
                                         Invite othersInvite, boolean findsOthers, Invite invitesOthers) {
        Party x = user(company, member, null, Region.EMEA);
        Party other = user(PUBLIC);
        assertAll(
                () -> assertEquals(othersFind, decide(other, x).find()),
                () -> assertEquals(othersInvite, decide(other, x).invite()),
                () -> assertEquals(findsOthers, decide(x, other).find()),
                () -> assertEquals(invitesOthers, decide(x, other).invite()),
                () -> assertEquals(Source.MEMBER, decide(other, x).target().source()));
    }

    /** Every pair of company modes across two companies with no organization, pair or network in common. */
    @ParameterizedTest(name = "{0} searching {1}: find {2}, invite {3} ({4})")
    @CsvSource({
            "PUBLIC,       PUBLIC,       true,  YES,      MODES",
            "PUBLIC,       PRIVATE,      false, BY_EMAIL, TARGET_MODE",
            "PUBLIC,       CLOSED,       false, BY_EMAIL, TARGET_MODE",
            "PUBLIC,       ISOLATED,     false, NO,       TARGET_MODE",
            "PUBLIC,       ORGANIZATION, false, BY_EMAIL, TARGET_MODE",
            "PRIVATE,      PUBLIC,       true,  YES,      MODES",
            "PRIVATE,      PRIVATE,      false, BY_EMAIL, TARGET_MODE",
            "PRIVATE,      CLOSED,       false, BY_EMAIL, TARGET_MODE",
            "PRIVATE,      ISOLATED,     false, NO,       TARGET_MODE",
            "PRIVATE,      ORGANIZATION, false, BY_EMAIL, TARGET_MODE",
            "CLOSED,       PUBLIC,       false, BY_EMAIL, SEARCHER_MODE",
            "CLOSED,       PRIVATE,      false, BY_EMAIL, SEARCHER_MODE",
            "CLOSED,       CLOSED,       false, BY_EMAIL, SEARCHER_MODE",
            "CLOSED,       ISOLATED,     false, NO,       TARGET_MODE",
            "CLOSED,       ORGANIZATION, false, BY_EMAIL, SEARCHER_MODE",
            "ISOLATED,     PUBLIC,       false, NO,       SEARCHER_MODE",
            "ISOLATED,     PRIVATE,      false, NO,       SEARCHER_MODE",
            "ISOLATED,     CLOSED,       false, NO,       SEARCHER_MODE",
            "ISOLATED,     ISOLATED,     false, NO,       SEARCHER_MODE",
            "ISOLATED,     ORGANIZATION, false, NO,       SEARCHER_MODE",
            "ORGANIZATION, PUBLIC,       true,  YES,      MODES",
            "ORGANIZATION, PRIVATE,      false, BY_EMAIL, TARGET_MODE",
            "ORGANIZATION, CLOSED,       false, BY_EMAIL, TARGET_MODE",
            "ORGANIZATION, ISOLATED,     false, NO,       TARGET_MODE",
            "ORGANIZATION, ORGANIZATION, false, BY_EMAIL, TARGET_MODE",
    })
    void everyPairOfModesBetweenStrangers(VisibilityMode searcherMode, VisibilityMode targetMode, boolean find,
                                          Invite invite, Rule inviteRule) {
        // organization-mode companies, each in an organization of its own
        Party searcher = user(searcherMode, null, searcherMode == ORGANIZATION ? ORG : null, Region.EMEA);
        Party target = user(targetMode, null, targetMode == ORGANIZATION ? OTHER_ORG : null, Region.DE);
        Verdict verdict = decide(searcher, target);
        assertAll(
                () -> assertEquals(find, verdict.find(), "find"),
                () -> assertEquals(invite, verdict.invite(), "invite"),
                () -> assertEquals(inviteRule, verdict.inviteRule(), "invite rule"),
                () -> assertFalse(verdict.autoAccepted(), "across companies an invitation waits for the invitee"),
                () -> assertFalse(verdict.presence(), "presence is for the network only"));
    }

    @Nested
    class SameCompany {

        @ParameterizedTest(name = "{0}")
        @CsvSource({"PUBLIC", "PRIVATE", "CLOSED", "ISOLATED", "ORGANIZATION"})
        void membersAlwaysFindAndInviteEachOtherAcceptedAtOnce(VisibilityMode mode) {
            Party one = user(mode, null, mode == ORGANIZATION ? ORG : null, Region.EMEA);
            Verdict verdict = decide(one, colleague(one));
            assertAll(
                    () -> assertTrue(verdict.find()),
                    () -> assertEquals(Invite.YES, verdict.invite()),
                    () -> assertTrue(verdict.autoAccepted()),
                    () -> assertEquals(Rule.SAME_COMPANY, verdict.findRule()),
                    () -> assertFalse(verdict.presence(), "a colleague outside one's network sees no presence"));
        }

        @Test
        void membersOfAChinaCompanyFindEachOther() {
            Party one = user(PUBLIC, null, null, Region.CN);
            assertTrue(decide(one, colleague(one)).find());
        }

        @Test
        void aPrivateMemberIsFoundByColleagues() {
            Party one = user(PUBLIC);
            Party hidden = new Party(UUID.randomUUID(), one.companyId(), one.region(), PUBLIC, PRIVATE, null);
            assertEquals(Rule.SAME_COMPANY, decide(one, hidden).findRule());
        }
    }

    @Nested
    class Organization {

        @Test
        void anOrganizationModeCompanyIsSeenAsPrivateFromOutsideItsOrganization() {
            Party member = user(ORGANIZATION, null, ORG, Region.EMEA);
            Party outsider = user(PUBLIC);
            Verdict in = decide(outsider, member);
            assertAll(
                    () -> assertFalse(in.find()),
                    () -> assertEquals(Invite.BY_EMAIL, in.invite()),
                    () -> assertEquals(new VisibilityRules.Seen(PRIVATE, Source.OUTSIDE_ORGANIZATION), in.target()),
                    // seen as private, its members still find and invite public users outside
                    () -> assertTrue(decide(member, outsider).find()),
                    () -> assertEquals(Invite.YES, decide(member, outsider).invite()));
        }

        @Test
        void aPublicCompanyOfAnotherOrganizationDoesNotFindOrganizationModeMembers() {
            Party member = user(ORGANIZATION, null, ORG, Region.EMEA);
            Party elsewhere = user(PUBLIC, null, OTHER_ORG, Region.EMEA);
            assertFalse(decide(elsewhere, member).find());
        }

        @Test
        void organizationModeMembersOfOneOrganizationSeeEachOtherAsIfInOneCompany() {
            Party one = user(ORGANIZATION, null, ORG, Region.EMEA);
            Party other = user(ORGANIZATION, null, ORG, Region.DE);
            Verdict verdict = decide(one, other);
            assertAll(
                    () -> assertTrue(verdict.find()),
                    () -> assertEquals(Invite.YES, verdict.invite()),
                    () -> assertEquals(Rule.ORGANIZATION, verdict.findRule()),
                    () -> assertFalse(verdict.autoAccepted(), "they are still two companies (SPEC §4)"));
        }

        @Test
        void organizationModeMembersCannotSearchThePrivateHeadquarters() {
            Party headquarters = user(PRIVATE, null, ORG, Region.EMEA);
            Party branch = user(ORGANIZATION, null, ORG, Region.EMEA);
            Verdict verdict = decide(branch, headquarters);
            assertAll(
                    () -> assertFalse(verdict.find()),
                    () -> assertEquals(Rule.TARGET_MODE, verdict.findRule()),
                    () -> assertEquals(Invite.BY_EMAIL, verdict.invite()));
        }

        @Test
        void thePrivateHeadquartersSearchesOrganizationModeMembers() {
            Party headquarters = user(PRIVATE, null, ORG, Region.EMEA);
            Party branch = user(ORGANIZATION, null, ORG, Region.NA);
            Verdict verdict = decide(headquarters, branch);
            assertAll(
                    () -> assertTrue(verdict.find()),
                    () -> assertEquals(Invite.YES, verdict.invite()),
                    () -> assertEquals(new VisibilityRules.Seen(PUBLIC, Source.INSIDE_ORGANIZATION), verdict.target()));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"CLOSED", "ISOLATED"})
        void closedOrIsolatedCompaniesAreSeenAsPublicInsideTheirOrganization(VisibilityMode mode) {
            Party inside = user(mode, null, ORG, Region.EMEA);
            for (Party neighbour : new Party[] {user(PUBLIC, null, ORG, Region.DE), user(PRIVATE, null, ORG, Region.DE),
                    user(ORGANIZATION, null, ORG, Region.DE), user(CLOSED, null, ORG, Region.DE)}) {
                assertAll(neighbour.companyMode().name(),
                        () -> assertTrue(decide(neighbour, inside).find(), "others of the organization find them"),
                        () -> assertEquals(Invite.YES, decide(neighbour, inside).invite()),
                        () -> assertTrue(decide(inside, neighbour).find() == (neighbour.companyMode() != PRIVATE),
                                "they search the organization like a public company"));
            }
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"CLOSED, BY_EMAIL", "ISOLATED, NO"})
        void closedOrIsolatedCompaniesKeepTheirModeTowardTheOutside(VisibilityMode mode, Invite invited) {
            Party inside = user(mode, null, ORG, Region.EMEA);
            Party outsider = user(PUBLIC);
            assertAll(
                    () -> assertFalse(decide(outsider, inside).find()),
                    () -> assertEquals(invited, decide(outsider, inside).invite()),
                    () -> assertFalse(decide(inside, outsider).find()),
                    () -> assertEquals(invited, decide(inside, outsider).invite()));
        }

        @Test
        void aMembersOwnModeStaysTheirsInsideTheOrganization() {
            Party hidden = user(CLOSED, PRIVATE, ORG, Region.EMEA);
            Party neighbour = user(PUBLIC, null, ORG, Region.EMEA);
            assertFalse(decide(neighbour, hidden).find());
            assertEquals(Source.MEMBER, decide(neighbour, hidden).target().source());
        }
    }

    @Nested
    class VisibilityBy {

        @Test
        void pairedCompaniesSeeEachOtherWhateverTheirModes() {
            Party closed = user(ISOLATED);
            Party other = user(CLOSED, PRIVATE, null, Region.DE);
            Verdict verdict = VisibilityRules.decide(closed, other, new Relation(true, false));
            assertAll(
                    () -> assertTrue(verdict.find()),
                    () -> assertEquals(Invite.YES, verdict.invite()),
                    () -> assertEquals(Rule.VISIBILITY_BY, verdict.findRule()),
                    () -> assertFalse(verdict.autoAccepted()));
        }
    }

    @Nested
    class Network {

        @Test
        void aUsersNetworkIsAlwaysSearchable() {
            Party closed = user(CLOSED);
            Party isolated = user(ISOLATED);
            Verdict verdict = VisibilityRules.decide(closed, isolated, new Relation(false, true));
            assertAll(
                    () -> assertTrue(verdict.find()),
                    () -> assertEquals(Rule.NETWORK, verdict.findRule()),
                    () -> assertEquals(Invite.NO, verdict.invite(), "the network finds, it does not open invitations"),
                    () -> assertTrue(verdict.presence()),
                    () -> assertEquals(Rule.NETWORK, verdict.presenceRule()));
        }

        @Test
        void presenceIsForTheNetworkOnly() {
            Verdict verdict = decide(user(PUBLIC), user(PUBLIC));
            assertFalse(verdict.presence());
            assertEquals(Rule.NOT_IN_NETWORK, verdict.presenceRule());
        }
    }

    @Nested
    class IsolatedBoundaries {

        @ParameterizedTest(name = "{0} and {1}")
        @CsvSource({"CN, EMEA", "EMEA, CN", "HDS, DE", "NA, HDS", "CN, HDS", "HDS, CN"})
        void nobodyFindsInvitesOrMeetsAcrossChinaOrHds(Region one, Region other) {
            Party searcher = user(PUBLIC, null, null, one);
            Party target = user(PUBLIC, null, null, other);
            for (Relation relation : new Relation[] {Relation.NONE, new Relation(true, true)}) {
                Verdict verdict = VisibilityRules.decide(searcher, target, relation);
                assertAll(
                        () -> assertFalse(verdict.find()),
                        () -> assertEquals(Invite.NO, verdict.invite()),
                        () -> assertFalse(verdict.presence()),
                        () -> assertEquals(Rule.ISOLATED_BOUNDARY, verdict.findRule()));
            }
        }

        @Test
        void insideChinaTheModesApplyAsAnywhere() {
            assertTrue(decide(user(PUBLIC, null, null, Region.CN), user(PUBLIC, null, null, Region.CN)).find());
            assertFalse(decide(user(PUBLIC, null, null, Region.HDS), user(PRIVATE, null, null, Region.HDS)).find());
        }
    }

    /** SPEC §3: "The Default company is not a company of colleagues." */
    @Nested
    class Standalone {

        Party standalone() {
            return new Party(UUID.randomUUID(), Company.DEFAULT_ID, Region.EMEA, PUBLIC, null, null);
        }

        @Test
        void standaloneUsersMeetAsMembersOfDifferentPublicCompaniesDo() {
            Verdict verdict = decide(standalone(), standalone());
            assertAll(
                    () -> assertTrue(verdict.find(), "found by search"),
                    () -> assertEquals(Rule.MODES, verdict.findRule()),
                    () -> assertEquals(Invite.YES, verdict.invite()),
                    () -> assertFalse(verdict.autoAccepted(), "the invitation waits for the invitee"),
                    () -> assertFalse(verdict.presence(), "no presence outside the network"));
        }

        @Test
        void theyAreNoColleaguesOfEachOther() {
            Party one = standalone();
            assertFalse(one.colleagueOf(standalone()));
            Party member = user(PUBLIC);
            assertTrue(member.colleagueOf(colleague(member)));
        }
    }

    /** SPEC §3: "Superadmins are operators: nobody but a superadmin finds or invites them." */
    @Nested
    class Operators {

        Party superadmin() {
            return new Party(UUID.randomUUID(), Company.DEFAULT_ID, Region.EMEA, PUBLIC, null, null, true);
        }

        @Test
        void nobodyButASuperadminFindsOrInvitesASuperadmin() {
            Party operator = superadmin();
            Party standalone = new Party(UUID.randomUUID(), Company.DEFAULT_ID, Region.EMEA, PUBLIC, null, null);
            for (Party anyone : new Party[] {standalone, user(PUBLIC), user(CLOSED)}) {
                for (Relation relation : new Relation[] {Relation.NONE, new Relation(true, false)}) {
                    Verdict verdict = VisibilityRules.decide(anyone, operator, relation);
                    assertAll(
                            () -> assertFalse(verdict.find()),
                            () -> assertEquals(Invite.NO, verdict.invite()),
                            () -> assertEquals(Rule.OPERATOR, verdict.findRule()),
                            () -> assertEquals(Rule.OPERATOR, verdict.inviteRule()));
                }
            }
            Verdict peer = decide(superadmin(), operator);
            assertTrue(peer.find());
            assertEquals(Invite.YES, peer.invite());
        }

        @Test
        void aSuperadminMeetsOthersAsAStandaloneUserWould() {
            Verdict verdict = decide(superadmin(), user(PUBLIC));
            assertTrue(verdict.find());
            assertFalse(verdict.autoAccepted());
            assertFalse(decide(superadmin(), user(PRIVATE)).find());
        }
    }

    @Test
    void aUserAndThemselves() {
        Party one = user(ISOLATED);
        Verdict verdict = decide(one, one);
        assertEquals(Rule.SAME_ACCOUNT, verdict.findRule());
        assertEquals(Invite.NO, verdict.invite());
        assertTrue(verdict.presence());
    }
}
