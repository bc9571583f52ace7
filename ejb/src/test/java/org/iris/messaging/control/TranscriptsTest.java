package org.iris.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.iris.mail.control.Outbox;
import org.iris.platform.entity.Region;
import org.junit.jupiter.api.Test;

class TranscriptsTest {

    /** What waits in the outbox row (its mail_values column) until the mail goes: ids and a number. */
    @Test
    void theOutboxHoldsWhichConversationNotItsText() {
        UUID conversation = UUID.randomUUID();
        UUID reader = UUID.randomUUID();
        Map<String, Object> values = Transcripts.values(conversation, Region.DE, reader, 42);
        assertEquals(Set.of("conversation", "region", "reader", "upTo"), values.keySet());
        assertEquals(Map.of("conversation", conversation.toString(), "region", "DE", "reader", reader.toString(), "upTo", "42"),
                Outbox.read(Outbox.write(values)).entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))));
    }
}
