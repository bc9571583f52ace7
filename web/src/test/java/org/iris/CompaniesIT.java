package org.iris;

import jakarta.json.JsonObject;
import org.iris.it.Api;
import org.iris.it.Databases;
import org.iris.it.IrisIT;
import org.iris.it.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.iris.it.Problems.assertProblem;
import static org.iris.it.Databases.companyCounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating and reading companies: residency, HDS, who may do it, and the repair of lost routes. */
class CompaniesIT extends IrisIT {

    @Test
    void companyCreatedInGermanyIsARowInGermanyOnly() throws Exception {
        String name = "Rheinwerk " + UUID.randomUUID();
        HttpResponse<String> created = api.postJson(api.api("companies"),
                "{\"name\": \"" + name + "\", \"region\": \"de\"}", Tokens.superadmin());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject company = Api.json(created);
        UUID id = UUID.fromString(company.getString("id"));
        assertEquals("DE", company.getString("region"));
        assertEquals("public", company.getString("visibility"));
        assertFalse(company.getBoolean("hds"));

        assertOnlyIn("de", id, name);
        assertEquals(List.of("DE"), route(id));

        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        assertTrue(location.getPath().endsWith("/api/v1/companies/" + id), location.toString());
        HttpResponse<String> read = api.get(location, Tokens.superadmin());
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(name, Api.json(read).getString("name"));
        assertEquals("DE", Api.json(read).getString("region"));
    }

    @Test
    void companyWithoutRegionGoesToEmea() throws Exception {
        String name = "Standard " + UUID.randomUUID();
        HttpResponse<String> created = api.postJson(api.api("companies"), "{\"name\": \"" + name + "\"}",
                Tokens.superadmin());
        assertEquals(201, created.statusCode(), created.body());
        UUID id = UUID.fromString(Api.json(created).getString("id"));
        assertOnlyIn("emea", id, name);
    }

    @Test
    void healthcareCompanyLivesInHdsWhateverRegionIsAsked() throws Exception {
        String name = "Clinique " + UUID.randomUUID();
        HttpResponse<String> created = api.postJson(api.api("companies"),
                "{\"name\": \"" + name + "\", \"region\": \"DE\", \"hds\": true}", Tokens.superadmin());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject company = Api.json(created);
        assertEquals("HDS", company.getString("region"));
        assertTrue(company.getBoolean("hds"));
        UUID id = UUID.fromString(company.getString("id"));
        assertOnlyIn("hds", id, name);
        assertEquals(List.of("HDS"), route(id));
    }

    @Test
    void onlyHealthcareCompaniesEnterHds() throws Exception {
        List<Long> before = companyCounts();
        JsonObject problem = assertProblem(api.postJson(api.api("companies"),
                "{\"name\": \"Sneaky\", \"region\": \"HDS\"}", Tokens.superadmin()), 400);
        assertTrue(problem.getString("detail").contains("HDS"), problem.toString());
        assertEquals(before, companyCounts());
    }

    @Test
    void onlyASuperadminOrABusinessPartnerCreatesCompaniesAndNobodyReadsAStrangersCompany() throws Exception {
        String stranger = Api.json(api.postJson(api.api("companies"), "{\"name\": \"Stranger " + UUID.randomUUID() + "\"}",
                Tokens.superadmin())).getString("id");
        List<Long> before = companyCounts();
        for (String roles : List.of("user", "company_admin", "bp_finance", "bp_operation")) {
            String token = Tokens.withRoles(roles);
            assertProblem(api.postJson(api.api("companies"), "{\"name\": \"Mine\"}", token), 403);
            // an existing company that is none of the caller's business reads as one that does not exist
            JsonObject existing = assertProblem(api.get(api.api("companies/" + stranger), token), 404);
            JsonObject missing = assertProblem(api.get(api.api("companies/" + UUID.randomUUID()), token), 404);
            assertEquals(missing.getString("detail"), existing.getString("detail"));
        }
        assertEquals(before, companyCounts());
    }

    @Test
    void requestWithoutTokenIsChallenged() throws Exception {
        List<Long> before = companyCounts();
        HttpResponse<String> response = api.postJson(api.api("companies"), "{\"name\": \"Anon\"}", null);
        assertProblem(response, 401);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(before, companyCounts());
    }

    @Test
    void forgedTokensAreRejectedAndChangeNothing() throws Exception {
        List<Long> before = companyCounts();
        List<Supplier<String>> forgeries = List.of(Tokens::forged, Tokens::expired,
                () -> Tokens.forAudience("someone-else"), Tokens::unsigned, Tokens::hmacWithPublicKey,
                () -> "not.a.token");
        for (Supplier<String> forgery : forgeries) {
            String token = forgery.get();
            assertProblem(api.postJson(api.api("companies"), "{\"name\": \"Forged\"}", token), 401);
            assertProblem(api.get(api.api("companies/" + Company.DEFAULT_ID), token), 401);
        }
        assertEquals(before, companyCounts());
        // The real key still works: the rejections were about the tokens, not the set-up.
        assertEquals(200, api.get(api.api("companies/" + Company.DEFAULT_ID), Tokens.superadmin()).statusCode());
    }

    @Test
    void companyWhoseRoutingWasLostInACrashIsRoutedAgain() throws Exception {
        // The state a crash between the region commit and the global commit leaves behind.
        UUID id = UUID.randomUUID();
        Databases.update("na", "INSERT INTO company (id, name, region, visibility_mode, hds, created_at, version)"
                + " VALUES (?, 'Half-written Inc', 'NA', 'PUBLIC', FALSE, ?, 1)", id, settled());
        assertEquals(List.of(), route(id));

        HttpResponse<String> read = eventually(() -> api.get(api.api("companies/" + id), Tokens.superadmin()));
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("Half-written Inc", Api.json(read).getString("name"));
        assertEquals(List.of("NA"), route(id));
    }

    @Test
    void routeThatDisagreesWithItsCompanyIsCorrected() throws Exception {
        HttpResponse<String> created = api.postJson(api.api("companies"),
                "{\"name\": \"Drift " + UUID.randomUUID() + "\", \"region\": \"APAC\"}", Tokens.superadmin());
        assertEquals(201, created.statusCode(), created.body());
        UUID id = UUID.fromString(Api.json(created).getString("id"));
        Databases.update("apac", "UPDATE company SET created_at = ? WHERE id = ?", settled(), id);
        Databases.update("global", "UPDATE company_route SET visibility_mode = 'CLOSED' WHERE company_id = ?", id);

        Instant deadline = Instant.now().plusSeconds(30);
        while (!List.of("PUBLIC").equals(Databases.column("global",
                "SELECT visibility_mode FROM company_route WHERE company_id = ?", id)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertEquals(List.of("PUBLIC"), Databases.column("global",
                "SELECT visibility_mode FROM company_route WHERE company_id = ?", id));
    }

    private static OffsetDateTime settled() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofHours(1));
    }

    private static List<String> route(UUID id) throws Exception {
        return Databases.column("global", "SELECT region FROM company_route WHERE company_id = ?", id);
    }

    private static void assertOnlyIn(String expected, UUID id, String name) throws Exception {
        for (String region : Databases.REGIONS) {
            List<String> rows = Databases.column(region, "SELECT name FROM company WHERE id = ?", id);
            assertEquals(region.equals(expected) ? List.of(name) : List.of(), rows, "company rows in " + region);
        }
        assertEquals(List.of(expected.toUpperCase(java.util.Locale.ROOT)),
                Databases.column(expected, "SELECT region FROM company WHERE id = ?", id));
    }

    /** Polls until the answer is 200 or 30 seconds have passed; returns the last answer. */
    private static HttpResponse<String> eventually(Supplier<HttpResponse<String>> call) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> response = call.get();
        while (response.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            response = call.get();
        }
        return response;
    }

    /** The id of the built-in Default company, as the migration fixes it. */
    private static final class Company {
        static final String DEFAULT_ID = "00000000-0000-0000-0000-000000000001";
    }
}
