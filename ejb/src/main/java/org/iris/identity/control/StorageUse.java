package org.iris.identity.control;

import org.iris.identity.entity.Account;

/**
 * What identity shows of an account's storage (its company's, or its own for a standalone user),
 * known to messaging, which keeps the files and sits above: messaging implements it.
 */
public interface StorageUse {

    /** Bytes kept and the quota they count toward. */
    record Storage(long usedBytes, long quotaBytes) {
    }

    Storage of(Account account);
}
