package org.iris;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.iris.it.Api;
import org.iris.it.Databases;
import org.iris.it.Mailbox;
import org.iris.it.People;
import org.iris.it.Secret;
import org.iris.it.Tenants;
import org.iris.it.Tenants.Invitee;
import org.iris.it.Tokens;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.Test;

import java.net.IDN;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.iris.it.Problems.assertProblem;
import static org.iris.it.People.PASSWORD;
import static org.iris.it.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Company administration from outside: invitations, domains, the fixed region and HDS flag, member
 * derogations and restrictions, licences, role changes, organizations and visibility pairs, the
 * Default company, business partners' customers, and what attackers try.
 */
class CompanyAdministrationIT extends WithPeople {

    @Test
    void anInvitationCreatesTheAccountInTheInvitingCompanyWithItsRoles() throws Exception {
        String company = tenants.company("Kraftwerk", "DE", null);
        String email = People.newEmail("kraftwerk.example");
        expect(tenants.invite(company, email, "fr", superadmin, "company_admin"), 202);
        assertTrue(Mailbox.subject(Mailbox.await(email, 1)).startsWith("Invitation à rejoindre Kraftwerk"));
        String token = Tenants.invitationToken(email, 1);

        JsonObject account = Api.json(expect(tenants.accept(token, PASSWORD), 201));
        assertEquals(company, account.getString("companyId"));
        assertEquals("DE", account.getString("region"));
        assertTrue(account.getJsonArray("roles").toString().contains("company_admin"));
        for (String region : Databases.REGIONS) {
            assertEquals(region.equals("de") ? List.of(company) : List.of(),
                    Databases.column(region, "SELECT company_id FROM account WHERE email_hash = ?", Secret.emailHash(email)));
        }
        assertEquals(List.of("DE"), Databases.column("global", "SELECT region FROM account_route WHERE email_hash = ?",
                Secret.emailHash(email)));
        // The invitation is spent.
        assertProblem(tenants.accept(token, PASSWORD), 400);
        assertProblem(tenants.accept("de." + "A".repeat(43), PASSWORD), 400);

        // The new admin's own, Iris-issued token administers the company, and only it.
        String admin = people.tokens(email, PASSWORD).getString("accessToken");
        assertTrue(expect(api.get(api.api("companies/" + company + "/members"), admin), 200).body().contains(email));
        String colleague = People.newEmail("kraftwerk.example");
        expect(tenants.invite(company, colleague, null, admin), 202);
        assertTrue(Mailbox.subject(Mailbox.await(colleague, 1)).startsWith("You are invited to join Kraftwerk"));
        // bp_* roles exist only in a business partner.
        assertProblem(tenants.invite(company, People.newEmail("kraftwerk.example"), null, admin, "bp_finance"), 400);
    }

    @Test
    void invitingAnEmailThatHasAnAccountAnswersAlikeAndTellsOnlyItsOwner() throws Exception {
        String company = tenants.company("Already", "EMEA", null);
        String email = People.newEmail("already.example");
        people.register(email);
        expect(tenants.invite(company, email, null, superadmin), 202);
        String text = Mailbox.text(Mailbox.await(email, 2));
        assertTrue(text.contains("already has an Iris account"), text);
        assertFalse(text.matches("(?s).*[a-z]{2,4}\\.[A-Za-z0-9_-]{43}.*"), "no link that would open an account: " + text);
        // listed as waiting like any invitation, so that the list tells no administrator who has an account
        assertEquals(List.of("1"), Databases.column("emea", "SELECT count(*) FROM company_invitation WHERE email_hash = ?",
                Secret.emailHash(email)));
    }

    @Test
    void domainsAreNormalizedAndNeverBelongToTwoCompanies() throws Exception {
        String owner = tenants.company("Owner", "NA", null);
        String rival = tenants.company("Rival", "EMEA", null);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject set = Api.json(expect(api.put("companies/" + owner + "/domains",
                "{\"domains\": [\" Owner-" + tag + ".ORG. \", \"bücher-" + tag + ".example\"]}", superadmin), 200));
        assertEquals(List.of("owner-" + tag + ".org", IDN.toASCII("bücher-" + tag + ".example")),
                set.getJsonArray("domains").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertTrue(set.getJsonArray("domains").getString(1).startsWith("xn--"), set.toString());

        assertProblem(api.put("companies/" + rival + "/domains", "{\"domains\": [\"OWNER-" + tag + ".org\"]}", superadmin), 409);
        assertProblem(api.put("companies/" + rival + "/domains", "{\"domains\": [\"not a domain\"]}", superadmin), 400);
        assertEquals(List.of(), Databases.column("global", "SELECT domain FROM company_domain WHERE company_id = ?", UUID.fromString(rival)));
        assertProblem(api.put("companies/" + owner + "/domains", "{\"domains\": []}",
                Tokens.forAccount(UUID.randomUUID(), UUID.fromString(owner), "NA", "user", "company_admin")), 403);
        assertEquals(2, Databases.column("global", "SELECT domain FROM company_domain WHERE company_id = ?", UUID.fromString(owner)).size());

        // A person who registers with the domain joins the company, in its region.
        String email = "someone-" + tag + "@owner-" + tag + ".org";
        JsonObject account = people.register(email);
        assertEquals(owner, account.getString("companyId"));
        assertEquals("NA", account.getString("region"));
    }

    @Test
    void aCompanysRegionAndHdsFlagNeverChange() throws Exception {
        String clinic = tenants.company("Clinique", "EMEA", "\"hds\": true");
        assertProblem(api.patch("companies/" + clinic, "{\"hds\": false}", superadmin), 400);
        assertProblem(api.patch("companies/" + clinic, "{\"region\": \"EMEA\", \"name\": \"Moved\"}", superadmin), 400);
        assertEquals(List.of("HDS|true"), Databases.column("hds", "SELECT region || '|' || hds FROM company WHERE id = ?", UUID.fromString(clinic)));
        assertEquals(List.of(), Databases.column("hds", "SELECT name FROM company WHERE id = ? AND name = 'Moved'", UUID.fromString(clinic)));
        // Only a superadmin sets the flag, even a business partner allowed to create customers may not.
        String partner = tenants.company("Partner", "EMEA", "\"businessPartner\": true");
        assertProblem(api.postJson(api.api("companies"), "{\"name\": \"Sneaky clinic\", \"hds\": true}",
                Tokens.forAccount(UUID.randomUUID(), UUID.fromString(partner), "EMEA", "user", "bp_operation")), 403);
    }

    @Test
    void aMembersOwnVisibilityStaysWithinTheDerogations() throws Exception {
        String company = tenants.company("Closed", "APAC", null);
        Invitee member = tenants.member(company);
        String path = "companies/" + company + "/members/" + member.id();
        expect(api.patch("companies/" + company, "{\"visibility\": \"closed\"}", superadmin), 200);
        assertEquals("private", Api.json(expect(api.patch(path, "{\"visibility\": \"private\"}", superadmin), 200)).getString("visibility"));
        assertEquals("public", Api.json(expect(api.patch(path, "{\"visibility\": \"public\"}", superadmin), 200)).getString("visibility"));
        assertProblem(api.patch(path, "{\"visibility\": \"isolated\"}", superadmin), 400);
        assertEquals(List.of("PUBLIC"), visibilityOf("apac", member));

        // The company becomes public: a public override means nothing there, the member inherits again.
        expect(api.patch("companies/" + company, "{\"visibility\": \"public\"}", superadmin), 200);
        assertEquals(Collections.singletonList(null), visibilityOf("apac", member));
        assertEquals("private", Api.json(expect(api.patch(path, "{\"visibility\": \"private\"}", superadmin), 200)).getString("visibility"));
        assertProblem(api.patch(path, "{\"visibility\": \"closed\"}", superadmin), 400);
        assertFalse(Api.json(expect(api.patch(path, "{\"visibility\": null}", superadmin), 200)).containsKey("visibility"));
        assertEquals(Collections.singletonList(null), visibilityOf("apac", member));

        expect(api.patch(path, "{\"visibility\": \"private\"}", superadmin), 200);
        expect(api.patch("companies/" + company, "{\"visibility\": \"isolated\"}", superadmin), 200);
        // an isolated company's members are isolated, whatever they were before
        assertEquals(Collections.singletonList(null), visibilityOf("apac", member));
        for (String mode : List.of("public", "private", "closed")) {
            assertProblem(api.patch(path, "{\"visibility\": \"" + mode + "\"}", superadmin), 400);
        }
        assertProblem(api.patch(path, "{\"visibility\": \"invisible\"}", superadmin), 400);
    }

    private static List<String> visibilityOf(String region, Invitee member) throws Exception {
        return Databases.column(region, "SELECT visibility_mode FROM account WHERE id = ?", UUID.fromString(member.id()));
    }

    @Test
    void aMemberForbiddenToEditTheirNameCannotChangeItButStillTheirLanguage() throws Exception {
        String company = tenants.company("Strict", "ANZ", null);
        Invitee member = tenants.member(company);
        String token = people.tokens(member.email(), PASSWORD).getString("accessToken");
        expect(api.patch("companies/" + company, "{\"nameEditForbidden\": true}", superadmin), 200);
        assertFalse(Api.json(expect(api.get(api.api("users/me"), token), 200)).getBoolean("nameEditAllowed"));

        for (String patch : List.of("{\"firstName\": \"Amazing\"}", "{\"title\": \"Rear Admiral\"}",
                "{\"lastName\": \"H.\", \"language\": \"fr\"}")) {
            assertProblem(api.patch("users/me", patch, token), 403);
        }
        assertEquals(List.of("Grace Hopper en"), Databases.column("anz",
                "SELECT first_name || ' ' || last_name || ' ' || language FROM account WHERE id = ?", UUID.fromString(member.id())));
        assertEquals("fr", Api.json(expect(api.patch("users/me", "{\"language\": \"fr\"}", token), 200)).getString("language"));

        expect(api.patch("companies/" + company, "{\"nameEditForbidden\": false}", superadmin), 200);
        assertEquals("Amazing", Api.json(expect(api.patch("users/me", "{\"firstName\": \"Amazing\"}", token), 200)).getString("firstName"));
    }

    @Test
    void theLicenceDecidesTheFeaturesAndSeatsAreNeverOversold() throws Exception {
        String company = tenants.company("Licensed", "CALA", null);
        String base = "companies/" + company;
        Invitee first = tenants.member(company);
        Invitee second = tenants.member(company);
        String firstToken = people.tokens(first.email(), PASSWORD).getString("accessToken");
        JsonObject me = Api.json(expect(api.get(api.api("users/me"), firstToken), 200));
        assertEquals("essential", me.getString("offer"));
        assertFalse(me.getJsonArray("features").toString().contains("telephony"));
        assertTrue(me.getBoolean("fileSharingAllowed"));

        String essential = Tenants.createdId(api.postJson(api.api(base + "/subscriptions"),
                "{\"offer\": \"essential\", \"billing\": \"monthly\", \"seats\": 1}", superadmin));
        String enterprise = Tenants.createdId(api.postJson(api.api(base + "/subscriptions"),
                "{\"offer\": \"Enterprise\", \"billing\": \"prepaid\", \"seats\": 1}", superadmin));
        String pbx = Tenants.createdId(api.postJson(api.api(base + "/systems"), "{\"name\": \"PBX\"}", superadmin));
        expect(licence(base, first, essential), 200);
        assertProblem(licence(base, second, essential), 409);
        assertProblem(api.put(base + "/systems/" + pbx + "/extensions/2001", "{\"userId\": \"" + first.id() + "\"}", superadmin), 409);

        expect(licence(base, first, enterprise), 200);
        expect(licence(base, second, essential), 200);
        assertTrue(Api.json(expect(api.get(api.api("users/me"), firstToken), 200)).getJsonArray("features").toString().contains("telephony"));
        expect(api.put(base + "/systems/" + pbx + "/extensions/2001", "{\"userId\": \"" + first.id() + "\"}", superadmin), 200);
        assertProblem(api.put(base + "/systems/" + pbx + "/extensions/2002", "{\"userId\": \"" + first.id() + "\"}", superadmin), 409);
        assertProblem(api.put(base + "/systems/" + pbx + "/extensions/12ab", "{\"userId\": \"" + first.id() + "\"}", superadmin), 400);

        // The company forbids file sharing: the profile says so whatever the licence.
        expect(api.patch(base, "{\"fileSharingForbidden\": true}", superadmin), 200);
        me = Api.json(expect(api.get(api.api("users/me"), firstToken), 200));
        assertFalse(me.getBoolean("fileSharingAllowed"));
        assertFalse(me.getJsonArray("features").toString().contains("file_sharing"));

        assertProblem(api.patch(base + "/subscriptions/" + enterprise, "{\"seats\": 0}", superadmin), 400);
        JsonObject canceled = Api.json(expect(api.patch(base + "/subscriptions/" + enterprise, "{\"status\": \"canceled\"}", superadmin), 200));
        assertEquals(0, canceled.getInt("allocated"));
        assertEquals("essential", Api.json(expect(api.get(api.api("users/me"), firstToken), 200)).getString("offer"));
        assertProblem(licence(base, first, enterprise), 409);
    }

    private HttpResponse<String> licence(String base, Invitee member, String subscription) {
        return api.put(base + "/members/" + member.id() + "/licence", "{\"subscriptionId\": \"" + subscription + "\"}", superadmin);
    }

    @Test
    void aRoleChangeEndsTheMembersTokensAndTheRefreshCarriesTheNewRoles() throws Exception {
        String company = tenants.company("Promoting", "EMEA", null);
        Invitee member = tenants.member(company);
        JsonObject session = people.tokens(member.email(), PASSWORD);
        String before = session.getString("accessToken");
        assertProblem(api.get(api.api("companies/" + company + "/members"), before), 403);

        expect(api.patch("companies/" + company + "/members/" + member.id(), "{\"roles\": [\"company_admin\"]}", superadmin), 200);
        assertProblem(api.get(api.api("users/me"), before), 401);
        String after = Api.json(expect(api.postJson(api.api("auth/refresh"),
                "{\"refreshToken\": \"" + session.getString("refreshToken") + "\"}", null), 200)).getString("accessToken");
        expect(api.get(api.api("companies/" + company + "/members"), after), 200);
        // Nobody changes their own roles, nor gives the superadmin role.
        assertProblem(api.patch("companies/" + company + "/members/" + member.id(), "{\"roles\": []}", after), 403);
        Invitee other = tenants.member(company);
        assertProblem(api.patch("companies/" + company + "/members/" + other.id(), "{\"roles\": [\"superadmin\"]}", after), 403);
        assertEquals(List.of("user"), Databases.column("emea", "SELECT role FROM account_role WHERE account_id = ?", UUID.fromString(other.id())));
    }

    @Test
    void aPartnersFinanceCannotHandItsColleaguesRightsItLacksButMakesItsCustomersAdmins() throws Exception {
        String partner = tenants.company("Partner", "EMEA", "\"businessPartner\": true");
        String customer = tenants.company("Customer", "DE", "\"managedBy\": \"" + partner + "\"");
        Invitee colleague = tenants.member(partner);
        Invitee customerMember = tenants.member(customer);
        String finance = Tokens.forAccount(UUID.randomUUID(), UUID.fromString(partner), "EMEA", "user", "bp_finance");
        for (String roles : List.of("[\"bp_operation\"]", "[\"company_admin\"]")) {
            assertProblem(api.patch("companies/" + partner + "/members/" + colleague.id(), "{\"roles\": " + roles + "}", finance), 403);
        }
        assertProblem(tenants.invite(partner, People.newEmail("partner.example"), null, finance, "bp_operation"), 403);
        assertEquals(List.of("user"), Databases.column("emea", "SELECT role FROM account_role WHERE account_id = ?", UUID.fromString(colleague.id())));
        expect(api.patch("companies/" + partner + "/members/" + colleague.id(), "{\"roles\": [\"bp_finance\"]}", finance), 200);
        expect(api.patch("companies/" + customer + "/members/" + customerMember.id(), "{\"roles\": [\"company_admin\"]}", finance), 200);
        assertEquals(List.of("company_admin", "user"), Databases.column("de",
                "SELECT role FROM account_role WHERE account_id = ? ORDER BY role", UUID.fromString(customerMember.id())));
    }

    @Test
    void organizationsAndVisibilityPairsAreTheSuperadminsAndStopAtIsolatedBoundaries() throws Exception {
        String headquarters = tenants.company("Headquarters", "EMEA", null);
        String branch = tenants.company("Branch", "DE", null);
        String chinese = tenants.company("Shanghai", "CN", null);
        String organization = Tenants.createdId(api.postJson(api.api("organizations"), "{\"name\": \"Group\"}", superadmin));

        assertProblem(api.patch("companies/" + branch, "{\"visibility\": \"organization\"}", superadmin), 400);
        expect(api.put("organizations/" + organization + "/companies/" + headquarters, "", superadmin), 200);
        expect(api.put("organizations/" + organization + "/companies/" + branch, "", superadmin), 200);
        assertProblem(api.put("organizations/" + organization + "/companies/" + chinese, "", superadmin), 400);
        expect(api.patch("companies/" + branch, "{\"visibility\": \"organization\"}", superadmin), 200);
        assertEquals(List.of("ORGANIZATION"), Databases.column("global",
                "SELECT visibility_mode FROM company_route WHERE company_id = ?", UUID.fromString(branch)));
        assertProblem(api.delete("organizations/" + organization + "/companies/" + branch, superadmin), 409);
        JsonObject read = Api.json(expect(api.get(api.api("organizations/" + organization), superadmin), 200));
        assertEquals(2, read.getJsonArray("companies").size());

        expect(api.put("companies/" + headquarters + "/visibility-by/" + branch, "", superadmin), 204);
        // the same pair named the other way round is the same pair
        expect(api.put("companies/" + branch + "/visibility-by/" + headquarters, "", superadmin), 204);
        assertEquals("[\"" + branch + "\"]", expect(api.get(api.api("companies/" + headquarters + "/visibility-by"), superadmin), 200).body());
        assertEquals(List.of("1"), Databases.column("global", "SELECT count(*) FROM visibility_pair WHERE company_id IN (?, ?)",
                UUID.fromString(headquarters), UUID.fromString(branch)));
        assertProblem(api.put("companies/" + headquarters + "/visibility-by/" + chinese, "", superadmin), 400);
        assertProblem(api.put("companies/" + headquarters + "/visibility-by/" + headquarters, "", superadmin), 400);

        String admin = Tokens.forAccount(UUID.randomUUID(), UUID.fromString(headquarters), "EMEA", "user", "company_admin");
        assertProblem(api.postJson(api.api("organizations"), "{\"name\": \"Mine\"}", admin), 403);
        assertProblem(api.put("companies/" + headquarters + "/visibility-by/" + branch, "", admin), 403);
        assertProblem(api.put("companies/" + headquarters + "/domains", "{\"domains\": [\"hq.example\"]}", admin), 403);

        expect(api.delete("companies/" + branch + "/visibility-by/" + headquarters, superadmin), 204);
        assertEquals("[]", expect(api.get(api.api("companies/" + headquarters + "/visibility-by"), superadmin), 200).body());
    }

    @Test
    void theDefaultCompanyStaysPublicAndIsNeverDeleted() throws Exception {
        assertProblem(api.patch("companies/" + Tokens.DEFAULT_COMPANY, "{\"visibility\": \"private\"}", superadmin), 400);
        assertProblem(api.delete("companies/" + Tokens.DEFAULT_COMPANY, superadmin), 409);
        assertProblem(api.put("companies/" + Tokens.DEFAULT_COMPANY + "/domains", "{\"domains\": [\"gmail.example\"]}", superadmin), 400);
        assertEquals(List.of("PUBLIC"), Databases.column("emea", "SELECT visibility_mode FROM company WHERE id = ?",
                UUID.fromString(Tokens.DEFAULT_COMPANY)));
    }

    @Test
    void anEmptyCompanyIsDeletedEverywhereButOneWithMembersIsNot() throws Exception {
        String kept = tenants.company("Kept", "NA", null);
        tenants.member(kept);
        assertProblem(api.delete("companies/" + kept, superadmin), 409);

        String empty = tenants.company("Empty", "NA", null);
        expect(api.put("companies/" + empty + "/domains", "{\"domains\": [\"empty-" + empty.substring(0, 8) + ".example\"]}", superadmin), 200);
        expect(api.delete("companies/" + empty, superadmin), 204);
        assertEquals(List.of(), Databases.column("na", "SELECT id FROM company WHERE id = ?", UUID.fromString(empty)));
        assertEquals(List.of(), Databases.column("global", "SELECT company_id FROM company_route WHERE company_id = ?", UUID.fromString(empty)));
        assertEquals(List.of(), Databases.column("global", "SELECT domain FROM company_domain WHERE company_id = ?", UUID.fromString(empty)));
        assertProblem(api.get(api.api("companies/" + empty), superadmin), 404);
    }

    @Test
    void aBusinessPartnerCreatesTheCustomersItManagesWhereverTheyLive() throws Exception {
        String partner = tenants.company("Partner", "EMEA", "\"businessPartner\": true");
        String operation = Tokens.forAccount(UUID.randomUUID(), UUID.fromString(partner), "EMEA", "user", "bp_operation");
        JsonObject customer = Api.json(expect(api.postJson(api.api("companies"),
                "{\"name\": \"Customer " + UUID.randomUUID() + "\", \"region\": \"DE\"}", operation), 201));
        String id = customer.getString("id");
        assertEquals(partner, customer.getString("managedBy"));
        for (String region : Databases.REGIONS) {
            assertEquals(region.equals("de") ? List.of(partner) : List.of(),
                    Databases.column(region, "SELECT managed_by FROM company WHERE id = ?", UUID.fromString(id)));
        }
        assertEquals(List.of("DE"), Databases.column("global", "SELECT region FROM company_route WHERE company_id = ?", UUID.fromString(id)));
        String listed = expect(api.get(api.api("companies"), operation), 200).body();
        assertTrue(listed.contains(id) && listed.contains(partner), listed);

        // The partner's company_admin manages the partner, not its customers (SPEC §1).
        String partnerAdmin = Tokens.forAccount(UUID.randomUUID(), UUID.fromString(partner), "EMEA", "user", "company_admin");
        assertProblem(api.postJson(api.api("companies"), "{\"name\": \"Not mine to make\"}", partnerAdmin), 403);
        assertFalse(expect(api.get(api.api("companies"), partnerAdmin), 200).body().contains(id));
        // China is isolated: a partner outside it manages nobody inside.
        assertProblem(api.postJson(api.api("companies"), "{\"name\": \"Beijing\", \"region\": \"CN\"}", operation), 400);
        // A customer's admin creates no companies.
        assertProblem(api.postJson(api.api("companies"), "{\"name\": \"Sub-customer\"}",
                Tokens.forAccount(UUID.randomUUID(), UUID.fromString(id), "DE", "user", "company_admin")), 403);
    }

    @Test
    void anotherCompanysThingsAnswerExactlyAsThingsThatDoNotExist() throws Exception {
        String mine = tenants.company("Mine", "EMEA", null);
        String theirs = tenants.company("Theirs", "EMEA", null);
        Invitee stranger = tenants.member(theirs);
        String admin = Tokens.forAccount(UUID.randomUUID(), UUID.fromString(mine), "EMEA", "user", "company_admin");
        String nowhere = UUID.randomUUID().toString();
        List<Long> before = Databases.companyCounts();
        for (String path : List.of("", "/members", "/members/" + stranger.id(), "/systems", "/subscriptions", "/domains")) {
            JsonObject real = assertProblem(api.get(api.api("companies/" + theirs + path), admin), 404);
            JsonObject unknown = assertProblem(api.get(api.api("companies/" + nowhere + path.replace(stranger.id(), nowhere)), admin), 404);
            assertEquals(unknown.getString("detail"), real.getString("detail"), path);
        }
        assertProblem(api.patch("companies/" + theirs, "{\"name\": \"Taken over\"}", admin), 404);
        assertProblem(tenants.invite(theirs, People.newEmail("evil.example"), null, admin, "company_admin"), 404);
        assertProblem(api.postJson(api.api("companies/" + theirs + "/members/" + stranger.id() + "/password-reset"), "", admin), 404);
        // Nor through one's own company: the member is not there.
        assertProblem(api.patch("companies/" + mine + "/members/" + stranger.id(), "{\"roles\": [\"company_admin\"]}", admin), 404);
        assertEquals(before, Databases.companyCounts());
        assertEquals(List.of("f"), Databases.column("emea", "SELECT reset_required FROM account WHERE id = ?", UUID.fromString(stranger.id())));
        assertEquals(List.of("user"), Databases.column("emea", "SELECT role FROM account_role WHERE account_id = ?", UUID.fromString(stranger.id())));
    }

    @Test
    void malformedAdministrationRequestsAreRefusedAndChangeNothing() throws Exception {
        String company = tenants.company("Careful", "APAC", null);
        Invitee member = tenants.member(company);
        String base = "companies/" + company;
        JsonObject problem = assertProblem(api.patch(base, "{\"name\": 42, \"colour\": \"red\", \"fileSharingForbidden\": \"yes\"}", superadmin), 400);
        String fields = problem.getJsonArray("violations").toString();
        assertTrue(fields.contains("name") && fields.contains("colour") && fields.contains("fileSharingForbidden"), fields);
        assertProblem(api.patch(base, "{\"name\": \"   \"}", superadmin), 400);
        assertProblem(api.patch(base, "[1, 2]", superadmin), 400);
        assertProblem(api.patch(base, "\"a string\"", superadmin), 400);
        assertProblem(api.patch("users/me", "{\"firstName\": ", Tokens.superadmin()), 400);
        assertProblem(api.patch(base, "{\"name\": \"x\"", superadmin), 400);
        assertProblem(api.patch(base + "/members/" + member.id(), "{\"roles\": \"company_admin\"}", superadmin), 400);
        assertProblem(api.patch(base + "/members/" + member.id(), "{\"roles\": [\"root\"]}", superadmin), 400);
        assertProblem(tenants.invite(company, "not-an-email", null, superadmin), 400);
        assertProblem(api.get(api.api(base + "/members?limit=0"), superadmin), 400);
        assertProblem(api.postJson(api.api(base + "/subscriptions"), "{\"offer\": \"platinum\", \"billing\": \"monthly\", \"seats\": 1}", superadmin), 400);
        assertProblem(api.postJson(api.api(base + "/subscriptions"), "{\"offer\": \"business\"}", superadmin), 400);
        assertProblem(api.get(api.api(base + "/members"), Tokens.forged()), 401);
        assertEquals(List.of("false|false|Careful"), Databases.column("apac",
                "SELECT file_sharing_forbidden || '|' || name_edit_forbidden || '|' || split_part(name, ' ', 1) FROM company WHERE id = ?",
                UUID.fromString(company)));
        assertEquals(List.of("user"), Databases.column("apac", "SELECT role FROM account_role WHERE account_id = ?", UUID.fromString(member.id())));
        assertEquals(List.of("0"), Databases.column("apac", "SELECT count(*) FROM subscription WHERE company_id = ?", UUID.fromString(company)));
    }
}
