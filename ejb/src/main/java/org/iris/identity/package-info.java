/**
 * Identity: who a caller is and what roles they hold (SPEC §1, §2). Accounts, passwords, PINs
 * and token issue come here; for now it names the roles that tokens carry.
 */
package org.iris.identity;
