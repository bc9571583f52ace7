package org.iris.identity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.identity.control.AccountOpening;
import org.iris.identity.control.Tenancy;
import org.iris.identity.entity.Home;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Emails;
import org.iris.identity.control.Pbkdf2;
import org.iris.identity.control.PinRequests;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.identity.entity.PersonName;
import org.iris.identity.entity.PinChallenge;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.DataFolder;
import org.iris.platform.control.SigningKeys;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Readies identity before the first request: the signing keys (a broken keys file fails the
 * deployment, not the first call), and the bootstrap superadmin of a fresh install.
 *
 * <p>{@code iris.bootstrap.superadmin.email} names the superadmin; it is created once, in the Default
 * company. With {@code iris.bootstrap.superadmin.password-hash} (a PBKDF2 hash in Iris's format) it
 * can log in at once; without, a one-time setup PIN, valid {@value #SETUP_PIN_HOURS} hours, is written
 * at each start into {@code setup-pin.txt} of the data folder (readable by the server's user only;
 * the log says where) until a password is set through the password-reset confirmation.
 *
 * <p>Outside the embedded run, a configured server secret and signing keys are required: the
 * development ones are generated into a folder, and the embedded run is their only use.
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
    Tenancy tenancy;

    @Inject
    AccountOpening opening;

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

    @Inject
    @ConfigProperty(name = "iris.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "iris.jwt.keys.file")
    Optional<String> keysFile;

    @Inject
    Boundaries boundaries;

    @Inject
    DataFolder folder;

    @PostConstruct
    void ready() {
        requireOwnSecrets(boundaries.embedded(), secret, keysFile);
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
        Path setup = folder.resolve("setup-pin.txt");
        if (account.passwordHash() == null) {
            var region = managers.of(account.region());
            String pin = transactions.commit(() -> pinRequests.issue(region, emailHash,
                    PinChallenge.Purpose.PASSWORD_RESET, account.language(), now, Duration.ofHours(SETUP_PIN_HOURS)));
            folder.writePrivately(setup, setupInstructions(email, pin));
            LOG.warning(() -> setupNotice(email, setup));
        } else {
            folder.delete(setup);
        }
    }

    /**
     * Outside the embedded run, refuses to start on the development secret and signing key: they are
     * generated into a folder, and known to whoever reads it.
     */
    static void requireOwnSecrets(boolean embedded, Optional<String> secret, Optional<String> keysFile) {
        if (embedded) {
            return;
        }
        if (secret.filter(value -> !value.isBlank()).isEmpty()) {
            throw new IllegalStateException("iris.secret is not configured: the development secret is for the"
                    + " embedded run only. Configure iris.secret (base64 of at least 32 random bytes, the same on every node).");
        }
        if (keysFile.filter(value -> !value.isBlank()).isEmpty()) {
            throw new IllegalStateException("iris.jwt.keys.file is not configured: the development signing key is"
                    + " for the embedded run only. Configure a JWKS of RSA private keys.");
        }
    }

    /** What the setup file holds: the PIN, which the log never shows. */
    static String setupInstructions(EmailAddress email, String pin) {
        return "The Iris superadmin " + email + " has no password yet. Within " + SETUP_PIN_HOURS + " hours, set one with\n"
                + "  POST /api/v1/password-resets/confirm {\"email\": \"" + email + "\", \"pin\": \"" + pin
                + "\", \"newPassword\": \"...\"}\n"
                + "A new PIN is written here at each start until then; this file goes once the password is set.\n";
    }

    /** What the log says: where to look, and nothing that would let a reader of the log use it. */
    static String setupNotice(EmailAddress email, Path setup) {
        return "\n===== IRIS SETUP =====\nThe superadmin " + email.masked() + " has no password yet: the one-time setup PIN"
                + " and how to use it are in " + setup.toAbsolutePath() + " (readable by this server's user only).\n"
                + "======================";
    }

    private Account create(EmailAddress email, String emailHash, Optional<String> hash, Instant now) {
        Home home = tenancy.standalone();
        Account account = Account.create(home, email, emailHash, new PersonName("Iris", "Superadmin"),
                Language.DEFAULT, hash.orElse(null), now, Roles.SUPERADMIN);
        var region = managers.of(home.region());
        transactions.run(() -> opening.store(region, account));
        opening.route(account);
        LOG.info(() -> "Created the bootstrap superadmin " + email.masked());
        return account;
    }
}
