package org.iris.identity.boundary;

import org.iris.platform.entity.EmailAddress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityStartupTest {

    @Test
    void outsideTheEmbeddedRunTheDevelopmentSecretAndKeyAreRefused() {
        Optional<String> secret = Optional.of("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0");
        Optional<String> keys = Optional.of("/etc/iris/signing-jwks.json");
        assertThrows(IllegalStateException.class, () -> IdentityStartup.requireOwnSecrets(false, Optional.empty(), keys));
        assertThrows(IllegalStateException.class, () -> IdentityStartup.requireOwnSecrets(false, Optional.of(" "), keys));
        assertThrows(IllegalStateException.class, () -> IdentityStartup.requireOwnSecrets(false, secret, Optional.empty()));
        assertDoesNotThrow(() -> IdentityStartup.requireOwnSecrets(false, secret, keys));
        assertDoesNotThrow(() -> IdentityStartup.requireOwnSecrets(true, Optional.empty(), Optional.empty()));
    }

    @Test
    void theLogSaysWhereTheSetupPinIsButNotThePinNorTheEmail() {
        EmailAddress email = EmailAddress.of("admin.person@example.org", "email");
        Path file = Path.of("/var/lib/iris/setup-pin.txt");
        String notice = IdentityStartup.setupNotice(email, file);
        assertFalse(notice.contains("admin.person"), notice);
        assertTrue(notice.contains(file.toString()), notice);
        assertFalse(notice.matches("(?s).*\\b\\d{6}\\b.*"), notice);
        assertTrue(IdentityStartup.setupInstructions(email, "123456").contains("\"pin\": \"123456\""));
    }
}
