package org.iris.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyAccess;
import org.iris.company.control.CompanyLookup;
import org.iris.company.control.Licences;
import org.iris.company.entity.Company;
import org.iris.company.entity.Feature;
import org.iris.company.entity.Offer;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.LoginBackoff;
import org.iris.identity.control.PasswordHashes;
import org.iris.identity.control.PasswordPolicy;
import org.iris.identity.control.RefreshTokens;
import org.iris.identity.control.Revocations;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Language;
import org.iris.identity.entity.PersonName;
import org.iris.identity.entity.ProfileChange;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;
import org.iris.platform.entity.Region;
import org.iris.visibility.control.Directory;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A person's own account and profile, and a forced password reset of a member by whoever manages
 * the member's company.
 * Every change that must end the account's sessions ends them in its region (refresh tokens) and
 * then in {@code global} (access tokens, through {@link Revocations}).
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Accounts {

    @Inject
    Directory directory;

    @Inject
    EntityManagers managers;

    @Inject
    Transactions transactions;

    @Inject
    AccountRoutes accounts;

    @Inject
    CompanyLookup companies;

    @Inject
    CompanyAccess access;

    @Inject
    Licences licences;

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

    /**
     * The caller's account with what their company and licence make of it: the features of their
     * offer (SPEC §1), and whether they may share files and edit their own names (SPEC §6).
     */
    public record Profile(Account account, Offer offer, Set<Feature> features, boolean fileSharingAllowed,
                          boolean nameEditAllowed) {
    }

    public Account me(Caller caller) {
        return accounts.find(caller.region(), caller.accountId()).orElseThrow(() -> new NotFound("account"));
    }

    public Profile profile(Caller caller) {
        return profile(me(caller));
    }

    private Profile profile(Account account) {
        Company company = companies.find(account.companyId()).orElseThrow(() -> new NotFound("account"));
        Offer offer = licences.effective(managers.of(account.region()), account.id());
        boolean fileSharing = offer.opens(Feature.FILE_SHARING) && !company.fileSharingForbidden()
                && !account.fileSharingForbidden();
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        features.addAll(offer.features());
        if (!fileSharing) {
            features.remove(Feature.FILE_SHARING);
        }
        return new Profile(account, offer, features, fileSharing, !company.nameEditForbidden());
    }

    /**
     * Changes the caller's own profile. Where the company admin forbids it (SPEC §6), the title, first
     * and last names are refused, and nothing changes.
     */
    public Profile update(Caller caller, ProfileChange change) {
        Account me = me(caller);
        boolean touchesNames = change.firstName().isPresent() || change.lastName().isPresent() || change.title().isPresent();
        if (touchesNames && !profile(me).nameEditAllowed()) {
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
            directory.enter(managers.of(caller.region()), account);
            return account;
        });
        return profile(updated);
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
        endSessions(caller.region(), caller.accountId(), stored -> stored.changePassword(newHash));
    }

    /**
     * Whoever manages the member's company (SPEC §1) makes a member choose a new password (by PIN)
     * before the next login; the member's sessions end now. A company that is none of the caller's
     * business is answered as unknown.
     */
    public void forceReset(Caller admin, UUID companyId, UUID memberId) {
        Company company = access.manage(admin, companyId);
        Account member = accounts.member(company.region(), companyId, memberId).orElseThrow(() -> new NotFound("member"));
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
