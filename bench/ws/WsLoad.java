import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WebSocket load of scripts/bench-messaging.sh (not a test): members of bubbles of 10, one socket
 * each, send messages into their bubble at a total rate (open loop), over /ws; every other member's
 * socket gets a message frame and times it from its send (the body carries System.nanoTime of this JVM). Beside them,
 * idle sockets of other users are held open. Prints one RESULT line: messages accepted (acknowledged)
 * a second, deliveries a second, p50/p99/max from send to delivery, sockets open, errors.
 *
 * <pre>java bench/ws/WsLoad.java WS_URLS BUBBLES_FILE IDLE_TOKENS_FILE IDLE_SOCKETS RATE WARMUP_S MEASURED_S</pre>
 * WS_URLS: one or more ws://host:port/ws, comma-separated; sockets go round-robin over them (so a
 * bubble's members sit on different nodes). BUBBLES_FILE: a line per bubble, "bubbleId token token ...".
 */
public class WsLoad {

    static final HttpClient CLIENT = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
    static final AtomicLong accepted = new AtomicLong();
    static final AtomicLong delivered = new AtomicLong();
    static final AtomicLong errors = new AtomicLong();
    static final AtomicInteger open = new AtomicInteger();
    static final AtomicBoolean measuring = new AtomicBoolean();
    static final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    static final String PAD = "x".repeat(80);

    /** One socket: counts what it gets; keeps the latencies of the measured phase. */
    static final class Member implements WebSocket.Listener {
        final String bubble;
        final StringBuilder partial = new StringBuilder();
        long[] mine = new long[256];
        int count;
        WebSocket socket;
        final CompletableFuture<Void> ready = new CompletableFuture<>();

        Member(String bubble) {
            this.bubble = bubble;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                handle(frame);
            }
            webSocket.request(1);
            return null;
        }

        void handle(String frame) {
            if (frame.startsWith("{\"type\":\"ready\"")) {
                ready.complete(null);
            } else if (frame.startsWith("{\"type\":\"message\"")) {
                int at = frame.indexOf("\"body\":\"t=");
                if (at > 0 && measuring.get()) {
                    int from = at + 10;
                    long sent = Long.parseLong(frame.substring(from, frame.indexOf(' ', from)));
                    synchronized (this) {
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = System.nanoTime() - sent;
                    }
                    delivered.incrementAndGet();
                }
            } else if (frame.contains("\"type\":\"ack\"")) {
                if (measuring.get()) {
                    accepted.incrementAndGet();
                }
            } else if (frame.contains("\"type\":\"error\"")) {
                errors.incrementAndGet();
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            open.decrementAndGet();
            if (statusCode != WebSocket.NORMAL_CLOSURE) {
                errors.incrementAndGet();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            errors.incrementAndGet();
            ready.complete(null);
        }

        synchronized long[] take() {
            long[] taken = Arrays.copyOf(mine, count);
            count = 0;
            return taken;
        }
    }

    static WebSocket connect(String url, String token, Member member) {
        WebSocket socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .subprotocols("iris.v1", "bearer." + token).buildAsync(URI.create(url), member).join();
        open.incrementAndGet();
        return socket;
    }

    public static void main(String[] args) throws Exception {
        String[] urls = args[0].split(",");
        List<String> bubbles = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        List<String> idleTokens = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
        int idle = Integer.parseInt(args[3]);
        double rate = Double.parseDouble(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int measured = Integer.parseInt(args[6]);

        List<Member> members = new ArrayList<>();
        int next = 0;
        for (String line : bubbles) {
            String[] parts = line.trim().split("\\s+");
            for (int i = 1; i < parts.length; i++) {
                Member member = new Member(parts[0]);
                member.socket = connect(urls[next++ % urls.length], parts[i], member);
                members.add(member);
            }
        }
        for (Member member : members) {
            member.ready.get(30, TimeUnit.SECONDS);
        }
        List<Member> idlers = new ArrayList<>();
        for (int i = 0; i < idle; i++) {
            Member idler = new Member(null);
            idler.socket = connect(urls[next++ % urls.length], idleTokens.get(i % idleTokens.size()), idler);
            idlers.add(idler);
            if (i % 500 == 499) {
                System.err.println(open.get() + " sockets open");
            }
        }
        for (Member idler : idlers) {
            idler.ready.get(60, TimeUnit.SECONDS);
        }
        System.err.println(open.get() + " sockets open, " + members.size() + " members in " + bubbles.size() + " bubbles");

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sequence = new AtomicLong();
        // a rate of 0 only holds the sockets open, for the warm-up's seconds: the heap they take is measured meanwhile
        long periodNanos = rate > 0 ? (long) (1_000_000_000L / rate) : Long.MAX_VALUE / 2;
        ticker.scheduleAtFixedRate(() -> {
            long n = sequence.getAndIncrement();
            Member sender = members.get((int) (n % members.size()));
            String frame = "{\"type\":\"send\",\"id\":\"m" + n + "\",\"conversation\":\"" + sender.bubble
                    + "\",\"body\":\"t=" + System.nanoTime() + " " + PAD + "\"}";
            synchronized (sender) {
                try {
                    sender.socket.sendText(frame, true).join();
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        Thread.sleep(warmup * 1000L);
        for (Member member : members) {
            member.take();
        }
        accepted.set(0);
        delivered.set(0);
        long errorsBefore = errors.get();
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(measured * 1000L);
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        ticker.shutdownNow();

        long[] all = members.stream().map(Member::take).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("RESULT rate=%.0f accepted_per_s=%.0f deliveries_per_s=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f "
                        + "sockets=%d errors=%d%n", rate, accepted.get() / seconds, delivered.get() / seconds,
                percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, open.get(),
                errors.get() - errorsBefore);
        for (Member member : members) {
            member.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        for (Member idler : idlers) {
            idler.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        Thread.sleep(1000);
        System.exit(0);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
