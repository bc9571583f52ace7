package org.iris.company.entity;

import org.iris.platform.entity.VisibilityMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iris.company.control.TermsChanges;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.entity.Region;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A tenant, stored in its own region's database only. */
@Entity
@EntityListeners(TermsChanges.class)
@Table(name = "company")
public class Company {

    /** The built-in Default company, created by migration in EMEA. */
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    public static final int NAME_MAX = BusinessName.MAX;
    public static final int DESCRIPTION_MAX = 1000;

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

    /** Whether this is a business partner (BP), which manages end-customer companies. */
    @Column(name = "business_partner", nullable = false)
    private boolean businessPartner;

    /** The id of the business partner that manages this end customer; text, as it may live in another region. */
    @Column(name = "managed_by")
    private String managedBy;

    @Column(length = DESCRIPTION_MAX)
    private String description;

    @Column(name = "file_sharing_forbidden", nullable = false)
    private boolean fileSharingForbidden;

    @Column(name = "name_edit_forbidden", nullable = false)
    private boolean nameEditForbidden;

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
        return create(name, region, hds, false, null, clock);
    }

    /**
     * A new company that is a business partner, or an end customer that a business partner manages.
     *
     * @param managedBy the managing business partner, {@code null} for none
     */
    public static Company create(String name, Region region, boolean hds, boolean businessPartner, UUID managedBy,
                                 Clock clock) {
        String trimmed = BusinessName.checked(name, "company");
        if (businessPartner && managedBy != null) {
            throw new InvalidRequest("A business partner is not managed by another one.");
        }
        if (!hds && region == Region.HDS) {
            throw new InvalidRequest("Only a company created with the HDS flag lives in the HDS region.");
        }
        Company company = new Company();
        company.id = UUID.randomUUID();
        company.name = trimmed;
        company.hds = hds;
        company.businessPartner = businessPartner;
        company.managedBy = managedBy == null ? null : managedBy.toString();
        company.region = hds ? Region.HDS : (region == null ? Region.DEFAULT : region);
        company.visibilityMode = VisibilityMode.PUBLIC;
        company.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return company;
    }

    public void rename(String newName) {
        name = BusinessName.checked(newName, "company");
    }

    /** @param text {@code null} or blank removes the description */
    public void describe(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > DESCRIPTION_MAX) {
            throw new InvalidRequest("A description has at most " + DESCRIPTION_MAX + " characters.",
                    List.of(new FieldError("description", "at most " + DESCRIPTION_MAX + " characters")));
        }
        description = stripped.isEmpty() ? null : stripped;
    }

    /**
     * Sets the company's visibility mode (SPEC §3). The Default company stays public; the organization
     * mode is only for a company inside an organization.
     */
    public void changeVisibility(VisibilityMode mode, boolean inOrganization) {
        if (isDefault() && mode != VisibilityMode.PUBLIC) {
            throw new InvalidRequest("The Default company is always public.",
                    List.of(new FieldError("visibility", "the Default company is always public")));
        }
        if (mode == VisibilityMode.ORGANIZATION && !inOrganization) {
            throw new InvalidRequest("Only a company inside an organization can be in organization mode.",
                    List.of(new FieldError("visibility", "the company is in no organization")));
        }
        visibilityMode = mode;
    }

    /**
     * Checks a member's own mode against the company's (SPEC §3's derogations).
     *
     * @param mode {@code null} for the company's own mode, which the member then inherits
     * @return the override to store: {@code null} where the member inherits
     */
    public VisibilityMode memberVisibility(VisibilityMode mode) {
        if (mode == null || mode == visibilityMode) {
            return null;
        }
        if (!visibilityMode.memberOverrides().contains(mode)) {
            throw new InvalidRequest("A member of a " + visibilityMode.name().toLowerCase(Locale.ROOT)
                    + " company can only be made " + describe(visibilityMode.memberOverrides()) + ".",
                    List.of(new FieldError("visibility", "not allowed in a "
                            + visibilityMode.name().toLowerCase(Locale.ROOT) + " company")));
        }
        return mode;
    }

    private static String describe(Set<VisibilityMode> modes) {
        return modes.isEmpty() ? "nothing else"
                : modes.stream().map(m -> m.name().toLowerCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(" or "));
    }

    public void forbidFileSharing(boolean forbidden) {
        fileSharingForbidden = forbidden;
    }

    public void forbidNameEdit(boolean forbidden) {
        nameEditForbidden = forbidden;
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

    public boolean businessPartner() {
        return businessPartner;
    }

    public Optional<UUID> managedBy() {
        return Optional.ofNullable(managedBy).map(UUID::fromString);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public boolean fileSharingForbidden() {
        return fileSharingForbidden;
    }

    public boolean nameEditForbidden() {
        return nameEditForbidden;
    }
}
