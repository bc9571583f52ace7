package org.iris.it;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.iris.it.Api.expect;

/** Registers and logs in people through the API, as they would, reading PINs from their mail. */
public final class People {

    /** Passes the policy and the strength estimator. */
    public static final String PASSWORD = "Quartz-Lantern-Orbit-42";

    private final Api api;

    public People(Api api) {
        this.api = api;
    }

    /** A fresh address no other test uses. */
    public static String newEmail(String domain) {
        return "p" + UUID.randomUUID().toString().substring(0, 12) + "@" + domain;
    }

    public HttpResponse<String> askPin(String email, String lang) {
        return api.postJson(api.api("registrations"),
                "{\"email\": \"" + email + "\"" + (lang == null ? "" : ", \"lang\": \"" + lang + "\"") + "}", null);
    }

    public HttpResponse<String> confirm(String email, String pin, String password) {
        return api.postJson(api.api("registrations/confirm"), "{\"email\": \"" + email + "\", \"pin\": \"" + pin
                + "\", \"password\": \"" + password + "\", \"firstName\": \"Ada\", \"lastName\": \"Lovelace\"}", null);
    }

    /** Registers the address with {@link #PASSWORD}; its registration mail is its first. */
    public JsonObject register(String email) {
        expect(askPin(email, null), 202);
        return Api.json(expect(confirm(email, Mailbox.pin(email, 1), PASSWORD), 201));
    }

    public HttpResponse<String> askReset(String email) {
        return api.postJson(api.api("password-resets"), "{\"email\": \"" + email + "\"}", null);
    }

    public HttpResponse<String> reset(String email, String pin, String newPassword) {
        return api.postJson(api.api("password-resets/confirm"), "{\"email\": \"" + email + "\", \"pin\": \"" + pin
                + "\", \"newPassword\": \"" + newPassword + "\"}", null);
    }

    /** Resets the password by the PIN of the {@code mailNumber}-th mail to the address. */
    public void resetPassword(String email, int mailNumber, String newPassword) {
        expect(askReset(email), 202);
        expect(reset(email, Mailbox.pin(email, mailNumber), newPassword), 204);
    }

    public HttpResponse<String> login(String email, String password) {
        return api.postJson(api.api("auth/login"),
                "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}", null);
    }

    /** Logs in and answers the access and refresh tokens. */
    public JsonObject tokens(String email, String password) {
        return Api.json(expect(login(email, password), 200));
    }
}
