package org.iris.identity.boundary;

import org.iris.identity.boundary.Sessions.Tokens;

import java.time.Duration;
import java.time.Instant;

/** What a login or a refresh answers, in the shape OAuth 2 clients know (RFC 6749 §5.1), in camel case. */
public record TokenView(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {

    static TokenView of(Tokens tokens, Instant now) {
        return new TokenView(tokens.access().token(), "Bearer",
                Duration.between(now, tokens.access().expiresAt()).toSeconds(),
                tokens.refreshToken(), Duration.between(now, tokens.refreshExpiresAt()).toSeconds());
    }
}
