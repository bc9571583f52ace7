package org.iris.company.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.company.entity.Company;
import org.iris.company.entity.CompanyRoute;
import org.iris.residency.control.EntityManagers;
import org.iris.platform.entity.Region;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The global routing entries of companies, always derived from the companies' own records. */
@ApplicationScoped
public class CompanyRoutes {

    @Inject
    EntityManagers managers;

    public Optional<CompanyRoute> find(UUID companyId) {
        return Optional.ofNullable(managers.global().find(CompanyRoute.class, companyId));
    }

    /** Makes the company's entry say what its record says; runs in the caller's transaction on {@code global}. */
    public void record(Company company) {
        find(company.id()).ifPresentOrElse(
                route -> route.follow(company),
                () -> managers.global().persist(CompanyRoute.of(company)));
    }

    /** The company's email domains, in order. */
    public List<String> domains(UUID companyId) {
        return managers.global()
                .createQuery("SELECT d.domain FROM CompanyDomain d WHERE d.companyId = :id ORDER BY d.domain", String.class)
                .setParameter("id", companyId)
                .getResultList();
    }

    /**
     * Removes everything {@code global} keeps of a deleted company: domains, organization membership,
     * visibility pairs and the route; runs in the caller's transaction on {@code global}.
     */
    public void forget(UUID companyId) {
        var global = managers.global();
        global.createQuery("DELETE FROM CompanyDomain d WHERE d.companyId = :id").setParameter("id", companyId).executeUpdate();
        global.createQuery("DELETE FROM OrganizationMember m WHERE m.companyId = :id").setParameter("id", companyId).executeUpdate();
        global.createQuery("DELETE FROM VisibilityPair p WHERE p.companyId = :id OR p.otherId = :id")
                .setParameter("id", companyId).executeUpdate();
        find(companyId).ifPresent(global::remove);
    }

    /**
     * Brings the entries of one region in line with that region's companies; runs in the caller's
     * transaction on {@code global}.
     *
     * @param companies every company of the region that is settled (no creation still under way)
     * @return how many entries were missing or wrong
     */
    public int reconcile(Region region, Collection<Company> companies) {
        Map<UUID, CompanyRoute> routed = managers.global()
                .createQuery("SELECT r FROM CompanyRoute r WHERE r.region = :region", CompanyRoute.class)
                .setParameter("region", region)
                .getResultStream()
                .collect(Collectors.toMap(CompanyRoute::companyId, Function.identity()));
        int repaired = 0;
        for (Company company : companies) {
            CompanyRoute route = routed.get(company.id());
            if (route == null || !route.agreesWith(company)) {
                record(company);
                repaired++;
            }
        }
        return repaired;
    }
}
