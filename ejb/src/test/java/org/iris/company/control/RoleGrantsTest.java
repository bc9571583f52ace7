package org.iris.company.control;

import org.iris.platform.control.Forbidden;
import org.iris.platform.control.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoleGrantsTest {

    private static final Set<String> ADMIN = Set.of("user", "company_admin");
    private static final Set<String> USER = Set.of("user");
    private static final Set<String> FINANCE = Set.of("user", "bp_finance");
    private static final Set<String> OPERATION = Set.of("user", "bp_operation");

    @Test
    void anAdminMakesAnotherMemberAdminAndUserIsAlwaysKept() {
        assertEquals(Set.of("user", "company_admin"), RoleGrants.check(ADMIN, false, true, false, USER, Set.of("company_admin")));
        assertEquals(Set.of("user"), RoleGrants.check(ADMIN, false, true, false, ADMIN, Set.of()));
    }

    @Test
    void partnerRolesOnlyInAPartner() {
        assertThrows(InvalidRequest.class, () -> RoleGrants.check(ADMIN, false, true, false, USER, Set.of("bp_finance")));
        assertEquals(Set.of("user", "bp_operation"), RoleGrants.check(ADMIN, false, true, true, USER, Set.of("bp_operation")));
    }

    @Test
    void unknownRolesAreNamed() {
        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> RoleGrants.check(ADMIN, false, true, false, USER, Set.of("root")));
        assertEquals("unknown role: root", refused.fieldErrors().get(0).message());
    }

    @Test
    void superadminIsNeverGivenNorTakenThroughACompany() {
        Set<String> operator = Set.of("user", "superadmin");
        assertThrows(Forbidden.class, () -> RoleGrants.check(operator, false, false, false, USER, Set.of("superadmin")));
        assertThrows(Forbidden.class, () -> RoleGrants.check(operator, false, false, false, Set.of("user", "superadmin"), Set.of()));
        assertEquals(Set.of("user", "superadmin", "company_admin"),
                RoleGrants.check(operator, false, false, false, Set.of("user", "superadmin"), Set.of("superadmin", "company_admin")));
    }

    @Test
    void nobodyChangesTheirOwnRoles() {
        assertThrows(Forbidden.class, () -> RoleGrants.check(ADMIN, true, true, false, ADMIN, Set.of()));
        assertThrows(Forbidden.class, () -> RoleGrants.check(FINANCE, true, true, true, FINANCE, Set.of("bp_finance", "bp_operation")));
        // asking for what one already has changes nothing, and is no change of one's own roles
        assertEquals(ADMIN, RoleGrants.check(ADMIN, true, true, false, ADMIN, Set.of("company_admin")));
    }

    @Test
    void inTheirOwnCompanyOthersThanTheAdminGiveOnlyRolesTheyHold() {
        assertThrows(Forbidden.class, () -> RoleGrants.check(FINANCE, false, true, true, USER, Set.of("bp_operation")));
        assertThrows(Forbidden.class, () -> RoleGrants.check(FINANCE, false, true, true, USER, Set.of("company_admin")));
        assertThrows(Forbidden.class, () -> RoleGrants.check(OPERATION, false, true, true, ADMIN, Set.of()));
        assertEquals(Set.of("user", "bp_finance"), RoleGrants.check(FINANCE, false, true, true, USER, Set.of("bp_finance")));
        assertEquals(Set.of("user", "bp_operation", "bp_finance"),
                RoleGrants.check(ADMIN, false, true, true, USER, Set.of("bp_operation", "bp_finance")));
    }

    @Test
    void aPartnerGivesItsCustomersTheirAdmins() {
        assertEquals(ADMIN, RoleGrants.check(OPERATION, false, false, false, USER, Set.of("company_admin")));
        assertEquals(USER, RoleGrants.check(FINANCE, false, false, false, ADMIN, Set.of()));
    }

    @Test
    void aSuperadminGivesAnyCompanyRole() {
        assertEquals(Set.of("user", "bp_operation", "company_admin"),
                RoleGrants.check(Set.of("superadmin"), false, false, true, USER, Set.of("bp_operation", "company_admin")));
    }
}
