package org.iris.bubble.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ICE servers handed to a participant admitted to a conference, with TURN credentials in the TURN
 * REST scheme that coturn's {@code use-auth-secret} checks: the username is
 * {@code <expiry in Unix seconds>:<participant id>}, the password the base64 of the HMAC-SHA1 of the
 * username under the secret shared with the TURN server ({@code iris.turn.secret}). They end after
 * {@code iris.turn.ttl-seconds}; a client asks the conference's state again for fresh ones. Without
 * {@code iris.turn.urls} (the embedded run), there are none: clients use direct and STUN candidates.
 */
@ApplicationScoped
public class TurnCredentials {

    /** One entry of WebRTC's {@code iceServers}. */
    public record IceServer(List<String> urls, String username, String credential, Instant expiresAt) {
    }

    @Inject
    @ConfigProperty(name = "iris.turn.urls")
    Optional<String> urls;

    @Inject
    @ConfigProperty(name = "iris.turn.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "iris.turn.ttl-seconds")
    long ttlSeconds;

    public List<IceServer> issue(UUID participant, Instant now) {
        List<String> servers = urls.map(list -> Arrays.stream(list.split(",")).map(String::strip)
                .filter(url -> !url.isEmpty()).toList()).orElse(List.of());
        if (servers.isEmpty() || secret.filter(value -> !value.isBlank()).isEmpty()) {
            return List.of();
        }
        Instant expires = now.plus(Duration.ofSeconds(ttlSeconds));
        String username = expires.getEpochSecond() + ":" + participant;
        return List.of(new IceServer(servers, username, password(secret.get(), username), expires));
    }

    static String password(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is missing from this JDK", e);
        }
    }
}
