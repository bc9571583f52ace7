package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Global: the company that owns an email domain; a self-registering user of that domain joins it. */
@Entity
@Table(name = "company_domain")
public class CompanyDomain {

    @Id
    private String domain;

    @Column(name = "company_id", nullable = false)
    private UUID companyId;

    protected CompanyDomain() {
        // for JPA
    }

    public static CompanyDomain of(String domain, UUID companyId) {
        CompanyDomain owned = new CompanyDomain();
        owned.domain = domain;
        owned.companyId = companyId;
        return owned;
    }

    public String domain() {
        return domain;
    }

    public UUID companyId() {
        return companyId;
    }
}
