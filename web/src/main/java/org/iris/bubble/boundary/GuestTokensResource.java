package org.iris.bubble.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iris.bubble.boundary.BubbleViews.GuestTokenView;
import org.iris.platform.boundary.MergePatch;
import org.iris.platform.boundary.SourceAddresses;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** A guest invitation's link gives a guest token (SPEC §5): the guest's only key, to that bubble only. */
@Path("guest-tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GuestTokensResource {

    private static final Set<String> LINK = Set.of("token");

    @Inject
    Guests guests;

    @Inject
    Clock clock;

    @Inject
    SourceAddresses addresses;

    @Context
    HttpServletRequest http;

    /**
     * Body {@code {"token": ...}}, the token of a guest invitation's link: a guest token for that
     * bubble, as often as asked until the invitation is removed or ends.
     */
    @POST
    @PermitAll
    public Response open(@NotNull JsonValue body) {
        Guests.GuestToken issued = guests.open(token(body), addresses.of(http));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new GuestTokenView(issued.token().token(), "Bearer",
                        Duration.between(clock.instant(), issued.token().expiresAt()).toSeconds(), issued.guestId(),
                        issued.bubbleId(), issued.register()))
                .cacheControl(noStore).header("Pragma", "no-cache").build();
    }

    /** The {@code token} of a body {@code {"token": ...}}. */
    static String token(JsonValue body) {
        MergePatch fields = new MergePatch(body, LINK);
        var token = fields.string("token");
        if (token.isEmpty()) {
            fields.refuse("token", "the token of the invitation's link");
        }
        fields.check("The body names the invitation link's token.");
        return token.orElseThrow();
    }
}
