package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Global: a group of companies whose organization-mode members see each other as one company (SPEC §3). */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    private UUID id;

    @Column(nullable = false, length = Company.NAME_MAX)
    private String name;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Organization() {
        // for JPA
    }

    public static Organization create(String name, Instant now) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > Company.NAME_MAX) {
            throw new InvalidRequest("An organization's name has 1 to " + Company.NAME_MAX + " characters.",
                    List.of(new FieldError("name", "1 to " + Company.NAME_MAX + " characters")));
        }
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = stripped;
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
