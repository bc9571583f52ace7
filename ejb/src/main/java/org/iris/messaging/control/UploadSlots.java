package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.platform.control.TooManyAttempts;
import org.iris.platform.control.Unavailable;

/**
 * Uploads running at once on this node: at most {@code iris.files.max-uploads-per-user} (2) of one
 * account, answered 429 beyond, and {@code iris.files.max-uploads-per-node} (16) in all, answered 503
 * beyond; both with a {@code Retry-After}. Each upload holds a request thread, a clamd connection and
 * a file being written for as long as its client sends.
 */
@ApplicationScoped
public class UploadSlots {

    static final Duration RETRY = Duration.ofSeconds(5);

    /** A slot taken; closing it frees it. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    @Inject
    @ConfigProperty(name = "iris.files.max-uploads-per-user")
    int perUser;

    @Inject
    @ConfigProperty(name = "iris.files.max-uploads-per-node")
    int perNode;

    private final AtomicInteger running = new AtomicInteger();
    private final Map<UUID, Integer> byUser = new ConcurrentHashMap<>();

    /**
     * @throws TooManyAttempts when the uploader has their share running
     * @throws Unavailable when the node has its share running
     */
    public Slot take(UUID uploader) {
        boolean[] taken = new boolean[1];
        byUser.compute(uploader, (id, running) -> {
            int now = running == null ? 0 : running;
            taken[0] = now < perUser;
            return taken[0] ? now + 1 : running;
        });
        if (!taken[0]) {
            throw new TooManyAttempts("You have " + perUser + " uploads running already; try again when one ends.", RETRY);
        }
        if (running.incrementAndGet() > perNode) {
            running.decrementAndGet();
            free(uploader);
            throw new Unavailable("uploads-busy", "This server takes as many uploads as it can now; try again in a few seconds.",
                    RETRY);
        }
        return () -> {
            running.decrementAndGet();
            free(uploader);
        };
    }

    private void free(UUID uploader) {
        byUser.computeIfPresent(uploader, (id, running) -> running > 1 ? running - 1 : null);
    }
}
