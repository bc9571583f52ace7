package org.iris.messaging.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of clamd's INSTREAM command over TCP (SPEC §6: every file is scanned before it is
 * stored or sent): the bytes go in chunks, each after its length in four big-endian bytes, then a
 * zero-length chunk; clamd answers {@code stream: OK}, {@code stream: <signature> FOUND} or an
 * error. Anything but a clear OK or FOUND is no verdict ({@link Unavailable}): a file is never taken
 * as clean because clamd could not say. What clamd could not look into (an encrypted archive, one past
 * its limits) it answers as a FOUND of its own heuristics, when configured to (AlertEncrypted,
 * AlertExceedsMax; else it answers OK): not clean either.
 */
public final class Clamd {

    /** What clamd found: clean ({@code OK} only), or the name it answered with FOUND. */
    public record Verdict(Optional<String> signature) {
        public boolean clean() {
            return signature.isEmpty();
        }

        /**
         * Whether clamd could not look into all of the file, and so neither clears it nor found a
         * signature in it: encrypted ({@code Heuristics.Encrypted.Zip}, {@code .PDF}...) or past one of
         * its limits ({@code Heuristics.Limits.Exceeded.MaxRecursion}...). clamd's other heuristic
         * names ({@code Heuristics.Trojan.Swizzor.Gen}, {@code Heuristics.Phishing.*}) are detections.
         */
        public boolean unscannable() {
            return signature.filter(name -> name.startsWith("Heuristics.Encrypted.")
                    || name.startsWith("Heuristics.Limits.Exceeded")).isPresent();
        }
    }

    /** clamd could not be reached, timed out, refused the stream (too large) or answered nothing clear. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final int CHUNK = 64 * 1024;
    private static final Pattern FOUND = Pattern.compile("^stream: (.+) FOUND$");
    private static final int REPLY_MAX = 1024;

    private final String host;
    private final int port;
    private final Duration timeout;

    public Clamd(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** Scans the stream to its end; the caller keeps and closes it. */
    public Verdict scan(InputStream content) throws Unavailable {
        try (Socket socket = new Socket()) {
            int millis = Math.toIntExact(timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = content.read(chunk)) > 0) {
                write(socket, out, length(n), 4, millis);
                write(socket, out, chunk, n, millis);
            }
            write(socket, out, length(0), 4, millis);
            return verdict(reply(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new Unavailable("clamd at " + host + ":" + port + " did not answer within " + timeout, e);
        } catch (IOException e) {
            // clamd closes the connection on a stream over its StreamMaxLength, before the reply is read
            throw new Unavailable("clamd at " + host + ":" + port + " could not scan: " + e.getMessage(), e);
        }
    }

    /**
     * A write to clamd that does not complete within the time-out closes the connection, which ends
     * the blocked write: a clamd that accepts and stops reading (hung, or every thread busy) is no
     * scanner, and reads only time out for the reply.
     */
    private static void write(Socket socket, OutputStream out, byte[] bytes, int length, int millis) throws IOException {
        ScheduledFuture<?> stalled = WATCHDOG.schedule(() -> {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all there was to do
            }
        }, millis, TimeUnit.MILLISECONDS);
        try {
            out.write(bytes, 0, length);
            out.flush();
        } finally {
            stalled.cancel(false);
        }
    }

    /** Closes stalled connections; its tasks leave the queue when cancelled. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, "iris-clamd-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.setRemoveOnCancelPolicy(true);
        return watchdog;
    }

    /** Whether clamd answers {@code PING} with {@code PONG}. */
    public boolean alive() {
        try (Socket socket = new Socket()) {
            int millis = Math.toIntExact(timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            return "PONG".equals(reply(socket.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    static Verdict verdict(String reply) throws Unavailable {
        if ("stream: OK".equals(reply)) {
            return new Verdict(Optional.empty());
        }
        Matcher found = FOUND.matcher(reply);
        if (found.matches()) {
            return new Verdict(Optional.of(found.group(1)));
        }
        throw new Unavailable("clamd gave no verdict: " + reply, null);
    }

    private static byte[] length(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    /** One NUL-terminated reply, of bounded length. */
    private static String reply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) {
            if (reply.size() >= REPLY_MAX) {
                throw new IOException("clamd's reply is too long");
            }
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }
}
