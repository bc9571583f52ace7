package org.iris.platform.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/**
 * A request whose {@code Accept} names problem documents and not JSON is taken to accept JSON too.
 * That is what clients generated from the OpenAPI document send to an operation that answers
 * {@code 202} or {@code 204} without a body: the only media type it declares is that of its
 * problems. Without this, JAX-RS would refuse them with 406 before the operation ran.
 */
@Provider
@PreMatching
public class ProblemsAccepted implements ContainerRequestFilter {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @Override
    public void filter(ContainerRequestContext request) {
        List<MediaType> accepted = request.getAcceptableMediaTypes();
        boolean problems = accepted.stream().anyMatch(type -> type.isCompatible(PROBLEM) && !type.isWildcardSubtype());
        boolean json = accepted.stream().anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE));
        if (problems && !json) {
            String accept = request.getHeaderString(HttpHeaders.ACCEPT);
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON + ";q=0.5");
        }
    }
}
