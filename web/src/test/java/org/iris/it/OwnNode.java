package org.iris.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A Payara Micro of a test's own, beside the one Arquillian manages: the same WAR and, unless the test
 * changes them, the same settings and databases as every integration test ({@code it-postgres.properties}),
 * its own data folder and a free port. Started with {@code --nocluster}, unless it joins a cluster of
 * the test's own.
 */
public final class OwnNode implements AutoCloseable {

    private final Process micro;
    private final Path log;
    private final Api api;

    private OwnNode(Process micro, Path log, Api api) {
        this.micro = micro;
        this.log = log;
        this.api = api;
    }

    /**
     * Starts one and waits until it is ready.
     *
     * @param name names its files under {@code target/}
     * @param change changes the settings before it starts
     */
    public static OwnNode start(String name, UnaryOperator<Properties> change) throws IOException, InterruptedException {
        return start(name, change, List.of("--nocluster"));
    }

    /**
     * Starts one that joins the data grid of {@code cluster} (a name of its own, so that no other Payara
     * on this host joins), finding its members at those Hazelcast ports of loopback, its own first.
     */
    public static OwnNode startInCluster(String name, String cluster, List<Integer> gridPorts, UnaryOperator<Properties> change)
            throws IOException, InterruptedException {
        String members = gridPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        return start(name, change, List.of("--clustername", cluster, "--clustermode", "tcpip:" + members,
                "--interfaces", "127.0.0.1", "--nohostaware", "--startport", String.valueOf(gridPorts.get(0))));
    }

    /** A free port of loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static OwnNode start(String name, UnaryOperator<Properties> change, List<String> cluster)
            throws IOException, InterruptedException {
        Tokens.writeKeysFile(); // Iris reads its signing keys when it starts
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(Path.of(required("it.micro.properties")))) {
            settings.load(in);
        }
        settings.setProperty("iris.data.dir", Path.of("target/" + name + "-data").toAbsolutePath().toString());
        settings = change.apply(settings);
        Path file = Files.createDirectories(Path.of("target")).resolve(name + ".properties");
        try (var out = Files.newBufferedWriter(file)) {
            settings.store(out, name);
        }
        int port = freePort();
        Path log = Path.of("target/" + name + "-micro.log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", required("it.micro.jar")));
        command.addAll(cluster);
        command.addAll(List.of("--port", String.valueOf(port), "--systemProperties", file.toString(),
                "--deploy", required("it.war"), "--contextroot", "/"));
        Process micro = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OwnNode node = new OwnNode(micro, log, new Api(url(port)));
        Instant deadline = Instant.now().plusSeconds(240);
        while (!node.ready()) {
            if (!micro.isAlive() || Instant.now().isAfter(deadline)) {
                node.close();
                throw new IllegalStateException("Iris did not start; see " + log);
            }
            Thread.sleep(500);
        }
        return node;
    }

    /** A client of this node. */
    public Api api() {
        return api;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        micro.destroy();
        if (!micro.waitFor(30, TimeUnit.SECONDS)) {
            micro.destroyForcibly();
        }
    }

    /** Whether it answers that it is ready (every served database reachable). */
    public boolean ready() {
        try {
            return api.get(api.server("health/ready"), null).statusCode() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static java.net.URL url(int port) {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String required(String property) {
        String value = System.getProperty(property, "");
        if (value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the tests through scripts/test.sh");
        }
        return value;
    }
}
