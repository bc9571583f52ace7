package org.iris.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonConfigurationTest {

    public static class Flagged {
        public Boolean flag;
    }

    private final Jsonb jsonb = new JsonConfiguration().getContext(Flagged.class);

    @Test
    void onlyJsonLiteralsAreBooleans() {
        assertEquals(Boolean.TRUE, jsonb.fromJson("{\"flag\": true}", Flagged.class).flag);
        assertEquals(Boolean.FALSE, jsonb.fromJson("{\"flag\": false}", Flagged.class).flag);
        assertNull(jsonb.fromJson("{\"flag\": null}", Flagged.class).flag);
        assertNull(jsonb.fromJson("{}", Flagged.class).flag);
        for (String lax : new String[] {"\"maybe\"", "\"true\"", "1", "0"}) {
            assertThrows(JsonbException.class, () -> jsonb.fromJson("{\"flag\": " + lax + "}", Flagged.class), lax);
        }
    }
}
