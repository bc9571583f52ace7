package org.iris.mail.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Roles;
import org.iris.mail.entity.OutboxMail;
import org.iris.mail.entity.OutboxMail.Status;
import org.iris.platform.control.Forbidden;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.platform.entity.Region;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outboxes as an operator watches them: per region, how many mails wait and how many were given
 * up, and the latest given up with why (their recipients masked, their content long gone).
 */
@Stateless
@RolesAllowed(Roles.SUPERADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Outboxes {

    static final int RECENT_FAILURES = 20;

    /** A mail given up. */
    public record Failure(UUID id, String recipient, String kind, int attempts, String error, OffsetDateTime createdAt,
                          OffsetDateTime failedAt) {
    }

    public record Report(Region region, long pending, long failed, Optional<OffsetDateTime> oldestPending,
                         List<Failure> recentFailures) {
    }

    @Inject
    Boundaries boundaries;

    @Inject
    EntityManagers managers;

    public List<Report> report(Caller caller) {
        if (!caller.holds(Roles.SUPERADMIN)) {
            throw new Forbidden("Only a superadmin watches the mail outboxes.");
        }
        return boundaries.served().stream().map(this::report).toList();
    }

    private Report report(Region region) {
        var outbox = managers.of(region);
        long pending = count(region, Status.PENDING);
        long failed = count(region, Status.FAILED);
        Optional<OffsetDateTime> oldest = Optional.ofNullable(outbox.createQuery("SELECT MIN(m.createdAt) FROM OutboxMail m"
                        + " WHERE m.status = :pending", OffsetDateTime.class)
                .setParameter("pending", Status.PENDING)
                .getSingleResult());
        List<Failure> recent = outbox.createQuery("SELECT m FROM OutboxMail m WHERE m.status = :failed"
                        + " ORDER BY m.failedAt DESC", OutboxMail.class)
                .setParameter("failed", Status.FAILED)
                .setMaxResults(RECENT_FAILURES)
                .getResultStream()
                .map(mail -> new Failure(mail.id(),
                        EmailAddress.parse(mail.recipient()).map(EmailAddress::masked).orElse("(not an address)"),
                        mail.deferred().or(mail::template).orElse("(rendered)"), mail.attempts(),
                        EmailAddress.redact(mail.lastError().orElse(null)), mail.createdAt(), mail.failedAt().orElse(null)))
                .toList();
        return new Report(region, pending, failed, oldest, recent);
    }

    private long count(Region region, Status status) {
        return managers.of(region).createQuery("SELECT COUNT(m) FROM OutboxMail m WHERE m.status = :status", Long.class)
                .setParameter("status", status)
                .getSingleResult();
    }
}
