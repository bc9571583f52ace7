package org.iris.company.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyLookup;
import org.iris.company.control.CompanyRoutes;
import org.iris.company.entity.Company;
import org.iris.identity.entity.Roles;
import org.iris.platform.control.NotFound;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.residency.entity.Region;

import java.time.Clock;
import java.util.UUID;

/**
 * Companies across regions. Each method touches {@code global} and one region, so none runs in
 * a transaction of its own: reads need none, and writes commit one boundary at a time through
 * {@link Transactions}, the region first.
 *
 * <p>Who may call what is decided here, by the EJB container, whatever the web tier does.
 */
@Stateless
@DeclareRoles({Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Companies {

    @Inject
    EntityManagers managers;

    @Inject
    CompanyRoutes routes;

    @Inject
    CompanyLookup lookup;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @PermitAll
    public Company defaultCompany() {
        return lookup.defaultCompany();
    }

    /** @throws NotFound when no served region holds that company */
    @RolesAllowed(Roles.SUPERADMIN)
    public Company get(UUID id) {
        return lookup.find(id).orElseThrow(() -> new NotFound("company"));
    }

    /**
     * Creates a company in its region, then routes it in {@code global}. If the second commit
     * never happens, the company is not lost: {@link RouteRepair} routes it later.
     */
    @RolesAllowed(Roles.SUPERADMIN)
    public Company create(String name, Region region, boolean hds) {
        Company company = Company.create(name, region, hds, clock);
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
}
