package org.iris.residency.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.iris.residency.control.Boundaries;

import java.util.Map;

/**
 * Lists whether each served boundary's database answers. Ready while {@code global} answers: every
 * request routes through it. A region that is away is listed DOWN, but does not make the node unready:
 * a load balancer would then take every node out, and the other regions with them, for what is only
 * one region's outage (whose requests answer 503 meanwhile).
 */
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
        return response.status(states.getOrDefault(Boundaries.GLOBAL, false)).build();
    }
}
