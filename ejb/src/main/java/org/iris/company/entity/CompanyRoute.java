package org.iris.company.entity;

import org.iris.platform.entity.VisibilityMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.iris.platform.entity.Region;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The global routing entry of a company: which region holds it, and the little that other
 * boundaries need to decide visibility. Always derived from the regional {@link Company}.
 */
@Entity
@Table(name = "company_route")
public class CompanyRoute {

    @Id
    @Column(name = "company_id")
    private UUID companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Region region;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility_mode", nullable = false)
    private VisibilityMode visibilityMode;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CompanyRoute() {
        // for JPA
    }

    public static CompanyRoute of(Company company) {
        CompanyRoute route = new CompanyRoute();
        route.companyId = company.id();
        route.region = company.region();
        route.visibilityMode = company.visibilityMode();
        route.createdAt = company.createdAt();
        return route;
    }

    /** Whether this entry still says what the company's own record says. */
    public boolean agreesWith(Company company) {
        return companyId.equals(company.id()) && region == company.region()
                && visibilityMode == company.visibilityMode();
    }

    /** Takes over what the company's own record says; the region record is the source of truth. */
    public void follow(Company company) {
        region = company.region();
        visibilityMode = company.visibilityMode();
    }

    public UUID companyId() {
        return companyId;
    }

    public Region region() {
        return region;
    }

    public VisibilityMode visibilityMode() {
        return visibilityMode;
    }
}
