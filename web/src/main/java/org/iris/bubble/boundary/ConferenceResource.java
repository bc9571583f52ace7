package org.iris.bubble.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.bubble.boundary.BubbleViews.ConferenceView;
import org.iris.bubble.boundary.BubbleViews.LinkView;
import org.iris.platform.boundary.Callers;

import java.util.UUID;

/**
 * A bubble's conference (SPEC §5): its state, the lobby, and the owner's link. Media stays with
 * WebRTC and the TURN server; Iris decides who may enter, and hands those in their TURN credentials.
 */
@Path("bubbles/{id}/conference")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConferenceResource {

    @Inject
    Conferences conferences;

    @Inject
    Callers callers;

    @Inject
    Visitors visitors;

    @Inject
    @ConfigProperty(name = "iris.public-url")
    String publicUrl;

    @Context
    HttpServletResponse response;

    /** The state, with the caller's TURN credentials once in: never kept by a cache. */
    @GET
    public ConferenceView state(@PathParam("id") UUID id) {
        noStore();
        return ConferenceView.of(conferences.state(visitors.current(), id));
    }

    /** The owner or a co-organizer starts the conference and is in it; whoever waits in the lobby comes in. */
    @POST
    @Path("start")
    public ConferenceView start(@PathParam("id") UUID id) {
        noStore();
        return ConferenceView.of(conferences.start(callers.current(), id));
    }

    /** In at once for an organizer, or while one is in; otherwise into the lobby, until one comes. */
    @POST
    @Path("join")
    public ConferenceView join(@PathParam("id") UUID id) {
        noStore();
        return ConferenceView.of(conferences.join(visitors.current(), id));
    }

    @POST
    @Path("leave")
    public ConferenceView leave(@PathParam("id") UUID id) {
        noStore();
        return ConferenceView.of(conferences.leave(visitors.current(), id));
    }

    /** Ends the conference for everyone, the lobby included. */
    @POST
    @Path("end")
    public ConferenceView end(@PathParam("id") UUID id) {
        noStore();
        return ConferenceView.of(conferences.end(callers.current(), id));
    }

    /** The conference link, for the owner only. */
    @GET
    @Path("link")
    public LinkView link(@PathParam("id") UUID id) {
        noStore();
        return view(conferences.link(callers.current(), id));
    }

    /** Replaces the link: the old one leads nowhere from now on. */
    @POST
    @Path("link")
    public LinkView rotate(@PathParam("id") UUID id) {
        noStore();
        return view(conferences.rotateLink(callers.current(), id));
    }

    private void noStore() {
        response.setHeader("Cache-Control", "no-store");
    }

    private LinkView view(String token) {
        return new LinkView(publicUrl.replaceAll("/+$", "") + "/conference/" + token, token);
    }
}
