package org.iris;

import static org.iris.it.Api.expect;
import static org.iris.it.Problems.assertLikeUnknown;
import static org.iris.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

import org.iris.it.Api;
import org.iris.it.BubbleClient;
import org.iris.it.Contacts;
import org.iris.it.Databases;
import org.iris.it.People;
import org.iris.it.SilentSocket;
import org.iris.it.Socket;
import org.iris.it.Tenants.Person;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messaging from outside (SPEC §4, §5, §6): conversations over REST and {@code /ws}, pushes to every
 * device, presence to the network only, encryption at rest as the database holds it, and the socket
 * from an attacker's side (forged, revoked and guest tokens, malformed and oversized frames).
 */
class MessagingIT extends WithPeople {

    private BubbleClient bubbles;

    @BeforeEach
    void client() {
        bubbles = new BubbleClient(api);
    }

    private String direct(Person from, Person to) {
        return Api.json(expect(api.postJson(api.api("conversations"), "{\"userId\": \"" + to.id() + "\"}", from.token()), 200))
                .getString("id");
    }

    private JsonObject history(Person who, String conversation, String query) {
        return Api.json(expect(api.get(api.api("conversations/" + conversation + "/messages" + query), who.token()), 200));
    }

    private static JsonObject acked(JsonObject answer) {
        assertEquals("ack", answer.getString("type"), answer.toString());
        return answer;
    }

    private static String send(String conversation, String body) {
        return "\"conversation\": \"" + conversation + "\", \"body\": \"" + body + "\"";
    }

    /** Whether any column of the conversation's stored messages holds the text's bytes, in clear. */
    private static boolean storedInClear(String region, String conversation, String text) throws Exception {
        String hex = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
        List<String> rows = Databases.column(region, "SELECT encode(body, 'hex') || '/' || client_id FROM message "
                + "WHERE conversation_id = CAST(? AS UUID) AND body IS NOT NULL", conversation);
        assertFalse(rows.isEmpty(), "messages are stored");
        return rows.stream().anyMatch(row -> row.contains(hex) || row.contains(text));
    }

    @Test
    void aMessageReachesEveryDeviceIsStoredSealedAndItsDeletionFollows() throws Exception {
        String crew = tenants.company("Chatty", "EMEA", null);
        Person anna = tenants.person(crew, "EMEA", "Anna", "Sender");
        Person ben = tenants.person(crew, "EMEA", "Ben", "Reader");
        Person carl = tenants.person(tenants.company("Elsewhere", "EMEA", null), "EMEA", "Carl", "Outsider");
        String c = direct(anna, ben);
        assertEquals(c, direct(ben, anna), "both sides find the same conversation");

        String secret = "the launch code is tangerine-" + System.nanoTime();
        try (Socket annaPhone = Socket.connect(api, anna.token());
             Socket benPhone = Socket.connect(api, ben.token());
             Socket benLaptop = Socket.open(api, null);
             Socket carlSocket = Socket.connect(api, carl.token())) {
            acked(benLaptop.call("auth", "\"token\": \"" + ben.token() + "\"")); // the other way to authenticate
            benLaptop.await("ready");

            String id = Socket.id();
            String clientId = "k-" + id;
            annaPhone.sendRaw("{\"type\": \"send\", \"id\": \"" + id + "\", \"clientId\": \"" + clientId + "\", "
                    + send(c, secret) + "}");
            JsonObject ack = annaPhone.await(frame -> id.equals(frame.getString("id", null)), Duration.ofSeconds(10));
            JsonObject stored = acked(ack).getJsonObject("message");
            assertEquals(1, stored.getInt("seq"));
            for (Socket device : List.of(benPhone, benLaptop)) {
                JsonObject pushed = device.await("message").getJsonObject("message");
                assertEquals(stored.getString("id"), pushed.getString("id"));
                assertEquals(secret, pushed.getString("body"));
                assertEquals(anna.id(), pushed.getString("sender"));
            }
            assertTrue(annaPhone.everything().stream().noneMatch(frame -> "message".equals(frame.getString("type"))),
                    "the sending socket has the message in its ack, and no push of it besides");
            // the same client id again: the same message, no second one
            annaPhone.sendRaw("{\"type\": \"send\", \"id\": \"" + id + "\", \"clientId\": \"" + clientId + "\", "
                    + send(c, secret) + "}");
            JsonObject again = annaPhone.await(frame -> "ack".equals(frame.getString("type")) && id.equals(frame.getString("id", null)),
                    Duration.ofSeconds(10));
            assertEquals(stored.getString("id"), again.getJsonObject("message").getString("id"));
            assertEquals(List.of("1"), Databases.column("emea", "SELECT count(*) FROM message WHERE conversation_id = CAST(? AS UUID)", c));
            // a frame id used again, without a clientId, is a new message: frame ids are the connection's
            annaPhone.sendRaw("{\"type\": \"send\", \"id\": \"" + id + "\", " + send(c, "another") + "}");
            JsonObject other = annaPhone.await(frame -> "ack".equals(frame.getString("type")) && id.equals(frame.getString("id", null)),
                    Duration.ofSeconds(10)).getJsonObject("message");
            assertEquals(2, other.getInt("seq"));
            assertEquals("another", benPhone.await("message").getJsonObject("message").getString("body"));
            benLaptop.await("message");

            // over REST too, and newest first with a cursor
            for (int i = 3; i <= 5; i++) {
                expect(api.postJson(api.api("conversations/" + c + "/messages"), "{\"body\": \"m" + i + "\"}", ben.token()), 201);
            }
            JsonObject first = history(anna, c, "?limit=3");
            assertEquals(List.of(5, 4, 3), first.getJsonArray("messages").stream()
                    .map(m -> m.asJsonObject().getInt("seq")).toList());
            JsonObject older = history(anna, c, "?limit=3&before=" + first.getJsonNumber("before").longValue());
            assertEquals(List.of(2, 1), older.getJsonArray("messages").stream().map(m -> m.asJsonObject().getInt("seq")).toList());
            assertEquals(secret, older.getJsonArray("messages").getJsonObject(1).getString("body"));
            assertFalse(older.containsKey("before") && !older.isNull("before"), "no page after the first message");

            // at rest: sealed, never the text
            assertFalse(storedInClear("emea", c, secret));
            assertFalse(storedInClear("emea", c, "m3"));
            assertEquals(List.of("1"), Databases.column("emea", "SELECT count(*) FROM conversation_key WHERE conversation_id = CAST(? AS UUID)", c));

            // an outsider learns nothing, and got nothing
            assertProblem(api.get(api.api("conversations/" + c), carl.token()), 404);
            assertProblem(api.get(api.api("conversations/" + c + "/messages"), carl.token()), 404);
            JsonObject refused = carlSocket.call("send", send(c, "hello?"));
            assertEquals("error", refused.getString("type"));
            assertEquals(404, refused.getInt("status"));
            assertTrue(carlSocket.everything().stream().noneMatch(frame -> "message".equals(frame.getString("type"))));

            // only one's own last message can be deleted; its deletion reaches every device at once
            String benLast = Api.json(expect(api.postJson(api.api("conversations/" + c + "/messages"),
                    "{\"body\": \"oops\"}", ben.token()), 201)).getString("id");
            assertEquals(409, annaPhone.call("delete", "\"conversation\": \"" + c + "\", \"message\": \"" + benLast + "\"")
                    .getInt("status"));
            assertProblem(api.delete("conversations/" + c + "/messages/" + stored.getString("id"), ben.token()), 409);
            acked(benPhone.call("delete", "\"conversation\": \"" + c + "\", \"message\": \"" + benLast + "\""));
            for (Socket device : List.of(annaPhone, benLaptop)) {
                JsonObject deleted = device.await("deleted").getJsonObject("message");
                assertEquals(benLast, deleted.getString("id"));
                assertTrue(deleted.getBoolean("deleted"));
                assertFalse(deleted.containsKey("body"));
            }
            JsonObject newest = history(ben, c, "?limit=1").getJsonArray("messages").getJsonObject(0);
            assertTrue(newest.getBoolean("deleted"));
            assertFalse(newest.containsKey("body") && !newest.isNull("body"));
            assertProblem(api.delete("conversations/" + c + "/messages/" + benLast, ben.token()), 409);

            // read marks and typing go to the other side
            acked(benPhone.call("read", "\"conversation\": \"" + c + "\", \"seq\": 5"));
            assertEquals(5, annaPhone.await("read").getInt("seq"));
            acked(annaPhone.call("typing", "\"conversation\": \"" + c + "\""));
            assertEquals(anna.id(), benLaptop.await("typing").getString("from"));
        }
    }

    @Test
    void presenceGoesToTheNetworkOnlyAndConversationsFollowTheVisibilityRules() throws Exception {
        String crew = tenants.company("Present", "EMEA", null);
        Person ada = tenants.person(crew, "EMEA", "Ada", "Watcher");
        Person bob = tenants.person(crew, "EMEA", "Bob", "Busy");
        Person cy = tenants.person(crew, "EMEA", "Cy", "Colleague"); // same company, not in Bob's network
        Person li = tenants.person(tenants.company("Beijing", "CN", null), "CN", "Li", "Far");
        expect(api.postJson(api.api("invitations"), "{\"userId\": \"" + bob.id() + "\"}", ada.token()), 201);
        try (Socket adaSocket = Socket.connect(api, ada.token());
             Socket cySocket = Socket.connect(api, cy.token())) {
            expect(api.put("users/me/presence", "{\"presence\": \"busy\"}", bob.token()), 200);
            JsonObject seen = adaSocket.await("presence");
            assertEquals(bob.id(), seen.getString("user"));
            assertEquals("busy", seen.getString("status"));
            acked(cySocket.call("ping", "")); // anything pushed to Cy before would have come before this
            assertTrue(cySocket.everything().stream().noneMatch(frame -> "presence".equals(frame.getString("type"))),
                    "no presence outside the network");
        }
        // no conversation across the China boundary, nor with oneself
        assertLikeUnknown(api.postJson(api.api("conversations"), "{\"userId\": \"" + li.id() + "\"}", ada.token()),
                api.postJson(api.api("conversations"), "{\"userId\": \"" + java.util.UUID.randomUUID() + "\"}", ada.token()));
        assertProblem(api.postJson(api.api("conversations"), "{\"userId\": \"" + ada.id() + "\"}", ada.token()), 400);
        assertProblem(api.postJson(api.api("conversations"), "{\"userId\": \"nope\"}", ada.token()), 400);
        assertProblem(api.postJson(api.api("conversations"), "{\"userId\": \"" + ada.id() + "\", \"x\": 1}", ada.token()), 400);
    }

    @Test
    void aBubbleTalksToItsParticipantsGuestsIncludedAndNotWhenArchived() throws Exception {
        String crew = tenants.company("Bubbly", "EMEA", null);
        Person owner = tenants.person(crew, "EMEA", "Olive", "Owner");
        Person member = tenants.person(crew, "EMEA", "Mia", "Member");
        String b = bubbles.create(owner, "Team room");
        String other = bubbles.create(owner, "Other room");
        String guestEmail = People.newEmail("guest.example");
        expect(bubbles.addByEmail(owner.token(), b, guestEmail, null), 202);
        String guest = Api.json(expect(bubbles.openLink(BubbleClient.guestLink(guestEmail, 1)), 200)).getString("accessToken");
        try (Socket ownerSocket = Socket.connect(api, owner.token());
             Socket memberSocket = Socket.connect(api, member.token());
             Socket guestSocket = Socket.connect(api, guest)) {
            expect(bubbles.add(owner.token(), b, member), 201);
            JsonObject added = memberSocket.await("bubble");
            assertEquals("participant_added", added.getString("event"));
            assertEquals(b, added.getString("bubble"));

            acked(guestSocket.call("send", send(b, "hello from a guest")));
            assertEquals("hello from a guest", memberSocket.await("message").getJsonObject("message").getString("body"));
            assertEquals("hello from a guest", ownerSocket.await("message").getJsonObject("message").getString("body"));
            assertEquals(1, Api.json(expect(api.get(api.api("conversations/" + b + "/messages"), guest), 200))
                    .getJsonArray("messages").size());
            // a guest's token opens its own bubble only
            assertEquals(404, guestSocket.call("send", send(other, "may I?")).getInt("status"));
            assertProblem(api.postJson(api.api("conversations"), "{\"userId\": \"" + owner.id() + "\"}", guest), 403);
            assertEquals(List.of(b), Api.json(expect(api.get(api.api("conversations"), guest), 200)).getJsonArray("conversations").stream()
                    .map(c -> c.asJsonObject().getString("id")).toList());

            expect(api.postJson(api.api("bubbles/" + b + "/archive"), "", owner.token()), 200);
            assertEquals(409, memberSocket.call("send", send(b, "too late")).getInt("status"));
            assertProblem(api.postJson(api.api("conversations/" + b + "/messages"), "{\"body\": \"too late\"}", owner.token()), 409);
            assertEquals(1, Api.json(expect(api.get(api.api("conversations/" + b + "/messages"), member.token()), 200))
                    .getJsonArray("messages").size(), "an archived bubble is still read");
            String guestsMessage = Api.json(expect(api.get(api.api("conversations/" + b + "/messages"), guest), 200))
                    .getJsonArray("messages").getJsonObject(0).getString("id");
            assertProblem(api.delete("conversations/" + b + "/messages/" + guestsMessage, guest), 409);
            // a guest who left no longer finds the conversation, even among theirs
            String guestId = jakarta.json.Json.createReader(new java.io.StringReader(new String(java.util.Base64.getUrlDecoder()
                    .decode(guest.split("\\.")[1]), StandardCharsets.UTF_8))).readObject().getString("sub");
            expect(api.delete("bubbles/" + b + "/participants/" + guestId, guest), 204);
            assertEquals(0, Api.json(expect(api.get(api.api("conversations"), guest), 200)).getJsonArray("conversations").size());
            assertProblem(api.get(api.api("conversations/" + b + "/messages"), guest), 404);

            // deleting the bubble deletes its conversation, and tells everyone
            expect(api.delete("bubbles/" + b, owner.token()), 204);
            assertEquals("deleted", memberSocket.await(f -> "bubble".equals(f.getString("type")) && "deleted".equals(f.getString("event")),
                    Duration.ofSeconds(10)).getString("event"));
            assertEquals(List.of("0"), Databases.column("emea", "SELECT count(*) FROM message WHERE conversation_id = CAST(? AS UUID)", b));
        }
    }

    @Test
    void signalsGoOnlyBetweenThoseAdmittedToTheConference() throws Exception {
        String crew = tenants.company("Calling", "EMEA", null);
        Person owner = tenants.person(crew, "EMEA", "Otto", "Host");
        Person member = tenants.person(crew, "EMEA", "Mo", "Caller");
        Person waiting = tenants.person(crew, "EMEA", "Wes", "Waiting");
        String b = bubbles.create(owner, "Call");
        expect(bubbles.add(owner.token(), b, member), 201);
        expect(bubbles.add(owner.token(), b, waiting), 201);
        expect(bubbles.conference(owner.token(), b, "join"), 200);
        expect(bubbles.conference(member.token(), b, "join"), 200);
        try (Socket ownerSocket = Socket.connect(api, owner.token());
             Socket memberSocket = Socket.connect(api, member.token());
             Socket waitingSocket = Socket.connect(api, waiting.token())) {
            String offer = "\"bubble\": \"" + b + "\", \"to\": \"" + member.id() + "\", \"signal\": {\"kind\": \"offer\", \"sdp\": \"v=0\"}";
            acked(ownerSocket.call("signal", offer));
            JsonObject got = memberSocket.await("signal");
            assertEquals(owner.id(), got.getString("from"));
            assertEquals("v=0", got.getJsonObject("signal").getString("sdp"));
            // not to, nor from, one who is not admitted
            assertEquals(403, ownerSocket.call("signal", "\"bubble\": \"" + b + "\", \"to\": \"" + waiting.id()
                    + "\", \"signal\": {\"kind\": \"offer\"}").getInt("status"));
            assertEquals(403, waitingSocket.call("signal", "\"bubble\": \"" + b + "\", \"to\": \"" + owner.id()
                    + "\", \"signal\": {\"kind\": \"offer\"}").getInt("status"));
            assertEquals(400, ownerSocket.call("signal", "\"bubble\": \"" + b + "\", \"to\": \"" + member.id()
                    + "\", \"signal\": {\"kind\": \"sneaky\"}").getInt("status"));
        }
    }

    @Test
    void theSocketRefusesForgedTokensClosesRevokedOnesAndSurvivesBadFrames() throws Exception {
        String crew = tenants.company("Hostile", "EMEA", null);
        Person mallory = tenants.person(crew, "EMEA", "Mallory", "Attacker");
        Person bystander = tenants.person(crew, "EMEA", "Bea", "Bystander");

        // a forged token: no upgrade
        String forged = mallory.token().substring(0, mallory.token().length() - 4) + "AAAA";
        CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> Socket.open(api, forged));
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused.toString());
        assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        // an auth frame with a forged token: an error, then closed
        try (Socket anonymous = Socket.open(api, null)) {
            assertEquals(401, anonymous.call("auth", "\"token\": \"" + forged + "\"").getInt("status"));
            assertEquals(4401, anonymous.closeCode(Duration.ofSeconds(10)));
        }
        // nothing but an auth frame before one
        try (Socket anonymous = Socket.open(api, null)) {
            assertEquals(401, anonymous.call("ping", "").getInt("status"));
        }

        try (Socket bad = Socket.connect(api, mallory.token());
             Socket calm = Socket.connect(api, bystander.token())) {
            for (String frame : List.of("not json", "[]", "{}", "{\"type\": \"send\"}", "{\"type\": \"nope\", \"id\": \"x\"}",
                    "{\"type\": \"send\", \"id\": \"x\", \"conversation\": \"nope\", \"body\": \"b\"}",
                    "[".repeat(5000) + "]".repeat(5000), "{\"type\": \"ping\", \"id\": \"" + "i".repeat(65) + "\"}")) {
                bad.sendRaw(frame);
                JsonObject error = bad.await("error");
                assertTrue(error.getInt("status") == 400 || error.getInt("status") == 404, error.toString());
            }
            bad.sendRaw("{\"type\": \"ping\", \"id\": \"big\", \"pad\": \"" + "x".repeat(70_000) + "\"}");
            assertEquals(413, bad.await("error").getInt("status"));
            acked(bad.call("ping", ""));
            acked(calm.call("ping", ""));
            assertTrue(bad.isOpen() && calm.isOpen());
        }

        // a token revoked by logout: its socket is closed within the revocation refresh interval
        JsonObject session = people.tokens(bystander.email(), People.PASSWORD);
        try (Socket revoked = Socket.connect(api, session.getString("accessToken"));
             Socket other = Socket.connect(api, bystander.token())) {
            expect(api.postJson(api.api("auth/logout"), "{\"refreshToken\": \"" + session.getString("refreshToken") + "\"}",
                    session.getString("accessToken")), 204);
            assertEquals(4401, revoked.closeCode(Duration.ofSeconds(15)));
            acked(other.call("ping", "")); // another session of the same person goes on
        }
        HttpResponse<String> none = api.get(api.api("conversations"), null);
        assertEquals(401, none.statusCode());
    }

    @Test
    void aConversationGoesToOnesOwnMailboxOnlyInItsLanguageAndNotTooOften() throws Exception {
        String crew = tenants.company("Mailing", "EMEA", null);
        Person ana = tenants.person(crew, "EMEA", "Ana", "Asker");
        Person bo = tenants.person(crew, "EMEA", "Bo", "Other");
        Person cy = tenants.person(tenants.company("Not mailing", "EMEA", null), "EMEA", "Cy", "Outsider");
        String c = direct(ana, bo);
        String secret = "rendez-vous au moulin " + System.nanoTime();
        expect(api.postJson(api.api("conversations/" + c + "/messages"), "{\"body\": \"" + secret + "\"}", ana.token()), 201);
        String gone = Api.json(expect(api.postJson(api.api("conversations/" + c + "/messages"), "{\"body\": \"oups\"}",
                bo.token()), 201)).getString("id");
        expect(api.delete("conversations/" + c + "/messages/" + gone, bo.token()), 204);
        int before = org.iris.it.Mailbox.messagesTo(bo.email()).size();
        int mine = org.iris.it.Mailbox.messagesTo(ana.email()).size();

        expect(api.postJson(api.api("conversations/" + c + "/transcript"), "{\"lang\": \"fr\"}", ana.token()), 202);
        var mail = org.iris.it.Mailbox.await(ana.email(), mine + 1);
        String text = org.iris.it.Mailbox.text(mail).replace("=\r\n", "").replace("=3D", "=");
        assertTrue(org.iris.it.Mailbox.subject(mail).startsWith("Votre conversation"), org.iris.it.Mailbox.subject(mail));
        assertTrue(text.contains(secret), text);
        assertTrue(text.contains("(message supprim"), text);
        assertFalse(text.contains("oups"));
        assertEquals(before, org.iris.it.Mailbox.messagesTo(bo.email()).size(), "to the caller's own address only");

        assertProblem(api.postJson(api.api("conversations/" + c + "/transcript"), "{}", cy.token()), 404);
        assertProblem(api.postJson(api.api("conversations/" + c + "/transcript"), "{\"lang\": \"de\"}", ana.token()), 400);
        for (int i = 2; i <= 5; i++) {
            expect(api.postJson(api.api("conversations/" + c + "/transcript"), "{}", ana.token()), 202);
        }
        assertProblem(api.postJson(api.api("conversations/" + c + "/transcript"), "{}", ana.token()), 429);
    }

    /** A message of 8,000 CJK characters: some 24 KB on the wire. */
    private static final String HEAVY = "{\"body\": \"" + "漢".repeat(8000) + "\"}";

    @Test
    void silentSocketsOfOneAccountAreClosedAndNobodyElseWaitsForThem() throws Exception {
        Person attacker = tenants.person(tenants.company("Flooders", "EMEA", null), "EMEA", "Fred", "Flood");
        Person victim = tenants.person(tenants.company("Bystanders", "EMEA", null), "EMEA", "Vic", "Tim");
        String flood = bubbles.create(attacker, "Flood");
        String calm = bubbles.create(victim, "Calm");
        List<SilentSocket> silent = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        try (Socket watcher = Socket.connect(api, victim.token())) {
            for (int i = 0; i < 8; i++) {
                SilentSocket socket = SilentSocket.open(api, attacker.token(), api.clientAddress());
                assertEquals(101, socket.status());
                silent.add(socket);
            }
            java.util.concurrent.atomic.AtomicInteger posted = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> floods = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                floods.add(senders.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        expect(api.postJson(api.api("conversations/" + flood + "/messages"), HEAVY, attacker.token()), 201);
                        posted.incrementAndGet();
                    }
                }));
            }
            // while the flood goes on, each of the victim's own messages reaches their socket (a bound, not a speed)
            for (int i = 0; i < 20; i++) {
                String body = "still here " + i;
                expect(api.postJson(api.api("conversations/" + calm + "/messages"), "{\"body\": \"" + body + "\"}",
                        victim.token()), 201);
                assertEquals(body, watcher.await(frame -> "message".equals(frame.getString("type", ""))
                        && body.equals(frame.getJsonObject("message").getString("body", "")), Duration.ofSeconds(10))
                        .getJsonObject("message").getString("body"));
            }
            for (java.util.concurrent.Future<?> sender : floods) {
                sender.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
            assertEquals(2000, posted.get());
            for (SilentSocket socket : silent) {
                // closed as too far behind: Tyrus drops what it still holds, its close frame (1013) included
                SilentSocket.Ended ended = socket.ended(Duration.ofSeconds(60));
                assertTrue(ended.frames() < 2000, "the server held no backlog of " + ended.frames() + " frames");
                assertTrue(ended.closeCode() == 1013 || ended.closeCode() == -1, "closed " + ended.closeCode());
            }
            acked(watcher.call("ping", ""));
        } finally {
            senders.shutdownNow();
            silent.forEach(SilentSocket::close);
        }
        // the node serves everyone still
        expect(api.get(api.api("companies/default"), null), 200);
        assertEquals(200, api.get(api.application("health/ready"), null).statusCode());
    }

    /** A client that pings and never reads (the container answers every ping) is closed within its stall bound. */
    @Test
    void aSocketThatPingsAndNeverReadsIsClosed() throws Exception {
        Person pinger = tenants.person(tenants.company("Pingers", "EMEA", null), "EMEA", "Pia", "Pinger");
        try (SilentSocket silent = SilentSocket.open(api, pinger.token(), api.clientAddress())) {
            assertEquals(101, silent.status());
            java.time.Instant started = java.time.Instant.now();
            assertTrue(silent.pingsUntilEnded(Duration.ofSeconds(60)), "the server ended a socket that does not read");
            assertTrue(Duration.between(started, java.time.Instant.now()).toSeconds() < 45, "within the stall bound and a round");
        }
        expect(api.get(api.api("companies/default"), null), 200);
    }

    @Test
    void oneAccountHoldsItsShareOfSocketsAndAnAddressItsShareOfAnonymousOnes() throws Exception {
        Person many = tenants.person(tenants.company("Many devices", "EMEA", null), "EMEA", "Max", "Devices");
        List<Socket> devices = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                devices.add(Socket.connect(api, many.token()));
            }
            try (Socket eleventh = Socket.connect(api, many.token())) {
                assertEquals(4409, devices.get(0).closeCode(Duration.ofSeconds(10)), "the oldest gives way");
                acked(eleventh.call("ping", ""));
                acked(devices.get(1).call("ping", ""));
            }
        } finally {
            devices.forEach(Socket::close);
        }
        // sockets without a token: 60 a minute from one address (iris.ws.address.max-handshakes-per-minute), then 429
        String address = api.anotherClient().clientAddress();
        List<SilentSocket> anonymous = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                SilentSocket socket = SilentSocket.open(api, null, address);
                anonymous.add(socket);
                assertEquals(101, socket.status());
            }
            try (SilentSocket refused = SilentSocket.open(api, null, address);
                 SilentSocket emptyToken = SilentSocket.offering(api, List.of("iris.v1, bearer."), address);
                 SilentSocket secondHeader = SilentSocket.offering(api, List.of("iris.v1", "bearer.x"), address)) {
                assertEquals(429, refused.status());
                // whatever the headers offer beside, a handshake that was not authenticated counts
                assertEquals(429, emptyToken.status());
                assertEquals(429, secondHeader.status());
            }
            // another address is not held back, nor a socket with a token
            try (SilentSocket other = SilentSocket.open(api, null, api.anotherClient().clientAddress());
                 SilentSocket withToken = SilentSocket.open(api, many.token(), address)) {
                assertEquals(101, other.status());
                assertEquals(101, withToken.status());
            }
        } finally {
            anonymous.forEach(SilentSocket::close);
        }
        // with a token: 60 a minute of one account, from any address (iris.ws.max-handshakes-per-user-per-minute)
        Person churner = tenants.person(tenants.company("Reconnecting", "EMEA", null), "EMEA", "Rita", "Reconnects");
        for (int i = 0; i < 60; i++) {
            try (SilentSocket again = SilentSocket.open(api, churner.token(), api.anotherClient().clientAddress())) {
                assertEquals(101, again.status());
            }
        }
        try (SilentSocket past = SilentSocket.open(api, churner.token(), api.anotherClient().clientAddress())) {
            assertEquals(429, past.status());
        }
    }

    @Test
    void filesTypingAndReadMarksOfAPairFollowTheVisibilityRulesEveryTime() throws Exception {
        // a private user writes with a contact of another company, until the contact is revoked
        String privateCo = tenants.company("Discreet", "EMEA", null);
        expect(api.patch("companies/" + privateCo, "{\"visibility\": \"private\"}", superadmin), 200);
        Person hidden = tenants.person(privateCo, "EMEA", "Hana", "Hidden");
        Person friend = tenants.person(tenants.company("Friendly", "EMEA", null), "EMEA", "Fritz", "Friend");
        Contacts.connect(api, friend, hidden);
        String c = direct(friend, hidden);
        long seq = Api.json(expect(api.postJson(api.api("conversations/" + c + "/messages"), "{\"body\": \"hi\"}",
                hidden.token()), 201)).getJsonNumber("seq").longValue();
        // while they are contacts, files go both ways
        expect(FilesIT.upload(api, friend.token(), c, "hello.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 201);
        expect(api.delete("network/" + hidden.id(), friend.token()), 204);
        refusedToWrite(friend, hidden, c, seq);
        // the rules go one way here: a private user finds public users by search, so may still write to them
        expect(api.postJson(api.api("conversations/" + c + "/messages"), "{\"body\": \"still me\"}", hidden.token()), 201);

        // two public users of two companies, until one company turns isolated
        Person ivy = tenants.person(tenants.company("Soon alone", "EMEA", null), "EMEA", "Ivy", "Island");
        Person otto = tenants.person(tenants.company("Open", "EMEA", null), "EMEA", "Otto", "Open");
        String d = direct(otto, ivy);
        long first = Api.json(expect(api.postJson(api.api("conversations/" + d + "/messages"), "{\"body\": \"hello\"}",
                ivy.token()), 201)).getJsonNumber("seq").longValue();
        expect(api.patch("companies/" + ivy.companyId(), "{\"visibility\": \"isolated\"}", superadmin), 200);
        refusedToWrite(otto, ivy, d, first);
        refusedToWrite(ivy, otto, d, first);
        // what was said stays theirs to read
        assertEquals(1, history(otto, d, "").getJsonArray("messages").size());
    }

    /** The writer's file, typing and read mark are refused 403, nothing is stored and the peer is told nothing. */
    private void refusedToWrite(Person writer, Person peer, String conversation, long seq) throws Exception {
        try (Socket writerSocket = Socket.connect(api, writer.token());
             Socket peerSocket = Socket.connect(api, peer.token())) {
            assertProblem(FilesIT.upload(api, writer.token(), conversation, "note.txt", "text/plain",
                    "no longer".getBytes(StandardCharsets.UTF_8)), 403);
            assertEquals(403, writerSocket.call("typing", "\"conversation\": \"" + conversation + "\"").getInt("status"));
            assertEquals(403, writerSocket.call("read", "\"conversation\": \"" + conversation + "\", \"seq\": " + seq)
                    .getInt("status"));
            assertProblem(api.put("conversations/" + conversation + "/read", "{\"seq\": " + seq + "}", writer.token()), 403);
            assertProblem(api.postJson(api.api("conversations/" + conversation + "/messages"), "{\"body\": \"still?\"}",
                    writer.token()), 403);
            assertTrue(Api.array(expect(api.get(api.api("conversations/" + conversation + "/files"), writer.token()), 200))
                    .stream().noneMatch(f -> f.asJsonObject().getString("name").equals("note.txt")));
            assertEquals(List.of("0"), Databases.column("emea", "SELECT count(*) FROM conversation_reader"
                    + " WHERE conversation_id = CAST(? AS UUID) AND reader_id = CAST(? AS UUID)", conversation, writer.id()));
            acked(peerSocket.call("ping", "")); // anything pushed to the peer before would have come before this
            acked(writerSocket.call("ping", ""));
            assertTrue(peerSocket.everything().stream().noneMatch(frame -> Set.of("file", "typing", "read", "message")
                    .contains(frame.getString("type", ""))), peerSocket.everything().toString());
        }
    }

    @Test
    void aGuestWhoseInvitationEndedReachesNothingEvenBeforeThePurge() throws Exception {
        Person owner = tenants.person(tenants.company("Hosting", "EMEA", null), "EMEA", "Hal", "Host");
        String b = bubbles.create(owner, "Visit");
        String email = People.newEmail("guests.example");
        expect(bubbles.addByEmail(owner.token(), b, email, null), 202);
        JsonObject opened = Api.json(expect(bubbles.openLink(BubbleClient.guestLink(email, 1)), 200));
        String guest = opened.getString("accessToken");
        expect(api.postJson(api.api("conversations/" + b + "/messages"), "{\"body\": \"welcome\"}", owner.token()), 201);
        String file = Api.json(expect(FilesIT.upload(api, owner.token(), b, "agenda.txt", "text/plain",
                "agenda".getBytes(StandardCharsets.UTF_8)), 201)).getString("id");
        try (Socket guestSocket = Socket.connect(api, guest)) {
            acked(guestSocket.call("ping", ""));
            Databases.update("emea", "UPDATE bubble_participant SET expires_at = now() - interval '1 minute'"
                    + " WHERE participant_id = ?", java.util.UUID.fromString(opened.getString("guestId")));
            // whether or not the purge removed the row yet
            assertProblem(api.get(api.api("conversations/" + b + "/messages"), guest), 404);
            assertProblem(api.postJson(api.api("conversations/" + b + "/messages"), "{\"body\": \"still?\"}", guest), 404);
            assertProblem(api.get(api.api("conversations/" + b + "/files/" + file), guest), 404);
            assertEquals(0, Api.json(expect(api.get(api.api("conversations"), guest), 200)).getJsonArray("conversations").size());
            assertEquals(404, guestSocket.call("typing", "\"conversation\": \"" + b + "\"").getInt("status"));
            assertEquals(404, guestSocket.call("send", send(b, "still?")).getInt("status"));
            assertEquals(404, guestSocket.call("read", "\"conversation\": \"" + b + "\", \"seq\": 1").getInt("status"));
        }
        assertEquals(1, history(owner, b, "").getJsonArray("messages").size(), "nothing of the guest's was stored");
    }

    @Test
    void conversationsArePagedNewestFirstAndAWalkNeverRepeatsOne() throws Exception {
        Person busy = tenants.person(tenants.company("Busy", "EMEA", null), "EMEA", "Bea", "Busy");
        // 300 bubbles of theirs, each with its conversation, a minute apart, written straight into the region
        java.util.UUID me = java.util.UUID.fromString(busy.id());
        Databases.update("emea", "INSERT INTO bubble (id, owner_id, name, status, conference_link, conference_arrivals,"
                + " created_at, changed_at, version) SELECT CAST(md5(? || n) AS UUID), ?, 'Room ' || n, 'ACTIVE',"
                + " 'emea.' || md5(random()::text || n), 0, now(), now(), 1 FROM generate_series(1, 300) n", busy.id(), me);
        Databases.update("emea", "INSERT INTO bubble_participant (bubble_id, participant_id, kind, role, account_region,"
                + " added_by, added_at, role_since, version) SELECT CAST(md5(? || n) AS UUID), ?, 'ACCOUNT', 'OWNER', 'EMEA',"
                + " ?, now(), now(), 1 FROM generate_series(1, 300) n", busy.id(), me, me);
        Databases.update("emea", "INSERT INTO conversation (id, kind, last_seq, created_at, last_at, version)"
                + " SELECT CAST(md5(? || n) AS UUID), 'BUBBLE', 0, now(), now() - n * interval '1 minute', 1"
                + " FROM generate_series(1, 300) n", busy.id());
        assertProblem(api.get(api.api("conversations?limit=0"), busy.token()), 400);
        assertProblem(api.get(api.api("conversations?limit=101"), busy.token()), 400);
        assertProblem(api.get(api.api("conversations?after=nonsense"), busy.token()), 400);

        List<String> walked = new java.util.ArrayList<>();
        List<java.time.OffsetDateTime> times = new java.util.ArrayList<>();
        String after = null;
        String moved = null;
        String fresh = null;
        do {
            JsonObject page = Api.json(expect(api.get(api.api("conversations?limit=50"
                    + (after == null ? "" : "&after=" + after)), busy.token()), 200));
            for (JsonObject conversation : page.getJsonArray("conversations").getValuesAs(JsonObject.class)) {
                walked.add(conversation.getString("id"));
                times.add(java.time.OffsetDateTime.parse(conversation.getString("lastAt")));
            }
            after = page.getString("after", null);
            if (walked.size() == 100) {
                // while the walk goes: a conversation of a later page gets a message, a new one starts
                moved = Databases.column("emea", "SELECT CAST(md5(? || 250) AS UUID)", busy.id()).get(0);
                expect(api.postJson(api.api("conversations/" + moved + "/messages"), "{\"body\": \"news\"}", busy.token()), 201);
                fresh = bubbles.create(busy, "Brand new");
            }
        } while (after != null);
        assertEquals(walked.size(), Set.copyOf(walked).size(), "no conversation twice in one walk");
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isAfter(times.get(i - 1)), "newest activity first");
        }
        assertFalse(walked.contains(fresh), "what began during the walk is not behind its cursor");
        assertFalse(walked.contains(moved), "what moved to the front during the walk is not shown again behind it");
        assertEquals(299, walked.size());
        List<String> front = Api.json(expect(api.get(api.api("conversations?limit=2"), busy.token()), 200))
                .getJsonArray("conversations").getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
        assertEquals(List.of(fresh, moved), front, "a new walk starts with what changed");
    }
}
