package org.iris.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The coturn that scripts/coturn.sh starts on loopback ({@code it.turn.port}), which checks TURN REST
 * credentials ({@code use-auth-secret} with {@code it.turn.secret}) as the production TURN server does.
 * {@link #authenticates} asks it for a relay with coturn's own client, turnutils_uclient, so a test
 * proves that a credential opens a relay rather than that it has the expected shape.
 */
public final class Turn {

    public static final int PORT = Integer.getInteger("it.turn.port", 3479);
    public static final String SECRET = System.getProperty("it.turn.secret", "iris-turn-test-secret");

    private static final long TIMEOUT_SECONDS = 10;
    /** Printed (with -v) only for the XOR-RELAYED-ADDRESS of an Allocate success response. */
    private static final String RELAYED = "Received relay addr:";
    private static volatile String lastOutput = "";

    private Turn() {
    }

    /**
     * Whether the server grants an allocation to these long-term credentials; false when it refuses
     * them (401) or does not answer within 10 s. {@link #lastOutput()} tells which.
     */
    public static boolean authenticates(String username, String password) {
        // -y: the relay's peer is a second client of this run, no turnutils_peer; -c: no RTCP allocations
        ProcessBuilder builder = new ProcessBuilder("turnutils_uclient", "-v", "-y", "-c", "-n", "1", "-m", "1",
                "-p", String.valueOf(PORT), "-u", username, "-w", password, "127.0.0.1").redirectErrorStream(true);
        StringBuilder output = new StringBuilder();
        AtomicBoolean timedOut = new AtomicBoolean();
        boolean relayed = false;
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("turnutils_uclient does not run: scripts/coturn.sh installs it", e);
        }
        process.onExit().completeOnTimeout(null, TIMEOUT_SECONDS, TimeUnit.SECONDS).thenAccept(exited -> {
            if (exited == null) {
                timedOut.set(true);
                process.destroyForcibly();
            }
        });
        try (BufferedReader lines = process.inputReader()) {
            String line;
            // the rest of the run only exchanges data, for seconds: the answer is already known
            while (!relayed && (line = lines.readLine()) != null) {
                output.append(line).append('\n');
                relayed = line.contains(RELAYED);
            }
        } catch (IOException e) {
            output.append(e).append('\n');
        } finally {
            process.destroyForcibly();
            if (timedOut.get()) {
                output.append("(killed: no answer within ").append(TIMEOUT_SECONDS).append(" s)\n");
            }
            lastOutput = output.toString();
        }
        return relayed;
    }

    /** What turnutils_uclient printed in the last {@link #authenticates} call, for assertion messages. */
    public static String lastOutput() {
        return lastOutput;
    }
}
