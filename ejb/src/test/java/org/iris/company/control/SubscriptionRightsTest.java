package org.iris.company.control;

import org.iris.company.control.SubscriptionRights.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * SPEC §1's subscription table, every cell, written out again here as the spec has it; the
 * "only if also finance" cells are checked without and with the finance role.
 */
class SubscriptionRightsTest {

    @ParameterizedTest(name = "{0} in a {1}: {2} on {3} = {4}")
    @CsvSource({
            // roles (space-separated),   caller's company, action, column, answer
            "bp_operation,                BP, CREATE,   BP, false",
            "bp_operation,                BP, CREATE,   EC, false",
            "bp_operation,                BP, MANAGE,   BP, false",
            "bp_operation bp_finance,     BP, MANAGE,   BP, true",
            "bp_operation,                BP, MANAGE,   EC, false",
            "bp_operation,                BP, ALLOCATE, BP, true",
            "bp_operation,                BP, ALLOCATE, EC, true",
            "bp_finance,                  BP, CREATE,   BP, true",
            "bp_finance,                  BP, CREATE,   EC, true",
            "bp_finance,                  BP, MANAGE,   BP, true",
            "bp_finance,                  BP, MANAGE,   EC, true",
            "bp_finance,                  BP, ALLOCATE, BP, true",
            "bp_finance,                  BP, ALLOCATE, EC, true",
            "company_admin,               BP, CREATE,   BP, true",
            "company_admin,               BP, CREATE,   EC, false",
            "company_admin,               BP, MANAGE,   BP, true",
            "company_admin,               BP, MANAGE,   EC, false",
            "company_admin,               BP, ALLOCATE, BP, true",
            "company_admin,               BP, ALLOCATE, EC, true",
            "company_admin,               EC, CREATE,   EC, true",
            "company_admin,               EC, MANAGE,   EC, false",
            "company_admin,               EC, ALLOCATE, EC, true",
    })
    void everyCellOfTheTable(String roles, String callerCompany, Action action, Scope column, boolean answer) {
        Set<Standing> standings = Standing.of(Set.of(roles.split(" ")), callerCompany.equals("BP"));
        assertEquals(answer, SubscriptionRights.allows(standings, column, action));
    }

    @Test
    void theFinanceConditionOfTheEcAdminCellIsReadAsTheTableSays() {
        assertEquals(SubscriptionRights.Answer.IF_FINANCE, SubscriptionRights.TABLE.get(Standing.EC_COMPANY_ADMIN)
                .get(Action.MANAGE).ec());
        // bp_finance is a business partner's role: a member of an end customer never meets the condition
        assertFalse(SubscriptionRights.allows(Standing.of(Set.of("company_admin", "bp_finance"), false), Scope.EC, Action.MANAGE));
    }

    @Test
    void theEcAdminRowHasNoBpColumn() {
        Set<Standing> ecAdmin = Standing.of(Set.of("company_admin"), false);
        for (Action action : Action.values()) {
            assertFalse(SubscriptionRights.allows(ecAdmin, Scope.BP, action), action.name());
        }
    }

    @Test
    void aPlainUserMayDoNothing() {
        for (Action action : Action.values()) {
            for (Scope scope : Scope.values()) {
                assertFalse(SubscriptionRights.allows(Standing.of(Set.of("user"), true), scope, action));
            }
        }
    }
}
