package org.iris.messaging.entity;

import java.util.List;
import java.util.UUID;

import org.iris.platform.control.InvalidRequest;

/**
 * A client's id for its message, which makes a resend harmless: 1 to {@value #MAX} visible ASCII
 * characters; a new one when the client gives none.
 */
public record ClientId(String value) {

    public static final int MAX = 64;

    /** @throws InvalidRequest for one that is empty, too long or not visible ASCII */
    public static ClientId of(String clientId) {
        if (clientId == null) {
            return new ClientId(UUID.randomUUID().toString());
        }
        if (clientId.isEmpty() || clientId.length() > MAX || !clientId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequest("A client id is 1 to " + MAX + " visible ASCII characters.",
                    List.of(new InvalidRequest.FieldError("clientId", "1 to " + MAX + " visible ASCII characters")));
        }
        return new ClientId(clientId);
    }
}
