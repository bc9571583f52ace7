package org.iris.bubble.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iris.bubble.boundary.BubbleViews.BubbleView;


/** A conference link resolves to its bubble for the bubble's participants, and to 404 as for nothing for anyone else. */
@Path("conference-links")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConferenceLinksResource {

    @Inject
    Conferences conferences;

    @Inject
    Visitors visitors;

    @GET
    @Path("{token}")
    public BubbleView resolve(@PathParam("token") String token) {
        return BubbleView.of(conferences.resolve(visitors.current(), token));
    }
}
