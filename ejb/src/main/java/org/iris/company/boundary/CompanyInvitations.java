package org.iris.company.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iris.company.control.CompanyAccess;
import org.iris.company.control.CompanyLookup;
import org.iris.company.control.RoleGrants;
import org.iris.company.entity.Company;
import org.iris.company.entity.CompanyInvitation;
import org.iris.identity.control.AccountOpening;
import org.iris.identity.control.AccountRoutes;
import org.iris.identity.control.Emails;
import org.iris.identity.control.InvitationBudget;
import org.iris.identity.control.PasswordHashes;
import org.iris.identity.control.PasswordPolicy;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.Home;
import org.iris.identity.entity.PersonName;
import org.iris.mail.control.Outbox;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.InvalidRequest;
import org.iris.platform.control.NotFound;
import org.iris.platform.control.Page;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.platform.entity.Roles;
import org.iris.residency.control.Boundaries;
import org.iris.residency.control.EntityManagers;
import org.iris.residency.control.RegionalTokens;
import org.iris.residency.control.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Invitations by email to join a company (SPEC §1): sent by whoever may manage it, listed and
 * withdrawn while they wait, and accepted by the invitee, whose account the mailed token opens in that
 * company, whatever the email's domain, with the invitation's roles.
 */
@Stateless
@RolesAllowed({Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE, Roles.BP_OPERATION, Roles.SUPERADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CompanyInvitations {

    @Inject
    CompanyAccess access;

    @Inject
    CompanyLookup companies;

    @Inject
    EntityManagers managers;

    @Inject
    Boundaries boundaries;

    @Inject
    AccountRoutes accounts;

    @Inject
    AccountOpening opening;

    @Inject
    PasswordHashes hashes;

    @Inject
    Emails emails;

    @Inject
    Outbox outbox;

    @Inject
    InvitationBudget budget;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "iris.public-url")
    String publicUrl;

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
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
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

    /**
     * Accepts an invitation: opens the account in the invitation's company, whatever its email's
     * domain, with the invitation's roles, and routes it. The invitation is spent; every other pending
     * invitation of that email in the region goes with it.
     *
     * @throws InvalidRequest for a token that is unknown, spent or expired, all alike
     */
    @PermitAll
    public Account accept(String token, String password, String firstName, String lastName, String rawLanguage) {
        PersonName name = PersonName.of(firstName, lastName);
        Optional<Language> asked = Optional.ofNullable(rawLanguage).map(code -> Language.parse(code, "lang"));
        RegionalTokens.Parsed parsed = RegionalTokens.parse(token)
                .filter(candidate -> boundaries.serves(candidate.region()))
                .orElseThrow(CompanyInvitations::refused);
        var region = managers.of(parsed.region());
        Instant now = clock.instant();
        CompanyInvitation invitation = Optional.ofNullable(region.find(CompanyInvitation.class, parsed.hash()))
                .filter(candidate -> !candidate.expired(now))
                .orElseThrow(CompanyInvitations::refused);
        EmailAddress email = invitation.email();
        PasswordPolicy.check(password, "password", List.of(email.value(), name.first(), name.last()));
        String passwordHash = hashes.hash(password);
        if (accounts.route(invitation.emailHash()).isPresent()) {
            throw refused();
        }
        Company company = companies.find(invitation.companyId()).orElseThrow(CompanyInvitations::refused);
        Account account = Account.create(new Home(company.id(), company.region()), email, invitation.emailHash(), name,
                asked.orElse(invitation.language()), passwordHash, now, invitation.roles().toArray(String[]::new));
        transactions.run(() -> {
            if (region.find(CompanyInvitation.class, parsed.hash(), LockModeType.PESSIMISTIC_WRITE) == null) {
                throw refused();
            }
            region.createQuery("DELETE FROM CompanyInvitation i WHERE i.emailHash = :email")
                    .setParameter("email", invitation.emailHash())
                    .executeUpdate();
            opening.store(region, account);
        });
        opening.route(account);
        return account;
    }

    private static InvalidRequest refused() {
        return new InvalidRequest("The invitation is unknown, already used or expired; ask the company's administrator for a new one.",
                List.of(new FieldError("token", "unknown, used or expired")));
    }
}
