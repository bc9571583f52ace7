/**
 * What every feature shares: the injected {@link java.time.Clock} that stands for "now",
 * and the one family of business exceptions that the web tier turns into problem+json.
 */
package org.iris.platform;
