package org.iris;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.iris.it.Api;
import org.iris.it.Databases;
import org.iris.it.WithPeople;
import org.iris.it.Mailbox;
import org.iris.it.People;
import org.iris.it.Secret;
import org.iris.it.Tokens;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.iris.it.People.PASSWORD;
import static org.iris.it.Api.expect;
import static org.iris.it.People.newEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration and password reset by emailed PIN, the PIN rules, the password rules and the mail. */
class IdentityIT extends WithPeople {

    @Test
    void registeringJoinsTheDefaultCompanyInEmeaAndRoutesTheEmailByHashOnly() throws Exception {
        String email = newEmail("example.org");
        JsonObject account = people.register(email);

        assertEquals("00000000-0000-0000-0000-000000000001", account.getString("companyId"));
        assertEquals("EMEA", account.getString("region"));
        assertEquals(List.of("user"), account.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(List.of("EMEA"), Databases.column("global",
                "SELECT region FROM account_route WHERE email_hash = ?", Secret.emailHash(email)));
        assertEquals(List.of("0"), Databases.column("global",
                "SELECT count(*) FROM account_route WHERE email_hash = ?", email), "no email in clear in global");
        assertEquals(List.of("1"), Databases.column("emea", "SELECT count(*) FROM account WHERE email = ?", email));
    }

    @Test
    void anEmailOfACompanyDomainJoinsThatCompanyInItsRegionOnly() throws Exception {
        HttpResponse<String> created = expect(api.postJson(api.api("companies"),
                "{\"name\": \"Kraftwerk GmbH\", \"region\": \"DE\"}", Tokens.superadmin()), 201);
        String company = Api.json(created).getString("id");
        String domain = "kw" + UUID.randomUUID().toString().substring(0, 8) + ".de";
        Databases.update("global", "INSERT INTO company_domain (domain, company_id) VALUES (?, ?::uuid)", domain, company);
        String email = newEmail(domain);

        JsonObject account = people.register(email);

        assertEquals(company, account.getString("companyId"));
        assertEquals("DE", account.getString("region"));
        for (String region : Databases.REGIONS) {
            assertEquals(List.of(region.equals("de") ? "1" : "0"),
                    Databases.column(region, "SELECT count(*) FROM account WHERE email = ?", email), region);
        }
        assertEquals(List.of("DE"), Databases.column("global",
                "SELECT region FROM account_route WHERE email_hash = ?", Secret.emailHash(email)));
    }

    @Test
    void anAccountWhoseRouteWasLostInACrashIsRoutedAgain() throws Exception {
        // The state a crash between the region's commit and global's leaves: an account without a route.
        String email = newEmail("example.org");
        Databases.update("emea", "INSERT INTO account (id, company_id, email, email_hash, first_name, last_name,"
                + " language, password_hash, reset_required, status, token_generation, created_at, version)"
                + " VALUES (?::uuid, '00000000-0000-0000-0000-000000000001', ?, ?, 'Grace', 'Hopper', 'en', ?,"
                + " false, 'ACTIVE', 0, now() - interval '2 minutes', 1)", UUID.randomUUID().toString(), email,
                Secret.emailHash(email),
                "$pbkdf2-sha256$i=4096$gIaI8CZYgA32q1PaqkMWlg$PhX34jKyLIEIWXoixHrCL6CLza662jksZ8sX0mXmds0");
        Databases.update("emea", "INSERT INTO account_role (account_id, role)"
                + " SELECT id, 'user' FROM account WHERE email = ?", email);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Databases.column("global", "SELECT count(*) FROM account_route WHERE email_hash = ?",
                Secret.emailHash(email)).equals(List.of("0"))) {
            assertTrue(Instant.now().isBefore(deadline), "the repair did not route the account");
            Thread.sleep(250);
        }
        expect(people.login(email, "Bootstrap-Superadmin-2026!"), 200);
    }

    @Test
    void askingForAPinAnswersTheSameForAKnownAndAnUnknownEmail() {
        String known = newEmail("example.org");
        people.register(known);
        String unknown = newEmail("example.org");

        HttpResponse<String> forKnown = people.askPin(known, null);
        HttpResponse<String> forUnknown = people.askPin(unknown, null);

        assertEquals(202, forKnown.statusCode());
        assertEquals(forUnknown.statusCode(), forKnown.statusCode());
        assertEquals(forUnknown.body(), forKnown.body());
        // Only the owner of the mailbox learns that the account exists.
        assertTrue(Mailbox.text(Mailbox.await(known, 2)).contains("already is one"));
        assertTrue(Mailbox.text(Mailbox.await(unknown, 1)).matches("(?s).*\\b\\d{6}\\b.*"));
    }

    @Test
    void theMailIsInFrenchWhenAskedAndHasTextAndHtmlParts() throws Exception {
        String email = newEmail("example.fr");
        expect(people.askPin(email, "fr"), 202);
        MimeMessage mail = Mailbox.await(email, 1);

        assertTrue(Mailbox.subject(mail).startsWith("Votre code d’inscription Iris"), Mailbox.subject(mail));
        String raw = new String(mail.getRawInputStream().readAllBytes());
        assertTrue(mail.getContentType().startsWith("multipart/alternative"), mail.getContentType());
        assertTrue(Mailbox.text(mail).contains("text/html"));
        assertTrue(Mailbox.text(mail).contains("text/plain"));
        assertFalse(raw.isEmpty());

        // The account keeps the language its PIN was asked in.
        String pin = Mailbox.pin(email, 1);
        assertEquals("fr", Api.json(expect(people.confirm(email, pin, PASSWORD), 201)).getString("language"));
    }

    @Test
    void aPinWorksOnce() {
        String email = newEmail("example.org");
        people.register(email);
        expect(people.askReset(email), 202);
        String pin = Mailbox.pin(email, 2);

        expect(people.reset(email, pin, "Another-Quiet-Harbour-77"), 204);
        HttpResponse<String> again = people.reset(email, pin, "Third-Quiet-Harbour-78");

        assertPinRefused(again);
        expect(people.login(email, "Another-Quiet-Harbour-77"), 200);
    }

    @Test
    void anExpiredPinIsRefused() throws Exception {
        String email = newEmail("example.org");
        expect(people.askPin(email, null), 202);
        String pin = Mailbox.pin(email, 1);
        Databases.update("emea", "UPDATE pin_challenge SET expires_at = now() - interval '1 second'"
                + " WHERE email_hash = ?", Secret.emailHash(email));

        assertPinRefused(people.confirm(email, pin, PASSWORD));
        assertEquals(List.of("0"), Databases.column("emea", "SELECT count(*) FROM account WHERE email = ?", email));
    }

    @Test
    void fiveWrongTriesVoidThePin() throws Exception {
        String email = newEmail("example.org");
        expect(people.askPin(email, null), 202);
        String pin = Mailbox.pin(email, 1);
        String wrong = pin.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertPinRefused(people.confirm(email, wrong, PASSWORD));
        }

        assertPinRefused(people.confirm(email, pin, PASSWORD));
        assertEquals(List.of("0"), Databases.column("emea", "SELECT count(*) FROM account WHERE email = ?", email));
    }

    @Test
    void aNewRequestReplacesTheOldPin() {
        String email = newEmail("example.org");
        expect(people.askPin(email, null), 202);
        String first = Mailbox.pin(email, 1);
        expect(people.askPin(email, null), 202);
        String second = Mailbox.pin(email, 2);

        if (!first.equals(second)) {
            assertPinRefused(people.confirm(email, first, PASSWORD));
        }
        expect(people.confirm(email, second, PASSWORD), 201);
    }

    @Test
    void pinRequestsPerEmailAreRateLimited() {
        String email = newEmail("example.org");
        for (int i = 0; i < 5; i++) {
            expect(people.askPin(email, null), 202);
        }

        HttpResponse<String> sixth = people.askPin(email, null);

        assertEquals(429, sixth.statusCode(), sixth.body());
        assertTrue(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow()) > 0);
        assertEquals("urn:iris:problem:too-many-requests", Api.json(sixth).getString("type"));
    }

    @Test
    void everyPasswordRuleIsEnforcedAndNamed() throws Exception {
        String email = newEmail("example.org");
        expect(people.askPin(email, null), 202);
        String pin = Mailbox.pin(email, 1);
        assertPasswordRefused(email, pin, "Sh0rt!pass", "must have 12 to 64 characters");
        assertPasswordRefused(email, pin, "Quartz-Lantern-Orbit-42-".repeat(3), "must have 12 to 64 characters");
        assertPasswordRefused(email, pin, "QUARTZ-LANTERN-ORBIT-42", "needs a lower-case letter");
        assertPasswordRefused(email, pin, "quartz-lantern-orbit-42", "needs an upper-case letter");
        assertPasswordRefused(email, pin, "Quartz-Lantern-Orbit-XY", "needs a digit");
        assertPasswordRefused(email, pin, "QuartzLanternOrbit42", "needs a special character");
        assertPasswordRefused(email, pin, "Password123!", "is too easy to guess");
        assertPasswordRefused(email, pin, "Lovelace-Quartz-1815!", "must not contain your name or email");

        // None of these counted as a try of the PIN, and nothing was created.
        assertEquals(List.of("0"), Databases.column("emea", "SELECT count(*) FROM account WHERE email = ?", email));
        expect(people.confirm(email, pin, PASSWORD), 201);
    }

    @Test
    void aMailServerThatIsDownLosesNothing() throws Exception {
        String email = newEmail("example.org");
        Mailbox.stop();
        try {
            expect(people.askPin(email, null), 202);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (Integer.parseInt(Databases.column("emea",
                    "SELECT coalesce(max(attempts), 0) FROM mail_outbox WHERE recipient = ?", email).get(0)) < 2) {
                assertTrue(Instant.now().isBefore(deadline), "Iris did not try to send");
                Thread.sleep(250);
            }
        } finally {
            Mailbox.start();
        }

        String pin = Mailbox.pin(email, 1);

        expect(people.confirm(email, pin, PASSWORD), 201);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!Databases.column("emea", "SELECT count(*) FROM mail_outbox WHERE recipient = ?", email).equals(List.of("0"))) {
            assertTrue(Instant.now().isBefore(deadline), "the sent mail stays in the outbox");
            Thread.sleep(250);
        }
    }

    @Test
    void myProfileCanBeReadAndPatched() {
        String email = newEmail("example.org");
        people.register(email);
        String token = people.tokens(email, PASSWORD).getString("accessToken");

        JsonObject me = Api.json(expect(api.get(api.api("users/me"), token), 200));
        assertEquals(email, me.getString("email"));
        assertEquals("Ada", me.getString("firstName"));

        HttpResponse<String> patched = api.send(Api.request(api.api("users/me"), token)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"firstName\": \"Augusta\", \"title\": \"Countess\", \"language\": \"fr\"}")));
        JsonObject after = Api.json(expect(patched, 200));
        assertEquals("Augusta", after.getString("firstName"));
        assertEquals("Lovelace", after.getString("lastName"));
        assertEquals("Countess", after.getString("title"));
        assertEquals("fr", after.getString("language"));

        HttpResponse<String> cleared = api.send(Api.request(api.api("users/me"), token)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\": null}")));
        assertFalse(Api.json(expect(cleared, 200)).containsKey("title"), "no title any more");

        for (String bad : List.of("{\"email\": \"x@y.org\"}", "{\"firstName\": 42}", "{\"firstName\": \"\"}",
                "{\"language\": \"tlh\"}", "{\"roles\": [\"superadmin\"]}")) {
            HttpResponse<String> refused = api.send(Api.request(api.api("users/me"), token)
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(bad)));
            assertEquals(400, refused.statusCode(), bad);
        }
        JsonObject unchanged = Api.json(expect(api.get(api.api("users/me"), token), 200));
        assertEquals("Augusta", unchanged.getString("firstName"));
        assertEquals(email, unchanged.getString("email"));
        assertEquals(1, unchanged.getJsonArray("roles").size());
    }

    @Test
    void malformedRegistrationsChangeNothing() throws Exception {
        List<Long> accounts = Databases.counts("account", Databases.REGIONS);
        for (String body : List.of("{\"email\": \"not-an-email\"}", "{\"email\": 12}", "{}", "[]", "{\"email\":",
                "{\"email\": \"a@b.org\", \"lang\": \"xx\"}")) {
            HttpResponse<String> answer = api.postJson(api.api("registrations"), body, null);
            assertEquals(400, answer.statusCode(), body);
            assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        }
        HttpResponse<String> badPin = people.confirm(newEmail("example.org"), "12ab56", PASSWORD);
        assertEquals(400, badPin.statusCode());
        assertEquals(accounts, Databases.counts("account", Databases.REGIONS));
    }

    private void assertPasswordRefused(String email, String pin, String password, String rule) {
        HttpResponse<String> refused = people.confirm(email, pin, password);
        assertEquals(400, refused.statusCode(), password);
        JsonObject problem = Api.json(refused);
        assertTrue(problem.getString("detail").contains(rule), password + ": " + problem.getString("detail"));
        assertTrue(problem.getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .anyMatch(v -> v.getString("field").equals("password") && v.getString("message").startsWith(rule)),
                refused.body());
    }

    private static void assertPinRefused(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        JsonObject problem = Api.json(response);
        assertNotEquals(-1, problem.getString("detail").indexOf("PIN is wrong or no longer valid"), response.body());
    }
}
