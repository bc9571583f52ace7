package org.iris.identity.control;

import org.iris.identity.entity.Account;
import org.iris.identity.entity.Home;
import org.iris.platform.entity.EmailAddress;

import java.util.Set;

/**
 * What identity needs to know of companies, which sit above it (the features depend one way):
 * where an account of an email opens, and what an account's company and licence let it use. The
 * company feature implements it; identity never reads a company's tables.
 */
public interface Tenancy {

    /** What an account may use and do by its licence and its company's restrictions (SPEC §1, §6). */
    record Terms(String offer, Set<String> features, boolean fileSharingAllowed, boolean nameEditAllowed) {
    }

    /** The company owning the email's domain, else the Default company (SPEC §1). */
    Home home(EmailAddress email);

    /** The Default company, where standalone users and the bootstrap superadmin live. */
    Home standalone();

    Terms terms(Account account);
}
