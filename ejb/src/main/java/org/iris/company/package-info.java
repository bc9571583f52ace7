/**
 * Companies: the tenant of every user (SPEC §1). A company's own record lives in its region's
 * database; {@code global} keeps only its {@link org.iris.company.entity.CompanyRoute}, which says
 * where that record is and what other boundaries need in order to decide visibility.
 * The built-in Default company (public, EMEA) is created by migration.
 */
package org.iris.company;
