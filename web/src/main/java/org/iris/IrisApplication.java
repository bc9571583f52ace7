package org.iris;

import jakarta.annotation.security.DeclareRoles;
import org.iris.platform.entity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API. Callers authenticate with a signed JWT (MicroProfile JWT); its {@code groups}
 * claim carries the roles. {@code @ApplicationScoped} because Payara only reads
 * {@code @LoginConfig} from a CDI bean. Its contract is {@code META-INF/openapi.yaml}, served at
 * {@code /openapi}.
 */
@ApplicationPath("api/v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
public class IrisApplication extends Application {
}
