package org.iris.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes passwords at the configured cost ({@code iris.password.iterations}) and verifies them
 * whatever cost they were made at. Verifying for an unknown email costs the same as for a known one.
 */
@ApplicationScoped
public class PasswordHashes {

    @Inject
    @ConfigProperty(name = "iris.password.iterations")
    int iterations;

    /** A hash of nothing anyone can type, made at the current cost: what an unknown email is checked against. */
    private String dummy;

    @PostConstruct
    void prepare() {
        dummy = Pbkdf2.hash(java.util.UUID.randomUUID().toString(), iterations);
    }

    public String hash(String password) {
        return Pbkdf2.hash(password, iterations);
    }

    /** @param stored {@code null} for an account that cannot log in: the dummy is checked instead */
    public boolean verify(String password, String stored) {
        if (stored == null || Pbkdf2.parse(stored).isEmpty()) {
            Pbkdf2.verify(password == null ? "" : password, dummy);
            return false;
        }
        return Pbkdf2.verify(password == null ? "" : password, stored);
    }

    /** Whether a hash was made at a lower cost than today's, to be replaced at the next successful login. */
    public boolean outdated(String stored) {
        return Pbkdf2.parse(stored).map(hash -> hash.iterations() < iterations).orElse(false);
    }
}
