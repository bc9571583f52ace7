package org.iris.company.control;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * The entity listener of what members' terms come from (company, subscription, licence): a write of
 * one empties this node's {@link TermsCache}.
 */
public class TermsChanges {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        CDI.current().select(TermsCache.class).get().changing();
    }
}
