package org.iris.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Emails;
import org.iris.identity.control.PasswordHashes;
import org.iris.identity.control.PasswordPolicy;
import org.iris.identity.control.PinMails;
import org.iris.identity.control.PinRequests;
import org.iris.identity.control.Pins;
import org.iris.identity.control.SessionEnding;
import org.iris.identity.control.LoginBackoff;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.identity.entity.PinChallenge;
import org.iris.mail.control.Outbox;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Password reset by emailed PIN (SPEC §2), also the way out of a forced reset and of a login
 * back-off. The answer to a request never says whether the email has an account.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PasswordResets {

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    AccountRoutes accounts;

    @Inject
    PinRequests pinRequests;

    @Inject
    PasswordHashes hashes;

    @Inject
    SessionEnding sessions;

    @Inject
    LoginBackoff backoff;

    @Inject
    Emails emails;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Asks for a reset PIN. The answer, and the work done before it, are the same whatever exists: the
     * mail is decided when it is sent ({@link PinMails}), and only an active account gets one.
     */
    public void request(String rawEmail, String sourceAddress) {
        EmailAddress email = EmailAddress.of(rawEmail, "email");
        Instant now = clock.instant();
        String emailHash = emails.hash(email);
        var taken = pinRequests.admit(emailHash, PinChallenge.Purpose.PASSWORD_RESET, sourceAddress, now);
        pinRequests.counted(taken, () -> {
            var region = managers.of(accounts.home(emailHash, email));
            transactions.run(() -> outbox.defer(region, email, PinMails.PASSWORD_RESET, Language.DEFAULT, Map.of(),
                    Registrations.PIN_MAIL_VALIDITY));
        });
    }

    /**
     * Sets the new password, ends every session of the account and clears its login back-off. The PIN
     * is tried first, where the account lives (or would): the new password is hashed only once it is
     * accepted.
     */
    public void confirm(String rawEmail, String pin, String newPassword, String sourceAddress) {
        EmailAddress email = EmailAddress.of(rawEmail, "email");
        String wellFormedPin = Pins.wellFormed(pin);
        // Only what the caller typed counts as personal here: refusing a password for holding the
        // account's names would tell a stranger, before any PIN, that the account exists.
        PasswordPolicy.check(newPassword, "newPassword", List.of(email.value()));
        Instant now = clock.instant();
        String emailHash = emails.hash(email);
        var taken = pinRequests.admitTry(emailHash, PinChallenge.Purpose.PASSWORD_RESET, sourceAddress, now);
        Optional<Account> changed = pinRequests.counted(taken, () -> {
            var region = managers.of(accounts.home(emailHash, email));
            return transactions.commit(() -> {
                PinChallenge.Outcome outcome = pinRequests.attempt(region, emailHash, PinChallenge.Purpose.PASSWORD_RESET,
                        wellFormedPin, now);
                if (outcome != PinChallenge.Outcome.ACCEPTED) {
                    return Optional.<Account>empty();
                }
                Optional<Account> stored = accounts.route(emailHash)
                        .flatMap(route -> accounts.lock(route.region(), route.accountId()))
                        .filter(account -> account.status() == Account.Status.ACTIVE);
                stored.ifPresent(locked -> {
                    locked.changePassword(hashes.hash(newPassword));
                    sessions.endRefreshTokens(region, locked);
                });
                return stored;
            });
        });
        Account reset = changed.orElseThrow(Pins::refused);
        sessions.revokeAccessTokens(reset);
        transactions.run(() -> {
            pinRequests.forgetTries(emailHash, PinChallenge.Purpose.PASSWORD_RESET);
            backoff.clear(emailHash);
        });
    }
}
