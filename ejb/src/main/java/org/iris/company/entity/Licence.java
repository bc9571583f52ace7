package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.iris.company.control.TermsChanges;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A member's licence: one seat of one of the company's subscriptions. */
@Entity
@EntityListeners(TermsChanges.class)
@Table(name = "licence")
public class Licence {

    @Id
    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "subscription_id", nullable = false)
    private UUID subscriptionId;

    @Column(name = "allocated_at", nullable = false)
    private OffsetDateTime allocatedAt;

    protected Licence() {
        // for JPA
    }

    public static Licence of(UUID accountId, UUID subscriptionId, Instant now) {
        Licence licence = new Licence();
        licence.accountId = accountId;
        licence.subscriptionId = subscriptionId;
        licence.allocatedAt = now.atOffset(ZoneOffset.UTC);
        return licence;
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }
}
