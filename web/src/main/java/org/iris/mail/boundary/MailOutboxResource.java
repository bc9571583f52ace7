package org.iris.mail.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iris.platform.boundary.Callers;
import org.iris.platform.entity.Roles;

import java.time.OffsetDateTime;
import java.util.List;

/** The mail outboxes for operators: what waits, what was given up and why. Superadmins only. */
@Path("mail-outbox")
@RequestScoped
@RolesAllowed(Roles.SUPERADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class MailOutboxResource {

    public record RegionView(String region, long pending, long failed, OffsetDateTime oldestPending,
                             List<Outboxes.Failure> recentFailures) {
        static RegionView of(Outboxes.Report report) {
            return new RegionView(report.region().name(), report.pending(), report.failed(),
                    report.oldestPending().orElse(null), report.recentFailures());
        }
    }

    @Inject
    Outboxes outboxes;

    @Inject
    Callers callers;

    @GET
    public List<RegionView> report() {
        return outboxes.report(callers.current()).stream().map(RegionView::of).toList();
    }
}
