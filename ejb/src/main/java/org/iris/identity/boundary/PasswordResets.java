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
import org.iris.identity.control.PinRequests;
import org.iris.identity.control.Pins;
import org.iris.identity.control.RefreshTokens;
import org.iris.identity.control.Revocations;
import org.iris.identity.control.LoginBackoff;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.EmailAddress;
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
    RefreshTokens refreshTokens;

    @Inject
    Revocations revocations;

    @Inject
    LoginBackoff backoff;

    @Inject
    Emails emails;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void request(String rawEmail) {
        EmailAddress email = EmailAddress.of(rawEmail, "email");
        Instant now = clock.instant();
        String emailHash = emails.hash(email);
        pinRequests.admit(emailHash, PinChallenge.Purpose.PASSWORD_RESET, now);
        accounts.find(emailHash)
                .filter(account -> account.status() == Account.Status.ACTIVE)
                .ifPresent(account -> {
                    var region = managers.of(account.region());
                    transactions.commit(() -> {
                        String pin = pinRequests.issue(region, emailHash, PinChallenge.Purpose.PASSWORD_RESET,
                                account.language(), now);
                        outbox.enqueue(region, email, "password-reset-pin", account.language(), Map.of(
                                "email", email.value(), "firstName", account.name().first(), "pin", pin,
                                "minutes", PinChallenge.VALID_MINUTES));
                        return null;
                    });
                });
    }

    /** Sets the new password, ends every session of the account and clears its login back-off. */
    public void confirm(String rawEmail, String pin, String newPassword) {
        EmailAddress email = EmailAddress.of(rawEmail, "email");
        String wellFormedPin = Pins.wellFormed(pin);
        Instant now = clock.instant();
        String emailHash = emails.hash(email);
        // Only what the caller typed counts as personal here: refusing a password for holding the
        // account's names would tell a stranger, before any PIN, that the account exists.
        PasswordPolicy.check(newPassword, "newPassword", List.of(email.value()));
        Optional<Account> found = accounts.find(emailHash).filter(account -> account.status() == Account.Status.ACTIVE);
        String newHash = hashes.hash(newPassword);
        Account account = found.orElseThrow(Pins::refused);
        var region = managers.of(account.region());
        Optional<Account> changed = transactions.commit(() -> {
            PinChallenge.Outcome outcome = pinRequests.attempt(region, emailHash, PinChallenge.Purpose.PASSWORD_RESET,
                    wellFormedPin, now);
            if (outcome != PinChallenge.Outcome.ACCEPTED) {
                return Optional.<Account>empty();
            }
            Optional<Account> stored = accounts.lock(account.region(), account.id());
            stored.ifPresent(locked -> {
                locked.changePassword(newHash);
                refreshTokens.endAll(region, locked.id());
            });
            return stored;
        });
        Account reset = changed.orElseThrow(Pins::refused);
        transactions.commit(() -> {
            revocations.revokeAccount(reset.id(), reset.tokenGeneration());
            backoff.clear(emailHash);
            return null;
        });
    }
}
