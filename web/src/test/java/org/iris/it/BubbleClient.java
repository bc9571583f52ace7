package org.iris.it;

import org.iris.it.Tenants.Person;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.iris.it.Api.expect;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bubble API as a client calls it, and the bubble tables as the tests count them. */
public final class BubbleClient {

    private static final Pattern LINK = Pattern.compile("token=([a-z]{2,4}\\.[A-Za-z0-9_-]{43})");
    private static final List<String> TABLES = List.of("bubble", "bubble_participant", "conference_attendee");

    private final Api api;

    public BubbleClient(Api api) {
        this.api = api;
    }

    /**
     * Every row of the bubble tables in every region, as a count and a digest of their contents (every
     * column): what a refusal must leave exactly as it was.
     */
    public static List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            for (String region : Databases.REGIONS) {
                rows.add(region + " " + table + " " + Databases.column(region, "SELECT count(*) || ':'"
                        + " || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM " + table + " t").get(0));
            }
        }
        return rows;
    }

    /** Waits until the delivery scan has decided every guest invitation of every region (at most 15 s). */
    public static void awaitDecided() throws SQLException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        for (String region : Databases.REGIONS) {
            while (!Databases.column(region, "SELECT count(*) FROM bubble_participant WHERE delivery = 'NEW'").equals(List.of("0"))) {
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw new AssertionError("guest invitations of " + region + " wait to be decided");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * Members of an EMEA bubble written straight into its region's database, as Iris would hold them,
     * for tests that need many: their account ids (no account behind them).
     */
    public static List<UUID> insertMembers(String bubble, Person addedBy, int count) throws SQLException {
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID member = UUID.randomUUID();
            Databases.update("emea", "INSERT INTO bubble_participant (bubble_id, participant_id, kind, role, account_region,"
                    + " added_by, added_at, role_since, version) VALUES (?, ?, 'ACCOUNT', 'MEMBER', 'EMEA', ?, now(), now(), 1)",
                    UUID.fromString(bubble), member, UUID.fromString(addedBy.id()));
            members.add(member);
        }
        return members;
    }

    /** The link's token in the {@code count}-th mail to the address. */
    public static String guestLink(String email, int count) {
        // the raw body: a French mail is quoted-printable, with "=" as "=3D" and soft line breaks
        String text = Mailbox.text(Mailbox.await(email, count)).replace("=\r\n", "").replace("=3D", "=");
        Matcher matcher = LINK.matcher(text);
        assertTrue(matcher.find(), "no guest link in the mail");
        return matcher.group(1);
    }

    public String create(Person owner, String name) {
        return Api.json(expect(api.postJson(api.api("bubbles"), "{\"name\": \"" + name + "\"}", owner.token()), 201))
                .getString("id");
    }

    public HttpResponse<String> add(String token, String bubble, Person who) {
        return api.postJson(api.api("bubbles/" + bubble + "/participants"), "{\"userId\": \"" + who.id() + "\"}", token);
    }

    public HttpResponse<String> addByEmail(String token, String bubble, String email, String lang) {
        return api.postJson(api.api("bubbles/" + bubble + "/participants"), "{\"email\": \"" + email + "\""
                + (lang == null ? "" : ", \"lang\": \"" + lang + "\"") + "}", token);
    }

    public HttpResponse<String> role(String token, String bubble, String participant, String role) {
        return api.patch("bubbles/" + bubble + "/participants/" + participant, "{\"role\": \"" + role + "\"}", token);
    }

    public HttpResponse<String> openLink(String link) {
        return api.postJson(api.api("guest-tokens"), "{\"token\": \"" + link + "\"}", null);
    }

    /** {@code action} of the bubble's conference: start, join, leave or end. */
    public HttpResponse<String> conference(String token, String bubble, String action) {
        return api.postJson(api.api("bubbles/" + bubble + "/conference/" + action), "", token);
    }
}
