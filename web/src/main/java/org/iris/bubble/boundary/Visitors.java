package org.iris.bubble.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.iris.bubble.control.Visitor;
import org.iris.platform.boundary.Callers;
import org.iris.platform.control.Unauthenticated;
import org.iris.platform.entity.Region;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.GuestRole;

import java.util.Optional;
import java.util.UUID;

/** Who calls a bubble's API: the account of the access token, or the guest of a guest token and its one bubble. */
@RequestScoped
public class Visitors {

    @Inject
    JsonWebToken token;

    @Inject
    Callers callers;

    public Visitor current() {
        if (!guest(token)) {
            return Visitor.of(callers.current());
        }
        return guestOf(token);
    }

    /**
     * The visitor of a verified token outside a request (a WebSocket's): the guest of a guest token,
     * else the account it names in its region.
     *
     * @throws Unauthenticated when the token says neither
     */
    public static Visitor of(JsonWebToken token) {
        if (guest(token)) {
            return guestOf(token);
        }
        try {
            return new Visitor(UUID.fromString(token.getSubject()), Region.valueOf(claim(token, Caller.REGION_CLAIM)),
                    Optional.empty());
        } catch (RuntimeException e) {
            throw new Unauthenticated("The token does not identify an account.");
        }
    }

    private static boolean guest(JsonWebToken token) {
        return token.getGroups() != null && token.getGroups().contains(GuestRole.NAME);
    }

    private static Visitor guestOf(JsonWebToken token) {
        try {
            return Visitor.guest(UUID.fromString(token.getSubject()), UUID.fromString(claim(token, Guests.BUBBLE_CLAIM)),
                    Region.valueOf(claim(token, Guests.REGION_CLAIM)));
        } catch (RuntimeException e) {
            throw new Unauthenticated("The token does not name a guest's bubble.");
        }
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }
}
