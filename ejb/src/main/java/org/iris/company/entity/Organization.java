package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Global: a group of companies whose organization-mode members see each other as one company (SPEC §3). */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    private UUID id;

    @Column(nullable = false, length = BusinessName.MAX)
    private String name;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Organization() {
        // for JPA
    }

    public static Organization create(String name, Instant now) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = BusinessName.checked(name, "organization");
        organization.createdAt = now.atOffset(ZoneOffset.UTC);
        return organization;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
