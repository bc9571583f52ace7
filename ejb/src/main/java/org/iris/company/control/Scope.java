package org.iris.company.control;

import java.util.Optional;
import java.util.UUID;

/**
 * The column of SPEC §1's rights tables: whether the company acted on is the caller's own business
 * partner company (BP), or an end customer (EC), either the caller's own or one the caller's
 * business partner manages. Any other company is none of the caller's business.
 */
public enum Scope {
    BP, EC;

    /**
     * @param callerCompany    the caller's own company
     * @param target           the company acted on
     * @param targetIsPartner  whether the target is a business-partner company
     * @param targetManagedBy  the business partner that manages the target, if any
     * @return empty when the target is not the caller's to manage at all
     */
    public static Optional<Scope> of(UUID callerCompany, UUID target, boolean targetIsPartner,
                                     Optional<UUID> targetManagedBy) {
        if (target.equals(callerCompany)) {
            return Optional.of(targetIsPartner ? BP : EC);
        }
        if (!targetIsPartner && targetManagedBy.filter(callerCompany::equals).isPresent()) {
            return Optional.of(EC);
        }
        return Optional.empty();
    }
}
