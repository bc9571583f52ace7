package org.iris.messaging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.iris.messaging.control.BlobStore;

/**
 * At a node's start, empties its own incoming folders ({@link BlobStore#emptyIncoming}): whatever an
 * upload left there when the node went down was never kept. Once the boundaries know which regions
 * this node serves.
 */
@Singleton
@Startup
@DependsOn("Boundaries")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IncomingCleanup {

    @Inject
    BlobStore blobs;

    @PostConstruct
    void empty() {
        blobs.emptyIncoming();
    }
}
