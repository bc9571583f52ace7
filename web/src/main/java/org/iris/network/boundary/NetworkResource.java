package org.iris.network.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iris.platform.boundary.Callers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The caller's network (SPEC §4): contacts, favorites among them. */
@Path("network")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

    public record ContactView(UUID id, String firstName, String lastName, String title, String email, UUID companyId,
                              boolean favorite, OffsetDateTime since) {
        static ContactView of(Network.Connection member) {
            var account = member.account();
            return new ContactView(account.id(), account.name().first(), account.name().last(), account.title(),
                    account.email(), account.companyId(), member.contact().favorite(), member.contact().since());
        }
    }

    @Inject
    Network network;

    @Inject
    Callers callers;

    @GET
    public List<ContactView> list() {
        return network.list(callers.current()).stream().map(ContactView::of).toList();
    }

    /** Ends the contact for both users. */
    @DELETE
    @Path("{userId}")
    public void revoke(@PathParam("userId") UUID userId) {
        network.revoke(callers.current(), userId);
    }

    @PUT
    @Path("{userId}/favorite")
    public void favor(@PathParam("userId") UUID userId) {
        network.favor(callers.current(), userId, true);
    }

    @DELETE
    @Path("{userId}/favorite")
    public void unfavor(@PathParam("userId") UUID userId) {
        network.favor(callers.current(), userId, false);
    }
}
