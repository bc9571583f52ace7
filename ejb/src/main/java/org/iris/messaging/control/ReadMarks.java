package org.iris.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.iris.bubble.control.Visitor;
import org.iris.messaging.control.ConversationAccess.Opened;
import org.iris.messaging.entity.Reader;
import org.iris.platform.control.InvalidRequest;
import org.iris.residency.control.EntityManagers;

/**
 * How far each one who takes part has read a conversation. A mark only moves forward, and is pushed
 * to whoever takes part when it moved ({@link Push.Read}); in a one-to-one conversation only while
 * the two may reach each other, since a read mark tells the peer something.
 */
@ApplicationScoped
public class ReadMarks {

    @Inject
    ConversationAccess access;

    @Inject
    EntityManagers managers;

    @Inject
    Event<Push> pushes;

    @Inject
    Clock clock;

    /** How far the visitor has read the conversation. */
    public long readSeq(Visitor visitor, Opened opened) {
        return Optional.ofNullable(managers.of(opened.region()).find(Reader.class, new Reader.Key(opened.conversation().id(),
                visitor.id()))).map(Reader::readSeq).orElse(0L);
    }

    /**
     * Marks the conversation read up to that message.
     *
     * @throws org.iris.platform.control.Forbidden in a one-to-one conversation whose peer the reader may no longer reach
     */
    public void markRead(Visitor visitor, UUID id, long seq) {
        // the conversation's lock, since a first mark has no row of its own to lock yet
        access.change(visitor, id, (opened, manager, now) -> {
            access.mayWrite(visitor, opened);
            if (seq < 1 || seq > opened.conversation().lastSeq()) {
                throw new InvalidRequest("No message of this conversation has that number.",
                        List.of(new InvalidRequest.FieldError("seq", "between 1 and the last message's")));
            }
            Reader reader = manager.find(Reader.class, new Reader.Key(id, visitor.id()));
            if (reader == null) {
                reader = Reader.of(id, visitor.id());
                manager.persist(reader);
            }
            if (reader.readUpTo(seq, now)) {
                pushes.fire(new Push.Read(id, visitor.id(), seq, opened.members()));
            }
            return null;
        });
    }
}
