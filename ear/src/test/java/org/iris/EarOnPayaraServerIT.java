package org.iris;

import jakarta.json.JsonObject;
import org.iris.it.Api;
import org.iris.it.Databases;
import org.iris.it.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.iris.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator's path: a fresh Payara Server domain, the boundaries' JDBC settings as system
 * properties, {@code asadmin deploy iris.ear}, then readiness and the API over HTTP.
 */
class EarOnPayaraServerIT {

    private static final String DOMAIN = "iris-it";
    private static final int PORT_BASE = 28000;
    private static final int ADMIN_PORT = PORT_BASE + 48;
    private static final int HTTP_PORT = PORT_BASE + 80;
    private static final List<String> BOUNDARIES = Stream.concat(Stream.of(Databases.GLOBAL), Databases.REGIONS.stream()).toList();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Path HOME = Path.of(System.getProperty("it.payara.home", "target/payara6"));
    private static final Path DOMAINS = HOME.getParent().resolve("it-domains");
    private static final String SUPERADMIN = "ear-superadmin@iris.test";

    @BeforeAll
    static void deploy() throws Exception {
        if (Files.isDirectory(DOMAINS.resolve(DOMAIN))) {
            // Left over by an interrupted run: stop it if it still runs, then start afresh.
            asadminIgnoringFailure("stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
            asadmin("delete-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
        }
        asadmin("create-domain", "--nopassword", "--domaindir", DOMAINS.toString(),
                "--portbase", String.valueOf(PORT_BASE), DOMAIN);
        asadmin("start-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
        // A test domain must not join another Payara's data grid on this host.
        admin("set-hazelcast-configuration", "--enabled=false", "--dynamic=true");
        admin("create-system-properties", boundarySettings());
        admin("deploy", "--name", "iris", System.getProperty("it.ear", "target/iris.ear"));
    }

    @AfterAll
    static void undeploy() throws Exception {
        asadmin("stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
    }

    @Test
    void earIsReadyWithEveryBoundaryUp() throws Exception {
        HttpResponse<String> response = eventually("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", json(response).getString("status"));
        Map<String, String> boundaries = Api.boundaryStates(response);
        for (String boundary : BOUNDARIES) {
            assertEquals("UP", boundaries.get(boundary), boundary);
        }
    }

    @Test
    void earServesTheDefaultCompanyWithoutToken() throws Exception {
        eventually("/health/ready");
        HttpResponse<String> company = get("/api/v1/companies/default");
        assertEquals(200, company.statusCode(), company.body());
        assertEquals("Default company", json(company).getString("name"));
    }

    /** Payara Server serves the written contract too: nothing scanned beside it, without Payara's own endpoints map. */
    @Test
    void earServesTheApiContract() throws Exception {
        eventually("/health/ready");
        HttpResponse<String> json = get("/openapi", "application/json");
        assertEquals(200, json.statusCode(), json.body());
        JsonObject document = json(json);
        assertEquals("getMe", document.getJsonObject("paths").getJsonObject("/users/me").getJsonObject("get")
                .getString("operationId"));
        assertFalse(document.containsKey("endpoints"), () -> document.get("endpoints") + " beside " + document.getJsonObject("paths").keySet());
        assertTrue(document.getJsonObject("paths").keySet().stream().noneMatch(path -> path.startsWith("/api/")),
                "nothing scanned beside the written contract: " + document.getJsonObject("paths").keySet());
        HttpResponse<String> yaml = get("/openapi", "application/yaml");
        assertEquals(200, yaml.statusCode(), yaml.body());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
    }

    @Test
    void earEnforcesRolesAndTrustsOnlyItsKey() throws Exception {
        eventually("/health/ready");
        Api api = new Api(URI.create("http://127.0.0.1:" + HTTP_PORT + "/").toURL());
        URI companies = api.api("companies");
        URI unknown = api.api("companies/" + UUID.randomUUID());

        assertProblem(api.get(unknown, null), 401);
        assertProblem(api.get(unknown, Tokens.forged()), 401);
        assertProblem(api.get(unknown, Tokens.withRoles("company_admin")), 404);
        assertProblem(api.postJson(companies, "{\"name\": \"Not mine\"}", Tokens.withRoles("user")), 403);
        // superadmin-only on the boundary EJB: the EJB container refuses it whatever JAX-RS does
        assertProblem(api.send(Api.request(unknown, Tokens.withRoles("user", "company_admin")).DELETE()), 403);
        assertProblem(api.get(unknown, Tokens.superadmin()), 404);

        HttpResponse<String> created = api.postJson(companies, "{\"name\": \"Ear GmbH\", \"region\": \"DE\"}",
                Tokens.superadmin());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> read = api.get(URI.create(created.headers().firstValue("Location").orElseThrow()),
                Tokens.superadmin());
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("DE", json(read).getString("region"));
    }

    @Test
    void earIssuesTokensThatItAcceptsAndRevokesThemAtLogout() throws Exception {
        eventually("/health/ready");
        Api api = new Api(URI.create("http://127.0.0.1:" + HTTP_PORT + "/").toURL());
        HttpResponse<String> login = api.postJson(api.api("auth/login"),
                "{\"email\": \"" + SUPERADMIN + "\", \"password\": \"Bootstrap-Superadmin-2026!\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        String access = json(login).getString("accessToken");

        HttpResponse<String> me = api.get(api.api("users/me"), access);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(SUPERADMIN, json(me).getString("email"));
        assertEquals(404, api.get(api.api("companies/" + UUID.randomUUID()), access).statusCode(), "a superadmin's token");
        assertProblem(api.get(api.api("users/me"), null), 401);

        assertEquals(204, api.postJson(api.api("auth/logout"),
                "{\"refreshToken\": \"" + json(login).getString("refreshToken") + "\"}", access).statusCode());
        assertProblem(api.get(api.api("users/me"), access), 401);
    }

    /** {@code iris.db.<boundary>.*} for every boundary, in asadmin's syntax (':' separates, '\' escapes). */
    private static String boundarySettings() {
        String host = System.getProperty("it.db.host", "127.0.0.1");
        String port = System.getProperty("it.db.port", "5432");
        String prefix = System.getProperty("it.db.prefix", "iris_ear_");
        List<String> settings = new ArrayList<>();
        for (String boundary : BOUNDARIES) {
            String key = "iris.db." + boundary + ".";
            settings.add(key + "datasource=org.postgresql.ds.PGSimpleDataSource");
            settings.add(key + "url=jdbc\\:postgresql\\://" + host + "\\:" + port + "/" + prefix + boundary);
            settings.add(key + "user=" + System.getProperty("it.db.user", "iris"));
            settings.add(key + "password=" + System.getProperty("it.db.password", "iris"));
        }
        // Iris signs with the test keys and verifies with them (and the rotated-out one after them).
        settings.add("iris.jwt.keys.file=" + Tokens.writeKeysFile().toString().replace(":", "\\:"));
        settings.add("iris.data.dir=" + Path.of(System.getProperty("it.data.dir", "target/ear-data")).toAbsolutePath()
                .toString().replace(":", "\\:"));
        // A superadmin to log in as: a 4,096-iteration hash of Bootstrap-Superadmin-2026!.
        settings.add("iris.bootstrap.superadmin.email=" + SUPERADMIN);
        // asadmin takes '=' in a value only escaped
        settings.add("iris.bootstrap.superadmin.password-hash="
                + "$pbkdf2-sha256$i\\=4096$gIaI8CZYgA32q1PaqkMWlg$PhX34jKyLIEIWXoixHrCL6CLza662jksZ8sX0mXmds0");
        // The server secret: outside the embedded run Iris refuses to start without one (asadmin wants '=' escaped).
        settings.add("iris.secret=" + System.getProperty("it.secret", "").replace("=", "\\="));
        // Not the embedded databases, so not the folder transport; this test sends no mail.
        settings.add("iris.mail.transport=smtp");
        settings.add("iris.mail.smtp.host=127.0.0.1");
        settings.add("iris.mail.smtp.port=" + System.getProperty("it.smtp.port", "3925"));
        settings.add("iris.mail.smtp.security=none");
        return String.join(":", settings);
    }

    private static void admin(String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--port", String.valueOf(ADMIN_PORT)));
        arguments.addAll(List.of(command));
        asadmin(arguments.toArray(String[]::new));
    }

    private static void asadminIgnoringFailure(String... arguments) throws Exception {
        try {
            asadmin(arguments);
        } catch (IllegalStateException ignored) {
            // nothing to stop
        }
    }

    private static void asadmin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin/asadmin").toString());
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("asadmin", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + arguments[0] + " did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.println("asadmin " + String.join(" ", arguments).replaceAll("password=[^:]*", "password=***")
                + "\n" + output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + arguments[0] + " failed: " + output);
        }
    }

    /** start-domain returns before applications are loaded: poll until the server answers 200. */
    private static HttpResponse<String> eventually(String path) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        HttpResponse<String> response = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                response = get(path);
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (ConnectException notYet) {
                // the listener is not open yet
            }
            Thread.sleep(500);
        }
        return response;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "*/*");
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Api.json(response);
    }
}
