package org.iris;

import static org.iris.it.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.iris.it.Api;
import org.iris.it.Databases;
import org.iris.it.OwnNode;
import org.iris.it.Socket;
import org.iris.it.Tenants.Person;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro nodes in one data grid (a cluster name of this test's own, on loopback), on the
 * same databases, each holding some users' sockets: what is sent on one reaches those connected to
 * the other, and so does presence; nobody outside the network sees it.
 */
class ClusterIT extends WithPeople {

    private static OwnNode a;
    private static OwnNode b;

    private static String name;
    private static List<Integer> grid;

    @BeforeAll
    static void cluster() throws Exception {
        name = "iris-it-" + UUID.randomUUID();
        grid = List.of(OwnNode.freePort(), OwnNode.freePort());
        int deadClamd = OwnNode.freePort(); // nobody listens there: node B's clamd is down
        CompletableFuture<OwnNode> first = CompletableFuture.supplyAsync(() -> start("cluster-a", name, grid, FILES, CLAMD));
        CompletableFuture<OwnNode> second = CompletableFuture.supplyAsync(() -> start("cluster-b", name,
                List.of(grid.get(1), grid.get(0)), FILES, deadClamd));
        a = first.join();
        b = second.join();
    }

    /** The blob store both nodes share, as a cluster's nodes must (a mount of the region's storage). */
    private static final Path FILES = Path.of("target/cluster-files").toAbsolutePath();
    private static final int CLAMD = Integer.getInteger("it.clamd.port", 3310);

    private static OwnNode start(String node, String cluster, List<Integer> grid, Path files, int clamd) {
        try {
            return OwnNode.startInCluster(node, cluster, grid, settings -> {
                settings.setProperty("iris.files.dir", files.toString());
                settings.setProperty("iris.clamd.port", String.valueOf(clamd));
                settings.setProperty("iris.clamd.timeout-seconds", "5");
                return settings;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (OwnNode node : new OwnNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static List<Path> blobs() throws Exception {
        if (!Files.isDirectory(FILES)) {
            return List.of();
        }
        try (var all = Files.walk(FILES)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void aFileSharedOnOneNodeIsReadOnTheOtherAndANodeWhoseClamdIsDownKeepsNothing() throws Exception {
        String crew = tenants.company("Clustered files", "EMEA", null);
        Person anna = tenants.person(crew, "EMEA", "Ann", "OnA");
        Person ben = tenants.person(crew, "EMEA", "Bo", "OnB");
        String c = Api.json(expect(a.api().postJson(a.api().api("conversations"), "{\"userId\": \"" + ben.id() + "\"}",
                anna.token()), 200)).getString("id");
        byte[] content = "minutes of the meeting\n".repeat(5000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (Socket benOnB = Socket.connect(b.api(), ben.token())) {
            String id = Api.json(expect(FilesIT.upload(a.api(), anna.token(), c, "minutes.txt", "text/plain", content), 201))
                    .getString("id");
            assertEquals(id, benOnB.await("file").getJsonObject("file").getString("id"));
            var got = java.net.http.HttpClient.newHttpClient().send(Api.request(b.api().api("conversations/" + c + "/files/" + id),
                    ben.token()).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, got.statusCode());
            org.junit.jupiter.api.Assertions.assertArrayEquals(content, got.body());
        }
        List<Path> before = blobs();
        String rows = Databases.column("emea", "SELECT count(*) FROM conversation_file WHERE conversation_id = CAST(? AS UUID)", c).get(0);
        JsonObject refused = org.iris.it.Problems.assertProblem(FilesIT.upload(b.api(), ben.token(), c, "reply.txt", "text/plain",
                "a reply".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 503);
        assertTrue(refused.getString("type").endsWith("scanner-unavailable"), refused.toString());
        assertEquals(rows, Databases.column("emea", "SELECT count(*) FROM conversation_file WHERE conversation_id = CAST(? AS UUID)", c).get(0));
        assertEquals(before, blobs(), "no blob kept, none left incoming");
    }

    @Test
    void twoUsersOnTwoNodesExchangeMessagesAndPresenceAndAnOutsiderSeesNone() throws Exception {
        assertTrue(Files.readString(a.log()).contains("DG Size: 2"), "the two nodes form one cluster; see " + a.log());
        String crew = tenants.company("Clustered", "EMEA", null);
        Person anna = tenants.person(crew, "EMEA", "Anna", "OnA");
        Person ben = tenants.person(crew, "EMEA", "Ben", "OnB");
        Person carl = tenants.person(crew, "EMEA", "Carl", "NotInTheNetwork");
        expect(api.postJson(api.api("invitations"), "{\"userId\": \"" + ben.id() + "\"}", anna.token()), 201);
        String c = Api.json(expect(a.api().postJson(a.api().api("conversations"), "{\"userId\": \"" + ben.id() + "\"}",
                anna.token()), 200)).getString("id");

        try (Socket annaOnA = Socket.connect(a.api(), anna.token());
             Socket benOnB = Socket.connect(b.api(), ben.token());
             Socket carlOnA = Socket.connect(a.api(), carl.token());
             Socket carlOnB = Socket.connect(b.api(), carl.token())) {
            JsonObject ack = annaOnA.call("send", "\"conversation\": \"" + c + "\", \"body\": \"hello from node A\"");
            assertEquals("ack", ack.getString("type"), ack.toString());
            assertEquals("hello from node A", benOnB.await("message").getJsonObject("message").getString("body"));

            JsonObject back = benOnB.call("send", "\"conversation\": \"" + c + "\", \"body\": \"and back from B\"");
            assertEquals("ack", back.getString("type"), back.toString());
            assertEquals("and back from B", annaOnA.await(frame -> "message".equals(frame.getString("type"))
                    && ben.id().equals(frame.getJsonObject("message").getString("sender")), java.time.Duration.ofSeconds(10))
                    .getJsonObject("message").getString("body"));

            // presence set on B is seen on A, by the network only
            expect(b.api().put("users/me/presence", "{\"presence\": \"away\"}", ben.token()), 200);
            JsonObject presence = annaOnA.await("presence");
            assertEquals(ben.id(), presence.getString("user"));
            assertEquals("away", presence.getString("status"));
            for (Socket outsider : List.of(carlOnA, carlOnB)) {
                assertEquals("ack", outsider.call("ping", "").getString("type"));
                assertTrue(outsider.everything().stream().noneMatch(frame -> "presence".equals(frame.getString("type"))
                        || "message".equals(frame.getString("type"))), "nothing reaches one outside");
            }
        }
    }

    /**
     * One who listens on the grid's network (a member of the grid in this test's JVM, a lite one: it
     * holds no data) captures a push between the nodes and publishes it again: no node delivers it twice.
     */
    @Test
    void aPushCapturedOnTheGridAndSentAgainIsNotDelivered() throws Exception {
        String crew = tenants.company("Replayed", "EMEA", null);
        Person anna = tenants.person(crew, "EMEA", "Anna", "OnA");
        Person ben = tenants.person(crew, "EMEA", "Ben", "OnB");
        String c = Api.json(expect(a.api().postJson(a.api().api("conversations"), "{\"userId\": \"" + ben.id() + "\"}",
                anna.token()), 200)).getString("id");
        com.hazelcast.config.Config config = new com.hazelcast.config.Config();
        config.setClusterName(name);
        config.setLiteMember(true);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        var network = config.getNetworkConfig().setPort(OwnNode.freePort()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        network.getJoin().getMulticastConfig().setEnabled(false);
        network.getJoin().getAutoDetectionConfig().setEnabled(false);
        var members = network.getJoin().getTcpIpConfig().setEnabled(true);
        grid.forEach(port -> members.addMember("127.0.0.1:" + port));
        com.hazelcast.core.HazelcastInstance listener = com.hazelcast.core.Hazelcast.newHazelcastInstance(config);
        try (Socket benOnB = Socket.connect(b.api(), ben.token())) {
            com.hazelcast.topic.ITopic<byte[]> pushes = listener.getTopic("iris-push");
            java.util.concurrent.LinkedBlockingQueue<byte[]> captured = new java.util.concurrent.LinkedBlockingQueue<>();
            pushes.addMessageListener(message -> captured.add(message.getMessageObject()));
            assertEquals("ack", benOnB.call("ping", "").getString("type"));
            captured.clear(); // what the connection itself pushed (a presence)
            expect(a.api().postJson(a.api().api("conversations/" + c + "/messages"), "{\"body\": \"once only\"}",
                    anna.token()), 201);
            assertEquals("once only", benOnB.await("message").getJsonObject("message").getString("body"));
            List<byte[]> seen = new java.util.ArrayList<>();
            seen.add(captured.poll(10, java.util.concurrent.TimeUnit.SECONDS));
            org.junit.jupiter.api.Assertions.assertNotNull(seen.get(0), "the push crossed the grid");
            captured.drainTo(seen);
            for (byte[] push : seen) {
                pushes.publish(push);
                byte[] tampered = push.clone();
                tampered[tampered.length - 1] ^= 1;
                pushes.publish(tampered);
            }
            Thread.sleep(1000); // what the nodes would deliver comes in well under this, on loopback
            assertEquals("ack", benOnB.call("ping", "").getString("type"));
            assertTrue(benOnB.everything().stream().noneMatch(frame -> "message".equals(frame.getString("type"))),
                    "not delivered again: " + benOnB.everything());
        } finally {
            listener.shutdown();
        }
    }
}
