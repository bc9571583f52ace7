package org.iris;

import jakarta.json.JsonObject;
import org.iris.it.Api;
import org.iris.it.Databases;
import org.iris.it.WithPeople;
import org.iris.it.People;
import org.iris.it.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.iris.it.People.PASSWORD;
import static org.iris.it.Api.expect;
import static org.iris.it.People.newEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Login, tokens and their end: the whole journey, refresh rotation, revocation, forced reset, the
 * upgrade of old hashes, brute-force back-off and what an attacker learns (nothing).
 */
class SessionsIT extends WithPeople {

    @Test
    void registerLogInCallRefreshAndLogOut() {
        String email = newEmail("example.org");
        people.register(email);

        JsonObject tokens = people.tokens(email, PASSWORD);
        assertEquals("Bearer", tokens.getString("tokenType"));
        assertTrue(tokens.getInt("expiresIn") > 0 && tokens.getInt("expiresIn") <= 300);
        String access = tokens.getString("accessToken");
        assertEquals(email, Api.json(expect(api.get(api.api("users/me"), access), 200)).getString("email"));

        // a client that sends its expired access token along with the refresh token still refreshes
        JsonObject refreshed = Api.json(expect(api.postJson(api.api("auth/refresh"),
                "{\"refreshToken\": \"" + tokens.getString("refreshToken") + "\"}", Tokens.expired()), 200));
        assertNotEquals(tokens.getString("refreshToken"), refreshed.getString("refreshToken"));
        String newAccess = refreshed.getString("accessToken");
        expect(api.get(api.api("users/me"), newAccess), 200);

        String otherSession = people.tokens(email, PASSWORD).getString("accessToken");

        expect(api.postJson(api.api("auth/logout"),
                "{\"refreshToken\": \"" + refreshed.getString("refreshToken") + "\"}", newAccess), 204);
        assertEquals(401, refresh(refreshed.getString("refreshToken")).statusCode());
        HttpResponse<String> loggedOut = api.get(api.api("users/me"), newAccess);
        assertEquals(401, loggedOut.statusCode(), "the logged-out token");
        assertEquals("The token has been revoked; log in again.", Api.json(loggedOut).getString("detail"));
        assertEquals(401, api.get(api.api("users/me"), access).statusCode(), "the session's earlier token");
        expect(api.get(api.api("users/me"), otherSession), 200); // another session of the same person goes on
    }

    @Test
    void aTokenCarriesWhoWhereAndWhichRoles() {
        String email = newEmail("example.org");
        String id = people.register(email).getString("id");
        String[] parts = people.tokens(email, PASSWORD).getString("accessToken").split("\\.");
        JsonObject header = decode(parts[0]);
        JsonObject claims = decode(parts[1]);

        assertEquals("RS256", header.getString("alg"));
        assertEquals(Tokens.CURRENT_KID, header.getString("kid"));
        assertEquals("iris", claims.getString("iss"));
        assertEquals(id, claims.getString("sub"));
        assertEquals("00000000-0000-0000-0000-000000000001", claims.getString("company"));
        assertEquals("EMEA", claims.getString("region"));
        assertEquals("user", claims.getJsonArray("groups").getString(0));
        assertTrue(claims.containsKey("jti") && claims.containsKey("iat") && claims.containsKey("exp"));
        assertFalse(claims.toString().contains(email), "no email in the token");
    }

    @Test
    void aSpentRefreshTokenPresentedAgainEndsTheWholeFamily() {
        String email = newEmail("example.org");
        people.register(email);
        String first = people.tokens(email, PASSWORD).getString("refreshToken");
        String second = Api.json(expect(refresh(first), 200)).getString("refreshToken");

        assertEquals(401, refresh(first).statusCode(), "replayed");
        assertEquals(401, refresh(second).statusCode(), "the thief's or the owner's successor is gone too");
        for (String garbage : List.of("", "emea.short", "xx." + "A".repeat(43), "emea." + "A".repeat(43))) {
            assertEquals(401, refresh(garbage).statusCode(), garbage);
        }
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerAlikeAndTakeAlike() {
        String known = newEmail("example.org");
        people.register(known);
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        String body = null;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Api.Raw a = api.postJsonFrom("127.0.0.21", api.api("auth/login"), credentials(known, "Wrong-Password-" + i + "!x"));
            wrongPassword.add(System.nanoTime() - start);
            start = System.nanoTime();
            Api.Raw b = api.postJsonFrom("127.0.0.22", api.api("auth/login"), credentials(newEmail("example.org"), "Wrong-Password-" + i + "!x"));
            unknownEmail.add(System.nanoTime() - start);
            assertEquals(401, a.status(), a.body());
            assertEquals(a.status(), b.status());
            assertEquals(a.body(), b.body());
            body = a.body();
        }
        assertFalse(body.contains(known));
        long knownMedian = median(wrongPassword);
        long unknownMedian = median(unknownEmail);
        double ratio = (double) knownMedian / unknownMedian;
        assertTrue(ratio > 0.67 && ratio < 1.5, "median " + knownMedian / 1_000_000 + " ms for a wrong password, "
                + unknownMedian / 1_000_000 + " ms for an unknown email");
    }

    @Test
    void failedLoginsBackOffPerAccountUntilAResetByPin() {
        String email = newEmail("example.org");
        people.register(email);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.postJsonFrom("127.0.0.31", api.api("auth/login"), credentials(email, "Wrong-Guess-" + i + "!a")).status());
        }
        assertEquals(401, api.postJsonFrom("127.0.0.31", api.api("auth/login"), credentials(email, "Wrong-Guess-5!a")).status());

        Api.Raw blocked = api.postJsonFrom("127.0.0.32", api.api("auth/login"), credentials(email, PASSWORD));
        assertEquals(429, blocked.status(), "even the right password, from elsewhere, while the account backs off");
        assertTrue(Long.parseLong(blocked.header("Retry-After")) > 0);
        // The same answer for an email without an account that fails as often.
        String unknown = newEmail("example.org");
        for (int i = 0; i < 6; i++) {
            api.postJsonFrom("127.0.0.33", api.api("auth/login"), credentials(unknown, "Wrong-Guess-" + i + "!a"));
        }
        assertEquals(429, api.postJsonFrom("127.0.0.33", api.api("auth/login"), credentials(unknown, PASSWORD)).status());

        people.resetPassword(email, 2, "Fresh-Meadow-Cobalt-19");
        assertEquals(200, api.postJsonFrom("127.0.0.32", api.api("auth/login"), credentials(email, "Fresh-Meadow-Cobalt-19")).status());
    }

    @Test
    void failedLoginsBackOffPerSourceAddress() {
        String email = newEmail("example.org");
        people.register(email);
        for (int i = 0; i < 11; i++) {
            api.postJsonFrom("127.0.0.41", api.api("auth/login"), credentials(newEmail("example.org"), "Wrong-Guess-" + i + "!a"));
        }

        Api.Raw blocked = api.postJsonFrom("127.0.0.41", api.api("auth/login"), credentials(email, PASSWORD));

        assertEquals(429, blocked.status(), blocked.body());
        assertTrue(Long.parseLong(blocked.header("Retry-After")) > 0);
        assertEquals(200, api.postJsonFrom("127.0.0.42", api.api("auth/login"), credentials(email, PASSWORD)).status(),
                "another address is not held back");
    }

    @Test
    void behindATrustedProxyFailuresCountPerForwardedClient() {
        String email = newEmail("example.org");
        people.register(email);
        for (int i = 0; i < 11; i++) {
            forwardedLogin("198.51.100.50", newEmail("example.org"), "Wrong-Guess-" + i + "!a");
        }

        assertEquals(429, forwardedLogin("198.51.100.50", email, PASSWORD).statusCode());
        assertEquals(200, forwardedLogin("198.51.100.51", email, PASSWORD).statusCode(), "another client of the proxy");
        assertEquals(200, people.login(email, PASSWORD).statusCode(), "the proxy itself");
    }

    @Test
    void aPasswordResetRevokesEveryOutstandingToken() {
        String email = newEmail("example.org");
        people.register(email);
        JsonObject tokens = people.tokens(email, PASSWORD);
        expect(api.get(api.api("users/me"), tokens.getString("accessToken")), 200);

        people.resetPassword(email, 2, "Velvet-Canyon-Signal-64");

        assertEquals(401, api.get(api.api("users/me"), tokens.getString("accessToken")).statusCode());
        assertEquals(401, refresh(tokens.getString("refreshToken")).statusCode());
        assertEquals(401, people.login(email, PASSWORD).statusCode());
        expect(api.get(api.api("users/me"), people.tokens(email, "Velvet-Canyon-Signal-64").getString("accessToken")), 200);
    }

    @Test
    void changingMyPasswordNeedsTheCurrentOneAndEndsMySessions() {
        String email = newEmail("example.org");
        people.register(email);
        String access = people.tokens(email, PASSWORD).getString("accessToken");

        HttpResponse<String> wrong = changePassword(access, "Not-My-Password-1!", "Silver-Thistle-Beacon-31");
        assertEquals(400, wrong.statusCode());
        HttpResponse<String> weak = changePassword(access, PASSWORD, "Password123!");
        assertEquals(400, weak.statusCode());
        assertTrue(Api.json(weak).getString("detail").contains("too easy to guess"));
        expect(changePassword(access, PASSWORD, "Silver-Thistle-Beacon-31"), 204);

        assertEquals(401, api.get(api.api("users/me"), access).statusCode());
        assertEquals(401, people.login(email, PASSWORD).statusCode());
        expect(people.login(email, "Silver-Thistle-Beacon-31"), 200);
    }

    @Test
    void aStolenTokenGivesNoUnlimitedGuessesOfTheCurrentPassword() {
        String email = newEmail("example.org");
        people.register(email);
        String access = people.tokens(email, PASSWORD).getString("accessToken");
        for (int i = 0; i < 6; i++) {
            assertEquals(400, changePassword(access, "Guess-Number-" + i + "!x", "Silver-Thistle-Beacon-31").statusCode());
        }

        HttpResponse<String> held = changePassword(access, PASSWORD, "Silver-Thistle-Beacon-31");

        assertEquals(429, held.statusCode(), held.body());
        assertEquals(429, people.login(email, PASSWORD).statusCode(), "the account's logins back off too");
    }

    @Test
    void aForcedResetStopsLoginUntilAResetByPin() {
        String email = newEmail("example.org");
        String member = people.register(email).getString("id");
        String access = people.tokens(email, PASSWORD).getString("accessToken");
        String defaultCompany = "00000000-0000-0000-0000-000000000001";
        URI force = api.api("companies/" + defaultCompany + "/members/" + member + "/password-reset");

        // An admin of another company learns nothing, not even that the member exists.
        String stranger = Tokens.forAccount(UUID.randomUUID(), UUID.randomUUID(), "EMEA", "user", "company_admin");
        assertEquals(404, api.postJson(force, "", stranger).statusCode());
        assertEquals(404, api.postJson(api.api("companies/" + UUID.randomUUID() + "/members/" + member
                + "/password-reset"), "", stranger).statusCode());
        assertEquals(403, api.postJson(force, "", access).statusCode(), "a plain user");
        expect(api.get(api.api("users/me"), access), 200);

        String admin = Tokens.forAccount(UUID.randomUUID(), UUID.fromString(defaultCompany), "EMEA", "user", "company_admin");
        expect(api.postJson(force, "", admin), 204);

        assertEquals(401, api.get(api.api("users/me"), access).statusCode());
        HttpResponse<String> login = people.login(email, PASSWORD);
        assertEquals(403, login.statusCode());
        assertEquals("urn:iris:problem:password-reset-required", Api.json(login).getString("type"));
        assertEquals(401, people.login(email, "Wrong-Password-9!x").statusCode(), "a wrong password learns nothing");

        people.resetPassword(email, 2, "Amber-Falcon-Ridge-85");
        expect(people.login(email, "Amber-Falcon-Ridge-85"), 200);
    }

    @Test
    void aHashOfTheWhitePapersCostIsUpgradedAtTheNextLogin() throws Exception {
        String email = newEmail("example.org");
        people.register(email);
        Databases.update("emea", "UPDATE account SET password_hash = ? WHERE email = ?",
                "$pbkdf2-sha256$i=4096$gIaI8CZYgA32q1PaqkMWlg$PhX34jKyLIEIWXoixHrCL6CLza662jksZ8sX0mXmds0", email);

        expect(people.login(email, "Bootstrap-Superadmin-2026!"), 200);

        String upgraded = Databases.column("emea", "SELECT password_hash FROM account WHERE email = ?", email).get(0);
        assertTrue(upgraded.startsWith("$pbkdf2-sha256$i=600000$"), upgraded);
        expect(people.login(email, "Bootstrap-Superadmin-2026!"), 200);
    }

    @Test
    void theBootstrapSuperadminCanAdminister() {
        JsonObject tokens = people.tokens("superadmin@iris.test", "Bootstrap-Superadmin-2026!");
        String access = tokens.getString("accessToken");
        JsonObject me = Api.json(expect(api.get(api.api("users/me"), access), 200));
        assertTrue(me.getJsonArray("roles").toString().contains("superadmin"));
        expect(api.get(api.api("companies/00000000-0000-0000-0000-000000000001"), access), 200);
    }

    @Test
    void forgedAndMalformedTokensAreRefused() {
        URI me = api.api("users/me");
        for (String token : List.of(Tokens.forged(), Tokens.expired(), Tokens.forAudience("someone-else"),
                Tokens.forIssuer("someone-else"), Tokens.fromTheFuture(false), Tokens.fromTheFuture(true),
                Tokens.withUnknownKeyId(), Tokens.unsigned(), Tokens.hmacWithPublicKey(), "not.a.token")) {
            for (URI target : List.of(me, api.api("companies/default"))) {
                HttpResponse<String> refused = api.get(target, token);
                assertEquals(401, refused.statusCode(), target + " " + token);
                assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
                assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
                assertEquals("The access token is not valid.", Api.json(refused).getString("detail"));
            }
        }
    }

    @Test
    void aKeyRotatedOutStillVerifiesItsTokensAndThePublishedKeysHaveNoPrivatePart() {
        assertEquals(404, api.get(api.api("companies/" + UUID.randomUUID()), Tokens.signedByPreviousKey("superadmin"))
                .statusCode(), "accepted, then not found");

        HttpResponse<String> jwks = expect(api.get(api.application(".well-known/jwks.json"), null), 200);
        List<JsonObject> keys = Api.json(jwks).getJsonArray("keys").getValuesAs(JsonObject.class);
        assertEquals(List.of(Tokens.CURRENT_KID, Tokens.PREVIOUS_KID), keys.stream().map(k -> k.getString("kid")).toList());
        for (JsonObject key : keys) {
            assertEquals("RSA", key.getString("kty"));
            for (String secret : List.of("d", "p", "q", "dp", "dq", "qi")) {
                assertFalse(key.containsKey(secret), secret);
            }
        }
    }

    @Test
    void malformedLoginsAreRefusedPlainly() {
        for (String body : List.of("{}", "{\"email\": \"x@y.org\"}", "{\"email\": 1, \"password\": 2}", "nonsense")) {
            HttpResponse<String> refused = api.postJson(api.api("auth/login"), body, null);
            assertEquals(400, refused.statusCode(), body);
            assertFalse(refused.body().contains("Exception"), refused.body());
        }
    }

    /** A login through the "proxy": sent from and to loopback, whatever host Arquillian's URL names. */
    private HttpResponse<String> forwardedLogin(String client, String email, String password) {
        URI login = api.api("auth/login");
        URI viaLoopback = URI.create(login.getScheme() + "://127.0.0.1:" + login.getPort() + login.getRawPath());
        return api.send(Api.request(viaLoopback, null)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(credentials(email, password))));
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return api.postJson(api.api("auth/refresh"), "{\"refreshToken\": \"" + refreshToken + "\"}", null);
    }

    private HttpResponse<String> changePassword(String access, String current, String next) {
        return api.send(Api.request(api.api("users/me/password"), access)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"currentPassword\": \"" + current
                        + "\", \"newPassword\": \"" + next + "\"}")));
    }

    private static String credentials(String email, String password) {
        return "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
    }

    private static JsonObject decode(String part) {
        String json = new String(java.util.Base64.getUrlDecoder().decode(part), java.nio.charset.StandardCharsets.UTF_8);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
