package org.iris.bubble.control;

import org.iris.bubble.control.BubbleRights.Action;
import org.iris.bubble.entity.BubbleRole;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.iris.bubble.control.BubbleRights.Action.ARCHIVE;
import static org.iris.bubble.control.BubbleRights.Action.DELETE;
import static org.iris.bubble.control.BubbleRights.Action.DEMOTE;
import static org.iris.bubble.control.BubbleRights.Action.DESCRIBE;
import static org.iris.bubble.control.BubbleRights.Action.END_CONFERENCE;
import static org.iris.bubble.control.BubbleRights.Action.GET_CONFERENCE_LINK;
import static org.iris.bubble.control.BubbleRights.Action.JOIN_CONFERENCE;
import static org.iris.bubble.control.BubbleRights.Action.LEAVE;
import static org.iris.bubble.control.BubbleRights.Action.MANAGE_PARTICIPANTS;
import static org.iris.bubble.control.BubbleRights.Action.PROMOTE;
import static org.iris.bubble.control.BubbleRights.Action.READ;
import static org.iris.bubble.control.BubbleRights.Action.ROTATE_CONFERENCE_LINK;
import static org.iris.bubble.control.BubbleRights.Action.START_CONFERENCE;
import static org.iris.bubble.control.BubbleRights.Action.TRANSFER_OWNERSHIP;
import static org.iris.bubble.entity.BubbleRole.CO_ORGANIZER;
import static org.iris.bubble.entity.BubbleRole.GUEST;
import static org.iris.bubble.entity.BubbleRole.MEMBER;
import static org.iris.bubble.entity.BubbleRole.OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §5's rights table, written out again from the spec, compared with the rule class cell by cell. */
class BubbleRightsTest {

    /** owner, co-organizer, member, guest: the spec's three columns, its last one for members and guests alike. */
    private static final Map<Action, List<Boolean>> SPEC = new EnumMap<>(Action.class);

    static {
        SPEC.put(DELETE, List.of(true, false, false, false));
        SPEC.put(ARCHIVE, List.of(true, false, false, false));
        SPEC.put(TRANSFER_OWNERSHIP, List.of(true, false, false, false));
        SPEC.put(GET_CONFERENCE_LINK, List.of(true, false, false, false));
        SPEC.put(PROMOTE, List.of(true, true, false, false));
        SPEC.put(MANAGE_PARTICIPANTS, List.of(true, true, false, false));
        SPEC.put(START_CONFERENCE, List.of(true, true, false, false));
        // decided where the table is silent
        SPEC.put(DEMOTE, List.of(true, true, false, false));
        SPEC.put(DESCRIBE, List.of(true, true, false, false));
        SPEC.put(END_CONFERENCE, List.of(true, true, false, false));
        SPEC.put(ROTATE_CONFERENCE_LINK, List.of(true, false, false, false));
        SPEC.put(READ, List.of(true, true, true, true));
        SPEC.put(JOIN_CONFERENCE, List.of(true, true, true, true));
        SPEC.put(LEAVE, List.of(true, true, true, true)); // the owner once no longer owner: Bubbles.remove
    }

    private static final List<BubbleRole> COLUMNS = List.of(OWNER, CO_ORGANIZER, MEMBER, GUEST);

    @Test
    void everyCellIsTheSpecs() {
        assertEquals(SPEC.keySet(), BubbleRights.TABLE.keySet(), "every action has its row");
        for (Action action : Action.values()) {
            for (int column = 0; column < COLUMNS.size(); column++) {
                BubbleRole role = COLUMNS.get(column);
                assertEquals(SPEC.get(action).get(column), BubbleRights.allows(role, action), action + " for " + role);
            }
        }
    }

    @Test
    void membersAndGuestsShareTheirColumn() {
        for (Action action : Action.values()) {
            assertEquals(BubbleRights.allows(MEMBER, action), BubbleRights.allows(GUEST, action), action.name());
        }
    }

    @Test
    void anArchivedBubbleIsReadOnly() {
        for (Action action : List.of(DESCRIBE, MANAGE_PARTICIPANTS, PROMOTE, DEMOTE, TRANSFER_OWNERSHIP, START_CONFERENCE,
                JOIN_CONFERENCE, END_CONFERENCE, ARCHIVE, ROTATE_CONFERENCE_LINK)) {
            assertFalse(BubbleRights.allowedWhenArchived(action), action.name());
        }
        for (Action action : List.of(READ, LEAVE, DELETE, GET_CONFERENCE_LINK)) {
            assertTrue(BubbleRights.allowedWhenArchived(action), action.name());
        }
    }
}
