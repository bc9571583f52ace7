package org.iris.platform.entity;

/** The roles of SPEC §1, as they appear in a token's {@code groups} claim. */
public final class Roles {

    public static final String USER = "user";
    public static final String COMPANY_ADMIN = "company_admin";
    public static final String BP_FINANCE = "bp_finance";
    public static final String BP_OPERATION = "bp_operation";
    public static final String SUPERADMIN = "superadmin";

    private Roles() {
    }
}
