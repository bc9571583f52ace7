package org.iris.bubble.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TurnCredentialsTest {

    private static final UUID PARTICIPANT = UUID.fromString("8a4e1a2c-0000-4000-8000-000000000001");

    private static TurnCredentials turn(String urls, String secret) {
        TurnCredentials turn = new TurnCredentials();
        turn.urls = Optional.ofNullable(urls);
        turn.secret = Optional.ofNullable(secret);
        turn.ttlSeconds = 600;
        return turn;
    }

    /** The vector computed apart: printf '%s' "$username" | openssl dgst -sha1 -hmac north-wind -binary | base64 */
    @Test
    void thePasswordIsTheBase64OfTheHmacSha1OfTheUsername() {
        assertEquals("L7Zc0EqVmo4SldvRZe5IsmIsNxE=", TurnCredentials.password("north-wind", "1700000000:" + PARTICIPANT));
    }

    @Test
    void theUsernameSaysWhenTheCredentialEndsAndWhose() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L - 600);
        var servers = turn("turn:127.0.0.1:3478?transport=udp, turn:127.0.0.1:3478?transport=tcp", "north-wind")
                .issue(PARTICIPANT, now);
        assertEquals(1, servers.size());
        assertEquals(List.of("turn:127.0.0.1:3478?transport=udp", "turn:127.0.0.1:3478?transport=tcp"), servers.get(0).urls());
        assertEquals("1700000000:" + PARTICIPANT, servers.get(0).username());
        assertEquals("L7Zc0EqVmo4SldvRZe5IsmIsNxE=", servers.get(0).credential());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), servers.get(0).expiresAt());
    }

    @Test
    void withoutATurnServerOrItsSecretThereAreNone() {
        assertTrue(turn(null, "north-wind").issue(PARTICIPANT, Instant.now()).isEmpty());
        assertTrue(turn("turn:127.0.0.1:3478", null).issue(PARTICIPANT, Instant.now()).isEmpty());
        assertTrue(turn("turn:127.0.0.1:3478", " ").issue(PARTICIPANT, Instant.now()).isEmpty());
    }
}
