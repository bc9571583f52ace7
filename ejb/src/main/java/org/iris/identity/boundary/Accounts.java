package org.iris.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.LoginBackoff;
import org.iris.identity.control.PasswordHashes;
import org.iris.identity.control.PasswordPolicy;
import org.iris.identity.control.SessionEnding;
import org.iris.identity.control.StorageUse;
import org.iris.identity.control.Tenancy;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.AccountChanged;
import org.iris.identity.entity.PersonName;
import org.iris.identity.entity.ProfileChange;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Language;
import org.iris.platform.entity.Roles;
import org.iris.residency.control.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A person's own account (SPEC §1, §2, §6): reading and changing their profile, within what their
 * company allows, and changing their password.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Accounts {

    /** The caller's account with what their company and licence make of it ({@link Tenancy.Terms}). */
    public record Profile(Account account, Tenancy.Terms terms, StorageUse.Storage storage) {
    }

    @Inject
    Transactions transactions;

    @Inject
    AccountRoutes accounts;

    @Inject
    Tenancy tenancy;

    @Inject
    StorageUse storage;

    @Inject
    PasswordHashes hashes;

    @Inject
    SessionEnding sessions;

    @Inject
    LoginBackoff backoff;

    @Inject
    Event<AccountChanged> changed;

    @Inject
    Clock clock;

    public Account me(Caller caller) {
        return accounts.find(caller.region(), caller.accountId()).orElseThrow(() -> new NotFound("account"));
    }

    /** The caller's account and terms: one query, the terms being cached ({@code TermsCache}). */
    public Profile profile(Caller caller) {
        Account account = accounts.read(caller.region(), caller.accountId()).orElseThrow(() -> new NotFound("account"));
        return new Profile(account, tenancy.terms(account), storage.of(account));
    }

    /**
     * Changes the caller's own profile. Where the company admin forbids it (SPEC §6), the title, first
     * and last names are refused, and nothing changes.
     */
    public Profile update(Caller caller, ProfileChange change) {
        Account me = me(caller);
        boolean touchesNames = change.firstName().isPresent() || change.lastName().isPresent() || change.title().isPresent();
        if (touchesNames && !tenancy.terms(me).nameEditAllowed()) {
            throw new Forbidden("Your company's administrator does not let members change their title, first or last name.");
        }
        PersonName current = me.name();
        PersonName name = PersonName.of(change.firstName().orElse(current.first()), change.lastName().orElse(current.last()));
        Language language = change.language().map(code -> Language.parse(code, "language")).orElse(null);
        Account updated = transactions.commit(() -> {
            Account account = accounts.lock(caller.region(), caller.accountId()).orElseThrow(() -> new NotFound("account"));
            account.rename(name);
            change.title().ifPresent(account::retitle);
            if (language != null) {
                account.speak(language);
            }
            changed.fire(new AccountChanged(account));
            return account;
        });
        return new Profile(updated, tenancy.terms(updated), storage.of(updated));
    }

    /**
     * Changes the password knowing the current one; every session of the account ends, this one too.
     * A wrong current password counts as a failed login of the account, so that a stolen token does
     * not give unlimited guesses.
     */
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        Account account = me(caller);
        Instant now = clock.instant();
        var reserved = backoff.reserve(account.emailHash(), null, now);
        if (!hashes.verify(currentPassword, account.passwordHash())) {
            throw new InvalidRequest("The current password is wrong.",
                    List.of(new FieldError("currentPassword", "wrong")));
        }
        backoff.succeeded(reserved, account.emailHash(), null);
        PasswordPolicy.check(newPassword, "newPassword",
                List.of(account.email(), account.name().first(), account.name().last()));
        if (newPassword.equals(currentPassword)) {
            throw new InvalidRequest("The new password must differ from the current one.",
                    List.of(new FieldError("newPassword", "same as the current password")));
        }
        String newHash = hashes.hash(newPassword);
        sessions.endAll(caller.region(), caller.accountId(), stored -> stored.changePassword(newHash));
    }
}
