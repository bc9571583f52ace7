package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iris.platform.control.InvalidRequest;
import org.iris.residency.entity.Region;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A tenant, stored in its own region's database only. */
@Entity
@Table(name = "company")
public class Company {

    /** The built-in Default company, created by migration in EMEA. */
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    public static final int NAME_MAX = 200;

    @Id
    private UUID id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Region region;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility_mode", nullable = false)
    private VisibilityMode visibilityMode;

    @Column(nullable = false)
    private boolean hds;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Company() {
        // for JPA
    }

    /**
     * A new company, public by default (SPEC §3). The HDS flag decides the region: a healthcare
     * company lives in the HDS boundary whatever region is asked for, and only such a company does.
     *
     * @param region the asked-for region; {@code null} means the default region
     */
    public static Company create(String name, Region region, boolean hds, Clock clock) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
            throw new InvalidRequest("A company name has 1 to " + NAME_MAX + " characters.");
        }
        if (!hds && region == Region.HDS) {
            throw new InvalidRequest("Only a company created with the HDS flag lives in the HDS region.");
        }
        Company company = new Company();
        company.id = UUID.randomUUID();
        company.name = trimmed;
        company.hds = hds;
        company.region = hds ? Region.HDS : (region == null ? Region.DEFAULT : region);
        company.visibilityMode = VisibilityMode.PUBLIC;
        company.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return company;
    }

    public boolean isDefault() {
        return DEFAULT_ID.equals(id);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Region region() {
        return region;
    }

    public VisibilityMode visibilityMode() {
        return visibilityMode;
    }

    public boolean hds() {
        return hds;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
