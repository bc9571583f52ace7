package org.iris;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.iris.it.Api;
import org.iris.it.BubbleClient;
import org.iris.it.Databases;
import org.iris.it.People;
import org.iris.it.Socket;
import org.iris.it.Tenants.Person;
import org.iris.it.Tokens;
import org.iris.it.Turn;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

import static org.iris.it.Api.expect;
import static org.iris.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conferences from outside (SPEC §5): the lobby, the TURN credentials checked by a real coturn
 * ({@code use-auth-secret}, started by scripts/test.sh), the owner's link, and a burst of joins.
 */
class ConferencesIT extends WithPeople {

    private static final Logger LOG = Logger.getLogger(ConferencesIT.class.getName());

    private BubbleClient bubbles;

    @BeforeEach
    void client() {
        bubbles = new BubbleClient(api);
    }

    private JsonObject conference(String token, String bubble, String action) {
        return Api.json(expect(bubbles.conference(token, bubble, action), 200));
    }

    private JsonObject state(String token, String bubble) {
        return Api.json(expect(api.get(api.api("bubbles/" + bubble + "/conference"), token), 200));
    }

    private static List<String> ids(JsonArray attendees) {
        return attendees.stream().map(JsonValue::asJsonObject).map(a -> a.getString("participantId")).toList();
    }

    private static String hmac(String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(Turn.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theLobbyWaitsForAnOrganizerAndOnlyThoseInGetTurnCredentials() throws Exception {
        String crew = tenants.company("Meeting", "EMEA", null);
        Person owner = tenants.person(crew, "EMEA", "Olga", "Owner");
        Person co = tenants.person(crew, "EMEA", "Cole", "Organizer");
        Person early = tenants.person(crew, "EMEA", "Eve", "Early");
        Person late = tenants.person(crew, "EMEA", "Leo", "Late");
        Person outsider = tenants.person(tenants.company("Outside", "EMEA", null), "EMEA", "Oscar", "Out");
        String b = bubbles.create(owner, "Standup");
        for (Person person : List.of(co, early, late)) {
            expect(bubbles.add(owner.token(), b, person), 201);
        }
        expect(bubbles.role(owner.token(), b, co.id(), "co-organizer"), 200);

        // a member who comes first waits, and gets no credentials
        JsonObject waiting = conference(early.token(), b, "join");
        assertEquals("waiting", waiting.getString("me"));
        assertFalse(waiting.getBoolean("started"));
        assertEquals(List.of(), waiting.getJsonArray("iceServers"));
        assertEquals(List.of(early.id()), ids(state(co.token(), b).getJsonArray("waiting")));
        assertProblem(api.get(api.api("bubbles/" + b + "/conference"), outsider.token()), 404);
        assertProblem(bubbles.conference(outsider.token(), b, "join"), 404);

        // an organizer comes: the member is admitted
        JsonObject in = conference(co.token(), b, "join");
        assertTrue(in.getBoolean("started"));
        assertEquals(List.of(early.id(), co.id()), ids(in.getJsonArray("in"))); // in arrival order
        JsonObject admitted = state(early.token(), b);
        assertEquals("in", admitted.getString("me"));
        JsonObject ice = admitted.getJsonArray("iceServers").getJsonObject(0);
        String username = ice.getString("username");
        assertTrue(username.endsWith(":" + early.id()), username);
        assertTrue(Long.parseLong(username.split(":")[0]) > Instant.now().getEpochSecond());

        // the credentials open a relay on the TURN server; forged or expired ones do not
        assertTrue(Turn.authenticates(username, ice.getString("credential")), Turn.lastOutput());
        assertFalse(Turn.authenticates(username, hmac(username + "x")), Turn.lastOutput());
        String expired = (Instant.now().getEpochSecond() - 60) + ":" + early.id();
        assertFalse(Turn.authenticates(expired, hmac(expired)), Turn.lastOutput());

        // the last organizer leaves: those in stay, a newcomer waits, the next organizer admits them
        conference(co.token(), b, "leave");
        assertEquals("in", state(early.token(), b).getString("me"));
        assertEquals("waiting", conference(late.token(), b, "join").getString("me"));
        assertEquals(List.of(), state(late.token(), b).getJsonArray("iceServers"));
        JsonObject owned = conference(owner.token(), b, "join");
        assertEquals(List.of(early.id(), late.id(), owner.id()), ids(owned.getJsonArray("in")));
        assertEquals(List.of(), ids(owned.getJsonArray("waiting")));

        // everyone leaves but a member; a newcomer waits; promoting the member who is in admits the lobby
        conference(owner.token(), b, "leave");
        conference(late.token(), b, "leave");
        assertEquals("waiting", conference(late.token(), b, "join").getString("me"));
        expect(bubbles.role(owner.token(), b, early.id(), "co-organizer"), 200);
        assertEquals("in", state(late.token(), b).getString("me"), "admitted when someone in became an organizer");

        // members do not end it; an organizer does, for everyone
        expect(bubbles.role(owner.token(), b, early.id(), "member"), 200);
        assertProblem(bubbles.conference(early.token(), b, "end"), 403);
        JsonObject ended = conference(co.token(), b, "end");
        assertFalse(ended.getBoolean("started"));
        assertEquals(List.of(), ids(ended.getJsonArray("in")));
        assertEquals(List.of(), ids(state(early.token(), b).getJsonArray("in")));
    }

    @Test
    void theLinkResolvesForParticipantsOnlyAndRotates() {
        String crew = tenants.company("Linked", "EMEA", null);
        Person owner = tenants.person(crew, "EMEA", "Lina", "Owner");
        Person member = tenants.person(crew, "EMEA", "Max", "Member");
        Person outsider = tenants.person(tenants.company("Unlinked", "EMEA", null), "EMEA", "Una", "Out");
        String b = bubbles.create(owner, "Linked");
        expect(bubbles.add(owner.token(), b, member), 201);
        JsonObject link = Api.json(expect(api.get(api.api("bubbles/" + b + "/conference/link"), owner.token()), 200));
        String token = link.getString("token");
        assertTrue(link.getString("link").endsWith("/conference/" + token));
        assertEquals(b, Api.json(expect(api.get(api.api("conference-links/" + token), member.token()), 200)).getString("id"));

        String nothing = assertProblem(api.get(api.api("conference-links/emea." + "Z".repeat(43)), member.token()), 404).toString();
        JsonObject forOutsider = assertProblem(api.get(api.api("conference-links/" + token), outsider.token()), 404);
        assertEquals(Api.json(api.get(api.api("conference-links/emea." + "Z".repeat(43)), member.token())).getString("detail"),
                forOutsider.getString("detail"), nothing);
        assertProblem(api.get(api.api("conference-links/" + token), Tokens.superadmin()), 404);

        String rotated = Api.json(expect(api.postJson(api.api("bubbles/" + b + "/conference/link"), "", owner.token()), 200))
                .getString("token");
        assertFalse(rotated.equals(token));
        assertProblem(api.get(api.api("conference-links/" + token), member.token()), 404);
        expect(api.get(api.api("conference-links/" + rotated), member.token()), 200);
        assertProblem(api.postJson(api.api("bubbles/" + b + "/conference/link"), "", member.token()), 403);
    }

    /**
     * Fifty members join at once while no organizer is in: each waits, once, in an order of its own;
     * the owner comes and admits them all. Reports the latency of the joins (measured, not a target).
     */
    @Test
    void aBurstOfJoinsWaitsInOrderAndIsAdmitted() throws Exception {
        String crew = tenants.company("Burst", "EMEA", null);
        Person owner = tenants.person(crew, "EMEA", "Bea", "Burst");
        String b = bubbles.create(owner, "All hands");
        List<String> tokens = new ArrayList<>();
        for (UUID member : BubbleClient.insertMembers(b, owner, 50)) {
            tokens.add(Tokens.forAccount(member, UUID.fromString(crew), "EMEA", "user")); // as Iris signs them
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<HttpResponse<String>>> joins = new ArrayList<>();
            for (String token : tokens) {
                joins.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = bubbles.conference(token, b, "join");
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    return answer;
                }));
            }
            for (Future<HttpResponse<String>> join : joins) {
                assertEquals("waiting", Api.json(expect(join.get(), 200)).getString("me"));
            }
        } finally {
            pool.shutdown();
        }
        List<Long> sorted = millis.stream().sorted().toList();
        LOG.info(() -> "50 concurrent joins: p50 " + sorted.get(24) + " ms, p99 " + sorted.get(49) + " ms");
        List<String> arrivals = Databases.column("emea", "SELECT arrival FROM conference_attendee WHERE bubble_id = ?",
                UUID.fromString(b));
        assertEquals(50, arrivals.size());
        assertEquals(50, arrivals.stream().distinct().count(), "each arrival has its own place");
        JsonObject all = conference(owner.token(), b, "join");
        assertEquals(51, all.getJsonArray("in").size());
        assertEquals(0, all.getJsonArray("waiting").size());
    }

    /** A signal frame's fields: an offer in the bubble to that participant. */
    private static String offer(String bubble, String to) {
        return "\"bubble\": \"" + bubble + "\", \"to\": \"" + to + "\", \"signal\": {\"kind\": \"offer\", \"sdp\": \"v=0\"}";
    }

    private static void acked(JsonObject answer) {
        assertEquals("ack", answer.getString("type"), answer.toString());
    }

    @Test
    void aRemovedParticipantIsGoneFromTheConferenceAndGetsNoSignals() throws Exception {
        String crew = tenants.company("Shrinking", "EMEA", null);
        Person owner = tenants.person(crew, "EMEA", "Rita", "Host");
        Person stays = tenants.person(crew, "EMEA", "Sam", "Stays");
        Person removed = tenants.person(crew, "EMEA", "Ron", "Removed");
        Person leaver = tenants.person(crew, "EMEA", "Lea", "Leaves");
        String b = bubbles.create(owner, "Shrinking call");
        for (Person person : List.of(stays, removed, leaver)) {
            expect(bubbles.add(owner.token(), b, person), 201);
        }
        conference(owner.token(), b, "join");
        for (Person person : List.of(stays, removed, leaver)) {
            assertEquals("in", conference(person.token(), b, "join").getString("me"));
        }
        try (Socket ownerSocket = Socket.connect(api, owner.token());
             Socket removedSocket = Socket.connect(api, removed.token())) {
            acked(ownerSocket.call("signal", offer(b, removed.id())));
            assertEquals(owner.id(), removedSocket.await("signal").getString("from"));

            // removed by an organizer, or gone by themselves: out of the conference as out of the bubble
            expect(api.delete("bubbles/" + b + "/participants/" + removed.id(), owner.token()), 204);
            expect(api.delete("bubbles/" + b + "/participants/" + leaver.id(), leaver.token()), 204);
            JsonObject after = state(owner.token(), b);
            assertEquals(List.of(owner.id(), stays.id()), ids(after.getJsonArray("in")));
            assertEquals(List.of(), ids(after.getJsonArray("waiting")));
            assertEquals(List.of("2"), Databases.column("emea", "SELECT count(*) FROM conference_attendee WHERE bubble_id = ?",
                    UUID.fromString(b)));

            // no signal to them, nor from them; those who stay still talk
            assertEquals(403, ownerSocket.call("signal", offer(b, removed.id())).getInt("status"));
            assertEquals(403, ownerSocket.call("signal", offer(b, leaver.id())).getInt("status"));
            assertEquals(404, removedSocket.call("signal", offer(b, owner.id())).getInt("status"));
            acked(ownerSocket.call("signal", offer(b, stays.id())));
        }
    }

    @Test
    void aGuestWhoseInvitationEndedIsOutOfTheConferenceBeforeThePurge() throws Exception {
        String crew = tenants.company("Visiting", "EMEA", null);
        Person owner = tenants.person(crew, "EMEA", "Gus", "Host");
        String b = bubbles.create(owner, "With a visitor");
        String email = People.newEmail("guests.example");
        expect(bubbles.addByEmail(owner.token(), b, email, null), 202);
        JsonObject opened = Api.json(expect(bubbles.openLink(BubbleClient.guestLink(email, 1)), 200));
        String guestId = opened.getString("guestId");
        conference(owner.token(), b, "join");
        assertEquals("in", conference(opened.getString("accessToken"), b, "join").getString("me"));
        try (Socket ownerSocket = Socket.connect(api, owner.token())) {
            acked(ownerSocket.call("signal", offer(b, guestId)));
            Databases.update("emea", "UPDATE bubble_participant SET expires_at = now() - interval '1 minute'"
                    + " WHERE participant_id = ?", UUID.fromString(guestId));
            // whether or not the purge has removed the row yet
            assertEquals(List.of(owner.id()), ids(state(owner.token(), b).getJsonArray("in")));
            assertEquals(403, ownerSocket.call("signal", offer(b, guestId)).getInt("status"));
        }
    }
}
