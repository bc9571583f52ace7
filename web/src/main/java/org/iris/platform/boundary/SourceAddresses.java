package org.iris.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from. Behind a reverse proxy or load balancer every request arrives
 * from the proxy: those listed in {@code iris.http.trusted-proxies} are looked through, taking the
 * nearest address of {@code X-Forwarded-For} that is not one of them. The header of anyone else is
 * ignored, since a client can write whatever it likes there.
 */
@ApplicationScoped
public class SourceAddresses {

    /** A comma-separated list; Payara cannot inject an {@code Optional<List<String>>} (it fails at the first request). */
    @Inject
    @ConfigProperty(name = "iris.http.trusted-proxies")
    Optional<String> trustedProxies;

    public String of(HttpServletRequest request) {
        Set<String> trusted = trustedProxies.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    }

    static String of(String peer, String forwardedFor, Set<String> trusted) {
        if (!trusted.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
