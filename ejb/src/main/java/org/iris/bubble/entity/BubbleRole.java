package org.iris.bubble.entity;

/** A participant's role in a bubble (SPEC §5); a person invited by email is a guest. */
public enum BubbleRole {
    OWNER, CO_ORGANIZER, MEMBER, GUEST;

    /** The owner and co-organizers, who open the conference to those waiting in its lobby. */
    public boolean organizer() {
        return this == OWNER || this == CO_ORGANIZER;
    }
}
