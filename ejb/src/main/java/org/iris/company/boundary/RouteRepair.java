package org.iris.company.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyRoutes;
import org.iris.company.entity.Company;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RepairDue;
import org.iris.residency.control.Transactions;

import java.util.List;
import java.util.logging.Logger;

/**
 * Derives the global routing entries that a crash between the two commits of a company write left
 * missing or stale, at each {@link RepairDue}; companies are few, and all are checked. (Accounts'
 * routes are identity's: {@code AccountRouteRepair}.)
 */
@ApplicationScoped
public class RouteRepair {

    private static final Logger LOG = Logger.getLogger(RouteRepair.class.getName());

    @Inject
    EntityManagers managers;

    @Inject
    CompanyRoutes routes;

    @Inject
    Transactions transactions;

    void repair(@Observes RepairDue due) {
        due.repair("company routes", LOG, () -> {
            List<Company> companies = managers.of(due.region())
                    .createQuery("SELECT c FROM Company c WHERE c.createdAt < :settled", Company.class)
                    .setParameter("settled", due.settled())
                    .getResultList();
            return transactions.commit(() -> routes.reconcile(due.region(), companies));
        });
    }
}
