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
 * </ul>
 */
package org.iris.company;
