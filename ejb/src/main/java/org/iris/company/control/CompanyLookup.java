package org.iris.company.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.iris.company.entity.Company;
import org.iris.company.entity.CompanyDomain;
import org.iris.residency.control.EntityManagers;
import org.iris.platform.entity.Region;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Finds a company wherever it lives: through its global route, then in its region. */
@ApplicationScoped
public class CompanyLookup {

    @Inject
    EntityManagers managers;

    @Inject
    CompanyRoutes routes;

    public Optional<Company> find(UUID id) {
        return routes.find(id).flatMap(route -> Optional.ofNullable(managers.of(route.region()).find(Company.class, id)));
    }

    /** The company as the caller's transaction in its region sees it (a company known to be there). */
    public Company in(EntityManager region, UUID id) {
        return Optional.ofNullable(region.find(Company.class, id))
                .orElseThrow(() -> new IllegalStateException("company " + id + " is not in this region"));
    }

    /** The names of those of the companies that live in the region, by id. */
    public Map<UUID, String> names(Region region, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        for (Object[] row : managers.of(region)
                .createQuery("SELECT c.id, c.name FROM Company c WHERE c.id IN :ids", Object[].class)
                .setParameter("ids", Set.copyOf(ids))
                .getResultList()) {
            names.put((UUID) row[0], (String) row[1]);
        }
        return names;
    }

    /** Locks the company's row for the caller's transaction in its region. */
    public Optional<Company> lock(Region region, UUID id) {
        return Optional.ofNullable(managers.of(region).find(Company.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Company defaultCompany() {
        return Optional.ofNullable(managers.of(Region.DEFAULT).find(Company.class, Company.DEFAULT_ID))
                .orElseThrow(() -> new IllegalStateException("The Default company is missing from "
                        + Region.DEFAULT + ": its migration has not run"));
    }

    /** The company that owns the email domain, else the Default company (SPEC §1). */
    public Company forEmailDomain(String domain) {
        return Optional.ofNullable(managers.global().find(CompanyDomain.class, domain.toLowerCase(Locale.ROOT)))
                .flatMap(owner -> find(owner.companyId()))
                .orElseGet(this::defaultCompany);
    }
}
