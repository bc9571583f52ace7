package org.iris.company.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.company.control.CompanyAccess;
import org.iris.company.control.Licences;
import org.iris.company.control.RoleGrants;
import org.iris.company.entity.Company;
import org.iris.company.entity.CompanyInvitation;
import org.iris.company.entity.MemberChange;
import org.iris.company.entity.Offer;
import org.iris.platform.entity.VisibilityMode;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.InvitationBudget;
import org.iris.identity.control.Emails;
import org.iris.identity.control.Revocations;
import org.iris.identity.entity.Account;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.platform.entity.Roles;
import org.iris.mail.control.Outbox;
import org.iris.platform.control.NotFound;
import org.iris.platform.control.Page;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RegionalTokens;
import org.iris.residency.control.Transactions;
import org.iris.visibility.control.Directory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A company's members as its administrators see them (SPEC §1, §3, §6): listing, roles, their own
 * visibility mode within the derogations, the file-sharing restriction, and invitations by email to
 * join. Whoever may manage the company (SPEC §1's first table) may do all of it; anybody else is told
 * the company does not exist.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Members {

    @Inject
    Directory directory;

    /** A member with the offer of their licence, if any. */
    public record Member(Account account, Optional<Offer> licence) {
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
    Emails emails;

    @Inject
    Outbox outbox;

    @Inject
    Revocations revocations;

    @Inject
    InvitationBudget budget;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.public-url")
    String publicUrl;

    public List<Member> list(Caller caller, UUID companyId, Page page) {
        Company company = access.manage(caller, companyId);
        var region = managers.of(company.region());
        List<Account> found = region.createQuery("SELECT a FROM Account a WHERE a.companyId = :id"
                        + " ORDER BY a.lastName, a.firstName, a.id", Account.class)
                .setParameter("id", companyId)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        Map<UUID, Offer> offers = licences.offers(region, found.stream().map(Account::id).toList());
        return found.stream()
                .map(account -> new Member(account.in(company.region()), Optional.ofNullable(offers.get(account.id()))))
                .toList();
    }

    public Member get(Caller caller, UUID companyId, UUID memberId) {
        Company company = access.manage(caller, companyId);
        Account account = member(company, memberId);
        return new Member(account, licences.offer(managers.of(company.region()), memberId));
    }

    /**
     * Changes a member's roles, own visibility mode or file-sharing restriction. A change of roles
     * ends the member's access tokens (their refresh token gives them one with the new roles).
     */
    public Member update(Caller caller, UUID companyId, UUID memberId, MemberChange change) {
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
            visibility.ifPresent(mode -> {
                stored.see(mode.orElse(null));
                directory.enter(managers.of(company.region()), stored);
            });
            change.fileSharingForbidden().ifPresent(stored::forbidFileSharing);
            return stored;
        });
        if (changed.tokenGeneration() != current.tokenGeneration()) {
            transactions.commit(() -> {
                revocations.revokeAccount(changed.id(), changed.tokenGeneration());
                return null;
            });
        }
        return new Member(changed, licences.offer(managers.of(company.region()), memberId));
    }

    /**
     * Invites a person by email to join the company, with the roles given (checked as a change of
     * roles would be). The mail carries a link whose token creates the account in this company; a new
     * invitation to the same email replaces the previous one. An email that already has an account gets
     * a mail saying so instead, without the link. The answer, and the invitation listed as waiting,
     * are the same either way, so that they tell no administrator who has an account elsewhere. A
     * caller sends {@code iris.invitations.max-per-hour} and {@code .max-per-day} invitations at most.
     */
    public void invite(Caller caller, UUID companyId, String rawEmail, String rawLanguage, Set<String> roles) {
        Company company = access.manage(caller, companyId);
        EmailAddress email = EmailAddress.of(rawEmail, "email");
        Language language = Language.parse(rawLanguage, "lang");
        Set<String> granted = RoleGrants.check(caller.roles(), false, caller.companyId().equals(companyId),
                company.businessPartner(), Set.of(), roles);
        Instant now = clock.instant();
        budget.company(caller.accountId(), now);
        String emailHash = emails.hash(email);
        var region = managers.of(company.region());
        boolean hasAccount = accounts.route(emailHash).isPresent();
        String token = RegionalTokens.draw(company.region());
        transactions.run(() -> {
            region.createQuery("DELETE FROM CompanyInvitation i WHERE i.companyId = :company AND i.emailHash = :email")
                    .setParameter("company", companyId)
                    .setParameter("email", emailHash)
                    .executeUpdate();
            // also for an email that has an account: its token is mailed to nobody, and accepting refuses it
            region.persist(CompanyInvitation.of(RegionalTokens.hash(token), companyId, email, emailHash, granted, language, now));
            Map<String, Object> mail = new HashMap<>(Map.of("email", email.value(), "company", company.name(),
                    "days", CompanyInvitation.VALIDITY.toDays()));
            if (hasAccount) {
                outbox.enqueue(region, email, "company-invitation-account-exists", language, mail, CompanyInvitation.VALIDITY);
            } else {
                mail.put("token", token);
                mail.put("link", publicUrl.replaceAll("/+$", "") + "/join#" + token);
                outbox.enqueue(region, email, "company-invitation", language, mail, CompanyInvitation.VALIDITY);
            }
        });
    }

    /** The company's invitations still waiting for their invitee, newest first. */
    public List<CompanyInvitation> invitations(Caller caller, UUID companyId, Page page) {
        Company company = access.manage(caller, companyId);
        return managers.of(company.region()).createQuery("SELECT i FROM CompanyInvitation i WHERE i.companyId = :company"
                        + " AND i.expiresAt > :now ORDER BY i.createdAt DESC, i.tokenHash", CompanyInvitation.class)
                .setParameter("company", companyId)
                .setParameter("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
    }

    /**
     * Withdraws an invitation: its link no longer creates an account.
     *
     * @throws NotFound for an invitation that is not the company's, alike to an unknown one
     */
    public void revoke(Caller caller, UUID companyId, UUID invitationId) {
        Company company = access.manage(caller, companyId);
        var region = managers.of(company.region());
        int removed = transactions.commit(() -> region.createQuery("DELETE FROM CompanyInvitation i"
                        + " WHERE i.companyId = :company AND i.tokenHash LIKE :prefix")
                .setParameter("company", companyId)
                .setParameter("prefix", CompanyInvitation.hashPrefix(invitationId) + "%")
                .executeUpdate());
        if (removed == 0) {
            throw new NotFound("invitation");
        }
    }

    private Account member(Company company, UUID memberId) {
        return accounts.member(company.region(), company.id(), memberId).orElseThrow(() -> new NotFound("member"));
    }
}
