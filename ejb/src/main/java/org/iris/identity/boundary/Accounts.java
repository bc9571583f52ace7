package org.iris.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyLookup;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.LoginBackoff;
import org.iris.identity.control.PasswordHashes;
import org.iris.identity.control.PasswordPolicy;
import org.iris.identity.control.RefreshTokens;
import org.iris.identity.control.Revocations;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.Caller;
import org.iris.identity.entity.Language;
import org.iris.identity.entity.PersonName;
import org.iris.identity.entity.ProfileChange;
import org.iris.identity.entity.Roles;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.residency.entity.Region;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A person's own account, and what a company admin may do to a member's (force a password reset).
 * Every change that must end the account's sessions ends them in its region (refresh tokens) and
 * then in {@code global} (access tokens, through {@link Revocations}).
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Accounts {

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    AccountRoutes accounts;

    @Inject
    CompanyLookup companies;

    @Inject
    PasswordHashes hashes;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    Revocations revocations;

    @Inject
    LoginBackoff backoff;

    @Inject
    Clock clock;

    public Account me(Caller caller) {
        return accounts.find(caller.region(), caller.accountId()).orElseThrow(() -> new NotFound("account"));
    }

    public Account update(Caller caller, ProfileChange change) {
        PersonName current = me(caller).name();
        PersonName name = PersonName.of(change.firstName().orElse(current.first()), change.lastName().orElse(current.last()));
        Language language = change.language().map(code -> Language.parse(code, "language")).orElse(null);
        return transactions.commit(() -> {
            Account account = accounts.lock(caller.region(), caller.accountId()).orElseThrow(() -> new NotFound("account"));
            account.rename(name);
            change.title().ifPresent(account::retitle);
            if (language != null) {
                account.speak(language);
            }
            return account;
        });
    }

    /**
     * Changes the password knowing the current one; every session of the account ends, this one too.
     * A wrong current password counts as a failed login of the account, so that a stolen token does
     * not give unlimited guesses.
     */
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        Account account = me(caller);
        Instant now = clock.instant();
        backoff.checkAllowed(account.emailHash(), null, now);
        if (!hashes.verify(currentPassword, account.passwordHash())) {
            backoff.failed(account.emailHash(), null, now);
            throw new InvalidRequest("The current password is wrong.",
                    List.of(new FieldError("currentPassword", "wrong")));
        }
        PasswordPolicy.check(newPassword, "newPassword",
                List.of(account.email(), account.name().first(), account.name().last()));
        if (newPassword.equals(currentPassword)) {
            throw new InvalidRequest("The new password must differ from the current one.",
                    List.of(new FieldError("newPassword", "same as the current password")));
        }
        String newHash = hashes.hash(newPassword);
        endSessions(caller.region(), caller.accountId(), stored -> stored.changePassword(newHash));
    }

    /**
     * A company admin makes a member choose a new password (by PIN) before the next login; the
     * member's sessions end now. Another company's member is answered as unknown.
     */
    @RolesAllowed({Roles.COMPANY_ADMIN, Roles.SUPERADMIN})
    public void forceReset(Caller admin, UUID companyId, UUID memberId) {
        boolean allowed = admin.holds(Roles.SUPERADMIN)
                || (admin.holds(Roles.COMPANY_ADMIN) && admin.companyId().equals(companyId));
        if (!allowed) {
            throw new NotFound("member");
        }
        var company = companies.find(companyId).orElseThrow(() -> new NotFound("member"));
        Account member = accounts.find(company.region(), memberId)
                .filter(account -> account.companyId().equals(companyId))
                .orElseThrow(() -> new NotFound("member"));
        endSessions(member.region(), member.id(), Account::requireReset);
    }

    private void endSessions(Region region, UUID accountId, Consumer<Account> change) {
        var regional = managers.of(region);
        Account changed = transactions.commit(() -> {
            Account stored = accounts.lock(region, accountId).orElseThrow(() -> new NotFound("account"));
            change.accept(stored);
            refreshTokens.endAll(regional, accountId);
            return stored;
        });
        transactions.commit(() -> {
            revocations.revokeAccount(changed.id(), changed.tokenGeneration());
            return null;
        });
    }
}
