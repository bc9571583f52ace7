package org.iris.company.control;

import org.iris.company.control.CompanyRights.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §1's company-management table, every cell, written out again here as the spec has it. */
class CompanyRightsTest {

    @ParameterizedTest(name = "{0} in a {1}: {2} on {3} = {4}")
    @CsvSource({
            // roles,         caller's company, action,         column, answer
            "bp_operation,   BP, MANAGE_COMPANY, BP, true",
            "bp_operation,   BP, MANAGE_COMPANY, EC, true",
            "bp_operation,   BP, ADD_EQUIPMENT,  BP, true",
            "bp_operation,   BP, ADD_EQUIPMENT,  EC, true",
            "bp_operation,   BP, MANAGE_SYSTEMS, BP, true",
            "bp_operation,   BP, MANAGE_SYSTEMS, EC, true",
            "bp_finance,     BP, MANAGE_COMPANY, BP, true",
            "bp_finance,     BP, MANAGE_COMPANY, EC, true",
            "bp_finance,     BP, ADD_EQUIPMENT,  BP, false",
            "bp_finance,     BP, ADD_EQUIPMENT,  EC, false",
            "bp_finance,     BP, MANAGE_SYSTEMS, BP, false",
            "bp_finance,     BP, MANAGE_SYSTEMS, EC, false",
            "company_admin,  BP, MANAGE_COMPANY, BP, true",
            "company_admin,  BP, MANAGE_COMPANY, EC, false",
            "company_admin,  BP, ADD_EQUIPMENT,  BP, true",
            "company_admin,  BP, ADD_EQUIPMENT,  EC, false",
            "company_admin,  BP, MANAGE_SYSTEMS, BP, true",
            "company_admin,  BP, MANAGE_SYSTEMS, EC, false",
            "company_admin,  EC, MANAGE_COMPANY, EC, true",
            "company_admin,  EC, ADD_EQUIPMENT,  EC, false",
            "company_admin,  EC, MANAGE_SYSTEMS, EC, true",
    })
    void everyCellOfTheTable(String role, String callerCompany, Action action, Scope column, boolean answer) {
        Set<Standing> standings = Standing.of(Set.of("user", role), callerCompany.equals("BP"));
        assertEquals(answer, CompanyRights.allows(standings, column, action));
    }

    @Test
    void theEcAdminRowHasNoBpColumn() {
        Set<Standing> ecAdmin = Standing.of(Set.of("company_admin"), false);
        for (Action action : Action.values()) {
            assertFalse(CompanyRights.allows(ecAdmin, Scope.BP, action), action.name());
        }
    }

    @Test
    void aPlainUserMayDoNothing() {
        for (boolean partner : new boolean[] {true, false}) {
            Set<Standing> user = Standing.of(Set.of("user"), partner);
            for (Action action : Action.values()) {
                for (Scope scope : Scope.values()) {
                    assertFalse(CompanyRights.allows(user, scope, action), action + " on " + scope);
                }
            }
        }
    }

    @Test
    void partnerRolesCountOnlyInAPartnerCompany() {
        Set<Standing> standings = Standing.of(Set.of("bp_operation", "bp_finance"), false);
        assertTrue(standings.isEmpty());
        assertFalse(CompanyRights.allows(standings, Scope.EC, Action.MANAGE_COMPANY));
    }

    @Test
    void severalRolesAddUp() {
        Set<Standing> financeAndAdmin = Standing.of(Set.of("bp_finance", "company_admin"), true);
        assertTrue(CompanyRights.allows(financeAndAdmin, Scope.EC, Action.MANAGE_COMPANY));
        assertTrue(CompanyRights.allows(financeAndAdmin, Scope.BP, Action.ADD_EQUIPMENT));
        assertFalse(CompanyRights.allows(financeAndAdmin, Scope.EC, Action.ADD_EQUIPMENT));
    }

    @Test
    void theColumnIsTheCallersOwnCompanyOrACustomerItManages() {
        UUID partner = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        assertEquals(Optional.of(Scope.BP), Scope.of(partner, partner, true, Optional.empty()));
        assertEquals(Optional.of(Scope.EC), Scope.of(partner, customer, false, Optional.of(partner)));
        assertEquals(Optional.of(Scope.EC), Scope.of(customer, customer, false, Optional.of(partner)));
        assertEquals(Optional.empty(), Scope.of(partner, customer, false, Optional.of(stranger)));
        assertEquals(Optional.empty(), Scope.of(partner, stranger, false, Optional.empty()));
        // another business partner is never "managed", even if its record said so
        assertEquals(Optional.empty(), Scope.of(partner, stranger, true, Optional.of(partner)));
    }
}
