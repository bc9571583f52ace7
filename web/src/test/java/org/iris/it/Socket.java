package org.iris.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A client of {@code /ws}, as an application would be: the JDK's WebSocket client, offering the
 * subprotocol {@code iris.v1} (and its token as {@code bearer.<token>}, or none). Every frame it gets is
 * kept in arrival order; a test waits for the one it expects, or makes sure one did not come.
 */
public final class Socket implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private Socket() {
    }

    /** Where the application serves {@code /ws}. */
    public static URI uri(Api api) {
        URI http = api.application("ws");
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    /** Connects with the token in the handshake; waits for the server's {@code ready}. */
    public static Socket connect(Api api, String token) {
        Socket socket = open(api, token);
        socket.await("ready");
        return socket;
    }

    /** Connects offering the token (or none) in the handshake, waiting for nothing. */
    public static Socket open(Api api, String token) {
        Socket client = new Socket();
        // from the Api's own client address, as its HTTP requests: what Iris budgets per address is one test's alone
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .header("X-Forwarded-For", api.clientAddress());
        builder = token == null ? builder.subprotocols("iris.v1") : builder.subprotocols("iris.v1", "bearer." + token);
        client.socket = builder.buildAsync(uri(api), client.new Listener()).join();
        return client;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(Json.createReader(new StringReader(partial.toString())).readObject());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }

    /** A fresh frame id. */
    public static String id() {
        return "c" + IDS.incrementAndGet();
    }

    /** Sends a frame as it is. */
    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends the frame with a fresh id and waits for its answer (its ack or error). */
    public JsonObject call(String type, String fields) {
        String id = id();
        sendRaw("{\"type\": \"" + type + "\", \"id\": \"" + id + "\"" + (fields.isEmpty() ? "" : ", " + fields) + "}");
        return await(frame -> id.equals(frame.getString("id", null)), Duration.ofSeconds(15));
    }

    public JsonObject await(String type) {
        return await(frame -> type.equals(frame.getString("type", "")), Duration.ofSeconds(15));
    }

    /** The first frame, among those not yet taken, that matches; fails after {@code within}. */
    public JsonObject await(Predicate<JsonObject> matching, Duration within) {
        synchronized (seen) {
            for (JsonObject frame : seen) {
                if (matching.test(frame)) {
                    seen.remove(frame);
                    return frame;
                }
            }
        }
        Instant deadline = Instant.now().plus(within);
        try {
            while (Instant.now().isBefore(deadline)) {
                JsonObject frame = frames.poll(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
                if (frame == null) {
                    break;
                }
                if (matching.test(frame)) {
                    return frame;
                }
                synchronized (seen) {
                    seen.add(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("No such frame within " + within + "; got " + everything());
    }

    /** Every frame received and not taken so far. */
    public List<JsonObject> everything() {
        synchronized (seen) {
            frames.drainTo(seen);
            return List.copyOf(seen);
        }
    }

    /** The close code the server sent, waiting up to {@code within}; -1 when it went without one. */
    public int closeCode(Duration within) throws Exception {
        return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }
}
