package org.iris.bubble.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iris.bubble.boundary.BubbleViews.BubbleView;
import org.iris.platform.boundary.Callers;


/** A guest invitation accepted by the account of its address, which joins the bubble as a member. */
@Path("bubble-invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BubbleInvitationsResource {

    @Inject
    Guests guests;

    @Inject
    Callers callers;

    /** Body {@code {"token": ...}}, the token of the invitation's link. */
    @POST
    @Path("accept")
    public BubbleView accept(@NotNull JsonValue body) {
        return BubbleView.of(guests.accept(callers.current(), GuestTokensResource.token(body)));
    }
}
