/**
 * Identity (SPEC §1, §2): accounts and their roles, self-registration and password reset by
 * emailed PIN, the password policy and hashes, password login, access tokens (RS256 JWT) and
 * refresh tokens, revocation, and the back-off that defeats brute force and enumeration. Every call's
 * bearer token is verified from memory ({@link org.iris.identity.control.BearerTokens}: keys parsed
 * once, revocations refreshed from {@code global}), never by a query.
 * An account lives in its company's region; {@code global} routes a login to it by a keyed hash
 * of the email, and keeps the throttle counters and revocations every node must share.
 *
 * <p>Nothing a caller without a login asks for costs a password hash or a mail beyond a budget per
 * email and per source address, counted before the work ({@link org.iris.identity.control.Throttles}):
 * a login counts before its hash, a PIN is tried before the new password is hashed, and the PIN mails
 * are decided when they are sent ({@link org.iris.identity.control.PinMails}), so that asking does the
 * same work, and takes as long, whether or not the email has an account.
 *
 * <p>Identity sits below company: it does not import it. What it must know of a user's company (where
 * an email's account goes, the offer's features) it asks through {@link org.iris.identity.control.Tenancy},
 * which company implements; what company must hear of it is an event
 * ({@link org.iris.identity.entity.AccountChanged}, {@link org.iris.identity.entity.AccountOpened}).
 * Opening an account ({@link org.iris.identity.control.AccountOpening}) and ending sessions
 * ({@link org.iris.identity.control.SessionEnding}) are one control each; other features read accounts
 * through {@link org.iris.identity.control.Memberships} and {@link org.iris.identity.control.AccountRoutes},
 * never by querying identity's tables.
 */
package org.iris.identity;
