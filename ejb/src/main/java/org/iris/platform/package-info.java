/**
 * What every feature shares, at the bottom of the features' order: the values every feature passes
 * around ({@link org.iris.platform.entity.Caller}, {@link org.iris.platform.entity.Roles},
 * {@link org.iris.platform.entity.EmailAddress}, {@link org.iris.platform.entity.Language},
 * {@link org.iris.platform.entity.Region}, {@link org.iris.platform.entity.VisibilityMode}), pages,
 * the injected {@link java.time.Clock} that stands for "now", the one family of business exceptions
 * that the web tier turns into problem+json, and the crypto keys: the server secret behind keyed
 * hashes and the keys that sign access tokens. It imports no feature.
 */
package org.iris.platform;
