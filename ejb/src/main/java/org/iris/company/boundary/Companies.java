package org.iris.company.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.iris.company.control.CompanyAccess;
import org.iris.company.control.CompanyLookup;
import org.iris.company.control.CompanyRoutes;
import org.iris.company.entity.Company;
import org.iris.company.entity.CompanyChange;
import org.iris.company.entity.CompanyDomain;
import org.iris.company.entity.DomainName;
import org.iris.company.entity.OrganizationMember;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.DatabaseFailures;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.platform.control.Page;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.platform.entity.Region;
import org.iris.identity.control.Memberships;
import org.iris.company.entity.CompanyModeChanged;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Companies across regions: creation (by a superadmin, or by a business partner for the end
 * customers it manages), their information and settings, email domains, and deletion of an empty
 * company. Each method touches {@code global} and one region, so none runs in a transaction of its
 * own: reads need none, and writes commit one boundary at a time through {@link Transactions}, the
 * region first. Who may do what is decided here, with {@link CompanyAccess}, whatever the web tier does.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Companies {

    /** What a new company is made of; {@code managedBy} and {@code businessPartner} only from a superadmin. */
    public record Creation(String name, Region region, boolean hds, boolean businessPartner, UUID managedBy) {
    }

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    @Inject
    CompanyRoutes routes;

    @Inject
    CompanyLookup lookup;

    @Inject
    CompanyAccess access;

    @Inject
    Transactions transactions;

    @Inject
    Memberships memberships;

    @Inject
    Event<CompanyModeChanged> modeChanged;

    @Inject
    Clock clock;

    @PermitAll
    public Company defaultCompany() {
        return lookup.defaultCompany();
    }

    /** @throws NotFound when the company does not exist or is none of the caller's business */
    public Company get(Caller caller, UUID id) {
        return access.read(caller, id);
    }

    /**
     * The companies the caller administers, by name: every company for a superadmin; for others their
     * own company and the end customers their business partner manages, where their roles let them
     * manage them.
     */
    public List<Company> list(Caller caller, Page page) {
        Stream<Company> visible;
        if (caller.holds(Roles.SUPERADMIN)) {
            visible = boundaries.served().stream().flatMap(region -> managers.of(region)
                    .createQuery("SELECT c FROM Company c ORDER BY c.name, c.id", Company.class)
                    .setMaxResults(page.offset() + page.limit())
                    .getResultStream());
        } else {
            String me = caller.companyId().toString();
            Stream<Company> managed = boundaries.served().stream().flatMap(region -> managers.of(region)
                    .createQuery("SELECT c FROM Company c WHERE c.managedBy = :me ORDER BY c.name, c.id", Company.class)
                    .setParameter("me", me)
                    .setMaxResults(page.offset() + page.limit())
                    .getResultStream());
            visible = Stream.concat(lookup.find(caller.companyId()).stream(), managed)
                    .filter(company -> access.mayManage(caller, company));
        }
        return visible.sorted(Comparator.comparing(Company::name).thenComparing(c -> c.id().toString()))
                .skip(page.offset()).limit(page.limit()).toList();
    }

    /**
     * Creates a company in its region, then routes it in {@code global}. If the second commit never
     * happens, the company is not lost: {@link RouteRepair} routes it later.
     *
     * <p>A superadmin creates any company. A member of a business partner whose roles let them manage
     * end customers (SPEC §1: {@code bp_operation}, {@code bp_finance}) creates an end customer that
     * their business partner manages; the HDS flag and the business-partner kind stay the superadmin's.
     */
    public Company create(Caller caller, Creation creation) {
        Company company;
        if (caller.holds(Roles.SUPERADMIN)) {
            if (creation.managedBy() != null) {
                Company partner = lookup.find(creation.managedBy())
                        .filter(Company::businessPartner)
                        .orElseThrow(() -> new InvalidRequest("The managing company is not a business partner.",
                                List.of(new FieldError("managedBy", "not a business partner"))));
                checkSameIsolation(partner.region(), creation.hds() ? Region.HDS : creation.region());
            }
            company = Company.create(creation.name(), creation.region(), creation.hds(), creation.businessPartner(),
                    creation.managedBy(), clock);
        } else {
            if (creation.hds() || creation.businessPartner() || creation.managedBy() != null) {
                throw new Forbidden("Only a superadmin sets the HDS flag, makes a business partner or names a company's manager.");
            }
            Company own = access.partnerCreatingCustomer(caller);
            checkSameIsolation(own.region(), creation.region() == null ? Region.DEFAULT : creation.region());
            company = Company.create(creation.name(), creation.region(), false, false, own.id(), clock);
        }
        var regional = managers.of(company.region());
        transactions.commit(() -> {
            regional.persist(company);
            return company;
        });
        return transactions.commit(() -> {
            routes.record(company);
            return company;
        });
    }

    /** A business partner and its customers stay on one side of the isolated boundaries (CN, HDS). */
    private static void checkSameIsolation(Region partner, Region customer) {
        if (partner.separatedFrom(customer)) {
            throw new InvalidRequest("China and HDS are isolated: a business partner there manages only companies of its own region.",
                    List.of(new FieldError("region", "across an isolated boundary")));
        }
    }

    /**
     * Changes a company's information and settings, region first, then its global route (which
     * repeats the visibility mode). The region and the HDS flag are not among what can change.
     */
    public Company update(Caller caller, UUID id, CompanyChange change) {
        Company target = access.manage(caller, id);
        boolean inOrganization = managers.global().find(OrganizationMember.class, id) != null;
        var regional = managers.of(target.region());
        Company changed = transactions.commit(() -> {
            Company stored = lookup.lock(target.region(), id).orElseThrow(() -> new NotFound("company"));
            change.name().ifPresent(stored::rename);
            change.description().ifPresent(stored::describe);
            change.visibility().ifPresent(mode -> {
                stored.changeVisibility(mode, inOrganization);
                memberships.keepOwnModesWithin(target.region(), id, mode.memberOverrides());
                modeChanged.fire(new CompanyModeChanged(id, target.region(), mode));
            });
            change.fileSharingForbidden().ifPresent(stored::forbidFileSharing);
            change.nameEditForbidden().ifPresent(stored::forbidNameEdit);
            return stored;
        });
        return transactions.commit(() -> {
            routes.record(changed);
            return changed;
        });
    }

    /**
     * Deletes a company that has no members any more (its members' accounts go through the deletion
     * timeline of SPEC §9 first). The Default company is never deleted.
     */
    @RolesAllowed(Roles.SUPERADMIN)
    public void delete(UUID id) {
        Company company = lookup.find(id).orElseThrow(() -> new NotFound("company"));
        if (company.isDefault()) {
            throw new Conflict("The Default company cannot be deleted.");
        }
        var regional = managers.of(company.region());
        transactions.run(() -> {
            long members = memberships.count(company.region(), id);
            long customers = regional.createQuery("SELECT count(c) FROM Company c WHERE c.managedBy = :id", Long.class)
                    .setParameter("id", id.toString()).getSingleResult();
            if (members > 0 || customers > 0) {
                throw new Conflict("The company still has members or end customers.");
            }
            // Without members there are no licences nor extensions; what else the company owns goes with it.
            for (String owned : List.of("CompanyInvitation", "Subscription", "PbxSystem")) {
                regional.createQuery("DELETE FROM " + owned + " e WHERE e.companyId = :id").setParameter("id", id).executeUpdate();
            }
            regional.remove(lookup.lock(company.region(), id).orElseThrow());
        });
        transactions.run(() -> routes.forget(id));
    }

    /** The company's email domains, for whoever may read the company. */
    public List<String> domains(Caller caller, UUID id) {
        access.read(caller, id);
        return routes.domains(id);
    }

    /**
     * Replaces the company's email domains (superadmin only, SPEC §1). Each is normalized; a domain
     * of another company is refused, and nothing changes.
     */
    @RolesAllowed(Roles.SUPERADMIN)
    public List<String> setDomains(UUID id, Collection<String> rawDomains) {
        Company company = lookup.find(id).orElseThrow(() -> new NotFound("company"));
        if (company.isDefault()) {
            throw new InvalidRequest("The Default company takes every email without a company domain; it has none of its own.");
        }
        Set<String> wanted = rawDomains.stream().map(DomainName::of).map(DomainName::value)
                .collect(Collectors.toCollection(TreeSet::new));
        return transactions.commit(() -> {
            var global = managers.global();
            for (String domain : wanted) {
                CompanyDomain owner = global.find(CompanyDomain.class, domain);
                if (owner != null && !owner.companyId().equals(id)) {
                    throw new Conflict("The domain " + domain + " belongs to another company.");
                }
            }
            global.createQuery("DELETE FROM CompanyDomain d WHERE d.companyId = :id AND d.domain NOT IN :kept")
                    .setParameter("id", id)
                    .setParameter("kept", wanted.isEmpty() ? List.of("") : List.copyOf(wanted))
                    .executeUpdate();
            for (String domain : wanted) {
                if (global.find(CompanyDomain.class, domain) == null) {
                    global.persist(CompanyDomain.of(domain, id));
                }
            }
            try {
                global.flush();
            } catch (PersistenceException e) {
                if (DatabaseFailures.unavailable(e)) {
                    throw e;
                }
                // Another company claimed one of the domains at the same moment.
                throw new Conflict("One of the domains was just given to another company.");
            }
            return List.copyOf(wanted);
        });
    }
}
