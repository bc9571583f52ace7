/**
 * Identity (SPEC §1, §2): accounts and their roles, self-registration and password reset by
 * emailed PIN, the password policy and hashes, password login, access tokens (RS256 JWT) and
 * refresh tokens, revocation, and the back-off that defeats brute force and enumeration.
 * An account lives in its company's region; {@code global} routes a login to it by a keyed hash
 * of the email, and keeps the throttle counters and revocations every node must share.
 */
package org.iris.identity;
