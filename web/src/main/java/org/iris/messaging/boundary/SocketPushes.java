package org.iris.messaging.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.iris.messaging.control.Push;

/**
 * Where pushes come up from the domain: each {@link Push}, once its transaction committed (at once
 * where there was none), becomes a frame for every socket of its recipients, on every node
 * ({@link Fanout}). A push that fails is logged and lost, never the commit's: pushes are not the
 * record, and clients read what they missed over REST.
 */
@ApplicationScoped
public class SocketPushes {

    private static final Logger LOG = Logger.getLogger(SocketPushes.class.getName());

    @Inject
    Fanout fanout;

    void pushed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Push push) {
        try {
            fanout.send(push.recipients(), frame(push), push instanceof Push.Message message ? message.exceptSocket().orElse(null) : null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A push failed after its commit", e);
        }
    }

    static String frame(Push push) {
        if (push instanceof Push.Message message) {
            return Frames.posted(message.message());
        } else if (push instanceof Push.File file) {
            return Frames.file(file.file(), file.deleted());
        } else if (push instanceof Push.Read read) {
            return Frames.read(read.conversation(), read.reader(), read.seq());
        } else if (push instanceof Push.Typing typing) {
            return Frames.typing(typing.conversation(), typing.from());
        } else if (push instanceof Push.Signal signal) {
            return Frames.signal(signal.bubble(), signal.from(), signal.signal());
        } else if (push instanceof Push.Bubble bubble) {
            return Frames.bubble(bubble.event());
        } else if (push instanceof Push.Presence presence) {
            return Frames.presence(presence.user(), presence.status());
        }
        throw new IllegalArgumentException("No frame for " + push.getClass().getSimpleName());
    }
}
