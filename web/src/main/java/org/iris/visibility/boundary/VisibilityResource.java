package org.iris.visibility.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.iris.platform.boundary.Callers;
import org.iris.platform.boundary.Codes;
import org.iris.platform.boundary.Ids;
import org.iris.visibility.control.VisibilityRules;

import java.util.UUID;

/**
 * Why one user can or cannot find, invite or see another (SPEC §3): the answers of the visibility
 * rules and the rule that decided each, for a superadmin or a company admin of one of the two.
 */
@Path("visibility")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VisibilityResource {

    /** One answer and the rule that decided it. */
    public record Answer(Object allowed, String rule) {
    }

    /** The mode one user is seen in by the other, and where it comes from. */
    public record SeenView(String mode, String source) {
        static SeenView of(VisibilityRules.Seen seen) {
            return new SeenView(Codes.of(seen.mode()), Codes.of(seen.source()));
        }
    }

    public record ExplanationView(UUID from, UUID to, Answer find, Answer invite, boolean autoAccepted, Answer presence,
                                  SeenView fromSeenAs, SeenView toSeenAs) {
    }

    @Inject
    Visibility visibility;

    @Inject
    Callers callers;

    @GET
    public ExplanationView explain(@QueryParam("from") String from, @QueryParam("to") String to) {
        UUID fromId = Ids.parse(from, "from");
        UUID toId = Ids.parse(to, "to");
        VisibilityRules.Verdict verdict = visibility.explain(callers.current(), fromId, toId).verdict();
        return new ExplanationView(fromId, toId,
                new Answer(verdict.find(), Codes.of(verdict.findRule())),
                new Answer(Codes.of(verdict.invite()), Codes.of(verdict.inviteRule())),
                verdict.autoAccepted(),
                new Answer(verdict.presence(), Codes.of(verdict.presenceRule())),
                SeenView.of(verdict.searcher()), SeenView.of(verdict.target()));
    }
}
