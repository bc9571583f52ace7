package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.iris.company.control.CompanyAccess;
import org.iris.company.control.Licences;
import org.iris.company.control.RoleGrants;
import org.iris.company.entity.Company;
import org.iris.company.entity.MemberChange;
import org.iris.company.entity.Offer;
import org.iris.platform.entity.VisibilityMode;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Memberships;
import org.iris.identity.control.SessionEnding;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.AccountChanged;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.NotFound;
import org.iris.platform.control.Page;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.Transactions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A company's members as its administrators see them (SPEC §1, §3, §6): listing, roles, their own
 * visibility mode within the derogations, the file-sharing restriction, and a forced password reset
 * (invitations to join are {@link CompanyInvitations}'s). Whoever may manage the company (SPEC §1's first table) may do all of it; anybody else is told
 * the company does not exist.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Members {

    /** A member with the offer of their licence, if any. */
    public record Membership(Account account, Optional<Offer> licence) {
    }

    @Inject
    CompanyAccess access;

    @Inject
    EntityManagers managers;

    @Inject
    AccountRoutes accounts;

    @Inject
    Licences licences;

    @Inject
    SessionEnding sessions;

    @Inject
    Memberships memberships;

    @Inject
    Event<AccountChanged> changedEvents;

    @Inject
    Transactions transactions;

    public List<Membership> list(Caller caller, UUID companyId, Page page) {
        Company company = access.manage(caller, companyId);
        var region = managers.of(company.region());
        List<Account> found = memberships.of(company.region(), companyId, page);
        Map<UUID, Offer> offers = licences.offers(region, found.stream().map(Account::id).toList());
        return found.stream()
                .map(account -> new Membership(account.in(company.region()), Optional.ofNullable(offers.get(account.id()))))
                .toList();
    }

    public Membership get(Caller caller, UUID companyId, UUID memberId) {
        Company company = access.manage(caller, companyId);
        Account account = member(company, memberId);
        return new Membership(account, licences.offer(managers.of(company.region()), memberId));
    }

    /**
     * Changes a member's roles, own visibility mode or file-sharing restriction. A change of roles
     * ends the member's access tokens (their refresh token gives them one with the new roles).
     */
    public Membership update(Caller caller, UUID companyId, UUID memberId, MemberChange change) {
        Company company = access.manage(caller, companyId);
        Account current = member(company, memberId);
        Optional<Set<String>> roles = change.roles().map(wanted -> RoleGrants.check(caller.roles(),
                caller.accountId().equals(memberId), caller.companyId().equals(companyId), company.businessPartner(),
                current.roles(), wanted));
        Optional<Optional<VisibilityMode>> visibility = change.inheritVisibility() ? Optional.of(Optional.empty())
                : change.visibility().map(mode -> Optional.ofNullable(company.memberVisibility(mode)));
        Account changed = transactions.commit(() -> {
            Account stored = accounts.lock(company.region(), memberId).orElseThrow(() -> new NotFound("member"));
            roles.filter(next -> !next.equals(stored.roles())).ifPresent(stored::changeRoles);
            visibility.ifPresent(mode -> stored.see(mode.orElse(null)));
            change.fileSharingForbidden().ifPresent(stored::forbidFileSharing);
            changedEvents.fire(new AccountChanged(stored));
            return stored;
        });
        if (changed.tokenGeneration() != current.tokenGeneration()) {
            sessions.revokeAccessTokens(changed);
        }
        return new Membership(changed, licences.offer(managers.of(company.region()), memberId));
    }

    /**
     * Whoever manages the member's company (SPEC §1) makes a member choose a new password (by PIN)
     * before the next login; the member's sessions end now. A company that is none of the caller's
     * business is answered as unknown.
     */
    public void forceReset(Caller admin, UUID companyId, UUID memberId) {
        Company company = access.manage(admin, companyId);
        member(company, memberId);
        sessions.endAll(company.region(), memberId, Account::requireReset);
    }

    private Account member(Company company, UUID memberId) {
        return accounts.member(company.region(), company.id(), memberId).orElseThrow(() -> new NotFound("member"));
    }
}
