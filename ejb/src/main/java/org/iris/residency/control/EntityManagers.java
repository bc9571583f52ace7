package org.iris.residency.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.entity.Region;

/**
 * The entity manager of each data boundary. The regional units share one set of entity classes;
 * which database a row goes to is decided here, by region, and nowhere else.
 */
@ApplicationScoped
public class EntityManagers {

    @PersistenceContext(unitName = "global")
    EntityManager global;
    @PersistenceContext(unitName = "emea")
    EntityManager emea;
    @PersistenceContext(unitName = "de")
    EntityManager de;
    @PersistenceContext(unitName = "na")
    EntityManager na;
    @PersistenceContext(unitName = "cala")
    EntityManager cala;
    @PersistenceContext(unitName = "apac")
    EntityManager apac;
    @PersistenceContext(unitName = "anz")
    EntityManager anz;
    @PersistenceContext(unitName = "cn")
    EntityManager cn;
    @PersistenceContext(unitName = "hds")
    EntityManager hds;

    @Inject
    Boundaries boundaries;

    public EntityManager global() {
        return global;
    }

    /** @throws InvalidRequest when this deployment does not serve the region */
    public EntityManager of(Region region) {
        if (!boundaries.serves(region)) {
            throw new InvalidRequest("Region " + region + " is not served by this deployment.");
        }
        return switch (region) {
            case EMEA -> emea;
            case DE -> de;
            case NA -> na;
            case CALA -> cala;
            case APAC -> apac;
            case ANZ -> anz;
            case CN -> cn;
            case HDS -> hds;
        };
    }
}
