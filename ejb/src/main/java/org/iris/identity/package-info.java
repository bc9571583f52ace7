/**
 * Identity (SPEC §1, §2): accounts and their roles, self-registration and password reset by
 * emailed PIN, the password policy and hashes, password login, access tokens (RS256 JWT) and
 * refresh tokens, revocation, and the back-off that defeats brute force and enumeration.
 * An account lives in its company's region; {@code global} routes a login to it by a keyed hash
 * of the email, and keeps the throttle counters and revocations every node must share.
 *
 * <p>Nothing a caller without a login asks for costs a password hash or a mail beyond a budget per
 * email and per source address, counted before the work ({@link org.iris.identity.control.Throttles}):
 * a login counts before its hash, a PIN is tried before the new password is hashed, and the PIN mails
 * are decided when they are sent ({@link org.iris.identity.control.PinMails}), so that asking does the
 * same work, and takes as long, whether or not the email has an account.
 */
package org.iris.identity;
