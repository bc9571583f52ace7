package org.iris;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.iris.it.Api;
import org.iris.it.Databases;
import org.iris.it.Mailbox;
import org.iris.it.People;
import org.iris.it.Secret;
import org.iris.it.Tenants;
import org.iris.it.Tenants.Person;
import org.iris.it.Tokens;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.iris.it.Problems.assertLikeUnknown;
import static org.iris.it.Problems.assertProblem;
import static org.iris.it.People.PASSWORD;
import static org.iris.it.Api.expect;
import static org.iris.it.People.newEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abuse paths of identity, mail, visibility and the network, each tried the way an attacker would:
 * without a login where none is needed, in parallel, spread over many emails, or from the wrong side.
 */
class AttacksIT extends WithPeople {

    // --- 1. the mail outbox ---

    @Test
    void addressesThatStrictParsingWouldRefuseAtSendTimeAreRefusedAtTheDoor() throws Exception {
        long before = outboxRows("emea");
        for (String email : List.of("a(b)@example.org", "\"a b\"@example.org", "a,b@example.org",
                "a@example.org,b@example.org", "Ada <ada@example.org>", "a<b@example.org")) {
            String body = "{\"email\": \"" + email.replace("\"", "\\\"") + "\"}";
            assertProblem(api.postJson(api.api("registrations"), body, null), 400);
            assertProblem(api.postJson(api.api("password-resets"), body, null), 400);
        }
        assertEquals(before, outboxRows("emea"), "nothing reached the outbox");
    }

    /**
     * Thousands of mails no server will take (as the old grammar let in) sit in the outbox, due now:
     * a real registration's PIN still arrives within seconds, and the poison is given up, emptied.
     */
    @Test
    void aFloodOfPoisonedMailsDoesNotDelayARealPinAndIsGivenUp() throws Exception {
        Instant now = Instant.now();
        try (var connection = Databases.connect("emea");
             var insert = connection.prepareStatement("INSERT INTO mail_outbox (id, recipient, deferred, language,"
                     + " mail_values, lane, status, attempts, permanent_failures, next_attempt_at, created_at, expires_at)"
                     + " VALUES (?, ?, 'pin:registration', 'en', '{}', 'PIN', 'PENDING', 0, 0, ?, ?, ?)")) {
            for (int i = 0; i < 3000; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "poison" + i + "(x)@flood.example");
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setTimestamp(4, Timestamp.from(now.minusMillis(3000 - i)));
                insert.setTimestamp(5, Timestamp.from(now.plus(Duration.ofMinutes(10))));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        String email = newEmail("example.org");
        Instant asked = Instant.now();
        expect(people.askPin(email, null), 202);
        Mailbox.await(email, 1);
        Duration took = Duration.between(asked, Instant.now());
        System.out.println("A real PIN behind 3,000 poisoned mails arrived in " + took.toMillis() + " ms");
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the real PIN took " + took);
        assertTrue(poisonStill("PENDING") > 1000, "the PIN did not wait for the poison to drain");

        // the poison is refused for good, a few times each, then given up and emptied
        Instant deadline = Instant.now().plusSeconds(30);
        while (poisonStill("FAILED") < 20) {
            assertTrue(Instant.now().isBefore(deadline), "no poisoned mail was given up");
            Thread.sleep(250);
        }
        assertEquals(List.of("0"), Databases.column("emea", "SELECT count(*) FROM mail_outbox WHERE status = 'FAILED'"
                + " AND recipient LIKE '%@flood.example' AND (mail_values IS NOT NULL OR text_body IS NOT NULL)"));
        assertEquals(List.of(), Mailbox.messagesTo("poison0(x)@flood.example"));
        JsonObject emea = Api.array(expect(api.get(api.api("mail-outbox"), Tokens.superadmin()), 200)).stream()
                .map(JsonValue::asJsonObject).filter(region -> region.getString("region").equals("EMEA")).findFirst().orElseThrow();
        assertTrue(emea.getJsonNumber("failed").longValue() >= 20, emea.toString());
        assertFalse(emea.toString().contains("poison"), "recipients are masked: " + emea);
        assertProblem(api.get(api.api("mail-outbox"), Tokens.withRoles("user", "company_admin")), 403);
        Databases.update("emea", "DELETE FROM mail_outbox WHERE recipient LIKE '%@flood.example'");
    }

    private static long poisonStill(String status) throws Exception {
        return Long.parseLong(Databases.column("emea", "SELECT count(*) FROM mail_outbox WHERE status = ?"
                + " AND recipient LIKE '%@flood.example'", status).get(0));
    }

    private static long outboxRows(String region) throws Exception {
        return Long.parseLong(Databases.column(region, "SELECT count(*) FROM mail_outbox").get(0));
    }

    @Test
    void noPinIsStoredInClearInTheOutbox() throws Exception {
        Mailbox.stop();
        String email = newEmail("example.org");
        try {
            expect(people.askPin(email, null), 202);
            Instant deadline = Instant.now().plusSeconds(20);
            while (Integer.parseInt(Databases.column("emea",
                    "SELECT coalesce(max(attempts), 0) FROM mail_outbox WHERE recipient = ?", email).get(0)) < 1) {
                assertTrue(Instant.now().isBefore(deadline), "Iris did not try to send");
                Thread.sleep(250);
            }
            // the PIN was drawn for the try and its hash stored; the outbox row holds no digits of it
            List<String> stored = Databases.column("emea", "SELECT coalesce(mail_values, '') || coalesce(text_body, '')"
                    + " || coalesce(html_body, '') FROM mail_outbox WHERE recipient = ?", email);
            assertEquals(1, stored.size());
            assertFalse(stored.get(0).matches("(?s).*\\d{6}.*"), stored.get(0));
            assertEquals(1, Databases.column("emea", "SELECT pin_hash FROM pin_challenge WHERE email_hash = ?",
                    Secret.emailHash(email)).size());
        } finally {
            Mailbox.start();
        }
        expect(people.confirm(email, Mailbox.pin(email, 1), PASSWORD), 201);
    }

    // --- 2. expensive work before any check ---

    /** 64 wrong PINs at once, over as many emails and addresses: refused quickly, no password hashed. */
    @Test
    void parallelWrongPinConfirmationsAreRefusedWithoutHashingAnyPassword() throws Exception {
        String known = newEmail("example.org");
        people.register(known);
        int requests = 64;
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String email = i % 2 == 0 ? known : newEmail("example.org");
            People attacker = new People(api.anotherClient());
            if (i % 4 < 2) {
                calls.add(() -> attacker.reset(email, "000000", "Another-Quiet-Harbour-77"));
            } else {
                calls.add(() -> attacker.confirm(email, "000000", PASSWORD));
            }
        }
        long hash = oneHashNanos();
        long start = System.nanoTime();
        List<HttpResponse<String>> answers = inParallel(calls);
        long took = System.nanoTime() - start;
        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() == 400 || answer.statusCode() == 429, answer.body());
        }
        // hashing every new password would take at least this long on the server's two cores
        long hashingAll = requests * hash / 2;
        System.out.println("64 parallel wrong PINs answered in " + took / 1_000_000 + " ms (one hash: " + hash / 1_000_000
                + " ms)");
        assertTrue(took < hashingAll / 2, "64 wrong PINs took " + took / 1_000_000 + " ms; hashing their passwords alone "
                + "would take " + hashingAll / 1_000_000 + " ms");
        expect(people.login(known, PASSWORD), 200);
    }

    /** What one PBKDF2-HMAC-SHA256 hash at Iris's default cost takes on this machine. */
    private static long oneHashNanos() throws Exception {
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            factory.generateSecret(new PBEKeySpec("Quartz-Lantern-Orbit-42".toCharArray(), new byte[16], 600_000, 256));
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    /** A burst of 100 wrong passwords at once gets no more checks than the back-off lets through. */
    @Test
    void aBurstOfWrongLoginsGetsNoMoreGuessesThanTheBackOffAllows() throws Exception {
        String email = newEmail("example.org");
        people.register(email);
        People attacker = new People(api.anotherClient());
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String guess = "Wrong-Guess-" + i + "!aA";
            calls.add(() -> attacker.login(email, guess));
        }
        Map<Integer, Long> statuses = inParallel(calls).stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, TreeMap::new, Collectors.counting()));
        System.out.println("100 parallel wrong logins: " + statuses);
        // five free failures, and the sixth that starts the block (iris.login.account.free-failures=5)
        assertEquals(Set.of(401, 429), statuses.keySet(), statuses.toString());
        assertTrue(statuses.get(401) <= 6, statuses.toString());
        assertEquals(429, attacker.login(email, PASSWORD).statusCode(), "the account backs off, right password or not");
    }

    // --- 3. standalone users are not colleagues ---

    @Test
    void twoStandaloneUsersFindEachOtherButAreNoColleagues() throws Exception {
        String tag = tag();
        String aliceEmail = newEmail("example.org");
        String bobEmail = newEmail("example.org");
        String alice = register(aliceEmail, "Alice", tag);
        String bob = register(bobEmail, "Bob", tag);
        String aliceToken = people.tokens(aliceEmail, PASSWORD).getString("accessToken");
        String bobToken = people.tokens(bobEmail, PASSWORD).getString("accessToken");

        JsonArray found = Api.array(expect(api.get(api.api("directory/users?q=" + tag), aliceToken), 200));
        assertEquals(1, found.size(), found.toString());
        JsonObject seen = found.getJsonObject(0);
        assertEquals(bob, seen.getString("id"));
        assertFalse(seen.containsKey("email") && !seen.isNull("email"), "a standalone user's email is not shown: " + seen);
        assertEquals(0, Api.array(expect(api.get(api.api("directory/users?q="
                + URLEncoder.encode(bobEmail.substring(0, 9), StandardCharsets.UTF_8)), aliceToken), 200)).size(),
                "nor found by its prefix");

        JsonObject invitation = Api.json(expect(api.postJson(api.api("invitations"), "{\"userId\": \"" + bob + "\"}", aliceToken), 201));
        assertEquals("pending", invitation.getString("status"), "not accepted at once");
        assertProblem(api.get(api.api("users/" + bob + "/presence"), aliceToken), 404);
        assertEquals(Set.of(), network(aliceToken));

        JsonObject why = Api.json(expect(api.get(api.api("visibility?from=" + alice + "&to=" + bob), Tokens.superadmin()), 200));
        assertEquals("modes", why.getJsonObject("find").getString("rule"));
        assertFalse(why.getBoolean("autoAccepted"), why.toString());

        expect(api.postJson(api.api("invitations/" + invitation.getString("id") + "/accept"), "", bobToken), 200);
        assertEquals(Set.of(bob), network(aliceToken));
        expect(api.get(api.api("users/" + bob + "/presence"), aliceToken), 200);
    }

    @Test
    void nobodyButASuperadminFindsOrInvitesTheSuperadmin() throws Exception {
        String email = newEmail("example.org");
        register(email, "Curious", tag());
        String token = people.tokens(email, PASSWORD).getString("accessToken");
        String superadmin = Databases.column("emea", "SELECT CAST(id AS VARCHAR) FROM account WHERE email = ?",
                "superadmin@iris.test").get(0);
        assertEquals(0, Api.array(expect(api.get(api.api("directory/users?q=superadmin"), token), 200)).size());
        assertEquals(0, Api.array(expect(api.get(api.api("directory/users?q=iris%20super"), token), 200)).size());
        // an operator is hidden, and a hidden user is told alike to nobody
        assertLikeUnknown(api.postJson(api.api("invitations"), "{\"userId\": \"" + superadmin + "\"}", token),
                api.postJson(api.api("invitations"), "{\"userId\": \"" + java.util.UUID.randomUUID() + "\"}", token));
        JsonObject byEmail = Api.json(expect(api.postJson(api.api("invitations"), "{\"email\": \"superadmin@iris.test\"}", token), 202));
        awaitDecided(byEmail.getString("id"), "emea");
        assertEquals(List.of("HELD"), Databases.column("emea", "SELECT delivery FROM network_invitation WHERE id = CAST(? AS UUID)",
                byEmail.getString("id")));
        assertEquals(List.of("0"), Databases.column("emea", "SELECT count(*) FROM network_invitation WHERE owner_id = CAST(? AS UUID)",
                superadmin));
        String curious = Databases.column("emea", "SELECT CAST(id AS VARCHAR) FROM account WHERE email = ?", email).get(0);
        assertEquals("operator", Api.json(expect(api.get(api.api("visibility?from=" + curious + "&to=" + superadmin),
                Tokens.superadmin()), 200)).getJsonObject("find").getString("rule"));
    }

    // --- 4. enumeration through invitations ---

    @Test
    void invitationsByEmailAnswerAlikeWhateverTheEmailIs() throws Exception {
        Person inviter = tenants.person(company("Inviting", "EMEA", null), "EMEA", "Ivy", "Inviter");
        Person open = tenants.person(company("Open", "DE", null), "DE", "Olga", "Open");
        // a closed company's member may be invited by exact email (SPEC §3): reached too
        Person shut = tenants.person(company("Shut", "NA", "closed"), "NA", "Sven", "Shut");
        Person closed = tenants.person(company("Gone", "NA", null), "NA", "Carl", "Closed");
        Databases.update("na", "UPDATE account SET status = 'CLOSED' WHERE id = CAST(? AS UUID)", closed.id());
        Person isolated = tenants.person(company("Alone", "EMEA", "isolated"), "EMEA", "Ines", "Isolated");
        Person china = tenants.person(company("Far", "CN", null), "CN", "Chen", "China");
        String absent = newEmail("nobody.example");
        Map<String, JsonObject> answers = new TreeMap<>();
        for (String email : List.of(open.email(), shut.email(), closed.email(), isolated.email(), china.email(), absent,
                "superadmin@iris.test")) {
            HttpResponse<String> answer = api.postJson(api.api("invitations"), "{\"email\": \"" + email + "\"}", inviter.token());
            assertEquals(202, answer.statusCode(), email + ": " + answer.body());
            JsonObject view = Api.json(answer);
            answers.put(email, view);
            assertEquals(email, view.getJsonObject("other").getString("email"));
        }
        Set<String> shapes = answers.values().stream().map(AttacksIT::shape).collect(Collectors.toSet());
        assertEquals(1, shapes.size(), "one answer whatever the email: " + answers);
        assertTrue(shapes.iterator().next().contains("\"status\":\"pending\""), shapes.toString());

        // decided afterwards: the open and the closed company's users get it, the person with no account
        // a mail, the closed account, the isolated user and the one across the China boundary nothing
        JsonObject received = awaitReceived(open);
        assertEquals(answers.get(open.email()).getString("id"), received.getString("id"));
        assertEquals(inviter.id(), received.getJsonObject("other").getString("id"));
        assertEquals(answers.get(shut.email()).getString("id"), awaitReceived(shut).getString("id"));
        assertTrue(Mailbox.subject(Mailbox.await(absent, 1)).contains("Ivy Inviter"));
        for (Person nobody : List.of(closed, isolated, china)) {
            awaitDecided(answers.get(nobody.email()).getString("id"), "emea");
            assertEquals(List.of("0"), Databases.column(nobody.region().toLowerCase(java.util.Locale.ROOT),
                    "SELECT count(*) FROM network_invitation WHERE owner_id = CAST(? AS UUID)", nobody.id()), nobody.toString());
        }
        // the inviter still sees the same: all pending, no names, until the one who was reached accepts
        Set<String> sent = Api.array(expect(api.get(api.api("invitations?direction=sent"), inviter.token()), 200)).stream()
                .map(JsonValue::asJsonObject).map(AttacksIT::shape).collect(Collectors.toSet());
        assertEquals(shapes, sent, "the inviter's list tells nothing either");
        expect(api.postJson(api.api("invitations/" + received.getString("id") + "/accept"), "", open.token()), 200);
        JsonObject accepted = Api.json(expect(api.get(api.api("invitations/" + received.getString("id")), inviter.token()), 200));
        assertEquals("accepted", accepted.getString("status"));
        assertEquals(open.id(), accepted.getJsonObject("other").getString("id"));
        assertEquals("Olga", accepted.getJsonObject("other").getString("firstName"));
    }

    /** Inviting by id after inviting by email must not tell whether the email was that user's. */
    @Test
    void invitingByIdAfterByEmailTellsNothingOfWhoseEmailItWas() {
        Person inviter = tenants.person(company("Curious", "EMEA", null), "EMEA", "Cat", "Curious");
        Person target = tenants.person(company("Target", "DE", null), "DE", "Tim", "Target");
        JsonObject byEmail = Api.json(expect(api.postJson(api.api("invitations"), "{\"email\": \"" + target.email() + "\"}",
                inviter.token()), 202));
        awaitReceived(target);
        HttpResponse<String> byId = api.postJson(api.api("invitations"), "{\"userId\": \"" + target.id() + "\"}", inviter.token());
        assertEquals(201, byId.statusCode(), "as for anyone whose email was not typed: " + byId.body());
        assertNotEquals(byEmail.getString("id"), Api.json(byId).getString("id"));
    }

    /** An administrator's list of waiting invitations is the same whether or not an email has an account. */
    @Test
    void companyInvitationsAreListedAlikeWhetherTheEmailHasAnAccountOrNot() {
        String company = company("Onboarding", "NA", null);
        Person admin = tenants.person(company, "NA", "Olive", "Onboarder", "company_admin");
        String existing = newEmail("example.org");
        new People(api.anotherClient()).register(existing);
        String absent = newEmail("example.org");
        expect(tenants.invite(company, existing, null, admin.token()), 202);
        expect(tenants.invite(company, absent, null, admin.token()), 202);
        Set<String> listed = Api.array(expect(api.get(api.api("companies/" + company + "/invitations"), admin.token()), 200))
                .stream().map(v -> v.asJsonObject().getString("email")).collect(Collectors.toSet());
        assertEquals(Set.of(existing, absent), listed);
        assertTrue(Mailbox.text(Mailbox.await(existing, 2)).contains("already"), "its owner is told, without a link");
    }

    /** An answer with what differs from one invitation to the next (id, time, the email typed) left out. */
    private static String shape(JsonObject view) {
        JsonObject other = view.getJsonObject("other");
        return "{\"status\":\"" + view.getString("status") + "\",\"direction\":\"" + view.getString("direction")
                + "\",\"other\":" + other.keySet().stream().filter(key -> !key.equals("email")).sorted()
                .map(key -> key + "=" + other.get(key)).toList() + ",\"same-time\":"
                + view.getString("createdAt").equals(view.getString("changedAt")) + "}";
    }

    @Test
    void aUserSendsOnlySoManyInvitationsAnHour() {
        Person inviter = tenants.person(company("Spammer", "EMEA", null), "EMEA", "Sam", "Spammer");
        int accepted = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 25; i++) {
            last = api.postJson(api.api("invitations"), "{\"email\": \"" + newEmail("victims.example") + "\"}", inviter.token());
            if (last.statusCode() == 202) {
                accepted++;
            } else {
                break;
            }
        }
        assertEquals(20, accepted, "iris.invitations.max-per-hour");
        assertProblem(last, 429);
        assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) > 0);
    }

    // --- 5. hidden emails ---

    @Test
    void aPrefixOfAHiddenEmailFindsNothing() {
        String tag = tag();
        String company = company("Findable", "EMEA", null);
        Person target = tenants.person(company, "EMEA", "Zoltan", tag);
        Person colleague = tenants.person(company, "EMEA", "Cora", "Colleague");
        Person stranger = tenants.person(company("Stranger", "DE", null), "DE", "Sid", "Stranger");
        assertTrue(search(stranger, tag).contains(target.id()), "the stranger finds the name");
        String local = target.email().substring(0, target.email().indexOf('@'));
        for (int length = 3; length <= local.length(); length += 3) {
            assertFalse(search(stranger, local.substring(0, length)).contains(target.id()), local.substring(0, length));
        }
        assertFalse(search(stranger, target.email()).contains(target.id()), "not even the whole address");
        assertTrue(search(colleague, local.substring(0, 8)).contains(target.id()), "a colleague, who is shown it, finds it");
    }

    // --- 6. PIN guessing at scale ---

    @Test
    void pinRequestsAndTriesFromOneAddressRunOutAcrossManyEmails() {
        People attacker = new People(api.anotherClient());
        int asked = 0;
        int tried = 0;
        for (int i = 0; i < 50; i++) {
            if (attacker.askReset(newEmail("victims.example")).statusCode() == 202) {
                asked++;
            }
        }
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> answer = attacker.reset(newEmail("victims.example"), "123456", "Another-Quiet-Harbour-77");
            if (answer.statusCode() == 400) {
                tried++;
            } else {
                assertProblem(answer, 429);
            }
        }
        assertEquals(20, asked, "iris.pin.address.max-requests-per-hour");
        assertEquals(30, tried, "iris.pin.address.max-tries-per-hour");
        // another address is not held back
        expect(people.askReset(newEmail("victims.example")), 202);
    }

    @Test
    void aNewPinDoesNotBuyMoreGuesses() {
        String email = newEmail("example.org");
        for (int round = 1; round <= 2; round++) {
            expect(new People(api.anotherClient()).askPin(email, null), 202);
            String pin = Mailbox.pin(email, round);
            String wrong = pin.equals("000000") ? "111111" : "000000";
            for (int i = 0; i < 5; i++) {
                assertEquals(400, new People(api.anotherClient()).confirm(email, wrong, PASSWORD).statusCode());
            }
        }
        expect(new People(api.anotherClient()).askPin(email, null), 202);
        String right = Mailbox.pin(email, 3);
        // ten tries this hour (iris.pin.max-tries-per-hour): even the right PIN waits
        assertProblem(new People(api.anotherClient()).confirm(email, right, PASSWORD), 429);
    }

    // --- 7. unbounded paging ---

    @Test
    void pagingIsBounded() {
        Person someone = tenants.person(company("Pager", "EMEA", null), "EMEA", "Paul", "Pager");
        assertProblem(api.get(api.api("directory/users?q=a&offset=2147483647"), someone.token()), 400);
        assertProblem(api.get(api.api("directory/users?q=a&offset=990&limit=20"), someone.token()), 400);
        expect(api.get(api.api("directory/users?q=a&offset=980&limit=20"), someone.token()), 200);
        assertProblem(api.get(api.api("invitations?direction=sent&offset=10001"), someone.token()), 400);
        assertProblem(api.get(api.api("companies?offset=2147483647"), Tokens.superadmin()), 400);
    }

    // --- 8. timing ---

    /** Asking for a PIN takes as long for an email with an account as for one without. */
    @Test
    void askingForAPinTakesAsLongWhateverExists() {
        List<String> known = new ArrayList<>();
        // twelve accounts, 48 timings a side: with fewer, the medians of this 2-core machine wandered by 3 ms either way
        for (int i = 0; i < 12; i++) {
            String email = newEmail("example.org");
            new People(api.anotherClient()).register(email);
            known.add(email);
        }
        for (String path : List.of("password-resets", "registrations")) {
            List<Long> forKnown = new ArrayList<>();
            List<Long> forUnknown = new ArrayList<>();
            // four rounds: an email may ask five PINs an hour per purpose, and each registered once
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < known.size(); i++) {
                    // in turns, the known first and then the unknown first: the first of two pays for waking up
                    if ((round + i) % 2 == 0) {
                        forKnown.add(timed(path, known.get(i)));
                        forUnknown.add(timed(path, newEmail("example.org")));
                    } else {
                        forUnknown.add(timed(path, newEmail("example.org")));
                        forKnown.add(timed(path, known.get(i)));
                    }
                }
            }
            long a = median(forKnown);
            long b = median(forUnknown);
            System.out.println(path + ": median " + a / 1000 + " µs with an account, " + b / 1000 + " µs without");
            assertTrue(Math.abs(a - b) < Math.max(3_000_000, Math.min(a, b) * 3 / 10), path + ": median "
                    + a / 1000 + " µs with an account, " + b / 1000 + " µs without");
        }
    }

    private long timed(String path, String email) {
        Api client = api.anotherClient();
        long start = System.nanoTime();
        expect(client.postJson(client.api(path), "{\"email\": \"" + email + "\"}", null), 202);
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    // --- 9. the smaller ones ---

    @Test
    void logoutEndsEveryAccessTokenOfTheSession() {
        String email = newEmail("example.org");
        people.register(email);
        JsonObject login = people.tokens(email, PASSWORD);
        JsonObject other = people.tokens(email, PASSWORD);
        JsonObject refreshed = Api.json(expect(api.postJson(api.api("auth/refresh"),
                "{\"refreshToken\": \"" + login.getString("refreshToken") + "\"}", null), 200));
        expect(api.get(api.api("users/me"), login.getString("accessToken")), 200);

        expect(api.postJson(api.api("auth/logout"), "{\"refreshToken\": \"" + refreshed.getString("refreshToken") + "\"}", null), 204);

        assertProblem(api.get(api.api("users/me"), login.getString("accessToken")), 401);
        assertProblem(api.get(api.api("users/me"), refreshed.getString("accessToken")), 401);
        expect(api.get(api.api("users/me"), other.getString("accessToken")), 200);
    }

    @Test
    void aSessionEndsAtItsMaximumHoweverOftenItIsRefreshed() throws Exception {
        String email = newEmail("example.org");
        people.register(email);
        String refresh = people.tokens(email, PASSWORD).getString("refreshToken");
        JsonObject once = Api.json(expect(api.postJson(api.api("auth/refresh"), "{\"refreshToken\": \"" + refresh + "\"}", null), 200));
        assertTrue(once.getJsonNumber("refreshExpiresIn").longValue() <= Duration.ofDays(30).toSeconds());
        // as if the login was 31 days ago (iris.token.session-max-days=30)
        Databases.update("emea", "UPDATE refresh_token SET session_started_at = session_started_at - INTERVAL '31 days'"
                + " WHERE account_id = (SELECT id FROM account WHERE email = ?)", email);
        assertProblem(api.postJson(api.api("auth/refresh"), "{\"refreshToken\": \"" + once.getString("refreshToken") + "\"}", null), 401);
    }

    @Test
    void aCompanyAdminCannotProbeUsersHiddenFromThem() {
        String company = company("Probing", "EMEA", null);
        Person admin = tenants.person(company, "EMEA", "Ada", "Admin", "company_admin");
        Person member = tenants.person(company, "EMEA", "Max", "Member");
        Person chinese = tenants.person(company("Beijing", "CN", null), "CN", "Wei", "Wang");
        Person hidden = tenants.person(company("Discreet", "DE", "private"), "DE", "Pia", "Private");
        Person open = tenants.person(company("Open", "NA", null), "NA", "Otto", "Open");
        for (Person other : List.of(chinese, hidden)) {
            HttpResponse<String> probe = api.get(api.api("visibility?from=" + member.id() + "&to=" + other.id()), admin.token());
            HttpResponse<String> unknown = api.get(api.api("visibility?from=" + member.id() + "&to=" + UUID.randomUUID()), admin.token());
            assertProblem(probe, 404);
            assertEquals(Api.json(unknown).getString("detail"), Api.json(probe).getString("detail"));
            assertProblem(api.get(api.api("visibility?from=" + other.id() + "&to=" + member.id()), admin.token()), 404);
            expect(api.get(api.api("visibility?from=" + member.id() + "&to=" + other.id()), Tokens.superadmin()), 200);
        }
        expect(api.get(api.api("visibility?from=" + member.id() + "&to=" + open.id()), admin.token()), 200);
    }

    @Test
    void pendingCompanyInvitationsCanBeListedAndWithdrawn() {
        String company = company("Hiring", "DE", null);
        Person admin = tenants.person(company, "DE", "Hana", "Hiring", "company_admin");
        String email = newEmail("candidates.example");
        expect(tenants.invite(company, email, null, admin.token()), 202);
        String token = Tenants.invitationToken(email, 1);

        JsonArray waiting = Api.array(expect(api.get(api.api("companies/" + company + "/invitations"), admin.token()), 200));
        JsonObject invitation = waiting.stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("email").equals(email)).findFirst().orElseThrow();
        Person outsider = tenants.person(company("Elsewhere", "DE", null), "DE", "Olaf", "Outsider", "company_admin");
        assertProblem(api.get(api.api("companies/" + company + "/invitations"), outsider.token()), 404);
        assertProblem(api.delete("companies/" + company + "/invitations/" + invitation.getString("id"), outsider.token()), 404);

        expect(api.delete("companies/" + company + "/invitations/" + invitation.getString("id"), admin.token()), 204);
        assertProblem(api.delete("companies/" + company + "/invitations/" + invitation.getString("id"), admin.token()), 404);
        assertProblem(tenants.accept(token, PASSWORD), 400);
        assertFalse(Api.array(expect(api.get(api.api("companies/" + company + "/invitations"), admin.token()), 200)).toString()
                .contains(email));
    }

    // --- helpers ---

    private String company(String name, String region, String visibility) {
        String id = tenants.company(name, region, null);
        if (visibility != null) {
            expect(api.patch("companies/" + id, "{\"visibility\": \"" + visibility + "\"}", Tokens.superadmin()), 200);
        }
        return id;
    }

    /** Registers a standalone user with these names; answers their id. */
    private String register(String email, String first, String last) {
        People own = new People(api.anotherClient());
        expect(own.askPin(email, null), 202);
        String body = "{\"email\": \"" + email + "\", \"pin\": \"" + Mailbox.pin(email, 1) + "\", \"password\": \""
                + PASSWORD + "\", \"firstName\": \"" + first + "\", \"lastName\": \"" + last + "\"}";
        return Api.json(expect(api.postJson(api.api("registrations/confirm"), body, null), 201)).getString("id");
    }

    private Set<String> search(Person searcher, String q) {
        return Api.array(expect(api.get(api.api("directory/users?limit=200&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)),
                searcher.token()), 200)).stream().map(v -> v.asJsonObject().getString("id")).collect(Collectors.toSet());
    }

    private Set<String> network(String token) {
        return Api.array(expect(api.get(api.api("network"), token), 200)).stream()
                .map(v -> v.asJsonObject().getString("id")).collect(Collectors.toSet());
    }

    private JsonObject awaitReceived(Person invitee) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            JsonArray received = Api.array(expect(api.get(api.api("invitations?direction=received"), invitee.token()), 200));
            if (!received.isEmpty()) {
                return received.getJsonObject(0);
            }
            assertTrue(Instant.now().isBefore(deadline), "no invitation reached " + invitee);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void awaitDecided(String invitation, String region) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (List.of("NEW").equals(Databases.column(region, "SELECT delivery FROM network_invitation"
                + " WHERE id = CAST(? AS UUID) AND side = 'SENT'", invitation))) {
            assertTrue(Instant.now().isBefore(deadline), "invitation " + invitation + " was not decided");
            Thread.sleep(250);
        }
    }

    private static String tag() {
        StringBuilder letters = new StringBuilder("Tg");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            letters.append(Character.isDigit(c) ? (char) ('g' + c - '0') : c);
        }
        return letters.toString();
    }

    private static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = threads.invokeAll(calls);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
