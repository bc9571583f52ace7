package org.iris.identity.entity;

/**
 * An account was written (opened, renamed, given roles or a mode of its own), in the transaction of its
 * region that is still open: observers that keep something in step with accounts (the directory) write
 * in that same transaction, so that they never disagree with a committed account. Fired synchronously.
 */
public record AccountChanged(Account account) {
}
