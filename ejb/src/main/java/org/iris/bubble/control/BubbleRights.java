package org.iris.bubble.control;

import org.iris.bubble.entity.BubbleRole;

import java.util.EnumMap;
import java.util.Map;

/**
 * SPEC §5's rights table, cell for cell, and below it the actions the table leaves out, decided here
 * once. Someone who is no participant has no right at all (and is told the bubble does not exist);
 * a superadmin is an operator, not a participant: no row of their own.
 */
public final class BubbleRights {

    public enum Action {
        // SPEC §5's table
        DELETE, ARCHIVE, TRANSFER_OWNERSHIP, GET_CONFERENCE_LINK, PROMOTE, MANAGE_PARTICIPANTS, START_CONFERENCE,
        // not in the table
        /** Make a co-organizer a member again: those who promote, so that a co-organizer can be undone by another. */
        DEMOTE,
        /** Rename, change the topic: the organizers, like the participants they manage. */
        DESCRIBE,
        /** End the conference for everyone: those who may start it. */
        END_CONFERENCE,
        /** Rotate the conference link: whoever gets it. */
        ROTATE_CONFERENCE_LINK,
        /** Read the bubble and its participants, join the conference or wait in its lobby: every participant. */
        READ, JOIN_CONFERENCE,
        /** Leave the bubble: every participant; the owner only once they have transferred ownership (a conflict until then). */
        LEAVE
    }

    /** One row: the owner's, the co-organizers' and the members' and guests' answers. */
    record Cell(boolean owner, boolean coOrganizer, boolean memberOrGuest) {
        boolean allows(BubbleRole role) {
            return switch (role) {
                case OWNER -> owner;
                case CO_ORGANIZER -> coOrganizer;
                case MEMBER, GUEST -> memberOrGuest;
            };
        }
    }

    private static final boolean YES = true;
    private static final boolean NO = false;

    static final Map<Action, Cell> TABLE = new EnumMap<>(Action.class);

    static {
        //                                                 owner  co-organizer  member / guest
        TABLE.put(Action.DELETE, new Cell(                  YES,   NO,           NO));
        TABLE.put(Action.ARCHIVE, new Cell(                 YES,   NO,           NO));
        TABLE.put(Action.TRANSFER_OWNERSHIP, new Cell(      YES,   NO,           NO));
        TABLE.put(Action.GET_CONFERENCE_LINK, new Cell(     YES,   NO,           NO));
        TABLE.put(Action.PROMOTE, new Cell(                 YES,   YES,          NO));
        TABLE.put(Action.MANAGE_PARTICIPANTS, new Cell(     YES,   YES,          NO));
        TABLE.put(Action.START_CONFERENCE, new Cell(        YES,   YES,          NO));
        // beyond the table
        TABLE.put(Action.DEMOTE, new Cell(                  YES,   YES,          NO));
        TABLE.put(Action.DESCRIBE, new Cell(                YES,   YES,          NO));
        TABLE.put(Action.END_CONFERENCE, new Cell(          YES,   YES,          NO));
        TABLE.put(Action.ROTATE_CONFERENCE_LINK, new Cell(  YES,   NO,           NO));
        TABLE.put(Action.READ, new Cell(                    YES,   YES,          YES));
        TABLE.put(Action.JOIN_CONFERENCE, new Cell(         YES,   YES,          YES));
        TABLE.put(Action.LEAVE, new Cell(                   YES,   YES,          YES));
    }

    private BubbleRights() {
    }

    public static boolean allows(BubbleRole role, Action action) {
        return TABLE.get(action).allows(role);
    }

    /** What an archived bubble still allows: it is read-only, and may still be left or deleted. */
    public static boolean allowedWhenArchived(Action action) {
        return action == Action.READ || action == Action.LEAVE || action == Action.DELETE
                || action == Action.GET_CONFERENCE_LINK;
    }
}
