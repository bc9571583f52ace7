package org.iris.it;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.iris.it.Api.expect;

/**
 * Companies and their members made through the API as an operator and administrators would: the
 * superadmin creates companies, members join by the invitation mailed to them.
 */
public final class Tenants {

    private static final Pattern INVITATION = Pattern.compile("\\b([a-z]{2,4}\\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

    private final Api api;

    public Tenants(Api api) {
        this.api = api;
    }

    /** A company made by the superadmin; {@code extra} is more JSON fields, such as {@code "businessPartner": true}. */
    public String company(String name, String region, String extra) {
        String body = "{\"name\": \"" + name + " " + UUID.randomUUID() + "\", \"region\": \"" + region + "\""
                + (extra == null ? "" : ", " + extra) + "}";
        return Api.json(expect(api.postJson(api.api("companies"), body, Tokens.superadmin()), 201)).getString("id");
    }

    /** The id of what a 201 answer created. */
    public static String createdId(HttpResponse<String> response) {
        return Api.json(expect(response, 201)).getString("id");
    }

    /** A real member of the company, with these roles besides {@code user}, invited by the superadmin. */
    public Invitee member(String companyId, String... roles) {
        String email = People.newEmail("members.example");
        expect(invite(companyId, email, null, Tokens.superadmin(), roles), 202);
        JsonObject account = Api.json(expect(accept(invitationToken(email, 1), People.PASSWORD), 201));
        return new Invitee(account.getString("id"), email);
    }

    /** A real member with these names, invited by the superadmin and logged in by a token as Iris issues them. */
    public Person person(String companyId, String region, String firstName, String lastName, String... roles) {
        String email = People.newEmail("people.example");
        expect(invite(companyId, email, null, Tokens.superadmin(), roles), 202);
        String body = "{\"token\": \"" + invitationToken(email, 1) + "\", \"password\": \"" + People.PASSWORD
                + "\", \"firstName\": \"" + firstName + "\", \"lastName\": \"" + lastName + "\"}";
        String id = Api.json(expect(api.postJson(api.api("company-invitations/accept"), body, null), 201)).getString("id");
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("user"), Arrays.stream(roles)).toArray(String[]::new);
        return new Person(id, email, companyId, region,
                Tokens.forAccount(UUID.fromString(id), UUID.fromString(companyId), region, all));
    }

    /** A member, with a token of their own. */
    public record Person(String id, String email, String companyId, String region, String token) {
    }

    public HttpResponse<String> invite(String companyId, String email, String lang, String token, String... roles) {
        String body = "{\"email\": \"" + email + "\"" + (lang == null ? "" : ", \"lang\": \"" + lang + "\"")
                + ", \"roles\": [" + String.join(", ", Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()) + "]}";
        return api.postJson(api.api("companies/" + companyId + "/invitations"), body, token);
    }

    public HttpResponse<String> accept(String invitationToken, String password) {
        return api.postJson(api.api("company-invitations/accept"), "{\"token\": \"" + invitationToken
                + "\", \"password\": \"" + password + "\", \"firstName\": \"Grace\", \"lastName\": \"Hopper\"}", null);
    }

    /** The invitation token in the {@code count}-th mail to the address. */
    public static String invitationToken(String email, int count) {
        Matcher matcher = INVITATION.matcher(Mailbox.text(Mailbox.await(email, count)));
        if (!matcher.find()) {
            throw new AssertionError("The mail to " + email + " holds no invitation token");
        }
        return matcher.group(1);
    }

    /** A member: their account id and login. */
    public record Invitee(String id, String email) {
    }
}
