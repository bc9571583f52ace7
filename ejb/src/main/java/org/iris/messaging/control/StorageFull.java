package org.iris.messaging.control;

import java.util.Optional;

import org.iris.platform.control.TooLarge;

/** The upload would take its company (or standalone user) past its storage quota: 413, type {@code storage-full}. */
public class StorageFull extends TooLarge {

    private static final long serialVersionUID = 1L;

    public StorageFull(long quotaBytes) {
        super("This upload would pass the storage quota of " + quotaBytes + " bytes; nothing was kept. Delete files to make room.");
    }

    @Override
    public String title() {
        return "Storage quota reached";
    }

    @Override
    public Optional<String> problemType() {
        return Optional.of("storage-full");
    }
}
