/**
 * The web tier of Iris: JAX-RS resources under {@code /api/v1}, grouped by the same features as
 * the domain ({@code company}, {@code residency}, ...), and in {@code platform} the mappers that
 * turn every error into {@code application/problem+json}. Resources only translate HTTP.
 */
package org.iris;
