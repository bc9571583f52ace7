package org.iris.messaging.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.crypto.SecretKey;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.iris.platform.control.Secrets;

/**
 * Hands a push to every node, each of which gives it to the sockets it holds: this node's at once, on
 * the sending thread; for the others, a frame and the ids of whom it is for travel on a topic of
 * Payara's data grid (Hazelcast, JNDI {@code payara/Hazelcast}),
 * sealed with AES-256-GCM under a key derived from {@code iris.secret}, since a frame may carry a
 * message and the grid's traffic is not encrypted. Nothing durable goes through it: messages are
 * committed before they are pushed, and a client that was away reads what it missed over REST. A node
 * without the grid delivers to its own sockets only.
 */
@ApplicationScoped
public class Fanout {

    private static final Logger LOG = Logger.getLogger(Fanout.class.getName());
    static final String TOPIC = "iris-push";
    private static final String PLACE = "iris:push";

    /** The sockets of this node. */
    @FunctionalInterface
    public interface Sockets {
        /** @param except the id of a socket of this node not to send it to (its sender's), or null */
        void deliver(Set<UUID> recipients, String frame, String except);
    }

    @Inject
    Secrets secrets;

    private volatile Sockets local = (recipients, frame, except) -> { };
    private SecretKey key;
    private ITopic<byte[]> topic;
    private HazelcastInstance grid;
    private UUID listener;

    @PostConstruct
    void join() {
        key = Seal.key(HexFormat.of().parseHex(secrets.keyedHash("push", "cluster")));
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

    /** Where this node's pushes go; the WebSocket endpoint says so once. */
    public void deliverTo(Sockets sockets) {
        local = sockets;
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

    /** Pushes the frame to every socket of these recipients, on whichever node. */
    public void send(Collection<UUID> recipients, String frame) {
        send(recipients, frame, null);
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
            topic.publish(Seal.seal(key, encode(recipients, frame), PLACE));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The data grid refused a push: the sockets of the other nodes miss it", e);
        }
    }

    private void receive(byte[] sealed) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Seal.open(key, sealed, PLACE));
            int count = in.getInt();
            Set<UUID> recipients = new LinkedHashSet<>(count);
            for (int i = 0; i < count; i++) {
                recipients.add(new UUID(in.getLong(), in.getLong()));
            }
            byte[] frame = new byte[in.remaining()];
            in.get(frame);
            local.deliver(recipients, new String(frame, StandardCharsets.UTF_8), null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dropped a push that did not open: another iris.secret in the cluster?", e);
        }
    }

    static byte[] encode(Collection<UUID> recipients, String frame) {
        Set<UUID> unique = new LinkedHashSet<>(recipients);
        byte[] text = frame.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(4 + 16 * unique.size() + text.length);
        out.putInt(unique.size());
        for (UUID id : unique) {
            out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        return out.put(text).array();
    }
}
