package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iris.platform.boundary.Callers;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A company's email domains: a user who self-registers with one of them joins the company (SPEC §1). */
@Path("companies/{id}/domains")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainsResource {

    /** The body of a change: every domain the company is to have. */
    public static class Domains {
        public List<String> domains;
    }

    @Inject
    Companies companies;

    @Inject
    Callers callers;

    @GET
    public Domains get(@PathParam("id") UUID id) {
        return of(companies.domains(callers.current(), id));
    }

    /** Replaces the company's domains (superadmin only); answers them normalized. */
    @PUT
    public Domains set(@PathParam("id") UUID id, @NotNull Domains wanted) {
        if (wanted.domains == null || wanted.domains.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequest("Give every domain the company is to have, as strings.",
                    List.of(new FieldError("domains", "an array of domain names is required")));
        }
        return of(companies.setDomains(id, wanted.domains));
    }

    private static Domains of(List<String> domains) {
        Domains body = new Domains();
        body.domains = domains;
        return body;
    }
}
