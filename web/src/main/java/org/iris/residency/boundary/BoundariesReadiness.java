package org.iris.residency.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.iris.residency.control.Boundaries;

import java.util.Map;

/** Ready when the database of every served boundary answers; lists each of them. */
@Readiness
@ApplicationScoped
public class BoundariesReadiness implements HealthCheck {

    @Inject
    Boundaries boundaries;

    @Override
    public HealthCheckResponse call() {
        Map<String, Boolean> states = boundaries.probe();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("databases");
        states.forEach((boundary, up) -> response.withData(boundary, up ? "UP" : "DOWN"));
        return response.status(!states.containsValue(false)).build();
    }
}
