package org.iris.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.iris.identity.control.AccessTokens;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Emails;
import org.iris.identity.control.LoginBackoff;
import org.iris.identity.control.PasswordHashes;
import org.iris.identity.control.RefreshTokens;
import org.iris.identity.control.Revocations;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.EmailAddress;
import org.iris.identity.entity.RefreshToken;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.Unauthenticated;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RegionalTokens;
import org.iris.residency.control.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Password login, refresh and logout (SPEC §2). A login answers an access token (short-lived JWT)
 * and a refresh token (opaque, stored hashed, spent on use).
 *
 * <p>Brute force: logins count per account (by email, whether it exists or not) and per source
 * address before the password is checked, and a right password takes its count back; past a few
 * failures, each further one blocks the key for twice as long, up to a bound, and never for good.
 * Counting first means a burst of parallel guesses gets no more checks than that. A password reset by PIN clears the account's count. An unknown email costs a
 * password hash like a known one, and every refusal reads the same.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sessions {

    /** What a login or refresh hands to the client. */
    public record Tokens(AccessTokens.Issued access, String refreshToken, Instant refreshExpiresAt) {
    }

    static final String WRONG_CREDENTIALS = "The email or password is wrong.";

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    AccountRoutes accounts;

    @Inject
    PasswordHashes hashes;

    @Inject
    Emails emails;

    @Inject
    LoginBackoff backoff;

    @Inject
    AccessTokens accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    Revocations revocations;

    @Inject
    Clock clock;

    public Tokens login(String rawEmail, String password, String sourceAddress) {
        EmailAddress email = EmailAddress.of(rawEmail, "email");
        if (password == null || password.isEmpty()) {
            throw new InvalidRequest("A password is required.", List.of(new FieldError("password", "required")));
        }
        Instant now = clock.instant();
        String emailHash = emails.hash(email);
        var reserved = backoff.reserve(emailHash, sourceAddress, now);
        // a database down here (not a wrong password) takes the counted attempt back
        Optional<Account> found = backoff.counted(reserved, () -> accounts.findEvenly(emailHash).filter(Account::canLogIn));
        boolean right = hashes.verify(password, found.map(Account::passwordHash).orElse(null));
        if (!right) {
            throw new Unauthenticated(WRONG_CREDENTIALS);
        }
        Account account = found.get();
        backoff.succeeded(reserved, emailHash, sourceAddress);
        if (hashes.outdated(account.passwordHash())) {
            upgrade(account, password);
        }
        if (account.resetRequired()) {
            throw new ResetRequired();
        }
        return open(account, now);
    }

    /**
     * Spends a refresh token for a new pair; a spent one presented again ends its whole family and the
     * family's access tokens (whoever holds it copied it).
     */
    public Tokens refresh(String refreshToken) {
        Instant now = clock.instant();
        RegionalTokens.Parsed parsed = refreshTokens.parse(refreshToken).orElseThrow(Sessions::invalidRefresh);
        var region = managers.of(parsed.region());
        String successor = refreshTokens.draw(parsed.region());
        record Rotated(Account owner, RefreshToken next) {
        }
        UUID[] stolen = new UUID[1];
        Optional<Rotated> rotated = transactions.commit(() -> {
            RefreshToken token = region.find(RefreshToken.class, parsed.hash(), LockModeType.PESSIMISTIC_WRITE);
            if (token == null || token.expired(now) || token.sessionEnded(now, refreshTokens.sessionMax())) {
                return Optional.empty();
            }
            if (token.used()) {
                refreshTokens.endFamily(region, token.familyId());
                stolen[0] = token.familyId();
                return Optional.empty();
            }
            Optional<Account> owner = accounts.find(parsed.region(), token.accountId())
                    .filter(Account::canLogIn)
                    .filter(candidate -> !candidate.resetRequired());
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            RefreshToken next = token.rotate(RefreshTokens.hash(successor), now, refreshTokens.ttl(), refreshTokens.sessionMax());
            region.persist(next);
            return Optional.of(new Rotated(owner.get(), next));
        });
        if (stolen[0] != null) {
            transactions.run(() -> revocations.revokeSession(stolen[0]));
        }
        Rotated done = rotated.orElseThrow(Sessions::invalidRefresh);
        return new Tokens(accessTokens.issue(done.owner(), done.next().familyId(), now), successor,
                done.next().expiresAt().toInstant());
    }

    /**
     * Ends a session: its refresh token family and every access token issued in it, and the access
     * token the caller presented, if any. Answers the same for a token that is unknown or already ended.
     */
    public void logout(String refreshToken, String accessJti, Instant accessExpiresAt) {
        Optional<UUID> family = refreshTokens.parse(refreshToken).flatMap(parsed -> {
            var region = managers.of(parsed.region());
            return transactions.commit(() -> Optional.ofNullable(region.find(RefreshToken.class, parsed.hash()))
                    .map(token -> {
                        refreshTokens.endFamily(region, token.familyId());
                        return token.familyId();
                    }));
        });
        if (family.isPresent() || accessJti != null && accessExpiresAt != null) {
            transactions.run(() -> {
                family.ifPresent(revocations::revokeSession);
                if (accessJti != null && accessExpiresAt != null) {
                    revocations.revokeToken(accessJti, accessExpiresAt);
                }
            });
        }
    }

    private Tokens open(Account account, Instant now) {
        String refresh = refreshTokens.draw(account.region());
        var region = managers.of(account.region());
        RefreshToken first = RefreshToken.first(RefreshTokens.hash(refresh), account.id(), now, refreshTokens.ttl(),
                refreshTokens.sessionMax());
        transactions.run(() -> region.persist(first));
        return new Tokens(accessTokens.issue(account, first.familyId(), now), refresh, first.expiresAt().toInstant());
    }

    /** Replaces a hash made at a lower cost (4,096 iterations, say) by one at today's; the password stays. */
    private void upgrade(Account account, String password) {
        String stronger = hashes.hash(password);
        transactions.run(() -> {
            accounts.lock(account.region(), account.id()).ifPresent(stored -> stored.rehash(stronger));
        });
        account.rehash(stronger);
    }

    private static Unauthenticated invalidRefresh() {
        return new Unauthenticated("The refresh token is not valid; log in again.");
    }

    /** The password is right, but the company admin asked for a new one first. */
    public static class ResetRequired extends Forbidden {
        private static final long serialVersionUID = 1L;

        ResetRequired() {
            super("Your password must be reset before you can log in: ask for a reset PIN at /api/v1/password-resets.");
        }

        @Override
        public Optional<String> problemType() {
            return Optional.of("password-reset-required");
        }

        @Override
        public String title() {
            return "Password reset required";
        }
    }
}
