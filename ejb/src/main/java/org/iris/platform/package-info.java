/**
 * What every feature shares: the injected {@link java.time.Clock} that stands for "now", the one
 * family of business exceptions that the web tier turns into problem+json, and the crypto keys:
 * the server secret behind keyed hashes and the keys that sign access tokens.
 */
package org.iris.platform;
