package org.iris.it;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that never reads, as an attacker's would be: it upgrades with its token over a
 * plain TCP connection whose receive buffer is 4 KiB, then reads nothing, so that what the server
 * pushes waits on the server's side. Only at the end does it read, to find how the server closed it.
 */
public final class SilentSocket implements AutoCloseable {

    private final java.net.Socket tcp;
    private final InputStream in;

    private SilentSocket(java.net.Socket tcp, InputStream in) {
        this.tcp = tcp;
        this.in = in;
    }

    /**
     * Upgrades {@code /ws} with that token (none: without one), from that client address; answers
     * the HTTP status of the handshake's answer with the socket (101 when it upgraded).
     */
    public static SilentSocket open(Api api, String token, String clientAddress) {
        return offering(api, java.util.List.of("iris.v1" + (token == null ? "" : ", bearer." + token)), clientAddress);
    }

    /** Upgrades {@code /ws} offering these {@code Sec-WebSocket-Protocol} headers, one line each, as they are. */
    public static SilentSocket offering(Api api, java.util.List<String> protocolHeaders, String clientAddress) {
        URI uri = api.application("ws");
        try {
            java.net.Socket tcp = new java.net.Socket();
            tcp.setReceiveBufferSize(4096);
            tcp.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String head = "GET " + uri.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + protocolHeaders.stream().map(value -> "Sec-WebSocket-Protocol: " + value + "\r\n").collect(java.util.stream.Collectors.joining())
                    + "X-Forwarded-For: " + clientAddress + "\r\n\r\n";
            tcp.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            tcp.getOutputStream().flush();
            return new SilentSocket(tcp, tcp.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of the handshake's answer; reads its head only. */
    public int status() throws IOException {
        tcp.setSoTimeout(15_000);
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("The server closed before it answered the handshake: " + head);
            }
            head.append((char) b);
        }
        return Integer.parseInt(head.toString().split(" ", 3)[1]);
    }

    /**
     * Sends pings (masked, as a client must), a hundred a second, and reads nothing, until the server
     * ends the connection or {@code within} passes; answers whether the server ended it.
     */
    public boolean pingsUntilEnded(Duration within) {
        byte[] frame = new byte[2 + 4 + 125];
        frame[0] = (byte) 0x89; // fin, ping
        frame[1] = (byte) (0x80 | 125); // masked, 125 bytes
        ThreadLocalRandom.current().nextBytes(frame);
        frame[0] = (byte) 0x89;
        frame[1] = (byte) (0x80 | 125);
        Instant deadline = Instant.now().plus(within);
        try {
            tcp.setSoTimeout(1000);
            var out = tcp.getOutputStream();
            while (Instant.now().isBefore(deadline)) {
                out.write(frame);
                Thread.sleep(10);
            }
            return false;
        } catch (IOException ended) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How the server ended the socket: its close code (-1: it ended the connection without one), after so many frames. */
    public record Ended(int closeCode, int frames) {
    }

    /**
     * Reads everything the server sent, frame by frame, until its close frame or the end of the
     * connection; fails when neither came within {@code within}.
     */
    public Ended ended(Duration within) throws IOException {
        Instant deadline = Instant.now().plus(within);
        DataInputStream frames = new DataInputStream(in);
        int read = 0;
        try {
            while (true) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("The server neither closed the socket nor ended its connection within " + within);
                }
                tcp.setSoTimeout((int) left);
                int first = frames.readUnsignedByte();
                int second = frames.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = frames.readUnsignedShort();
                } else if (length == 127) {
                    length = frames.readLong();
                }
                if ((first & 0x0f) == 0x8) {
                    return new Ended(length >= 2 ? frames.readUnsignedShort() : 1005, read);
                }
                frames.skipNBytes(length);
                read++;
            }
        } catch (EOFException | java.net.SocketException ended) {
            return new Ended(-1, read);
        } catch (SocketTimeoutException silent) {
            throw new AssertionError("The server neither closed the socket nor ended its connection within " + within);
        }
    }

    @Override
    public void close() {
        try {
            tcp.close();
        } catch (IOException e) {
            // gone already
        }
    }
}
