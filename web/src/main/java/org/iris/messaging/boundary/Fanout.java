package org.iris.messaging.boundary;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.messaging.control.PushEnvelope;
import org.iris.messaging.control.Seal;
import org.iris.platform.control.Secrets;

/**
 * Hands a push to every node, each of which gives it to the sockets it holds ({@link SocketDelivery}):
 * this node's at once, on the sending thread; for the others, a frame and the ids of whom it is for travel on a topic of
 * Payara's data grid (Hazelcast, JNDI {@code payara/Hazelcast}),
 * sealed with AES-256-GCM under a key derived from {@code iris.secret}, since a frame may carry a
 * message and the grid's traffic is not encrypted, and opened only once and while fresh
 * ({@link PushEnvelope}), since it could be captured and sent again. Nothing durable goes through it:
 * messages are committed before they are pushed, and a client that was away reads what it missed over
 * REST. A node without the grid delivers to its own sockets only.
 */
@ApplicationScoped
public class Fanout {

    private static final Logger LOG = Logger.getLogger(Fanout.class.getName());
    static final String TOPIC = "iris-push";
    /** Refused pushes are each logged at FINE, and told at WARNING at most this often. */
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    @Inject
    Secrets secrets;

    @Inject
    Clock clock;

    /** How far apart the nodes' clocks may be: the same as for tokens. */
    @Inject
    @ConfigProperty(name = "iris.token.clock-skew-seconds", defaultValue = "30")
    long skewSeconds;

    /** The sockets of this node. */
    @Inject
    SocketDelivery local;

    private PushEnvelope envelope;
    private final AtomicLong refusedSinceWarning = new AtomicLong();
    private final AtomicLong nextWarning = new AtomicLong(Long.MIN_VALUE);
    private ITopic<byte[]> topic;
    private HazelcastInstance grid;
    private UUID listener;

    @PostConstruct
    void join() {
        envelope = new PushEnvelope(Seal.key(HexFormat.of().parseHex(secrets.keyedHash("push", "cluster"))), clock,
                Duration.ofSeconds(skewSeconds));
        try {
            HazelcastInstance found = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
            ITopic<byte[]> joined = found.getTopic(TOPIC);
            // this node's own pushes were delivered where they were sent: only the other nodes' are taken here
            listener = joined.addMessageListener(message -> {
                if (message.getPublishingMember() == null || !message.getPublishingMember().localMember()) {
                    receive(message.getMessageObject());
                }
            });
            topic = joined;
            grid = found;
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "No data grid: pushes reach the sockets of this node only", e);
        }
    }

    /** Joins at the application's start, not at the first push: a node receives the others' before it sends any. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // created, and so joined, by being asked
    }

    @PreDestroy
    void leave() {
        if (topic != null) {
            try {
                topic.removeMessageListener(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The data grid was gone before the listener", e);
            }
        }
    }

    public boolean clustered() {
        return topic != null;
    }

    /** Whether this node is the grid's only member, so that nobody else needs the push. */
    private boolean alone() {
        try {
            return grid.getCluster().getMembers().size() < 2;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Pushes the frame to every socket of these recipients but one of this node, the one that sent
     * what the frame tells of and was answered already.
     */
    public void send(Collection<UUID> recipients, String frame, String exceptSocket) {
        if (recipients.isEmpty()) {
            return;
        }
        local.deliver(new LinkedHashSet<>(recipients), frame, exceptSocket);
        if (topic == null || alone()) {
            return;
        }
        try {
            topic.publish(envelope.seal(recipients, frame));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The data grid refused a push: the sockets of the other nodes miss it", e);
        }
    }

    private void receive(byte[] sealed) {
        try {
            PushEnvelope.Opened push = envelope.open(sealed);
            local.deliver(push.recipients(), push.frame(), null);
        } catch (PushEnvelope.Refused e) {
            refused(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A push of another node did not reach the sockets of this node", e);
        }
    }

    /** Logs a refused push (why and whose, never its content) without letting a flood of them fill the log. */
    private void refused(PushEnvelope.Refused refused) {
        LOG.log(Level.FINE, "Dropped a push of the grid: {0}", refused.getMessage());
        refusedSinceWarning.incrementAndGet();
        long now = clock.millis();
        long next = nextWarning.get();
        if (now >= next && nextWarning.compareAndSet(next, now + WARN_EVERY.toMillis())) {
            LOG.log(Level.WARNING, "Dropped {0} push(es) of the grid since the last warning, the latest because {1}",
                    new Object[] {refusedSinceWarning.getAndSet(0), refused.getMessage()});
        }
    }
}
