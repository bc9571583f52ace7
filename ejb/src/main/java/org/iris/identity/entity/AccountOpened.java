package org.iris.identity.entity;

/**
 * A new account exists, in its region and routed in {@code global}: what waited for this person
 * (invitations to a network sent to their email) can now name them. Fired after both commits.
 */
public record AccountOpened(Account account) {
}
