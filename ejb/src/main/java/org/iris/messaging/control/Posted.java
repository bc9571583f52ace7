package org.iris.messaging.control;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A message as its readers see it: its body opened, or none once deleted. */
public record Posted(UUID id, UUID conversationId, long seq, UUID sender, String clientId, OffsetDateTime sentAt,
        Optional<String> body) {

    public boolean deleted() {
        return body.isEmpty();
    }
}
