package org.iris.company.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.iris.company.entity.Company;

import java.util.UUID;

/**
 * A request for a new company. A class rather than a record: Payara's OpenAPI generator fails on
 * constraints that a record copies onto its constructor parameters.
 */
public class CompanyCreation {

    @NotBlank
    @Size(max = Company.NAME_MAX)
    public String name;

    /** One of the regions of SPEC §7, any case; EMEA when absent. */
    @Pattern(regexp = "(?i)EMEA|DE|NA|CALA|APAC|ANZ|CN|HDS",
            message = "must be one of EMEA, DE, NA, CALA, APAC, ANZ, CN, HDS")
    public String region;

    /** A healthcare company: it lives in the HDS boundary, for good. Superadmin only. */
    public Boolean hds;

    /** The company is a business partner, which manages end customers. Superadmin only. */
    public Boolean businessPartner;

    /** The business partner that manages this end customer. Superadmin only; a partner's own creations are managed by it. */
    public UUID managedBy;
}
