package org.iris.identity.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.security.enterprise.CallerPrincipal;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.Serial;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A verified access token as the caller's principal, in MicroProfile JWT's programming model: its
 * name is {@code upn}, else {@code preferred_username}, else {@code sub}; {@code groups} are the
 * caller's roles; standard claims come back as MicroProfile JWT types them ({@code String},
 * {@code Long} seconds for times, {@code Set<String>} for {@code aud} and {@code groups}), other claims
 * as JSON-P values, converted when asked for.
 */
public final class AccessToken extends CallerPrincipal implements JsonWebToken {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The caller of a request that carried no token: no claims. */
    public static final AccessToken NONE = new AccessToken("", Map.of(), null);

    /** Looked up once: {@code Json.create...} would ask the class loaders for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Neither the claims nor the token itself leave the node: after serialization, no claims. */
    private final transient Map<String, Object> claims;
    private final transient String raw;

    AccessToken(String name, Map<String, Object> claims, String raw) {
        super(name);
        Map<String, Object> present = new HashMap<>();
        claims.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value);
            }
        });
        this.claims = Map.copyOf(present);
        this.raw = raw;
    }

    static AccessToken of(Map<String, Object> claims, String raw) {
        Object name = first(claims, Claims.upn.name(), Claims.preferred_username.name(), Claims.sub.name());
        return new AccessToken(name == null ? "" : name.toString(), claims, raw);
    }

    @Override
    public Set<String> getClaimNames() {
        if (claims == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>(claims.keySet());
        if (raw != null) {
            names.add(Claims.raw_token.name());
        }
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return (T) raw;
        }
        Object value = claims == null ? null : claims.get(name);
        if (value == null) {
            return null;
        }
        return (T) switch (name) {
            case "iss", "sub", "jti", "upn", "preferred_username" -> value.toString();
            case "exp", "iat", "nbf", "auth_time" -> seconds(value);
            case "aud", "groups" -> strings(value);
            default -> json(value);
        };
    }

    private static Object first(Map<String, Object> claims, String... names) {
        for (String name : names) {
            if (claims.get(name) != null) {
                return claims.get(name);
            }
        }
        return null;
    }

    private static Long seconds(Object value) {
        if (value instanceof Date date) {
            return date.getTime() / 1000;
        }
        return ((Number) value).longValue();
    }

    private static Set<String> strings(Object value) {
        if (value instanceof Collection<?> many) {
            Set<String> strings = new LinkedHashSet<>();
            many.forEach(one -> strings.add(String.valueOf(one)));
            return Set.copyOf(strings);
        }
        return Set.of(value.toString());
    }

    private static JsonValue json(Object value) {
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String string) {
            return JSON.createValue(string);
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return JSON.createValue(big);
        }
        if (value instanceof Number number) {
            return JSON.createValue(new BigDecimal(number.toString()));
        }
        if (value instanceof Date date) {
            return JSON.createValue(date.getTime() / 1000);
        }
        if (value instanceof Collection<?> many) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            many.forEach(one -> array.add(one == null ? JsonValue.NULL : json(one)));
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((key, one) -> object.add(String.valueOf(key), one == null ? JsonValue.NULL : json(one)));
            return object.build();
        }
        return JSON.createValue(value.toString());
    }
}
