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

    @Test
    void anAdminMakesAnotherMemberAdminAndUserIsAlwaysKept() {
        assertEquals(Set.of("user", "company_admin"), RoleGrants.check(ADMIN, false, false, USER, Set.of("company_admin")));
        assertEquals(Set.of("user"), RoleGrants.check(ADMIN, false, false, ADMIN, Set.of()));
    }

    @Test
    void partnerRolesOnlyInAPartner() {
        assertThrows(InvalidRequest.class, () -> RoleGrants.check(ADMIN, false, false, USER, Set.of("bp_finance")));
        assertEquals(Set.of("user", "bp_operation"), RoleGrants.check(ADMIN, false, true, USER, Set.of("bp_operation")));
    }

    @Test
    void unknownRolesAreNamed() {
        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> RoleGrants.check(ADMIN, false, false, USER, Set.of("root")));
        assertEquals("unknown role: root", refused.fieldErrors().get(0).message());
    }

    @Test
    void superadminIsNeverGivenNorTakenThroughACompany() {
        Set<String> operator = Set.of("user", "superadmin");
        assertThrows(Forbidden.class, () -> RoleGrants.check(operator, false, false, USER, Set.of("superadmin")));
        assertThrows(Forbidden.class, () -> RoleGrants.check(operator, false, false, Set.of("user", "superadmin"), Set.of()));
        assertEquals(Set.of("user", "superadmin", "company_admin"),
                RoleGrants.check(operator, false, false, Set.of("user", "superadmin"), Set.of("superadmin", "company_admin")));
    }

    @Test
    void nobodyChangesTheirOwnRoles() {
        assertThrows(Forbidden.class, () -> RoleGrants.check(ADMIN, true, false, ADMIN, Set.of()));
        Set<String> finance = Set.of("user", "bp_finance");
        assertThrows(Forbidden.class, () -> RoleGrants.check(finance, true, true, finance, Set.of("bp_finance", "bp_operation")));
        // asking for what one already has changes nothing, and is no change of one's own roles
        assertEquals(ADMIN, RoleGrants.check(ADMIN, true, false, ADMIN, Set.of("company_admin")));
    }

    @Test
    void financeCannotGiveOperationRightsItLacks() {
        Set<String> finance = Set.of("user", "bp_finance");
        assertThrows(Forbidden.class, () -> RoleGrants.check(finance, false, true, USER, Set.of("bp_operation")));
        assertEquals(Set.of("user", "bp_finance"), RoleGrants.check(finance, false, true, USER, Set.of("bp_finance")));
        assertEquals(Set.of("user", "bp_operation", "bp_finance"),
                RoleGrants.check(Set.of("user", "company_admin"), false, true, USER, Set.of("bp_operation", "bp_finance")));
    }

    @Test
    void aSuperadminGivesAnyCompanyRole() {
        assertEquals(Set.of("user", "bp_operation", "company_admin"),
                RoleGrants.check(Set.of("superadmin"), false, true, USER, Set.of("bp_operation", "company_admin")));
    }
}
