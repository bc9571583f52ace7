package org.iris.platform.entity;

/**
 * The only role of a guest's token (SPEC §5): no account holds it, and it opens one bubble only;
 * apart from the account roles of {@link Roles}, which every other API asks for.
 */
public final class GuestRole {

    public static final String NAME = "guest";

    private GuestRole() {
    }
}
