package org.iris.company.control;

import org.iris.platform.entity.Roles;
import org.iris.platform.control.BusinessException.FieldError;
import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which roles a member may be given, and by whom, once the caller may manage the member's company.
 * <ul>
 * <li>{@code user} always; {@code company_admin} in any company; {@code bp_finance} and
 *     {@code bp_operation} only in a business partner (SPEC §1).</li>
 * <li>{@code superadmin} is the platform operator's: never given or taken through a company.</li>
 * <li>Nobody changes their own roles (no self-promotion, no admin locking themselves out).</li>
 * <li>In the caller's own company, a role is given or taken only by its {@code company_admin} or by a
 *     holder of that same role: a {@code bp_finance} cannot hand a colleague {@code bp_operation} or
 *     {@code company_admin} and so reach, through them, the equipment rights the table denies it.</li>
 * <li>In an end customer that the caller's business partner manages, the customer's roles
 *     ({@code user}, {@code company_admin}) are given by whoever may manage it.</li>
 * </ul>
 */
public final class RoleGrants {

    private static final Set<String> PARTNER_ROLES = Set.of(Roles.BP_FINANCE, Roles.BP_OPERATION);
    private static final Set<String> COMPANY_ROLES = Set.of(Roles.USER, Roles.COMPANY_ADMIN, Roles.BP_FINANCE,
            Roles.BP_OPERATION, Roles.SUPERADMIN);

    private RoleGrants() {
    }

    /**
     * @param callerRoles     the caller's roles
     * @param callerIsMember  whether the caller is the member whose roles change
     * @param ownCompany      whether the member's company is the caller's own
     * @param inPartner       whether the member's company is a business partner
     * @param current         the member's roles now (none for an invitation)
     * @param wanted          the roles asked for
     * @return the roles to store, {@code user} among them
     */
    public static Set<String> check(Set<String> callerRoles, boolean callerIsMember, boolean ownCompany,
                                    boolean inPartner, Set<String> current, Set<String> wanted) {
        Set<String> next = new TreeSet<>(wanted);
        next.add(Roles.USER);
        List<FieldError> unknown = next.stream().filter(role -> !COMPANY_ROLES.contains(role))
                .map(role -> new FieldError("roles", "unknown role: " + role)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequest("The roles are user, company_admin, bp_finance and bp_operation.", unknown);
        }
        if (!inPartner && next.stream().anyMatch(PARTNER_ROLES::contains)) {
            throw new InvalidRequest("bp_finance and bp_operation exist only in a business partner company.",
                    List.of(new FieldError("roles", "not in this company")));
        }
        if (next.contains(Roles.SUPERADMIN) != current.contains(Roles.SUPERADMIN)) {
            throw new Forbidden("The superadmin role is not given or taken through a company.");
        }
        boolean superadmin = callerRoles.contains(Roles.SUPERADMIN);
        Set<String> changed = new HashSet<>(next);
        changed.addAll(current);
        changed.removeIf(role -> next.contains(role) && current.contains(role));
        if (changed.isEmpty() || superadmin) {
            return next;
        }
        if (callerIsMember) {
            throw new Forbidden("Nobody changes their own roles; ask another administrator.");
        }
        if (ownCompany && !callerRoles.contains(Roles.COMPANY_ADMIN)) {
            for (String role : changed) {
                if (!callerRoles.contains(role)) {
                    throw new Forbidden("Only the company's company_admin or a holder of " + role + " gives or takes it.");
                }
            }
        }
        return next;
    }
}
