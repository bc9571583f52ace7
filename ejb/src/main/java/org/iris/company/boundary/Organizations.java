package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyRoutes;
import org.iris.company.entity.CompanyRoute;
import org.iris.company.entity.Organization;
import org.iris.company.entity.OrganizationMember;
import org.iris.platform.entity.VisibilityMode;
import org.iris.company.entity.VisibilityPair;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.Conflict;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.residency.control.EntityManagers;
import org.iris.platform.entity.Region;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What only a superadmin decides about how companies see each other (SPEC §1, §3): organizations and
 * their companies, and "visibility by" pairs. All of it lives in {@code global}, one transaction per
 * call. China and HDS are isolated: a company there shares an organization or a pair only with
 * companies of its own region.
 */
@Stateless
@RolesAllowed(Roles.SUPERADMIN)
public class Organizations {

    /** An organization and the ids of its companies. */
    public record View(Organization organization, List<UUID> companies) {
    }

    @Inject
    EntityManagers managers;

    @Inject
    CompanyRoutes routes;

    @Inject
    Clock clock;

    public Organization create(String name) {
        Organization organization = Organization.create(name, clock.instant());
        managers.global().persist(organization);
        return organization;
    }

    public List<View> list() {
        return managers.global()
                .createQuery("SELECT o FROM Organization o ORDER BY o.name, o.id", Organization.class)
                .getResultStream()
                .map(this::view)
                .toList();
    }

    public View get(UUID id) {
        return view(find(id));
    }

    private Organization find(UUID id) {
        Organization organization = managers.global().find(Organization.class, id);
        if (organization == null) {
            throw new NotFound("organization");
        }
        return organization;
    }

    private View view(Organization organization) {
        return new View(organization, members(organization.id()));
    }

    private List<UUID> members(UUID organizationId) {
        return managers.global()
                .createQuery("SELECT m.companyId FROM OrganizationMember m WHERE m.organizationId = :id ORDER BY m.companyId", UUID.class)
                .setParameter("id", organizationId)
                .getResultList();
    }

    /** Puts a company in the organization; a company is in one organization at most. */
    public View add(UUID organizationId, UUID companyId) {
        Organization organization = find(organizationId);
        CompanyRoute company = route(companyId);
        var global = managers.global();
        OrganizationMember current = global.find(OrganizationMember.class, companyId);
        if (current != null) {
            if (current.organizationId().equals(organizationId)) {
                return view(organization);
            }
            throw new Conflict("The company is in another organization; remove it from there first.");
        }
        for (UUID member : members(organizationId)) {
            checkSameIsolation(company.region(), route(member).region());
        }
        global.persist(OrganizationMember.of(companyId, organizationId));
        return view(organization);
    }

    /** Takes a company out of its organization, once it is no longer in organization mode. */
    public View remove(UUID organizationId, UUID companyId) {
        Organization organization = find(organizationId);
        var global = managers.global();
        OrganizationMember current = global.find(OrganizationMember.class, companyId);
        if (current == null || !current.organizationId().equals(organizationId)) {
            throw new NotFound("company in this organization");
        }
        if (route(companyId).visibilityMode() == VisibilityMode.ORGANIZATION) {
            throw new Conflict("The company is in organization mode: give it another visibility mode first.");
        }
        global.remove(current);
        return view(organization);
    }

    /** The companies whose members see the given company's members whatever their modes. */
    public List<UUID> pairs(UUID companyId) {
        route(companyId);
        return managers.global()
                .createQuery("SELECT p FROM VisibilityPair p WHERE p.companyId = :id OR p.otherId = :id", VisibilityPair.class)
                .setParameter("id", companyId)
                .getResultStream()
                .map(pair -> pair.other(companyId))
                .sorted()
                .toList();
    }

    /** Sets a "visibility by" pair; setting it again changes nothing. */
    public void pair(UUID companyId, UUID otherId) {
        if (Objects.equals(companyId, otherId)) {
            throw new InvalidRequest("A company always sees its own members; a pair names two companies.");
        }
        checkSameIsolation(route(companyId).region(), route(otherId).region());
        VisibilityPair.Key key = VisibilityPair.Key.of(companyId, otherId);
        if (managers.global().find(VisibilityPair.class, key) == null) {
            managers.global().persist(VisibilityPair.of(key, clock.instant()));
        }
    }

    /** Removes a pair; removing one that is not there changes nothing. */
    public void unpair(UUID companyId, UUID otherId) {
        route(companyId);
        route(otherId);
        VisibilityPair pair = managers.global().find(VisibilityPair.class, VisibilityPair.Key.of(companyId, otherId));
        if (pair != null) {
            managers.global().remove(pair);
        }
    }

    private CompanyRoute route(UUID companyId) {
        return routes.find(companyId).orElseThrow(() -> new NotFound("company"));
    }

    private static void checkSameIsolation(Region one, Region other) {
        if (one.separatedFrom(other)) {
            throw new InvalidRequest("China and HDS are isolated boundaries: nobody sees across them.");
        }
    }
}
