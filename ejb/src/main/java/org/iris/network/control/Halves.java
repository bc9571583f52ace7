package org.iris.network.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.platform.entity.Region;

import java.util.function.Consumer;

/**
 * Writes the two users' halves of a contact or an invitation, each in its user's region: in one
 * transaction when both live in one region, else one transaction per region, the first named first
 * (NetworkRepair settles what a crash between the two leaves apart).
 */
@ApplicationScoped
public class Halves {

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    public void both(Region first, Consumer<EntityManager> firstWork, Region second, Consumer<EntityManager> secondWork) {
        if (first == second) {
            one(first, region -> {
                firstWork.accept(region);
                secondWork.accept(region);
            });
        } else {
            one(first, firstWork);
            one(second, secondWork);
        }
    }

    /** One half alone, in its own transaction in its region. */
    public void one(Region region, Consumer<EntityManager> work) {
        transactions.run(() -> {
            work.accept(managers.of(region));
        });
    }
}
