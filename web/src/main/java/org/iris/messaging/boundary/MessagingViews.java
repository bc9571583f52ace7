package org.iris.messaging.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.iris.bubble.entity.Bubble;
import org.iris.messaging.control.ConversationAccess.Opened;
import org.iris.messaging.control.ConversationList;
import org.iris.messaging.control.ConversationList.Listed;
import org.iris.messaging.control.Messages.History;
import org.iris.messaging.control.FileStore;
import org.iris.messaging.control.Posted;
import org.iris.messaging.entity.Conversation;
import org.iris.messaging.entity.Pair;
import org.iris.platform.boundary.Codes;

/** How conversations and messages appear on the wire. */
public final class MessagingViews {

    private MessagingViews() {
    }

    /**
     * A conversation as one who takes part sees it: {@code direct} with {@code peerId}, or
     * {@code bubble} with the bubble's id (the conversation's own) and name; {@code region} is where
     * its data lives.
     */
    public record ConversationView(UUID id, String kind, UUID peerId, UUID bubbleId, String name, String region,
                                   long lastSeq, long readSeq, OffsetDateTime lastAt) {

        static ConversationView of(Listed listed, UUID me) {
            return of(listed.conversation(), listed.pair(), listed.bubble(), listed.region().name(), listed.readSeq(), me);
        }

        static ConversationView of(Opened opened, long readSeq, UUID me) {
            return of(opened.conversation(), opened.pair(), opened.bubble(), opened.region().name(), readSeq, me);
        }

        private static ConversationView of(Conversation conversation, Optional<Pair> pair, Optional<Bubble> bubble,
                                           String region, long readSeq, UUID me) {
            return new ConversationView(conversation.id(), Codes.of(conversation.kind()),
                    pair.map(two -> two.peerOf(me)).orElse(null), bubble.map(Bubble::id).orElse(null),
                    bubble.map(Bubble::name).orElse(null), region, conversation.lastSeq(), readSeq, conversation.lastAt());
        }
    }

    /** A page of conversations, newest activity first; {@code after} asks for the next page, none after the last. */
    public record ConversationPage(List<ConversationView> conversations, String after) {
        static ConversationPage of(ConversationList.Page page, UUID me) {
            return new ConversationPage(page.conversations().stream().map(listed -> ConversationView.of(listed, me)).toList(),
                    page.next().orElse(null));
        }
    }

    /** A message; a deleted one keeps its place, without a body. */
    public record MessageView(UUID id, UUID conversationId, long seq, UUID senderId, String clientId, OffsetDateTime sentAt,
                              String body, boolean deleted) {
        static MessageView of(Posted posted) {
            return new MessageView(posted.id(), posted.conversationId(), posted.seq(), posted.sender(), posted.clientId(),
                    posted.sentAt(), posted.body().orElse(null), posted.deleted());
        }
    }

    /** A file shared in a conversation, scanned clean; {@code mediaType} is what its uploader said it is. */
    public record FileView(UUID id, UUID conversationId, UUID uploaderId, String name, String mediaType, long size,
                           OffsetDateTime createdAt, OffsetDateTime scannedAt) {
        static FileView of(FileStore.Shared file) {
            return new FileView(file.id(), file.conversationId(), file.uploader(), file.name(), file.mediaType(), file.size(),
                    file.createdAt(), file.scannedAt());
        }
    }

    /** A page of messages, newest first; {@code before} asks for the next (older) page, none after the first message. */
    public record MessagePage(List<MessageView> messages, Long before) {
        static MessagePage of(History history) {
            return new MessagePage(history.messages().stream().map(MessageView::of).toList(), history.before().orElse(null));
        }
    }
}
