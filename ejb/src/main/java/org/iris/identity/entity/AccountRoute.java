package org.iris.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.iris.platform.entity.Region;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Global: which region holds the account of an email, known only by its keyed hash. */
@Entity
@Table(name = "account_route")
public class AccountRoute {

    @Id
    @Column(name = "email_hash")
    private String emailHash;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Region region;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected AccountRoute() {
        // for JPA
    }

    public static AccountRoute of(Account account) {
        AccountRoute route = new AccountRoute();
        route.emailHash = account.emailHash();
        route.accountId = account.id();
        route.region = account.region();
        route.createdAt = account.createdAt();
        return route;
    }

    public String emailHash() {
        return emailHash;
    }

    public UUID accountId() {
        return accountId;
    }

    public Region region() {
        return region;
    }
}
