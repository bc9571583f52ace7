package org.iris;

import org.iris.it.Api;
import org.iris.it.Mailbox;
import org.iris.it.OwnNode;
import org.iris.it.People;
import org.iris.it.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.iris.it.People.PASSWORD;
import static org.iris.it.Api.expect;
import static org.iris.it.People.newEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A region's database stops and starts again under a light load, while Iris runs on: requests that
 * need it fail fast with 503, the others go on, readiness says DOWN and then UP, and afterwards
 * everything works again, nothing answered 2xx is lost, nothing refused is half there, and a mail
 * asked for before the outage arrives exactly once.
 *
 * <p>Iris runs here in a Payara Micro of this test's own, with its EMEA database on a PostgreSQL
 * cluster of its own ({@code scripts/test.sh} makes it; {@code it.restart.*}), and every other
 * boundary on the main cluster: stopping EMEA disturbs no other test.
 */
class DatabaseRestartIT {

    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static OwnNode micro;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Mailbox.start();
        String restartPort = required("it.restart.port");
        micro = OwnNode.start("restart-it", settings -> {
            settings.replaceAll((key, value) -> value.toString().replace("/iris_it_", "/iris_rs_"));
            // a half-open connection (a silent failover) is given up after 30 s rather than never
            settings.setProperty("iris.db.emea.url", "jdbc:postgresql://127.0.0.1:" + restartPort + "/iris_rs_emea?socketTimeout=30");
            return settings;
        });
        api = micro.api();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            restartCluster("start"); // whatever happened, the cluster is left running
        } finally {
            if (micro != null) {
                micro.close();
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property, "");
        if (value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the tests through scripts/test.sh");
        }
        return value;
    }

    /** One call of the load, as it was answered. */
    private record Call(String what, Instant at, int status, long millis, String retryAfter, String contentType) {
    }

    @Test
    void aRegionsDatabaseRestartsUnderLoadAndIrisRecoversWithoutLosingOrDoublingAnything() throws Exception {
        People people = new People(api);
        String member = newEmail("example.org");
        people.register(member);
        String superadmin = Tokens.superadmin();
        String germany = Api.json(expect(api.postJson(api.api("companies"),
                "{\"name\": \"Restart " + System.nanoTime() + "\", \"region\": \"DE\"}", superadmin), 201)).getString("id");
        // registrations to confirm while the database goes away and comes back
        List<String> pending = new ArrayList<>();
        Map<String, String> pins = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < 12; i++) {
            String email = newEmail("example.org");
            expect(new People(api.anotherClient()).askPin(email, null), 202);
            pending.add(email);
        }
        for (String email : pending) {
            pins.put(email, Mailbox.pin(email, 1));
        }
        // a mail asked for just before the outage, while the mail server is away too: it can go only after
        String lateMail = newEmail("example.org");
        Mailbox.stop();
        expect(new People(api.anotherClient()).askPin(lateMail, null), 202);
        awaitTried(lateMail);

        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<String> confirmed = Collections.synchronizedList(new ArrayList<>());
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        Instant stopped;
        Instant outageEnds;
        Instant started;
        Instant recovered;
        boolean sawDown = false;
        try {
            List<Future<?>> loops = List.of(
                    load.submit(() -> loop(running, calls, "login", 200, () -> people.login(member, PASSWORD))),
                    load.submit(() -> loop(running, calls, "germany", 200, () -> api.get(api.api("companies/" + germany), superadmin))),
                    load.submit(() -> loop(running, calls, "jwks", 300, () -> api.get(api.application(".well-known/jwks.json"), null))),
                    load.submit(() -> {
                        for (String email : pending) {
                            HttpResponse<String> answer = record(calls, "confirm",
                                    () -> new People(api.anotherClient()).confirm(email, pins.get(email), PASSWORD));
                            (answer.statusCode() == 201 ? confirmed : refused).add(email);
                            pause(1_500);
                        }
                    }));
            pause(2_000);
            restartCluster("stop");
            stopped = Instant.now(); // once the stop has returned: the database is away from here on
            Mailbox.start();
            outageEnds = stopped.plus(OUTAGE);
            while (Instant.now().isBefore(outageEnds)) {
                HttpResponse<String> readiness = api.get(api.server("health/ready"), null);
                if ("DOWN".equals(Api.boundaryStates(readiness).get("emea"))) {
                    sawDown = true;
                    assertEquals("UP", Api.boundaryStates(readiness).get("de"), "the other regions stay up");
                    assertEquals(200, readiness.statusCode(), "one region away does not take the node out of service");
                }
                pause(500);
            }
            restartCluster("start");
            started = Instant.now();
            recovered = awaitRecovery(people, member, started);
            pause(3_000);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(60, TimeUnit.SECONDS); // a loop that died fails the test here
            }
        } finally {
            running.set(false);
            load.shutdownNow();
        }

        assertTrue(sawDown, "readiness never listed emea as DOWN");
        Instant during = stopped;
        Instant ends = outageEnds;
        List<Call> duringOutage = calls.stream().filter(call -> call.at().isAfter(during) && call.at().isBefore(ends)).toList();
        long longest = duringOutage.stream().mapToLong(Call::millis).max().orElse(0);
        long recoveryMillis = Duration.between(started, recovered).toMillis();
        System.out.println("Restart: " + duringOutage.size() + " calls during the outage, the longest " + longest
                + " ms; Iris answered again " + recoveryMillis + " ms after the database was back");
        duringOutage.stream().collect(java.util.stream.Collectors.groupingBy(call -> call.what() + " " + call.status(),
                        java.util.TreeMap::new, java.util.stream.Collectors.summarizingLong(Call::millis)))
                .forEach((kind, times) -> System.out.println("  " + kind + ": " + times.getCount() + " calls, "
                        + times.getMin() + " to " + times.getMax() + " ms"));
        for (Call call : duringOutage) {
            switch (call.what()) {
                case "login", "confirm" -> {
                    assertEquals(503, call.status(), call.toString());
                    assertTrue(call.contentType().startsWith("application/problem+json"), call.toString());
                    assertTrue(Integer.parseInt(call.retryAfter()) > 0, call.toString());
                }
                default -> assertEquals(200, call.status(), "what needs no EMEA goes on: " + call);
            }
            assertTrue(call.millis() < 5_000, "nothing hangs: " + call);
        }
        for (String what : List.of("login", "confirm", "germany", "jwks")) {
            assertTrue(duringOutage.stream().anyMatch(call -> call.what().equals(what)), "no " + what + " during the outage");
        }
        // afterwards, everything works again
        Instant back = recovered;
        assertTrue(calls.stream().filter(call -> call.at().isAfter(back)).allMatch(call -> call.status() / 100 == 2
                || call.what().equals("confirm") && call.status() == 400), "after recovery: " + calls.stream()
                .filter(call -> call.at().isAfter(back) && call.status() / 100 != 2).toList());

        // what was answered 2xx is there, what was refused is not, and nothing is half there
        for (String email : pending) {
            boolean account = exists(emea(), "SELECT id FROM account WHERE email = ?", email);
            boolean route = exists(global(), "SELECT account_id FROM account_route WHERE email_hash = ?",
                    org.iris.it.Secret.emailHash(email));
            if (confirmed.contains(email)) {
                assertTrue(account && route, email + " was confirmed");
            } else {
                assertEquals(account, route, email + " is half there");
            }
        }
        assertFalse(confirmed.isEmpty(), "some registrations were confirmed");
        assertFalse(refused.isEmpty(), "some registrations met the outage");
        // the mail asked for before the outage arrives, once
        Mailbox.await(lateMail, 1);
        pause(4_000);
        assertEquals(1, Mailbox.messagesTo(lateMail).size(), "the mail asked for before the outage, sent once");
        expect(new People(api.anotherClient()).confirm(lateMail, Mailbox.pin(lateMail, 1), PASSWORD), 201);
    }

    private static Instant awaitRecovery(People people, String member, Instant started) {
        while (true) {
            assertTrue(Instant.now().isBefore(started.plusSeconds(30)), "Iris did not recover within 30 s of the database");
            if (micro.ready() && people.login(member, PASSWORD).statusCode() == 200) {
                return Instant.now();
            }
            pause(250);
        }
    }

    private static void loop(AtomicBoolean running, List<Call> calls, String what, long everyMillis,
                             Supplier<HttpResponse<String>> call) {
        while (running.get()) {
            record(calls, what, call);
            pause(everyMillis);
        }
    }

    private static HttpResponse<String> record(List<Call> calls, String what, Supplier<HttpResponse<String>> call) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        HttpResponse<String> answer = call.get();
        calls.add(new Call(what, at, answer.statusCode(), (System.nanoTime() - start) / 1_000_000,
                answer.headers().firstValue("Retry-After").orElse("0"), answer.headers().firstValue("Content-Type").orElse("")));
        return answer;
    }

    /** Waits until Iris has tried, and failed, to send the address's mail: it is in the outbox, claimed and back. */
    private static void awaitTried(String email) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!exists(emea(), "SELECT attempts FROM mail_outbox WHERE recipient = ? AND attempts > 0", email)) {
            assertTrue(Instant.now().isBefore(deadline), "Iris did not try to send the mail to " + email);
            Thread.sleep(200);
        }
    }

    /** This Iris's EMEA database, on the restart cluster. */
    private static String emea() {
        return "jdbc:postgresql://127.0.0.1:" + required("it.restart.port") + "/iris_rs_emea";
    }

    /** This Iris's global database, on the main cluster. */
    private static String global() {
        return "jdbc:postgresql://" + System.getProperty("it.db.host", "127.0.0.1") + ":"
                + System.getProperty("it.db.port", "5432") + "/iris_rs_global";
    }

    private static boolean exists(String url, String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(url, System.getProperty("it.db.user", "iris"),
                System.getProperty("it.db.password", "iris"));
             var query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restartCluster(String step) throws IOException, InterruptedException {
        String command = required("it.restart." + step);
        Path output = Files.createTempFile("restart-cluster", ".log");
        Process process = new ProcessBuilder(command.split(" ")).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean done = process.waitFor(60, TimeUnit.SECONDS);
        String said = Files.readString(output);
        if (!done || process.exitValue() != 0 && !said.contains("already running")) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " failed: " + said);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
