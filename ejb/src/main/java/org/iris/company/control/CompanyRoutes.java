package org.iris.company.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.company.entity.Company;
import org.iris.company.entity.CompanyRoute;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.entity.Region;

import java.util.Collection;
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
