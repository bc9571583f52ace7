package org.iris.company.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Global: a company's place in an organization (at most one). */
@Entity
@Table(name = "organization_member")
public class OrganizationMember {

    @Id
    @Column(name = "company_id")
    private UUID companyId;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    protected OrganizationMember() {
        // for JPA
    }

    public static OrganizationMember of(UUID companyId, UUID organizationId) {
        OrganizationMember member = new OrganizationMember();
        member.companyId = companyId;
        member.organizationId = organizationId;
        return member;
    }

    public UUID companyId() {
        return companyId;
    }

    public UUID organizationId() {
        return organizationId;
    }
}
