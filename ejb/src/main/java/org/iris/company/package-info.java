/**
 * Companies: the tenant of every user (SPEC §1), and what administering them means.
 * <ul>
 * <li>A company's own record, its members' settings, PBX systems and extensions, subscriptions,
 *     licences and invitations live in its region's database; {@code global} keeps only its
 *     {@link org.iris.company.entity.CompanyRoute}, its email domains, organizations and "visibility by"
 *     pairs: what routing and visibility need. The built-in Default company (public, EMEA) is created by
 *     migration and is never deleted nor made non-public.</li>
 * <li>Who may do what is SPEC §1's two tables, each one small class
 *     ({@link org.iris.company.control.CompanyRights}, {@link org.iris.company.control.SubscriptionRights});
 *     {@link org.iris.company.control.CompanyAccess} applies them for every boundary, and answers a
 *     company that is none of the caller's business as one that does not exist.</li>
 * <li>A business partner (BP) creates and manages end customers (EC), possibly in other regions; a
 *     superadmin alone creates organizations, sets domains, pairs and the HDS flag (at creation only).</li>
 * <li>Invitations to join a company are one boundary, {@link org.iris.company.boundary.CompanyInvitations}:
 *     invite, list, revoke and accept (which opens the account through identity).</li>
 * <li>Company sits above identity: it answers identity's {@link org.iris.identity.control.Tenancy}
 *     ({@link org.iris.company.control.CompanyTenancy}, with {@link org.iris.company.control.MemberTerms}
 *     for what a member's offer allows), and tells visibility of changes by events
 *     ({@link org.iris.company.entity.CompanyModeChanged}); a search asks it for companies' names
 *     ({@link org.iris.company.control.CompanyLookup#names}).
 *     Organizations and pairs are read by visibility through {@link org.iris.company.control.CompanyStandings}.</li>
 * </ul>
 */
package org.iris.company;
