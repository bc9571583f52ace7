package org.iris.identity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.company.control.CompanyLookup;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Emails;
import org.iris.identity.control.Pbkdf2;
import org.iris.identity.control.PinRequests;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.EmailAddress;
import org.iris.identity.entity.Language;
import org.iris.identity.entity.PersonName;
import org.iris.identity.entity.PinChallenge;
import org.iris.identity.entity.Roles;
import org.iris.platform.control.SigningKeys;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Readies identity before the first request: the signing keys (so that MicroProfile JWT finds their
 * public halves), and the bootstrap superadmin of a fresh install.
 *
 * <p>{@code iris.bootstrap.superadmin.email} names the superadmin; it is created once, in the Default
 * company. With {@code iris.bootstrap.superadmin.password-hash} (a PBKDF2 hash in Iris's format) it
 * can log in at once; without, a one-time setup PIN, valid {@value #SETUP_PIN_HOURS} hours, is printed
 * to the log at each start until a password is set through the password-reset confirmation.
 */
@Singleton
@Startup
@DependsOn("Boundaries")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdentityStartup {

    static final int SETUP_PIN_HOURS = 24;
    private static final Logger LOG = Logger.getLogger(IdentityStartup.class.getName());

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "iris.bootstrap.superadmin.email")
    Optional<String> superadminEmail;

    @Inject
    @ConfigProperty(name = "iris.bootstrap.superadmin.password-hash")
    Optional<String> superadminHash;

    @Inject
    AccountRoutes accounts;

    @Inject
    CompanyLookup companies;

    @Inject
    Emails emails;

    @Inject
    PinRequests pinRequests;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @PostConstruct
    void ready() {
        keys.published();
        superadminEmail.filter(email -> !email.isBlank()).ifPresent(this::bootstrap);
    }

    private void bootstrap(String rawEmail) {
        EmailAddress email = EmailAddress.of(rawEmail, "iris.bootstrap.superadmin.email");
        Optional<String> hash = superadminHash.filter(value -> !value.isBlank());
        if (hash.isPresent() && Pbkdf2.parse(hash.get()).isEmpty()) {
            throw new IllegalStateException("iris.bootstrap.superadmin.password-hash is not a hash in the format"
                    + " $pbkdf2-sha256$i=<iterations>$<salt>$<hash>");
        }
        String emailHash = emails.hash(email);
        Instant now = clock.instant();
        Account account = accounts.find(emailHash).orElseGet(() -> create(email, emailHash, hash, now));
        if (account.passwordHash() == null) {
            var region = managers.of(account.region());
            String pin = transactions.commit(() -> pinRequests.issue(region, emailHash,
                    PinChallenge.Purpose.PASSWORD_RESET, account.language(), now, Duration.ofHours(SETUP_PIN_HOURS)));
            LOG.warning(() -> "\n===== IRIS SETUP =====\nThe superadmin " + email + " has no password yet. Set one within "
                    + SETUP_PIN_HOURS + " hours with POST /api/v1/password-resets/confirm"
                    + " {\"email\": \"" + email + "\", \"pin\": \"" + pin + "\", \"newPassword\": \"...\"}."
                    + "\nA new PIN is printed at each start until then.\n======================");
        }
    }

    private Account create(EmailAddress email, String emailHash, Optional<String> hash, Instant now) {
        var company = companies.defaultCompany();
        Account account = Account.create(company, email, emailHash, new PersonName("Iris", "Superadmin"),
                Language.DEFAULT, hash.orElse(null), now, Roles.SUPERADMIN);
        var region = managers.of(company.region());
        transactions.commit(() -> {
            region.persist(account);
            return null;
        });
        transactions.commit(() -> {
            accounts.record(account);
            return null;
        });
        LOG.info(() -> "Created the bootstrap superadmin " + email);
        return account;
    }
}
