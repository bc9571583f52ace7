package org.iris;

import jakarta.json.JsonObject;
import org.iris.it.Api;
import org.iris.it.BubbleClient;
import org.iris.it.OwnNode;
import org.iris.it.Tenants.Person;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static org.iris.it.Api.expect;
import static org.iris.it.People.PASSWORD;
import static org.iris.it.People.newEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes on the same databases: the one Arquillian deploys to (A) and one of this test's own (B).
 * What a node keeps in memory to answer an authenticated call fast (revocations, members' terms) follows
 * a change made on the other within {@code iris.token.revocation-refresh-seconds} (5), and at once on
 * the node that made it.
 */
class TwoNodesIT extends WithPeople {

    /** The refresh interval, and time for the calls themselves. */
    private static final Duration WITHIN = Duration.ofSeconds(5 + 3);

    private static OwnNode second;

    @BeforeAll
    static void secondNode() throws Exception {
        second = OwnNode.start("two-nodes-it", settings -> settings);
    }

    @AfterAll
    static void stopSecondNode() throws Exception {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aCompanyRestrictionSetOnOneNodeReachesTheOther() {
        String company = tenants.company("Two nodes", "EMEA", null);
        Person member = tenants.person(company, "EMEA", "Ada", "Nodes");
        Api b = second.api();
        assertTrue(me(b, member.token()).getBoolean("nameEditAllowed"), "read on B, and kept there");

        expect(api.patch("companies/" + company, "{\"nameEditForbidden\": true}", superadmin), 200);

        assertFalse(me(api, member.token()).getBoolean("nameEditAllowed"), "at once on the node that changed it");
        seenWithin(() -> !me(b, member.token()).getBoolean("nameEditAllowed"), "the restriction on B");
        expect(api.patch("companies/" + company, "{\"nameEditForbidden\": false}", superadmin), 200);
        seenWithin(() -> me(b, member.token()).getBoolean("nameEditAllowed"), "the lifted restriction on B");
    }

    @Test
    void aLogoutOnOneNodeEndsTheTokenOnTheOther() {
        String email = newEmail("example.org");
        people.register(email);
        JsonObject tokens = people.tokens(email, PASSWORD);
        String access = tokens.getString("accessToken");
        Api b = second.api();
        assertEquals(email, me(b, access).getString("email"), "the token works on B, which remembers it");

        expect(api.postJson(api.api("auth/logout"), "{\"refreshToken\": \"" + tokens.getString("refreshToken") + "\"}",
                access), 204);

        assertEquals(401, api.get(api.api("users/me"), access).statusCode(), "at once on A");
        seenWithin(() -> b.get(b.api("users/me"), access).statusCode() == 401, "the logout on B");
        assertEquals(401, b.get(b.api("companies/default"), access).statusCode(), "on every path of B");
    }

    private static JsonObject me(Api node, String token) {
        return Api.json(expect(node.get(node.api("users/me"), token), 200));
    }

    /** A conference's state is the region database's: one on both nodes, and kept across a node's restart. */
    @Test
    void aConferenceIsOneOnBothNodesAndOutlivesARestartOfOne() throws Exception {
        String company = tenants.company("Conference nodes", "EMEA", null);
        Person owner = tenants.person(company, "EMEA", "Ola", "Nodes");
        Person member = tenants.person(company, "EMEA", "Mia", "Nodes");
        BubbleClient onA = new BubbleClient(api);
        String bubble = onA.create(owner, "Across nodes");
        expect(onA.add(owner.token(), bubble, member), 201);

        JsonObject waiting = Api.json(expect(new BubbleClient(second.api()).conference(member.token(), bubble, "join"), 200));
        assertEquals("waiting", waiting.getString("me"), "joined on B, while no organizer is in");
        expect(onA.conference(owner.token(), bubble, "join"), 200);
        assertEquals("in", conference(second.api(), member.token(), bubble).getString("me"), "admitted on A, seen on B");

        second.close();
        second = OwnNode.start("two-nodes-it", settings -> settings);
        JsonObject afterRestart = conference(second.api(), member.token(), bubble);
        assertEquals("in", afterRestart.getString("me"));
        assertEquals(2, afterRestart.getJsonArray("in").size());
    }

    private static JsonObject conference(Api node, String token, String bubble) {
        return Api.json(expect(node.get(node.api("bubbles/" + bubble + "/conference"), token), 200));
    }

    private static void seenWithin(BooleanSupplier seen, String what) {
        Instant deadline = Instant.now().plus(WITHIN);
        while (!seen.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), what + " was not seen within " + WITHIN.toSeconds() + " s");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
