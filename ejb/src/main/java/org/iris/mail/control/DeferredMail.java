package org.iris.mail.control;

import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;

import java.util.Map;
import java.util.Optional;

/**
 * A mail whose content is decided only when it is sent, by the feature that asked for it: a PIN is
 * drawn then (so that it never waits in the outbox), and whether the mail goes at all, or which one,
 * may depend on what exists then (so that the request that asked for it did the same work whatever
 * exists). The features that defer mail implement this; the dispatcher asks whichever
 * {@linkplain #handles handles} the mail's kind.
 */
public interface DeferredMail {

    /** What to render for a deferred mail, and in which language. */
    record Content(String template, Language language, Map<String, Object> values) {
    }

    boolean handles(String kind);

    /**
     * Decides the mail; may commit what it needs (the PIN's hash) in transactions of its own, before
     * the mail goes.
     *
     * @return what to render, or empty for no mail at all
     */
    Optional<Content> prepare(String kind, EmailAddress to, Language language, Map<String, Object> values);
}
