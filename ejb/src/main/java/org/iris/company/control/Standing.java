package org.iris.company.control;

import org.iris.platform.entity.Roles;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rows of SPEC §1's rights tables: what a role is worth depends on the kind of company its holder
 * belongs to. {@code bp_finance} and {@code bp_operation} count only in a business-partner company;
 * {@code company_admin} is a different row in a business partner (BP) and in an end customer (EC).
 */
public enum Standing {
    BP_OPERATION, BP_FINANCE, BP_COMPANY_ADMIN, EC_COMPANY_ADMIN;

    /** The rows a caller stands in, from their roles and whether their own company is a business partner. */
    public static Set<Standing> of(Set<String> roles, boolean inBusinessPartner) {
        Set<Standing> rows = EnumSet.noneOf(Standing.class);
        if (inBusinessPartner) {
            if (roles.contains(Roles.BP_OPERATION)) {
                rows.add(BP_OPERATION);
            }
            if (roles.contains(Roles.BP_FINANCE)) {
                rows.add(BP_FINANCE);
            }
            if (roles.contains(Roles.COMPANY_ADMIN)) {
                rows.add(BP_COMPANY_ADMIN);
            }
        } else if (roles.contains(Roles.COMPANY_ADMIN)) {
            rows.add(EC_COMPANY_ADMIN);
        }
        return rows;
    }
}
