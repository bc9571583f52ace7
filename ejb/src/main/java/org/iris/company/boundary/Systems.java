package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.iris.company.control.CompanyAccess;
import org.iris.company.control.CompanyRights.Action;
import org.iris.company.control.Licences;
import org.iris.company.entity.Company;
import org.iris.company.entity.Feature;
import org.iris.company.entity.PbxExtension;
import org.iris.company.entity.PbxSystem;
import org.iris.identity.control.AccountRoutes;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A company's PBX systems and the links of its members to their extensions (SPEC §1): adding a
 * system is "add equipment", everything after it is "manage systems". Everything here lives in the
 * company's region; each write is one transaction there, after the access check has read
 * {@code global} (one boundary per transaction).
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Systems {

    @Inject
    CompanyAccess access;

    @Inject
    EntityManagers managers;

    @Inject
    AccountRoutes accounts;

    @Inject
    Licences licences;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    public PbxSystem add(Caller caller, UUID companyId, String name) {
        Company company = access.require(caller, companyId, Action.ADD_EQUIPMENT);
        PbxSystem system = PbxSystem.create(companyId, name, clock.instant());
        EntityManager region = managers.of(company.region());
        return transactions.commit(() -> {
            region.persist(system);
            return system;
        });
    }

    public List<PbxSystem> list(Caller caller, UUID companyId) {
        Company company = access.require(caller, companyId, Action.ADD_EQUIPMENT, Action.MANAGE_SYSTEMS);
        return managers.of(company.region())
                .createQuery("SELECT s FROM PbxSystem s WHERE s.companyId = :id ORDER BY s.name, s.id", PbxSystem.class)
                .setParameter("id", companyId)
                .getResultList();
    }

    public PbxSystem get(Caller caller, UUID companyId, UUID systemId) {
        Company company = access.require(caller, companyId, Action.ADD_EQUIPMENT, Action.MANAGE_SYSTEMS);
        return system(managers.of(company.region()), companyId, systemId);
    }

    public PbxSystem rename(Caller caller, UUID companyId, UUID systemId, String name) {
        Company company = access.require(caller, companyId, Action.MANAGE_SYSTEMS);
        EntityManager region = managers.of(company.region());
        return transactions.commit(() -> {
            PbxSystem system = system(region, companyId, systemId);
            system.rename(name);
            return system;
        });
    }

    /** Removes the system and every link to its extensions. */
    public void remove(Caller caller, UUID companyId, UUID systemId) {
        Company company = access.require(caller, companyId, Action.MANAGE_SYSTEMS);
        EntityManager region = managers.of(company.region());
        transactions.run(() -> {
            PbxSystem system = system(region, companyId, systemId);
            region.createQuery("DELETE FROM PbxExtension e WHERE e.systemId = :id").setParameter("id", systemId).executeUpdate();
            region.remove(system);
        });
    }

    public List<PbxExtension> extensions(Caller caller, UUID companyId, UUID systemId) {
        Company company = access.require(caller, companyId, Action.ADD_EQUIPMENT, Action.MANAGE_SYSTEMS);
        EntityManager region = managers.of(company.region());
        system(region, companyId, systemId);
        return region.createQuery("SELECT e FROM PbxExtension e WHERE e.systemId = :id ORDER BY e.number", PbxExtension.class)
                .setParameter("id", systemId)
                .getResultList();
    }

    /**
     * Links an extension of the system to a member of the company, replacing whoever had it. The
     * member's licence must open telephony, and a member has one extension per system.
     */
    public PbxExtension link(Caller caller, UUID companyId, UUID systemId, String number, UUID memberId) {
        Company company = access.require(caller, companyId, Action.MANAGE_SYSTEMS);
        EntityManager region = managers.of(company.region());
        system(region, companyId, systemId);
        String checked = PbxExtension.checkedNumber(number);
        if (memberId == null || accounts.member(company.region(), companyId, memberId).isEmpty()) {
            throw new InvalidRequest("The user is not a member of this company.",
                    List.of(new FieldError("userId", "not a member of this company")));
        }
        if (!licences.effective(region, memberId).opens(Feature.TELEPHONY)) {
            throw new Conflict("The member's licence does not include telephony.");
        }
        return transactions.commit(() -> linkIn(region, systemId, checked, memberId));
    }

    private static PbxExtension linkIn(EntityManager region, UUID systemId, String checked, UUID memberId) {
        boolean hasAnother = region.createQuery("SELECT count(e) FROM PbxExtension e WHERE e.systemId = :system"
                        + " AND e.accountId = :member AND e.number <> :number", Long.class)
                .setParameter("system", systemId).setParameter("member", memberId).setParameter("number", checked)
                .getSingleResult() > 0;
        if (hasAnother) {
            throw new Conflict("The member already has an extension on this system; unlink it first.");
        }
        PbxExtension extension = region.find(PbxExtension.class, new PbxExtension.Key(systemId, checked));
        if (extension == null) {
            extension = PbxExtension.link(systemId, checked, memberId);
            region.persist(extension);
        } else {
            extension.relink(memberId);
        }
        return extension;
    }

    public void unlink(Caller caller, UUID companyId, UUID systemId, String number) {
        Company company = access.require(caller, companyId, Action.MANAGE_SYSTEMS);
        EntityManager region = managers.of(company.region());
        system(region, companyId, systemId);
        transactions.run(() -> {
            PbxExtension extension = region.find(PbxExtension.class, new PbxExtension.Key(systemId, number));
            if (extension == null) {
                throw new NotFound("extension");
            }
            region.remove(extension);
        });
    }

    private static PbxSystem system(EntityManager region, UUID companyId, UUID systemId) {
        PbxSystem system = region.find(PbxSystem.class, systemId);
        if (system == null || !system.companyId().equals(companyId)) {
            throw new NotFound("system");
        }
        return system;
    }
}
