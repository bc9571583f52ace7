package org.iris.company.boundary;

import org.iris.company.entity.Company;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** A company as the API shows it. */
public record CompanyView(UUID id, String name, String description, String region, String visibility, boolean hds,
                          boolean defaultCompany, boolean businessPartner, UUID managedBy,
                          boolean fileSharingForbidden, boolean nameEditForbidden, OffsetDateTime createdAt) {

    static CompanyView of(Company company) {
        return new CompanyView(company.id(), company.name(), company.description().orElse(null),
                company.region().name(), company.visibilityMode().name().toLowerCase(Locale.ROOT), company.hds(),
                company.isDefault(), company.businessPartner(), company.managedBy().orElse(null),
                company.fileSharingForbidden(), company.nameEditForbidden(), company.createdAt());
    }
}
