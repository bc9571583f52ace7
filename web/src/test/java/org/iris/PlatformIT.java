package org.iris;

import jakarta.json.JsonObject;
import org.iris.it.Api;
import org.iris.it.Databases;
import org.iris.it.IrisIT;
import org.iris.it.Tokens;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.iris.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readiness, the Default company, and how every kind of bad request is answered. */
class PlatformIT extends IrisIT {

    private static final List<String> ALL_BOUNDARIES = List.of(
            "global", "emea", "de", "na", "cala", "apac", "anz", "cn", "hds");

    @Test
    void readinessListsEveryBoundaryUp() {
        HttpResponse<String> response = api.get(api.server("health/ready"), null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", Api.json(response).getString("status"));
        Map<String, String> boundaries = Api.boundaryStates(response);
        for (String boundary : ALL_BOUNDARIES) {
            assertEquals("UP", boundaries.get(boundary), boundary);
        }
        assertEquals(ALL_BOUNDARIES.size(), boundaries.size());
    }

    @Test
    void defaultCompanyIsServedFromEmeaWithoutToken() throws Exception {
        HttpResponse<String> response = api.get(api.api("companies/default"), null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject company = Api.json(response);
        assertEquals("00000000-0000-0000-0000-000000000001", company.getString("id"));
        assertEquals("Default company", company.getString("name"));
        assertEquals("EMEA", company.getString("region"));
        assertEquals("public", company.getString("visibility"));
        assertTrue(company.getBoolean("defaultCompany"));
        for (String region : Databases.REGIONS) {
            List<String> rows = Databases.column(region, "SELECT name FROM company WHERE id = ?",
                    UUID.fromString(company.getString("id")));
            assertEquals(region.equals("emea") ? List.of("Default company") : List.of(), rows, region);
        }
        assertEquals(List.of("EMEA"), Databases.column("global",
                "SELECT region FROM company_route WHERE company_id = ?", UUID.fromString(company.getString("id"))));
    }

    @Test
    void unknownApiAddressAnswersNotFoundProblem() {
        assertProblem(api.get(api.api("no/such/thing"), null), 404);
    }

    @Test
    void addressOutsideTheApiAnswersNotFoundProblem() {
        assertProblem(api.get(api.api("../../no-such-page"), null), 404);
    }

    @Test
    void malformedCompanyIdAnswersNotFoundProblem() {
        assertProblem(api.get(api.api("companies/not-a-uuid"), Tokens.superadmin()), 404);
    }

    @Test
    void unknownCompanyAnswersNotFoundProblem() {
        assertProblem(api.get(api.api("companies/" + UUID.randomUUID()), Tokens.superadmin()), 404);
    }

    @Test
    void wrongMethodAnswersMethodNotAllowedWithAllowHeader() {
        HttpResponse<String> response = api.send(Api.request(api.api("companies/default"), null)
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertProblem(response, 405);
        String allow = response.headers().firstValue("Allow").orElse("");
        assertTrue(allow.contains("GET"), allow);
    }

    @Test
    void unsupportedMediaTypeIsRefusedAndChangesNothing() throws Exception {
        List<Long> before = Databases.companyCounts();
        assertProblem(api.post(api.api("companies"), "text/plain", "name=Acme", Tokens.superadmin()), 415);
        assertEquals(before, Databases.companyCounts());
    }

    @Test
    void malformedJsonIsRefusedAndChangesNothing() throws Exception {
        List<Long> before = Databases.companyCounts();
        for (String body : List.of("{\"name\": ", "[1, 2]", "\"Acme\"", "{\"name\": \"Acme\", \"hds\": \"maybe\"}")) {
            assertProblem(api.postJson(api.api("companies"), body, Tokens.superadmin()), 400);
        }
        assertEquals(before, Databases.companyCounts());
    }

    @Test
    void missingBodyIsRefusedAndNamed() throws Exception {
        List<Long> before = Databases.companyCounts();
        HttpResponse<String> response = api.postJson(api.api("companies"), "", Tokens.superadmin());
        assertEquals("A request body is required.", assertProblem(response, 400).getString("detail"));
        assertEquals(before, Databases.companyCounts());
    }

    @Test
    void brokenRulesAreEachNamedAndChangeNothing() throws Exception {
        List<Long> before = Databases.companyCounts();
        HttpResponse<String> response = api.postJson(api.api("companies"),
                "{\"name\": \"   \", \"region\": \"MARS\"}", Tokens.superadmin());
        assertProblem(response, 400);
        assertEquals(List.of("name", "region"), violatedFields(Api.json(response)));

        String tooLong = "x".repeat(201);
        response = api.postJson(api.api("companies"), "{\"name\": \"" + tooLong + "\"}", Tokens.superadmin());
        assertProblem(response, 400);
        assertEquals(List.of("name"), violatedFields(Api.json(response)));
        assertEquals(before, Databases.companyCounts());
    }

    @Test
    void oversizedBodyIsRefusedAndChangesNothing() throws Exception {
        List<Long> before = Databases.companyCounts();
        // As an attacker sends it: a huge declared length, then only the start of the body.
        URI uri = api.api("companies");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Bearer " + Tokens.superadmin() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 3000000\r\n\r\n{\"name\": \"yyyy";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", answer);
        }
        assertEquals(before, Databases.companyCounts());
    }

    @Test
    void oversizedBodyWithoutDeclaredLengthIsRefused() throws Exception {
        List<Long> before = Databases.companyCounts();
        byte[] chunk = "y".repeat(16_384).getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        parts.add("{\"name\": \"".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 64; i++) {
            parts.add(chunk);
        }
        parts.add("\"}".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = api.send(Api.request(api.api("companies"), Tokens.superadmin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
        assertProblem(response, 413);
        assertEquals(before, Databases.companyCounts());
    }

    static List<String> violatedFields(JsonObject problem) {
        List<String> fields = new ArrayList<>();
        problem.getJsonArray("violations").getValuesAs(JsonObject.class)
                .forEach(violation -> fields.add(violation.getString("field")));
        return fields;
    }
}
