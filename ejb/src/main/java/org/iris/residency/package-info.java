/**
 * Data residency: the regions (SPEC §7), one database per region plus a {@code global} one,
 * which of them this deployment serves, their schema migrations at start-up, and the
 * {@link jakarta.persistence.EntityManager} of each boundary.
 *
 * <p>A transaction touches one boundary only. Two non-XA datasources cannot share a JTA
 * transaction, and XA would tie every region's availability to two-phase commit; so a write that
 * spans a region and {@code global} commits the region first (the source of truth) and then
 * {@code global}, each in its own transaction ({@link org.iris.residency.control.Transactions}),
 * and a scheduled repair derives whatever {@code global} is missing from the regions. The schedule
 * is {@link org.iris.residency.boundary.Repairs}'s: each round is a
 * {@link org.iris.residency.control.RepairDue} per region, which every feature with two-commit
 * writes observes (company routes, the halves of cross-region contacts and invitations).
 *
 * <p>A boundary's database may restart or fail over while Iris runs: its pool validates and
 * replaces connections, waits and statements are bounded ({@link org.iris.residency.control.Boundaries}),
 * EclipseLink does not retry a failed read ({@link org.iris.residency.control.FailFast}), and a request
 * that needs a database that is away answers 503 at once while the others go on. A scan that decides
 * what waits in each region (invitations by email) goes region by region
 * ({@link org.iris.residency.control.RegionRounds}): a database away ends that region's round only.
 */
package org.iris.residency;
