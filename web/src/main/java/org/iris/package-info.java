/**
 * Iris. The web tier's resources under {@code /api/v1} and the domain's boundary EJBs are grouped by
 * the same features; in {@code platform}, the mappers that turn every error into
 * {@code application/problem+json}. Resources only translate HTTP. "SPEC §n" in comments is section n
 * of {@code docs/rules.md}.
 *
 * <p>The features depend one way, from the bottom up; each may use those below it, never one above:
 * <ol>
 *   <li>{@code platform}: what every feature shares: the caller, roles, email addresses, languages,
 *       regions and visibility modes as values; pages, errors, the clock, secrets and keys;</li>
 *   <li>{@code residency}: the data boundaries, their databases and transactions, routing tokens, repairs;</li>
 *   <li>{@code mail}: templates, the outbox and its dispatcher;</li>
 *   <li>{@code identity}: accounts, passwords, PINs, sessions and tokens;</li>
 *   <li>{@code company}: companies, their members' administration, partners, subscriptions,
 *       invitations to join;</li>
 *   <li>{@code visibility}: the rules of who may find whom, and the directory;</li>
 *   <li>{@code network}: invitations, contacts, favorites, presence;</li>
 *   <li>{@code bubble}: group conversations, their participants and guests, conferences and lobby;</li>
 *   <li>{@code messaging}: conversations, encrypted messages and scanned files, the WebSocket endpoint
 *       and its pushes across nodes;</li>
 * </ol>
 * and, to come above them in this order, {@code audit} and {@code lifecycle}: the
 * direction test already holds each to its place. Identity sits below company:
 * companies administer accounts. Where a lower feature must react to a higher one, it fires a CDI
 * event ({@code AccountChanged}, {@code AccountOpened}, {@code CompanyModeChanged}; {@code BubbleEvent} and
 * {@code PresenceChanged}, which messaging pushes to sockets); where it needs to
 * ask one, it declares the question as an interface the higher one implements ({@code Tenancy}:
 * identity asks company; {@code Networks}: visibility asks network; {@code DeferredMail}: mail asks
 * identity and messaging). A feature's tables are read and written by its own classes only. {@code
 * FeatureDirectionTest} fails on an import that runs back up.
 */
package org.iris;
