package org.iris;

import org.iris.it.Databases;
import org.iris.it.Api;
import org.iris.it.Tenants;
import org.iris.it.Tokens;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §1's two rights tables over HTTP: every caller (superadmin, the business partner's
 * company_admin, bp_finance, bp_operation, bp_operation with bp_finance, the end customer's
 * company_admin, a plain user of the end customer, a user and an administrator of an unrelated company) tries
 * every action of both tables on the business partner (BP, EMEA) and on an end customer it manages
 * (EC, DE). The expected answers are written out below from the spec's tables: 2xx where a cell says
 * yes; 403 where the company is the caller's business but the cell says no; 404 where the company is
 * none of the caller's business ("–" cells and strangers), exactly as for a company that does not exist.
 */
class CompanyRightsIT extends WithPeople {

    /** An allowed action. */
    private static final String Y = "yes";
    /** A refused action on a company the caller deals with. */
    private static final String N = "403";
    /** A company that is none of the caller's business. */
    private static final String X = "404";

    private static final List<String> ACTIONS = List.of("manage company info", "invite members", "add equipment",
            "manage systems", "link extension", "create subscription", "manage subscription", "allocate licence");

    //  caller                           on the BP: manage invite equip  systems link  create manage alloc   on the EC: the same eight
    private static final Map<String, String[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("superadmin", row(Y, Y, Y, Y, Y, Y, Y, Y, /* EC */ Y, Y, Y, Y, Y, Y, Y, Y));
        EXPECTED.put("bp_operation", row(Y, Y, Y, Y, Y, N, N, Y, /* EC */ Y, Y, Y, Y, Y, N, N, Y));
        EXPECTED.put("bp_operation+bp_finance", row(Y, Y, Y, Y, Y, Y, Y, Y, /* EC */ Y, Y, Y, Y, Y, Y, Y, Y));
        EXPECTED.put("bp_finance", row(Y, Y, N, N, N, Y, Y, Y, /* EC */ Y, Y, N, N, N, Y, Y, Y));
        EXPECTED.put("company_admin of the BP", row(Y, Y, Y, Y, Y, Y, Y, Y, /* EC */ N, N, N, N, N, N, N, Y));
        EXPECTED.put("company_admin of the EC", row(X, X, X, X, X, X, X, X, /* EC */ Y, Y, N, Y, Y, Y, N, Y));
        EXPECTED.put("user of the EC", row(X, X, X, X, X, X, X, X, /* EC */ N, N, N, N, N, N, N, N));
        EXPECTED.put("user of an unrelated company", row(X, X, X, X, X, X, X, X, /* EC */ X, X, X, X, X, X, X, X));
        EXPECTED.put("company_admin of an unrelated company", row(X, X, X, X, X, X, X, X, /* EC */ X, X, X, X, X, X, X, X));
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private String partner;
    private String customer;
    private String stranger;

    @BeforeEach
    void companies() {
        partner = tenants.company("Partner", "EMEA", "\"businessPartner\": true");
        customer = Tenants.createdId(api.postJson(api.api("companies"), "{\"name\": \"Customer " + UUID.randomUUID()
                + "\", \"region\": \"DE\"}", Tokens.forAccount(UUID.randomUUID(), UUID.fromString(partner), "EMEA",
                "user", "bp_operation")));
        stranger = tenants.company("Stranger", "NA", null);
    }

    @Test
    void everyCellOfBothRightsTablesAnswersAsTheSpecSays() throws Exception {
        Map<String, Fixture> fixtures = Map.of(partner, fixture(partner), customer, fixture(customer));
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("superadmin", Tokens.superadmin());
        tokens.put("bp_operation", token(partner, "EMEA", "bp_operation"));
        tokens.put("bp_operation+bp_finance", token(partner, "EMEA", "bp_operation", "bp_finance"));
        tokens.put("bp_finance", token(partner, "EMEA", "bp_finance"));
        tokens.put("company_admin of the BP", token(partner, "EMEA", "company_admin"));
        tokens.put("company_admin of the EC", token(customer, "DE", "company_admin"));
        tokens.put("user of the EC", token(customer, "DE"));
        tokens.put("user of an unrelated company", token(stranger, "NA"));
        tokens.put("company_admin of an unrelated company", token(stranger, "NA", "company_admin"));

        List<String> wrong = new ArrayList<>();
        int systemsCreated = 0;
        int subscriptionsCreated = 0;
        int invitationsSent = 0;
        for (var caller : EXPECTED.entrySet()) {
            String token = tokens.get(caller.getKey());
            for (int column = 0; column < 2; column++) {
                String company = column == 0 ? partner : customer;
                Fixture fixture = fixtures.get(company);
                List<Function<String, HttpResponse<String>>> actions = actions(company, fixture);
                for (int action = 0; action < ACTIONS.size(); action++) {
                    String expected = caller.getValue()[column * ACTIONS.size() + action];
                    HttpResponse<String> response = actions.get(action).apply(token);
                    String got = response.statusCode() / 100 == 2 ? Y : String.valueOf(response.statusCode());
                    boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                    if (!expected.equals(got) || (!Y.equals(expected) && !problem)) {
                        wrong.add(caller.getKey() + " / " + ACTIONS.get(action) + " on the " + (column == 0 ? "BP" : "EC")
                                + ": expected " + expected + ", got " + response.statusCode() + " " + response.body());
                    }
                    if (Y.equals(got) && ACTIONS.get(action).equals("add equipment")) {
                        systemsCreated++;
                    }
                    if (Y.equals(got) && ACTIONS.get(action).equals("create subscription")) {
                        subscriptionsCreated++;
                    }
                    if (Y.equals(got) && ACTIONS.get(action).equals("invite members")) {
                        invitationsSent++;
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
        // Refusals changed nothing: exactly the allowed creations are in the region databases.
        assertEquals(systemsCreated + 2, count("emea", "pbx_system", partner) + count("de", "pbx_system", customer));
        assertEquals(subscriptionsCreated + 2, count("emea", "subscription", partner) + count("de", "subscription", customer));
        assertEquals(invitationsSent, count("emea", "company_invitation", partner) + count("de", "company_invitation", customer));
        assertTrue(systemsCreated > 0 && subscriptionsCreated > 0);
    }

    /** The eight actions on a company, each as a function of the caller's token. */
    private List<Function<String, HttpResponse<String>>> actions(String company, Fixture fixture) {
        String base = "companies/" + company;
        return List.of(
                token -> api.patch(base, "{\"description\": \"Changed " + UUID.randomUUID() + "\"}", token),
                token -> tenants.invite(company, "matrix-" + UUID.randomUUID() + "@invited.example", null, token),
                token -> api.postJson(api.api(base + "/systems"), "{\"name\": \"PBX " + UUID.randomUUID() + "\"}", token),
                token -> api.patch(base + "/systems/" + fixture.system, "{\"name\": \"Renamed\"}", token),
                token -> api.put(base + "/systems/" + fixture.system + "/extensions/100",
                        "{\"userId\": \"" + fixture.member + "\"}", token),
                token -> api.postJson(api.api(base + "/subscriptions"),
                        "{\"offer\": \"business\", \"billing\": \"monthly\", \"seats\": 10}", token),
                token -> api.patch(base + "/subscriptions/" + fixture.subscription, "{\"seats\": 20}", token),
                token -> api.put(base + "/members/" + fixture.member + "/licence",
                        "{\"subscriptionId\": \"" + fixture.subscription + "\"}", token));
    }

    /**
     * What the actions act on: a PBX, an Enterprise subscription and a member holding one of its seats
     * (Enterprise opens telephony, so that the member can be linked to an extension).
     */
    private record Fixture(String system, String subscription, String member) {
    }

    private Fixture fixture(String company) {
        String admin = Tokens.superadmin();
        String system = Tenants.createdId(api.postJson(api.api("companies/" + company + "/systems"), "{\"name\": \"Main PBX\"}", admin));
        String subscription = Tenants.createdId(api.postJson(api.api("companies/" + company + "/subscriptions"),
                "{\"offer\": \"enterprise\", \"billing\": \"prepaid\", \"seats\": 5}", admin));
        String member = tenants.member(company).id();
        Api.expect(api.put("companies/" + company + "/members/" + member + "/licence",
                "{\"subscriptionId\": \"" + subscription + "\"}", admin), 200);
        return new Fixture(system, subscription, member);
    }

    private static String token(String company, String region, String... roles) {
        String[] all = new String[roles.length + 1];
        all[0] = "user";
        System.arraycopy(roles, 0, all, 1, roles.length);
        return Tokens.forAccount(UUID.randomUUID(), UUID.fromString(company), region, all);
    }

    private static int count(String region, String table, String company) throws Exception {
        return Integer.parseInt(Databases.column(region, "SELECT count(*) FROM " + table + " WHERE company_id = ?",
                UUID.fromString(company)).get(0));
    }
}
