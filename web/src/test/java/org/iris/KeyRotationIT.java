package org.iris;

import static org.iris.it.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.iris.it.Api;
import org.iris.it.Databases;
import org.iris.it.OwnNode;
import org.iris.it.Tenants.Person;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.Test;

/**
 * Rotating a region's key-encryption key (README, iris.messaging.keys.file): a node started with the
 * file plus a newer EMEA key reads what the older key's data keys sealed, wraps a new data key of the
 * conversation with the new key for what comes next, and rewrites nothing that was stored.
 */
class KeyRotationIT extends WithPeople {

    @Test
    void aNewKeyEncryptionKeyWrapsNewDataKeysAndTheOldOnesStillOpen() throws Exception {
        String crew = tenants.company("Rotating", "EMEA", null);
        Person anna = tenants.person(crew, "EMEA", "Anna", "Before");
        Person ben = tenants.person(crew, "EMEA", "Ben", "After");
        String c = Api.json(expect(api.postJson(api.api("conversations"), "{\"userId\": \"" + ben.id() + "\"}", anna.token()), 200))
                .getString("id");
        expect(api.postJson(api.api("conversations/" + c + "/messages"), "{\"body\": \"sealed before the rotation\"}",
                anna.token()), 201);
        List<String> before = Databases.column("emea", "SELECT encode(body, 'hex') FROM message WHERE conversation_id = CAST(? AS UUID)", c);
        assertEquals(List.of("1:1"), Databases.column("emea",
                "SELECT version || ':' || kek_version FROM conversation_key WHERE conversation_id = CAST(? AS UUID)", c));

        byte[] newer = new byte[32];
        new SecureRandom().nextBytes(newer);
        Path rotated = Path.of("target/rotated-message-keys.properties").toAbsolutePath();
        Files.writeString(rotated, Files.readString(Path.of(System.getProperty("it.message-keys",
                "target/test-classes/it-message-keys.properties"))) + "EMEA.2=" + Base64.getEncoder().encodeToString(newer) + "\n");
        try (OwnNode node = OwnNode.start("rotation-it", settings -> {
            settings.setProperty("iris.messaging.keys.file", rotated.toString());
            return settings;
        })) {
            Api b = node.api();
            assertEquals("sealed before the rotation", Api.json(expect(b.get(b.api("conversations/" + c + "/messages"), ben.token()), 200))
                    .getJsonArray("messages").getJsonObject(0).getString("body"));
            expect(b.postJson(b.api("conversations/" + c + "/messages"), "{\"body\": \"sealed after\"}", ben.token()), 201);
            assertEquals(List.of("1:1", "2:2"), Databases.column("emea", "SELECT version || ':' || kek_version FROM conversation_key "
                    + "WHERE conversation_id = CAST(? AS UUID) ORDER BY version", c));
            assertEquals(List.of("1", "2"), Databases.column("emea", "SELECT CAST(key_version AS VARCHAR) FROM message "
                    + "WHERE conversation_id = CAST(? AS UUID) ORDER BY seq", c));
            assertEquals(before, Databases.column("emea", "SELECT encode(body, 'hex') FROM message "
                    + "WHERE conversation_id = CAST(? AS UUID) AND seq = 1", c), "nothing rewritten");
            List<String> bodies = Api.json(expect(b.get(b.api("conversations/" + c + "/messages"), anna.token()), 200))
                    .getJsonArray("messages").stream().map(m -> m.asJsonObject().getString("body")).toList();
            assertEquals(List.of("sealed after", "sealed before the rotation"), bodies);
        }
    }
}
