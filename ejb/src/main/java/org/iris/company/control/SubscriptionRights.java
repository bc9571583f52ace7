package org.iris.company.control;

import java.util.Map;
import java.util.Set;

import static org.iris.company.control.Standing.BP_COMPANY_ADMIN;
import static org.iris.company.control.Standing.BP_FINANCE;
import static org.iris.company.control.Standing.BP_OPERATION;
import static org.iris.company.control.Standing.EC_COMPANY_ADMIN;

/**
 * SPEC §1's subscription table, cell for cell. Some cells hold only when the caller also holds a
 * finance role ({@code bp_finance}); since that role exists only in a business partner, the EC
 * admin's "only if also finance" never holds for a member of an end customer.
 */
public final class SubscriptionRights {

    public enum Action {
        CREATE, MANAGE, ALLOCATE
    }

    /** A cell's answer; {@code NA} where the table says "–". */
    enum Answer {
        YES, NO, NA, IF_FINANCE;

        boolean allows(Set<Standing> standings) {
            return this == YES || (this == IF_FINANCE && standings.contains(BP_FINANCE));
        }
    }

    record Cell(Answer bp, Answer ec) {
    }

    //                  create subscriptions                       manage subscriptions                         allocate licences
    static final Map<Standing, Map<Action, Cell>> TABLE = Map.of(
            BP_OPERATION, row(cell(Answer.NO, Answer.NO), cell(Answer.IF_FINANCE, Answer.NO), cell(Answer.YES, Answer.YES)),
            BP_FINANCE, row(cell(Answer.YES, Answer.YES), cell(Answer.YES, Answer.YES), cell(Answer.YES, Answer.YES)),
            BP_COMPANY_ADMIN, row(cell(Answer.YES, Answer.NO), cell(Answer.YES, Answer.NO), cell(Answer.YES, Answer.YES)),
            EC_COMPANY_ADMIN, row(cell(Answer.NA, Answer.YES), cell(Answer.NA, Answer.IF_FINANCE), cell(Answer.NA, Answer.YES)));

    private SubscriptionRights() {
    }

    private static Cell cell(Answer bp, Answer ec) {
        return new Cell(bp, ec);
    }

    private static Map<Action, Cell> row(Cell create, Cell manage, Cell allocate) {
        return Map.of(Action.CREATE, create, Action.MANAGE, manage, Action.ALLOCATE, allocate);
    }

    public static boolean allows(Set<Standing> standings, Scope scope, Action action) {
        return standings.stream().anyMatch(standing -> {
            Cell cell = TABLE.get(standing).get(action);
            return (scope == Scope.BP ? cell.bp() : cell.ec()).allows(standings);
        });
    }
}
