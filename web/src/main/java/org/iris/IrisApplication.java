package org.iris;

import jakarta.annotation.security.DeclareRoles;
import org.iris.platform.entity.GuestRole;
import org.iris.platform.entity.Roles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API. Callers authenticate with a signed JWT access token (see
 * {@code identity.boundary.BearerAuthentication}), as MicroProfile JWT's {@code JsonWebToken}; its
 * {@code groups} claim carries the roles. Its contract is {@code META-INF/openapi.yaml}, served at
 * {@code /openapi}.
 */
@ApplicationPath("api/v1")
@DeclareRoles({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN, GuestRole.NAME})
public class IrisApplication extends Application {
}
