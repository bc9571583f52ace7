package org.iris.residency.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceContexts;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.entity.Region;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The entity manager of each data boundary. The regional units share one set of entity classes;
 * which database a row goes to is decided here, by region, and nowhere else.
 *
 * <p>Each region's unit is named after {@link Region#key()}; the references below are the only
 * place besides {@code persistence.xml} and the datasource definitions of {@link Boundaries} that
 * lists the regions, and {@code RegionListsTest} checks that all of them list every {@link Region}.
 */
@ApplicationScoped
@PersistenceContexts({
    @PersistenceContext(name = EntityManagers.PREFIX + "emea", unitName = "emea"),
    @PersistenceContext(name = EntityManagers.PREFIX + "de", unitName = "de"),
    @PersistenceContext(name = EntityManagers.PREFIX + "na", unitName = "na"),
    @PersistenceContext(name = EntityManagers.PREFIX + "cala", unitName = "cala"),
    @PersistenceContext(name = EntityManagers.PREFIX + "apac", unitName = "apac"),
    @PersistenceContext(name = EntityManagers.PREFIX + "anz", unitName = "anz"),
    @PersistenceContext(name = EntityManagers.PREFIX + "cn", unitName = "cn"),
    @PersistenceContext(name = EntityManagers.PREFIX + "hds", unitName = "hds")
})
public class EntityManagers {

    /** Where the regional references are bound: {@code java:app}, so that the WAR and the EAR see the same names. */
    static final String PREFIX = "java:app/env/iris/persistence/";

    @PersistenceContext(unitName = "global")
    EntityManager global;

    @Inject
    Boundaries boundaries;

    private final Map<Region, EntityManager> regional = new EnumMap<>(Region.class);

    @PostConstruct
    void start() {
        for (Region region : boundaries.served()) {
            try {
                regional.put(region, (EntityManager) new InitialContext().lookup(PREFIX + region.key()));
            } catch (NamingException e) {
                throw new IllegalStateException("No persistence unit is referenced for region " + region, e);
            }
        }
    }

    public EntityManager global() {
        return global;
    }

    /** @throws InvalidRequest when this deployment does not serve the region */
    public EntityManager of(Region region) {
        EntityManager manager = regional.get(region);
        if (manager == null) {
            throw new InvalidRequest("Region " + region + " is not served by this deployment.");
        }
        return manager;
    }
}
