package org.iris;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.iris.it.Api;
import org.iris.it.BubbleClient;
import org.iris.it.Contacts;
import org.iris.it.Databases;
import org.iris.it.Mailbox;
import org.iris.it.People;
import org.iris.it.Tenants.Person;
import org.iris.it.Tokens;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.iris.it.Api.expect;
import static org.iris.it.Problems.assertLikeUnknown;
import static org.iris.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bubbles from outside (SPEC §5, §3, §7): the rights table cell by cell for each kind of caller, with
 * the bubble tables of every region unchanged by each refusal; who may be added, and where the rows
 * live; the guest's journey from the mail to a guest token and to membership; bad input.
 */
class BubblesIT extends WithPeople {

    private BubbleClient bubbles;

    @BeforeEach
    void client() {
        bubbles = new BubbleClient(api);
    }

    private static List<String> rows() throws SQLException {
        return BubbleClient.rows();
    }

    private static String guestLink(String email, int count) {
        return BubbleClient.guestLink(email, count);
    }

    private String bubble(Person owner, String name) {
        return bubbles.create(owner, name);
    }

    private HttpResponse<String> add(String token, String bubble, Person who) {
        return bubbles.add(token, bubble, who);
    }

    /** An addition by id of nobody: what a hidden user's must look like. */
    private HttpResponse<String> addNobody(String token, String bubble) {
        return api.postJson(api.api("bubbles/" + bubble + "/participants"), "{\"userId\": \"" + UUID.randomUUID() + "\"}", token);
    }

    private HttpResponse<String> addByEmail(String token, String bubble, String email, String lang) {
        return bubbles.addByEmail(token, bubble, email, lang);
    }

    private HttpResponse<String> role(String token, String bubble, String participant, String role) {
        return bubbles.role(token, bubble, participant, role);
    }

    private HttpResponse<String> openLink(String link) {
        return bubbles.openLink(link);
    }

    /** A guest of the bubble, invited by email by {@code inviter}: their guest token. */
    String guest(Person inviter, String bubble, String email) {
        expect(addByEmail(inviter.token(), bubble, email, null), 202);
        return Api.json(expect(openLink(guestLink(email, 1)), 200)).getString("accessToken");
    }

    Person colleague(String company, String name) {
        return tenants.person(company, "EMEA", name, "Crew");
    }

    /** A refusal with that status that changed no row of any bubble table in any region, in count or content. */
    void refused(Supplier<HttpResponse<String>> request, int status) throws SQLException {
        BubbleClient.awaitDecided(); // the delivery scan changes guest rows of its own accord
        List<String> before = rows();
        HttpResponse<String> response = request.get();
        assertProblem(response, status);
        assertEquals(before, rows(), "a refusal changed rows: " + response.body());
    }

    @Test
    void everyCellOfTheRightsTableForEachKindOfCaller() throws SQLException {
        String crew = tenants.company("Crew", "EMEA", null);
        Person owner = colleague(crew, "Owner");
        Person co = colleague(crew, "Co");
        Person member = colleague(crew, "Member");
        Person extra = colleague(crew, "Extra");
        Person other = colleague(crew, "Other");
        Person outsider = tenants.person(tenants.company("Elsewhere", "EMEA", null), "EMEA", "Out", "Sider");
        String b = bubble(owner, "Rights");
        expect(add(owner.token(), b, co), 201);
        expect(add(owner.token(), b, member), 201);
        expect(add(owner.token(), b, extra), 201);
        expect(role(owner.token(), b, co.id(), "co-organizer"), 200);
        String guest = guest(owner, b, People.newEmail("guests.example"));
        // no part in the bubble: the same answer as for no bubble at all
        List<String> strangers = List.of(outsider.token(), superadmin);
        List<String> plain = List.of(guest, member.token());

        // start the conference: owner, co-organizer
        for (String token : strangers) {
            refused(() -> api.postJson(api.api("bubbles/" + b + "/conference/start"), "", token), 404);
        }
        for (String token : plain) {
            refused(() -> api.postJson(api.api("bubbles/" + b + "/conference/start"), "", token), 403);
        }
        assertTrue(Api.json(expect(api.postJson(api.api("bubbles/" + b + "/conference/start"), "", co.token()), 200)).getBoolean("started"));
        expect(api.postJson(api.api("bubbles/" + b + "/conference/start"), "", owner.token()), 200);
        expect(api.postJson(api.api("bubbles/" + b + "/conference/end"), "", owner.token()), 200);

        // not in the table, decided: rename and end the conference as those who start it; leave: anyone but the owner
        for (String token : strangers) {
            refused(() -> api.patch("bubbles/" + b, "{\"name\": \"Renamed\"}", token), 404);
            refused(() -> api.postJson(api.api("bubbles/" + b + "/conference/end"), "", token), 404);
        }
        for (String token : plain) {
            refused(() -> api.patch("bubbles/" + b, "{\"name\": \"Renamed\"}", token), 403);
            refused(() -> api.postJson(api.api("bubbles/" + b + "/conference/end"), "", token), 403);
        }
        assertEquals("By co", Api.json(expect(api.patch("bubbles/" + b, "{\"name\": \"By co\"}", co.token()), 200)).getString("name"));
        expect(api.patch("bubbles/" + b, "{\"name\": \"Rights\"}", owner.token()), 200);
        expect(api.postJson(api.api("bubbles/" + b + "/conference/end"), "", co.token()), 200);
        refused(() -> api.delete("bubbles/" + b + "/participants/" + owner.id(), owner.token()), 409);
        refused(() -> api.delete("bubbles/" + b + "/participants/" + owner.id(), co.token()), 409);
        expect(api.delete("bubbles/" + b + "/participants/" + member.id(), member.token()), 204);
        assertProblem(api.get(api.api("bubbles/" + b), member.token()), 404);
        expect(add(owner.token(), b, member), 201);

        // promote to co-organizer (and back): owner, co-organizer
        for (String token : strangers) {
            refused(() -> role(token, b, extra.id(), "co-organizer"), 404);
        }
        for (String token : plain) {
            refused(() -> role(token, b, extra.id(), "co-organizer"), 403);
        }
        assertEquals("co-organizer", Api.json(expect(role(co.token(), b, extra.id(), "co-organizer"), 200)).getString("role"));
        assertEquals("member", Api.json(expect(role(owner.token(), b, extra.id(), "member"), 200)).getString("role"));

        // add and remove participants: owner, co-organizer
        for (String token : strangers) {
            refused(() -> add(token, b, other), 404);
            refused(() -> api.delete("bubbles/" + b + "/participants/" + extra.id(), token), 404);
        }
        for (String token : plain) {
            refused(() -> add(token, b, other), 403);
            refused(() -> api.delete("bubbles/" + b + "/participants/" + extra.id(), token), 403);
        }
        expect(add(co.token(), b, other), 201);
        expect(api.delete("bubbles/" + b + "/participants/" + other.id(), co.token()), 204);
        expect(add(owner.token(), b, other), 201);
        expect(api.delete("bubbles/" + b + "/participants/" + other.id(), owner.token()), 204);

        // get the conference link: the owner only
        for (String token : strangers) {
            refused(() -> api.get(api.api("bubbles/" + b + "/conference/link"), token), 404);
        }
        for (String token : List.of(guest, member.token(), co.token())) {
            refused(() -> api.get(api.api("bubbles/" + b + "/conference/link"), token), 403);
        }
        assertTrue(Api.json(expect(api.get(api.api("bubbles/" + b + "/conference/link"), owner.token()), 200))
                .getString("token").startsWith("emea."));

        // archive, delete, transfer ownership: the owner only
        for (String token : strangers) {
            refused(() -> api.postJson(api.api("bubbles/" + b + "/archive"), "", token), 404);
            refused(() -> api.delete("bubbles/" + b, token), 404);
            refused(() -> role(token, b, co.id(), "owner"), 404);
        }
        for (String token : List.of(guest, member.token(), co.token())) {
            refused(() -> api.postJson(api.api("bubbles/" + b + "/archive"), "", token), 403);
            refused(() -> api.delete("bubbles/" + b, token), 403);
            refused(() -> role(token, b, co.id(), "owner"), 403);
        }
        JsonObject transferred = Api.json(expect(role(owner.token(), b, co.id(), "owner"), 200));
        assertEquals("owner", transferred.getString("role"));
        JsonObject seenByOldOwner = Api.json(expect(api.get(api.api("bubbles/" + b), owner.token()), 200));
        assertEquals("member", seenByOldOwner.getString("myRole"));
        assertEquals(co.id(), seenByOldOwner.getString("ownerId"));
        refused(() -> api.postJson(api.api("bubbles/" + b + "/archive"), "", owner.token()), 403);
        assertEquals("archived", Api.json(expect(api.postJson(api.api("bubbles/" + b + "/archive"), "", co.token()), 200))
                .getString("status"));
        expect(api.delete("bubbles/" + b, co.token()), 204);
        for (String token : List.of(co.token(), owner.token(), member.token(), guest)) {
            assertProblem(api.get(api.api("bubbles/" + b), token), 404);
        }
        for (String region : Databases.REGIONS) {
            assertEquals(List.of("0"), Databases.column(region, "SELECT count(*) FROM bubble_participant WHERE bubble_id = ?",
                    UUID.fromString(b)), region);
        }
    }

    @Test
    void whoMayBeAddedFollowsVisibilityAndTheRowsStayInTheOwnersRegion() throws Exception {
        Person adder = tenants.person(tenants.company("Open", "EMEA", null), "EMEA", "Ada", "Open");
        Person open = tenants.person(tenants.company("Germany", "DE", null), "DE", "Otto", "Public");
        String privateCo = tenants.company("Discreet", "NA", null);
        expect(api.patch("companies/" + privateCo, "{\"visibility\": \"private\"}", superadmin), 200);
        Person discreet = tenants.person(privateCo, "NA", "Nina", "Private");
        String isolatedCo = tenants.company("Alone", "EMEA", null);
        expect(api.patch("companies/" + isolatedCo, "{\"visibility\": \"isolated\"}", superadmin), 200);
        Person alone = tenants.person(isolatedCo, "EMEA", "Ivo", "Isolated");
        Person wang = tenants.person(tenants.company("Beijing", "CN", null), "CN", "Wang", "China");
        String b = bubble(adder, "Visibility");

        HttpResponse<String> added = expect(add(adder.token(), b, open), 201);
        JsonObject followed = Api.json(expect(api.get(java.net.URI.create(added.headers().firstValue("Location").orElseThrow()),
                open.token()), 200));
        assertEquals(open.id(), followed.getString("id"));
        assertEquals("member", followed.getString("role"));
        assertLikeUnknown(add(adder.token(), b, discreet), addNobody(adder.token(), b));
        assertLikeUnknown(add(adder.token(), b, alone), addNobody(adder.token(), b));
        assertLikeUnknown(add(adder.token(), b, wang), addNobody(adder.token(), b));

        // the public user of another region sees the bubble among theirs, and it says where it lives
        JsonArray theirs = Api.array(expect(api.get(api.api("bubbles"), open.token()), 200));
        assertTrue(theirs.stream().map(JsonValue::asJsonObject).anyMatch(x -> x.getString("id").equals(b)
                && x.getString("region").equals("EMEA") && x.getString("myRole").equals("member")));

        // by email: the same answer for the private user (mailed), the isolated and the Chinese one (held)
        for (Person person : List.of(discreet, alone, wang)) {
            JsonObject answer = Api.json(expect(addByEmail(adder.token(), b, person.email(), null), 202));
            assertEquals("guest", answer.getString("role"));
            assertEquals(Set.of("id", "kind", "role", "email", "addedAt"), answer.keySet());
        }
        // the private user's mail comes (their second, after their company's invitation); accepted signed in
        String link = guestLink(discreet.email(), 2);
        // the link answers as for anyone (a forwarded link must not tell that the address has an account)
        assertEquals(Set.of("accessToken", "tokenType", "expiresIn", "guestId", "bubbleId", "register"),
                Api.json(expect(openLink(link), 200)).keySet());
        JsonObject joined = Api.json(expect(api.postJson(api.api("bubble-invitations/accept"),
                "{\"token\": \"" + link + "\"}", discreet.token()), 200));
        assertEquals("member", joined.getString("myRole"));
        // someone else signed in cannot take that link
        assertProblem(api.postJson(api.api("bubble-invitations/accept"), "{\"token\": \"" + link + "\"}", open.token()), 404);
        awaitHeld(b, 2);
        assertEquals(1, Mailbox.messagesTo(alone.email()).size(), "the isolated user got a mail");
        assertEquals(1, Mailbox.messagesTo(wang.email()).size(), "the Chinese user got a mail");

        // every row of the bubble in its owner's region, none anywhere else
        for (String region : Databases.REGIONS) {
            long expected = region.equals("emea") ? 5 : 0; // owner, open, discreet, and the two held invitations
            assertEquals(List.of(String.valueOf(expected)), Databases.column(region,
                    "SELECT count(*) FROM bubble_participant WHERE bubble_id = ?", UUID.fromString(b)), region);
            assertEquals(List.of(region.equals("emea") ? "1" : "0"), Databases.column(region,
                    "SELECT count(*) FROM bubble WHERE id = ?", UUID.fromString(b)), region);
        }

        // a private user in the adder's network is added by id, as the network shows them
        Person contact = tenants.person(privateCo, "NA", "Carl", "Contact");
        assertLikeUnknown(add(adder.token(), b, contact), addNobody(adder.token(), b));
        Contacts.connect(api, adder, contact);
        expect(add(adder.token(), b, contact), 201);

        // a Chinese bubble lives in China and takes nobody from outside
        String chinese = bubble(wang, "Beijing");
        assertLikeUnknown(add(wang.token(), chinese, adder), addNobody(wang.token(), chinese));
        assertEquals(List.of("1"), Databases.column("cn", "SELECT count(*) FROM bubble WHERE id = ?", UUID.fromString(chinese)));
        assertProblem(api.get(api.api("bubbles/" + chinese), adder.token()), 404);
    }


    private static void awaitHeld(String bubble, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (Databases.column("emea", "SELECT count(*) FROM bubble_participant WHERE bubble_id = ? AND delivery = 'HELD'",
                    UUID.fromString(bubble)).equals(List.of(String.valueOf(count)))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the invitations were not held");
    }

    @Test
    void aGuestFromTheMailToAMemberAndNowhereElse() throws Exception {
        String crew = tenants.company("Hosts", "EMEA", null);
        Person owner = colleague(crew, "Host");
        String b = bubble(owner, "Garden party");
        String other = bubble(owner, "Another");
        String email = People.newEmail("guests.example");
        expect(addByEmail(owner.token(), b, email, "fr"), 202);
        var mail = Mailbox.await(email, 1);
        assertTrue(Mailbox.subject(mail).contains("Garden party") && Mailbox.subject(mail).contains("bulle"), Mailbox.subject(mail));
        assertTrue(Mailbox.text(mail).contains("/register?email="), "the mail suggests creating an account");
        String link = guestLink(email, 1);
        JsonObject opened = Api.json(expect(openLink(link), 200));
        assertEquals(b, opened.getString("bubbleId"));
        String guest = opened.getString("accessToken");
        String guestId = opened.getString("guestId");

        JsonObject seen = Api.json(expect(api.get(api.api("bubbles/" + b), guest), 200));
        assertEquals("guest", seen.getString("myRole"));
        expect(api.get(api.api("bubbles/" + b + "/participants"), guest), 200);
        JsonObject lobby = Api.json(expect(api.postJson(api.api("bubbles/" + b + "/conference/join"), "", guest), 200));
        assertEquals("waiting", lobby.getString("me"));
        assertEquals(0, lobby.getJsonArray("iceServers").size(), "a guest who waits gets no TURN credentials");
        // its only scope is that bubble
        assertProblem(api.get(api.api("bubbles/" + other), guest), 403);
        for (String path : List.of("users/me", "directory/users?q=ab", "network", "invitations?direction=sent", "bubbles",
                "users/" + owner.id() + "/presence", "companies", "companies/" + crew, "companies/" + crew + "/members",
                "companies/" + crew + "/invitations", "companies/" + crew + "/subscriptions", "companies/" + crew + "/systems",
                "companies/" + crew + "/domains", "companies/" + crew + "/visibility-by", "organizations",
                "visibility?from=" + owner.id() + "&to=" + owner.id(), "mail-outbox")) {
            int status = api.get(api.api(path), guest).statusCode();
            assertTrue(status == 401 || status == 403, path + " answered " + status);
        }
        for (HttpResponse<String> write : List.of(
                api.postJson(api.api("companies"), "{\"name\": \"Guest Inc\", \"region\": \"EMEA\"}", guest),
                api.patch("companies/" + crew, "{\"visibility\": \"private\"}", guest),
                api.postJson(api.api("companies/" + crew + "/invitations"), "{\"email\": \"x@guests.example\", \"roles\": []}", guest),
                api.postJson(api.api("organizations"), "{\"name\": \"Guests\"}", guest),
                api.patch("users/me", "{\"title\": \"Guest\"}", guest),
                api.postJson(api.api("invitations"), "{\"userId\": \"" + owner.id() + "\"}", guest))) {
            assertTrue(write.statusCode() == 401 || write.statusCode() == 403, write.uri() + " answered " + write.statusCode());
        }
        assertProblem(api.postJson(api.api("bubbles"), "{\"name\": \"mine\"}", guest), 403);
        assertProblem(addByEmail(guest, b, People.newEmail("guests.example"), null), 403);
        // renewable from the link; a forged link opens nothing
        expect(openLink(link), 200);
        assertProblem(openLink("emea." + "A".repeat(43)), 401);
        assertProblem(openLink("not a link"), 401);

        // expiry: an invitation past its end gives no token, and its tokens open nothing
        Databases.update("emea", "UPDATE bubble_participant SET expires_at = now() - interval '1 minute'"
                + " WHERE participant_id = ?", UUID.fromString(guestId));
        assertProblem(openLink(link), 401);
        assertProblem(api.get(api.api("bubbles/" + b), guest), 404);
        // and the guest goes by themselves: the next rounds of the scan remove the row
        Instant deadline = Instant.now().plusSeconds(15);
        while (!Databases.column("emea", "SELECT count(*) FROM bubble_participant WHERE participant_id = ?",
                UUID.fromString(guestId)).equals(List.of("0"))) {
            assertTrue(Instant.now().isBefore(deadline), "the expired guest is still there");
            Thread.sleep(250);
        }

        // registering with a guest's address makes them a member
        String second = People.newEmail("guests.example");
        expect(addByEmail(owner.token(), b, second, null), 202);
        String secondGuest = Api.json(expect(openLink(guestLink(second, 1)), 200)).getString("accessToken");
        expect(people.askPin(second, null), 202);
        String account = Api.json(expect(people.confirm(second, Mailbox.pin(second, 2), People.PASSWORD), 201)).getString("id");
        String token = people.tokens(second, People.PASSWORD).getString("accessToken");
        JsonObject asMember = Api.json(expect(api.get(api.api("bubbles/" + b), token), 200));
        assertEquals("member", asMember.getString("myRole"));
        assertProblem(api.get(api.api("bubbles/" + b), secondGuest), 404);
        Set<String> ids = Api.array(expect(api.get(api.api("bubbles/" + b + "/participants"), owner.token()), 200)).stream()
                .map(JsonValue::asJsonObject).map(p -> p.getString("id")).collect(Collectors.toSet());
        assertTrue(ids.contains(account), ids.toString());

        // removing a guest ends their access
        String third = People.newEmail("guests.example");
        String thirdGuest = guest(owner, b, third);
        String thirdId = Api.json(expect(openLink(guestLink(third, 1)), 200)).getString("guestId");
        expect(api.delete("bubbles/" + b + "/participants/" + thirdId, owner.token()), 204);
        assertProblem(api.get(api.api("bubbles/" + b), thirdGuest), 404);
        assertProblem(openLink(guestLink(third, 1)), 401);
    }

    @Test
    void guestInvitationsAreRateLimitedPerAdder() throws SQLException {
        Person owner = colleague(tenants.company("Busy", "EMEA", null), "Busy");
        String b = bubble(owner, "Crowd");
        for (int i = 0; i < 20; i++) {
            expect(addByEmail(owner.token(), b, People.newEmail("crowd.example"), null), 202);
        }
        refused(() -> addByEmail(owner.token(), b, People.newEmail("crowd.example"), null), 429);
    }

    @Test
    void transferArchiveAndBadInput() throws SQLException {
        String crew = tenants.company("Movers", "EMEA", null);
        Person owner = colleague(crew, "Mover");
        Person member = colleague(crew, "Plain");
        Person outsider = tenants.person(tenants.company("Strangers", "EMEA", null), "EMEA", "Str", "Anger");
        String b = bubble(owner, "Moving");
        expect(add(owner.token(), b, member), 201);

        refused(() -> role(owner.token(), b, member.id(), "owner"), 409);
        refused(() -> api.delete("bubbles/" + b + "/participants/" + owner.id(), owner.token()), 409);
        refused(() -> role(owner.token(), b, member.id(), "guest"), 400);
        refused(() -> role(owner.token(), b, member.id(), "king"), 400);
        refused(() -> api.patch("bubbles/" + b + "/participants/" + member.id(), "{\"role\": \"member\", \"x\": 1}", owner.token()), 400);

        // unknown ids, and another company's bubble: the same 404
        String unknown = assertProblem(api.get(api.api("bubbles/" + UUID.randomUUID()), owner.token()), 404).getString("detail");
        assertEquals(unknown, assertProblem(api.get(api.api("bubbles/" + b), outsider.token()), 404).getString("detail"));
        assertEquals(unknown, assertProblem(api.patch("bubbles/" + b, "{\"name\": \"x\"}", outsider.token()), 404).getString("detail"));
        refused(() -> add(owner.token(), b, new Person(UUID.randomUUID().toString(), "x@y.z", crew, "EMEA", "")), 404);

        // malformed and oversized bodies
        for (String body : List.of("{", "[]", "{\"name\": \"\"}", "{\"name\": \"" + "n".repeat(101) + "\"}",
                "{\"name\": \"a\\u0000b\"}", "{\"name\": \"\\u200b\\u200b\"}", "{\"name\": \"x\\u202ey\"}",
                "{\"name\": \"ab\\ud800cd\"}", "{\"name\": \"ok\", \"topic\": \"\\u2066\"}",
                "{\"name\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"name\": \"ok\", \"topic\": \"" + "t".repeat(1001) + "\"}", "{\"name\": \"ok\", \"owner\": \"me\"}",
                "{\"name\": 42}", "{}")) {
            refused(() -> api.postJson(api.api("bubbles"), body, owner.token()), 400);
        }
        refused(() -> api.postJson(api.api("bubbles/" + b + "/participants"),
                "{\"userId\": \"" + member.id() + "\", \"email\": \"a@b.c\"}", owner.token()), 400);
        refused(() -> api.postJson(api.api("bubbles/" + b + "/participants"), "{\"userId\": \"nope\"}", owner.token()), 400);
        refused(() -> api.postJson(api.api("bubbles/" + b + "/participants"), "{\"email\": \"not an address\"}", owner.token()), 400);
        refused(() -> add(owner.token(), b, member), 409);
        assertProblem(api.get(api.api("bubbles?status=gone"), owner.token()), 400);

        // rename, then the transfer to a co-organizer
        JsonObject renamed = Api.json(expect(api.patch("bubbles/" + b, "{\"name\": \"Moved\", \"topic\": \"Boxes\"}", owner.token()), 200));
        assertEquals("Boxes", renamed.getString("topic"));
        assertFalse(Api.json(expect(api.patch("bubbles/" + b, "{\"topic\": null}", owner.token()), 200)).containsKey("topic"));
        expect(role(owner.token(), b, member.id(), "co-organizer"), 200);
        expect(role(owner.token(), b, member.id(), "owner"), 200);
        expect(api.delete("bubbles/" + b + "/participants/" + owner.id(), owner.token()), 204); // the old owner may leave now
        assertProblem(api.get(api.api("bubbles/" + b), owner.token()), 404);

        // archived: read-only
        expect(api.postJson(api.api("bubbles/" + b + "/archive"), "", member.token()), 200);
        refused(() -> add(member.token(), b, owner), 409);
        refused(() -> api.patch("bubbles/" + b, "{\"name\": \"again\"}", member.token()), 409);
        refused(() -> api.postJson(api.api("bubbles/" + b + "/conference/join"), "", member.token()), 409);
        refused(() -> addByEmail(member.token(), b, People.newEmail("late.example"), null), 409);
        JsonArray archived = Api.array(expect(api.get(api.api("bubbles?status=archived"), member.token()), 200));
        assertTrue(archived.stream().anyMatch(x -> x.asJsonObject().getString("id").equals(b)));
        assertFalse(Api.array(expect(api.get(api.api("bubbles?status=active"), member.token()), 200)).stream()
                .anyMatch(x -> x.asJsonObject().getString("id").equals(b)));
    }

    @Test
    void aFullBubbleTakesNoMore() throws SQLException {
        String crew = tenants.company("Full", "EMEA", null);
        Person owner = colleague(crew, "Fuller");
        Person last = colleague(crew, "Last");
        Person late = colleague(crew, "Late");
        String b = bubble(owner, "Full house");
        BubbleClient.insertMembers(b, owner, 58); // with the owner, one short of 60
        expect(add(owner.token(), b, last), 201);
        refused(() -> add(owner.token(), b, late), 409);
        refused(() -> addByEmail(owner.token(), b, People.newEmail("full.example"), null), 409);
        assertEquals(List.of("60"), Databases.column("emea", "SELECT count(*) FROM bubble_participant WHERE bubble_id = ?",
                UUID.fromString(b)));
    }

    /** A parallel burst of forged links from one address: each answered alike until the address's budget is spent. */
    @Test
    void guestLinksFromOneAddressAreBudgeted() throws Exception {
        Api burst = api.anotherClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String forged = "emea." + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 43);
                answers.add(pool.submit(() -> burst.postJson(burst.api("guest-tokens"), "{\"token\": \"" + forged + "\"}", null)
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(30, statuses.stream().filter(status -> status == 401).count(), statuses.toString());
            assertEquals(10, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertProblem(api.anotherClient().postJson(api.api("guest-tokens"), "{\"token\": \"nothing\"}", null), 401);
        // a body nested deep enough to exhaust a parser's stack is refused before it is parsed
        JsonObject deep = assertProblem(api.anotherClient().postJson(api.api("guest-tokens"),
                "{\"token\": " + "[".repeat(5000) + "]".repeat(5000) + "}", null), 400);
        assertTrue(deep.getString("detail").contains("levels"), deep.toString());
        assertProblem(api.anotherClient().postJson(api.api("guest-tokens"),
                "{\"token\": \"x\", \"e\": " + "{\"a\": ".repeat(3000) + "1" + "}".repeat(3000) + "}", null), 400);
    }

    @Test
    void refusalsOfAnonymousAndForgedCallers() throws SQLException {
        Person owner = colleague(tenants.company("Locked", "EMEA", null), "Locker");
        String b = bubble(owner, "Locked");
        for (String token : List.of(Tokens.forged(), Tokens.expired())) {
            refused(() -> api.get(api.api("bubbles/" + b), token), 401);
            refused(() -> api.postJson(api.api("bubbles/" + b + "/conference/join"), "", token), 401);
        }
        refused(() -> api.get(api.api("bubbles/" + b), null), 401);
        refused(() -> api.postJson(api.api("bubbles"), "{\"name\": \"anonymous\"}", null), 401);
        refused(() -> api.get(api.api("conference-links/emea." + "B".repeat(43)), null), 401);
    }

    @Test
    void theTwentyFirstBubbleOfAnHourIsRefusedAndOthersStillCreate() throws SQLException {
        String crew = tenants.company("Prolific", "EMEA", null);
        Person maker = colleague(crew, "Maker");
        Person neighbour = colleague(crew, "Neighbour");
        for (int i = 1; i <= 20; i++) { // iris.bubbles.max-created-per-hour
            bubble(maker, "Bubble " + i);
        }
        refused(() -> api.postJson(api.api("bubbles"), "{\"name\": \"One too many\"}", maker.token()), 429);
        HttpResponse<String> again = api.postJson(api.api("bubbles"), "{\"name\": \"Still too many\"}", maker.token());
        assertProblem(again, 429);
        assertTrue(Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow()) > 0, again.headers().map().toString());
        // the budget is the maker's own
        bubble(neighbour, "Next door");
        assertEquals(List.of("20"), Databases.column("emea", "SELECT count(*) FROM bubble WHERE owner_id = ?",
                UUID.fromString(maker.id())));
    }

    @Test
    void anOwnerOfTheMostActiveBubblesArchivesOneBeforeCreatingAnother() throws SQLException {
        Person hoarder = colleague(tenants.company("Hoarders", "EMEA", null), "Hoarder");
        // 499 active bubbles of theirs written straight into their region: with one more, the 500 of iris.bubbles.max-owned
        Databases.update("emea", "INSERT INTO bubble (id, owner_id, name, status, conference_link, conference_arrivals,"
                + " created_at, changed_at, version) SELECT CAST(md5(random()::text || n) AS UUID), ?, 'Hoard ' || n,"
                + " 'ACTIVE', 'emea.' || md5(random()::text || n), 0, now(), now(), 1 FROM generate_series(1, 499) n",
                UUID.fromString(hoarder.id()));
        String last = bubble(hoarder, "The five hundredth");
        refused(() -> api.postJson(api.api("bubbles"), "{\"name\": \"One more\"}", hoarder.token()), 409);
        JsonObject full = assertProblem(api.postJson(api.api("bubbles"), "{\"name\": \"One more\"}", hoarder.token()), 409);
        assertTrue(full.getString("detail").contains("archive"), full.toString());
        // an archived bubble no longer counts
        expect(api.postJson(api.api("bubbles/" + last + "/archive"), "", hoarder.token()), 200);
        bubble(hoarder, "Room again");
    }

    @Test
    void participantsAddedPastTheHourlyBudgetAreRefused() throws SQLException {
        String crew = tenants.company("Recruiters", "EMEA", null);
        Person owner = colleague(crew, "Recruiter");
        Person co = colleague(crew, "Helper");
        Person joiner = colleague(crew, "Joiner");
        String b = bubble(owner, "Revolving door");
        expect(add(owner.token(), b, co), 201);
        expect(role(owner.token(), b, co.id(), "co-organizer"), 200);
        // 30 additions (iris.bubbles.max-added-per-hour of it-postgres.properties): whoever is removed again still counts
        for (int i = 2; i <= 30; i++) {
            expect(add(owner.token(), b, joiner), 201);
            expect(api.delete("bubbles/" + b + "/participants/" + joiner.id(), owner.token()), 204);
        }
        refused(() -> add(owner.token(), b, joiner), 429);
        refused(() -> addByEmail(owner.token(), b, People.newEmail("door.example"), null), 429);
        // the budget is the adder's, not the bubble's
        expect(add(co.token(), b, joiner), 201);
    }
}
