package org.iris.company.control;

import java.util.Map;
import java.util.Set;

import static org.iris.company.control.Standing.BP_COMPANY_ADMIN;
import static org.iris.company.control.Standing.BP_FINANCE;
import static org.iris.company.control.Standing.BP_OPERATION;
import static org.iris.company.control.Standing.EC_COMPANY_ADMIN;

/**
 * SPEC §1's company-management table, cell for cell. A caller may act when any row they stand in
 * allows it in the column of the company acted on.
 */
public final class CompanyRights {

    /** The table's columns of actions. */
    public enum Action {
        /** Manage company info and invite members (and so administer the members). */
        MANAGE_COMPANY,
        /** Add equipment (PBX systems). */
        ADD_EQUIPMENT,
        /** Manage systems, link users to PBX extensions. */
        MANAGE_SYSTEMS
    }

    /** One cell: the answer for the BP and for the EC column; {@code null} where the table says "–". */
    record Cell(Boolean bp, Boolean ec) {
        boolean allows(Scope scope) {
            return Boolean.TRUE.equals(scope == Scope.BP ? bp : ec);
        }
    }

    private static final Cell YES_YES = new Cell(true, true);
    private static final Cell NO_NO = new Cell(false, false);
    private static final Cell YES_NO = new Cell(true, false);
    private static final Cell NA_YES = new Cell(null, true);
    private static final Cell NA_NO = new Cell(null, false);

    //                    manage company info, invite    add equipment (PBX)        manage systems, link extensions
    static final Map<Standing, Map<Action, Cell>> TABLE = Map.of(
            BP_OPERATION, row(YES_YES, YES_YES, YES_YES),
            BP_FINANCE, row(YES_YES, NO_NO, NO_NO),
            BP_COMPANY_ADMIN, row(YES_NO, YES_NO, YES_NO),
            EC_COMPANY_ADMIN, row(NA_YES, NA_NO, NA_YES));

    private CompanyRights() {
    }

    private static Map<Action, Cell> row(Cell manage, Cell equipment, Cell systems) {
        return Map.of(Action.MANAGE_COMPANY, manage, Action.ADD_EQUIPMENT, equipment, Action.MANAGE_SYSTEMS, systems);
    }

    public static boolean allows(Set<Standing> standings, Scope scope, Action action) {
        return standings.stream().anyMatch(standing -> TABLE.get(standing).get(action).allows(scope));
    }
}
