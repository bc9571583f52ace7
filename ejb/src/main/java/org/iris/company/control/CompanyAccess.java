package org.iris.company.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iris.company.entity.Company;
import org.iris.platform.entity.Caller;
import org.iris.platform.entity.Roles;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.NotFound;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Whether a caller may act on a company, as SPEC §1's tables say: the one place that turns a caller
 * into the row ({@link Standing}) and the company into the column ({@link Scope}) of those tables.
 * A company that is none of the caller's business answers exactly as one that does not exist, so that
 * nobody learns which companies exist; a company the caller deals with but may not act on so is refused.
 * A superadmin (the platform's operator) may do everything.
 */
@ApplicationScoped
public class CompanyAccess {

    static final String NOT_ALLOWED = "Your roles do not allow this on this company.";

    @Inject
    CompanyLookup lookup;

    private static final String ONLY_PARTNERS_CREATE =
            "Only a superadmin, or a business partner's bp_operation or bp_finance, creates companies.";

    private static final BiPredicate<Set<Standing>, Scope> MANAGES =
            (standings, scope) -> CompanyRights.allows(standings, scope, CompanyRights.Action.MANAGE_COMPANY);

    /** @return the company, which the caller may manage and invite members to */
    public Company manage(Caller caller, UUID companyId) {
        return require(caller, companyId, MANAGES);
    }

    /** @return the company, on which the caller may take at least one of the actions (one for a write; several for reading what they act on) */
    public Company require(Caller caller, UUID companyId, CompanyRights.Action... anyOf) {
        return require(caller, companyId, (standings, scope) ->
                Arrays.stream(anyOf).anyMatch(action -> CompanyRights.allows(standings, scope, action)));
    }

    /** @return the company, on which the caller may take at least one of the actions */
    public Company require(Caller caller, UUID companyId, SubscriptionRights.Action... anyOf) {
        return require(caller, companyId, (standings, scope) ->
                Arrays.stream(anyOf).anyMatch(action -> SubscriptionRights.allows(standings, scope, action)));
    }

    /**
     * A non-superadmin creates only end customers of their own business partner, and only with the
     * rights over end customers (SPEC §1: manage company info in the EC column).
     *
     * @return the caller's business partner, which will manage the new company
     */
    public Company partnerCreatingCustomer(Caller caller) {
        Company own = lookup.find(caller.companyId()).filter(Company::businessPartner)
                .orElseThrow(() -> new Forbidden(ONLY_PARTNERS_CREATE));
        if (!MANAGES.test(Standing.of(caller.roles(), true), Scope.EC)) {
            throw new Forbidden(ONLY_PARTNERS_CREATE);
        }
        return own;
    }

    /** A company's own members read its information; so do those who may manage it. */
    public Company read(Caller caller, UUID companyId) {
        if (caller.companyId().equals(companyId)) {
            return lookup.find(companyId).orElseThrow(() -> new NotFound("company"));
        }
        return manage(caller, companyId);
    }

    /** Whether the caller may manage a company already at hand (when listing what they administer). */
    public boolean mayManage(Caller caller, Company company) {
        return caller.holds(Roles.SUPERADMIN) || decide(caller, company, MANAGES).orElse(false);
    }

    /** The rule's answer for the caller's row and the company's column; empty where the company is none of the caller's business. */
    private static Optional<Boolean> decide(Caller caller, Company target, BiPredicate<Set<Standing>, Scope> rule) {
        return Scope.of(caller.companyId(), target.id(), target.businessPartner(), target.managedBy())
                // Only a business partner manages others: the column says what the caller's company is.
                .map(scope -> rule.test(Standing.of(caller.roles(), scope == Scope.BP || !target.id().equals(caller.companyId())),
                        scope));
    }

    private Company require(Caller caller, UUID companyId, BiPredicate<Set<Standing>, Scope> rule) {
        Company target = lookup.find(companyId).orElseThrow(() -> new NotFound("company"));
        if (caller.holds(Roles.SUPERADMIN)) {
            return target;
        }
        if (!decide(caller, target, rule).orElseThrow(() -> new NotFound("company"))) {
            throw new Forbidden(NOT_ALLOWED);
        }
        return target;
    }
}
