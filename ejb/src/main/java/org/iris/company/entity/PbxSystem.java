package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A company's telephone system (PBX), the "equipment" of SPEC §1. */
@Entity
@Table(name = "pbx_system")
public class PbxSystem {

    @Id
    private UUID id;

    @Column(name = "company_id", nullable = false)
    private UUID companyId;

    @Column(nullable = false, length = BusinessName.MAX)
    private String name;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected PbxSystem() {
        // for JPA
    }

    public static PbxSystem create(UUID companyId, String name, Instant now) {
        PbxSystem system = new PbxSystem();
        system.id = UUID.randomUUID();
        system.companyId = companyId;
        system.rename(name);
        system.createdAt = now.atOffset(ZoneOffset.UTC);
        return system;
    }

    public void rename(String newName) {
        name = BusinessName.checked(newName, "system");
    }

    public UUID id() {
        return id;
    }

    public UUID companyId() {
        return companyId;
    }

    public String name() {
        return name;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
