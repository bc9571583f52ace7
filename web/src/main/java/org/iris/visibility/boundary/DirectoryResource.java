package org.iris.visibility.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.iris.platform.boundary.Callers;
import org.iris.platform.control.Page;

import java.util.List;
import java.util.UUID;

/**
 * The directory (SPEC §3): users whose names or email start with {@code q}, among those the caller may
 * find, and the caller's own network.
 */
@Path("directory/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    /** What a searcher sees of a user found: the email only of a colleague or a contact. */
    public record FoundView(UUID id, String firstName, String lastName, String title, UUID companyId, String companyName,
                            String email, boolean inNetwork) {
        static FoundView of(Visibility.Found found) {
            return new FoundView(found.id(), found.firstName(), found.lastName(), found.title(), found.companyId(),
                    found.companyName(), found.email().orElse(null), found.inNetwork());
        }
    }

    @Inject
    Visibility visibility;

    @Inject
    Callers callers;

    @GET
    public List<FoundView> search(@QueryParam("q") String q,
                                  @QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("20") int limit) {
        return visibility.search(callers.current(), q, Page.of(offset, limit)).stream().map(FoundView::of).toList();
    }
}
