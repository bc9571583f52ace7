package org.iris.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain HTTP client on the deployment under test, as an API user would call it.
 *
 * <p>It reaches the server through loopback, which the tests' configuration trusts as a load
 * balancer, and names a client address of its own in {@code X-Forwarded-For} (one per instance,
 * from the 198.18.0.0/15 benchmarking range), as the clients behind a load balancer are seen: what
 * Iris budgets per source address is then one test's alone. A test that plays one attacker from one
 * address keeps one instance, or sends from a raw socket ({@link #postJsonFrom}).
 */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final URI application;
    private final URI server;
    private final String client;

    /** @param deployment the deployment's own URL, as Arquillian gives it */
    public Api(URL deployment) {
        this(viaLoopback(URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/")),
                newClientAddress());
    }

    private Api(URI application, String client) {
        this.application = application;
        this.server = application.resolve("/");
        this.client = client;
    }

    /** The same deployment, called by another client (another source address). */
    public Api anotherClient() {
        return new Api(application, newClientAddress());
    }

    /** The address this client's requests come from, as Iris sees it. */
    public String clientAddress() {
        return client;
    }

    private static URI viaLoopback(URI deployment) {
        return URI.create(deployment.getScheme() + "://127.0.0.1:" + deployment.getPort() + deployment.getRawPath());
    }

    private static String newClientAddress() {
        return "198." + (18 + RANDOM.nextInt(2)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /**
     * Sends the request again until its answer is the one expected, polling; fails with the last
     * answer after {@code within}.
     */
    public HttpResponse<String> eventually(java.util.function.Supplier<HttpResponse<String>> request,
                                           java.util.function.Predicate<HttpResponse<String>> expected, java.time.Duration within) {
        java.time.Instant deadline = java.time.Instant.now().plus(within);
        HttpResponse<String> last = request.get();
        while (!expected.test(last)) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not the answer expected within " + within + ": " + last.statusCode() + " " + last.body());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            last = request.get();
        }
        return last;
    }

    /** A path under the application's {@code /api/v1}. */
    public URI api(String path) {
        return application.resolve("api/v1/" + path);
    }

    /** A path under the application's context root, outside its API. */
    public URI application(String path) {
        return application.resolve(path);
    }

    /** A path at the server's root, where Payara serves {@code /health} and {@code /openapi}. */
    public URI server(String path) {
        return server.resolve(path);
    }

    public HttpResponse<String> get(URI uri, String token) {
        return send(request(uri, token).GET());
    }

    public HttpResponse<String> post(URI uri, String contentType, String body, String token) {
        return send(request(uri, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(URI uri, String json, String token) {
        return post(uri, "application/json", json, token);
    }

    /** A JSON merge patch (RFC 7396) of a path under {@code /api/v1}. */
    public HttpResponse<String> patch(String path, String json, String token) {
        return send(request(api(path), token).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json, String token) {
        return send(request(api(path), token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path, String token) {
        return send(request(api(path), token).DELETE());
    }

    /** The answer, which must have that status. */
    public static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        if (built.headers().firstValue("X-Forwarded-For").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("X-Forwarded-For", client).build();
        }
        try {
            return CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpRequest.Builder request(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json, application/problem+json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** An answer read off a raw socket. */
    public record Raw(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * POSTs JSON from another loopback source address (127.0.0.x), to test what Iris counts per
     * address without the failures of one test reaching the others, which all come from 127.0.0.1.
     */
    public Raw postJsonFrom(String sourceAddress, URI uri, String json) {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(sourceAddress, 0));
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Accept: application/json, application/problem+json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            var out = socket.getOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, split).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            String payload = answer.substring(split + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                payload = dechunk(payload);
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** Each boundary's state ({@code UP} or {@code DOWN}) in a {@code /health/ready} answer. */
    public static Map<String, String> boundaryStates(HttpResponse<String> readiness) {
        JsonObject databases = json(readiness).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("databases"))
                .findFirst().orElseThrow().getJsonObject("data");
        Map<String, String> states = new TreeMap<>();
        databases.forEach((boundary, state) -> states.put(boundary, databases.getString(boundary)));
        return states;
    }

    /** An answer whose body is a JSON array. */
    public static jakarta.json.JsonArray array(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
