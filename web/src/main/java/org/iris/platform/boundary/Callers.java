package org.iris.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.iris.platform.entity.Caller;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.Unauthenticated;
import org.iris.platform.entity.GuestRole;
import org.iris.platform.entity.Region;

import java.util.Optional;
import java.util.UUID;

/** The verified caller of this request, from the claims of the access token that {@code BearerAuthentication} verified. */
@RequestScoped
public class Callers {

    @Inject
    JsonWebToken token;

    /**
     * @throws Forbidden for a guest's token, which opens its bubble only
     * @throws Unauthenticated when the token does not say who, where and in which company
     */
    public Caller current() {
        if (token.getGroups() != null && token.getGroups().contains(GuestRole.NAME)) {
            throw new Forbidden("A guest's token opens their bubble only.");
        }
        try {
            return new Caller(UUID.fromString(token.getSubject()),
                    UUID.fromString(claim(Caller.COMPANY_CLAIM).orElseThrow()),
                    Region.valueOf(claim(Caller.REGION_CLAIM).orElseThrow()),
                    token.getGroups());
        } catch (RuntimeException e) {
            throw new Unauthenticated("The token does not identify an account.");
        }
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        return Optional.ofNullable(value).map(Object::toString);
    }
}
