package org.iris;

import jakarta.annotation.security.DeclareRoles;
import org.iris.platform.entity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API. Callers authenticate with a signed JWT (MicroProfile JWT); its {@code groups}
 * claim carries the roles. {@code @ApplicationScoped} because Payara only reads
 * {@code @LoginConfig} from a CDI bean.
 */
@ApplicationPath("api/v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@OpenAPIDefinition(info = @Info(title = "Iris", version = "v1",
        description = "Identity, visibility and collaboration control of an enterprise UCaaS cloud."))
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class IrisApplication extends Application {
}
