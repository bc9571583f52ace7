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

/** A plain HTTP client on the deployment under test, as an API user would call it. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI application;
    private final URI server;

    /** @param deployment the deployment's own URL, as Arquillian gives it */
    public Api(URL deployment) {
        this.application = URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/");
        this.server = application.resolve("/");
    }

    /** A path under the application's {@code /api/v1}. */
    public URI api(String path) {
        return application.resolve("api/v1/" + path);
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

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
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

    /** Each boundary's state ({@code UP} or {@code DOWN}) in a {@code /health/ready} answer. */
    public static Map<String, String> boundaryStates(HttpResponse<String> readiness) {
        JsonObject databases = json(readiness).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("databases"))
                .findFirst().orElseThrow().getJsonObject("data");
        Map<String, String> states = new TreeMap<>();
        databases.forEach((boundary, state) -> states.put(boundary, databases.getString(boundary)));
        return states;
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
