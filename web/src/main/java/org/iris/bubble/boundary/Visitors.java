package org.iris.bubble.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.iris.bubble.control.Visitor;
import org.iris.platform.boundary.Callers;
import org.iris.platform.control.Unauthenticated;
import org.iris.platform.entity.Region;
import org.iris.platform.entity.GuestRole;

import java.util.UUID;

/** Who calls a bubble's API: the account of the access token, or the guest of a guest token and its one bubble. */
@RequestScoped
public class Visitors {

    @Inject
    JsonWebToken token;

    @Inject
    Callers callers;

    public Visitor current() {
        if (token.getGroups() == null || !token.getGroups().contains(GuestRole.NAME)) {
            return Visitor.of(callers.current());
        }
        try {
            return Visitor.guest(UUID.fromString(token.getSubject()), UUID.fromString(claim(Guests.BUBBLE_CLAIM)),
                    Region.valueOf(claim(Guests.REGION_CLAIM)));
        } catch (RuntimeException e) {
            throw new Unauthenticated("The token does not name a guest's bubble.");
        }
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }
}
